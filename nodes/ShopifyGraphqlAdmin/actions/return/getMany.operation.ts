import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ORDER_RETURNS, ORDER_RETURNS_PAGE_SIZE } from '../../graphql/orders';
import { notFound, resolveLocator } from '../../helpers/locators';
import type { ShopifyClient } from '../../transport/client';
import { collectPages, type Connection } from '../../transport/paging';
import {
	limitProperty,
	orderLocator,
	returnAllProperty,
	simplifyProperty,
} from '../common.descriptions';
import { simplifyReturn, type ReturnDetail, type ReturnLineNode } from './shared';

const properties: INodeProperties[] = [
	orderLocator({ description: 'Order whose returns to get' }),
	returnAllProperty(),
	limitProperty(),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['return'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

type ReturnNode = Omit<ReturnDetail, 'returnLineItems'> & {
	returnLineItems: Connection<ReturnLineNode>;
};

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const orderId = await resolveLocator(this, client, itemIndex, 'order', 'Order', 'Order');
	const returns = await collectPages<ReturnNode>({
		pageSize: ORDER_RETURNS_PAGE_SIZE,
		limit,
		fetchPage: async (first, after) => {
			const data = await client.query<{ order: { returns: Connection<ReturnNode> } | null }>({
				query: ORDER_RETURNS,
				variables: { id: orderId, first, after: after ?? null },
			});
			return data.order?.returns;
		},
	});
	if (!returns) throw notFound('Order', orderId, 'Order');

	// NOTE: each return is read with its first 10 line items; Return › Get reads all of them.
	return returns.map((entry) => {
		const detail: ReturnDetail = { ...entry, returnLineItems: entry.returnLineItems.nodes };
		return { json: simplify ? simplifyReturn(detail) : (detail as unknown as IDataObject) };
	});
}
