/** Views of returns, fulfillments and locations. */
import { graphqlTime } from '../../format';
import { formatGid } from '../../gid';
import { discountedUnitPrice } from '../../ledger';
import type { FulfillmentRecord, LineItemRecord, OrderRecord, ReturnRecord } from '../../model';
import { SEED_LOCATION_ID } from '../../seed';
import { paginate, type PageArgs } from '../connection';
import type { GraphqlContext } from '../context';
import { idSorted, limitList, moneyBag, type View } from './common';
import { refundView } from './payments';
import { lineItemView, orderView } from './orders';

export function locationView(id: string): View {
	return {
		__typename: 'Location',
		id: formatGid('Location', id),
		legacyResourceId: id,
		name: id === SEED_LOCATION_ID ? 'Warehouse Berlin' : `Location ${id}`,
	};
}

export function returnView(ctx: GraphqlContext, record: ReturnRecord): View {
	const { store } = ctx;
	const order = store.orders.get(record.orderId) as OrderRecord;
	return {
		__typename: 'Return',
		id: formatGid('Return', record.id),
		name: record.name,
		status: record.status.toUpperCase(),
		order: () => orderView(ctx, order),
		createdAt: graphqlTime(record.createdAt),
		requestApprovedAt: graphqlTime(record.requestApprovedAt),
		closedAt: graphqlTime(record.closedAt),
		totalQuantity: record.returnLineItems.reduce((sum, entry) => sum + entry.quantity, 0),
		decline: record.decline ? { reason: record.decline.reason, note: record.decline.note } : null,
		returnLineItems: (args: PageArgs) =>
			paginate(
				args.reverse ? [...record.returnLineItems].reverse() : record.returnLineItems,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => {
					const item = order.lineItems.find(
						(line) => line.id === entry.lineItemId,
					) as LineItemRecord;
					return {
						__typename: 'ReturnLineItem',
						id: formatGid('ReturnLineItem', entry.id),
						quantity: entry.quantity,
						returnReason: entry.returnReason,
						returnReasonNote: entry.returnReasonNote,
						customerNote: entry.customerNote,
						refundableQuantity: entry.quantity - entry.refundedQuantity,
						refundedQuantity: entry.refundedQuantity,
						fulfillmentLineItem: {
							__typename: 'FulfillmentLineItem',
							id: formatGid('FulfillmentLineItem', entry.fulfillmentLineItemId),
							lineItem: lineItemView(ctx, order, item),
							quantity: entry.quantity,
							originalTotalSet: moneyBag(item.priceCents * entry.quantity, order.currency),
							discountedTotalSet: moneyBag(
								discountedUnitPrice(item) * entry.quantity,
								order.currency,
							),
						},
					};
				},
			),
		refunds: (args: PageArgs) =>
			paginate(
				idSorted(
					[...store.refunds.values()].filter((entry) => entry.returnId === record.id),
					args.reverse,
				),
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => refundView(ctx, entry),
			),
	};
}

function fulfillmentDisplayStatus(fulfillment: FulfillmentRecord): string | null {
	if (fulfillment.status === 'cancelled') return 'CANCELED';
	if (fulfillment.status === 'failure' || fulfillment.status === 'error') return 'FAILURE';
	switch (fulfillment.shipmentStatus) {
		case 'delivered':
			return 'DELIVERED';
		case 'in_transit':
			return 'IN_TRANSIT';
		case 'out_for_delivery':
			return 'OUT_FOR_DELIVERY';
		case 'attempted_delivery':
			return 'ATTEMPTED_DELIVERY';
		case 'label_printed':
			return 'LABEL_PRINTED';
		case 'label_purchased':
			return 'LABEL_PURCHASED';
		default:
			return 'FULFILLED';
	}
}

export function fulfillmentView(ctx: GraphqlContext, fulfillment: FulfillmentRecord): View {
	const { store } = ctx;
	const order = store.orders.get(fulfillment.orderId) as OrderRecord;
	return {
		__typename: 'Fulfillment',
		id: formatGid('Fulfillment', fulfillment.id),
		legacyResourceId: fulfillment.id,
		name: fulfillment.name,
		status: fulfillment.status.toUpperCase(),
		displayStatus: fulfillmentDisplayStatus(fulfillment),
		createdAt: graphqlTime(fulfillment.createdAt),
		updatedAt: graphqlTime(fulfillment.updatedAt),
		deliveredAt: graphqlTime(fulfillment.deliveredAt),
		requiresShipping: true,
		totalQuantity: fulfillment.lineItems.reduce((sum, entry) => sum + entry.quantity, 0),
		location: locationView(fulfillment.locationId),
		order: () => orderView(ctx, order),
		trackingInfo: (args: { first?: number | null }) =>
			limitList(
				fulfillment.trackingNumbers.map((number, index) => ({
					company: fulfillment.trackingCompany,
					number,
					url: fulfillment.trackingUrls[index] ?? null,
				})),
				args.first,
			),
		fulfillmentLineItems: (args: PageArgs) =>
			paginate(
				args.reverse ? [...fulfillment.lineItems].reverse() : fulfillment.lineItems,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => {
					const item = order.lineItems.find(
						(line) => line.id === entry.lineItemId,
					) as LineItemRecord;
					return {
						__typename: 'FulfillmentLineItem',
						id: formatGid('FulfillmentLineItem', entry.id),
						lineItem: lineItemView(ctx, order, item),
						quantity: entry.quantity,
						originalTotalSet: moneyBag(item.priceCents * entry.quantity, order.currency),
						discountedTotalSet: moneyBag(
							discountedUnitPrice(item) * entry.quantity,
							order.currency,
						),
					};
				},
			),
	};
}
