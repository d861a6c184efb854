/**
 * One webhook delivery: serialise the payload the way Shopify does, sign the exact bytes,
 * POST them with Shopify's headers, and record the receiver's status and latency.
 */
import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';

import { formatGid } from '../gid';
import { serializeJson } from '../json';
import type { WebhookSubscriptionRecord } from '../model';
import { DEMO_APP } from '../settings';
import type { ShopifyStore } from '../store';
import { trimPayload } from './payloads';

/** An event: one thing that happened, delivered once per subscription (and per retry). */
export interface WebhookEvent {
	topic: string;
	payload: unknown;
	eventId: string;
	/** ISO 8601; stays the same across retries of the event. */
	triggeredAt: string;
}

export type Signing = 'valid' | 'forged' | 'unsigned';

export interface DeliveryResult {
	subscriptionId: string;
	uri: string;
	topic: string;
	status: number | null;
	latencyMs: number;
	webhookId: string;
	eventId: string;
	attempt: number;
	error?: string;
}

export interface AttemptOptions {
	webhookId: string;
	attempt: number;
	signing: Signing;
	mode: string;
}

/** Key that forged deliveries are signed with: any key but the right one. */
const FORGED_KEY = 'forged-signing-key';

export function newEventId(): string {
	return randomUUID();
}

export function newWebhookId(): string {
	return randomUUID();
}

export function signingKey(store: ShopifyStore, subscription: WebhookSubscriptionRecord): string {
	return subscription.source === 'admin'
		? store.settings.notificationsSigningKey
		: DEMO_APP.clientSecret;
}

/** base64(HMAC-SHA256(key, body bytes)), the value of X-Shopify-Hmac-Sha256. */
export function signBody(body: Buffer, key: string): string {
	return createHmac('sha256', key).update(body).digest('base64');
}

export function serializePayload(store: ShopifyStore, payload: unknown): Buffer {
	return Buffer.from(
		serializeJson(payload, { escapeNonAscii: store.settings.escapeNonAscii }),
		'utf8',
	);
}

function buildHeaders(
	store: ShopifyStore,
	subscription: WebhookSubscriptionRecord,
	event: WebhookEvent,
	body: Buffer,
	options: AttemptOptions,
): Record<string, string> {
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'Content-Length': String(body.length),
		'User-Agent': 'Shopify-Captain-Hook',
		'X-Shopify-Topic': event.topic,
		'X-Shopify-Shop-Domain': store.shop.myshopifyDomain,
		'X-Shopify-API-Version': store.settings.webhookApiVersion,
		'X-Shopify-Webhook-Id': options.webhookId,
		'X-Shopify-Event-Id': event.eventId,
		'X-Shopify-Triggered-At': event.triggeredAt,
	};
	if (options.signing !== 'unsigned') {
		const key = options.signing === 'forged' ? FORGED_KEY : signingKey(store, subscription);
		headers['X-Shopify-Hmac-Sha256'] = signBody(body, key);
	}
	if (store.settings.sendEventsHeaders) {
		// Shopify's newer Events delivery sends unprefixed names alongside the X-Shopify ones.
		headers['shopify-topic'] = event.topic;
		headers['shopify-shop-domain'] = store.shop.myshopifyDomain;
		headers['shopify-api-version'] = store.settings.webhookApiVersion;
		headers['shopify-webhook-id'] = options.webhookId;
		headers['shopify-event-id'] = event.eventId;
		headers['shopify-triggered-at'] = event.triggeredAt;
		if (headers['X-Shopify-Hmac-Sha256'])
			headers['shopify-hmac-sha256'] = headers['X-Shopify-Hmac-Sha256'];
	}
	return headers;
}

interface PostResult {
	status: number | null;
	error?: string;
}

function post(
	uri: string,
	headers: Record<string, string>,
	body: Buffer,
	connectTimeoutMs: number,
	timeoutMs: number,
): Promise<PostResult> {
	return new Promise((resolve) => {
		let settled = false;
		const finish = (result: PostResult) => {
			if (settled) return;
			settled = true;
			clearTimeout(connectTimer);
			clearTimeout(totalTimer);
			resolve(result);
		};
		const url = new URL(uri);
		const transport = url.protocol === 'https:' ? https : http;
		const request = transport.request(url, { method: 'POST', headers, agent: false });

		const connectTimer = setTimeout(() => {
			request.destroy(new Error(`connect timed out after ${connectTimeoutMs} ms`));
		}, connectTimeoutMs);
		const totalTimer = setTimeout(() => {
			request.destroy(new Error(`timed out after ${timeoutMs} ms`));
		}, timeoutMs);

		request.on('socket', (socket) => {
			if (!socket.connecting) clearTimeout(connectTimer);
			else socket.once('connect', () => clearTimeout(connectTimer));
		});
		request.on('response', (response) => {
			response.resume();
			response.on('end', () => finish({ status: response.statusCode ?? null }));
			response.on('error', (error) =>
				finish({ status: response.statusCode ?? null, error: error.message }),
			);
		});
		request.on('error', (error) => finish({ status: null, error: error.message }));
		request.end(body);
	});
}

/** Sends one attempt to one subscription and records it in the delivery log. */
export async function deliverAttempt(
	store: ShopifyStore,
	subscription: WebhookSubscriptionRecord,
	event: WebhookEvent,
	options: AttemptOptions,
	log: (line: string) => void,
): Promise<DeliveryResult> {
	const body = serializePayload(store, trimPayload(event.payload, subscription.includeFields));
	const headers = buildHeaders(store, subscription, event, body, options);
	const started = process.hrtime.bigint();
	const outcome = await post(
		subscription.uri,
		headers,
		body,
		store.settings.deliveryConnectTimeoutMs,
		store.settings.deliveryTimeoutMs,
	);
	const latencyMs = Math.round(Number(process.hrtime.bigint() - started) / 1e6);
	const result: DeliveryResult = {
		subscriptionId: formatGid('WebhookSubscription', subscription.id),
		uri: subscription.uri,
		topic: event.topic,
		status: outcome.status,
		latencyMs,
		webhookId: options.webhookId,
		eventId: event.eventId,
		attempt: options.attempt,
	};
	if (outcome.error) result.error = outcome.error;
	else if (outcome.status !== null && (outcome.status < 200 || outcome.status > 299)) {
		result.error = `receiver answered HTTP ${outcome.status}`;
	}
	if (result.error) {
		log(
			`Webhook ${event.topic} to ${subscription.uri} failed (attempt ${options.attempt}, webhook id ${options.webhookId}, event id ${event.eventId}): ${result.error}`,
		);
	}
	store.logDelivery({
		time: new Date().toISOString(),
		mode: options.mode,
		...result,
	});
	return result;
}

export function succeeded(result: DeliveryResult): boolean {
	return (
		result.error === undefined &&
		result.status !== null &&
		result.status >= 200 &&
		result.status <= 299
	);
}
