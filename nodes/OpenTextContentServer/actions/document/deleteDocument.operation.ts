import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { deleteNode } from '../../helpers/nodes';
import { documentLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	documentLocator({
		description: 'Document to delete. Content Server moves it to the recycle bin.',
	}),
];

const displayOptions = { show: { resource: ['document'], operation: ['deleteDocument'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const documentId = await resolveLocator(this, context, 'document', 'Document', itemIndex, 'item');
	await forParameter('Document', async () => await deleteNode(context, documentId));

	return [{ json: { deleted: true, id: documentId } }];
}
