import { createFolder, SEED_IDS, startSimulator, uploadDocument, type Simulator } from './helpers';

const ORDER = SEED_IDS.categories.shopifyOrder;
const INVOICE = SEED_IDS.categories.shopifyInvoice;
const CASE = SEED_IDS.categories.supportCase;
const CERTIFICATE = SEED_IDS.categories.productCertificate;

describe('Content Server simulator: categories', () => {
	let simulator: Simulator;
	let document: number;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.close();
	});

	beforeEach(async () => {
		await simulator.control('POST', 'reset');
		await simulator.login();
		const folder = await createFolder(simulator, SEED_IDS.folders.orders, '#1001');
		document = await uploadDocument(simulator, folder, 'order-1001.txt', 'Order #1001');
	});

	it('keeps the seven categories as category objects in the Shopify category folder', async () => {
		const response = await simulator.get(`/api/v2/nodes/${SEED_IDS.categoryFolder}/nodes`);

		expect(
			response.data.results.map((result: any) => [
				result.data.properties.id,
				result.data.properties.type,
				result.data.properties.name,
			]),
		).toEqual([
			[2106, 131, 'Finance Record'],
			[2104, 131, 'Product Certificate'],
			[2107, 131, 'Return Case'],
			[2102, 131, 'Shopify Invoice'],
			[2101, 131, 'Shopify Order'],
			[2105, 131, 'Supplier Document'],
			[2103, 131, 'Support Case'],
		]);
	});

	it('describes a category through the category object form', async () => {
		const response = await simulator.get(`/api/v1/forms/nodes/properties/specific?id=${ORDER}`);
		const schema = response.data.forms[0].schema.properties;
		const fields = response.data.forms[0].options.fields;

		expect(schema[`${ORDER}_2`]).toMatchObject({
			title: 'Order Number',
			type: 'string',
			maxLength: 32,
			required: true,
		});
		expect(schema[`${ORDER}_4`]).toMatchObject({ title: 'Order Date', type: 'date' });
		expect(schema[`${ORDER}_8`]).toMatchObject({ title: 'Total Amount', type: 'number' });
		expect(schema[`${ORDER}_11`].enum).toEqual([
			'Order Confirmation',
			'Packing Slip',
			'Order Data',
			'Correspondence',
		]);
		expect(schema[`${ORDER}_12`]).toMatchObject({
			title: 'Tags',
			type: 'array',
			maxItems: 20,
			items: { type: 'string' },
		});
		expect(schema[`${ORDER}_13`]).toMatchObject({
			title: 'Line Items',
			type: 'array',
			maxItems: 100,
		});
		expect(Object.keys(schema[`${ORDER}_13`].items.properties)).toEqual([
			`${ORDER}_13_x_14`,
			`${ORDER}_13_x_15`,
			`${ORDER}_13_x_16`,
		]);
		expect(fields[`${CASE}_8`]).toBeUndefined();
	});

	it('describes user attributes as user pickers in the apply form', async () => {
		const response = await simulator.get(
			`/api/v1/forms/nodes/categories/create?id=${document}&category_id=${CASE}`,
		);
		const form = response.data.forms[0];

		expect(form.data.category_id).toBe(CASE);
		expect(form.data[`${CASE}_6`]).toBe('Open');
		expect(form.options.fields[`${CASE}_8`].type).toBe('otcs_user_picker');
		expect(form.schema.properties[`${CASE}_8`]).toMatchObject({ title: 'Owner', type: 'integer' });
	});

	it('reports a form for an unknown category as having no version', async () => {
		const response = await simulator.get(
			`/api/v1/forms/nodes/categories/create?id=${document}&category_id=2201`,
		);

		expect(response.status).toBe(500);
		expect(response.data.error).toBe('Category 2201 has no version');
	});

	it('applies a category with plain form fields as strings', async () => {
		const apply = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: INVOICE,
			[`${INVOICE}_2`]: 'INV-1001',
			[`${INVOICE}_4`]: '2026-03-17',
			[`${INVOICE}_5`]: '100.50',
			[`${INVOICE}_9`]: 'true',
			[`${INVOICE}_10`]: 'Invoice',
		});
		const read = await simulator.get(`/api/v2/nodes/${document}/categories/${INVOICE}`);

		expect(apply.status).toBe(200);
		expect(read.data.results.data.categories).toEqual({
			[`${INVOICE}_2`]: 'INV-1001',
			[`${INVOICE}_3`]: null,
			[`${INVOICE}_4`]: '2026-03-17T00:00:00',
			[`${INVOICE}_5`]: 100.5,
			[`${INVOICE}_6`]: null,
			[`${INVOICE}_7`]: null,
			[`${INVOICE}_8`]: null,
			[`${INVOICE}_9`]: true,
			[`${INVOICE}_10`]: 'Invoice',
		});
	});

	it('applies multi-value attributes and set rows through body', async () => {
		const apply = await simulator.postBody(`/api/v2/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1001',
			[`${ORDER}_4`]: '2026-03-17T14:05:00Z',
			[`${ORDER}_12`]: ['vip', '', 'wholesale'],
			[`${ORDER}_13_1_14`]: 'TRS-42',
			[`${ORDER}_13_1_16`]: '2',
			[`${ORDER}_13_2_14`]: 'MWS-M',
			[`${ORDER}_13_2_16`]: 1,
		});
		const read = await simulator.get(`/api/v2/nodes/${document}/categories?metadata`);
		const result = read.data.results[0];

		expect(apply.status).toBe(200);
		expect(result.data.categories).toMatchObject({
			[`${ORDER}_4`]: '2026-03-17T00:00:00',
			[`${ORDER}_12`]: ['vip', 'wholesale'],
			[`${ORDER}_13_1_14`]: 'TRS-42',
			[`${ORDER}_13_1_16`]: 2,
			[`${ORDER}_13_2_14`]: 'MWS-M',
			[`${ORDER}_13_2_15`]: null,
		});
		expect(result.metadata.categories[String(ORDER)]).toMatchObject({
			name: 'Shopify Order',
			persona: 'category',
		});
		expect(result.metadata.categories[`${ORDER}_2`]).toMatchObject({
			type: -1,
			type_name: 'String',
			required: true,
			max_length: 32,
		});
		expect(result.metadata.categories[`${ORDER}_4`]).toMatchObject({ type: -7, type_name: 'Date' });
		expect(result.metadata.categories[`${ORDER}_12`]).toMatchObject({
			multi_value: true,
			multi_value_length_max: 20,
		});
		expect(result.metadata.categories[`${ORDER}_13`]).toMatchObject({
			persona: 'set',
			type_name: 'Assoc',
		});
		expect(result.metadata.categories[`${ORDER}_13_x_16`]).toMatchObject({
			name: 'Quantity',
			type: 2,
			type_name: 'Integer',
		});
		expect(result.metadata_order.categories).toEqual([String(ORDER)]);
	});

	it('sets and reads user attributes by numeric ID', async () => {
		const valid = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: CASE,
			[`${CASE}_2`]: 'CASE-1',
			[`${CASE}_8`]: '1002',
		});
		const read = await simulator.get(`/api/v2/nodes/${document}/categories/${CASE}?metadata`);
		const login = await simulator.put(`/api/v2/nodes/${document}/categories/${CASE}`, {
			[`${CASE}_8`]: 'kwalker',
		});
		const unknown = await simulator.put(`/api/v2/nodes/${document}/categories/${CASE}`, {
			[`${CASE}_8`]: '4711',
		});

		expect(valid.status).toBe(200);
		expect(read.data.results.data.categories[`${CASE}_8`]).toBe(1002);
		expect(read.data.results.metadata.categories[`${CASE}_8`]).toMatchObject({
			type_name: 'User',
			persona: 'user',
		});
		expect(login.status).toBe(400);
		expect(login.data.error).toMatch(/Owner.*numeric ID/);
		expect(unknown.data.error).toMatch(/No user has the ID 4711/);
	});

	it('rejects values of the wrong type, outside valid values or too long', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ [`${ORDER}_8`]: 'twelve' }, /Total Amount.*Send a number/],
			[{ [`${ORDER}_4`]: '17.03.2026' }, /Order Date.*YYYY-MM-DD/],
			[{ [`${ORDER}_4`]: '2026-02-30' }, /Order Date/],
			[{ [`${ORDER}_11`]: 'Invoice' }, /Valid values: Order Confirmation, Packing Slip/],
			[{ [`${ORDER}_7`]: 'EURO' }, /Currency.*at most 3/],
			[{ [`${ORDER}_13_1_16`]: '1.5' }, /Quantity.*whole number/],
			[{ [`${ORDER}_2`]: ['a', 'b'] }, /single value/],
			[{ [`${ORDER}_13_101_14`]: 'x' }, /rows 1 to 100/],
		];
		for (const [values, message] of cases) {
			const response = await simulator.postBody(`/api/v2/nodes/${document}/categories`, {
				category_id: ORDER,
				[`${ORDER}_2`]: '#1',
				...values,
			});
			expect(response.status).toBe(400);
			expect(response.data.error).toMatch(message);
		}
	});

	it('rejects a missing required attribute unless the setting is off', async () => {
		const enforced = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: CERTIFICATE,
			[`${CERTIFICATE}_3`]: 'x',
		});
		await simulator.control('PATCH', 'settings', { enforceRequiredAttributes: false });
		const relaxed = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: CERTIFICATE,
			[`${CERTIFICATE}_3`]: 'x',
		});

		expect(enforced.status).toBe(400);
		expect(enforced.data.error).toBe(
			"A value is required for the attribute 'Product ID' of category 'Product Certificate'.",
		);
		expect(relaxed.status).toBe(200);
	});

	it('reports unknown and foreign attribute keys with the documented texts', async () => {
		const v2 = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1',
			[`${ORDER}_99`]: 'x',
		});
		const v1 = await simulator.post(`/api/v1/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1',
			[`${ORDER}_99`]: 'x',
		});
		const foreign = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1',
			[`${INVOICE}_2`]: 'x',
		});

		expect(v2.status).toBe(500);
		expect(v2.data.error).toBe('Invalid specification. Invalid attribute entry found.');
		expect(v1.status).toBe(400);
		expect(foreign.status).toBe(400);
		expect(foreign.data.error).toBe(
			`Category ID '${ORDER}' was specified for Categories Update, but a non-matching attribute ('${INVOICE}_2') was found`,
		);
	});

	it('rejects applying a category twice and updating one that is not applied', async () => {
		await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1',
		});

		const twice = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1',
		});
		const notApplied = await simulator.put(`/api/v2/nodes/${document}/categories/${INVOICE}`, {
			[`${INVOICE}_2`]: 'x',
		});
		const unknownCategory = await simulator.post(`/api/v2/nodes/${document}/categories`, {
			category_id: 2201,
		});

		expect(twice.status).toBe(400);
		expect(twice.data.error).toBe("The attribute group 'Shopify Order' already exists");
		expect(notApplied.status).toBe(400);
		expect(notApplied.data.error).toBe(
			`Category ID '${INVOICE}' is not a category on node '${document}'`,
		);
		expect(unknownCategory.status).toBe(400);
		expect(unknownCategory.data.error).toMatch(/not a valid category ID/);
	});

	it('updates values, deletes a set row and removes the category', async () => {
		await simulator.postBody(`/api/v2/nodes/${document}/categories`, {
			category_id: ORDER,
			[`${ORDER}_2`]: '#1',
			[`${ORDER}_13_1_14`]: 'A',
			[`${ORDER}_13_2_14`]: 'B',
			[`${ORDER}_13_3_14`]: 'C',
		});

		const update = await simulator.postBody(
			`/api/v1/nodes/${document}/categories/${ORDER}`,
			{ [`${ORDER}_5`]: 'Jane Doe', [`${ORDER}_13_2`]: '' },
			'PUT',
		);
		const afterUpdate = await simulator.get(`/api/v1/nodes/${document}/categories/${ORDER}`);
		const clearRequired = await simulator.put(`/api/v2/nodes/${document}/categories/${ORDER}`, {
			[`${ORDER}_2`]: '',
		});
		const remove = await simulator.delete(`/api/v2/nodes/${document}/categories/${ORDER}`);
		const afterRemove = await simulator.get(`/api/v2/nodes/${document}/categories`);

		expect(update.status).toBe(200);
		expect(afterUpdate.data.data[`${ORDER}_5`]).toBe('Jane Doe');
		expect(afterUpdate.data.data[`${ORDER}_13_1_14`]).toBe('A');
		expect(afterUpdate.data.data[`${ORDER}_13_2_14`]).toBe('C');
		expect(afterUpdate.data.data[`${ORDER}_13_3_14`]).toBeUndefined();
		expect(clearRequired.status).toBe(400);
		expect(remove.status).toBe(200);
		expect(afterRemove.data.results).toEqual([]);
	});

	it('applies categories at creation: nested in v1, flat in v2', async () => {
		const folder = SEED_IDS.folders.finance;
		const v2 = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: folder,
			name: 'Flat',
			roles: {
				categories: {
					[`${INVOICE}_2`]: 'INV-2',
					[`${INVOICE}_9`]: true,
					[`${CASE}_1`]: {},
					[`${CASE}_2`]: 'C-9',
				},
			},
		});
		const v1 = await simulator.post('/api/v1/nodes', {
			body: JSON.stringify({
				type: 0,
				parent_id: folder,
				name: 'Nested',
				roles: { categories: { [INVOICE]: { [`${INVOICE}_2`]: 'INV-3' } } },
			}),
		});
		const v2Nested = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: folder,
			name: 'Wrong shape',
			roles: { categories: { [INVOICE]: { [`${INVOICE}_2`]: 'INV-4' } } },
		});
		const flatValues = await simulator.get(
			`/api/v2/nodes/${v2.data.results.data.properties.id}?fields=categories`,
		);
		const nestedValues = await simulator.get(`/api/v2/nodes/${v1.data.id}/categories`);

		expect(v2.status).toBe(200);
		expect(flatValues.data.results.data.categories).toEqual([
			expect.objectContaining({ [`${INVOICE}_2`]: 'INV-2', [`${INVOICE}_9`]: true }),
			expect.objectContaining({ [`${CASE}_2`]: 'C-9', [`${CASE}_6`]: 'Open' }),
		]);
		expect(v1.status).toBe(200);
		expect(nestedValues.data.results[0].data.categories[`${INVOICE}_2`]).toBe('INV-3');
		expect(v2Nested.status).toBe(500);
		expect(v2Nested.data.error).toBe('Invalid specification. Invalid attribute entry found.');
		expect(
			(await simulator.get(`/api/v2/nodes/${folder}/nodes?where_name=Wrong`)).data.results,
		).toHaveLength(0);
	});

	it('keeps the seeded certificate values', async () => {
		const response = await simulator.get(`/api/v2/nodes/2214/categories/${CERTIFICATE}`);

		expect(response.data.results.data.categories).toEqual({
			[`${CERTIFICATE}_2`]: '7003',
			[`${CERTIFICATE}_3`]: 'alpine-thermos-bottle',
			[`${CERTIFICATE}_4`]: 'Regulatory Approval',
			[`${CERTIFICATE}_5`]: 'Approved',
			[`${CERTIFICATE}_6`]: '2024-03-01T00:00:00',
			[`${CERTIFICATE}_7`]: '2025-02-28T00:00:00',
			[`${CERTIFICATE}_8`]: 'TÜV Süd',
			[`${CERTIFICATE}_9`]: ['EU', 'UK'],
		});
	});
});
