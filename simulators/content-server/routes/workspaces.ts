/**
 * Extended ECM business workspaces: types with templates, the create form, create (only
 * through `body`), list and find, lookup by business object, read, business object
 * references, and related workspaces in both directions.
 */
import { applyInput, checkRequired, defaultValues, requireCategory } from '../categories';
import { validateName } from '../documents';
import { ApiError, errors } from '../errors';
import type { Params } from '../http/params';
import { Params as ParamsClass, readPaging } from '../http/params';
import type { Reply, RouteContext, Router } from '../http/router';
import type {
	BusinessObjectReference,
	CategoryDefinition,
	CategoryValues,
	NodeRecord,
	WorkspaceTypeRecord,
} from '../model';
import { SUBTYPE } from '../model';
import { categoryForm, categoryMetadata, flatValues } from '../representations/categories';
import type { FieldSelection } from '../representations/node';
import {
	nodeProperties,
	pageOf,
	pagingBlock,
	parseFields,
	pickKeys,
} from '../representations/node';
import type { ExternalSystem, Store } from '../store';
import { requireParentFor } from '../store';
import { clashStatus, v2Body } from './common';
import { copyTree } from './nodes';

const TEMPLATES_VOLUME = 2008;

function isWorkspace(node: NodeRecord): boolean {
	return (
		node.type === SUBTYPE.businessWorkspace &&
		node.workspace !== undefined &&
		node.volumeId !== TEMPLATES_VOLUME
	);
}

function isTemplate(node: NodeRecord): boolean {
	return (
		node.type === SUBTYPE.businessWorkspace &&
		node.workspace !== undefined &&
		node.volumeId === TEMPLATES_VOLUME
	);
}

function workspaceIcon(typeId: number): string {
	return `/appimg/ot_bws/icons/${typeId}.svg`;
}

// Workspace types.

function typeProperties(
	store: Store,
	type: WorkspaceTypeRecord,
	withTemplates: boolean,
): Record<string, unknown> {
	const properties: Record<string, unknown> = {
		wksp_type_id: type.id,
		wksp_type_name: type.name,
		wksp_type_names: { en: type.name },
		wksp_descriptions: { en: '' },
		wksp_icon: `otsapxecm/wksp_${type.boType}.png`,
		widget_icon: { url: workspaceIcon(type.id) },
		rm_enabled: false,
		wksp_creation_enabled: true,
		wksp_copy_enabled: true,
		wksp_creation: {
			location: 'StaticNodeId',
			location_value: String(type.locationId),
			directly_open_created_wksp: true,
			use_also_for_manual_creation: true,
		},
		relations: [],
	};
	if (withTemplates) {
		properties.templates = type.templateIds
			.map((id) => store.getNode(id))
			.filter((node): node is NodeRecord => node !== undefined)
			.map((node) => ({ id: node.id, name: node.name, subtype: SUBTYPE.businessWorkspace }));
	}
	return properties;
}

function listWorkspaceTypes(context: RouteContext): Reply {
	const { store, query } = context;
	const extSystemId = query.string('ext_system_id');
	const boType = query.string('bo_type');
	if ((extSystemId === undefined) !== (boType === undefined)) {
		throw new ApiError(
			400,
			'The parameters ext_system_id and bo_type must be given together, or neither of them.',
		);
	}
	const withTemplates = query.flag('expand_templates');
	const withInfo = query.flag('expand_wksp_info');
	const types = [...store.workspaceTypes.values()].filter(
		(type) =>
			extSystemId === undefined ||
			(type.extSystemId.toLowerCase() === extSystemId.toLowerCase() &&
				type.boType.toLowerCase() === String(boType).toLowerCase()),
	);
	const inUse = (type: WorkspaceTypeRecord) =>
		[...store.nodes.values()].some(
			(node) => isWorkspace(node) && node.workspace?.typeId === type.id,
		);
	return {
		json: v2Body(context, {
			results: types.map((type) => {
				const data: Record<string, unknown> = {
					properties: typeProperties(store, type, withTemplates),
				};
				if (withInfo) {
					data.wksp_info = {
						in_use: inUse(type),
						indexing_status: 'UpToDate',
						wksp_type_icon: workspaceIcon(type.id),
					};
				}
				return { data };
			}),
		}),
	};
}

