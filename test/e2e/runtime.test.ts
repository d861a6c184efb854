import { createHash } from 'node:crypto';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	readdirSync,
	readSync,
	statSync,
	writeFileSync,
	writeSync,
} from 'node:fs';
import * as path from 'node:path';

import { REPO_DIR } from '../../scripts/lib/paths';
import {
	contentServerCredentialData,
	CREDENTIAL_TYPES,
	shopifyCredentialData,
} from '../../scripts/lib/credentials';
import { buildOperationWorkflow, callOperation, getStack, PACKAGE_NAME } from './support';

const stack = getStack();

/**
 * The package's nodes and credentials by name and source file. With E2E_PARTIAL_PACKAGE=1 the
 * package is packed without the ones whose sources do not exist yet, so only the others count.
 */
const partialPackage = process.env.E2E_PARTIAL_PACKAGE === '1';
const PACKAGE_NODES = [
	{
		name: 'openTextContentServer',
		source: 'nodes/OpenTextContentServer/OpenTextContentServer.node.ts',
	},
	{ name: 'shopifyGraphqlAdmin', source: 'nodes/ShopifyGraphqlAdmin/ShopifyGraphqlAdmin.node.ts' },
	{
		name: 'shopifyWebhookTrigger',
		source: 'nodes/ShopifyWebhookTrigger/ShopifyWebhookTrigger.node.ts',
	},
].filter(({ source }) => !partialPackage || existsSync(path.join(REPO_DIR, source)));
const PACKAGE_CREDENTIALS = [
	{
		name: 'openTextContentServerApi',
		source: 'credentials/OpenTextContentServerApi.credentials.ts',
	},
	{ name: 'shopifyAdminApi', source: 'credentials/ShopifyAdminApi.credentials.ts' },
].filter(({ source }) => !partialPackage || existsSync(path.join(REPO_DIR, source)));

function fileDigest(file: string): string {
	const hash = createHash('sha256');
	const buffer = Buffer.alloc(8 * 1024 * 1024);
	const handle = openSync(file, 'r');
	try {
		for (let read = readSync(handle, buffer); read > 0; read = readSync(handle, buffer)) {
			hash.update(buffer.subarray(0, read));
		}
	} finally {
		closeSync(handle);
	}
	return hash.digest('hex');
}

function setFieldsNode(assignments: Array<{ name: string; type: string; value: unknown }>) {
	return {
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		name: 'Set Fields',
		parameters: {
			mode: 'manual',
			includeOtherFields: true,
			assignments: {
				assignments: assignments.map((assignment, index) => ({ id: `a${index}`, ...assignment })),
			},
			options: {},
		},
	};
}

