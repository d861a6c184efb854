import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHookFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	SHOPIFY_CREDENTIAL_TYPE,
	webhookSigningKeys,
} from '../../credentials/ShopifyAdminApi.credentials';
import type { ShopifyClient } from '../ShopifyGraphqlAdmin/transport/client';
import { createShopifyClient } from '../ShopifyGraphqlAdmin/transport/createClient';
import { ShopifyRequestError } from '../ShopifyGraphqlAdmin/transport/errors';
import {
	createSubscription,
	deleteSubscription,
	listSubscriptionsAt,
	planSubscriptions,
	type StoredSubscription,
	type Subscription,
} from './subscriptions';

/** Key of the subscription list in the node's static data. */
const SUBSCRIPTIONS_KEY = 'subscriptions';

function lifecycleError(
	node: INode,
	step: string,
	error: unknown,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const message = `${step} failed: ${error instanceof Error ? error.message : String(error)}`;
	const description =
		error instanceof ShopifyRequestError && error.fix
			? error.fix
			: 'Check the Shopify Admin API credential and that the app has the read scopes of the selected topics (e.g. read_orders, read_returns, read_products, read_customers).';
	if (error instanceof ShopifyRequestError && error.status !== undefined) {
		const response: JsonObject = { status: error.status, message: error.message };
		return new NodeApiError(node, response, {
			message,
			description,
			httpCode: String(error.status),
		});
	}
	return new NodeOperationError(node, message, { description });
}

interface LifecycleContext {
	client: ShopifyClient;
	address: string;
	topics: string[];
}

async function prepare(functions: IHookFunctions): Promise<LifecycleContext> {
	const node = functions.getNode();
	const credentials =
		await functions.getCredentials<ICredentialDataDecryptedObject>(SHOPIFY_CREDENTIAL_TYPE);
	if (webhookSigningKeys(credentials).length === 0) {
		throw new NodeOperationError(
			node,
			'The Shopify Admin API credential has no webhook signing secret',
			{
				description:
					"Without it the trigger could not tell Shopify's deliveries from forged ones. Enter the app's client secret as Webhook Signing Secret in the credential (with client credentials the client secret is used), then publish again.",
			},
		);
	}
	const topics = functions.getNodeParameter('topics', []) as string[];
	if (!Array.isArray(topics) || topics.length === 0) {
		throw new NodeOperationError(node, 'No topics selected', {
			description: 'Pick at least one topic in Topics.',
		});
	}
	const address = functions.getNodeWebhookUrl('default');
	if (!address) {
		throw new NodeOperationError(node, 'n8n has no webhook URL for this node', {
			description: "Set n8n's WEBHOOK_URL to the public https address of this n8n.",
		});
	}
	let client: ShopifyClient;
	try {
		client = await createShopifyClient(functions);
	} catch (error) {
		throw lifecycleError(node, 'Connecting to Shopify', error);
	}
	return { client, address, topics };
}

function storeSubscriptions(functions: IHookFunctions, subscriptions: Subscription[]): void {
	const staticData = functions.getWorkflowStaticData('node');
	const stored: StoredSubscription[] = subscriptions.map((subscription) => ({
		id: subscription.id,
		topic: subscription.topic,
	}));
	staticData[SUBSCRIPTIONS_KEY] = stored as unknown as IDataObject[];
}

function readStoredSubscriptions(functions: IHookFunctions): StoredSubscription[] {
	const value = functions.getWorkflowStaticData('node')[SUBSCRIPTIONS_KEY];
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is StoredSubscription =>
			!!entry &&
			typeof (entry as StoredSubscription).id === 'string' &&
			typeof (entry as StoredSubscription).topic === 'string',
	);
}

/**
 * Checks whether Shopify has exactly the subscriptions this node needs: one per selected topic
 * at the node's address, and none for topics no longer selected. Stores their ids when it does.
 */
