import { existsSync } from 'fs';
import * as path from 'path';
import PDFDocument from 'pdfkit';

import {
	FONT_DIRECTORY,
	FONT_FILES,
	fontkitReverses,
	selectFace,
} from '../../nodes/ShopifyGraphqlAdmin/documents/fonts';
import { TextEngine } from '../../nodes/ShopifyGraphqlAdmin/documents/text';

describe('bundled fonts', () => {
	it.each(Object.values(FONT_FILES))('%s sits in the fonts folder with its license', (file) => {
		expect(existsSync(path.join(FONT_DIRECTORY, file))).toBe(true);
		const family = file.replace(/-(Regular|Bold)\.ttf$/, '');
		expect(existsSync(path.join(FONT_DIRECTORY, `${family}-OFL.txt`))).toBe(true);
	});
});

describe('selectFace', () => {
	it.each([
		['A', 'regular', 'NotoSans-Regular'],
		['A', 'bold', 'NotoSans-Bold'],
		['é', 'regular', 'NotoSans-Regular'],
		['e\u0301', 'regular', 'NotoSans-Regular'],
		['Ж', 'regular', 'NotoSans-Regular'],
		['Ω', 'bold', 'NotoSans-Bold'],
		['م', 'regular', 'NotoSansArabic-Regular'],
		['مَ', 'bold', 'NotoSansArabic-Bold'],
		['א', 'regular', 'NotoSansHebrew-Regular'],
		['北', 'regular', 'NotoSansSC-Regular'],
		['北', 'bold', 'NotoSansSC-Regular'],
		['さ', 'regular', 'NotoSansSC-Regular'],
		['😀', 'regular', 'NotoEmoji-Regular'],
		['👨\u200d👩\u200d👧', 'regular', 'NotoEmoji-Regular'],
		['🇩🇪', 'regular', 'NotoEmoji-Regular'],
		['1\ufe0f\u20e3', 'regular', 'NotoEmoji-Regular'],
		['❤\ufe0f', 'regular', 'NotoEmoji-Regular'],
		['☕', 'regular', 'NotoEmoji-Regular'],
		['★', 'regular', 'NotoSansSC-Regular'],
		['★\ufe0f', 'regular', 'NotoSansSC-Regular'],
		['☕\ufe0e', 'regular', 'NotoEmoji-Regular'],
		[' ', 'regular', 'NotoSans-Regular'],
		['1', 'regular', 'NotoSans-Regular'],
	] as const)('%p in %s is drawn with %s', (cluster, weight, face) => {
		expect(selectFace(cluster, weight)).toBe(face);
	});

	it('falls back to the primary face for characters no font has', () => {
		expect(selectFace('\u{1D11E}', 'regular')).toBe('NotoSans-Regular');
	});
});

describe('fontkitReverses', () => {
	it('is true for Arabic and Hebrew runs in their faces', () => {
		expect(fontkitReverses('NotoSansArabic-Regular', 'محمد')).toBe(true);
		expect(fontkitReverses('NotoSansArabic-Regular', '١٢٣')).toBe(true);
		expect(fontkitReverses('NotoSansHebrew-Regular', 'שלום')).toBe(true);
	});

	it('is false for other scripts and for neutrals', () => {
		expect(fontkitReverses('NotoSans-Regular', 'Hello')).toBe(false);
		expect(fontkitReverses('NotoSans-Regular', ' (12) ')).toBe(false);
		expect(fontkitReverses('NotoSansSC-Regular', '北京')).toBe(false);
	});
});

describe('TextEngine', () => {
	const engine = () => new TextEngine(new PDFDocument({ autoFirstPage: true }));
	const lineTexts = (block: ReturnType<TextEngine['layout']>) =>
		block.lines.map((line) =>
			[...line.runs]
				.sort((a, b) => a.offset - b.offset)
				.map((run) => run.text)
				.join(''),
		);

	it('wraps at spaces within the width', () => {
		const block = engine().layout(
			'Merino Wool Sweater with a very long product title',
			{ size: 9 },
			80,
		);

		expect(block.lines.length).toBeGreaterThan(1);
		for (const line of block.lines) expect(line.width).toBeLessThanOrEqual(80.5);
		expect(lineTexts(block).join(' ')).toBe('Merino Wool Sweater with a very long product title');
	});

	it('breaks a word wider than the line anywhere', () => {
		const block = engine().layout('X'.repeat(60), { size: 9 }, 50);

		expect(block.lines.length).toBeGreaterThan(3);
		expect(lineTexts(block).join('')).toBe('X'.repeat(60));
	});

	it('breaks between CJK characters but not before closing punctuation', () => {
		const block = engine().layout('北京市朝阳区建国路八十八号、现代城。', { size: 9 }, 40);

		expect(block.lines.length).toBeGreaterThan(1);
		for (const line of lineTexts(block).slice(1)) expect(line).not.toMatch(/^[、。]/);
		expect(lineTexts(block).join('')).toBe('北京市朝阳区建国路八十八号、现代城。');
	});

	it('does not break inside a formatted amount', () => {
		const block = engine().layout('Total 1.234.567,89\u00a0€', { size: 9 }, 70);

		expect(lineTexts(block)).toEqual(['Total', '1.234.567,89\u00a0€']);
	});

	it('starts a new line at each newline', () => {
		expect(engine().layout('Jane Doe\nLindenallee 5', { size: 9 }).lines).toHaveLength(2);
	});

	it('gives right-to-left runs their logical text as ActualText', () => {
		const block = engine().layout('Gift for محمد علي', { size: 9 });
		const runs = block.lines[0].runs;

		expect(runs.map((run) => run.actualText ?? run.text)).toEqual([
			'Gift for ',
			'محمد',
			' ',
			'علي',
		]);
		expect(runs[1].offset).toBeGreaterThan(runs[3].offset);
	});

	it('reverses and mirrors neutral runs drawn right to left', () => {
		const block = engine().layout('שלום (כהן)', { size: 9 });
		const parenthesis = block.lines[0].runs.find((run) => run.actualText === ' (');

		expect(parenthesis?.text).toBe(') ');
	});
});
