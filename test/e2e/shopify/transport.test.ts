import { getStack } from '../support';
import {
	actionWorkflow,
	control,
	createCredential,
	credentialData,
	CREDENTIAL_TYPE,
	DEMO,
	locator,
	loggedRequests,
	runAction,
	type LoggedRequest,
} from './helpers';

const stack = getStack();
let credential: { id: string; name: string };

beforeAll(async () => {
	await control(stack, 'POST', 'reset');
	credential = await createCredential(stack, 'Shopify transport test');
});

afterEach(async () => {
	await control(stack, 'POST', 'reset');
});

function customerWorkflow(name: string, use: { id: string; name: string } = credential) {
	return actionWorkflow(
		name,
		{ resource: 'customer', operation: 'get', customer: locator('id', '={{ $json.id }}') },
		use,
	);
}

const CUSTOMERS = ['6001', '6002', '6003', '6004', '6001', '6002'].map((id) => ({ id }));

function graphqlRequests(requests: LoggedRequest[]): LoggedRequest[] {
	return requests.filter((request) => request.path.endsWith('/graphql.json'));
}

describe('rate limits and server failures', () => {
	it('waits out THROTTLED replies (HTTP 200) and returns every item', async () => {
		await control(stack, 'PATCH', 'settings', { faults: { throttledRate: 0.5, seed: 11 } });
		const result = await runAction(stack, customerWorkflow('shopify throttled 200'), CUSTOMERS);
		expect(result.items.map((item) => item.error)).toEqual(CUSTOMERS.map(() => undefined));
		expect(result.items.map((item) => item.json.id)).toEqual(
			CUSTOMERS.map(({ id }) => `gid://shopify/Customer/${id}`),
		);
		const requests = graphqlRequests(await loggedRequests(stack));
		expect(requests.filter((request) => request.throttled).length).toBeGreaterThan(0);
		const answered = requests.filter(
			(request) =>
				request.operationName === 'CustomerGet' && request.status === 200 && !request.throttled,
		);
		expect(answered).toHaveLength(CUSTOMERS.length);
	});

	it('waits out THROTTLED replies sent as HTTP 429', async () => {
		await control(stack, 'PATCH', 'settings', {
			throttledStatus: 429,
			faults: { throttledRate: 0.5, seed: 12 },
		});
		const result = await runAction(stack, customerWorkflow('shopify throttled 429'), CUSTOMERS);
		expect(result.items.filter((item) => item.error)).toEqual([]);
		const requests = graphqlRequests(await loggedRequests(stack));
		expect(requests.filter((request) => request.status === 429).length).toBeGreaterThan(0);
	});

	it('honours Retry-After on HTTP 429', async () => {
		// With seed 5 the simulator sends 429 for the 3rd, 5th and 10th request, never six in a row.
		await control(stack, 'PATCH', 'settings', { faults: { rateLimitRate: 0.4, seed: 5 } });
		const started = Date.now();
		const result = await runAction(
			stack,
			customerWorkflow('shopify rate limited'),
			CUSTOMERS.slice(0, 3),
		);
		expect(result.items.filter((item) => item.error)).toEqual([]);
		const limited = graphqlRequests(await loggedRequests(stack)).filter(
			(request) => request.status === 429,
		);
		expect(limited.length).toBeGreaterThan(0);
		// Each 429 carries Retry-After: 2.0, so the node waited at least 2 s per 429.
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000 * limited.length);
	});

	it('gives up after the bounded retries and names the cause on the item', async () => {
		await control(stack, 'PATCH', 'settings', { faults: { throttledRate: 1 } });
		const [item] = (
			await runAction(stack, customerWorkflow('shopify always throttled'), [{ id: '6001' }])
		).items;
		expect(item.error).toBe(
			'Shopify kept throttling "CustomerGet" after 6 retries (HTTP 200) [item 0]',
		);
		expect(graphqlRequests(await loggedRequests(stack))).toHaveLength(7);
	});

	it('retries server failures of queries with backoff', async () => {
		await control(stack, 'PATCH', 'settings', {
			faults: { serverErrorRate: 0.4, serverErrorStatus: 503, seed: 14 },
		});
		const result = await runAction(
			stack,
			customerWorkflow('shopify flaky server'),
			CUSTOMERS.slice(0, 4),
		);
		expect(result.items.filter((item) => item.error)).toEqual([]);
		expect(
			graphqlRequests(await loggedRequests(stack)).some((request) => request.status === 503),
		).toBe(true);

		await control(stack, 'PATCH', 'settings', {
			faults: { serverErrorRate: 1, serverErrorStatus: 502 },
		});
		const [item] = (
			await runAction(stack, customerWorkflow('shopify failing server'), [{ id: '6001' }])
		).items;
		expect(item.error).toMatch(
			/^Shopify failed to process "CustomerGet" \(HTTP 502\) after 3 retries: .* \[item 0\]$/,
		);
	});
});

