import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	DEFAULT_DEDUPE_LIMITS,
	MAX_DEDUPE_AGE_HOURS,
	MAX_DEDUPE_ENTRIES,
	type DedupeLimits,
} from './deduplication';
import { handleDelivery, persistDeliveries } from './delivery';
import { activateSubscriptions, checkSubscriptions, removeSubscriptions } from './lifecycle';
import { TOPIC_OPTIONS } from './topics';

export class ShopifyWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify Webhook Trigger',
		name: 'shopifyWebhookTrigger',
		icon: { light: 'file:shopifyWebhookTrigger.svg', dark: 'file:shopifyWebhookTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["topics"].join(", ")}}',
		description:
			'Starts the workflow on signed Shopify webhooks (orders, refunds, returns, products and more), each delivery once',
		defaults: { name: 'Shopify Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyAdminApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Shopify waits about 5 seconds and counts anything else as a failed delivery, so
				// it gets 200 as soon as the execution has started.
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Shopify delivers webhooks only to public https addresses. Set n8n's WEBHOOK_URL accordingly before you publish the workflow.",
				name: 'httpsNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				options: TOPIC_OPTIONS,
				default: ['orders/create'],
				required: true,
				description:
					'Events to receive; the node keeps one webhook subscription per topic in Shopify',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Remember Deliveries For (Hours)',
						name: 'dedupeHours',
						type: 'number',
						typeOptions: { minValue: 5, maxValue: MAX_DEDUPE_AGE_HOURS },
						default: 24,
						description:
							'How long a delivery is remembered, so that a redelivery of it starts no execution. Shopify retries for up to 4 hours.',
					},
					{
						displayName: 'Max Remembered Deliveries',
						name: 'dedupeEntries',
						type: 'number',
						typeOptions: { minValue: 100, maxValue: MAX_DEDUPE_ENTRIES },
						default: 1000,
						description:
							'How many deliveries are remembered; the oldest are forgotten first. Raise it for shops with more than a few hundred events per hour.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkSubscriptions(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await activateSubscriptions(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await removeSubscriptions(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const topics = this.getNodeParameter('topics', []) as string[];
		if (!Array.isArray(topics)) {
			throw new NodeOperationError(this.getNode(), 'The Topics parameter is not a list', {
				description: 'Pick the topics again in the node.',
			});
		}
		return await handleDelivery(this, {
			topics,
			limits: readLimits(this.getNodeParameter('options', {}) as IDataObject),
		});
	}

	/**
	 * Runs as the first step of each execution a delivery starts, because n8n saves static data
	 * changed during an execution but not static data changed by webhook() (see deduplication.ts).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const limits = readLimits(this.getNodeParameter('options', 0, {}) as IDataObject);
		return [persistDeliveries(this, limits)];
	}
}

function readLimits(options: IDataObject): DedupeLimits {
	return {
		maxEntries: Number(options.dedupeEntries ?? DEFAULT_DEDUPE_LIMITS.maxEntries),
		maxAgeMs: Number(options.dedupeHours ?? DEFAULT_DEDUPE_LIMITS.maxAgeMs / 3_600_000) * 3_600_000,
	};
}