function requireTemplate(
	store: Store,
	raw: unknown,
): { template: NodeRecord; type: WorkspaceTypeRecord } {
	const id = Number(raw);
	const template = Number.isSafeInteger(id) ? store.getNode(id) : undefined;
	const type = template?.workspace
		? store.workspaceTypes.get(template.workspace.typeId)
		: undefined;
	if (!template || !isTemplate(template) || !type) {
		throw new ApiError(
			400,
			`'${String(raw)}' is not a business workspace template. GET /api/v2/businessworkspacetypes?expand_templates=true lists the templates.`,
		);
	}
	return { template, type };
}

function createForm(context: RouteContext): Reply {
	const { store, query } = context;
	const templateId = query.get('template_id');
	if (templateId === undefined || templateId === '') throw errors.missingParameter('template_id');
	const { template, type } = requireTemplate(store, templateId);
	const parentId = query.int('parent_id') ?? type.locationId;

	const forms: Array<Record<string, unknown>> = [
		{
			role_name: 'general',
			data: {
				name: '',
				description: '',
				parent_id: parentId,
				type: SUBTYPE.businessWorkspace,
				template_id: template.id,
				wksp_type_id: type.id,
				ext_system_id: query.string('ext_system_id') ?? null,
				bo_type: query.string('bo_type') ?? null,
				bo_id: query.string('bo_id') ?? null,
			},
			options: {
				fields: {
					name: { label: 'Name', type: 'text' },
					description: { label: 'Description', type: 'textarea' },
				},
			},
			schema: {
				type: 'object',
				properties: {
					name: { title: 'Name', type: 'string', required: true, maxLength: 248 },
					description: { title: 'Description', type: 'string', required: false },
				},
			},
		},
	];
	const category =
		type.categoryId !== undefined ? store.categories.get(type.categoryId) : undefined;
	if (category) {
		const form = categoryForm(category, undefined);
		forms.push({
			role_name: 'categories',
			data: { [String(category.id)]: form.data },
			options: { fields: { [String(category.id)]: { label: category.name, fields: form.fields } } },
			schema: {
				type: 'object',
				properties: {
					[String(category.id)]: {
						title: category.name,
						type: 'object',
						properties: form.schemaProperties,
					},
				},
			},
		});
	}
	return { json: { forms } };
}

// Business objects.

function requireExternalSystem(store: Store, id: string): ExternalSystem {
	const system = [...store.externalSystems.values()].find(
		(item) => item.id.toLowerCase() === id.toLowerCase(),
	);
	if (!system) {
		throw new ApiError(
			400,
			`The external system '${id}' does not exist. Configured external systems: ${[...store.externalSystems.keys()].join(', ')}.`,
		);
	}
	return system;
}

function checkBoType(
	store: Store,
	system: ExternalSystem,
	boType: string,
	type?: WorkspaceTypeRecord,
): void {
	const known = system.boTypes.find((item) => item.boType.toLowerCase() === boType.toLowerCase());
	if (!known) {
		throw new ApiError(
			400,
			`The business object type '${boType}' does not exist in external system '${system.id}'. Types: ${system.boTypes.map((item) => item.boType).join(', ')}.`,
		);
	}
	if (type && type.boType.toLowerCase() !== boType.toLowerCase()) {
		throw new ApiError(
			400,
			`The business object type '${boType}' is not configured for the workspace type '${type.name}', which takes '${type.boType}'.`,
		);
	}
}

function readReference(params: Params, required: boolean): BusinessObjectReference | undefined {
	const extSystemId = params.string('ext_system_id');
	const boType = params.string('bo_type');
	const boId = params.string('bo_id');
	const given = [extSystemId, boType, boId].filter((value) => value !== undefined).length;
	if (given === 0 && !required) return undefined;
	if (given !== 3) {
		if (required) {
			if (extSystemId === undefined) throw errors.missingParameter('ext_system_id');
			if (boType === undefined) throw errors.missingParameter('bo_type');
			throw errors.missingParameter('bo_id');
		}
		throw new ApiError(
			400,
			'Send ext_system_id, bo_type and bo_id together to connect a business object.',
		);
	}
	return { extSystemId: extSystemId as string, boType: boType as string, boId: boId as string };
}

