/**
 * The emit API (`POST /_simulator/webhooks/emit`) and the automatic webhooks of mutations.
 * Each mode reproduces one way real deliveries misbehave; README.md describes them.
 */
import type { WebhookSubscriptionRecord } from '../model';
import { numericId } from '../gid';
import { JsonInteger } from '../json';
import type { PendingEmit } from '../operations';
import type { ShopifyStore } from '../store';
import { topicInfo, type TopicInfo } from '../topics';
import {
	deliverAttempt,
	newEventId,
	newWebhookId,
	succeeded,
	type DeliveryResult,
	type Signing,
	type WebhookEvent,
} from './delivery';
import { payloadFor, payloadMatchesFilter, RESOURCE_GID_TYPE } from './payloads';

export const EMIT_MODES = [
	'normal',
	'duplicate',
	'concurrent',
	'out-of-order',
	'retried',
	'forged',
	'unsigned',
] as const;

export type EmitMode = (typeof EMIT_MODES)[number];

export interface EmitRequest {
	topic?: unknown;
	id?: unknown;
	payload?: unknown;
	mode?: unknown;
	subscriptionId?: unknown;
}

export interface EmitResponse {
	deliveries: DeliveryResult[];
	/** Subscriptions whose `filter` rejected the payload, so nothing was sent to them. */
	filteredOut: string[];
}

/** A rejected emit request: the HTTP status and the message to return. */
export class EmitError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

const OLDER_STATE_OFFSET_MS = 60 * 60 * 1000;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Returns a shallow copy of the payload with `updated_at` replaced, when both exist. */
function olderCopy(payload: unknown, updatedAt: string | null): unknown {
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
	const copy = { ...(payload as Record<string, unknown>) };
	if (typeof copy.updated_at === 'string' && updatedAt) copy.updated_at = updatedAt;
	return copy;
}

/** Moves a REST timestamp back by `offsetMs`, keeping its own UTC-offset form. */
function shiftTimestamp(value: string, offsetMs: number): string {
	const match = /([+-]\d{2}:\d{2}|Z)$/.exec(value);
	const shifted = new Date(Date.parse(value) - offsetMs);
	if (!match || match[1] === 'Z') return shifted.toISOString();
	const [hours, minutes] = match[1].slice(1).split(':').map(Number);
	const sign = match[1].startsWith('-') ? -1 : 1;
	const local = new Date(shifted.getTime() + sign * (hours * 60 + minutes) * 60000);
	return local.toISOString().replace(/\.\d{3}Z$/, match[1]);
}

/** Reads an id given as a string, a number or (above 2^53, from the lossless parser) a JsonInteger. */
function idText(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (value instanceof JsonInteger) return value.digits;
	return null;
}

function signingFor(mode: EmitMode): Signing {
	if (mode === 'forged') return 'forged';
	if (mode === 'unsigned') return 'unsigned';
	return 'valid';
}

export class WebhookEmitter {
	/** Background deliveries still running, so `close()` can wait for them. */
	private readonly pending = new Set<Promise<void>>();

	constructor(
		private readonly store: ShopifyStore,
		private readonly log: (line: string) => void,
	) {}

	/** Waits for background deliveries; each ends within the delivery timeout and retries. */
	async settle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	private targets(topic: string, subscriptionId: string | null): WebhookSubscriptionRecord[] {
		const all = this.store.subscriptionsFor(topic);
		return subscriptionId === null ? all : all.filter((entry) => entry.id === subscriptionId);
	}

