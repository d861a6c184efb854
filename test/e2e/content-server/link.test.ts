import { byId, byPath, createHarness, uniqueName, type Harness } from './harness';

let harness: Harness;
let documentId: number;

beforeAll(async () => {
	harness = await createHarness('link');
	const file = harness.writeFile('order-1001.pdf', '%PDF order');
	const result = await harness.run(
		{
			resource: 'document',
			operation: 'upload',
			binaryPropertyName: 'data',
			folder: byId(harness.folder.id),
		},
		[{ filePath: file }],
		{ binaryInput: true },
	);
	documentId = Number(result.items[0].json.id);
});

describe('Link → Create Shortcut', () => {
	it('creates a shortcut named after the original', async () => {
		const target = await harness.rest.createFolder(harness.folder.id, uniqueName('customer'));
		const result = await harness.run(
			{
				resource: 'link',
				operation: 'createShortcut',
				originalItem: byId(documentId),
				folder: byId(target.id),
			},
			[{}],
		);
		expect(result.items[0].error).toBeUndefined();
		const shortcut = await harness.rest.child(target.id, 'order-1001.pdf');
		expect(shortcut).toMatchObject({
			type: 1,
			original_id: documentId,
			id: result.items[0].json.id,
		});
	});

	it('skips an existing shortcut with policy Skip', async () => {
		const target = await harness.rest.createFolder(harness.folder.id, uniqueName('skip'));
		const parameters = {
			resource: 'link',
			operation: 'createShortcut',
			originalItem: byPath(`Enterprise:${harness.folder.name}/order-1001.pdf`),
			folder: byId(target.id),
			name: 'Order 1001',
			onNameClash: 'skip',
		};
		const first = await harness.run(parameters, [{}]);
		const second = await harness.run(parameters, [{}]);
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, outcome: 'skipped' });
		expect(await harness.rest.children(target.id)).toHaveLength(1);
	});
});

describe('Link → Create URL', () => {
	it('creates a URL object for the Shopify admin page', async () => {
		const url = 'https://admin.shopify.com/store/demo-shop/orders/1001';
		const result = await harness.run(
			{
				resource: 'link',
				operation: 'createUrl',
				folder: byId(harness.folder.id),
				name: 'Order #1001 in Shopify',
				url,
			},
			[{}],
		);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ type: 140, url });
		expect(await harness.rest.child(harness.folder.id, 'Order #1001 in Shopify')).toMatchObject({
			type: 140,
			url,
		});
	});

	it('rejects an address without scheme', async () => {
		const result = await harness.run(
			{
				resource: 'link',
				operation: 'createUrl',
				folder: byId(harness.folder.id),
				name: 'Bad',
				url: 'admin.shopify.com/x',
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			'URL: "admin.shopify.com/x" is not an absolute web address [item 0]',
		);
	});
});