function checkReferenceFree(
	store: Store,
	reference: BusinessObjectReference,
	exceptId?: number,
): void {
	const existing = store.findWorkspaceByReference(
		reference.extSystemId,
		reference.boType,
		reference.boId,
	);
	if (existing && existing.id !== exceptId) {
		throw new ApiError(
			400,
			`The business object '${reference.boId}' of type '${reference.boType}' in '${reference.extSystemId}' already exists: it is assigned to the business workspace '${existing.name}' (ID ${existing.id}).`,
		);
	}
}

// Workspace responses.

function businessProperties(store: Store, node: NodeRecord): Record<string, unknown> {
	const type = node.workspace ? store.workspaceTypes.get(node.workspace.typeId) : undefined;
	const reference = node.workspace?.references[0];
	const base: Record<string, unknown> = {
		workspace_type_id: type?.id ?? null,
		workspace_type_name: type?.name ?? null,
		workspace_type_widget_icon_content: type ? workspaceIcon(type.id) : null,
		isEarly: false,
	};
	if (!reference) return base;
	const system = store.externalSystems.get(reference.extSystemId.toUpperCase());
	const boType = system?.boTypes.find(
		(item) => item.boType.toLowerCase() === reference.boType.toLowerCase(),
	);
	return {
		...base,
		business_object_id: reference.boId,
		business_object_type: reference.boType,
		business_object_type_id: boType?.id ?? null,
		business_object_type_name: boType?.name ?? reference.boType,
		external_system_id: reference.extSystemId,
		external_system_name: system?.name ?? reference.extSystemId,
		has_default_display: false,
		has_default_search: false,
	};
}

function workspaceReferences(store: Store, node: NodeRecord): Array<Record<string, unknown>> {
	return (node.workspace?.references ?? []).map((reference) => {
		const system = store.externalSystems.get(reference.extSystemId.toUpperCase());
		const boType = system?.boTypes.find(
			(item) => item.boType.toLowerCase() === reference.boType.toLowerCase(),
		);
		return {
			business_object_id: reference.boId,
			business_object_type: reference.boType,
			business_object_type_id: boType?.id ?? null,
			external_system_id: reference.extSystemId,
			has_default_display: false,
			has_default_search: false,
			workspace_type_id: node.workspace?.typeId ?? null,
		};
	});
}

function workspaceActions(node: NodeRecord): Record<string, unknown> {
	return {
		data: {
			open: {
				body: '',
				content_type: '',
				form_href: '',
				href: `/api/v2/nodes/${node.id}/nodes`,
				method: 'GET',
				name: 'Open',
			},
		},
		map: { default_action: 'open' },
		order: ['open'],
	};
}

function workspaceListItem(
	store: Store,
	node: NodeRecord,
	query: Params,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	const selection = parseFields(query)?.get('properties');
	const properties = { ...nodeProperties(store, node, 'local'), ...extra };
	return {
		actions: workspaceActions(node),
		data: { properties: pickKeys(properties, selection?.keys) },
	};
}

function listBody(
	context: RouteContext,
	items: NodeRecord[],
	itemOf: (node: NodeRecord) => Record<string, unknown>,
): Record<string, unknown> {
	const { store, query } = context;
	const { page, limit } = readPaging(query, store.settings.maxPageSize, store.settings.maxPageSize);
	const paging = pagingBlock({ page, limit, total: items.length, href: context.href });
	delete paging.links;
	const body: Record<string, unknown> = {
		paging,
		results: pageOf(items, page, limit).map(itemOf),
		wksp_info: { wksp_type_icon: null },
	};
	if (query.flag('metadata')) {
		body.meta_data = {
			properties: {
				name: { align: 'left', name: 'Name', persona: '', sort: true, type: -1, width_weight: 100 },
				modify_date: {
					align: 'left',
					name: 'Modified',
					persona: '',
					sort: true,
					type: -7,
					width_weight: 50,
				},
			},
		};
		body.meta_data_order = ['name', 'modify_date'];
	}
	return v2Body(context, body);
}

