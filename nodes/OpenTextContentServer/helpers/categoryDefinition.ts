import type { IDataObject } from 'n8n-workflow';

import { ContentServerError } from '../transport/errors';
import type { ContentServerContext } from './context';
import { InputError } from './inputError';
import { resolveVolume } from './folders';
import { getNode, SUBTYPE } from './nodes';

export type AttributeType =
	'string' | 'integer' | 'real' | 'date' | 'boolean' | 'user' | 'set' | 'other';

export interface AttributeDefinition {
	/** Key of a top-level attribute (`9830_2`) or of a set (`9830_7`). */
	key: string;
	/** Attribute ID within the category, e.g. 2 in `9830_2`. */
	id: number;
	name: string;
	type: AttributeType;
	multiValue: boolean;
	maxValues?: number;
	maxLength?: number;
	required: boolean;
	readOnly: boolean;
	/** Allowed values of a text attribute with a pick list. */
	validValues?: string[];
	/** For an attribute inside a set: the set. */
	set?: { key: string; id: number; name: string; multiRow: boolean };
}

export interface CategoryDefinition {
	id: number;
	name: string;
	/** Top-level attributes and sets, then the attributes inside sets, in server order. */
	attributes: AttributeDefinition[];
}

/** Label of an attribute inside a set, as the node's dropdowns show it: "Set / Attribute". */
export function setAttributeLabel(attribute: AttributeDefinition): string {
	return attribute.set ? `${attribute.set.name} / ${attribute.name}` : attribute.name;
}

const KEY = /^(\d+)_(\d+)(?:_(?:x|\d+)_(\d+))?$/;

interface SchemaProperty {
	title?: string;
	type?: string;
	format?: string;
	required?: boolean;
	readonly?: boolean;
	maxLength?: number;
	maxItems?: number;
	enum?: unknown[];
	items?: SchemaProperty & { properties?: Record<string, SchemaProperty> };
	properties?: Record<string, SchemaProperty>;
}

interface FieldOptions {
	type?: string;
	label?: string;
	fields?: Record<string, FieldOptions>;
	items?: { type?: string; fields?: Record<string, FieldOptions> };
}

function typeFromSchema(schema: SchemaProperty, options: FieldOptions | undefined): AttributeType {
	const optionType = (options?.type ?? options?.items?.type ?? '').toLowerCase();
	const schemaType = (schema.type ?? '').toLowerCase();
	const itemType = (schema.items?.type ?? '').toLowerCase();
	const formType = schemaType === 'array' ? itemType : schemaType;

	if (/user|member/.test(optionType) || /user|member/.test(formType)) return 'user';
	if (formType === 'date' || schema.format === 'date' || /date/.test(optionType)) return 'date';
	if (formType === 'integer') return 'integer';
	if (formType === 'number') return 'real';
	if (formType === 'boolean' || optionType === 'checkbox') return 'boolean';
	if (formType === 'string') return 'string';
	return 'other';
}

/**
 * Reads the attributes of category `categoryId` from Alpaca form responses, as
 * `GET /api/v1/forms/nodes/properties/specific` and `…/forms/nodes/categories/create`
 * return them: `forms[].schema.properties` keyed `{category}_{attribute}`, where a
 * multi-row set is an array of objects and a single-row set an object.
 */
export function parseFormDefinition(categoryId: number, body: IDataObject): AttributeDefinition[] {
	const forms = Array.isArray(body.forms) ? (body.forms as IDataObject[]) : [];
	const attributes: AttributeDefinition[] = [];
	const seen = new Set<string>();

	for (const form of forms) {
		const schema = (form.schema as IDataObject | undefined)?.properties as
			Record<string, SchemaProperty> | undefined;
		const fields = ((form.options as IDataObject | undefined)?.fields ?? {}) as Record<
			string,
			FieldOptions
		>;
		if (!schema) continue;

		for (const [key, property] of Object.entries(schema)) {
			const match = KEY.exec(key);
			if (!match || Number(match[1]) !== categoryId || match[3] !== undefined) continue;
			const id = Number(match[2]);
			// `{category}_1` stands for the category itself and carries no value.
			if (id === 1 || seen.has(key) || !property.title) continue;
			seen.add(key);

			const setProperties =
				property.type === 'object'
					? property.properties
					: property.type === 'array'
						? property.items?.properties
						: undefined;
			if (setProperties) {
				const set = { key, id, name: property.title, multiRow: property.type === 'array' };
				attributes.push({
					key,
					id,
					name: property.title,
					type: 'set',
					multiValue: set.multiRow,
					maxValues: property.maxItems,
					required: property.required === true,
					readOnly: property.readonly === true,
				});
				const childOptions = fields[key]?.fields ?? fields[key]?.items?.fields ?? {};
				for (const [childKey, child] of Object.entries(setProperties)) {
					const childMatch = KEY.exec(childKey);
					const childId = Number(childMatch?.[3] ?? childMatch?.[2]);
					if (!childMatch || !Number.isInteger(childId) || !child.title) continue;
					attributes.push(
						toAttribute(`${key}_${childId}`, childId, child, childOptions[childKey], set),
					);
				}
				continue;
			}
			attributes.push(toAttribute(key, id, property, fields[key]));
		}
	}
	return attributes;
}

