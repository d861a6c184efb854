/**
 * Request routing: the OAuth token endpoint, the versioned Admin API (GraphQL and REST), the
 * label file, and the control API. Admin API requests get version fall-forward, the token
 * check, fault injection and a request log entry here, in one place.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { authenticate, handleAccessToken, INVALID_TOKEN_BODY } from './auth';
import { handleControl } from './control';
import type { FaultKind } from './faults';
import { runGraphql, type GraphqlRequest } from './graphql/handler';
import { HttpError, headerValue, readBody, sendJson, sendJsonText } from './http';
import { renderShippingLabel } from './label';
import { handleOrdersRest, handleWebhooksRest } from './rest/handler';
import { LABEL_FULFILLMENT_ID } from './seed';
import type { RequestLogEntry, ShopifyStore } from './store';
import type { WebhookEmitter } from './webhooks/emit';

const BODY_LIMIT_BYTES = 10 * 1024 * 1024;
const REST_RESOURCES = /^(graphql\.json|webhooks(\.json|\/.*)|orders(\.json|\/.*))$/;

export interface ServerDeps {
	store: ShopifyStore;
	emitter: WebhookEmitter;
	log: (line: string) => void;
}

interface AdminRoute {
	requestedVersion: string | null;
	rest: string;
}

/** Splits `/admin/api/{version}/{resource}`; the version segment may be missing. */
function parseAdminPath(path: string): AdminRoute | null {
	const match = /^\/admin\/api\/(.+)$/.exec(path);
	if (!match) return null;
	if (REST_RESOURCES.test(match[1])) return { requestedVersion: null, rest: match[1] };
	const slash = match[1].indexOf('/');
	if (slash === -1) return null;
	return { requestedVersion: match[1].slice(0, slash), rest: match[1].slice(slash + 1) };
}

