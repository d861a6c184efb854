import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { WorkflowDefinition } from '../../../scripts/lib/n8n-client';
import { getStack } from '../support';
import {
	adminGraphql,
	control,
	createCredential,
	CREDENTIAL_TYPE,
	DEMO,
	deliverWebhook,
	emitWebhook,
	sleep,
	TRIGGER_TYPE,
} from './helpers';

const stack = getStack();
const TRIGGER_NAME = 'Shopify Webhook Trigger';

interface TriggerWorkflow {
	definition: WorkflowDefinition;
	url: string;
}

function triggerWorkflow(
	name: string,
	credential: { id: string; name: string },
	topics: string[],
): TriggerWorkflow {
	const webhookId = randomUUID();
	return {
		url: `${stack.webhookBaseUrl}/${webhookId}/webhook`,
		definition: {
			name,
			nodes: [
				{
					id: randomUUID(),
					name: TRIGGER_NAME,
					type: TRIGGER_TYPE,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: { topics, options: {} },
					credentials: { [CREDENTIAL_TYPE]: credential },
				},
				{
					id: randomUUID(),
					name: 'Received',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [220, 0],
					parameters: {},
				},
			],
			connections: { [TRIGGER_NAME]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	};
}

interface Subscription {
	id: string;
	topic: string;
	uri: string;
}

async function subscriptionsAt(url: string): Promise<Subscription[]> {
	const data = await adminGraphql<{ webhookSubscriptions: { nodes: Subscription[] } }>(
		stack,
		'{ webhookSubscriptions(first: 100) { nodes { id topic uri } } }',
	);
	return data.webhookSubscriptions.nodes.filter((subscription) => subscription.uri === url);
}

async function executionCount(workflowId: string): Promise<number> {
	return (await stack.n8n.listExecutions(workflowId)).length;
}

/** Waits long enough for an execution that should not happen to show up, then counts. */
async function settledExecutionCount(workflowId: string): Promise<number> {
	await sleep(1500);
	return await executionCount(workflowId);
}

async function triggerOutputs(
	workflowId: string,
	count: number,
): Promise<Array<Record<string, any>>> {
	const executions = await stack.n8n.waitForExecutions(workflowId, count, 60_000);
	const outputs: Array<Record<string, any>> = [];
	for (const summary of executions) {
		const execution = await stack.n8n.getExecution(summary.id, true);
		const run = execution.data?.resultData.runData[TRIGGER_NAME]?.[0];
		outputs.push(run?.data?.main?.[0]?.[0]?.json ?? {});
	}
	return outputs;
}

describe('Shopify Webhook Trigger', () => {
	let credential: { id: string; name: string };
	let workflow: TriggerWorkflow;
	let workflowId: string;

	beforeAll(async () => {
		await control(stack, 'POST', 'reset');
		credential = await createCredential(stack, 'Shopify trigger test', {
			notificationsWebhookSecret: DEMO.notificationsKey,
		});
		workflow = triggerWorkflow('shopify trigger', credential, ['orders/create', 'refunds/create']);
		workflowId = await stack.n8n.createWorkflow(workflow.definition);
		await stack.n8n.activateWorkflow(workflowId);
	});

	afterAll(async () => {
		await control(stack, 'POST', 'reset');
	});

	it('registers one subscription per topic when the workflow is published', async () => {
		const subscriptions = await subscriptionsAt(workflow.url);
		expect(subscriptions.map((subscription) => subscription.topic).sort()).toEqual([
			'ORDERS_CREATE',
			'REFUNDS_CREATE',
		]);
	});

	it('runs once for a signed orders/create and keeps the 64-bit id exact', async () => {
		const before = await executionCount(workflowId);
		const emitted = await emitWebhook(stack, { topic: 'orders/create', id: '820982911946154508' });
		expect(emitted.deliveries.map((delivery) => delivery.status)).toEqual([200]);

		const [output] = await triggerOutputs(workflowId, before + 1);
		expect(output).toMatchObject({
			topic: 'orders/create',
			shop: DEMO.domain,
			apiVersion: '2026-01',
			eventId: emitted.deliveries[0].eventId,
			webhookId: emitted.deliveries[0].webhookId,
			triggeredAt: expect.any(String),
		});
		expect(output.payload.id).toBe('820982911946154508');
		expect(output.payload.admin_graphql_api_id).toBe('gid://shopify/Order/820982911946154508');
		expect(output.payload.line_items.map((line: { id: unknown }) => line.id)).toEqual([
			'866550311766439020',
			'141249953214522974',
		]);
		expect(await settledExecutionCount(workflowId)).toBe(before + 1);
	});

	it("checks the signature over Shopify's escaped bytes, with the Events headers present", async () => {
		await control(stack, 'PATCH', 'settings', { sendEventsHeaders: true });
		const before = await executionCount(workflowId);
		const emitted = await emitWebhook(stack, { topic: 'orders/create', id: '5006' });
		await control(stack, 'PATCH', 'settings', { sendEventsHeaders: false });
		expect(emitted.deliveries.map((delivery) => delivery.status)).toEqual([200]);

		const [output] = await triggerOutputs(workflowId, before + 1);
		expect(output.payload.name).toBe('#1006');
		expect(output.payload.note).toBe(
			'يرجى التغليف كهدية 🎁 — Bitte klingeln & nicht <klopfen>/danke\u2028Zeile 2',
		);
	});

	it('answers forged and unsigned deliveries with 401 and starts nothing', async () => {
		const before = await executionCount(workflowId);
		const forged = await emitWebhook(stack, { topic: 'orders/create', id: '5001', mode: 'forged' });
		const unsigned = await emitWebhook(stack, {
			topic: 'orders/create',
			id: '5001',
			mode: 'unsigned',
		});
		expect(forged.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		expect(unsigned.deliveries.map((delivery) => delivery.status)).toEqual([401]);

		const tampered = await deliverWebhook(workflow.url, {
			topic: 'orders/create',
			body: '{"id":5001}',
			key: 'not-the-secret',
		});
		expect(tampered.status).toBe(401);
		expect(await settledExecutionCount(workflowId)).toBe(before);

		const log = readFileSync(stack.n8nLogFile, 'utf8');
		expect(log).toContain('Rejected a Shopify webhook delivery with HTTP 401');
		expect(log).not.toContain(DEMO.clientSecret);
	});

	it.each(['duplicate', 'concurrent', 'retried'])('runs once for a %s delivery', async (mode) => {
		const before = await executionCount(workflowId);
		const emitted = await emitWebhook(stack, { topic: 'orders/create', id: '5001', mode });
		expect(emitted.deliveries).toHaveLength(2);
		expect(new Set(emitted.deliveries.map((delivery) => delivery.eventId)).size).toBe(1);
		await stack.n8n.waitForExecutions(workflowId, before + 1, 60_000);
		expect(await settledExecutionCount(workflowId)).toBe(before + 1);
	});

	it('acknowledges a signed delivery for a topic it does not handle without running', async () => {
		const before = await executionCount(workflowId);
		const response = await deliverWebhook(workflow.url, {
			topic: 'orders/paid',
			body: '{"id":5001}',
			key: DEMO.clientSecret,
		});
		expect(response.status).toBe(200);
		expect(await settledExecutionCount(workflowId)).toBe(before);
	});

	it('accepts deliveries signed with the Notifications key', async () => {
		const before = await executionCount(workflowId);
		await control(stack, 'POST', 'webhooks/admin-subscriptions', {
			topic: 'refunds/create',
			uri: workflow.url,
		});
		const emitted = await emitWebhook(stack, { topic: 'refunds/create', id: '9302' });
		// One delivery for the API subscription (client secret), one for the admin one (Notifications key).
		expect(emitted.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);
		const outputs = await triggerOutputs(workflowId, before + 1);
		expect(outputs[0]).toMatchObject({ topic: 'refunds/create' });
		expect(outputs[0].payload.refund_line_items).toEqual([]);
	});

	it('keeps the remembered deliveries in the workflow static data', async () => {
		const stored = (await stack.n8n.getWorkflow(workflowId)) as {
			staticData?: Record<string, any>;
		};
		const nodeData = Object.entries(stored.staticData ?? {}).find(([key]) =>
			key.startsWith('node:'),
		)?.[1];
		expect(Object.keys(nodeData?.deliveries ?? {}).length).toBeGreaterThanOrEqual(5);
		expect(nodeData?.subscriptions).toHaveLength(2);
	});

	it('deletes its subscriptions when the workflow is unpublished', async () => {
		await stack.n8n.deactivateWorkflow(workflowId);
		expect(await subscriptionsAt(workflow.url)).toEqual([]);
	});
});

describe('Shopify Webhook Trigger lifecycle', () => {
	beforeEach(async () => {
		await control(stack, 'POST', 'reset');
	});

	afterAll(async () => {
		await control(stack, 'POST', 'reset');
	});

	it('reuses an existing subscription for the same topic and address', async () => {
		const credential = await createCredential(stack, 'Shopify trigger reuse');
		const workflow = triggerWorkflow('shopify trigger reuse', credential, ['orders/create']);
		const created = await adminGraphql<{
			webhookSubscriptionCreate: { webhookSubscription: { id: string } };
		}>(
			stack,
			'mutation ($uri: String!) { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: $uri, format: JSON }) { webhookSubscription { id } userErrors { message } } }',
			{ uri: workflow.url },
		);
		const workflowId = await stack.n8n.createWorkflow(workflow.definition);
		await stack.n8n.activateWorkflow(workflowId);

		const subscriptions = await subscriptionsAt(workflow.url);
		expect(subscriptions.map((subscription) => subscription.id)).toEqual([
			created.webhookSubscriptionCreate.webhookSubscription.id,
		]);
		await stack.n8n.deleteWorkflow(workflowId);
		expect(await subscriptionsAt(workflow.url)).toEqual([]);
	});

	it('uses callbackUrl with API versions before 2025-10', async () => {
		const credential = await createCredential(stack, 'Shopify trigger 2025-07', {
			apiVersion: '2025-07',
		});
		const workflow = triggerWorkflow('shopify trigger 2025-07', credential, ['products/update']);
		const workflowId = await stack.n8n.createWorkflow(workflow.definition);
		await stack.n8n.activateWorkflow(workflowId);
		const data = await adminGraphql<{
			webhookSubscriptions: { nodes: Array<{ topic: string; callbackUrl: string }> };
		}>(
			stack,
			'{ webhookSubscriptions(first: 100) { nodes { topic callbackUrl } } }',
			{},
			'2025-07',
		);
		expect(data.webhookSubscriptions.nodes).toEqual([
			{ topic: 'PRODUCTS_UPDATE', callbackUrl: workflow.url },
		]);
		await stack.n8n.deleteWorkflow(workflowId);
		expect(await subscriptionsAt(workflow.url)).toEqual([]);
	});

	it('treats a subscription deleted in Shopify as already removed', async () => {
		const credential = await createCredential(stack, 'Shopify trigger gone');
		const workflow = triggerWorkflow('shopify trigger gone', credential, ['orders/create']);
		const workflowId = await stack.n8n.createWorkflow(workflow.definition);
		await stack.n8n.activateWorkflow(workflowId);
		const [subscription] = await subscriptionsAt(workflow.url);
		await adminGraphql(
			stack,
			'mutation ($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId } }',
			{
				id: subscription.id,
			},
		);
		await stack.n8n.deactivateWorkflow(workflowId);
		expect(readFileSync(stack.n8nLogFile, 'utf8')).not.toContain(
			`${subscription.id} (ORDERS_CREATE)`,
		);
	});

	it('reports a failed deletion and leaves the subscription for the next attempt', async () => {
		const credential = await createCredential(stack, 'Shopify trigger delete fails');
		const workflow = triggerWorkflow('shopify trigger delete fails', credential, ['orders/create']);
		const workflowId = await stack.n8n.createWorkflow(workflow.definition);
		await stack.n8n.activateWorkflow(workflowId);
		const [subscription] = await subscriptionsAt(workflow.url);

		await control(stack, 'PATCH', 'settings', {
			faults: { serverErrorRate: 1, serverErrorStatus: 503 },
		});
		await stack.n8n.deactivateWorkflow(workflowId, 180_000);
		await control(stack, 'PATCH', 'settings', { faults: { serverErrorRate: 0 } });

		expect((await subscriptionsAt(workflow.url)).map((entry) => entry.id)).toEqual([
			subscription.id,
		]);
		const log = readFileSync(stack.n8nLogFile, 'utf8');
		expect(log).toContain('Deleting the Shopify webhook subscriptions failed');
		expect(log).toContain(`${subscription.id} (ORDERS_CREATE)`);
	});

	it('refuses to publish without a webhook signing secret', async () => {
		const credential = await createCredential(stack, 'Shopify trigger no secret', {
			webhookSigningSecret: '',
		});
		const workflow = triggerWorkflow('shopify trigger no secret', credential, ['orders/create']);
		const workflowId = await stack.n8n.createWorkflow(workflow.definition);
		await expect(stack.n8n.activateWorkflow(workflowId)).rejects.toThrow(
			/The Shopify Admin API credential has no webhook signing secret/,
		);
		expect(await subscriptionsAt(workflow.url)).toEqual([]);
	});
});
