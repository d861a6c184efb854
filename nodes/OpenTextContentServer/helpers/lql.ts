/**
 * Builders for Content Server's query language (LQL), used by `POST /api/v2/search`.
 *
 * Every value that comes from a workflow is emitted as a quoted phrase, so the words
 * `and`, `or`, `not`, `near` and parentheses inside it are searched as text instead of
 * acting as operators. The characters that could end the phrase or widen it (`"`, `*`,
 * `?`, `\`) are replaced by spaces, because LQL has no documented escape for them.
 */
import { InputError } from './inputError';

const UNSAFE_CHARACTERS = /["*?\\\u0000-\u001f]/g;

/** Replaces the characters that could end or widen a phrase, and collapses whitespace. */
export function neutralizeValue(value: string): string {
	return value.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/** Returns `value` as a quoted LQL phrase; throws if nothing searchable remains. */
export function quotePhrase(value: string, fieldLabel: string): string {
	const cleaned = neutralizeValue(value);
	if (cleaned === '') {
		throw new InputError(
			`${fieldLabel} "${value}" contains nothing to search for after removing quotes, "*", "?" and "\\"`,
			'Enter at least one letter or digit.',
		);
	}
	return `"${cleaned}"`;
}

const REGION_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Returns `region: "value"`. The region name is checked because it is not quoted. */
export function regionTerm(region: string, value: string, fieldLabel: string): string {
	if (!REGION_NAME.test(region)) {
		throw new InputError(
			`"${region}" is not a valid search region name`,
			'Use a region name made of letters, digits and underscores, e.g. OTName.',
		);
	}
	return `${region}: ${quotePhrase(value, fieldLabel)}`;
}

/** Combination of the words of a full-text search. */
export type TextMatch = 'allWords' | 'anyWord' | 'exactPhrase';

/** Builds the full-text part of a query: each word quoted, joined by `and` or `or`, or one phrase. */
export function textQuery(text: string, match: TextMatch): string {
	if (match === 'exactPhrase') return quotePhrase(text, 'Search text');

	const words = neutralizeValue(text)
		.split(' ')
		.filter((word) => word !== '');
	if (words.length === 0) {
		// Produces the same message as a phrase with nothing searchable in it.
		return quotePhrase(text, 'Search text');
	}
	const joined = words.map((word) => `"${word}"`).join(match === 'anyWord' ? ' or ' : ' and ');
	return words.length > 1 ? `(${joined})` : joined;
}

/** Converts `YYYY-MM-DD` or an ISO 8601 timestamp to the `YYYYMMDD` form of date regions. */
export function toIndexDate(value: string, fieldLabel: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
	const date = match
		? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
		: undefined;
	if (
		!match ||
		!date ||
		date.getUTCFullYear() !== Number(match[1]) ||
		date.getUTCMonth() !== Number(match[2]) - 1 ||
		date.getUTCDate() !== Number(match[3])
	) {
		throw new InputError(
			`${fieldLabel} "${value}" is not a valid date`,
			'Enter the date as YYYY-MM-DD, e.g. 2026-03-31.',
		);
	}
	return `${match[1]}${match[2]}${match[3]}`;
}

export interface SearchCriteria {
	text?: string;
	textMatch?: TextMatch;
	name?: string;
	/** Subtypes to include, e.g. 144 for documents; several are joined with `or`. */
	subtypes?: number[];
	/** Container whose descendants are searched. */
	locationId?: number;
	modifiedFrom?: string;
	modifiedTo?: string;
	/** Category attribute conditions, each searched in its `Attr_…` region. */
	attributes?: Array<{ region: string; value: string; label: string }>;
}

/**
 * Builds an LQL query from search criteria, joining the parts with `and`.
 * Throws InputError when no criterion is given, because an empty query would
 * return the whole repository.
 */
export function buildSearchQuery(criteria: SearchCriteria): string {
	const parts: string[] = [];

	if (criteria.text !== undefined && criteria.text.trim() !== '') {
		parts.push(textQuery(criteria.text, criteria.textMatch ?? 'allWords'));
	}
	if (criteria.name !== undefined && criteria.name.trim() !== '') {
		parts.push(regionTerm('OTName', criteria.name, 'Name'));
	}
	if (criteria.subtypes && criteria.subtypes.length > 0) {
		const terms = criteria.subtypes.map((subtype) => `OTSubType: ${integerValue(subtype, 'Type')}`);
		parts.push(terms.length > 1 ? `(${terms.join(' or ')})` : terms[0]);
	}
	if (criteria.locationId !== undefined) {
		parts.push(`OTLocation: ${integerValue(criteria.locationId, 'Location')}`);
	}
	// NOTE: LQL's comparison operators on date regions are not shown in the REST API
	// reference. Content Server indexes dates as YYYYMMDD, which these terms rely on.
	if (criteria.modifiedFrom !== undefined && criteria.modifiedFrom.trim() !== '') {
		parts.push(`OTModifyDate: >= ${toIndexDate(criteria.modifiedFrom, 'Modified From')}`);
	}
	if (criteria.modifiedTo !== undefined && criteria.modifiedTo.trim() !== '') {
		parts.push(`OTModifyDate: <= ${toIndexDate(criteria.modifiedTo, 'Modified To')}`);
	}
	for (const attribute of criteria.attributes ?? []) {
		parts.push(regionTerm(attribute.region, attribute.value, attribute.label));
	}

	if (parts.length === 0) {
		throw new InputError(
			'No search criterion is set',
			'Enter search text, a name, a type, a location, a date or a category attribute value.',
		);
	}
	return parts.join(' and ');
}

function integerValue(value: number, fieldLabel: string): string {
	if (!Number.isSafeInteger(value)) {
		throw new InputError(`${fieldLabel} "${value}" is not a whole number`, 'Enter a whole number.');
	}
	return String(value);
}

/**
 * Builds the name filter of a list search in the node's UI: each word of the filter
 * becomes a prefix match on `OTName`. Only letters and digits are kept, so the filter
 * cannot change the query's structure.
 */
export function nameFilterQuery(filter: string): string | undefined {
	const words = filter.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
	if (words.length === 0) return undefined;
	return words.map((word) => `OTName: ${word}*`).join(' and ');
}
