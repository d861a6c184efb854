import type { Readable } from 'stream';

/** Kind of failure of a request to Content Server. */
export type FailureKind =
	/** The server responded with an HTTP error status. */
	| 'http'
	/** The connection failed or was dropped before a response arrived. */
	| 'network'
	/** The server responded 2xx with a body that is not JSON, e.g. an HTML page while it restarts. */
	| 'unexpectedBody'
	/** Logging in failed, so the request was never sent. */
	| 'login'
	/** Anything else, e.g. a cancelled execution. */
	| 'other';

/**
 * A failed Content Server request. It carries no request headers or bodies, so it can
 * be logged and shown without leaking the ticket or a password.
 */
export class ContentServerError extends Error {
	readonly kind: FailureKind;

	readonly method: string;

	readonly path: string;

	readonly status?: number;

	/** Text of the `error` field of the response body, if the server sent one. */
	readonly serverMessage?: string;

	/** Text of the `errorDetail` field of the response body, if the server sent one. */
	readonly serverDetail?: string;

	/** Node.js error code of a network failure, e.g. ECONNRESET. */
	readonly code?: string;

	/** Number of times the request was sent, including retries. */
	attempts = 1;

	/** Number of times the request was sent again after a transient failure. */
	transientRetries = 0;

	/** Display name of the parameter whose value the request used, if one did. */
	parameter?: string;

	/** Fix to show instead of the generic hint, when the caller knows a better one. */
	fix?: string;

	constructor(options: {
		kind: FailureKind;
		method: string;
		path: string;
		status?: number;
		serverMessage?: string;
		serverDetail?: string;
		code?: string;
		message?: string;
	}) {
		super(options.message ?? describeFailure(options));
		this.name = 'ContentServerError';
		this.kind = options.kind;
		this.method = options.method;
		this.path = options.path;
		this.status = options.status;
		this.serverMessage = options.serverMessage;
		this.serverDetail = options.serverDetail;
		this.code = options.code;
	}

	/**
	 * Whether a retry of an idempotent request may succeed: 502, 503, 504, dropped
	 * connections and HTML pages, also when they hit the credential's login request.
	 */
	get transient(): boolean {
		if (this.kind === 'network' || this.kind === 'unexpectedBody') return true;
		if (this.kind === 'login' && this.code !== undefined && NETWORK_CODES.has(this.code))
			return true;
		return this.status === 502 || this.status === 503 || this.status === 504;
	}

	/** Whether the server reports that the node does not exist or is not visible to the user. */
	get notFound(): boolean {
		if (this.status === 404) return true;
		if (this.status !== 400 && this.status !== 500) return false;
		const text = (this.serverMessage ?? '').toLowerCase();
		return (
			text.includes('could not get a node') ||
			text.includes('could not be accessed') ||
			text.includes('does not exist') ||
			text.includes('not found')
		);
	}

	/** Whether the server rejected a create because the name is taken in that container. */
	get nameClash(): boolean {
		return (this.serverMessage ?? '').toLowerCase().includes('already exists');
	}
}

function describeFailure(options: {
	kind: FailureKind;
	method: string;
	path: string;
	status?: number;
	serverMessage?: string;
	code?: string;
}): string {
	const request = `${options.method} ${options.path}`;
	switch (options.kind) {
		case 'network':
			return `Content Server did not respond to ${request}: ${describeNetworkCode(options.code)}`;
		case 'unexpectedBody':
			return `Content Server answered ${request} with a page that is not JSON, which usually means that it is restarting`;
		case 'login':
			return options.serverMessage ?? 'Logging in to Content Server failed';
		case 'other':
			return options.serverMessage ?? `${request} failed`;
		default:
			return options.serverMessage
				? `Content Server rejected ${request} with HTTP ${options.status}: ${options.serverMessage}`
				: `Content Server rejected ${request} with HTTP ${options.status}`;
	}
}

/**
 * Describes a network error code in words. n8n replaces error messages that contain
 * codes such as ECONNRESET with a generic text, so messages carry the words instead.
 */
export function describeNetworkCode(code: string | undefined): string {
	switch (code) {
		case 'ECONNREFUSED':
			return 'the connection was refused';
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
		case 'ERR_SOCKET_CONNECTION_TIMEOUT':
			return 'the connection timed out';
		case 'EHOSTUNREACH':
		case 'ENETUNREACH':
		case 'ENETDOWN':
			return 'the host is unreachable';
		default:
			return 'the connection was closed before a response arrived';
	}
}

const NETWORK_CODES = new Set([
	'ECONNABORTED',
	'ECONNREFUSED',
	'ECONNRESET',
	'EHOSTUNREACH',
	'ENETDOWN',
	'ENETUNREACH',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
]);

