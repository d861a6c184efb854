/**
 * The legacy REST Admin API endpoints this package's nodes and n8n's built-in trigger use:
 * webhooks.json (list, create, get, update, delete, count) and orders.json (list with Link
 * pagination, get, count).
 */
import { compareIds } from '../graphql/connection';
import { HttpError, parseJsonBody } from '../http';
import { parseJsonLossless, serializeJson } from '../json';
import { financialStatus, fulfillmentStatus } from '../ledger';
import type { OrderRecord } from '../model';
import { createSubscription, deleteSubscription, updateSubscription } from '../operations';
import type { ShopifyStore } from '../store';
import { topicInfo, WEBHOOK_TOPICS } from '../topics';
import { restOrder, restWebhook } from './representations';

export interface RestReply {
	status: number;
	body: string;
	headers: Record<string, string>;
}

function reply(status: number, value: unknown, headers: Record<string, string> = {}): RestReply {
	return { status, body: serializeJson(value), headers };
}

const NOT_FOUND = (): RestReply => reply(404, { errors: 'Not Found' });

function parseLimit(params: URLSearchParams): number {
	const raw = params.get('limit');
	if (raw === null) return 50;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1 || limit > 250) {
		throw new HttpError(400, `limit must be an integer from 1 to 250; got ${raw}.`, {
			errors: { limit: [`must be an integer from 1 to 250; got ${raw}`] },
		});
	}
	return limit;
}

function pickFields(
	resource: Record<string, unknown>,
	fields: string | null,
): Record<string, unknown> {
	if (!fields) return resource;
	const picked: Record<string, unknown> = {};
	for (const field of fields
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)) {
		if (field in resource) picked[field] = resource[field];
	}
	return picked;
}

// ---------------------------------------------------------------------------------------
// webhooks.json

interface WebhookBody {
	webhook?: {
		topic?: unknown;
		address?: unknown;
		format?: unknown;
		fields?: unknown;
		metafield_namespaces?: unknown;
		filter?: unknown;
	};
}

function stringList(value: unknown): string[] | undefined {
	return Array.isArray(value) ? value.map(String) : undefined;
}

function subscriptionErrors(
	messages: Array<{ field: string[] | null; message: string }>,
): RestReply {
	const errors: Record<string, string[]> = {};
	for (const entry of messages) {
		const field = entry.field?.at(-1) === 'format' ? 'format' : 'address';
		// REST error messages omit the field name that the key already states.
		const text = entry.message.replace(/^Address /, '').replace(/^Format /, '');
		(errors[field] ??= []).push(text);
	}
	return reply(422, { errors });
}

export function handleWebhooksRest(
	store: ShopifyStore,
	method: string,
	rest: string,
	params: URLSearchParams,
	body: Buffer,
): RestReply {
	const apiSubscriptions = () =>
		[...store.subscriptions.values()]
			.filter((entry) => entry.source === 'api')
			.sort((left, right) => compareIds(left.id, right.id));

	if (rest === 'webhooks.json' && method === 'GET') {
		const limit = parseLimit(params);
		const sinceId = params.get('since_id');
		let list = apiSubscriptions();
		const topic = params.get('topic');
		const address = params.get('address');
		if (topic) list = list.filter((entry) => entry.topic === topic);
		if (address) list = list.filter((entry) => entry.uri === address);
		if (sinceId) list = list.filter((entry) => compareIds(entry.id, sinceId) > 0);
		const fields = params.get('fields');
		return reply(200, {
			webhooks: list.slice(0, limit).map((entry) => pickFields(restWebhook(store, entry), fields)),
		});
	}

	if (rest === 'webhooks/count.json' && method === 'GET') {
		let list = apiSubscriptions();
		const topic = params.get('topic');
		const address = params.get('address');
		if (topic) list = list.filter((entry) => entry.topic === topic);
		if (address) list = list.filter((entry) => entry.uri === address);
		return reply(200, { count: list.length });
	}

	if (rest === 'webhooks.json' && method === 'POST') {
		const parsed = parseJsonBody(body) as WebhookBody;
		const webhook = parsed.webhook;
		if (!webhook || typeof webhook !== 'object') {
			return reply(400, { errors: { webhook: 'Required parameter missing or invalid' } });
		}
		const topic = typeof webhook.topic === 'string' ? topicInfo(webhook.topic) : undefined;
		if (!topic) {
			return reply(422, {
				errors: {
					topic: [
						`Invalid topic specified: ${String(webhook.topic)}. Topics allowed: ${WEBHOOK_TOPICS.map((entry) => entry.topic).join(', ')}`,
					],
				},
			});
		}
		const result = createSubscription(
			store,
			{
				topic: topic.topic,
				uri: typeof webhook.address === 'string' ? webhook.address : null,
				format: typeof webhook.format === 'string' ? webhook.format : 'json',
				includeFields: stringList(webhook.fields),
				metafieldNamespaces: stringList(webhook.metafield_namespaces),
				filter: typeof webhook.filter === 'string' ? webhook.filter : null,
				source: 'api',
			},
			['webhook', 'address'],
		);
		if (!result.value) return subscriptionErrors(result.userErrors);
		return reply(201, { webhook: restWebhook(store, result.value) });
	}

	const single = /^webhooks\/(\d+)\.json$/.exec(rest);
	if (single) {
		const id = single[1];
		const record = store.subscriptions.get(id);
		if (!record || record.source !== 'api') return NOT_FOUND();
		if (method === 'GET')
			return reply(200, { webhook: pickFields(restWebhook(store, record), params.get('fields')) });
		if (method === 'DELETE') {
			deleteSubscription(store, id);
			return reply(200, {});
		}
		if (method === 'PUT') {
			const parsed = parseJsonBody(body) as WebhookBody;
			const webhook = parsed.webhook ?? {};
			const result = updateSubscription(
				store,
				id,
				{
					uri: typeof webhook.address === 'string' ? webhook.address : undefined,
					format: typeof webhook.format === 'string' ? webhook.format : undefined,
					includeFields: stringList(webhook.fields),
					metafieldNamespaces: stringList(webhook.metafield_namespaces),
					filter: typeof webhook.filter === 'string' ? webhook.filter : undefined,
				},
				['webhook', 'address'],
			);
			if (!result.value) return subscriptionErrors(result.userErrors);
			return reply(200, { webhook: restWebhook(store, result.value) });
		}
	}
	return NOT_FOUND();
}

