import { mirrorBrackets, visualOrder } from './bidi';
import { prepareParagraphs, type Cluster } from './clusters';
import { fontkitReverses, loadFontFile, type FontFaceName, type FontWeight } from './fonts';

export interface TextStyle {
	/** Font size in points. */
	size: number;
	weight?: FontWeight;
	/** Fill color as a CSS hex string. */
	color?: string;
}

/** A piece of one line in one face and one direction, ready for pdfkit. */
export interface TextRun {
	face: FontFaceName;
	/** The characters in the order pdfkit must receive them to show them in visual order. */
	text: string;
	/** Whether fontkit must shape the run as a whole because it reverses right-to-left scripts. */
	shapeWhole: boolean;
	/** Distance of the run's left edge from the line's left edge, in points. */
	offset: number;
	width: number;
	/**
	 * The run's characters in logical order, for runs drawn reversed or in Arabic. It becomes
	 * the run's ActualText, because glyph-by-glyph extraction would return reversed text, and
	 * Noto Sans Arabic draws letters that differ only in their dots from one shared base glyph
	 * whose ToUnicode entry can name only one of them.
	 */
	actualText?: string;
}

export interface TextLine {
	/**
	 * Runs in logical order, which is also the order they are drawn in, so text extraction
	 * that follows the content stream reads them in logical order.
	 */
	runs: TextRun[];
	width: number;
}

export interface TextBlock {
	lines: TextLine[];
	size: number;
	color: string;
	lineHeight: number;
	height: number;
	/** Width of the widest line. */
	width: number;
}

const ARABIC_FACES = new Set<FontFaceName>(['NotoSansArabic-Regular', 'NotoSansArabic-Bold']);

export const LINE_HEIGHT_RATIO = 1.3;
const BASELINE_RATIO = 0.95;
const DEFAULT_COLOR = '#1f2328';

/** Encodes text as a PDF hex string in UTF-16BE with a byte order mark. */
function utf16Hex(text: string): string {
	let hex = 'FEFF';
	for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
	return `<${hex}>`;
}

/** Lays out and draws mixed-script text with pdfkit, one face per run. */
export class TextEngine {
	private readonly registered = new Set<FontFaceName>();
	private readonly widthCache = new Map<string, number>();

	/** ActualText of the run being drawn, written by the addContent hook below. */
	private actualText: string | undefined;

	constructor(private readonly doc: PDFKit.PDFDocument) {
		// pdfkit wraps every text fragment in q … Q with its own transformation matrix. A marked
		// content span around the fragment would close under a different matrix, and poppler then
		// places or drops the ActualText wrongly, so the span goes inside the text object.
		const addContent = doc.addContent.bind(doc);
		doc.addContent = (data: string) => {
			if (data === 'ET' && this.actualText !== undefined) addContent('EMC');
			addContent(data);
			if (data === 'BT' && this.actualText !== undefined) {
				addContent(`/Span <</ActualText ${utf16Hex(this.actualText)}>> BDC`);
			}
			return doc;
		};
	}

	private useFace(face: FontFaceName, size: number): void {
		if (!this.registered.has(face)) {
			this.doc.registerFont(face, loadFontFile(face));
			this.registered.add(face);
		}
		this.doc.font(face).fontSize(size);
	}

	private measure(face: FontFaceName, text: string, size: number, shapeWhole = false): number {
		const key = `${face}\u0000${size}\u0000${shapeWhole ? 1 : 0}\u0000${text}`;
		let width = this.widthCache.get(key);
		if (width === undefined) {
			this.useFace(face, size);
			width = this.doc.widthOfString(text, shapeWhole ? { features: [] } : {});
			this.widthCache.set(key, width);
		}
		return width;
	}

	/** Measures clusters [start, end) piece by piece, one face at a time, for line breaking. */
	private measureClusters(clusters: Cluster[], start: number, end: number, size: number): number {
		let width = 0;
		let pieceStart = start;
		for (let i = start + 1; i <= end; i++) {
			if (i === end || clusters[i].face !== clusters[pieceStart].face) {
				const text = clusters
					.slice(pieceStart, i)
					.map((cluster) => cluster.text)
					.join('');
				width += this.measure(clusters[pieceStart].face, text, size);
				pieceStart = i;
			}
		}
		return width;
	}

	/** Breaks lines greedily at break opportunities. A word wider than the line breaks between clusters. */
	private breakLines(clusters: Cluster[], size: number, maxWidth: number): Array<[number, number]> {
		const words: Array<{ start: number; end: number; contentEnd: number }> = [];
		let start = 0;
		for (let i = 1; i <= clusters.length; i++) {
			if (i === clusters.length || clusters[i].breakBefore) {
				let contentEnd = i;
				while (contentEnd > start && clusters[contentEnd - 1].whitespace) contentEnd--;
				words.push({ start, end: i, contentEnd });
				start = i;
			}
		}

		const lines: Array<[number, number]> = [];
		let lineStart = 0;
		let lineWidth = 0;
		for (const word of words) {
			const contentWidth = this.measureClusters(clusters, word.start, word.contentEnd, size);
			const fullWidth = this.measureClusters(clusters, word.start, word.end, size);

			if (word.start > lineStart && lineWidth + contentWidth > maxWidth) {
				lines.push([lineStart, word.start]);
				lineStart = word.start;
				lineWidth = 0;
			}
			if (contentWidth <= maxWidth) {
				lineWidth += fullWidth;
				continue;
			}

			// The word alone is too wide: fill lines cluster by cluster.
			let pieceStart = word.start;
			for (let i = word.start + 1; i <= word.contentEnd; i++) {
				const width = this.measureClusters(clusters, pieceStart, i, size);
				if (width > maxWidth && i - 1 > pieceStart) {
					lines.push([pieceStart, i - 1]);
					pieceStart = i - 1;
				}
			}
			lineStart = pieceStart;
			lineWidth = this.measureClusters(clusters, pieceStart, word.end, size);
		}
		lines.push([lineStart, clusters.length]);
		return lines;
	}

