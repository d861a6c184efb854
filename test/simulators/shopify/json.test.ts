import {
	int,
	JsonInteger,
	JsonParseError,
	parseJsonLossless,
	serializeJson,
} from '../../../simulators/shopify/json';

describe('Shopify JSON serialiser', () => {
	it('writes JsonInteger digits unchanged', () => {
		expect(serializeJson({ id: int('820982911946154508'), n: 1.5 })).toBe(
			'{"id":820982911946154508,"n":1.5}',
		);
	});

	it('escapes slash, HTML characters and line separators', () => {
		expect(serializeJson('a/b & <c> \u2028 \u2029')).toBe(
			'"a\\/b \\u0026 \\u003cc\\u003e \\u2028 \\u2029"',
		);
	});

	it('keeps non-ASCII raw by default and escapes it on request', () => {
		expect(serializeJson('Zoë 🍵')).toBe('"Zoë 🍵"');
		expect(serializeJson('Zoë 🍵', { escapeNonAscii: true })).toBe('"Zo\\u00eb \\ud83c\\udf75"');
	});

	it('escapes control characters', () => {
		expect(serializeJson('a\nb\t\u0001"\\')).toBe('"a\\nb\\t\\u0001\\"\\\\"');
	});

	it('can write plain JSON', () => {
		expect(serializeJson({ url: 'https://x/y' }, { escapeSlash: false, escapeHtml: false })).toBe(
			'{"url":"https://x/y"}',
		);
	});

	it('drops undefined properties like JSON.stringify', () => {
		expect(serializeJson({ a: undefined, b: [undefined], c: null })).toBe('{"b":[null],"c":null}');
	});

	it('rejects a JsonInteger that is not an integer', () => {
		expect(() => new JsonInteger('1.5')).toThrow('JsonInteger needs an integer; got "1.5".');
	});
});

describe('lossless JSON parser', () => {
	it('keeps integers beyond 2^53 and parses the rest like JSON.parse', () => {
		const text =
			'{"id":820982911946154508,"small":42,"price":"1.50","f":1.25,"list":[true,null,"\\u00e9\\/"]}';
		const parsed = parseJsonLossless(text) as Record<string, unknown>;
		expect(parsed.id).toBeInstanceOf(JsonInteger);
		expect((parsed.id as JsonInteger).digits).toBe('820982911946154508');
		expect(parsed.small).toBe(42);
		expect(parsed.f).toBe(1.25);
		expect(parsed.list).toEqual([true, null, 'é/']);
		expect(serializeJson(parsed, { escapeSlash: false })).toBe(
			'{"id":820982911946154508,"small":42,"price":"1.50","f":1.25,"list":[true,null,"é/"]}',
		);
	});

	it.each(['{"a":}', '[1,2', '{"a":1} x', '"open'])('rejects invalid JSON %s', (text) => {
		expect(() => parseJsonLossless(text)).toThrow(JsonParseError);
	});
});
