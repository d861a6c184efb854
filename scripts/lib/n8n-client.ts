/**
 * Client for a running n8n 2.41.1. It uses the public API (`/api/v1`, API key) for credentials,
 * workflows and executions. The editor's REST API (`/rest`, login cookie) covers what the public
 * API lacks: owner setup, API keys, publication status and the node and credential type lists.
 */

export interface OwnerAccount {
	email: string;
	/** n8n requires 8-64 characters with at least one digit and one upper-case letter. */
	password: string;
	firstName: string;
	lastName: string;
}

/** Connection details for an n8n that another process set up, e.g. for jest workers. */
export interface N8nConnection {
	baseUrl: string;
	apiKey: string;
	authCookie: string;
}

export interface CreatedCredential {
	id: string;
	name: string;
}

export type ExecutionStatus =
	'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: ExecutionStatus;
	mode: string;
	finished: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	/** The run data, present when the execution was requested with `includeData`. */
	data?: ExecutionData;
}

/** The part of n8n's run data that tests read: each node's runs with their output items. */
export interface ExecutionData {
	resultData: {
		error?: { message: string; description?: string | null; node?: { name: string } };
		lastNodeExecuted?: string;
		runData: Record<
			string,
			Array<{
				executionStatus?: string;
				error?: { message: string; description?: string | null };
				data?: {
					main?: Array<Array<{
						json: Record<string, unknown>;
						binary?: Record<string, unknown>;
					}> | null>;
				};
			}>
		>;
	};
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export interface NodeTypeDescription {
	name: string;
	displayName: string;
	version: number | number[];
}

/** A workflow as n8n exports it; only the fields the public API accepts are sent. */
export interface WorkflowDefinition {
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	[extra: string]: unknown;
}

const FINISHED_STATUSES: ReadonlySet<ExecutionStatus> = new Set([
	'success',
	'error',
	'crashed',
	'canceled',
]);

async function sleep(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(response: Response): Promise<unknown> {
	const text = await response.text();
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

function describeBody(body: unknown): string {
	if (body && typeof body === 'object' && 'message' in body) {
		return String((body as { message: unknown }).message);
	}
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	return (text ?? '').slice(0, 500);
}

export class N8nApiError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(`n8n ${method} ${path} failed with HTTP ${status}: ${describeBody(body)}`);
		this.name = 'N8nApiError';
	}
}

interface RequestOptions {
	body?: unknown;
	/** Authentication of the request: API key (public API), login cookie (REST API) or none. */
	auth: 'apiKey' | 'cookie' | 'none';
}

export class N8nClient {
	private constructor(private readonly connection: N8nConnection) {}

	get baseUrl(): string {
		return this.connection.baseUrl;
	}

	/** Connection details to hand to another process, e.g. jest workers. They contain secrets. */
	toConnection(): N8nConnection {
		return { ...this.connection };
	}

	static fromConnection(connection: N8nConnection): N8nClient {
		return new N8nClient(connection);
	}

	/**
	 * Creates the owner account on a fresh n8n (or logs in as it when it exists), then creates
	 * an API key with every scope the public API offers.
	 */
	static async setUp(baseUrl: string, owner: OwnerAccount): Promise<N8nClient> {
		const base = baseUrl.replace(/\/+$/, '');
		const settings = (await N8nClient.request(base, 'GET', '/rest/settings')) as {
			data: { userManagement: { showSetupOnFirstLoad?: boolean } };
		};
		if (settings.data.userManagement.showSetupOnFirstLoad) {
			await N8nClient.request(base, 'POST', '/rest/owner/setup', { body: owner });
		}
		const authCookie = await N8nClient.logIn(base, owner);

		const scopes = (await N8nClient.request(base, 'GET', '/rest/api-keys/scopes', {
			cookie: authCookie,
		})) as { data: string[] };
		const created = (await N8nClient.request(base, 'POST', '/rest/api-keys', {
			cookie: authCookie,
			body: { label: `stack-${Date.now()}`, expiresAt: null, scopes: scopes.data },
		})) as { data: { rawApiKey: string } };

		return new N8nClient({ baseUrl: base, apiKey: created.data.rawApiKey, authCookie });
	}

