import FormData from 'form-data';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';
import { Readable } from 'stream';

import { ContentServerError } from '../transport/errors';
import { collectPages, readPageLimit, readPageTotal, readResults } from '../transport/paging';
import type { ContentServerContext, MultipartSettings } from './context';
import { InputError } from './inputError';
import type { NodeProperties } from './nodes';
import { createWithRecovery, findChildByName, getNode, readCreatedNode, SUBTYPE } from './nodes';

/** A file to upload. `open` is called for every attempt, because a stream can be read once. */
export interface UploadSource {
	fileName: string;
	mimeType: string;
	/** Size in bytes, if known. */
	size?: number;
	open: () => Promise<Readable>;
}

/**
 * Describes the binary property of an item without reading it. Binaries stored by n8n
 * (the file system or database mode of n8n 2.x) are opened as streams. Only a binary that
 * arrived inline as base64 is decoded, because it is in memory already.
 */
export async function binarySource(
	functions: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<UploadSource> {
	const binary = functions.helpers.assertBinaryData(itemIndex, propertyName);
	const fileName = binary.fileName ?? '';
	const mimeType = binary.mimeType || 'application/octet-stream';

	if (binary.id) {
		const id = binary.id;
		const metadata = await functions.helpers.getBinaryMetadata(id);
		const size = Number(metadata.fileSize ?? binary.fileSize);
		return {
			fileName: fileName || metadata.fileName || '',
			mimeType: metadata.mimeType || mimeType,
			size: Number.isFinite(size) && size >= 0 ? size : undefined,
			open: async () => await functions.helpers.getBinaryStream(id),
		};
	}

	const buffer = Buffer.from(binary.data, BINARY_ENCODING);
	return {
		fileName,
		mimeType,
		size: buffer.length,
		open: async () => Readable.from([buffer]),
	};
}

/** Makes a header-safe ASCII file name; the real name travels in the `body` part as UTF-8. */
function asciiFileName(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return ascii.trim() === '' ? 'file' : ascii;
}

/**
 * Appends a file part with an ASCII `filename` and the UTF-8 name as `filename*`
 * (RFC 5987). form-data keeps its own Content-Disposition when given a header object, so the
 * part header is written out in full, starting with the boundary as form-data expects.
 */
function appendFile(
	form: FormData,
	field: string,
	value: Readable | Buffer,
	source: UploadSource,
	knownLength?: number,
): void {
	const header =
		`--${form.getBoundary()}\r\n` +
		`Content-Disposition: form-data; name="${field}"; filename="${asciiFileName(source.fileName)}"; ` +
		`filename*=UTF-8''${encodeURIComponent(source.fileName)}\r\n` +
		`Content-Type: ${source.mimeType.replace(/[\r\n]/g, '')}\r\n\r\n`;
	form.append(field, value, { knownLength, header });
}

/** Reads the Large File Upload settings once per execution; servers without them get a disabled setting. */
export async function getMultipartSettings(
	context: ContentServerContext,
): Promise<MultipartSettings> {
	context.multipartSettings ??= (async () => {
		let body: IDataObject | undefined;
		let failure: unknown;
		try {
			body = await context.session.request({ method: 'GET', path: '/api/v2/multipart/settings' });
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined) {
			if (failure instanceof ContentServerError && failure.kind === 'http') {
				return { enabled: false, minSize: 0, maxSize: 0 };
			}
			throw failure;
		}
		const settings = unwrap(body as IDataObject);
		return {
			enabled: settings.is_enabled === true || settings.is_enabled === 'true',
			minSize: Number(settings.min_size ?? 0),
			maxSize: Number(settings.max_size ?? Number.MAX_SAFE_INTEGER),
		};
	})();
	const pending = context.multipartSettings;
	pending.catch(() => {
		if (context.multipartSettings === pending) context.multipartSettings = undefined;
	});
	return await pending;
}

/** Returns the object inside `results.data`, `results` or `data`, whichever the server used. */
function unwrap(body: IDataObject): IDataObject {
	const results = body.results as IDataObject | undefined;
	return ((results?.data as IDataObject | undefined) ??
		results ??
		(body.data as IDataObject | undefined) ??
		body) as IDataObject;
}

function useLargeFileUpload(settings: MultipartSettings, size: number | undefined): boolean {
	return (
		settings.enabled &&
		size !== undefined &&
		size >= settings.minSize &&
		size <= settings.maxSize &&
		size > 0
	);
}

/**
 * Yields the stream in parts of exactly `partSize` bytes (the last one shorter), so that
 * at most one part is held in memory.
 */
export async function* readParts(stream: Readable, partSize: number): AsyncGenerator<Buffer> {
	let pending: Buffer[] = [];
	let pendingSize = 0;
	for await (const chunk of stream) {
		let buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		while (pendingSize + buffer.length >= partSize) {
			const take = partSize - pendingSize;
			pending.push(buffer.subarray(0, take));
			yield Buffer.concat(pending, partSize);
			buffer = buffer.subarray(take);
			pending = [];
			pendingSize = 0;
		}
		if (buffer.length > 0) {
			pending.push(buffer);
			pendingSize += buffer.length;
		}
	}
	if (pendingSize > 0) yield Buffer.concat(pending, pendingSize);
}

/**
 * Sends the file with Content Server's Large File Upload API: opens a session, posts the
 * parts one by one (each part is retried on its own after a transient failure) and
 * completes the session. Returns the upload key that replaces the `file` part.
 */
async function uploadInParts(
	context: ContentServerContext,
	source: UploadSource,
	size: number,
): Promise<string> {
	const { session } = context;
	const started = unwrap(
		await session.request({
			method: 'POST',
			path: '/api/v2/multipart',
			form: { file_name: source.fileName, file_size: String(size), mime_type: source.mimeType },
			// A session opened by a lost response has no visible effect and expires on the server.
			idempotent: true,
		}),
	);
	const uploadKey = String(started.upload_key ?? '');
	const partSize = Number(started.part_size);
	if (uploadKey === '' || !Number.isInteger(partSize) || partSize <= 0) {
		throw new ContentServerError({
			kind: 'http',
			method: 'POST',
			path: '/api/v2/multipart',
			status: 200,
			message:
				'Content Server opened a Large File Upload session without an upload key or part size',
		});
	}

	let failure: unknown;
	try {
		let partNumber = 0;
		const stream = await source.open();
		for await (const part of readParts(stream, partSize)) {
			partNumber += 1;
			await sendPart(context, uploadKey, partNumber, part, source);
		}
		await completeUpload(context, uploadKey);
		return uploadKey;
	} catch (error) {
		failure = error;
	}

	try {
		await session.request({
			method: 'DELETE',
			path: `/api/v2/multipart/${uploadKey}`,
			idempotent: true,
		});
	} catch (error) {
		// The upload already failed; a session that cannot be cancelled expires on the server.
		const reason = error instanceof Error ? error.message : String(error);
		context.session.logWarning(`Cancelling Large File Upload session failed: ${reason}`);
	}
	throw failure;
}

/**
 * Completes a Large File Upload session. After a transient failure the request is sent
 * again, and an error saying that the upload is closed already means the first one arrived.
 */
async function completeUpload(context: ContentServerContext, uploadKey: string): Promise<void> {
	let failure: unknown;
	try {
		await context.session.request({
			method: 'POST',
			path: `/api/v2/multipart/${uploadKey}`,
			idempotent: true,
		});
		return;
	} catch (error) {
		failure = error;
	}
	const closedByEarlierAttempt =
		failure instanceof ContentServerError &&
		failure.transientRetries > 0 &&
		/already closed/i.test(failure.serverMessage ?? '');
	if (!closedByEarlierAttempt) throw failure;
}

async function sendPart(
	context: ContentServerContext,
	uploadKey: string,
	partNumber: number,
	part: Buffer,
	source: UploadSource,
): Promise<void> {
	let failure: unknown;
	try {
		await context.session.request({
			method: 'POST',
			path: `/api/v2/multipart/${uploadKey}/${partNumber}`,
			multipart: async () => {
				const form = new FormData();
				appendFile(form, 'part_content', part, source, part.length);
				return form;
			},
			// The part is in memory, so it can be sent again. A part that arrived before the
			// connection dropped is then reported as "already uploaded", which counts as success.
			idempotent: true,
		});
		return;
	} catch (error) {
		failure = error;
	}
	const alreadyUploaded =
		failure instanceof ContentServerError &&
		failure.transientRetries > 0 &&
		/already been uploaded/i.test(failure.serverMessage ?? '');
	if (!alreadyUploaded) throw failure;
}

export interface UploadDocumentFields {
	parentId: number;
	name: string;
	description?: string;
	/** Flat category values (`{category}_{attribute}` keys), applied in the same call. */
	categories?: IDataObject;
}

/**
 * Creates a document from a stream with one multipart `POST /api/v2/nodes`, or with the
 * Large File Upload API when the server offers it for files of this size. The ticket is
 * checked first, because a rejected upload costs the whole transfer. A 401 during the
 * upload reopens the binary stream and sends it once more.
 */
export async function uploadDocument(
	context: ContentServerContext,
	source: UploadSource,
	fields: UploadDocumentFields,
): Promise<NodeProperties> {
	const body: IDataObject = {
		type: SUBTYPE.document,
		parent_id: fields.parentId,
		name: fields.name,
	};
	if (fields.description) body.description = fields.description;
	if (fields.categories && Object.keys(fields.categories).length > 0) {
		body.roles = { categories: fields.categories };
	}

	const settings = await getMultipartSettings(context);
	const findExisting = async () =>
		await findChildByName(context, fields.parentId, fields.name, [SUBTYPE.document]);

	if (useLargeFileUpload(settings, source.size)) {
		const uploadKey = await uploadInParts(context, source, source.size as number);
		return await createWithRecovery(
			context,
			async () =>
				await readCreatedNode(
					context,
					await context.session.request({
						method: 'POST',
						path: '/api/v2/nodes',
						form: { body: JSON.stringify({ ...body, upload_key: uploadKey }) },
						idempotent: false,
					}),
				),
			findExisting,
			`create document "${fields.name}" from upload ${uploadKey}`,
		);
	}

	await context.session.verifyTicket();
	return await createWithRecovery(
		context,
		async () =>
			await readCreatedNode(
				context,
				await context.session.request({
					method: 'POST',
					path: '/api/v2/nodes',
					idempotent: false,
					multipart: async () => {
						const form = new FormData();
						form.append('body', JSON.stringify(body));
						appendFile(form, 'file', await source.open(), source, source.size);
						return form;
					},
				}),
			),
		findExisting,
		`upload document "${fields.name}"`,
	);
}

/** Lists the version numbers of a document, for checking whether an add-version call took effect. */
async function latestVersionNumber(
	context: ContentServerContext,
	documentId: number,
): Promise<number> {
	const versions = await collectPages(async (page, pageSize) => {
		const body = await context.session.request({
			method: 'GET',
			path: `/api/v2/nodes/${documentId}/versions`,
			qs: { page, limit: pageSize },
		});
		const items = readResults(body).map((result) => {
			const data = result.data as IDataObject | undefined;
			const version = (data?.versions ?? data) as IDataObject | undefined;
			return Number(version?.version_number ?? 0);
		});
		return { items, pageTotal: readPageTotal(body), pageLimit: readPageLimit(body) };
	});
	return versions.reduce((max, number) => Math.max(max, number), 0);
}

export interface AddVersionFields {
	documentId: number;
	description?: string;
	major?: boolean;
}

/**
 * Adds a version to a document (`POST /api/v2/nodes/{id}/versions`), streamed or with the
 * Large File Upload API. Returns the document's properties and the new version number.
 */
export async function addVersion(
	context: ContentServerContext,
	source: UploadSource,
	fields: AddVersionFields,
): Promise<{ properties: NodeProperties; versionNumber: number }> {
	const { properties: document } = await getNode(context, fields.documentId);
	if (document.type !== SUBTYPE.document) {
		throw new InputError(
			`Node ${fields.documentId} ("${document.name}") is a ${String(document.type_name ?? document.type)}, which has no versions`,
			'Pick a document.',
		);
	}

	const plain: Record<string, string> = {};
	if (fields.description) plain.description = fields.description;
	if (fields.major !== undefined) plain.add_major_version = String(fields.major);

	const before = await latestVersionNumber(context, fields.documentId);
	const findExisting = async () => {
		const latest = await latestVersionNumber(context, fields.documentId);
		return latest > before ? latest : undefined;
	};
	const path = `/api/v2/nodes/${fields.documentId}/versions`;

	let versionNumber: number;
	if (useLargeFileUpload(await getMultipartSettings(context), source.size)) {
		const uploadKey = await uploadInParts(context, source, source.size as number);
		versionNumber = await createWithRecovery(
			context,
			async () =>
				readVersionNumber(
					await context.session.request({
						method: 'POST',
						path,
						form: { ...plain, upload_key: uploadKey },
						idempotent: false,
					}),
					before,
				),
			findExisting,
			`add a version to ${fields.documentId} from upload ${uploadKey}`,
		);
	} else {
		await context.session.verifyTicket();
		versionNumber = await createWithRecovery(
			context,
			async () =>
				readVersionNumber(
					await context.session.request({
						method: 'POST',
						path,
						idempotent: false,
						multipart: async () => {
							const form = new FormData();
							for (const [key, value] of Object.entries(plain)) form.append(key, value);
							appendFile(form, 'file', await source.open(), source, source.size);
							return form;
						},
					}),
					before,
				),
			findExisting,
			`add a version to ${fields.documentId}`,
		);
	}

	const { properties } = await getNode(context, fields.documentId);
	return { properties, versionNumber };
}

/** Reads the new version number: v1 returns `version_number`, v2 `results.data.versions`. */
function readVersionNumber(body: IDataObject, before: number): number {
	const data = unwrap(body);
	const versions = data.versions as IDataObject | IDataObject[] | undefined;
	const version = Array.isArray(versions) ? versions[versions.length - 1] : versions;
	const number = Number(version?.version_number ?? data.version_number ?? body.version_number);
	return Number.isInteger(number) && number > 0 ? number : before + 1;
}
