import axios from 'axios';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

import { DEFAULT_SHOPIFY_SETTINGS, startShopifySimulator } from '../../../simulators/shopify';
import { startSimulator, type SimulatorHandle } from './helpers';

const REPO = path.resolve(__dirname, '../../..');

describe('Shopify simulator control API', () => {
	let handle: SimulatorHandle;

	beforeAll(async () => {
		handle = await startSimulator({ tokenLifetimeSeconds: 60 });
	});

	beforeEach(async () => {
		await handle.http.post('/_simulator/reset');
	});

	afterAll(async () => {
		await handle.close();
	});

	describe('settings', () => {
		it('returns the settings with secrets masked', async () => {
			const response = await handle.http.get('/_simulator/settings');
			expect(response.status).toBe(200);
			expect(response.data.tokenLifetimeSeconds).toBe(60);
			expect(response.data.costBucketSize).toBe(DEFAULT_SHOPIFY_SETTINGS.costBucketSize);
			expect(response.data.notificationsSigningKey).toBe('***');
			expect(JSON.stringify(response.data)).not.toContain('demo-notifications-signing-key');
		});

		it('patches settings and faults', async () => {
			const response = await handle.http.patch('/_simulator/settings', {
				autoEmit: true,
				faults: { latencyMs: 5 },
			});
			expect(response.status).toBe(200);
			expect(response.data.autoEmit).toBe(true);
			expect(response.data.faults.latencyMs).toBe(5);
			expect(response.data.faults.serverErrorRate).toBe(0);
		});

		it.each([
			[{ colour: 'blue' }, 'Unknown setting "colour"'],
			[{ throttledStatus: 503 }, 'must be 200 or 429'],
			[{ faults: { serverErrorRate: 2 } }, 'faults.serverErrorRate'],
			[{ supportedVersions: ['2026-02'] }, 'must be an API version'],
			[{ tokenLifetimeSeconds: 'long' }, 'tokenLifetimeSeconds'],
		])('rejects the patch %j', async (patch, fragment) => {
			const response = await handle.http.patch('/_simulator/settings', patch);
			expect(response.status).toBe(400);
			expect(response.data.error).toContain(fragment);
		});

		it('applies nothing from a patch with one bad field', async () => {
			await handle.http.patch('/_simulator/settings', { autoEmit: true, throttledStatus: 418 });
			const settings = await handle.http.get('/_simulator/settings');
			expect(settings.data.autoEmit).toBe(false);
		});
	});

	describe('request log', () => {
		it('records method, path, operation, status, cost and latency', async () => {
			await handle.http.delete('/_simulator/requests');
			await handle.gql('query ShopName { shop { name } }');
			await handle.gql(
				'mutation Clean { metafieldsDelete(metafields: []) { userErrors { message } } }',
			);
			await handle.http.get('/admin/api/2026-01/orders.json', {
				headers: { 'X-Shopify-Access-Token': 'bad' },
			});

			const response = await handle.http.get('/_simulator/requests');
			const entries = response.data.requests;
			expect(entries).toHaveLength(3);
			expect(entries[0]).toMatchObject({
				method: 'POST',
				path: '/admin/api/2026-01/graphql.json',
				apiVersion: '2026-01',
				operationName: 'ShopName',
				operationType: 'query',
				status: 200,
				requestedCost: 1,
				actualCost: 1,
				throttled: false,
				fault: null,
			});
			expect(typeof entries[0].latencyMs).toBe('number');
			expect(entries[1]).toMatchObject({
				operationName: 'Clean',
				operationType: 'mutation',
				requestedCost: 10,
			});
			expect(entries[2]).toMatchObject({
				method: 'GET',
				path: '/admin/api/2026-01/orders.json',
				status: 401,
			});

			const cleared = await handle.http.delete('/_simulator/requests');
			expect(cleared.data).toEqual({ deleted: 3 });
			expect((await handle.http.get('/_simulator/requests')).data.requests).toEqual([]);
		});
	});

	describe('reset', () => {
		it('restores seed records, settings and tokens', async () => {
			await handle.gql(
				'mutation { productUpdate(product: { id: "gid://shopify/Product/7001", title: "Changed" }) { userErrors { message } } }',
			);
			await handle.http.patch('/_simulator/settings', { costBucketSize: 10 });
			const minted = await handle.http.post('/admin/oauth/access_token', {
				grant_type: 'client_credentials',
				client_id: 'demo-client-id',
				client_secret: 'demo-client-secret',
			});

			expect((await handle.http.post('/_simulator/reset')).data).toEqual({ reset: true });

			const product = await handle.gql<{ product: { title: string } }>(
				'{ product(id: "gid://shopify/Product/7001") { title } }',
			);
			expect(product.data.data?.product.title).toBe('Trail Runner Shoe');
			const settings = await handle.http.get('/_simulator/settings');
			expect(settings.data.costBucketSize).toBe(2000);
			expect(settings.data.tokenLifetimeSeconds).toBe(60);
			const old = await handle.gql('{ shop { name } }', undefined, {
				token: minted.data.access_token,
			});
			expect(old.status).toBe(401);
		});
	});

	describe('faults', () => {
		it('injects server errors', async () => {
			await handle.http.patch('/_simulator/settings', {
				faults: { serverErrorRate: 1, serverErrorStatus: 503 },
			});
			const response = await handle.gql('{ shop { name } }');
			expect(response.status).toBe(503);
			const log = await handle.http.get('/_simulator/requests');
			expect(log.data.requests.at(-1)).toMatchObject({ status: 503, fault: 'serverError' });
		});

		it('injects 429 with Retry-After', async () => {
			await handle.http.patch('/_simulator/settings', { faults: { rateLimitRate: 1 } });
			const response = await handle.http.get('/admin/api/2026-01/webhooks.json', {
				headers: { 'X-Shopify-Access-Token': 'shpat_demo_token' },
			});
			expect(response.status).toBe(429);
			expect(response.headers['retry-after']).toBe('2.0');
		});

		it('injects THROTTLED replies', async () => {
			await handle.http.patch('/_simulator/settings', { faults: { throttledRate: 1 } });
			const response = await handle.gql('{ shop { name } }');
			expect(response.status).toBe(200);
			expect(response.data.errors?.[0].extensions?.code).toBe('THROTTLED');
			expect(response.data.extensions.cost.throttleStatus.currentlyAvailable).toBe(0);
		});

		it('adds latency', async () => {
			await handle.http.patch('/_simulator/settings', { faults: { latencyMs: 150 } });
			const started = Date.now();
			await handle.gql('{ shop { name } }');
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		});

		it('repeats the same fault sequence for the same seed', async () => {
			const sequence = async () => {
				await handle.http.patch('/_simulator/settings', {
					faults: { serverErrorRate: 0.5, seed: 42 },
				});
				await handle.http.patch('/_simulator/settings', { faults: { seed: 43 } });
				await handle.http.patch('/_simulator/settings', { faults: { seed: 42 } });
				const statuses: number[] = [];
				for (let index = 0; index < 20; index++)
					statuses.push((await handle.gql('{ shop { name } }')).status);
				return statuses;
			};
			const first = await sequence();
			const second = await sequence();
			expect(first).toEqual(second);
			expect(first).toContain(500);
			expect(first).toContain(200);
		});
	});

	it('answers 404 for an unknown control route', async () => {
		const response = await handle.http.get('/_simulator/nope');
		expect(response.status).toBe(404);
		expect(response.data.error).toBe('No control route GET /_simulator/nope.');
	});

	it('answers 404 for an unknown Admin API route', async () => {
		const response = await handle.http.get('/admin/api/2026-01/customers.json', {
			headers: { 'X-Shopify-Access-Token': 'shpat_demo_token' },
		});
		expect(response.status).toBe(404);
		expect(response.data).toEqual({ errors: 'Not Found' });
	});
});

