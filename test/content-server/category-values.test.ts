import { parseFormDefinition } from '../../nodes/OpenTextContentServer/helpers/categoryDefinition';
import type { CategoryDefinition } from '../../nodes/OpenTextContentServer/helpers/categoryDefinition';
import {
	coerceDate,
	parseRawValues,
	resolveAttributeValues,
} from '../../nodes/OpenTextContentServer/helpers/categoryValues';
import { InputError } from '../../nodes/OpenTextContentServer/helpers/inputError';
import { ORDER_CATEGORY_FORM } from './category-fixtures';

const definition: CategoryDefinition = {
	id: 9830,
	name: 'Shopify Order',
	attributes: parseFormDefinition(9830, ORDER_CATEGORY_FORM),
};

const users: Record<string, number> = { jdoe: 1001, admin: 1000 };
const resolveUser = async (value: unknown): Promise<number> => {
	if (typeof value === 'number') return value;
	const text = String(value);
	if (/^\d+$/.test(text)) return Number(text);
	if (users[text] === undefined) throw new InputError(`No user "${text}"`, 'Enter a login name.');
	return users[text];
};

async function resolve(
	rows: Array<[string, unknown]>,
	setRows: Array<[string, number, unknown]> = [],
) {
	return await resolveAttributeValues(
		definition,
		rows.map(([attribute, value]) => ({ attribute, value })),
		setRows.map(([attribute, row, value]) => ({ attribute, row, value })),
		resolveUser,
	);
}

async function failure(promise: Promise<unknown>): Promise<InputError> {
	try {
		await promise;
	} catch (error) {
		return error as InputError;
	}
	throw new Error('expected the promise to reject');
}

