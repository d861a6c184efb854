import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

import { N8nClient, type OwnerAccount } from '../../../scripts/lib/n8n-client';
import { startN8n, type N8nProcess } from '../../../scripts/lib/n8n-process';
import { getRuntimePaths } from '../../../scripts/lib/paths';
import { getStack } from '../support';
import {
	control,
	credentialData,
	CREDENTIAL_TYPE,
	DEMO,
	deliverWebhook,
	sleep,
	TRIGGER_TYPE,
} from './helpers';

/**
 * Runs a second n8n of this test's own on a copy of the installed package, so it can be
 * stopped and started again without disturbing the shared stack.
 */
const stack = getStack();
const workDir = path.join(path.dirname(stack.userFolder), 'shopify-restart');
const userFolder = path.join(workDir, 'n8n-user');
const filesDir = path.join(workDir, 'files');
const owner: OwnerAccount = {
	email: 'restart-owner@example.com',
	password: `Restart-${randomBytes(9).toString('base64url')}-7`,
	firstName: 'Restart',
	lastName: 'Owner',
};

let n8n: N8nProcess | undefined;

/** Starts n8n; the restart reuses the first port, because Shopify keeps the subscription's address. */
async function startOwnN8n(port?: number): Promise<N8nClient> {
	n8n = await startN8n({
		runtime: getRuntimePaths(),
		userFolder,
		fileAccessDirs: [filesDir],
		port,
	});
	return await N8nClient.setUp(n8n.url, owner);
}

/** Waits until n8n responds to the trigger's URL with 401 for an unsigned request, instead of 404. */
async function waitForWebhook(url: string): Promise<void> {
	for (let attempt = 0; attempt < 240; attempt++) {
		const response = await deliverWebhook(url, { topic: 'orders/create', body: '{}' });
		if (response.status === 401) return;
		await sleep(500);
	}
	throw new Error(`${url} did not answer within 2 minutes`);
}

beforeAll(async () => {
	await control(stack, 'POST', 'reset');
	mkdirSync(filesDir, { recursive: true });
	// The package as the shared stack installed it, so no second npm install is needed.
	cpSync(path.join(stack.userFolder, '.n8n', 'nodes'), path.join(userFolder, '.n8n', 'nodes'), {
		recursive: true,
	});
});

afterAll(async () => {
	await n8n?.stop();
	await control(stack, 'POST', 'reset');
});

it('remembers a delivery across an n8n restart', async () => {
	let client = await startOwnN8n();
	const credential = await client.createCredential({
		type: CREDENTIAL_TYPE,
		name: 'Shopify restart test',
		data: credentialData(stack),
	});
	const webhookId = randomUUID();
	const workflowId = await client.createWorkflow({
		name: 'shopify trigger restart',
		nodes: [
			{
				id: randomUUID(),
				name: 'Shopify Webhook Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { topics: ['orders/create'], options: {} },
				credentials: { [CREDENTIAL_TYPE]: credential },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await client.activateWorkflow(workflowId);
	const url = `${n8n?.url}/webhook/${webhookId}/webhook`;

	const eventId = randomUUID();
	const body = '{"id":820982911946154508,"name":"#1005"}';
	const first = await deliverWebhook(url, {
		topic: 'orders/create',
		body,
		key: DEMO.clientSecret,
		eventId,
	});
	expect(first.status).toBe(200);
	await client.waitForExecutions(workflowId, 1, 60_000);

	const port = n8n?.port;
	await n8n?.stop();
	client = await startOwnN8n(port);
	await waitForWebhook(url);

	// Shopify's retry of the same event, with a new webhook id, after the restart.
	const retry = await deliverWebhook(url, {
		topic: 'orders/create',
		body,
		key: DEMO.clientSecret,
		eventId,
	});
	expect(retry.status).toBe(200);
	expect(retry.text).toContain('already received');

	const next = await deliverWebhook(url, { topic: 'orders/create', body, key: DEMO.clientSecret });
	expect(next.status).toBe(200);
	await client.waitForExecutions(workflowId, 2, 60_000);
	await sleep(1500);
	expect(await client.listExecutions(workflowId)).toHaveLength(2);

	await client.deactivateWorkflow(workflowId);
});