describe('n8n runtime', () => {
	it('registers package nodes under the package prefix', async () => {
		const names = new Set((await stack.n8n.getNodeTypes()).map((type) => type.name));

		expect(names.has('n8n-nodes-base.webhook')).toBe(true);
		for (const node of PACKAGE_NODES) {
			expect(names).toContain(`${PACKAGE_NAME}.${node.name}`);
			expect(names).not.toContain(`CUSTOM.${node.name}`);
		}
	});

	it('registers package credential types', async () => {
		const names = new Set((await stack.n8n.getCredentialTypes()).map((type) => type.name));

		for (const credential of PACKAGE_CREDENTIALS) {
			expect(names).toContain(credential.name);
		}
	});

	it('runs a harness workflow through callOperation', async () => {
		const workflow = buildOperationWorkflow({
			name: 'harness set fields',
			node: setFieldsNode([{ name: 'doubled', type: 'number', value: '={{ $json.n * 2 }}' }]),
		});

		const result = await callOperation(stack, workflow, [{ n: 1 }, { n: 2 }, { n: 3 }]);

		expect(result.status).toBe(200);
		expect(result.items.map((item) => item.json)).toEqual([
			{ n: 1, doubled: 2 },
			{ n: 2, doubled: 4 },
			{ n: 3, doubled: 6 },
		]);
		expect(result.items.every((item) => item.error === undefined)).toBe(true);
	});

	it('returns failed items with their message', async () => {
		const workflow = buildOperationWorkflow({
			name: 'harness failing item',
			node: setFieldsNode([{ name: 'count', type: 'number', value: '={{ $json.value }}' }]),
		});

		const result = await callOperation(stack, workflow, [{ value: '7' }, { value: 'seven' }]);

		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.count).toBe(7);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[1].error).toMatch(/count/);
	});

	it('answers HTTP 500 when the node stops the workflow', async () => {
		const workflow = buildOperationWorkflow({
			name: 'harness stop workflow',
			node: {
				...setFieldsNode([{ name: 'count', type: 'number', value: '={{ $json.value }}' }]),
				onError: 'stopWorkflow',
			},
		});

		const result = await callOperation(stack, workflow, [{ value: 'seven' }]);

		expect(result.status).toBe(500);
		expect(result.items).toEqual([]);
	});

	it('passes binary files in and out', async () => {
		const inputDir = path.join(stack.filesDir, 'runtime-test', 'input');
		const outputDir = path.join(stack.filesDir, 'runtime-test', 'output');
		mkdirSync(inputDir, { recursive: true });
		mkdirSync(outputDir, { recursive: true });
		const content = Buffer.alloc(3 * 1024 * 1024 + 17, 'x');
		const inputFile = path.join(inputDir, 'sample.txt');
		writeFileSync(inputFile, content);
		const workflow = buildOperationWorkflow({
			name: 'harness binary',
			binaryInput: true,
			binaryOutput: { folder: outputDir },
			node: setFieldsNode([{ name: 'seen', type: 'boolean', value: true }]),
		});

		const result = await callOperation(stack, workflow, [{ filePath: inputFile, label: 'one' }]);

		expect(result.status).toBe(200);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ filePath: inputFile, label: 'one', seen: true });
		expect(result.items[0].binary.data).toMatchObject({
			fileName: 'sample.txt',
			mimeType: 'text/plain',
			fileSize: content.length,
		});
		expect(readdirSync(outputDir)).toEqual(['0-sample.txt']);
		expect(readFileSync(path.join(outputDir, '0-sample.txt')).equals(content)).toBe(true);
	});

	it('streams a 300 MiB file in and out', async () => {
		const dir = path.join(stack.filesDir, 'runtime-test', 'large');
		const outputDir = path.join(dir, 'output');
		mkdirSync(outputDir, { recursive: true });
		const inputFile = path.join(dir, 'large.bin');
		const size = 300 * 1024 * 1024;
		const chunk = Buffer.alloc(1024 * 1024);
		for (let index = 0; index < chunk.length; index++) chunk[index] = index % 251;
		const handle = openSync(inputFile, 'w');
		for (let written = 0; written < size; written += chunk.length) writeSync(handle, chunk);
		closeSync(handle);
		const workflow = buildOperationWorkflow({
			name: 'harness large binary',
			binaryInput: true,
			binaryOutput: { folder: outputDir },
			node: setFieldsNode([{ name: 'seen', type: 'boolean', value: true }]),
		});

		const result = await callOperation(stack, workflow, [{ filePath: inputFile }]);

		expect(result.status).toBe(200);
		expect(result.items[0].binary.data.fileSize).toBe(size);
		const outputFile = path.join(outputDir, '0-large.bin');
		expect(statSync(outputFile).size).toBe(size);
		expect(fileDigest(outputFile)).toBe(fileDigest(inputFile));
	});

	it('counts executions of a workflow', async () => {
		const workflow = buildOperationWorkflow({
			name: 'harness executions',
			node: setFieldsNode([{ name: 'ok', type: 'boolean', value: true }]),
		});
		const first = await callOperation(stack, workflow, [{ call: 1 }]);
		await callOperation(stack, workflow, [{ call: 2 }]);

		const executions = await stack.n8n.waitForExecutions(first.workflowId, 2, 30_000);

		expect(executions).toHaveLength(2);
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success']);
		expect(executions.every((execution) => execution.mode === 'webhook')).toBe(true);
	});
	it('accepts the Content Server credential data', async () => {
		const credential = await stack.n8n.createCredential({
			type: CREDENTIAL_TYPES.contentServer,
			name: 'runtime test Content Server',
			data: contentServerCredentialData('http://127.0.0.1:9/otcs/cs.exe'),
		});

		expect(credential.id).toEqual(expect.any(String));
		await stack.n8n.deleteCredential(credential.id);
	});

	const shopifyCredentialExists = existsSync(
		path.join(REPO_DIR, 'credentials', 'ShopifyAdminApi.credentials.ts'),
	);
	(shopifyCredentialExists ? it : it.skip)('accepts the Shopify credential data', async () => {
		const credential = await stack.n8n.createCredential({
			type: CREDENTIAL_TYPES.shopify,
			name: 'runtime test Shopify',
			data: shopifyCredentialData('http://127.0.0.1:9'),
		});

		expect(credential.id).toEqual(expect.any(String));
		await stack.n8n.deleteCredential(credential.id);
	});

	// The simulators' control API is at the server root; the Content Server URL includes the REST path.
	for (const simulator of ['contentServer', 'shopify'] as const) {
		(stack.hasSimulator(simulator) ? it : it.skip)(
			`reaches the ${simulator} simulator from n8n`,
			async () => {
				const baseUrl = simulator === 'contentServer' ? stack.contentServerUrl : stack.shopifyUrl;
				const workflow = buildOperationWorkflow({
					name: `harness reach ${simulator}`,
					node: {
						type: 'n8n-nodes-base.httpRequest',
						typeVersion: 4.2,
						name: 'Read Simulator Settings',
						parameters: {
							url: `${new URL(baseUrl).origin}/_simulator/settings`,
							options: { response: { response: { fullResponse: true, neverError: true } } },
						},
					},
				});

				const result = await callOperation(stack, workflow, [{ probe: simulator }]);

				expect(result.status).toBe(200);
				expect(result.items).toHaveLength(1);
				expect(result.items[0].error).toBeUndefined();
				expect(result.items[0].json.statusCode).toBe(200);
			},
		);
	}
	it('imports and publishes through the CLI', async () => {
		const id = `cli${Date.now().toString(36)}`.padEnd(16, '0').slice(0, 16);
		const webhookPath = `cli-import-${id}`;
		await stack.cli.importWorkflows([
			{
				id,
				name: 'harness cli import',
				settings: { executionOrder: 'v1' },
				nodes: [
					{
						id: 'webhook',
						name: 'Webhook',
						type: 'n8n-nodes-base.webhook',
						typeVersion: 2.1,
						position: [0, 0],
						webhookId: '6a1f0c52-3b7e-4c8d-9e21-5f4b3a2c1d0e',
						parameters: {
							httpMethod: 'GET',
							path: webhookPath,
							responseMode: 'lastNode',
							options: {},
						},
					},
					{
						...setFieldsNode([{ name: 'greeting', type: 'string', value: 'hello' }]),
						id: 'set',
						position: [220, 0],
					},
				],
				connections: { Webhook: { main: [[{ node: 'Set Fields', type: 'main', index: 0 }]] } },
			},
		]);
		await stack.cli.publishWorkflow(id);

		// publish:workflow writes to the database; the running n8n registers the webhook on its
		// publication reconciler run, every 10 s by default in n8n 2.41.1.
		let response = await fetch(`${stack.webhookBaseUrl}/${webhookPath}`);
		const deadline = Date.now() + 60_000;
		while (response.status === 404 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			response = await fetch(`${stack.webhookBaseUrl}/${webhookPath}`);
		}

		expect((await stack.n8n.getWorkflow(id)).name).toBe('harness cli import');
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ greeting: 'hello' });
	});
});
