import { DEMO_ACCOUNTS, formOf, startSimulator, type Simulator } from './helpers';

describe('Content Server simulator: authentication and request encoding', () => {
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

	it('logs in with form fields and returns the ticket in body and header', async () => {
		const response = await simulator.http.post(
			'/api/v1/auth',
			formOf({ username: 'admin', password: DEMO_ACCOUNTS.password }),
		);

		expect(response.status).toBe(200);
		expect(typeof response.data.ticket).toBe('string');
		expect(response.headers.otcsticket).toBe(response.data.ticket);
	});

	it('logs in with a multipart form', async () => {
		const response = await simulator.multipart('POST', '/api/v1/auth', [
			{ name: 'username', value: 'admin' },
			{ name: 'password', value: DEMO_ACCOUNTS.password },
		]);

		expect(response.status).toBe(200);
		expect(response.data.ticket).toBeTruthy();
	});

	it('rejects a wrong password with 401', async () => {
		const response = await simulator.http.post(
			'/api/v1/auth',
			formOf({ username: 'admin', password: 'wrong' }),
		);

		expect(response.status).toBe(401);
		expect(response.data).toEqual({ error: 'Invalid username/password specified' });
	});

	it('answers a login without user name with 500', async () => {
		const response = await simulator.http.post('/api/v1/auth', formOf({ password: 'x' }));

		expect(response.status).toBe(500);
		expect(response.data.error).toBe('Argument username is required');
	});

	it('rejects a domain when domain support is off', async () => {
		const response = await simulator.http.post(
			'/api/v1/auth',
			formOf({ username: 'admin', password: DEMO_ACCOUNTS.password, domain: 'CORP' }),
		);

		expect(response.status).toBe(401);
		expect(response.data.error).toBe('Unable to login. Domain support is disabled');
	});

	it('returns the current user for a ticket in a lower-case header', async () => {
		const response = await simulator.http.get('/api/v1/auth', {
			headers: { otcsticket: simulator.ticket },
		});

		expect(response.status).toBe(200);
		expect(response.data.data.id).toBe(1000);
		expect(response.data.data.name).toBe('admin');
	});

	it('sends a fresh ticket on each success and keeps the old one valid', async () => {
		const first = await simulator.get('/api/v1/auth');
		const second = await simulator.get('/api/v1/auth');
		const refreshed = first.headers.otcsticket as string;

		expect(refreshed).toBeTruthy();
		expect(refreshed).not.toBe(simulator.ticket);
		expect(second.headers.otcsticket).not.toBe(refreshed);
		expect(second.status).toBe(200);
		const withRefreshed = await simulator.http.get('/api/v1/auth', {
			headers: { OTCSTicket: refreshed },
		});
		expect(withRefreshed.status).toBe(200);
	});

	it('rejects requests without a ticket or with an unknown one', async () => {
		const missing = await simulator.http.get('/api/v2/nodes/2000');
		const unknown = await simulator.http.get('/api/v2/nodes/2000', {
			headers: { OTCSTicket: 'not-a-ticket' },
		});

		expect(missing.status).toBe(401);
		expect(missing.data.error).toBe('Authentication required');
		expect(unknown.status).toBe(401);
		expect(typeof unknown.data.error).toBe('string');
	});

	it('expires a ticket after the idle time and keeps a used one alive', async () => {
		await simulator.control('PATCH', 'settings', { ticketIdleSeconds: 1 });
		const idle = await simulator.login();
		const busy = await simulator.login();

		for (let step = 0; step < 3; step++) {
			await new Promise((resolve) => setTimeout(resolve, 450));
			expect(
				(await simulator.http.get('/api/v1/auth', { headers: { OTCSTicket: busy } })).status,
			).toBe(200);
		}
		const expired = await simulator.http.get('/api/v1/auth', { headers: { OTCSTicket: idle } });

		expect(expired.status).toBe(401);
		expect(expired.data.error).toMatch(/expired/);
	});

	it('expires every ticket through the control API', async () => {
		const expire = await simulator.control('POST', 'tickets/expire');
		const after = await simulator.get('/api/v1/auth');

		expect(expire.status).toBe(200);
		expect(after.status).toBe(401);
	});

	it('ends the session on logout', async () => {
		const logout = await simulator.delete('/api/v1/auth');
		const after = await simulator.get('/api/v1/auth');

		expect(logout.status).toBe(200);
		expect(logout.headers.otcsticket).toBeUndefined();
		expect(after.status).toBe(401);
	});

	it('exchanges a configured OTDS ticket for a Content Server ticket', async () => {
		const response = await simulator.http.get('/api/v1/auth', {
			headers: { OTDSTicket: 'demo-otds-ticket' },
		});
		const ticket = response.headers.otcsticket as string;
		const withTicket = await simulator.http.get('/api/v2/nodes/2000', {
			headers: { OTCSTicket: ticket },
		});

		expect(response.status).toBe(200);
		expect(ticket).toBeTruthy();
		expect(withTicket.status).toBe(200);
	});

	it('rejects an unknown OTDS ticket', async () => {
		const response = await simulator.http.get('/api/v1/auth', {
			headers: { OTDSTicket: 'forged' },
		});

		expect(response.status).toBe(401);
		expect(response.headers.otcsticket).toBeUndefined();
	});

	it('issues an OTDS access token for client credentials in form fields', async () => {
		const token = await simulator.root.post(
			'/otdsws/oauth2/token',
			formOf({
				grant_type: 'client_credentials',
				client_id: 'demo-otds-client',
				client_secret: 'demo-otds-secret',
			}),
		);
		const exchange = await simulator.http.get('/api/v1/auth', {
			headers: { Authorization: `Bearer ${token.data.access_token}` },
		});

		expect(token.status).toBe(200);
		expect(token.data.token_type).toBe('Bearer');
		expect(token.data.expires_in).toBe(3600);
		expect(exchange.status).toBe(200);
		expect(exchange.headers.otcsticket).toBeTruthy();
	});

	it('accepts client credentials in HTTP Basic authentication', async () => {
		const basic = Buffer.from('demo-otds-client:demo-otds-secret').toString('base64');
		const token = await simulator.root.post(
			'/otdsws/oauth2/token',
			formOf({ grant_type: 'client_credentials' }),
			{
				headers: { Authorization: `Basic ${basic}` },
			},
		);

		expect(token.status).toBe(200);
		expect(token.data.access_token).toBeTruthy();
	});

	it('rejects a wrong client secret and an unsupported grant type', async () => {
		const wrongSecret = await simulator.root.post(
			'/otdsws/oauth2/token',
			formOf({
				grant_type: 'client_credentials',
				client_id: 'demo-otds-client',
				client_secret: 'nope',
			}),
		);
		const wrongGrant = await simulator.root.post(
			'/otdsws/oauth2/token',
			formOf({ grant_type: 'password' }),
		);

		expect(wrongSecret.status).toBe(401);
		expect(wrongSecret.data.error).toBe('invalid_client');
		expect(wrongGrant.status).toBe(400);
		expect(wrongGrant.data.error).toBe('unsupported_grant_type');
	});

	it('issues OTDS tickets through the credentials login', async () => {
		const login = await simulator.root.post('/otdsws/v1/authentication/credentials', {
			user_name: 'admin',
			password: DEMO_ACCOUNTS.password,
		});
		const exchange = await simulator.http.get('/api/v1/auth', {
			headers: { OTDSTicket: login.data.ticket },
		});

		expect(login.status).toBe(200);
		expect(login.data.ticket).toMatch(/^\*OTDSSSO\*/);
		expect(exchange.status).toBe(200);
	});

	it('answers ping without authentication', async () => {
		const response = await simulator.http.get('/api/v1/ping');

		expect(response.status).toBe(200);
		expect(response.data.rest_api.map((entry: { version: number }) => entry.version)).toEqual([
			1, 2,
		]);
	});

	it('reports the session timeout in server info', async () => {
		const response = await simulator.get('/api/v1/serverinfo');

		expect(response.status).toBe(200);
		expect(response.data.sessions.session_inactivity).toBe(30 * 60 * 1000);
	});

	it('rejects JSON request bodies with 400', async () => {
		const response = await simulator.http.post(
			'/api/v2/nodes',
			{ type: 0, parent_id: 2000, name: 'JSON folder' },
			{ headers: { OTCSTicket: simulator.ticket } },
		);

		expect(response.status).toBe(400);
		expect(response.data.error).toBe('Parameters are required for PUT, POST, and PATCH methods');
	});

	it('rejects a POST without parameters with 400', async () => {
		const response = await simulator.post('/api/v2/nodes');

		expect(response.status).toBe(400);
		expect(response.data.error).toBe('Parameters are required for PUT, POST, and PATCH methods');
	});

	it('answers an unknown route with the mappings registry error', async () => {
		const response = await simulator.get('/api/v2/nothing/here');

		expect(response.status).toBe(400);
		expect(response.data.error).toBe(
			'The REST API URL could not be found in the mappings registry',
		);
	});

	it('moves the status into the body with suppress_response_codes', async () => {
		const response = await simulator.get('/api/v2/nodes/999999?suppress_response_codes');

		expect(response.status).toBe(200);
		expect(response.data.statusCode).toBe(400);
		expect(response.data.error).toBe('Could not get a node for 999999');
	});
});
