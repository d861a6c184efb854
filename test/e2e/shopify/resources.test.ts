import { getStack } from '../support';
import {
	actionWorkflow,
	adminGraphql,
	control,
	createCredential,
	locator,
	runAction,
} from './helpers';

const stack = getStack();
let credential: { id: string; name: string };

const SDS = 'https://otcs.example.com/otcs/cs.exe/app/nodes/101';
const MANUAL = 'https://otcs.example.com/otcs/cs.exe/app/nodes/102';
const SHOE = 'gid://shopify/Product/7001';
const SOCKS = 'gid://shopify/Product/7002';
const MERCHANT_DESCRIPTION = '<p>Cushioned merino socks for long days on the trail.</p>';
const CARE_GUIDE = 'https://docs.example.test/care/trail-runner-shoe.pdf';

beforeAll(async () => {
	await control(stack, 'POST', 'reset');
	credential = await createCredential(stack, 'Shopify resources test');
});

interface ProductState {
	descriptionHtml: string;
	documents: { type: string; value: string } | null;
}

async function productState(
	id = SOCKS,
	namespace = 'custom',
	key = 'documents',
): Promise<ProductState> {
	const data = await adminGraphql<{ product: ProductState }>(
		stack,
		'query ($id: ID!, $ns: String!, $key: String!) { product(id: $id) { descriptionHtml documents: metafield(namespace: $ns, key: $key) { type value } } }',
		{ id, ns: namespace, key },
	);
	return data.product;
}

