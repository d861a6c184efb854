import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import type { RuntimePaths } from './paths';
import { N8N_PID_FILE } from './orphans';
import { getFreePort } from './ports';
import { killGroupNow, registerProcessGroup, unregisterProcessGroup } from './process-groups';

export interface N8nEnvOptions {
	runtime: RuntimePaths;
	/** N8N_USER_FOLDER: n8n keeps its SQLite database, settings and binary data under `<folder>/.n8n`. */
	userFolder: string;
	port: number;
	/** Port of n8n's task broker; n8n 2.41.1 listens on 5679 by default, which collides between runs. */
	runnersBrokerPort: number;
	/** Folders the Read/Write Files from Disk node may use (N8N_RESTRICT_FILE_ACCESS_TO). */
	fileAccessDirs: string[];
	/**
	 * Turns on n8n's outbound SSRF protection with the loopback range allowed, as an administrator
	 * would for an on-premises Content Server. Off by default, which is also n8n 2.41.1's default.
	 */
	ssrfProtection?: boolean;
	/** Extra or overriding variables, e.g. N8N_LOG_LEVEL=debug. */
	extraEnv?: Record<string, string>;
}

/**
 * Returns the encryption key for a user folder, creating it on first use. It is kept next to
 * the folder's database so that n8n, its CLI commands and later runs on the same folder decrypt
 * the same credentials.
 */
export function getEncryptionKey(userFolder: string): string {
	const keyFile = path.join(userFolder, 'encryption-key');
	if (existsSync(keyFile)) {
		return readFileSync(keyFile, 'utf8').trim();
	}
	mkdirSync(userFolder, { recursive: true });
	const key = randomBytes(24).toString('base64url');
	writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
	return key;
}

/**
 * Checks whether an inherited variable would change how n8n runs, so that it is not passed on.
 * npm and jest set some of them, and NODE_ENV=test makes n8n 2.41.1 exit at start without a message.
 */
function isN8nSetting(name: string): boolean {
	return (
		name.startsWith('N8N_') ||
		name.startsWith('DB_') ||
		name.startsWith('EXECUTIONS_') ||
		name.startsWith('QUEUE_') ||
		name.startsWith('npm_') ||
		name === 'WEBHOOK_URL' ||
		name === 'NODE' ||
		name === 'NODE_ENV' ||
		name === 'NODE_OPTIONS'
	);
}

/**
 * Builds the environment for `n8n start` and n8n's CLI commands: local, quiet and headless.
 * Every setting that differs from n8n 2.41.1's default carries its reason.
 */
