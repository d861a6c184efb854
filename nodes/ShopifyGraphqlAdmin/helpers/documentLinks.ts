/**
 * Document links on a product page: the list kept in a `url` or `list.url` metafield, and an
 * optional block in the product description between two HTML comment markers. Only the text
 * between the markers is ever rewritten, so the merchant's own description stays as it is.
 */
import { InputError } from './errors';

export interface DocumentLink {
	url: string;
	title?: string;
	/** Further fields of an entry in a `json` metafield (e.g. docType, approvedAt), kept as they are. */
	extra?: Record<string, unknown>;
}

/**
 * Metafield type of the stored links: `list.url` (URLs only), `url` (one URL), or `json` (a
 * list of objects with url, title and any further fields, e.g. [{"title", "url", "docType"}]).
 */
export type LinkMetafieldType = 'list.url' | 'url' | 'json';

// NOTE: that Shopify keeps HTML comments in descriptionHtml is checked only against the
// simulator; if a shop strips them, the block is appended again on the next update.
export const BLOCK_START = '<!-- n8n-document-links:start -->';
export const BLOCK_END = '<!-- n8n-document-links:end -->';

/** Checks a link URL: Shopify's url type accepts more schemes, but a document link is http(s). */
export function checkLinkUrl(value: unknown, parameter: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new InputError(
			text === '' ? 'A link has no URL' : `"${text}" is not an http or https URL`,
			parameter,
			'Enter the full address of the document, e.g. https://otcs.example.com/otcs/cs.exe/app/nodes/12345.',
		);
	}
	return text;
}

/** Compares URLs as Shopify stores them, ignoring a trailing slash and the host's case. */
export function linkKey(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.protocol}//${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
	} catch {
		return url.trim();
	}
}

function linkFromEntry(entry: unknown): DocumentLink | undefined {
	if (typeof entry === 'string') return entry.trim() === '' ? undefined : { url: entry.trim() };
	if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
	const { url, title, ...extra } = entry as Record<string, unknown>;
	if (typeof url !== 'string' || url.trim() === '') return undefined;
	const link: DocumentLink = { url: url.trim() };
	if (typeof title === 'string' && title.trim() !== '') link.title = title;
	if (Object.keys(extra).length > 0) link.extra = extra;
	return link;
}

/**
 * Reads the links stored in a `url`, `list.url` or `json` metafield (a `json` value may hold
 * strings or objects with `url`); other values give none.
 */
export function linksFromMetafield(
	metafield: { type: string; value: string } | null | undefined,
): DocumentLink[] {
	if (!metafield) return [];
	if (metafield.type === 'url' || metafield.type === 'single_line_text_field') {
		return metafield.value.trim() === '' ? [] : [{ url: metafield.value.trim() }];
	}
	try {
		const parsed = JSON.parse(metafield.value) as unknown;
		if (!Array.isArray(parsed)) return [];
		return parsed.map(linkFromEntry).filter((link): link is DocumentLink => link !== undefined);
	} catch {
		return [];
	}
}

/** Serialises links into a metafield value, which Shopify requires to be a string. */
export function metafieldValue(type: LinkMetafieldType, links: DocumentLink[]): string {
	if (type === 'url') return links[0]?.url ?? '';
	if (type === 'json') {
		return JSON.stringify(
			links.map((link) => ({
				...(link.title ? { title: link.title } : {}),
				url: link.url,
				...link.extra,
			})),
		);
	}
	return JSON.stringify(links.map((link) => link.url));
}

/**
 * Adds links to a list. A URL already in the list keeps its place and takes the new title
 * and fields; URLs repeated in `added` count once.
 */
export function mergeLinks(existing: DocumentLink[], added: DocumentLink[]): DocumentLink[] {
	const merged: DocumentLink[] = existing.map((link) => ({ ...link }));
	const positions = new Map(merged.map((link, index) => [linkKey(link.url), index]));
	for (const link of added) {
		const position = positions.get(linkKey(link.url));
		if (position === undefined) {
			positions.set(linkKey(link.url), merged.length);
			merged.push({ ...link });
		} else {
			if (link.title) merged[position].title = link.title;
			if (link.extra) merged[position].extra = { ...merged[position].extra, ...link.extra };
		}
	}
	return merged;
}

