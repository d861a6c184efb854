import type { IDataObject } from 'n8n-workflow';

import type { AttributeDefinition, CategoryDefinition } from './categoryDefinition';
import { setAttributeLabel } from './categoryDefinition';
import { forParameter } from './errors';
import { InputError } from './inputError';

/** One row of "Attribute Values": an attribute chosen by name and its value. */
export interface AttributeValueRow {
	attribute: string;
	value: unknown;
}

/** One row of "Set Values": an attribute inside a set, the set row (from 1) and the value. */
export interface SetValueRow {
	attribute: string;
	row: number;
	value: unknown;
}

/** Resolves a login name to a user ID; injected so that unit tests need no server. */
export type UserResolver = (value: unknown) => Promise<number>;

type ScalarValue = string | number | boolean | null;

function listNames(attributes: AttributeDefinition[]): string {
	return attributes.map((attribute) => `"${setAttributeLabel(attribute)}"`).join(', ');
}

/**
 * Finds an attribute by its name (exact, then ignoring letter case) or by its key.
 * Attributes inside sets are named "Set / Attribute"; the bare attribute name is
 * accepted too when only one set has an attribute of that name.
 */
export function findAttribute(
	definition: CategoryDefinition,
	name: string,
	inSet: boolean,
): AttributeDefinition {
	const candidates = definition.attributes.filter((attribute) =>
		inSet ? attribute.set !== undefined : attribute.set === undefined,
	);
	const wanted = String(name ?? '').trim();
	const lower = wanted.toLowerCase();
	const byLabel = (attribute: AttributeDefinition) => setAttributeLabel(attribute);

	const match =
		candidates.find((attribute) => byLabel(attribute) === wanted) ??
		candidates.find((attribute) => byLabel(attribute).toLowerCase() === lower) ??
		candidates.find((attribute) => attribute.key === wanted) ??
		uniqueByBareName(candidates, lower, inSet);
	if (match) return match;

	const other = definition.attributes.find(
		(attribute) =>
			!candidates.includes(attribute) &&
			(byLabel(attribute).toLowerCase() === lower || attribute.name.toLowerCase() === lower),
	);
	if (other && other.set && !inSet) {
		throw new InputError(
			`The attribute "${wanted}" of category "${definition.name}" is inside the set "${other.set.name}"`,
			'Enter it under Set Values, with the number of the set row.',
		);
	}

	const valid = candidates.filter((attribute) => inSet || attribute.type !== 'set');
	throw new InputError(
		`Category "${definition.name}" has no ${inSet ? 'set attribute' : 'attribute'} named "${wanted}"`,
		valid.length > 0
			? `Use one of these names: ${listNames(valid)}.`
			: `Category "${definition.name}" has no ${inSet ? 'sets' : 'attributes outside sets'}.`,
	);
}

function uniqueByBareName(
	candidates: AttributeDefinition[],
	lower: string,
	inSet: boolean,
): AttributeDefinition | undefined {
	if (!inSet) return undefined;
	const matches = candidates.filter((attribute) => attribute.name.toLowerCase() === lower);
	return matches.length === 1 ? matches[0] : undefined;
}

/** Splits a value into the values of a multi-value attribute: arrays and JSON arrays become items. */
function splitValues(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string' && value.trim().startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(value);
			if (Array.isArray(parsed)) return parsed;
		} catch {
			// Not JSON: the text is one value that happens to start with "[".
		}
	}
	return [value];
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function describe(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Converts a date given as YYYY-MM-DD or ISO 8601 to the form Content Server accepts. */
export function coerceDate(value: unknown, label: string): string {
	if (value instanceof Date && !Number.isNaN(value.getTime())) {
		return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
	}
	const text = String(value).trim();
	const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (dateOnly) {
		const date = new Date(
			Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])),
		);
		if (date.toISOString().slice(0, 10) === text) return text;
	} else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) {
		const date = new Date(text);
		if (!Number.isNaN(date.getTime())) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	}
	throw new InputError(
		`${label} expects a date, but the value is ${describe(value)}`,
		'Enter the date as YYYY-MM-DD (e.g. 2026-03-31) or as an ISO 8601 timestamp (e.g. 2026-03-31T14:00:00Z).',
	);
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'off']);