function sortWorkspaces(items: NodeRecord[], sort: string | undefined): NodeRecord[] {
	const match = /^(asc_|desc_)?(.+)$/.exec((sort ?? 'asc_name').toLowerCase()) as RegExpExecArray;
	const direction = match[1] === 'desc_' ? -1 : 1;
	const keyOf = (node: NodeRecord): string | number => {
		if (match[2] === 'create_date') return node.createDate.getTime();
		if (match[2] === 'modify_date') return node.modifyDate.getTime();
		if (match[2] === 'id') return node.id;
		return node.name.toLowerCase();
	};
	return [...items].sort((left, right) => {
		const a = keyOf(left);
		const b = keyOf(right);
		if (a < b) return -direction;
		if (a > b) return direction;
		return left.id - right.id;
	});
}

function matchesName(name: string, filter: string): boolean {
	const lower = name.toLowerCase();
	if (filter.startsWith('contains_'))
		return lower.includes(filter.slice('contains_'.length).toLowerCase());
	if (filter.startsWith('startswith_'))
		return lower.startsWith(filter.slice('startswith_'.length).toLowerCase());
	return lower === filter.toLowerCase();
}

function listWorkspaces(context: RouteContext): Reply {
	const { store, query, user } = context;
	// Without expanded_view=true the list holds only the user's recently opened workspaces.
	let items = query.flag('expanded_view')
		? [...store.nodes.values()].filter(isWorkspace)
		: (store.recentWorkspaces.get(user.id) ?? [])
				.map((id) => store.getNode(id))
				.filter((node): node is NodeRecord => node !== undefined && isWorkspace(node));

	const typeId = query.int('where_workspace_type_id');
	if (typeId !== undefined) items = items.filter((node) => node.workspace?.typeId === typeId);
	const typeName = query.string('where_workspace_type_name');
	if (typeName !== undefined) {
		// Content Server matches the type name as a prefix ("Product" also finds "Product Version").
		items = items.filter((node) => {
			const type = node.workspace ? store.workspaceTypes.get(node.workspace.typeId) : undefined;
			return type !== undefined && type.name.toLowerCase().startsWith(typeName.toLowerCase());
		});
	}
	const extSystemId = query.string('where_ext_system_id');
	const boType = query.string('where_bo_type');
	const boId = query.string('where_bo_id');
	if (extSystemId !== undefined || boType !== undefined || boId !== undefined) {
		items = items.filter((node) =>
			(node.workspace?.references ?? []).some(
				(reference) =>
					(extSystemId === undefined ||
						reference.extSystemId.toLowerCase() === extSystemId.toLowerCase()) &&
					(boType === undefined || reference.boType.toLowerCase() === boType.toLowerCase()) &&
					(boId === undefined || reference.boId === boId),
			),
		);
	}
	const name = query.string('where_name', { trim: false });
	if (name !== undefined) items = items.filter((node) => matchesName(node.name, name));

	items = sortWorkspaces(items, query.string('sort'));
	return { json: listBody(context, items, (node) => workspaceListItem(store, node, query)) };
}

function byBusinessObject(context: RouteContext): Reply {
	const { store, query } = context;
	const system = requireExternalSystem(store, context.path.system);
	checkBoType(store, system, context.path.boType);
	const node = store.findWorkspaceByReference(system.id, context.path.boType, context.path.boId);
	if (!node) {
		throw new ApiError(
			400,
			`Business workspace not found for business object '${context.path.boId}' of type '${context.path.boType}' in external system '${system.id}'.`,
		);
	}
	return { json: listBody(context, [node], (item) => workspaceListItem(store, item, query)) };
}

function requireWorkspace(context: RouteContext): NodeRecord {
	const raw = context.path.id;
	const node = context.store.requireNode(/^\d+$/.test(raw) ? Number(raw) : NaN, () =>
		errors.nodeNotFound(raw),
	);
	if (!isWorkspace(node))
		throw new ApiError(400, `The node ${node.id} ('${node.name}') is not a business workspace.`);
	return node;
}

