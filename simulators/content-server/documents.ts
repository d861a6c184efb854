/** Creating versions from uploaded files or completed Large File Upload sessions, and name rules. */
import { rename, rm } from 'node:fs/promises';

import { errors } from './errors';
import { mimeTypeFor } from './format';
import type { UploadedFile } from './http/body';
import type { NodeRecord, VersionRecord } from './model';
import { indexVersionText } from './searchIndex';
import type { Store } from './store';

/** Content Server's name rules: no colon and at most 248 characters. */
export function validateName(name: string): void {
	if (name.includes(':')) throw errors.nameHasColon(name);
	if (name.length > 248) throw errors.nameTooLong(name.length);
}

/** A file to turn into a version: a multipart file part or a completed upload session. */
export type VersionSource = { kind: 'file'; file: UploadedFile } | { kind: 'upload'; key: string };

/**
 * Finds the version source of a create or add-version request. A `file` part wins over
 * `upload_key`, and a key must name a completed session of the same user.
 */
export function findVersionSource(
	store: Store,
	files: UploadedFile[],
	uploadKey: string | undefined,
	userId: number,
): VersionSource | undefined {
	const file = files.find((candidate) => candidate.field === 'file');
	if (file) return { kind: 'file', file };
	if (uploadKey === undefined) return undefined;
	const session = store.uploads.get(uploadKey);
	if (!session || session.userId !== userId || session.status !== 'completed' || !session.path) {
		throw errors.uploadKeyNotFound();
	}
	return { kind: 'upload', key: uploadKey };
}

/**
 * Moves the source's file into the content store and returns the new version. The file name
 * of a multipart part is its `filename`; the caller passes the node name as the fallback.
 */
export async function createVersion(
	store: Store,
	source: VersionSource,
	options: { number: number; fallbackName: string; description: string; userId: number },
): Promise<VersionRecord> {
	const target = store.newContentPath();
	let fileName: string;
	let partType: string | undefined;
	let size: number;

	if (source.kind === 'file') {
		await rename(source.file.path, target);
		source.file.adopted = true;
		fileName = source.file.fileName || options.fallbackName;
		partType = source.file.mimeType;
		size = source.file.size;
	} else {
		const session = store.uploads.get(source.key);
		if (!session?.path) throw errors.uploadKeyNotFound();
		await rename(session.path, target);
		store.uploads.delete(source.key);
		fileName = session.fileName || options.fallbackName;
		partType = session.mimeType;
		size = session.fileSize;
	}

	const version: VersionRecord = {
		versionId: store.allocateVersionId(),
		number: options.number,
		fileName,
		mimeType: mimeTypeFor(fileName, partType),
		size,
		path: target,
		description: options.description,
		createDate: new Date(),
		ownerId: options.userId,
	};
	await indexVersionText(store, version);
	return version;
}

/** Removes the upload session's files, e.g. when a create request failed after validation. */
export async function discardUpload(store: Store, key: string): Promise<void> {
	const session = store.uploads.get(key);
	if (!session) return;
	store.uploads.delete(key);
	if (session.path) await rm(session.path, { force: true });
	for (const part of session.parts.values()) await rm(part.path, { force: true });
}

export function nextVersionNumber(node: NodeRecord): number {
	return (node.versions[node.versions.length - 1]?.number ?? 0) + 1;
}
