/** refundCreate: refund line items, shipping and refund transactions. */
import { includedTax, nowIso, parseAmount, restAmount } from '../format';
import { formatGid, parseGid } from '../gid';
import { discountedUnitPrice, lineTax, orderTotals, refundedQuantity, sumCents } from '../ledger';
import type {
	RefundLineItemRecord,
	RefundRecord,
	RefundShippingLineRecord,
	TransactionRecord,
} from '../model';
import { SEED_LOCATION_ID } from '../seed';
import type { ShopifyStore } from '../store';
import { failed, type OperationResult, type UserErrorShape } from './result';

export interface RefundInput {
	orderId: string;
	note?: string | null;
	notify?: boolean | null;
	currency?: string | null;
	allowOverRefunding?: boolean | null;
	processedAt?: string | null;
	shipping?: { amount?: string | number | null; fullRefund?: boolean | null } | null;
	refundLineItems?: Array<{
		lineItemId: string;
		quantity: number;
		restockType?: string | null;
		locationId?: string | null;
	}> | null;
	transactions?: Array<{
		orderId: string;
		parentId?: string | null;
		amount: string | number;
		gateway: string;
		kind: string;
	}> | null;
}

export function refundCreate(
	store: ShopifyStore,
	input: RefundInput,
): OperationResult<RefundRecord> {
	const orderGid = parseGid(input.orderId);
	const order = orderGid?.type === 'Order' ? store.orders.get(orderGid.id) : undefined;
	if (!order)
		return failed([{ field: ['orderId'], message: `Order ${input.orderId} does not exist.` }]);
	if (input.currency && input.currency !== order.currency) {
		return failed([
			{
				field: ['currency'],
				message: `Currency ${input.currency} does not match the order's currency ${order.currency}.`,
			},
		]);
	}
	const relations = store.relations(order.id);
	const errors: UserErrorShape[] = [];

	const lines: RefundLineItemRecord[] = [];
	for (const [index, entry] of (input.refundLineItems ?? []).entries()) {
		const field = (name: string) => ['refundLineItems', String(index), name];
		const lineGid = parseGid(entry.lineItemId);
		const item =
			lineGid?.type === 'LineItem'
				? order.lineItems.find((line) => line.id === lineGid.id)
				: undefined;
		if (!item) {
			errors.push({
				field: field('lineItemId'),
				message: `Line item ${entry.lineItemId} does not exist on order ${order.name}.`,
			});
			continue;
		}
		if (!Number.isInteger(entry.quantity) || entry.quantity <= 0) {
			errors.push({ field: field('quantity'), message: 'Quantity must be greater than 0.' });
			continue;
		}
		const alreadyPlanned = sumCents(
			lines.filter((line) => line.lineItemId === item.id),
			(line) => line.quantity,
		);
		const refundable =
			item.quantity - refundedQuantity(item.id, relations.refunds) - alreadyPlanned;
		if (entry.quantity > refundable) {
			errors.push({
				field: field('quantity'),
				message: `Quantity cannot refund more items than were purchased: line item ${item.id} has ${refundable} refundable, ${entry.quantity} requested.`,
			});
			continue;
		}
		const restockType = (
			entry.restockType ?? 'NO_RESTOCK'
		).toLowerCase() as RefundLineItemRecord['restockType'];
		const unit = discountedUnitPrice(item);
		lines.push({
			id: store.nextId('refundLineItem'),
			lineItemId: item.id,
			quantity: entry.quantity,
			restockType,
			locationId:
				restockType === 'no_restock'
					? null
					: entry.locationId
						? (parseGid(entry.locationId)?.id ?? SEED_LOCATION_ID)
						: SEED_LOCATION_ID,
			subtotalCents: unit * entry.quantity,
			totalTaxCents: Math.round((lineTax(item) * entry.quantity) / item.quantity),
		});
	}

	const shippingLines: RefundShippingLineRecord[] = [];
	if (input.shipping && (input.shipping.fullRefund || input.shipping.amount !== undefined)) {
		const totals = orderTotals(order, relations);
		const remaining = totals.shipping - totals.refundedShipping;
		let cents: number | null = remaining;
		if (!input.shipping.fullRefund) {
			cents = parseAmount(input.shipping.amount);
			if (cents === null || cents < 0) {
				errors.push({
					field: ['shipping', 'amount'],
					message: `Shipping amount ${String(input.shipping.amount)} is not a valid amount such as "4.90".`,
				});
			} else if (cents > remaining) {
				errors.push({
					field: ['shipping', 'amount'],
					message: `Shipping amount ${restAmount(cents)} exceeds the refundable shipping of ${restAmount(remaining)} ${order.currency}.`,
				});
			}
		}
		const line = order.shippingLines[0];
		if (cents !== null && cents > 0 && line) {
			shippingLines.push({
				id: store.nextId('refundShippingLine'),
				shippingLineId: line.id,
				subtotalCents: cents,
				taxCents: order.taxesIncluded
					? includedTax(cents, line.taxLines[0]?.rate ?? 0)
					: Math.round(cents * (line.taxLines[0]?.rate ?? 0)),
			});
		}
	}

	const transactions: TransactionRecord[] = [];
	const refundedByParent = new Map<string, number>();
	for (const entry of relations.transactions) {
		if (entry.kind === 'refund' && entry.status === 'success' && entry.parentId) {
			refundedByParent.set(
				entry.parentId,
				(refundedByParent.get(entry.parentId) ?? 0) + entry.cents,
			);
		}
	}
	for (const [index, entry] of (input.transactions ?? []).entries()) {
		const field = (name: string) => ['transactions', String(index), name];
		if (entry.kind !== 'REFUND') {
			errors.push({
				field: field('kind'),
				message: `Transaction kind must be REFUND for a refund; got ${entry.kind}.`,
			});
			continue;
		}
		if (parseGid(entry.orderId)?.id !== order.id) {
			errors.push({
				field: field('orderId'),
				message: `Transaction orderId ${entry.orderId} must be the refunded order ${formatGid('Order', order.id)}.`,
			});
			continue;
		}
		const cents = parseAmount(entry.amount);
		if (cents === null || cents <= 0) {
			errors.push({
				field: field('amount'),
				message: `Amount ${String(entry.amount)} must be a positive amount such as "12.50".`,
			});
			continue;
		}
		const parentId = entry.parentId ? parseGid(entry.parentId)?.id : undefined;
		const parent = parentId ? store.transactions.get(parentId) : undefined;
		if (
			!parent ||
			parent.orderId !== order.id ||
			parent.status !== 'success' ||
			!['sale', 'capture'].includes(parent.kind)
		) {
			errors.push({
				field: field('parentId'),
				message: `Parent transaction ${entry.parentId ?? '(missing)'} must be a successful SALE or CAPTURE of order ${order.name}.`,
			});
			continue;
		}
		if (entry.gateway !== parent.gateway) {
			errors.push({
				field: field('gateway'),
				message: `Gateway ${entry.gateway} does not match the parent transaction's gateway ${parent.gateway}.`,
			});
			continue;
		}
		const available = parent.cents - (refundedByParent.get(parent.id) ?? 0);
		if (cents > available && !input.allowOverRefunding) {
			errors.push({
				field: field('amount'),
				message: `Amount ${restAmount(cents)} exceeds the ${restAmount(available)} ${order.currency} still refundable on transaction ${parent.id}; pass allowOverRefunding to override.`,
			});
			continue;
		}
		refundedByParent.set(parent.id, (refundedByParent.get(parent.id) ?? 0) + cents);
		const now = nowIso();
		transactions.push({
			id: store.nextId('transaction'),
			orderId: order.id,
			kind: 'refund',
			status: 'success',
			cents,
			currency: order.currency,
			gateway: parent.gateway,
			parentId: parent.id,
			createdAt: now,
			processedAt: input.processedAt ?? now,
			errorCode: null,
			message: null,
			authorization: parent.authorization,
			test: order.test,
			sourceName: 'api',
			creditCardCompany: parent.creditCardCompany,
			creditCardNumber: parent.creditCardNumber,
			refundId: null,
		});
	}
	if (errors.length > 0) return failed(errors);

	const now = nowIso();
	const refund: RefundRecord = {
		id: store.nextId('refund'),
		orderId: order.id,
		createdAt: now,
		processedAt: input.processedAt ?? now,
		note: input.note ?? null,
		restock: lines.some((line) => line.restockType !== 'no_restock'),
		refundLineItems: lines,
		refundShippingLines: shippingLines,
		transactionIds: transactions.map((entry) => entry.id),
		returnId: null,
	};
	for (const entry of transactions) {
		entry.refundId = refund.id;
		store.transactions.set(entry.id, entry);
	}
	store.refunds.set(refund.id, refund);
	order.updatedAt = now;
	return {
		value: refund,
		userErrors: [],
		emits: [
			{ topic: 'refunds/create', resource: 'refund', id: refund.id },
			...transactions.map((entry) => ({
				topic: 'order_transactions/create',
				resource: 'transaction' as const,
				id: entry.id,
			})),
			{ topic: 'orders/updated', resource: 'order', id: order.id },
		],
	};
}
