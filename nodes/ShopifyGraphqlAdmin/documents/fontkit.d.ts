/**
 * The part of fontkit 2.x (pdfkit's font engine) that the renderer uses. fontkit ships no type
 * declarations, so this file declares them.
 */
declare module 'fontkit' {
	export interface FontkitFont {
		postscriptName: string;
		unitsPerEm: number;
		GSUB?: unknown;
		GPOS?: unknown;
		morx?: unknown;
		hasGlyphForCodePoint(codePoint: number): boolean;
		layout(text: string, features?: string[]): unknown;
	}

	export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
