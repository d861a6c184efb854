import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

import { CREDENTIAL_TYPES, createSimulatorCredentials, type StackCredentials } from './credentials';
import type { OwnerAccount } from './n8n-client';
import { reapRun, writeOwnerPid } from './orphans';
import { CACHE_DIR, REPO_DIR } from './paths';
import { isSimulatorAvailable, simulatorModulePath } from './simulators';
import { startStack, type Stack } from './stack';
import { importTemplates, loadTemplates, type ImportedTemplate } from './templates';

export const DEMO_PORTS = { contentServer: 8181, shopify: 8282, n8n: 5678 } as const;

/** The n8n login for the demo. The README lists the password; logs show only the e-mail. */
export const DEMO_OWNER: OwnerAccount = {
	email: 'demo@example.com',
	password: 'Demo-Shopify-OTCS-2026',
	firstName: 'Demo',
	lastName: 'Merchant',
};

/** Folder of the demo's stack, replaced on every start so each demo begins from the seed state. */
export const DEMO_DIR = path.join(CACHE_DIR, 'demo');
export const TEMPLATES_DIR = path.join(REPO_DIR, 'workflows');

/** Everything a later demo step (for example a story of Shopify events) needs. */
export interface DemoContext {
	stack: Stack;
	contentServerUrl: string;
	shopifyUrl: string;
	credentials: StackCredentials;
	workflows: ImportedTemplate[];
}

async function assertPortFree(port: number, purpose: string): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(
				new Error(
					error.code === 'EADDRINUSE'
						? `Port ${port} on 127.0.0.1 (${purpose}) is in use. Stop whatever listens there, e.g. an earlier demo, and start again.`
						: `Port ${port} on 127.0.0.1 (${purpose}) cannot be opened: ${error.message}`,
				),
			);
		});
		server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
	});
}

/**
 * Starts the demo: both simulators on 8181 and 8282, n8n on 5678 with the package installed,
 * one credential per simulator, and every template from workflows/ imported, with the ones that
 * have a trigger published.
 */
export async function startDemo(log: (message: string) => void): Promise<DemoContext> {
	for (const name of ['contentServer', 'shopify'] as const) {
		if (!isSimulatorAvailable(name)) {
			throw new Error(
				`The demo needs both simulators, but ${simulatorModulePath(name)} does not exist.`,
			);
		}
	}
	if (!reapRun(DEMO_DIR, path.join(DEMO_DIR, 'n8n-user'))) {
		throw new Error(
			`Another demo is running with its files in ${DEMO_DIR}. Stop it with Ctrl-C before starting a new one.`,
		);
	}
	await assertPortFree(DEMO_PORTS.contentServer, 'Content Server simulator');
	await assertPortFree(DEMO_PORTS.shopify, 'Shopify simulator');
	await assertPortFree(DEMO_PORTS.n8n, 'n8n');

	rmSync(DEMO_DIR, { recursive: true, force: true });
	mkdirSync(DEMO_DIR, { recursive: true });
	writeOwnerPid(DEMO_DIR);
	const stack = await startStack({
		workDir: DEMO_DIR,
		contentServerPort: DEMO_PORTS.contentServer,
		shopifyPort: DEMO_PORTS.shopify,
		n8nPort: DEMO_PORTS.n8n,
		owner: DEMO_OWNER,
		allowMissingN8nFiles: process.env.E2E_PARTIAL_PACKAGE === '1',
		log,
	});

	try {
		if (!stack.contentServerUrl || !stack.shopifyUrl) {
			throw new Error('A simulator did not start, although its module exists.');
		}
		const credentials = await createSimulatorCredentials(
			stack.client,
			{ contentServerUrl: stack.contentServerUrl, shopifyUrl: stack.shopifyUrl },
			{
				contentServer: 'Content Server (demo simulator)',
				shopify: 'Shopify (demo simulator)',
				contextApi: 'Context API key (demo)',
			},
		);
		log(
			`Created the credentials "${credentials.contentServer.name}", "${credentials.shopify.name}" and "${credentials.contextApi.name}"`,
		);

		const templates = loadTemplates(TEMPLATES_DIR);
		const workflows = await importTemplates(stack.client, templates, {
			[CREDENTIAL_TYPES.contentServer]: credentials.contentServer,
			[CREDENTIAL_TYPES.shopify]: credentials.shopify,
			[CREDENTIAL_TYPES.contextApi]: credentials.contextApi,
		});
		log(`Imported ${workflows.length} workflow templates from ${TEMPLATES_DIR}`);

		return {
			stack,
			contentServerUrl: stack.contentServerUrl,
			shopifyUrl: stack.shopifyUrl,
			credentials,
			workflows,
		};
	} catch (error) {
		await stack.stop();
		throw error;
	}
}

/** Returns the demo summary printed once everything runs. */
export function describeDemo(demo: DemoContext): string {
	const lines = [
		'',
		'The demo is running.',
		'',
		`  n8n                      ${demo.stack.n8nUrl}`,
		`    log in as              ${DEMO_OWNER.email} (the password is in the README, section "Two commands")`,
		`    log file               ${demo.stack.n8n.logFile}`,
		`  Content Server simulator ${demo.contentServerUrl}`,
		`  Shopify simulator        ${demo.shopifyUrl}`,
		'',
		demo.workflows.length === 0 ? 'No workflow templates in workflows/.' : 'Workflows:',
		...demo.workflows.map(
			(workflow) =>
				`  ${workflow.published ? 'published  ' : 'unpublished'} ${workflow.name}  ${demo.stack.n8nUrl}/workflow/${workflow.id}`,
		),
		'',
		'Press Ctrl-C to stop the simulators and n8n.',
	];
	return lines.join('\n');
}
