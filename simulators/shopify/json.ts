/**
 * JSON text the way Shopify's Ruby encoder writes it, and a parser that keeps large integers.
 *
 * REST payloads carry 64-bit ids as bare integer literals (for example 820982911946154508),
 * which a JavaScript number rounds. Ids therefore travel as `JsonInteger` values that hold the
 * digits, and the serialiser writes those digits unchanged.
 */

/** An integer written into JSON text exactly as its decimal digits. */
export class JsonInteger {
	readonly digits: string;

	constructor(value: string | number | bigint) {
		const digits = String(value);
		if (!/^-?\d+$/.test(digits)) {
			throw new TypeError(`JsonInteger needs an integer; got ${JSON.stringify(digits)}.`);
		}
		this.digits = digits;
	}

	toJSON(): string {
		return this.digits;
	}
}

/** Shorthand for an id that is written as an integer literal. */
export function int(value: string | number | bigint): JsonInteger {
	return new JsonInteger(value);
}

export interface SerializeOptions {
	/** Writes `/` as `\/` (Ruby's JSON encoder in Shopify's webhooks does). */
	escapeSlash?: boolean;
	/** Writes `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (ActiveSupport's HTML-safe JSON). */
	escapeHtml?: boolean;
	/** Writes every character above U+007F as `\uXXXX` (surrogate pairs for astral characters). */
	escapeNonAscii?: boolean;
}

const SHOPIFY_ESCAPING: Required<SerializeOptions> = {
	escapeSlash: true,
	escapeHtml: true,
	escapeNonAscii: false,
};

function hex4(code: number): string {
	return '\\u' + code.toString(16).padStart(4, '0');
}

function encodeString(value: string, options: Required<SerializeOptions>): string {
	let out = '"';
	for (let index = 0; index < value.length; index++) {
		const char = value[index];
		const code = value.charCodeAt(index);
		switch (char) {
			case '"':
				out += '\\"';
				continue;
			case '\\':
				out += '\\\\';
				continue;
			case '\n':
				out += '\\n';
				continue;
			case '\r':
				out += '\\r';
				continue;
			case '\t':
				out += '\\t';
				continue;
			case '\b':
				out += '\\b';
				continue;
			case '\f':
				out += '\\f';
				continue;
			case '/':
				out += options.escapeSlash ? '\\/' : '/';
				continue;
			case '<':
			case '>':
			case '&':
				out += options.escapeHtml ? hex4(code) : char;
				continue;
		}
		if (code < 0x20) {
			out += hex4(code);
		} else if (code === 0x2028 || code === 0x2029) {
			// Line and paragraph separators end a JavaScript string literal, so Ruby's encoder
			// always escapes them, whatever the non-ASCII setting.
			out += hex4(code);
		} else if (code > 0x7e && options.escapeNonAscii) {
			out += hex4(code);
		} else {
			out += char;
		}
	}
	return out + '"';
}

function encodeValue(value: unknown, options: Required<SerializeOptions>): string | undefined {
	if (value === null) return 'null';
	if (value instanceof JsonInteger) return value.digits;
	switch (typeof value) {
		case 'string':
			return encodeString(value, options);
		case 'number':
			return Number.isFinite(value) ? JSON.stringify(value) : 'null';
		case 'bigint':
			return value.toString();
		case 'boolean':
			return value ? 'true' : 'false';
		case 'undefined':
		case 'function':
		case 'symbol':
			return undefined;
	}
	if (Array.isArray(value)) {
		const parts = value.map((item) => encodeValue(item, options) ?? 'null');
		return '[' + parts.join(',') + ']';
	}
	const parts: string[] = [];
	for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
		const encoded = encodeValue(item, options);
		if (encoded !== undefined) parts.push(encodeString(key, options) + ':' + encoded);
	}
	return '{' + parts.join(',') + '}';
}

/** Serialises compactly; by default with Shopify's escaping of `/`, `<`, `>`, `&`, U+2028/9. */
export function serializeJson(value: unknown, options: SerializeOptions = {}): string {
	const merged = { ...SHOPIFY_ESCAPING, ...options };
	return encodeValue(value, merged) ?? 'null';
}

/** Thrown by `parseJsonLossless` with the position of the first invalid character. */
export class JsonParseError extends Error {}

/**
 * Parses JSON like `JSON.parse`, except that integers outside the safe integer range come back
 * as `JsonInteger`, so an id such as 820982911946154508 keeps every digit.
 */
export function parseJsonLossless(text: string): unknown {
	let position = 0;

	const fail = (what: string): never => {
		throw new JsonParseError(`Invalid JSON at position ${position}: ${what}.`);
	};
	const skipWhitespace = () => {
		while (position < text.length && ' \t\n\r'.includes(text[position])) position++;
	};
	const expect = (literal: string) => {
		if (text.startsWith(literal, position)) position += literal.length;
		else fail(`expected ${literal}`);
	};

	const parseString = (): string => {
		position++;
		let out = '';
		while (position < text.length) {
			const char = text[position++];
			if (char === '"') return out;
			if (char !== '\\') {
				out += char;
				continue;
			}
			const escape = text[position++];
			switch (escape) {
				case '"':
				case '\\':
				case '/':
					out += escape;
					break;
				case 'b':
					out += '\b';
					break;
				case 'f':
					out += '\f';
					break;
				case 'n':
					out += '\n';
					break;
				case 'r':
					out += '\r';
					break;
				case 't':
					out += '\t';
					break;
				case 'u': {
					const code = text.slice(position, position + 4);
					if (!/^[0-9a-fA-F]{4}$/.test(code)) fail('invalid \\u escape');
					out += String.fromCharCode(parseInt(code, 16));
					position += 4;
					break;
				}
				default:
					fail(`invalid escape \\${escape}`);
			}
		}
		return fail('unterminated string');
	};

	const parseNumber = (): number | JsonInteger => {
		const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(position));
		if (!match) return fail('invalid number');
		position += match[0].length;
		const literal = match[0];
		const isInteger = match[2] === undefined && match[3] === undefined;
		if (isInteger && !Number.isSafeInteger(Number(literal))) return new JsonInteger(literal);
		return Number(literal);
	};

	const parseValue = (): unknown => {
		skipWhitespace();
		const char = text[position];
		if (char === '{') {
			position++;
			const object: Record<string, unknown> = {};
			skipWhitespace();
			if (text[position] === '}') {
				position++;
				return object;
			}
			for (;;) {
				skipWhitespace();
				if (text[position] !== '"') fail('expected a property name');
				const key = parseString();
				skipWhitespace();
				expect(':');
				object[key] = parseValue();
				skipWhitespace();
				if (text[position] === ',') {
					position++;
					continue;
				}
				expect('}');
				return object;
			}
		}
		if (char === '[') {
			position++;
			const array: unknown[] = [];
			skipWhitespace();
			if (text[position] === ']') {
				position++;
				return array;
			}
			for (;;) {
				array.push(parseValue());
				skipWhitespace();
				if (text[position] === ',') {
					position++;
					continue;
				}
				expect(']');
				return array;
			}
		}
		if (char === '"') return parseString();
		if (char === 't') {
			expect('true');
			return true;
		}
		if (char === 'f') {
			expect('false');
			return false;
		}
		if (char === 'n') {
			expect('null');
			return null;
		}
		if (char === '-' || (char >= '0' && char <= '9')) return parseNumber();
		return fail(char === undefined ? 'unexpected end of input' : `unexpected character ${char}`);
	};

	const value = parseValue();
	skipWhitespace();
	if (position < text.length) fail('unexpected text after the value');
	return value;
}
