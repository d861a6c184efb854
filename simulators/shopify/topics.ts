/**
 * Webhook topics the simulator supports: the REST topic string (the `X-Shopify-Topic` value),
 * the GraphQL `WebhookSubscriptionTopic` value, and the kind of record its payload carries.
 * The mapping is a table because the split is irregular (ORDER_TRANSACTIONS_CREATE is
 * order_transactions/create, ORDERS_PARTIALLY_FULFILLED is orders/partially_fulfilled).
 */

export type TopicResource =
	| 'order'
	| 'refund'
	| 'return'
	| 'fulfillment'
	| 'product'
	| 'transaction'
	| 'dispute'
	| 'customer'
	| 'none';

export interface TopicInfo {
	topic: string;
	enumValue: string;
	resource: TopicResource;
	/** Whether the payload is only `{id}` (delete topics). */
	idOnly?: boolean;
}

export const WEBHOOK_TOPICS: TopicInfo[] = [
	{ topic: 'app/uninstalled', enumValue: 'APP_UNINSTALLED', resource: 'none' },
	{ topic: 'customers/create', enumValue: 'CUSTOMERS_CREATE', resource: 'customer' },
	{ topic: 'customers/update', enumValue: 'CUSTOMERS_UPDATE', resource: 'customer' },
	{ topic: 'customers/delete', enumValue: 'CUSTOMERS_DELETE', resource: 'customer', idOnly: true },
	{ topic: 'disputes/create', enumValue: 'DISPUTES_CREATE', resource: 'dispute' },
	{ topic: 'disputes/update', enumValue: 'DISPUTES_UPDATE', resource: 'dispute' },
	{ topic: 'fulfillments/create', enumValue: 'FULFILLMENTS_CREATE', resource: 'fulfillment' },
	{ topic: 'fulfillments/update', enumValue: 'FULFILLMENTS_UPDATE', resource: 'fulfillment' },
	{
		topic: 'order_transactions/create',
		enumValue: 'ORDER_TRANSACTIONS_CREATE',
		resource: 'transaction',
	},
	{ topic: 'orders/cancelled', enumValue: 'ORDERS_CANCELLED', resource: 'order' },
	{ topic: 'orders/create', enumValue: 'ORDERS_CREATE', resource: 'order' },
	{ topic: 'orders/delete', enumValue: 'ORDERS_DELETE', resource: 'order', idOnly: true },
	{ topic: 'orders/edited', enumValue: 'ORDERS_EDITED', resource: 'order' },
	{ topic: 'orders/fulfilled', enumValue: 'ORDERS_FULFILLED', resource: 'order' },
	{ topic: 'orders/paid', enumValue: 'ORDERS_PAID', resource: 'order' },
	{
		topic: 'orders/partially_fulfilled',
		enumValue: 'ORDERS_PARTIALLY_FULFILLED',
		resource: 'order',
	},
	{ topic: 'orders/updated', enumValue: 'ORDERS_UPDATED', resource: 'order' },
	{ topic: 'products/create', enumValue: 'PRODUCTS_CREATE', resource: 'product' },
	{ topic: 'products/delete', enumValue: 'PRODUCTS_DELETE', resource: 'product', idOnly: true },
	{ topic: 'products/update', enumValue: 'PRODUCTS_UPDATE', resource: 'product' },
	{ topic: 'refunds/create', enumValue: 'REFUNDS_CREATE', resource: 'refund' },
	{ topic: 'returns/approve', enumValue: 'RETURNS_APPROVE', resource: 'return' },
	{ topic: 'returns/cancel', enumValue: 'RETURNS_CANCEL', resource: 'return' },
	{ topic: 'returns/close', enumValue: 'RETURNS_CLOSE', resource: 'return' },
	{ topic: 'returns/decline', enumValue: 'RETURNS_DECLINE', resource: 'return' },
	{ topic: 'returns/reopen', enumValue: 'RETURNS_REOPEN', resource: 'return' },
	{ topic: 'returns/request', enumValue: 'RETURNS_REQUEST', resource: 'return' },
	{ topic: 'returns/update', enumValue: 'RETURNS_UPDATE', resource: 'return' },
	{ topic: 'shop/update', enumValue: 'SHOP_UPDATE', resource: 'none' },
	{
		topic: 'tender_transactions/create',
		enumValue: 'TENDER_TRANSACTIONS_CREATE',
		resource: 'transaction',
	},
];

const BY_TOPIC = new Map(WEBHOOK_TOPICS.map((entry) => [entry.topic, entry]));
const BY_ENUM = new Map(WEBHOOK_TOPICS.map((entry) => [entry.enumValue, entry]));

export function topicInfo(topic: string): TopicInfo | undefined {
	return BY_TOPIC.get(topic);
}

export function topicFromEnum(enumValue: string): TopicInfo | undefined {
	return BY_ENUM.get(enumValue);
}
