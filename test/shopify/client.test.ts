import type { IDataObject, IN8nHttpFullResponse, Logger } from 'n8n-workflow';

import { ShopifyClient } from '../../nodes/ShopifyGraphqlAdmin/transport/client';
import { ShopifyRequestError } from '../../nodes/ShopifyGraphqlAdmin/transport/errors';
import {
	MAX_RATE_LIMIT_RETRIES,
	MAX_SERVER_RETRIES,
	MAX_WAIT_MS,
	retryAfterMs,
	serverRetryWaitMs,
	throttleWaitMs,
} from '../../nodes/ShopifyGraphqlAdmin/transport/retry';

describe('throttleWaitMs', () => {
	it('waits (requested − available) / restoreRate seconds', () => {
		const cost = {
			requestedQueryCost: 752,
			throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 152, restoreRate: 100 },
		};
		expect(throttleWaitMs(cost)).toBe(6000);
	});

	it('rounds up to whole milliseconds', () => {
		const cost = {
			requestedQueryCost: 101,
			throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 100, restoreRate: 50 },
		};
		expect(throttleWaitMs(cost)).toBe(20);
	});

	it('waits nothing when the bucket already holds enough', () => {
		const cost = {
			requestedQueryCost: 10,
			throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 500, restoreRate: 50 },
		};
		expect(throttleWaitMs(cost)).toBe(0);
	});

	it('caps the wait', () => {
		const cost = {
			requestedQueryCost: 1000,
			throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 1 },
		};
		expect(throttleWaitMs(cost)).toBe(MAX_WAIT_MS);
	});

	it('returns undefined without the three numbers', () => {
		expect(throttleWaitMs(undefined)).toBeUndefined();
		expect(throttleWaitMs({ requestedQueryCost: 10 })).toBeUndefined();
		expect(
			throttleWaitMs({
				requestedQueryCost: 10,
				throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 0 },
			}),
		).toBeUndefined();
	});
});

describe('retryAfterMs', () => {
	it('reads seconds, fractions and HTTP dates', () => {
		expect(retryAfterMs('2.0')).toBe(2000);
		expect(retryAfterMs('0.5')).toBe(500);
		expect(retryAfterMs(['3'])).toBe(3000);
		const now = Date.parse('2026-03-01T12:00:00Z');
		expect(retryAfterMs('Sun, 01 Mar 2026 12:00:04 GMT', now)).toBe(4000);
	});

	it('ignores missing and unreadable values and caps large ones', () => {
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs('')).toBeUndefined();
		expect(retryAfterMs('soon')).toBeUndefined();
		expect(retryAfterMs('86400')).toBe(MAX_WAIT_MS);
	});
});

describe('serverRetryWaitMs', () => {
	it('doubles from one second', () => {
		expect([1, 2, 3].map(serverRetryWaitMs)).toEqual([1000, 2000, 4000]);
	});
});

type Reply = Partial<IN8nHttpFullResponse> | Error;

function reply(statusCode: number, body: unknown, headers: IDataObject = {}): Reply {
	return { statusCode, body: body as IN8nHttpFullResponse['body'], headers };
}

const THROTTLED = {
	errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
	extensions: {
		cost: {
			requestedQueryCost: 302,
			actualQueryCost: null,
			throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 52, restoreRate: 100 },
		},
	},
};

function makeClient(replies: Reply[]) {
	const sent: IDataObject[] = [];
	const waits: number[] = [];
	const warnings: string[] = [];
	let invalidations = 0;
	const logger = {
		warn: (message: string) => warnings.push(message),
		info: () => undefined,
		debug: () => undefined,
		error: () => undefined,
	} as unknown as Logger;
	const client = new ShopifyClient({
		shop: { handle: 'demo-shop', domain: 'demo-shop.myshopify.com', origin: 'http://127.0.0.1:1' },
		apiVersion: '2026-10',
		nodeName: 'Shopify',
		logger,
		sleep: async (milliseconds) => {
			waits.push(milliseconds);
		},
		invalidateSession: () => {
			invalidations++;
		},
		send: async (body) => {
			sent.push(body);
			const next = replies.shift();
			if (!next) throw new Error('No reply left in the test');
			if (next instanceof Error) throw next;
			return { headers: {}, ...next } as IN8nHttpFullResponse;
		},
	});
	return { client, sent, waits, warnings, invalidations: () => invalidations };
}

const QUERY = 'query OrderGet($id: ID!) { order(id: $id) { name } }';
const MUTATION =
	'mutation ProductUpdateDescription($product: ProductUpdateInput!) { productUpdate(product: $product) { userErrors { message } } }';
const OK = reply(200, { data: { order: { name: '#1001' } } });

