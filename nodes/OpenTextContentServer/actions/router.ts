import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ContentServerContext } from '../helpers/context';
import { createContext } from '../helpers/context';
import { toNodeError } from '../helpers/errors';
import * as businessWorkspace from './businessWorkspace/BusinessWorkspace.resource';
import * as category from './category/Category.resource';
import * as document from './document/Document.resource';
import * as folder from './folder/Folder.resource';
import * as link from './link/Link.resource';
import type { Operation } from './operation';
import * as search from './search/Search.resource';

// Each resource module exports its operations and its `description`, which is skipped here.
const resources: Record<string, Record<string, unknown>> = {
	businessWorkspace: { ...businessWorkspace },
	category: { ...category },
	document: { ...document },
	folder: { ...folder },
	link: { ...link },
	search: { ...search },
};

function errorItem(
	functions: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData[] {
	const nodeError = toNodeError(functions.getNode(), error, itemIndex);
	return functions.helpers.constructExecutionMetaData(
		[{ json: { error: nodeError.message, description: nodeError.description ?? null } }],
		{ itemData: { item: itemIndex } },
	);
}

/**
 * Runs the selected operation once per input item. The session (login, ticket) and the
 * caches are created once for the whole execution. Output items and error items both
 * carry `pairedItem`.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;

	const operation = resources[resource]?.[operationName] as Operation | undefined;
	if (operation === undefined || typeof operation.execute !== 'function') {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
			{ description: 'Pick a resource and an operation from the lists.' },
		);
	}

	let context: ContentServerContext | undefined;
	let setupError: unknown;
	try {
		context = await createContext(this);
	} catch (error) {
		setupError = error;
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			if (context === undefined) throw setupError;
			const output = await operation.execute.call(this, context, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
			returnData.push(...errorItem(this, error, itemIndex));
		}
	}
	return [returnData];
}
