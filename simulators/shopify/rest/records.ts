/** REST resources other than the order: customers, transactions, fulfillments, refunds, returns, products, disputes, webhooks. */
import { restAmount } from '../format';
import { int } from '../json';
import type {
	AddressRecord,
	CustomerRecord,
	DisputeRecord,
	FulfillmentRecord,
	ProductRecord,
	RefundRecord,
	ReturnRecord,
	TransactionRecord,
	VariantRecord,
	WebhookSubscriptionRecord,
} from '../model';
import type { ShopifyStore } from '../store';
import { gid, moneySet, restAddress, time, type Json } from './common';
import { restLineItem, restShippingLine } from './order';

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
export function restEmbeddedCustomer(store: ShopifyStore, customer: CustomerRecord): Json {
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
