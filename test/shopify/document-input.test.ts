import type { IDataObject, IN8nHttpFullResponse, Logger } from 'n8n-workflow';

import { renderOrderDocument } from '../../nodes/ShopifyGraphqlAdmin/documents/render';
import { validateInput } from '../../nodes/ShopifyGraphqlAdmin/documents/validate';
import { SHOP_GET } from '../../nodes/ShopifyGraphqlAdmin/graphql/catalog';
import { LINE_ITEM_PAGE_SIZE } from '../../nodes/ShopifyGraphqlAdmin/graphql/orders';
import { toOrderDocumentInput } from '../../nodes/ShopifyGraphqlAdmin/helpers/documentInput';
import { loadOrder } from '../../nodes/ShopifyGraphqlAdmin/helpers/orderLoader';
import type { LoadedOrder, ShopNode } from '../../nodes/ShopifyGraphqlAdmin/helpers/types';
import { ShopifyClient } from '../../nodes/ShopifyGraphqlAdmin/transport/client';
import { startShopifySimulator, type RunningShopifySimulator } from '../../simulators/shopify';

/**
 * Maps seed orders of the Shopify simulator, read over loopback HTTP with the node's own
 * queries, to the renderer's input.
 */
jest.setTimeout(60_000);

let simulator: RunningShopifySimulator;
let client: ShopifyClient;
let shop: ShopNode;
/** Requests that returned data, i.e. not counting throttled attempts. */
let answeredRequests = 0;

const silent = {
	warn: () => undefined,
	info: () => undefined,
	debug: () => undefined,
	error: () => undefined,
} as unknown as Logger;

beforeAll(async () => {
	// Shopify Plus restores 1,000 cost points per second; the default 100 would make the
	// 260-line order wait about a minute for the cost bucket.
	simulator = await startShopifySimulator({ port: 0, settings: { costRestoreRate: 1000 } });
	client = new ShopifyClient({
		shop: { handle: 'demo-shop', domain: 'demo-shop.myshopify.com', origin: simulator.url },
		apiVersion: '2026-10',
		nodeName: 'test',
		logger: silent,
		sleep: async (milliseconds) =>
			await new Promise((resolve) => setTimeout(resolve, milliseconds)),
		invalidateSession: () => undefined,
		send: async (body: IDataObject) => {
			const response = await fetch(`${simulator.url}/admin/api/2026-10/graphql.json`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-shopify-access-token': 'shpat_demo_token',
				},
				body: JSON.stringify(body),
			});
			const headers: IDataObject = {};
			response.headers.forEach((value, name) => (headers[name] = value));
			const payload = (await response.json()) as IDataObject;
			if (payload.data) answeredRequests++;
			return { statusCode: response.status, headers, body: payload } as IN8nHttpFullResponse;
		},
	});
	shop = (await client.query<{ shop: ShopNode }>({ query: SHOP_GET })).shop;
});

afterAll(async () => {
	await simulator.close();
});

async function load(id: string): Promise<LoadedOrder> {
	const order = await loadOrder(client, `gid://shopify/Order/${id}`, {
		namespace: 'shipping',
		key: 'label_url',
	});
	if (!order) throw new Error(`Seed order ${id} is missing`);
	return order;
}

