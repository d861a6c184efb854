/**
 * Categories on nodes (apply, update, get, remove; v1 and v2 paths; plain fields or `body`)
 * and the forms routes that describe category definitions.
 */
import { applyInput, checkRequired, defaultValues, requireCategory } from '../categories';
import { ApiError, errors } from '../errors';
import type { Reply, RouteContext, Router } from '../http/router';
import type { CategoryDefinition, NodeRecord } from '../model';
import { SUBTYPE, VOLUME_TYPES } from '../model';
import {
	categoryForm,
	categoryMetadata,
	flatValues,
	metadataOrder,
} from '../representations/categories';
import { typeName } from '../representations/node';
import { invalidEntryStatus, pathNode, v2Body } from './common';

/** Form keys that look like attribute keys (`{digits}_...`); other parameters are ignored. */
function attributeInput(context: RouteContext): Record<string, unknown> {
	const input: Record<string, unknown> = {};
	for (const key of context.form.keys()) {
		if (/^\d+_/.test(key)) input[key] = context.form.values[key];
	}
	return input;
}

function appliedCategory(context: RouteContext, node: NodeRecord): CategoryDefinition {
	const raw = context.path.category;
	const id = /^\d+$/.test(raw) ? Number(raw) : NaN;
	const definition = context.store.categories.get(id);
	if (!definition || !node.categories.has(id)) {
		throw errors.categoryNotOnNode(raw, node.id);
	}
	return definition;
}

function canHoldCategories(node: NodeRecord): void {
	if (
		VOLUME_TYPES.has(node.type) ||
		node.type === SUBTYPE.category ||
		node.type === SUBTYPE.categoryFolder
	) {
		throw new ApiError(
			400,
			`Categories cannot be applied to the ${typeName(node.type)} '${node.name}'.`,
		);
	}
}

function categoryResult(
	context: RouteContext,
	definition: CategoryDefinition,
	node: NodeRecord,
): Record<string, unknown> {
	const values = node.categories.get(definition.id) ?? defaultValues(definition);
	const result: Record<string, unknown> = { data: { categories: flatValues(definition, values) } };
	if (context.query.flag('metadata')) {
		result.metadata = { categories: categoryMetadata(definition) };
		result.metadata_map = { categories: { [String(definition.id)]: metadataOrder(definition) } };
		result.metadata_order = { categories: [String(definition.id)] };
	}
	return result;
}

function listCategories(context: RouteContext): Reply {
	const { store } = context;
	const node = pathNode(context);
	const applied = [...node.categories.keys()]
		.map((id) => store.categories.get(id))
		.filter((definition): definition is CategoryDefinition => definition !== undefined);

	if (context.version === 1) {
		return {
			json: {
				data: applied.map((definition) => ({ id: definition.id, name: definition.name })),
				definitions: {},
				definitions_map: {},
				definitions_order: [],
			},
		};
	}
	return {
		json: v2Body(context, {
			results: applied.map((definition) => categoryResult(context, definition, node)),
		}),
	};
}

function getCategory(context: RouteContext): Reply {
	const node = pathNode(context);
	const definition = appliedCategory(context, node);
	if (context.version === 1) {
		return {
			json: {
				data: flatValues(
					definition,
					node.categories.get(definition.id) ?? defaultValues(definition),
				),
				definitions: categoryMetadata(definition),
				definitions_map: { [String(definition.id)]: metadataOrder(definition) },
				definitions_order: metadataOrder(definition),
			},
		};
	}
	return { json: v2Body(context, { results: categoryResult(context, definition, node) }) };
}

function changedReply(context: RouteContext): Reply {
	return context.version === 1 ? { json: {} } : { json: v2Body(context, { results: {} }) };
}

function applyCategory(context: RouteContext): Reply {
	const { store, form, user } = context;
	const node = pathNode(context);
	canHoldCategories(node);
	const categoryId = form.get('category_id');
	if (categoryId === undefined || categoryId === '') throw errors.missingParameter('category_id');
	const definition = requireCategory(store, categoryId);
	if (node.categories.has(definition.id)) throw errors.categoryAlreadyApplied(definition.name);

	const values = applyInput(store, definition, defaultValues(definition), attributeInput(context), {
		invalidEntryStatus: invalidEntryStatus(context),
	});
	checkRequired(store, definition, values);
	node.categories.set(definition.id, values);
	store.touch(node, user.id);
	return changedReply(context);
}

