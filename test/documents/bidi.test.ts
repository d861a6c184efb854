import {
	bidiClass,
	mirrorBrackets,
	paragraphLevel,
	resolveLevels,
	visualOrder,
} from '../../nodes/ShopifyGraphqlAdmin/documents/bidi';

function levelsOf(text: string): { level: 0 | 1; levels: number[] } {
	const classes = Array.from(text, (character) => bidiClass(character.codePointAt(0) as number));
	const level = paragraphLevel(classes);
	return { level, levels: resolveLevels(classes, level) };
}

/** Reorders a string character by character, as the renderer does with runs. */
function visual(text: string): string {
	const characters = Array.from(text);
	const { levels } = levelsOf(text);
	return visualOrder(levels)
		.map((index) =>
			levels[index] % 2 === 1 ? mirrorBrackets(characters[index]) : characters[index],
		)
		.join('');
}

describe('bidiClass', () => {
	it.each([
		['A', 'L'],
		['é', 'L'],
		['北', 'L'],
		['א', 'R'],
		['م', 'AL'],
		['1', 'EN'],
		['٣', 'AN'],
		['۳', 'EN'],
		['+', 'ES'],
		['€', 'ET'],
		['%', 'ET'],
		[',', 'CS'],
		['\u00a0', 'CS'],
		[' ', 'WS'],
		['\u0301', 'NSM'],
		['\u064e', 'NSM'],
		['\u200d', 'BN'],
		['\u202e', 'BN'],
		['(', 'ON'],
		['😀', 'ON'],
		['🇩', 'L'],
	])('%p is %s', (character, expected) => {
		expect(bidiClass(character.codePointAt(0) as number)).toBe(expected);
	});
});

describe('paragraphLevel', () => {
	it('follows the first strong character', () => {
		expect(levelsOf('Order 12 שלום').level).toBe(0);
		expect(levelsOf('12 שלום Order').level).toBe(1);
		expect(levelsOf('123 456').level).toBe(0);
	});
});

describe('visual order', () => {
	it('keeps left-to-right text', () => {
		expect(visual('Hello, world (1)')).toBe('Hello, world (1)');
	});

	it('reverses a Hebrew paragraph', () => {
		expect(visual('שלום כהן')).toBe('ןהכ םולש');
	});

	it('keeps European numbers left to right inside Arabic', () => {
		expect(visual('شارع 12')).toBe('12 عراش');
		expect(visual('شارع 123,45')).toBe('123,45 عراش');
	});

	it('keeps Arabic-Indic numbers left to right', () => {
		expect(visual('رقم ١٢٣')).toBe('١٢٣ مقر');
	});

	it('places a Hebrew word inside English text', () => {
		expect(visual('Ship to שלום כהן today')).toBe('Ship to ןהכ םולש today');
	});

	it('places English inside a right-to-left paragraph', () => {
		expect(visual('שלום Jane Doe!')).toBe('!Jane Doe םולש');
	});

	it('mirrors brackets in right-to-left text', () => {
		expect(visual('כהן (שלום)')).toBe('(םולש) ןהכ');
	});

	it('keeps a currency sign with its number', () => {
		expect(visual('סה"כ 12.50€')).toBe('12.50€ כ"הס');
	});

	it('gives combining marks the level of their base', () => {
		const { levels } = levelsOf('مَرحبا');

		expect(new Set(levels)).toEqual(new Set([1]));
	});
});

describe('visualOrder', () => {
	it('reverses from the highest level down to the lowest odd level', () => {
		expect(visualOrder([0, 1, 1, 0])).toEqual([0, 2, 1, 3]);
		expect(visualOrder([1, 2, 2, 1])).toEqual([3, 1, 2, 0]);
		expect(visualOrder([])).toEqual([]);
	});
});
