import * as path from 'node:path';

import { SIMULATOR_ACCOUNTS } from './credentials';
import { ContentServerRestClient } from './content-server-rest';
import type { ExecutionSummary, N8nClient } from './n8n-client';
import { postJson } from './post-json';
import {
	compareSnapshots,
	describeItem,
	takeSnapshot,
	type ContentServerItem,
	type SnapshotChanges,
} from './report';

/**
 * The demo's story: a short, realistic day in the shop. It runs through the two simulators' public
 * APIs (Shopify Admin API mutations and webhooks, Content Server REST), so the published templates
 * react as they would to a real shop and a real Content Server.
 */

const API_VERSION = '2026-10';

/** The parts of a running stack that the story uses: the demo's, or the one the e2e tests start. */
export interface StoryTarget {
	n8nUrl: string;
	n8n: Pick<N8nClient, 'listExecutions' | 'getExecution'>;
	contentServerUrl: string;
	shopifyUrl: string;
	/** The published templates; `file` is the template's path, named `NN-...json`. */
	workflows: Array<{ id: string; name: string; file: string }>;
}

/** The story's outcome: the printed report and what it is built from. */
export interface StoryResult {
	report: string;
	/** Executions of all workflows that did not succeed. */
	failedExecutions: number;
	/** One line per execution that did not succeed: template, execution ID, node and error. */
	failures: string[];
	/** Executions per template number, e.g. `01`. */
	executionsByTemplate: Record<string, number>;
	changes: SnapshotChanges;
	/** The context webhook's response for order #1001. */
	context: unknown;
}

