/**
 * Category responses: values keyed `{cat}_{attr}` and `{cat}_{set}_{row}_{attr}`, the
 * `metadata` definitions (`_x_` in place of the row), and Alpaca forms as the forms
 * routes return them.
 */
import type {
	AttributeDefinition,
	AttributeKind,
	CategoryDefinition,
	CategoryValues,
	Scalar,
	SetDefinition,
} from '../model';
import { isSet } from '../model';

/** Data type codes and names of Content Server attributes (User: the simulator's choice). */
const TYPE_CODES: Record<AttributeKind, { type: number; typeName: string }> = {
	string: { type: -1, typeName: 'String' },
	text: { type: -1, typeName: 'String' },
	integer: { type: 2, typeName: 'Integer' },
	real: { type: -4, typeName: 'Real' },
	date: { type: -7, typeName: 'Date' },
	boolean: { type: 5, typeName: 'Boolean' },
	user: { type: 14, typeName: 'User' },
};

/** Dates come back as `YYYY-MM-DDT00:00:00`, without a zone. */
function outputScalar(attribute: AttributeDefinition, value: Scalar): Scalar {
	return attribute.kind === 'date' ? `${String(value)}T00:00:00` : value;
}

function outputValue(attribute: AttributeDefinition, list: Scalar[] | undefined): unknown {
	const values = (list ?? []).map((value) => outputScalar(attribute, value));
	return attribute.multiValue ? values : (values[0] ?? null);
}

/** Values of one category as `data.categories` shows them. */
export function flatValues(
	definition: CategoryDefinition,
	values: CategoryValues,
): Record<string, unknown> {
	const flat: Record<string, unknown> = {};
	for (const item of definition.items) {
		if (isSet(item)) {
			const rows = values.sets.get(item.id) ?? [];
			rows.forEach((row, index) => {
				for (const attribute of item.attributes) {
					flat[`${definition.id}_${item.id}_${index + 1}_${attribute.id}`] = outputValue(
						attribute,
						row.get(attribute.id),
					);
				}
			});
		} else {
			flat[`${definition.id}_${item.id}`] = outputValue(item, values.attributes.get(item.id));
		}
	}
	return flat;
}

function attributeMetadata(key: string, attribute: AttributeDefinition): Record<string, unknown> {
	const { type, typeName } = TYPE_CODES[attribute.kind];
	const entry: Record<string, unknown> = {
		key,
		name: attribute.name,
		persona: attribute.kind === 'user' ? 'user' : '',
		type,
		type_name: typeName,
		required: attribute.required,
		multi_value: attribute.multiValue,
		hidden: false,
		read_only: false,
		default_value:
			attribute.defaultValue !== undefined ? outputScalar(attribute, attribute.defaultValue) : null,
	};
	if (attribute.multiValue) {
		entry.multi_value_length_default = 1;
		entry.multi_value_length_max = attribute.maxValues;
	}
	if (attribute.kind === 'string' || attribute.kind === 'text') {
		entry.max_length = attribute.maxLength ?? null;
		entry.multiline = attribute.kind === 'text';
	}
	if (attribute.kind === 'date') entry.include_time = false;
	if (attribute.validValues) {
		entry.valid_values = attribute.validValues.map((value) => outputScalar(attribute, value));
	}
	return entry;
}

function setMetadata(key: string, set: SetDefinition): Record<string, unknown> {
	return {
		key,
		name: set.name,
		persona: 'set',
		type: -18,
		type_name: 'Assoc',
		required: false,
		multi_value: true,
		multi_value_length_default: 1,
		multi_value_length_max: set.maxRows,
		hidden: false,
		read_only: false,
	};
}

/** `metadata.categories` entries of one category: the category, its attributes and sets. */
export function categoryMetadata(definition: CategoryDefinition): Record<string, unknown> {
	const metadata: Record<string, unknown> = {
		[String(definition.id)]: {
			key: String(definition.id),
			name: definition.name,
			persona: 'category',
			read_only: true,
			hidden: false,
			next_id: nextAttributeId(definition),
		},
	};
	for (const item of definition.items) {
		const key = `${definition.id}_${item.id}`;
		if (isSet(item)) {
			metadata[key] = setMetadata(key, item);
			for (const attribute of item.attributes) {
				const childKey = `${definition.id}_${item.id}_x_${attribute.id}`;
				metadata[childKey] = attributeMetadata(childKey, attribute);
			}
		} else {
			metadata[key] = attributeMetadata(key, item);
		}
	}
	return metadata;
}

