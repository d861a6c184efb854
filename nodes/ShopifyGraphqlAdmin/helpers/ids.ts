import { InputError } from './errors';

/** Shopify object types whose ids the node accepts, as they appear in GIDs. */
export type GidType = 'Customer' | 'Order' | 'OrderTransaction' | 'Product' | 'Refund' | 'Return';

/** Paths of the Shopify admin's pages for a record, e.g. /store/my-store/orders/123. */
const ADMIN_PATHS: Partial<Record<GidType, string>> = {
	Customer: 'customers',
	Order: 'orders',
	Product: 'products',
};

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(\?.*)?$/;
const NUMERIC_PATTERN = /^\d+$/;

/** Returns a parameter value as trimmed text; numbers are written out, anything else is ''. */
function inputText(value: unknown): string {
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return value.trim();
	return '';
}

/** Builds a GID such as gid://shopify/Order/820982911946154508 from a numeric id string. */
export function formatGid(type: GidType, id: string): string {
	return `gid://shopify/${type}/${id}`;
}

/** Numeric part of a GID, or the input when it is not a GID. */
export function legacyId(gid: string): string {
	const match = GID_PATTERN.exec(gid);
	return match ? match[2] : gid;
}

/**
 * Reads an id given as a GID, a number, or the address of the record's page in the Shopify
 * admin, and returns the GID. Ids stay strings throughout, so 64-bit ids keep every digit.
 */
export function toGid(type: GidType, value: unknown, parameter: string): string {
	const input = inputText(value);
	if (input === '') {
		throw new InputError(
			`No ${type} ID given`,
			parameter,
			`Enter a numeric ID or a GID such as ${formatGid(type, '1234567890')}.`,
		);
	}
	if (typeof value === 'number' && !Number.isSafeInteger(value)) {
		throw new InputError(
			`The ${type} ID ${input} lost digits, because it was passed as a number above 2^53`,
			parameter,
			'Pass the ID as a string, or use the GID (admin_graphql_api_id in webhook payloads).',
		);
	}

	const gid = GID_PATTERN.exec(input);
	if (gid) {
		if (gid[1] !== type) {
			throw new InputError(
				`"${input}" is the ID of a ${gid[1]}, not of a ${type}`,
				parameter,
				`Enter the ID of a ${type}, e.g. ${formatGid(type, '1234567890')}.`,
			);
		}
		return formatGid(type, gid[2]);
	}
	if (NUMERIC_PATTERN.test(input)) return formatGid(type, input);

	const adminPath = ADMIN_PATHS[type];
	if (adminPath) {
		const match = new RegExp(`/${adminPath}/(\\d+)(?:[/?#]|$)`).exec(input);
		if (match && /^https?:\/\//i.test(input)) return formatGid(type, match[1]);
	}

	throw new InputError(
		`"${input}" is not a ${type} ID`,
		parameter,
		`Enter a numeric ID or a GID such as ${formatGid(type, '1234567890')}${adminPath ? `, or the address of the ${type.toLowerCase()}'s page in the Shopify admin` : ''}.`,
	);
}

/** Normalises an order name for a `name:` search: "1001" and " #1001 " both become "#1001". */
export function normalizeOrderName(value: unknown, parameter: string): string {
	const input = inputText(value);
	if (input === '') {
		throw new InputError(
			'No order name given',
			parameter,
			'Enter the order name as shown in the admin, e.g. #1001.',
		);
	}
	if (/["\\]/.test(input)) {
		throw new InputError(
			`The order name "${input}" contains a quote or backslash`,
			parameter,
			'Enter the order name as shown in the admin, e.g. #1001.',
		);
	}
	return /^\d+$/.test(input) ? `#${input}` : input;
}
