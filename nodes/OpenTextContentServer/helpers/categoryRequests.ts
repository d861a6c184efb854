import type { IDataObject } from 'n8n-workflow';

import { ContentServerError } from '../transport/errors';
import { readResults } from '../transport/paging';
import type { AttributeDefinition } from './categoryDefinition';
import { parseMetadataDefinition } from './categoryDefinition';
import type { CategoryInput } from './categoryInput';
import type { ContentServerContext } from './context';
import { createWithRecovery } from './nodes';

/** Returns whether the server reports that the category is not applied to the node. */
export function isNotApplied(error: unknown): boolean {
	if (!(error instanceof ContentServerError) || error.kind !== 'http') return false;
	return (
		/not a category on node|not applied/i.test(error.serverMessage ?? '') || error.status === 404
	);
}

/** Returns whether the server reports that the category is applied to the node already. */
function isAlreadyApplied(error: unknown): boolean {
	return error instanceof ContentServerError && error.nameClash;
}

/** Sets attribute values of a category that is applied (`PUT …/categories/{category}`). */
export async function updateCategoryValues(
	context: ContentServerContext,
	nodeId: number,
	input: CategoryInput,
): Promise<void> {
	await context.session.request({
		method: 'PUT',
		path: `/api/v2/nodes/${nodeId}/categories/${input.categoryId}`,
		form: { body: JSON.stringify(input.values) },
	});
}

/**
 * Applies a category with values (`POST …/categories`; one category per call). After a
 * transient failure it checks whether the category got applied before sending it again.
 */
export async function applyCategory(
	context: ContentServerContext,
	nodeId: number,
	input: CategoryInput,
): Promise<void> {
	await createWithRecovery(
		context,
		async () => {
			await context.session.request({
				method: 'POST',
				path: `/api/v2/nodes/${nodeId}/categories`,
				form: { body: JSON.stringify({ category_id: input.categoryId, ...input.values }) },
				idempotent: false,
			});
			return true;
		},
		async () => {
			const applied = await getAppliedCategories(context, nodeId);
			if (!applied.some((category) => category.id === input.categoryId)) return undefined;
			if (Object.keys(input.values).length > 0) await updateCategoryValues(context, nodeId, input);
			return true;
		},
		`apply category ${input.categoryId} to ${nodeId}`,
	);
}

/** Applies the category, or sets its values if it is applied already. */
export async function upsertCategory(
	context: ContentServerContext,
	nodeId: number,
	input: CategoryInput,
): Promise<'applied' | 'updated'> {
	let failure: unknown;
	try {
		await applyCategory(context, nodeId, input);
		return 'applied';
	} catch (error) {
		failure = error;
	}
	if (!isAlreadyApplied(failure)) throw failure;
	await updateCategoryValues(context, nodeId, input);
	return 'updated';
}

/** Sets the values of the category, applying it first if it is not applied yet. */
export async function updateOrApplyCategory(
	context: ContentServerContext,
	nodeId: number,
	input: CategoryInput,
	applyIfMissing: boolean,
): Promise<'applied' | 'updated'> {
	let failure: unknown;
	try {
		await updateCategoryValues(context, nodeId, input);
		return 'updated';
	} catch (error) {
		failure = error;
	}
	if (!applyIfMissing || !isNotApplied(failure)) throw failure;
	await applyCategory(context, nodeId, input);
	return 'applied';
}

export interface AppliedCategory {
	id: number;
	name: string;
	/** Values keyed `{category}_{attribute}` as the server returned them. */
	values: IDataObject;
	attributes: AttributeDefinition[];
}

/** Lists the categories applied to a node, with values and definitions (`GET …/categories?metadata`). */
export async function getAppliedCategories(
	context: ContentServerContext,
	nodeId: number,
): Promise<AppliedCategory[]> {
	const body = await context.session.request({
		method: 'GET',
		path: `/api/v2/nodes/${nodeId}/categories`,
		qs: { metadata: 'true' },
	});

	const applied: AppliedCategory[] = [];
	for (const result of readResults(body)) {
		const values = ((result.data as IDataObject | undefined)?.categories ?? {}) as IDataObject;
		const metadata = ((result.metadata as IDataObject | undefined)?.categories ?? {}) as Record<
			string,
			IDataObject
		>;
		const ids = new Set<number>();
		for (const key of [...Object.keys(values), ...Object.keys(metadata)]) {
			const match = /^(\d+)/.exec(key);
			if (match) ids.add(Number(match[1]));
		}
		for (const id of ids) {
			const definition = parseMetadataDefinition(id, metadata);
			const own: IDataObject = {};
			for (const [key, value] of Object.entries(values)) {
				if (key.startsWith(`${id}_`)) own[key] = value;
			}
			applied.push({
				id,
				name: definition.name ?? String(id),
				values: own,
				attributes: definition.attributes,
			});
		}
	}
	return applied;
}

/**
 * Returns the values of an applied category keyed by attribute name. A set becomes a
 * list of rows, each row an object keyed by the names of the attributes in the set.
 */
export function valuesByName(category: AppliedCategory): IDataObject {
	const byName: IDataObject = {};
	const sets = new Map<string, IDataObject[]>();

	for (const attribute of category.attributes) {
		if (attribute.type === 'set') {
			const rows: IDataObject[] = [];
			sets.set(attribute.key, rows);
			byName[attribute.name] = rows;
		} else if (!attribute.set && attribute.key in category.values) {
			byName[attribute.name] = category.values[attribute.key];
		}
	}

	for (const [key, value] of Object.entries(category.values)) {
		const match = /^(\d+_\d+)_(\d+)_(\d+)$/.exec(key);
		if (!match) continue;
		const rows = sets.get(match[1]);
		const attribute = category.attributes.find(
			(candidate) => candidate.set?.key === match[1] && candidate.id === Number(match[3]),
		);
		if (!rows || !attribute) continue;
		const rowIndex = Number(match[2]) - 1;
		while (rows.length <= rowIndex) rows.push({});
		rows[rowIndex][attribute.name] = value;
	}
	return byName;
}

/** Removes a category from a node. A retry that finds it gone counts as success. */
export async function removeCategory(
	context: ContentServerContext,
	nodeId: number,
	categoryId: number,
): Promise<void> {
	let failure: unknown;
	try {
		await context.session.request({
			method: 'DELETE',
			path: `/api/v2/nodes/${nodeId}/categories/${categoryId}`,
			idempotent: true,
		});
		return;
	} catch (error) {
		failure = error;
	}
	const removedByEarlierAttempt =
		failure instanceof ContentServerError && failure.transientRetries > 0 && isNotApplied(failure);
	if (!removedByEarlierAttempt) throw failure;
}
