import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

const PATH_HINT =
	'Volume, colon, then folder names separated by "/". Write "\\/" for a slash inside a name.';

const ID_REGEX = '^\\s*\\d+\\s*$';

/**
 * Builds a resource locator with the modes From List, By Path and By ID. The modes are written
 * out in the `modes` array because n8n's lint rules recognise them only there.
 */
function nodeLocator(
	base: Pick<INodeProperties, 'displayName' | 'name'>,
	searchListMethod: string,
	pathPlaceholder: string,
	pathHint: string,
	overrides: Partial<INodeProperties>,
): INodeProperties {
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By Path',
				name: 'path',
				type: 'string',
				placeholder: pathPlaceholder,
				hint: pathHint,
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [
					{
						type: 'regex',
						properties: { regex: ID_REGEX, errorMessage: 'Enter a numeric node ID' },
					},
				],
			},
		],
		...overrides,
	};
}

/** Builds the locator for a folder, business workspace or volume: from a list, by path or by ID. */
export function folderLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return nodeLocator(
		{ displayName: 'Folder', name: 'folder' },
		'searchFolders',
		'e.g. Enterprise:Shopify/Orders/2026',
		PATH_HINT,
		overrides,
	);
}

/** Builds the locator for a document: from a list, by path or by ID. */
export function documentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return nodeLocator(
		{ displayName: 'Document', name: 'document' },
		'searchDocuments',
		'e.g. Enterprise:Shopify/Orders/2026/#1001/invoice.pdf',
		PATH_HINT,
		overrides,
	);
}

/** Builds the locator for any item (document, folder, workspace): from a list, by path or by ID. */
export function itemLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return nodeLocator(
		{ displayName: 'Item', name: 'item' },
		'searchItems',
		'e.g. Enterprise:Shopify/Orders/2026/#1001',
		PATH_HINT,
		overrides,
	);
}

/** Builds the locator for a category: from a list, by path in the Categories volume or by ID. */
export function categoryLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return nodeLocator(
		{ displayName: 'Category', name: 'category' },
		'searchCategories',
		'e.g. Shopify/Shopify Order',
		'Path below the Categories volume, e.g. Shopify/Shopify Order, or Volume:Path.',
		overrides,
	);
}

/** Builds the locator for a business workspace: from a list, by path or by ID. */
export function workspaceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return nodeLocator(
		{ displayName: 'Workspace', name: 'workspace' },
		'searchWorkspaces',
		'e.g. Enterprise:Customers/Jane Doe',
		PATH_HINT,
		overrides,
	);
}

/** Builds the locator for a business workspace type: from a list, by name or by ID. */
export function workspaceTypeLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Workspace Type',
		name: 'workspaceType',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWorkspaceTypes', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. Customer',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12345',
				validation: [
					{
						type: 'regex',
						properties: { regex: ID_REGEX, errorMessage: 'Enter a numeric workspace type ID' },
					},
				],
			},
		],
		...overrides,
	};
}

/** The Simplify toggle for responses with more than ten fields. */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** Return All and Limit, for operations that list items across pages. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/**
 * Category values entered by attribute name (dropdowns loaded from the category's
 * definition) or as JSON with attribute keys. `show` limits them to an operation.
 */
export function categoryValueProperties(
	show: NonNullable<IDisplayOptions['show']>,
): INodeProperties[] {
	return [
		{
			displayName: 'Define Values',
			name: 'valuesMode',
			type: 'options',
			options: [
				{
					name: 'By Attribute Name',
					value: 'byName',
					description: 'Pick each attribute from a list and enter its value',
				},
				{
					name: 'As JSON With Attribute Keys',
					value: 'json',
					description: 'Enter an object with Content Server keys such as {"9830_2": "INV-1"}',
				},
			],
			default: 'byName',
			displayOptions: { show },
		},
		{
			displayName: 'Attribute Values',
			name: 'attributeValues',
			type: 'fixedCollection',
			placeholder: 'Add Attribute Value',
			typeOptions: { multipleValues: true },
			default: {},
			displayOptions: { show: { ...show, valuesMode: ['byName'] } },
			options: [
				{
					displayName: 'Value',
					name: 'value',
					values: [
						{
							displayName: 'Attribute Name or ID',
							name: 'attribute',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: 'getCategoryAttributes',
								loadOptionsDependsOn: ['category.value'],
							},
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							hint: 'With an expression, give the attribute name as Content Server shows it',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'Dates as YYYY-MM-DD or ISO 8601, booleans as true or false, users as login name or ID. For a multi-value attribute add one row per value or enter a JSON array.',
						},
					],
				},
			],
		},
		{
			displayName: 'Set Values',
			name: 'setValues',
			type: 'fixedCollection',
			placeholder: 'Add Set Value',
			typeOptions: { multipleValues: true },
			default: {},
			displayOptions: { show: { ...show, valuesMode: ['byName'] } },
			options: [
				{
					displayName: 'Value',
					name: 'value',
					values: [
						{
							displayName: 'Set Attribute Name or ID',
							name: 'attribute',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: 'getCategorySetAttributes',
								loadOptionsDependsOn: ['category.value'],
							},
							default: '',
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
							hint: 'With an expression, give the name as "Set / Attribute"',
						},
						{
							displayName: 'Row',
							name: 'row',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 1,
							description: 'Row of the set, counted from 1',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		{
			displayName: 'Values (JSON)',
			name: 'valuesJson',
			type: 'json',
			default: '{}',
			description:
				'Object with Content Server attribute keys, e.g. {"9830_2": "INV-1", "9830_7_1_8": "row 1"}',
			displayOptions: { show: { ...show, valuesMode: ['json'] } },
		},
	];
}

/** Builds the If Name Exists option for a name already used in the target folder. */
export function nameClashProperty(
	withVersion: boolean,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const options = [
		{
			name: 'Add With a Unique Name',
			value: 'uniqueName',
			description: 'Add a number to the name, e.g. "invoice (2).pdf"',
		},
		...(withVersion
			? [
					{
						name: 'Add Version',
						value: 'addVersion',
						description: 'Add the file as a new version of the existing document',
					},
				]
			: []),
		{ name: 'Fail', value: 'fail', description: 'Stop with an error' },
		{
			name: 'Skip',
			value: 'skip',
			description: 'Leave the existing item unchanged and return it',
		},
	];
	return {
		displayName: 'If Name Exists',
		name: 'onNameClash',
		type: 'options',
		options,
		default: 'fail',
		description: 'What to do when the folder already contains an item with this name',
		...overrides,
	};
}