function updateCategory(context: RouteContext): Reply {
	const { store, user } = context;
	const node = pathNode(context);
	const definition = appliedCategory(context, node);
	const values = applyInput(
		store,
		definition,
		node.categories.get(definition.id) ?? defaultValues(definition),
		attributeInput(context),
		{
			invalidEntryStatus: invalidEntryStatus(context),
		},
	);
	checkRequired(store, definition, values);
	node.categories.set(definition.id, values);
	store.touch(node, user.id);
	return changedReply(context);
}

function removeCategory(context: RouteContext): Reply {
	const { store, user } = context;
	const node = pathNode(context);
	const definition = appliedCategory(context, node);
	node.categories.delete(definition.id);
	store.touch(node, user.id);
	return changedReply(context);
}

/** Returns the category of a forms request, or throws the documented "has no version" error. */
function formCategory(context: RouteContext, id: unknown): CategoryDefinition {
	const number = Number(id);
	const definition = Number.isSafeInteger(number)
		? context.store.categories.get(number)
		: undefined;
	if (!definition) throw errors.categoryHasNoVersion(id);
	return definition;
}

function formsBody(
	definition: CategoryDefinition,
	nodeId: number,
	form: ReturnType<typeof categoryForm>,
	method: 'POST' | 'PUT',
): Record<string, unknown> {
	return {
		forms: [
			{
				role_name: 'categories',
				data: form.data,
				options: {
					fields: form.fields,
					form: {
						attributes: {
							action:
								method === 'POST'
									? `api/v1/nodes/${nodeId}/categories`
									: `api/v1/nodes/${nodeId}/categories/${definition.id}`,
							method,
						},
						renderForm: true,
					},
				},
				schema: { properties: form.schemaProperties, title: definition.name, type: 'object' },
			},
		],
	};
}

function requireQueryNode(context: RouteContext, name: string): NodeRecord {
	const id = context.query.int(name, { required: true }) as number;
	return context.store.requireNode(id, () => errors.nodeNotFound(id));
}

export function registerCategoryRoutes(router: Router): void {
	for (const version of ['v1', 'v2']) {
		router.get(`/api/${version}/nodes/:id/categories`, listCategories);
		router.get(`/api/${version}/nodes/:id/categories/:category`, getCategory);
		router.post(`/api/${version}/nodes/:id/categories`, applyCategory);
		router.put(`/api/${version}/nodes/:id/categories/:category`, updateCategory);
		router.delete(`/api/${version}/nodes/:id/categories/:category`, removeCategory, {
			allowEmpty: true,
		});
	}

	router.get('/api/v1/forms/nodes/categories/create', (context) => {
		const node = requireQueryNode(context, 'id');
		const definition = formCategory(context, context.query.get('category_id') ?? '');
		const form = categoryForm(definition, undefined);
		form.data = { category_id: definition.id, ...form.data };
		return { json: formsBody(definition, node.id, form, 'POST') };
	});

	router.get('/api/v1/forms/nodes/categories/update', (context) => {
		const node = requireQueryNode(context, 'id');
		const definition = formCategory(context, context.query.get('category_id') ?? '');
		const values = node.categories.get(definition.id);
		if (!values) throw errors.categoryNotOnNode(definition.id, node.id);
		const form = categoryForm(definition, values);
		form.data = { [`${definition.id}_1`]: { metadata_token: String(node.revision) }, ...form.data };
		return { json: formsBody(definition, node.id, form, 'PUT') };
	});

	router.get('/api/v1/forms/nodes/properties/specific', (context) => {
		const node = requireQueryNode(context, 'id');
		const definition = context.store.categories.get(node.id);
		if (node.type !== SUBTYPE.category || !definition) {
			return {
				json: {
					forms: [
						{ data: {}, options: { fields: {} }, schema: { properties: {}, type: 'object' } },
					],
				},
			};
		}
		return { json: formsBody(definition, node.id, categoryForm(definition, undefined), 'PUT') };
	});
}
