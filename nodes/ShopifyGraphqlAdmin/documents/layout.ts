import { TextEngine, type TextStyle } from './text';

/** A4 portrait in points, with the margins every document uses. */
export const PAGE = {
	width: 595.28,
	height: 841.89,
	marginX: 48,
	marginTop: 46,
	/** Space kept free at the bottom of each page for the footer. */
	footerSpace: 52,
} as const;

export const COLORS = {
	text: '#1f2328',
	muted: '#59636e',
	accent: '#0b4f8a',
	rule: '#d0d7de',
	band: '#f1f4f7',
} as const;

export const STYLES = {
	body: { size: 9, color: COLORS.text },
	bodyBold: { size: 9, weight: 'bold', color: COLORS.text },
	small: { size: 8, color: COLORS.muted },
	label: { size: 8, weight: 'bold', color: COLORS.muted },
	heading: { size: 10, weight: 'bold', color: COLORS.text },
	shopName: { size: 15, weight: 'bold', color: COLORS.text },
	title: { size: 20, weight: 'bold', color: COLORS.accent },
	total: { size: 10.5, weight: 'bold', color: COLORS.text },
} as const satisfies Record<string, TextStyle>;

/**
 * Owns the pdfkit document and the vertical cursor. Content calls ensureSpace() before drawing
 * a block that must stay on one page. Page-break listeners redraw repeated parts, such as table
 * headers, on the new page.
 */
export class DocumentWriter {
	readonly text: TextEngine;
	readonly left = PAGE.marginX;
	readonly right = PAGE.width - PAGE.marginX;
	readonly width = PAGE.width - 2 * PAGE.marginX;
	readonly bottom = PAGE.height - PAGE.footerSpace;
	y: number = PAGE.marginTop;

	private pageBreakListeners: Array<() => void> = [];

	constructor(
		readonly doc: PDFKit.PDFDocument,
		private readonly runningHeader: string,
	) {
		this.text = new TextEngine(doc);
	}

	/** Starts a new page when fewer than height points are left, and returns whether it did. */
	ensureSpace(height: number): boolean {
		if (this.y + height <= this.bottom) return false;
		this.newPage();
		return true;
	}

	newPage(): void {
		this.doc.addPage({ size: 'A4', margin: 0 });
		this.y = PAGE.marginTop;
		const height = this.text.write(this.runningHeader, STYLES.small, this.left, this.y, {
			width: this.width,
		});
		this.y += height + 4;
		this.rule(this.y);
		this.y += 10;
		for (const listener of this.pageBreakListeners) listener();
	}

	/** Runs listener after every page break until the returned function is called. */
	onPageBreak(listener: () => void): () => void {
		this.pageBreakListeners.push(listener);
		return () => {
			this.pageBreakListeners = this.pageBreakListeners.filter((entry) => entry !== listener);
		};
	}

	rule(y: number, color: string = COLORS.rule, lineWidth = 0.6): void {
		this.doc
			.save()
			.moveTo(this.left, y)
			.lineTo(this.right, y)
			.lineWidth(lineWidth)
			.strokeColor(color)
			.stroke()
			.restore();
	}

	fillRect(x: number, y: number, width: number, height: number, color: string): void {
		this.doc.save().rect(x, y, width, height).fillColor(color).fill().restore();
	}

	/** Writes wrapped text across the full width, moving to a new page first if it does not fit. */
	paragraph(text: string, style: TextStyle, gapAfter = 6): void {
		const block = this.text.layout(text, style, this.width);
		this.ensureSpace(block.height);
		this.text.draw(block, this.left, this.y);
		this.y += block.height + gapAfter;
	}

	/** Draws "Page N of M" and the footer text on every page. Call it once, after all content. */
	finish(footer: string): void {
		const range = this.doc.bufferedPageRange();
		const footerTop = PAGE.height - PAGE.footerSpace + 18;
		for (let index = 0; index < range.count; index++) {
			this.doc.switchToPage(range.start + index);
			this.rule(footerTop - 6);
			const pageLabel = `Page ${index + 1} of ${range.count}`;
			const labelBlock = this.text.layout(pageLabel, STYLES.small);
			this.text.write(footer, STYLES.small, this.left, footerTop, {
				width: this.width - labelBlock.width - 16,
			});
			this.text.draw(labelBlock, this.right - labelBlock.width, footerTop);
		}
	}
}
