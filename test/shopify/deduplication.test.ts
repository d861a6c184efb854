import {
	claimDelivery,
	DEFAULT_DEDUPE_LIMITS,
	forgetScope,
	pruneEntries,
	rememberDeliveries,
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
		expect(claimDelivery(scope, 'event:a', undefined, T0)).toBe(false);
		expect(claimDelivery(scope, 'event:a', undefined, T0 + 1000)).toBe(true);
		expect(claimDelivery(scope, 'event:b', undefined, T0 + 1000)).toBe(false);
	});

	it('catches two concurrent deliveries that loaded the same static data', () => {
		const scope = newScope();
		const loadedByBoth = {};
		expect(claimDelivery(scope, 'event:a', loadedByBoth, T0)).toBe(false);
		expect(claimDelivery(scope, 'event:a', loadedByBoth, T0)).toBe(true);
	});

	it('finds a key in the static data after a restart', () => {
		const scope = newScope();
		claimDelivery(scope, 'event:a', undefined, T0);
		const persisted = rememberDeliveries(scope, ['event:a'], undefined, T0);
		forgetScope(scope);

		expect(claimDelivery(scope, 'event:a', persisted, T0 + HOUR)).toBe(true);
		expect(claimDelivery(scope, 'event:b', persisted, T0 + HOUR)).toBe(false);
	});

	it('keeps scopes apart', () => {
		const left = newScope();
		const right = newScope();
		claimDelivery(left, 'event:a', undefined, T0);
		expect(claimDelivery(right, 'event:a', undefined, T0)).toBe(false);
	});

	it('forgets deliveries older than the maximum age', () => {
		const scope = newScope();
		const limits = { maxEntries: 100, maxAgeMs: 24 * HOUR };
		const persisted = rememberDeliveries(scope, ['event:a'], undefined, T0, limits);
		forgetScope(scope);

		expect(claimDelivery(scope, 'event:a', persisted, T0 + 24 * HOUR, limits)).toBe(true);
		forgetScope(scope);
		expect(claimDelivery(scope, 'event:a', persisted, T0 + 24 * HOUR + 1, limits)).toBe(false);
	});

	it('ignores malformed persisted values', () => {
		expect(claimDelivery(newScope(), 'event:a', { 'event:a': 'yesterday' }, T0)).toBe(false);
		expect(claimDelivery(newScope(), 'event:a', ['event:a'], T0)).toBe(false);
	});
});

describe('rememberDeliveries', () => {
	it('merges static data, process memory and new keys', () => {
		const scope = newScope();
		claimDelivery(scope, 'event:memory', undefined, T0);
		const entries = rememberDeliveries(
			scope,
			['event:new'],
			{ 'event:saved': T0 - HOUR },
			T0 + 1000,
		);
		expect(entries).toEqual({
			'event:saved': T0 - HOUR,
			'event:memory': T0,
			'event:new': T0 + 1000,
		});
	});

	it('keeps the first time a key was seen', () => {
		const scope = newScope();
		const entries = rememberDeliveries(scope, ['event:a'], { 'event:a': T0 }, T0 + HOUR);
		expect(entries).toEqual({ 'event:a': T0 });
	});

	it('saves the keys of concurrent executions together', () => {
		const scope = newScope();
		const loadedByBoth = {};
		rememberDeliveries(scope, ['event:a'], loadedByBoth, T0);
		const second = rememberDeliveries(scope, ['event:b'], loadedByBoth, T0 + 1);
		expect(Object.keys(second).sort()).toEqual(['event:a', 'event:b']);
	});

	it('keeps at most maxEntries, dropping the oldest', () => {
		const scope = newScope();
		const limits = { maxEntries: 3, maxAgeMs: 24 * HOUR };
		let entries: Record<string, number> = {};
		for (let index = 0; index < 5; index++) {
			entries = rememberDeliveries(scope, [`event:${index}`], entries, T0 + index * 1000, limits);
		}
		expect(Object.keys(entries).sort()).toEqual(['event:2', 'event:3', 'event:4']);
		forgetScope(scope);
		expect(claimDelivery(scope, 'event:0', entries, T0 + 10_000, limits)).toBe(false);
		expect(claimDelivery(scope, 'event:4', entries, T0 + 10_000, limits)).toBe(true);
	});

	it('bounds the stored size at the default limits', () => {
		const scope = newScope();
		let entries: Record<string, number> = {};
		for (let index = 0; index < DEFAULT_DEDUPE_LIMITS.maxEntries + 50; index++) {
			entries = rememberDeliveries(scope, [`event:${crypto.randomUUID()}`], entries, T0 + index);
		}
		expect(Object.keys(entries)).toHaveLength(DEFAULT_DEDUPE_LIMITS.maxEntries);
		// About 60 bytes per entry: a UUID key, its prefix and a timestamp.
		expect(JSON.stringify(entries).length).toBeLessThan(DEFAULT_DEDUPE_LIMITS.maxEntries * 70);
	});
});

describe('pruneEntries', () => {
	it('orders ties by key, so the result does not depend on insertion order', () => {
		const limits = { maxEntries: 2, maxAgeMs: HOUR };
		const forward = pruneEntries(
			new Map([
				['b', T0],
				['a', T0],
				['c', T0],
			]),
			T0,
			limits,
		);
		const backward = pruneEntries(
			new Map([
				['c', T0],
				['a', T0],
				['b', T0],
			]),
			T0,
			limits,
		);
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
		expect(
			deliveryKey(readDeliveryHeaders({ 'shopify-event-id': 'events-format-only' })),
		).toBeUndefined();
	});
});

describe('trigger options', () => {
	it('default to the documented limits', () => {
		const { ShopifyWebhookTrigger } =
			require('../../nodes/ShopifyWebhookTrigger/ShopifyWebhookTrigger.node') as typeof import('../../nodes/ShopifyWebhookTrigger/ShopifyWebhookTrigger.node');
		const options = new ShopifyWebhookTrigger().description.properties.find(
			(property) => property.name === 'options',
		);
		const defaults = Object.fromEntries(
			((options?.options ?? []) as Array<{ name: string; default: unknown }>).map((option) => [
				option.name,
				option.default,
			]),
		);
		expect(defaults).toEqual({
			dedupeHours: DEFAULT_DEDUPE_LIMITS.maxAgeMs / HOUR,
			dedupeEntries: DEFAULT_DEDUPE_LIMITS.maxEntries,
		});
	});
});