	private static async logIn(baseUrl: string, owner: OwnerAccount): Promise<string> {
		const response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (!response.ok) {
			throw new N8nApiError('POST', '/rest/login', response.status, await readBody(response));
		}
		const cookie = response.headers
			.getSetCookie()
			.map((header) => header.split(';')[0])
			.find((pair) => pair.startsWith('n8n-auth='));
		if (!cookie) {
			throw new Error(`n8n POST /rest/login returned no n8n-auth cookie for ${owner.email}.`);
		}
		return cookie;
	}

	private static async request(
		baseUrl: string,
		method: string,
		path: string,
		options: { body?: unknown; apiKey?: string; cookie?: string } = {},
	): Promise<unknown> {
		const headers: Record<string, string> = { accept: 'application/json' };
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		if (options.apiKey) headers['x-n8n-api-key'] = options.apiKey;
		if (options.cookie) headers.cookie = options.cookie;

		const response = await fetch(`${baseUrl}${path}`, {
			method,
			headers,
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		const body = await readBody(response);
		if (!response.ok) {
			throw new N8nApiError(method, path, response.status, body);
		}
		return body;
	}

	private async call(method: string, path: string, options: RequestOptions): Promise<unknown> {
		return await N8nClient.request(this.connection.baseUrl, method, path, {
			body: options.body,
			apiKey: options.auth === 'apiKey' ? this.connection.apiKey : undefined,
			cookie: options.auth === 'cookie' ? this.connection.authCookie : undefined,
		});
	}

	async createCredential(input: {
		type: string;
		name: string;
		data: Record<string, unknown>;
	}): Promise<CreatedCredential> {
		const created = (await this.call('POST', '/api/v1/credentials', {
			auth: 'apiKey',
			body: input,
		})) as { id: string; name: string };
		return { id: created.id, name: created.name };
	}

	async deleteCredential(id: string): Promise<void> {
		await this.call('DELETE', `/api/v1/credentials/${id}`, { auth: 'apiKey' });
	}

	/** Creates a workflow (inactive) and returns its id. Fields the public API rejects are dropped. */
	async createWorkflow(workflow: WorkflowDefinition): Promise<string> {
		const body: Record<string, unknown> = {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: workflow.settings ?? { executionOrder: 'v1' },
		};
		if (workflow.staticData !== undefined && workflow.staticData !== null) {
			body.staticData = workflow.staticData;
		}
		const created = (await this.call('POST', '/api/v1/workflows', { auth: 'apiKey', body })) as {
			id: string;
		};
		return created.id;
	}

	async getWorkflow(id: string): Promise<WorkflowDefinition & { id: string; active: boolean }> {
		return (await this.call('GET', `/api/v1/workflows/${id}`, {
			auth: 'apiKey',
		})) as WorkflowDefinition & {
			id: string;
			active: boolean;
		};
	}

	async getPublicationStatus(id: string): Promise<PublicationStatus> {
		const response = (await this.call('GET', `/rest/workflows/${id}/publication-status`, {
			auth: 'cookie',
		})) as { data: PublicationStatus };
		return response.data;
	}

	/**
	 * Publishes (activates) a workflow and waits until n8n has started its triggers.
	 *
	 * n8n 2.41.1 publishes through an outbox: the API call returns before webhooks are registered
	 * and before trigger nodes' `create` methods run, and a failing trigger shows up only in the
	 * publication status. Throws when a trigger failed, with n8n's message for each.
	 */
	async activateWorkflow(id: string, timeoutMs = 60_000): Promise<void> {
		const activated = (await this.call('POST', `/api/v1/workflows/${id}/activate`, {
			auth: 'apiKey',
		})) as { activeVersionId: string | null; versionId: string };
		const versionId = activated.activeVersionId ?? activated.versionId;

		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.getPublicationStatus(id);
			const settled = status.status !== 'in_progress' && status.pendingVersionId === null;
			if (settled && status.liveVersionId === versionId && status.status === 'published') return;
			if (settled && (status.status === 'failed' || status.status === 'partial')) {
				const failures = status.triggers
					.filter((trigger) => trigger.status === 'failed')
					.map((trigger) => `node ${trigger.nodeId}: ${trigger.errorMessage ?? 'no message'}`);
				throw new Error(
					`Publishing workflow ${id} failed (${status.status}): ${failures.join('; ')}. See n8n's log for details.`,
				);
			}
			if (Date.now() > deadline) {
				throw new Error(
					`Workflow ${id} was not published within ${timeoutMs} ms; last publication status: ${JSON.stringify(status)}.`,
				);
			}
			await sleep(200);
		}
	}

	/** Unpublishes (deactivates) a workflow and waits until n8n has stopped its triggers. */
	async deactivateWorkflow(id: string, timeoutMs = 60_000): Promise<void> {
		await this.call('POST', `/api/v1/workflows/${id}/deactivate`, { auth: 'apiKey' });
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.getPublicationStatus(id);
			if (
				status.status !== 'in_progress' &&
				status.pendingVersionId === null &&
				status.liveVersionId === null
			) {
				return;
			}
			if (Date.now() > deadline) {
				throw new Error(
					`Workflow ${id} was not unpublished within ${timeoutMs} ms; last publication status: ${JSON.stringify(status)}.`,
				);
			}
			await sleep(200);
		}
	}

