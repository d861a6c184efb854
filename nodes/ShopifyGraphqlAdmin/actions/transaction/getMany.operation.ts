import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ORDER_TRANSACTIONS } from '../../graphql/orders';
import { notFound, resolveLocator } from '../../helpers/locators';
import { simplifyTransaction } from '../../helpers/simplify';
import type { TransactionNode } from '../../helpers/types';
import type { ShopifyClient } from '../../transport/client';
import {
	limitProperty,
	orderLocator,
	returnAllProperty,
	simplifyProperty,
} from '../common.descriptions';

/**
 * Order.transactions is a plain list without cursor paging; Return All reads up to this many.
 * Each transaction costs 5 points (itself, its amounts and its parent), so 190 keeps the query
 * under Shopify's limit of 1,000 points for a single query.
 */
const MAX_TRANSACTIONS = 190;

const properties: INodeProperties[] = [
	orderLocator({ description: 'Order whose transactions to get' }),
	returnAllProperty(),
	limitProperty(MAX_TRANSACTIONS),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['transaction'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? MAX_TRANSACTIONS
		: Math.min(MAX_TRANSACTIONS, this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const orderId = await resolveLocator(this, client, itemIndex, 'order', 'Order', 'Order');
	const { order } = await client.query<{
		order: { id: string; name: string; transactions: TransactionNode[] } | null;
	}>({
		query: ORDER_TRANSACTIONS,
		variables: { id: orderId, first: limit },
	});
	if (!order) throw notFound('Order', orderId, 'Order');

	return order.transactions.map((transaction) => {
		const withOrder = { ...transaction, order: { id: order.id, name: order.name } };
		return {
			json: simplify ? simplifyTransaction(withOrder) : (withOrder as unknown as IDataObject),
		};
	});
}
