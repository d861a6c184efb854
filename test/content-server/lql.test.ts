import { InputError } from '../../nodes/OpenTextContentServer/helpers/inputError';
import {
	buildSearchQuery,
	nameFilterQuery,
	neutralizeValue,
	quotePhrase,
	regionTerm,
	textQuery,
	toIndexDate,
} from '../../nodes/OpenTextContentServer/helpers/lql';

describe('quotePhrase', () => {
	it('quotes plain text', () => {
		expect(quotePhrase('invoice 1001', 'Name')).toBe('"invoice 1001"');
	});

	it('removes quotes that would end the phrase', () => {
		expect(quotePhrase('a" or OTName: "b', 'Name')).toBe('"a or OTName: b"');
	});

	it('removes wildcards that would widen the phrase', () => {
		expect(quotePhrase('inv*ice?', 'Name')).toBe('"inv ice"');
	});

	it('keeps operators and parentheses inside the phrase', () => {
		expect(quotePhrase('cats and (dogs or not birds)', 'Name')).toBe(
			'"cats and (dogs or not birds)"',
		);
	});

	it('removes backslashes and control characters', () => {
		expect(neutralizeValue('a\\"b\n\tc')).toBe('a b c');
	});

	it('rejects a value with nothing searchable', () => {
		expect(() => quotePhrase('*"?', 'Name')).toThrow(InputError);
		expect(() => quotePhrase('*"?', 'Name')).toThrow(/Name "\*"\?" contains nothing to search for/);
	});
});

describe('regionTerm', () => {
	it('builds region: "value"', () => {
		expect(regionTerm('Attr_9830_2', '1001', 'Order Number')).toBe('Attr_9830_2: "1001"');
	});

	it('rejects a region name that could inject operators', () => {
		expect(() => regionTerm('OTName or x', 'a', 'Name')).toThrow(/not a valid search region name/);
	});
});

describe('textQuery', () => {
	it('joins words with and for All Words', () => {
		expect(textQuery('red  blue', 'allWords')).toBe('("red" and "blue")');
	});

	it('joins words with or for Any Word', () => {
		expect(textQuery('red blue', 'anyWord')).toBe('("red" or "blue")');
	});

	it('keeps a single word unparenthesised', () => {
		expect(textQuery('red', 'allWords')).toBe('"red"');
	});

	it('treats operator words as text', () => {
		expect(textQuery('not or', 'allWords')).toBe('("not" and "or")');
	});

	it('quotes the whole text for Exact Phrase', () => {
		expect(textQuery('red blue', 'exactPhrase')).toBe('"red blue"');
	});
});

describe('toIndexDate', () => {
	it('converts YYYY-MM-DD', () => {
		expect(toIndexDate('2026-03-31', 'Modified From')).toBe('20260331');
	});

	it('converts the date part of an ISO timestamp', () => {
		expect(toIndexDate('2026-03-31T23:00:00.000+02:00', 'Modified From')).toBe('20260331');
	});

	it.each(['2026-02-30', '31.03.2026', '2026-3-1', ''])('rejects %p', (value) => {
		expect(() => toIndexDate(value, 'Modified From')).toThrow(/not a valid date/);
	});
});

describe('buildSearchQuery', () => {
	it('joins all criteria with and', () => {
		const query = buildSearchQuery({
			text: 'refund',
			name: 'invoice',
			subtypes: [144, 0],
			locationId: 2000,
			modifiedFrom: '2026-01-01',
			modifiedTo: '2026-12-31',
			attributes: [{ region: 'Attr_9830_2', value: '#1001', label: 'Order Number' }],
		});
		expect(query).toBe(
			'"refund" and OTName: "invoice" and (OTSubType: 144 or OTSubType: 0) and OTLocation: 2000 and OTModifyDate: >= 20260101 and OTModifyDate: <= 20261231 and Attr_9830_2: "#1001"',
		);
	});

	it('cannot be widened by a value', () => {
		const query = buildSearchQuery({ name: '" or OTSubType: 0 or "' });
		expect(query).toBe('OTName: "or OTSubType: 0 or"');
	});

	it('rejects empty criteria', () => {
		expect(() => buildSearchQuery({ text: '  ' })).toThrow(/No search criterion is set/);
	});

	it('rejects a non-integer location', () => {
		expect(() => buildSearchQuery({ locationId: 1.5 })).toThrow(/not a whole number/);
	});
});

describe('nameFilterQuery', () => {
	it('prefix-matches each word', () => {
		expect(nameFilterQuery('Shop ord')).toBe('OTName: Shop* and OTName: ord*');
	});

	it('drops everything but letters and digits', () => {
		expect(nameFilterQuery('a") or (OTSubType:0')).toBe(
			'OTName: a* and OTName: or* and OTName: OTSubType* and OTName: 0*',
		);
	});

	it('keeps letters outside ASCII', () => {
		expect(nameFilterQuery('Bestellübersicht')).toBe('OTName: Bestellübersicht*');
	});

	it('returns undefined without words', () => {
		expect(nameFilterQuery(' *" ')).toBeUndefined();
	});
});
