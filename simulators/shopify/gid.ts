/** Shopify global ids: `gid://shopify/<Type>/<numeric id>`, optionally with a query string. */

export interface ParsedGid {
	type: string;
	id: string;
}

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/;

export function formatGid(type: string, id: string): string {
	return `gid://shopify/${type}/${id}`;
}

/** Parses a GID; null when the text is not one. */
export function parseGid(value: string): ParsedGid | null {
	const match = GID_PATTERN.exec(value);
	return match ? { type: match[1], id: match[2] } : null;
}

/**
 * Accepts a GID of `type` or a bare numeric id (as the emit API and REST paths do) and
 * returns the numeric id, or null.
 */
export function numericId(value: string, type: string): string | null {
	if (/^\d+$/.test(value)) return value;
	const parsed = parseGid(value);
	return parsed && parsed.type === type ? parsed.id : null;
}
