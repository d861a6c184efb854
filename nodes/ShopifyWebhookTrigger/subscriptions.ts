/**
 * Webhook subscriptions of one trigger node, kept in Shopify through the GraphQL Admin API:
 * one subscription per selected topic, all pointing at the node's webhook URL.
 */
import {
	SUBSCRIPTION_PAGE_SIZE,
	usesUriField,
	WEBHOOK_SUBSCRIPTION_DELETE,
	webhookSubscriptionCreateMutation,
	webhookSubscriptionsQuery,
} from '../ShopifyGraphqlAdmin/graphql/webhooks';
import type { ShopifyClient } from '../ShopifyGraphqlAdmin/transport/client';
import {
	checkUserErrors,
	ShopifyUserErrors,
	type UserErrorEntry,
} from '../ShopifyGraphqlAdmin/transport/errors';
import { collectPages, type Connection } from '../ShopifyGraphqlAdmin/transport/paging';
import { topicEnum } from './topics';

export interface Subscription {
	id: string;
	/** GraphQL topic, e.g. ORDERS_CREATE. */
	topic: string;
	address: string;
}

/** Subscription id and topic, as the node keeps them in its static data. */
export interface StoredSubscription {
	id: string;
	topic: string;
}

/** Compares webhook addresses, ignoring a trailing slash. */
export function sameAddress(left: string, right: string): boolean {
	return left.replace(/\/+$/, '') === right.replace(/\/+$/, '');
}

/** Lists the shop's API subscriptions whose address is `address`. */
export async function listSubscriptionsAt(
	client: ShopifyClient,
	address: string,
): Promise<Subscription[]> {
	const all =
		(await collectPages<Subscription>({
			pageSize: SUBSCRIPTION_PAGE_SIZE,
			fetchPage: async (first, after) => {
				const data = await client.query<{ webhookSubscriptions: Connection<Subscription> }>({
					query: webhookSubscriptionsQuery(client.apiVersion),
					variables: { first, after: after ?? null },
				});
				return data.webhookSubscriptions;
			},
		})) ?? [];
	return all.filter(
		(subscription) =>
			typeof subscription.address === 'string' && sameAddress(subscription.address, address),
	);
}

export interface SubscriptionPlan {
	/** Existing subscriptions for selected topics, reused as they are. */
	reuse: Subscription[];
	/** Selected topics (GraphQL form) without a subscription. */
	missing: string[];
	/** Subscriptions at the address for topics that are no longer selected. */
	stale: Subscription[];
}

/** Compares the subscriptions at the node's address with the selected topics. */
export function planSubscriptions(existing: Subscription[], topics: string[]): SubscriptionPlan {
	const selected = topics.map(topicEnum);
	const reuse: Subscription[] = [];
	const missing: string[] = [];
	for (const topic of selected) {
		const found = existing.find((subscription) => subscription.topic === topic);
		if (found) reuse.push(found);
		else missing.push(topic);
	}
	const used = new Set(reuse.map((subscription) => subscription.id));
	const stale = existing.filter((subscription) => !used.has(subscription.id));
	return { reuse, missing, stale };
}

/** Creates one subscription; a race with another creator is resolved by reusing its subscription. */
export async function createSubscription(
	client: ShopifyClient,
	topic: string,
	address: string,
): Promise<Subscription> {
	const addressField = usesUriField(client.apiVersion) ? 'uri' : 'callbackUrl';
	const data = await client.query<{
		webhookSubscriptionCreate: {
			webhookSubscription: Subscription | null;
			userErrors: UserErrorEntry[];
		} | null;
	}>({
		query: webhookSubscriptionCreateMutation(client.apiVersion),
		variables: { topic, webhookSubscription: { [addressField]: address, format: 'JSON' } },
		// Not retried after a server failure: a second create could add a duplicate subscription.
		idempotent: false,
	});
	let failure: unknown;
	try {
		const payload = checkUserErrors('webhookSubscriptionCreate', data.webhookSubscriptionCreate);
		if (payload.webhookSubscription) return payload.webhookSubscription;
	} catch (error) {
		failure = error;
	}
	if (
		failure instanceof ShopifyUserErrors &&
		failure.userErrors.some((entry) => /already been taken/i.test(entry.message))
	) {
		const existing = (await listSubscriptionsAt(client, address)).find(
			(subscription) => subscription.topic === topic,
		);
		if (existing) return existing;
	}
	if (failure !== undefined) throw failure;
	throw new ShopifyUserErrors('webhookSubscriptionCreate', [
		{ message: `Shopify returned no subscription for ${topic}` },
	]);
}

/** Checks whether a delete failed only because the subscription is already gone. */
function alreadyGone(error: unknown): boolean {
	return (
		error instanceof ShopifyUserErrors &&
		error.userErrors.every((entry) => /does not exist|not found/i.test(entry.message))
	);
}

/**
 * Deletes one subscription. Returns 'deleted', or 'gone' when Shopify no longer has it;
 * any other failure is thrown.
 */
export async function deleteSubscription(
	client: ShopifyClient,
	id: string,
): Promise<'deleted' | 'gone'> {
	let failure: unknown;
	try {
		const data = await client.query<{
			webhookSubscriptionDelete: {
				deletedWebhookSubscriptionId: string | null;
				userErrors: UserErrorEntry[];
			} | null;
		}>({ query: WEBHOOK_SUBSCRIPTION_DELETE, variables: { id }, idempotent: true });
		const payload = checkUserErrors('webhookSubscriptionDelete', data.webhookSubscriptionDelete);
		return payload.deletedWebhookSubscriptionId ? 'deleted' : 'gone';
	} catch (error) {
		failure = error;
	}
	if (alreadyGone(failure)) return 'gone';
	throw failure;
}
