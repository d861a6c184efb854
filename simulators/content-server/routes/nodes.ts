/**
 * Nodes: get (v1 and v2 shapes), list children, create (folder, document, URL, shortcut,
 * copy), update (rename, move, description), delete, ancestors, name validation and volumes.
 */
import { rm } from 'node:fs/promises';

import {
	applyInput,
	checkRequired,
	defaultValues,
	requireCategory,
	splitRoleCategories,
} from '../categories';
import { createVersion, findVersionSource, validateName } from '../documents';
import { ApiError, errors } from '../errors';
import type { Params } from '../http/params';
import { readPaging } from '../http/params';
import type { RouteContext, Router } from '../http/router';
import type { CategoryDefinition, CategoryValues, NodeRecord } from '../model';
import { SUBTYPE, TYPE_NAMES, VOLUME_TYPES } from '../model';
import { categoryMetadata, flatValues } from '../representations/categories';
import {
	expandProperties,
	nodeProperties,
	pageOf,
	pageTotal,
	pagingBlock,
	parseFields,
	pickKeys,
	typeName,
	versionProperties,
} from '../representations/node';
import { CONFIGURATION_VOLUMES, requireParentFor, type Store } from '../store';
import { clashStatus, invalidEntryStatus, pathNode, v2Body } from './common';

/** Builds the `data` of a node in v2 responses, shaped by `fields`, `expand` and `metadata`. */
export function nodeDataV2(
	store: Store,
	node: NodeRecord,
	query: Params,
): { data: Record<string, unknown>; metadata?: Record<string, unknown> } {
	const fields = parseFields(query);
	const data: Record<string, unknown> = {};

	const properties = fields?.get('properties');
	if (!fields || properties) {
		const all = nodeProperties(store, node);
		expandProperties(store, all, query);
		data.properties = pickKeys(all, properties?.keys);
	}
	const versions = fields?.get('versions');
	if (versions) {
		// Newest first, so that `versions.element(0)` is the current version.
		const list = [...node.versions]
			.reverse()
			.map((version) => pickKeys(versionProperties(node, version), versions.keys));
		data.versions =
			versions.element !== undefined
				? (list[versions.element] ?? null)
				: list.slice(0, versions.limit);
	}
	if (fields?.get('categories')) {
		data.categories = [...node.categories].map(([id, values]) => {
			const definition = store.categories.get(id);
			return definition ? flatValues(definition, values) : {};
		});
	}
	if (fields?.get('permissions')) data.permissions = [];
	if (fields?.get('columns')) data.columns = [];

	if (!query.flag('metadata')) return { data };
	const metadata: Record<string, unknown> = { properties: propertyMetadata() };
	if (fields?.get('categories')) {
		const categories: Record<string, unknown> = {};
		for (const id of node.categories.keys()) {
			const definition = store.categories.get(id);
			if (definition) Object.assign(categories, categoryMetadata(definition));
		}
		metadata.categories = categories;
	}
	return { data, metadata };
}

function propertyMetadata(): Record<string, unknown> {
	const field = (key: string, name: string, type: number, typeName: string) => ({
		key,
		name,
		type,
		type_name: typeName,
		persona: '',
		read_only: ['id', 'type', 'create_date', 'modify_date', 'size'].includes(key),
		required: key === 'name',
	});
	return {
		id: field('id', 'ID', 2, 'Integer'),
		name: field('name', 'Name', -1, 'String'),
		description: field('description', 'Description', -1, 'String'),
		type: field('type', 'Type', 2, 'Integer'),
		parent_id: field('parent_id', 'Parent ID', 2, 'Integer'),
		create_date: field('create_date', 'Created', -7, 'Date'),
		modify_date: field('modify_date', 'Modified', -7, 'Date'),
		size: field('size', 'Size', 2, 'Integer'),
		mime_type: field('mime_type', 'MIME Type', -1, 'String'),
	};
}

