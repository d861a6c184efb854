import { inflateSync } from 'zlib';

/**
 * A small reader for the PDFs pdfkit writes (uncompressed object syntax, FlateDecode streams,
 * Type0 fonts with ToUnicode CMaps). It reads the page tree, embedded font names and the text of
 * every page, so tests check the content without a PDF library.
 */

interface PdfObject {
	dictionary: string;
	stream?: Buffer;
}

export interface TextItem {
	page: number;
	x: number;
	y: number;
	font: string;
	size: number;
	/** Advance width in points, from the font's /W widths and the TJ adjustments. */
	width: number;
	text: string;
}

export interface PdfSummary {
	header: string;
	pageCount: number;
	/** BaseFont names of the embedded Type0 fonts without the subset tag, such as "NotoSans-Regular". */
	fonts: string[];
	/** Text items in content-stream order. */
	items: TextItem[];
	/** Text of each page, one string per line from top to bottom, in logical order. */
	pages: string[][];
	/** Entries of the document information dictionary, as written (for example "(D:20250314093112Z)"). */
	info: Record<string, string>;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
	const source = pdf.toString('latin1');
	const objects = new Map<number, PdfObject>();
	const pattern = /(\d+) 0 obj\s*/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(source))) {
		const start = match.index + match[0].length;
		const end = source.indexOf('endobj', start);
		const body = source.slice(start, end);
		const streamAt = body.indexOf('stream');
		if (streamAt < 0 || !body.startsWith('<<')) {
			objects.set(Number(match[1]), { dictionary: body.trim() });
			continue;
		}
		const dictionary = body.slice(0, streamAt);
		const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
		let dataStart = start + streamAt + 'stream'.length;
		if (source[dataStart] === '\r') dataStart++;
		if (source[dataStart] === '\n') dataStart++;
		let stream = pdf.subarray(dataStart, dataStart + length);
		if (/\/FlateDecode/.test(dictionary)) stream = inflateSync(stream);
		objects.set(Number(match[1]), { dictionary, stream });
		pattern.lastIndex = dataStart + length;
	}
	return objects;
}

const reference = (dictionary: string, key: string): number | undefined => {
	const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
	return match ? Number(match[1]) : undefined;
};

/** Reads "<0000> <0063> [<0048> <0061> …]" and "<0001> <0001> <0048>" ranges of a ToUnicode CMap. */
function parseToUnicode(cmap: string): Map<number, string> {
	const map = new Map<number, string>();
	const decode = (hex: string) => {
		const units: number[] = [];
		for (let i = 0; i < hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
		return String.fromCharCode(...units);
	};
	const section = /beginbfrange([\s\S]*?)endbfrange/g;
	let block: RegExpExecArray | null;
	while ((block = section.exec(cmap))) {
		const range = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi;
		let entry: RegExpExecArray | null;
		while ((entry = range.exec(block[1]))) {
			const first = parseInt(entry[1], 16);
			const last = parseInt(entry[2], 16);
			if (entry[3].startsWith('[')) {
				const values = [...entry[3].matchAll(/<([0-9a-f ]*)>/gi)].map((value) =>
					decode(value[1].replace(/ /g, '')),
				);
				values.forEach((value, index) => map.set(first + index, value));
			} else {
				const base = decode(entry[3].slice(1, -1));
				for (let code = first; code <= last; code++) {
					map.set(
						code,
						base.slice(0, -1) +
							String.fromCharCode(base.charCodeAt(base.length - 1) + code - first),
					);
				}
			}
		}
	}
	return map;
}

interface FontInfo {
	name: string;
	toUnicode: Map<number, string>;
	/** Glyph widths in thousandths of an em, by CID. */
	widths: number[];
}

/** Reads "/W [0 [600 741 …]]", the only form pdfkit writes. */
function parseWidths(dictionary: string): number[] {
	const list = /\/W \[0 \[([^\]]*)\]\]/.exec(dictionary)?.[1] ?? '';
	return list.trim().split(/\s+/).filter(Boolean).map(Number);
}

function pageFonts(objects: Map<number, PdfObject>, page: PdfObject, cache: Map<number, FontInfo>) {
	const resourcesId = reference(page.dictionary, 'Resources');
	const resources = resourcesId ? objects.get(resourcesId)!.dictionary : page.dictionary;
	const fontDictionary = /\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
	const fonts = new Map<string, FontInfo>();
	for (const [, key, id] of fontDictionary.matchAll(/\/(\S+) (\d+) 0 R/g)) {
		const objectId = Number(id);
		if (!cache.has(objectId)) {
			const dictionary = objects.get(objectId)!.dictionary;
			const name = /\/BaseFont \/(?:[A-Z]{6}\+)?(\S+)/.exec(dictionary)?.[1] ?? key;
			const cmapId = reference(dictionary, 'ToUnicode');
			const cmap = cmapId ? objects.get(cmapId)!.stream!.toString('latin1') : '';
			const descendantId = Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(dictionary)?.[1]);
			const widths = parseWidths(objects.get(descendantId)?.dictionary ?? '');
			cache.set(objectId, { name, toUnicode: parseToUnicode(cmap), widths });
		}
		fonts.set(key, cache.get(objectId)!);
	}
	return fonts;
}

function decodeUtf16Hex(hex: string): string {
	let value = '';
	for (let i = 4; i < hex.length; i += 4)
		value += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
	return value;
}

/**
 * Reads the text-showing operators pdfkit writes. Text inside a marked-content span with
 * /ActualText becomes one item carrying that text, as PDF viewers extract it.
 */
