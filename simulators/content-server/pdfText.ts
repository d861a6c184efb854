/**
 * Extracts the text layer of simple PDFs for full-text search. It reads uncompressed and
 * Flate-compressed content streams and the text shown with Tj, TJ, ' and ". Fonts with a
 * ToUnicode CMap (embedded subset fonts) are mapped through it; other fonts are read as
 * single-byte WinAnsi-like text (standard fonts). This covers what pdfkit and most generators
 * write; object streams and encrypted PDFs yield no text.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
	dict: string;
	stream?: Buffer;
}

interface FontMap {
	codeBytes: number;
	map?: Map<number, string>;
}

function readObjects(source: string): Map<number, PdfObject> {
	const objects = new Map<number, PdfObject>();
	const header = /(\d+)\s+\d+\s+obj\b/g;
	let match: RegExpExecArray | null;
	while ((match = header.exec(source)) !== null) {
		const start = match.index + match[0].length;
		const end = source.indexOf('endobj', start);
		if (end < 0) break;
		const body = source.slice(start, end);
		header.lastIndex = end;

		const streamAt = body.search(/\bstream\r?\n/);
		if (streamAt < 0) {
			objects.set(Number(match[1]), { dict: body });
			continue;
		}
		const dict = body.slice(0, streamAt);
		const dataStart = body.indexOf('\n', streamAt) + 1;
		let dataEnd = body.lastIndexOf('endstream');
		if (dataEnd < dataStart) continue;
		if (body[dataEnd - 1] === '\n') dataEnd--;
		if (body[dataEnd - 1] === '\r') dataEnd--;
		let stream: Buffer | undefined = Buffer.from(body.slice(dataStart, dataEnd), 'latin1');
		if (/\/FlateDecode/.test(dict)) {
			try {
				stream = inflateSync(stream);
			} catch {
				stream = undefined;
			}
		} else if (/\/Filter/.test(dict)) {
			stream = undefined;
		}
		objects.set(Number(match[1]), { dict, stream });
	}
	return objects;
}

function hexToBuffer(hex: string): Buffer {
	const clean = hex.replace(/[^0-9a-fA-F]/g, '');
	return Buffer.from(clean.length % 2 === 1 ? `${clean}0` : clean, 'hex');
}

function utf16(hex: string): string {
	const bytes = hexToBuffer(hex);
	let text = '';
	for (let index = 0; index + 1 < bytes.length; index += 2) {
		text += String.fromCharCode(bytes.readUInt16BE(index));
	}
	return text;
}

/** Parses the bfchar and bfrange sections of a ToUnicode CMap. */
function parseCMap(text: string): FontMap {
	const map = new Map<number, string>();
	const space = /<([0-9a-fA-F]+)>\s*<[0-9a-fA-F]+>\s*endcodespacerange/.exec(text);
	const codeBytes = space ? Math.max(1, Math.ceil(space[1].length / 2)) : 2;

	for (const section of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const pair of section[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) {
			map.set(parseInt(pair[1], 16), utf16(pair[2]));
		}
	}
	for (const section of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const range of section[1].matchAll(
			/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F\s]*>|\[[^\]]*\])/g,
		)) {
			const low = parseInt(range[1], 16);
			const high = parseInt(range[2], 16);
			if (range[3].startsWith('[')) {
				const targets = [...range[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].map((item) => utf16(item[1]));
				targets.forEach((target, offset) => map.set(low + offset, target));
			} else {
				const first = hexToBuffer(range[3].slice(1, -1));
				const base = first.length >= 2 ? first.readUInt16BE(first.length - 2) : (first[0] ?? 0);
				for (let code = low; code <= high && code - low < 65536; code++) {
					map.set(code, String.fromCharCode(base + (code - low)));
				}
			}
		}
	}
	return { codeBytes, map };
}

function fontFor(
	objects: Map<number, PdfObject>,
	id: number,
	cache: Map<number, FontMap>,
): FontMap {
	const cached = cache.get(id);
	if (cached) return cached;
	const dict = objects.get(id)?.dict ?? '';
	const toUnicode = /\/ToUnicode\s+(\d+)\s+\d+\s+R/.exec(dict);
	const stream = toUnicode ? objects.get(Number(toUnicode[1]))?.stream : undefined;
	const font = stream ? parseCMap(stream.toString('latin1')) : { codeBytes: 1 };
	cache.set(id, font);
	return font;
}

/** Resolves `/Font << /F1 5 0 R >>` of a page, following indirect resource dictionaries. */
function pageFonts(objects: Map<number, PdfObject>, pageDict: string): Map<string, number> {
	let resources = pageDict;
	const reference = /\/Resources\s+(\d+)\s+\d+\s+R/.exec(pageDict);
	if (reference) resources = objects.get(Number(reference[1]))?.dict ?? '';
	let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1];
	const fontReference = /\/Font\s+(\d+)\s+\d+\s+R/.exec(resources);
	if (fontDict === undefined && fontReference) {
		fontDict = objects.get(Number(fontReference[1]))?.dict;
	}
	const fonts = new Map<string, number>();
	for (const entry of (fontDict ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) {
		fonts.set(entry[1], Number(entry[2]));
	}
	return fonts;
}

function decodeString(bytes: Buffer, font: FontMap | undefined): string {
	if (!font?.map) return bytes.toString('latin1');
	let text = '';
	for (let index = 0; index + font.codeBytes <= bytes.length; index += font.codeBytes) {
		const code = font.codeBytes === 2 ? bytes.readUInt16BE(index) : bytes[index];
		text += font.map.get(code) ?? '';
	}
	return text;
}