/** Properties of a node in the flat v1 shape (dates without zone). */
function nodePropertiesV1(store: Store, node: NodeRecord): Record<string, unknown> {
	return nodeProperties(store, node, 'local');
}

/** Builds the full v1 node response: flat `data` plus the definition and action blocks. */
function nodeV1(store: Store, node: NodeRecord): Record<string, unknown> {
	return {
		data: nodePropertiesV1(store, node),
		definitions: {},
		definitions_base: ['id', 'name', 'type', 'parent_id', 'create_date', 'modify_date', 'size'],
		definitions_order: ['id', 'name', 'type', 'parent_id', 'create_date', 'modify_date', 'size'],
		type: node.type,
		type_name: typeName(node.type),
		type_info: { advanced_versioning: false, container: store.isContainer(node) },
		addable_types: [],
		available_actions: [],
		available_roles: [],
	};
}

/** Items of a listing after `where_type`, `where_name` and `sort`. */
function filterChildren(
	store: Store,
	parent: NodeRecord,
	query: Params,
): { items: NodeRecord[]; sort: string } {
	let items = store.children(parent);

	const types = query
		.all('where_type')
		.flatMap((value) => String(value).split(','))
		.map((value) => value.trim())
		.filter((value) => value !== '')
		.map(Number);
	if (types.length > 0) {
		items = items.filter((item) =>
			types.some((type) => {
				if (type === -1) return store.isContainer(item);
				if (type === -2) return true;
				if (type === -3) return !store.isContainer(item);
				return item.type === type;
			}),
		);
	}

	const name = query.string('where_name');
	if (name !== undefined) {
		const needle = name.toLowerCase();
		items = items.filter((item) => item.name.toLowerCase().includes(needle));
	}

	const sortParam = query.string('sort') ?? 'asc_name';
	const match = /^(asc_|desc_)?(.+)$/.exec(sortParam.toLowerCase()) as RegExpExecArray;
	const direction = match[1] === 'desc_' ? -1 : 1;
	const column = match[2];
	const keyOf = (item: NodeRecord): string | number => {
		switch (column) {
			case 'create_date':
				return item.createDate.getTime();
			case 'modify_date':
				return item.modifyDate.getTime();
			case 'size':
				return store.isContainer(item)
					? item.children.length
					: (store.latestVersion(item)?.size ?? 0);
			case 'type':
				return item.type;
			case 'id':
				return item.id;
			default:
				return item.name.toLowerCase();
		}
	};
	items = [...items].sort((left, right) => {
		const a = keyOf(left);
		const b = keyOf(right);
		if (a < b) return -direction;
		if (a > b) return direction;
		return left.id - right.id;
	});
	return { items, sort: `${direction === 1 ? 'asc' : 'desc'}_${column}` };
}

function listChildren(context: RouteContext) {
	const { store, query } = context;
	// The API description lists 500 for a listing of an unknown or inaccessible node.
	const parent = pathNode(context, () => errors.itemNotAccessible(500));
	const { items, sort } = filterChildren(store, parent, query);
	const { page, limit } = readPaging(
		query,
		store.settings.defaultPageSize,
		store.settings.maxPageSize,
	);
	const pageItems = pageOf(items, page, limit);

	if (context.version === 1) {
		return {
			json: {
				data: pageItems.map((item) => nodePropertiesV1(store, item)),
				definitions: {},
				definitions_map: {},
				definitions_order: [],
				limit,
				page,
				page_total: pageTotal(items.length, limit),
				range_min: items.length === 0 ? 0 : (page - 1) * limit + 1,
				range_max: Math.min(page * limit, items.length),
				sort,
				total_count: items.length,
				where_facet: [],
				where_name: query.string('where_name') ?? '',
				where_type: query.all('where_type').map(Number),
			},
		};
	}
	return {
		json: v2Body(context, {
			collection: {
				paging: pagingBlock({ page, limit, total: items.length, href: context.href }),
				sorting: { sort: [{ key: 'sort', value: sort }] },
			},
			results: pageItems.map((item) => nodeDataV2(store, item, query)),
		}),
	};
}

