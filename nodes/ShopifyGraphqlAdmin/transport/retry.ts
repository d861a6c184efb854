/**
 * Wait times for Shopify's rate limits and transient failures. The numbers bound how long one
 * GraphQL request may be retried; docs/shopify-nodes.md lists them for users.
 */

/** Query cost as Shopify reports it in `extensions.cost` of every GraphQL response. */
export interface QueryCost {
	requestedQueryCost?: number | null;
	actualQueryCost?: number | null;
	throttleStatus?: {
		maximumAvailable?: number | null;
		currentlyAvailable?: number | null;
		restoreRate?: number | null;
	} | null;
}

/** Retries of one request after THROTTLED replies or HTTP 429, counted together. */
export const MAX_RATE_LIMIT_RETRIES = 6;

/** Retries of one request after HTTP 5xx or a dropped connection (queries and idempotent mutations only). */
export const MAX_SERVER_RETRIES = 3;

/** Shortest wait after a THROTTLED reply, for a bucket that refilled while the reply travelled. */
export const MIN_THROTTLE_WAIT_MS = 100;

/** Upper bound of one wait, so a wrong header or cost cannot stall an execution for long. */
export const MAX_WAIT_MS = 60_000;

/** First wait after a server failure; each further retry doubles it. */
export const SERVER_RETRY_BASE_MS = 1_000;

/** Wait when Shopify gives neither a cost nor a Retry-After header. */
export const FALLBACK_THROTTLE_WAIT_MS = 1_000;

function clamp(milliseconds: number): number {
	return Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil(milliseconds)));
}

/**
 * Computes the time until the cost bucket contains the requested points again:
 * (requestedQueryCost − currentlyAvailable) / restoreRate seconds, in milliseconds.
 * Returns undefined when the cost lacks one of the three numbers.
 */
export function throttleWaitMs(cost: QueryCost | null | undefined): number | undefined {
	const requested = cost?.requestedQueryCost;
	const available = cost?.throttleStatus?.currentlyAvailable;
	const restoreRate = cost?.throttleStatus?.restoreRate;
	if (
		typeof requested !== 'number' ||
		typeof available !== 'number' ||
		typeof restoreRate !== 'number' ||
		restoreRate <= 0
	) {
		return undefined;
	}
	return clamp(((requested - available) / restoreRate) * 1000);
}

/**
 * Reads a Retry-After header: seconds (Shopify sends e.g. "2.0") or an HTTP date.
 * Returns undefined for a missing or unreadable value.
 */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value === 'number') return clamp(value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const seconds = Number(value.trim());
	if (Number.isFinite(seconds)) return clamp(seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? clamp(date - now) : undefined;
}

/** Exponential backoff after a server failure: 1 s, 2 s, 4 s for retries 1, 2 and 3. */
export function serverRetryWaitMs(retry: number): number {
	return clamp(SERVER_RETRY_BASE_MS * 2 ** Math.max(0, retry - 1));
}