/** The version actually served: the requested one when supported, else the oldest supported. */
function servedVersion(store: ShopifyStore, requested: string | null): string {
	const supported = [...store.settings.supportedVersions].sort();
	return requested && supported.includes(requested) ? requested : supported[0];
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function graphqlRequest(req: IncomingMessage, url: URL, body: Buffer): GraphqlRequest | null {
	if (req.method === 'GET') {
		const query = url.searchParams.get('query');
		if (!query) return null;
		const variables = url.searchParams.get('variables');
		let parsedVariables: Record<string, unknown> | null = null;
		try {
			parsedVariables = variables ? (JSON.parse(variables) as Record<string, unknown>) : null;
		} catch {
			return null;
		}
		return {
			query,
			variables: parsedVariables,
			operationName: url.searchParams.get('operationName'),
		};
	}
	const type = (headerValue(req, 'content-type') ?? '').toLowerCase();
	const text = body.toString('utf8');
	if (type.includes('application/graphql')) {
		return text.trim() ? { query: text, variables: null, operationName: null } : null;
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return null;
	}
	if (!parsed || typeof parsed !== 'object') return null;
	const { query, variables, operationName } = parsed as Record<string, unknown>;
	if (typeof query !== 'string' || query.trim() === '') return null;
	if (
		variables !== undefined &&
		variables !== null &&
		(typeof variables !== 'object' || Array.isArray(variables))
	) {
		return null;
	}
	return {
		query,
		variables: (variables as Record<string, unknown> | null | undefined) ?? null,
		operationName: typeof operationName === 'string' ? operationName : null,
	};
}

interface LogDraft {
	apiVersion: string | null;
	operationName: string | null;
	operationType: RequestLogEntry['operationType'];
	requestedCost: number | null;
	actualCost: number | null;
	throttled: boolean;
	fault: FaultKind | null;
}

export function createRequestHandler(
	deps: ServerDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
	const { store, emitter, log } = deps;
	const labelCache = new Map<string, Buffer>();

	async function serveAdmin(
		req: IncomingMessage,
		res: ServerResponse,
		url: URL,
		route: AdminRoute,
		draft: LogDraft,
	): Promise<void> {
		const version = servedVersion(store, route.requestedVersion);
		draft.apiVersion = version;
		const versionHeader = { 'X-Shopify-API-Version': version, 'X-Request-Id': randomUUID() };
		const method = req.method ?? 'GET';
		const body =
			method === 'GET' || method === 'DELETE'
				? Buffer.alloc(0)
				: await readBody(req, BODY_LIMIT_BYTES);

		const token = authenticate(store, req);
		if (!token) {
			sendJson(res, 401, INVALID_TOKEN_BODY, versionHeader);
			return;
		}

		const { faults } = store.settings;
		if (faults.latencyMs > 0) await sleep(faults.latencyMs);
		const isGraphql = route.rest === 'graphql.json';
		const fault = store.faults.pick(faults, isGraphql);
		draft.fault = fault;
		if (fault === 'serverError') {
			sendJson(res, faults.serverErrorStatus, { errors: 'Internal Server Error' }, versionHeader);
			return;
		}
		if (fault === 'rateLimit') {
			sendJson(
				res,
				429,
				{ errors: 'Too Many Requests' },
				{ ...versionHeader, 'Retry-After': '2.0' },
			);
			return;
		}

		if (isGraphql) {
			if (method !== 'POST' && method !== 'GET') {
				sendJson(res, 405, { errors: 'Method Not Allowed' }, versionHeader);
				return;
			}
			const request = graphqlRequest(req, url, body);
			if (!request) {
				sendJson(
					res,
					400,
					{ errors: { query: 'Required parameter missing or invalid' } },
					versionHeader,
				);
				return;
			}
			const outcome = await runGraphql(store, version, token.token, request, fault === 'throttled');
			draft.operationName = outcome.operationName;
			draft.operationType = outcome.operationType;
			draft.requestedCost = outcome.requestedCost;
			draft.actualCost = outcome.actualCost;
			draft.throttled = outcome.throttled;
			sendJson(res, outcome.status, outcome.body, { ...versionHeader, ...outcome.headers });
			emitter.emitInBackground(outcome.emits);
			return;
		}

		const { restBucketSize, restLeakRate } = store.settings;
		const bucket = store.restBucket(token.token);
		const retryAfter = bucket.tryAdd(restBucketSize, restLeakRate);
		const callLimit = {
			'X-Shopify-Shop-Api-Call-Limit': bucket.header(restBucketSize, restLeakRate),
		};
		if (retryAfter !== null) {
			draft.throttled = true;
			sendJson(
				res,
				429,
				{
					errors: `Exceeded ${restLeakRate} calls per second for api client. Reduce request rates to resume uninterrupted service.`,
				},
				{
					...versionHeader,
					...callLimit,
					'Retry-After': Math.max(0.1, Math.ceil(retryAfter * 10) / 10).toFixed(1),
				},
			);
			return;
		}
		const baseUrl = `http://${headerValue(req, 'host') ?? new URL(store.listenUrl).host}`;
		const reply = route.rest.startsWith('webhooks')
			? handleWebhooksRest(store, method, route.rest, url.searchParams, body)
			: handleOrdersRest(store, method, route.rest, url.searchParams, baseUrl, url.pathname);
		sendJsonText(res, reply.status, reply.body, {
			...versionHeader,
			...callLimit,
			...reply.headers,
		});
	}

	async function serveLabel(res: ServerResponse, fulfillmentId: string): Promise<void> {
		const fulfillment = store.fulfillments.get(fulfillmentId);
		const order = fulfillment ? store.orders.get(fulfillment.orderId) : undefined;
		if (fulfillmentId !== LABEL_FULFILLMENT_ID || !fulfillment || !order) {
			sendJson(res, 404, { errors: 'Not Found' });
			return;
		}
		let pdf = labelCache.get(fulfillmentId);
		if (!pdf) {
			pdf = await renderShippingLabel(store.shop, order, fulfillment);
			labelCache.set(fulfillmentId, pdf);
		}
		res.writeHead(200, {
			'Content-Type': 'application/pdf',
			'Content-Length': String(pdf.length),
			'Content-Disposition': `inline; filename="shipping-label-${fulfillmentId}.pdf"`,
		});
		res.end(pdf);
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const started = process.hrtime.bigint();
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;
		const method = req.method ?? 'GET';

		if (path.startsWith('/_simulator')) {
			const body = method === 'GET' ? Buffer.alloc(0) : await readBody(req, BODY_LIMIT_BYTES);
			const handled = await handleControl({ store, emitter }, req, res, path, body);
			if (!handled) sendJson(res, 404, { error: `No control route ${method} ${path}.` });
			return;
		}

		const draft: LogDraft = {
			apiVersion: null,
			operationName: null,
			operationType: null,
			requestedCost: null,
			actualCost: null,
			throttled: false,
			fault: null,
		};
		res.on('finish', () => {
			store.logRequest({
				time: new Date().toISOString(),
				method,
				path,
				...draft,
				status: res.statusCode,
				latencyMs: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
			});
		});

		if (path === '/admin/oauth/access_token') {
			if (method !== 'POST') {
				sendJson(res, 405, { errors: 'Method Not Allowed' });
				return;
			}
			const reply = handleAccessToken(store, req, await readBody(req, BODY_LIMIT_BYTES));
			sendJson(res, reply.status, reply.body);
			return;
		}

		const label = /^\/cdn\/shipping-labels\/(\d+)\.pdf$/.exec(path);
		if (label && method === 'GET') {
			await serveLabel(res, label[1]);
			return;
		}

		const route = parseAdminPath(path);
		if (route) {
			await serveAdmin(req, res, url, route, draft);
			return;
		}
		sendJson(res, 404, { errors: 'Not Found' });
	}

	return (req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (error instanceof HttpError) {
				if (!res.headersSent) sendJson(res, error.status, error.body);
				return;
			}
			log(
				`Request ${req.method} ${req.url?.split('?')[0]} failed: ${(error as Error).stack ?? String(error)}`,
			);
			if (!res.headersSent) sendJson(res, 500, { errors: 'Internal Server Error' });
			else res.destroy();
		});
	};
}