describe('resolveAttributeValues', () => {
	it('maps names to keys', async () => {
		expect(await resolve([['Order Number', '#1001']])).toEqual({ '9830_2': '#1001' });
	});

	it('matches names without letter case', async () => {
		expect(await resolve([['order number', 'x']])).toEqual({ '9830_2': 'x' });
	});

	it('accepts a raw key as name', async () => {
		expect(await resolve([['9830_10', '3']])).toEqual({ '9830_10': 3 });
	});

	it('lists valid names for an unknown attribute', async () => {
		const error = await failure(resolve([['Order No', 'x']]));
		expect(error).toBeInstanceOf(InputError);
		expect(error.message).toBe('Category "Shopify Order" has no attribute named "Order No"');
		expect(error.fix).toContain('"Order Number"');
		expect(error.fix).toContain('"Tags"');
		expect(error.fix).not.toContain('"Lines"');
		expect(error.parameter).toBe('Attribute Values');
	});

	it('points set attributes to Set Values', async () => {
		const error = await failure(resolve([['Line Text', 'x']]));
		expect(error.message).toMatch(/inside the set "Lines"/);
		expect(error.fix).toMatch(/Set Values/);
	});

	it.each([
		['2026-03-31', '2026-03-31'],
		['2026-03-31T14:05:00Z', '2026-03-31T14:05:00Z'],
		['2026-03-31T14:05:00.123+02:00', '2026-03-31T12:05:00Z'],
	])('converts date %p', async (input, expected) => {
		expect(await resolve([['Order Date', input]])).toEqual({ '9830_4': expected });
	});

	it.each(['31.03.2026', '2026-02-30', 'soon'])('rejects date %p', async (input) => {
		const error = await failure(resolve([['Order Date', input]]));
		expect(error.message).toMatch(/expects a date/);
		expect(error.fix).toMatch(/YYYY-MM-DD/);
	});

	it('converts integers and numbers', async () => {
		expect(
			await resolve([
				['Quantity', ' 12 '],
				['Total', '19.99'],
			]),
		).toEqual({ '9830_10': 12, '9830_11': 19.99 });
	});

	it('rejects a fraction for an integer', async () => {
		const error = await failure(resolve([['Quantity', '1.5']]));
		expect(error.message).toBe(
			'Attribute "Quantity" expects a whole number, but the value is "1.5"',
		);
	});

	it.each([
		['true', true],
		['No', false],
		[1, true],
		[false, false],
	])('converts boolean %p', async (input, expected) => {
		expect(await resolve([['Paid', input]])).toEqual({ '9830_5': expected });
	});

	it('rejects a boolean it cannot read', async () => {
		const error = await failure(resolve([['Paid', 'maybe']]));
		expect(error.message).toMatch(/expects true or false/);
	});

	it('resolves users by login name and ID', async () => {
		expect(await resolve([['Approver', 'jdoe']])).toEqual({ '9830_6': 1001 });
		expect(await resolve([['Approver', '1000']])).toEqual({ '9830_6': 1000 });
	});

	it('reports an unknown login name', async () => {
		const error = await failure(resolve([['Approver', 'nobody']]));
		expect(error.message).toBe('No user "nobody"');
	});

	it('collects multi-value rows and JSON arrays', async () => {
		expect(
			await resolve([
				['Tags', 'a'],
				['Tags', '["b", "c"]'],
			]),
		).toEqual({ '9830_3': ['a', 'b', 'c'] });
	});

	it('enforces the maximum number of values', async () => {
		const error = await failure(resolve([['Tags', ['a', 'b', 'c', 'd']]]));
		expect(error.message).toMatch(/at most 3 values, but 4 were given/);
	});

	it('rejects a second row for a single-value attribute', async () => {
		const error = await failure(
			resolve([
				['Order Number', 'a'],
				['Order Number', 'b'],
			]),
		);
		expect(error.message).toMatch(/given more than once/);
	});

	it('enforces the maximum length', async () => {
		const error = await failure(resolve([['Order Number', 'x'.repeat(33)]]));
		expect(error.message).toBe(
			'Attribute "Order Number" takes at most 32 characters, but the value has 33',
		);
	});

	it('enforces pick list values', async () => {
		expect(await resolve([['Channel', 'POS']])).toEqual({ '9830_12': 'POS' });
		const error = await failure(resolve([['Channel', 'Phone']]));
		expect(error.fix).toBe('Use one of: "Online Store", "POS".');
	});

	it('clears a value with an empty string', async () => {
		expect(
			await resolve([
				['Order Number', ''],
				['Quantity', ''],
			]),
		).toEqual({ '9830_2': '', '9830_10': null });
	});

	it('builds set keys with row numbers', async () => {
		const values = await resolve(
			[],
			[
				['Lines / Line Text', 1, 'first'],
				['Lines / Line Quantity', 2, '4'],
				['Line Text', 2, 'second'],
			],
		);
		expect(values).toEqual({ '9830_7_1_8': 'first', '9830_7_2_9': 4, '9830_7_2_8': 'second' });
	});

	it('rejects a row beyond the set maximum', async () => {
		const error = await failure(resolve([], [['Lines / Line Text', 6, 'x']]));
		expect(error.message).toMatch(/at most 5 rows/);
		expect(error.parameter).toBe('Set Values');
	});

	it('allows only row 1 in a single-row set', async () => {
		expect(await resolve([], [['Shipping / Carrier', 1, 'UPS']])).toEqual({
			'9830_13_1_14': 'UPS',
		});
		const error = await failure(resolve([], [['Shipping / Carrier', 2, 'UPS']]));
		expect(error.message).toMatch(/single row/);
	});
});

describe('coerceDate', () => {
	it('accepts a Date object', () => {
		expect(coerceDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), 'Date')).toBe(
			'2026-01-02T03:04:05Z',
		);
	});
});

describe('parseRawValues', () => {
	it('accepts keys of the category', () => {
		expect(parseRawValues(9830, '{"9830_2": "x", "9830_7_1_8": "y"}', definition)).toEqual({
			'9830_2': 'x',
			'9830_7_1_8': 'y',
		});
	});

	it('accepts the key that applies defaults', () => {
		expect(parseRawValues(9830, { '9830_1': {} }, definition)).toEqual({ '9830_1': {} });
	});

	it('rejects keys of another category', () => {
		expect(() => parseRawValues(9830, '{"1234_2": "x"}', definition)).toThrow(
			/does not belong to category 9830/,
		);
	});

	it('rejects unknown attribute IDs', () => {
		expect(() => parseRawValues(9830, '{"9830_99": "x"}', definition)).toThrow(
			/has no attribute with the key "9830_99"/,
		);
	});

	it('rejects invalid JSON', () => {
		expect(() => parseRawValues(9830, '{"9830_2": ', definition)).toThrow(/not valid JSON/);
	});

	it('rejects an array', () => {
		expect(() => parseRawValues(9830, '[]', definition)).toThrow(/must be a JSON object/);
	});
});