describe('Product', () => {
	it('gets a product with variants and metafields', async () => {
		const workflow = actionWorkflow(
			'shopify product get',
			{ resource: 'product', operation: 'get', product: locator('id', '7001') },
			credential,
		);
		const [item] = (await runAction(stack, workflow)).items;
		expect(item.error).toBeUndefined();
		expect(item.json.title).toBe('Trail Runner Shoe');
		expect((item.json.variants as Array<{ sku: string }>).map((variant) => variant.sku)).toEqual([
			'TRS-42',
			'TRS-43',
			'TRS-44',
		]);
		expect((item.json.metafields as Record<string, string>)['custom.material']).toBe(
			'Recycled mesh',
		);
	});

	describe('document links', () => {
		const publish = () =>
			actionWorkflow(
				'shopify publish links',
				{
					resource: 'product',
					operation: 'publishDocumentLinks',
					product: locator('id', '={{ $json.product ?? "7002" }}'),
					linksInput: 'json',
					linksJson: '={{ JSON.stringify($json.links) }}',
					mode: '={{ $json.mode }}',
					metafieldType: '={{ $json.type ?? "list.url" }}',
					updateDescription: '={{ $json.description ?? false }}',
					descriptionHeading: 'Documents',
				},
				credential,
			);
		const remove = () =>
			actionWorkflow(
				'shopify remove links',
				{
					resource: 'product',
					operation: 'removeDocumentLinks',
					product: locator('id', SOCKS),
					removeAll: '={{ $json.removeAll ?? false }}',
					urls: '={{ $json.urls }}',
					updateDescription: true,
					descriptionHeading: 'Documents',
				},
				credential,
			);

		it('publishes links to a list.url metafield and the description, merging on repeat', async () => {
			const workflow = publish();
			const first = await runAction(stack, workflow, [
				{ mode: 'merge', description: true, links: [{ url: SDS, title: 'Safety data sheet' }] },
			]);
			expect(first.items[0].error).toBeUndefined();
			expect(first.items[0].json).toMatchObject({
				metafield: 'set',
				descriptionUpdated: true,
				added: 1,
			});

			let state = await productState();
			expect(state.documents).toEqual({ type: 'list.url', value: JSON.stringify([SDS]) });
			expect(state.descriptionHtml.startsWith(MERCHANT_DESCRIPTION)).toBe(true);
			expect(state.descriptionHtml).toContain('>Safety data sheet</a>');

			// The same link again and a new one: no duplicate, one block, merchant text kept.
			await runAction(stack, workflow, [
				{
					mode: 'merge',
					description: true,
					links: [
						{ url: SDS, title: 'Safety data sheet' },
						{ url: MANUAL, title: 'Manual' },
					],
				},
			]);
			state = await productState();
			expect(JSON.parse(state.documents?.value ?? '[]')).toEqual([SDS, MANUAL]);
			expect(state.descriptionHtml.split('n8n-document-links:start')).toHaveLength(2);
			expect(state.descriptionHtml.startsWith(MERCHANT_DESCRIPTION)).toBe(true);
			expect(state.descriptionHtml).toContain('>Manual</a>');
		});

		it('replaces the links in replace mode', async () => {
			await runAction(stack, publish(), [
				{ mode: 'replace', description: true, links: [{ url: MANUAL, title: 'Manual v2' }] },
			]);
			const state = await productState();
			expect(JSON.parse(state.documents?.value ?? '[]')).toEqual([MANUAL]);
			expect(state.descriptionHtml).not.toContain(SDS);
			expect(state.descriptionHtml).toContain('>Manual v2</a>');
		});

		it("surfaces Shopify's userErrors", async () => {
			// The metafield is list.url now; Shopify refuses to change the type of an existing one.
			const [item] = (
				await runAction(stack, publish(), [{ mode: 'replace', type: 'url', links: [{ url: SDS }] }])
			).items;
			expect(item.error).toMatch(
				/^Shopify rejected metafieldsSet: field metafields\.0\.type: Type "url" does not match the existing metafield's type "list\.url".* \[item 0\]$/,
			);
			expect(JSON.parse((await productState()).documents?.value ?? '[]')).toEqual([MANUAL]);
		});

		it('rejects a link that is not an http URL before calling Shopify', async () => {
			const [item] = (
				await runAction(stack, publish(), [
					{ mode: 'merge', links: [{ url: 'javascript:alert(1)' }] },
				])
			).items;
			expect(item.error).toBe(
				'Links (JSON) [0]: "javascript:alert(1)" is not an http or https URL [item 0]',
			);
		});

		it('merges into an existing json metafield and keeps its further fields', async () => {
			const workflow = publish();
			const [item] = (
				await runAction(stack, workflow, [
					{
						product: '7001',
						mode: 'merge',
						type: 'json',
						links: [
							{ url: CARE_GUIDE, title: 'Care guide (2026)' },
							{ url: SDS, title: 'Safety data sheet', docType: 'sds' },
						],
					},
				])
			).items;
			expect(item.error).toBeUndefined();
			const state = await productState(SHOE);
			expect(state.documents?.type).toBe('json');
			expect(JSON.parse(state.documents?.value ?? '[]')).toEqual([
				{
					title: 'Care guide (2026)',
					url: CARE_GUIDE,
					docType: 'care-guide',
					approvedAt: '2026-01-20T09:00:00Z',
				},
				{ title: 'Safety data sheet', url: SDS, docType: 'sds' },
			]);
		});

		it('refuses to write links into a metafield of another kind', async () => {
			const workflow = actionWorkflow(
				'shopify publish into text metafield',
				{
					resource: 'product',
					operation: 'publishDocumentLinks',
					product: locator('id', SHOE),
					linksInput: 'json',
					linksJson: JSON.stringify([SDS]),
					mode: 'merge',
					namespace: 'custom',
					key: 'material',
				},
				credential,
			);
			const [item] = (await runAction(stack, workflow)).items;
			expect(item.error).toBe(
				'Metafield Key: The metafield custom.material of this product has the type single_line_text_field, not list.url [item 0]',
			);
		});

		it('publishes links entered as fields to a single url metafield', async () => {
			const workflow = actionWorkflow(
				'shopify publish link fields',
				{
					resource: 'product',
					operation: 'publishDocumentLinks',
					product: locator('list', SOCKS),
					links: { link: [{ url: '={{ $json.url }}', title: 'Certificate' }] },
					mode: 'replace',
					namespace: 'custom',
					key: 'certificate',
					metafieldType: 'url',
				},
				credential,
			);
			const [item] = (await runAction(stack, workflow, [{ url: SDS }])).items;
			expect(item.json).toMatchObject({
				metafield: 'set',
				type: 'url',
				links: [{ url: SDS, title: 'Certificate' }],
			});
			expect((await productState(SOCKS, 'custom', 'certificate')).documents).toEqual({
				type: 'url',
				value: SDS,
			});
		});

		it('removes withdrawn links and finally the metafield and the block', async () => {
			const workflow = remove();
			await runAction(stack, publish(), [
				{ mode: 'merge', description: true, links: [{ url: SDS, title: 'Safety data sheet' }] },
			]);
			const [partial] = (await runAction(stack, workflow, [{ urls: MANUAL }])).items;
			expect(partial.json).toMatchObject({ removed: [MANUAL], metafield: 'set' });
			let state = await productState();
			expect(JSON.parse(state.documents?.value ?? '[]')).toEqual([SDS]);
			expect(state.descriptionHtml).not.toContain(MANUAL);

			const [all] = (await runAction(stack, workflow, [{ removeAll: true }])).items;
			expect(all.json).toMatchObject({ removed: [SDS], metafield: 'deleted' });
			state = await productState();
			expect(state.documents).toBeNull();
			expect(state.descriptionHtml).toBe(MERCHANT_DESCRIPTION);
		});
	});
});

