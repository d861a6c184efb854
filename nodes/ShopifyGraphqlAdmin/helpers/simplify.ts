/**
 * Simplified output of the node: the fields a workflow usually needs, with amounts in the
 * shop's currency as `{ amount, currencyCode }`. Ids stay strings, so 64-bit ids are exact.
 */
import type { IDataObject } from 'n8n-workflow';

import { legacyId } from './ids';
import type {
	FulfillmentNode,
	LoadedOrder,
	MailingAddressNode,
	MoneyBag,
	OrderNode,
	RefundDetail,
	TransactionNode,
} from './types';

export function shopMoney(bag: MoneyBag | null | undefined): IDataObject | null {
	return bag ? { amount: bag.shopMoney.amount, currencyCode: bag.shopMoney.currencyCode } : null;
}

function addressText(address: MailingAddressNode | null | undefined): string | null {
	if (!address) return null;
	const parts = [
		address.name,
		address.company,
		address.address1,
		address.address2,
		[address.zip, address.city].filter(Boolean).join(' '),
		address.province,
		address.country,
	].filter((part) => typeof part === 'string' && part.trim() !== '');
	return parts.length > 0 ? parts.join(', ') : null;
}

export function simplifyTransaction(transaction: TransactionNode): IDataObject {
	return {
		id: transaction.id,
		legacyResourceId: legacyId(transaction.id),
		kind: transaction.kind,
		status: transaction.status,
		gateway: transaction.gateway ?? null,
		amount: shopMoney(transaction.amountSet),
		parentTransactionId: transaction.parentTransaction?.id ?? null,
		errorCode: transaction.errorCode ?? null,
		processedAt: transaction.processedAt ?? null,
		createdAt: transaction.createdAt,
		test: transaction.test ?? false,
		orderId: transaction.order?.id ?? null,
	};
}

export function simplifyRefund(refund: RefundDetail): IDataObject {
	return {
		id: refund.id,
		legacyResourceId: refund.legacyResourceId,
		orderId: refund.order.id,
		createdAt: refund.createdAt ?? null,
		note: refund.note ?? null,
		total: shopMoney(refund.totalRefundedSet),
		returnId: refund.return?.id ?? null,
		lineItems: refund.refundLineItems.map((line) => ({
			lineItemId: line.lineItem.id,
			title: line.lineItem.title,
			sku: line.lineItem.sku ?? null,
			quantity: line.quantity,
			restockType: line.restockType,
			subtotal: shopMoney(line.subtotalSet),
			totalTax: shopMoney(line.totalTaxSet),
		})),
		shipping: refund.refundShippingLines.map((line) => ({
			title: line.shippingLine.title,
			subtotal: shopMoney(line.subtotalAmountSet),
			tax: shopMoney(line.taxAmountSet),
		})),
		transactions: refund.transactions.map(simplifyTransaction),
	};
}

function simplifyFulfillment(fulfillment: FulfillmentNode): IDataObject {
	return {
		id: fulfillment.id,
		name: fulfillment.name,
		status: fulfillment.status,
		displayStatus: fulfillment.displayStatus ?? null,
		createdAt: fulfillment.createdAt,
		deliveredAt: fulfillment.deliveredAt ?? null,
		tracking: fulfillment.trackingInfo.map((info) => ({
			company: info.company ?? null,
			number: info.number ?? null,
			url: info.url ?? null,
		})),
	};
}

/** Fields of ORDER_SUMMARY_FIELDS, which both search results and full orders have. */
export type OrderSummaryNode = Pick<
	OrderNode,
	| 'id'
	| 'legacyResourceId'
	| 'name'
	| 'createdAt'
	| 'processedAt'
	| 'updatedAt'
	| 'cancelledAt'
	| 'closedAt'
	| 'email'
	| 'phone'
	| 'displayFinancialStatus'
	| 'displayFulfillmentStatus'
	| 'currencyCode'
	| 'subtotalPriceSet'
	| 'totalTaxSet'
	| 'totalPriceSet'
	| 'totalRefundedSet'
	| 'currentTotalPriceSet'
	| 'customer'
	| 'tags'
	| 'test'
>;

/** Summary of an order as search results show it. */
export function simplifyOrderSummary(order: OrderSummaryNode): IDataObject {
	return {
		id: order.id,
		legacyResourceId: order.legacyResourceId,
		name: order.name,
		createdAt: order.createdAt,
		processedAt: order.processedAt,
		updatedAt: order.updatedAt,
		cancelledAt: order.cancelledAt ?? null,
		closedAt: order.closedAt ?? null,
		email: order.email ?? null,
		phone: order.phone ?? null,
		financialStatus: order.displayFinancialStatus ?? null,
		fulfillmentStatus: order.displayFulfillmentStatus ?? null,
		currencyCode: order.currencyCode,
		subtotal: shopMoney(order.subtotalPriceSet),
		totalTax: shopMoney(order.totalTaxSet),
		total: shopMoney(order.totalPriceSet),
		totalRefunded: shopMoney(order.totalRefundedSet),
		currentTotal: shopMoney(order.currentTotalPriceSet),
		customer: order.customer
			? {
					id: order.customer.id,
					displayName: order.customer.displayName,
					email: order.customer.email ?? null,
				}
			: null,
		tags: order.tags,
		test: order.test,
	};
}

/** An order with line items, fulfillments, refunds, returns and transactions, each simplified. */
export function simplifyOrder(order: LoadedOrder): IDataObject {
	return {
		...simplifyOrderSummary(order),
		note: order.note ?? null,
		sourceName: order.sourceName ?? null,
		taxesIncluded: order.taxesIncluded,
		paymentGatewayNames: order.paymentGatewayNames,
		discountCodes: order.discountCodes ?? [],
		totalShipping: shopMoney(order.totalShippingPriceSet),
		totalDiscounts: shopMoney(order.totalDiscountsSet),
		billingAddress: addressText(order.billingAddress),
		shippingAddress: addressText(order.shippingAddress),
		lineItems: order.lineItems.map((item) => ({
			id: item.id,
			title: item.title,
			variantTitle: item.variantTitle ?? null,
			sku: item.sku ?? null,
			quantity: item.quantity,
			currentQuantity: item.currentQuantity ?? item.quantity,
			unitPrice: shopMoney(item.originalUnitPriceSet),
			totalDiscount: shopMoney(item.totalDiscountSet),
			productId: item.product?.id ?? null,
			variantId: item.variant?.id ?? null,
		})),
		shippingLines: order.shippingLines.map((line) => ({
			title: line.title,
			price: shopMoney(line.discountedPriceSet),
		})),
		fulfillments: order.fulfillments.map(simplifyFulfillment),
		shippingLabelUrl: order.shippingLabelUrl,
		refunds: order.refunds.map((refund) => ({
			id: refund.id,
			createdAt: refund.createdAt ?? null,
			note: refund.note ?? null,
			total: shopMoney(refund.totalRefundedSet),
		})),
		returns: order.returns.map((entry) => ({
			id: entry.id,
			name: entry.name,
			status: entry.status,
		})),
		transactions: order.transactions.map(simplifyTransaction),
	};
}
