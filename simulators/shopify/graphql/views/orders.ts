/** Views of orders and what hangs off them: line items, transactions, refunds, returns, fulfillments. */
import { graphqlTime } from '../../format';
import { formatGid } from '../../gid';
import {
	discountedUnitPrice,
	financialStatus,
	fulfilledQuantity,
	fulfillmentStatus,
	lineDiscount,
	orderTotals,
	refundedQuantity,
	returnStatus,
	type OrderTotals,
} from '../../ledger';
import type {
	DiscountAllocationRecord,
	DiscountApplicationRecord,
	DisputeRecord,
	FulfillmentRecord,
	LineItemRecord,
	OrderRecord,
	RefundRecord,
	ReturnRecord,
	ShippingLineRecord,
	TransactionRecord,
} from '../../model';
import { aggregateTaxLines, orderStatusUrl } from '../../rest/representations';
import { SEED_LOCATION_ID } from '../../seed';
import { compareIds, paginate, type PageArgs } from '../connection';
import type { GraphqlContext } from '../context';
import { returnSearchSpec, runSearch } from '../searchSpecs';
import { customerView, productView, variantView } from './catalog';
import {
	mailingAddressView,
	metafieldFields,
	moneyBag,
	moneyV2,
	taxLineView,
	type View,
} from './common';

function idSorted<T extends { id: string }>(records: T[], reverse?: boolean | null): T[] {
	const sorted = [...records].sort((left, right) => compareIds(left.id, right.id));
	return reverse ? sorted.reverse() : sorted;
}

function limitList<T>(records: T[], first?: number | null): T[] {
	return first === null || first === undefined ? records : records.slice(0, first);
}

export function locationView(id: string): View {
	return {
		__typename: 'Location',
		id: formatGid('Location', id),
		legacyResourceId: id,
		name: id === SEED_LOCATION_ID ? 'Warehouse Berlin' : `Location ${id}`,
	};
}

function discountApplicationView(
	application: DiscountApplicationRecord,
	index: number,
	currency: string,
): View {
	const typename = {
		discount_code: 'DiscountCodeApplication',
		manual: 'ManualDiscountApplication',
		automatic: 'AutomaticDiscountApplication',
		script: 'ScriptDiscountApplication',
	}[application.type];
	const value =
		application.valueType === 'percentage'
			? { __typename: 'PricingPercentageValue', percentage: Number(application.value) }
			: {
					__typename: 'MoneyV2',
					...moneyV2(Math.round(Number(application.value) * 100), currency),
				};
	return {
		__typename: typename,
		index,
		allocationMethod: application.allocationMethod.toUpperCase(),
		targetSelection: application.targetSelection.toUpperCase(),
		targetType: application.targetType.toUpperCase(),
		value,
		code: application.code,
		title: application.title ?? application.code ?? '',
		description: application.description,
	};
}

function allocationViews(order: OrderRecord, allocations: DiscountAllocationRecord[]): View[] {
	return allocations.map((entry) => ({
		allocatedAmountSet: moneyBag(entry.cents, order.currency, order.presentmentCurrency),
		discountApplication: discountApplicationView(
			order.discountApplications[entry.applicationIndex],
			entry.applicationIndex,
			order.currency,
		),
	}));
}

export function lineItemView(ctx: GraphqlContext, order: OrderRecord, item: LineItemRecord): View {
	const { store } = ctx;
	const set = (cents: number) => moneyBag(cents, order.currency, order.presentmentCurrency);
	const current = () => item.quantity - refundedQuantity(item.id, store.refundsOf(order.id));
	const fulfilled = () => fulfilledQuantity(item.id, store.fulfillmentsOf(order.id));
	const discount = lineDiscount(item);
	return {
		__typename: 'LineItem',
		id: formatGid('LineItem', item.id),
		name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
		title: item.title,
		variantTitle: item.variantTitle,
		sku: item.sku,
		vendor: item.vendor,
		quantity: item.quantity,
		currentQuantity: current,
		refundableQuantity: current,
		unfulfilledQuantity: () => Math.max(0, current() - fulfilled()),
		nonFulfillableQuantity: () => item.quantity - current(),
		requiresShipping: item.requiresShipping,
		taxable: item.taxable,
		isGiftCard: item.giftCard,
		customAttributes: item.properties.map((entry) => ({ key: entry.name, value: entry.value })),
		originalUnitPriceSet: set(item.priceCents),
		discountedUnitPriceSet: set(discountedUnitPrice(item)),
		discountedUnitPriceAfterAllDiscountsSet: set(discountedUnitPrice(item)),
		originalTotalSet: set(item.priceCents * item.quantity),
		discountedTotalSet: set(item.priceCents * item.quantity - discount),
		totalDiscountSet: set(discount),
		discountAllocations: allocationViews(order, item.discountAllocations),
		taxLines: (args: { first?: number | null }) =>
			limitList(item.taxLines, args.first).map((line) =>
				taxLineView(line, order.currency, order.presentmentCurrency),
			),
		product: () => {
			const product = item.productId ? store.products.get(item.productId) : undefined;
			return product ? productView(ctx, product) : null;
		},
		variant: () => {
			const product = item.productId ? store.products.get(item.productId) : undefined;
			const variant = product?.variants.find((entry) => entry.id === item.variantId);
			return product && variant ? variantView(ctx, product, variant) : null;
		},
	};
}

