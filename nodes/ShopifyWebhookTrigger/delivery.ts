import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	parseShopHandle,
	SHOPIFY_CREDENTIAL_TYPE,
	webhookSigningKeys,
} from '../../credentials/ShopifyAdminApi.credentials';
import { claimDelivery, rememberDeliveries, type DedupeLimits } from './deduplication';
import { LosslessJsonError, parseJsonLossless } from './losslessJson';
import { matchShopifySignature } from './signature';

/** Key of the remembered deliveries in the node's static data. */
export const DELIVERIES_KEY = 'deliveries';

/** At most one rejection log line per trigger in this interval; the rest are counted. */
const REJECTION_LOG_INTERVAL_MS = 10_000;

const rejectionLog = new Map<string, { loggedAt: number; suppressed: number }>();

export interface DeliveryHeaders {
	topic?: string;
	shop?: string;
	hmac?: string;
	apiVersion?: string;
	webhookId?: string;
	eventId?: string;
	triggeredAt?: string;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/**
 * Reads Shopify's X-Shopify-* headers. Node.js lower-cases header names. Deliveries in
 * Shopify's newer Events format also carry unprefixed shopify-* headers, which are ignored.
 */
export function readDeliveryHeaders(headers: Record<string, unknown>): DeliveryHeaders {
	return {
		topic: header(headers, 'x-shopify-topic'),
		shop: header(headers, 'x-shopify-shop-domain'),
		hmac: header(headers, 'x-shopify-hmac-sha256'),
		apiVersion: header(headers, 'x-shopify-api-version'),
		webhookId: header(headers, 'x-shopify-webhook-id'),
		eventId: header(headers, 'x-shopify-event-id'),
		triggeredAt: header(headers, 'x-shopify-triggered-at'),
	};
}

/** Identifies one trigger node's remembered deliveries in the process memory. */
export function deliveryScope(
	mode: string,
	workflowId: string | undefined,
	nodeId: string,
): string {
	return `${mode}:${workflowId ?? 'unsaved'}:${nodeId}`;
}

/** Returns the de-duplication key: the event id, which retries keep, else the delivery's webhook id. */
export function deliveryKey(delivery: DeliveryHeaders): string | undefined {
	if (delivery.eventId) return `event:${delivery.eventId}`;
	if (delivery.webhookId) return `webhook:${delivery.webhookId}`;
	return undefined;
}

function respond(
	functions: IWebhookFunctions,
	status: number,
	message: string,
): IWebhookResponseData {
	functions.getResponseObject().status(status).json({ message });
	return { noWebhookResponse: true };
}

function logRejection(
	functions: IWebhookFunctions,
	scope: string,
	reason: string,
	delivery: DeliveryHeaders,
): void {
	const now = Date.now();
	const entry = rejectionLog.get(scope);
	if (entry && now - entry.loggedAt < REJECTION_LOG_INTERVAL_MS) {
		entry.suppressed++;
		return;
	}
	const suppressed = entry?.suppressed ?? 0;
	rejectionLog.set(scope, { loggedAt: now, suppressed: 0 });
	functions.logger.warn(
		`Rejected a Shopify webhook delivery with HTTP 401: ${reason}${suppressed > 0 ? ` (${suppressed} more rejected in the last ${REJECTION_LOG_INTERVAL_MS / 1000} s were not logged)` : ''}`,
		{
			workflowId: functions.getWorkflow().id,
			nodeName: functions.getNode().name,
			topic: delivery.topic ?? null,
			shop: delivery.shop ?? null,
			webhookId: delivery.webhookId ?? null,
			eventId: delivery.eventId ?? null,
		},
	);
}

export interface DeliverySettings {
	topics: string[];
	limits: DedupeLimits;
}

/**
 * Handles one webhook request. A missing or wrong signature over the raw body gets 401 and no
 * execution. Topics the node does not handle, other shops and deliveries already seen get 200
 * and no execution. Any other delivery becomes one output item.
 */
export async function handleDelivery(
	functions: IWebhookFunctions,
	settings: DeliverySettings,
): Promise<IWebhookResponseData> {
	const request = functions.getRequestObject();
	const delivery = readDeliveryHeaders(request.headers as Record<string, unknown>);
	const workflowId = functions.getWorkflow().id ?? 'unsaved';
	const scope = deliveryScope(functions.getMode(), workflowId, functions.getNode().id);
	const context = {
		workflowId,
		nodeName: functions.getNode().name,
		topic: delivery.topic ?? null,
		shop: delivery.shop ?? null,
		webhookId: delivery.webhookId ?? null,
	};

	const credentials =
		await functions.getCredentials<ICredentialDataDecryptedObject>(SHOPIFY_CREDENTIAL_TYPE);
	const keys = webhookSigningKeys(credentials);
	const body: Buffer = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);

