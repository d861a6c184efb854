/**
 * Shared helpers for the Shopify simulator tests: start a simulator on an ephemeral port,
 * call its APIs over HTTP with axios, and run a local webhook receiver that keeps the raw
 * bytes of every delivery.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	DEMO_APP,
	startShopifySimulator,
	type RunningShopifySimulator,
	type ShopifySettingsPatch,
} from '../../../simulators/shopify';

export { DEMO_APP };

export const VERSION = '2026-01';

export interface SimulatorHandle {
	sim: RunningShopifySimulator;
	http: AxiosInstance;
	logs: string[];
	gql<T = Record<string, unknown>>(
		query: string,
		variables?: Record<string, unknown>,
		options?: { version?: string; token?: string },
	): Promise<AxiosResponse<GraphqlBody<T>>>;
	close(): Promise<void>;
}

export interface GraphqlBody<T> {
	data?: T;
	errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
	extensions: {
		cost: {
			requestedQueryCost: number;
			actualQueryCost: number | null;
			throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
		};
		search?: Array<{
			path: string[];
			query: string;
			warnings: Array<{ field: string; message: string }>;
		}>;
	};
}

export async function startSimulator(
	settings: ShopifySettingsPatch = {},
): Promise<SimulatorHandle> {
	const logs: string[] = [];
	const sim = await startShopifySimulator({ port: 0, settings, log: (line) => logs.push(line) });
	const http = axios.create({ baseURL: sim.url, validateStatus: () => true, proxy: false });
	return {
		sim,
		http,
		logs,
		gql: (query, variables, options = {}) =>
			http.post(
				`/admin/api/${options.version ?? VERSION}/graphql.json`,
				{ query, variables },
				{ headers: { 'X-Shopify-Access-Token': options.token ?? DEMO_APP.accessToken } },
			),
		close: () => sim.close(),
	};
}

export interface ReceivedDelivery {
	path: string;
	headers: IncomingHttpHeaders;
	raw: Buffer;
	receivedAt: number;
}

export interface Receiver {
	url: string;
	deliveries: ReceivedDelivery[];
	/** HTTP status of the receiver's reply (default 200). */
	status: number;
	/** Delay before the reply, in milliseconds (default 0). */
	delayMs: number;
	/** Resolves once `count` deliveries have arrived, or rejects after `timeoutMs`. */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
	close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
	const deliveries: ReceivedDelivery[] = [];
	const waiters = new Set<() => void>();
	const receiver: Receiver = {
		url: '',
		deliveries,
		status: 200,
		delayMs: 0,
		waitFor(count, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				const check = () => {
					if (deliveries.length < count) return;
					clearTimeout(timer);
					waiters.delete(check);
					resolve(deliveries.slice(0, count));
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(
						new Error(
							`Expected ${count} deliveries within ${timeoutMs} ms; got ${deliveries.length}.`,
						),
					);
				}, timeoutMs);
				waiters.add(check);
				check();
			});
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			deliveries.push({
				path: req.url ?? '/',
				headers: req.headers,
				raw: Buffer.concat(chunks),
				receivedAt: Date.now(),
			});
			for (const waiter of [...waiters]) waiter();
			setTimeout(() => {
				if (res.destroyed) return;
				res.writeHead(receiver.status, { 'Content-Type': 'text/plain' });
				res.end('ok');
			}, receiver.delayMs);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return receiver;
}

/** Creates a webhook subscription through GraphQL (uri field) and returns its GID. */
export async function subscribe(
	handle: SimulatorHandle,
	topic: string,
	uri: string,
): Promise<string> {
	const response = await handle.gql<{
		webhookSubscriptionCreate: {
			webhookSubscription: { id: string } | null;
			userErrors: unknown[];
		};
	}>(
		`mutation Create($topic: WebhookSubscriptionTopic!, $sub: WebhookSubscriptionInput!) {
			webhookSubscriptionCreate(topic: $topic, webhookSubscription: $sub) {
				webhookSubscription { id }
				userErrors { field message }
			}
		}`,
		{ topic, sub: { uri, format: 'JSON' } },
	);
	const created = response.data.data?.webhookSubscriptionCreate;
	if (!created?.webhookSubscription) {
		throw new Error(`Creating the ${topic} subscription failed: ${JSON.stringify(response.data)}`);
	}
	return created.webhookSubscription.id;
}
