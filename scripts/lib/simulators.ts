import { existsSync } from 'node:fs';
import * as path from 'node:path';

import { REPO_DIR } from './paths';

/** A simulator started in this process, as `start…Simulator` returns it. */
export interface RunningSimulator {
	url: string;
	port: number;
	close(): Promise<void> | void;
}

export interface SimulatorStartOptions {
	port?: number;
	host?: string;
	settings?: unknown;
	log?: (line: string) => void;
	/** Folder for the simulator's stored files (the Content Server simulator keeps documents there). */
	dataDir?: string;
}

type StartSimulator = (options: SimulatorStartOptions) => Promise<RunningSimulator>;

export type SimulatorName = 'contentServer' | 'shopify';

const SIMULATOR_MODULES: Record<SimulatorName, { folder: string; exportName: string }> = {
	contentServer: { folder: 'content-server', exportName: 'startContentServerSimulator' },
	shopify: { folder: 'shopify', exportName: 'startShopifySimulator' },
};

export function simulatorModulePath(name: SimulatorName): string {
	return path.join(REPO_DIR, 'simulators', SIMULATOR_MODULES[name].folder, 'index.ts');
}

/** Checks whether the simulator's module exists in this checkout. */
export function isSimulatorAvailable(name: SimulatorName): boolean {
	return existsSync(simulatorModulePath(name));
}

/**
 * Starts a simulator in this process on 127.0.0.1. The module is loaded at run time, so this
 * library compiles and runs in a checkout that does not contain the simulator.
 */
export async function startSimulator(
	name: SimulatorName,
	options: { port?: number; settings?: unknown; log?: (line: string) => void; dataDir?: string },
): Promise<RunningSimulator> {
	const modulePath = simulatorModulePath(name);
	const { exportName } = SIMULATOR_MODULES[name];
	const loaded = (await import(modulePath)) as Record<string, unknown>;
	const start = loaded[exportName] as StartSimulator | undefined;
	if (typeof start !== 'function') {
		throw new Error(`${modulePath} does not export ${exportName}().`);
	}
	return await start({
		host: '127.0.0.1',
		port: options.port ?? 0,
		settings: options.settings,
		log: options.log,
		dataDir: options.dataDir,
	});
}
