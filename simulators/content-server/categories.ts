/**
 * Category values: parsing attribute keys, converting and checking input values, and
 * applying them to the values stored on a node.
 *
 * Keys: `{cat}_{attr}` for an attribute, `{cat}_{set}_{row}_{attr}` for a set cell (rows
 * from 1), `{cat}_{set}_{row}` with an empty value to delete a row, and `{cat}_1` for the
 * category itself (it carries no value, e.g. `{}` or a `metadata_token`).
 */
import { ApiError, errors } from './errors';
import type {
	AttributeDefinition,
	CategoryDefinition,
	CategoryValues,
	Scalar,
	SetDefinition,
} from './model';
import { isSet } from './model';
import type { Store } from './store';

export function emptyValues(): CategoryValues {
	return { attributes: new Map(), sets: new Map() };
}

export function cloneValues(values: CategoryValues): CategoryValues {
	return {
		attributes: new Map([...values.attributes].map(([id, list]) => [id, [...list]])),
		sets: new Map(
			[...values.sets].map(([id, rows]) => [
				id,
				rows.map((row) => new Map([...row].map(([attr, list]) => [attr, [...list]]))),
			]),
		),
	};
}

/** Values of a newly applied category: each attribute's default, and no set rows. */
export function defaultValues(definition: CategoryDefinition): CategoryValues {
	const values = emptyValues();
	for (const item of definition.items) {
		if (isSet(item)) {
			values.sets.set(item.id, []);
		} else {
			values.attributes.set(item.id, item.defaultValue !== undefined ? [item.defaultValue] : []);
		}
	}
	return values;
}

export function findItem(
	definition: CategoryDefinition,
	id: number,
): AttributeDefinition | SetDefinition | undefined {
	return definition.items.find((item) => item.id === id);
}

/** Finds an attribute by ID, also inside sets; attribute IDs are unique within a category. */
export function findAttributeAnywhere(
	definition: CategoryDefinition,
	id: number,
): { attribute: AttributeDefinition; set?: SetDefinition } | undefined {
	for (const item of definition.items) {
		if (isSet(item)) {
			const attribute = item.attributes.find((child) => child.id === id);
			if (attribute) return { attribute, set: item };
		} else if (item.id === id) {
			return { attribute: item };
		}
	}
	return undefined;
}

const VALUE_HINTS: Record<AttributeDefinition['kind'], string> = {
	string: 'Send text.',
	text: 'Send text.',
	integer: 'Send a whole number, e.g. 42.',
	real: 'Send a number, e.g. 19.99.',
	date: 'Send a date as YYYY-MM-DD or an ISO 8601 timestamp, e.g. 2026-03-31.',
	boolean: 'Send true or false.',
	user: 'Send the numeric ID of an existing user, e.g. 1000.',
};

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** Converts one input value to the stored form, or throws a message naming attribute and value. */
export function convertScalar(
	store: Store,
	category: CategoryDefinition,
	attribute: AttributeDefinition,
	value: unknown,
): Scalar {
	const invalid = (expected = VALUE_HINTS[attribute.kind]) =>
		errors.invalidAttributeValue(attribute.name, category.name, value, expected);
	let converted: Scalar;

	switch (attribute.kind) {
		case 'string':
		case 'text': {
			if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
				throw invalid();
			}
			converted = String(value);
			if (attribute.maxLength !== undefined && converted.length > attribute.maxLength) {
				throw invalid(
					`The value has ${converted.length} characters; the attribute allows at most ${attribute.maxLength}.`,
				);
			}
			break;
		}
		case 'integer': {
			const number =
				typeof value === 'number'
					? value
					: /^\s*-?\d+\s*$/.test(String(value))
						? Number(value)
						: NaN;
			if (typeof value === 'boolean' || !Number.isSafeInteger(number)) throw invalid();
			converted = number;
			break;
		}
		case 'real': {
			const number =
				typeof value === 'number'
					? value
					: /^\s*-?\d+(\.\d+)?\s*$/.test(String(value))
						? Number(value)
						: NaN;
			if (typeof value === 'boolean' || !Number.isFinite(number)) throw invalid();
			converted = number;
			break;
		}
		case 'date': {
			const date = parseDateInput(value);
			if (!date) throw invalid();
			converted = date;
			break;
		}
		case 'boolean': {
			const text = String(value).trim().toLowerCase();
			if (value === true || text === 'true' || text === '1') converted = true;
			else if (value === false || text === 'false' || text === '0') converted = false;
			else throw invalid();
			break;
		}
		case 'user': {
			const id =
				typeof value === 'number' ? value : /^\s*\d+\s*$/.test(String(value)) ? Number(value) : NaN;
			if (typeof value === 'boolean' || !Number.isSafeInteger(id)) throw invalid();
			const user = store.users.get(id);
			if (!user || user.type === 1) {
				throw invalid(
					`No user has the ID ${id}. Send the numeric ID of an existing user, e.g. 1000.`,
				);
			}
			converted = id;
			break;
		}
	}

	if (attribute.validValues && !attribute.validValues.some((allowed) => allowed === converted)) {
		throw invalid(
			`Valid values: ${attribute.validValues.map((allowed) => String(allowed)).join(', ')}.`,
		);
	}
	return converted;
}

