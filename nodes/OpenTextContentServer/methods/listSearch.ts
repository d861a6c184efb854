import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ContentServerContext } from '../helpers/context';
import { createContext } from '../helpers/context';
import { resolveVolume } from '../helpers/folders';
import { nameFilterQuery } from '../helpers/lql';
import type { NodeProperties } from '../helpers/nodes';
import { listChildren, readProperties, SUBTYPE } from '../helpers/nodes';
import { listWorkspacesByName, listWorkspaceTypes } from '../helpers/workspaces';
import { ContentServerError } from '../transport/errors';
import { readPageTotal, readResults } from '../transport/paging';

const PAGE_SIZE = 50;

/** Folders deeper than this below the Enterprise Workspace are reached by typing a name. */
const MAX_BROWSE_DEPTH = 3;

/** Listings per request while browsing, so that one scroll step stays fast. */
const LISTINGS_PER_REQUEST = 4;

interface BrowseEntry {
	id: number;
	label: string;
	depth: number;
}

function toItem(
	context: ContentServerContext,
	properties: NodeProperties,
	name?: string,
): INodeListSearchItems {
	return {
		name: name ?? `${properties.name} (${properties.id})`,
		value: String(properties.id),
		url: context.nodeUrl(properties.id),
	};
}

function listError(functions: ILoadOptionsFunctions, error: unknown): NodeOperationError {
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(functions.getNode(), `Loading the list failed: ${message}`, {
		description: 'Check the credential, or switch to "By Path" or "By ID".',
	});
}

/**
 * Searches items by name with `POST /api/v2/search`. Returns undefined when the server
 * has no usable search, so that callers can fall back to browsing.
 */
async function searchByName(
	context: ContentServerContext,
	filter: string,
	subtypes: number[],
	paginationToken: string | undefined,
): Promise<INodeListSearchResult | undefined> {
	const nameQuery = nameFilterQuery(filter);
	const typeQuery = subtypes.map((subtype) => `OTSubType: ${subtype}`).join(' or ');
	const where = [nameQuery, subtypes.length > 1 ? `(${typeQuery})` : typeQuery]
		.filter((part) => part)
		.join(' and ');
	const page = Number(paginationToken ?? 1);

	let body: IDataObject = {};
	let failure: unknown;
	try {
		body = await context.session.request({
			method: 'POST',
			path: '/api/v2/search',
			form: { where, page: String(page), limit: String(PAGE_SIZE), lookfor: 'complexquery' },
			idempotent: true,
		});
	} catch (error) {
		failure = error;
	}
	if (failure instanceof ContentServerError && failure.kind === 'http') return undefined;
	if (failure !== undefined) throw failure;

	const results = readResults(body)
		.map((result) => readProperties(result))
		.filter((properties): properties is NodeProperties => properties !== undefined)
		.map((properties) => toItem(context, properties));
	const pageTotal = readPageTotal(body);
	const more = pageTotal !== undefined ? page < pageTotal : results.length === PAGE_SIZE;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/**
 * Browses containers breadth-first from `rootId`, labelling each with its path, e.g.
 * "Enterprise/Shopify/Orders". The pagination token carries the queue of folders whose
 * children are still to be listed.
 */
async function browse(
	context: ContentServerContext,
	root: BrowseEntry,
	types: number[],
	include: (properties: NodeProperties) => boolean,
	includeRoot: boolean,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const queue: BrowseEntry[] = paginationToken
		? (JSON.parse(paginationToken) as BrowseEntry[])
		: [root];
	const results: INodeListSearchItems[] = [];
	const wanted = (filter ?? '').trim().toLowerCase();
	if (
		includeRoot &&
		!paginationToken &&
		(wanted === '' || root.label.toLowerCase().includes(wanted))
	) {
		results.push({ name: root.label, value: String(root.id), url: context.nodeUrl(root.id) });
	}

	for (let listings = 0; listings < LISTINGS_PER_REQUEST && queue.length > 0; listings++) {
		const parent = queue.shift() as BrowseEntry;
		const children = await listChildren(context, parent.id, { types, sort: 'asc_name' });
		for (const child of children) {
			const label = `${parent.label}/${child.name}`;
			if (include(child) && (wanted === '' || label.toLowerCase().includes(wanted))) {
				results.push(toItem(context, child, label));
			}
			const isContainer =
				child.container === true ||
				[SUBTYPE.folder, SUBTYPE.categoryFolder, SUBTYPE.businessWorkspace].includes(
					child.type as 0,
				);
			if (isContainer && parent.depth + 1 < MAX_BROWSE_DEPTH) {
				queue.push({ id: child.id, label, depth: parent.depth + 1 });
			}
		}
	}
	return { results, paginationToken: queue.length > 0 ? JSON.stringify(queue) : undefined };
}

/** Folders and workspaces: found by name through search, or browsed from the Enterprise Workspace. */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const context = await createContext(this);
		const containerTypes = [SUBTYPE.folder, SUBTYPE.businessWorkspace];
		if (filter && nameFilterQuery(filter) && !paginationToken?.startsWith('[')) {
			// An empty first page can mean that the search index lags behind, so browsing follows.
			const found = await searchByName(context, filter, containerTypes, paginationToken);
			if (found && (found.results.length > 0 || paginationToken)) return found;
		}
		const enterpriseId = await resolveVolume(context, 'Enterprise');
		return await browse(
			context,
			{ id: enterpriseId, label: 'Enterprise', depth: 0 },
			[-1],
			(properties) => properties.type !== SUBTYPE.category,
			true,
			filter,
			paginationToken,
		);
	} catch (error) {
		throw listError(this, error);
	}
}

