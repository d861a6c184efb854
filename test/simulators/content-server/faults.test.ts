import { createFolder, DEMO_ACCOUNTS, SEED_IDS, startSimulator, type Simulator } from './helpers';

describe('Content Server simulator: faults, request log and reset', () => {
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

	it('answers with 503 and an HTML page at rate 1', async () => {
		await simulator.control('PATCH', 'settings', { faults: { serviceUnavailableRate: 1 } });

		const response = await simulator.get('/api/v2/nodes/2000');

		expect(response.status).toBe(503);
		expect(response.headers['content-type']).toMatch(/text\/html/);
	});

	it('answers with 500 and a JSON error at rate 1', async () => {
		await simulator.control('PATCH', 'settings', { faults: { serverErrorRate: 1 } });

		const response = await simulator.get('/api/v2/nodes/2000');

		expect(response.status).toBe(500);
		expect(typeof response.data.error).toBe('string');
	});

	it('answers with an HTML page and status 200 at rate 1', async () => {
		await simulator.control('PATCH', 'settings', { faults: { htmlResponseRate: 1 } });

		const response = await simulator.get('/api/v2/nodes/2000');

		expect(response.status).toBe(200);
		expect(response.headers['content-type']).toMatch(/text\/html/);
		expect(String(response.data)).toMatch(/<html>/);
	});

	it('drops the connection at rate 1', async () => {
		await simulator.control('PATCH', 'settings', { faults: { dropConnectionRate: 1 } });

		const failure = await simulator.get('/api/v2/nodes/2000').then(
			() => undefined,
			(error: { code?: string }) => error,
		);

		expect(failure).toBeDefined();
		expect(['ECONNRESET', 'ERR_BAD_RESPONSE', 'ECONNABORTED', 'EPIPE']).toContain(failure?.code);
	});

	it('adds latency', async () => {
		await simulator.control('PATCH', 'settings', { faults: { latencyMs: 300 } });

		const started = Date.now();
		const response = await simulator.get('/api/v2/nodes/2000');

		expect(response.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});

	it('faults only paths that match the pattern', async () => {
		await simulator.control('PATCH', 'settings', {
			faults: { serverErrorRate: 1, pathPattern: '/api/v2/search$' },
		});

		const node = await simulator.get('/api/v2/nodes/2000');
		const search = await simulator.post('/api/v2/search', { where: 'thermos' });

		expect(node.status).toBe(200);
		expect(search.status).toBe(500);
	});

	it('repeats the same fault sequence for the same seed', async () => {
		async function sequence(): Promise<number[]> {
			await simulator.control('PATCH', 'settings', {
				faults: { serverErrorRate: 0.5, seed: 4242 },
			});
			const statuses: number[] = [];
			for (let index = 0; index < 20; index++)
				statuses.push((await simulator.get('/api/v2/nodes/2000')).status);
			await simulator.control('PATCH', 'settings', { faults: { serverErrorRate: 0, seed: 1 } });
			return statuses;
		}

		const first = await sequence();
		const second = await sequence();

		expect(first).toEqual(second);
		expect(first).toContain(500);
		expect(first).toContain(200);
	});

	it('keeps the control API free of faults', async () => {
		await simulator.control('PATCH', 'settings', { faults: { dropConnectionRate: 1 } });

		const settings = await simulator.control('GET', 'settings');

		expect(settings.status).toBe(200);
		expect(settings.data.faults.dropConnectionRate).toBe(1);
	});

	it('rejects unknown settings and invalid values', async () => {
		const unknown = await simulator.control('PATCH', 'settings', { ticketIdle: 5 });
		const invalid = await simulator.control('PATCH', 'settings', {
			faults: { serverErrorRate: 2 },
		});

		expect(unknown.status).toBe(400);
		expect(unknown.data.error).toMatch(/Unknown setting "ticketIdle"/);
		expect(invalid.status).toBe(400);
		expect(invalid.data.error).toMatch(/faults.serverErrorRate/);
	});

	it('logs requests without secrets and clears the log', async () => {
		await simulator.control('DELETE', 'requests');
		await simulator.get(`/api/v2/nodes/2000?fields=properties`);
		await simulator.control('PATCH', 'settings', {
			faults: { serverErrorRate: 1, pathPattern: '/nodes/2006$' },
		});
		await simulator.get('/api/v2/nodes/2006');
		await simulator.http.get('/api/v2/nodes/2000');
		await simulator.login();

		const log = await simulator.control('GET', 'requests');
		const entries = log.data.requests;
		const text = JSON.stringify(log.data);

		expect(entries).toHaveLength(4);
		expect(entries[0]).toMatchObject({
			method: 'GET',
			path: '/otcs/cs.exe/api/v2/nodes/2000',
			query: { fields: 'properties' },
			status: 200,
			ticketSent: true,
			fault: null,
		});
		expect(typeof entries[0].durationMs).toBe('number');
		expect(typeof entries[0].time).toBe('string');
		expect(entries[1]).toMatchObject({ status: 500, fault: 'serverError' });
		expect(entries[2]).toMatchObject({ status: 401, ticketSent: false });
		expect(entries[3]).toMatchObject({
			method: 'POST',
			path: '/otcs/cs.exe/api/v1/auth',
			status: 200,
		});
		expect(text).not.toContain(simulator.ticket);
		expect(text).not.toContain(DEMO_ACCOUNTS.password);

		await simulator.control('DELETE', 'requests');
		expect((await simulator.control('GET', 'requests')).data.requests).toEqual([]);
	});

	it('restores the seed state and the settings on reset', async () => {
		const folder = await createFolder(simulator, SEED_IDS.enterpriseWorkspace, 'Temporary');
		await simulator.control('PATCH', 'settings', {
			ticketIdleSeconds: 5,
			faults: { latencyMs: 10 },
		});

		const reset = await simulator.control('POST', 'reset');
		await simulator.login();
		const after = await simulator.get(`/api/v2/nodes/${folder}`);
		const settings = await simulator.control('GET', 'settings');
		const certificate = await simulator.get('/api/v2/nodes/2211');

		expect(reset.status).toBe(200);
		expect(after.status).toBe(400);
		expect(settings.data.ticketIdleSeconds).toBe(1800);
		expect(settings.data.faults.latencyMs).toBe(0);
		expect(certificate.status).toBe(200);
	});

	it('answers unknown control routes with 404', async () => {
		const response = await simulator.control('GET', 'nothing');

		expect(response.status).toBe(404);
		expect(response.data.error).toMatch(/Routes: GET \/_simulator\/settings/);
	});
});