function readContent(content: string, fonts: Map<string, FontInfo>, page: number): TextItem[] {
	const items: TextItem[] = [];
	let font: FontInfo | undefined;
	let size = 0;
	let x = 0;
	let y = 0;
	let actualText: { text: string; firstItem: number } | undefined;
	const operators =
		/\/Span <<\s*\/ActualText <(FEFF[0-9a-f]*)>\s*>> BDC|EMC|1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm|\/(\S+) ([\d.]+) Tf|\[([^\]]*)\] TJ/g;
	let match: RegExpExecArray | null;
	while ((match = operators.exec(content))) {
		if (match[1] !== undefined) {
			actualText = { text: decodeUtf16Hex(match[1]), firstItem: items.length };
		} else if (match[0] === 'EMC') {
			if (actualText && items.length > actualText.firstItem) {
				const spanned = items.splice(actualText.firstItem);
				const left = Math.min(...spanned.map((item) => item.x));
				const right = Math.max(...spanned.map((item) => item.x + item.width));
				items.push({ ...spanned[0], x: left, width: right - left, text: actualText.text });
			}
			actualText = undefined;
		} else if (match[2] !== undefined) {
			x = Number(match[2]);
			y = Number(match[3]);
		} else if (match[4] !== undefined) {
			font = fonts.get(match[4]);
			size = Number(match[5]);
		} else if (font) {
			const codes = [...match[6].matchAll(/<([0-9a-f]*)>/gi)].flatMap((hex) =>
				(hex[1].match(/.{4}/g) ?? []).map((code) => parseInt(code, 16)),
			);
			const adjustments = [...match[6].replace(/<[0-9a-f]*>/gi, ' ').matchAll(/-?[\d.]+/g)];
			const glyphWidth = codes.reduce((sum, code) => sum + (font!.widths[code] ?? 0), 0);
			const adjustment = adjustments.reduce((sum, value) => sum + Number(value[0]), 0);
			const text = codes.map((code) => font!.toUnicode.get(code) ?? '\uFFFD').join('');
			const width = ((glyphWidth - adjustment) * size) / 1000;
			items.push({ page, x, y, font: font.name, size, width, text });
		}
	}
	return items;
}

/**
 * Joins the items of one baseline into a line, in content-stream order. The renderer draws runs
 * in logical order, so right-to-left text reads in logical order too. Items that touch are
 * joined directly, because a word can be drawn in several runs. A visible gap becomes one space.
 */
function linesOf(items: TextItem[]): string[] {
	// Marks and some Arabic glyphs are placed with small vertical offsets from their baseline.
	const tolerance = 2.5;
	const rows = new Map<number, TextItem[]>();
	for (const item of items) {
		const key = [...rows.keys()].find((y) => Math.abs(y - item.y) <= tolerance);
		if (key === undefined) rows.set(item.y, [item]);
		else rows.get(key)!.push(item);
	}
	const touches = (a: TextItem, b: TextItem) =>
		Math.abs(b.x - (a.x + a.width)) <= a.size * 0.2 ||
		Math.abs(a.x - (b.x + b.width)) <= a.size * 0.2;
	return [...rows.entries()]
		.sort((a, b) => b[0] - a[0])
		.map(([, row]) =>
			row
				.reduce(
					(line, item, index) =>
						line + (index > 0 && !touches(row[index - 1], item) ? ' ' : '') + item.text,
					'',
				)
				.replace(/\s+/g, ' ')
				.trim(),
		)
		.filter((line) => line !== '');
}

export function inspectPdf(pdf: Buffer): PdfSummary {
	const header = pdf.subarray(0, 8).toString('latin1');
	const objects = parseObjects(pdf);
	const source = pdf.toString('latin1');
	const rootId = Number(/\/Root (\d+) 0 R/.exec(source)?.[1]);
	const pagesId = reference(objects.get(rootId)!.dictionary, 'Pages')!;
	const pagesDictionary = objects.get(pagesId)!.dictionary;
	const pageCount = Number(/\/Count (\d+)/.exec(pagesDictionary)?.[1]);
	const kids = [
		...(/\/Kids \[([^\]]*)\]/.exec(pagesDictionary)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
	].map((kid) => Number(kid[1]));

	const fontCache = new Map<number, FontInfo>();
	const items: TextItem[] = [];
	const pages: string[][] = [];
	kids.forEach((kid, index) => {
		const page = objects.get(kid)!;
		const fonts = pageFonts(objects, page, fontCache);
		const contentId = reference(page.dictionary, 'Contents')!;
		const pageItems = readContent(
			objects.get(contentId)!.stream!.toString('latin1'),
			fonts,
			index + 1,
		);
		items.push(...pageItems);
		pages.push(linesOf(pageItems));
	});

	const fonts = [...objects.values()]
		.filter((object) => /\/Subtype \/Type0/.test(object.dictionary))
		.map((object) => /\/BaseFont \/(?:[A-Z]{6}\+)?(\S+)/.exec(object.dictionary)?.[1] ?? '')
		.sort();
	const infoId = Number(/\/Info (\d+) 0 R/.exec(source)?.[1]);
	const info: Record<string, string> = {};
	for (const [, key, id] of (objects.get(infoId)?.dictionary ?? '').matchAll(
		/\/(\w+) (\d+) 0 R/g,
	)) {
		info[key] = objects.get(Number(id))?.dictionary ?? '';
	}
	return { header, pageCount, fonts, items, pages, info };
}
