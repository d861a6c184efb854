/**
 * GraphQL documents for webhook subscriptions. From API version 2025-10 the subscription's
 * address is the `uri` field; earlier versions call it `callbackUrl`.
 */

export const URI_FIELD_FROM_VERSION = '2025-10';

/** Whether the API version names the subscription address `uri` (else `callbackUrl`). */
export function usesUriField(apiVersion: string): boolean {
	return apiVersion === 'unstable' || apiVersion >= URI_FIELD_FROM_VERSION;
}

export function webhookSubscriptionsQuery(apiVersion: string): string {
	const address = usesUriField(apiVersion) ? 'uri' : 'callbackUrl';
	return `
query WebhookSubscriptions($first: Int!, $after: String, $topics: [WebhookSubscriptionTopic!]) {
	webhookSubscriptions(first: $first, after: $after, topics: $topics) {
		pageInfo { hasNextPage endCursor }
		nodes { id topic format address: ${address} }
	}
}`;
}

export function webhookSubscriptionCreateMutation(apiVersion: string): string {
	const address = usesUriField(apiVersion) ? 'uri' : 'callbackUrl';
	return `
mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
	webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
		webhookSubscription { id topic address: ${address} }
		userErrors { field message }
	}
}`;
}

export const WEBHOOK_SUBSCRIPTION_DELETE = `
mutation WebhookSubscriptionDelete($id: ID!) {
	webhookSubscriptionDelete(id: $id) {
		deletedWebhookSubscriptionId
		userErrors { field message }
	}
}`;

/** Subscriptions per page when listing; one costs 1 point. */
export const SUBSCRIPTION_PAGE_SIZE = 100;
