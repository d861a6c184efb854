/**
 * A subset of the Unicode Bidirectional Algorithm (UAX #9) for single-line labels and table
 * cells: paragraph level (P2, P3), weak types (W1-W7), neutrals (N1, N2), implicit levels (I1,
 * I2), trailing whitespace (L1), reordering (L2) and mirroring of paired brackets (L4).
 *
 * NOTE: explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are dropped
 * like boundary neutrals instead of applied, and bracket pairs (N0) are resolved as plain
 * neutrals, so such text can order differently from a browser.
 */

export type BidiClass =
	'L' | 'R' | 'AL' | 'EN' | 'ES' | 'ET' | 'AN' | 'CS' | 'NSM' | 'BN' | 'B' | 'S' | 'WS' | 'ON';

type Range = readonly [number, number];

const BOUNDARY_NEUTRAL: Range[] = [
	[0x0000, 0x0008],
	[0x000e, 0x001b],
	[0x007f, 0x0084],
	[0x0086, 0x009f],
	[0x00ad, 0x00ad],
	[0x180e, 0x180e],
	[0x200b, 0x200d],
	[0x202a, 0x202e],
	[0x2060, 0x2069],
	[0xfeff, 0xfeff],
	[0xe0000, 0xe0fff],
];
const PARAGRAPH_SEPARATOR: Range[] = [
	[0x000a, 0x000a],
	[0x000d, 0x000d],
	[0x001c, 0x001e],
	[0x0085, 0x0085],
	[0x2029, 0x2029],
];
const SEGMENT_SEPARATOR: Range[] = [
	[0x0009, 0x0009],
	[0x000b, 0x000b],
	[0x001f, 0x001f],
];
const WHITESPACE: Range[] = [
	[0x000c, 0x000c],
	[0x0020, 0x0020],
	[0x1680, 0x1680],
	[0x2000, 0x200a],
	[0x2028, 0x2028],
	[0x205f, 0x205f],
	[0x3000, 0x3000],
];
const EUROPEAN_NUMBER: Range[] = [
	[0x0030, 0x0039],
	[0x00b2, 0x00b3],
	[0x00b9, 0x00b9],
	[0x06f0, 0x06f9],
	[0x2070, 0x2070],
	[0x2074, 0x2079],
	[0x2080, 0x2089],
	[0x2488, 0x249b],
	[0xff10, 0xff19],
	[0x1d7ce, 0x1d7ff],
	[0x1f100, 0x1f10a],
];
const ARABIC_NUMBER: Range[] = [
	[0x0600, 0x0605],
	[0x0660, 0x0669],
	[0x066b, 0x066c],
	[0x06dd, 0x06dd],
	[0x0890, 0x0891],
	[0x08e2, 0x08e2],
	[0x10e60, 0x10e7e],
];
const COMMON_SEPARATOR: Range[] = [
	[0x002c, 0x002c],
	[0x002e, 0x002f],
	[0x003a, 0x003a],
	[0x00a0, 0x00a0],
	[0x060c, 0x060c],
	[0x202f, 0x202f],
	[0x2044, 0x2044],
	[0xfe50, 0xfe50],
	[0xfe52, 0xfe52],
	[0xfe55, 0xfe55],
	[0xff0c, 0xff0c],
	[0xff0e, 0xff0f],
	[0xff1a, 0xff1a],
];
const EUROPEAN_SEPARATOR: Range[] = [
	[0x002b, 0x002b],
	[0x002d, 0x002d],
	[0x207a, 0x207b],
	[0x208a, 0x208b],
	[0x2212, 0x2212],
	[0xfb29, 0xfb29],
	[0xfe62, 0xfe63],
	[0xff0b, 0xff0b],
	[0xff0d, 0xff0d],
];
const EUROPEAN_TERMINATOR: Range[] = [
	[0x0023, 0x0025],
	[0x00a2, 0x00a5],
	[0x00b0, 0x00b1],
	[0x0609, 0x060a],
	[0x066a, 0x066a],
	[0x2030, 0x2034],
	[0x20a0, 0x20cf],
	[0x212e, 0x212e],
	[0x2213, 0x2213],
	[0xfe5f, 0xfe5f],
	[0xfe69, 0xfe6a],
	[0xff03, 0xff05],
	[0xffe0, 0xffe1],
	[0xffe5, 0xffe6],
];
/** Regional indicators are symbols, but their bidi class is L. */
const LEFT_TO_RIGHT_SYMBOL: Range[] = [
	[0x200e, 0x200e],
	[0x1f1e6, 0x1f1ff],
];

