/**
 * JSON parsing that keeps integers above 2^53 exact. Shopify's REST payloads carry 64-bit ids
 * as numbers (e.g. an order id 820982911946154508), which JSON.parse would round. The reviver
 * reads the number's source text (JSON.parse source text access, in Node.js 21 and later) and
 * returns such integers as strings. All other values stay as JSON.parse returns them.
 */

interface ReviverContext {
	source?: string;
}

const INTEGER_LITERAL = /^-?\d+$/;

export class LosslessJsonError extends Error {}

function keepUnsafeIntegers(
	this: unknown,
	_key: string,
	value: unknown,
	context?: ReviverContext,
): unknown {
	if (typeof value !== 'number' || !Number.isInteger(value) || Number.isSafeInteger(value))
		return value;
	const source = context?.source;
	if (source === undefined) {
		throw new LosslessJsonError(
			`The payload contains the integer ${String(value)}, which exceeds 2^53, and this Node.js version cannot read its digits (JSON.parse source text access needs Node.js 21 or later).`,
		);
	}
	// 1e21 is also an unsafe integer but has no digits to keep; only plain literals become strings.
	return INTEGER_LITERAL.test(source) ? source : value;
}

/** Parses JSON text; integers beyond ±(2^53 − 1) become strings with every digit. */
export function parseJsonLossless(text: string): unknown {
	return JSON.parse(
		text,
		keepUnsafeIntegers as (this: unknown, key: string, value: unknown) => unknown,
	);
}
