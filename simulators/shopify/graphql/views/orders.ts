/** Views of orders and their line items, shipping lines and discounts. */
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
	LineItemRecord,
	OrderRecord,
	ShippingLineRecord,
} from '../../model';
import { aggregateTaxLines, orderStatusUrl } from '../../rest/representations';
import { paginate, type PageArgs } from '../connection';
import type { GraphqlContext } from '../context';
import { returnSearchSpec, runSearch } from '../searchSpecs';
import { customerView, productView, variantView } from './catalog';
import {
	idSorted,
	limitList,
	mailingAddressView,
	metafieldFields,
	moneyBag,
	moneyV2,
	taxLineView,
	type View,
} from './common';
import { refundView, transactionView } from './payments';
import { fulfillmentView, returnView } from './returns';

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

export function shippingLineView(order: OrderRecord, line: ShippingLineRecord): View {
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
