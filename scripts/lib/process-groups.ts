/**
 * Process groups started by this process (n8n and its task runner), killed with SIGKILL when
 * this process exits without stopping them, so no n8n outlives a crashed test run or demo.
 */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/** Sends SIGKILL to a process group, ignoring a group that no longer exists. */
export function killGroupNow(pid: number): void {
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// The group is already gone.
	}
}

function killAll(): void {
	for (const pid of liveGroups) killGroupNow(pid);
	liveGroups.clear();
}

export function registerProcessGroup(pid: number): void {
	liveGroups.add(pid);
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.once('exit', killAll);
	}
}

export function unregisterProcessGroup(pid: number): void {
	liveGroups.delete(pid);
}

/**
 * Kills the registered groups on SIGINT, SIGTERM and SIGHUP, then raises the signal again so the
 * runner's own handling (or the default exit) still happens. For callers without their own
 * shutdown logic, such as jest's global setup.
 */
export function killProcessGroupsOnSignals(): void {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		const handler = (): void => {
			killAll();
			process.removeListener(signal, handler);
			if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
		};
		process.on(signal, handler);
	}
}
