/**
 * Large File Upload (`/api/v2/multipart`): settings, sessions, parts numbered from 1,
 * completion and cancellation. Parts are streamed to disk and joined by streaming, so memory
 * use does not grow with the file size. The completed file is used through its `upload_key`
 * by `POST /api/v2/nodes` or `POST /api/v2/nodes/{id}/versions`.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';

import { discardUpload } from '../documents';
import { errors } from '../errors';
import type { Reply, RouteContext, Router } from '../http/router';
import type { UploadSession } from '../model';
import type { Store } from '../store';
import { v2Body } from './common';

function expired(store: Store, session: UploadSession, now: number): boolean {
	return now - session.createdAt > store.settings.multipart.sessionTtlSeconds * 1000;
}

/** Returns the caller's session or throws the documented errors for unknown or expired keys. */
async function requireSession(context: RouteContext): Promise<UploadSession> {
	const { store, user } = context;
	const session = store.uploads.get(context.path.key);
	if (!session || session.userId !== user.id) throw errors.uploadKeyInvalid();
	if (expired(store, session, Date.now())) {
		await discardUpload(store, session.key);
		throw errors.multipartExpired();
	}
	return session;
}

async function sweepExpired(store: Store): Promise<void> {
	const now = Date.now();
	for (const session of [...store.uploads.values()]) {
		if (expired(store, session, now)) await discardUpload(store, session.key);
	}
}

function expectedPartSize(session: UploadSession, part: number): number {
	if (part < session.numParts) return session.partSize;
	return session.fileSize - (session.numParts - 1) * session.partSize;
}

async function startSession(context: RouteContext): Promise<Reply> {
	const { store, form, user } = context;
	const settings = store.settings.multipart;
	if (!settings.enabled) throw errors.multipartDisabled();
	const fileName = form.string('file_name', { required: true, trim: false }) as string;
	const fileSize = form.int('file_size', { required: true }) as number;
	if (fileSize < settings.minSize || fileSize > settings.maxSize || fileSize <= 0) {
		throw errors.invalidFileSize(settings.minSize, settings.maxSize);
	}
	await sweepExpired(store);

	const key = randomBytes(18).toString('hex');
	const numParts = Math.ceil(fileSize / settings.partSize);
	store.uploads.set(key, {
		key,
		userId: user.id,
		fileName,
		fileSize,
		mimeType: form.string('mime_type') ?? 'application/octet-stream',
		partSize: settings.partSize,
		numParts,
		parts: new Map(),
		status: 'open',
		createdAt: Date.now(),
	});
	return {
		json: v2Body(context, {
			results: {
				upload_key: key,
				num_parts: numParts,
				part_size: settings.partSize,
				max_retries: settings.maxRetries,
			},
		}),
	};
}

async function uploadPart(context: RouteContext): Promise<Reply> {
	const { store } = context;
	const session = await requireSession(context);
	if (session.status !== 'open') throw errors.cannotClose();
	const raw = context.path.part;
	const part = /^\d+$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isInteger(part) || part < 1 || part > session.numParts)
		throw errors.invalidBlockId(session.numParts);
	if (session.parts.has(part)) throw errors.blockAlreadyUploaded(part);

	const file = context.files.find((candidate) => candidate.field === 'part_content');
	if (!file) throw errors.missingPartContent();
	const expected = expectedPartSize(session, part);
	if (file.size !== expected) throw errors.partSizeMismatch(part, file.size, expected);

	const target = path.join(store.multipartDir, `${session.key}.${part}`);
	await rename(file.path, target);
	file.adopted = true;
	session.parts.set(part, { path: target, size: file.size });
	return { json: v2Body(context, { results: {} }) };
}

async function completeSession(context: RouteContext): Promise<Reply> {
	const { store } = context;
	const session = await requireSession(context);
	if (session.status !== 'open' || session.parts.size === 0) throw errors.cannotClose();
	const missing: number[] = [];
	for (let part = 1; part <= session.numParts; part++)
		if (!session.parts.has(part)) missing.push(part);
	if (missing.length > 0) throw errors.partsMissing(missing);

	const target = path.join(store.multipartDir, `${session.key}.complete`);
	const output = createWriteStream(target);
	let received = 0;
	for (let part = 1; part <= session.numParts; part++) {
		const entry = session.parts.get(part) as { path: string; size: number };
		received += entry.size;
		await pipeline(createReadStream(entry.path), output, { end: false });
	}
	await new Promise<void>((resolve, reject) =>
		output.end((error?: Error | null) => (error ? reject(error) : resolve())),
	);
	if (received !== session.fileSize) {
		await rm(target, { force: true });
		throw errors.sizeMismatch(received, session.fileSize);
	}
	for (const entry of session.parts.values()) await rm(entry.path, { force: true });
	session.parts.clear();
	session.status = 'completed';
	session.path = target;
	return { json: v2Body(context, { results: {} }) };
}

export function registerMultipartRoutes(router: Router): void {
	router.get('/api/v2/multipart/settings', (context) => {
		const settings = context.store.settings.multipart;
		return {
			json: v2Body(context, {
				results: {
					data: {
						is_enabled: settings.enabled,
						min_size: settings.minSize,
						max_size: settings.maxSize,
					},
				},
			}),
		};
	});
	router.post('/api/v2/multipart', startSession);
	router.post('/api/v2/multipart/:key/:part', uploadPart);
	router.post('/api/v2/multipart/:key', completeSession, { allowEmpty: true });
	router.delete(
		'/api/v2/multipart/:key',
		async (context) => {
			const session = await requireSession(context);
			await discardUpload(context.store, session.key);
			return { json: v2Body(context, { results: {} }) };
		},
		{ allowEmpty: true },
	);
}
