/**
 * The control API under `/_simulator/`, which real Shopify does not have: settings, request
 * and delivery logs, reset, the webhook emit API, and subscriptions "created in the admin".
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { formatGid } from './gid';
import { HttpError, parseJsonBody, sendJson, sendJsonText } from './http';
import { parseJsonLossless, serializeJson } from './json';
import { createSubscription, deleteSubscription } from './operations';
import { applySettingsPatch, publicSettings, SettingsError } from './settings';
import type { ShopifyStore } from './store';
import { topicInfo } from './topics';
import { EmitError, type EmitRequest, type WebhookEmitter } from './webhooks/emit';

export interface ControlDeps {
	store: ShopifyStore;
	emitter: WebhookEmitter;
}

function adminSubscriptionView(store: ShopifyStore, id: string) {
	const record = store.subscriptions.get(id)!;
	return {
		id: formatGid('WebhookSubscription', record.id),
		topic: record.topic,
		uri: record.uri,
		includeFields: record.includeFields,
		filter: record.filter,
		createdAt: record.createdAt,
		signedWith: 'notificationsSigningKey',
	};
}

/** Handles a `/_simulator/...` request; returns false when no route matched. */
export async function handleControl(
	deps: ControlDeps,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	body: Buffer,
): Promise<boolean> {
	const { store, emitter } = deps;
	const method = req.method ?? 'GET';

	if (path === '/_simulator' || path === '/_simulator/') {
		if (method !== 'GET') return false;
		sendJson(res, 200, {
			shop: store.shop.myshopifyDomain,
			supportedVersions: store.settings.supportedVersions,
			webhookApiVersion: store.settings.webhookApiVersion,
			routes: [
				'GET|PATCH /_simulator/settings',
				'GET|DELETE /_simulator/requests',
				'POST /_simulator/reset',
				'POST /_simulator/webhooks/emit',
				'GET|DELETE /_simulator/webhooks/deliveries',
				'GET|POST /_simulator/webhooks/admin-subscriptions',
				'DELETE /_simulator/webhooks/admin-subscriptions/{id}',
			],
		});
		return true;
	}

	if (path === '/_simulator/settings') {
		if (method === 'GET') {
			sendJson(res, 200, publicSettings(store.settings));
			return true;
		}
		if (method === 'PATCH') {
			try {
				const next = applySettingsPatch(store.settings, parseJsonBody(body));
				const reseed = next.faults.seed !== store.settings.faults.seed;
				store.settings = next;
				if (reseed) store.faults.reseed(next.faults.seed, true);
			} catch (error) {
				if (error instanceof SettingsError)
					throw new HttpError(400, error.message, { error: error.message });
				throw error;
			}
			sendJson(res, 200, publicSettings(store.settings));
			return true;
		}
		return false;
	}

	if (path === '/_simulator/requests') {
		if (method === 'GET') {
			sendJson(res, 200, { requests: store.requestLog });
			return true;
		}
		if (method === 'DELETE') {
			const deleted = store.requestLog.length;
			store.requestLog = [];
			sendJson(res, 200, { deleted });
			return true;
		}
		return false;
	}

	if (path === '/_simulator/reset' && method === 'POST') {
		store.reset();
		sendJson(res, 200, { reset: true });
		return true;
	}

	if (path === '/_simulator/webhooks/emit' && method === 'POST') {
		// Parsed without rounding, so a payload may carry 64-bit ids as bare integers.
		const request = parseJsonBody(body, parseJsonLossless) as EmitRequest;
		try {
			const result = await emitter.emit(request ?? {});
			sendJsonText(res, 200, serializeJson(result, { escapeSlash: false, escapeHtml: false }));
		} catch (error) {
			if (error instanceof EmitError)
				throw new HttpError(error.status, error.message, { error: error.message });
			throw error;
		}
		return true;
	}

	if (path === '/_simulator/webhooks/deliveries') {
		if (method === 'GET') {
			sendJson(res, 200, { deliveries: store.deliveryLog });
			return true;
		}
		if (method === 'DELETE') {
			const deleted = store.deliveryLog.length;
			store.deliveryLog = [];
			sendJson(res, 200, { deleted });
			return true;
		}
		return false;
	}

	if (path === '/_simulator/webhooks/admin-subscriptions') {
		if (method === 'GET') {
			const list = [...store.subscriptions.values()].filter((entry) => entry.source === 'admin');
			sendJson(res, 200, {
				subscriptions: list.map((entry) => adminSubscriptionView(store, entry.id)),
			});
			return true;
		}
		if (method === 'POST') {
			const input = parseJsonBody(body) as {
				topic?: unknown;
				uri?: unknown;
				includeFields?: unknown;
				filter?: unknown;
			};
			const topic = typeof input.topic === 'string' ? topicInfo(input.topic) : undefined;
			if (!topic) {
				throw new HttpError(400, 'topic must be a REST topic such as "orders/create".', {
					error: `topic must be a REST topic such as "orders/create"; got ${JSON.stringify(input.topic)}.`,
				});
			}
			const result = createSubscription(
				store,
				{
					topic: topic.topic,
					uri: typeof input.uri === 'string' ? input.uri : null,
					includeFields: Array.isArray(input.includeFields) ? input.includeFields.map(String) : [],
					filter: typeof input.filter === 'string' ? input.filter : null,
					source: 'admin',
				},
				['uri'],
			);
			if (!result.value) {
				const message = result.userErrors.map((entry) => entry.message).join('; ');
				throw new HttpError(422, message, { error: message });
			}
			sendJson(res, 201, { subscription: adminSubscriptionView(store, result.value.id) });
			return true;
		}
		return false;
	}

	const adminSubscription =
		/^\/_simulator\/webhooks\/admin-subscriptions\/(?:gid:\/\/shopify\/WebhookSubscription\/)?(\d+)$/.exec(
			decodeURIComponent(path),
		);
	if (adminSubscription && method === 'DELETE') {
		const result = deleteSubscription(store, adminSubscription[1], 'admin');
		if (!result.value) {
			throw new HttpError(404, `Admin subscription ${adminSubscription[1]} does not exist.`, {
				error: `Admin subscription ${adminSubscription[1]} does not exist.`,
			});
		}
		sendJson(res, 200, { deleted: true });
		return true;
	}
	return false;
}
