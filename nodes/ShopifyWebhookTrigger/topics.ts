import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Topics the trigger subscribes to. Each `value` is the REST topic that Shopify sends in
 * X-Shopify-Topic. The GraphQL WebhookSubscriptionTopic is the same text in upper case with
 * "_" for "/", so order_transactions/create becomes ORDER_TRANSACTIONS_CREATE.
 */
export const TOPIC_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Customer Created', value: 'customers/create', description: 'Topic customers/create' },
	{ name: 'Customer Updated', value: 'customers/update', description: 'Topic customers/update' },
	{
		name: 'Dispute Created',
		value: 'disputes/create',
		description: 'Topic disputes/create: a chargeback or inquiry was opened',
	},
	{
		name: 'Fulfillment Created',
		value: 'fulfillments/create',
		description: 'Topic fulfillments/create',
	},
	{ name: 'Order Cancelled', value: 'orders/cancelled', description: 'Topic orders/cancelled' },
	{ name: 'Order Created', value: 'orders/create', description: 'Topic orders/create' },
	{ name: 'Order Fulfilled', value: 'orders/fulfilled', description: 'Topic orders/fulfilled' },
	{ name: 'Order Paid', value: 'orders/paid', description: 'Topic orders/paid' },
	{
		name: 'Order Transaction Created',
		value: 'order_transactions/create',
		description: 'Topic order_transactions/create: a payment, capture, refund or void',
	},
	{ name: 'Order Updated', value: 'orders/updated', description: 'Topic orders/updated' },
	{ name: 'Product Created', value: 'products/create', description: 'Topic products/create' },
	{ name: 'Product Updated', value: 'products/update', description: 'Topic products/update' },
	{ name: 'Refund Created', value: 'refunds/create', description: 'Topic refunds/create' },
	{ name: 'Return Approved', value: 'returns/approve', description: 'Topic returns/approve' },
	{ name: 'Return Closed', value: 'returns/close', description: 'Topic returns/close' },
	{ name: 'Return Requested', value: 'returns/request', description: 'Topic returns/request' },
];

/** GraphQL WebhookSubscriptionTopic of a REST topic, e.g. ORDERS_CREATE for orders/create. */
export function topicEnum(topic: string): string {
	return topic.toUpperCase().replace('/', '_');
}
