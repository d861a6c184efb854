/**
 * The request pipeline: control API, fault injection, routing, authentication, body parsing,
 * the handler, and the response with its refreshed ticket. Every API and OTDS request is
 * written to the request log, without ticket values, passwords or bodies.
 */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

import { ApiError, errors } from './errors';
import type { FaultInjector } from './faults';
import { sendFault } from './faults';
import type { ParsedBody } from './http/body';
import { drainRequest, mergeBodyField, readBody, removeFiles } from './http/body';
import { Params } from './http/params';
import type { Reply, RouteContext, Router } from './http/router';
import type { UserRecord } from './model';
import { handleControlRequest } from './routes/control';
import { isOAuthError, otdsUserFor } from './routes/auth';
import type { RequestLogEntry, Store } from './store';

export interface Pipeline {
	store: Store;
	faults: FaultInjector;
	apiRouter: Router;
	otdsRouter: Router;
	reset: () => Promise<void>;
	log: (line: string) => void;
}

const SENSITIVE_KEY = /pass|ticket|token|secret|authorization/i;

function loggedQuery(search: URLSearchParams): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, raw] of search) {
		const value = SENSITIVE_KEY.test(key) ? '[redacted]' : raw;
		const existing = query[key];
		if (existing === undefined) query[key] = value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return first !== undefined && first.trim() !== '' ? first.trim() : undefined;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
	for (const part of (req.headers.cookie ?? '').split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name && rest.length > 0) return decodeURIComponent(rest.join('='));
	}
	return undefined;
}

function bearer(req: IncomingMessage): string | undefined {
	return /^Bearer\s+(.+)$/i.exec(header(req, 'authorization') ?? '')?.[1]?.trim();
}

function carriesCredentials(req: IncomingMessage): boolean {
	return Boolean(
		header(req, 'otcsticket') ??
		cookie(req, 'LLCookie') ??
		header(req, 'otdsticket') ??
		bearer(req),
	);
}

interface Authenticated {
	user: UserRecord;
	sessionId: string;
	ticket: string;
}

/**
 * Finds the user of a request from (in this order) the `OTCSTicket` header, the `LLCookie`
 * cookie, the `OTDSTicket` header or `Authorization: Bearer`. The last two open a new
 * Content Server session, whose ticket the response then carries.
 */
function authenticate(store: Store, req: IncomingMessage): Authenticated {
	const ticket = header(req, 'otcsticket') ?? cookie(req, 'LLCookie');
	if (ticket !== undefined) {
		const record = store.useTicket(ticket);
		const user = record ? store.users.get(record.userId) : undefined;
		if (!record || !user) throw errors.sessionExpired();
		return { user, sessionId: record.sessionId, ticket };
	}

	const otdsTicket = header(req, 'otdsticket');
	const token = otdsTicket === undefined ? bearer(req) : undefined;
	if (otdsTicket === undefined && token === undefined) throw errors.authenticationRequired();
	const userId =
		otdsTicket !== undefined
			? otdsUserFor(store, 'ticket', otdsTicket)
			: otdsUserFor(store, 'bearer', token as string);
	const user = userId !== undefined ? store.users.get(userId) : undefined;
	if (!user)
		throw otdsTicket !== undefined ? errors.invalidOtdsTicket() : errors.invalidBearerToken();
	const minted = store.issueTicket(user.id);
	const record = store.useTicket(minted);
	return { user, sessionId: record?.sessionId ?? '', ticket: minted };
}

function errorBody(error: ApiError): Record<string, unknown> {
	if (isOAuthError(error)) return { error: error.message, error_description: error.detail ?? '' };
	return error.detail !== undefined
		? { error: error.message, errorDetail: error.detail }
		: { error: error.message };
}

function sendJson(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string>,
	suppressCodes: boolean,
): void {
	if (res.headersSent || res.destroyed) return;
	let payload = body;
	let sentStatus = status;
	if (suppressCodes && typeof body === 'object' && body !== null && !Array.isArray(body)) {
		// `suppress_response_codes` moves the status into the body and always responds with 200.
		payload = { ...(body as Record<string, unknown>), statusCode: status };
		sentStatus = 200;
	}
	const text = JSON.stringify(payload);
	res.writeHead(sentStatus, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
		...headers,
	});
	res.end(req.method === 'HEAD' ? undefined : text);
}

async function sendReply(
	req: IncomingMessage,
	res: ServerResponse,
	reply: Reply,
	headers: Record<string, string>,
	suppressCodes: boolean,
): Promise<void> {
	const status = reply.status ?? 200;
	if ('json' in reply) {
		sendJson(req, res, status, reply.json, { ...headers, ...(reply.headers ?? {}) }, suppressCodes);
		return;
	}
	res.writeHead(status, {
		...reply.headers,
		...headers,
		'Content-Length': String(reply.file.size),
	});
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	await new Promise<void>((resolve) => {
		const stream = createReadStream(reply.file.path);
		stream.on('error', () => {
			res.destroy();
			resolve();
		});
		res.on('close', () => {
			stream.destroy();
			resolve();
		});
		stream.pipe(res);
	});
}