describe('Shopify simulator start and stop', () => {
	it('rejects invalid start settings', async () => {
		await expect(startShopifySimulator({ settings: { costBucketSize: -1 } })).rejects.toThrow(
			'Setting "costBucketSize" must be a number >= 0.001; got -1.',
		);
	});

	it('closes and frees the port', async () => {
		const sim = await startShopifySimulator();
		await sim.close();
		await sim.close();
		await expect(axios.get(`${sim.url}/_simulator/settings`, { proxy: false })).rejects.toThrow();
	});

	it('runs from the CLI, logs one ready line and stops on SIGTERM', async () => {
		const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
		const child = spawn(tsx, ['simulators/shopify/cli.ts', '--port', '0'], {
			cwd: REPO,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const exited = new Promise<number | null>((resolve) =>
			child.on('exit', (code) => resolve(code)),
		);
		try {
			const line = await new Promise<string>((resolve, reject) => {
				const timer = setTimeout(
					() => reject(new Error(`No ready line within 20 s; stderr: ${stderr}`)),
					20000,
				);
				child.stdout.on('data', (chunk: Buffer) => {
					stdout += chunk.toString();
					if (stdout.includes('\n')) {
						clearTimeout(timer);
						resolve(stdout.split('\n')[0]);
					}
				});
			});
			expect(line).toMatch(
				/^Shopify simulator ready at http:\/\/127\.0\.0\.1:\d+ for shop demo-shop\.myshopify\.com$/,
			);
			expect(line).not.toContain('secret');
			const url = /(http:\/\/[^ ]+)/.exec(line)![1];
			const response = await axios.get(`${url}/_simulator/settings`, { proxy: false });
			expect(response.status).toBe(200);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
		expect(stdout.trim().split('\n')).toHaveLength(1);
	}, 30000);
});
