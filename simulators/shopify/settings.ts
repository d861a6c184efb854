/**
 * Settings of one simulator run, the demo app's fixed credentials, and the validation of a
 * settings patch sent to `PATCH /_simulator/settings`.
 */

/** The demo custom app and shop that the simulator accepts out of the box. */
export const DEMO_APP = {
	shop: 'demo-shop',
	shopDomain: 'demo-shop.myshopify.com',
	clientId: 'demo-client-id',
	/** Also the key that signs webhooks of subscriptions created through the API. */
	clientSecret: 'demo-client-secret',
	/** A ready Admin API token that never expires, like a legacy custom app's token. */
	accessToken: 'shpat_demo_token',
	/** Numeric app id, used in the app-reserved metafield namespace `app--<id>`. */
	appId: '900000001',
	scopes: [
		'read_orders',
		'write_orders',
		'read_all_orders',
		'read_returns',
		'write_returns',
		'read_products',
		'write_products',
		'read_customers',
		'read_fulfillments',
		'read_shopify_payments_disputes',
	],
} as const;

export interface FaultSettings {
	/** Share of Admin API requests (0..1) that fail with `serverErrorStatus`. */
	serverErrorRate: number;
	serverErrorStatus: number;
	/** Share of Admin API requests (0..1) that get HTTP 429 and `Retry-After`. */
	rateLimitRate: number;
	/** Share of GraphQL requests (0..1) that get a THROTTLED error. */
	throttledRate: number;
	/** Latency added to every Admin API response, in milliseconds. */
	latencyMs: number;
	/** Seed of the pseudo-random generator that picks the faulted requests. */
	seed: number;
}

export interface ShopifySettings {
	/** API versions served, oldest first. Other versions fall forward to the oldest. */
	supportedVersions: string[];
	/** Version that serialises webhook payloads (`X-Shopify-API-Version` of deliveries). */
	webhookApiVersion: string;
	/** First version whose `WebhookSubscriptionInput` takes `uri` instead of `callbackUrl`. */
	webhookUriFromVersion: string;
	/** Last version that still has `QueryRoot.productByHandle`; null keeps it in every version. */
	productByHandleUntilVersion: string | null;
	/** Lifetime of tokens minted by the client-credentials grant, in seconds. */
	tokenLifetimeSeconds: number;
	/** GraphQL cost bucket size (`throttleStatus.maximumAvailable`). */
	costBucketSize: number;
	/** Points restored per second (`throttleStatus.restoreRate`). */
	costRestoreRate: number;
	/** Cost ceiling of a single query; above it the reply is MAX_COST_EXCEEDED. */
	maxQueryCost: number;
	/** Whether each token has its own cost and REST bucket ('token') or the app shares one ('app'). */
	bucketScope: 'token' | 'app';
	/** HTTP status of a THROTTLED GraphQL reply: 200 (default) or 429 with `Retry-After`. */
	throttledStatus: 200 | 429;
	/** REST call bucket size (the denominator of `X-Shopify-Shop-Api-Call-Limit`). */
	restBucketSize: number;
	/** REST calls leaked per second. */
	restLeakRate: number;
	/** Whether webhook subscription addresses must use https (real Shopify requires it). */
	requireHttpsCallbacks: boolean;
	/** Whether webhooks may be delivered to hosts other than loopback addresses. */
	allowRemoteDelivery: boolean;
	/** Total time a delivery may take, in milliseconds (Shopify: about 5 s). */
	deliveryTimeoutMs: number;
	/** Time allowed to open the connection, in milliseconds (Shopify: about 1 s). */
	deliveryConnectTimeoutMs: number;
	/** Automatic retries after a failed delivery (Shopify: 8 over 4 hours). */
	deliveryMaxRetries: number;
	/** Delay before the first retry, doubled for each further retry, in milliseconds. */
	deliveryRetryDelayMs: number;
	/** Whether a retry gets a new `X-Shopify-Webhook-Id` (the event id stays the same). */
	webhookIdPerAttempt: boolean;
	/** Whether deliveries escape non-ASCII characters as `\uXXXX` instead of sending UTF-8. */
	escapeNonAscii: boolean;
	/** Whether deliveries also carry the unprefixed `shopify-*` headers of Shopify's Events delivery. */
	sendEventsHeaders: boolean;
	/** Key that signs deliveries of subscriptions created in the admin (Settings → Notifications). */
	notificationsSigningKey: string;
	/** Whether state-changing mutations emit their webhooks. */
	autoEmit: boolean;
	/** Base URL written into seeded links (label PDF); null means the URL the server listens on. */
	publicUrl: string | null;
	faults: FaultSettings;
}

