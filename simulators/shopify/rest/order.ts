/** The REST order resource, as orders.json returns it and orders/* webhooks carry it. */
import { restAmount } from '../format';
import { int } from '../json';
import {
	financialStatus,
	fulfilledQuantity,
	fulfillmentStatus,
	lineDiscount,
	orderTotals,
	refundedQuantity,
} from '../ledger';
import type { LineItemRecord, OrderRecord, ShippingLineRecord, TaxLineRecord } from '../model';
import type { ShopifyStore } from '../store';
import {
	gid,
	moneySet,
	restAddress,
	restAllocations,
	restTaxLines,
	time,
	type Json,
} from './common';
import { restEmbeddedCustomer, restFulfillment, restRefund } from './records';

export function restLineItem(
	store: ShopifyStore,
	order: OrderRecord,
	item: LineItemRecord,
	quantityOverride?: number,
): Json {
	const refunds = store.refundsOf(order.id);
	const fulfillments = store.fulfillmentsOf(order.id);
	const current = item.quantity - refundedQuantity(item.id, refunds);
	const fulfilled = fulfilledQuantity(item.id, fulfillments);
	let lineStatus: string | null = null;
	if (fulfilled > 0) lineStatus = fulfilled >= current ? 'fulfilled' : 'partial';
	const discount = lineDiscount(item);
	return {
		id: int(item.id),
		admin_graphql_api_id: gid('LineItem', item.id),
		attributed_staffs: [],
		current_quantity: current,
		fulfillable_quantity: Math.max(0, current - fulfilled),
		fulfillment_service: 'manual',
		fulfillment_status: lineStatus,
		gift_card: item.giftCard,
		grams: item.grams,
		name: item.variantTitle ? `${item.title} - ${item.variantTitle}` : item.title,
		price: restAmount(item.priceCents),
		price_set: moneySet(item.priceCents, order.currency, order.presentmentCurrency),
		product_exists: item.productId !== null && store.products.has(item.productId),
		product_id: item.productId === null ? null : int(item.productId),
		properties: item.properties,
		quantity: quantityOverride ?? item.quantity,
		requires_shipping: item.requiresShipping,
		sales_line_item_group_id: null,
		sku: item.sku,
		taxable: item.taxable,
		title: item.title,
		total_discount: restAmount(discount),
		total_discount_set: moneySet(discount, order.currency, order.presentmentCurrency),
		variant_id: item.variantId === null ? null : int(item.variantId),
		variant_inventory_management: item.variantId === null ? null : 'shopify',
		variant_title: item.variantTitle,
		vendor: item.vendor,
		tax_lines: restTaxLines(item.taxLines, order.currency),
		duties: [],
		discount_allocations: restAllocations(item.discountAllocations, order.currency),
	};
}

export function restShippingLine(order: OrderRecord, line: ShippingLineRecord): Json {
	const discount = line.discountAllocations.reduce((sum, entry) => sum + entry.cents, 0);
	return {
		id: int(line.id),
		carrier_identifier: line.carrierIdentifier,
		code: line.code,
		current_discounted_price_set: moneySet(line.priceCents - discount, order.currency),
		discounted_price: restAmount(line.priceCents - discount),
		discounted_price_set: moneySet(line.priceCents - discount, order.currency),
		is_removed: false,
		phone: null,
		price: restAmount(line.priceCents),
		price_set: moneySet(line.priceCents, order.currency),
		requested_fulfillment_service_id: null,
		source: line.source,
		title: line.title,
		tax_lines: restTaxLines(line.taxLines, order.currency),
		discount_allocations: restAllocations(line.discountAllocations, order.currency),
	};
}

/** Order-level tax lines: the line and shipping tax lines summed per title and rate. */
export function aggregateTaxLines(order: OrderRecord): TaxLineRecord[] {
	const byKey = new Map<string, TaxLineRecord>();
	const lines = [
		...order.lineItems.flatMap((item) => item.taxLines),
		...order.shippingLines.flatMap((line) => line.taxLines),
	];
	for (const line of lines) {
		const key = `${line.title}|${line.rate}`;
		const existing = byKey.get(key);
		if (existing) existing.cents += line.cents;
		else byKey.set(key, { ...line });
	}
	return [...byKey.values()];
}

export function orderStatusUrl(store: ShopifyStore, order: OrderRecord): string {
	return `https://${store.shop.myshopifyDomain}/${store.shop.id}/orders/${order.token}/authenticate?key=${order.token}`;
}