function readWorkspace(context: RouteContext): Reply {
	const { store, query, user } = context;
	const node = requireWorkspace(context);
	store.noteWorkspaceAccess(user.id, node.id);
	const fields: Map<string, FieldSelection> =
		parseFields(query) ??
		new Map(
			['properties', 'business_properties', 'workspace_references', 'wksp_info'].map((key) => [
				key,
				{},
			]),
		);

	const data: Record<string, unknown> = {};
	const properties = fields.get('properties');
	if (properties) data.properties = pickKeys(nodeProperties(store, node, 'local'), properties.keys);
	if (fields.has('business_properties')) data.business_properties = businessProperties(store, node);
	if (fields.has('workspace_references'))
		data.workspace_references = workspaceReferences(store, node);
	if (fields.has('display_urls')) data.display_urls = [];
	if (fields.has('wksp_info'))
		data.wksp_info = {
			wksp_type_icon: node.workspace ? workspaceIcon(node.workspace.typeId) : null,
		};
	const categories = [...node.categories].map(([id, values]) => ({
		definition: store.categories.get(id),
		values,
	}));
	if (fields.has('categories')) {
		data.categories = categories.map(({ definition, values }) =>
			definition ? flatValues(definition, values) : {},
		);
	}

	const item: Record<string, unknown> = { actions: workspaceActions(node), data };
	if (query.flag('metadata') && fields.has('categories')) {
		const metadata: Record<string, unknown> = {};
		for (const { definition } of categories)
			if (definition) Object.assign(metadata, categoryMetadata(definition));
		item.metadata = { categories: metadata };
		item.metadata_order = {
			categories: categories.map(({ definition }) => String(definition?.id)),
		};
	}
	return { json: listBody(context, [node], () => item) };
}

async function createWorkspace(context: RouteContext): Promise<Reply> {
	const { store, user } = context;
	// Workspace creation reads only the `body` JSON; plain form fields are not used.
	if (!context.bodyJson) throw errors.missingParameter('body');
	const body = new ParamsClass(context.bodyJson);

	let templateRaw = body.get('template_id');
	const typeId = body.int('wksp_type_id');
	const reference = readReference(body, false);
	if (templateRaw === undefined || templateRaw === null || templateRaw === '') {
		const type =
			typeId !== undefined
				? store.workspaceTypes.get(typeId)
				: reference
					? [...store.workspaceTypes.values()].find(
							(item) =>
								item.extSystemId.toLowerCase() === reference.extSystemId.toLowerCase() &&
								item.boType.toLowerCase() === reference.boType.toLowerCase(),
						)
					: undefined;
		if (!type || type.templateIds.length !== 1) throw errors.missingParameter('template_id');
		templateRaw = type.templateIds[0];
	}
	const { template, type } = requireTemplate(store, templateRaw);
	if (typeId !== undefined && typeId !== type.id) {
		throw new ApiError(
			400,
			`The template ${template.id} belongs to workspace type ${type.id} ('${type.name}'), not to ${typeId}.`,
		);
	}
	if (reference) {
		checkBoType(store, requireExternalSystem(store, reference.extSystemId), reference.boType, type);
		checkReferenceFree(store, reference);
	}

	const name = body.string('name') ?? (reference ? `${type.name} ${reference.boId}` : undefined);
	if (name === undefined) throw errors.missingParameter('name');
	validateName(name);
	const parentId = body.int('parent_id') ?? type.locationId;
	const parent = requireParentFor(store, parentId);
	if (store.findChildByName(parent, name)) throw errors.nameClash(name, clashStatus(context));

	const categories = workspaceCategories(context, body, type);

	const node = store.insertNode(
		{
			parentId: parent.id,
			type: SUBTYPE.businessWorkspace,
			name,
			description: body.string('description', { trim: false }) ?? '',
			workspace: {
				typeId: type.id,
				templateId: template.id,
				references: reference ? [reference] : [],
			},
		},
		user.id,
	);
	for (const { definition, values } of categories) node.categories.set(definition.id, values);
	for (const child of store.children(template)) copyTree(store, child, node, child.name, user.id);
	store.noteWorkspaceAccess(user.id, node.id);
	return {
		json: v2Body(context, { results: { id: node.id, direct_open: true, sub_folder_id: 0 } }),
	};
}