export const DEFAULT_SHOPIFY_SETTINGS: ShopifySettings = {
	supportedVersions: ['2025-04', '2025-07', '2025-10', '2026-01', '2026-04', '2026-07', '2026-10'],
	webhookApiVersion: '2026-01',
	webhookUriFromVersion: '2025-10',
	productByHandleUntilVersion: null,
	tokenLifetimeSeconds: 86400,
	costBucketSize: 2000,
	costRestoreRate: 100,
	maxQueryCost: 1000,
	bucketScope: 'token',
	throttledStatus: 200,
	restBucketSize: 40,
	restLeakRate: 2,
	requireHttpsCallbacks: false,
	allowRemoteDelivery: false,
	deliveryTimeoutMs: 5000,
	deliveryConnectTimeoutMs: 1000,
	deliveryMaxRetries: 0,
	deliveryRetryDelayMs: 50,
	webhookIdPerAttempt: false,
	escapeNonAscii: false,
	sendEventsHeaders: false,
	notificationsSigningKey: 'demo-notifications-signing-key',
	autoEmit: false,
	publicUrl: null,
	faults: {
		serverErrorRate: 0,
		serverErrorStatus: 500,
		rateLimitRate: 0,
		throttledRate: 0,
		latencyMs: 0,
		seed: 1,
	},
};

/** Settings fields whose values are secrets and are shown as "***" by `GET /_simulator/settings`. */
export const SECRET_SETTINGS: ReadonlyArray<keyof ShopifySettings> = ['notificationsSigningKey'];

export type ShopifySettingsPatch = Partial<Omit<ShopifySettings, 'faults'>> & {
	faults?: Partial<FaultSettings>;
};

const VERSION_PATTERN = /^\d{4}-(01|04|07|10)$/;

export function cloneSettings(settings: ShopifySettings): ShopifySettings {
	return {
		...settings,
		supportedVersions: [...settings.supportedVersions],
		faults: { ...settings.faults },
	};
}

/** Thrown for a settings patch that names an unknown field or has a value of the wrong type. */
export class SettingsError extends Error {}

function expectNumber(name: string, value: unknown, min: number, max = Infinity): number {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
		const range = max === Infinity ? `>= ${min}` : `between ${min} and ${max}`;
		throw new SettingsError(
			`Setting "${name}" must be a number ${range}; got ${JSON.stringify(value)}.`,
		);
	}
	return value;
}

function expectBoolean(name: string, value: unknown): boolean {
	if (typeof value !== 'boolean') {
		throw new SettingsError(
			`Setting "${name}" must be true or false; got ${JSON.stringify(value)}.`,
		);
	}
	return value;
}

function expectVersion(name: string, value: unknown): string {
	if (typeof value !== 'string' || !VERSION_PATTERN.test(value)) {
		throw new SettingsError(
			`Setting "${name}" must be an API version such as "2026-01"; got ${JSON.stringify(value)}.`,
		);
	}
	return value;
}

function applyFaults(target: FaultSettings, patch: unknown): void {
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
		throw new SettingsError('Setting "faults" must be an object.');
	}
	for (const [key, value] of Object.entries(patch)) {
		switch (key) {
			case 'serverErrorRate':
			case 'rateLimitRate':
			case 'throttledRate':
				target[key] = expectNumber(`faults.${key}`, value, 0, 1);
				break;
			case 'serverErrorStatus':
				target.serverErrorStatus = expectNumber('faults.serverErrorStatus', value, 500, 599);
				break;
			case 'latencyMs':
				target.latencyMs = expectNumber('faults.latencyMs', value, 0, 600000);
				break;
			case 'seed':
				target.seed = expectNumber('faults.seed', value, 0);
				break;
			default:
				throw new SettingsError(
					`Unknown setting "faults.${key}". Known fault settings: ${Object.keys(target).join(', ')}.`,
				);
		}
	}
}

