import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCategoryInput } from '../../helpers/categoryInput';
import { applyCategory, upsertCategory } from '../../helpers/categoryRequests';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { categoryLocator, categoryValueProperties, itemLocator } from '../common.descriptions';
import { readCategoryOutput } from './get.operation';

const properties: INodeProperties[] = [
	itemLocator({ description: 'Document, folder or workspace to apply the category to' }),
	categoryLocator({ description: 'Category to apply' }),
	...categoryValueProperties({}),
	{
		displayName: 'If Already Applied',
		name: 'ifApplied',
		type: 'options',
		options: [
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error',
			},
			{
				name: 'Update Values',
				value: 'update',
				description: 'Set the given values on the applied category',
			},
		],
		default: 'update',
		description: 'What to do when the item already has this category',
	},
];

const displayOptions = { show: { resource: ['category'], operation: ['apply'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const ifApplied = this.getNodeParameter('ifApplied', itemIndex, 'update') as string;

	const nodeId = await resolveLocator(this, context, 'item', 'Item', itemIndex, 'item');
	const input = await readCategoryInput(this, context, itemIndex);

	const action =
		ifApplied === 'update'
			? await forParameter('Item', async () => await upsertCategory(context, nodeId, input))
			: await forParameter('Item', async () => {
					await applyCategory(context, nodeId, input);
					return 'applied' as const;
				});

	const json = await readCategoryOutput(context, nodeId, input.categoryId, true);
	return [{ json: { ...json, action } }];
}
