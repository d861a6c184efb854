import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { removeCategory } from '../../helpers/categoryRequests';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { categoryLocator, itemLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	itemLocator({ description: 'Document, folder or workspace to remove the category from' }),
	categoryLocator({ description: 'Category to remove, with all its values' }),
];

const displayOptions = { show: { resource: ['category'], operation: ['remove'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const nodeId = await resolveLocator(this, context, 'item', 'Item', itemIndex, 'item');
	const categoryId = await resolveLocator(
		this,
		context,
		'category',
		'Category',
		itemIndex,
		'category',
	);

	await forParameter('Category', async () => await removeCategory(context, nodeId, categoryId));
	return [{ json: { removed: true, itemId: nodeId, categoryId } }];
}
