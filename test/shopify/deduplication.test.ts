import {
	claimDelivery,
	DEFAULT_DEDUPE_LIMITS,
	forgetScope,
	pruneEntries,
} from '../../nodes/ShopifyWebhookTrigger/deduplication';
import { deliveryKey, readDeliveryHeaders } from '../../nodes/ShopifyWebhookTrigger/delivery';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');

let scopeCounter = 0;
function newScope(): string {
	scopeCounter++;
	return `webhook:wf-${scopeCounter}:node-1`;
}

describe('claimDelivery', () => {
	it('claims a new key and reports a repeat as duplicate', () => {
		const scope = newScope();
		const first = claimDelivery(scope, 'event:a', undefined, T0);
		expect(first.duplicate).toBe(false);
		expect(first.entries).toEqual({ 'event:a': T0 });

		const second = claimDelivery(scope, 'event:a', first.entries, T0 + 1000);
		expect(second.duplicate).toBe(true);
	});

	it('finds a key in persisted entries after a restart', () => {
		const scope = newScope();
		const persisted = claimDelivery(scope, 'event:a', undefined, T0).entries;
		forgetScope(scope);

		expect(claimDelivery(scope, 'event:a', persisted, T0 + HOUR).duplicate).toBe(true);
		expect(claimDelivery(scope, 'event:b', persisted, T0 + HOUR).duplicate).toBe(false);
	});

	it('catches concurrent deliveries that loaded the same persisted copy', () => {
		const scope = newScope();
		const loadedByBoth = {};
		const first = claimDelivery(scope, 'event:a', loadedByBoth, T0);
		const second = claimDelivery(scope, 'event:a', loadedByBoth, T0);
		expect(first.duplicate).toBe(false);
		expect(second.duplicate).toBe(true);
	});

	it('saves entries of concurrent deliveries together', () => {
		const scope = newScope();
		const loadedByBoth = {};
		claimDelivery(scope, 'event:a', loadedByBoth, T0);
		const second = claimDelivery(scope, 'event:b', loadedByBoth, T0 + 1);
		expect(Object.keys(second.entries).sort()).toEqual(['event:a', 'event:b']);
	});

	it('keeps scopes apart', () => {
		const left = newScope();
		const right = newScope();
		claimDelivery(left, 'event:a', undefined, T0);
		expect(claimDelivery(right, 'event:a', undefined, T0).duplicate).toBe(false);
	});

	it('forgets deliveries older than the maximum age', () => {
		const scope = newScope();
		const limits = { maxEntries: 100, maxAgeMs: 24 * HOUR };
		const persisted = claimDelivery(scope, 'event:a', undefined, T0, limits).entries;
		forgetScope(scope);

		expect(claimDelivery(scope, 'event:a', persisted, T0 + 24 * HOUR, limits).duplicate).toBe(true);
		forgetScope(scope);
		const late = claimDelivery(scope, 'event:a', persisted, T0 + 24 * HOUR + 1, limits);
		expect(late.duplicate).toBe(false);
	});

	it('keeps at most maxEntries, dropping the oldest', () => {
		const scope = newScope();
		const limits = { maxEntries: 3, maxAgeMs: 24 * HOUR };
		let entries: Record<string, number> = {};
		for (let index = 0; index < 5; index++) {
			entries = claimDelivery(scope, `event:${index}`, entries, T0 + index * 1000, limits).entries;
		}
		expect(Object.keys(entries).sort()).toEqual(['event:2', 'event:3', 'event:4']);
		expect(claimDelivery(scope, 'event:0', entries, T0 + 10_000, limits).duplicate).toBe(false);
	});

	it('ignores malformed persisted values', () => {
		const scope = newScope();
		const result = claimDelivery(scope, 'event:a', { 'event:x': 'yesterday', 'event:y': null }, T0);
		expect(result.entries).toEqual({ 'event:a': T0 });
		expect(claimDelivery(newScope(), 'event:a', ['event:a'], T0).duplicate).toBe(false);
	});

	it('bounds the stored size at the default limits', () => {
		const scope = newScope();
		let entries: Record<string, number> = {};
		for (let index = 0; index < DEFAULT_DEDUPE_LIMITS.maxEntries + 50; index++) {
			entries = claimDelivery(scope, `event:${crypto.randomUUID()}`, entries, T0 + index).entries;
		}
		expect(Object.keys(entries)).toHaveLength(DEFAULT_DEDUPE_LIMITS.maxEntries);
		// About 60 bytes per entry: a UUID key, its prefix and a timestamp.
		expect(JSON.stringify(entries).length).toBeLessThan(DEFAULT_DEDUPE_LIMITS.maxEntries * 70);
	});
});

describe('pruneEntries', () => {
	it('orders ties by key, so the result does not depend on insertion order', () => {
		const limits = { maxEntries: 2, maxAgeMs: HOUR };
		const forward = pruneEntries(new Map([['b', T0], ['a', T0], ['c', T0]]), T0, limits);
		const backward = pruneEntries(new Map([['c', T0], ['a', T0], ['b', T0]]), T0, limits);
		expect([...forward.keys()]).toEqual(['a', 'b']);
		expect([...backward.keys()]).toEqual(['a', 'b']);
	});
});

describe('deliveryKey', () => {
	it('prefers the event id, which retries keep', () => {
		const headers = readDeliveryHeaders({
			'x-shopify-event-id': 'e-1',
			'x-shopify-webhook-id': 'w-1',
			'x-shopify-topic': 'orders/create',
		});
		expect(deliveryKey(headers)).toBe('event:e-1');
	});

	it('falls back to the webhook id', () => {
		expect(deliveryKey(readDeliveryHeaders({ 'x-shopify-webhook-id': 'w-1' }))).toBe('webhook:w-1');
	});

	it('has no key without either header', () => {
		expect(deliveryKey(readDeliveryHeaders({ 'shopify-event-id': 'events-format-only' }))).toBeUndefined();
	});
});
