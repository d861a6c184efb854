import { byId, byPath, createHarness, ENTERPRISE_ID, uniqueName, type Harness } from './harness';

let harness: Harness;

beforeAll(async () => {
	harness = await createHarness('folder');
});

describe('Folder → Create', () => {
	it('creates a folder with a description', async () => {
		const result = await harness.run(
			{
				resource: 'folder',
				operation: 'create',
				parentFolder: byId(harness.folder.id),
				name: 'Invoices',
				options: { description: 'Shopify invoices' },
			},
			[{}],
		);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ name: 'Invoices', type: 0, outcome: 'created' });
		expect(await harness.rest.child(harness.folder.id, 'Invoices')).toMatchObject({
			id: result.items[0].json.id,
			description: 'Shopify invoices',
		});
	});

	it.each([
		[
			'fail',
			/^Name: The parent folder already contains an item named "Invoices" \(ID \d+\) \[item 0\]$/,
		],
		['skip', undefined],
		['uniqueName', undefined],
	])('handles an existing name with policy %s', async (policy, error) => {
		const result = await harness.run(
			{
				resource: 'folder',
				operation: 'create',
				parentFolder: byId(harness.folder.id),
				name: 'Invoices',
				onNameClash: policy,
			},
			[{}],
		);
		if (error) {
			expect(result.items[0].error).toMatch(error);
		} else {
			expect(result.items[0].error).toBeUndefined();
		}
		const names = (await harness.rest.children(harness.folder.id))
			.map((child) => child.name)
			.filter((name) => name.startsWith('Invoices'));
		expect(names.sort()).toEqual(
			policy === 'uniqueName' ? ['Invoices', 'Invoices (2)'] : ['Invoices'],
		);
	});
});

describe('Folder → Ensure Path', () => {
	it('creates missing folders and reuses existing ones', async () => {
		const leaf = uniqueName('#1001');
		const pathText = `Enterprise:${harness.folder.name}/Orders/2026/${leaf}`;

		const first = await harness.run(
			{ resource: 'folder', operation: 'ensurePath', path: pathText },
			[{}],
		);
		const second = await harness.run(
			{ resource: 'folder', operation: 'ensurePath', path: pathText },
			[{}],
		);

		expect(first.items[0].json).toMatchObject({ name: leaf, created: true, path: pathText });
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false });
		const stored = await harness.rest.resolve(ENTERPRISE_ID, [
			harness.folder.name,
			'Orders',
			'2026',
			leaf,
		]);
		expect(stored?.id).toBe(first.items[0].json.id);
	});

	it('matches names exactly although the server filters by substring', async () => {
		const parent = await harness.rest.createFolder(harness.folder.id, uniqueName('substring'));
		const longer = await harness.rest.createFolder(parent.id, 'Orders 2026');

		const result = await harness.run(
			{ resource: 'folder', operation: 'ensurePath', path: `${parent.id}:Orders` },
			[{}],
		);

		expect(result.items[0].json.created).toBe(true);
		expect(result.items[0].json.id).not.toBe(longer.id);
		expect((await harness.rest.children(parent.id)).map((child) => child.name).sort()).toEqual([
			'Orders',
			'Orders 2026',
		]);
	});

	it('creates one folder for a batch with the same path', async () => {
		const pathText = `Enterprise:${harness.folder.name}/${uniqueName('batch')}`;
		const result = await harness.run(
			{ resource: 'folder', operation: 'ensurePath', path: '={{ $json.path }}' },
			[{ path: pathText }, { path: pathText }, { path: pathText }],
		);
		const ids = new Set(result.items.map((item) => item.json.id));
		expect(ids.size).toBe(1);
		expect(result.items.map((item) => item.json.created)).toEqual([true, false, false]);
	});

	it.each([
		[
			'Enterprise:a//b',
			'Path: The path "Enterprise:a//b" contains an empty folder name ("//") [item 0]',
		],
		['Enterprise:a:b', 'Path: The path "Enterprise:a:b" contains more than one ":" [item 0]'],
		['Nowhere:a', 'Path: The volume "Nowhere" was not found [item 0]'],
	])('rejects the path %p', async (pathText, message) => {
		const result = await harness.run(
			{ resource: 'folder', operation: 'ensurePath', path: pathText },
			[{}],
		);
		expect(result.items[0].error).toBe(message);
		expect(typeof result.items[0].json.details).toBe('string');
	});
});

