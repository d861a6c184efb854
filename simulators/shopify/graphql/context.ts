/** Per-request context handed to every GraphQL resolver. */
import { GraphQLError } from 'graphql';

import { parseGid, type ParsedGid } from '../gid';
import type { PendingEmit } from '../operations';
import type { SearchWarning } from '../search';
import type { ShopifyStore } from '../store';

export interface SearchExtension {
	path: string[];
	query: string;
	warnings: SearchWarning[];
}

export interface GraphqlContext {
	store: ShopifyStore;
	/** API version actually served (after falling forward). */
	version: string;
	/** Entries for `extensions.search`: list queries whose search text had unknown fields. */
	search: SearchExtension[];
	/** Webhooks to send after the response when `autoEmit` is on. */
	emits: PendingEmit[];
}

/**
 * Parses an `ID!` argument. Text that is not a GID is a top-level error, as on Shopify. A GID
 * of another type returns null, so the query resolves to null.
 */
export function requireGid(value: string, type: string): ParsedGid | null {
	const parsed = parseGid(value);
	if (!parsed) {
		throw new GraphQLError(`Invalid global id '${value}'`, {
			extensions: { code: 'argumentLiteralsIncompatible', typeName: 'CoercionError' },
		});
	}
	return parsed.type === type ? parsed : null;
}
