import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

import type { N8nConnection } from '../../../scripts/lib/n8n-client';

/**
 * Connection details of the stack that global-setup.ts started, written to
 * `<run folder>/stack.json` (mode 0600, because it contains the API key and login cookie) and
 * named by the E2E_STACK_FILE environment variable, which jest passes to its workers.
 */
export interface StackFile {
	n8nUrl: string;
	webhookBaseUrl: string;
	contentServerUrl?: string;
	shopifyUrl?: string;
	workDir: string;
	userFolder: string;
	filesDir: string;
	packageDir: string;
	n8nLogFile: string;
	connection: N8nConnection;
}

export const STACK_FILE_ENV = 'E2E_STACK_FILE';

export function writeStackFile(file: string, content: StackFile): void {
	writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
	chmodSync(file, 0o600);
}

export function readStackFile(file: string): StackFile {
	return JSON.parse(readFileSync(file, 'utf8')) as StackFile;
}