describe('ShopifyClient', () => {
	it('waits for the cost bucket after THROTTLED and retries', async () => {
		const { client, waits, sent, warnings } = makeClient([reply(200, THROTTLED), OK]);
		await expect(
			client.query({ query: QUERY, variables: { id: 'gid://shopify/Order/1' } }),
		).resolves.toEqual({
			order: { name: '#1001' },
		});
		expect(waits).toEqual([2500]);
		expect(sent).toHaveLength(2);
		expect(warnings[0]).toMatch(
			/throttled the query \(cost 302, 52 points available\) for "OrderGet"; retrying in 2500 ms \(retry 1 of 6\)/,
		);
	});

	it('honours Retry-After on HTTP 429', async () => {
		const { client, waits } = makeClient([
			reply(429, { errors: 'Exceeded 2 calls per second' }, { 'retry-after': '2.0' }),
			OK,
		]);
		await client.query({ query: QUERY });
		expect(waits).toEqual([2000]);
	});

	it('uses the cost when a 429 carries THROTTLED but no Retry-After', async () => {
		const { client, waits } = makeClient([reply(429, THROTTLED), OK]);
		await client.query({ query: QUERY });
		expect(waits).toEqual([2500]);
	});

	it('gives up after the bounded number of throttled retries', async () => {
		const replies = Array.from({ length: MAX_RATE_LIMIT_RETRIES + 1 }, () => reply(200, THROTTLED));
		const { client, sent } = makeClient(replies);
		const failure = await client.query({ query: QUERY }).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(ShopifyRequestError);
		expect((failure as ShopifyRequestError).kind).toBe('exhausted');
		expect((failure as Error).message).toMatch(/kept throttling "OrderGet" after 6 retries/);
		expect(sent).toHaveLength(MAX_RATE_LIMIT_RETRIES + 1);
	});

	it('retries a query after 5xx with backoff, up to the bound', async () => {
		const { client, waits } = makeClient([reply(502, 'Bad gateway'), reply(503, ''), OK]);
		await client.query({ query: QUERY });
		expect(waits).toEqual([1000, 2000]);

		const failing = makeClient(
			Array.from({ length: MAX_SERVER_RETRIES + 1 }, () => reply(500, { errors: 'Internal' })),
		);
		await expect(failing.client.query({ query: QUERY })).rejects.toThrow(
			/after 3 retries: Internal/,
		);
		expect(failing.sent).toHaveLength(MAX_SERVER_RETRIES + 1);
	});

	it('does not resend a mutation after 5xx', async () => {
		const { client, sent } = makeClient([reply(500, { errors: 'Internal' }), OK]);
		const failure = await client.query({ query: MUTATION }).catch((error: unknown) => error);
		expect((failure as Error).message).toMatch(/HTTP 500/);
		expect((failure as ShopifyRequestError).fix).toMatch(/may or may not have been applied/);
		expect(sent).toHaveLength(1);
	});

	it('resends a mutation marked idempotent after 5xx', async () => {
		const { client, sent } = makeClient([reply(500, { errors: 'Internal' }), OK]);
		await client.query({ query: MUTATION, idempotent: true });
		expect(sent).toHaveLength(2);
	});

	it('retries a dropped connection of a query', async () => {
		const dropped = Object.assign(new Error('socket hang up'), { cause: { code: 'ECONNRESET' } });
		const { client, waits } = makeClient([dropped, OK]);
		await client.query({ query: QUERY });
		expect(waits).toEqual([1000]);
	});

	it('renews the session once after HTTP 401', async () => {
		const unauthorized = reply(401, { errors: '[API] Invalid API key or access token' });
		const renewed = makeClient([unauthorized, OK]);
		await renewed.client.query({ query: QUERY });
		expect(renewed.invalidations()).toBe(1);

		const rejected = makeClient([unauthorized, unauthorized]);
		await expect(rejected.client.query({ query: QUERY })).rejects.toThrow(
			'Shopify rejected the access token (HTTP 401): [API] Invalid API key or access token',
		);
		expect(rejected.invalidations()).toBe(1);
	});

	it('quotes GraphQL errors with path and code', async () => {
		const { client } = makeClient([
			reply(200, {
				errors: [
					{
						message:
							'Access denied for returns field. Required access: `read_returns` access scope.',
						path: ['order', 'returns'],
						extensions: { code: 'ACCESS_DENIED' },
					},
				],
			}),
		]);
		const failure = (await client
			.query({ query: QUERY })
			.catch((error: unknown) => error)) as ShopifyRequestError;
		expect(failure.message).toBe(
			'Shopify returned an error for "OrderGet": Access denied for returns field. Required access: `read_returns` access scope. (path order.returns, code ACCESS_DENIED)',
		);
		expect(failure.code).toBe('ACCESS_DENIED');
		expect(failure.fix).toMatch(/access scope/);
	});

	it('passes on the message of a failed token request', async () => {
		const minting = Object.assign(new Error('wrapped'), {
			cause: {
				name: 'UserError',
				message: 'Requesting an access token failed: Shopify returned "invalid_client"',
			},
		});
		const { client } = makeClient([minting]);
		const failure = (await client
			.query({ query: QUERY })
			.catch((error: unknown) => error)) as ShopifyRequestError;
		expect(failure.kind).toBe('auth');
		expect(failure.message).toBe(
			'Requesting an access token failed: Shopify returned "invalid_client"',
		);
	});

	it('returns data with the query cost', async () => {
		const cost = { requestedQueryCost: 5, actualQueryCost: 3 };
		const { client } = makeClient([
			reply(200, { data: { shop: { name: 'Demo' } }, extensions: { cost } }),
		]);
		await expect(client.request({ query: '{ shop { name } }' })).resolves.toEqual({
			data: { shop: { name: 'Demo' } },
			cost,
		});
	});
});