function shippingLineView(order: OrderRecord, line: ShippingLineRecord): View {
	const discount = line.discountAllocations.reduce((sum, entry) => sum + entry.cents, 0);
	const set = (cents: number) => moneyBag(cents, order.currency, order.presentmentCurrency);
	return {
		id: formatGid('ShippingLine', line.id),
		title: line.title,
		code: line.code,
		source: line.source,
		carrierIdentifier: line.carrierIdentifier,
		isRemoved: false,
		originalPriceSet: set(line.priceCents),
		discountedPriceSet: set(line.priceCents - discount),
		currentDiscountedPriceSet: set(line.priceCents - discount),
		taxLines: line.taxLines.map((entry) =>
			taxLineView(entry, order.currency, order.presentmentCurrency),
		),
		discountAllocations: allocationViews(order, line.discountAllocations),
	};
}

const GATEWAY_NAMES: Record<string, string> = {
	shopify_payments: 'Shopify Payments',
	paypal: 'PayPal Express Checkout',
	'Bank Deposit': 'Bank Deposit',
};

export function transactionView(ctx: GraphqlContext, transaction: TransactionRecord): View {
	const { store } = ctx;
	const isCard = transaction.creditCardCompany !== null;
	return {
		__typename: 'OrderTransaction',
		id: formatGid('OrderTransaction', transaction.id),
		kind: transaction.kind.toUpperCase(),
		status: transaction.status.toUpperCase(),
		gateway: transaction.gateway,
		formattedGateway: GATEWAY_NAMES[transaction.gateway] ?? transaction.gateway,
		amountSet: moneyBag(transaction.cents, transaction.currency),
		parentTransaction: () => {
			const parent = transaction.parentId
				? store.transactions.get(transaction.parentId)
				: undefined;
			return parent ? transactionView(ctx, parent) : null;
		},
		processedAt: graphqlTime(transaction.processedAt),
		createdAt: graphqlTime(transaction.createdAt),
		errorCode: transaction.errorCode ? transaction.errorCode.toUpperCase() : null,
		test: transaction.test,
		authorizationCode: transaction.authorization,
		manualPaymentGateway: !isCard && transaction.gateway !== 'paypal',
		paymentDetails: isCard
			? {
					__typename: 'CardPaymentDetails',
					company: transaction.creditCardCompany,
					number: transaction.creditCardNumber,
					name: null,
					bin: null,
					wallet: null,
					avsResultCode: null,
					cvvResultCode: null,
					expirationMonth: null,
					expirationYear: null,
					paymentMethodName: transaction.creditCardCompany?.toLowerCase() ?? null,
				}
			: null,
		order: () => {
			const order = store.orders.get(transaction.orderId);
			return order ? orderView(ctx, order) : null;
		},
	};
}

