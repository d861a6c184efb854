import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { deleteNode } from '../../helpers/nodes';
import { folderLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	folderLocator({
		description:
			'Folder to delete, with everything in it. Content Server moves it to the recycle bin.',
	}),
];

const displayOptions = { show: { resource: ['folder'], operation: ['deleteFolder'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const folderId = await resolveLocator(this, context, 'folder', 'Folder', itemIndex, 'container');
	await forParameter('Folder', async () => await deleteNode(context, folderId));

	return [{ json: { deleted: true, id: folderId } }];
}
