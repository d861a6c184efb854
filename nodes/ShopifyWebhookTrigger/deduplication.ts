/**
 * Remembers which webhook deliveries a trigger has already started an execution for, so a
 * redelivered event (Shopify delivers at least once and retries for up to 4 hours) runs once.
 *
 * Two layers: the workflow's static data, which n8n saves to its database after each webhook
 * request (so the list survives restarts), and a map in this process, because two concurrent
 * deliveries each load the static data before either has saved it. Each delivery merges both
 * layers, so the copy it saves contains every delivery this process has seen.
 * NOTE: in queue mode with several webhook processes, two concurrent copies of one delivery
 * reaching different processes can both run; sequential retries are still caught.
 */

export interface DedupeLimits {
	/** Deliveries remembered per trigger node; the oldest are forgotten first. */
	maxEntries: number;
	/** How long a delivery is remembered, in milliseconds. */
	maxAgeMs: number;
}

/** Defaults: Shopify retries a failed delivery 8 times over 4 hours, so 24 hours covers it. */
export const DEFAULT_DEDUPE_LIMITS: DedupeLimits = {
	maxEntries: 1000,
	maxAgeMs: 24 * 60 * 60 * 1000,
};

export const MAX_DEDUPE_ENTRIES = 10_000;
export const MAX_DEDUPE_AGE_HOURS = 168;

/** Delivery key → time it was first seen, in milliseconds since the epoch. */
export type DeliveryEntries = Record<string, number>;

const processMemory = new Map<string, Map<string, number>>();

/** Drops entries older than maxAgeMs, then all but the newest maxEntries. */
export function pruneEntries(
	entries: Map<string, number>,
	now: number,
	limits: DedupeLimits,
): Map<string, number> {
	const fresh = [...entries].filter(([, seenAt]) => now - seenAt <= limits.maxAgeMs);
	fresh.sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1));
	return new Map(fresh.slice(0, limits.maxEntries));
}

function readPersisted(value: unknown): Map<string, number> {
	const entries = new Map<string, number>();
	if (!value || typeof value !== 'object' || Array.isArray(value)) return entries;
	for (const [key, seenAt] of Object.entries(value as Record<string, unknown>)) {
		if (typeof seenAt === 'number' && Number.isFinite(seenAt)) entries.set(key, seenAt);
	}
	return entries;
}

export interface ClaimResult {
	/** Whether the key was seen before: the caller must not start an execution. */
	duplicate: boolean;
	/** The merged, pruned entries to save in static data (only needed when not a duplicate). */
	entries: DeliveryEntries;
}

/**
 * Records `key` for the trigger identified by `scope` unless it is already known, in the
 * process memory or in `persisted` (the entries from static data). Runs synchronously, so
 * two deliveries handled concurrently in this process cannot both claim the same key.
 */
export function claimDelivery(
	scope: string,
	key: string,
	persisted: unknown,
	now: number,
	limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS,
): ClaimResult {
	const merged = readPersisted(persisted);
	for (const [known, seenAt] of processMemory.get(scope) ?? []) {
		merged.set(known, Math.min(seenAt, merged.get(known) ?? seenAt));
	}

	let entries = pruneEntries(merged, now, limits);
	const duplicate = entries.has(key);
	if (!duplicate) {
		entries.set(key, now);
		entries = pruneEntries(entries, now, limits);
	}
	processMemory.set(scope, entries);
	return { duplicate, entries: Object.fromEntries(entries) };
}

/** Forgets this process's memory of a trigger, e.g. in tests. */
export function forgetScope(scope: string): void {
	processMemory.delete(scope);
}
