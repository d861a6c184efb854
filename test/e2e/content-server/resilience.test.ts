import { randomBytes } from 'node:crypto';

import { byId, createHarness, uniqueName, type Harness, type LoggedRequest } from './harness';

let harness: Harness;
let defaults: Record<string, unknown>;

const NO_FAULTS = {
	serverErrorRate: 0,
	serviceUnavailableRate: 0,
	dropConnectionRate: 0,
	htmlResponseRate: 0,
	latencyMs: 0,
	latencyJitterMs: 0,
	pathPattern: null,
};

function isLogin(request: LoggedRequest): boolean {
	return request.method === 'POST' && request.path.endsWith('/api/v1/auth');
}

async function uploadParameters(folderId: number) {
	return {
		resource: 'document',
		operation: 'upload',
		binaryPropertyName: 'data',
		folder: byId(folderId),
	};
}

/** Runs a cheap request, so that the credential's stored ticket is valid before a measured run. */
async function warmUp(): Promise<void> {
	const result = await harness.run(
		{ resource: 'folder', operation: 'get', folder: byId(harness.folder.id) },
		[{}],
	);
	expect(result.items[0].error).toBeUndefined();
}

async function waitFor(
	predicate: (requests: LoggedRequest[]) => boolean,
	timeoutMs = 60_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (predicate(await harness.simulator.requests())) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error('The simulator did not log the expected requests in time');
}

beforeAll(async () => {
	harness = await createHarness('resilience');
	defaults = await harness.simulator.settings();
});

afterEach(async () => {
	await harness.simulator.patchSettings({
		faults: NO_FAULTS,
		multipart: defaults.multipart as Record<string, unknown>,
		ticketIdleSeconds: defaults.ticketIdleSeconds,
		ticketSliding: defaults.ticketSliding,
	});
});

describe('ticket expiry', () => {
	it('logs in once when tickets expire in the middle of a batch', async () => {
		const folder = await harness.rest.createFolder(harness.folder.id, uniqueName('expiry'));
		const items = Array.from({ length: 6 }, (_, index) => ({
			filePath: harness.writeFile(`batch-${index}.txt`, `item ${index}`),
		}));
		await warmUp();
		await harness.simulator.patchSettings({
			faults: { ...NO_FAULTS, latencyMs: 300, pathPattern: '/api/v2/nodes$' },
		});
		await harness.simulator.clearRequests();

		const running = harness.run(await uploadParameters(folder.id), items, { binaryInput: true });
		await waitFor(
			(requests) =>
				requests.filter(
					(request) =>
						request.method === 'POST' &&
						request.path.endsWith('/api/v2/nodes') &&
						request.status === 200,
				).length >= 2,
		);
		await harness.simulator.expireTickets();
		const result = await running;
		// Read before the test's own REST client logs in again with its expired ticket.
		const requests = await harness.simulator.requests();

		expect(result.items.map((item) => item.error)).toEqual(Array(6).fill(undefined));
		expect(requests.filter(isLogin)).toHaveLength(1);
		expect(requests.filter((request) => request.status === 401)).toHaveLength(1);
		expect((await harness.rest.children(folder.id)).map((child) => child.name).sort()).toEqual(
			items.map((_, index) => `batch-${index}.txt`),
		);
	});

	it('sends a streamed upload again after a 401', async () => {
		const folder = await harness.rest.createFolder(harness.folder.id, uniqueName('stream-401'));
		const content = randomBytes(2 * 1024 * 1024);
		const file = harness.writeFile('stream-401.bin', content);
		await warmUp();
		await harness.simulator.patchSettings({
			faults: { ...NO_FAULTS, latencyMs: 1500, pathPattern: '/api/v2/nodes$' },
		});
		await harness.simulator.clearRequests();

		const running = harness.run(await uploadParameters(folder.id), [{ filePath: file }], {
			binaryInput: true,
		});
		// The upload starts right after the ticket check and waits 1.5 s in the simulator.
		// The tickets expire during that wait.
		await waitFor((requests) =>
			requests.some((request) => request.method === 'GET' && request.path.endsWith('/api/v1/auth')),
		);
		await harness.simulator.expireTickets();
		const result = await running;
		const requests = await harness.simulator.requests();

		expect(result.items[0].error).toBeUndefined();
		const uploads = requests.filter(
			(request) => request.method === 'POST' && request.path.endsWith('/api/v2/nodes'),
		);
		expect(uploads.map((request) => request.status)).toEqual([401, 200]);
		expect(requests.filter(isLogin)).toHaveLength(1);
		expect((await harness.rest.content(Number(result.items[0].json.id))).equals(content)).toBe(
			true,
		);
	});
});