const NON_SPACING_MARK = /[\p{Mn}\p{Me}]/u;
const ARABIC_LETTER_SCRIPT =
	/[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Hanifi_Rohingya}]|\u061C/u;
const RIGHT_TO_LEFT_SCRIPT =
	/[\p{Script=Hebrew}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Mende_Kikakui}]|\u200F/u;
const OTHER_NEUTRAL = /[\p{P}\p{S}\p{No}]/u;
const SPACE_SEPARATOR = /\p{Zs}/u;
const FORMAT_CHARACTER = /\p{Cf}/u;

function inRanges(codePoint: number, ranges: Range[]): boolean {
	return ranges.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** Returns the bidi class of a code point, from Unicode's ranges and general categories. */
export function bidiClass(codePoint: number): BidiClass {
	if (codePoint < 0x41 || (codePoint >= 0x5b && codePoint <= 0x60) || codePoint >= 0x7b) {
		if (inRanges(codePoint, LEFT_TO_RIGHT_SYMBOL)) return 'L';
		if (inRanges(codePoint, BOUNDARY_NEUTRAL)) return 'BN';
		if (inRanges(codePoint, PARAGRAPH_SEPARATOR)) return 'B';
		if (inRanges(codePoint, SEGMENT_SEPARATOR)) return 'S';
		if (inRanges(codePoint, WHITESPACE)) return 'WS';
		if (inRanges(codePoint, EUROPEAN_NUMBER)) return 'EN';
		if (inRanges(codePoint, ARABIC_NUMBER)) return 'AN';
		if (inRanges(codePoint, COMMON_SEPARATOR)) return 'CS';
		if (inRanges(codePoint, EUROPEAN_SEPARATOR)) return 'ES';
		if (inRanges(codePoint, EUROPEAN_TERMINATOR)) return 'ET';
	} else {
		return 'L';
	}

	const character = String.fromCodePoint(codePoint);
	if (NON_SPACING_MARK.test(character)) return 'NSM';
	if (ARABIC_LETTER_SCRIPT.test(character)) return 'AL';
	if (RIGHT_TO_LEFT_SCRIPT.test(character)) return 'R';
	if (/\p{Sc}/u.test(character)) return 'ET';
	if (OTHER_NEUTRAL.test(character)) return 'ON';
	if (SPACE_SEPARATOR.test(character)) return 'WS';
	if (FORMAT_CHARACTER.test(character)) return 'BN';
	return 'L';
}

/** Returns the paragraph level from the first strong character (rules P2, P3), or 0 without one. */
export function paragraphLevel(classes: readonly BidiClass[]): 0 | 1 {
	for (const type of classes) {
		if (type === 'L') return 0;
		if (type === 'R' || type === 'AL') return 1;
	}
	return 0;
}

const isNeutral = (type: BidiClass) =>
	type === 'B' || type === 'S' || type === 'WS' || type === 'ON';

/** Direction a resolved type counts as next to neutrals (rule N1: numbers count as R). */
function strongDirection(type: BidiClass): 'L' | 'R' | undefined {
	if (type === 'L') return 'L';
	if (type === 'R' || type === 'EN' || type === 'AN') return 'R';
	return undefined;
}

function resolveWeakTypes(types: BidiClass[], startOfSequence: 'L' | 'R'): void {
	const count = types.length;

	// W1: a non-spacing mark takes the type of the character before it.
	for (let i = 0; i < count; i++) {
		if (types[i] === 'NSM') types[i] = i === 0 ? startOfSequence : types[i - 1];
	}

	// W2: European numbers after Arabic letters are Arabic numbers. W3: AL becomes R.
	let lastStrong: BidiClass = startOfSequence;
	for (let i = 0; i < count; i++) {
		const type = types[i];
		if (type === 'L' || type === 'R' || type === 'AL') lastStrong = type;
		else if (type === 'EN' && lastStrong === 'AL') types[i] = 'AN';
	}
	for (let i = 0; i < count; i++) if (types[i] === 'AL') types[i] = 'R';

	// W4: one separator between two numbers of the same kind joins them.
	for (let i = 1; i < count - 1; i++) {
		const before = types[i - 1];
		const after = types[i + 1];
		if (types[i] === 'ES' && before === 'EN' && after === 'EN') types[i] = 'EN';
		else if (types[i] === 'CS' && before === after && (before === 'EN' || before === 'AN')) {
			types[i] = before;
		}
	}

	// W5: terminators such as % or currency signs next to European numbers become numbers.
	for (let i = 0; i < count; i++) {
		if (types[i] !== 'ET') continue;
		let end = i;
		while (end < count && types[end] === 'ET') end++;
		if ((i > 0 && types[i - 1] === 'EN') || (end < count && types[end] === 'EN')) {
			types.fill('EN', i, end);
		}
		i = end - 1;
	}

	// W6: remaining separators and terminators are neutral.
	for (let i = 0; i < count; i++) {
		const type = types[i];
		if (type === 'ES' || type === 'ET' || type === 'CS') types[i] = 'ON';
	}

	// W7: European numbers in left-to-right context are L.
	lastStrong = startOfSequence;
	for (let i = 0; i < count; i++) {
		const type = types[i];
		if (type === 'L' || type === 'R') lastStrong = type;
		else if (type === 'EN' && lastStrong === 'L') types[i] = 'L';
	}
}

function resolveNeutralTypes(types: BidiClass[], embeddingDirection: 'L' | 'R'): void {
	const count = types.length;
	for (let i = 0; i < count; i++) {
		if (!isNeutral(types[i])) continue;
		let end = i;
		while (end < count && isNeutral(types[end])) end++;

		// N1: neutrals between strong text of one direction take it. N2: others take the embedding.
		const before = i === 0 ? embeddingDirection : strongDirection(types[i - 1]);
		const after = end === count ? embeddingDirection : strongDirection(types[end]);
		types.fill(before === after && before ? before : embeddingDirection, i, end);
		i = end - 1;
	}
}

/**
 * Resolves the embedding level of every code point of one paragraph. Boundary neutrals (joiners,
 * soft hyphens, dropped explicit formatting) take the level of the character before them.
 */
export function resolveLevels(classes: readonly BidiClass[], level: 0 | 1): number[] {
	// Rule X9: boundary neutrals take no part in resolving the other characters.
	const retained: number[] = [];
	for (let i = 0; i < classes.length; i++) if (classes[i] !== 'BN') retained.push(i);

	const embeddingDirection = level === 1 ? 'R' : 'L';
	const types = retained.map((index) => classes[index]);
	resolveWeakTypes(types, embeddingDirection);
	resolveNeutralTypes(types, embeddingDirection);

	// I1, I2: implicit levels.
	const levels = new Array<number>(classes.length).fill(level);
	retained.forEach((index, position) => {
		const type = types[position];
		if (level === 0) {
			if (type === 'R') levels[index] = 1;
			else if (type === 'AN' || type === 'EN') levels[index] = 2;
		} else if (type === 'L' || type === 'EN' || type === 'AN') {
			levels[index] = 2;
		}
	});

	for (let i = 1; i < classes.length; i++) {
		if (classes[i] === 'BN') levels[i] = levels[i - 1];
	}
	return levels;
}

/**
 * Returns the indices of runs in visual order, left to right (rule L2): from the highest level
 * down to the lowest odd level, every maximal sequence at that level or above is reversed.
 */
export function visualOrder(levels: readonly number[]): number[] {
	const order = levels.map((_, index) => index);
	if (levels.length === 0) return order;

	const highest = Math.max(...levels);
	const lowestOdd = Math.min(...levels) | 1;
	for (let level = highest; level >= lowestOdd; level--) {
		let i = 0;
		while (i < order.length) {
			if (levels[order[i]] < level) {
				i++;
				continue;
			}
			let end = i;
			while (end < order.length && levels[order[end]] >= level) end++;
			const reversed = order.slice(i, end).reverse();
			order.splice(i, end - i, ...reversed);
			i = end;
		}
	}
	return order;
}

const MIRRORED_PAIRS = '()<>[]{}«»‹›⁅⁆⁽⁾₍₎≤≥〈〉《》「」『』【】〔〕〖〗〘〙〚〛（）＜＞［］｛｝｢｣';
const MIRRORS = new Map<string, string>();
for (let i = 0; i < MIRRORED_PAIRS.length; i += 2) {
	MIRRORS.set(MIRRORED_PAIRS[i], MIRRORED_PAIRS[i + 1]);
	MIRRORS.set(MIRRORED_PAIRS[i + 1], MIRRORED_PAIRS[i]);
}

/** Replaces brackets with their mirrored form, for characters drawn right to left (rule L4). */
export function mirrorBrackets(text: string): string {
	let mirrored = '';
	for (const character of text) mirrored += MIRRORS.get(character) ?? character;
	return mirrored;
}
