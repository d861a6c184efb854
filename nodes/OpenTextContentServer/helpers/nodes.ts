import type { IDataObject } from 'n8n-workflow';

import { ContentServerError } from '../transport/errors';
import { collectPages, readPageLimit, readPageTotal, readResults } from '../transport/paging';
import type { ContentServerContext } from './context';

/** Subtypes this node creates or filters on. */
export const SUBTYPE = {
	folder: 0,
	shortcut: 1,
	category: 131,
	categoryFolder: 132,
	url: 140,
	document: 144,
	businessWorkspace: 848,
} as const;

/** Properties of one node, as `results.data.properties` of the v2 API returns them. */
export type NodeProperties = IDataObject & { id: number; name: string; type: number };

/** Reads `data.properties` of a v2 result, or `data` of a v1 result. */
export function readProperties(result: IDataObject | undefined): NodeProperties | undefined {
	const data = result?.data as IDataObject | undefined;
	const properties = (data?.properties ?? data) as IDataObject | undefined;
	if (properties === undefined || properties.id === undefined) return undefined;
	return {
		...properties,
		id: Number(properties.id),
		type: Number(properties.type),
	} as NodeProperties;
}

/** Returns the properties of a node (`GET /api/v2/nodes/{id}`). */
export async function getNode(
	context: ContentServerContext,
	id: number,
	fields?: string[],
): Promise<{ properties: NodeProperties; body: IDataObject }> {
	const body = await context.session.request({
		method: 'GET',
		path: `/api/v2/nodes/${id}`,
		qs: fields ? { fields } : undefined,
	});
	const properties = readProperties(body.results as IDataObject);
	if (properties === undefined) {
		throw new ContentServerError({
			kind: 'http',
			method: 'GET',
			path: `/api/v2/nodes/${id}`,
			status: 200,
			message: `Content Server returned no properties for node ${id}`,
		});
	}
	return { properties, body };
}

export interface ChildQuery {
	/** Substring filter on the name (`where_name`). */
	name?: string;
	/** Subtypes to include (`where_type`); -1 means all containers. */
	types?: number[];
	sort?: string;
	limit?: number;
}

/** Lists the children of a container (`GET /api/v2/nodes/{id}/nodes`), following pages. */
export async function listChildren(
	context: ContentServerContext,
	parentId: number,
	query: ChildQuery = {},
): Promise<NodeProperties[]> {
	return await collectPages(async (page, pageSize) => {
		const qs: IDataObject = { page, limit: pageSize, fields: 'properties' };
		if (query.name) qs.where_name = query.name;
		if (query.types && query.types.length > 0) qs.where_type = query.types;
		if (query.sort) qs.sort = query.sort;

		const body = await context.session.request({
			method: 'GET',
			path: `/api/v2/nodes/${parentId}/nodes`,
			qs,
		});
		const items = readResults(body)
			.map((result) => readProperties(result))
			.filter((properties): properties is NodeProperties => properties !== undefined);
		return { items, pageTotal: readPageTotal(body), pageLimit: readPageLimit(body) };
	}, query.limit);
}

/**
 * Finds a child by its exact name. `where_name` is a substring filter, so the results
 * are compared here. An exact match wins over one that differs only in letter case,
 * which Content Server also treats as a clash.
 */
export async function findChildByName(
	context: ContentServerContext,
	parentId: number,
	name: string,
	types?: number[],
): Promise<NodeProperties | undefined> {
	const candidates = await listChildren(context, parentId, { name, types });
	const exact = candidates.find((child) => child.name === name);
	if (exact) return exact;
	const lower = name.toLowerCase();
	return candidates.find((child) => String(child.name).toLowerCase() === lower);
}

/** Returns the names of the children whose names contain `fragment`. */
export async function childNamesContaining(
	context: ContentServerContext,
	parentId: number,
	fragment: string,
): Promise<Set<string>> {
	const children = await listChildren(context, parentId, { name: fragment });
	return new Set(children.map((child) => String(child.name)));
}