describe('Folder → Get, Get Many Children, Delete', () => {
	let parentId: number;

	beforeAll(async () => {
		parentId = (await harness.rest.createFolder(harness.folder.id, uniqueName('children'))).id;
		const names = Array.from({ length: 105 }, (_, index) => ({
			name: `Child ${String(index).padStart(3, '0')}`,
		}));
		const result = await harness.run(
			{
				resource: 'folder',
				operation: 'create',
				parentFolder: byId(parentId),
				name: '={{ $json.name }}',
			},
			names,
		);
		expect(result.items.filter((item) => item.error)).toEqual([]);
	});

	it('gets a folder by path', async () => {
		const folderPath = `Enterprise:${harness.folder.name}`;
		const result = await harness.run(
			{ resource: 'folder', operation: 'get', folder: byPath(folderPath) },
			[{}],
		);
		expect(result.items[0].json).toMatchObject({
			id: harness.folder.id,
			name: harness.folder.name,
		});
	});

	it('returns all children across pages', async () => {
		const result = await harness.run(
			{ resource: 'folder', operation: 'getChildren', folder: byId(parentId), returnAll: true },
			[{}],
		);
		expect(result.items).toHaveLength(105);
		expect(result.items[0].json.name).toBe('Child 000');
		expect(result.items[104].json.name).toBe('Child 104');
	});

	it('stops at the limit', async () => {
		const result = await harness.run(
			{
				resource: 'folder',
				operation: 'getChildren',
				folder: byId(parentId),
				returnAll: false,
				limit: 7,
			},
			[{}],
		);
		expect(result.items).toHaveLength(7);
	});

	it('filters by name and type', async () => {
		const document = harness.writeFile('Child 999.txt', 'not a folder');
		await harness.run(
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				folder: byId(parentId),
			},
			[{ filePath: document }],
			{ binaryInput: true },
		);

		const byName = await harness.run(
			{
				resource: 'folder',
				operation: 'getChildren',
				folder: byId(parentId),
				returnAll: true,
				filters: { name: 'Child 10' },
			},
			[{}],
		);
		const exact = await harness.run(
			{
				resource: 'folder',
				operation: 'getChildren',
				folder: byId(parentId),
				returnAll: true,
				filters: { name: 'child 100', exactName: true },
			},
			[{}],
		);
		const documents = await harness.run(
			{
				resource: 'folder',
				operation: 'getChildren',
				folder: byId(parentId),
				returnAll: true,
				filters: { types: [144] },
			},
			[{}],
		);

		expect(byName.items.map((item) => item.json.name)).toEqual([
			'Child 100',
			'Child 101',
			'Child 102',
			'Child 103',
			'Child 104',
		]);
		expect(exact.items.map((item) => item.json.name)).toEqual(['Child 100']);
		expect(documents.items.map((item) => item.json.name)).toEqual(['Child 999.txt']);
	});

	it('deletes a folder', async () => {
		const result = await harness.run(
			{ resource: 'folder', operation: 'deleteFolder', folder: byId(parentId) },
			[{}],
		);
		expect(result.items[0].json).toEqual({ deleted: true, id: parentId });
		expect(await harness.rest.getNode(parentId)).toBeUndefined();
	});
});

describe('On Error: Continue (using error output)', () => {
	it('routes failed items to error output', async () => {
		const result = await harness.run(
			{ resource: 'folder', operation: 'get', folder: byId('={{ $json.folderId }}') },
			[{ folderId: harness.folder.id }, { folderId: 987654321 }],
			{ onError: 'continueErrorOutput' },
		);

		expect(result.status).toBe(200);
		const [found, missing] = [...result.items].sort(
			(a, b) => Number(a.fromErrorOutput ?? false) - Number(b.fromErrorOutput ?? false),
		);
		expect(found.fromErrorOutput).toBeUndefined();
		expect(found.json.id).toBe(harness.folder.id);
		expect(missing.fromErrorOutput).toBe(true);
		expect(missing.error).toMatch(/\[item 1\]$/);
	});
});
