import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getAppliedCategories, valuesByName } from '../../helpers/categoryRequests';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import { categoryLocator, itemLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	itemLocator({ description: 'Document, folder or workspace whose category values to get' }),
	categoryLocator({ description: 'Category whose values to get' }),
	{
		...simplifyProperty,
		description:
			'Whether to return only the values by attribute name instead of also the values by key and the attribute definitions',
	},
];

const displayOptions = { show: { resource: ['category'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Reads one applied category of a node as output: values by attribute name, optionally by key. */
export async function readCategoryOutput(
	context: ContentServerContext,
	nodeId: number,
	categoryId: number,
	simplify: boolean,
): Promise<IDataObject> {
	const applied = await getAppliedCategories(context, nodeId);
	const category = applied.find((candidate) => candidate.id === categoryId);
	if (!category) {
		throw new InputError(
			`Category ${categoryId} is not applied to item ${nodeId}`,
			'Apply the category first (Category → Apply), or pick a category the item has.',
			'Category',
		);
	}

	const output: IDataObject = {
		itemId: nodeId,
		categoryId,
		categoryName: category.name,
		values: valuesByName(category),
	};
	if (!simplify) {
		output.valuesByKey = category.values;
		output.attributes = category.attributes as unknown as IDataObject[];
	}
	return output;
}

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const nodeId = await resolveLocator(this, context, 'item', 'Item', itemIndex, 'item');
	const categoryId = await resolveLocator(
		this,
		context,
		'category',
		'Category',
		itemIndex,
		'category',
	);

	const json = await forParameter(
		'Item',
		async () => await readCategoryOutput(context, nodeId, categoryId, simplify),
	);
	return [{ json }];
}
