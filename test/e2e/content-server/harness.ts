import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import {
	buildOperationWorkflow,
	callOperation,
	getStack,
	PACKAGE_NAME,
	type E2eStack,
	type OnError,
	type OperationResult,
} from '../support';
import { ContentServerRestClient, type NodeProperties } from './rest-client';

export const NODE_TYPE = `${PACKAGE_NAME}.openTextContentServer`;
export const ENTERPRISE_ID = 2000;

/** One entry of the simulator's request log. */
export interface LoggedRequest {
	method: string;
	path: string;
	status: number;
	[key: string]: unknown;
}

/** The simulator's control API under `/_simulator/`, which real servers do not have. */
export class SimulatorControl {
	constructor(private readonly origin: string) {}

	private async call(method: string, route: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.origin}/_simulator/${route}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /_simulator/${route} returned HTTP ${response.status}: ${text}`);
		return text === '' ? undefined : (JSON.parse(text) as unknown);
	}

	async requests(): Promise<LoggedRequest[]> {
		const body = (await this.call('GET', 'requests')) as
			{ requests?: LoggedRequest[] } | LoggedRequest[];
		return Array.isArray(body) ? body : (body.requests ?? []);
	}

	async clearRequests(): Promise<void> {
		await this.call('DELETE', 'requests');
	}

	async expireTickets(): Promise<void> {
		await this.call('POST', 'tickets/expire');
	}

	async settings(): Promise<Record<string, unknown>> {
		return (await this.call('GET', 'settings')) as Record<string, unknown>;
	}

	async patchSettings(patch: Record<string, unknown>): Promise<void> {
		await this.call('PATCH', 'settings', patch);
	}
}

/** Returns a name no other test run uses, e.g. "Orders 3f9c1a". */
export function uniqueName(prefix: string): string {
	return `${prefix} ${randomBytes(3).toString('hex')}`;
}

/** A resource locator value with mode By ID. */
export function byId(id: number | string): Record<string, unknown> {
	return { __rl: true, mode: 'id', value: String(id) };
}

/** A resource locator value with mode By Path. */
export function byPath(value: string): Record<string, unknown> {
	return { __rl: true, mode: 'path', value };
}

/** A resource locator value with mode From List, as the UI stores a picked entry. */
export function fromList(id: number | string, name = String(id)): Record<string, unknown> {
	return { __rl: true, mode: 'list', value: String(id), cachedResultName: name };
}

export interface Harness {
	stack: E2eStack;
	rest: ContentServerRestClient;
	simulator: SimulatorControl;
	credential: { id: string; name: string };
	/** A folder below the Enterprise Workspace that only this test file uses. */
	folder: NodeProperties;
	/** Runs the node with these parameters on the items through a real n8n. */
	run(
		parameters: Record<string, unknown>,
		items: Array<Record<string, unknown>>,
		options?: {
			binaryInput?: boolean;
			binaryOutput?: string;
			stopOnError?: boolean;
			/** Overrides stopOnError; "continueErrorOutput" marks items from the error output. */
			onError?: OnError;
		},
	): Promise<OperationResult>;
	/** Writes a file under the stack's files folder and returns its path. */
	writeFile(name: string, content: Buffer | string): string;
}

/** Sets up what a test file needs: credential, REST client, simulator control and a folder of its own. */
export async function createHarness(label: string): Promise<Harness> {
	const stack = getStack();
	const baseUrl = stack.contentServerUrl;
	const rest = new ContentServerRestClient(baseUrl);
	const simulator = new SimulatorControl(new URL(baseUrl).origin);

	const created = await stack.n8n.createCredential({
		type: 'openTextContentServerApi',
		name: uniqueName(`Content Server ${label}`),
		data: {
			baseUrl,
			authentication: 'password',
			username: 'admin',
			password: 'Livelink1!',
		},
	});
	const credential = { id: created.id, name: created.name };
	const folder = await rest.createFolder(ENTERPRISE_ID, uniqueName(`e2e ${label}`));
	const filesDir = path.join(stack.filesDir, 'content-server', folder.name.replace(/\s+/g, '-'));
	mkdirSync(filesDir, { recursive: true });

	return {
		stack,
		rest,
		simulator,
		credential,
		folder,
		async run(parameters, items, options = {}) {
			const workflow = buildOperationWorkflow({
				name: `${label} ${String(parameters.resource)} ${String(parameters.operation)}`,
				node: {
					type: NODE_TYPE,
					parameters,
					credentials: { openTextContentServerApi: credential },
					onError:
						options.onError ?? (options.stopOnError ? 'stopWorkflow' : 'continueRegularOutput'),
				},
				binaryInput: options.binaryInput,
				binaryOutput: options.binaryOutput ? { folder: options.binaryOutput } : undefined,
			});
			return await callOperation(stack, workflow, items);
		},
		writeFile(name, content) {
			const file = path.join(filesDir, name);
			writeFileSync(file, content);
			return file;
		},
	};
}
