/**
 * Validation of metafield values by type. A metafield value is always a string; list types
 * hold a JSON array serialised into that string.
 */

const URL_SCHEMES = ['https:', 'http:', 'mailto:', 'sms:', 'tel:'];

const REFERENCE_TYPES: Record<string, string[]> = {
	file_reference: ['GenericFile', 'MediaImage', 'Video'],
	product_reference: ['Product'],
	variant_reference: ['ProductVariant'],
	collection_reference: ['Collection'],
	customer_reference: ['Customer'],
	page_reference: ['Page'],
	metaobject_reference: ['Metaobject'],
	order_reference: ['Order'],
};

const SCALAR_TYPES = new Set([
	'boolean',
	'color',
	'date',
	'date_time',
	'dimension',
	'id',
	'json',
	'link',
	'money',
	'multi_line_text_field',
	'number_decimal',
	'number_integer',
	'rating',
	'rich_text_field',
	'single_line_text_field',
	'url',
	'volume',
	'weight',
	...Object.keys(REFERENCE_TYPES),
]);

const LIST_TYPES = new Set([
	'collection_reference',
	'color',
	'customer_reference',
	'date',
	'date_time',
	'dimension',
	'file_reference',
	'link',
	'metaobject_reference',
	'number_decimal',
	'number_integer',
	'page_reference',
	'product_reference',
	'rating',
	'single_line_text_field',
	'url',
	'variant_reference',
	'volume',
	'weight',
]);

export function isKnownMetafieldType(type: string): boolean {
	if (type.startsWith('list.')) return LIST_TYPES.has(type.slice(5));
	return SCALAR_TYPES.has(type);
}

function checkUrl(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty URL';
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return `"${value}" is not an absolute URL`;
	}
	if (!URL_SCHEMES.includes(parsed.protocol)) {
		return `"${value}" uses the scheme ${parsed.protocol.replace(':', '')}; allowed schemes are https, http, mailto, sms and tel`;
	}
	return null;
}

function checkReference(type: string, value: unknown): string | null {
	const allowed = REFERENCE_TYPES[type];
	const match =
		typeof value === 'string' ? /^gid:\/\/shopify\/([A-Za-z]+)\/\d+$/.exec(value) : null;
	if (!match || !allowed.includes(match[1])) {
		return `must be a global id of ${allowed.join(' or ')}, such as gid://shopify/${allowed[0]}/123`;
	}
	return null;
}

/** Checks one element of a list, or a scalar value already decoded from the string. */
function checkScalar(type: string, value: unknown): string | null {
	if (type in REFERENCE_TYPES) return checkReference(type, value);
	const text = typeof value === 'string' ? value : null;
	switch (type) {
		case 'url':
			return checkUrl(value);
		case 'single_line_text_field':
			if (text === null) return 'must be a string';
			return /[\r\n]/.test(text)
				? 'must not contain line breaks (use multi_line_text_field)'
				: null;
		case 'number_integer':
			if (typeof value === 'number' && Number.isSafeInteger(value)) return null;
			return text !== null && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))
				? null
				: 'must be an integer between -9007199254740991 and 9007199254740991';
		case 'number_decimal':
			if (typeof value === 'number' && Number.isFinite(value)) return null;
			return text !== null && /^-?\d+(\.\d+)?$/.test(text)
				? null
				: 'must be a decimal number such as "12.5"';
		case 'date':
			return text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))
				? null
				: 'must be a date in the form YYYY-MM-DD';
		case 'date_time':
			return text !== null && /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text))
				? null
				: 'must be an ISO 8601 date and time such as 2026-03-01T10:00:00Z';
		case 'color':
			return text !== null && /^#[0-9a-fA-F]{6}$/.test(text)
				? null
				: 'must be a color in the form #RRGGBB';
		default:
			return null;
	}
}

/**
 * Returns why `value` is invalid for `type`, or null when it is valid. The reason reads as
 * the end of the sentence "Value ...".
 */
export function metafieldValueProblem(type: string, value: string): string | null {
	if (type.startsWith('list.')) {
		const elementType = type.slice(5);
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch {
			return `must be a JSON array serialised as a string, such as ["https://example.com/a.pdf"], for type ${type}`;
		}
		if (!Array.isArray(parsed)) {
			return `must be a JSON array serialised as a string for type ${type}`;
		}
		if (parsed.length > 128) return `has ${parsed.length} entries; a list holds at most 128`;
		for (const [index, element] of parsed.entries()) {
			const problem = checkScalar(elementType, element);
			if (problem) return `entry ${index} ${problem}`;
		}
		return null;
	}
	switch (type) {
		case 'json':
			try {
				JSON.parse(value);
				return null;
			} catch (error) {
				return `is not valid JSON (${(error as Error).message})`;
			}
		case 'rich_text_field': {
			try {
				const parsed = JSON.parse(value) as { type?: unknown };
				return parsed && parsed.type === 'root'
					? null
					: 'must be a rich text JSON document whose root has "type": "root"';
			} catch {
				return 'must be a rich text JSON document whose root has "type": "root"';
			}
		}
		case 'boolean':
			return value === 'true' || value === 'false' ? null : 'must be "true" or "false"';
		case 'money':
		case 'dimension':
		case 'volume':
		case 'weight':
		case 'rating':
		case 'link':
			try {
				const parsed = JSON.parse(value) as unknown;
				return typeof parsed === 'object' && parsed !== null
					? null
					: `must be a JSON object for type ${type}`;
			} catch {
				return `must be a JSON object for type ${type}`;
			}
		default:
			return checkScalar(type, value);
	}
}

/** Value of `Metafield.jsonValue`: the value decoded for JSON-shaped types, else the string. */
export function metafieldJsonValue(type: string, value: string): unknown {
	const jsonShaped =
		type.startsWith('list.') ||
		[
			'json',
			'rich_text_field',
			'money',
			'dimension',
			'volume',
			'weight',
			'rating',
			'link',
		].includes(type);
	if (jsonShaped) {
		try {
			return JSON.parse(value);
		} catch {
			return value;
		}
	}
	if (type === 'boolean') return value === 'true';
	if (type === 'number_integer') return Number(value);
	if (type === 'number_decimal') return value;
	return value;
}