describe('client credentials', () => {
	it('mints a token once, reuses it, and mints again after a 401', async () => {
		const minting = await createCredential(stack, 'Shopify client credentials', {
			authentication: 'clientCredentials',
			accessToken: '',
			clientId: DEMO.clientId,
			clientSecret: DEMO.clientSecret,
			webhookSigningSecret: '',
		});
		const workflow = customerWorkflow('shopify client credentials', minting);
		await control(stack, 'DELETE', 'requests');

		await runAction(stack, workflow, [{ id: '6001' }, { id: '6002' }]);
		await runAction(stack, workflow, [{ id: '6003' }]);
		let requests = await loggedRequests(stack);
		expect(requests.filter((request) => request.path === '/admin/oauth/access_token')).toHaveLength(
			1,
		);
		expect(graphqlRequests(requests).map((request) => request.status)).toEqual([200, 200, 200]);

		// A reset drops every minted token, as uninstalling and reinstalling the app would.
		await control(stack, 'POST', 'reset');
		const [item] = (await runAction(stack, workflow, [{ id: '6004' }])).items;
		expect(item.error).toBeUndefined();
		requests = await loggedRequests(stack);
		expect(
			requests.map(
				(request) =>
					`${request.path.endsWith('graphql.json') ? 'graphql' : request.path} ${request.status}`,
			),
		).toEqual(['graphql 401', '/admin/oauth/access_token 200', 'graphql 200']);
	});

	it('mints a new token when the cached one is about to expire', async () => {
		// Tokens that live 30 s are within the node's 60 s safety margin on the next run.
		await control(stack, 'PATCH', 'settings', { tokenLifetimeSeconds: 30 });
		const minting = await createCredential(stack, 'Shopify short-lived tokens', {
			authentication: 'clientCredentials',
			clientId: DEMO.clientId,
			clientSecret: DEMO.clientSecret,
		});
		const workflow = customerWorkflow('shopify short-lived tokens', minting);
		await control(stack, 'DELETE', 'requests');
		await runAction(stack, workflow, [{ id: '6001' }]);
		await runAction(stack, workflow, [{ id: '6001' }]);
		const requests = await loggedRequests(stack);
		expect(requests.filter((request) => request.path === '/admin/oauth/access_token')).toHaveLength(
			2,
		);
		expect(requests.filter((request) => request.status === 401)).toEqual([]);
	});

	it("shows Shopify's error text when minting fails", async () => {
		const wrong = await createCredential(stack, 'Shopify wrong client secret', {
			authentication: 'clientCredentials',
			clientId: DEMO.clientId,
			clientSecret: 'not-the-secret',
		});
		const [item] = (
			await runAction(stack, customerWorkflow('shopify wrong secret', wrong), [{ id: '6001' }])
		).items;
		expect(item.error).toContain(
			'Client authentication failed: the client_id or client_secret is wrong for this shop.',
		);
		expect(item.error).toContain('HTTP 401');
		expect(item.error).not.toContain('not-the-secret');
	});
});

interface CredentialTestResult {
	data?: { status: string; message: string };
	status?: string;
	message?: string;
}

/** Presses the credential's Test button through n8n's REST API. */
async function testCredential(
	id: string,
	name: string,
	data: Record<string, unknown>,
): Promise<{ status: string; message: string }> {
	const { baseUrl, authCookie } = stack.n8n.toConnection();
	const response = await fetch(`${baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: authCookie },
		body: JSON.stringify({ credentials: { id, name, type: CREDENTIAL_TYPE, data } }),
	});
	const body = (await response.json()) as CredentialTestResult;
	const result = body.data ?? body;
	return { status: String(result.status), message: String(result.message) };
}

describe('credential test', () => {
	it('succeeds with a valid token', async () => {
		const result = await testCredential(credential.id, credential.name, credentialData(stack));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it("shows Shopify's message for a wrong token", async () => {
		const data = credentialData(stack, { accessToken: 'shpat_wrong' });
		const created = await createCredential(stack, 'Shopify wrong token', {
			accessToken: 'shpat_wrong',
		});
		const result = await testCredential(created.id, created.name, data);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('[API] Invalid API key or access token');
		expect(result.message).not.toContain('shpat_wrong');
	});

	it('succeeds with client credentials', async () => {
		const overrides = {
			authentication: 'clientCredentials',
			clientId: DEMO.clientId,
			clientSecret: DEMO.clientSecret,
		};
		const created = await createCredential(stack, 'Shopify client credentials test', overrides);
		const result = await testCredential(created.id, created.name, credentialData(stack, overrides));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it("shows Shopify's message for wrong client credentials", async () => {
		const overrides = {
			authentication: 'clientCredentials',
			clientId: DEMO.clientId,
			clientSecret: 'wrong-secret',
		};
		const created = await createCredential(stack, 'Shopify wrong client', overrides);
		const result = await testCredential(created.id, created.name, credentialData(stack, overrides));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Client authentication failed');
	});

	it('explains an invalid shop', async () => {
		const overrides = { shop: 'www.demo-shop.com' };
		const created = await createCredential(stack, 'Shopify wrong shop', overrides);
		const result = await testCredential(created.id, created.name, credentialData(stack, overrides));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('is not a myshopify.com address');
	});
});
