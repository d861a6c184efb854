import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, getNode, simplifyNode } from '../../helpers/nodes';
import { folderLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	folderLocator({ description: 'Folder to get' }),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['folder'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const folderId = await resolveLocator(this, context, 'folder', 'Folder', itemIndex, 'container');
	const { properties: folder } = await forParameter(
		'Folder',
		async () => await getNode(context, folderId),
	);

	return [{ json: simplify ? simplifyNode(context, folder) : fullNode(context, folder) }];
}
