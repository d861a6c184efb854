import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

import { N8nClient, type OwnerAccount } from './n8n-client';
import { startN8n, type N8nProcess } from './n8n-process';
import { reapStaleRuns, writeOwnerPid } from './orphans';
import { buildAndPack, findMissingN8nFiles, installPackage } from './package';
import { E2E_RUNS_DIR, type RuntimePaths } from './paths';
import { ensureRuntime } from './runtime';
import {
	isSimulatorAvailable,
	startSimulator,
	type RunningSimulator,
	type SimulatorName,
} from './simulators';

export interface StackOptions {
	/** 0 or undefined: an ephemeral port. The demo passes 8181, 8282 and 5678. */
	contentServerPort?: number;
	shopifyPort?: number;
	n8nPort?: number;
	/** Folder for this stack's files: staging build, n8n user folder, files. A new run folder by default. */
	workDir?: string;
	/** N8N_USER_FOLDER; `<workDir>/n8n-user` by default. */
	userFolder?: string;
	/** Passed to each simulator's `settings` option. */
	simulatorSettings?: { contentServer?: unknown; shopify?: unknown };
	/** Receives the simulators' log lines (failed deliveries, retries, errors); `<workDir>/simulators.log` by default. */
	simulatorLog?: (line: string) => void;
	/** A tarball from buildAndPack(); built from the current sources when missing. */
	tarball?: string;
	/** Passed to buildAndPack() when no tarball is given. */
	allowMissingN8nFiles?: boolean;
	runtime?: RuntimePaths;
	/** The n8n owner account; a random one for tests by default. */
	owner?: OwnerAccount;
	/** Turns on n8n's SSRF protection with the loopback range allowed. */
	ssrfProtection?: boolean;
	/** Extra environment for n8n, e.g. `{ N8N_LOG_LEVEL: 'debug' }`. */
	n8nEnv?: Record<string, string>;
	/** Progress messages; silent by default. */
	log?: (message: string) => void;
}

export interface Stack {
	n8nUrl: string;
	/** Base URL for production webhooks: `<n8nUrl>/webhook/<path>`. */
	webhookBaseUrl: string;
	/** REST base `http://127.0.0.1:<port>/otcs/cs.exe`; undefined while the simulator is not in the checkout. */
	contentServerUrl?: string;
	/** Base URL `http://127.0.0.1:<port>`; undefined while the simulator is not in the checkout. */
	shopifyUrl?: string;
	client: N8nClient;
	n8n: N8nProcess;
	workDir: string;
	userFolder: string;
	/** The only folder tree that n8n's Read/Write Files from Disk node may read and write. */
	filesDir: string;
	/** Installed package folder inside the user folder. */
	packageDir: string;
	/** Stops n8n, then the simulators. Safe to call twice. */
	stop(): Promise<void>;
}

/**
 * Creates `.cache/e2e/run-<time>-<pid>`, a folder of its own for one test run or stack, after
 * cleaning up runs whose test runner died.
 */
export function createRunDir(): string {
	reapStaleRuns(E2E_RUNS_DIR);
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const dir = path.join(E2E_RUNS_DIR, `run-${stamp}-${process.pid}`);
	mkdirSync(dir, { recursive: true });
	writeOwnerPid(dir);
	return dir;
}

function randomOwner(): OwnerAccount {
	// n8n requires a digit and an upper-case letter in passwords.
	return {
		email: 'e2e-owner@example.com',
		password: `E2e-${randomBytes(12).toString('base64url')}-9`,
		firstName: 'E2E',
		lastName: 'Owner',
	};
}

async function closeQuietly(
	simulator: RunningSimulator | undefined,
	log: (message: string) => void,
): Promise<void> {
	if (!simulator) return;
	try {
		await simulator.close();
	} catch (error) {
		log(`Failed to close the simulator on ${simulator.url}: ${(error as Error).message}`);
	}
}

/**
 * Starts both simulators in this process and an n8n with the freshly packed package installed
 * as a community package, creates the n8n owner and an API key, and returns handles and URLs.
 * On failure everything started so far is stopped again.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
	const log = options.log ?? (() => undefined);
	const workDir = options.workDir ?? createRunDir();
	const userFolder = options.userFolder ?? path.join(workDir, 'n8n-user');
	const filesDir = path.join(workDir, 'files');
	mkdirSync(filesDir, { recursive: true });

	const runtime = options.runtime ?? (await ensureRuntime());
	let tarball = options.tarball;
	if (!tarball) {
		log('Building and packing the package');
		tarball = await buildAndPack(workDir, {
			allowMissingN8nFiles: options.allowMissingN8nFiles,
			log,
		});
	}
	log(`Installing ${path.basename(tarball)} into ${userFolder}/.n8n/nodes`);
	const packageDir = await installPackage(userFolder, tarball);
	const missing = findMissingN8nFiles(packageDir);
	if (missing.length > 0) {
		throw new Error(
			`${tarball} lists files in package.json's "n8n" section that it does not contain: ${missing.join(', ')}. n8n would skip the whole package.`,
		);
	}

	const simulatorLogFile = path.join(workDir, 'simulators.log');
	const simulatorLog =
		options.simulatorLog ??
		((line: string) => appendFileSync(simulatorLogFile, `${new Date().toISOString()} ${line}\n`));
	const simulators: Partial<Record<SimulatorName, RunningSimulator>> = {};
	let n8n: N8nProcess | undefined;
	let stopped = false;
	const stop = async (): Promise<void> => {
		if (stopped) return;
		stopped = true;
		if (n8n) await n8n.stop();
		await closeQuietly(simulators.contentServer, log);
		await closeQuietly(simulators.shopify, log);
	};

	try {
		const ports: Record<SimulatorName, number | undefined> = {
			contentServer: options.contentServerPort,
			shopify: options.shopifyPort,
		};
		for (const name of ['contentServer', 'shopify'] as const) {
			if (!isSimulatorAvailable(name)) {
				log(`The ${name} simulator is not in this checkout; starting without it`);
				continue;
			}
			simulators[name] = await startSimulator(name, {
				port: ports[name],
				settings: options.simulatorSettings?.[name],
				log: (line: string) => simulatorLog(`[${name}] ${line}`),
				dataDir: path.join(workDir, 'simulator-data'),
			});
			log(`Started the ${name} simulator on ${simulators[name].url}`);
		}

		log('Starting n8n');
		n8n = await startN8n({
			runtime,
			userFolder,
			port: options.n8nPort,
			fileAccessDirs: [filesDir],
			ssrfProtection: options.ssrfProtection,
			extraEnv: options.n8nEnv,
		});
		log(`n8n is ready on ${n8n.url} (log: ${n8n.logFile})`);

		const client = await N8nClient.setUp(n8n.url, options.owner ?? randomOwner());

		return {
			n8nUrl: n8n.url,
			webhookBaseUrl: `${n8n.url}/webhook`,
			contentServerUrl: simulators.contentServer?.url,
			shopifyUrl: simulators.shopify?.url,
			client,
			n8n,
			workDir,
			userFolder,
			filesDir,
			packageDir,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
