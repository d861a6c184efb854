import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { killGroupNow } from './process-groups';

/** File in a run folder with the pid of the process that owns the run (the test runner or demo). */
const OWNER_PID_FILE = 'owner.pid';
/** File in a run folder with the pid (and process group) of its n8n. */
export const N8N_PID_FILE = 'n8n.pid';
/** Marker of a run folder kept for debugging, which is never removed automatically. */
export const KEPT_MARKER = 'kept';

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readPid(file: string): number | undefined {
	if (!existsSync(file)) return undefined;
	const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
	return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Checks that the process runs with this user folder, so that a reused pid is not killed by mistake. */
function runsWithUserFolder(pid: number, userFolder: string): boolean {
	try {
		const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
		return environ.includes(`N8N_USER_FOLDER=${userFolder}`);
	} catch {
		return false;
	}
}

/** Blocks until the process has exited (so its ports are free again) or the timeout passes. */
function waitUntilGone(pid: number, timeoutMs: number): void {
	const deadline = Date.now() + timeoutMs;
	const pause = new Int32Array(new SharedArrayBuffer(4));
	while (isAlive(pid) && Date.now() < deadline) Atomics.wait(pause, 0, 0, 100);
}

export function writeOwnerPid(runDir: string): void {
	writeFileSync(path.join(runDir, OWNER_PID_FILE), `${process.pid}\n`);
}

/**
 * Kills the n8n of a run folder whose owner process is gone (a test runner killed with SIGKILL
 * cannot stop its children). Returns whether the owner is gone.
 */
export function reapRun(runDir: string, userFolder: string): boolean {
	const owner = readPid(path.join(runDir, OWNER_PID_FILE));
	if (owner !== undefined && isAlive(owner)) return false;
	const n8nPid = readPid(path.join(userFolder, N8N_PID_FILE));
	if (n8nPid !== undefined && isAlive(n8nPid) && runsWithUserFolder(n8nPid, userFolder)) {
		process.stderr.write(
			`Killing n8n (pid ${n8nPid}) left running by a finished run in ${runDir}\n`,
		);
		killGroupNow(n8nPid);
		waitUntilGone(n8nPid, 10_000);
	}
	return true;
}

/**
 * Stops n8n processes of earlier e2e runs whose test runner died, and removes their run folders
 * unless they were kept for debugging.
 */
export function reapStaleRuns(runsDir: string): void {
	if (!existsSync(runsDir)) return;
	for (const entry of readdirSync(runsDir)) {
		const runDir = path.join(runsDir, entry);
		if (!entry.startsWith('run-') || !existsSync(path.join(runDir, OWNER_PID_FILE))) continue;
		const ownerGone = reapRun(runDir, path.join(runDir, 'n8n-user'));
		if (ownerGone && !existsSync(path.join(runDir, KEPT_MARKER))) {
			rmSync(runDir, { recursive: true, force: true });
		}
	}
}
