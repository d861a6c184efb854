/**
 * Reads request bodies the way Content Server does: form-urlencoded and multipart fields,
 * file parts streamed to disk (never held in memory), and the `body` field's JSON merged
 * over the plain fields. JSON request bodies are detected so the caller can reject them.
 */
import busboy from 'busboy';
import { createWriteStream, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ApiError, errors } from '../errors';
import { addValue, type RawParams } from './params';

export interface UploadedFile {
	field: string;
	fileName: string;
	mimeType: string;
	path: string;
	size: number;
	/** Set when a handler moved the file into the content store. */
	adopted: boolean;
}

export interface ParsedBody {
	fields: RawParams;
	files: UploadedFile[];
	/** The request declared a JSON body, which Content Server does not read. */
	json: boolean;
	/** The `body` field's JSON object, if the request had one. */
	bodyJson?: Record<string, unknown>;
}

/** Form fields larger than this are rejected; file parts have no limit. */
const MAX_FIELD_BYTES = 16 * 1024 * 1024;

function mediaType(req: IncomingMessage): string {
	return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Reads and drops the rest of a request body, e.g. before sending an error response. */
export async function drainRequest(req: IncomingMessage): Promise<void> {
	if (req.readableEnded || req.destroyed) return;
	await new Promise<void>((resolve) => {
		req.on('end', resolve);
		req.on('error', () => resolve());
		req.on('close', () => resolve());
		req.resume();
	});
}

async function readText(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_FIELD_BYTES) {
			await drainRequest(req);
			throw new ApiError(
				413,
				`The request body is larger than ${MAX_FIELD_BYTES} bytes. Send files as multipart/form-data parts.`,
			);
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Streams the multipart body: fields are collected, each file part goes to its own file. */
async function readMultipart(
	req: IncomingMessage,
	newFilePath: () => string,
): Promise<{ fields: RawParams; files: UploadedFile[] }> {
	const fields: RawParams = {};
	const files: UploadedFile[] = [];
	const writes: Array<Promise<void>> = [];

	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: req.headers,
			defParamCharset: 'utf8',
			limits: { fieldSize: MAX_FIELD_BYTES },
		});
	} catch (error) {
		await drainRequest(req);
		throw new ApiError(400, `The multipart body cannot be read: ${(error as Error).message}.`);
	}

	let fieldTooLarge: string | undefined;
	parser.on('field', (name, value, info) => {
		if (info.valueTruncated) fieldTooLarge = name;
		addValue(fields, name, value);
	});
	parser.on('file', (name, stream, info) => {
		const file: UploadedFile = {
			field: name,
			fileName: info.filename ?? '',
			mimeType: info.mimeType || 'application/octet-stream',
			path: newFilePath(),
			size: 0,
			adopted: false,
		};
		files.push(file);
		const counter = new Transform({
			transform(chunk: Buffer, _encoding, callback) {
				file.size += chunk.length;
				callback(null, chunk);
			},
		});
		writes.push(pipeline(stream, counter, createWriteStream(file.path)));
	});

	try {
		await pipeline(req, parser);
		await Promise.all(writes);
	} catch (error) {
		removeFiles(files);
		throw new ApiError(400, `The multipart body cannot be read: ${(error as Error).message}.`);
	}
	if (fieldTooLarge !== undefined) {
		removeFiles(files);
		throw new ApiError(
			413,
			`The form field '${fieldTooLarge}' is larger than ${MAX_FIELD_BYTES} bytes.`,
		);
	}
	return { fields, files };
}

export function removeFiles(files: UploadedFile[]): void {
	for (const file of files) {
		if (!file.adopted) rmSync(file.path, { force: true });
	}
}

/** Reads the request body according to its content type. */
export async function readBody(
	req: IncomingMessage,
	newFilePath: () => string,
	options: { acceptJson?: boolean } = {},
): Promise<ParsedBody> {
	const type = mediaType(req);
	if (type === 'application/json' || type.endsWith('+json')) {
		if (!options.acceptJson) {
			await drainRequest(req);
			return { fields: {}, files: [], json: true };
		}
		const text = await readText(req);
		let parsed: unknown;
		try {
			parsed = text === '' ? {} : JSON.parse(text);
		} catch {
			throw new ApiError(400, 'The request body is not valid JSON.');
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			throw new ApiError(400, 'The request body must be a JSON object.');
		}
		return { fields: parsed as RawParams, files: [], json: true };
	}
	if (type === 'multipart/form-data') {
		const { fields, files } = await readMultipart(req, newFilePath);
		return { fields, files, json: false };
	}
	if (type === 'application/x-www-form-urlencoded' || type === '') {
		const text = await readText(req);
		const fields: RawParams = {};
		if (text !== '') {
			for (const [key, value] of new URLSearchParams(text)) addValue(fields, key, value);
		}
		return { fields, files: [], json: false };
	}
	// Other media types carry no parameters Content Server would read.
	await drainRequest(req);
	return { fields: {}, files: [], json: false };
}

/**
 * Parses the `body` field and merges it with the plain fields. `precedence` decides which
 * side wins for a key given in both; the real server's choice is not documented.
 */
export function mergeBodyField(
	fields: RawParams,
	precedence: 'body' | 'fields',
): { merged: RawParams; bodyJson?: Record<string, unknown> } {
	const raw = fields.body;
	if (raw === undefined) return { merged: fields };
	if (typeof raw !== 'string') throw errors.invalidBodyJson();
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		throw errors.invalidBodyJson();
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw errors.invalidBodyJson();
	}
	const bodyJson = parsed as Record<string, unknown>;
	const plain = { ...fields };
	delete plain.body;
	const merged = precedence === 'body' ? { ...plain, ...bodyJson } : { ...bodyJson, ...plain };
	return { merged, bodyJson };
}
