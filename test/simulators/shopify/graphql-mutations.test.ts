import { startSimulator, type SimulatorHandle } from './helpers';

type Json = Record<string, any>;

const METAFIELDS_SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
	metafieldsSet(metafields: $metafields) {
		metafields { id namespace key type value compareDigest }
		userErrors { field message code elementIndex }
	}
}`;

const PRODUCT_ID = 'gid://shopify/Product/7002';

describe('Shopify simulator GraphQL mutations', () => {
	let handle: SimulatorHandle;

	const run = async (text: string, variables?: Record<string, unknown>): Promise<Json> => {
		const response = await handle.gql<Json>(text, variables);
		expect(response.status).toBe(200);
		if (response.data.errors) throw new Error(JSON.stringify(response.data.errors));
		return response.data.data as Json;
	};

	const setMetafields = async (metafields: Json[]) =>
		(await run(METAFIELDS_SET, { metafields })).metafieldsSet as Json;

	const productMetafields = async (id = PRODUCT_ID): Promise<Json[]> =>
		(
			await run(
				`{ product(id: "${id}") { metafields(first: 50) { nodes { namespace key type value } } } }`,
			)
		).product.metafields.nodes;

	beforeAll(async () => {
		handle = await startSimulator();
	});

	beforeEach(async () => {
		expect((await handle.http.post('/_simulator/reset')).status).toBe(200);
	});

	afterAll(async () => {
		await handle.close();
	});

	describe('productUpdate', () => {
		it('updates descriptionHtml', async () => {
			const data = await run(
				`mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id descriptionHtml updatedAt } userErrors { field message } } }`,
				{
					product: {
						id: PRODUCT_ID,
						descriptionHtml:
							'<p>Approved care guide: <a href="https://otcs.example.test/nodes/42">PDF</a></p>',
					},
				},
			);
			expect(data.productUpdate.userErrors).toEqual([]);
			expect(data.productUpdate.product.descriptionHtml).toBe(
				'<p>Approved care guide: <a href="https://otcs.example.test/nodes/42">PDF</a></p>',
			);
			const reread = await run(`{ product(id: "${PRODUCT_ID}") { descriptionHtml } }`);
			expect(reread.product.descriptionHtml).toContain('nodes/42');
		});

		it('reports a missing product', async () => {
			const data = await run(
				`mutation { productUpdate(product: { id: "gid://shopify/Product/1", descriptionHtml: "x" }) { product { id } userErrors { field message } } }`,
			);
			expect(data.productUpdate).toEqual({
				product: null,
				userErrors: [{ field: ['id'], message: 'Product does not exist' }],
			});
		});

		it('reports a taken handle', async () => {
			const data = await run(
				`mutation { productUpdate(product: { id: "${PRODUCT_ID}", handle: "trail-runner-shoe" }) { product { id } userErrors { field message } } }`,
			);
			expect(data.productUpdate.userErrors).toEqual([
				{
					field: ['handle'],
					message: "Handle 'trail-runner-shoe' already in use. Please provide a new handle.",
				},
			]);
		});

		it('rejects the input argument of older versions', async () => {
			const response = await handle.gql(
				`mutation { productUpdate(input: { id: "${PRODUCT_ID}" }) { product { id } } }`,
			);
			expect(response.data.errors?.[0].message).toBe(
				"Field 'productUpdate' doesn't accept argument 'input'",
			);
		});
	});

	describe('metafieldsSet', () => {
		it('creates url, list.url, json and text metafields', async () => {
			const result = await setMetafields([
				{
					ownerId: PRODUCT_ID,
					namespace: 'ot_archive',
					key: 'care_guide',
					type: 'url',
					value: 'https://otcs.example.test/nodes/1',
				},
				{
					ownerId: PRODUCT_ID,
					namespace: 'ot_archive',
					key: 'documents',
					type: 'list.url',
					value: JSON.stringify([
						'https://otcs.example.test/nodes/1',
						'http://otcs.example.test/nodes/2',
					]),
				},
				{
					ownerId: PRODUCT_ID,
					namespace: 'ot_archive',
					key: 'index',
					type: 'json',
					value: JSON.stringify([
						{ title: 'Datenblatt', url: 'https://otcs.example.test/nodes/1' },
					]),
				},
				{
					ownerId: PRODUCT_ID,
					namespace: 'ot_archive',
					key: 'summary',
					type: 'single_line_text_field',
					value: 'Geprüft ✓',
				},
			]);
			expect(result.userErrors).toEqual([]);
			expect(result.metafields.map((field: Json) => field.key)).toEqual([
				'care_guide',
				'documents',
				'index',
				'summary',
			]);
			expect(result.metafields[0].id).toMatch(/^gid:\/\/shopify\/Metafield\/\d+$/);
			const stored = await productMetafields();
			expect(stored).toHaveLength(4);
			expect(stored[1]).toEqual({
				namespace: 'ot_archive',
				key: 'documents',
				type: 'list.url',
				value: '["https://otcs.example.test/nodes/1","http://otcs.example.test/nodes/2"]',
			});
		});

		it('upserts an existing metafield and keeps its id', async () => {
			const before = await run(
				`{ product(id: "gid://shopify/Product/7001") { metafield(namespace: "custom", key: "manual_url") { id } } }`,
			);
			const result = await setMetafields([
				{
					ownerId: 'gid://shopify/Product/7001',
					namespace: 'custom',
					key: 'manual_url',
					value: 'https://otcs.example.test/nodes/99',
				},
			]);
			expect(result.userErrors).toEqual([]);
			expect(result.metafields[0].id).toBe(before.product.metafield.id);
			expect(result.metafields[0].type).toBe('url');
			expect(result.metafields[0].value).toBe('https://otcs.example.test/nodes/99');
		});

		it('uses the app namespace when none is given', async () => {
			const result = await setMetafields([
				{ ownerId: PRODUCT_ID, key: 'flag', type: 'boolean', value: 'true' },
			]);
			expect(result.metafields[0].namespace).toBe('app--900000001');
		});

		it.each([
			['url', 'ftp://otcs.example.test/file.pdf', 'uses the scheme ftp'],
			['url', 'not a url', 'is not an absolute URL'],
			['list.url', 'https://otcs.example.test/a', 'must be a JSON array'],
			['list.url', JSON.stringify(['https://ok.example.test', 'javascript:alert(1)']), 'entry 1'],
			['json', '{bad json', 'is not valid JSON'],
			['single_line_text_field', 'two\nlines', 'must not contain line breaks'],
			['number_integer', '1.5', 'must be an integer'],
		])('rejects %s value %j', async (type, value, fragment) => {
			const result = await setMetafields([
				{ ownerId: PRODUCT_ID, namespace: 'ot_archive', key: 'bad', type, value },
			]);
			expect(result.metafields).toEqual([]);
			expect(result.userErrors).toHaveLength(1);
			expect(result.userErrors[0].field).toEqual(['metafields', '0', 'value']);
			expect(result.userErrors[0].code).toBe('INVALID_VALUE');
			expect(result.userErrors[0].message).toContain(fragment);
		});

		it('is atomic: one invalid entry writes nothing', async () => {
			const result = await setMetafields([
				{
					ownerId: PRODUCT_ID,
					namespace: 'ot_archive',
					key: 'good',
					type: 'url',
					value: 'https://otcs.example.test/nodes/1',
				},
				{ ownerId: PRODUCT_ID, namespace: 'ot_archive', key: 'bad', type: 'url', value: 'nope' },
			]);
			expect(result.userErrors.map((error: Json) => error.elementIndex)).toEqual([1]);
			expect(await productMetafields()).toEqual([]);
		});

		it('rejects more than 25 metafields', async () => {
			const metafields = Array.from({ length: 26 }, (_, index) => ({
				ownerId: PRODUCT_ID,
				namespace: 'ot_archive',
				key: `key_${index}`,
				type: 'single_line_text_field',
				value: String(index),
			}));
			const result = await setMetafields(metafields);
			expect(result.userErrors).toHaveLength(1);
			expect(result.userErrors[0].code).toBe('LESS_THAN_OR_EQUAL_TO');
			expect(result.userErrors[0].field).toEqual(['metafields']);
			expect(await productMetafields()).toEqual([]);
		});

		it('accepts exactly 25 metafields', async () => {
			const metafields = Array.from({ length: 25 }, (_, index) => ({
				ownerId: PRODUCT_ID,
				namespace: 'ot_archive',
				key: `key_${index}`,
				type: 'single_line_text_field',
				value: String(index),
			}));
			const result = await setMetafields(metafields);
			expect(result.userErrors).toEqual([]);
			expect(result.metafields).toHaveLength(25);
		});

		it('checks compareDigest', async () => {
			const current = await run(
				'{ product(id: "gid://shopify/Product/7001") { metafield(namespace: "custom", key: "documents") { compareDigest } } }',
			);
			const digest = current.product.metafield.compareDigest as string;
			const input = {
				ownerId: 'gid://shopify/Product/7001',
				namespace: 'custom',
				key: 'documents',
				type: 'json',
			};

			const stale = await setMetafields([
				{ ...input, value: '[]', compareDigest: 'not-the-digest' },
			]);
			expect(stale.userErrors[0].code).toBe('STALE_OBJECT');
			expect(stale.userErrors[0].field).toEqual(['metafields', '0', 'compareDigest']);

			const mustNotExist = await setMetafields([{ ...input, value: '[]', compareDigest: null }]);
			expect(mustNotExist.userErrors[0].code).toBe('STALE_OBJECT');

			const fresh = await setMetafields([
				{ ...input, value: '[{"title":"v2"}]', compareDigest: digest },
			]);
			expect(fresh.userErrors).toEqual([]);
			expect(fresh.metafields[0].compareDigest).not.toBe(digest);

			const reused = await setMetafields([
				{ ...input, value: '[{"title":"v3"}]', compareDigest: digest },
			]);
			expect(reused.userErrors[0].code).toBe('STALE_OBJECT');

			const created = await setMetafields([
				{
					ownerId: PRODUCT_ID,
					namespace: 'ot_archive',
					key: 'new_one',
					type: 'url',
					value: 'https://a.example.test',
					compareDigest: null,
				},
			]);
			expect(created.userErrors).toEqual([]);
		});

		it('requires a type for a new metafield', async () => {
			const result = await setMetafields([
				{ ownerId: PRODUCT_ID, namespace: 'ot_archive', key: 'untyped', value: 'x' },
			]);
			expect(result.userErrors[0]).toMatchObject({
				field: ['metafields', '0', 'type'],
				code: 'BLANK',
			});
		});

		it('rejects a type change of an existing metafield', async () => {
			const result = await setMetafields([
				{
					ownerId: 'gid://shopify/Product/7001',
					namespace: 'custom',
					key: 'manual_url',
					type: 'json',
					value: '{}',
				},
			]);
			expect(result.userErrors[0]).toMatchObject({
				field: ['metafields', '0', 'type'],
				code: 'INVALID_TYPE',
			});
		});

		it('rejects an unknown owner', async () => {
			const result = await setMetafields([
				{
					ownerId: 'gid://shopify/Product/1',
					namespace: 'ot_archive',
					key: 'x1',
					type: 'url',
					value: 'https://a.example.test',
				},
			]);
			expect(result.userErrors[0]).toMatchObject({
				field: ['metafields', '0', 'ownerId'],
				code: 'INVALID',
			});
		});

		it('rejects short namespaces and keys', async () => {
			const result = await setMetafields([
				{
					ownerId: PRODUCT_ID,
					namespace: 'ab',
					key: 'key',
					type: 'url',
					value: 'https://a.example.test',
				},
				{
					ownerId: PRODUCT_ID,
					namespace: 'abc',
					key: 'k',
					type: 'url',
					value: 'https://a.example.test',
				},
			]);
			expect(result.userErrors.map((error: Json) => error.code)).toEqual([
				'TOO_SHORT',
				'TOO_SHORT',
			]);
		});

		it('writes order metafields too', async () => {
			const result = await setMetafields([
				{
					ownerId: 'gid://shopify/Order/820982911946154508',
					namespace: 'ot_archive',
					key: 'invoice',
					type: 'url',
					value: 'https://otcs.example.test/nodes/7',
				},
			]);
			expect(result.userErrors).toEqual([]);
			const data = await run(
				'{ order(id: "gid://shopify/Order/820982911946154508") { metafield(namespace: "ot_archive", key: "invoice") { value } } }',
			);
			expect(data.order.metafield.value).toBe('https://otcs.example.test/nodes/7');
		});
	});

	describe('metafieldsDelete', () => {
		it('deletes existing metafields and returns null for missing ones', async () => {
			const data = await run(`mutation {
				metafieldsDelete(metafields: [
					{ ownerId: "gid://shopify/Product/7001", namespace: "custom", key: "material" },
					{ ownerId: "gid://shopify/Product/7001", namespace: "custom", key: "never_there" }
				]) { deletedMetafields { ownerId namespace key } userErrors { field message } }
			}`);
			expect(data.metafieldsDelete.userErrors).toEqual([]);
			expect(data.metafieldsDelete.deletedMetafields).toEqual([
				{ ownerId: 'gid://shopify/Product/7001', namespace: 'custom', key: 'material' },
				null,
			]);
			const remaining = (await productMetafields('gid://shopify/Product/7001')).map(
				(field) => field.key,
			);
			expect(remaining).toEqual(['documents', 'manual_url']);
		});
	});

	describe('refundCreate', () => {
		const REFUND = `mutation Refund($input: RefundInput!) {
			refundCreate(input: $input) {
				refund { id legacyResourceId note totalRefundedSet { shopMoney { amount } } refundLineItems(first: 5) { nodes { quantity restockType subtotalSet { shopMoney { amount } } } } refundShippingLines(first: 5) { nodes { subtotalAmountSet { shopMoney { amount } } } } }
				order { displayFinancialStatus totalRefundedSet { shopMoney { amount } } }
				userErrors { field message }
			}
		}`;

		it('refunds a line item with money', async () => {
			const data = await run(REFUND, {
				input: {
					orderId: 'gid://shopify/Order/5001',
					note: 'Socks too small',
					refundLineItems: [
						{ lineItemId: 'gid://shopify/LineItem/11002', quantity: 1, restockType: 'RETURN' },
					],
					transactions: [
						{
							orderId: 'gid://shopify/Order/5001',
							parentId: 'gid://shopify/OrderTransaction/9502',
							amount: '13.41',
							gateway: 'shopify_payments',
							kind: 'REFUND',
						},
					],
				},
			});
			const result = data.refundCreate;
			expect(result.userErrors).toEqual([]);
			expect(result.refund.note).toBe('Socks too small');
			expect(result.refund.totalRefundedSet.shopMoney.amount).toBe('13.41');
			expect(result.refund.refundLineItems.nodes).toEqual([
				{ quantity: 1, restockType: 'RETURN', subtotalSet: { shopMoney: { amount: '13.41' } } },
			]);
			expect(result.order.displayFinancialStatus).toBe('PARTIALLY_REFUNDED');
			expect(result.order.totalRefundedSet.shopMoney.amount).toBe('13.41');

			const reread = await run(
				'{ refund(id: "' + result.refund.id + '") { order { refunds { id } } } }',
			);
			expect(reread.refund.order.refunds).toHaveLength(1);
		});

		it('refunds the full shipping without line items', async () => {
			const data = await run(REFUND, {
				input: {
					orderId: 'gid://shopify/Order/5001',
					shipping: { fullRefund: true },
					transactions: [
						{
							orderId: 'gid://shopify/Order/5001',
							parentId: 'gid://shopify/OrderTransaction/9502',
							amount: '4.90',
							gateway: 'shopify_payments',
							kind: 'REFUND',
						},
					],
				},
			});
			expect(data.refundCreate.userErrors).toEqual([]);
			expect(data.refundCreate.refund.refundLineItems.nodes).toEqual([]);
			expect(data.refundCreate.refund.refundShippingLines.nodes).toEqual([
				{ subtotalAmountSet: { shopMoney: { amount: '4.9' } } },
			]);
		});

		it('refunds everything and marks the order refunded', async () => {
			const data = await run(REFUND, {
				input: {
					orderId: 'gid://shopify/Order/5002',
					refundLineItems: [{ lineItemId: 'gid://shopify/LineItem/12001', quantity: 1 }],
					transactions: [
						{
							orderId: 'gid://shopify/Order/5002',
							parentId: 'gid://shopify/OrderTransaction/9504',
							amount: '34.50',
							gateway: 'shopify_payments',
							kind: 'REFUND',
						},
					],
				},
			});
			expect(data.refundCreate.userErrors).toEqual([]);
			expect(data.refundCreate.order.displayFinancialStatus).toBe('REFUNDED');
		});

		it('rejects a quantity above the refundable quantity', async () => {
			const data = await run(REFUND, {
				input: {
					orderId: 'gid://shopify/Order/5007',
					refundLineItems: [{ lineItemId: 'gid://shopify/LineItem/17001', quantity: 1 }],
				},
			});
			expect(data.refundCreate.refund).toBeNull();
			expect(data.refundCreate.userErrors).toHaveLength(1);
			expect(data.refundCreate.userErrors[0].field).toEqual(['refundLineItems', '0', 'quantity']);
			expect(data.refundCreate.userErrors[0].message).toContain('has 0 refundable, 1 requested');
		});

		it('rejects an amount above what the parent transaction still holds', async () => {
			const data = await run(REFUND, {
				input: {
					orderId: 'gid://shopify/Order/5007',
					transactions: [
						{
							orderId: 'gid://shopify/Order/5007',
							parentId: 'gid://shopify/OrderTransaction/9510',
							amount: '100.00',
							gateway: 'shopify_payments',
							kind: 'REFUND',
						},
					],
				},
			});
			expect(data.refundCreate.userErrors[0].field).toEqual(['transactions', '0', 'amount']);
			expect(data.refundCreate.userErrors[0].message).toContain('79.20 EUR still refundable');
		});

		it('rejects a transaction that is not a refund', async () => {
			const data = await run(REFUND, {
				input: {
					orderId: 'gid://shopify/Order/5001',
					transactions: [
						{
							orderId: 'gid://shopify/Order/5001',
							parentId: 'gid://shopify/OrderTransaction/9502',
							amount: '1.00',
							gateway: 'shopify_payments',
							kind: 'SALE',
						},
					],
				},
			});
			expect(data.refundCreate.userErrors[0].field).toEqual(['transactions', '0', 'kind']);
		});

		it('rejects a missing order', async () => {
			const data = await run(REFUND, { input: { orderId: 'gid://shopify/Order/1' } });
			expect(data.refundCreate.userErrors).toEqual([
				{ field: ['orderId'], message: 'Order gid://shopify/Order/1 does not exist.' },
			]);
		});
	});

	describe('returns', () => {
		const APPROVE = `mutation($id: ID!) { returnApproveRequest(input: { id: $id }) { return { status requestApprovedAt } userErrors { field message code } } }`;
		const DECLINE = `mutation($id: ID!) { returnDeclineRequest(input: { id: $id, declineReason: FINAL_SALE, declineNote: "Ausverkauf" }) { return { status decline { reason note } } userErrors { field message code } } }`;
		const CLOSE = `mutation($id: ID!) { returnClose(id: $id) { return { status closedAt } userErrors { field message code } } }`;

		it('approves a requested return', async () => {
			const data = await run(APPROVE, { id: 'gid://shopify/Return/9203' });
			expect(data.returnApproveRequest.userErrors).toEqual([]);
			expect(data.returnApproveRequest.return.status).toBe('OPEN');
			expect(data.returnApproveRequest.return.requestApprovedAt).toMatch(/Z$/);
		});

		it('refuses to approve an open return', async () => {
			const data = await run(APPROVE, { id: 'gid://shopify/Return/9202' });
			expect(data.returnApproveRequest.return).toBeNull();
			expect(data.returnApproveRequest.userErrors).toEqual([
				{
					field: ['id'],
					message:
						'Return #1007-R2 cannot be approved: its status is OPEN, and only returns with status REQUESTED can be.',
					code: 'INVALID_STATE',
				},
			]);
		});

		it('reports a missing return', async () => {
			const data = await run(APPROVE, { id: 'gid://shopify/Return/1' });
			expect(data.returnApproveRequest.userErrors[0].code).toBe('NOT_FOUND');
		});

		it('declines a requested return', async () => {
			const data = await run(DECLINE, { id: 'gid://shopify/Return/9203' });
			expect(data.returnDeclineRequest.userErrors).toEqual([]);
			expect(data.returnDeclineRequest.return).toEqual({
				status: 'DECLINED',
				decline: { reason: 'FINAL_SALE', note: 'Ausverkauf' },
			});
		});

		it('refuses to decline a closed return', async () => {
			const data = await run(DECLINE, { id: 'gid://shopify/Return/9201' });
			expect(data.returnDeclineRequest.userErrors[0].code).toBe('INVALID_STATE');
		});

		it('closes an open return', async () => {
			const data = await run(CLOSE, { id: 'gid://shopify/Return/9202' });
			expect(data.returnClose.userErrors).toEqual([]);
			expect(data.returnClose.return.status).toBe('CLOSED');
			expect(data.returnClose.return.closedAt).toMatch(/Z$/);
		});

		it('refuses to close a requested return', async () => {
			const data = await run(CLOSE, { id: 'gid://shopify/Return/9203' });
			expect(data.returnClose.userErrors[0]).toMatchObject({
				field: ['id'],
				code: 'INVALID_STATE',
			});
		});
	});

	describe('webhook subscriptions', () => {
		const CREATE = `mutation($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
			webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) {
				webhookSubscription { id legacyResourceId topic format uri includeFields apiVersion { handle } endpoint { __typename ... on WebhookHttpEndpoint { callbackUrl } } }
				userErrors { field message }
			}
		}`;

		it('creates, lists, updates and deletes a subscription', async () => {
			const created = await run(CREATE, {
				topic: 'ORDERS_CREATE',
				sub: { uri: 'http://127.0.0.1:9999/hooks/orders', format: 'JSON' },
			});
			const subscription = created.webhookSubscriptionCreate.webhookSubscription;
			expect(created.webhookSubscriptionCreate.userErrors).toEqual([]);
			expect(subscription).toMatchObject({
				topic: 'ORDERS_CREATE',
				format: 'JSON',
				uri: 'http://127.0.0.1:9999/hooks/orders',
				apiVersion: { handle: '2026-01' },
				endpoint: {
					__typename: 'WebhookHttpEndpoint',
					callbackUrl: 'http://127.0.0.1:9999/hooks/orders',
				},
			});
			await run(CREATE, {
				topic: 'REFUNDS_CREATE',
				sub: { uri: 'http://127.0.0.1:9999/hooks/refunds' },
			});

			const listed = await run(
				'{ webhookSubscriptions(first: 10, topics: [ORDERS_CREATE]) { nodes { id uri } } }',
			);
			expect(listed.webhookSubscriptions.nodes).toEqual([
				{ id: subscription.id, uri: 'http://127.0.0.1:9999/hooks/orders' },
			]);
			const all = await run('{ webhookSubscriptions(first: 10) { nodes { topic } } }');
			expect(all.webhookSubscriptions.nodes.map((node: Json) => node.topic)).toEqual([
				'ORDERS_CREATE',
				'REFUNDS_CREATE',
			]);

			const searched = await run(
				'{ webhookSubscriptions(first: 10, query: "topic:refunds/create") { nodes { topic } } }',
			);
			expect(searched.webhookSubscriptions.nodes).toEqual([{ topic: 'REFUNDS_CREATE' }]);

			const updated = await run(
				`mutation($id: ID!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { uri: "http://127.0.0.1:9999/hooks/v2" }) { webhookSubscription { uri } userErrors { field message } } }`,
				{ id: subscription.id },
			);
			expect(updated.webhookSubscriptionUpdate).toEqual({
				webhookSubscription: { uri: 'http://127.0.0.1:9999/hooks/v2' },
				userErrors: [],
			});

			const deleted = await run(
				`mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }`,
				{ id: subscription.id },
			);
			expect(deleted.webhookSubscriptionDelete).toEqual({
				deletedWebhookSubscriptionId: subscription.id,
				userErrors: [],
			});

			const again = await run(
				`mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } } }`,
				{ id: subscription.id },
			);
			expect(again.webhookSubscriptionDelete).toEqual({
				deletedWebhookSubscriptionId: null,
				userErrors: [{ field: ['id'], message: 'Webhook subscription does not exist' }],
			});
		});

		it('rejects the same address twice for one topic', async () => {
			const input = { topic: 'ORDERS_PAID', sub: { uri: 'http://127.0.0.1:9999/paid' } };
			await run(CREATE, input);
			const second = await run(CREATE, input);
			expect(second.webhookSubscriptionCreate).toEqual({
				webhookSubscription: null,
				userErrors: [
					{
						field: ['webhookSubscription', 'uri'],
						message: 'Address for this topic has already been taken',
					},
				],
			});
			const otherTopic = await run(CREATE, {
				topic: 'ORDERS_UPDATED',
				sub: { uri: 'http://127.0.0.1:9999/paid' },
			});
			expect(otherTopic.webhookSubscriptionCreate.userErrors).toEqual([]);
		});

		it('rejects a blank address', async () => {
			const data = await run(CREATE, { topic: 'ORDERS_PAID', sub: { uri: '' } });
			expect(data.webhookSubscriptionCreate.userErrors).toEqual([
				{ field: ['webhookSubscription', 'uri'], message: "Address can't be blank" },
			]);
		});

		it('rejects non-loopback hosts unless remote delivery is allowed', async () => {
			const data = await run(CREATE, {
				topic: 'ORDERS_PAID',
				sub: { uri: 'https://hooks.example.com/shopify' },
			});
			expect(data.webhookSubscriptionCreate.userErrors[0].message).toContain(
				'not a loopback address',
			);
		});

		it('rejects http addresses when https is required', async () => {
			await handle.http.patch('/_simulator/settings', { requireHttpsCallbacks: true });
			const data = await run(CREATE, {
				topic: 'ORDERS_PAID',
				sub: { uri: 'http://127.0.0.1:9999/x' },
			});
			expect(data.webhookSubscriptionCreate.userErrors).toEqual([
				{
					field: ['webhookSubscription', 'uri'],
					message: 'Address protocol http:// is not supported; use an https:// address',
				},
			]);
			const https = await run(CREATE, {
				topic: 'ORDERS_PAID',
				sub: { uri: 'https://127.0.0.1:9443/x' },
			});
			expect(https.webhookSubscriptionCreate.userErrors).toEqual([]);
		});
	});
});
