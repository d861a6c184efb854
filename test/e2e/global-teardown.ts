import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { KEPT_MARKER } from '../../scripts/lib/orphans';

/**
 * Stops the stack that global-setup.ts started and removes its run folder. With KEEP_E2E=1 the
 * folder (n8n's log and database, the built package, test files) is kept when a test failed;
 * with KEEP_E2E=always it is kept in every case.
 */
export default async function globalTeardown(): Promise<void> {
	const stack = globalThis.__E2E_STACK__;
	if (!stack) return;
	globalThis.__E2E_STACK__ = undefined;
	await stack.stop();

	const failed = existsSync(path.join(stack.workDir, 'failed'));
	const keep = process.env.KEEP_E2E === 'always' || (process.env.KEEP_E2E === '1' && failed);
	if (keep) {
		writeFileSync(path.join(stack.workDir, KEPT_MARKER), `${new Date().toISOString()}\n`);
		process.stderr.write(`[e2e] Kept ${stack.workDir}; n8n's log is ${stack.n8n.logFile}\n`);
		return;
	}
	rmSync(stack.workDir, { recursive: true, force: true });
}