interface StoryContext {
	target: StoryTarget;
	contentServer: ContentServerRestClient;
	shopify(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
	/** Sends a webhook for a seed record; `duplicate` delivers the same event twice. */
	emit(topic: string, id: string, mode?: 'duplicate'): Promise<void>;
	/** POSTs JSON with the demo's webhook key to an n8n Webhook node's production path; returns the parsed response. */
	callWebhook(webhookPath: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

interface StoryStep {
	title: string;
	run(context: StoryContext): Promise<void>;
}

/** Folders below Enterprise:Shopify where each template files what it creates, by template number. */
const FLOW_FOLDERS: Record<string, string[]> = {
	'01': ['Orders'],
	'02': ['Service'],
	'03': [],
	'04': ['Suppliers', 'Product Documents'],
	'05': ['Finance'],
	'06': ['Returns'],
	'07': [],
};

const CONTEXT_WEBHOOK_PATH = 'shopify-otcs/context';
const CORRESPONDENCE_WEBHOOK_PATH = 'shopify-otcs/correspondence';
const PRODUCT_DOCUMENTS_WEBHOOK_PATH = 'shopify-otcs/publish-product-documents';
const SETTLEMENT_WEBHOOK_PATH = 'shopify-otcs/month-end-settlement';

const STEPS: StoryStep[] = [
	{
		title: 'Anna Becker places order #1001 (trail runner shoe and socks)',
		run: async ({ emit }) => await emit('orders/create', '5001'),
	},
	{
		title: 'Order #1001 is paid by card',
		run: async ({ emit }) => {
			await emit('orders/paid', '5001');
			await emit('order_transactions/create', '9502');
		},
	},
	{
		title: 'The warehouse ships order #1001 with DHL Express (label bought in a shipping app)',
		run: async ({ emit }) => await emit('orders/fulfilled', '5001'),
	},
	{
		title:
			'Zoë Ångström-Петрова orders a matcha set from Tokyo (order #1006); Shopify delivers the webhook twice, as it may',
		run: async ({ emit }) => await emit('orders/create', '5006', 'duplicate'),
	},
	{
		title: "A bank opens a chargeback on guest order #1002 (the customer's complaint)",
		run: async ({ emit }) => await emit('disputes/create', '9401'),
	},
	{
		title: 'Anna asks to return the thermos bottle of order #1007 (return #1007-R3)',
		run: async ({ emit }) => await emit('returns/request', '9203'),
	},
	{
		title: 'Anna e-mails customer service about the bottle; the mail system posts it to n8n',
		run: async ({ callWebhook }) => {
			await callWebhook(CORRESPONDENCE_WEBHOOK_PATH, {
				orderName: '#1007',
				subject: 'Return of the thermos bottle',
				from: 'anna.becker@example.com',
				body: 'Hello, the bottle leaks at the lid. I have asked for a return in the shop.',
				receivedAt: '2026-12-04T09:30:00Z',
			});
		},
	},
	{
		title: 'Customer service approves return #1007-R3 and closes return #1007-R2',
		run: async ({ shopify }) => {
			await shopify(
				'mutation($input: ReturnApproveRequestInput!) { returnApproveRequest(input: $input) { userErrors { field message } } }',
				{ input: { id: 'gid://shopify/Return/9203' } },
			);
			await shopify(
				'mutation($id: ID!) { returnClose(id: $id) { userErrors { field message } } }',
				{ id: 'gid://shopify/Return/9202' },
			);
		},
	},
	{
		title: 'A refund of 14.90 EUR for one pair of socks on order #1001',
		run: async ({ shopify }) => {
			await shopify(
				'mutation($input: RefundInput!) { refundCreate(input: $input) { userErrors { field message } } }',
				{
					input: {
						orderId: 'gid://shopify/Order/5001',
						note: 'Socks arrived with a hole',
						refundLineItems: [
							{
								lineItemId: 'gid://shopify/LineItem/11002',
								quantity: 1,
								restockType: 'NO_RESTOCK',
							},
						],
						transactions: [
							{
								orderId: 'gid://shopify/Order/5001',
								parentId: 'gid://shopify/OrderTransaction/9502',
								amount: '14.90',
								gateway: 'shopify_payments',
								kind: 'REFUND',
							},
						],
					},
				},
			);
		},
	},
	{
		title: 'The merchandiser updates the Merino Wool Socks product (vendor Demo Outdoor Co.)',
		run: async ({ shopify }) => {
			await shopify(
				'mutation($product: ProductUpdateInput!) { productUpdate(product: $product) { userErrors { field message } } }',
				{
					product: {
						id: 'gid://shopify/Product/7002',
						descriptionHtml: '<p>Soft merino socks for long trails.</p>',
					},
				},
			);
		},
	},
	{
		title:
			'Quality manager Lena Chen approves the safety data sheet of the Merino Wool Socks in Content Server',
		run: async ({ contentServer, callWebhook }) => {
			const { status } = await contentServer.call('PUT', '/api/v2/nodes/2213/categories/2104', {
				form: { '2104_5': 'Approved' },
			});
			if (status !== 200) {
				throw new Error(`Approving the safety data sheet returned HTTP ${status}.`);
			}
			await callWebhook(PRODUCT_DOCUMENTS_WEBHOOK_PATH, {});
		},
	},
	{
		title: 'Finance settles the month in which order #1001 was placed',
		run: async ({ shopify, callWebhook }) => {
			const { order } = await shopify('query($id: ID!) { order(id: $id) { processedAt } }', {
				id: 'gid://shopify/Order/5001',
			});
			await callWebhook(SETTLEMENT_WEBHOOK_PATH, {
				period: String(order.processedAt).slice(0, 7),
			});
		},
	},
];

async function shopifyGraphql(
	shopifyUrl: string,
	query: string,
	variables: Record<string, unknown> = {},
): Promise<Record<string, any>> {
	const response = await fetch(`${shopifyUrl}/admin/api/${API_VERSION}/graphql.json`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-shopify-access-token': SIMULATOR_ACCOUNTS.shopify.accessToken,
		},
		body: JSON.stringify({ query, variables }),
	});
	const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
	if (!response.ok || body.errors || !body.data) {
		throw new Error(
			`The Shopify simulator returned HTTP ${response.status} for a story step: ${JSON.stringify(body.errors ?? body)}`,
		);
	}
	for (const payload of Object.values(body.data)) {
		const userErrors = (payload as { userErrors?: Array<{ message: string }> } | null)?.userErrors;
		if (userErrors && userErrors.length > 0) {
			throw new Error(`The Shopify simulator rejected a story step: ${userErrors[0].message}`);
		}
	}
	return body.data;
}

async function controlShopify(shopifyUrl: string, route: string, body: unknown): Promise<void> {
	const response = await fetch(`${shopifyUrl}/_simulator/${route}`, {
		method: route === 'settings' ? 'PATCH' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) {
		throw new Error(
			`The Shopify simulator returned HTTP ${response.status} for ${route}: ${await response.text()}`,
		);
	}
}

const RUNNING = new Set(['new', 'running', 'waiting']);

/** Waits until no demo workflow runs and no new execution appeared for two seconds. */
async function waitForQuiet(target: StoryTarget, timeoutMs = 120_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let previous = -1;
	let quietSince = Date.now();
	for (;;) {
		let total = 0;
		let running = 0;
		for (const workflow of target.workflows) {
			const executions = await target.n8n.listExecutions(workflow.id);
			total += executions.length;
			running += executions.filter((execution) => RUNNING.has(execution.status)).length;
		}
		if (total !== previous || running > 0) {
			previous = total;
			quietSince = Date.now();
		} else if (Date.now() - quietSince >= 2_000) {
			return;
		}
		if (Date.now() > deadline) {
			throw new Error(`Workflows were still running after ${timeoutMs / 1000} s.`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

function templateNumber(file: string): string {
	return path.basename(file).slice(0, 2);
}

function describeExecutions(executions: ExecutionSummary[]): string {
	if (executions.length === 0) return 'no executions';
	const failed = executions.filter((execution) => execution.status !== 'success').length;
	const noun = executions.length === 1 ? 'execution' : 'executions';
	return failed === 0
		? `${executions.length} ${noun}, all succeeded`
		: `${executions.length} ${noun}, ${failed} failed`;
}

function itemsOfFlow(changes: SnapshotChanges, number: string): ContentServerItem[] {
	const folders = FLOW_FOLDERS[number] ?? [];
	const inFolders = (item: ContentServerItem) =>
		folders.some((folder) => item.path.startsWith(`Enterprise:Shopify/${folder}/`));
	// Plain folders (type 0) are left out: the documents' paths show them.
	return [...changes.created, ...changes.versioned].filter(
		(item) => item.type !== 0 && inFolders(item),
	);
}

/**
 * Tells the story, then returns the report: per flow, its executions and what it created in
 * Content Server and Shopify.
 */
export async function runStory(
	target: StoryTarget,
	log: (message: string) => void,
): Promise<StoryResult> {
	const contentServer = new ContentServerRestClient(target.contentServerUrl);
	const shopify = (query: string, variables?: Record<string, unknown>) =>
		shopifyGraphql(target.shopifyUrl, query, variables);
	const context: StoryContext = {
		target,
		contentServer,
		shopify,
		emit: async (topic, id, mode) =>
			await controlShopify(target.shopifyUrl, 'webhooks/emit', { topic, id, mode }),
		callWebhook: async (webhookPath, body) => {
			const response = await postJson(`${target.n8nUrl}/webhook/${webhookPath}`, body, {
				[SIMULATOR_ACCOUNTS.contextApi.name]: SIMULATOR_ACCOUNTS.contextApi.value,
			});
			if (response.status !== 200) {
				throw new Error(
					`n8n returned HTTP ${response.status} on /webhook/${webhookPath}: ${JSON.stringify(response.body)}`,
				);
			}
			return response;
		},
	};

	// Mutations send their webhooks as on a real shop, so that approving a return in the admin
	// reaches the returns flow without the story faking the event.
	await controlShopify(target.shopifyUrl, 'settings', { autoEmit: true });
	const before = await takeSnapshot(contentServer, shopify);

	for (const [index, step] of STEPS.entries()) {
		log(`Story ${index + 1}/${STEPS.length}: ${step.title}`);
		await step.run(context);
		await waitForQuiet(target);
	}

	const after = await takeSnapshot(contentServer, shopify, before);
	const changes = compareSnapshots(before, after);

	const contextAnswer = await context.callWebhook(CONTEXT_WEBHOOK_PATH, { orderName: '#1001' });

	const lines = ['', 'What happened, per flow:'];
	let failedExecutions = 0;
	const failures: string[] = [];
	const executionsByTemplate: Record<string, number> = {};
	for (const workflow of target.workflows) {
		const number = templateNumber(workflow.file);
		const executions = await target.n8n.listExecutions(workflow.id);
		executionsByTemplate[number] = executions.length;
		for (const execution of executions.filter((summary) => summary.status !== 'success')) {
			failedExecutions += 1;
			const details = await target.n8n.getExecution(execution.id, true);
			const { error, lastNodeExecuted } = details.data?.resultData ?? {};
			failures.push(
				`${number} execution ${execution.id} (${execution.status}) in node "${lastNodeExecuted ?? '?'}": ${error?.message ?? 'no error message'}`,
			);
		}
		lines.push('', `${number}. ${workflow.name}  (${describeExecutions(executions)})`);
		lines.push(`    ${target.n8nUrl}/workflow/${workflow.id}/executions`);
		for (const item of itemsOfFlow(changes, number)) lines.push(...describeItem(item, '    '));
		if (number === '03') {
			for (const metafield of changes.metafields) {
				lines.push(`    Shopify ${metafield.name}: ${metafield.after ?? '(removed)'}`);
			}
		}
		if (number === '07') {
			lines.push(`    POST /webhook/${CONTEXT_WEBHOOK_PATH} {"orderName":"#1001"} returned:`);
			lines.push(
				...JSON.stringify(contextAnswer.body, null, 2)
					.split('\n')
					.map((line) => `      ${line}`),
			);
		}
	}
	return {
		report: lines.join('\n'),
		failedExecutions,
		failures,
		executionsByTemplate,
		changes,
		context: contextAnswer.body,
	};
}