/** Converts one value to the JSON type of the attribute. */
export async function coerceValue(
	attribute: AttributeDefinition,
	value: unknown,
	resolveUser: UserResolver,
): Promise<ScalarValue> {
	const label = `Attribute "${setAttributeLabel(attribute)}"`;
	if (isEmpty(value)) return attribute.type === 'string' ? '' : null;
	if (typeof value === 'object' && !(value instanceof Date)) {
		throw new InputError(
			`${label} expects a single value, but the value is ${describe(value)}`,
			'Enter a text, number, date or boolean, not an object.',
		);
	}

	switch (attribute.type) {
		case 'integer': {
			const number = Number(typeof value === 'string' ? value.trim() : value);
			if (!Number.isSafeInteger(number)) {
				throw new InputError(
					`${label} expects a whole number, but the value is ${describe(value)}`,
					'Enter a whole number, e.g. 42.',
				);
			}
			return number;
		}
		case 'real': {
			const number = Number(typeof value === 'string' ? value.trim() : value);
			if (!Number.isFinite(number)) {
				throw new InputError(
					`${label} expects a number, but the value is ${describe(value)}`,
					'Enter a number with "." as the decimal separator, e.g. 19.99.',
				);
			}
			return number;
		}
		case 'boolean': {
			if (typeof value === 'boolean') return value;
			const word = String(value).trim().toLowerCase();
			if (TRUE_WORDS.has(word)) return true;
			if (FALSE_WORDS.has(word)) return false;
			throw new InputError(
				`${label} expects true or false, but the value is ${describe(value)}`,
				'Enter true or false.',
			);
		}
		case 'date':
			return coerceDate(value, label);
		case 'user':
			return await resolveUser(value);
		case 'set':
			throw new InputError(
				`${label} is a set, which takes no value of its own`,
				'Enter the values of the attributes inside the set under Set Values.',
			);
		default: {
			const text = value instanceof Date ? value.toISOString() : String(value);
			if (attribute.maxLength !== undefined && text.length > attribute.maxLength) {
				throw new InputError(
					`${label} takes at most ${attribute.maxLength} characters, but the value has ${text.length}`,
					'Shorten the value.',
				);
			}
			if (attribute.validValues && !attribute.validValues.includes(text)) {
				throw new InputError(
					`${label} does not allow the value ${describe(text)}`,
					`Use one of: ${attribute.validValues.map((valid) => `"${valid}"`).join(', ')}.`,
				);
			}
			return text;
		}
	}
}

async function addValue(
	values: IDataObject,
	key: string,
	attribute: AttributeDefinition,
	value: unknown,
	resolveUser: UserResolver,
	seen: Set<string>,
): Promise<void> {
	const label = `Attribute "${setAttributeLabel(attribute)}"`;
	if (!attribute.multiValue) {
		if (seen.has(key)) {
			throw new InputError(
				`${label} is given more than once`,
				'Keep one row per attribute; it takes a single value.',
			);
		}
		if (Array.isArray(value)) {
			if (value.length > 1) {
				throw new InputError(
					`${label} takes one value, but ${value.length} were given`,
					'Enter a single value.',
				);
			}
			value = value[0];
		}
		seen.add(key);
		values[key] = await coerceValue(attribute, value, resolveUser);
		return;
	}

	seen.add(key);
	const list = (values[key] as ScalarValue[] | undefined) ?? [];
	for (const item of splitValues(value)) {
		if (isEmpty(item)) continue;
		list.push(await coerceValue(attribute, item, resolveUser));
	}
	if (attribute.maxValues !== undefined && list.length > attribute.maxValues) {
		throw new InputError(
			`${label} takes at most ${attribute.maxValues} values, but ${list.length} were given`,
			'Remove values.',
		);
	}
	values[key] = list;
}

/**
 * Resolves rows entered by attribute name to the `{category}_{attribute}` keys of
 * Content Server, converting each value to the attribute's type. Set attributes get
 * keys `{category}_{set}_{row}_{attribute}`.
 */
