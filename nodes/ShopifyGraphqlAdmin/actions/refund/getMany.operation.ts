import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ORDER_REFUND_IDS } from '../../graphql/orders';
import { notFound, resolveLocator } from '../../helpers/locators';
import { loadRefund } from '../../helpers/orderLoader';
import { simplifyRefund } from '../../helpers/simplify';
import type { RefundDetail } from '../../helpers/types';
import type { ShopifyClient } from '../../transport/client';
import {
	limitProperty,
	orderLocator,
	returnAllProperty,
	simplifyProperty,
} from '../common.descriptions';

/** Order.refunds is a plain list without cursor paging; Return All reads up to this many. */
const MAX_REFUNDS = 250;

const properties: INodeProperties[] = [
	orderLocator({ description: 'Order whose refunds to get' }),
	returnAllProperty(),
	limitProperty(MAX_REFUNDS),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['refund'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? MAX_REFUNDS
		: Math.min(MAX_REFUNDS, this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const orderId = await resolveLocator(this, client, itemIndex, 'order', 'Order', 'Order');
	const { order } = await client.query<{ order: { refunds: Array<{ id: string }> } | null }>({
		query: ORDER_REFUND_IDS,
		variables: { id: orderId, first: limit },
	});
	if (!order) throw notFound('Order', orderId, 'Order');

	const refunds: RefundDetail[] = [];
	for (const { id } of order.refunds) {
		const refund = await loadRefund(client, id);
		if (refund) refunds.push(refund);
	}
	return refunds.map((refund) => ({
		json: simplify ? simplifyRefund(refund) : (refund as unknown as IDataObject),
	}));
}