/** Splits links into those kept and those whose URL is in `urls`. */
export function removeLinks(
	existing: DocumentLink[],
	urls: string[],
): { kept: DocumentLink[]; removed: DocumentLink[] } {
	const unwanted = new Set(urls.map(linkKey));
	return {
		kept: existing.filter((link) => !unwanted.has(linkKey(link.url))),
		removed: existing.filter((link) => unwanted.has(linkKey(link.url))),
	};
}

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

function unescapeHtml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

interface BlockRange {
	start: number;
	end: number;
}

/**
 * Finds every block between the markers. A start marker without an end marker is an error,
 * because rewriting from there would delete the merchant's text after it.
 */
function findBlocks(html: string): BlockRange[] {
	const blocks: BlockRange[] = [];
	let from = 0;
	for (;;) {
		const start = html.indexOf(BLOCK_START, from);
		if (start === -1) break;
		const endMarker = html.indexOf(BLOCK_END, start + BLOCK_START.length);
		if (endMarker === -1) {
			throw new InputError(
				`The product description contains "${BLOCK_START}" without "${BLOCK_END}"`,
				'Update Description',
				'Someone edited the document links in the description. Remove the remaining marker or restore the end marker in the Shopify admin (Show HTML), then run the node again.',
			);
		}
		blocks.push({ start, end: endMarker + BLOCK_END.length });
		from = endMarker + BLOCK_END.length;
	}
	return blocks;
}

/** Reads the links of the first block in a description, with their titles. */
export function linksFromDescription(html: string | null | undefined): DocumentLink[] {
	if (!html) return [];
	const [block] = findBlocks(html);
	if (!block) return [];
	const content = html.slice(block.start, block.end);
	const links: DocumentLink[] = [];
	for (const match of content.matchAll(/<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
		links.push({
			url: unescapeHtml(match[1]),
			title: unescapeHtml(match[2].replace(/<[^>]*>/g, '')),
		});
	}
	return links;
}

/** Renders the HTML of a block, or '' for no links. */
export function renderBlock(links: DocumentLink[], heading: string): string {
	if (links.length === 0) return '';
	const items = links
		.map((link) => {
			const title = link.title?.trim() || link.url;
			return `<li><a href="${escapeHtml(link.url)}" target="_blank" rel="noopener">${escapeHtml(title)}</a></li>`;
		})
		.join('');
	const title = heading.trim() === '' ? '' : `<h3>${escapeHtml(heading.trim())}</h3>`;
	return `${BLOCK_START}<div class="n8n-document-links">${title}<ul>${items}</ul></div>${BLOCK_END}`;
}

/**
 * Puts the block into a description: in place of the first existing block (other blocks,
 * e.g. from a copy and paste, are removed), or appended after a line break. With no links
 * the block is removed together with one line break right before it. Other text outside the
 * markers is kept byte for byte.
 */
export function writeDescriptionBlock(
	html: string | null | undefined,
	links: DocumentLink[],
	heading: string,
): string {
	const description = html ?? '';
	const block = renderBlock(links, heading);
	const blocks = findBlocks(description);
	if (blocks.length === 0) {
		if (block === '') return description;
		return description === '' ? block : `${description}\n${block}`;
	}

	let result = '';
	let position = 0;
	blocks.forEach((range, index) => {
		result += description.slice(position, range.start);
		if (index === 0) result += block;
		position = range.end;
	});
	result += description.slice(position);
	// Removing the only block also removes the line break the node added before it.
	if (block === '' && blocks.length > 0) {
		const first = blocks[0].start;
		if (first > 0 && description[first - 1] === '\n' && result[first - 1] === '\n') {
			result = result.slice(0, first - 1) + result.slice(first);
		}
	}
	return result;
}