	/**
	 * Delivers one event to one subscription, with automatic retries after a failure (setting
	 * `deliveryMaxRetries`). With `forceFirstFailure` the first attempt counts as failed even
	 * when the receiver accepted it.
	 */
	private async deliverWithRetries(
		subscription: WebhookSubscriptionRecord,
		event: WebhookEvent,
		signing: Signing,
		mode: EmitMode,
		forceFirstFailure = false,
		webhookId = newWebhookId(),
	): Promise<DeliveryResult[]> {
		const results: DeliveryResult[] = [];
		const { deliveryMaxRetries, deliveryRetryDelayMs, webhookIdPerAttempt } = this.store.settings;
		const maxAttempts = 1 + Math.max(deliveryMaxRetries, forceFirstFailure ? 1 : 0);
		let currentWebhookId = webhookId;
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			if (attempt > 1) {
				await sleep(deliveryRetryDelayMs * 2 ** (attempt - 2));
				if (webhookIdPerAttempt) currentWebhookId = newWebhookId();
				this.log(
					`Retrying webhook ${event.topic} to ${subscription.uri} (attempt ${attempt}, event id ${event.eventId})`,
				);
			}
			const result = await deliverAttempt(
				this.store,
				subscription,
				event,
				{ webhookId: currentWebhookId, attempt, signing, mode },
				this.log,
			);
			if (attempt === 1 && forceFirstFailure) {
				result.error = `treated as failed by the simulator (mode retried); the receiver answered ${result.status ?? 'nothing'}`;
			}
			results.push(result);
			if (result.error === undefined && succeeded(result)) break;
		}
		return results;
	}

	private async deliverEvent(
		event: WebhookEvent,
		subscriptionId: string | null,
		mode: EmitMode,
		response: EmitResponse,
	): Promise<void> {
		const signing = signingFor(mode);
		for (const subscription of this.targets(event.topic, subscriptionId)) {
			if (!payloadMatchesFilter(event.payload, subscription.filter)) {
				response.filteredOut.push(`gid://shopify/WebhookSubscription/${subscription.id}`);
				continue;
			}
			switch (mode) {
				case 'duplicate': {
					// The same event twice: same event id and bytes, a new webhook id each time.
					response.deliveries.push(
						...(await this.deliverWithRetries(subscription, event, signing, mode)),
					);
					response.deliveries.push(
						...(await this.deliverWithRetries(subscription, event, signing, mode)),
					);
					break;
				}
				case 'concurrent': {
					// Two identical deliveries at once: same webhook id, event id and bytes.
					const webhookId = newWebhookId();
					const both = await Promise.all([
						this.deliverWithRetries(subscription, event, signing, mode, false, webhookId),
						this.deliverWithRetries(subscription, event, signing, mode, false, webhookId),
					]);
					response.deliveries.push(...both.flat());
					break;
				}
				case 'retried':
					response.deliveries.push(
						...(await this.deliverWithRetries(subscription, event, signing, mode, true)),
					);
					break;
				default:
					response.deliveries.push(
						...(await this.deliverWithRetries(subscription, event, signing, mode)),
					);
			}
		}
	}

	private resolvePayload(topic: TopicInfo, request: EmitRequest): unknown {
		if (request.payload !== undefined) {
			if (typeof request.payload !== 'object' || request.payload === null) {
				throw new EmitError(
					400,
					'"payload" must be a JSON object (the REST resource of the topic).',
				);
			}
			return request.payload;
		}
		if (topic.resource === 'none') return payloadFor(this.store, topic, null);
		const id = idText(request.id);
		if (id === null) {
			throw new EmitError(
				400,
				`Give "id" (a numeric id or ${RESOURCE_GID_TYPE[topic.resource]} GID) or "payload" for topic ${topic.topic}.`,
			);
		}
		const payload = payloadFor(this.store, topic, id);
		if (!payload) {
			throw new EmitError(
				404,
				`No ${topic.resource} with id ${id} exists for topic ${topic.topic}; see the seed list in the simulator README.`,
			);
		}
		return payload;
	}

	/** Handles one emit request; throws EmitError for an invalid request. */
	async emit(request: EmitRequest): Promise<EmitResponse> {
		if (typeof request.topic !== 'string') {
			throw new EmitError(400, '"topic" is missing; give a REST topic such as "orders/create".');
		}
		const topic = topicInfo(request.topic);
		if (!topic) {
			throw new EmitError(
				400,
				`Topic "${request.topic}" is not supported; use a REST topic such as "orders/create".`,
			);
		}
		const mode = (request.mode ?? 'normal') as EmitMode;
		if (!EMIT_MODES.includes(mode)) {
			throw new EmitError(
				400,
				`Mode "${String(request.mode)}" is unknown; use one of ${EMIT_MODES.join(', ')}.`,
			);
		}
		let subscriptionId: string | null = null;
		if (request.subscriptionId !== undefined) {
			const requestedId = idText(request.subscriptionId);
			subscriptionId = requestedId === null ? null : numericId(requestedId, 'WebhookSubscription');
			if (subscriptionId === null || !this.store.subscriptions.has(subscriptionId)) {
				throw new EmitError(
					404,
					`Webhook subscription ${String(request.subscriptionId)} does not exist.`,
				);
			}
		}
		const payload = this.resolvePayload(topic, request);
		const response: EmitResponse = { deliveries: [], filteredOut: [] };
		const now = new Date();

		if (mode === 'out-of-order') {
			await this.emitOutOfOrder(topic, payload, subscriptionId, now, response);
			return response;
		}
		const event: WebhookEvent = {
			topic: topic.topic,
			payload,
			eventId: newEventId(),
			triggeredAt: now.toISOString(),
		};
		await this.deliverEvent(event, subscriptionId, mode, response);
		return response;
	}

	/**
	 * Out of order: the newer state arrives first. For orders/create, an orders/updated of the
	 * current order goes out before the orders/create, which carries the order as created
	 * (`updated_at` equal to `created_at`, triggered at creation). For any other topic, the
	 * current payload goes first and a copy that is one hour older (`updated_at` and
	 * X-Shopify-Triggered-At) follows. The two are distinct events with distinct event ids.
	 */
	private async emitOutOfOrder(
		topic: TopicInfo,
		payload: unknown,
		subscriptionId: string | null,
		now: Date,
		response: EmitResponse,
	): Promise<void> {
		const record = payload as Record<string, unknown>;
		if (topic.topic === 'orders/create') {
			const newer: WebhookEvent = {
				topic: 'orders/updated',
				payload,
				eventId: newEventId(),
				triggeredAt: now.toISOString(),
			};
			const createdAt = typeof record.created_at === 'string' ? record.created_at : null;
			const older: WebhookEvent = {
				topic: 'orders/create',
				payload: olderCopy(payload, createdAt),
				eventId: newEventId(),
				triggeredAt: createdAt
					? new Date(Date.parse(createdAt)).toISOString()
					: new Date(now.getTime() - OLDER_STATE_OFFSET_MS).toISOString(),
			};
			await this.deliverEvent(newer, null, 'out-of-order', response);
			await this.deliverEvent(older, subscriptionId, 'out-of-order', response);
			return;
		}
		const newer: WebhookEvent = {
			topic: topic.topic,
			payload,
			eventId: newEventId(),
			triggeredAt: now.toISOString(),
		};
		const updatedAt =
			typeof record.updated_at === 'string'
				? shiftTimestamp(record.updated_at, OLDER_STATE_OFFSET_MS)
				: null;
		const older: WebhookEvent = {
			topic: topic.topic,
			payload: olderCopy(payload, updatedAt),
			eventId: newEventId(),
			triggeredAt: new Date(now.getTime() - OLDER_STATE_OFFSET_MS).toISOString(),
		};
		await this.deliverEvent(newer, subscriptionId, 'out-of-order', response);
		await this.deliverEvent(older, subscriptionId, 'out-of-order', response);
	}

	/** Sends the webhooks of a mutation in the background (setting `autoEmit`). */
	emitInBackground(emits: PendingEmit[]): void {
		if (!this.store.settings.autoEmit || emits.length === 0) return;
		const run = (async () => {
			for (const pending of emits) {
				const topic = topicInfo(pending.topic);
				if (!topic || this.store.subscriptionsFor(topic.topic).length === 0) continue;
				const payload = payloadFor(this.store, topic, pending.id);
				if (!payload) continue;
				const event: WebhookEvent = {
					topic: topic.topic,
					payload,
					eventId: newEventId(),
					triggeredAt: new Date().toISOString(),
				};
				try {
					await this.deliverEvent(event, null, 'normal', { deliveries: [], filteredOut: [] });
				} catch (error) {
					this.log(
						`Automatic webhook ${topic.topic} for ${pending.id} failed: ${(error as Error).message}`,
					);
				}
			}
		})();
		this.pending.add(run);
		void run.finally(() => this.pending.delete(run));
	}
}
