import { readFileSync } from 'fs';
import * as path from 'path';
import { create as createFontkitFont, type FontkitFont } from 'fontkit';

/**
 * Bundled fonts (SIL Open Font License 1.1, license texts beside them). The build copies the
 * .ttf files under nodes/ into dist/ with the same layout, so this path works from the sources
 * and from dist/.
 */
export const FONT_DIRECTORY = path.join(__dirname, '..', 'fonts');

export const FONT_FILES = {
	'NotoSans-Regular': 'NotoSans-Regular.ttf',
	'NotoSans-Bold': 'NotoSans-Bold.ttf',
	'NotoSansArabic-Regular': 'NotoSansArabic-Regular.ttf',
	'NotoSansArabic-Bold': 'NotoSansArabic-Bold.ttf',
	'NotoSansHebrew-Regular': 'NotoSansHebrew-Regular.ttf',
	'NotoSansHebrew-Bold': 'NotoSansHebrew-Bold.ttf',
	'NotoSansSC-Regular': 'NotoSansSC-Regular.ttf',
	'NotoEmoji-Regular': 'NotoEmoji-Regular.ttf',
} as const;

export type FontFaceName = keyof typeof FONT_FILES;

export type FontWeight = 'regular' | 'bold';

/**
 * Fallback order per weight: the first face that has a glyph for every character of a grapheme
 * cluster draws it. CJK and emoji have one weight only, so bold text uses their regular face.
 */
const FALLBACK_CHAINS: Record<FontWeight, readonly FontFaceName[]> = {
	regular: [
		'NotoSans-Regular',
		'NotoSansArabic-Regular',
		'NotoSansHebrew-Regular',
		'NotoSansSC-Regular',
		'NotoEmoji-Regular',
	],
	bold: [
		'NotoSans-Bold',
		'NotoSansArabic-Bold',
		'NotoSansHebrew-Bold',
		'NotoSansSC-Regular',
		'NotoEmoji-Regular',
	],
};

const EMOJI_FACE: FontFaceName = 'NotoEmoji-Regular';

/** Characters that need no glyph of their own: joiners, variation selectors, bidi marks. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;

/**
 * Clusters that ask for emoji presentation. Without this, a character such as U+2615 (hot
 * beverage) would be drawn from the CJK font, which has a text-style glyph for it.
 */
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\uFE0F|\u20E3/u;
const TEXT_PRESENTATION = /\uFE0E/;

const fontFileCache = new Map<FontFaceName, Buffer>();
const coverageFontCache = new Map<FontFaceName, FontkitFont>();
const faceCache = new Map<string, FontFaceName>();
const FACE_CACHE_LIMIT = 50_000;

function readOrError(file: string): Buffer | Error {
	try {
		return readFileSync(file);
	} catch (error) {
		return error as Error;
	}
}

/** Reads a bundled font file once per process. */
export function loadFontFile(face: FontFaceName): Buffer {
	const cached = fontFileCache.get(face);
	if (cached) return cached;

	const file = path.join(FONT_DIRECTORY, FONT_FILES[face]);
	const result = readOrError(file);
	if (result instanceof Error) {
		throw new Error(
			`Failed to read font file ${FONT_FILES[face]} from ${FONT_DIRECTORY} (${result.message}). ` +
				'The package build must copy the .ttf files under nodes/ into dist/ with the same folder layout. Reinstall the package.',
		);
	}
	fontFileCache.set(face, result);
	return result;
}

/**
 * Returns a fontkit font used only to ask which characters a face covers. pdfkit parses its own
 * copy for every document, because fontkit caches glyph objects per font and the first document
 * to use a glyph would otherwise decide the ToUnicode entry of later documents.
 */
export function coverageFont(face: FontFaceName): FontkitFont {
	let font = coverageFontCache.get(face);
	if (!font) {
		font = createFontkitFont(loadFontFile(face));
		coverageFontCache.set(face, font);
	}
	return font;
}

function facesFor(cluster: string, weight: FontWeight): readonly FontFaceName[] {
	const chain = FALLBACK_CHAINS[weight];
	if (TEXT_PRESENTATION.test(cluster) || !EMOJI_PRESENTATION.test(cluster)) return chain;
	return [EMOJI_FACE, ...chain.filter((face) => face !== EMOJI_FACE)];
}

function coversCluster(face: FontFaceName, codePoints: number[]): boolean {
	const font = coverageFont(face);
	return codePoints.every((codePoint) => font.hasGlyphForCodePoint(codePoint));
}

/**
 * Picks the face that draws a grapheme cluster. That is the first face in the fallback chain with
 * glyphs for all visible characters of the cluster, else the first with its base character. When
 * no face has it, the primary face draws its missing-glyph box.
 */
export function selectFace(cluster: string, weight: FontWeight): FontFaceName {
	const cacheKey = `${weight}\u0000${cluster}`;
	const cached = faceCache.get(cacheKey);
	if (cached) return cached;

	const codePoints = Array.from(cluster, (character) => character.codePointAt(0) as number);
	const visible = codePoints.filter(
		(codePoint) => !IGNORABLE.test(String.fromCodePoint(codePoint)),
	);
	const required = visible.length > 0 ? visible : codePoints;
	const faces = facesFor(cluster, weight);

	const face =
		faces.find((candidate) => coversCluster(candidate, required)) ??
		faces.find((candidate) => coversCluster(candidate, required.slice(0, 1))) ??
		faces[0];

	if (faceCache.size >= FACE_CACHE_LIMIT) faceCache.clear();
	faceCache.set(cacheKey, face);
	return face;
}

/**
 * Tells whether fontkit reverses the glyphs of this text when it lays it out in this face.
 * fontkit takes the script of the first character that has one, and its OpenType engine (for
 * fonts with GSUB or GPOS tables) reverses runs of right-to-left scripts.
 */
export function fontkitReverses(face: FontFaceName, text: string): boolean {
	const font = coverageFont(face);
	if (!font.GSUB && !font.GPOS && !font.morx) return false;

	const match = FIRST_SCRIPT_CHARACTER.exec(text);
	return match !== null && RTL_SCRIPT.test(match[0]);
}

const FIRST_SCRIPT_CHARACTER = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** Right-to-left scripts, as fontkit 2 lists them. */
const RTL_SCRIPT =
	/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Imperial_Aramaic}\p{Script=Phoenician}\p{Script=Kharoshthi}\p{Script=Old_South_Arabian}\p{Script=Avestan}\p{Script=Inscriptional_Parthian}\p{Script=Inscriptional_Pahlavi}\p{Script=Old_Turkic}\p{Script=Cypriot}\p{Script=Lydian}\p{Script=Old_North_Arabian}\p{Script=Nabataean}\p{Script=Palmyrene}\p{Script=Manichaean}\p{Script=Mende_Kikakui}\p{Script=Psalter_Pahlavi}\p{Script=Meroitic_Cursive}\p{Script=Meroitic_Hieroglyphs}]/u;
