/**
 * Order arithmetic: totals, refunded amounts, financial and fulfillment status, derived from
 * the order's lines, transactions, refunds and fulfillments every time they are read, so a
 * mutation never leaves a stale total behind.
 */
import type {
	FulfillmentRecord,
	LineItemRecord,
	OrderRecord,
	RefundRecord,
	TransactionRecord,
} from './model';

export interface OrderRelations {
	transactions: TransactionRecord[];
	refunds: RefundRecord[];
	fulfillments: FulfillmentRecord[];
}

export interface OrderTotals {
	/** Sum of unit price × quantity, before discounts (REST `total_line_items_price`). */
	lineItems: number;
	/** Line item discounts plus shipping discounts. */
	discounts: number;
	/** Line items after their discounts (REST `subtotal_price`). */
	subtotal: number;
	/** Shipping after shipping discounts. */
	shipping: number;
	tax: number;
	total: number;
	/** Successful sales and captures. */
	received: number;
	/** Successful refund transactions. */
	refunded: number;
	refundedShipping: number;
	currentSubtotal: number;
	currentShipping: number;
	currentTax: number;
	currentTotal: number;
	netPayment: number;
	outstanding: number;
}

export function sumCents<T>(items: T[], pick: (item: T) => number): number {
	return items.reduce((sum, item) => sum + pick(item), 0);
}

export function lineDiscount(item: LineItemRecord): number {
	return sumCents(item.discountAllocations, (entry) => entry.cents);
}

export function lineTax(item: LineItemRecord): number {
	return sumCents(item.taxLines, (entry) => entry.cents);
}

/** Discounted price of one unit, in cents, rounded down (the remainder stays on the line). */
export function discountedUnitPrice(item: LineItemRecord): number {
	return Math.floor((item.priceCents * item.quantity - lineDiscount(item)) / item.quantity);
}

export function refundedQuantity(lineItemId: string, refunds: RefundRecord[]): number {
	return sumCents(refunds, (refund) =>
		sumCents(
			refund.refundLineItems.filter((entry) => entry.lineItemId === lineItemId),
			(entry) => entry.quantity,
		),
	);
}

export function fulfilledQuantity(lineItemId: string, fulfillments: FulfillmentRecord[]): number {
	return sumCents(
		fulfillments.filter((fulfillment) => fulfillment.status === 'success'),
		(fulfillment) =>
			sumCents(
				fulfillment.lineItems.filter((entry) => entry.lineItemId === lineItemId),
				(entry) => entry.quantity,
			),
	);
}

function successful(transactions: TransactionRecord[], kinds: TransactionRecord['kind'][]): number {
	return sumCents(
		transactions.filter((entry) => entry.status === 'success' && kinds.includes(entry.kind)),
		(entry) => entry.cents,
	);
}

export function orderTotals(order: OrderRecord, relations: OrderRelations): OrderTotals {
	const lineItems = sumCents(order.lineItems, (item) => item.priceCents * item.quantity);
	const lineDiscounts = sumCents(order.lineItems, lineDiscount);
	const shippingGross = sumCents(order.shippingLines, (line) => line.priceCents);
	const shippingDiscounts = sumCents(order.shippingLines, (line) =>
		sumCents(line.discountAllocations, (entry) => entry.cents),
	);
	const tax =
		sumCents(order.lineItems, lineTax) +
		sumCents(order.shippingLines, (line) => sumCents(line.taxLines, (entry) => entry.cents));
	const subtotal = lineItems - lineDiscounts;
	const shipping = shippingGross - shippingDiscounts;
	const total = subtotal + shipping + (order.taxesIncluded ? 0 : tax);

	const received = successful(relations.transactions, ['sale', 'capture']);
	const refunded = successful(relations.transactions, ['refund']);
	const refundedLines = sumCents(relations.refunds, (refund) =>
		sumCents(refund.refundLineItems, (entry) => entry.subtotalCents),
	);
	const refundedLineTax = sumCents(relations.refunds, (refund) =>
		sumCents(refund.refundLineItems, (entry) => entry.totalTaxCents),
	);
	const refundedShipping = sumCents(relations.refunds, (refund) =>
		sumCents(refund.refundShippingLines, (entry) => entry.subtotalCents),
	);
	const refundedShippingTax = sumCents(relations.refunds, (refund) =>
		sumCents(refund.refundShippingLines, (entry) => entry.taxCents),
	);
	const currentSubtotal = subtotal - refundedLines;
	const currentShipping = shipping - refundedShipping;
	const currentTax = tax - refundedLineTax - refundedShippingTax;
	const currentTotal = currentSubtotal + currentShipping + (order.taxesIncluded ? 0 : currentTax);
	const netPayment = received - refunded;
	return {
		lineItems,
		discounts: lineDiscounts + shippingDiscounts,
		subtotal,
		shipping,
		tax,
		total,
		received,
		refunded,
		refundedShipping,
		currentSubtotal,
		currentShipping,
		currentTax,
		currentTotal,
		netPayment,
		outstanding: order.cancelledAt ? 0 : Math.max(0, currentTotal - netPayment),
	};
}

/**
 * Order-level return status (GraphQL `Order.returnStatus`), from the order's returns: a
 * requested return wins over an open one, and only closed returns mean RETURNED.
 */
export function returnStatus(
	returns: Array<{ status: string }>,
): 'NO_RETURN' | 'RETURN_REQUESTED' | 'IN_PROGRESS' | 'RETURNED' {
	const active = returns.filter(
		(entry) => entry.status !== 'declined' && entry.status !== 'canceled',
	);
	if (active.length === 0) return 'NO_RETURN';
	if (active.some((entry) => entry.status === 'requested')) return 'RETURN_REQUESTED';
	if (active.some((entry) => entry.status === 'open')) return 'IN_PROGRESS';
	return 'RETURNED';
}

export type FinancialStatus =
	| 'pending'
	| 'authorized'
	| 'partially_paid'
	| 'paid'
	| 'partially_refunded'
	| 'refunded'
	| 'voided';

/** REST `financial_status`, derived from the transactions. */
export function financialStatus(order: OrderRecord, relations: OrderRelations): FinancialStatus {
	const totals = orderTotals(order, relations);
	const authorized = successful(relations.transactions, ['authorization']);
	const voided = successful(relations.transactions, ['void']);
	if (totals.refunded > 0 && totals.refunded >= totals.received) return 'refunded';
	if (totals.refunded > 0) return 'partially_refunded';
	if (totals.received > 0 && totals.received >= totals.total) return 'paid';
	if (totals.received > 0) return 'partially_paid';
	if (authorized > 0 && voided >= authorized) return 'voided';
	if (authorized > 0) return 'authorized';
	return 'pending';
}

/** REST `fulfillment_status`: null while nothing is fulfilled. */
export function fulfillmentStatus(
	order: OrderRecord,
	relations: OrderRelations,
): 'fulfilled' | 'partial' | null {
	let fulfilled = 0;
	let required = 0;
	for (const item of order.lineItems) {
		const remaining = item.quantity - refundedQuantity(item.id, relations.refunds);
		const done = Math.min(fulfilledQuantity(item.id, relations.fulfillments), remaining);
		fulfilled += done;
		required += remaining;
	}
	if (fulfilled === 0) return null;
	return fulfilled >= required ? 'fulfilled' : 'partial';
}
