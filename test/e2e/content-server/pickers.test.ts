import { getStack } from '../support';
import { byId, createHarness, NODE_TYPE, uniqueName, type Harness } from './harness';

const stack = getStack();
const connection = stack.n8n.toConnection();
let harness: Harness;

interface ListResult {
	results: Array<{ name: string; value: string; url?: string }>;
	paginationToken?: string;
}

async function dynamic<T>(route: string, body: Record<string, unknown>): Promise<T> {
	const response = await fetch(`${connection.baseUrl}/rest/dynamic-node-parameters/${route}`, {
		method: 'POST',
		headers: {
			cookie: connection.authCookie,
			'content-type': 'application/json',
			accept: 'application/json',
		},
		body: JSON.stringify({
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			credentials: { openTextContentServerApi: harness.credential },
			...body,
		}),
	});
	const json = (await response.json()) as { data: T; message?: string };
	if (response.status !== 200)
		throw new Error(`${route} returned HTTP ${response.status}: ${json.message}`);
	return json.data;
}

async function listSearch(
	methodName: string,
	currentNodeParameters: Record<string, unknown>,
	filter?: string,
	paginationToken?: string,
) {
	return await dynamic<ListResult>('resource-locator-results', {
		path: 'parameters.folder',
		methodName,
		filter,
		paginationToken,
		currentNodeParameters,
	});
}

async function loadOptions(methodName: string, currentNodeParameters: Record<string, unknown>) {
	return await dynamic<Array<{ name: string; value: string | number; description?: string }>>(
		'options',
		{
			path: 'parameters.attributeValues.value.attribute',
			methodName,
			currentNodeParameters,
		},
	);
}

const documentParameters = { resource: 'document', operation: 'upload' };

beforeAll(async () => {
	harness = await createHarness('pickers');
	const file = harness.writeFile('picker-target.txt', 'x');
	await harness.run(
		{
			resource: 'document',
			operation: 'upload',
			binaryPropertyName: 'data',
			folder: byId(harness.folder.id),
		},
		[{ filePath: file }],
		{ binaryInput: true },
	);
});

describe('From List pickers', () => {
	it('browses folders with their paths', async () => {
		const names: string[] = [];
		let token: string | undefined;
		for (let page = 0; page < 20; page++) {
			const result = await listSearch('searchFolders', documentParameters, undefined, token);
			names.push(...result.results.map((item) => item.name));
			token = result.paginationToken;
			if (!token) break;
		}
		expect(names).toContain('Enterprise');
		expect(names).toContain('Enterprise/Shopify');
		expect(names).toContain(`Enterprise/${harness.folder.name}`);
	});

	it('finds folders by name', async () => {
		const result = await listSearch(
			'searchFolders',
			documentParameters,
			harness.folder.name.split(' ').pop(),
		);
		expect(result.results.map((item) => Number(item.value))).toContain(harness.folder.id);
	});

	it('finds documents by name', async () => {
		const result = await listSearch('searchDocuments', documentParameters, 'picker-target');
		expect(result.results.map((item) => item.name)).toEqual([
			expect.stringMatching(/^picker-target\.txt \(\d+\)$/),
		]);
	});

	it('lists categories below the Categories volume', async () => {
		const result = await listSearch('searchCategories', documentParameters, 'shopify');
		const names = result.results.map((item) => item.name);
		expect(names).toEqual(
			expect.arrayContaining([
				'Shopify/Shopify Order',
				'Shopify/Shopify Invoice',
				'Shopify/Return Case',
			]),
		);
		expect(result.results.find((item) => item.name === 'Shopify/Shopify Order')?.value).toBe(
			'2101',
		);
	});

	it('lists workspace types and workspaces', async () => {
		const types = await listSearch(
			'searchWorkspaceTypes',
			{ resource: 'businessWorkspace', operation: 'create' },
			'cust',
		);
		expect(types.results.map((item) => item.name)).toEqual(['Customer', 'Customer Issue']);

		const name = uniqueName('Picker customer');
		await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'create',
				workspaceType: byId(15),
				template: 2341,
				name,
				externalSystem: 'SHOPIFY',
				businessObjectType: 'customer',
				businessObjectId: name.split(' ').pop(),
			},
			[{}],
		);
		const workspaces = await listSearch(
			'searchWorkspaces',
			{ resource: 'businessWorkspace', operation: 'relate' },
			name,
		);
		expect(workspaces.results.map((item) => item.name)).toEqual([expect.stringContaining(name)]);
	});
});

describe('attribute and template dropdowns', () => {
	it('loads attribute names of the chosen category', async () => {
		const options = await loadOptions('getCategoryAttributes', {
			resource: 'category',
			operation: 'apply',
			category: { __rl: true, mode: 'path', value: 'Shopify/Shopify Order' },
		});
		expect(options.map((option) => option.value)).toEqual([
			'Order Number',
			'Order ID',
			'Order Date',
			'Customer Name',
			'Customer Email',
			'Currency',
			'Total Amount',
			'Financial Status',
			'Fulfillment Status',
			'Document Type',
			'Tags',
		]);
		expect(options.find((option) => option.value === 'Tags')?.description).toBe(
			'Text, multiple values',
		);
	});

	it('loads set attributes as Set / Attribute', async () => {
		const options = await loadOptions('getCategorySetAttributes', {
			resource: 'category',
			operation: 'apply',
			category: { __rl: true, mode: 'id', value: '2101' },
		});
		expect(options.map((option) => option.value)).toEqual([
			'Line Items / SKU',
			'Line Items / Title',
			'Line Items / Quantity',
		]);
	});

	it('loads the templates of a workspace type', async () => {
		const options = await loadOptions('getWorkspaceTemplates', {
			resource: 'businessWorkspace',
			operation: 'create',
			workspaceType: { __rl: true, mode: 'name', value: 'Return Case' },
		});
		expect(options).toEqual([{ name: 'Return Case Template', value: 2331 }]);
	});
});
