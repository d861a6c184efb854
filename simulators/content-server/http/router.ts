/**
 * Route table of the simulated REST API. Paths are written relative to the base path
 * (e.g. `/api/v2/nodes/:id`); `:name` matches one path segment.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { UserRecord } from '../model';
import type { Store } from '../store';
import type { UploadedFile } from './body';
import type { Params } from './params';

export interface RouteContext {
	req: IncomingMessage;
	res: ServerResponse;
	store: Store;
	/** Path parameters, already URI-decoded. */
	path: Record<string, string>;
	query: Params;
	/** Form fields merged with the `body` JSON (see `mergeBodyField`). */
	form: Params;
	/** The parsed `body` field, for routes that read only from it. */
	bodyJson?: Record<string, unknown>;
	files: UploadedFile[];
	/** The authenticated user; routes without authentication get the admin user as a placeholder. */
	user: UserRecord;
	/** API version from the path: 1 or 2. */
	version: 1 | 2;
	/** Path and query after the base path, as `links.data.self.href` shows it. */
	href: string;
	/** Set by the auth route to send this ticket in the `OTCSTicket` header. */
	issuedTicket?: string;
	/** Session of the ticket that authenticated the request. */
	sessionId?: string;
	/** Set by logout, so the response carries no new ticket. */
	sessionEnded?: boolean;
}

export type Reply =
	| { status?: number; json: unknown; headers?: Record<string, string> }
	| {
			status?: number;
			file: { path: string; size: number };
			headers: Record<string, string>;
	  };

export type Handler = (context: RouteContext) => Promise<Reply> | Reply;

export interface RouteOptions {
	/** Whether the route needs a valid ticket (default true). */
	auth?: boolean;
	/** Whether a POST or PUT without parameters is fine (default false). */
	allowEmpty?: boolean;
	/** Whether a JSON request body is read as parameters (OTDS and the control API only). */
	acceptJson?: boolean;
}

export interface Route extends Required<RouteOptions> {
	method: string;
	pattern: string;
	regex: RegExp;
	names: string[];
	handler: Handler;
}

export class Router {
	private routes: Route[] = [];

	add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): void {
		const names: string[] = [];
		const source = pattern
			.split('/')
			.map((segment) => {
				if (segment.startsWith(':')) {
					names.push(segment.slice(1));
					return '([^/]+)';
				}
				return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({
			method,
			pattern,
			regex: new RegExp(`^${source}/?$`, 'i'),
			names,
			handler,
			auth: options.auth ?? true,
			allowEmpty: options.allowEmpty ?? false,
			acceptJson: options.acceptJson ?? false,
		});
	}

	get(pattern: string, handler: Handler, options?: RouteOptions): void {
		this.add('GET', pattern, handler, options);
	}

	post(pattern: string, handler: Handler, options?: RouteOptions): void {
		this.add('POST', pattern, handler, options);
	}

	put(pattern: string, handler: Handler, options?: RouteOptions): void {
		this.add('PUT', pattern, handler, options);
	}

	delete(pattern: string, handler: Handler, options?: RouteOptions): void {
		this.add('DELETE', pattern, handler, options);
	}

	/** Finds the route for a method and path; HEAD is served by GET routes. */
	match(
		method: string,
		path: string,
	): { route: Route; params: Record<string, string> } | undefined {
		const wanted = method === 'HEAD' ? 'GET' : method;
		for (const route of this.routes) {
			if (route.method !== wanted) continue;
			const found = route.regex.exec(path);
			if (!found) continue;
			const params: Record<string, string> = {};
			route.names.forEach((name, index) => {
				params[name] = safeDecode(found[index + 1]);
			});
			return { route, params };
		}
		return undefined;
	}
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
