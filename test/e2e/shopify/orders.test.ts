import { getStack } from '../support';
import {
	actionWorkflow,
	control,
	createCredential,
	lastNodeOutput,
	locator,
	runAction,
} from './helpers';

const stack = getStack();
let credential: { id: string; name: string };

beforeAll(async () => {
	await control(stack, 'POST', 'reset');
	credential = await createCredential(stack, 'Shopify orders test');
});

describe('Order › Get', () => {
	const workflow = () =>
		actionWorkflow(
			'shopify order get',
			{
				resource: 'order',
				operation: 'get',
				order: locator('={{ $json.mode }}', '={{ $json.value }}'),
				simplify: '={{ $json.simplify ?? true }}',
			},
			credential,
		);
	let get: ReturnType<typeof workflow>;
	beforeAll(() => {
		get = workflow();
	});

	it('reads an order by numeric id, GID, name and admin URL', async () => {
		const result = await runAction(stack, get, [
			{ mode: 'id', value: '5001' },
			{ mode: 'id', value: 'gid://shopify/Order/5001' },
			{ mode: 'name', value: '#1001' },
			{ mode: 'name', value: '1001' },
			{ mode: 'url', value: 'https://admin.shopify.com/store/demo-shop/orders/5001' },
			{ mode: 'list', value: 'gid://shopify/Order/5001' },
		]);
		expect(result.items).toHaveLength(6);
		for (const item of result.items) {
			expect(item.error).toBeUndefined();
			expect(item.json.id).toBe('gid://shopify/Order/5001');
			expect(item.json.name).toBe('#1001');
		}
	});

	it('returns line items, transactions, fulfillments with tracking and the label URL', async () => {
		const [item] = (await runAction(stack, get, [{ mode: 'id', value: '5001' }])).items;
		const order = item.json as Record<string, any>;
		expect(order.lineItems.map((line: any) => line.sku)).toEqual(['TRS-42', expect.any(String)]);
		expect(order.transactions.map((transaction: any) => transaction.kind)).toEqual([
			'AUTHORIZATION',
			'CAPTURE',
		]);
		expect(order.fulfillments[0].tracking[0]).toEqual({
			company: 'DHL Express',
			number: '00340434161234567890',
			url: expect.stringContaining('00340434161234567890'),
		});
		expect(order.shippingLabelUrl).toBe(`${stack.shopifyUrl}/cdn/shipping-labels/8001.pdf`);
		expect(order.customer.displayName).toBe('Anna Becker');
	});

	it('reads all 260 line items of a large order', async () => {
		const [item] = (
			await runAction(stack, get, [{ mode: 'name', value: '#1004', simplify: false }])
		).items;
		const lineItems = item.json.lineItems as Array<{ id: string }>;
		expect(lineItems).toHaveLength(260);
		expect(new Set(lineItems.map((line) => line.id)).size).toBe(260);
		expect(lineItems[259].id).toBe('gid://shopify/LineItem/14260');
	});

	it('keeps a 64-bit order id exact', async () => {
		const [item] = (await runAction(stack, get, [{ mode: 'id', value: '820982911946154508' }]))
			.items;
		expect(item.json.legacyResourceId).toBe('820982911946154508');
		expect((item.json.lineItems as Array<{ id: string }>).map((line) => line.id)).toEqual([
			'gid://shopify/LineItem/866550311766439020',
			'gid://shopify/LineItem/141249953214522974',
		]);
	});

	it('includes refunds with their line items and returns in the raw output', async () => {
		const [item] = (await runAction(stack, get, [{ mode: 'id', value: '5007', simplify: false }]))
			.items;
		const refunds = item.json.refunds as Array<{
			legacyResourceId: string;
			refundLineItems: unknown[];
		}>;
		expect(refunds.map((refund) => refund.legacyResourceId).sort()).toEqual(['9301', '9302']);
		expect(refunds.find((refund) => refund.legacyResourceId === '9302')?.refundLineItems).toEqual(
			[],
		);
		expect(
			(item.json.returns as Array<{ name: string }>).map((entry) => entry.name).sort(),
		).toEqual(['#1007-R1', '#1007-R2', '#1007-R3']);
	});

	it('reports a missing order on its item, with pairedItem intact', async () => {
		const result = await runAction(stack, workflow(), [
			{ mode: 'id', value: '5001' },
			{ mode: 'id', value: '999999' },
			{ mode: 'name', value: '#9999' },
			{ mode: 'id', value: 'gid://shopify/Product/7001' },
		]);
		expect(result.items).toHaveLength(4);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[1].error).toBe(
			'Order: Order gid://shopify/Order/999999 was not found [item 1]',
		);
		expect(result.items[2].error).toBe('Order: No order named #9999 was found [item 2]');
		expect(result.items[3].error).toBe(
			'Order: "gid://shopify/Product/7001" is the ID of a Product, not of a Order [item 3]',
		);

		const output = await lastNodeOutput(stack, result.workflowId, 1);
		expect(output.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
	});
});

describe('Order › Get Many', () => {
	it("searches with Shopify's query syntax and a limit", async () => {
		const workflow = actionWorkflow(
			'shopify order search',
			{
				resource: 'order',
				operation: 'getMany',
				query: '={{ $json.query }}',
				returnAll: '={{ $json.returnAll }}',
				limit: '={{ $json.limit ?? 50 }}',
			},
			credential,
		);
		const tagged = await runAction(stack, workflow, [{ query: 'tag:wholesale', returnAll: true }]);
		expect(tagged.items.map((item) => item.json.name)).toEqual(['#1004']);

		const limited = await runAction(stack, workflow, [{ query: '', returnAll: false, limit: 3 }]);
		expect(limited.items).toHaveLength(3);

		const all = await runAction(stack, workflow, [{ query: '', returnAll: true }]);
		const names = all.items.map((item) => item.json.name as string);
		expect(names.sort()).toEqual(['#1001', '#1002', '#1003', '#1004', '#1005', '#1006', '#1007']);
	});
});
