import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolvePath } from '../../helpers/folders';
import { fullNode, getNode, simplifyNode } from '../../helpers/nodes';
import { simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Enterprise:Shopify/Orders/2026/#1001',
		description:
			'Folders to find or create. Volume (Enterprise, Personal, Categories or a node ID), colon, then folder names separated by "/". Write "\\/" for a slash inside a name.',
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['folder'], operation: ['ensurePath'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const path = this.getNodeParameter('path', itemIndex) as string;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const resolved = await forParameter(
		'Path',
		async () => await resolvePath(context, path, { create: true }),
	);
	const { properties: folder } = await getNode(context, resolved.id);

	const json = simplify ? simplifyNode(context, folder) : fullNode(context, folder);
	return [{ json: { ...json, path: resolved.path, created: resolved.created } }];
}
