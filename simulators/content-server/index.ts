/**
 * A stateful simulator of the OpenText Content Server REST API (v1 and v2), with a small
 * OTDS on the same port and a control API under `/_simulator/`. See README.md.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultInjector } from './faults';
import { Router } from './http/router';
import { registerAuthRoutes, registerOtdsRoutes } from './routes/auth';
import { registerCategoryRoutes } from './routes/categories';
import { registerMemberRoutes } from './routes/members';
import { registerMultipartRoutes } from './routes/multipart';
import { registerNodeRoutes } from './routes/nodes';
import { registerSearchRoutes } from './routes/search';
import { registerVersionRoutes } from './routes/versions';
import { registerWorkspaceRoutes } from './routes/workspaces';
import { seed } from './seed';
import { createRequestHandler } from './server';
import type { ContentServerSettings, SettingsPatch } from './settings';
import { applySettingsPatch, DEFAULT_SETTINGS, DEMO_ACCOUNTS, defaultSettings } from './settings';
import { Store } from './store';

export type {
	ContentServerSettings,
	FaultSettings,
	MultipartSettings,
	OtdsSettings,
	SettingsPatch,
} from './settings';
export { DEFAULT_SETTINGS, DEMO_ACCOUNTS, defaultSettings };
export { SEED_IDS } from './seed';

export interface ContentServerSimulatorOptions {
	/** Port to listen on; 0 (the default here) picks a free port. */
	port?: number;
	/** Address to listen on (default 127.0.0.1). */
	host?: string;
	/** Settings that differ from the defaults; nested groups may be given in part. */
	settings?: Partial<ContentServerSettings> | SettingsPatch;
	/** Folder under which the run's private data folder is created (default: the OS temp folder). */
	dataDir?: string;
	/** Receives unexpected errors and, with `logRequests`, one line per request. */
	log?: (line: string) => void;
}

export interface RunningContentServerSimulator {
	/** The REST base URL, e.g. `http://127.0.0.1:8181/otcs/cs.exe`. */
	url: string;
	port: number;
	close(): Promise<void>;
}

function buildApiRouter(): Router {
	const router = new Router();
	registerAuthRoutes(router);
	registerNodeRoutes(router);
	registerVersionRoutes(router);
	registerMultipartRoutes(router);
	registerCategoryRoutes(router);
	registerSearchRoutes(router);
	registerWorkspaceRoutes(router);
	registerMemberRoutes(router);
	return router;
}

/** Starts the simulator with its seed state and resolves when it is listening. */
export async function startContentServerSimulator(
	options: ContentServerSimulatorOptions = {},
): Promise<RunningContentServerSimulator> {
	const initialSettings = applySettingsPatch(defaultSettings(), options.settings ?? {});
	const store = new Store(options.dataDir);
	store.settings = structuredClone(initialSettings);
	await seed(store);

	const faults = new FaultInjector(initialSettings.faults.seed);
	const otdsRouter = new Router();
	registerOtdsRoutes(otdsRouter);
	const log = options.log ?? (() => undefined);

	const handler = createRequestHandler({
		store,
		faults,
		apiRouter: buildApiRouter(),
		otdsRouter,
		log,
		// Reset restores the seed and the settings this run started with.
		reset: async () => {
			store.clear();
			store.settings = structuredClone(initialSettings);
			faults.reseed(initialSettings.faults.seed, true);
			await seed(store);
		},
	});

	const server = createServer(handler);
	// Large uploads over slow links must not be cut off by Node's default request timeout.
	server.requestTimeout = 0;
	const host = options.host ?? '127.0.0.1';
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? 0, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
	} catch (error) {
		store.removeDataDir();
		throw error;
	}

	const port = (server.address() as AddressInfo).port;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	let closed: Promise<void> | undefined;
	return {
		url: `http://${urlHost}:${port}${initialSettings.basePath}`,
		port,
		close: () => {
			closed ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}).then(() => store.removeDataDir());
			return closed;
		},
	};
}
