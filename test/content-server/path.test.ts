import { InputError } from '../../nodes/OpenTextContentServer/helpers/inputError';
import {
	formatPath,
	makeUniqueName,
	parsePath,
	validateItemName,
} from '../../nodes/OpenTextContentServer/helpers/path';

describe('parsePath', () => {
	it('reads volume and folder names', () => {
		expect(parsePath('Enterprise:Shopify/Orders/2026/#1001')).toEqual({
			root: { kind: 'volume', name: 'Enterprise' },
			segments: ['Shopify', 'Orders', '2026', '#1001'],
		});
	});

	it('uses the default volume without a colon', () => {
		expect(parsePath('Shopify/Orders').root).toEqual({ kind: 'volume', name: 'Enterprise' });
		expect(parsePath('Shopify/Shopify Order', 'Categories').root).toEqual({
			kind: 'volume',
			name: 'Categories',
		});
	});

	it('reads a node ID as root', () => {
		expect(parsePath('12345:Orders/2026')).toEqual({
			root: { kind: 'node', id: 12345 },
			segments: ['Orders', '2026'],
		});
	});

	it('accepts a volume without folders', () => {
		expect(parsePath('Enterprise:').segments).toEqual([]);
		expect(parsePath('Enterprise:/').segments).toEqual([]);
	});

	it('ignores leading and trailing slashes', () => {
		expect(parsePath('Enterprise:/Shopify/Orders/').segments).toEqual(['Shopify', 'Orders']);
	});

	it('trims names', () => {
		expect(parsePath('Enterprise: Shopify / Orders ').segments).toEqual(['Shopify', 'Orders']);
	});

	it('unescapes slashes and backslashes', () => {
		// The path text is: Enterprise:Reports/Q1\/Q2/C\\temp
		expect(parsePath('Enterprise:Reports/Q1\\/Q2/C\\\\temp').segments).toEqual([
			'Reports',
			'Q1/Q2',
			'C\\temp',
		]);
	});

	it.each([
		['', /empty/],
		[':Shopify', /nothing before ":"/],
		['Enterprise:Shop:ify', /more than one ":"/],
		['Enterprise:Shopify//Orders', /empty folder name/],
	])('rejects %p', (text, message) => {
		expect(() => parsePath(text)).toThrow(InputError);
		expect(() => parsePath(text)).toThrow(message);
	});

	it('rejects a name longer than 248 characters', () => {
		const long = 'a'.repeat(249);
		expect(() => parsePath(`Enterprise:${long}`)).toThrow(/at most 248/);
	});

	it('tells how to fix a bad path', () => {
		let caught: unknown;
		try {
			parsePath('Enterprise:A//B');
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect((caught as InputError).fix).toBe('Remove the extra slash.');
	});
});

describe('validateItemName', () => {
	it('returns the trimmed name', () => {
		expect(validateItemName('  invoice.pdf ')).toBe('invoice.pdf');
	});

	it('rejects a colon with a fix', () => {
		expect(() => validateItemName('Order: 1001')).toThrow(/contains ":"/);
	});

	it('rejects an empty name', () => {
		expect(() => validateItemName('   ')).toThrow(/empty/);
	});
});

describe('formatPath', () => {
	it('round-trips through parsePath', () => {
		const segments = ['Shopify', 'a/b', 'c\\d'];
		const text = formatPath('Enterprise', segments);
		expect(text).toBe('Enterprise:Shopify/a\\/b/c\\\\d');
		expect(parsePath(text).segments).toEqual(segments);
	});
});

describe('makeUniqueName', () => {
	it('keeps a free name', () => {
		expect(makeUniqueName('a.pdf', new Set(['b.pdf']))).toBe('a.pdf');
	});

	it('numbers before the extension', () => {
		expect(makeUniqueName('a.pdf', new Set(['a.pdf', 'a (2).pdf']))).toBe('a (3).pdf');
	});

	it('compares without letter case', () => {
		expect(makeUniqueName('A.PDF', new Set(['a.pdf']))).toBe('A (2).PDF');
	});

	it('numbers a name without extension', () => {
		expect(makeUniqueName('Orders', new Set(['Orders']))).toBe('Orders (2)');
	});

	it('stays within 248 characters', () => {
		const name = `${'x'.repeat(244)}.pdf`;
		const unique = makeUniqueName(name, new Set([name]));
		expect(unique.length).toBeLessThanOrEqual(248);
		expect(unique.endsWith(' (2).pdf')).toBe(true);
	});
});