describe('transient failures', () => {
	it.each([
		['HTTP 503 with an HTML page', { serviceUnavailableRate: 0.5 }, 'serviceUnavailable'],
		['HTTP 200 with an HTML page', { htmlResponseRate: 0.5 }, 'htmlResponse'],
		['a dropped connection', { dropConnectionRate: 0.5 }, 'dropConnection'],
	])('retries reads after %s', async (_label, faults, faultName) => {
		await warmUp();
		await harness.simulator.patchSettings({
			faults: {
				...NO_FAULTS,
				...faults,
				seed: 7,
				pathPattern: `/api/v2/nodes/${harness.folder.id}$`,
			},
		});
		await harness.simulator.clearRequests();

		const result = await harness.run(
			{ resource: 'folder', operation: 'get', folder: byId(harness.folder.id) },
			Array.from({ length: 6 }, () => ({})),
		);

		expect(result.items.map((item) => item.error)).toEqual(Array(6).fill(undefined));
		expect(result.items.every((item) => item.json.id === harness.folder.id)).toBe(true);
		const faulted = (await harness.simulator.requests()).filter(
			(request) => request.fault === faultName,
		);
		expect(faulted.length).toBeGreaterThan(0);
	});

	it('does not retry HTTP 500 and names the item', async () => {
		await warmUp();
		await harness.simulator.patchSettings({
			faults: {
				...NO_FAULTS,
				serverErrorRate: 1,
				pathPattern: `/api/v2/nodes/${harness.folder.id}$`,
			},
		});
		await harness.simulator.clearRequests();

		const result = await harness.run(
			{ resource: 'folder', operation: 'get', folder: byId(harness.folder.id) },
			[{}, {}],
		);

		expect(result.items.map((item) => item.error)).toEqual([
			expect.stringMatching(
				/^Folder: Content Server rejected GET \/api\/v2\/nodes\/\d+ with HTTP 500: .* \[item 0\]$/,
			),
			expect.stringMatching(/\[item 1\]$/),
		]);
		const gets = (await harness.simulator.requests()).filter((request) =>
			request.path.endsWith(`/api/v2/nodes/${harness.folder.id}`),
		);
		expect(gets).toHaveLength(2);
	});

	it('creates each folder once when creates fail on the way', async () => {
		const parent = await harness.rest.createFolder(harness.folder.id, uniqueName('creates'));
		await warmUp();
		await harness.simulator.patchSettings({
			faults: {
				...NO_FAULTS,
				dropConnectionRate: 0.3,
				serviceUnavailableRate: 0.2,
				seed: 11,
				pathPattern: '/api/v2/nodes$',
			},
		});
		await harness.simulator.clearRequests();

		const result = await harness.run(
			{
				resource: 'folder',
				operation: 'create',
				parentFolder: byId(parent.id),
				name: '={{ $json.name }}',
			},
			Array.from({ length: 8 }, (_, index) => ({ name: `Folder ${index}` })),
		);

		expect(result.items.map((item) => item.error)).toEqual(Array(8).fill(undefined));
		const names = (await harness.rest.children(parent.id)).map((child) => child.name).sort();
		expect(names).toEqual(Array.from({ length: 8 }, (_, index) => `Folder ${index}`));
		const faulted = (await harness.simulator.requests()).filter(
			(request) => request.fault !== null,
		);
		expect(faulted.length).toBeGreaterThan(0);
	});

	it('reports a server that stays unavailable', async () => {
		await warmUp();
		await harness.simulator.patchSettings({
			faults: {
				...NO_FAULTS,
				serviceUnavailableRate: 1,
				pathPattern: `/api/v2/nodes/${harness.folder.id}$`,
			},
		});

		const result = await harness.run(
			{ resource: 'folder', operation: 'get', folder: byId(harness.folder.id) },
			[{}],
		);

		expect(result.items[0].error).toMatch(/HTTP 503 \[item 0\]$/);
		expect(String(result.items[0].json.details)).toMatch(/sent 5 time\(s\)/);
	});
});

