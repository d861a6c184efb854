import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readCategoryInput } from '../../helpers/categoryInput';
import { updateOrApplyCategory } from '../../helpers/categoryRequests';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import { categoryLocator, categoryValueProperties, itemLocator } from '../common.descriptions';
import { readCategoryOutput } from './get.operation';

const properties: INodeProperties[] = [
	itemLocator({ description: 'Document, folder or workspace whose category values to change' }),
	categoryLocator({ description: 'Category whose values to change' }),
	...categoryValueProperties({}),
	{
		displayName: 'If Not Applied',
		name: 'ifNotApplied',
		type: 'options',
		options: [
			{
				name: 'Apply Category',
				value: 'apply',
				description: 'Apply the category with the given values',
			},
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop with an error',
			},
		],
		default: 'apply',
		description: 'What to do when the item does not have this category yet',
	},
];

const displayOptions = { show: { resource: ['category'], operation: ['updateValues'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const applyIfMissing =
		(this.getNodeParameter('ifNotApplied', itemIndex, 'apply') as string) === 'apply';

	const nodeId = await resolveLocator(this, context, 'item', 'Item', itemIndex, 'item');
	const input = await readCategoryInput(this, context, itemIndex);
	if (Object.keys(input.values).length === 0) {
		throw new InputError(
			'No attribute value is given',
			'Add a row under Attribute Values or Set Values, or enter values as JSON.',
			'Attribute Values',
		);
	}

	const action = await forParameter(
		'Item',
		async () => await updateOrApplyCategory(context, nodeId, input, applyIfMissing),
	);

	const json = await readCategoryOutput(context, nodeId, input.categoryId, true);
	return [{ json: { ...json, action } }];
}
