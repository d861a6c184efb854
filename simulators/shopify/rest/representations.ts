/**
 * REST representations of the records, as REST endpoints return them and as webhooks carry
 * them (a webhook body is the REST resource of its topic, whichever API created the
 * subscription). Ids are `JsonInteger`, so 64-bit ids serialise exactly; money is a string
 * with two decimals; times carry the shop's UTC offset.
 */
import { restAmount, restTime } from '../format';
import { int } from '../json';
import {
	financialStatus,
	fulfilledQuantity,
	fulfillmentStatus,
	lineDiscount,
	orderTotals,
	refundedQuantity,
} from '../ledger';
import type {
	AddressRecord,
	CustomerRecord,
	DiscountAllocationRecord,
	DisputeRecord,
	FulfillmentRecord,
	LineItemRecord,
	OrderRecord,
	ProductRecord,
	RefundRecord,
	ReturnRecord,
	ShippingLineRecord,
	TaxLineRecord,
	TransactionRecord,
	VariantRecord,
	WebhookSubscriptionRecord,
} from '../model';
import type { ShopifyStore } from '../store';

type Json = Record<string, unknown>;

export function gid(type: string, id: string): string {
	return `gid://shopify/${type}/${id}`;
}

function moneySet(cents: number, currency: string, presentmentCurrency = currency): Json {
	return {
		shop_money: { amount: restAmount(cents), currency_code: currency },
		presentment_money: { amount: restAmount(cents), currency_code: presentmentCurrency },
	};
}

function time(store: ShopifyStore, iso: string | null): string | null {
	return restTime(iso, store.shop.ianaTimezone);
}

function restAddress(address: AddressRecord | null): Json | null {
	if (!address) return null;
	const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
	return {
		first_name: address.firstName,
		address1: address.address1,
		phone: address.phone,
		city: address.city,
		zip: address.zip,
		province: address.province,
		country: address.country,
		last_name: address.lastName,
		address2: address.address2,
		company: address.company,
		latitude: null,
		longitude: null,
		name: name || null,
		country_code: address.countryCode,
		province_code: address.provinceCode,
	};
}

function restTaxLines(lines: TaxLineRecord[], currency: string): Json[] {
	return lines.map((line) => ({
		channel_liable: false,
		price: restAmount(line.cents),
		price_set: moneySet(line.cents, currency),
		rate: line.rate,
		title: line.title,
	}));
}

function restAllocations(allocations: DiscountAllocationRecord[], currency: string): Json[] {
	return allocations.map((entry) => ({
		amount: restAmount(entry.cents),
		amount_set: moneySet(entry.cents, currency),
		discount_application_index: entry.applicationIndex,
	}));
}

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

