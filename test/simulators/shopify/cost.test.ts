import { startSimulator, type SimulatorHandle } from './helpers';

const ORDERS_QUERY = '{ orders(first: 10) { edges { node { id customer { id } } } } }';

describe('Shopify simulator query cost and throttling', () => {
	let handle: SimulatorHandle;

	afterEach(async () => {
		await handle.close();
	});

	it('prices objects, scalars, connections and mutations', async () => {
		handle = await startSimulator();
		const cases: Array<[string, number]> = [
			['{ shop { name email } }', 1],
			['{ shop { name billingAddress { city } } }', 2],
			['{ orders(first: 10) { nodes { id } } }', 12],
			[ORDERS_QUERY, 22],
			[
				'{ orders(first: 5) { edges { node { lineItems(first: 20) { nodes { id } } } } } }',
				2 + 5 * (1 + 22),
			],
			['{ order(id: "gid://shopify/Order/5001") { name } }', 1],
			['{ __typename }', 0],
			['mutation { metafieldsDelete(metafields: []) { userErrors { message } } }', 10],
		];
		for (const [text, expected] of cases) {
			const response = await handle.gql(text);
			expect({ text, cost: response.data.extensions.cost.requestedQueryCost }).toEqual({
				text,
				cost: expected,
			});
		}
	});

	it('bills the actual cost of short pages and refunds the rest', async () => {
		handle = await startSimulator();
		const response = await handle.gql('{ orders(first: 50) { nodes { id } } }');
		const cost = response.data.extensions.cost;
		expect(cost.requestedQueryCost).toBe(52);
		expect(cost.actualQueryCost).toBe(9);
		expect(cost.throttleStatus).toEqual({
			maximumAvailable: 2000,
			currentlyAvailable: 1991,
			restoreRate: 100,
		});
	});

	it('counts fragments and aliases', async () => {
		handle = await startSimulator();
		const response = await handle.gql(`
			query { a: order(id: "gid://shopify/Order/5001") { ...Parts } b: order(id: "gid://shopify/Order/1") { ...Parts } }
			fragment Parts on Order { customer { id } }
		`);
		expect(response.data.extensions.cost.requestedQueryCost).toBe(4);
		expect(response.data.extensions.cost.actualQueryCost).toBe(2);
	});

	it('rejects a query above the single query maximum', async () => {
		handle = await startSimulator();
		const response = await handle.gql(
			'{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }',
		);
		expect(response.status).toBe(200);
		expect(response.data.data).toBeUndefined();
		expect(response.data.errors?.[0].extensions?.code).toBe('MAX_COST_EXCEEDED');
		expect(response.data.errors?.[0].message).toMatch(
			/^Query cost is \d+, which exceeds the single query max cost limit \(1000\)\./,
		);
		expect(response.data.extensions.cost.actualQueryCost).toBeNull();
		expect(response.data.extensions.cost.throttleStatus.currentlyAvailable).toBe(2000);
	});

	it('throttles with HTTP 200 once the bucket is empty, then restores', async () => {
		handle = await startSimulator({ costBucketSize: 50, costRestoreRate: 20 });
		const first = await handle.gql('{ orders(first: 40) { nodes { id } } }');
		expect(first.data.extensions.cost.throttleStatus.currentlyAvailable).toBeLessThan(50);
		const expensive = '{ orders(first: 45) { nodes { id } } }';

		const throttled = await handle.gql(expensive);
		expect(throttled.status).toBe(200);
		expect(throttled.data.data).toBeUndefined();
		expect(throttled.data.errors).toEqual([
			{
				message: 'Throttled',
				extensions: {
					code: 'THROTTLED',
					documentation: 'https://shopify.dev/api/usage/rate-limits',
				},
			},
		]);
		expect(throttled.data.extensions.cost.requestedQueryCost).toBe(47);
		expect(throttled.data.extensions.cost.actualQueryCost).toBeNull();
		expect(throttled.headers['retry-after']).toBeUndefined();

		const { currentlyAvailable, restoreRate } = throttled.data.extensions.cost.throttleStatus;
		const waitMs = Math.ceil(((47 - currentlyAvailable) / restoreRate) * 1000) + 100;
		await new Promise((resolve) => setTimeout(resolve, waitMs));
		const restored = await handle.gql(expensive);
		expect(restored.data.errors).toBeUndefined();
		expect(restored.data.data).toBeDefined();

		const log = await handle.http.get('/_simulator/requests');
		const throttledEntries = log.data.requests.filter(
			(entry: { throttled: boolean }) => entry.throttled,
		);
		expect(throttledEntries).toHaveLength(1);
		expect(throttledEntries[0]).toMatchObject({ status: 200, requestedCost: 47, actualCost: null });
	});

	it('throttles with HTTP 429 and Retry-After when configured', async () => {
		handle = await startSimulator({ costBucketSize: 20, costRestoreRate: 5, throttledStatus: 429 });
		await handle.gql('{ orders(first: 15) { nodes { id } } }');
		const throttled = await handle.gql('{ orders(first: 15) { nodes { id } } }');
		expect(throttled.status).toBe(429);
		expect(throttled.data.errors?.[0].extensions?.code).toBe('THROTTLED');
		const retryAfter = Number(throttled.headers['retry-after']);
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		const missing = 17 - throttled.data.extensions.cost.throttleStatus.currentlyAvailable;
		expect(retryAfter).toBe(Math.max(1, Math.ceil(missing / 5)));
	});

	it('keeps separate buckets per token by default', async () => {
		handle = await startSimulator({ costBucketSize: 30, costRestoreRate: 1 });
		await handle.gql('{ orders(first: 25) { nodes { id } } }');
		const minted = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'client_credentials',
			client_id: 'demo-client-id',
			client_secret: 'demo-client-secret',
		});
		const other = await handle.gql('{ orders(first: 25) { nodes { id } } }', undefined, {
			token: minted.data.access_token,
		});
		expect(other.data.errors).toBeUndefined();
		expect(other.data.extensions.cost.throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(20);
	});

	it('shares one bucket per app when configured', async () => {
		handle = await startSimulator({ costBucketSize: 30, costRestoreRate: 1, bucketScope: 'app' });
		await handle.gql('{ orders(first: 25) { nodes { id } } }');
		const minted = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'client_credentials',
			client_id: 'demo-client-id',
			client_secret: 'demo-client-secret',
		});
		const first = await handle.gql('{ orders(first: 25) { nodes { id } } }', undefined, {
			token: minted.data.access_token,
		});
		const second = await handle.gql('{ orders(first: 25) { nodes { id } } }', undefined, {
			token: minted.data.access_token,
		});
		const codes = [first, second].map(
			(response) => response.data.errors?.[0].extensions?.code ?? 'ok',
		);
		expect(codes).toContain('THROTTLED');
	});
});
