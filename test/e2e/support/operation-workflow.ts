import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';

import type { WorkflowDefinition } from '../../../scripts/lib/n8n-client';
import type { E2eStack } from './stack';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface OperationNode {
	/** Full node type, e.g. `n8n-nodes-opentext-shopify.openTextContentServer`. */
	type: string;
	/** 1 by default. */
	typeVersion?: number;
	/** Node name in the workflow; "Operation" by default. */
	name?: string;
	parameters: Record<string, unknown>;
	/** Credential references by credential type, e.g. `{ openTextContentServerApi: { id, name } }`. */
	credentials?: Record<string, { id: string; name: string }>;
	/**
	 * "continueRegularOutput" by default, so failed items come back as items with an `error`.
	 * With "stopWorkflow" a failure ends the execution and callOperation returns its HTTP 500.
	 */
	onError?: OnError;
}

export interface BuildOperationWorkflowOptions {
	name: string;
	node: OperationNode;
	/**
	 * Reads each posted item's `filePath` from disk into a binary property (`data` by default)
	 * before the node runs. Files must be under the stack's `filesDir`.
	 *
	 * NOTE: Read/Write Files treats the path as a glob pattern (brackets and parentheses are
	 * literal in n8n 2.41.1), so a path with `*`, `?` or `{` may match other files or none.
	 * Each path must match exactly one file, or the Merge by position pairs files with the wrong items.
	 */
	binaryInput?: boolean | { property?: string };
	/**
	 * Writes each output item's binary property (`data` by default) to
	 * `<folder>/<item index>-<file name>`. The folder must be under the stack's `filesDir`.
	 * Items without that property are skipped.
	 */
	binaryOutput?: { folder: string; property?: string };
}

/** A workflow from buildOperationWorkflow, with what callOperation needs to reach it. */
export interface OperationWorkflow extends WorkflowDefinition {
	webhookPath: string;
	nodeName: string;
}

export interface BinaryMetadata {
	fileName?: string;
	mimeType?: string;
	fileExtension?: string;
	/** Size in bytes. */
	fileSize?: number;
	/** n8n's human-readable size, e.g. "1.2 MB". */
	fileSizeText?: string;
}

export interface OperationItem {
	json: Record<string, unknown>;
	/** Binary properties of the item by name; empty when it has none. */
	binary: Record<string, BinaryMetadata>;
	/** The item's error message when the node failed on it (onError "continue…"). */
	error?: string;
	/** True when the item left the node by its error output (onError "continueErrorOutput"). */
	fromErrorOutput?: boolean;
}

export interface OperationResult {
	/** HTTP status of the webhook response: 200 when the Respond to Webhook node ran. */
	status: number;
	items: OperationItem[];
	/** The raw response body: the items array, or n8n's error object when the workflow failed. */
	body: unknown;
	workflowId: string;
}

/** Key under which the workflow copies each item's binary metadata into its JSON for the response. */
const BINARY_METADATA_KEY = '__binary';
/** Key the error-output branch sets on each item, so that the response shows which output each item left by. */
const ERROR_OUTPUT_KEY = '__errorOutput';

function slugify(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 40) || 'operation'
	);
}

