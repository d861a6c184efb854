/** Cursor paging over GraphQL connections (`first`/`after`, `pageInfo.endCursor`). */

export interface PageInfo {
	hasNextPage: boolean;
	endCursor?: string | null;
}

export interface Connection<T> {
	pageInfo?: PageInfo;
	nodes: T[];
}

export interface CollectPagesOptions<T> {
	/** Nodes asked for per request. */
	pageSize: number;
	/** Stop after this many nodes; undefined reads every page. */
	limit?: number;
	/** Reads one page; returns null when the parent record does not exist. */
	fetchPage(first: number, after: string | undefined): Promise<Connection<T> | null | undefined>;
}

/**
 * Reads pages until the connection ends or `limit` nodes are collected. Returns null when the
 * first page is null (the parent record was not found).
 */
export async function collectPages<T>(options: CollectPagesOptions<T>): Promise<T[] | null> {
	const nodes: T[] = [];
	const seenCursors = new Set<string>();
	let after: string | undefined;
	for (let page = 0; ; page++) {
		const remaining = options.limit === undefined ? options.pageSize : options.limit - nodes.length;
		if (remaining <= 0) break;
		const connection = await options.fetchPage(Math.min(options.pageSize, remaining), after);
		if (!connection) {
			if (page === 0) return null;
			break;
		}
		nodes.push(...connection.nodes);
		const cursor = connection.pageInfo?.endCursor ?? undefined;
		if (!connection.pageInfo?.hasNextPage || !cursor) break;
		// A server that repeats a cursor would otherwise keep the loop going forever.
		if (seenCursors.has(cursor)) {
			throw new Error(
				`Shopify returned the page cursor "${cursor}" twice; stopped reading further pages.`,
			);
		}
		seenCursors.add(cursor);
		after = cursor;
	}
	return options.limit === undefined ? nodes : nodes.slice(0, options.limit);
}