	/** Orders one line's clusters into visual runs (rules L1 and L2). */
	private visualRuns(clusters: Cluster[], size: number): TextLine {
		let end = clusters.length;
		while (end > 0 && clusters[end - 1].whitespace) end--;

		const logicalRuns: Array<{ face: FontFaceName; level: number; clusters: string[] }> = [];
		for (const cluster of clusters.slice(0, end)) {
			const last = logicalRuns[logicalRuns.length - 1];
			if (last && last.face === cluster.face && last.level === cluster.level) {
				last.clusters.push(cluster.text);
			} else {
				logicalRuns.push({ face: cluster.face, level: cluster.level, clusters: [cluster.text] });
			}
		}

		const runs = logicalRuns.map((run): TextRun => {
			const logical = run.clusters.join('');
			const rightToLeft = run.level % 2 === 1;
			const reversedByFontkit = fontkitReverses(run.face, logical);

			// fontkit shapes runs of right-to-left scripts in logical order and then reverses them.
			// Any other run that must read right to left is reversed here, cluster by cluster, so
			// combining marks and emoji sequences stay intact.
			let text = logical;
			if (rightToLeft !== reversedByFontkit) {
				const reversed = [...run.clusters].reverse().join('');
				text = rightToLeft ? mirrorBrackets(reversed) : reversed;
			}
			const width = this.measure(run.face, text, size, reversedByFontkit);
			const needsActualText = rightToLeft || reversedByFontkit || ARABIC_FACES.has(run.face);
			return {
				face: run.face,
				text,
				shapeWhole: reversedByFontkit,
				offset: 0,
				width,
				actualText: needsActualText ? logical : undefined,
			};
		});

		let offset = 0;
		for (const index of visualOrder(logicalRuns.map((run) => run.level))) {
			runs[index].offset = offset;
			offset += runs[index].width;
		}
		return { runs, width: offset };
	}

	/** Lays out text, wrapped at maxWidth when given. A newline starts a new line. */
	layout(text: string, style: TextStyle, maxWidth?: number): TextBlock {
		const size = style.size;
		const lines: TextLine[] = [];
		for (const paragraph of prepareParagraphs(text, style.weight ?? 'regular')) {
			const ranges =
				maxWidth === undefined
					? [[0, paragraph.clusters.length] as [number, number]]
					: this.breakLines(paragraph.clusters, size, maxWidth);
			for (const [start, end] of ranges) {
				lines.push(this.visualRuns(paragraph.clusters.slice(start, end), size));
			}
		}

		const lineHeight = size * LINE_HEIGHT_RATIO;
		return {
			lines,
			size,
			color: style.color ?? DEFAULT_COLOR,
			lineHeight,
			height: lines.length * lineHeight,
			width: Math.max(0, ...lines.map((line) => line.width)),
		};
	}

	/** Draws a laid-out block with its first line box at top. */
	draw(
		block: TextBlock,
		x: number,
		top: number,
		options: { width?: number; align?: 'left' | 'right' | 'center' } = {},
	): void {
		const align = options.align ?? 'left';
		this.doc.fillColor(block.color);
		block.lines.forEach((line, index) => {
			const baseline = top + index * block.lineHeight + block.size * BASELINE_RATIO;
			let lineX = x;
			if (options.width !== undefined && align === 'right') lineX = x + options.width - line.width;
			if (options.width !== undefined && align === 'center') {
				lineX = x + (options.width - line.width) / 2;
			}

			for (const run of line.runs) {
				this.useFace(run.face, block.size);
				const runX = lineX + run.offset;
				const textOptions: PDFKit.Mixins.TextOptions & { textWidth: number } = {
					lineBreak: false,
					baseline: 'alphabetic',
					textWidth: run.width,
				};
				if (run.shapeWhole) textOptions.features = [];
				this.actualText = run.actualText;
				this.doc.text(run.text, runX, baseline, textOptions);
				this.actualText = undefined;
			}
		});
	}

	/** Lays out and draws text in one step, and returns the height used. */
	write(
		text: string,
		style: TextStyle,
		x: number,
		top: number,
		options: { width?: number; align?: 'left' | 'right' | 'center'; wrap?: boolean } = {},
	): number {
		const block = this.layout(text, style, options.wrap === false ? undefined : options.width);
		this.draw(block, x, top, options);
		return block.height;
	}
}