/** Documents found by name through search; the newest come first without a filter. */
export async function searchDocuments(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchIndexed(this, filter, paginationToken, [SUBTYPE.document]);
}

/** Documents, folders, workspaces, shortcuts and URL objects found by name through search. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchIndexed(this, filter, paginationToken, [
		SUBTYPE.document,
		SUBTYPE.folder,
		SUBTYPE.businessWorkspace,
		SUBTYPE.url,
		SUBTYPE.shortcut,
	]);
}

async function searchIndexed(
	functions: ILoadOptionsFunctions,
	filter: string | undefined,
	paginationToken: string | undefined,
	subtypes: number[],
): Promise<INodeListSearchResult> {
	let found: INodeListSearchResult | undefined;
	try {
		const context = await createContext(functions);
		found = await searchByName(context, filter ?? '', subtypes, paginationToken);
	} catch (error) {
		throw listError(functions, error);
	}
	if (!found) {
		throw new NodeOperationError(functions.getNode(), 'Content Server search is not available', {
			description: 'Switch to "By Path" or "By ID" to pick the item.',
		});
	}
	return found;
}

/** Categories, browsed in the Categories volume and labelled with their path. */
export async function searchCategories(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const context = await createContext(this);
		const volumeId = await resolveVolume(context, 'Categories');
		const result = await browse(
			context,
			{ id: volumeId, label: 'Categories', depth: -1 },
			[SUBTYPE.category, SUBTYPE.categoryFolder, SUBTYPE.folder],
			(properties) => properties.type === SUBTYPE.category,
			false,
			filter,
			paginationToken,
		);
		// Paths are shown below the volume, as the By Path mode expects them.
		result.results = result.results.map((item) => ({
			...item,
			name: item.name.replace(/^Categories\//, ''),
		}));
		return result;
	} catch (error) {
		throw listError(this, error);
	}
}

/** Business workspace types, filtered by name. */
export async function searchWorkspaceTypes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	try {
		const context = await createContext(this);
		const wanted = (filter ?? '').trim().toLowerCase();
		const types = await listWorkspaceTypes(context);
		return {
			results: types
				.filter((type) => wanted === '' || type.name.toLowerCase().includes(wanted))
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((type) => ({ name: type.name, value: String(type.id) })),
		};
	} catch (error) {
		throw listError(this, error);
	}
}

/** Business workspaces whose name contains the filter. */
export async function searchWorkspaces(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	try {
		const context = await createContext(this);
		const page = Number(paginationToken ?? 1);
		const { items, pageTotal } = await listWorkspacesByName(context, filter, page, PAGE_SIZE);
		const more = pageTotal !== undefined ? page < pageTotal : items.length === PAGE_SIZE;
		return {
			results: items.map((properties) => toItem(context, properties)),
			paginationToken: more ? String(page + 1) : undefined,
		};
	} catch (error) {
		throw listError(this, error);
	}
}