function restShippingLine(order: OrderRecord, line: ShippingLineRecord): Json {
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

function restCustomerAddress(customer: CustomerRecord, address: AddressRecord): Json {
	return {
		id: int(address.id ?? '0'),
		customer_id: int(customer.id),
		...restAddress(address),
		country_name: address.country,
		default: address.id === customer.defaultAddressId,
	};
}

/** Builds the customer object embedded in order payloads, which carries no order counts or totals. */
function restEmbeddedCustomer(store: ShopifyStore, customer: CustomerRecord): Json {
	const defaultAddress = customer.addresses.find((entry) => entry.id === customer.defaultAddressId);
	return {
		id: int(customer.id),
		email: customer.email,
		created_at: time(store, customer.createdAt),
		updated_at: time(store, customer.updatedAt),
		first_name: customer.firstName,
		last_name: customer.lastName,
		state: customer.state,
		note: customer.note,
		verified_email: customer.verifiedEmail,
		multipass_identifier: null,
		tax_exempt: customer.taxExempt,
		phone: customer.phone,
		currency: store.shop.currencyCode,
		tax_exemptions: [],
		admin_graphql_api_id: gid('Customer', customer.id),
		default_address: defaultAddress ? restCustomerAddress(customer, defaultAddress) : null,
	};
}

export function restCustomer(store: ShopifyStore, customer: CustomerRecord): Json {
	const orders = [...store.orders.values()].filter((order) => order.customerId === customer.id);
	const last = orders.sort((left, right) => left.createdAt.localeCompare(right.createdAt)).at(-1);
	return {
		...restEmbeddedCustomer(store, customer),
		last_order_id: last ? int(last.id) : null,
		last_order_name: last?.name ?? null,
		tags: customer.tags.join(', '),
		addresses: customer.addresses.map((entry) => restCustomerAddress(customer, entry)),
		email_marketing_consent: customer.email
			? { state: 'not_subscribed', opt_in_level: 'single_opt_in', consent_updated_at: null }
			: null,
		sms_marketing_consent: null,
	};
}

export function restTransaction(store: ShopifyStore, transaction: TransactionRecord): Json {
	const isCard = transaction.creditCardCompany !== null;
	return {
		id: int(transaction.id),
		admin_graphql_api_id: gid('OrderTransaction', transaction.id),
		amount: restAmount(transaction.cents),
		authorization: transaction.authorization,
		created_at: time(store, transaction.createdAt),
		currency: transaction.currency,
		device_id: null,
		error_code: transaction.errorCode,
		gateway: transaction.gateway,
		kind: transaction.kind,
		location_id: null,
		message: transaction.message,
		order_id: int(transaction.orderId),
		parent_id: transaction.parentId === null ? null : int(transaction.parentId),
		payment_id: `#${transaction.orderId}.${transaction.id}`,
		processed_at: time(store, transaction.processedAt),
		receipt: {},
		source_name: transaction.sourceName,
		status: transaction.status,
		test: transaction.test,
		user_id: null,
		payment_details: isCard
			? {
					credit_card_bin: null,
					avs_result_code: null,
					cvv_result_code: null,
					credit_card_number: transaction.creditCardNumber,
					credit_card_company: transaction.creditCardCompany,
					buyer_action_info: null,
					credit_card_name: null,
					credit_card_wallet: null,
					credit_card_expiration_month: null,
					credit_card_expiration_year: null,
					payment_method_name: transaction.creditCardCompany?.toLowerCase() ?? null,
				}
			: undefined,
		manual_payment_gateway: !isCard && transaction.gateway !== 'paypal',
		total_unsettled_set: moneySet(0, transaction.currency),
	};
}

export function restFulfillment(store: ShopifyStore, fulfillment: FulfillmentRecord): Json {
	const order = store.orders.get(fulfillment.orderId);
	const items = order
		? fulfillment.lineItems.flatMap((entry) => {
				const item = order.lineItems.find((line) => line.id === entry.lineItemId);
				return item ? [restLineItem(store, order, item, entry.quantity)] : [];
			})
		: [];
	return {
		id: int(fulfillment.id),
		admin_graphql_api_id: gid('Fulfillment', fulfillment.id),
		created_at: time(store, fulfillment.createdAt),
		location_id: int(fulfillment.locationId),
		name: fulfillment.name,
		order_id: int(fulfillment.orderId),
		origin_address: {},
		receipt: {},
		service: fulfillment.service,
		shipment_status: fulfillment.shipmentStatus,
		status: fulfillment.status,
		tracking_company: fulfillment.trackingCompany,
		tracking_number: fulfillment.trackingNumbers[0] ?? null,
		tracking_numbers: fulfillment.trackingNumbers,
		tracking_url: fulfillment.trackingUrls[0] ?? null,
		tracking_urls: fulfillment.trackingUrls,
		updated_at: time(store, fulfillment.updatedAt),
		line_items: items,
	};
}

export function restRefund(store: ShopifyStore, refund: RefundRecord): Json {
	const order = store.orders.get(refund.orderId);
	const currency = order?.currency ?? store.shop.currencyCode;
	return {
		id: int(refund.id),
		admin_graphql_api_id: gid('Refund', refund.id),
		created_at: time(store, refund.createdAt),
		note: refund.note,
		order_id: int(refund.orderId),
		processed_at: time(store, refund.processedAt),
		restock: refund.restock,
		total_duties_set: moneySet(0, currency),
		user_id: null,
		order_adjustments: [],
		transactions: refund.transactionIds.flatMap((id) => {
			const transaction = store.transactions.get(id);
			return transaction ? [restTransaction(store, transaction)] : [];
		}),
		refund_line_items: refund.refundLineItems.map((entry) => {
			const item = order?.lineItems.find((line) => line.id === entry.lineItemId);
			return {
				id: int(entry.id),
				line_item_id: int(entry.lineItemId),
				location_id: entry.locationId === null ? null : int(entry.locationId),
				quantity: entry.quantity,
				restock_type: entry.restockType,
				subtotal: Number(restAmount(entry.subtotalCents)),
				subtotal_set: moneySet(entry.subtotalCents, currency),
				total_tax: Number(restAmount(entry.totalTaxCents)),
				total_tax_set: moneySet(entry.totalTaxCents, currency),
				line_item: order && item ? restLineItem(store, order, item) : null,
			};
		}),
		duties: [],
		refund_shipping_lines: refund.refundShippingLines.map((entry) => {
			const line = order?.shippingLines.find((shipping) => shipping.id === entry.shippingLineId);
			return {
				id: int(entry.id),
				shipping_line_id: int(entry.shippingLineId),
				subtotal_amount_set: moneySet(entry.subtotalCents, currency),
				shipping_line: order && line ? restShippingLine(order, line) : null,
			};
		}),
		return: refund.returnId
			? { id: int(refund.returnId), admin_graphql_api_id: gid('Return', refund.returnId) }
			: null,
	};
}

export function restReturn(store: ShopifyStore, record: ReturnRecord): Json {
	const body: Json = {
		id: int(record.id),
		admin_graphql_api_id: gid('Return', record.id),
		status: record.status,
		order: { id: int(record.orderId), admin_graphql_api_id: gid('Order', record.orderId) },
		total_return_line_items: record.returnLineItems.reduce((sum, entry) => sum + entry.quantity, 0),
		name: record.name,
		return_line_items: record.returnLineItems.map((entry) => ({
			id: int(entry.id),
			admin_graphql_api_id: gid('ReturnLineItem', entry.id),
			fulfillment_line_item: {
				id: int(entry.fulfillmentLineItemId),
				admin_graphql_api_id: gid('FulfillmentLineItem', entry.fulfillmentLineItemId),
				line_item: {
					id: int(entry.lineItemId),
					admin_graphql_api_id: gid('LineItem', entry.lineItemId),
				},
			},
			quantity: entry.quantity,
			return_reason: entry.returnReason.toLowerCase(),
			return_reason_note: entry.returnReasonNote,
			customer_note: entry.customerNote,
		})),
		exchange_line_items: [],
		return_shipping_fees: [],
	};
	if (record.decline) {
		body.decline = { reason: record.decline.reason.toLowerCase(), note: record.decline.note };
	}
	return body;
}

function restVariant(store: ShopifyStore, product: ProductRecord, variant: VariantRecord): Json {
	return {
		id: int(variant.id),
		product_id: int(product.id),
		title: variant.title,
		price: restAmount(variant.priceCents),
		position: variant.position,
		inventory_policy: 'deny',
		compare_at_price:
			variant.compareAtPriceCents === null ? null : restAmount(variant.compareAtPriceCents),
		option1: variant.option1,
		option2: null,
		option3: null,
		created_at: time(store, product.createdAt),
		updated_at: time(store, product.updatedAt),
		taxable: true,
		barcode: variant.barcode,
		sku: variant.sku,
		inventory_quantity: variant.inventoryQuantity,
		old_inventory_quantity: variant.inventoryQuantity,
		admin_graphql_api_id: gid('ProductVariant', variant.id),
		image_id: null,
	};
}

export function restProduct(store: ShopifyStore, product: ProductRecord): Json {
	return {
		admin_graphql_api_id: gid('Product', product.id),
		body_html: product.descriptionHtml,
		created_at: time(store, product.createdAt),
		handle: product.handle,
		id: int(product.id),
		product_type: product.productType,
		published_at: time(store, product.publishedAt),
		template_suffix: null,
		title: product.title,
		updated_at: time(store, product.updatedAt),
		vendor: product.vendor,
		status: product.status.toLowerCase(),
		published_scope: 'global',
		tags: product.tags.join(', '),
		variants: product.variants.map((variant) => restVariant(store, product, variant)),
		options: [
			{
				name: product.optionName,
				id: int(`${product.id}1`),
				product_id: int(product.id),
				position: 1,
				values: product.variants.map((variant) => variant.title),
			},
		],
		images: [],
		image: null,
		media: [],
		variant_gids: product.variants.map((variant) => ({
			admin_graphql_api_id: gid('ProductVariant', variant.id),
			updated_at: new Date(product.updatedAt).toISOString(),
		})),
		has_variants_that_requires_components: false,
		category: null,
	};
}

export function restDispute(store: ShopifyStore, dispute: DisputeRecord): Json {
	return {
		id: int(dispute.id),
		order_id: int(dispute.orderId),
		type: dispute.type,
		amount: restAmount(dispute.cents),
		currency: dispute.currency,
		reason: dispute.reason,
		network_reason_code: dispute.networkReasonCode,
		status: dispute.status,
		evidence_due_by: time(store, dispute.evidenceDueBy),
		evidence_sent_on: time(store, dispute.evidenceSentOn),
		finalized_on: time(store, dispute.finalizedOn),
		initiated_at: time(store, dispute.initiatedAt),
	};
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

export function restWebhook(store: ShopifyStore, subscription: WebhookSubscriptionRecord): Json {
	return {
		id: int(subscription.id),
		address: subscription.uri,
		topic: subscription.topic,
		created_at: time(store, subscription.createdAt),
		updated_at: time(store, subscription.updatedAt),
		format: subscription.format,
		fields: subscription.includeFields,
		metafield_namespaces: subscription.metafieldNamespaces,
		api_version: store.settings.webhookApiVersion,
		private_metafield_namespaces: [],
		filter: subscription.filter,
	};
}
