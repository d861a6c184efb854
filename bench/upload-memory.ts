/**
 * Measures how much memory n8n needs to upload a large file through the OpenText Content
 * Server node. It starts the stack (Content Server simulator and a real n8n with this
 * package), uploads a small file and a large one twice (in parts, then in one streamed
 * request), samples the RSS of the n8n process every 100 ms, and prints the peaks with their
 * ratio to the idle RSS measured in the same run.
 *
 * Run with: npx tsx bench/upload-memory.ts [size in MiB, 300 by default]
 */
import { createHash } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';

import { ensureRuntime } from '../scripts/lib/runtime';
import { createRunDir, startStack, type Stack } from '../scripts/lib/stack';
import { ContentServerRestClient } from '../test/e2e/content-server/rest-client';
import {
	buildOperationWorkflow,
	type OperationWorkflow,
} from '../test/e2e/support/operation-workflow';

const MIB = 1024 * 1024;
const SAMPLE_INTERVAL_MS = 100;
const SMALL_FILE_MIB = 1;

/** Reads the resident set size of a process from /proc, in bytes. */
function readRss(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
	if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line`);
	return Number(match[1]) * 1024;
}

/** Samples the RSS of `pid` while `action` runs and returns the peak and the action's result. */
async function measurePeak<T>(
	pid: number,
	action: () => Promise<T>,
): Promise<{ peak: number; result: T }> {
	let peak = readRss(pid);
	const timer = setInterval(() => {
		peak = Math.max(peak, readRss(pid));
	}, SAMPLE_INTERVAL_MS);
	try {
		const result = await action();
		peak = Math.max(peak, readRss(pid));
		return { peak, result };
	} finally {
		clearInterval(timer);
	}
}

/** Returns the median RSS over `durationMs`, for the idle baseline. */
async function measureIdle(pid: number, durationMs: number): Promise<number> {
	const samples: number[] = [];
	const end = Date.now() + durationMs;
	while (Date.now() < end) {
		samples.push(readRss(pid));
		await new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS));
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)];
}

/** Writes a file of pseudo-random bytes (so no layer can compress it) and returns its SHA-256. */
async function writeTestFile(file: string, sizeBytes: number): Promise<string> {
	const hash = createHash('sha256');
	const stream = createWriteStream(file);
	let block = createHash('sha512').update('seed').digest();
	let written = 0;
	while (written < sizeBytes) {
		const chunk = Buffer.alloc(Math.min(MIB, sizeBytes - written));
		for (let offset = 0; offset < chunk.length; offset += block.length) {
			block = createHash('sha512').update(block).digest();
			block.copy(chunk, offset);
		}
		hash.update(chunk);
		written += chunk.length;
		if (!stream.write(chunk))
			await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
	}
	await new Promise<void>((resolve, reject) => {
		stream.on('error', reject);
		stream.end(() => resolve());
	});
	return hash.digest('hex');
}

interface UploadResult {
	status: number;
	items: Array<Record<string, unknown>>;
	text: string;
}

/** Publishes the workflow and returns a function that posts items to its webhook. */
async function deploy(
	stack: Stack,
	workflow: OperationWorkflow,
): Promise<(items: unknown[]) => Promise<UploadResult>> {
	const { webhookPath, nodeName, ...definition } = workflow;
	void nodeName;
	const id = await stack.client.createWorkflow(definition);
	await stack.client.activateWorkflow(id);
	const url = `${stack.webhookBaseUrl}/${webhookPath}`;

	return async (items) => {
		const payload = Buffer.from(JSON.stringify({ items }));
		for (let attempt = 0; ; attempt++) {
			// node:http instead of fetch, because fetch stops waiting for headers after 300 s.
			const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
				const request = http.request(
					url,
					{
						method: 'POST',
						headers: { 'content-type': 'application/json', 'content-length': payload.length },
					},
					(incoming) => {
						const chunks: Buffer[] = [];
						incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
						incoming.on('end', () =>
							resolve({
								status: incoming.statusCode ?? 0,
								text: Buffer.concat(chunks).toString('utf8'),
							}),
						);
						incoming.on('error', reject);
					},
				);
				request.on('error', reject);
				request.end(payload);
			});
			// The webhook can answer 404 for a moment after publishing; nothing ran then.
			if (response.status === 404 && attempt < 20) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				continue;
			}
			let parsed: unknown;
			try {
				parsed = JSON.parse(response.text);
			} catch {
				parsed = undefined;
			}
			const uploaded = Array.isArray(parsed) ? (parsed as Array<Record<string, unknown>>) : [];
			return { status: response.status, items: uploaded, text: response.text };
		}
	};
}

/** Checks that the upload succeeded and that the stored document has the file's SHA-256. */
async function checkUpload(
	rest: ContentServerRestClient,
	result: UploadResult,
	expectedHash: string,
): Promise<void> {
	const uploaded = result.items[0];
	if (result.status !== 200 || !uploaded || uploaded.error) {
		throw new Error(`The upload failed with HTTP ${result.status}: ${result.text.slice(0, 500)}`);
	}
	const documentId = Number(uploaded.id);
	const storedHash = await rest.contentSha256(documentId);
	if (storedHash !== expectedHash) {
		throw new Error(
			`Document ${documentId} differs from the file (SHA-256 ${storedHash}, expected ${expectedHash}).`,
		);
	}
}

/** Switches the simulator's Large File Upload on or off through its control API. */
async function setMultipart(contentServerUrl: string, enabled: boolean): Promise<void> {
	const response = await fetch(`${new URL(contentServerUrl).origin}/_simulator/settings`, {
		method: 'PATCH',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ multipart: { enabled } }),
	});
	if (!response.ok) throw new Error(`PATCH /_simulator/settings returned HTTP ${response.status}`);
}

function mib(bytes: number): string {
	return `${(bytes / MIB).toFixed(1)} MiB`;
}

async function main(): Promise<void> {
	const sizeMib = Number(process.argv[2] ?? 300);
	if (!Number.isFinite(sizeMib) || sizeMib <= SMALL_FILE_MIB) {
		throw new Error(
			`The file size must be a number of MiB above ${SMALL_FILE_MIB}, got "${process.argv[2]}".`,
		);
	}

	const workDir = createRunDir();
	const runtime = await ensureRuntime();
	const stack = await startStack({
		workDir,
		runtime,
		log: (message) => process.stderr.write(`[bench] ${message}\n`),
	});
	try {
		const contentServerUrl = stack.contentServerUrl;
		if (!contentServerUrl) throw new Error('The Content Server simulator is not in this checkout.');
		const pid = stack.n8n.pid;
		const rest = new ContentServerRestClient(contentServerUrl);
		const folder = await rest.createFolder(2000, `Upload benchmark ${Date.now()}`);

		const credential = await stack.client.createCredential({
			type: 'openTextContentServerApi',
			name: 'Content Server (benchmark)',
			data: {
				baseUrl: contentServerUrl,
				authentication: 'password',
				username: 'admin',
				password: 'Livelink1!',
			},
		});
		const upload = await deploy(
			stack,
			buildOperationWorkflow({
				name: 'upload memory benchmark',
				binaryInput: true,
				node: {
					type: 'n8n-nodes-opentext-shopify.openTextContentServer',
					parameters: {
						resource: 'document',
						operation: 'upload',
						folder: { __rl: true, mode: 'id', value: String(folder.id) },
						onNameClash: 'uniqueName',
					},
					credentials: { openTextContentServerApi: { id: credential.id, name: credential.name } },
					onError: 'stopWorkflow',
				},
			}),
		);

		const smallFile = path.join(stack.filesDir, 'small.bin');
		const largeFile = path.join(stack.filesDir, 'large.bin');
		const smallHash = await writeTestFile(smallFile, SMALL_FILE_MIB * MIB);
		const largeHash = await writeTestFile(largeFile, sizeMib * MIB);

		// The first upload loads the node's modules, so the idle baseline is taken after it.
		await checkUpload(rest, await upload([{ filePath: smallFile }]), smallHash);
		const idle = await measureIdle(pid, 5000);

		const small = await measurePeak(pid, async () => await upload([{ filePath: smallFile }]));
		await checkUpload(rest, small.result, smallHash);

		// With the simulator's default settings a file this large goes through Large File Upload
		// in parts of 5 MiB. With that switched off, the node streams the file in one request.
		const inParts = await measurePeak(pid, async () => await upload([{ filePath: largeFile }]));
		await checkUpload(rest, inParts.result, largeHash);
		await setMultipart(contentServerUrl, false);
		const streamed = await measurePeak(pid, async () => await upload([{ filePath: largeFile }]));
		await checkUpload(rest, streamed.result, largeHash);

		const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
		const line = (label: string, peak: number) =>
			`Peak RSS, ${label}: ${mib(peak)} (${(peak / idle).toFixed(2)} x idle; ` +
			`growth ${mib(peak - idle)}, ${(((peak - idle) / (sizeMib * MIB)) * 100).toFixed(1)} % of the file)`;
		process.stdout.write(
			[
				`Machine: ${os.cpus().length} x ${cpu}, ${mib(os.totalmem())} RAM; n8n runs on ${runtime.nodeBin}`,
				`File: ${sizeMib} MiB of pseudo-random bytes; every upload stored with the file's SHA-256`,
				`Idle n8n RSS (median over 5 s): ${mib(idle)}`,
				`Peak RSS, ${SMALL_FILE_MIB} MiB upload: ${mib(small.peak)} (${(small.peak / idle).toFixed(2)} x idle)`,
				line(`${sizeMib} MiB upload in parts (Large File Upload)`, inParts.peak),
				line(`${sizeMib} MiB upload in one streamed request`, streamed.peak),
				'',
			].join('\n'),
		);
	} finally {
		await stack.stop();
		rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exitCode = 1;
});