/** Categories of a new workspace: the type's category plus `roles.categories`, nested by category ID. */
function workspaceCategories(
	context: RouteContext,
	body: Params,
	type: WorkspaceTypeRecord,
): Array<{ definition: CategoryDefinition; values: CategoryValues }> {
	const { store } = context;
	const roles = body.get('roles');
	const given =
		typeof roles === 'object' && roles !== null && !Array.isArray(roles)
			? ((roles as Record<string, unknown>).categories as Record<string, unknown> | undefined)
			: undefined;
	const inputs = new Map<number, Record<string, unknown>>();
	if (type.categoryId !== undefined) inputs.set(type.categoryId, {});
	for (const [key, value] of Object.entries(given ?? {})) {
		if (!/^\d+$/.test(key) || typeof value !== 'object' || value === null || Array.isArray(value)) {
			throw errors.invalidAttributeEntry(500, key);
		}
		inputs.set(Number(key), value as Record<string, unknown>);
	}
	return [...inputs].map(([id, input]) => {
		const definition = requireCategory(store, id);
		const values = applyInput(store, definition, defaultValues(definition), input, {
			invalidEntryStatus: 500,
		});
		checkRequired(store, definition, values);
		return { definition, values };
	});
}

function putReference(context: RouteContext): Reply {
	const { store, form, user } = context;
	const node = requireWorkspace(context);
	const reference = readReference(form, true) as BusinessObjectReference;
	const type = store.workspaceTypes.get(node.workspace?.typeId ?? -1);
	checkBoType(store, requireExternalSystem(store, reference.extSystemId), reference.boType, type);
	checkReferenceFree(store, reference, node.id);
	const references = (node.workspace?.references ?? []).filter(
		(item) =>
			!(
				item.extSystemId.toLowerCase() === reference.extSystemId.toLowerCase() &&
				item.boType.toLowerCase() === reference.boType.toLowerCase()
			),
	);
	references.push(reference);
	if (node.workspace) node.workspace.references = references;
	store.touch(node, user.id);
	return { json: v2Body(context, { results: {} }) };
}

function deleteReference(context: RouteContext): Reply {
	const { store, form, user } = context;
	const node = requireWorkspace(context);
	const reference = readReference(form, true) as BusinessObjectReference;
	const references = node.workspace?.references ?? [];
	const index = references.findIndex(
		(item) =>
			item.extSystemId.toLowerCase() === reference.extSystemId.toLowerCase() &&
			item.boType.toLowerCase() === reference.boType.toLowerCase() &&
			item.boId === reference.boId,
	);
	if (index < 0) {
		throw new ApiError(
			400,
			`The business workspace '${node.name}' has no reference to business object '${reference.boId}' of type '${reference.boType}' in '${reference.extSystemId}'.`,
		);
	}
	references.splice(index, 1);
	store.touch(node, user.id);
	return { json: v2Body(context, { results: {} }) };
}

function relationType(value: string | undefined, name: string): 'child' | 'parent' {
	const type = (value ?? 'child').toLowerCase();
	if (type !== 'child' && type !== 'parent')
		throw errors.invalidParameter(name, value, 'Use child or parent.');
	return type;
}

function addRelation(context: RouteContext): Reply {
	const { store, form } = context;
	const node = requireWorkspace(context);
	const relatedId = form.int('rel_bw_id', { required: true }) as number;
	const related = store.requireNode(relatedId, () => errors.nodeNotFound(relatedId));
	if (!isWorkspace(related))
		throw new ApiError(
			400,
			`The node ${related.id} ('${related.name}') is not a business workspace.`,
		);
	if (related.id === node.id)
		throw new ApiError(400, 'A business workspace cannot be related to itself.');
	const type = relationType(form.string('rel_type'), 'rel_type');
	const edge =
		type === 'child'
			? { parentId: node.id, childId: related.id }
			: { parentId: related.id, childId: node.id };
	if (
		store.relations.some((item) => item.parentId === edge.parentId && item.childId === edge.childId)
	) {
		throw new ApiError(
			400,
			`The relationship already exists: '${related.name}' is already a ${type} of '${node.name}'.`,
		);
	}
	store.relations.push(edge);
	return { json: v2Body(context, { results: {} }) };
}