function toAttribute(
	key: string,
	id: number,
	property: SchemaProperty,
	options: FieldOptions | undefined,
	set?: AttributeDefinition['set'],
): AttributeDefinition {
	const multiValue = property.type === 'array';
	const valueSchema = multiValue ? (property.items ?? {}) : property;
	const validValues = (valueSchema.enum ?? property.enum)?.map(String);
	return {
		key,
		id,
		name: property.title as string,
		type: typeFromSchema(property, options),
		multiValue,
		maxValues: multiValue ? property.maxItems : undefined,
		maxLength: valueSchema.maxLength,
		required: property.required === true,
		readOnly: property.readonly === true,
		validValues: validValues && validValues.length > 0 ? validValues : undefined,
		set,
	};
}

const TYPE_NAMES: Record<string, AttributeType> = {
	string: 'string',
	'string: popup': 'string',
	text: 'string',
	'text: popup': 'string',
	'text: multiline': 'string',
	integer: 'integer',
	'integer: popup': 'integer',
	real: 'real',
	date: 'date',
	'date: popup': 'date',
	boolean: 'boolean',
	checkbox: 'boolean',
	flag: 'boolean',
	user: 'user',
	'user field': 'user',
	assoc: 'set',
	set: 'set',
};

/**
 * Reads the attributes of category `categoryId` from the `metadata.categories` block that
 * `GET /api/v2/nodes/{id}/categories?metadata` returns for an applied category.
 */
export function parseMetadataDefinition(
	categoryId: number,
	metadata: Record<string, IDataObject>,
): { name?: string; attributes: AttributeDefinition[] } {
	const attributes: AttributeDefinition[] = [];
	const sets = new Map<string, AttributeDefinition>();
	let name: string | undefined;

	const entries = Object.entries(metadata).sort(([a], [b]) => compareKeys(a, b));
	for (const [key, entry] of entries) {
		if (key === String(categoryId)) {
			name = entry.name as string | undefined;
			continue;
		}
		const match = KEY.exec(key);
		if (!match || Number(match[1]) !== categoryId || Number(match[2]) === 1) continue;

		const typeName = String(entry.type_name ?? '').toLowerCase();
		const isSet = entry.persona === 'set' || TYPE_NAMES[typeName] === 'set';
		const definition: AttributeDefinition = {
			key,
			id: Number(match[3] ?? match[2]),
			name: String(entry.name ?? key),
			type: isSet ? 'set' : (TYPE_NAMES[typeName] ?? (/user/.test(typeName) ? 'user' : 'other')),
			multiValue: entry.multi_value === true,
			maxValues: numberOrUndefined(entry.multi_value_length_max),
			maxLength: numberOrUndefined(entry.max_length),
			required: entry.required === true,
			readOnly: entry.read_only === true,
			validValues: Array.isArray(entry.valid_values) ? entry.valid_values.map(String) : undefined,
		};

		if (match[3] !== undefined) {
			const setKey = `${match[1]}_${match[2]}`;
			const set = sets.get(setKey);
			if (!set) continue;
			definition.key = `${setKey}_${definition.id}`;
			definition.set = { key: setKey, id: set.id, name: set.name, multiRow: set.multiValue };
		} else if (isSet) {
			sets.set(key, definition);
		}
		attributes.push(definition);
	}
	return { name, attributes };
}

function numberOrUndefined(value: unknown): number | undefined {
	const number = Number(value);
	return value !== undefined && value !== null && Number.isFinite(number) ? number : undefined;
}

function compareKeys(a: string, b: string): number {
	const left = a.split('_').map((part) => (part === 'x' ? 0 : Number(part)));
	const right = b.split('_').map((part) => (part === 'x' ? 0 : Number(part)));
	for (let index = 0; index < Math.max(left.length, right.length); index++) {
		const difference = (left[index] ?? -1) - (right[index] ?? -1);
		if (difference !== 0) return difference;
	}
	return 0;
}

/**
 * Fetches the definition of a category once per execution. It reads the form of the
 * category object (`/api/v1/forms/nodes/properties/specific`) and falls back to the
 * form for applying the category (`/api/v1/forms/nodes/categories/create`).
 */
export async function getCategoryDefinition(
	context: ContentServerContext,
	categoryId: number,
): Promise<CategoryDefinition> {
	return await context.cached(context.categories, categoryId, async () => {
		const { properties } = await getNode(context, categoryId);
		if (properties.type !== SUBTYPE.category) {
			throw new InputError(
				`Node ${categoryId} ("${properties.name}") is a ${String(properties.type_name ?? properties.type)}, not a category`,
				'Pick a category from the list, or enter the ID of a category object.',
			);
		}

		// A server without the category object's form responds with an HTTP error. The form for
		// applying the category then gives the same schema.
		let attributes: AttributeDefinition[] = [];
		let failure: unknown;
		try {
			attributes = parseFormDefinition(
				categoryId,
				await context.session.request({
					method: 'GET',
					path: '/api/v1/forms/nodes/properties/specific',
					qs: { id: categoryId },
				}),
			);
		} catch (error) {
			failure = error;
		}
		if (
			failure !== undefined &&
			!(failure instanceof ContentServerError && failure.kind === 'http')
		) {
			throw failure;
		}

		if (attributes.length === 0) {
			const enterpriseId = await resolveVolume(context, 'Enterprise');
			attributes = parseFormDefinition(
				categoryId,
				await context.session.request({
					method: 'GET',
					path: '/api/v1/forms/nodes/categories/create',
					qs: { id: enterpriseId, category_id: categoryId },
				}),
			);
		}

		return { id: categoryId, name: properties.name, attributes };
	});
}