interface PreparedCategory {
	definition: CategoryDefinition;
	values: CategoryValues;
}

/**
 * Reads `roles.categories` of a create or move request and checks every value, so nothing
 * is created when one value is wrong. v1 nests values by category ID, v2 is flat.
 */
export function prepareRoleCategories(context: RouteContext, nested: boolean): PreparedCategory[] {
	let roles = context.form.get('roles');
	if (typeof roles === 'string') {
		try {
			roles = JSON.parse(roles);
		} catch {
			throw errors.invalidParameter(
				'roles',
				roles,
				'Send roles as a JSON object inside the body parameter.',
			);
		}
	}
	if (roles === undefined || roles === null) return [];
	if (typeof roles !== 'object' || Array.isArray(roles)) {
		throw errors.invalidParameter('roles', JSON.stringify(roles), 'Send roles as a JSON object.');
	}
	const status = invalidEntryStatus(context);
	const byCategory = splitRoleCategories(
		(roles as Record<string, unknown>).categories,
		nested,
		status,
	);
	const prepared: PreparedCategory[] = [];
	for (const [id, input] of byCategory) {
		const definition = requireCategory(context.store, id);
		const values = applyInput(context.store, definition, defaultValues(definition), input, {
			invalidEntryStatus: status,
		});
		checkRequired(context.store, definition, values);
		prepared.push({ definition, values });
	}
	return prepared;
}

function checkNameFree(
	context: RouteContext,
	parent: NodeRecord,
	name: string,
	exceptId?: number,
): void {
	if (context.store.findChildByName(parent, name, exceptId))
		throw errors.nameClash(name, clashStatus(context));
}

/** Copies a node and, for containers, everything below it; BO references are not copied. */
export function copyTree(
	store: Store,
	source: NodeRecord,
	parent: NodeRecord,
	name: string,
	userId: number,
): NodeRecord {
	const copy = store.insertNode(
		{
			parentId: parent.id,
			type: source.type,
			name,
			description: source.description,
			url: source.url,
			originalId: source.originalId,
			versions: source.versions.map((version) => ({
				...version,
				versionId: store.allocateVersionId(),
				createDate: new Date(),
				ownerId: userId,
			})),
			categories: new Map(
				[...source.categories].map(([id, values]) => [
					id,
					{
						attributes: new Map([...values.attributes].map(([key, list]) => [key, [...list]])),
						sets: new Map(
							[...values.sets].map(([key, rows]) => [key, rows.map((row) => new Map(row))]),
						),
					},
				]),
			),
			workspace: source.workspace ? { ...source.workspace, references: [] } : undefined,
		},
		userId,
	);
	for (const child of store.children(source)) copyTree(store, child, copy, child.name, userId);
	return copy;
}