	if (keys.length === 0) {
		logRejection(functions, scope, 'the credential has no webhook signing secret', delivery);
		return respond(functions, 401, 'The trigger has no webhook signing secret configured.');
	}
	if (matchShopifySignature(body, delivery.hmac, keys) === -1) {
		logRejection(
			functions,
			scope,
			delivery.hmac
				? 'the X-Shopify-Hmac-Sha256 signature does not match'
				: 'the X-Shopify-Hmac-Sha256 header is missing',
			delivery,
		);
		return respond(functions, 401, 'Invalid or missing X-Shopify-Hmac-Sha256 signature.');
	}

	// Shopify removes subscriptions whose deliveries keep failing, so deliveries the node does
	// not handle are acknowledged with 200 rather than rejected.
	if (!delivery.topic || !settings.topics.includes(delivery.topic)) {
		functions.logger.info(
			'Ignored a signed Shopify webhook delivery for a topic this trigger does not handle',
			context,
		);
		return respond(
			functions,
			200,
			`Topic ${delivery.topic ?? '(none)'} is not handled by this trigger; ignored.`,
		);
	}
	const ownShop = parseShopHandle(credentials.shop);
	if (delivery.shop && delivery.shop.toLowerCase() !== `${ownShop}.myshopify.com`) {
		functions.logger.info(
			`Ignored a signed Shopify webhook delivery from another shop than ${ownShop}.myshopify.com`,
			context,
		);
		return respond(
			functions,
			200,
			`Deliveries from ${delivery.shop} are not handled by this trigger; ignored.`,
		);
	}

	let payload: unknown;
	try {
		payload = parseJsonLossless(body.toString('utf8'));
	} catch (error) {
		const reason =
			error instanceof LosslessJsonError ? error.message : 'the body is not valid JSON';
		functions.logger.warn(
			`Rejected a signed Shopify webhook delivery with HTTP 400: ${reason}`,
			context,
		);
		return respond(functions, 400, 'The webhook body could not be read as JSON.');
	}

	const key = deliveryKey(delivery);
	if (key) {
		const persisted = functions.getWorkflowStaticData('node')[DELIVERIES_KEY];
		if (claimDelivery(scope, key, persisted, Date.now(), settings.limits)) {
			functions.logger.info('Ignored a repeated Shopify webhook delivery', {
				...context,
				eventId: delivery.eventId ?? null,
			});
			return respond(functions, 200, 'Delivery already received; ignored.');
		}
	} else {
		functions.logger.warn(
			'A Shopify webhook delivery has neither X-Shopify-Event-Id nor X-Shopify-Webhook-Id, so repeats of it cannot be detected',
			context,
		);
	}

	const item: IDataObject = {
		topic: delivery.topic,
		shop: delivery.shop ?? null,
		apiVersion: delivery.apiVersion ?? null,
		eventId: delivery.eventId ?? null,
		webhookId: delivery.webhookId ?? null,
		triggeredAt: delivery.triggeredAt ?? null,
		payload: payload as IDataObject,
	};
	return { workflowData: [[{ json: item }]] };
}

/**
 * First step of the execution a delivery started: writes the delivery keys of the items (and
 * this process's other recent keys) into the execution's static data, which n8n saves when
 * the execution ends, and passes the items on unchanged.
 */
export function persistDeliveries(
	functions: IExecuteFunctions,
	limits: DedupeLimits,
): INodeExecutionData[] {
	const items = functions.getInputData();
	const keys = items
		.map((item) => {
			const eventId = typeof item.json.eventId === 'string' ? item.json.eventId : undefined;
			const webhookId = typeof item.json.webhookId === 'string' ? item.json.webhookId : undefined;
			return deliveryKey({ eventId, webhookId });
		})
		.filter((key): key is string => key !== undefined);

	if (keys.length > 0) {
		const scope = deliveryScope(
			functions.getMode(),
			functions.getWorkflow().id,
			functions.getNode().id,
		);
		const staticData = functions.getWorkflowStaticData('node');
		staticData[DELIVERIES_KEY] = rememberDeliveries(
			scope,
			keys,
			staticData[DELIVERIES_KEY],
			Date.now(),
			limits,
		);
	}
	return items.map((item, index) => ({ ...item, pairedItem: { item: index } }));
}
