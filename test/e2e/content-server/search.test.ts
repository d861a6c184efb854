import { byId, createHarness, uniqueName, type Harness } from './harness';

const SHOPIFY_ORDER = 2101;

let harness: Harness;
let folderId: number;
const documents: Record<string, number> = {};

async function upload(name: string, content: string, orderNumber?: string): Promise<number> {
	const file = harness.writeFile(name, content);
	const parameters: Record<string, unknown> = {
		resource: 'document',
		operation: 'upload',
		binaryPropertyName: 'data',
		folder: byId(folderId),
	};
	if (orderNumber) {
		Object.assign(parameters, {
			applyCategory: true,
			category: byId(SHOPIFY_ORDER),
			attributeValues: { value: [{ attribute: 'Order Number', value: orderNumber }] },
		});
	}
	const result = await harness.run(parameters, [{ filePath: file }], { binaryInput: true });
	expect(result.items[0].error).toBeUndefined();
	return Number(result.items[0].json.id);
}

function search(parameters: Record<string, unknown>) {
	return {
		resource: 'search',
		operation: 'search',
		returnAll: true,
		location: byId(folderId),
		...parameters,
	};
}

function names(result: { items: Array<{ json: Record<string, unknown> }> }): string[] {
	return result.items.map((item) => String(item.json.name)).sort();
}

beforeAll(async () => {
	harness = await createHarness('search');
	folderId = (await harness.rest.createFolder(harness.folder.id, uniqueName('search'))).id;
	documents.alpha = await upload('alpha beta.txt', 'refund approved for order', '#4001');
	documents.gamma = await upload('gamma.txt', 'packing slip', '#4002');
	documents.delta = await upload('delta or gamma.txt', 'correspondence');
});

describe('Search → Define Criteria', () => {
	it('finds by name within the location', async () => {
		const result = await harness.run(search({ filters: { name: 'gamma' } }), [{}]);
		expect(names(result)).toEqual(['delta or gamma.txt', 'gamma.txt']);
	});

	it('finds by full text', async () => {
		const result = await harness.run(search({ text: 'refund order', textMatch: 'allWords' }), [{}]);
		expect(names(result)).toEqual(['alpha beta.txt']);
	});

	it('finds by category value chosen by attribute name', async () => {
		const result = await harness.run(
			search({
				searchCategory: true,
				category: byId(SHOPIFY_ORDER),
				attributeValues: { value: [{ attribute: 'Order Number', value: '#4002' }] },
			}),
			[{}],
		);
		expect(result.items.map((item) => item.json.id)).toEqual([documents.gamma]);
	});

	it('filters by type', async () => {
		await harness.rest.createFolder(folderId, 'gamma folder');
		const onlyFolders = await harness.run(search({ filters: { name: 'gamma', types: [0] } }), [{}]);
		expect(names(onlyFolders)).toEqual(['gamma folder']);
	});

	it('filters by modification date', async () => {
		const future = await harness.run(
			search({ filters: { name: 'gamma', types: [144], modifiedFrom: '2999-01-01' } }),
			[{}],
		);
		const past = await harness.run(
			search({ filters: { name: 'gamma', types: [144], modifiedTo: '2000-01-01' } }),
			[{}],
		);
		const today = new Date().toISOString().slice(0, 10);
		const now = await harness.run(
			search({ filters: { name: 'gamma', types: [144], modifiedFrom: today, modifiedTo: today } }),
			[{}],
		);
		expect(future.items).toEqual([]);
		expect(past.items).toEqual([]);
		expect(names(now)).toEqual(['delta or gamma.txt', 'gamma.txt']);
	});

	it('cannot be widened by quotes and operators in values', async () => {
		const injected = await harness.run(search({ filters: { name: 'alpha" or OTName: "gamma' } }), [
			{},
		]);
		const wildcard = await harness.run(search({ filters: { name: 'alph*' } }), [{}]);
		const operatorWord = await harness.run(search({ filters: { name: 'delta or gamma' } }), [{}]);
		expect(injected.items).toEqual([]);
		expect(wildcard.items).toEqual([]);
		expect(names(operatorWord)).toEqual(['delta or gamma.txt']);
	});

	it('rejects criteria with nothing searchable', async () => {
		const result = await harness.run(
			{ resource: 'search', operation: 'search', returnAll: true, filters: { name: '**' } },
			[{}],
		);
		expect(result.items[0].error).toBe(
			'Name "**" contains nothing to search for after removing quotes, "*", "?" and "\\" [item 0]',
		);
	});
});

describe('Search → LQL Query', () => {
	it('sends the query unchanged', async () => {
		const result = await harness.run(
			{
				resource: 'search',
				operation: 'search',
				queryType: 'lql',
				returnAll: true,
				lql: `OTName: alph* and OTLocation: ${folderId}`,
			},
			[{}],
		);
		expect(result.items.map((item) => item.json.id)).toEqual([documents.alpha]);
	});

	it('reports a query the server cannot evaluate', async () => {
		const result = await harness.run(
			{
				resource: 'search',
				operation: 'search',
				queryType: 'lql',
				returnAll: true,
				lql: 'OTName: "unclosed',
			},
			[{}],
		);
		expect(result.items[0].error).toMatch(
			/^LQL Query: Content Server rejected POST \/api\/v2\/search with HTTP 400: Error Evaluating Query \[item 0\]$/,
		);
	});
});

describe('Search paging', () => {
	it('returns all results across pages and stops at the limit', async () => {
		const many = (await harness.rest.createFolder(harness.folder.id, uniqueName('many'))).id;
		const create = await harness.run(
			{
				resource: 'folder',
				operation: 'create',
				parentFolder: byId(many),
				name: '={{ "result " + $json.n }}',
			},
			Array.from({ length: 130 }, (_, n) => ({ n })),
		);
		expect(create.items.filter((item) => item.error)).toEqual([]);

		const all = await harness.run(
			{
				resource: 'search',
				operation: 'search',
				returnAll: true,
				location: byId(many),
				filters: { types: [0] },
			},
			[{}],
		);
		const limited = await harness.run(
			{
				resource: 'search',
				operation: 'search',
				returnAll: false,
				limit: 120,
				location: byId(many),
				filters: { types: [0] },
			},
			[{}],
		);
		expect(all.items).toHaveLength(130);
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(130);
		expect(limited.items).toHaveLength(120);
	});
});
