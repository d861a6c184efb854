import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { simplifyOrderSummary, type OrderSummaryNode } from '../../helpers/simplify';
import { ORDER_SEARCH, ORDER_SEARCH_PAGE_SIZE } from '../../graphql/orders';
import type { ShopifyClient } from '../../transport/client';
import { collectPages, type Connection } from '../../transport/paging';
import { limitProperty, returnAllProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. financial_status:paid created_at:>=2026-03-01',
		description:
			"Filter in Shopify's search syntax, e.g. name:#1001, email:anna@example.com, tag:wholesale, fulfillment_status:unshipped. Leave empty for all orders.",
	},
	returnAllProperty(),
	limitProperty(),
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortKey',
				type: 'options',
				options: [
					{ name: 'Created At', value: 'CREATED_AT' },
					{ name: 'Order Number', value: 'ORDER_NUMBER' },
					{ name: 'Processed At', value: 'PROCESSED_AT' },
					{ name: 'Total Price', value: 'TOTAL_PRICE' },
					{ name: 'Updated At', value: 'UPDATED_AT' },
				],
				default: 'PROCESSED_AT',
				description: 'Field the orders are sorted by',
			},
			{
				displayName: 'Newest First',
				name: 'reverse',
				type: 'boolean',
				default: true,
				description: 'Whether to sort in descending order (newest or largest first)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const orders =
		(await collectPages<OrderSummaryNode>({
			pageSize: ORDER_SEARCH_PAGE_SIZE,
			limit,
			fetchPage: async (first, after) => {
				const data = await client.query<{ orders: Connection<OrderSummaryNode> }>({
					query: ORDER_SEARCH,
					variables: {
						first,
						after: after ?? null,
						query: query === '' ? null : query,
						sortKey: (options.sortKey as string | undefined) ?? 'PROCESSED_AT',
						reverse: (options.reverse as boolean | undefined) ?? true,
					},
				});
				return data.orders;
			},
		})) ?? [];

	return orders.map((order) => ({
		json: simplify ? simplifyOrderSummary(order) : (order as unknown as IDataObject),
	}));
}
