import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getCategoryDefinition } from '../../helpers/categoryDefinition';
import type { AttributeValueRow } from '../../helpers/categoryValues';
import { findAttribute } from '../../helpers/categoryValues';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { readLocator, resolveLocator } from '../../helpers/locators';
import type { SearchCriteria, TextMatch } from '../../helpers/lql';
import { buildSearchQuery } from '../../helpers/lql';
import { fullNode, readProperties, simplifyNode } from '../../helpers/nodes';
import { collectPages, readPageLimit, readPageTotal, readResults } from '../../transport/paging';
import {
	categoryLocator,
	folderLocator,
	returnAllProperties,
	simplifyProperty,
} from '../common.descriptions';
import { typeOptions } from '../folder/getChildren.operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Query Type',
		name: 'queryType',
		type: 'options',
		options: [
			{
				name: 'Define Criteria',
				value: 'criteria',
				description: 'Search by text, name, type, location, date and category values',
			},
			{
				name: 'LQL Query',
				value: 'lql',
				description: "Enter a query in Content Server's query language, used as it is",
			},
		],
		default: 'criteria',
	},
	{
		displayName: 'Search Text',
		name: 'text',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice 1001',
		description: 'Words to find in the content and metadata of items',
		displayOptions: { show: { queryType: ['criteria'] } },
	},
	{
		displayName: 'Match',
		name: 'textMatch',
		type: 'options',
		options: [
			{ name: 'All Words', value: 'allWords' },
			{ name: 'Any Word', value: 'anyWord' },
			{ name: 'Exact Phrase', value: 'exactPhrase' },
		],
		default: 'allWords',
		description: 'How the words of Search Text combine',
		displayOptions: { show: { queryType: ['criteria'] } },
	},
	folderLocator({
		displayName: 'Location',
		name: 'location',
		required: false,
		description:
			'Folder or workspace to search in, with everything below it. Leave empty to search everywhere.',
		displayOptions: { show: { queryType: ['criteria'] } },
	}),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { queryType: ['criteria'] } },
		options: [
			{
				displayName: 'Modified From',
				name: 'modifiedFrom',
				type: 'dateTime',
				default: '',
				description: 'Only return items modified on or after this day',
			},
			{
				displayName: 'Modified To',
				name: 'modifiedTo',
				type: 'dateTime',
				default: '',
				description: 'Only return items modified on or before this day',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice',
				description: 'Words that the name must contain',
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
		displayName: 'Search Category Values',
		name: 'searchCategory',
		type: 'boolean',
		default: false,
		description: 'Whether to search for attribute values of a category',
		displayOptions: { show: { queryType: ['criteria'] } },
	},
	categoryLocator({
		description: 'Category whose attribute values to search for',
		displayOptions: { show: { queryType: ['criteria'], searchCategory: [true] } },
	}),
	{
		displayName: 'Attribute Values',
		name: 'attributeValues',
		type: 'fixedCollection',
		placeholder: 'Add Attribute Value',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { queryType: ['criteria'], searchCategory: [true] } },
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
						description: 'Value the attribute must contain',
					},
				],
			},
		],
	},
	{
		displayName: 'LQL Query',
		name: 'lql',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. OTName: "invoice" and OTSubType: 144',
		description:
			'Query sent to Content Server without changes. Values from expressions are not escaped here, so only use this with trusted input.',
		displayOptions: { show: { queryType: ['lql'] } },
	},
	...returnAllProperties,
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'options',
		options: [
			{ name: 'Name (A to Z)', value: 'asc_OTName' },
			{ name: 'Name (Z to A)', value: 'desc_OTName' },
			{ name: 'Newest First', value: 'desc_OTObjectDate' },
			{ name: 'Oldest First', value: 'asc_OTObjectDate' },
			{ name: 'Relevance', value: 'relevance' },
		],
		default: 'relevance',
		description: 'Order of the results',
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['search'], operation: ['search'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function dateOnly(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	return text === '' ? undefined : text.slice(0, 10);
}

async function readCriteria(
	functions: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<SearchCriteria> {
	const filters = functions.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const criteria: SearchCriteria = {
		text: functions.getNodeParameter('text', itemIndex, '') as string,
		textMatch: functions.getNodeParameter('textMatch', itemIndex, 'allWords') as TextMatch,
		name: filters.name as string | undefined,
		subtypes: filters.types as number[] | undefined,
		modifiedFrom: dateOnly(filters.modifiedFrom),
		modifiedTo: dateOnly(filters.modifiedTo),
	};

	const location = readLocator(functions.getNodeParameter('location', itemIndex, ''));
	if (location.value !== '') {
		criteria.locationId = await resolveLocator(
			functions,
			context,
			'location',
			'Location',
			itemIndex,
			'container',
		);
	}

	if (functions.getNodeParameter('searchCategory', itemIndex, false) as boolean) {
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
		const rows = functions.getNodeParameter(
			'attributeValues.value',
			itemIndex,
			[],
		) as AttributeValueRow[];
		criteria.attributes = await forParameter('Attribute Values', async () =>
			rows.map((row) => {
				const attribute = findAttribute(definition, row.attribute, false);
				return {
					region: `Attr_${attribute.key}`,
					value: String(row.value ?? ''),
					label: `Attribute "${attribute.name}"`,
				};
			}),
		);
	}
	return criteria;
}

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const queryType = this.getNodeParameter('queryType', itemIndex, 'criteria') as string;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const sort = this.getNodeParameter('sort', itemIndex, 'relevance') as string;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	let where: string;
	let locationId: number | undefined;
	if (queryType === 'lql') {
		where = (this.getNodeParameter('lql', itemIndex, '') as string).trim();
		if (where === '') {
			throw new InputError(
				'The LQL query is empty',
				'Enter a query such as OTName: "invoice".',
				'LQL Query',
			);
		}
	} else {
		const criteria = await readCriteria(this, context, itemIndex);
		locationId = criteria.locationId;
		where = buildSearchQuery(criteria);
	}

	const search = async () =>
		await collectPages(async (page, pageSize) => {
			const form: Record<string, string> = {
				where,
				lookfor: 'complexquery',
				page: String(page),
				limit: String(pageSize),
			};
			if (sort !== 'relevance') form.sort = sort;
			// Search only reads, so it may be sent again after a transient failure.
			const body = await context.session.request({
				method: 'POST',
				path: '/api/v2/search',
				form,
				idempotent: true,
			});
			const received = readResults(body);
			// OTLocation lists an item's own ID too, so the location itself matches; it is left out.
			const items = received.filter((result) => readProperties(result)?.id !== locationId);
			return {
				items,
				received: received.length,
				pageTotal: readPageTotal(body),
				pageLimit: readPageLimit(body),
			};
		}, limit);
	// A query the server cannot evaluate is the LQL Query's fault; built queries are escaped.
	const results = queryType === 'lql' ? await forParameter('LQL Query', search) : await search();

	return results.flatMap((result) => {
		const properties = readProperties(result);
		if (!properties) return [];
		if (simplify) return [{ json: simplifyNode(context, properties) }];
		const data = result.data as IDataObject;
		return [
			{
				json: { ...fullNode(context, properties), regions: data.regions, versions: data.versions },
			},
		];
	});
}
