/** Response shapes of nodes and versions in v1 and v2, paging blocks and `fields` selection. */
import { formatDateLocal, formatDateUtc, formatItems, formatSize } from '../format';
import type { NodeRecord, VersionRecord } from '../model';
import { SUBTYPE, TYPE_NAMES, VOLUME_TYPES } from '../model';
import type { Params } from '../http/params';
import type { Store } from '../store';

export function typeName(type: number): string {
	return TYPE_NAMES[type] ?? `Subtype ${type}`;
}

/** Properties of a node as v2 shows them under `data.properties`. */
export function nodeProperties(
	store: Store,
	node: NodeRecord,
	dates: 'utc' | 'local' = 'utc',
): Record<string, unknown> {
	const formatDate = dates === 'utc' ? formatDateUtc : formatDateLocal;
	const container = store.isContainer(node);
	const latest = store.latestVersion(node);
	const childCount = node.children.length;
	const size = container ? childCount : (latest?.size ?? 0);
	const properties: Record<string, unknown> = {
		id: node.id,
		parent_id: VOLUME_TYPES.has(node.type) ? -1 : node.parentId,
		volume_id: -node.volumeId,
		name: node.name,
		name_multilingual: { en: node.name },
		type: node.type,
		type_name: typeName(node.type),
		description: node.description,
		description_multilingual: { en: node.description },
		create_date: formatDate(node.createDate),
		create_user_id: node.createUserId,
		modify_date: formatDate(node.modifyDate),
		modify_user_id: node.modifyUserId,
		owner_user_id: node.ownerUserId,
		owner_group_id: node.ownerGroupId,
		reserved: false,
		reserved_user_id: 0,
		reserved_date: null,
		hidden: node.hidden,
		favorite: false,
		container,
		container_size: container ? childCount : 0,
		size,
		size_formatted: container ? formatItems(childCount) : formatSize(size),
		mime_type: latest?.mimeType ?? null,
		versionable: node.type === SUBTYPE.document,
		advanced_versioning: null,
		versions_control_advanced: false,
		original_id: node.originalId ?? 0,
		external_create_date: null,
		external_modify_date: null,
		external_source: '',
		external_identity: '',
		external_identity_type: '',
		guid: null,
		status: null,
	};
	if (node.type === SUBTYPE.url) properties.url = node.url ?? '';
	if (node.workspace) {
		const type = store.workspaceTypes.get(node.workspace.typeId);
		properties.wnf_wksp_type_id = node.workspace.typeId;
		properties.wnf_wksp_template_id = node.workspace.templateId;
		properties.wksp_type_name = type?.name ?? '';
	}
	return properties;
}

/** Properties of a version as v2 shows them under `data.versions`. */
export function versionProperties(
	node: NodeRecord,
	version: VersionRecord,
	dates: 'utc' | 'local' = 'utc',
): Record<string, unknown> {
	const formatDate = dates === 'utc' ? formatDateUtc : formatDateLocal;
	const extension = version.fileName.includes('.')
		? version.fileName.slice(version.fileName.lastIndexOf('.') + 1).toLowerCase()
		: '';
	return {
		id: node.id,
		version_id: version.versionId,
		version_number: version.number,
		version_number_major: version.number,
		version_number_minor: 0,
		version_number_name: String(version.number),
		name: version.fileName,
		file_name: version.fileName,
		file_size: version.size,
		file_type: extension,
		mime_type: version.mimeType,
		description: version.description,
		create_date: formatDate(version.createDate),
		modify_date: formatDate(version.createDate),
		file_create_date: formatDate(version.createDate),
		file_modify_date: formatDate(version.createDate),
		owner_id: version.ownerId,
		locked: false,
		locked_date: null,
		locked_user_id: null,
		has_generation: false,
		provider_id: version.versionId,
		external_create_date: null,
		external_modify_date: null,
		external_source: '',
		external_identity: '',
		external_identity_type: '',
	};
}

/** One `fields` entry, e.g. `properties{id,name}` or `versions{mime_type}.element(0)`. */
export interface FieldSelection {
	keys?: string[];
	element?: number;
	limit?: number;
}

const FIELD = /^([a-z_]+)(?:\{([^}]*)\})?(?:\.element\((\d+)\))?(?:\.limit\((\d+)\))?$/i;

