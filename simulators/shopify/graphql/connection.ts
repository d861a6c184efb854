/**
 * Relay connections as the Admin API pages them: `first`/`after` or `last`/`before`, at
 * most 250 nodes a page, opaque base64 cursors that encode the last id and sort value.
 */
import { GraphQLError } from 'graphql';

import { JsonInteger, parseJsonLossless } from '../json';

export const MAX_PAGE_SIZE = 250;

export interface PageArgs {
	first?: number | null;
	after?: string | null;
	last?: number | null;
	before?: string | null;
	reverse?: boolean | null;
}

export interface Connection<N> {
	edges: Array<{ cursor: string; node: N }>;
	nodes: N[];
	pageInfo: {
		hasNextPage: boolean;
		hasPreviousPage: boolean;
		startCursor: string | null;
		endCursor: string | null;
	};
}

export function encodeCursor(id: string, value: unknown): string {
	const idLiteral = /^\d+$/.test(id) ? id : JSON.stringify(id);
	const text = `{"last_id":${idLiteral},"last_value":${JSON.stringify(value ?? null)}}`;
	return Buffer.from(text, 'utf8').toString('base64');
}

function decodeCursorId(cursor: string, argument: string): string {
	try {
		const parsed = parseJsonLossless(Buffer.from(cursor, 'base64').toString('utf8')) as {
			last_id?: unknown;
		};
		const id = parsed.last_id;
		if (id instanceof JsonInteger) return id.digits;
		if (typeof id === 'number' || typeof id === 'string') return String(id);
	} catch {
		// Falls through to the error below.
	}
	throw new GraphQLError(
		`Invalid cursor for argument '${argument}': "${cursor}". Pass a cursor returned by this connection.`,
		{ extensions: { code: 'BAD_REQUEST' } },
	);
}

/** Checks the page arguments the way the Admin API does, before any work is done. */
export function checkPageArgs(args: PageArgs): void {
	if (
		(args.first === null || args.first === undefined) &&
		(args.last === null || args.last === undefined)
	) {
		throw new GraphQLError('you must provide one of first or last', {
			extensions: { code: 'BAD_REQUEST' },
		});
	}
	for (const name of ['first', 'last'] as const) {
		const value = args[name];
		if (value === null || value === undefined) continue;
		if (value < 0) {
			throw new GraphQLError(`Argument '${name}' must be 0 or greater; got ${value}.`, {
				extensions: { code: 'BAD_REQUEST' },
			});
		}
		// NOTE: Shopify rejects page sizes above 250; the exact wording of its message is unverified.
		if (value > MAX_PAGE_SIZE) {
			throw new GraphQLError(
				`Argument '${name}' is ${value}, above the maximum page size of ${MAX_PAGE_SIZE}. Request at most ${MAX_PAGE_SIZE} and page with 'after'.`,
				{ extensions: { code: 'MAX_PAGE_SIZE_EXCEEDED', maxPageSize: MAX_PAGE_SIZE } },
			);
		}
	}
}

/**
 * Pages `items`, which are already filtered and sorted (and reversed when requested).
 * `idOf` and `valueOf` go into the cursor; `toNode` builds a node only for the page.
 */
export function paginate<T, N>(
	items: T[],
	args: PageArgs,
	idOf: (item: T) => string,
	valueOf: (item: T) => unknown,
	toNode: (item: T) => N,
): Connection<N> {
	checkPageArgs(args);
	let start = 0;
	let end = items.length;
	if (args.after) {
		const id = decodeCursorId(args.after, 'after');
		const index = items.findIndex((item) => idOf(item) === id);
		if (index === -1) start = items.length;
		else start = index + 1;
	}
	if (args.before) {
		const id = decodeCursorId(args.before, 'before');
		const index = items.findIndex((item) => idOf(item) === id);
		if (index !== -1) end = Math.min(end, index);
	}
	if (args.first !== null && args.first !== undefined) end = Math.min(end, start + args.first);
	if (args.last !== null && args.last !== undefined) start = Math.max(start, end - args.last);
	if (start > end) start = end;

	const page = items.slice(start, end);
	const edges = page.map((item) => ({
		cursor: encodeCursor(idOf(item), valueOf(item)),
		node: toNode(item),
	}));
	return {
		edges,
		nodes: edges.map((edge) => edge.node),
		pageInfo: {
			hasNextPage: end < items.length,
			hasPreviousPage: start > 0,
			startCursor: edges[0]?.cursor ?? null,
			endCursor: edges.at(-1)?.cursor ?? null,
		},
	};
}

/** Compares numeric id strings, which may exceed 2^53. */
export function compareIds(left: string, right: string): number {
	const a = BigInt(left);
	const b = BigInt(right);
	if (a < b) return -1;
	if (a > b) return 1;
	return 0;
}
