import { DEMO_APP, startSimulator, type SimulatorHandle } from './helpers';

const AUTH = { headers: { 'X-Shopify-Access-Token': DEMO_APP.accessToken } };

function parseLink(header: string | undefined): Record<string, string> {
	const links: Record<string, string> = {};
	for (const part of (header ?? '').split(',')) {
		const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
		if (match) links[match[2]] = match[1];
	}
	return links;
}

describe('Shopify simulator REST Admin API', () => {
	let handle: SimulatorHandle;

	beforeAll(async () => {
		handle = await startSimulator({ restBucketSize: 1000, restLeakRate: 1000 });
	});

	beforeEach(async () => {
		await handle.http.post('/_simulator/reset');
		await handle.http.patch('/_simulator/settings', { restBucketSize: 1000, restLeakRate: 1000 });
	});

	afterAll(async () => {
		await handle.close();
	});

	describe('webhooks.json', () => {
		it('creates, lists, reads, counts and deletes webhooks', async () => {
			const created = await handle.http.post(
				'/admin/api/2026-01/webhooks.json',
				{
					webhook: {
						topic: 'orders/create',
						address: 'http://127.0.0.1:9100/hook',
						format: 'json',
					},
				},
				AUTH,
			);
			expect(created.status).toBe(201);
			expect(created.data.webhook).toMatchObject({
				address: 'http://127.0.0.1:9100/hook',
				topic: 'orders/create',
				format: 'json',
				api_version: '2026-01',
				fields: [],
			});
			const id = created.data.webhook.id as number;

			const listed = await handle.http.get(
				'/admin/api/2026-01/webhooks.json?topic=orders/create',
				AUTH,
			);
			expect(listed.status).toBe(200);
			expect(listed.data.webhooks.map((entry: { id: number }) => entry.id)).toEqual([id]);

			const single = await handle.http.get(`/admin/api/2026-01/webhooks/${id}.json`, AUTH);
			expect(single.data.webhook.address).toBe('http://127.0.0.1:9100/hook');

			const count = await handle.http.get('/admin/api/2026-01/webhooks/count.json', AUTH);
			expect(count.data).toEqual({ count: 1 });

			const graphql = await handle.gql<{
				webhookSubscriptions: { nodes: Array<{ legacyResourceId: string }> };
			}>('{ webhookSubscriptions(first: 5) { nodes { legacyResourceId } } }');
			expect(graphql.data.data?.webhookSubscriptions.nodes).toEqual([
				{ legacyResourceId: String(id) },
			]);

			const deleted = await handle.http.delete(`/admin/api/2026-01/webhooks/${id}.json`, AUTH);
			expect(deleted.status).toBe(200);
			expect(deleted.data).toEqual({});
			const deletedAgain = await handle.http.delete(`/admin/api/2026-01/webhooks/${id}.json`, AUTH);
			expect(deletedAgain.status).toBe(404);
			expect(deletedAgain.data).toEqual({ errors: 'Not Found' });
		});

		it('updates a webhook address', async () => {
			const created = await handle.http.post(
				'/admin/api/2026-01/webhooks.json',
				{ webhook: { topic: 'orders/paid', address: 'http://127.0.0.1:9100/a' } },
				AUTH,
			);
			const updated = await handle.http.put(
				`/admin/api/2026-01/webhooks/${created.data.webhook.id}.json`,
				{ webhook: { address: 'http://127.0.0.1:9100/b' } },
				AUTH,
			);
			expect(updated.status).toBe(200);
			expect(updated.data.webhook.address).toBe('http://127.0.0.1:9100/b');
		});

		it('rejects a duplicate address for a topic with 422', async () => {
			const body = { webhook: { topic: 'orders/create', address: 'http://127.0.0.1:9100/hook' } };
			await handle.http.post('/admin/api/2026-01/webhooks.json', body, AUTH);
			const duplicate = await handle.http.post('/admin/api/2026-01/webhooks.json', body, AUTH);
			expect(duplicate.status).toBe(422);
			expect(duplicate.data).toEqual({
				errors: { address: ['for this topic has already been taken'] },
			});
		});

		it('rejects an unknown topic', async () => {
			const response = await handle.http.post(
				'/admin/api/2026-01/webhooks.json',
				{ webhook: { topic: 'orders/update', address: 'http://127.0.0.1:9100/hook' } },
				AUTH,
			);
			expect(response.status).toBe(422);
			expect(response.data.errors.topic[0]).toMatch(/^Invalid topic specified: orders\/update\./);
		});

		it('rejects a body without a webhook', async () => {
			const response = await handle.http.post(
				'/admin/api/2026-01/webhooks.json',
				{ topic: 'orders/create' },
				AUTH,
			);
			expect(response.status).toBe(400);
			expect(response.data).toEqual({
				errors: { webhook: 'Required parameter missing or invalid' },
			});
		});
	});

	describe('orders.json', () => {
		it('lists open orders by default, newest id first', async () => {
			const response = await handle.http.get('/admin/api/2026-01/orders.json?fields=id,name', AUTH);
			expect(response.status).toBe(200);
			expect(response.data.orders.map((order: { name: string }) => order.name)).toEqual([
				'#1005',
				'#1007',
				'#1006',
				'#1004',
				'#1002',
				'#1001',
			]);
			expect(Object.keys(response.data.orders[0])).toEqual(['id', 'name']);
		});

		it('writes 64-bit ids as exact integers in the raw body', async () => {
			const response = await handle.http.get('/admin/api/2026-01/orders/820982911946154508.json', {
				...AUTH,
				responseType: 'text',
				transformResponse: (data) => data,
			});
			expect(response.status).toBe(200);
			const raw = response.data as string;
			expect(raw).toContain('"id":820982911946154508,');
			expect(raw).toContain('"id":866550311766439020,');
			expect(raw).toContain(
				'"admin_graphql_api_id":"gid:\\/\\/shopify\\/Order\\/820982911946154508"',
			);
		});

		it('pages with Link headers in both directions', async () => {
			const first = await handle.http.get(
				'/admin/api/2026-01/orders.json?status=any&limit=3&fields=name',
				AUTH,
			);
			expect(first.data.orders.map((order: { name: string }) => order.name)).toEqual([
				'#1005',
				'#1007',
				'#1006',
			]);
			const firstLinks = parseLink(first.headers.link);
			expect(Object.keys(firstLinks)).toEqual(['next']);
			expect(firstLinks.next).toMatch(
				new RegExp(
					`^${handle.sim.url}/admin/api/2026-01/orders\\.json\\?limit=3&fields=name&page_info=`,
				),
			);

			const second = await handle.http.get(firstLinks.next.replace(handle.sim.url, ''), AUTH);
			expect(second.data.orders.map((order: { name: string }) => order.name)).toEqual([
				'#1004',
				'#1003',
				'#1002',
			]);
			const secondLinks = parseLink(second.headers.link);
			expect(Object.keys(secondLinks)).toEqual(['previous', 'next']);
			expect(second.headers.link.indexOf('rel="previous"')).toBeLessThan(
				second.headers.link.indexOf('rel="next"'),
			);

			const third = await handle.http.get(secondLinks.next.replace(handle.sim.url, ''), AUTH);
			expect(third.data.orders.map((order: { name: string }) => order.name)).toEqual(['#1001']);
			expect(Object.keys(parseLink(third.headers.link))).toEqual(['previous']);

			const back = await handle.http.get(
				parseLink(third.headers.link).previous.replace(handle.sim.url, ''),
				AUTH,
			);
			expect(back.data.orders.map((order: { name: string }) => order.name)).toEqual([
				'#1004',
				'#1003',
				'#1002',
			]);
		});

		it('rejects other filters next to page_info', async () => {
			const first = await handle.http.get('/admin/api/2026-01/orders.json?limit=2', AUTH);
			const next = parseLink(first.headers.link).next.replace(handle.sim.url, '');
			const response = await handle.http.get(`${next}&status=any`, AUTH);
			expect(response.status).toBe(400);
			expect(JSON.stringify(response.data)).toContain('page_info cannot be combined with status');
		});

		it('filters by status, financial status and dates', async () => {
			const names = async (query: string) =>
				(
					await handle.http.get(`/admin/api/2026-01/orders.json?fields=name&${query}`, AUTH)
				).data.orders.map((order: { name: string }) => order.name);
			expect(await names('status=cancelled')).toEqual(['#1003']);
			expect(await names('status=any&financial_status=partially_refunded')).toEqual(['#1007']);
			expect(await names('status=any&fulfillment_status=shipped')).toEqual(['#1007', '#1001']);
			expect(
				await names(
					'status=any&created_at_min=2026-03-09T00:00:00Z&created_at_max=2026-03-11T00:00:00Z',
				),
			).toEqual(['#1005', '#1004']);
			expect(await names('status=any&since_id=5006')).toEqual(['#1005', '#1007']);
		});

		it('carries the REST order shape', async () => {
			const response = await handle.http.get('/admin/api/2026-01/orders/5001.json', AUTH);
			const order = response.data.order;
			expect(order).toMatchObject({
				id: 5001,
				name: '#1001',
				order_number: 1001,
				currency: 'EUR',
				financial_status: 'paid',
				fulfillment_status: 'fulfilled',
				total_price: '148.63',
				subtotal_price: '143.73',
				total_tax: '23.73',
				total_discounts: '15.97',
				taxes_included: true,
			});
			expect(order.total_price_set).toEqual({
				shop_money: { amount: '148.63', currency_code: 'EUR' },
				presentment_money: { amount: '148.63', currency_code: 'EUR' },
			});
			expect(order.created_at).toBe('2026-03-02T10:15:00+01:00');
			expect(order.line_items).toHaveLength(2);
			expect(order.fulfillments[0].tracking_number).toBe('00340434161234567890');
			expect(order.customer.id).toBe(6001);
			expect(order.discount_codes).toEqual([
				{ code: 'WELCOME10', amount: '15.97', type: 'percentage' },
			]);
		});

		it('returns 404 for a missing order', async () => {
			const response = await handle.http.get('/admin/api/2026-01/orders/1.json', AUTH);
			expect(response.status).toBe(404);
		});
	});

	describe('call limit', () => {
		it('counts calls in X-Shopify-Shop-Api-Call-Limit and answers 429 with Retry-After', async () => {
			await handle.http.patch('/_simulator/settings', { restBucketSize: 3, restLeakRate: 0.25 });
			const headers: string[] = [];
			for (let index = 0; index < 3; index++) {
				const response = await handle.http.get('/admin/api/2026-01/webhooks.json', AUTH);
				expect(response.status).toBe(200);
				headers.push(response.headers['x-shopify-shop-api-call-limit']);
			}
			expect(headers).toEqual(['1/3', '2/3', '3/3']);

			const limited = await handle.http.get('/admin/api/2026-01/webhooks.json', AUTH);
			expect(limited.status).toBe(429);
			expect(limited.data).toEqual({
				errors:
					'Exceeded 0.25 calls per second for api client. Reduce request rates to resume uninterrupted service.',
			});
			const retryAfter = Number(limited.headers['retry-after']);
			expect(retryAfter).toBeGreaterThan(0);
			expect(retryAfter).toBeLessThanOrEqual(4);
			expect(limited.headers['x-shopify-shop-api-call-limit']).toBe('3/3');

			await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 50));
			const after = await handle.http.get('/admin/api/2026-01/webhooks.json', AUTH);
			expect(after.status).toBe(200);
		});
	});
});
