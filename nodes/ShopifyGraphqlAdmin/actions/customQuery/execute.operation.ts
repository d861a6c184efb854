import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { InputError } from '../../helpers/errors';
import type { ShopifyClient } from '../../transport/client';

const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		typeOptions: { rows: 10 },
		default: '',
		required: true,
		placeholder: 'e.g. { orders(first: 5, query: "tag:vip") { nodes { name tags } } }',
		description:
			'A GraphQL Admin API query or mutation. Mutations are not retried after a server failure, because Shopify may have applied them.',
	},
	{
		displayName: 'Variables',
		name: 'variables',
		type: 'json',
		default: '{}',
		description: 'Variables of the query as a JSON object',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Query Cost',
				name: 'includeCost',
				type: 'boolean',
				default: false,
				description:
					"Whether to add Shopify's query cost and throttle status to the output as _cost",
			},
		],
	},
];

const displayOptions = { show: { resource: ['customQuery'], operation: ['execute'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function readVariables(value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	let syntaxError: string | undefined;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value) as unknown;
		} catch (error) {
			syntaxError = (error as Error).message;
		}
	}
	if (syntaxError !== undefined) {
		throw new InputError(
			`The variables are not valid JSON: ${syntaxError}`,
			'Variables',
			'Enter a JSON object such as {"id": "gid://shopify/Order/1001"}.',
		);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputError(
			'The variables are not a JSON object',
			'Variables',
			'Enter a JSON object such as {"first": 10}.',
		);
	}
	return parsed as IDataObject;
}

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
	if (query === '') {
		throw new InputError(
			'The query is empty',
			'Query',
			'Enter a GraphQL query, e.g. { shop { name } }.',
		);
	}
	const variables = readVariables(this.getNodeParameter('variables', itemIndex, '{}'));
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const { data, cost } = await client.request<IDataObject>({ query, variables });

	const json: IDataObject = { ...data };
	if (options.includeCost === true) json._cost = (cost ?? null) as IDataObject | null;
	return [{ json }];
}