/** Formats 16 bytes of a hash as a version-4-shaped UUID, so the same path gives the same webhookId. */
function uuidFrom(text: string): string {
	const hex = createHash('sha256').update(text).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Connection {
	node: string;
	type: 'main';
	index: number;
}

/**
 * Builds a workflow that runs one node on posted items. The chain is Webhook (POST
 * `{ items: [...] }`) → Split Out `items` → optional Read Files and Merge by position → node
 * under test → binary metadata copied into JSON → Respond to Webhook with all items. An optional
 * branch writes each output binary to a folder.
 */
export function buildOperationWorkflow(options: BuildOperationWorkflowOptions): OperationWorkflow {
	const webhookPath = `${slugify(options.name)}-${randomBytes(4).toString('hex')}`;
	const nodeName = options.node.name ?? 'Operation';
	const onError = options.node.onError ?? 'continueRegularOutput';
	const nodes: unknown[] = [];
	const connections: Record<string, { main: Connection[][] }> = {};
	const link = (from: string, to: string, fromOutput = 0, toInput = 0): void => {
		connections[from] ??= { main: [] };
		const outputs = connections[from].main;
		while (outputs.length <= fromOutput) outputs.push([]);
		outputs[fromOutput].push({ node: to, type: 'main', index: toInput });
	};

	nodes.push({
		id: uuidFrom(`${webhookPath}/webhook-node`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: uuidFrom(webhookPath),
		parameters: {
			httpMethod: 'POST',
			path: webhookPath,
			responseMode: 'responseNode',
			options: {},
		},
	});
	nodes.push({
		id: uuidFrom(`${webhookPath}/split-out`),
		name: 'Split Out Items',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [220, 0],
		parameters: { fieldToSplitOut: 'body.items', options: {} },
	});
	link('Webhook', 'Split Out Items');

	let inputNode = 'Split Out Items';
	if (options.binaryInput) {
		const property =
			typeof options.binaryInput === 'object' ? (options.binaryInput.property ?? 'data') : 'data';
		// Read/Write Files replaces each item's JSON with the file's metadata, so a Merge by
		// position puts the posted fields and the binary back together.
		nodes.push({
			id: uuidFrom(`${webhookPath}/read-files`),
			name: 'Read Input Files',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1.1,
			position: [440, 160],
			parameters: {
				operation: 'read',
				fileSelector: '={{ $json.filePath }}',
				options: { dataPropertyName: property },
			},
		});
		nodes.push({
			id: uuidFrom(`${webhookPath}/merge`),
			name: 'Attach Input Files',
			type: 'n8n-nodes-base.merge',
			typeVersion: 3.2,
			position: [660, 0],
			parameters: { mode: 'combine', combineBy: 'combineByPosition', options: {} },
		});
		link('Split Out Items', 'Read Input Files');
		link('Split Out Items', 'Attach Input Files', 0, 0);
		link('Read Input Files', 'Attach Input Files', 0, 1);
		inputNode = 'Attach Input Files';
	}

	const node: Record<string, unknown> = {
		id: uuidFrom(`${webhookPath}/operation`),
		name: nodeName,
		type: options.node.type,
		typeVersion: options.node.typeVersion ?? 1,
		position: [880, 0],
		parameters: options.node.parameters,
		onError,
	};
	if (options.node.credentials) node.credentials = options.node.credentials;
	nodes.push(node);
	link(inputNode, nodeName);

	if (options.binaryOutput) {
		const property = options.binaryOutput.property ?? 'data';
		const folder = `${options.binaryOutput.folder.replace(/\/+$/, '')}/`;
		// Placed above the response branch: with execution order v1, n8n runs the upper branch
		// first, so the files exist when the webhook responds.
		nodes.push({
			id: uuidFrom(`${webhookPath}/write-files`),
			name: 'Write Output Files',
			type: 'n8n-nodes-base.readWriteFile',
			typeVersion: 1.1,
			position: [1100, -200],
			onError: 'continueRegularOutput',
			parameters: {
				operation: 'write',
				fileName: `={{ ${JSON.stringify(folder)} + $itemIndex + '-' + ($binary[${JSON.stringify(property)}]?.fileName ?? 'file') }}`,
				dataPropertyName: property,
				options: {},
			},
		});
		link(nodeName, 'Write Output Files');
	}

	nodes.push({
		id: uuidFrom(`${webhookPath}/binary-metadata`),
		name: 'Copy Binary Metadata',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [1100, 0],
		parameters: {
			mode: 'manual',
			includeOtherFields: true,
			assignments: {
				assignments: [
					{
						id: uuidFrom(`${webhookPath}/binary-metadata/assignment`),
						name: BINARY_METADATA_KEY,
						type: 'object',
						value: '={{ $binary }}',
					},
				],
			},
			options: {},
		},
	});
	if (onError === 'continueErrorOutput') {
		// Both outputs meet in a Merge, so that Respond to Webhook responds once with all items.
		nodes.push({
			id: uuidFrom(`${webhookPath}/mark-error-output`),
			name: 'Mark Error Output',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [1100, 200],
			parameters: {
				mode: 'manual',
				includeOtherFields: true,
				assignments: {
					assignments: [
						{
							id: uuidFrom(`${webhookPath}/mark-error-output/assignment`),
							name: ERROR_OUTPUT_KEY,
							type: 'boolean',
							value: true,
						},
					],
				},
				options: {},
			},
		});
		nodes.push({
			id: uuidFrom(`${webhookPath}/join-outputs`),
			name: 'Join Outputs',
			type: 'n8n-nodes-base.merge',
			typeVersion: 3.2,
			position: [1320, 100],
			parameters: {},
		});
		link(nodeName, 'Join Outputs', 0, 0);
		link(nodeName, 'Mark Error Output', 1);
		link('Mark Error Output', 'Join Outputs', 0, 1);
		link('Join Outputs', 'Copy Binary Metadata');
	} else {
		link(nodeName, 'Copy Binary Metadata');
	}

	nodes.push({
		id: uuidFrom(`${webhookPath}/respond`),
		name: 'Respond With Items',
		type: 'n8n-nodes-base.respondToWebhook',
		typeVersion: 1.5,
		position: [1320, 0],
		parameters: { respondWith: 'allIncomingItems', options: {} },
	});
	link('Copy Binary Metadata', 'Respond With Items');

	return {
		name: options.name,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		webhookPath,
		nodeName,
	};
}

const deployed = new WeakMap<OperationWorkflow, string>();

/**
 * Creates and publishes the workflow in n8n once per workflow object, and returns its id.
 * callOperation calls it; call it directly to publish before timing a call.
 */
export async function deployWorkflow(
	stack: E2eStack,
	workflow: OperationWorkflow,
): Promise<string> {
	const existing = deployed.get(workflow);
	if (existing) return existing;
	const { webhookPath, nodeName, ...definition } = workflow;
	void webhookPath;
	void nodeName;
	const id = await stack.n8n.createWorkflow(definition);
	await stack.n8n.activateWorkflow(id);
	deployed.set(workflow, id);
	return id;
}

/** Posts JSON with node:http, because fetch gives up waiting for response headers after 300 s. */
async function postJson(
	url: string,
	body: unknown,
	timeoutMs: number,
): Promise<{ status: number; text: string }> {
	const payload = Buffer.from(JSON.stringify(body));
	return await new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', 'content-length': payload.length },
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						text: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			},
		);
		request.setTimeout(timeoutMs, () => {
			request.destroy(new Error(`POST ${url} timed out after ${timeoutMs} ms.`));
		});
		request.on('error', reject);
		request.end(payload);
	});
}