/** Accepts `YYYY-MM-DD` or an ISO 8601 timestamp and returns the calendar date `YYYY-MM-DD`. */
export function parseDateInput(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const match =
		/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
			value.trim(),
		);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
		return undefined;
	}
	return `${match[1]}-${match[2]}-${match[3]}`;
}

/** Converts the input for one attribute to its list of values; empty input clears it. */
export function convertValues(
	store: Store,
	category: CategoryDefinition,
	attribute: AttributeDefinition,
	value: unknown,
): Scalar[] {
	if (Array.isArray(value)) {
		if (!attribute.multiValue) {
			throw errors.invalidAttributeValue(
				attribute.name,
				category.name,
				value,
				'The attribute takes a single value; send one value instead of a list.',
			);
		}
		// Empty entries are the blank slots that forms send for unused positions.
		const values = value
			.filter((entry) => !isEmpty(entry))
			.map((entry) => convertScalar(store, category, attribute, entry));
		if (values.length > attribute.maxValues) {
			throw errors.invalidAttributeValue(
				attribute.name,
				category.name,
				value,
				`The attribute takes at most ${attribute.maxValues} values.`,
			);
		}
		return values;
	}
	if (isEmpty(value)) return [];
	return [convertScalar(store, category, attribute, value)];
}

interface ParsedKey {
	categoryId: number;
	parts: number[];
}

const KEY = /^(\d+)((?:_\d+)+)$/;

function parseKey(key: string): ParsedKey | undefined {
	const match = KEY.exec(key);
	if (!match) return undefined;
	return {
		categoryId: Number(match[1]),
		parts: match[2].slice(1).split('_').map(Number),
	};
}

export interface ApplyOptions {
	/** HTTP status of "Invalid attribute entry" (v1 400, v2 500). */
	invalidEntryStatus: number;
}

/**
 * Applies `input` (attribute keys to values) to a copy of `current` and returns the copy.
 * Keys of other categories and unknown attributes are rejected with the documented texts.
 */
export function applyInput(
	store: Store,
	category: CategoryDefinition,
	current: CategoryValues,
	input: Record<string, unknown>,
	options: ApplyOptions,
): CategoryValues {
	const values = cloneValues(current);
	const rowDeletes: Array<{ set: SetDefinition; row: number }> = [];

	for (const [key, value] of Object.entries(input)) {
		const parsed = parseKey(key);
		if (!parsed) throw errors.invalidAttributeEntry(options.invalidEntryStatus, key);
		if (parsed.categoryId !== category.id) throw errors.nonMatchingAttribute(category.id, key);
		const [itemId, row, cellId] = parsed.parts;
		if (parsed.parts.length === 1 && itemId === 1) continue;

		const item = findItem(category, itemId);
		if (!item) throw errors.invalidAttributeEntry(options.invalidEntryStatus, key);

		if (parsed.parts.length === 1) {
			if (isSet(item)) {
				values.sets.set(item.id, convertRows(store, category, item, value, key, options));
			} else {
				values.attributes.set(item.id, convertValues(store, category, item, value));
			}
			continue;
		}
		if (!isSet(item) || parsed.parts.length > 3) {
			throw errors.invalidAttributeEntry(options.invalidEntryStatus, key);
		}
		checkRow(category, item, row, key);

		if (parsed.parts.length === 2) {
			if (!isEmpty(value)) throw errors.invalidAttributeEntry(options.invalidEntryStatus, key);
			rowDeletes.push({ set: item, row });
			continue;
		}
		const attribute = item.attributes.find((child) => child.id === cellId);
		if (!attribute) throw errors.invalidAttributeEntry(options.invalidEntryStatus, key);
		const rows = ensureRows(values, item, row);
		rows[row - 1].set(attribute.id, convertValues(store, category, attribute, value));
	}

	// Deleting rows last and from the bottom keeps the row numbers of the input meaningful.
	rowDeletes.sort((left, right) => right.row - left.row);
	for (const { set, row } of rowDeletes) {
		const rows = values.sets.get(set.id) ?? [];
		if (row <= rows.length) rows.splice(row - 1, 1);
	}
	return values;
}

