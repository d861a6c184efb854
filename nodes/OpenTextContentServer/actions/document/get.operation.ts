import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, getNode, simplifyNode } from '../../helpers/nodes';
import { documentLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	documentLocator({ description: 'Document to get' }),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['document'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const documentId = await resolveLocator(this, context, 'document', 'Document', itemIndex, 'item');
	const { properties: document } = await forParameter(
		'Document',
		async () => await getNode(context, documentId),
	);

	return [{ json: simplify ? simplifyNode(context, document) : fullNode(context, document) }];
}