export async function resolveAttributeValues(
	definition: CategoryDefinition,
	rows: AttributeValueRow[],
	setRows: SetValueRow[],
	resolveUser: UserResolver,
): Promise<IDataObject> {
	const values: IDataObject = {};
	const seen = new Set<string>();

	for (const row of rows) {
		await forParameter('Attribute Values', async () => {
			const attribute = findAttribute(definition, row.attribute, false);
			await addValue(values, attribute.key, attribute, row.value, resolveUser, seen);
		});
	}

	for (const row of setRows) {
		await forParameter(
			'Set Values',
			async () => await addSetValue(definition, values, row, resolveUser, seen),
		);
	}

	return values;
}

async function addSetValue(
	definition: CategoryDefinition,
	values: IDataObject,
	row: SetValueRow,
	resolveUser: UserResolver,
	seen: Set<string>,
): Promise<void> {
	const attribute = findAttribute(definition, row.attribute, true);
	const set = attribute.set as NonNullable<AttributeDefinition['set']>;
	const rowNumber = Number(row.row ?? 1);
	if (!Number.isInteger(rowNumber) || rowNumber < 1) {
		throw new InputError(
			`The row number ${describe(row.row)} for "${setAttributeLabel(attribute)}" is not valid`,
			'Enter a whole number from 1.',
		);
	}
	if (!set.multiRow && rowNumber !== 1) {
		throw new InputError(
			`The set "${set.name}" has a single row, but row ${rowNumber} was given`,
			'Use row 1.',
		);
	}
	const setDefinition = definition.attributes.find((candidate) => candidate.key === set.key);
	if (setDefinition?.maxValues !== undefined && rowNumber > setDefinition.maxValues) {
		throw new InputError(
			`The set "${set.name}" has at most ${setDefinition.maxValues} rows, but row ${rowNumber} was given`,
			`Use a row from 1 to ${setDefinition.maxValues}.`,
		);
	}
	const key = `${set.key}_${rowNumber}_${attribute.id}`;
	await addValue(values, key, attribute, row.value, resolveUser, seen);
}

const VALUE_KEY = /^(\d+)_(\d+)(?:_(\d+)_(\d+))?$/;

/**
 * Checks values given as JSON with Content Server keys, e.g. `{"9830_2": "INV-1"}`.
 * Keys must belong to the category, because the server rejects the whole request
 * otherwise; with a definition, unknown attribute IDs are rejected too.
 */
export function parseRawValues(
	categoryId: number,
	json: unknown,
	definition?: CategoryDefinition,
): IDataObject {
	let parsed: unknown = json;
	if (typeof json === 'string') {
		if (json.trim() === '') return {};
		let syntaxError: string | undefined;
		try {
			parsed = JSON.parse(json);
		} catch (error) {
			syntaxError = (error as Error).message;
		}
		if (syntaxError !== undefined) {
			throw new InputError(
				`The attribute values are not valid JSON: ${syntaxError}`,
				`Enter an object with attribute keys, e.g. {"${categoryId}_2": "value"}.`,
			);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new InputError(
			'The attribute values must be a JSON object',
			`Enter an object with attribute keys, e.g. {"${categoryId}_2": "value"}.`,
		);
	}

	const knownIds = new Set(
		definition?.attributes.map((attribute) =>
			attribute.set ? `${attribute.set.id}_${attribute.id}` : String(attribute.id),
		),
	);
	for (const key of Object.keys(parsed)) {
		const match = VALUE_KEY.exec(key);
		if (!match || Number(match[1]) !== categoryId) {
			throw new InputError(
				`The key "${key}" does not belong to category ${categoryId}`,
				`Use keys of the form ${categoryId}_<attribute ID>, or ${categoryId}_<set ID>_<row>_<attribute ID> for attributes inside a set.`,
			);
		}
		const id = match[3] !== undefined ? `${match[2]}_${match[4]}` : match[2];
		if (definition && match[2] !== '1' && !knownIds.has(id)) {
			throw new InputError(
				`Category "${definition.name}" has no attribute with the key "${key}"`,
				`Use one of: ${definition.attributes
					.filter((attribute) => attribute.type !== 'set')
					.map(
						(attribute) =>
							`${attribute.set ? `${attribute.set.key}_<row>_${attribute.id}` : attribute.key} (${setAttributeLabel(attribute)})`,
					)
					.join(', ')}.`,
			);
		}
	}
	return parsed as IDataObject;
}