function toBinaryMetadata(value: unknown): BinaryMetadata {
	const entry = (value ?? {}) as Record<string, unknown>;
	const metadata: BinaryMetadata = {};
	if (typeof entry.fileName === 'string') metadata.fileName = entry.fileName;
	if (typeof entry.mimeType === 'string') metadata.mimeType = entry.mimeType;
	if (typeof entry.fileExtension === 'string') metadata.fileExtension = entry.fileExtension;
	if (typeof entry.bytes === 'number') metadata.fileSize = entry.bytes;
	if (typeof entry.fileSize === 'string') metadata.fileSizeText = entry.fileSize;
	return metadata;
}

function errorMessageOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { message?: unknown }).message === 'string'
	) {
		return (value as { message: string }).message;
	}
	return undefined;
}

function toOperationItem(raw: unknown): OperationItem {
	const {
		[BINARY_METADATA_KEY]: binaryMetadata,
		[ERROR_OUTPUT_KEY]: fromErrorOutput,
		...json
	} = (raw ?? {}) as Record<string, unknown>;
	const binary: Record<string, BinaryMetadata> = {};
	for (const [property, value] of Object.entries(
		(binaryMetadata ?? {}) as Record<string, unknown>,
	)) {
		binary[property] = toBinaryMetadata(value);
	}
	const item: OperationItem = { json, binary };
	const error = errorMessageOf(json.error);
	if (error !== undefined) item.error = error;
	if (fromErrorOutput === true) item.fromErrorOutput = true;
	return item;
}

/**
 * Runs the workflow's node on `items` through its production webhook and returns the output
 * items. Publishes the workflow on first use. Each item is one object; with `binaryInput`, its
 * `filePath` names the file to attach.
 */
export async function callOperation(
	stack: E2eStack,
	workflow: OperationWorkflow,
	items: Array<Record<string, unknown>>,
	options: { timeoutMs?: number } = {},
): Promise<OperationResult> {
	if (items.length === 0) {
		throw new Error(
			'callOperation needs at least one item, because Split Out emits nothing for an empty list and the webhook would never be answered.',
		);
	}
	const workflowId = await deployWorkflow(stack, workflow);
	const url = `${stack.webhookBaseUrl}/${workflow.webhookPath}`;
	const timeoutMs = options.timeoutMs ?? 10 * 60_000;

	// Publication status "published" can precede the webhook's registration by a moment; a 404
	// means nothing ran, so retrying it is safe.
	let response = await postJson(url, { items }, timeoutMs);
	for (let attempt = 0; response.status === 404 && attempt < 20; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		response = await postJson(url, { items }, timeoutMs);
	}

	let body: unknown = response.text;
	try {
		body = JSON.parse(response.text) as unknown;
	} catch {
		// Not JSON: keep the text, e.g. an HTML error page.
	}
	const outputItems = Array.isArray(body) ? body.map(toOperationItem) : [];
	return { status: response.status, items: outputItems, body, workflowId };
}