/** Parses the repeatable `fields` parameter; returns undefined when it is absent. */
export function parseFields(query: Params): Map<string, FieldSelection> | undefined {
	const entries = query
		.all('fields')
		.map(String)
		.filter((entry) => entry.trim() !== '');
	if (entries.length === 0) return undefined;
	const selected = new Map<string, FieldSelection>();
	for (const entry of entries) {
		const match = FIELD.exec(entry.trim());
		if (!match) continue;
		const keys = match[2]
			?.split(',')
			.map((key) => key.trim())
			.filter((key) => key !== '');
		selected.set(match[1].toLowerCase(), {
			keys: keys && keys.length > 0 ? keys : undefined,
			element: match[3] !== undefined ? Number(match[3]) : undefined,
			limit: match[4] !== undefined ? Number(match[4]) : undefined,
		});
	}
	return selected;
}

export function pickKeys(
	object: Record<string, unknown>,
	keys: string[] | undefined,
): Record<string, unknown> {
	if (!keys) return object;
	const picked: Record<string, unknown> = {};
	for (const key of keys) {
		if (key in object) picked[key] = object[key];
	}
	return picked;
}

/**
 * Adds `{key}_expand` objects for `expand=properties{parent_id,original_id,...}`: the
 * referenced node's or member's basic properties.
 */
export function expandProperties(
	store: Store,
	properties: Record<string, unknown>,
	query: Params,
): void {
	for (const entry of query.all('expand').map(String)) {
		const match = /^properties\{([^}]*)\}$/.exec(entry.trim());
		if (!match) continue;
		for (const key of match[1].split(',').map((item) => item.trim())) {
			const id = Number(properties[key]);
			if (!Number.isInteger(id) || id <= 0) continue;
			const user = key.endsWith('user_id') ? store.users.get(id) : undefined;
			if (user) {
				properties[`${key}_expand`] = {
					id: user.id,
					name: user.name,
					type: user.type,
					first_name: user.firstName,
					last_name: user.lastName,
					name_formatted: `${user.firstName} ${user.lastName}`.trim() || user.name,
				};
				continue;
			}
			const target = store.getNode(id);
			if (target) {
				properties[`${key}_expand`] = {
					id: target.id,
					name: target.name,
					type: target.type,
					type_name: typeName(target.type),
					parent_id: target.parentId,
					volume_id: -target.volumeId,
					container: store.isContainer(target),
				};
			}
		}
	}
}

export interface PagingInput {
	page: number;
	limit: number;
	total: number;
	/** Path and query of the listing, to build `next` and `previous` links. */
	href: string;
}

export function pageTotal(total: number, limit: number): number {
	return total === 0 ? 0 : Math.ceil(total / limit);
}

/** Builds the paging block of v2 listings, with `links` to the neighbouring pages. */
export function pagingBlock(input: PagingInput): Record<string, unknown> {
	const pages = pageTotal(input.total, input.limit);
	const rangeMin = input.total === 0 ? 0 : (input.page - 1) * input.limit + 1;
	const rangeMax = input.total === 0 ? 0 : Math.min(input.page * input.limit, input.total);
	const links: Record<string, unknown> = {};
	if (input.page < pages) links.next = pageLink(input.href, input.page + 1, 'Next');
	if (input.page > 1 && input.page <= pages + 1) {
		links.previous = pageLink(input.href, input.page - 1, 'Previous');
	}
	return {
		limit: input.limit,
		page: input.page,
		page_total: pages,
		range_min: rangeMin,
		range_max: rangeMax,
		total_count: input.total,
		links: { data: links },
	};
}

function pageLink(href: string, page: number, name: string): Record<string, unknown> {
	const [pathPart, search = ''] = href.split('?');
	const params = new URLSearchParams(search);
	params.set('page', String(page));
	return {
		body: '',
		content_type: '',
		href: `${pathPart}?${params.toString()}`,
		method: 'GET',
		name,
	};
}

export function selfLinks(href: string, method: string): Record<string, unknown> {
	return { data: { self: { body: '', content_type: '', href, method, name: '' } } };
}

/** Slices one page out of a sorted list. */
export function pageOf<T>(items: T[], page: number, limit: number): T[] {
	return items.slice((page - 1) * limit, page * limit);
}