describe('Return', () => {
	it('gets a return by id and the returns of an order', async () => {
		const get = actionWorkflow(
			'shopify return get',
			{ resource: 'return', operation: 'get', return: locator('id', '={{ $json.id }}') },
			credential,
		);
		const [closed] = (await runAction(stack, get, [{ id: 'gid://shopify/Return/9201' }])).items;
		expect(closed.json).toMatchObject({ name: '#1007-R1', status: 'CLOSED', orderName: '#1007' });
		expect((closed.json.lineItems as Array<Record<string, unknown>>)[0]).toMatchObject({
			lineItemId: 'gid://shopify/LineItem/17001',
			returnReason: 'SIZE_TOO_SMALL',
		});
		expect((closed.json.refunds as Array<{ id: string }>).map((refund) => refund.id)).toEqual([
			'gid://shopify/Refund/9301',
		]);

		const many = actionWorkflow(
			'shopify return get many',
			{
				resource: 'return',
				operation: 'getMany',
				order: locator('name', '#1007'),
				returnAll: true,
			},
			credential,
		);
		const result = await runAction(stack, many);
		expect(result.items.map((item) => item.json.status).sort()).toEqual([
			'CLOSED',
			'OPEN',
			'REQUESTED',
		]);
	});
});

describe('Refund', () => {
	it('gets a refund and the refunds of an order', async () => {
		const get = actionWorkflow(
			'shopify refund get',
			{ resource: 'refund', operation: 'get', refundId: '={{ $json.id }}' },
			credential,
		);
		const [shippingOnly] = (await runAction(stack, get, [{ id: '9302' }])).items;
		expect(shippingOnly.json).toMatchObject({
			id: 'gid://shopify/Refund/9302',
			lineItems: [],
			note: 'Late delivery: shipping refunded',
		});
		expect((shippingOnly.json.shipping as Array<{ title: string }>)[0].title).toBe('DHL Paket');

		const many = actionWorkflow(
			'shopify refund get many',
			{ resource: 'refund', operation: 'getMany', order: locator('id', '5007'), returnAll: true },
			credential,
		);
		const result = await runAction(stack, many);
		expect(result.items.map((item) => item.json.legacyResourceId).sort()).toEqual(['9301', '9302']);
	});
});