export function restOrder(store: ShopifyStore, order: OrderRecord): Json {
	const relations = store.relations(order.id);
	const totals = orderTotals(order, relations);
	const currency = order.currency;
	const presentment = order.presentmentCurrency;
	const customer = order.customerId ? store.customers.get(order.customerId) : undefined;
	const totalWeight = order.lineItems.reduce((sum, item) => sum + item.grams * item.quantity, 0);
	const set = (cents: number) => moneySet(cents, currency, presentment);
	return {
		id: int(order.id),
		admin_graphql_api_id: gid('Order', order.id),
		app_id: int('580111'),
		browser_ip: null,
		buyer_accepts_marketing: false,
		cancel_reason: order.cancelReason,
		cancelled_at: time(store, order.cancelledAt),
		cart_token: null,
		checkout_id: null,
		checkout_token: null,
		client_details: null,
		closed_at: time(store, order.closedAt),
		confirmation_number: order.confirmationNumber,
		confirmed: order.confirmed,
		contact_email: order.email,
		created_at: time(store, order.createdAt),
		currency,
		current_shipping_price_set: set(totals.currentShipping),
		current_subtotal_price: restAmount(totals.currentSubtotal),
		current_subtotal_price_set: set(totals.currentSubtotal),
		current_total_additional_fees_set: null,
		current_total_discounts: restAmount(totals.discounts),
		current_total_discounts_set: set(totals.discounts),
		current_total_duties_set: null,
		current_total_price: restAmount(totals.currentTotal),
		current_total_price_set: set(totals.currentTotal),
		current_total_tax: restAmount(totals.currentTax),
		current_total_tax_set: set(totals.currentTax),
		customer_locale: order.customerLocale,
		device_id: null,
		discount_codes: order.discountCodes.map((entry) => ({
			code: entry.code,
			amount: restAmount(entry.cents),
			type: entry.type,
		})),
		duties_included: false,
		email: order.email ?? '',
		estimated_taxes: false,
		financial_status: financialStatus(order, relations),
		fulfillment_status: fulfillmentStatus(order, relations),
		landing_site: null,
		landing_site_ref: null,
		location_id: null,
		merchant_business_entity_id: null,
		merchant_of_record_app_id: null,
		name: order.name,
		note: order.note,
		note_attributes: order.noteAttributes,
		number: order.orderNumber - 1000,
		order_number: order.orderNumber,
		order_status_url: orderStatusUrl(store, order),
		original_total_additional_fees_set: null,
		original_total_duties_set: null,
		payment_gateway_names: order.paymentGatewayNames,
		phone: order.phone,
		po_number: null,
		presentment_currency: presentment,
		processed_at: time(store, order.processedAt),
		reference: null,
		referring_site: null,
		source_identifier: null,
		source_name: order.sourceName,
		source_url: null,
		subtotal_price: restAmount(totals.subtotal),
		subtotal_price_set: set(totals.subtotal),
		tags: order.tags.join(', '),
		tax_exempt: false,
		tax_lines: restTaxLines(aggregateTaxLines(order), currency),
		taxes_included: order.taxesIncluded,
		test: order.test,
		token: order.token,
		total_cash_rounding_payment_adjustment_set: set(0),
		total_cash_rounding_refund_adjustment_set: set(0),
		total_discounts: restAmount(totals.discounts),
		total_discounts_set: set(totals.discounts),
		total_line_items_price: restAmount(totals.lineItems),
		total_line_items_price_set: set(totals.lineItems),
		total_outstanding: restAmount(totals.outstanding),
		total_price: restAmount(totals.total),
		total_price_set: set(totals.total),
		total_shipping_price_set: set(totals.shipping),
		total_tax: restAmount(totals.tax),
		total_tax_set: set(totals.tax),
		total_tip_received: '0.00',
		total_weight: totalWeight,
		updated_at: time(store, order.updatedAt),
		user_id: null,
		billing_address: restAddress(order.billingAddress),
		customer: customer ? restEmbeddedCustomer(store, customer) : null,
		discount_applications: order.discountApplications.map((entry) => {
			const base: Json = {
				target_type: entry.targetType,
				type: entry.type,
				value: entry.value,
				value_type: entry.valueType,
				allocation_method: entry.allocationMethod,
				target_selection: entry.targetSelection,
			};
			if (entry.type === 'discount_code') base.code = entry.code;
			else {
				base.title = entry.title;
				base.description = entry.description;
			}
			return base;
		}),
		fulfillments: relations.fulfillments.map((entry) => restFulfillment(store, entry)),
		line_items: order.lineItems.map((item) => restLineItem(store, order, item)),
		payment_terms: null,
		refunds: relations.refunds.map((entry) => restRefund(store, entry)),
		shipping_address: restAddress(order.shippingAddress),
		shipping_lines: order.shippingLines.map((line) => restShippingLine(order, line)),
		returns: store.returnsOf(order.id).map((entry) => ({
			id: int(entry.id),
			admin_graphql_api_id: gid('Return', entry.id),
		})),
	};
}
