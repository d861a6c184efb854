import { createHmac, randomUUID } from 'node:crypto';
import * as http from 'node:http';

import {
	buildOperationWorkflow,
	callOperation,
	PACKAGE_NAME,
	type E2eStack,
	type OperationResult,
	type OperationWorkflow,
} from '../support';

export const ACTION_TYPE = `${PACKAGE_NAME}.shopifyGraphqlAdmin`;
export const TRIGGER_TYPE = `${PACKAGE_NAME}.shopifyWebhookTrigger`;
export const CREDENTIAL_TYPE = 'shopifyAdminApi';

/** The simulator's demo app; see simulators/shopify/README.md. */
export const DEMO = {
	shop: 'demo-shop',
	domain: 'demo-shop.myshopify.com',
	accessToken: 'shpat_demo_token',
	clientId: 'demo-client-id',
	clientSecret: 'demo-client-secret',
	notificationsKey: 'demo-notifications-signing-key',
} as const;

export const API_VERSION = '2026-10';

/** Credential data for the simulator, with field names of the shopifyAdminApi credential. */
export function credentialData(
	stack: E2eStack,
	overrides: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		shop: DEMO.shop,
		baseUrl: stack.shopifyUrl,
		apiVersion: API_VERSION,
		authentication: 'accessToken',
		accessToken: DEMO.accessToken,
		webhookSigningSecret: DEMO.clientSecret,
		...overrides,
	};
}

export async function createCredential(
	stack: E2eStack,
	name: string,
	overrides: Record<string, unknown> = {},
): Promise<{ id: string; name: string }> {
	return await stack.n8n.createCredential({
		type: CREDENTIAL_TYPE,
		name,
		data: credentialData(stack, overrides),
	});
}

/** Sends a GraphQL request to the simulator's Admin API as the demo app; for assertions. */
export async function adminGraphql<T = Record<string, unknown>>(
	stack: E2eStack,
	query: string,
	variables: Record<string, unknown> = {},
	apiVersion = API_VERSION,
): Promise<T> {
	const response = await fetch(`${stack.shopifyUrl}/admin/api/${apiVersion}/graphql.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-shopify-access-token': DEMO.accessToken },
		body: JSON.stringify({ query, variables }),
	});
	const body = (await response.json()) as { data?: T; errors?: unknown };
	if (!response.ok || body.errors || !body.data) {
		throw new Error(`Admin API ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
	}
	return body.data;
}

/** Calls the simulator's control API under /_simulator/, which Shopify does not have. */
export async function control<T = unknown>(
	stack: E2eStack,
	method: string,
	route: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${stack.shopifyUrl}/_simulator/${route}`, {
		method,
		headers: body === undefined ? undefined : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /_simulator/${route} returned HTTP ${response.status}: ${text}`);
	return (text === '' ? undefined : JSON.parse(text)) as T;
}

export interface LoggedRequest {
	method: string;
	path: string;
	status: number;
	operationName?: string | null;
	throttled?: boolean;
	fault?: string | null;
}

export async function loggedRequests(stack: E2eStack): Promise<LoggedRequest[]> {
	const body = await control<{ requests?: LoggedRequest[] } | LoggedRequest[]>(
		stack,
		'GET',
		'requests',
	);
	return Array.isArray(body) ? body : (body.requests ?? []);
}

export interface EmitResult {
	deliveries: Array<{
		subscriptionId: string;
		uri: string;
		topic: string;
		status: number | null;
		webhookId: string;
		eventId: string;
		attempt: number;
		error?: string;
	}>;
}

export async function emitWebhook(
	stack: E2eStack,
	request: Record<string, unknown>,
): Promise<EmitResult> {
	return await control<EmitResult>(stack, 'POST', 'webhooks/emit', request);
}

/** Builds the resource-locator value of a parameter, e.g. `{ mode: 'id', value: '5001' }`. */
export function locator(mode: string, value: string): Record<string, unknown> {
	return { __rl: true, mode, value };
}

/** Builds a workflow that runs the Shopify GraphQL Admin node with `parameters` on posted items. */
export function actionWorkflow(
	name: string,
	parameters: Record<string, unknown>,
	credential: { id: string; name: string },
	options: {
		binaryOutput?: { folder: string };
		onError?: 'stopWorkflow' | 'continueRegularOutput';
	} = {},
): OperationWorkflow {
	return buildOperationWorkflow({
		name,
		node: {
			type: ACTION_TYPE,
			parameters,
			credentials: { [CREDENTIAL_TYPE]: credential },
			onError: options.onError,
		},
		binaryOutput: options.binaryOutput,
	});
}

/** Runs one action and fails the test with the node's error when an item failed. */
export async function runAction(
	stack: E2eStack,
	workflow: OperationWorkflow,
	items: Array<Record<string, unknown>> = [{}],
): Promise<OperationResult> {
	const result = await callOperation(stack, workflow, items);
	if (result.status !== 200)
		throw new Error(`Workflow answered HTTP ${result.status}: ${JSON.stringify(result.body)}`);
	return result;
}

/**
 * POSTs a webhook delivery to n8n the way Shopify does: the exact body bytes and their
 * base64 HMAC-SHA256 in X-Shopify-Hmac-Sha256, signed with `key` (none for an unsigned one).
 */
export async function deliverWebhook(
	url: string,
	options: {
		topic: string;
		body: string;
		key?: string;
		eventId?: string;
		webhookId?: string;
		headers?: Record<string, string>;
	},
): Promise<{ status: number; text: string }> {
	const bytes = Buffer.from(options.body, 'utf8');
	const headers: Record<string, string | number> = {
		'content-type': 'application/json',
		'content-length': bytes.length,
		'x-shopify-topic': options.topic,
		'x-shopify-shop-domain': DEMO.domain,
		'x-shopify-api-version': '2026-01',
		'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
		'x-shopify-event-id': options.eventId ?? randomUUID(),
		'x-shopify-triggered-at': '2026-03-02T09:15:00.000Z',
		...options.headers,
	};
	if (options.key)
		headers['x-shopify-hmac-sha256'] = createHmac('sha256', options.key)
			.update(bytes)
			.digest('base64');
	return await new Promise((resolve, reject) => {
		const request = http.request(url, { method: 'POST', headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
			);
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end(bytes);
	});
}

export async function sleep(milliseconds: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export interface NodeRunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

/**
 * Output items of the node under test ("Operation") in the newest execution, after waiting
 * until the workflow has `executions` finished executions.
 */
export async function lastNodeOutput(
	stack: E2eStack,
	workflowId: string,
	executions: number,
	nodeName = 'Operation',
): Promise<NodeRunItem[]> {
	const [latest] = await stack.n8n.waitForExecutions(workflowId, executions, 60_000);
	const execution = await stack.n8n.getExecution(latest.id, true);
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	const output = runs[0]?.data?.main?.[0] ?? [];
	return output as unknown as NodeRunItem[];
}