export function createRequestHandler(
	pipeline: Pipeline,
): (req: IncomingMessage, res: ServerResponse) => void {
	return (req, res) => {
		handleRequest(pipeline, req, res).catch((error: unknown) => {
			pipeline.log(
				`content-server simulator: unexpected error: ${(error as Error).stack ?? String(error)}`,
			);
			if (!res.headersSent && !res.destroyed) {
				sendJson(
					req,
					res,
					500,
					{ error: `Internal simulator error: ${(error as Error).message}` },
					{},
					false,
				);
			} else {
				res.destroy();
			}
		});
	};
}

async function handleRequest(
	pipeline: Pipeline,
	req: IncomingMessage,
	res: ServerResponse,
): Promise<void> {
	const { store } = pipeline;
	const started = performance.now();
	const url = new URL(req.url ?? '/', 'http://simulator.invalid');
	const pathname = url.pathname;
	const method = (req.method ?? 'GET').toUpperCase();

	if (pathname === '/_simulator' || pathname.startsWith('/_simulator/')) {
		await handleControlRequest(pipeline, req, res, pathname.slice('/_simulator'.length), method);
		return;
	}

	const basePath = store.settings.basePath;
	const inApi = pathname.toLowerCase().startsWith(`${basePath.toLowerCase()}/`);
	const inOtds = pathname.startsWith('/otdsws/');

	const entry: RequestLogEntry = {
		time: new Date().toISOString(),
		method,
		path: pathname,
		query: loggedQuery(url.searchParams),
		status: 0,
		durationMs: 0,
		ticketSent: carriesCredentials(req),
		fault: null,
	};
	res.on('close', () => {
		entry.status = res.headersSent ? res.statusCode : 0;
		entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
		store.logRequest(entry);
		if (store.settings.logRequests) {
			pipeline.log(
				`${entry.method} ${entry.path} ${entry.status} ${entry.durationMs}ms${entry.fault ? ` fault=${entry.fault}` : ''}`,
			);
		}
	});

	if (!inApi && !inOtds) {
		await drainRequest(req);
		res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(
			'<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n',
		);
		return;
	}

	const decision = pipeline.faults.decide(store.settings.faults, pathname);
	if (decision.latencyMs > 0)
		await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
	if (decision.fault) {
		entry.fault = decision.fault;
		if (decision.fault !== 'dropConnection') await drainRequest(req);
		sendFault(res, decision.fault);
		return;
	}

	const routePath = inApi ? pathname.slice(basePath.length) : pathname;
	const router = inApi ? pipeline.apiRouter : pipeline.otdsRouter;
	const suppressCodes = url.searchParams.has('suppress_response_codes');
	const match = router.match(method, routePath);
	if (!match) {
		await drainRequest(req);
		sendJson(req, res, 400, errorBody(errors.routeNotFound()), {}, suppressCodes);
		return;
	}
	const { route, params } = match;

	let auth: Authenticated | undefined;
	if (route.auth) {
		try {
			auth = authenticate(store, req);
		} catch (error) {
			await drainRequest(req);
			sendJson(
				req,
				res,
				(error as ApiError).status,
				errorBody(error as ApiError),
				{},
				suppressCodes,
			);
			return;
		}
	}

	let body: ParsedBody = { fields: {}, files: [], json: false };
	try {
		if (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') {
			body = await readBody(req, () => store.newIncomingPath(), { acceptJson: route.acceptJson });
		} else {
			await drainRequest(req);
		}

		// Content Server reads no parameters from a JSON body, so the request has none.
		if (body.json && !route.acceptJson) throw errors.parametersRequired();
		const { merged, bodyJson } = route.acceptJson
			? { merged: body.fields, bodyJson: undefined }
			: mergeBodyField(body.fields, store.settings.bodyPrecedence);
		const query = Params.fromSearch(url.searchParams);
		const form = new Params({ ...query.values, ...merged });
		const writes = method === 'POST' || method === 'PUT' || method === 'PATCH';
		const hasParameters =
			Object.keys(merged).length > 0 || body.files.length > 0 || !query.isEmpty();
		if (writes && !hasParameters && !route.allowEmpty) throw errors.parametersRequired();

		const context: RouteContext = {
			req,
			res,
			store,
			path: params,
			query,
			form,
			bodyJson,
			files: body.files,
			user: auth?.user ?? (store.users.get(1000) as UserRecord),
			version: /^\/api\/v1\//i.test(routePath) ? 1 : 2,
			href: `${routePath}${url.search}`,
			sessionId: auth?.sessionId,
		};
		const reply = await route.handler(context);

		const headers: Record<string, string> = {};
		const status = reply.status ?? 200;
		if (status < 300 && !context.sessionEnded) {
			if (context.issuedTicket) {
				headers.OTCSTicket = context.issuedTicket;
			} else if (auth) {
				headers.OTCSTicket = store.settings.ticketRefreshOnResponse
					? store.issueTicket(auth.user.id, auth.sessionId)
					: auth.ticket;
			}
		}
		await sendReply(
			req,
			res,
			reply,
			headers,
			suppressCodes || context.form.has('suppress_response_codes'),
		);
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		sendJson(req, res, error.status, errorBody(error), {}, suppressCodes);
	} finally {
		removeFiles(body.files);
	}
}
