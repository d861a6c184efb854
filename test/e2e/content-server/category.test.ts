import { byId, byPath, createHarness, fromList, type Harness } from './harness';

/** Seed categories of the simulator, as its README lists them. */
const SHOPIFY_ORDER = 2101;
const SHOPIFY_INVOICE = 2102;
const SUPPORT_CASE = 2103;
/** Seed user `kwalker`. */
const KIM_WALKER = 1002;

let harness: Harness;

async function newDocument(name: string): Promise<number> {
	const file = harness.writeFile(name, `content of ${name}`);
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
	expect(result.items[0].error).toBeUndefined();
	return Number(result.items[0].json.id);
}

beforeAll(async () => {
	harness = await createHarness('category');
});

describe('Category → Apply', () => {
	it('applies values of every type by attribute name', async () => {
		const documentId = await newDocument('order-1001.pdf');

		const result = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(documentId),
				category: byPath('Shopify/Shopify Order'),
				attributeValues: {
					value: [
						{ attribute: 'Order Number', value: '#1001' },
						{ attribute: 'Order Date', value: '2026-03-31T22:15:00+02:00' },
						{ attribute: 'Total Amount', value: '149.90' },
						{ attribute: 'Document Type', value: 'Packing Slip' },
						{ attribute: 'Tags', value: 'vip' },
						{ attribute: 'Tags', value: '["gift", "express"]' },
					],
				},
				setValues: {
					value: [
						{ attribute: 'Line Items / SKU', row: 1, value: 'SHOE-42' },
						{ attribute: 'Line Items / Quantity', row: 1, value: '2' },
						{ attribute: 'SKU', row: 2, value: 'SOCK-1' },
					],
				},
			},
			[{}],
		);

		expect(result.items[0].error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			categoryId: SHOPIFY_ORDER,
			categoryName: 'Shopify Order',
			action: 'applied',
		});
		const values = await harness.rest.categoryValues(documentId);
		expect(values[`${SHOPIFY_ORDER}_2`]).toBe('#1001');
		expect(values[`${SHOPIFY_ORDER}_4`]).toBe('2026-03-31T00:00:00');
		expect(values[`${SHOPIFY_ORDER}_8`]).toBe(149.9);
		expect(values[`${SHOPIFY_ORDER}_11`]).toBe('Packing Slip');
		expect(values[`${SHOPIFY_ORDER}_12`]).toEqual(['vip', 'gift', 'express']);
		expect(values[`${SHOPIFY_ORDER}_13_1_14`]).toBe('SHOE-42');
		expect(values[`${SHOPIFY_ORDER}_13_1_16`]).toBe(2);
		expect(values[`${SHOPIFY_ORDER}_13_2_14`]).toBe('SOCK-1');
	});

	it('applies booleans and users by login name', async () => {
		const invoiceId = await newDocument('invoice-1001.pdf');
		const caseId = await newDocument('case-7.pdf');

		const invoice = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(invoiceId),
				category: fromList(SHOPIFY_INVOICE, 'Shopify/Shopify Invoice'),
				attributeValues: {
					value: [
						{ attribute: 'Invoice Number', value: 'INV-1' },
						{ attribute: 'Paid', value: 'yes' },
					],
				},
			},
			[{}],
		);
		const supportCase = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(caseId),
				category: byId(SUPPORT_CASE),
				attributeValues: {
					value: [
						{ attribute: 'Case Number', value: 'C-7' },
						{ attribute: 'Owner', value: 'kwalker' },
					],
				},
			},
			[{}],
		);

		expect(invoice.items[0].error).toBeUndefined();
		expect(supportCase.items[0].error).toBeUndefined();
		expect((await harness.rest.categoryValues(invoiceId))[`${SHOPIFY_INVOICE}_9`]).toBe(true);
		expect((await harness.rest.categoryValues(caseId))[`${SUPPORT_CASE}_8`]).toBe(KIM_WALKER);
	});

	it('lists the valid names for an unknown attribute', async () => {
		const documentId = await newDocument('unknown-attribute.pdf');
		await harness.simulator.clearRequests();

		const result = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
				attributeValues: { value: [{ attribute: 'Order No', value: '1' }] },
			},
			[{}],
		);

		expect(result.items[0].error).toBe(
			'Attribute Values: Category "Shopify Order" has no attribute named "Order No" [item 0]',
		);
		expect(String(result.items[0].json.details)).toContain(
			'"Order Number", "Order ID", "Order Date"',
		);
		const applies = (await harness.simulator.requests()).filter(
			(request) => request.method === 'POST' && request.path.endsWith('/categories'),
		);
		expect(applies).toEqual([]);
	});

	it('reports a value the attribute cannot take', async () => {
		const documentId = await newDocument('bad-date.pdf');
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
				attributeValues: {
					value: [
						{ attribute: 'Order Number', value: '1' },
						{ attribute: 'Order Date', value: '31.03.2026' },
					],
				},
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			'Attribute Values: Attribute "Order Date" expects a date, but the value is "31.03.2026" [item 0]',
		);
	});

	it('updates values when the category is applied already', async () => {
		const documentId = await newDocument('reapply.pdf');
		const parameters = {
			resource: 'category',
			operation: 'apply',
			item: byId(documentId),
			category: byId(SHOPIFY_ORDER),
			attributeValues: { value: [{ attribute: 'Order Number', value: '={{ $json.number }}' }] },
		};
		await harness.run(parameters, [{ number: 'A-1' }]);

		const again = await harness.run(parameters, [{ number: 'A-2' }]);
		const failing = await harness.run({ ...parameters, ifApplied: 'fail' }, [{ number: 'A-3' }]);

		expect(again.items[0].json.action).toBe('updated');
		expect(failing.items[0].error).toMatch(/already exists/);
		expect((await harness.rest.categoryValues(documentId))[`${SHOPIFY_ORDER}_2`]).toBe('A-2');
	});

	it('takes raw keys as JSON', async () => {
		const documentId = await newDocument('raw-json.pdf');
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
				valuesMode: 'json',
				valuesJson: JSON.stringify({
					[`${SHOPIFY_ORDER}_2`]: 'RAW-1',
					[`${SHOPIFY_ORDER}_13_1_14`]: 'SKU-RAW',
				}),
			},
			[{}],
		);
		expect(result.items[0].error).toBeUndefined();
		const values = await harness.rest.categoryValues(documentId);
		expect(values[`${SHOPIFY_ORDER}_2`]).toBe('RAW-1');
		expect(values[`${SHOPIFY_ORDER}_13_1_14`]).toBe('SKU-RAW');
	});

	it('rejects raw keys of another category', async () => {
		const documentId = await newDocument('raw-other.pdf');
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
				valuesMode: 'json',
				valuesJson: '{"2102_2": "x"}',
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			'Values (JSON): The key "2102_2" does not belong to category 2101 [item 0]',
		);
	});
});

