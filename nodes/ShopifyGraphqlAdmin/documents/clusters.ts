import { bidiClass, paragraphLevel, resolveLevels, type BidiClass } from './bidi';
import { selectFace, type FontFaceName, type FontWeight } from './fonts';

/**
 * Splits text into grapheme clusters and gives each the face that draws it, its bidi level and
 * whether a line may break before it.
 */

/** One grapheme cluster with the face that draws it and its bidi embedding level. */
export interface Cluster {
	text: string;
	face: FontFaceName;
	level: number;
	whitespace: boolean;
	/** Whether a line may break before this cluster. */
	breakBefore: boolean;
}

export interface Paragraph {
	clusters: Cluster[];
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Breakable spaces. No-break spaces (U+00A0, U+2007, U+202F) keep formatted amounts whole. */
const WHITESPACE = /^[ \u1680\u2000-\u2006\u2008-\u200a\u205f\u3000]+$/u;
const BREAK_AFTER = new Set(['-', '/', '‐', '–', '—']);
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Characters that must not start a line in CJK text (closing punctuation, small kana). */
const NO_BREAK_BEFORE = new Set(
	Array.from('、。，．：；？！）」』】〕〉》’”ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ…'),
);
/** Characters that must not end a line in CJK text (opening punctuation). */
const NO_BREAK_AFTER = new Set(Array.from('（「『【〔〈《‘“'));

function canBreakBefore(
	previous: string,
	current: string,
	beforePrevious: string | undefined,
): boolean {
	const previousIsSpace = WHITESPACE.test(previous);
	const currentIsSpace = WHITESPACE.test(current);
	if (previousIsSpace) return !currentIsSpace;
	if (currentIsSpace) return false;
	if (BREAK_AFTER.has(previous)) {
		return beforePrevious !== undefined && !WHITESPACE.test(beforePrevious);
	}
	if (IDEOGRAPHIC.test(previous) || IDEOGRAPHIC.test(current)) {
		return !NO_BREAK_BEFORE.has(current) && !NO_BREAK_AFTER.has(previous);
	}
	return false;
}

/** Splits text into paragraphs of clusters with faces, bidi levels and line-break opportunities. */
export function prepareParagraphs(text: string, weight: FontWeight): Paragraph[] {
	const normalized = text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(/\t/g, ' ')
		.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');

	return normalized.split('\n').map((paragraph) => {
		const clusterTexts = Array.from(graphemes.segment(paragraph), (segment) => segment.segment);

		const classes: BidiClass[] = [];
		const firstCodePointIndex: number[] = [];
		for (const cluster of clusterTexts) {
			firstCodePointIndex.push(classes.length);
			for (const character of cluster) {
				classes.push(bidiClass(character.codePointAt(0) as number));
			}
		}
		const levels = resolveLevels(classes, paragraphLevel(classes));

		const clusters = clusterTexts.map((cluster, index) => ({
			text: cluster,
			face: selectFace(cluster, weight),
			level: levels[firstCodePointIndex[index]],
			whitespace: WHITESPACE.test(cluster),
			breakBefore:
				index > 0 && canBreakBefore(clusterTexts[index - 1], cluster, clusterTexts[index - 2]),
		}));
		return { clusters };
	});
}
