import type { IDataObject, IN8nHttpFullResponse, Logger } from 'n8n-workflow';

import {
	shopifyErrorText,
	type ShopAddress,
} from '../../../credentials/ShopifyAdminApi.credentials';
import {
	describeGraphqlErrors,
	fixForGraphqlCode,
	ShopifyRequestError,
	type GraphqlErrorEntry,
} from './errors';
import {
	FALLBACK_THROTTLE_WAIT_MS,
	MAX_RATE_LIMIT_RETRIES,
	MAX_SERVER_RETRIES,
	MIN_THROTTLE_WAIT_MS,
	retryAfterMs,
	serverRetryWaitMs,
	throttleWaitMs,
	type QueryCost,
} from './retry';

export interface GraphqlRequest {
	query: string;
	variables?: IDataObject;
	/**
	 * Whether sending the request twice is harmless, so it may be retried after HTTP 5xx or a
	 * dropped connection, when Shopify may or may not have run it. True for queries; a
	 * mutation is retried only when the caller says so (e.g. metafieldsSet, an upsert).
	 */
	idempotent?: boolean;
}

export interface GraphqlResponse<T> {
	data: T;
	cost?: QueryCost;
}

interface GraphqlPayload {
	data?: unknown;
	errors?: GraphqlErrorEntry[] | string;
	extensions?: { cost?: QueryCost };
}

export interface ShopifyClientOptions {
	shop: ShopAddress;
	apiVersion: string;
	/** POSTs one body to the GraphQL endpoint with the credential; resolves for every HTTP status. */
	send(body: IDataObject): Promise<IN8nHttpFullResponse>;
	/** Drops the session token, so that the next send makes n8n mint or check a new one. */
	invalidateSession(): void;
	logger: Logger;
	sleep(milliseconds: number): Promise<void>;
	nodeName: string;
}

const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_SOCKET',
]);

function findInCauses<T>(
	error: unknown,
	pick: (candidate: Record<string, unknown>) => T | undefined,
): T | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const found = pick(current as Record<string, unknown>);
		if (found !== undefined) return found;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Returns the GraphQL operation name, e.g. "OrderGet", for log lines. */
export function operationName(query: string): string {
	const match = /\b(query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query);
	return match ? match[2] : 'anonymous';
}

/** Checks whether a GraphQL document is a mutation, by its first operation keyword. */
export function isMutation(query: string): boolean {
	const withoutComments = query.replace(/#[^\n]*/g, '');
	return /^\s*mutation\b/.test(withoutComments);
}

function parsePayload(body: unknown): GraphqlPayload | undefined {
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) return body as GraphqlPayload;
	let text = '';
	if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (typeof body === 'string') text = body;
	if (text.trim() === '') return undefined;
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as GraphqlPayload) : undefined;
	} catch {
		return undefined;
	}
}

function graphqlErrors(payload: GraphqlPayload | undefined): GraphqlErrorEntry[] {
	const errors = payload?.errors;
	if (typeof errors === 'string') return [{ message: errors }];
	return Array.isArray(errors)
		? errors.filter((entry) => entry && typeof entry.message === 'string')
		: [];
}

function isThrottled(errors: GraphqlErrorEntry[]): boolean {
	return errors.some((entry) => entry.extensions?.code === 'THROTTLED');
}

/**
 * GraphQL Admin API client for one node execution (or one dropdown load, or one webhook
 * lifecycle call). It waits out Shopify's cost throttling and HTTP 429, retries server
 * failures of idempotent requests with backoff, renews the session token once on a 401,
 * and turns everything else into a ShopifyRequestError that quotes Shopify.
 */
export class ShopifyClient {
	private readonly memos = new Map<string, Promise<unknown>>();

	constructor(private readonly options: ShopifyClientOptions) {}

