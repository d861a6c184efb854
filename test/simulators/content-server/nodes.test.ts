import { createFolder, SEED_IDS, startSimulator, uploadDocument, type Simulator } from './helpers';

const ENTERPRISE = SEED_IDS.enterpriseWorkspace;

describe('Content Server simulator: nodes', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.close();
	});

	afterEach(async () => {
		await simulator.control('POST', 'reset');
		await simulator.login();
	});

	it('lists the volumes and finds one by type', async () => {
		const all = await simulator.get('/api/v2/volumes');
		const categories = await simulator.get('/api/v2/volumes/133');
		const enterprise = await simulator.get('/api/v2/volumes/141');

		expect(all.status).toBe(200);
		expect(all.data.results.map((result: any) => result.data.properties.id)).toEqual([
			2000, 2004, 2006, 2008,
		]);
		expect(categories.data.results.data.properties).toMatchObject({
			id: 2006,
			type: 133,
			name: 'Content Server Categories',
		});
		expect(enterprise.data.results.data.properties).toMatchObject({
			id: 2000,
			type: 141,
			name: 'Enterprise Workspace',
			parent_id: -1,
			volume_id: -2000,
		});
	});

	it('returns a node in the v2 and v1 shapes', async () => {
		const v2 = await simulator.get(`/api/v2/nodes/${SEED_IDS.folders.orders}`);
		const v1 = await simulator.get(`/api/v1/nodes/${SEED_IDS.folders.orders}`);

		expect(v2.data.results.data.properties).toMatchObject({
			id: 2201,
			parent_id: 2200,
			name: 'Orders',
			type: 0,
			type_name: 'Folder',
			container: true,
			volume_id: -2000,
		});
		expect(v2.data.results.data.properties.create_date).toBe('2026-01-05T08:00:00Z');
		expect(v1.data.data).toMatchObject({ id: 2201, name: 'Orders', type: 0 });
		expect(v1.data.data.create_date).toBe('2026-01-05T08:00:00');
		expect(v1.data.type_name).toBe('Folder');
	});

	it('reports an unknown node with the documented texts', async () => {
		const get = await simulator.get('/api/v2/nodes/424242');
		const children = await simulator.get('/api/v2/nodes/424242/nodes');

		expect(get.status).toBe(400);
		expect(get.data.error).toBe('Could not get a node for 424242');
		expect(children.status).toBe(500);
		expect(children.data.error).toMatch(/^Sorry, the item you requested could not be accessed/);
	});

	it('selects properties with fields and expands the parent', async () => {
		const response = await simulator.get(
			`/api/v2/nodes/2201?fields=properties{id,name,parent_id}&expand=properties{parent_id}`,
		);

		expect(response.data.results.data.properties).toEqual({
			id: 2201,
			name: 'Orders',
			parent_id: 2200,
		});
	});

	it('creates a folder in v2 and v1', async () => {
		const v2 = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'Contracts',
		});
		const v1 = await simulator.post('/api/v1/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'Plain fields',
		});

		expect(v2.status).toBe(200);
		expect(v2.data.results.data.properties).toMatchObject({
			parent_id: 2000,
			name: 'Contracts',
			type: 0,
		});
		expect(v1.status).toBe(200);
		expect(Object.keys(v1.data)).toEqual(['id']);
	});

	it('rejects a colon and names longer than 248 characters', async () => {
		const colon = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'a:b',
		});
		const long = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'x'.repeat(249),
		});
		const longest = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'x'.repeat(248),
		});

		expect(colon.status).toBe(400);
		expect(colon.data.error).toMatch(/colon/);
		expect(long.status).toBe(400);
		expect(long.data.error).toMatch(/248/);
		expect(longest.status).toBe(200);
	});

	it('reports name clash per version', async () => {
		await createFolder(simulator, ENTERPRISE, 'Invoices');
		const v2 = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'INVOICES',
		});
		const v1 = await simulator.post('/api/v1/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'Invoices',
		});

		expect(v2.status).toBe(500);
		expect(v2.data.error).toBe("An item with the name 'INVOICES' already exists.");
		expect(v1.status).toBe(400);
		expect(v1.data.error).toBe("An item with the name 'Invoices' already exists.");
	});

	it('compares names case-sensitively when set to', async () => {
		await simulator.control('PATCH', 'settings', { nameComparison: 'caseSensitive' });
		await createFolder(simulator, ENTERPRISE, 'Invoices');

		const response = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'INVOICES',
		});

		expect(response.status).toBe(200);
	});

	it('reports missing fields and unknown subtypes', async () => {
		const noName = await simulator.postBody('/api/v2/nodes', { type: 0, parent_id: ENTERPRISE });
		const badType = await simulator.postBody('/api/v2/nodes', {
			type: 777,
			parent_id: ENTERPRISE,
			name: 'x',
		});
		const badParent = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: 999999,
			name: 'x',
		});

		expect(noName.data.error).toBe("Missing required parameter 'name'");
		expect(badType.data.error).toBe('Subtype 777 not registered');
		expect(badParent.status).toBe(400);
		expect(badParent.data.error).toMatch(/could not be accessed/);
	});

	it('merges body over plain fields', async () => {
		const bodyWins = await simulator.post('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'Plain',
			body: JSON.stringify({ name: 'From body' }),
		});
		await simulator.control('PATCH', 'settings', { bodyPrecedence: 'fields' });
		const fieldsWin = await simulator.post('/api/v2/nodes', {
			type: 0,
			parent_id: ENTERPRISE,
			name: 'Plain',
			body: JSON.stringify({ name: 'From body 2' }),
		});

		expect(bodyWins.data.results.data.properties.name).toBe('From body');
		expect(fieldsWin.data.results.data.properties.name).toBe('Plain');
	});

	it('filters, sorts and pages children with the documented paging block', async () => {
		const parent = await createFolder(simulator, ENTERPRISE, 'Listing');
		for (const name of ['Delta', 'alpha', 'Charlie', 'bravo'])
			await createFolder(simulator, parent, name);
		await uploadDocument(simulator, parent, 'alphabet.txt', 'abc');

		const page2 = await simulator.get(`/api/v2/nodes/${parent}/nodes?limit=2&page=2`);
		const folders = await simulator.get(
			`/api/v2/nodes/${parent}/nodes?where_type=-1&sort=desc_name`,
		);
		const documents = await simulator.get(`/api/v2/nodes/${parent}/nodes?where_type=-3`);
		const byType = await simulator.get(`/api/v2/nodes/${parent}/nodes?where_type=144&where_type=0`);
		const byName = await simulator.get(`/api/v2/nodes/${parent}/nodes?where_name=ALPHA`);
		const names = (response: any) =>
			response.data.results.map((result: any) => result.data.properties.name);

		expect(names(page2)).toEqual(['bravo', 'Charlie']);
		expect(page2.data.collection.paging).toMatchObject({
			limit: 2,
			page: 2,
			page_total: 3,
			range_min: 3,
			range_max: 4,
			total_count: 5,
		});
		expect(page2.data.collection.paging.links.data.next.href).toContain('page=3');
		expect(page2.data.collection.paging.links.data.previous.href).toContain('page=1');
		expect(names(folders)).toEqual(['Delta', 'Charlie', 'bravo', 'alpha']);
		expect(names(documents)).toEqual(['alphabet.txt']);
		expect(names(byType)).toHaveLength(5);
		expect(names(byName)).toEqual(['alpha', 'alphabet.txt']);
	});

	it('pages children in the v1 shape', async () => {
		const response = await simulator.get(
			`/api/v1/nodes/${SEED_IDS.folders.shopify}/nodes?limit=4&page=2`,
		);

		expect(response.data).toMatchObject({
			limit: 4,
			page: 2,
			page_total: 2,
			range_min: 5,
			range_max: 6,
			total_count: 6,
		});
		expect(response.data.data.map((item: any) => item.name)).toEqual(['Service', 'Suppliers']);
	});

	it('renames, moves and describes a node and returns its properties', async () => {
		const source = await createFolder(simulator, ENTERPRISE, 'Draft');
		const target = await createFolder(simulator, ENTERPRISE, 'Archive');

		const response = await simulator.postBody(
			`/api/v2/nodes/${source}`,
			{ name: 'Final', parent_id: target, description: 'Done' },
			'PUT',
		);
		const ancestors = await simulator.get(`/api/v1/nodes/${source}/ancestors`);

		expect(response.status).toBe(200);
		expect(response.data.results.data.properties).toMatchObject({
			id: source,
			name: 'Final',
			parent_id: target,
			description: 'Done',
		});
		expect(ancestors.data.ancestors.map((item: any) => item.name)).toEqual([
			'Enterprise Workspace',
			'Archive',
			'Final',
		]);
	});

	it('rejects bad moves and renames', async () => {
		const outer = await createFolder(simulator, ENTERPRISE, 'Outer');
		const inner = await createFolder(simulator, outer, 'Inner');
		await createFolder(simulator, ENTERPRISE, 'Taken');

		const move = await simulator.put(`/api/v2/nodes/${outer}`, { parent_id: inner });
		const rename = await simulator.put(`/api/v2/nodes/${outer}`, { name: 'taken' });

		expect(move.status).toBe(400);
		expect(move.data.error).toMatch(/cannot be moved into itself/);
		expect(rename.status).toBe(500);
		expect(rename.data.error).toBe("An item with the name 'taken' already exists.");
	});

	it('deletes a node with everything below it', async () => {
		const outer = await createFolder(simulator, ENTERPRISE, 'Doomed');
		const inner = await createFolder(simulator, outer, 'Inner');

		const response = await simulator.delete(`/api/v2/nodes/${outer}`);

		expect(response.status).toBe(200);
		expect((await simulator.get(`/api/v2/nodes/${outer}`)).status).toBe(400);
		expect((await simulator.get(`/api/v2/nodes/${inner}`)).status).toBe(400);
	});

	it('refuses to delete volumes', async () => {
		const response = await simulator.delete('/api/v2/nodes/2000');

		expect(response.status).toBe(400);
		expect(response.data.error).toMatch(/volume/);
	});

	it('keeps categories and templates read-only', async () => {
		const create = await simulator.postBody('/api/v2/nodes', {
			type: 0,
			parent_id: SEED_IDS.categoryFolder,
			name: 'x',
		});
		const remove = await simulator.delete(`/api/v2/nodes/${SEED_IDS.categories.shopifyOrder}`);

		expect(create.status).toBe(400);
		expect(create.data.error).toMatch(/read-only/);
		expect(remove.status).toBe(400);
		expect((await simulator.get(`/api/v2/nodes/${SEED_IDS.categories.shopifyOrder}`)).status).toBe(
			200,
		);
	});

	it('creates URLs and shortcuts', async () => {
		const url = await simulator.postBody('/api/v2/nodes', {
			type: 140,
			parent_id: ENTERPRISE,
			name: 'Shop',
			url: 'https://demo-shop.example.com',
		});
		const shortcut = await simulator.postBody('/api/v2/nodes', {
			type: 1,
			parent_id: ENTERPRISE,
			name: 'To orders',
			original_id: 2201,
		});
		const noUrl = await simulator.postBody('/api/v2/nodes', {
			type: 140,
			parent_id: ENTERPRISE,
			name: 'No URL',
		});

		expect(url.data.results.data.properties).toMatchObject({
			type: 140,
			url: 'https://demo-shop.example.com',
		});
		expect(shortcut.data.results.data.properties).toMatchObject({ type: 1, original_id: 2201 });
		expect(noUrl.data.error).toBe("Missing required parameter 'url'");
	});

	it('copies a folder tree when original_id comes without type', async () => {
		const source = await createFolder(simulator, ENTERPRISE, 'Template');
		await uploadDocument(simulator, source, 'readme.txt', 'copy me');

		const response = await simulator.postBody('/api/v2/nodes', {
			original_id: source,
			parent_id: ENTERPRISE,
			name: 'Template copy',
		});
		const copyId = response.data.results.data.properties.id;
		const children = await simulator.get(`/api/v2/nodes/${copyId}/nodes`);
		const documentId = children.data.results[0].data.properties.id;
		const content = await simulator.get(`/api/v1/nodes/${documentId}/content`);

		expect(response.status).toBe(200);
		expect(children.data.results[0].data.properties.name).toBe('readme.txt');
		expect(content.data).toBe('copy me');
	});

	it('validates names with the names check', async () => {
		await createFolder(simulator, ENTERPRISE, 'Exists');

		const response = await simulator.post('/api/v1/validation/nodes/names', {
			body: JSON.stringify({ parent_id: ENTERPRISE, names: ['exists', 'Free'] }),
		});

		expect(response.status).toBe(200);
		expect(response.data.results).toHaveLength(1);
		expect(response.data.results[0].name).toBe('Exists');
	});
});
