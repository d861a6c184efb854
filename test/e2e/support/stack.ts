import { existsSync } from 'node:fs';

import { N8nCli } from '../../../scripts/lib/n8n-cli';
import { N8nClient } from '../../../scripts/lib/n8n-client';
import { buildN8nEnv } from '../../../scripts/lib/n8n-process';
import { getRuntimePaths } from '../../../scripts/lib/paths';
import { readStackFile, STACK_FILE_ENV, type StackFile } from './stack-file';

/** The running test stack, as test files see it. */
export interface E2eStack {
	n8nUrl: string;
	/** Base URL for production webhooks: `<n8nUrl>/webhook/<path>`. */
	webhookBaseUrl: string;
	/** Content Server REST base `http://127.0.0.1:<port>/otcs/cs.exe`. Throws when that simulator is not running. */
	contentServerUrl: string;
	/** Shopify simulator base `http://127.0.0.1:<port>`. Throws when that simulator is not running. */
	shopifyUrl: string;
	/** Folder tree that n8n's Read/Write Files from Disk node may read and write; put test files here. */
	filesDir: string;
	userFolder: string;
	/** n8n's stdout and stderr. */
	n8nLogFile: string;
	n8n: N8nClient;
	/** n8n's CLI commands (import, publish, execute) against the running n8n's database. */
	cli: N8nCli;
	hasSimulator(name: 'contentServer' | 'shopify'): boolean;
}

let cached: E2eStack | undefined;

function simulatorUrl(info: StackFile, name: 'contentServer' | 'shopify'): string {
	const url = name === 'contentServer' ? info.contentServerUrl : info.shopifyUrl;
	if (!url) {
		const folder = name === 'contentServer' ? 'content-server' : 'shopify';
		throw new Error(
			`The ${name} simulator is not running, because simulators/${folder}/index.ts did not exist when the e2e stack started. Add it and run the tests again.`,
		);
	}
	return url;
}

/** Returns the stack that the e2e project's global setup started. */
export function getStack(): E2eStack {
	if (cached) return cached;

	const file = process.env[STACK_FILE_ENV];
	if (!file || !existsSync(file)) {
		throw new Error(
			`${STACK_FILE_ENV} is ${file ? `"${file}", which does not exist` : 'not set'}. Run e2e tests with "npx jest --selectProjects e2e", so that test/e2e/global-setup.ts starts the stack.`,
		);
	}
	const info = readStackFile(file);
	cached = {
		n8nUrl: info.n8nUrl,
		webhookBaseUrl: info.webhookBaseUrl,
		get contentServerUrl() {
			return simulatorUrl(info, 'contentServer');
		},
		get shopifyUrl() {
			return simulatorUrl(info, 'shopify');
		},
		filesDir: info.filesDir,
		userFolder: info.userFolder,
		n8nLogFile: info.n8nLogFile,
		n8n: N8nClient.fromConnection(info.connection),
		cli: new N8nCli(
			getRuntimePaths(),
			buildN8nEnv({
				runtime: getRuntimePaths(),
				userFolder: info.userFolder,
				port: Number(new URL(info.n8nUrl).port),
				// N8nCli.run picks a free broker port for each command.
				runnersBrokerPort: 0,
				fileAccessDirs: [info.filesDir],
			}),
		),
		hasSimulator: (name) =>
			Boolean(name === 'contentServer' ? info.contentServerUrl : info.shopifyUrl),
	};
	return cached;
}
