import * as path from 'node:path';

import type { ExecutionSummary, WorkflowDefinition } from '../../../scripts/lib/n8n-client';
import { REPO_DIR } from '../../../scripts/lib/paths';
import { postJson } from '../../../scripts/lib/post-json';
import {
	hasActivatingTrigger,
	loadTemplates,
	rewriteCredentials,
	type WorkflowTemplate,
} from '../../../scripts/lib/templates';
import { SimulatorControl } from '../content-server/harness';
import { ContentServerRestClient } from '../content-server/rest-client';
import { adminGraphql, control as shopifyControl, emitWebhook, sleep } from '../shopify/helpers';
import { CREDENTIAL_TYPES, getSimulatorCredentials, getStack, type E2eStack } from '../support';

export { adminGraphql, emitWebhook, postJson, sleep };

export const TEMPLATES_DIR = path.join(REPO_DIR, 'workflows');

/** Reads one template from workflows/ by file name, e.g. `01-archive-order-documents.json`. */
export function loadTemplate(file: string): WorkflowTemplate {
	const template = loadTemplates(TEMPLATES_DIR).find(
		(candidate) => path.basename(candidate.file) === file,
	);
	if (!template) throw new Error(`workflows/${file} does not exist.`);
	return template;
}

export interface DeployedTemplate {
	id: string;
	workflow: WorkflowDefinition;
	/** Production URL of an n8n Webhook node in the template, by node name. */
	webhookUrl(nodeName: string): string;
	/** Finished executions of the workflow, newest first. */
	executions(): Promise<ExecutionSummary[]>;
	/**
	 * Adds `added` to the executions this test file expects of the workflow, then waits until it
	 * has exactly that many, all successful. With 0 it checks that no execution was added.
	 */
	expectMoreExecutions(added: number): Promise<ExecutionSummary[]>;
	/** Emits a Shopify webhook from the simulator, then waits for `added` more executions. */
	emitAndWait(
		request: Record<string, unknown>,
		added: number,
	): Promise<Awaited<ReturnType<typeof emitWebhook>>>;
	/** Unpublishes and deletes the workflow, so that later test files see none of its triggers. */
	remove(): Promise<void>;
}

interface TemplateNode {
	name: string;
	type: string;
	webhookId?: string;
	parameters?: Record<string, unknown>;
}

/**
 * Imports a template into the test n8n as a user would: credentials pointed at the simulators,
 * everything else as shipped. `edit` may change the copy first (for example a schedule's
 * interval). Publishes it when it has a trigger that runs on its own, unless `publish` is false.
 */
export async function deployTemplate(
	file: string,
	options: { publish?: boolean; edit?: (workflow: WorkflowDefinition) => void } = {},
): Promise<DeployedTemplate> {
	const stack = getStack();
	const credentials = await getSimulatorCredentials(stack);
	const workflow = rewriteCredentials(loadTemplate(file), {
		[CREDENTIAL_TYPES.contentServer]: credentials.contentServer,
		[CREDENTIAL_TYPES.shopify]: credentials.shopify,
		[CREDENTIAL_TYPES.contextApi]: credentials.contextApi,
	});
	options.edit?.(workflow);
	const id = await stack.n8n.createWorkflow(workflow);
	if (options.publish ?? hasActivatingTrigger(workflow)) await stack.n8n.activateWorkflow(id);
	let expectedExecutions = 0;
	const expectMoreExecutions = async (added: number) => {
		expectedExecutions += added;
		return await expectExecutions(id, expectedExecutions);
	};
	return {
		id,
		expectMoreExecutions,
		async emitAndWait(request, added) {
			const result = await emitWebhook(stack, request);
			await expectMoreExecutions(added);
			return result;
		},
		workflow,
		webhookUrl(nodeName) {
			const node = (workflow.nodes as TemplateNode[]).find(
				(candidate) => candidate.name === nodeName,
			);
			const webhookPath = node?.parameters?.path;
			if (!node || typeof webhookPath !== 'string') {
				throw new Error(`${file} has no Webhook node named "${nodeName}" with a path.`);
			}
			return `${stack.webhookBaseUrl}/${webhookPath}`;
		},
		async executions() {
			return await stack.n8n.waitForExecutions(id, 0);
		},
		async remove() {
			await stack.n8n.deleteWorkflow(id);
		},
	};
}

/** Returns both simulators to their seed state: no subscriptions, seed records, empty logs. */
export async function resetSimulators(stack: E2eStack = getStack()): Promise<void> {
	await shopifyControl(stack, 'POST', 'reset');
	const response = await fetch(`${new URL(stack.contentServerUrl).origin}/_simulator/reset`, {
		method: 'POST',
	});
	if (!response.ok) {
		throw new Error(`Resetting the Content Server simulator returned HTTP ${response.status}.`);
	}
}

/** Creates a Content Server REST client that logs in as the simulator's admin, for assertions. */
export function contentServer(stack: E2eStack = getStack()): ContentServerRestClient {
	return new ContentServerRestClient(stack.contentServerUrl);
}

/** Returns a client for the Content Server simulator's control API (request log, settings). */
export function contentServerControl(stack: E2eStack = getStack()): SimulatorControl {
	return new SimulatorControl(new URL(stack.contentServerUrl).origin);
}

/**
 * Waits until the workflow has `count` finished executions, then a little longer, and fails when
 * more arrive or any of them did not succeed, quoting n8n's error. Returns them, oldest first.
 */
export async function expectExecutions(
	workflowId: string,
	count: number,
	options: { timeoutMs?: number; settleMs?: number } = {},
): Promise<ExecutionSummary[]> {
	const stack = getStack();
	if (count > 0) await stack.n8n.waitForExecutions(workflowId, count, options.timeoutMs ?? 120_000);
	await sleep(options.settleMs ?? 2_000);
	const executions = await stack.n8n.listExecutions(workflowId);
	if (executions.length !== count) {
		throw new Error(
			`Workflow ${workflowId} has ${executions.length} executions; expected exactly ${count}.`,
		);
	}
	for (const summary of executions) {
		if (summary.status !== 'success') {
			const execution = await stack.n8n.getExecution(summary.id, true);
			const error = execution.data?.resultData.error;
			throw new Error(
				`Execution ${summary.id} of workflow ${workflowId} ended with status ${summary.status}: ${error?.message ?? 'no error message'}`,
			);
		}
	}
	return executions.reverse();
}

/** Returns the JSON items one node produced in an execution (first run, first output). */
export async function nodeOutput(
	executionId: string,
	nodeName: string,
): Promise<Array<Record<string, any>>> {
	const execution = await getStack().n8n.getExecution(executionId, true);
	const run = execution.data?.resultData.runData[nodeName]?.[0];
	const items = (run?.data?.main?.[0] ?? []) as Array<{ json: Record<string, any> }>;
	return items.map((item) => item.json);
}
