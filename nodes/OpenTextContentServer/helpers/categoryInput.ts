import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CategoryDefinition } from './categoryDefinition';
import { getCategoryDefinition } from './categoryDefinition';
import type { AttributeValueRow, SetValueRow } from './categoryValues';
import { parseRawValues, resolveAttributeValues } from './categoryValues';
import type { ContentServerContext } from './context';
import { forParameter } from './errors';
import { resolveLocator } from './locators';
import { resolveUserId } from './members';

export interface CategoryInput {
	categoryId: number;
	definition: CategoryDefinition;
	/** Values keyed `{category}_{attribute}`, converted to the attributes' types. */
	values: IDataObject;
}

/**
 * Reads the category and its values from the parameters shared by Category → Apply,
 * Category → Update Values, Document → Upload and the business workspace creates:
 * `category`, `valuesMode`, `attributeValues`, `setValues` and `valuesJson`.
 */
export async function readCategoryInput(
	functions: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<CategoryInput> {
	const categoryId = await resolveLocator(
		functions,
		context,
		'category',
		'Category',
		itemIndex,
		'category',
	);
	const definition = await forParameter(
		'Category',
		async () => await getCategoryDefinition(context, categoryId),
	);
	const mode = functions.getNodeParameter('valuesMode', itemIndex, 'byName') as string;

	if (mode === 'json') {
		const json = functions.getNodeParameter('valuesJson', itemIndex, '{}');
		const values = await forParameter('Values (JSON)', async () =>
			parseRawValues(categoryId, json, definition),
		);
		return { categoryId, definition, values };
	}

	const rows = functions.getNodeParameter(
		'attributeValues.value',
		itemIndex,
		[],
	) as AttributeValueRow[];
	const setRows = functions.getNodeParameter('setValues.value', itemIndex, []) as SetValueRow[];
	const resolveUser = async (value: unknown) => await resolveUserId(context, value);

	const values = await resolveAttributeValues(definition, rows, setRows, resolveUser);
	return { categoryId, definition, values };
}

/**
 * Returns values in the flat form of `roles.categories` on `POST /api/v2/nodes`. A
 * category without values is applied with its defaults through the `{category}_1` key.
 */
export function flatRoleValues(input: CategoryInput): IDataObject {
	if (Object.keys(input.values).length === 0) return { [`${input.categoryId}_1`]: {} };
	return input.values;
}

/** Returns values nested by category ID, as business workspace creation expects them. */
export function nestedRoleValues(input: CategoryInput): Record<string, IDataObject> {
	return { [String(input.categoryId)]: input.values };
}