export function refundView(ctx: GraphqlContext, refund: RefundRecord): View {
	const { store } = ctx;
	const order = store.orders.get(refund.orderId) as OrderRecord;
	const set = (cents: number) => moneyBag(cents, order.currency, order.presentmentCurrency);
	const refundTransactions = () =>
		refund.transactionIds.flatMap((id) => {
			const entry = store.transactions.get(id);
			return entry ? [entry] : [];
		});
	return {
		__typename: 'Refund',
		id: formatGid('Refund', refund.id),
		legacyResourceId: refund.id,
		createdAt: graphqlTime(refund.createdAt),
		updatedAt: graphqlTime(refund.processedAt),
		note: refund.note,
		order: () => orderView(ctx, order),
		return: () => {
			const record = refund.returnId ? store.returns.get(refund.returnId) : undefined;
			return record ? returnView(ctx, record) : null;
		},
		totalRefundedSet: () =>
			set(
				refundTransactions()
					.filter((entry) => entry.status === 'success')
					.reduce((sum, entry) => sum + entry.cents, 0),
			),
		refundLineItems: (args: PageArgs) =>
			paginate(
				args.reverse ? [...refund.refundLineItems].reverse() : refund.refundLineItems,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => {
					const item = order.lineItems.find(
						(line) => line.id === entry.lineItemId,
					) as LineItemRecord;
					return {
						id: formatGid('RefundLineItem', entry.id),
						lineItem: lineItemView(ctx, order, item),
						quantity: entry.quantity,
						restockType: entry.restockType.toUpperCase(),
						restocked: entry.restockType !== 'no_restock',
						location: entry.locationId ? locationView(entry.locationId) : null,
						priceSet: set(discountedUnitPrice(item)),
						subtotalSet: set(entry.subtotalCents),
						totalTaxSet: set(entry.totalTaxCents),
					};
				},
			),
		refundShippingLines: (args: PageArgs) =>
			paginate(
				args.reverse ? [...refund.refundShippingLines].reverse() : refund.refundShippingLines,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => {
					const line = order.shippingLines.find((shipping) => shipping.id === entry.shippingLineId);
					return {
						__typename: 'RefundShippingLine',
						id: formatGid('RefundShippingLine', entry.id),
						shippingLine: line ? shippingLineView(order, line) : null,
						subtotalAmountSet: set(entry.subtotalCents),
						taxAmountSet: set(entry.taxCents),
					};
				},
			),
		transactions: (args: PageArgs) =>
			paginate(
				idSorted(refundTransactions(), args.reverse),
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => transactionView(ctx, entry),
			),
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

export function disputeView(ctx: GraphqlContext, dispute: DisputeRecord): View {
	const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
	return {
		__typename: 'ShopifyPaymentsDispute',
		id: formatGid('ShopifyPaymentsDispute', dispute.id),
		legacyResourceId: dispute.id,
		order: () => {
			const order = ctx.store.orders.get(dispute.orderId);
			return order ? orderView(ctx, order) : null;
		},
		amount: moneyV2(dispute.cents, dispute.currency),
		type: dispute.type.toUpperCase(),
		status: dispute.status.toUpperCase(),
		reasonDetails: {
			reason: dispute.reason.toUpperCase(),
			networkReasonCode: dispute.networkReasonCode,
		},
		evidenceDueBy: day(dispute.evidenceDueBy),
		evidenceSentOn: day(dispute.evidenceSentOn),
		finalizedOn: day(dispute.finalizedOn),
		initiatedAt: graphqlTime(dispute.initiatedAt),
	};
}

const FULFILLMENT_DISPLAY: Record<string, string> = {
	fulfilled: 'FULFILLED',
	partial: 'PARTIALLY_FULFILLED',
};

export function orderView(ctx: GraphqlContext, order: OrderRecord): View {
	const { store } = ctx;
	let cachedTotals: OrderTotals | undefined;
	const totals = () => (cachedTotals ??= orderTotals(order, store.relations(order.id)));
	const set = (cents: number) => moneyBag(cents, order.currency, order.presentmentCurrency);
	const self = (): View => view;
	const view: View = {
		__typename: 'Order',
		id: formatGid('Order', order.id),
		legacyResourceId: order.id,
		name: order.name,
		confirmationNumber: order.confirmationNumber,
		createdAt: graphqlTime(order.createdAt),
		updatedAt: graphqlTime(order.updatedAt),
		processedAt: graphqlTime(order.processedAt),
		closedAt: graphqlTime(order.closedAt),
		closed: order.closedAt !== null,
		cancelledAt: graphqlTime(order.cancelledAt),
		cancelReason: order.cancelReason ? order.cancelReason.toUpperCase() : null,
		confirmed: order.confirmed,
		test: order.test,
		email: order.email,
		phone: order.phone,
		note: order.note,
		tags: order.tags,
		customerLocale: order.customerLocale,
		sourceName: order.sourceName,
		currencyCode: order.currency,
		presentmentCurrencyCode: order.presentmentCurrency,
		taxesIncluded: order.taxesIncluded,
		displayFinancialStatus: () => financialStatus(order, store.relations(order.id)).toUpperCase(),
		displayFulfillmentStatus: () =>
			FULFILLMENT_DISPLAY[fulfillmentStatus(order, store.relations(order.id)) ?? ''] ??
			'UNFULFILLED',
		returnStatus: () => returnStatus(store.returnsOf(order.id)),
		fullyPaid: () => totals().outstanding === 0 && totals().received > 0,
		unpaid: () => totals().received === 0,
		refundable: () => totals().netPayment > 0,
		customer: () => {
			const customer = order.customerId ? store.customers.get(order.customerId) : undefined;
			return customer ? customerView(ctx, customer) : null;
		},
		billingAddress: mailingAddressView(order.billingAddress, `${order.id}1`),
		shippingAddress: mailingAddressView(order.shippingAddress, `${order.id}2`),
		customAttributes: order.noteAttributes.map((entry) => ({
			key: entry.name,
			value: entry.value,
		})),
		paymentGatewayNames: order.paymentGatewayNames,
		statusPageUrl: orderStatusUrl(store, order),
		discountCode: order.discountCodes[0]?.code ?? null,
		discountCodes: order.discountCodes.map((entry) => entry.code),
		subtotalLineItemsQuantity: order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
		totalWeight: String(order.lineItems.reduce((sum, item) => sum + item.grams * item.quantity, 0)),
		lineItems: (args: PageArgs) =>
			paginate(
				args.reverse ? [...order.lineItems].reverse() : order.lineItems,
				args,
				(item) => item.id,
				(item) => item.id,
				(item) => lineItemView(ctx, order, item),
			),
		shippingLine: order.shippingLines[0] ? shippingLineView(order, order.shippingLines[0]) : null,
		shippingLines: (args: PageArgs) =>
			paginate(
				args.reverse ? [...order.shippingLines].reverse() : order.shippingLines,
				args,
				(line) => line.id,
				(line) => line.id,
				(line) => shippingLineView(order, line),
			),
		discountApplications: (args: PageArgs) => {
			const indexed = order.discountApplications.map((application, index) => ({
				application,
				index,
			}));
			return paginate(
				args.reverse ? indexed.reverse() : indexed,
				args,
				(entry) => String(entry.index),
				(entry) => entry.index,
				(entry) => discountApplicationView(entry.application, entry.index, order.currency),
			);
		},
		taxLines: aggregateTaxLines(order).map((line) =>
			taxLineView(line, order.currency, order.presentmentCurrency),
		),
		transactions: (args: { first?: number | null; capturable?: boolean | null }) => {
			let list = idSorted(store.transactionsOf(order.id));
			if (args.capturable) {
				list = list.filter(
					(entry) =>
						entry.kind === 'authorization' &&
						entry.status === 'success' &&
						!store
							.transactionsOf(order.id)
							.some((other) => other.parentId === entry.id && other.status === 'success'),
				);
			}
			return limitList(list, args.first).map((entry) => transactionView(ctx, entry));
		},
		refunds: (args: { first?: number | null }) =>
			limitList(idSorted(store.refundsOf(order.id)), args.first).map((entry) =>
				refundView(ctx, entry),
			),
		returns: (args: PageArgs & { query?: string | null }) => {
			const sorted = idSorted(store.returnsOf(order.id), args.reverse);
			const list = runSearch(ctx, 'returns', sorted, args.query, returnSearchSpec());
			return paginate(
				list,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => returnView(ctx, entry),
			);
		},
		fulfillments: (args: { first?: number | null }) =>
			limitList(idSorted(store.fulfillmentsOf(order.id)), args.first).map((entry) =>
				fulfillmentView(ctx, entry),
			),
		disputes: () =>
			store.disputesOf(order.id).map((entry) => ({
				__typename: 'OrderDisputeSummary',
				id: formatGid('OrderDisputeSummary', entry.id),
				initiatedAs: entry.type.toUpperCase(),
				status: entry.status.toUpperCase(),
			})),
		subtotalPriceSet: () => set(totals().subtotal),
		totalPriceSet: () => set(totals().total),
		totalTaxSet: () => set(totals().tax),
		totalDiscountsSet: () => set(totals().discounts),
		totalShippingPriceSet: () => set(totals().shipping),
		totalRefundedSet: () => set(totals().refunded),
		totalRefundedShippingSet: () => set(totals().refundedShipping),
		totalReceivedSet: () => set(totals().received),
		netPaymentSet: () => set(totals().netPayment),
		totalOutstandingSet: () => set(totals().outstanding),
		currentSubtotalPriceSet: () => set(totals().currentSubtotal),
		currentTotalPriceSet: () => set(totals().currentTotal),
		currentTotalTaxSet: () => set(totals().currentTax),
		currentTotalDiscountsSet: () => set(totals().discounts),
		currentShippingPriceSet: () => set(totals().currentShipping),
		...metafieldFields(ctx, () => order.metafields, self),
	};
	return view;
}