function nextAttributeId(definition: CategoryDefinition): number {
	let max = 1;
	for (const item of definition.items) {
		max = Math.max(max, item.id);
		if (isSet(item)) for (const attribute of item.attributes) max = Math.max(max, attribute.id);
	}
	return max + 1;
}

/** Keys of the category's top-level attributes and sets, in definition order. */
export function metadataOrder(definition: CategoryDefinition): string[] {
	return definition.items.map((item) => `${definition.id}_${item.id}`);
}

const SCHEMA_TYPES: Record<AttributeKind, string> = {
	string: 'string',
	text: 'string',
	integer: 'integer',
	real: 'number',
	date: 'date',
	boolean: 'boolean',
	user: 'integer',
};

const FIELD_TYPES: Record<AttributeKind, string> = {
	string: 'text',
	text: 'textarea',
	integer: 'integer',
	real: 'number',
	date: 'date',
	boolean: 'checkbox',
	user: 'otcs_user_picker',
};

function valueSchema(attribute: AttributeDefinition): Record<string, unknown> {
	const schema: Record<string, unknown> = { type: SCHEMA_TYPES[attribute.kind] };
	if (attribute.maxLength !== undefined) schema.maxLength = attribute.maxLength;
	if (attribute.validValues) {
		schema.enum = attribute.validValues.map((value) => outputScalar(attribute, value));
	}
	return schema;
}

function attributeSchema(attribute: AttributeDefinition): Record<string, unknown> {
	const base = { title: attribute.name, required: attribute.required, readonly: false };
	if (attribute.multiValue) {
		return { ...base, type: 'array', maxItems: attribute.maxValues, items: valueSchema(attribute) };
	}
	return { ...base, ...valueSchema(attribute) };
}

function attributeOptions(attribute: AttributeDefinition): Record<string, unknown> {
	const fieldType = attribute.validValues ? 'select' : FIELD_TYPES[attribute.kind];
	const options: Record<string, unknown> = { label: attribute.name, readonly: false };
	if (attribute.multiValue) {
		options.items = { type: attribute.kind === 'user' ? FIELD_TYPES.user : fieldType };
	} else {
		options.type = attribute.kind === 'user' ? FIELD_TYPES.user : fieldType;
	}
	return options;
}

/** `schema.properties`, `options.fields` and `data` of a category form. */
export function categoryForm(
	definition: CategoryDefinition,
	values: CategoryValues | undefined,
): {
	data: Record<string, unknown>;
	schemaProperties: Record<string, unknown>;
	fields: Record<string, unknown>;
} {
	const data: Record<string, unknown> = {};
	const schemaProperties: Record<string, unknown> = {};
	const fields: Record<string, unknown> = {};

	for (const item of definition.items) {
		const key = `${definition.id}_${item.id}`;
		if (isSet(item)) {
			const childSchema: Record<string, unknown> = {};
			const childFields: Record<string, unknown> = {};
			for (const attribute of item.attributes) {
				const childKey = `${key}_x_${attribute.id}`;
				childSchema[childKey] = attributeSchema(attribute);
				childFields[childKey] = attributeOptions(attribute);
			}
			schemaProperties[key] = {
				title: item.name,
				type: 'array',
				maxItems: item.maxRows,
				required: false,
				readonly: false,
				items: { type: 'object', properties: childSchema },
			};
			fields[key] = { label: item.name, items: { fields: childFields } };
			const rows = values?.sets.get(item.id) ?? [];
			data[key] = rows.map((row) => {
				const rowData: Record<string, unknown> = {};
				for (const attribute of item.attributes) {
					rowData[`${key}_x_${attribute.id}`] = outputValue(attribute, row.get(attribute.id));
				}
				return rowData;
			});
		} else {
			schemaProperties[key] = attributeSchema(item);
			fields[key] = attributeOptions(item);
			const stored = values?.attributes.get(item.id);
			const fallback = item.defaultValue !== undefined ? [item.defaultValue] : [];
			data[key] = outputValue(item, values ? stored : fallback);
		}
	}
	return { data, schemaProperties, fields };
}
