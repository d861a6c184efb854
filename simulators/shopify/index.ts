/**
 * Stateful simulator of the Shopify Admin API (GraphQL and legacy REST), its OAuth
 * client-credentials grant, and signed webhook delivery. See README.md for routes, settings
 * and the seed shop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createRequestHandler } from './server';
import {
	applySettingsPatch,
	DEFAULT_SHOPIFY_SETTINGS,
	type ShopifySettings,
	type ShopifySettingsPatch,
} from './settings';
import { ShopifyStore } from './store';
import { WebhookEmitter } from './webhooks/emit';

export {
	DEFAULT_SHOPIFY_SETTINGS,
	DEMO_APP,
	type FaultSettings,
	type ShopifySettings,
	type ShopifySettingsPatch,
} from './settings';
export { LABEL_FULFILLMENT_ID, LABEL_ORDER_ID } from './seed';

export interface ShopifySimulatorOptions {
	/** TCP port; 0 (the default) picks a free one. */
	port?: number;
	/** Interface to listen on; 127.0.0.1 by default. */
	host?: string;
	/** Settings that differ from the defaults; `POST /_simulator/reset` returns to these. */
	settings?: ShopifySettingsPatch;
	/** Receives one line per failed delivery, retry or unexpected error. Never gets secrets. */
	log?: (line: string) => void;
}

export interface RunningShopifySimulator {
	/** Base URL such as http://127.0.0.1:8282; the Admin API is `${url}/admin/api/{version}/graphql.json`. */
	url: string;
	port: number;
	close(): Promise<void>;
}

function formatHost(host: string): string {
	return host.includes(':') ? `[${host}]` : host;
}

export async function startShopifySimulator(
	options: ShopifySimulatorOptions = {},
): Promise<RunningShopifySimulator> {
	const host = options.host ?? '127.0.0.1';
	const log = options.log ?? (() => undefined);
	const settings: ShopifySettings = applySettingsPatch(
		DEFAULT_SHOPIFY_SETTINGS,
		options.settings ?? {},
	);

	// The store needs the listening URL (for seeded links), so the handler is attached after
	// listen(); no request can arrive before that.
	const routing: { handler?: ReturnType<typeof createRequestHandler> } = {};
	const server: Server = createServer((req, res) => {
		if (routing.handler) routing.handler(req, res);
		else res.destroy();
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${formatHost(host)}:${port}`;

	const store = new ShopifyStore(settings, url);
	const emitter = new WebhookEmitter(store, log);
	routing.handler = createRequestHandler({ store, emitter, log });

	let closing: Promise<void> | undefined;
	return {
		url,
		port,
		close() {
			closing ??= (async () => {
				await new Promise<void>((resolve) => {
					server.close(() => resolve());
					server.closeAllConnections();
				});
				await emitter.settle();
			})();
			return closing;
		},
	};
}
