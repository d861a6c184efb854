import { DEMO_APP, startSimulator, type SimulatorHandle } from './helpers';

describe('Shopify simulator API versions', () => {
	let handle: SimulatorHandle;

	beforeAll(async () => {
		handle = await startSimulator();
	});

	afterAll(async () => {
		await handle.close();
	});

	it.each(['2025-04', '2025-10', '2026-01', '2026-10'])(
		'serves supported version %s',
		async (version) => {
			const response = await handle.gql('{ shop { name } }', undefined, { version });
			expect(response.status).toBe(200);
			expect(response.headers['x-shopify-api-version']).toBe(version);
		},
	);

	it.each(['2024-01', '2027-01', 'banana', 'unstable'])(
		'falls forward from %s to the oldest supported',
		async (version) => {
			const response = await handle.gql('{ shop { name } }', undefined, { version });
			expect(response.status).toBe(200);
			expect(response.headers['x-shopify-api-version']).toBe('2025-04');
		},
	);

	it('serves a request without a version segment', async () => {
		const response = await handle.http.post(
			'/admin/api/graphql.json',
			{ query: '{ shop { name } }' },
			{ headers: { 'X-Shopify-Access-Token': DEMO_APP.accessToken } },
		);
		expect(response.status).toBe(200);
		expect(response.headers['x-shopify-api-version']).toBe('2025-04');
	});

	it('puts the served version on REST responses', async () => {
		const response = await handle.http.get('/admin/api/2023-07/webhooks.json', {
			headers: { 'X-Shopify-Access-Token': DEMO_APP.accessToken },
		});
		expect(response.status).toBe(200);
		expect(response.headers['x-shopify-api-version']).toBe('2025-04');
	});

	it('lists the public API versions', async () => {
		const response = await handle.gql<{
			publicApiVersions: Array<{ handle: string; supported: boolean }>;
		}>('{ publicApiVersions { handle displayName supported } }');
		const handles = response.data.data?.publicApiVersions.map((entry) => entry.handle);
		expect(handles).toEqual([
			'2025-04',
			'2025-07',
			'2025-10',
			'2026-01',
			'2026-04',
			'2026-07',
			'2026-10',
		]);
	});

	describe('webhook address field', () => {
		const createWith = (field: 'uri' | 'callbackUrl', version: string, port: number) =>
			handle.gql<{ webhookSubscriptionCreate: { userErrors: unknown[] } }>(
				`mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { ${field}: "http://127.0.0.1:${port}/hook", format: JSON }) { userErrors { field message } } }`,
				undefined,
				{ version },
			);

		it('accepts callbackUrl before 2025-10', async () => {
			const response = await createWith('callbackUrl', '2025-07', 9001);
			expect(response.data.errors).toBeUndefined();
			expect(response.data.data?.webhookSubscriptionCreate.userErrors).toEqual([]);
		});

		it('rejects uri before 2025-10', async () => {
			const response = await createWith('uri', '2025-07', 9002);
			expect(response.data.data).toBeUndefined();
			expect(response.data.errors?.[0].message).toBe(
				"InputObject 'WebhookSubscriptionInput' doesn't accept argument 'uri'",
			);
			expect(response.data.errors?.[0].extensions?.code).toBe('argumentNotAccepted');
		});

		it('accepts uri from 2025-10', async () => {
			const response = await createWith('uri', '2025-10', 9003);
			expect(response.data.errors).toBeUndefined();
			expect(response.data.data?.webhookSubscriptionCreate.userErrors).toEqual([]);
		});

		it('rejects callbackUrl from 2025-10', async () => {
			const response = await createWith('callbackUrl', '2026-01', 9004);
			expect(response.data.errors?.[0].message).toBe(
				"InputObject 'WebhookSubscriptionInput' doesn't accept argument 'callbackUrl'",
			);
		});

		it('rejects callbackUrl in variables from 2025-10', async () => {
			const response = await handle.gql(
				'mutation($sub: WebhookSubscriptionInput!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: $sub) { userErrors { message } } }',
				{ sub: { callbackUrl: 'http://127.0.0.1:9005/hook' } },
			);
			expect(response.data.errors?.[0].message).toBe(
				'Variable $sub of type WebhookSubscriptionInput! was provided invalid value for callbackUrl (Field is not defined on WebhookSubscriptionInput)',
			);
		});

		it('reads the address as callbackUrl or uri by version', async () => {
			const old = await handle.gql<{
				webhookSubscriptions: { nodes: Array<{ callbackUrl: string }> };
			}>('{ webhookSubscriptions(first: 10) { nodes { callbackUrl } } }', undefined, {
				version: '2025-04',
			});
			expect(old.data.data?.webhookSubscriptions.nodes.length).toBeGreaterThan(0);
			const current = await handle.gql(
				'{ webhookSubscriptions(first: 10) { nodes { callbackUrl } } }',
			);
			expect(current.data.errors?.[0].message).toBe(
				"Field 'callbackUrl' doesn't exist on type 'WebhookSubscription'",
			);
		});
	});

	it('follows a changed uri switch version setting', async () => {
		await handle.http.patch('/_simulator/settings', { webhookUriFromVersion: '2026-04' });
		const response = await handle.gql(
			'mutation { webhookSubscriptionCreate(topic: ORDERS_PAID, webhookSubscription: { callbackUrl: "http://127.0.0.1:9010/hook" }) { userErrors { message } } }',
			undefined,
			{ version: '2026-01' },
		);
		expect(response.data.errors).toBeUndefined();
		await handle.http.patch('/_simulator/settings', { webhookUriFromVersion: '2025-10' });
	});

	it('drops productByHandle after its last version when configured', async () => {
		await handle.http.patch('/_simulator/settings', { productByHandleUntilVersion: '2025-10' });
		const old = await handle.gql(
			'{ productByHandle(handle: "trail-runner-shoe") { id } }',
			undefined,
			{ version: '2025-10' },
		);
		expect(old.data.errors).toBeUndefined();
		const current = await handle.gql(
			'{ productByHandle(handle: "trail-runner-shoe") { id } }',
			undefined,
			{ version: '2026-01' },
		);
		expect(current.data.errors?.[0].message).toBe(
			"Field 'productByHandle' doesn't exist on type 'QueryRoot'",
		);
		await handle.http.patch('/_simulator/settings', { productByHandleUntilVersion: null });
	});
});
