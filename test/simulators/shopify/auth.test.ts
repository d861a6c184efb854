import { DEMO_APP, startSimulator, type SimulatorHandle } from './helpers';

const INVALID_TOKEN = {
	errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

describe('Shopify simulator authentication', () => {
	let handle: SimulatorHandle;

	beforeAll(async () => {
		handle = await startSimulator({ tokenLifetimeSeconds: 2 });
	});

	afterAll(async () => {
		await handle.close();
	});

	it('accepts the demo Admin API token', async () => {
		const response = await handle.gql<{ shop: { name: string } }>('{ shop { name } }');
		expect(response.status).toBe(200);
		expect(response.data.data?.shop.name).toBe('Demo Shop');
	});

	it('rejects a missing token with Shopify 401 body', async () => {
		const response = await handle.http.post('/admin/api/2026-01/graphql.json', {
			query: '{ shop { name } }',
		});
		expect(response.status).toBe(401);
		expect(response.data).toEqual(INVALID_TOKEN);
	});

	it('rejects an unknown token', async () => {
		const response = await handle.gql('{ shop { name } }', undefined, { token: 'shpat_unknown' });
		expect(response.status).toBe(401);
		expect(response.data).toEqual(INVALID_TOKEN);
		expect(response.headers['x-shopify-api-version']).toBe('2026-01');
	});

	it('rejects an unknown token on REST too', async () => {
		const response = await handle.http.get('/admin/api/2026-01/webhooks.json', {
			headers: { 'X-Shopify-Access-Token': 'nope' },
		});
		expect(response.status).toBe(401);
		expect(response.data).toEqual(INVALID_TOKEN);
	});

	it('mints a token with a form body', async () => {
		const response = await handle.http.post(
			'/admin/oauth/access_token',
			new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: DEMO_APP.clientId,
				client_secret: DEMO_APP.clientSecret,
			}).toString(),
			{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
		);
		expect(response.status).toBe(200);
		expect(response.data.access_token).toMatch(/^shpat_[0-9a-f]{32}$/);
		expect(response.data.scope).toContain('read_orders');
		expect(response.data.scope).toContain('write_products');
		expect(response.data.expires_in).toBe(2);

		const query = await handle.gql('{ shop { name } }', undefined, {
			token: response.data.access_token,
		});
		expect(query.status).toBe(200);
	});

	it('mints a token with a JSON body', async () => {
		const response = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'client_credentials',
			client_id: DEMO_APP.clientId,
			client_secret: DEMO_APP.clientSecret,
		});
		expect(response.status).toBe(200);
		expect(typeof response.data.access_token).toBe('string');
	});

	it('expires minted tokens after their lifetime', async () => {
		const minted = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'client_credentials',
			client_id: DEMO_APP.clientId,
			client_secret: DEMO_APP.clientSecret,
		});
		const token = minted.data.access_token as string;
		expect((await handle.gql('{ shop { name } }', undefined, { token })).status).toBe(200);

		await new Promise((resolve) => setTimeout(resolve, 2100));
		const expired = await handle.gql('{ shop { name } }', undefined, { token });
		expect(expired.status).toBe(401);
		expect(expired.data).toEqual(INVALID_TOKEN);
	});

	it('rejects a wrong client secret', async () => {
		const response = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'client_credentials',
			client_id: DEMO_APP.clientId,
			client_secret: 'wrong',
		});
		expect(response.status).toBe(401);
		expect(response.data.error).toBe('invalid_client');
		expect(JSON.stringify(response.data)).not.toContain(DEMO_APP.clientSecret);
	});

	it('rejects another grant type', async () => {
		const response = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'authorization_code',
			client_id: DEMO_APP.clientId,
			client_secret: DEMO_APP.clientSecret,
		});
		expect(response.status).toBe(400);
		expect(response.data.error).toBe('unsupported_grant_type');
	});

	it('rejects missing client credentials', async () => {
		const response = await handle.http.post('/admin/oauth/access_token', {
			grant_type: 'client_credentials',
		});
		expect(response.status).toBe(400);
		expect(response.data.error).toBe('invalid_request');
	});

	it('keeps tokens out of the request log', async () => {
		const log = await handle.http.get('/_simulator/requests');
		const text = JSON.stringify(log.data);
		expect(log.data.requests.length).toBeGreaterThan(0);
		expect(text).not.toContain(DEMO_APP.accessToken);
		expect(text).not.toContain('shpat_');
		expect(text).not.toContain(DEMO_APP.clientSecret);
	});
});
