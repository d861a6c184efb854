import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, listChildren, simplifyNode } from '../../helpers/nodes';
import { folderLocator, returnAllProperties, simplifyProperty } from '../common.descriptions';

/** Subtypes offered in the Type filter, shared with Search. */
export const typeOptions = [
	{ name: 'Business Workspace', value: 848 },
	{ name: 'Category', value: 131 },
	{ name: 'Document', value: 144 },
	{ name: 'Folder', value: 0 },
	{ name: 'Shortcut', value: 1 },
	{ name: 'URL', value: 140 },
];

const properties: INodeProperties[] = [
	folderLocator({ description: 'Folder or business workspace whose items to list' }),
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Exact Name',
				name: 'exactName',
				type: 'boolean',
				default: false,
				description:
					'Whether the name must equal Name Contains instead of containing it (letter case is ignored)',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice',
				description: 'Only return items whose name contains this text',
			},
			{
				displayName: 'Types',
				name: 'types',
				type: 'multiOptions',
				options: typeOptions,
				default: [],
				description: 'Only return items of these types',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		options: [
			{ name: 'Name (A to Z)', value: 'asc_name' },
			{ name: 'Name (Z to A)', value: 'desc_name' },
		],
		default: 'asc_name',
		description: 'Order of the returned items',
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['folder'], operation: ['getChildren'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const sort = this.getNodeParameter('sort', itemIndex, 'asc_name') as string;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const folderId = await resolveLocator(this, context, 'folder', 'Folder', itemIndex, 'container');
	const name = String(filters.name ?? '').trim();
	const exact = filters.exactName === true && name !== '';

	// where_name matches substrings, so an exact match is filtered here; the limit then
	// applies after filtering.
	let children = await forParameter(
		'Folder',
		async () =>
			await listChildren(context, folderId, {
				name: name || undefined,
				types: (filters.types as number[] | undefined) ?? [],
				sort,
				limit: exact ? undefined : limit,
			}),
	);
	if (exact) {
		children = children.filter((child) => String(child.name).toLowerCase() === name.toLowerCase());
		if (limit !== undefined) children = children.slice(0, limit);
	}

	return children.map((child) => ({
		json: simplify ? simplifyNode(context, child) : fullNode(context, child),
	}));
}