function checkRow(
	category: CategoryDefinition,
	set: SetDefinition,
	row: number,
	key: string,
): void {
	if (!Number.isSafeInteger(row) || row < 1 || row > set.maxRows) {
		throw new ApiError(
			400,
			`Invalid row ${row} in '${key}': the set '${set.name}' of category '${category.name}' has rows 1 to ${set.maxRows}.`,
		);
	}
}

function ensureRows(
	values: CategoryValues,
	set: SetDefinition,
	row: number,
): Array<Map<number, Scalar[]>> {
	const rows = values.sets.get(set.id) ?? [];
	while (rows.length < row)
		rows.push(new Map(set.attributes.map((attribute) => [attribute.id, []])));
	values.sets.set(set.id, rows);
	return rows;
}

/** Converts a whole set given as a list of row objects keyed `{cat}_{set}_{row|x}_{attr}`. */
function convertRows(
	store: Store,
	category: CategoryDefinition,
	set: SetDefinition,
	value: unknown,
	key: string,
	options: ApplyOptions,
): Array<Map<number, Scalar[]>> {
	if (isEmpty(value)) return [];
	if (!Array.isArray(value)) {
		throw errors.invalidAttributeValue(
			set.name,
			category.name,
			value,
			`A set takes a list of rows, or use keys like '${key}_1_${set.attributes[0]?.id ?? 2}' for single cells.`,
		);
	}
	if (value.length > set.maxRows) {
		throw errors.invalidAttributeValue(
			set.name,
			category.name,
			`${value.length} rows`,
			`The set has at most ${set.maxRows} rows.`,
		);
	}
	return value.map((rowValue) => {
		const row = new Map<number, Scalar[]>(set.attributes.map((attribute) => [attribute.id, []]));
		if (typeof rowValue !== 'object' || rowValue === null) return row;
		for (const [cellKey, cellValue] of Object.entries(rowValue as Record<string, unknown>)) {
			const cellId = Number(cellKey.split('_').pop());
			const attribute = set.attributes.find((child) => child.id === cellId);
			if (!attribute || !cellKey.startsWith(`${key}_`)) {
				throw errors.invalidAttributeEntry(options.invalidEntryStatus, cellKey);
			}
			row.set(attribute.id, convertValues(store, category, attribute, cellValue));
		}
		return row;
	});
}

/** Throws for the first required attribute without a value, when the setting enforces it. */
export function checkRequired(
	store: Store,
	category: CategoryDefinition,
	values: CategoryValues,
): void {
	if (!store.settings.enforceRequiredAttributes) return;
	for (const item of category.items) {
		if (isSet(item)) {
			for (const row of values.sets.get(item.id) ?? []) {
				for (const attribute of item.attributes) {
					if (attribute.required && (row.get(attribute.id) ?? []).length === 0) {
						throw errors.requiredAttribute(`${item.name} / ${attribute.name}`, category.name);
					}
				}
			}
		} else if (item.required && (values.attributes.get(item.id) ?? []).length === 0) {
			throw errors.requiredAttribute(item.name, category.name);
		}
	}
}

/**
 * Splits `roles.categories` into per-category inputs. v1 nests values by category ID
 * (`{"9830": {"9830_2": "x"}}`); v2 is flat (`{"9830_2": "x"}`). A body in the other
 * version's form is rejected as an invalid attribute entry, as on the real server.
 */
export function splitRoleCategories(
	roles: unknown,
	nested: boolean,
	invalidEntryStatus: number,
): Map<number, Record<string, unknown>> {
	const result = new Map<number, Record<string, unknown>>();
	if (roles === undefined || roles === null) return result;
	if (typeof roles !== 'object' || Array.isArray(roles)) {
		throw errors.invalidAttributeEntry(invalidEntryStatus, 'roles.categories');
	}
	for (const [key, value] of Object.entries(roles as Record<string, unknown>)) {
		if (nested) {
			if (
				!/^\d+$/.test(key) ||
				typeof value !== 'object' ||
				value === null ||
				Array.isArray(value)
			) {
				throw errors.invalidAttributeEntry(invalidEntryStatus, key);
			}
			result.set(Number(key), {
				...(result.get(Number(key)) ?? {}),
				...(value as Record<string, unknown>),
			});
			continue;
		}
		const match = /^(\d+)_\d+/.exec(key);
		if (!match) throw errors.invalidAttributeEntry(invalidEntryStatus, key);
		const categoryId = Number(match[1]);
		result.set(categoryId, { ...(result.get(categoryId) ?? {}), [key]: value });
	}
	return result;
}

/** Returns the category definition or throws the documented error for a bad category ID. */
export function requireCategory(store: Store, id: unknown): CategoryDefinition {
	const number = Number(id);
	const definition = Number.isSafeInteger(number) ? store.categories.get(number) : undefined;
	if (!definition || !store.getNode(number)) throw errors.categoryNotFound(id);
	return definition;
}