/**
 * Creates a node with `POST /api/v2/nodes`. A create is not idempotent, so after a
 * transient failure (503, dropped connection, HTML page) this looks the name up in the
 * parent first, and sends the create again only if the node does not exist.
 */
export async function createNode(
	context: ContentServerContext,
	fields: IDataObject & { type: number; parent_id: number; name: string },
): Promise<NodeProperties> {
	return await createWithRecovery(
		context,
		async () => {
			const body = await context.session.request({
				method: 'POST',
				path: '/api/v2/nodes',
				form: { body: JSON.stringify(fields) },
				idempotent: false,
			});
			return await readCreatedNode(context, body);
		},
		async () => await findChildByName(context, fields.parent_id, fields.name),
		`create "${fields.name}" in ${fields.parent_id}`,
	);
}

/** Reads the node a create call returned: v2 returns its properties, v1 only `{ id }`. */
export async function readCreatedNode(
	context: ContentServerContext,
	body: IDataObject,
): Promise<NodeProperties> {
	const properties = readProperties(body.results as IDataObject);
	if (properties?.name !== undefined) return properties;
	const id = Number(properties?.id ?? (body.results as IDataObject | undefined)?.id ?? body.id);
	if (!Number.isInteger(id)) {
		throw new ContentServerError({
			kind: 'http',
			method: 'POST',
			path: '/api/v2/nodes',
			status: 200,
			message: 'Content Server confirmed the create but returned no node ID',
		});
	}
	return (await getNode(context, id)).properties;
}

/**
 * Runs a non-idempotent create. After a transient failure it calls `findExisting`. If the
 * item exists, the earlier attempt succeeded and the item is returned. Otherwise the create
 * is sent again after a delay from `retryDelaysMs`.
 */
export async function createWithRecovery<T>(
	context: ContentServerContext,
	create: () => Promise<T>,
	findExisting: () => Promise<T | undefined>,
	description: string,
	retryDelaysMs = [1000, 2000, 4000],
): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		let failure: unknown;
		try {
			return await create();
		} catch (error) {
			failure = error;
		}
		const retryable =
			failure instanceof ContentServerError && failure.transient && attempt < retryDelaysMs.length;
		if (!retryable) throw failure;
		context.session.logTransientCreate(description, failure as ContentServerError, attempt + 1);

		const existing = await findExisting();
		if (existing !== undefined) return existing;
		await context.session.wait(retryDelaysMs[attempt]);
	}
}

/** Deletes a node. A retry that finds the node gone counts as success. */
export async function deleteNode(context: ContentServerContext, id: number): Promise<void> {
	let failure: unknown;
	try {
		await context.session.request({
			method: 'DELETE',
			path: `/api/v2/nodes/${id}`,
			idempotent: true,
		});
		return;
	} catch (error) {
		failure = error;
	}
	const deletedByEarlierAttempt =
		failure instanceof ContentServerError && failure.notFound && failure.transientRetries > 0;
	if (!deletedByEarlierAttempt) throw failure;
}

const SIMPLE_FIELDS = [
	'id',
	'name',
	'type',
	'type_name',
	'parent_id',
	'mime_type',
	'size',
	'create_date',
	'modify_date',
] as const;

/**
 * Returns the nine properties most workflows need and the item's Smart View address.
 * URL objects also keep `url`, the address they open.
 */
export function simplifyNode(context: ContentServerContext, properties: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS) {
		if (properties[field] !== undefined) simple[field] = properties[field];
	}
	if (properties.url !== undefined) simple.url = properties.url;
	simple.smartViewUrl = context.nodeUrl(properties.id as number);
	return simple;
}

/** Returns all properties plus the item's Smart View address. */
export function fullNode(context: ContentServerContext, properties: IDataObject): IDataObject {
	return { ...properties, smartViewUrl: context.nodeUrl(properties.id as number) };
}