/**
 * Returns `base` with `patch` applied, after checking every field. Throws SettingsError on
 * the first unknown field or invalid value, so a patch is applied whole or not at all.
 */
export function applySettingsPatch(base: ShopifySettings, patch: unknown): ShopifySettings {
	if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
		throw new SettingsError('The settings patch must be a JSON object.');
	}
	const next = cloneSettings(base);
	for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
		switch (key) {
			case 'supportedVersions': {
				if (!Array.isArray(value) || value.length === 0) {
					throw new SettingsError(
						'Setting "supportedVersions" must be a non-empty array of versions.',
					);
				}
				next.supportedVersions = value
					.map((version, index) => expectVersion(`supportedVersions[${index}]`, version))
					.sort();
				break;
			}
			case 'webhookApiVersion':
			case 'webhookUriFromVersion':
				next[key] = expectVersion(key, value);
				break;
			case 'productByHandleUntilVersion':
				next.productByHandleUntilVersion = value === null ? null : expectVersion(key, value);
				break;
			case 'tokenLifetimeSeconds':
				next.tokenLifetimeSeconds = expectNumber(key, value, 0.001);
				break;
			case 'costBucketSize':
			case 'costRestoreRate':
			case 'maxQueryCost':
			case 'restBucketSize':
			case 'restLeakRate':
				next[key] = expectNumber(key, value, 0.001);
				break;
			case 'deliveryTimeoutMs':
			case 'deliveryConnectTimeoutMs':
				next[key] = expectNumber(key, value, 1, 600000);
				break;
			case 'deliveryMaxRetries':
				next.deliveryMaxRetries = expectNumber(key, value, 0, 8);
				break;
			case 'deliveryRetryDelayMs':
				next.deliveryRetryDelayMs = expectNumber(key, value, 0, 600000);
				break;
			case 'bucketScope':
				if (value !== 'token' && value !== 'app') {
					throw new SettingsError('Setting "bucketScope" must be "token" or "app".');
				}
				next.bucketScope = value;
				break;
			case 'throttledStatus':
				if (value !== 200 && value !== 429) {
					throw new SettingsError('Setting "throttledStatus" must be 200 or 429.');
				}
				next.throttledStatus = value;
				break;
			case 'requireHttpsCallbacks':
			case 'allowRemoteDelivery':
			case 'webhookIdPerAttempt':
			case 'escapeNonAscii':
			case 'sendEventsHeaders':
			case 'autoEmit':
				next[key] = expectBoolean(key, value);
				break;
			case 'notificationsSigningKey':
				if (typeof value !== 'string' || value.length === 0) {
					throw new SettingsError('Setting "notificationsSigningKey" must be a non-empty string.');
				}
				next.notificationsSigningKey = value;
				break;
			case 'publicUrl':
				if (value !== null && (typeof value !== 'string' || !/^https?:\/\/[^/]+$/.test(value))) {
					throw new SettingsError(
						'Setting "publicUrl" must be null or a base URL without a path, such as "http://127.0.0.1:8282".',
					);
				}
				next.publicUrl = value;
				break;
			case 'faults':
				applyFaults(next.faults, value);
				break;
			default:
				throw new SettingsError(
					`Unknown setting "${key}". Known settings: ${Object.keys(base).join(', ')}.`,
				);
		}
	}
	return next;
}

/** Settings as `GET /_simulator/settings` shows them, with secret values masked. */
export function publicSettings(settings: ShopifySettings): Record<string, unknown> {
	const masked: Record<string, unknown> = { ...cloneSettings(settings) };
	for (const key of SECRET_SETTINGS) masked[key] = '***';
	return masked;
}