	/** Deletes a workflow, unpublishing it first, because n8n 2.41.1 rejects deleting a published one (HTTP 409). */
	async deleteWorkflow(id: string): Promise<void> {
		const workflow = await this.getWorkflow(id);
		if (workflow.active) await this.deactivateWorkflow(id);
		await this.call('DELETE', `/api/v1/workflows/${id}`, { auth: 'apiKey' });
	}

	/** Lists a workflow's executions, newest first, following the public API's cursor. */
	async listExecutions(
		workflowId: string,
		options: {
			status?: 'success' | 'error' | 'waiting' | 'running' | 'canceled';
			includeData?: boolean;
		} = {},
	): Promise<ExecutionSummary[]> {
		const executions: ExecutionSummary[] = [];
		let cursor: string | null = null;
		do {
			const query = new URLSearchParams({
				workflowId,
				includeData: String(options.includeData ?? false),
				limit: '250',
			});
			if (options.status) query.set('status', options.status);
			if (cursor) query.set('cursor', cursor);
			const page = (await this.call('GET', `/api/v1/executions?${query.toString()}`, {
				auth: 'apiKey',
			})) as { data: ExecutionSummary[]; nextCursor: string | null };
			executions.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return executions;
	}

	async getExecution(id: string, includeData = true): Promise<ExecutionSummary> {
		return (await this.call('GET', `/api/v1/executions/${id}?includeData=${String(includeData)}`, {
			auth: 'apiKey',
		})) as ExecutionSummary;
	}

	/**
	 * Waits until a workflow has at least `count` finished executions (success, error, crashed
	 * or canceled) and returns all of its finished executions, newest first.
	 */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 60_000,
		options: { includeData?: boolean } = {},
	): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const finished = (await this.listExecutions(workflowId, options)).filter((execution) =>
				FINISHED_STATUSES.has(execution.status),
			);
			if (finished.length >= count) return finished;
			if (Date.now() > deadline) {
				throw new Error(
					`Workflow ${workflowId} has ${finished.length} finished executions after ${timeoutMs} ms; expected at least ${count}.`,
				);
			}
			await sleep(250);
		}
	}

	/** Returns every credential type n8n has loaded, built-in and community. */
	async getCredentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		return (await this.call('GET', '/types/credentials.json', { auth: 'cookie' })) as Array<{
			name: string;
			displayName: string;
		}>;
	}

	/** Returns every node type n8n has loaded, built-in and community, each version listed once. */
	async getNodeTypes(): Promise<NodeTypeDescription[]> {
		return (await this.call('GET', '/types/nodes.json', {
			auth: 'cookie',
		})) as NodeTypeDescription[];
	}
}
