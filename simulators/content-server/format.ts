/** Formatting shared by the response builders: dates, sizes, MIME types, file names. */
import * as path from 'node:path';

/** `2026-01-19T06:57:04Z`, as v2 node properties show dates. */
export function formatDateUtc(date: Date): string {
	return `${date.toISOString().slice(0, 19)}Z`;
}

/** `2026-01-19T06:57:04`, as v1 responses, workspaces and category dates show them (no zone). */
export function formatDateLocal(date: Date): string {
	return date.toISOString().slice(0, 19);
}

/** `20260119`, as search regions index dates. */
export function formatIndexDate(date: Date): string {
	return date.toISOString().slice(0, 10).replace(/-/g, '');
}

/** Size as Content Server's browse view shows it, e.g. "12 KB" or "3 Items". */
export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
	if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
	if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
	return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
}

export function formatItems(count: number): string {
	return `${count} ${count === 1 ? 'Item' : 'Items'}`;
}

const MIME_TYPES: Record<string, string> = {
	'.pdf': 'application/pdf',
	'.txt': 'text/plain',
	'.csv': 'text/csv',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.html': 'text/html',
	'.htm': 'text/html',
	'.md': 'text/markdown',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.zip': 'application/zip',
	'.doc': 'application/msword',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'.xls': 'application/vnd.ms-excel',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.eml': 'message/rfc822',
};

/**
 * MIME type of an uploaded file. Content Server derives it from the file name extension,
 * so the extension wins over the part's Content-Type; the part's type is the fallback.
 */
export function mimeTypeFor(fileName: string, partType?: string): string {
	const byExtension = MIME_TYPES[path.extname(fileName).toLowerCase()];
	if (byExtension) return byExtension;
	if (partType && partType !== 'application/octet-stream') return partType.split(';')[0].trim();
	return 'application/octet-stream';
}

/** Checks whether full-text search indexes the content of this MIME type. */
export function isTextLike(mimeType: string): boolean {
	return (
		mimeType.startsWith('text/') ||
		mimeType === 'application/json' ||
		mimeType === 'application/xml' ||
		mimeType === 'application/pdf'
	);
}

/**
 * `Content-Disposition` with a plain ASCII `filename` for old clients and an RFC 5987
 * `filename*` that carries the real UTF-8 name.
 */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