	/**
	 * Returns the value computed for `key` in this execution, computing it on first use, e.g.
	 * the shop's address for every document. A failed computation is not kept.
	 */
	async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
		let pending = this.memos.get(key) as Promise<T> | undefined;
		if (pending === undefined) {
			pending = compute();
			this.memos.set(key, pending);
			pending.catch(() => this.memos.delete(key));
		}
		return await pending;
	}

	get shop(): ShopAddress {
		return this.options.shop;
	}

	get apiVersion(): string {
		return this.options.apiVersion;
	}

	/** Sends a GraphQL request and returns its data. */
	async query<T>(request: GraphqlRequest): Promise<T> {
		return (await this.request<T>(request)).data;
	}

	/** Sends a GraphQL request and returns its data and Shopify's query cost. */
	async request<T>(request: GraphqlRequest): Promise<GraphqlResponse<T>> {
		const name = operationName(request.query);
		const idempotent = request.idempotent ?? !isMutation(request.query);
		const body: IDataObject = { query: request.query };
		if (request.variables) body.variables = request.variables;

		let rateLimitRetries = 0;
		let serverRetries = 0;
		let sessionRenewed = false;
		for (;;) {
			let response: IN8nHttpFullResponse;
			try {
				response = await this.options.send(body);
			} catch (error) {
				const failure = this.classifySendError(error);
				if (failure.kind === 'network' && idempotent && serverRetries < MAX_SERVER_RETRIES) {
					serverRetries++;
					await this.wait(
						serverRetryWaitMs(serverRetries),
						`${failure.message}`,
						name,
						serverRetries,
						MAX_SERVER_RETRIES,
					);
					continue;
				}
				throw failure;
			}

			const status = response.statusCode;
			const payload = parsePayload(response.body);
			const errors = graphqlErrors(payload);

			if (status === 401) {
				if (!sessionRenewed) {
					sessionRenewed = true;
					this.options.logger.info(
						`Shopify responded to "${name}" with HTTP 401; renewing the session token and sending the request once more`,
						{ nodeName: this.options.nodeName },
					);
					this.options.invalidateSession();
					continue;
				}
				throw new ShopifyRequestError(
					'auth',
					`Shopify rejected the access token (HTTP 401): ${shopifyErrorText(response.body) ?? 'no message'}`,
					{
						status,
						fix: 'Open the Shopify Admin API credential and check the shop, the token or the client ID and secret. A token stops working when the app is uninstalled.',
					},
				);
			}

			if (status === 429 || isThrottled(errors)) {
				if (rateLimitRetries >= MAX_RATE_LIMIT_RETRIES) {
					throw new ShopifyRequestError(
						'exhausted',
						`Shopify kept throttling "${name}" after ${MAX_RATE_LIMIT_RETRIES} retries (HTTP ${status})`,
						{
							status,
							graphqlErrors: errors,
							fix: "Other apps or workflows use up the shop's API budget. Run fewer workflows at the same time, lower Limit, or turn on Retry On Fail in the node's settings.",
						},
					);
				}
				rateLimitRetries++;
				const waitMs =
					retryAfterMs(response.headers?.['retry-after']) ??
					Math.max(
						MIN_THROTTLE_WAIT_MS,
						throttleWaitMs(payload?.extensions?.cost) ?? FALLBACK_THROTTLE_WAIT_MS,
					);
				const reason =
					status === 429
						? 'Shopify returned HTTP 429 (too many requests)'
						: `Shopify throttled the query (cost ${String(payload?.extensions?.cost?.requestedQueryCost ?? '?')}, ${String(payload?.extensions?.cost?.throttleStatus?.currentlyAvailable ?? '?')} points available)`;
				await this.wait(waitMs, reason, name, rateLimitRetries, MAX_RATE_LIMIT_RETRIES);
				continue;
			}

			if (status >= 500) {
				if (idempotent && serverRetries < MAX_SERVER_RETRIES) {
					serverRetries++;
					await this.wait(
						serverRetryWaitMs(serverRetries),
						`Shopify returned HTTP ${status}`,
						name,
						serverRetries,
						MAX_SERVER_RETRIES,
					);
					continue;
				}
				throw new ShopifyRequestError(
					idempotent ? 'exhausted' : 'http',
					`Shopify failed to process "${name}" (HTTP ${status})${idempotent ? ` after ${MAX_SERVER_RETRIES} retries` : ''}: ${shopifyErrorText(response.body) ?? 'no message'}`,
					{
						status,
						fix: idempotent
							? "Shopify has a temporary problem (see www.shopifystatus.com). Run the workflow again later, or turn on Retry On Fail in the node's settings."
							: 'The change may or may not have been applied, so the node did not send it again. Check the record in the Shopify admin before running the workflow again.',
					},
				);
			}

			if (status !== 200) {
				throw new ShopifyRequestError(
					'http',
					`Shopify rejected "${name}" (HTTP ${status}): ${shopifyErrorText(response.body) ?? 'no message'}`,
					{ status, graphqlErrors: errors, fix: fixForStatus(status) },
				);
			}

			if (errors.length > 0) {
				const code = errors.find((entry) => entry.extensions?.code)?.extensions?.code;
				throw new ShopifyRequestError(
					'graphql',
					`Shopify returned an error for "${name}": ${describeGraphqlErrors(errors)}`,
					{
						status,
						graphqlErrors: errors,
						fix: fixForGraphqlCode(code),
					},
				);
			}

			if (!payload || payload.data === undefined || payload.data === null) {
				throw new ShopifyRequestError(
					'http',
					`Shopify returned no data for "${name}" (HTTP ${status})`,
					{
						status,
						fix: 'Check that the Base URL Override points at the Shopify Admin API.',
					},
				);
			}
			return { data: payload.data as T, cost: payload.extensions?.cost };
		}
	}

	private async wait(
		milliseconds: number,
		reason: string,
		name: string,
		retry: number,
		maxRetries: number,
	): Promise<void> {
		this.options.logger.warn(
			`${reason} for "${name}"; retrying in ${milliseconds} ms (retry ${retry} of ${maxRetries})`,
			{ nodeName: this.options.nodeName },
		);
		await this.options.sleep(milliseconds);
	}

	/**
	 * Turns an exception of n8n's request helper into a ShopifyRequestError. Network codes
	 * become 'network'. Anything else comes from the credential's preAuthentication (minting
	 * or checking the token) and keeps its message, which quotes Shopify.
	 */
	private classifySendError(error: unknown): ShopifyRequestError {
		const code = findInCauses(error, (candidate) =>
			typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code)
				? candidate.code
				: undefined,
		);
		if (code) {
			return new ShopifyRequestError(
				'network',
				`Shopify could not be reached at ${this.options.shop.origin} (${code})`,
				{
					fix: 'Check the shop and the Base URL Override of the credential, and that n8n can reach the internet.',
				},
			);
		}
		const canceled = findInCauses(error, (candidate) =>
			candidate.name === 'AbortError' || candidate.code === 'ERR_CANCELED' ? true : undefined,
		);
		if (canceled) {
			return new ShopifyRequestError(
				'network',
				'The request to Shopify was canceled because the execution stopped',
			);
		}
		const message =
			findInCauses(error, (candidate) =>
				candidate.name === 'UserError' && typeof candidate.message === 'string'
					? candidate.message
					: undefined,
			) ?? (error instanceof Error ? error.message : String(error));
		return new ShopifyRequestError('auth', message, {
			fix: 'Open the Shopify Admin API credential, correct the value the message names, and use Test to check it.',
		});
	}
}

function fixForStatus(status: number): string {
	switch (status) {
		case 400:
			return 'Shopify could not read the request; its message says why. For a custom query, check the GraphQL syntax and the variables JSON.';
		case 402:
			return 'The shop is frozen for unpaid bills. The shop owner has to settle them in the Shopify admin.';
		case 403:
			return 'The app may not use this part of the Admin API. Check its access scopes and that it is still installed.';
		case 404:
			return 'Shopify found nothing at this address. Check the shop, the API version and the Base URL Override of the credential.';
		case 423:
			return 'The shop is locked. Contact Shopify support or the shop owner.';
		default:
			return "Shopify's message says what is wrong with the request.";
	}
}