// ---------------------------------------------------------------------------------------
// orders.json

/** Filters a page_info cursor carries, so later pages keep the first page's filters. */
interface OrderListState {
	filters: Record<string, string>;
	order: string;
	lastId: string;
	direction: 'next' | 'previous';
}

const FILTER_PARAMS = [
	'ids',
	'since_id',
	'created_at_min',
	'created_at_max',
	'updated_at_min',
	'updated_at_max',
	'processed_at_min',
	'processed_at_max',
	'status',
	'financial_status',
	'fulfillment_status',
	'name',
];

function encodePageInfo(state: OrderListState): string {
	return Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
}

function decodePageInfo(pageInfo: string): OrderListState {
	try {
		const state = parseJsonLossless(
			Buffer.from(pageInfo, 'base64url').toString('utf8'),
		) as OrderListState;
		if (state && typeof state.lastId === 'string' && typeof state.order === 'string') return state;
	} catch {
		// Falls through to the error below.
	}
	throw new HttpError(400, 'page_info is invalid; use the page_info from a Link header.', {
		errors: 'Invalid value for page_info: use the value from a Link header unchanged.',
	});
}

function matchesOrderFilters(
	store: ShopifyStore,
	order: OrderRecord,
	filters: Record<string, string>,
): boolean {
	const relations = store.relations(order.id);

	const status = filters.status ?? 'open';
	if (status === 'open' && (order.closedAt !== null || order.cancelledAt !== null)) return false;
	if (status === 'closed' && order.closedAt === null) return false;
	if (status === 'cancelled' && order.cancelledAt === null) return false;
	if (
		filters.ids &&
		!filters.ids
			.split(',')
			.map((entry) => entry.trim())
			.includes(order.id)
	)
		return false;
	if (filters.since_id && compareIds(order.id, filters.since_id) <= 0) return false;
	if (filters.name && order.name.replace('#', '') !== filters.name.replace('#', '')) return false;

	const ranges: Array<[string, string]> = [
		['created_at', order.createdAt],
		['updated_at', order.updatedAt],
		['processed_at', order.processedAt],
	];
	for (const [field, value] of ranges) {
		const min = filters[`${field}_min`];
		const max = filters[`${field}_max`];
		if (min && Date.parse(value) < Date.parse(min)) return false;
		if (max && Date.parse(value) > Date.parse(max)) return false;
	}

	const financial = filters.financial_status;
	if (financial && financial !== 'any') {
		const actual = financialStatus(order, relations);
		const unpaid = ['pending', 'authorized', 'partially_paid'].includes(actual);
		if (financial === 'unpaid' ? !unpaid : actual !== financial) return false;
	}

	const fulfillment = filters.fulfillment_status;
	if (fulfillment && fulfillment !== 'any') {
		const actual = fulfillmentStatus(order, relations);
		const ok =
			(fulfillment === 'shipped' && actual === 'fulfilled') ||
			(fulfillment === 'partial' && actual === 'partial') ||
			(fulfillment === 'unshipped' && actual === null) ||
			(fulfillment === 'unfulfilled' && actual !== 'fulfilled');
		if (!ok) return false;
	}
	return true;
}