function listRelations(context: RouteContext): Reply {
	const { store, query } = context;
	const node = requireWorkspace(context);
	let types: Array<'child' | 'parent'> = ['child', 'parent'];
	const single = query.string('where_relationtype');
	if (single !== undefined) types = [relationType(single, 'where_relationtype')];
	const several = query.string('where_rel_types');
	if (several !== undefined)
		types = (several.match(/child|parent/gi) ?? []).map(
			(item) => item.toLowerCase() as 'child' | 'parent',
		);

	const related: Array<{ node: NodeRecord; type: 'child' | 'parent' }> = [];
	for (const relation of store.relations) {
		if (types.includes('child') && relation.parentId === node.id) {
			const child = store.getNode(relation.childId);
			if (child) related.push({ node: child, type: 'child' });
		}
		if (types.includes('parent') && relation.childId === node.id) {
			const parent = store.getNode(relation.parentId);
			if (parent) related.push({ node: parent, type: 'parent' });
		}
	}
	const name = query.string('where_name');
	const typeId = query.int('where_workspace_type_id');
	const filtered = related.filter(
		(entry) =>
			(name === undefined || entry.node.name.toLowerCase().startsWith(name.toLowerCase())) &&
			(typeId === undefined || entry.node.workspace?.typeId === typeId),
	);
	const sorted = sortWorkspaces(
		filtered.map((entry) => entry.node),
		query.string('sort'),
	);
	const typeOf = new Map(filtered.map((entry) => [entry.node.id, entry.type]));
	return {
		json: listBody(context, sorted, (item) =>
			workspaceListItem(store, item, query, { rel_type: typeOf.get(item.id) }),
		),
	};
}

function deleteRelation(context: RouteContext): Reply {
	const { store, form } = context;
	const node = requireWorkspace(context);
	const relatedId = /^\d+$/.test(context.path.relatedId) ? Number(context.path.relatedId) : NaN;
	const type = relationType(form.string('rel_type'), 'rel_type');
	const edge =
		type === 'child'
			? { parentId: node.id, childId: relatedId }
			: { parentId: relatedId, childId: node.id };
	const index = store.relations.findIndex(
		(item) => item.parentId === edge.parentId && item.childId === edge.childId,
	);
	if (index < 0) {
		throw new ApiError(
			400,
			`The relationship does not exist: node ${context.path.relatedId} is not a ${type} of '${node.name}'.`,
		);
	}
	store.relations.splice(index, 1);
	return { json: v2Body(context, { results: {} }) };
}

export function registerWorkspaceRoutes(router: Router): void {
	router.get('/api/v2/businessworkspacetypes', listWorkspaceTypes);
	router.get('/api/v2/forms/businessworkspaces/create', createForm);
	router.get('/api/v2/businessworkspaces', listWorkspaces);
	router.post('/api/v2/businessworkspaces', createWorkspace);
	router.get('/api/v2/businessworkspaces/:id', readWorkspace);
	router.put('/api/v2/businessworkspaces/:id/workspacereferences', putReference);
	router.delete('/api/v2/businessworkspaces/:id/workspacereferences', deleteReference, {
		allowEmpty: true,
	});
	router.post('/api/v2/businessworkspaces/:id/relateditems', addRelation);
	router.get('/api/v2/businessworkspaces/:id/relateditems', listRelations);
	router.delete('/api/v2/businessworkspaces/:id/relateditems/:relatedId', deleteRelation, {
		allowEmpty: true,
	});
	router.get('/api/v2/externalsystems/:system/botypes/:boType/boids/:boId', byBusinessObject);
}
