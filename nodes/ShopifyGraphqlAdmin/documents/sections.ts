import { COLORS, STYLES, type DocumentWriter } from './layout';
import type { TextBlock, TextStyle } from './text';

/** Building blocks shared by all document kinds: header, address columns, tables, totals. */

export interface HeaderContent {
	shopName: string;
	/** Shop address, email and domain, one entry per line. */
	shopLines: string[];
	title: string;
	/** Label and value pairs under the title, such as ["Invoice no.", "INV-1001"]. */
	facts: Array<[string, string]>;
}

const FACT_LABEL_WIDTH = 92;
const FACT_VALUE_WIDTH = 138;

export function drawHeader(writer: DocumentWriter, header: HeaderContent): void {
	const { text } = writer;
	const top = writer.y;
	const leftWidth = writer.width - FACT_LABEL_WIDTH - FACT_VALUE_WIDTH - 24;

	let leftY = top;
	leftY += text.write(header.shopName, STYLES.shopName, writer.left, leftY, { width: leftWidth });
	leftY += 2;
	for (const line of header.shopLines) {
		leftY += text.write(line, STYLES.small, writer.left, leftY, { width: leftWidth });
	}

	const factsX = writer.right - FACT_LABEL_WIDTH - FACT_VALUE_WIDTH;
	let rightY = top;
	rightY += text.write(header.title, STYLES.title, factsX, rightY, {
		width: FACT_LABEL_WIDTH + FACT_VALUE_WIDTH,
		align: 'right',
	});
	rightY += 4;
	for (const [label, value] of header.facts) {
		const labelBlock = text.layout(label, STYLES.small, FACT_LABEL_WIDTH);
		const valueBlock = text.layout(value, STYLES.bodyBold, FACT_VALUE_WIDTH);
		text.draw(labelBlock, factsX, rightY + 0.8);
		text.draw(valueBlock, factsX + FACT_LABEL_WIDTH, rightY, {
			width: FACT_VALUE_WIDTH,
			align: 'right',
		});
		rightY += Math.max(labelBlock.height, valueBlock.height) + 1;
	}

	writer.y = Math.max(leftY, rightY) + 12;
	writer.rule(writer.y, COLORS.accent, 1);
	writer.y += 14;
}

export interface PartyColumn {
	heading: string;
	lines: string[];
}

/**
 * Draws up to three columns such as "Bill to" and "Ship to". Columns without lines are left
 * out, and nothing is drawn when all are empty (guest orders without addresses).
 */
export function drawParties(writer: DocumentWriter, columns: PartyColumn[]): void {
	const filled = columns.filter((column) => column.lines.length > 0);
	if (filled.length === 0) return;

	const gap = 18;
	const columnWidth = (writer.width - gap * 2) / 3;
	const blocks = filled.map((column) => ({
		heading: writer.text.layout(column.heading.toUpperCase(), STYLES.label, columnWidth),
		body: writer.text.layout(column.lines.join('\n'), STYLES.body, columnWidth),
	}));
	const height = Math.max(...blocks.map((block) => block.heading.height + 2 + block.body.height));
	writer.ensureSpace(height);

	blocks.forEach((block, index) => {
		const x = writer.left + index * (columnWidth + gap);
		writer.text.draw(block.heading, x, writer.y);
		writer.text.draw(block.body, x, writer.y + block.heading.height + 2);
	});
	writer.y += height + 16;
}

/** A table cell: lines stacked top to bottom, each with its own style. */
export type TableCell = string | Array<{ text: string; style?: TextStyle }>;

export interface TableColumn {
	header: string;
	width: number;
	align?: 'left' | 'right';
}

const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 4.5;

function layoutCell(writer: DocumentWriter, cell: TableCell, width: number): TextBlock[] {
	const parts = typeof cell === 'string' ? [{ text: cell, style: STYLES.body }] : cell;
	return parts
		.filter((part) => part.text !== '')
		.map((part) => writer.text.layout(part.text, part.style ?? STYLES.body, width));
}

function drawCells(
	writer: DocumentWriter,
	columns: TableColumn[],
	cells: TextBlock[][],
	top: number,
): void {
	let x = writer.left;
	columns.forEach((column, index) => {
		let y = top + CELL_PADDING_Y;
		for (const block of cells[index]) {
			writer.text.draw(block, x + CELL_PADDING_X, y, {
				width: column.width - 2 * CELL_PADDING_X,
				align: column.align ?? 'left',
			});
			y += block.height;
		}
		x += column.width;
	});
}

const cellsHeight = (cells: TextBlock[][]) =>
	Math.max(0, ...cells.map((blocks) => blocks.reduce((sum, block) => sum + block.height, 0))) +
	2 * CELL_PADDING_Y;

