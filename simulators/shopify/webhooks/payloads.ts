/**
 * Webhook payloads: the REST representation of the topic's record, trimmed to the
 * subscription's `includeFields`, and the subscription `filter` check.
 */
import { restTime } from '../format';
import { numericId } from '../gid';
import { int, JsonInteger } from '../json';
import {
	restCustomer,
	restDispute,
	restFulfillment,
	restOrder,
	restProduct,
	restRefund,
	restReturn,
	restTransaction,
} from '../rest/representations';
import { matchesSearch, parseSearchQuery, type Comparator, type SearchSpec } from '../search';
import type { ShopifyStore } from '../store';
import type { TopicInfo, TopicResource } from '../topics';

/** GID type of each payload resource, for ids given as GIDs. */
export const RESOURCE_GID_TYPE: Record<Exclude<TopicResource, 'none'>, string> = {
	order: 'Order',
	refund: 'Refund',
	return: 'Return',
	fulfillment: 'Fulfillment',
	product: 'Product',
	transaction: 'OrderTransaction',
	dispute: 'ShopifyPaymentsDispute',
	customer: 'Customer',
};

export function shopPayload(store: ShopifyStore): Record<string, unknown> {
	const { shop } = store;
	return {
		id: int(shop.id),
		name: shop.name,
		email: shop.email,
		domain: shop.myshopifyDomain,
		myshopify_domain: shop.myshopifyDomain,
		currency: shop.currencyCode,
		iana_timezone: shop.ianaTimezone,
		plan_display_name: shop.planDisplayName,
		address1: shop.billingAddress.address1,
		city: shop.billingAddress.city,
		zip: shop.billingAddress.zip,
		country_code: shop.billingAddress.countryCode,
		created_at: restTime('2026-01-01T09:00:00.000Z', shop.ianaTimezone),
	};
}

/**
 * Builds the payload for `topic` from the record with id `id` (numeric or GID). Returns null
 * when the record does not exist.
 */
export function payloadFor(
	store: ShopifyStore,
	topic: TopicInfo,
	id: string | null,
): Record<string, unknown> | null {
	if (topic.resource === 'none') return shopPayload(store);
	if (id === null) return null;
	const numeric = numericId(id, RESOURCE_GID_TYPE[topic.resource]);
	if (numeric === null) return null;
	if (topic.idOnly) {
		return { id: int(numeric) };
	}
	switch (topic.resource) {
		case 'order': {
			const record = store.orders.get(numeric);
			return record ? restOrder(store, record) : null;
		}
		case 'refund': {
			const record = store.refunds.get(numeric);
			return record ? restRefund(store, record) : null;
		}
		case 'return': {
			const record = store.returns.get(numeric);
			return record ? restReturn(store, record) : null;
		}
		case 'fulfillment': {
			const record = store.fulfillments.get(numeric);
			return record ? restFulfillment(store, record) : null;
		}
		case 'product': {
			const record = store.products.get(numeric);
			return record ? restProduct(store, record) : null;
		}
		case 'transaction': {
			const record = store.transactions.get(numeric);
			return record ? restTransaction(store, record) : null;
		}
		case 'dispute': {
			const record = store.disputes.get(numeric);
			return record ? restDispute(store, record) : null;
		}
		case 'customer': {
			const record = store.customers.get(numeric);
			return record ? restCustomer(store, record) : null;
		}
	}
}

/** Keeps only the top-level fields a subscription asked for; no list keeps everything. */
export function trimPayload(payload: unknown, includeFields: string[]): unknown {
	if (
		includeFields.length === 0 ||
		typeof payload !== 'object' ||
		payload === null ||
		Array.isArray(payload)
	) {
		return payload;
	}
	const trimmed: Record<string, unknown> = {};
	for (const field of includeFields) {
		if (field in payload) trimmed[field] = (payload as Record<string, unknown>)[field];
	}
	return trimmed;
}

function readPath(payload: unknown, path: string): unknown[] {
	let current: unknown[] = [payload];
	for (const part of path.split('.')) {
		const next: unknown[] = [];
		for (const value of current) {
			if (Array.isArray(value)) {
				for (const item of value) {
					if (item && typeof item === 'object') next.push((item as Record<string, unknown>)[part]);
				}
			} else if (value && typeof value === 'object') {
				next.push((value as Record<string, unknown>)[part]);
			}
		}
		current = next.flat();
	}
	return current.filter((value) => value !== undefined);
}

function scalarText(value: unknown): string | null {
	if (value instanceof JsonInteger) return value.digits;
	if (value === null || value === undefined) return null;
	if (typeof value === 'object') return null;
	return String(value);
}

function compare(left: string, comparator: Comparator, right: string): boolean {
	const leftNumber = Number(left);
	const rightNumber = Number(right);
	let order: number;
	if (left !== '' && right !== '' && !Number.isNaN(leftNumber) && !Number.isNaN(rightNumber)) {
		order = leftNumber - rightNumber;
	} else if (
		!Number.isNaN(Date.parse(left)) &&
		!Number.isNaN(Date.parse(right)) &&
		/^\d{4}-/.test(right)
	) {
		order = Date.parse(left) - Date.parse(right);
	} else {
		order = left.toLowerCase().localeCompare(right.toLowerCase());
	}
	switch (comparator) {
		case ':':
			return order === 0;
		case '>':
			return order > 0;
		case '>=':
			return order >= 0;
		case '<':
			return order < 0;
		case '<=':
			return order <= 0;
	}
}

/**
 * Tests whether a payload passes a subscription filter. Filters use search syntax over payload
 * fields, with dots for nested fields (`line_items.sku:TRS-42`).
 */
export function payloadMatchesFilter(payload: unknown, filter: string | null): boolean {
	const tree = parseSearchQuery(filter);
	if (tree === null) return true;
	const fields = new Proxy({} as SearchSpec<unknown>['fields'], {
		get: (_target, name) =>
			typeof name === 'string'
				? {
						type: 'custom' as const,
						match: (record: unknown, comparator: Comparator, value: string) =>
							readPath(record, name).some((candidate) => {
								const text = scalarText(candidate);
								return text !== null && compare(text, comparator, value);
							}),
					}
				: undefined,
	});
	const spec: SearchSpec<unknown> = {
		fields,
		defaultText: (record) => [JSON.stringify(record)],
	};
	return matchesSearch(payload, tree, spec);
}