export async function checkSubscriptions(functions: IHookFunctions): Promise<boolean> {
	const { client, address, topics } = await prepare(functions);
	let existing: Subscription[];
	try {
		existing = await listSubscriptionsAt(client, address);
	} catch (error) {
		throw lifecycleError(functions.getNode(), 'Listing the Shopify webhook subscriptions', error);
	}
	const plan = planSubscriptions(existing, topics);
	if (plan.missing.length > 0 || plan.stale.length > 0) return false;
	storeSubscriptions(functions, plan.reuse);
	return true;
}

/**
 * Creates the missing subscriptions, reuses those that exist (same topic and address), and
 * deletes subscriptions at the node's address for topics no longer selected.
 */
export async function activateSubscriptions(functions: IHookFunctions): Promise<boolean> {
	const node = functions.getNode();
	const { client, address, topics } = await prepare(functions);

	let plan;
	try {
		plan = planSubscriptions(await listSubscriptionsAt(client, address), topics);
	} catch (error) {
		throw lifecycleError(node, 'Listing the Shopify webhook subscriptions', error);
	}

	for (const subscription of plan.stale) {
		try {
			await deleteSubscription(client, subscription.id);
		} catch (error) {
			throw lifecycleError(
				node,
				`Deleting the subscription ${subscription.id} for ${subscription.topic}, which is no longer selected,`,
				error,
			);
		}
	}

	const active = [...plan.reuse];
	for (const topic of plan.missing) {
		try {
			active.push(await createSubscription(client, topic, address));
		} catch (error) {
			// Keep what was created, so that delete() removes it when n8n rolls back the activation.
			storeSubscriptions(functions, active);
			throw lifecycleError(node, `Creating the webhook subscription for ${topic}`, error);
		}
	}
	storeSubscriptions(functions, active);
	functions.logger.info(
		`Shopify webhook subscriptions ready for ${topics.join(', ')} (${plan.reuse.length} reused, ${plan.missing.length} created, ${plan.stale.length} removed)`,
		{ workflowId: functions.getWorkflow().id, nodeName: node.name },
	);
	return true;
}

/**
 * Deletes the node's subscriptions: those in static data and any other at the node's address.
 * A subscription that Shopify no longer has counts as deleted. Every other failure is reported,
 * and the failed ids stay in static data for the next attempt.
 */
export async function removeSubscriptions(functions: IHookFunctions): Promise<boolean> {
	const node = functions.getNode();
	const stored = readStoredSubscriptions(functions);
	const address = functions.getNodeWebhookUrl('default');

	let client: ShopifyClient;
	try {
		client = await createShopifyClient(functions);
	} catch (error) {
		throw lifecycleError(node, 'Connecting to Shopify to delete the webhook subscriptions', error);
	}

	const failures: string[] = [];
	const targets = new Map(stored.map((subscription) => [subscription.id, subscription.topic]));
	if (address) {
		try {
			for (const subscription of await listSubscriptionsAt(client, address)) {
				targets.set(subscription.id, subscription.topic);
			}
		} catch (error) {
			failures.push(
				`listing the subscriptions at ${address}: ${error instanceof Error ? error.message : String(error)}`,
			);
		}
	}

	const remaining: StoredSubscription[] = [];
	for (const [id, topic] of targets) {
		try {
			await deleteSubscription(client, id);
		} catch (error) {
			remaining.push({ id, topic });
			failures.push(`${id} (${topic}): ${error instanceof Error ? error.message : String(error)}`);
		}
	}
	functions.getWorkflowStaticData('node')[SUBSCRIPTIONS_KEY] =
		remaining as unknown as IDataObject[];

	if (failures.length > 0) {
		throw new NodeOperationError(
			node,
			`Deleting the Shopify webhook subscriptions failed: ${failures.join('; ')}`,
			{
				description:
					'Shopify keeps sending deliveries to these subscriptions, which n8n answers with 404 once the workflow is unpublished, until Shopify removes them. Publish and unpublish the workflow again, or delete them with the Shopify GraphQL Admin node (Custom Query, webhookSubscriptionDelete).',
			},
		);
	}
	return true;
}