describe('Category → Update Values, Get, Remove', () => {
	let documentId: number;

	beforeAll(async () => {
		documentId = await newDocument('lifecycle.pdf');
	});

	it('applies the category when it is missing', async () => {
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'updateValues',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
				attributeValues: { value: [{ attribute: 'Order Number', value: '#2001' }] },
			},
			[{}],
		);
		expect(result.items[0].json.action).toBe('applied');
		expect((await harness.rest.categoryValues(documentId))[`${SHOPIFY_ORDER}_2`]).toBe('#2001');
	});

	it('updates one value and keeps the others', async () => {
		await harness.run(
			{
				resource: 'category',
				operation: 'updateValues',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
				attributeValues: { value: [{ attribute: 'Currency', value: 'EUR' }] },
			},
			[{}],
		);
		const values = await harness.rest.categoryValues(documentId);
		expect(values[`${SHOPIFY_ORDER}_7`]).toBe('EUR');
		expect(values[`${SHOPIFY_ORDER}_2`]).toBe('#2001');
	});

	it('fails for a missing category with If Not Applied set to Fail', async () => {
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'updateValues',
				item: byId(documentId),
				category: byId(SHOPIFY_INVOICE),
				ifNotApplied: 'fail',
				attributeValues: { value: [{ attribute: 'Invoice Number', value: 'X' }] },
			},
			[{}],
		);
		expect(result.items[0].error).toMatch(
			/^Item: Content Server rejected PUT .* is not a category on node .*\[item 0\]$/,
		);
	});

	it('gets values by attribute name', async () => {
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'get',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
			},
			[{}],
		);
		expect(result.items[0].json).toMatchObject({
			itemId: documentId,
			categoryId: SHOPIFY_ORDER,
			categoryName: 'Shopify Order',
			values: { 'Order Number': '#2001', Currency: 'EUR' },
		});
		expect(result.items[0].json.valuesByKey).toBeUndefined();
	});

	it('removes the category', async () => {
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'remove',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
			},
			[{}],
		);
		expect(result.items[0].json).toEqual({
			removed: true,
			itemId: documentId,
			categoryId: SHOPIFY_ORDER,
		});
		expect(await harness.rest.categoryValues(documentId)).toEqual({});
	});

	it('reports a category that is not applied', async () => {
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'get',
				item: byId(documentId),
				category: byId(SHOPIFY_ORDER),
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			`Category: Category ${SHOPIFY_ORDER} is not applied to item ${documentId} [item 0]`,
		);
	});

	it('rejects a node that is not a category', async () => {
		const result = await harness.run(
			{
				resource: 'category',
				operation: 'apply',
				item: byId(documentId),
				category: byId(harness.folder.id),
				attributeValues: { value: [{ attribute: 'Order Number', value: '1' }] },
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			`Category: Node ${harness.folder.id} ("${harness.folder.name}") is a Folder, not a category [item 0]`,
		);
	});
});