async function createNode(context: RouteContext) {
	const { store, form, user } = context;
	const nested = context.version === 1;

	const originalId = form.int('original_id');
	if (!form.has('type') && originalId !== undefined) {
		const source = store.requireNode(originalId, () => errors.itemNotAccessible(400));
		const parent = requireParentFor(store, form.int('parent_id', { required: true }) as number);
		const name = form.string('name') ?? source.name;
		validateName(name);
		checkNameFree(context, parent, name);
		if (store.isDescendantOf(parent, source.id)) throw errors.moveIntoItself(source.name);
		const categories = prepareRoleCategories(context, nested);
		const copy = copyTree(store, source, parent, name, user.id);
		for (const { definition, values } of categories) copy.categories.set(definition.id, values);
		return createdReply(context, copy);
	}

	const rawType = form.get('type');
	if (rawType === undefined || rawType === null || rawType === '')
		throw errors.missingParameter('type');
	const type = Number(rawType);
	if (!Number.isSafeInteger(type)) throw errors.subtypeNotRegistered(rawType);
	if (!(type in TYPE_NAMES)) throw errors.subtypeNotRegistered(type);
	const creatable: number[] = [SUBTYPE.folder, SUBTYPE.shortcut, SUBTYPE.url, SUBTYPE.document];
	if (!creatable.includes(type)) throw errors.cannotCreate(type);

	const parentId = form.int('parent_id', { required: true }) as number;
	const name = form.string('name', { required: true }) as string;
	const parent = requireParentFor(store, parentId);
	validateName(name);

	const fields: Partial<NodeRecord> = {
		description: form.string('description', { trim: false }) ?? '',
	};
	if (type === SUBTYPE.url) {
		fields.url = form.string('url', { required: true });
	}
	if (type === SUBTYPE.shortcut) {
		const target = form.int('original_id', { required: true }) as number;
		store.requireNode(target, () => errors.itemNotAccessible(400));
		fields.originalId = target;
	}
	const source =
		type === SUBTYPE.document
			? findVersionSource(store, context.files, form.string('upload_key'), user.id)
			: undefined;
	if (type === SUBTYPE.document && !source) throw errors.missingParameter('file');

	checkNameFree(context, parent, name);
	const categories = prepareRoleCategories(context, nested);

	if (source) {
		const version = await createVersion(store, source, {
			number: 1,
			fallbackName: name,
			description: form.string('version_description') ?? '',
			userId: user.id,
		});
		// Another request may have taken the name while the file was moved.
		if (store.findChildByName(parent, name)) {
			await rm(version.path, { force: true });
			throw errors.nameClash(name, clashStatus(context));
		}
		fields.versions = [version];
	}
	const node = store.insertNode({ ...fields, parentId: parent.id, type, name }, user.id);
	for (const { definition, values } of categories) node.categories.set(definition.id, values);
	return createdReply(context, node);
}

function createdReply(context: RouteContext, node: NodeRecord) {
	if (context.version === 1) return { json: { id: node.id } };
	return {
		json: v2Body(context, {
			results: { data: { properties: nodeProperties(context.store, node) } },
		}),
	};
}

function updateNode(context: RouteContext) {
	const { store, form, user } = context;
	const node = pathNode(context, () => errors.itemNotAccessible(400));

	const name = form.string('name');
	const description = form.get('description');
	const parentId = form.int('parent_id');
	if (name === undefined && description === undefined && parentId === undefined) {
		throw new ApiError(400, 'Nothing to update: send name, description or parent_id.');
	}

	let target = store.getNode(node.parentId);
	if (parentId !== undefined && parentId !== node.parentId) {
		if (VOLUME_TYPES.has(node.type)) throw errors.moveIntoItself(node.name);
		target = requireParentFor(store, parentId);
		if (store.isDescendantOf(target, node.id)) throw errors.moveIntoItself(node.name);
	}
	const newName = name ?? node.name;
	if (name !== undefined) validateName(name);
	if (target && (name !== undefined || target.id !== node.parentId))
		checkNameFree(context, target, newName, node.id);

	if (target && target.id !== node.parentId) store.moveNode(node, target, user.id);
	node.name = newName;
	if (description !== undefined) node.description = description === null ? '' : String(description);
	store.touch(node, user.id);

	if (context.version === 1) return { json: nodeV1(store, node) };
	return {
		json: v2Body(context, { results: { data: { properties: nodeProperties(store, node) } } }),
	};
}

/** Items the simulator's configuration depends on: category objects and workspace templates. */
function isConfiguration(store: Store, node: NodeRecord): boolean {
	return VOLUME_TYPES.has(node.type) || CONFIGURATION_VOLUMES.has(node.volumeId);
}

