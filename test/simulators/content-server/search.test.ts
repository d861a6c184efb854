import {
	createFolder,
	formOf,
	SEED_IDS,
	startSimulator,
	uploadDocument,
	type Simulator,
} from './helpers';

const ORDER = SEED_IDS.categories.shopifyOrder;
const CERTIFICATE = SEED_IDS.categories.productCertificate;

describe('Content Server simulator: search', () => {
	let simulator: Simulator;
	let folder: number;
	const ids: Record<string, number> = {};

	async function search(fields: Record<string, unknown>): Promise<any> {
		return (await simulator.post('/api/v2/search', { limit: 100, ...fields })).data;
	}

	async function names(where: string, extra: Record<string, unknown> = {}): Promise<string[]> {
		const body = await search({ where, ...extra });
		if (!body.results) throw new Error(`Search "${where}" failed: ${JSON.stringify(body)}`);
		return body.results.map((result: any) => result.data.properties.name).sort();
	}

	beforeAll(async () => {
		simulator = await startSimulator();
		folder = await createFolder(simulator, SEED_IDS.folders.orders, 'Search fixtures');
		ids.rockOrRoll = await uploadDocument(
			simulator,
			folder,
			'Rock or Roll.txt',
			'A playlist about guitars',
		);
		ids.rock = await uploadDocument(simulator, folder, 'Rock.txt', 'Stones and minerals');
		ids.roll = await uploadDocument(simulator, folder, 'Roll.txt', 'Bread rolls and butter');
		ids.quote = await uploadDocument(simulator, folder, 'Invoice 1001.csv', 'sku,qty\nTRS-42,2\n', {
			contentType: 'text/csv',
		});
		ids.order = await uploadDocument(
			simulator,
			folder,
			'Order 1001.json',
			'{"note":"deliver before christmas"}',
			{
				extra: {
					description: 'Confirmation for the trail shop',
					roles: {
						categories: {
							[`${ORDER}_2`]: '#1001',
							[`${ORDER}_4`]: '2026-03-17',
							[`${ORDER}_8`]: 120.5,
							[`${ORDER}_12`]: ['vip', 'wholesale'],
							[`${ORDER}_13_1_14`]: 'TRS-42',
							[`${ORDER}_13_1_16`]: 2,
						},
					},
				},
			},
		);
	});

	afterAll(async () => {
		await simulator.close();
	});

	it('finds the seeded certificates by category values', async () => {
		expect(await names(`Attr_${CERTIFICATE}_2: 7003 and Attr_${CERTIFICATE}_5: Approved`)).toEqual([
			'Alpine Thermos Bottle - Regulatory Approval.pdf',
			'Alpine Thermos Bottle - Safety Data Sheet.pdf',
		]);
		expect(
			await names(`Attr_${CERTIFICATE}_7: < 20260101 and Attr_${CERTIFICATE}_5: Approved`),
		).toEqual(['Alpine Thermos Bottle - Regulatory Approval.pdf']);
		expect(await names(`Attr_${CERTIFICATE}_9: UK`)).toEqual([
			'Alpine Thermos Bottle - Regulatory Approval.pdf',
		]);
	});

	it('searches a quoted phrase in a region without treating or as an operator', async () => {
		expect(await names('OTName: "rock or roll"')).toEqual(['Rock or Roll.txt']);
		expect(await names('OTName: rock or OTName: roll')).toEqual([
			'Rock or Roll.txt',
			'Rock.txt',
			'Roll.txt',
		]);
		expect(await names('OTName: (rock and-not roll)')).toEqual(['Rock.txt']);
		expect(await names('OTName: rock and not OTName: "or roll"')).toEqual(['Rock.txt']);
	});

	it('handles star inside and outside quotes', async () => {
		expect(await names(`OTName: ro* and OTParentID: ${folder}`)).toEqual([
			'Rock or Roll.txt',
			'Rock.txt',
			'Roll.txt',
		]);
		expect(await names(`OTName: "ro*" and OTParentID: ${folder}`)).toEqual([]);
		expect(await names(`OTName: "Invoice 1001" and OTParentID: ${folder}`)).toEqual([
			'Invoice 1001.csv',
		]);
	});

	it('matches bare words in name, description and text content', async () => {
		expect(await names('guitars')).toEqual(['Rock or Roll.txt']);
		expect(await names('christmas')).toEqual(['Order 1001.json']);
		expect(await names('trail shop')).toEqual(['Order 1001.json']);
		expect(await names('"Regulatory Approval" and thermos')).toEqual([
			'Alpine Thermos Bottle - Regulatory Approval.pdf',
		]);
	});

	it('reads the text layer of PDFs', async () => {
		expect(await names('"Nordic Testing Institute"')).toEqual([
			'Trail Runner Shoe - Certificate of Conformity.pdf',
		]);
	});

	it('limits bare words to content or metadata with within', async () => {
		expect(await names('guitars', { within: 'metadata' })).toEqual([]);
		expect(await names('guitars', { within: 'content' })).toEqual(['Rock or Roll.txt']);
		expect(await names('wholesale', { within: 'metadata' })).toEqual(['Order 1001.json']);
	});

	it('supports all words, any words and exact phrase', async () => {
		expect(await names('bread butter', { lookfor: 'allwords' })).toEqual(['Roll.txt']);
		expect(await names('bread guitars', { lookfor: 'anywords' })).toEqual([
			'Rock or Roll.txt',
			'Roll.txt',
		]);
		expect(await names('rolls and butter', { lookfor: 'exactphrase' })).toEqual(['Roll.txt']);
	});

	it('searches system regions: subtype, location, parent and dates', async () => {
		const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
		const inProductDocuments = await names(
			`OTSubType: 144 and OTLocation: ${SEED_IDS.folders.productDocuments}`,
		);

		expect(inProductDocuments).toHaveLength(6);
		expect(await names(`OTParentID: ${folder} and OTSubType: 144`)).toHaveLength(5);
		expect(
			await names(
				`OTLocation: ${SEED_IDS.folders.orders} and OTModifyDate: [${today} TO ${today}] and OTSubType: 144`,
			),
		).toHaveLength(5);
		expect(
			await names(
				`OTLocation: ${SEED_IDS.folders.productDocuments} and OTCreateDate: [qlrange "20260101~20260131"] and OTSubType: 144`,
			),
		).toEqual([
			'Alpine Thermos Bottle - Safety Data Sheet.pdf',
			'Trail Runner Shoe - Certificate of Conformity.pdf',
			'Trail Runner Shoe - Warranty.pdf',
		]);
		expect(
			await names(
				`OTSubType: 144 and OTCreateDate: >= 20260201 and OTCreateDate: < ${today} and OTLocation: 2204`,
			),
		).toEqual(['Merino Wool Socks - Safety Data Sheet.pdf']);
	});

	it('searches Attr_ regions of text, number, date, multi-value and set attributes', async () => {
		expect(await names(`Attr_${ORDER}_2: "#1001"`)).toEqual(['Order 1001.json']);
		expect(await names(`Attr_${ORDER}_8: >= 100`)).toEqual(['Order 1001.json']);
		expect(await names(`Attr_${ORDER}_8: 99`)).toEqual([]);
		expect(await names(`Attr_${ORDER}_4: 2026-03-17`)).toEqual(['Order 1001.json']);
		expect(await names(`Attr_${ORDER}_12: vip`)).toEqual(['Order 1001.json']);
		expect(await names(`Attr_${ORDER}_14: "TRS-42"`)).toEqual(['Order 1001.json']);
		expect(await names(`[qlregion "Attr_${ORDER}_16"] 2`)).toEqual(['Order 1001.json']);
	});

	it('accepts the body field and the deprecated GET', async () => {
		const viaBody = await simulator.post('/api/v2/search', {
			body: JSON.stringify({ where: 'guitars' }),
		});
		const viaGet = await simulator.get('/api/v2/search', { params: { where: 'guitars' } });

		expect(viaBody.data.results).toHaveLength(1);
		expect(viaGet.data.results).toHaveLength(1);
	});

	it('returns the documented response shape', async () => {
		const body = await search({
			where: `OTParentID: ${folder}`,
			limit: 2,
			page: 2,
			sort: 'asc_OTName',
			select: "{'OTName','OTObjectSize'}",
		});
		const result = body.results[0];

		expect(body.collection.paging).toMatchObject({
			limit: 2,
			page: 2,
			page_total: 3,
			range_min: 3,
			range_max: 4,
			total_count: 5,
		});
		expect(body.collection.paging.result_header_string).toBe(
			'Results 3 to 4 of 5 sorted by asc_OTName',
		);
		expect(body.results.map((item: any) => item.data.properties.name)).toEqual([
			'Rock or Roll.txt',
			'Rock.txt',
		]);
		expect(result.data.properties).toMatchObject({
			id: ids.rockOrRoll,
			parent_id: folder,
			type: 144,
			type_name: 'Document',
		});
		expect(result.data.regions.OTLocation).toBe(`2000 2200 2201 ${folder} ${ids.rockOrRoll}`);
		expect(result.data.regions.OTObjectSize).toBe(24);
		expect(result.data.versions).toMatchObject({
			version_number: 1,
			file_name: 'Rock or Roll.txt',
			mime_type: 'text/plain',
		});
		expect(result.links.parent.name).toBe('Search fixtures');
		expect(body.collection.searching.regions_order).toEqual([
			'OTName',
			'OTObjectDate',
			'OTLocation',
			'OTObjectSize',
		]);
	});

	it('restricts results to location_id parameters', async () => {
		expect(await names('thermos', { location_id1: SEED_IDS.folders.orders })).toEqual([]);
		expect(await names('rock', { location_id1: folder })).toEqual(['Rock or Roll.txt', 'Rock.txt']);
	});

	it('rejects an empty query and invalid LQL with 400', async () => {
		const cases = [
			'OTName: "unclosed',
			'(rock or roll',
			'rock and',
			'OTNope: x',
			'OTModifyDate: [2026 TO]',
			')',
		];
		const empty = await simulator.post('/api/v2/search', { where: '  ' });

		expect(empty.status).toBe(400);
		expect(empty.data.error).toMatch(/^You have either not specified any search criterion/);
		for (const where of cases) {
			const response = await simulator.post('/api/v2/search', { where });
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('Error Evaluating Query');
			expect(response.data.errorDetail).toBeTruthy();
		}
	});

	it('lists regions, including Attr_ regions, with filters', async () => {
		const all = await simulator.get('/api/v1/regions');
		const sortable = await simulator.get('/api/v1/regions?sortable=true');
		const regionNames = all.data.data.map((region: any) => region.name);

		expect(regionNames).toEqual(
			expect.arrayContaining([
				'OTName',
				'OTSubType',
				'OTLocation',
				'OTModifyDate',
				`Attr_${ORDER}_2`,
				`Attr_${ORDER}_14`,
			]),
		);
		expect(
			all.data.data.find((region: any) => region.name === `Attr_${ORDER}_2`).display_name,
		).toBe('Shopify Order: Order Number');
		expect(sortable.data.data.every((region: any) => region.sortable)).toBe(true);
		expect(sortable.data.data.length).toBeLessThan(all.data.data.length);
	});

	it('hides new items until the index delay has passed', async () => {
		await simulator.control('PATCH', 'settings', { searchIndexDelayMs: 400 });
		await uploadDocument(simulator, folder, 'Fresh.txt', 'zebra crossing');

		const before = await names('zebra');
		await new Promise((resolve) => setTimeout(resolve, 450));
		const after = await names('zebra');
		await simulator.control('PATCH', 'settings', { searchIndexDelayMs: 0 });

		expect(before).toEqual([]);
		expect(after).toEqual(['Fresh.txt']);
	});

	it('sends the search form as a real client does', async () => {
		const response = await simulator.http.post(
			'/api/v2/search',
			formOf({ where: 'OTName: Thermos', lookfor: 'complexquery' }),
			{
				headers: { OTCSTicket: simulator.ticket },
			},
		);

		expect(response.status).toBe(200);
		expect(response.data.results).toHaveLength(3);
	});
});