/**
 * Draws a table that flows across pages: a row never splits, and the header row is repeated at
 * the top of every page the table continues on.
 */
export function drawTable(
	writer: DocumentWriter,
	columns: TableColumn[],
	rows: TableCell[][],
): void {
	const headerCells = columns.map((column) =>
		layoutCell(
			writer,
			[{ text: column.header, style: STYLES.label }],
			column.width - 2 * CELL_PADDING_X,
		),
	);
	const headerHeight = cellsHeight(headerCells);
	const drawHeaderRow = () => {
		writer.fillRect(writer.left, writer.y, writer.width, headerHeight, COLORS.band);
		drawCells(writer, columns, headerCells, writer.y);
		writer.y += headerHeight;
	};

	const layoutRow = (row: TableCell[]) =>
		columns.map((column, index) =>
			layoutCell(writer, row[index] ?? '', column.width - 2 * CELL_PADDING_X),
		);

	// Keep the header together with the first row.
	const firstRow = rows.length > 0 ? layoutRow(rows[0]) : [];
	writer.ensureSpace(headerHeight + (rows.length > 0 ? cellsHeight(firstRow) : 0));
	drawHeaderRow();
	const stopRepeating = writer.onPageBreak(drawHeaderRow);

	rows.forEach((row, rowIndex) => {
		const cells = rowIndex === 0 ? firstRow : layoutRow(row);
		const height = cellsHeight(cells);
		writer.ensureSpace(height);
		drawCells(writer, columns, cells, writer.y);
		writer.y += height;
		writer.rule(writer.y);
	});

	stopRepeating();
	writer.y += 10;
}

export interface TotalRow {
	label: string;
	value: string;
	emphasis?: 'strong' | 'muted';
}

const TOTALS_LABEL_WIDTH = 190;
const TOTALS_VALUE_WIDTH = 95;

/** Draws label and amount pairs right-aligned under a table, kept together on one page. */
export function drawTotals(writer: DocumentWriter, rows: TotalRow[]): void {
	const styleFor = (row: TotalRow): TextStyle =>
		row.emphasis === 'strong'
			? STYLES.total
			: row.emphasis === 'muted'
				? STYLES.small
				: STYLES.body;
	const laidOut = rows.map((row) => ({
		row,
		label: writer.text.layout(row.label, styleFor(row), TOTALS_LABEL_WIDTH),
		value: writer.text.layout(row.value, styleFor(row), TOTALS_VALUE_WIDTH),
	}));
	const rowGap = 3;
	const height = laidOut.reduce(
		(sum, entry) =>
			sum +
			Math.max(entry.label.height, entry.value.height) +
			rowGap +
			(entry.row.emphasis === 'strong' ? 6 : 0),
		0,
	);
	writer.ensureSpace(height);

	const valueX = writer.right - TOTALS_VALUE_WIDTH - CELL_PADDING_X;
	const labelX = valueX - TOTALS_LABEL_WIDTH - 10;
	for (const entry of laidOut) {
		if (entry.row.emphasis === 'strong') {
			writer.doc
				.save()
				.moveTo(labelX, writer.y + 1)
				.lineTo(writer.right, writer.y + 1)
				.lineWidth(0.8)
				.strokeColor(COLORS.text)
				.stroke()
				.restore();
			writer.y += 5;
		}
		writer.text.draw(entry.label, labelX, writer.y, { width: TOTALS_LABEL_WIDTH, align: 'right' });
		writer.text.draw(entry.value, valueX, writer.y, { width: TOTALS_VALUE_WIDTH, align: 'right' });
		writer.y += Math.max(entry.label.height, entry.value.height) + rowGap;
		if (entry.row.emphasis === 'strong') writer.y += 1;
	}
	writer.y += 12;
}

/** Draws a small heading followed by wrapped text, kept together on one page. */
export function drawNote(writer: DocumentWriter, heading: string, body: string): void {
	const headingBlock = writer.text.layout(heading.toUpperCase(), STYLES.label, writer.width);
	const bodyBlock = writer.text.layout(body, STYLES.body, writer.width);
	writer.ensureSpace(
		headingBlock.height + 2 + Math.min(bodyBlock.height, 4 * bodyBlock.lineHeight),
	);
	writer.text.draw(headingBlock, writer.left, writer.y);
	writer.y += headingBlock.height + 2;

	// A long note may continue on the next page, line by line.
	for (const line of bodyBlock.lines) {
		writer.ensureSpace(bodyBlock.lineHeight);
		writer.text.draw(
			{ ...bodyBlock, lines: [line], height: bodyBlock.lineHeight },
			writer.left,
			writer.y,
		);
		writer.y += bodyBlock.lineHeight;
	}
	writer.y += 10;
}