async function deleteNode(context: RouteContext) {
	const { store, user } = context;
	const node = pathNode(context, () => errors.itemNotAccessible(400));
	if (VOLUME_TYPES.has(node.type)) throw errors.cannotDeleteVolume(node.name);
	if (isConfiguration(store, node)) {
		throw new ApiError(
			400,
			`The item '${node.name}' belongs to the category or template configuration and cannot be deleted in the simulator. Reset the simulator to undo changes.`,
		);
	}
	for (const file of store.deleteNode(node, user.id)) await rm(file, { force: true });
	if (context.version === 1) return { json: {} };
	return { json: v2Body(context, { results: {} }) };
}

function ancestors(context: RouteContext) {
	const { store } = context;
	const node = pathNode(context, () => errors.itemNotAccessible(400));
	return {
		json: {
			ancestors: store.ancestors(node).map((item) => ({
				id: item.id,
				name: item.name,
				parent_id: VOLUME_TYPES.has(item.type) ? -1 : item.parentId,
				type: item.type,
				type_name: typeName(item.type),
				volume_id: -item.volumeId,
			})),
		},
	};
}

function validateNames(context: RouteContext) {
	const { store, form } = context;
	const parent = store.requireNode(form.int('parent_id', { required: true }) as number, () =>
		errors.itemNotAccessible(400),
	);
	const names = form.all('names').map((name) => String(name));
	if (names.length === 0) throw errors.missingParameter('names');
	const results: Array<{ id: number; name: string }> = [];
	for (const name of names) {
		const existing = store.findChildByName(parent, name);
		if (existing) results.push({ id: existing.id, name: existing.name });
	}
	return { json: { results } };
}

const VOLUME_IDS: Record<number, number> = {
	[SUBTYPE.enterpriseWorkspace]: 2000,
	[SUBTYPE.personalWorkspace]: 2004,
	[SUBTYPE.categoriesVolume]: 2006,
	[SUBTYPE.templatesVolume]: 2008,
};

function volumeByType(context: RouteContext): NodeRecord {
	const type = Number(context.path.type);
	const node = context.store.getNode(VOLUME_IDS[type] ?? NaN);
	if (!node) {
		throw new ApiError(
			400,
			`There is no volume of type ${context.path.type}. Volume types: ${Object.keys(VOLUME_IDS).join(', ')}.`,
		);
	}
	return node;
}

export function registerNodeRoutes(router: Router): void {
	for (const version of ['v1', 'v2']) {
		router.get(`/api/${version}/nodes/:id`, (context) => {
			const { store, query } = context;
			const node = pathNode(context, (id) => errors.nodeNotFound(id));
			if (node.workspace && node.type === SUBTYPE.businessWorkspace)
				store.noteWorkspaceAccess(context.user.id, node.id);
			if (context.version === 1) return { json: nodeV1(store, node) };
			const { data, metadata } = nodeDataV2(store, node, query);
			return { json: v2Body(context, { results: metadata ? { data, metadata } : { data } }) };
		});
		router.get(`/api/${version}/nodes/:id/nodes`, listChildren);
		router.post(`/api/${version}/nodes`, createNode);
		router.put(`/api/${version}/nodes/:id`, updateNode);
		router.delete(`/api/${version}/nodes/:id`, deleteNode, { allowEmpty: true });
		router.post(`/api/${version}/validation/nodes/names`, validateNames);
	}
	router.get('/api/v1/nodes/:id/ancestors', ancestors);

	router.get('/api/v2/volumes', (context) => {
		const volumes = [2000, 2004, 2006, 2008]
			.map((id) => context.store.getNode(id))
			.filter((node): node is NodeRecord => node !== undefined);
		return {
			json: v2Body(context, {
				results: volumes.map((node) => nodeDataV2(context.store, node, context.query)),
			}),
		};
	});
	router.get('/api/v2/volumes/:type', (context) => {
		const node = volumeByType(context);
		return { json: v2Body(context, { results: nodeDataV2(context.store, node, context.query) }) };
	});
	router.get('/api/v1/volumes/:type', (context) => ({
		json: nodeV1(context.store, volumeByType(context)),
	}));
}