export function buildN8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([name]) => !isN8nSetting(name)),
	);
	const baseUrl = `http://127.0.0.1:${options.port}/`;

	return {
		...inherited,
		// The task runner and any `node` that n8n spawns must be Node.js 24 as well.
		PATH: `${options.runtime.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: getEncryptionKey(options.userFolder),
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// n8n 2.41.1 reports WEBHOOK_URL as deprecated in favour of N8N_WEBHOOK_URL.
		N8N_WEBHOOK_URL: baseUrl,
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_RUNNERS_BROKER_PORT: String(options.runnersBrokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		NODE_ENV: 'production',
		// The editor is served over plain http on 127.0.0.1, where a Secure cookie is not sent back.
		N8N_SECURE_COOKIE: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: options.fileAccessDirs.join(';'),
		// Binary data lives in files under the user folder, as in every n8n 2.x install, so nodes
		// see binary ids and must use the stream helpers.
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		// n8n 2.41.1 ships SSRF protection switched off. When on, its default blocked ranges contain
		// 127.0.0.0/8, so requests to the loopback simulators fail unless that range is allowed.
		N8N_SSRF_PROTECTION_ENABLED: options.ssrfProtection ? 'true' : 'false',
		...(options.ssrfProtection ? { N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.0/8' } : {}),
		// Only loopback traffic is allowed here: no telemetry, version checks, templates, banners,
		// license renewal or MCP server registry refresh, which all call n8n's servers.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		// Keeps the Community Nodes screen installing unverified packages after n8n changes the default.
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		GENERIC_TIMEZONE: 'UTC',
		N8N_LOG_OUTPUT: 'console',
		...options.extraEnv,
	};
}

export interface StartN8nOptions {
	runtime: RuntimePaths;
	userFolder: string;
	/** 0 or undefined picks a free port. */
	port?: number;
	fileAccessDirs: string[];
	ssrfProtection?: boolean;
	extraEnv?: Record<string, string>;
	/** Milliseconds to wait for the REST API to respond (300 s by default, because a loaded 2-CPU machine needed 53 s). */
	readyTimeoutMs?: number;
}

export interface N8nProcess {
	url: string;
	port: number;
	pid: number;
	userFolder: string;
	/** File that receives n8n's stdout and stderr. */
	logFile: string;
	/** The environment n8n runs with, for CLI commands against the same database. */
	env: NodeJS.ProcessEnv;
	/** Whether the process has exited. */
	readonly exited: boolean;
	/** Stops n8n and its task runner: SIGTERM to the process group, SIGKILL after 15 s. */
	stop(): Promise<void>;
}

const LOG_TAIL_LINES = 40;

/** Returns the last lines of n8n's log, for error messages. */
export function readLogTail(logFile: string, lines = LOG_TAIL_LINES): string {
	if (!existsSync(logFile)) return '(no log written)';
	return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

async function isReady(url: string): Promise<boolean> {
	try {
		const readiness = await fetch(`${url}/healthz/readiness`, {
			signal: AbortSignal.timeout(5000),
		});
		if (readiness.status !== 200) return false;
		const settings = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(5000) });
		return settings.status === 200;
	} catch {
		return false;
	}
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
	if (child.exitCode !== null || child.signalCode !== null) return true;
	return await new Promise<boolean>((resolve) => {
		const timer = setTimeout(() => resolve(false), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

/**
 * Starts `n8n start` under Node.js 24 in its own process group, logging to
 * `<userFolder>/n8n.log`, and resolves once the REST API responds. Production webhooks of
 * published workflows respond a few seconds later, and `N8nClient.activateWorkflow` waits for them.
 */
export async function startN8n(options: StartN8nOptions): Promise<N8nProcess> {
	mkdirSync(options.userFolder, { recursive: true });
	for (const dir of options.fileAccessDirs) mkdirSync(dir, { recursive: true });

	const port = options.port || (await getFreePort());
	const env = buildN8nEnv({
		runtime: options.runtime,
		userFolder: options.userFolder,
		port,
		runnersBrokerPort: await getFreePort(),
		fileAccessDirs: options.fileAccessDirs,
		ssrfProtection: options.ssrfProtection,
		extraEnv: options.extraEnv,
	});
	const url = `http://127.0.0.1:${port}`;
	const logFile = path.join(options.userFolder, 'n8n.log');

	// n8n writes straight into the log file, so its output survives this process.
	const logFd = openSync(logFile, 'a');
	const child = spawn(options.runtime.nodeBin, [options.runtime.n8nMain, 'start'], {
		cwd: options.userFolder,
		env,
		detached: true,
		stdio: ['ignore', logFd, logFd],
	});
	closeSync(logFd);
	if (child.pid === undefined) {
		throw new Error(`Failed to start n8n with ${options.runtime.nodeBin}; see ${logFile}.`);
	}
	const pid = child.pid;
	registerProcessGroup(pid);
	writeFileSync(path.join(options.userFolder, N8N_PID_FILE), `${pid}\n`);

	let exited = false;
	child.once('exit', () => {
		exited = true;
		unregisterProcessGroup(pid);
	});

	async function stop(): Promise<void> {
		if (exited) return;
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			// The group is already gone.
		}
		if (!(await waitForExit(child, 15_000))) {
			killGroupNow(pid);
			await waitForExit(child, 5_000);
		}
		// The task runner is in the same group and may outlive the main process briefly.
		killGroupNow(pid);
		unregisterProcessGroup(pid);
	}

	const readyTimeoutMs = options.readyTimeoutMs ?? 300_000;
	const deadline = Date.now() + readyTimeoutMs;
	while (!(await isReady(url))) {
		if (exited) {
			throw new Error(
				`n8n exited with code ${child.exitCode ?? child.signalCode} before it was ready on ${url}. Last lines of ${logFile}:\n${readLogTail(logFile)}`,
			);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(
				`n8n did not respond on ${url} within ${readyTimeoutMs} ms and was stopped. Last lines of ${logFile}:\n${readLogTail(logFile)}`,
			);
		}
		await sleep(250);
	}

	return {
		url,
		port,
		pid,
		userFolder: options.userFolder,
		logFile,
		env,
		get exited() {
			return exited;
		},
		stop,
	};
}