describe('Document → Upload with category', () => {
	it('uploads and applies values in one request', async () => {
		const file = harness.writeFile('with-category.pdf', 'x');
		await harness.simulator.clearRequests();

		const result = await harness.run(
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				folder: byId(harness.folder.id),
				applyCategory: true,
				category: byPath('Categories:Shopify/Shopify Order'),
				attributeValues: { value: [{ attribute: 'Order Number', value: '#3001' }] },
				setValues: {
					value: [{ attribute: 'Line Items / Title', row: 1, value: 'Trail Runner Shoe' }],
				},
			},
			[{ filePath: file }],
			{ binaryInput: true },
		);

		expect(result.items[0].error).toBeUndefined();
		const documentId = Number(result.items[0].json.id);
		const values = await harness.rest.categoryValues(documentId);
		expect(values[`${SHOPIFY_ORDER}_2`]).toBe('#3001');
		expect(values[`${SHOPIFY_ORDER}_13_1_15`]).toBe('Trail Runner Shoe');
		const categoryCalls = (await harness.simulator.requests()).filter((request) =>
			request.path.includes('/categories'),
		);
		expect(categoryCalls.filter((request) => request.method !== 'GET')).toEqual([]);
	});

	it('fails when a required attribute is missing', async () => {
		const file = harness.writeFile('missing-required.pdf', 'x');
		const result = await harness.run(
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				folder: byId(harness.folder.id),
				applyCategory: true,
				category: byId(SHOPIFY_ORDER),
				attributeValues: { value: [{ attribute: 'Currency', value: 'USD' }] },
			},
			[{ filePath: file }],
			{ binaryInput: true },
		);
		expect(result.items[0].error).toMatch(/A value is required for the attribute 'Order Number'/);
		expect(await harness.rest.child(harness.folder.id, 'missing-required.pdf')).toBeUndefined();
	});
});
