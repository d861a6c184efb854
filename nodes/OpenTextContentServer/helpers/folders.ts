import type { IDataObject } from 'n8n-workflow';

import { ContentServerError } from '../transport/errors';
import { readResults } from '../transport/paging';
import type { ContentServerContext } from './context';
import { InputError } from './inputError';
import type { NodeProperties } from './nodes';
import { createNode, findChildByName, readProperties, SUBTYPE } from './nodes';
import { formatPath, parsePath, VOLUME_ALIASES } from './path';

/** ID of the Enterprise Workspace on every Content Server installation. */
const ENTERPRISE_WORKSPACE_ID = 2000;

async function listVolumes(context: ContentServerContext): Promise<NodeProperties[]> {
	const body = await context.session.request({ method: 'GET', path: '/api/v2/volumes' });
	return readResults(body)
		.map((result) => readProperties(result))
		.filter((properties): properties is NodeProperties => properties !== undefined);
}

/**
 * Returns the node ID of a volume named by alias (`Enterprise`, `Personal`,
 * `Categories`) or by its full name, e.g. "Content Server Categories". Volume IDs
 * differ between installations, so they are looked up once per execution.
 */
export async function resolveVolume(context: ContentServerContext, name: string): Promise<number> {
	const key = name.trim().toLowerCase();
	return await context.cached(context.volumes, key, async () => {
		const subtype = VOLUME_ALIASES[key];
		if (subtype !== undefined) {
			let failure: unknown;
			try {
				const body = await context.session.request({
					method: 'GET',
					path: `/api/v2/volumes/${subtype}`,
				});
				const properties = readProperties(body.results as IDataObject);
				if (properties) return properties.id;
			} catch (error) {
				failure = error;
			}
			const unsupported = failure instanceof ContentServerError && failure.kind === 'http';
			if (failure !== undefined && !unsupported) throw failure;
			// Servers without the volumes route still have the Enterprise Workspace at 2000.
			if (subtype === 141) return ENTERPRISE_WORKSPACE_ID;
		}

		const volumes = await listVolumes(context);
		const match = volumes.find((volume) => String(volume.name).toLowerCase() === key);
		if (match) return match.id;
		const aliased =
			subtype !== undefined ? volumes.find((volume) => volume.type === subtype) : undefined;
		if (aliased) return aliased.id;

		const names = volumes.map((volume) => `"${String(volume.name)}"`).join(', ');
		throw new InputError(
			`The volume "${name}" was not found`,
			`Start the path with Enterprise, Personal, Categories or a node ID, or with one of the volumes of this server: ${names || 'none were listed'}.`,
		);
	});
}

/** Returns whether a node can contain other items (folders, workspaces, volumes, category folders). */
function isContainer(properties: NodeProperties): boolean {
	if (properties.container === true) return true;
	return (
		[SUBTYPE.folder, SUBTYPE.categoryFolder, SUBTYPE.businessWorkspace].includes(
			properties.type as 0,
		) || properties.type === 141
	);
}

export interface ResolvedPath {
	id: number;
	/** Whether the last item was created by this call. */
	created: boolean;
	/** Canonical form of the path, e.g. `Enterprise:Shopify/Orders`. */
	path: string;
}

export interface ResolvePathOptions {
	/** Volume used when the path has no `Volume:` prefix. */
	defaultVolume?: string;
	/** Whether to create missing folders. */
	create?: boolean;
	/** Whether the last item may be a non-container, e.g. a document or a category. */
	lastMayBeItem?: boolean;
}

/**
 * Resolves a path such as `Enterprise:Shopify/Orders/2026` to a node ID, optionally
 * creating missing folders. Each step (parent ID and name) is cached for the execution,
 * so items in the same folder cost one lookup in total.
 */
export async function resolvePath(
	context: ContentServerContext,
	text: string,
	options: ResolvePathOptions = {},
): Promise<ResolvedPath> {
	const parsed = parsePath(text, options.defaultVolume);
	const rootLabel = parsed.root.kind === 'node' ? String(parsed.root.id) : parsed.root.name;
	let parentId =
		parsed.root.kind === 'node' ? parsed.root.id : await resolveVolume(context, parsed.root.name);
	let created = false;

	for (let index = 0; index < parsed.segments.length; index++) {
		const name = parsed.segments[index];
		const last = index === parsed.segments.length - 1;
		const walked = formatPath(rootLabel, parsed.segments.slice(0, index + 1));
		const parent = parentId;
		created = false;

		const key = `${parent}/${name.toLowerCase()}/${last && options.lastMayBeItem ? 'item' : 'container'}`;
		parentId = await context.cached(context.folderPaths, key, async () => {
			const existing = await findChildByName(context, parent, name);
			if (existing) {
				if (!(last && options.lastMayBeItem) && !isContainer(existing)) {
					throw new InputError(
						`"${walked}" is a ${String(existing.type_name ?? existing.type)}, not a folder`,
						'Correct the path so that every part before the last one names a folder.',
					);
				}
				return existing.id;
			}
			if (!options.create) {
				throw new InputError(
					`"${name}" was not found in "${formatPath(rootLabel, parsed.segments.slice(0, index))}" (looking for ${walked})`,
					'Check the spelling of the path, or turn on creating missing folders.',
				);
			}
			created = true;
			return await createFolderOrUseExisting(context, parent, name);
		});
	}

	return { id: parentId, created, path: formatPath(rootLabel, parsed.segments) };
}

/**
 * Creates a folder. When another execution created the same folder a moment earlier,
 * Content Server rejects the name, and the existing folder is used.
 */
export async function createFolderOrUseExisting(
	context: ContentServerContext,
	parentId: number,
	name: string,
): Promise<number> {
	let failure: unknown;
	try {
		const folder = await createNode(context, { type: SUBTYPE.folder, parent_id: parentId, name });
		return folder.id;
	} catch (error) {
		failure = error;
	}
	if (failure instanceof ContentServerError && failure.nameClash) {
		const existing = await findChildByName(context, parentId, name);
		if (existing) return existing.id;
	}
	throw failure;
}
