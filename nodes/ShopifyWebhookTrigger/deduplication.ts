/**
 * Remembers which webhook deliveries a trigger has already started an execution for, so a
 * redelivered event (Shopify delivers at least once and retries for up to 4 hours) runs once.
 *
 * Two layers:
 * - A map in this process. webhook() checks and claims a key in it synchronously, so two
 *   concurrent copies of a delivery cannot both start an execution.
 * - The workflow's static data, so the list survives restarts. n8n 2.41 does not save static
 *   data that webhook() changes when the request starts an execution: starting it builds a
 *   second Workflow over the same static data object, which resets its "changed" flag. The
 *   trigger's execute(), which runs as the first step of that execution, therefore writes the
 *   keys into the execution's static data, and n8n saves it when the execution ends.
 * Each write merges both layers, so concurrent executions that each save their own copy
 * still save every delivery this process has seen.
 * NOTE: a restart while the execution is still running loses its key, and in queue mode two
 * concurrent copies of a delivery that reach different webhook processes can both run.
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

function memoryOf(scope: string): Map<string, number> {
	let memory = processMemory.get(scope);
	if (!memory) {
		memory = new Map();
		processMemory.set(scope, memory);
	}
	return memory;
}

/**
 * Claims `key` for the trigger identified by `scope` (mode, workflow and node), unless it is
 * known from the process memory or from `persisted` (the entries in static data). Returns
 * whether it was known, i.e. whether the delivery is a duplicate. Runs synchronously, so two
 * deliveries handled concurrently in this process cannot both claim the same key.
 */
export function claimDelivery(
	scope: string,
	key: string,
	persisted: unknown,
	now: number,
	limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS,
): boolean {
	const memory = memoryOf(scope);
	const known = new Map([...readPersisted(persisted), ...memory]);
	const fresh = pruneEntries(known, now, limits);
	if (fresh.has(key)) return true;
	memory.set(key, now);
	processMemory.set(scope, pruneEntries(memory, now, limits));
	return false;
}

/**
 * Returns the entries to save in static data: `persisted`, the process memory of `scope` and
 * `keys` (seen now), pruned to the limits. The memory takes the same entries.
 */
export function rememberDeliveries(
	scope: string,
	keys: string[],
	persisted: unknown,
	now: number,
	limits: DedupeLimits = DEFAULT_DEDUPE_LIMITS,
): DeliveryEntries {
	const merged = readPersisted(persisted);
	for (const [known, seenAt] of memoryOf(scope)) {
		merged.set(known, Math.min(seenAt, merged.get(known) ?? seenAt));
	}
	for (const key of keys) {
		if (!merged.has(key)) merged.set(key, now);
	}
	const entries = pruneEntries(merged, now, limits);
	processMemory.set(scope, new Map(entries));
	return Object.fromEntries(entries);
}

/** Forgets this process's memory of a trigger, e.g. in tests. */
export function forgetScope(scope: string): void {
	processMemory.delete(scope);
}