describe('toOrderDocumentInput', () => {
	it('maps the shop', async () => {
		const input = toOrderDocumentInput(await load('5001'), shop);
		expect(input.shop.name).toBe('Demo Shop');
		expect(input.shop.domain).toBe('demo-shop.myshopify.com');
		expect(input.shop.address?.company).toBe('Demo Shop GmbH');
		expect(input.shop.address?.city).toBe('Berlin');
	});

	it('maps a guest order without customer and addresses', async () => {
		const input = toOrderDocumentInput(await load('5002'), shop);
		expect(input.order.name).toBe('#1002');
		expect(input.order.customer).toBeNull();
		expect(input.order.billingAddress).toBeNull();
		expect(input.order.shippingAddress).toBeNull();
		expect(input.order.email).toBeNull();
		expect(input.order.shippingLines).toEqual([]);
		expect(input.order.lineItems).toHaveLength(1);
		expect(input.refunds).toEqual([]);
		expect(() => validateInput(input)).not.toThrow();
	});

	it('reads all 260 line items of the wholesale order page by page', async () => {
		const before = answeredRequests;
		const input = toOrderDocumentInput(await load('5004'), shop);
		expect(input.order.lineItems).toHaveLength(260);
		// One request for the order, one per page of line items.
		expect(answeredRequests - before).toBe(1 + Math.ceil(260 / LINE_ITEM_PAGE_SIZE));
		expect(new Set(input.order.lineItems.map((item) => item.sku)).size).toBeGreaterThan(1);
		const quantities = input.order.lineItems.map((item) => item.quantity);
		expect(quantities.slice(0, 4)).toEqual([1, 2, 3, 1]);
		expect(input.order.total).toEqual({
			amount: expect.stringMatching(/^33381\.50?$/),
			currencyCode: 'EUR',
		});
		expect(() => validateInput(input)).not.toThrow();
	});

	it('maps a shipping-only refund with no line items', async () => {
		const input = toOrderDocumentInput(await load('5007'), shop);
		const shippingOnly = input.refunds.find((refund) => refund.legacyResourceId === '9302');
		expect(shippingOnly).toBeDefined();
		expect(shippingOnly?.lineItems).toEqual([]);
		expect(Number(shippingOnly?.shipping?.amount)).toBeCloseTo(5.9, 2);
		expect(Number(shippingOnly?.totalTax?.amount)).toBeCloseTo(0.94, 2);
		expect(Number(shippingOnly?.total.amount)).toBeCloseTo(5.9, 2);
		expect(shippingOnly?.note).toBe('Late delivery: shipping refunded');

		const lineRefund = input.refunds.find((refund) => refund.legacyResourceId === '9301');
		expect(lineRefund?.lineItems).toEqual([
			{
				title: 'Trail Runner Shoe',
				sku: 'TRS-43',
				quantity: 1,
				subtotal: { amount: expect.stringMatching(/^129\.90?$/), currencyCode: 'EUR' },
			},
		]);
		expect(lineRefund?.shipping).toBeNull();
		expect(() => validateInput(input)).not.toThrow();
	});

	it('computes line totals and discount amounts exactly', async () => {
		const input = toOrderDocumentInput(await load('5001'), shop);
		const [shoe, socks] = input.order.lineItems;
		for (const item of [shoe, socks]) {
			const expected =
				Number(item.unitPrice.amount) * item.quantity - Number(item.totalDiscount?.amount ?? 0);
			expect(Number(item.total.amount)).toBeCloseTo(expected, 2);
		}
		expect(input.order.discounts).toHaveLength(1);
		expect(input.order.discounts[0].title).toBe('WELCOME10');
		expect(Number(input.order.discounts[0].amount.amount)).toBeCloseTo(15.97, 2);
		expect(input.order.taxesIncluded).toBe(true);
	});

	it('keeps the 64-bit order id exact', async () => {
		const input = toOrderDocumentInput(await load('820982911946154508'), shop);
		expect(input.order.legacyResourceId).toBe('820982911946154508');
		expect(input.order.id).toBe('gid://shopify/Order/820982911946154508');
	});

	it('uses presentment money when asked', async () => {
		const input = toOrderDocumentInput(await load('5001'), shop, 'presentment');
		expect(input.order.currencyCode).toBe(input.order.total.currencyCode);
		expect(() => validateInput(input)).not.toThrow();
	});

	it('renders a credit note for the shipping-only refund', async () => {
		const input = toOrderDocumentInput(await load('5007'), shop);
		const pdf = await renderOrderDocument('creditNote', input, {
			refundId: 'gid://shopify/Refund/9302',
		});
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('reads the shipping-label URL from the order metafield', async () => {
		const order = await load('5001');
		expect(order.shippingLabelUrl).toBe(`${simulator.url}/cdn/shipping-labels/8001.pdf`);
		expect((await load('5002')).shippingLabelUrl).toBeNull();
	});
});
