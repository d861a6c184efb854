import type FormData from 'form-data';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	Logger,
} from 'n8n-workflow';

import { ContentServerError, toContentServerError } from './errors';

/** One call to the Content Server REST API, relative to the credential's base URL. */
export interface SessionRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with `/api/`. */
	path: string;
	qs?: IDataObject;
	/** Fields sent as `application/x-www-form-urlencoded`. */
	form?: Record<string, string>;
	/**
	 * Builds a multipart body. The session calls it again for every attempt, because a
	 * body that wraps a stream can be sent only once.
	 */
	multipart?: () => Promise<FormData>;
	/** Whether to return the response body as a stream (downloads). */
	stream?: boolean;
	/**
	 * Whether the request may be sent again after a transient failure. Defaults to true
	 * for GET and PUT. Creates must set it to false, and check for their result before
	 * they try again.
	 */
	idempotent?: boolean;
}

/** Sends one request with n8n's authentication; the credential data is passed per call. */
export type SendFunction = (options: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>;

export interface SessionOptions {
	/** Credential data. Its `ticket` field is read and written in place. */
	credentials: ICredentialDataDecryptedObject;
	baseUrl: string;
	send: SendFunction;
	logger: Logger;
	sleep: (milliseconds: number) => Promise<void>;
	/** Waits before each retry of a transient failure; the length is the number of retries. */
	retryDelaysMs?: number[];
	/** Upper bound for a server's Retry-After value, in milliseconds. */
	maxRetryAfterMs?: number;
	skipSslCertificateValidation?: boolean;
	/** Name of the n8n node, added to log entries. */
	nodeName?: string;
}

export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

const AUTH_PATH = '/api/v1/auth';

/**
 * Owns the Content Server ticket for one node execution.
 *
 * Every successful response's `OTCSTicket` header replaces the ticket. On HTTP 401 the
 * session logs in again once (clearing the ticket and calling `GET /api/v1/auth`, so that
 * n8n runs the credential's `preAuthentication`), while concurrent requests wait for that
 * login, and then retries the request once. Idempotent requests are retried with backoff
 * on 502, 503, 504, dropped connections and 2xx responses that are not JSON.
 */
export class ContentServerSession {
	readonly baseUrl: string;

	private readonly credentials: ICredentialDataDecryptedObject;

	private readonly sendRequest: SendFunction;

	private readonly logger: Logger;

	private readonly sleep: (milliseconds: number) => Promise<void>;

	private readonly retryDelaysMs: number[];

	private readonly maxRetryAfterMs: number;

	private readonly skipSslCertificateValidation: boolean;

	private readonly nodeName?: string;

	private loginInFlight?: Promise<void>;

	/** Number of logins this session made, for logs and tests. */
	loginCount = 0;

	/** Number of retries after transient failures, for logs and tests. */
	retryCount = 0;

	constructor(options: SessionOptions) {
		this.credentials = options.credentials;
		if (typeof this.credentials.ticket !== 'string') this.credentials.ticket = '';
		this.baseUrl = options.baseUrl;
		this.sendRequest = options.send;
		this.logger = options.logger;
		this.sleep = options.sleep;
		this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
		this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
		this.skipSslCertificateValidation = options.skipSslCertificateValidation ?? false;
		this.nodeName = options.nodeName;
	}

	private get ticket(): string {
		return (this.credentials.ticket as string | undefined) ?? '';
	}

	/** Sends a request and returns the parsed JSON body (an empty object for an empty body). */
	async request<T = IDataObject>(request: SessionRequest): Promise<T> {
		const response = await this.requestFull(request);
		return response.body as T;
	}

	/**
	 * Checks the ticket with `GET /api/v1/auth` before a streamed upload, because a
	 * rejected upload costs the whole transfer.
	 */
	async verifyTicket(): Promise<void> {
		await this.requestFull({ method: 'GET', path: AUTH_PATH });
	}

	/** Sends a request and returns status, headers and body. */
	async requestFull(request: SessionRequest): Promise<IN8nHttpFullResponse> {
		const idempotent = request.idempotent ?? (request.method === 'GET' || request.method === 'PUT');
		let retries = 0;
		let sends = 0;
		let loggedInAgain = false;

		for (;;) {
			await this.waitForTicket();
			const ticketUsed = this.ticket;
			try {
				const options = await this.buildOptions(request);
				sends += 1;
				const response = await this.sendRequest(options);
				const parsed = this.checkResponse(request, response);
				this.captureTicket(parsed);
				return parsed;
			} catch (error) {
				const failure = await toContentServerError(error, request.method, request.path);

				if (failure.kind === 'http' && failure.status === 401 && !loggedInAgain) {
					loggedInAgain = true;
					await this.loginAgain(ticketUsed, request);
					continue;
				}

				if (failure.transient && idempotent && retries < this.retryDelaysMs.length) {
					const delay = this.retryDelay(retries, error);
					retries += 1;
					this.retryCount += 1;
					this.logger.warn(
						`Content Server request failed (${this.describeForLog(failure)}), retry ${retries} of ${this.retryDelaysMs.length} in ${delay} ms`,
						this.logMetadata(request),
					);
					await this.sleep(delay);
					continue;
				}

				failure.attempts = sends;
				failure.transientRetries = retries;
				throw failure;
			}
		}
	}

	/** Waits, e.g. between attempts of a create that is checked before it is sent again. */
	async wait(milliseconds: number): Promise<void> {
		await this.sleep(milliseconds);
	}

	/** Logs a problem the node handled itself, with the node's name. */
	logWarning(message: string): void {
		this.logger.warn(message, { node: this.nodeName });
	}

	/** Logs a transient failure of a create before the caller checks whether it took effect. */
	logTransientCreate(description: string, failure: ContentServerError, attempt: number): void {
		this.retryCount += 1;
		this.logger.warn(
			`Content Server create failed (${this.describeForLog(failure)}) on attempt ${attempt}: ${description}. Checking whether it took effect before sending it again`,
			{ method: failure.method, path: failure.path, node: this.nodeName },
		);
	}

	private describeForLog(failure: ContentServerError): string {
		if (failure.kind === 'network') return failure.code ?? 'connection closed';
		if (failure.kind === 'unexpectedBody') return 'non-JSON body';
		return `HTTP ${failure.status}`;
	}

	private logMetadata(request: SessionRequest): IDataObject {
		return { method: request.method, path: request.path, node: this.nodeName };
	}

	private retryDelay(retryIndex: number, error: unknown): number {
		const base = this.retryDelaysMs[retryIndex];
		const headers = (error as { cause?: { response?: { headers?: Record<string, unknown> } } })
			?.cause?.response?.headers;
		const retryAfter = Number(headers?.['retry-after']);
		if (Number.isFinite(retryAfter) && retryAfter > 0) {
			return Math.min(Math.max(base, retryAfter * 1000), this.maxRetryAfterMs);
		}
		return base;
	}

	/** Starts a login when no ticket is stored, or waits for a login another request started. */
	private async waitForTicket(): Promise<void> {
		if (this.loginInFlight === undefined && this.ticket === '') {
			this.startLogin('no ticket is stored yet');
		}
		if (this.loginInFlight !== undefined) await this.loginInFlight;
	}

	/** Logs in again after a 401, unless another request already replaced the rejected ticket. */
	private async loginAgain(rejectedTicket: string, request: SessionRequest): Promise<void> {
		if (this.loginInFlight === undefined && this.ticket === rejectedTicket) {
			this.logger.info(
				'Content Server rejected the ticket (HTTP 401), logging in again',
				this.logMetadata(request),
			);
			this.startLogin('the ticket was rejected');
		}
		if (this.loginInFlight !== undefined) await this.loginInFlight;
	}

	private startLogin(reason: string): void {
		this.loginInFlight = this.login(reason).finally(() => {
			this.loginInFlight = undefined;
		});
	}

	/**
	 * Clears the ticket and calls `GET /api/v1/auth`. n8n finds the expirable field empty,
	 * runs the credential's `preAuthentication` and writes the new ticket into the
	 * credential data that this session shares with every request.
	 */
	private async login(reason: string): Promise<void> {
		this.credentials.ticket = '';
		this.loginCount += 1;
		this.logger.debug(`Logging in to Content Server because ${reason}`, { node: this.nodeName });

		let response: IN8nHttpFullResponse | undefined;
		let failure: ContentServerError | undefined;
		for (let retries = 0; ; retries++) {
			failure = undefined;
			try {
				response = await this.sendRequest(this.baseOptions({ method: 'GET', path: AUTH_PATH }));
			} catch (error) {
				failure = await toContentServerError(error, 'GET', AUTH_PATH);
			}
			if (failure === undefined || !failure.transient || retries >= this.retryDelaysMs.length)
				break;

			// The credential's login may already have stored a ticket; keep it for the retry.
			const delay = this.retryDelaysMs[retries];
			this.retryCount += 1;
			this.logger.warn(
				`Content Server login check failed (${this.describeForLog(failure)}), retry ${retries + 1} of ${this.retryDelaysMs.length} in ${delay} ms`,
				{ method: 'GET', path: AUTH_PATH, node: this.nodeName },
			);
			await this.sleep(delay);
		}
		if (failure?.kind === 'http' && failure.status === 401) {
			throw new ContentServerError({
				kind: 'login',
				method: 'GET',
				path: AUTH_PATH,
				status: 401,
				message:
					'Content Server rejected the ticket it had just issued (HTTP 401). Check that the Base URL of the credential points at one Content Server instance, not at a load balancer without sticky sessions.',
			});
		}
		if (failure !== undefined || response === undefined) throw failure;

		this.captureTicket(response);
		if (this.ticket === '') {
			throw new ContentServerError({
				kind: 'login',
				method: 'GET',
				path: AUTH_PATH,
				message:
					'Logging in to Content Server returned no ticket. Check the Authentication settings of the credential.',
			});
		}
	}

	private captureTicket(response: IN8nHttpFullResponse): void {
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		const value = headers.otcsticket ?? headers.OTCSTicket;
		const ticket = Array.isArray(value) ? value[0] : value;
		if (typeof ticket === 'string' && ticket !== '' && ticket !== this.ticket) {
			this.credentials.ticket = ticket;
		}
	}

	private baseOptions(request: SessionRequest): IHttpRequestOptions {
		return {
			method: request.method,
			url: `${this.baseUrl}${request.path}`,
			qs: request.qs,
			arrayFormat: 'repeat',
			returnFullResponse: true,
			json: request.stream !== true,
			encoding: request.stream === true ? 'stream' : undefined,
			// Content Server's REST API does not redirect. Following a redirect would send the
			// ticket to another address, and axios' redirect follower buffers request bodies.
			disableFollowRedirect: true,
			skipSslCertificateValidation: this.skipSslCertificateValidation,
		};
	}

	private async buildOptions(request: SessionRequest): Promise<IHttpRequestOptions> {
		const options = this.baseOptions(request);
		if (request.multipart) {
			options.body = await request.multipart();
		} else if (request.form) {
			options.body = new URLSearchParams(request.form);
		}
		return options;
	}

	/** Parses the body and rejects 2xx responses whose body is not JSON, e.g. an HTML page from a restarting server. */
	private checkResponse(
		request: SessionRequest,
		response: IN8nHttpFullResponse,
	): IN8nHttpFullResponse {
		if (response.statusCode >= 300 && response.statusCode < 400) {
			const location = (response.headers as Record<string, unknown>)?.location;
			throw new ContentServerError({
				kind: 'http',
				method: request.method,
				path: request.path,
				status: response.statusCode,
				message: `Content Server redirected ${request.method} ${request.path} to ${String(location ?? 'another address')}. Use the address that the server redirects to as the Base URL of the credential.`,
			});
		}
		if (request.stream === true) return response;

		let body: unknown = response.body;
		if (Buffer.isBuffer(body)) body = body.toString('utf8');
		if (body === undefined || body === null) {
			body = {};
		} else if (typeof body === 'string') {
			const text = body.trim();
			if (text === '') {
				body = {};
			} else {
				body = parseJson(text);
				if (body === undefined) {
					throw new ContentServerError({
						kind: 'unexpectedBody',
						method: request.method,
						path: request.path,
						status: response.statusCode,
					});
				}
			}
		}
		return { ...response, body: body as IDataObject };
	}
}

/** Parses JSON text; returns undefined for text that is not JSON, e.g. an HTML page. */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
