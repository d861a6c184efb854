import type { IDataObject } from 'n8n-workflow';

/** Page size for listings. Content Server caps pages (reported at 500 for workspace lists). */
export const PAGE_SIZE = 100;

/** Upper bound on pages fetched for Return All, so a server that ignores `page` cannot loop forever. */
const MAX_PAGES = 10_000;

export interface Page<T> {
	items: T[];
	/** Total number of pages, if the server reported it. */
	pageTotal?: number;
	/** Page size the server applied, if it reported it; servers lower a `limit` above their maximum. */
	pageLimit?: number;
	/** Number of results the server returned, when `items` leaves some of them out. */
	received?: number;
}

/**
 * Reads the paging block of a list response. Node listings and search put it under
 * `collection.paging`, business workspace listings at the top level as `paging`.
 */
export function readPageTotal(body: IDataObject): number | undefined {
	const collection = body.collection as IDataObject | undefined;
	const paging = (collection?.paging ?? body.paging) as IDataObject | undefined;
	const total = Number(paging?.page_total);
	return Number.isInteger(total) && total >= 0 ? total : undefined;
}

/** Reads the page size the server applied from the paging block. */
export function readPageLimit(body: IDataObject): number | undefined {
	const collection = body.collection as IDataObject | undefined;
	const paging = (collection?.paging ?? body.paging) as IDataObject | undefined;
	const limit = Number(paging?.limit);
	return Number.isInteger(limit) && limit > 0 ? limit : undefined;
}

/** Returns `results` of a v2 list response as an array (an empty one if it is missing). */
export function readResults(body: IDataObject): IDataObject[] {
	return Array.isArray(body.results) ? (body.results as IDataObject[]) : [];
}

/**
 * Fetches pages from 1 on until `limit` items are collected, or all of them when
 * `limit` is undefined. Stops at the server's last page, at an empty page, or, when the
 * server reports no page count, at the first page shorter than the page size it applied.
 */
export async function collectPages<T>(
	fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
	limit?: number,
	pageSize = PAGE_SIZE,
): Promise<T[]> {
	// Every page is requested at the same size, so that page numbers map to stable offsets.
	const size = limit === undefined ? pageSize : Math.max(1, Math.min(pageSize, limit));
	const collected: T[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const result = await fetchPage(page, size);
		const room = limit === undefined ? result.items.length : limit - collected.length;
		collected.push(...result.items.slice(0, room));

		if (limit !== undefined && collected.length >= limit) break;
		const received = result.received ?? result.items.length;
		if (received === 0) break;
		if (result.pageTotal !== undefined) {
			if (page >= result.pageTotal) break;
		} else if (received < (result.pageLimit ?? size)) {
			break;
		}
	}
	return collected;
}
