import type { IDataObject } from 'n8n-workflow';

import { ContentServerError } from '../transport/errors';
import { collectPages, readPageLimit, readPageTotal, readResults } from '../transport/paging';
import type { ContentServerContext } from './context';
import { InputError } from './inputError';
import type { NodeProperties } from './nodes';
import { createWithRecovery, getNode, readProperties } from './nodes';

export interface WorkspaceTemplate {
	id: number;
	name: string;
}

export interface WorkspaceType {
	id: number;
	name: string;
	templates: WorkspaceTemplate[];
}

/** A business object in an external system, e.g. order 1001 of type Order in SHOPIFY. */
export interface BusinessObject {
	system: string;
	type: string;
	id: string;
}

/** Lists the business workspace types with their templates. */
export async function listWorkspaceTypes(context: ContentServerContext): Promise<WorkspaceType[]> {
	const body = await context.session.request({
		method: 'GET',
		path: '/api/v2/businessworkspacetypes',
		qs: { expand_templates: 'true', expand_wksp_info: 'true' },
	});
	return readResults(body)
		.map(
			(result) => (result.data as IDataObject | undefined)?.properties as IDataObject | undefined,
		)
		.filter((properties): properties is IDataObject => properties !== undefined)
		.map((properties) => ({
			id: Number(properties.wksp_type_id ?? properties.id),
			name: String(properties.wksp_type_name ?? properties.name ?? ''),
			templates: (Array.isArray(properties.templates)
				? (properties.templates as IDataObject[])
				: []
			).map((template) => ({
				id: Number(template.id),
				name: String(template.name ?? template.id),
			})),
		}))
		.filter((type) => Number.isInteger(type.id));
}

/** Returns the ID of the workspace type with this name (ignoring letter case). */
export async function resolveWorkspaceTypeByName(
	context: ContentServerContext,
	name: string,
): Promise<number> {
	const types = await listWorkspaceTypes(context);
	const wanted = name.trim().toLowerCase();
	const match = types.find((type) => type.name.toLowerCase() === wanted);
	if (!match) {
		throw new InputError(
			`No business workspace type is named "${name}"`,
			`Use one of: ${types.map((type) => `"${type.name}"`).join(', ') || 'no types are configured'}.`,
		);
	}
	return match.id;
}

function readWorkspaceList(body: IDataObject): NodeProperties[] {
	return readResults(body)
		.map((result) => readProperties(result))
		.filter((properties): properties is NodeProperties => properties !== undefined);
}

/**
 * Finds the workspace of a business object with
 * `GET /api/v2/externalsystems/{system}/botypes/{type}/boids/{id}`. Content Server
 * returns an empty list or a "not found" error for an unknown business object.
 */
export async function findWorkspaceByBusinessObject(
	context: ContentServerContext,
	businessObject: BusinessObject,
): Promise<NodeProperties | undefined> {
	const path = `/api/v2/externalsystems/${encodeURIComponent(businessObject.system)}/botypes/${encodeURIComponent(businessObject.type)}/boids/${encodeURIComponent(businessObject.id)}`;
	let body: IDataObject | undefined;
	let failure: unknown;
	try {
		body = await context.session.request({ method: 'GET', path });
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		if (failure instanceof ContentServerError && failure.notFound) return undefined;
		throw failure;
	}
	return readWorkspaceList(body as IDataObject)[0];
}

export interface CreateWorkspaceFields {
	typeId: number;
	templateId: number;
	/** Name of the workspace; without one Content Server names it after the type and business object. */
	name?: string;
	description?: string;
	parentId?: number;
	businessObject?: BusinessObject;
	/** Category values nested by category ID, as workspace creation expects them. */
	categories?: Record<string, IDataObject>;
}

/**
 * Creates a business workspace with `POST /api/v2/businessworkspaces`. After a
 * transient failure it checks for the workspace (by business object when one is given)
 * before sending the create again.
 */
export async function createWorkspace(
	context: ContentServerContext,
	fields: CreateWorkspaceFields,
	findExisting: () => Promise<NodeProperties | undefined>,
): Promise<NodeProperties> {
	const body: IDataObject = {
		type: 848,
		template_id: fields.templateId,
		wksp_type_id: fields.typeId,
	};
	if (fields.name) body.name = fields.name;
	if (fields.description) body.description = fields.description;
	if (fields.parentId !== undefined) body.parent_id = fields.parentId;
	if (fields.businessObject) {
		body.ext_system_id = fields.businessObject.system;
		body.bo_type = fields.businessObject.type;
		body.bo_id = fields.businessObject.id;
	}
	if (fields.categories && Object.keys(fields.categories).length > 0) {
		body.roles = { categories: fields.categories };
	}

	return await createWithRecovery(
		context,
		async () => {
			const response = await context.session.request({
				method: 'POST',
				path: '/api/v2/businessworkspaces',
				form: { body: JSON.stringify(body) },
				idempotent: false,
			});
			const results = response.results as IDataObject | undefined;
			const id = Number(results?.id ?? readProperties(results)?.id);
			if (!Number.isInteger(id)) {
				throw new ContentServerError({
					kind: 'http',
					method: 'POST',
					path: '/api/v2/businessworkspaces',
					status: 200,
					message: 'Content Server confirmed the workspace creation but returned no workspace ID',
				});
			}
			return (await getNode(context, id)).properties;
		},
		findExisting,
		`create business workspace "${fields.name ?? 'without name'}" of type ${fields.typeId}`,
	);
}

/** Lists the workspaces related to a workspace, optionally only children or parents. */
export async function listRelatedWorkspaces(
	context: ContentServerContext,
	workspaceId: number,
	relationType: string | undefined,
	limit?: number,
): Promise<NodeProperties[]> {
	return await collectPages(async (page, pageSize) => {
		const qs: IDataObject = { page, limit: pageSize };
		if (relationType) qs.where_relationtype = relationType;
		const body = await context.session.request({
			method: 'GET',
			path: `/api/v2/businessworkspaces/${workspaceId}/relateditems`,
			qs,
		});
		return {
			items: readWorkspaceList(body),
			pageTotal: readPageTotal(body),
			pageLimit: readPageLimit(body),
		};
	}, limit);
}

/** Lists workspaces whose name contains `filter`, for the workspace picker. */
export async function listWorkspacesByName(
	context: ContentServerContext,
	filter: string | undefined,
	page: number,
	pageSize: number,
): Promise<{ items: NodeProperties[]; pageTotal?: number; pageLimit?: number }> {
	const qs: IDataObject = { expanded_view: 'true', page, limit: pageSize, sort: 'asc_name' };
	if (filter && filter.trim() !== '') qs.where_name = `contains_${filter.trim()}`;
	const body = await context.session.request({
		method: 'GET',
		path: '/api/v2/businessworkspaces',
		qs,
	});
	return {
		items: readWorkspaceList(body),
		pageTotal: readPageTotal(body),
		pageLimit: readPageLimit(body),
	};
}