describe('Large File Upload', () => {
	it('sends large files in parts and survives a dropped part', async () => {
		const folder = await harness.rest.createFolder(harness.folder.id, uniqueName('parts'));
		const content = randomBytes(700 * 1024 + 123);
		const file = harness.writeFile('parts.bin', content);
		await harness.simulator.patchSettings({
			multipart: { enabled: true, minSize: 100 * 1024, partSize: 128 * 1024 },
			faults: {
				...NO_FAULTS,
				dropConnectionRate: 0.3,
				seed: 5,
				pathPattern: '/api/v2/multipart/[^/]+/\\d+$',
			},
		});
		await warmUp();
		await harness.simulator.clearRequests();

		const result = await harness.run(await uploadParameters(folder.id), [{ filePath: file }], {
			binaryInput: true,
		});

		expect(result.items[0].error).toBeUndefined();
		const documentId = Number(result.items[0].json.id);
		expect((await harness.rest.content(documentId)).equals(content)).toBe(true);
		const requests = await harness.simulator.requests();
		const parts = requests.filter(
			(request) => /\/api\/v2\/multipart\/[^/]+\/\d+$/.test(request.path) && request.status === 200,
		);
		expect(parts).toHaveLength(6);
		expect(requests.some((request) => request.fault === 'dropConnection')).toBe(true);
		expect(
			requests.filter(
				(request) => request.method === 'POST' && /\/api\/v2\/multipart\/[^/]+$/.test(request.path),
			),
		).toHaveLength(1);
	});

	it('uses one streamed request below the minimum size', async () => {
		const folder = await harness.rest.createFolder(harness.folder.id, uniqueName('small'));
		const file = harness.writeFile('small.bin', randomBytes(1024));
		await harness.simulator.clearRequests();

		const result = await harness.run(await uploadParameters(folder.id), [{ filePath: file }], {
			binaryInput: true,
		});

		expect(result.items[0].error).toBeUndefined();
		const multipart = (await harness.simulator.requests()).filter(
			(request) =>
				request.path.includes('/api/v2/multipart') && !request.path.endsWith('/settings'),
		);
		expect(multipart).toEqual([]);
	});
});

describe('request encoding', () => {
	it('sends no request that Content Server rejects', async () => {
		const folder = await harness.rest.createFolder(harness.folder.id, uniqueName('encoding'));
		const file = harness.writeFile('encoding.txt', 'x');
		await warmUp();
		await harness.simulator.clearRequests();

		const uploaded = await harness.run(
			{
				...(await uploadParameters(folder.id)),
				applyCategory: true,
				category: byId(2101),
				attributeValues: {
					value: [
						{ attribute: 'Order Number', value: '1' },
						{ attribute: 'Tags', value: '["a","b"]' },
					],
				},
			},
			[{ filePath: file }],
			{ binaryInput: true },
		);
		const documentId = Number(uploaded.items[0].json.id);
		await harness.run(
			{
				resource: 'document',
				operation: 'update',
				document: byId(documentId),
				updateFields: { description: 'd' },
			},
			[{}],
		);
		await harness.run(
			{
				resource: 'category',
				operation: 'updateValues',
				item: byId(documentId),
				category: byId(2101),
				attributeValues: { value: [{ attribute: 'Currency', value: 'EUR' }] },
			},
			[{}],
		);
		await harness.run(
			{
				resource: 'search',
				operation: 'search',
				returnAll: true,
				location: byId(folder.id),
				filters: { name: 'encoding' },
			},
			[{}],
		);
		await harness.run(
			{
				resource: 'link',
				operation: 'createUrl',
				folder: byId(folder.id),
				name: 'Shop',
				url: 'https://example.com/',
			},
			[{}],
		);

		const requests = await harness.simulator.requests();
		expect(requests.length).toBeGreaterThan(10);
		expect(requests.filter((request) => request.status >= 400)).toEqual([]);
	});
});
