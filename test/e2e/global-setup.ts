import * as path from 'node:path';
import { rmSync, writeFileSync } from 'node:fs';

import { KEPT_MARKER } from '../../scripts/lib/orphans';
import { killProcessGroupsOnSignals } from '../../scripts/lib/process-groups';
import { ensureRuntime } from '../../scripts/lib/runtime';
import { createRunDir, startStack, type Stack } from '../../scripts/lib/stack';
import { STACK_FILE_ENV, writeStackFile } from './support/stack-file';

declare global {
	// Shared with global-teardown.ts, which jest runs in the same process.
	var __E2E_STACK__: Stack | undefined;
}

const setupStartedAt = Date.now();

function log(message: string): void {
	const seconds = ((Date.now() - setupStartedAt) / 1000).toFixed(1);
	process.stderr.write(`[e2e +${seconds}s] ${message}\n`);
}

/**
 * Starts the stack the e2e tests share: Node.js 24 + n8n (installed on first use), the package
 * built and packed once from the current sources, both simulators, and an n8n with the package
 * installed. Test files reach it through getStack().
 */
export default async function globalSetup(): Promise<void> {
	killProcessGroupsOnSignals();
	const workDir = createRunDir();
	log(`Run folder: ${workDir}`);

	let stack: Stack;
	try {
		const runtime = await ensureRuntime();
		stack = await startStack({
			workDir,
			runtime,
			log,
			allowMissingN8nFiles: process.env.E2E_PARTIAL_PACKAGE === '1',
			n8nEnv: process.env.E2E_N8N_LOG_LEVEL
				? { N8N_LOG_LEVEL: process.env.E2E_N8N_LOG_LEVEL }
				: undefined,
		});
	} catch (error) {
		if (process.env.KEEP_E2E) {
			writeFileSync(path.join(workDir, KEPT_MARKER), `${new Date().toISOString()}\n`);
			log(`Setup failed; kept ${workDir} because KEEP_E2E is set`);
		} else {
			rmSync(workDir, { recursive: true, force: true });
		}
		throw error;
	}

	const stackFile = path.join(workDir, 'stack.json');
	writeStackFile(stackFile, {
		n8nUrl: stack.n8nUrl,
		webhookBaseUrl: stack.webhookBaseUrl,
		contentServerUrl: stack.contentServerUrl,
		shopifyUrl: stack.shopifyUrl,
		workDir: stack.workDir,
		userFolder: stack.userFolder,
		filesDir: stack.filesDir,
		packageDir: stack.packageDir,
		n8nLogFile: stack.n8n.logFile,
		connection: stack.client.toConnection(),
	});
	process.env[STACK_FILE_ENV] = stackFile;
	globalThis.__E2E_STACK__ = stack;
	log(`Stack ready: n8n ${stack.n8nUrl}, n8n log ${stack.n8n.logFile}`);
}