function sortOrders(orders: OrderRecord[], order: string): OrderRecord[] {
	const [field, direction] = order.split(/\s+/);
	const key = (record: OrderRecord): string =>
		field === 'created_at'
			? record.createdAt
			: field === 'updated_at'
				? record.updatedAt
				: field === 'processed_at'
					? record.processedAt
					: '';
	const sorted = [...orders].sort((left, right) => {
		const byKey = field === 'id' ? 0 : key(left).localeCompare(key(right));
		return byKey !== 0 ? byKey : compareIds(left.id, right.id);
	});
	return direction === 'asc' ? sorted : sorted.reverse();
}

const ORDER_SORTS = /^(id|created_at|updated_at|processed_at)( (asc|desc))?$/;

function ordersQuery(params: URLSearchParams): {
	filters: Record<string, string>;
	order: string;
	cursor: OrderListState | null;
} {
	const pageInfo = params.get('page_info');
	if (pageInfo) {
		const extra = [...params.keys()].filter(
			(key) => !['page_info', 'limit', 'fields'].includes(key),
		);
		if (extra.length > 0) {
			throw new HttpError(400, `page_info cannot be combined with ${extra.join(', ')}.`, {
				errors: `page_info cannot be combined with ${extra.join(', ')}; only limit and fields may accompany it.`,
			});
		}
		const cursor = decodePageInfo(pageInfo);
		return { filters: cursor.filters, order: cursor.order, cursor };
	}
	const filters: Record<string, string> = {};
	for (const name of FILTER_PARAMS) {
		const value = params.get(name);
		if (value !== null && value !== '') filters[name] = value;
	}
	const order = params.get('order') ?? 'id desc';
	if (!ORDER_SORTS.test(order)) {
		throw new HttpError(
			400,
			`order ${order} is not supported; use a field (id, created_at, updated_at, processed_at) and asc or desc.`,
		);
	}
	return { filters, order: order.includes(' ') ? order : `${order} desc`, cursor: null };
}

function pageLink(
	baseUrl: string,
	path: string,
	limit: number,
	fields: string | null,
	state: OrderListState,
): string {
	const query = new URLSearchParams({ limit: String(limit) });
	if (fields) query.set('fields', fields);
	query.set('page_info', encodePageInfo(state));
	return `<${baseUrl}${path}?${query.toString()}>`;
}

export function handleOrdersRest(
	store: ShopifyStore,
	method: string,
	rest: string,
	params: URLSearchParams,
	baseUrl: string,
	path: string,
): RestReply {
	if (method !== 'GET') return NOT_FOUND();

	if (rest === 'orders/count.json') {
		const { filters } = ordersQuery(params);
		const count = [...store.orders.values()].filter((order) =>
			matchesOrderFilters(store, order, filters),
		).length;
		return reply(200, { count });
	}

	const single = /^orders\/(\d+)\.json$/.exec(rest);
	if (single) {
		const order = store.orders.get(single[1]);
		if (!order) return NOT_FOUND();
		return reply(200, { order: pickFields(restOrder(store, order), params.get('fields')) });
	}

	if (rest !== 'orders.json') return NOT_FOUND();
	const limit = parseLimit(params);
	const fields = params.get('fields');
	const { filters, order, cursor } = ordersQuery(params);
	const all = sortOrders(
		[...store.orders.values()].filter((record) => matchesOrderFilters(store, record, filters)),
		order,
	);

	let start = 0;
	let end = Math.min(all.length, limit);
	if (cursor) {
		const index = all.findIndex((record) => record.id === cursor.lastId);
		if (cursor.direction === 'next') {
			start = index === -1 ? all.length : index + 1;
			end = Math.min(all.length, start + limit);
		} else {
			end = index === -1 ? 0 : index;
			start = Math.max(0, end - limit);
		}
	}
	const page = all.slice(start, end);
	const links: string[] = [];
	if (page.length > 0 && start > 0) {
		links.push(
			`${pageLink(baseUrl, path, limit, fields, { filters, order, lastId: page[0].id, direction: 'previous' })}; rel="previous"`,
		);
	}
	if (page.length > 0 && end < all.length) {
		links.push(
			`${pageLink(baseUrl, path, limit, fields, { filters, order, lastId: page[page.length - 1].id, direction: 'next' })}; rel="next"`,
		);
	}
	const headers: Record<string, string> = {};
	if (links.length > 0) headers.Link = links.join(', ');
	return reply(
		200,
		{ orders: page.map((record) => pickFields(restOrder(store, record), fields)) },
		headers,
	);
}