interface ErrorLike {
	name?: string;
	message?: string;
	code?: unknown;
	status?: unknown;
	httpCode?: unknown;
	cause?: unknown;
	response?: { status?: unknown; data?: unknown; headers?: unknown };
}

function findNetworkCode(error: unknown, depth = 0): string | undefined {
	if (typeof error !== 'object' || error === null || depth > 4) return undefined;
	const candidate = error as ErrorLike;
	if (typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code))
		return candidate.code;
	if (typeof candidate.message === 'string' && /socket hang up/i.test(candidate.message)) {
		return 'ECONNRESET';
	}
	return findNetworkCode(candidate.cause, depth + 1);
}

function findResponse(error: unknown, depth = 0): ErrorLike['response'] | undefined {
	if (typeof error !== 'object' || error === null || depth > 4) return undefined;
	const candidate = error as ErrorLike;
	if (candidate.response && typeof candidate.response.status === 'number')
		return candidate.response;
	return findResponse(candidate.cause, depth + 1);
}

/** Reads `error` and `errorDetail` from a Content Server error body. */
export function readServerMessage(data: unknown): { message?: string; detail?: string } {
	let body = data;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return {};
		}
	}
	if (typeof body !== 'object' || body === null) return {};
	const record = body as Record<string, unknown>;
	const message =
		typeof record.error === 'string' && record.error !== '' ? record.error : undefined;
	const detail =
		typeof record.errorDetail === 'string' && record.errorDetail !== ''
			? record.errorDetail
			: undefined;
	return { message, detail };
}

function isReadable(value: unknown): value is Readable {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as Readable).pipe === 'function' &&
		typeof (value as Readable).on === 'function'
	);
}

/** Reads at most 64 KiB of an error response that arrived as a stream, then destroys the stream. */
async function readSmallStream(stream: Readable): Promise<string> {
	const limit = 64 * 1024;
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of stream) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
			chunks.push(buffer);
			size += buffer.length;
			if (size >= limit) break;
		}
	} catch {
		// A body that cannot be read only costs the server's error text.
	} finally {
		stream.destroy();
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Turns whatever `httpRequestWithAuthentication` threw into a ContentServerError.
 * n8n wraps the axios error in a NodeApiError whose `cause` contains the response. The
 * status and body are therefore looked up along the `cause` chain.
 */
export async function toContentServerError(
	error: unknown,
	method: string,
	path: string,
): Promise<ContentServerError> {
	if (error instanceof ContentServerError) return error;

	const response = findResponse(error);
	if (response) {
		const status = response.status as number;
		if (status >= 300 && status < 400) {
			const headers = (response.headers ?? {}) as Record<string, unknown>;
			return new ContentServerError({
				kind: 'http',
				method,
				path,
				status,
				message: `Content Server redirected ${method} ${path} to ${String(headers.location ?? 'another address')}. Use the address that the server redirects to as the Base URL of the credential.`,
			});
		}

		let data = response.data;
		if (isReadable(data)) data = await readSmallStream(data);
		const { message, detail } = readServerMessage(data);
		return new ContentServerError({
			kind: 'http',
			method,
			path,
			status,
			serverMessage: message,
			serverDetail: detail,
		});
	}

	const code = findNetworkCode(error);
	if (code !== undefined) {
		return new ContentServerError({ kind: 'network', method, path, code });
	}

	const candidate = error as ErrorLike | undefined;
	const httpCode = Number(candidate?.httpCode ?? candidate?.status);
	if (Number.isInteger(httpCode) && httpCode >= 400) {
		return new ContentServerError({ kind: 'http', method, path, status: httpCode });
	}

	// The credential's login step throws a UserError, which n8n wraps in a NodeApiError.
	// Its message already states what failed and what to check, and never contains the secret.
	const loginError = findUserError(error);
	if (loginError !== undefined) {
		const extra = ((loginError as { extra?: Record<string, unknown> }).extra ?? {}) as Record<
			string,
			unknown
		>;
		return new ContentServerError({
			kind: 'login',
			method,
			path,
			status: typeof extra.status === 'number' ? extra.status : undefined,
			code: typeof extra.code === 'string' ? extra.code : undefined,
			serverMessage: loginError.message,
		});
	}

	return new ContentServerError({
		kind: 'other',
		method,
		path,
		serverMessage: candidate?.message || undefined,
	});
}

function findUserError(error: unknown, depth = 0): Error | undefined {
	if (!(error instanceof Error) || depth > 4) return undefined;
	if (error.constructor?.name === 'UserError') return error;
	return findUserError((error as ErrorLike).cause, depth + 1);
}