/** Reads a literal string `( ... )` starting at `start`; returns its bytes and the end index. */
function readLiteral(content: string, start: number): { bytes: Buffer; end: number } {
	const out: number[] = [];
	let depth = 1;
	let index = start + 1;
	while (index < content.length && depth > 0) {
		const char = content[index];
		if (char === '\\') {
			const next = content[index + 1];
			const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
			if (next !== undefined && /[0-7]/.test(next)) {
				const octal = /^[0-7]{1,3}/.exec(content.slice(index + 1, index + 4))?.[0] ?? '0';
				out.push(parseInt(octal, 8) & 0xff);
				index += 1 + octal.length;
				continue;
			}
			if (next !== undefined && escapes[next] !== undefined) out.push(escapes[next]);
			else if (next !== undefined && next !== '\n' && next !== '\r') out.push(next.charCodeAt(0));
			index += 2;
			continue;
		}
		if (char === '(') depth++;
		if (char === ')') depth--;
		if (depth > 0) out.push(char.charCodeAt(0) & 0xff);
		index++;
	}
	return { bytes: Buffer.from(out), end: index };
}

type Operand = string | number | Buffer | Operand[];

/** Runs the text operators of one content stream and appends the text it shows. */
function readContent(
	content: string,
	fonts: Map<string, number>,
	fontOf: (id: number) => FontMap,
	out: string[],
): void {
	const stack: Operand[] = [];
	const arrays: Operand[][] = [];
	let font: FontMap | undefined;
	const push = (value: Operand) =>
		(arrays.length > 0 ? arrays[arrays.length - 1] : stack).push(value);

	let index = 0;
	while (index < content.length) {
		const char = content[index];
		if (/\s/.test(char)) {
			index++;
		} else if (char === '%') {
			const end = content.indexOf('\n', index);
			index = end < 0 ? content.length : end;
		} else if (char === '(') {
			const literal = readLiteral(content, index);
			push(literal.bytes);
			index = literal.end;
		} else if (char === '<' && content[index + 1] !== '<') {
			const end = content.indexOf('>', index);
			push(hexToBuffer(content.slice(index + 1, end < 0 ? content.length : end)));
			index = end < 0 ? content.length : end + 1;
		} else if (char === '[') {
			arrays.push([]);
			index++;
		} else if (char === ']') {
			const array = arrays.pop() ?? [];
			push(array);
			index++;
		} else if (char === '/') {
			const name = /^\/[^\s/<>[\]()]*/.exec(content.slice(index))?.[0] ?? '/';
			push(name);
			index += name.length;
		} else if (/[-+.\d]/.test(char)) {
			const number = /^[-+]?(\d+\.?\d*|\.\d+)/.exec(content.slice(index))?.[0] ?? char;
			push(Number(number));
			index += number.length;
		} else {
			const operator = /^[^\s/<>[\]()%]+/.exec(content.slice(index))?.[0] ?? char;
			index += operator.length;
			if (operator === '<<' || operator === '>>') continue;
			applyOperator(operator);
			stack.length = 0;
		}
	}

	function applyOperator(operator: string): void {
		const show = (value: Operand | undefined) => {
			if (Buffer.isBuffer(value)) out.push(decodeString(value, font));
		};
		switch (operator) {
			case 'Tf': {
				const name = String(stack[stack.length - 2] ?? '').slice(1);
				const id = fonts.get(name);
				font = id !== undefined ? fontOf(id) : undefined;
				break;
			}
			case 'Tj':
				show(stack[stack.length - 1]);
				break;
			case "'":
			case '"':
				out.push('\n');
				show(stack[stack.length - 1]);
				break;
			case 'TJ': {
				const array = stack[stack.length - 1];
				if (!Array.isArray(array)) break;
				for (const item of array) {
					// A large negative adjustment moves the pen by about a space.
					if (typeof item === 'number' && item < -200) out.push(' ');
					else show(item);
				}
				break;
			}
			case 'Td':
			case 'TD':
			case 'T*':
			case 'Tm':
			case 'ET':
				out.push('\n');
				break;
		}
	}
}

export function extractPdfText(pdf: Buffer): string {
	const objects = readObjects(pdf.toString('latin1'));
	const fontCache = new Map<number, FontMap>();
	const out: string[] = [];

	const pages = [...objects.values()].filter((object) =>
		/\/Type\s*\/Page(?![a-zA-Z])/.test(object.dict),
	);
	for (const page of pages) {
		const fonts = pageFonts(objects, page.dict);
		const contents = /\/Contents\s+(?:(\d+)\s+\d+\s+R|\[([^\]]*)\])/.exec(page.dict);
		if (!contents) continue;
		const ids = contents[1]
			? [Number(contents[1])]
			: [...(contents[2] ?? '').matchAll(/(\d+)\s+\d+\s+R/g)].map((item) => Number(item[1]));
		for (const id of ids) {
			const stream = objects.get(id)?.stream;
			if (stream)
				readContent(
					stream.toString('latin1'),
					fonts,
					(fontId) => fontFor(objects, fontId, fontCache),
					out,
				);
		}
		out.push('\n');
	}
	return out
		.join('')
		.replace(/[ \t]*\n[ \t\n]*/g, '\n')
		.trim();
}