describe('Transaction', () => {
	it('gets a transaction and the transactions of an order', async () => {
		const get = actionWorkflow(
			'shopify transaction get',
			{ resource: 'transaction', operation: 'get', transactionId: '9502' },
			credential,
		);
		const [capture] = (await runAction(stack, get)).items;
		expect(capture.json).toMatchObject({
			id: 'gid://shopify/OrderTransaction/9502',
			kind: 'CAPTURE',
			status: 'SUCCESS',
			parentTransactionId: 'gid://shopify/OrderTransaction/9501',
		});

		const many = actionWorkflow(
			'shopify transaction get many',
			{
				resource: 'transaction',
				operation: 'getMany',
				order: locator('id', '5002'),
				returnAll: false,
				limit: 10,
			},
			credential,
		);
		const result = await runAction(stack, many);
		expect(
			result.items.map((item) => [item.json.kind, item.json.status, item.json.errorCode]),
		).toEqual([
			['SALE', 'FAILURE', 'CARD_DECLINED'],
			['SALE', 'SUCCESS', null],
		]);

		// Return All must stay within the cost limit of a single query.
		const all = actionWorkflow(
			'shopify transaction get all',
			{
				resource: 'transaction',
				operation: 'getMany',
				order: locator('id', '5001'),
				returnAll: true,
			},
			credential,
		);
		const allResult = await runAction(stack, all);
		expect(allResult.items.map((item) => item.error)).not.toContainEqual(expect.any(String));
		expect(allResult.items.map((item) => item.json.id)).toEqual(
			expect.arrayContaining(['gid://shopify/OrderTransaction/9502']),
		);
	});
});

describe('Customer', () => {
	it('gets a customer', async () => {
		const workflow = actionWorkflow(
			'shopify customer get',
			{
				resource: 'customer',
				operation: 'get',
				customer: locator('url', 'https://admin.shopify.com/store/demo-shop/customers/6001'),
			},
			credential,
		);
		const [item] = (await runAction(stack, workflow)).items;
		expect(item.json).toMatchObject({
			id: 'gid://shopify/Customer/6001',
			displayName: 'Anna Becker',
		});
	});
});

describe('Custom Query', () => {
	it('runs a query with variables and returns the cost on request', async () => {
		const workflow = actionWorkflow(
			'shopify custom query',
			{
				resource: 'customQuery',
				operation: 'execute',
				query: 'query ($id: ID!) { order(id: $id) { name legacyResourceId } }',
				variables: '={{ JSON.stringify({ id: $json.id }) }}',
				options: { includeCost: true },
			},
			credential,
		);
		const [item] = (
			await runAction(stack, workflow, [{ id: 'gid://shopify/Order/820982911946154508' }])
		).items;
		expect(item.json.order).toEqual({ name: '#1005', legacyResourceId: '820982911946154508' });
		expect((item.json._cost as { requestedQueryCost: number }).requestedQueryCost).toBeGreaterThan(
			0,
		);
	});

	it("reports Shopify's GraphQL error with its path", async () => {
		const workflow = actionWorkflow(
			'shopify custom query error',
			{
				resource: 'customQuery',
				operation: 'execute',
				query: '{ shop { nameX } }',
				variables: '{}',
			},
			credential,
		);
		const [item] = (await runAction(stack, workflow)).items;
		expect(item.error).toMatch(
			/^Shopify returned an error for "anonymous": Field 'nameX' doesn't exist on type 'Shop'.* \[item 0\]$/,
		);
	});

	it('rejects variables that are not JSON', async () => {
		const workflow = actionWorkflow(
			'shopify custom query variables',
			{
				resource: 'customQuery',
				operation: 'execute',
				query: '{ shop { name } }',
				variables: '{ id: 1',
			},
			credential,
		);
		const [item] = (await runAction(stack, workflow)).items;
		expect(item.error).toMatch(/^Variables: The variables are not valid JSON: .* \[item 0\]$/);
	});
});
