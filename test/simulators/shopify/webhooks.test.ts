import { createHmac } from 'node:crypto';

import {
	DEMO_APP,
	startReceiver,
	startSimulator,
	subscribe,
	type Receiver,
	type ReceivedDelivery,
	type SimulatorHandle,
} from './helpers';

type Json = Record<string, any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function hmac(raw: Buffer, key: string): string {
	return createHmac('sha256', key).update(raw).digest('base64');
}

function body(delivery: ReceivedDelivery): Json {
	return JSON.parse(delivery.raw.toString('utf8')) as Json;
}

describe('Shopify simulator webhooks', () => {
	let handle: SimulatorHandle;
	let receiver: Receiver;

	const emit = async (request: Json) => {
		const response = await handle.http.post('/_simulator/webhooks/emit', request);
		return response;
	};

	beforeAll(async () => {
		handle = await startSimulator();
	});

	beforeEach(async () => {
		await handle.http.post('/_simulator/reset');
		receiver = await startReceiver();
	});

	afterEach(async () => {
		await receiver.close();
	});

	afterAll(async () => {
		await handle.close();
	});

	describe('signing and headers', () => {
		it('signs the exact bytes with the app secret and sends every Shopify header', async () => {
			const subscriptionId = await subscribe(handle, 'ORDERS_CREATE', `${receiver.url}/orders`);
			const response = await emit({ topic: 'orders/create', id: '5001' });
			expect(response.status).toBe(200);
			expect(response.data.deliveries).toHaveLength(1);
			const [result] = response.data.deliveries;
			expect(result).toMatchObject({
				subscriptionId,
				uri: `${receiver.url}/orders`,
				status: 200,
				attempt: 1,
			});
			expect(result.error).toBeUndefined();

			const [delivery] = await receiver.waitFor(1);
			expect(delivery.path).toBe('/orders');
			expect(delivery.headers['content-type']).toBe('application/json');
			expect(delivery.headers['x-shopify-topic']).toBe('orders/create');
			expect(delivery.headers['x-shopify-shop-domain']).toBe('demo-shop.myshopify.com');
			expect(delivery.headers['x-shopify-api-version']).toBe('2026-01');
			expect(delivery.headers['x-shopify-webhook-id']).toMatch(UUID);
			expect(delivery.headers['x-shopify-event-id']).toMatch(UUID);
			expect(delivery.headers['x-shopify-webhook-id']).toBe(result.webhookId);
			expect(delivery.headers['x-shopify-event-id']).toBe(result.eventId);
			expect(Number.isNaN(Date.parse(String(delivery.headers['x-shopify-triggered-at'])))).toBe(
				false,
			);
			expect(delivery.headers['x-shopify-hmac-sha256']).toBe(
				hmac(delivery.raw, DEMO_APP.clientSecret),
			);
			expect(Number(delivery.headers['content-length'])).toBe(delivery.raw.length);
			expect(delivery.headers['shopify-hmac-sha256']).toBeUndefined();
			expect(body(delivery).name).toBe('#1001');
		});

		it('delivers once to every subscription of the topic', async () => {
			await subscribe(handle, 'ORDERS_CREATE', `${receiver.url}/one`);
			await subscribe(handle, 'ORDERS_CREATE', `${receiver.url}/two`);
			await subscribe(handle, 'ORDERS_PAID', `${receiver.url}/other-topic`);
			const response = await emit({ topic: 'orders/create', id: 'gid://shopify/Order/5001' });
			expect(response.data.deliveries.map((entry: Json) => entry.uri)).toEqual([
				`${receiver.url}/one`,
				`${receiver.url}/two`,
			]);
			const deliveries = await receiver.waitFor(2);
			expect(deliveries.map((delivery) => delivery.path).sort()).toEqual(['/one', '/two']);
			expect(
				new Set(deliveries.map((delivery) => delivery.headers['x-shopify-event-id'])).size,
			).toBe(1);
		});

		it('signs admin-created subscriptions with the notifications key', async () => {
			const created = await handle.http.post('/_simulator/webhooks/admin-subscriptions', {
				topic: 'orders/create',
				uri: `${receiver.url}/admin`,
			});
			expect(created.status).toBe(201);
			const listed = await handle.gql<{ webhookSubscriptions: { nodes: unknown[] } }>(
				'{ webhookSubscriptions(first: 5) { nodes { id } } }',
			);
			expect(listed.data.data?.webhookSubscriptions.nodes).toEqual([]);

			await emit({ topic: 'orders/create', id: '5001' });
			const [delivery] = await receiver.waitFor(1);
			expect(delivery.headers['x-shopify-hmac-sha256']).toBe(
				hmac(delivery.raw, 'demo-notifications-signing-key'),
			);
			expect(delivery.headers['x-shopify-hmac-sha256']).not.toBe(
				hmac(delivery.raw, DEMO_APP.clientSecret),
			);

			const deleted = await handle.http.delete(
				`/_simulator/webhooks/admin-subscriptions/${encodeURIComponent(created.data.subscription.id)}`,
			);
			expect(deleted.status).toBe(200);
		});

		it('sends the Events header family when configured', async () => {
			await handle.http.patch('/_simulator/settings', { sendEventsHeaders: true });
			await subscribe(handle, 'ORDERS_PAID', receiver.url);
			await emit({ topic: 'orders/paid', id: '5001' });
			const [delivery] = await receiver.waitFor(1);
			expect(delivery.headers['shopify-topic']).toBe('orders/paid');
			expect(delivery.headers['shopify-hmac-sha256']).toBe(
				delivery.headers['x-shopify-hmac-sha256'],
			);
			expect(delivery.headers['shopify-event-id']).toBe(delivery.headers['x-shopify-event-id']);
		});
	});

	describe('serialisation', () => {
		it('writes ids above 2^53 as exact integer literals', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await emit({ topic: 'orders/create', id: '820982911946154508' });
			const [delivery] = await receiver.waitFor(1);
			const raw = delivery.raw.toString('utf8');
			expect(raw.startsWith('{"id":820982911946154508,')).toBe(true);
			expect(raw).toContain('"id":866550311766439020,');
			expect(raw).toContain(
				'"admin_graphql_api_id":"gid:\\/\\/shopify\\/Order\\/820982911946154508"',
			);
		});

		it('escapes like Shopify and sends non-ASCII as UTF-8', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await emit({ topic: 'orders/create', id: '5006' });
			const [delivery] = await receiver.waitFor(1);
			const raw = delivery.raw.toString('utf8');
			expect(raw).toContain(
				'Bitte klingeln \\u0026 nicht \\u003cklopfen\\u003e\\/danke\\u2028Zeile 2',
			);
			expect(raw).toContain('"tags":"geschenk, международный"');
			expect(raw).toContain('Matcha-Set „Kyōto“ 抹茶 🍵');
			expect(raw).toContain('يرجى التغليف كهدية 🎁');
			expect(raw).not.toContain('&');
			expect(raw).not.toContain('<');
			expect(body(delivery).note).toBe(
				'يرجى التغليف كهدية 🎁 — Bitte klingeln & nicht <klopfen>/danke\u2028Zeile 2',
			);
			expect(delivery.headers['x-shopify-hmac-sha256']).toBe(
				hmac(delivery.raw, DEMO_APP.clientSecret),
			);
		});

		it('escapes non-ASCII when configured', async () => {
			await handle.http.patch('/_simulator/settings', { escapeNonAscii: true });
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await emit({ topic: 'orders/create', id: '5006' });
			const [delivery] = await receiver.waitFor(1);
			expect([...delivery.raw].every((byte) => byte < 0x80)).toBe(true);
			const raw = delivery.raw.toString('utf8');
			expect(raw).toContain('\\u043c\\u0435\\u0436\\u0434\\u0443');
			expect(raw).toContain('\\ud83c\\udf75');
			expect(body(delivery).line_items[0].title).toBe('Matcha-Set „Kyōto“ 抹茶 🍵');
			expect(delivery.headers['x-shopify-hmac-sha256']).toBe(
				hmac(delivery.raw, DEMO_APP.clientSecret),
			);
		});

		it('keeps 64-bit integers of a given payload exact', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await handle.http.post(
				'/_simulator/webhooks/emit',
				'{"topic":"orders/create","payload":{"id":9007199254740993123,"name":"#X"}}',
				{
					headers: { 'Content-Type': 'application/json' },
				},
			);
			expect(response.status).toBe(200);
			const [delivery] = await receiver.waitFor(1);
			expect(delivery.raw.toString('utf8')).toBe('{"id":9007199254740993123,"name":"#X"}');
		});

		it('accepts a 64-bit id given as a JSON number', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await handle.http.post(
				'/_simulator/webhooks/emit',
				'{"topic":"orders/create","id":820982911946154508}',
				{ headers: { 'Content-Type': 'application/json' } },
			);
			expect(response.status).toBe(200);
			const [delivery] = await receiver.waitFor(1);
			expect(delivery.raw.toString('utf8').startsWith('{"id":820982911946154508,')).toBe(true);
		});

		it('trims payloads to includeFields', async () => {
			await handle.gql(
				`mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: "${receiver.url}", includeFields: ["id", "name", "updated_at"] }) { userErrors { message } } }`,
			);
			await emit({ topic: 'orders/create', id: '5001' });
			const [delivery] = await receiver.waitFor(1);
			expect(Object.keys(body(delivery))).toEqual(['id', 'name', 'updated_at']);
		});

		it('applies a subscription filter', async () => {
			await handle.gql(
				`mutation { webhookSubscriptionCreate(topic: ORDERS_UPDATED, webhookSubscription: { uri: "${receiver.url}", filter: "financial_status:paid" }) { userErrors { message } } }`,
			);
			const skipped = await emit({ topic: 'orders/updated', id: '5007' });
			expect(skipped.data.deliveries).toEqual([]);
			expect(skipped.data.filteredOut).toHaveLength(1);
			const sent = await emit({ topic: 'orders/updated', id: '5001' });
			expect(sent.data.deliveries).toHaveLength(1);
		});
	});

	describe('payload shapes', () => {
		it('sends a shipping-only refund with empty refund_line_items', async () => {
			await subscribe(handle, 'REFUNDS_CREATE', receiver.url);
			await emit({ topic: 'refunds/create', id: 'gid://shopify/Refund/9302' });
			const payload = body((await receiver.waitFor(1))[0]);
			expect(payload.id).toBe(9302);
			expect(payload.order_id).toBe(5007);
			expect(payload.refund_line_items).toEqual([]);
			expect(payload.refund_shipping_lines[0].subtotal_amount_set.shop_money.amount).toBe('5.90');
			expect(payload.transactions[0]).toMatchObject({
				kind: 'refund',
				status: 'success',
				amount: '5.90',
				parent_id: 9510,
			});
		});

		it.each([
			['returns/request', 'RETURNS_REQUEST', '9203', { status: 'requested', name: '#1007-R3' }],
			[
				'fulfillments/create',
				'FULFILLMENTS_CREATE',
				'8001',
				{ tracking_company: 'DHL Express', order_id: 5001 },
			],
			[
				'order_transactions/create',
				'ORDER_TRANSACTIONS_CREATE',
				'9503',
				{ kind: 'sale', status: 'failure', error_code: 'card_declined' },
			],
			[
				'disputes/create',
				'DISPUTES_CREATE',
				'9401',
				{ type: 'chargeback', reason: 'fraudulent', amount: '34.50' },
			],
			[
				'customers/create',
				'CUSTOMERS_CREATE',
				'6004',
				{ first_name: 'Zoë', last_name: 'Ångström-Петрова' },
			],
			[
				'products/update',
				'PRODUCTS_UPDATE',
				'7001',
				{ handle: 'trail-runner-shoe', title: 'Trail Runner Shoe' },
			],
		])('sends the REST shape for %s', async (topic, enumValue, id, expected) => {
			await subscribe(handle, enumValue, receiver.url);
			const response = await emit({ topic, id });
			expect(response.status).toBe(200);
			const [delivery] = await receiver.waitFor(1);
			expect(delivery.headers['x-shopify-topic']).toBe(topic);
			expect(body(delivery)).toMatchObject(expected);
		});

		it('sends return line items with reasons', async () => {
			await subscribe(handle, 'RETURNS_REQUEST', receiver.url);
			await emit({ topic: 'returns/request', id: '9203' });
			const payload = body((await receiver.waitFor(1))[0]);
			expect(payload.return_line_items).toEqual([
				expect.objectContaining({
					quantity: 1,
					return_reason: 'not_as_described',
					fulfillment_line_item: expect.objectContaining({
						line_item: { id: 17003, admin_graphql_api_id: 'gid://shopify/LineItem/17003' },
					}),
				}),
			]);
		});
	});

	describe('emit modes', () => {
		it('duplicate: the same event twice with one event id', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await emit({ topic: 'orders/create', id: '5001', mode: 'duplicate' });
			expect(response.data.deliveries).toHaveLength(2);
			const [first, second] = await receiver.waitFor(2);
			expect(first.headers['x-shopify-event-id']).toBe(second.headers['x-shopify-event-id']);
			expect(first.headers['x-shopify-triggered-at']).toBe(
				second.headers['x-shopify-triggered-at'],
			);
			expect(first.headers['x-shopify-webhook-id']).not.toBe(
				second.headers['x-shopify-webhook-id'],
			);
			expect(first.raw.equals(second.raw)).toBe(true);
		});

		it('concurrent: two identical deliveries at the same time', async () => {
			receiver.delayMs = 1000;
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await emit({ topic: 'orders/create', id: '5001', mode: 'concurrent' });
			expect(response.data.deliveries).toHaveLength(2);
			const [first, second] = await receiver.waitFor(2);
			// Both arrive before the receiver replies to either, so they were in flight together.
			expect(Math.abs(first.receivedAt - second.receivedAt)).toBeLessThan(900);
			expect(first.headers['x-shopify-webhook-id']).toBe(second.headers['x-shopify-webhook-id']);
			expect(first.headers['x-shopify-event-id']).toBe(second.headers['x-shopify-event-id']);
			expect(first.raw.equals(second.raw)).toBe(true);
			expect(response.data.deliveries.every((entry: Json) => entry.status === 200)).toBe(true);
		});

		it('out-of-order: orders/updated arrives before orders/create', async () => {
			await subscribe(handle, 'ORDERS_CREATE', `${receiver.url}/create`);
			await subscribe(handle, 'ORDERS_UPDATED', `${receiver.url}/updated`);
			const response = await emit({ topic: 'orders/create', id: '5001', mode: 'out-of-order' });
			expect(response.data.deliveries.map((entry: Json) => entry.topic)).toEqual([
				'orders/updated',
				'orders/create',
			]);
			const [first, second] = await receiver.waitFor(2);
			expect(first.headers['x-shopify-topic']).toBe('orders/updated');
			expect(second.headers['x-shopify-topic']).toBe('orders/create');
			expect(first.headers['x-shopify-event-id']).not.toBe(second.headers['x-shopify-event-id']);
			const created = body(second);
			expect(created.updated_at).toBe(created.created_at);
			expect(body(first).updated_at).toBe('2026-03-04T15:20:00+01:00');
			expect(Date.parse(String(second.headers['x-shopify-triggered-at']))).toBeLessThan(
				Date.parse(String(first.headers['x-shopify-triggered-at'])),
			);
		});

		it('out-of-order: an older state follows the newer one', async () => {
			await subscribe(handle, 'PRODUCTS_UPDATE', receiver.url);
			await emit({ topic: 'products/update', id: '7001', mode: 'out-of-order' });
			const [newer, older] = await receiver.waitFor(2);
			expect(body(newer).updated_at).toBe('2026-02-01T13:00:00+01:00');
			expect(body(older).updated_at).toBe('2026-02-01T12:00:00+01:00');
			expect(Date.parse(String(older.headers['x-shopify-triggered-at']))).toBeLessThan(
				Date.parse(String(newer.headers['x-shopify-triggered-at'])),
			);
		});

		it('retried: a second attempt with the same event id and triggered-at', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await emit({ topic: 'orders/create', id: '5001', mode: 'retried' });
			const [attempt1, attempt2] = response.data.deliveries;
			expect(attempt1).toMatchObject({ attempt: 1, status: 200 });
			expect(attempt1.error).toContain('treated as failed');
			expect(attempt2).toMatchObject({ attempt: 2, status: 200 });
			expect(attempt2.error).toBeUndefined();
			const [first, second] = await receiver.waitFor(2);
			expect(first.headers['x-shopify-event-id']).toBe(second.headers['x-shopify-event-id']);
			expect(first.headers['x-shopify-triggered-at']).toBe(
				second.headers['x-shopify-triggered-at'],
			);
			expect(first.headers['x-shopify-webhook-id']).toBe(second.headers['x-shopify-webhook-id']);
			expect(first.raw.equals(second.raw)).toBe(true);
		});

		it('retried: a new webhook id per attempt when configured', async () => {
			await handle.http.patch('/_simulator/settings', { webhookIdPerAttempt: true });
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await emit({ topic: 'orders/create', id: '5001', mode: 'retried' });
			const [first, second] = await receiver.waitFor(2);
			expect(first.headers['x-shopify-event-id']).toBe(second.headers['x-shopify-event-id']);
			expect(first.headers['x-shopify-webhook-id']).not.toBe(
				second.headers['x-shopify-webhook-id'],
			);
		});

		it('forged: a wrong signature', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await emit({ topic: 'orders/create', id: '5001', mode: 'forged' });
			const [delivery] = await receiver.waitFor(1);
			const signature = delivery.headers['x-shopify-hmac-sha256'];
			expect(typeof signature).toBe('string');
			expect(signature).not.toBe(hmac(delivery.raw, DEMO_APP.clientSecret));
		});

		it('unsigned: no signature header', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await emit({ topic: 'orders/create', id: '5001', mode: 'unsigned' });
			const [delivery] = await receiver.waitFor(1);
			expect(delivery.headers['x-shopify-hmac-sha256']).toBeUndefined();
			expect(delivery.headers['x-shopify-topic']).toBe('orders/create');
		});
	});

	describe('delivery failures', () => {
		it('records a timeout', async () => {
			await handle.http.patch('/_simulator/settings', { deliveryTimeoutMs: 300 });
			receiver.delayMs = 1500;
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await emit({ topic: 'orders/create', id: '5001' });
			const [result] = response.data.deliveries;
			expect(result.status).toBeNull();
			expect(result.error).toBe('timed out after 300 ms');
			expect(result.latencyMs).toBeGreaterThanOrEqual(290);
			expect(result.latencyMs).toBeLessThan(1500);
			const log = await handle.http.get('/_simulator/webhooks/deliveries');
			expect(log.data.deliveries.at(-1)).toMatchObject({
				topic: 'orders/create',
				status: null,
				error: 'timed out after 300 ms',
			});
		});

		it('records a refused connection', async () => {
			const closed = await startReceiver();
			const url = closed.url;
			await closed.close();
			await subscribe(handle, 'ORDERS_CREATE', url);
			const response = await emit({ topic: 'orders/create', id: '5001' });
			expect(response.data.deliveries[0].status).toBeNull();
			expect(response.data.deliveries[0].error).toContain('ECONNREFUSED');
			expect(handle.logs.some((line) => line.includes('ECONNREFUSED'))).toBe(true);
		});

		it('records an error status and retries with the same event id', async () => {
			await handle.http.patch('/_simulator/settings', {
				deliveryMaxRetries: 2,
				deliveryRetryDelayMs: 10,
			});
			receiver.status = 500;
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			const response = await emit({ topic: 'orders/create', id: '5001' });
			expect(response.data.deliveries.map((entry: Json) => [entry.attempt, entry.status])).toEqual([
				[1, 500],
				[2, 500],
				[3, 500],
			]);
			expect(response.data.deliveries[0].error).toBe('receiver answered HTTP 500');
			const deliveries = await receiver.waitFor(3);
			expect(
				new Set(deliveries.map((delivery) => delivery.headers['x-shopify-event-id'])).size,
			).toBe(1);
		});
	});

	describe('automatic webhooks', () => {
		it('emits refunds/create and orders/updated after refundCreate when autoEmit is on', async () => {
			await handle.http.patch('/_simulator/settings', { autoEmit: true });
			await subscribe(handle, 'REFUNDS_CREATE', `${receiver.url}/refunds`);
			await subscribe(handle, 'ORDERS_UPDATED', `${receiver.url}/orders`);
			const response = await handle.gql<Json>(
				`mutation { refundCreate(input: { orderId: "gid://shopify/Order/5001", shipping: { fullRefund: true } }) { refund { legacyResourceId } userErrors { message } } }`,
			);
			const refundId = Number(response.data.data?.refundCreate.refund.legacyResourceId);
			const deliveries = await receiver.waitFor(2);
			const refund = deliveries.find((delivery) => delivery.path === '/refunds')!;
			const order = deliveries.find((delivery) => delivery.path === '/orders')!;
			expect(body(refund).id).toBe(refundId);
			expect(body(refund).refund_line_items).toEqual([]);
			expect(body(order).refunds.map((entry: Json) => entry.id)).toContain(refundId);
		});

		it('emits returns/approve, returns/close and products/update', async () => {
			await handle.http.patch('/_simulator/settings', { autoEmit: true });
			await subscribe(handle, 'RETURNS_APPROVE', `${receiver.url}/approve`);
			await subscribe(handle, 'RETURNS_CLOSE', `${receiver.url}/close`);
			await subscribe(handle, 'PRODUCTS_UPDATE', `${receiver.url}/products`);
			await handle.gql(
				'mutation { returnApproveRequest(input: { id: "gid://shopify/Return/9203" }) { userErrors { message } } }',
			);
			await handle.gql(
				'mutation { returnClose(id: "gid://shopify/Return/9202") { userErrors { message } } }',
			);
			await handle.gql(
				'mutation { metafieldsSet(metafields: [{ ownerId: "gid://shopify/Product/7003", namespace: "ot_archive", key: "manual", type: "url", value: "https://otcs.example.test/1" }]) { userErrors { message } } }',
			);
			const deliveries = await receiver.waitFor(3);
			const byPath = Object.fromEntries(
				deliveries.map((delivery) => [delivery.path, body(delivery)]),
			);
			expect(byPath['/approve']).toMatchObject({ id: 9203, status: 'open' });
			expect(byPath['/close']).toMatchObject({ id: 9202, status: 'closed' });
			expect(byPath['/products']).toMatchObject({ id: 7003 });
		});

		it('stays silent when autoEmit is off', async () => {
			await subscribe(handle, 'PRODUCTS_UPDATE', receiver.url);
			await handle.gql(
				'mutation { productUpdate(product: { id: "gid://shopify/Product/7002", descriptionHtml: "<p>x</p>" }) { userErrors { message } } }',
			);
			await new Promise((resolve) => setTimeout(resolve, 200));
			expect(receiver.deliveries).toHaveLength(0);
		});
	});

	describe('emit API errors', () => {
		it.each([
			[{ id: '5001' }, 400, '"topic" is missing'],
			[{ topic: 'orders/nope', id: '5001' }, 400, 'Topic "orders/nope" is not supported'],
			[{ topic: 'orders/create' }, 400, 'Give "id"'],
			[{ topic: 'orders/create', id: '42' }, 404, 'No order with id 42'],
			[
				{ topic: 'orders/create', id: 'gid://shopify/Product/7001' },
				404,
				'No order with id gid://shopify/Product/7001',
			],
			[{ topic: 'orders/create', id: '5001', mode: 'sideways' }, 400, 'Mode "sideways" is unknown'],
		])('rejects %j', async (request, status, fragment) => {
			const response = await emit(request);
			expect(response.status).toBe(status);
			expect(response.data.error).toContain(fragment);
		});

		it('returns no deliveries when nothing subscribes', async () => {
			const response = await emit({ topic: 'orders/create', id: '5001' });
			expect(response.status).toBe(200);
			expect(response.data).toEqual({ deliveries: [], filteredOut: [] });
		});

		it('forgets subscriptions on reset', async () => {
			await subscribe(handle, 'ORDERS_CREATE', receiver.url);
			await handle.http.post('/_simulator/reset');
			const response = await emit({ topic: 'orders/create', id: '5001' });
			expect(response.data.deliveries).toEqual([]);
		});
	});
});
