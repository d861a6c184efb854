import PDFDocument from 'pdfkit';

import { createContext, type DocumentContext } from './context';
import { drawCreditNote } from './creditNote';
import { loadFontFile } from './fonts';
import { drawInvoice } from './invoice';
import { DocumentWriter } from './layout';
import { documentFileName, documentNumber, documentTitle, findRefund } from './naming';
import { drawOrderConfirmation } from './orderConfirmation';
import { drawPackingSlip } from './packingSlip';
import type { OrderDocumentInput, OrderDocumentKind, OrderDocumentRefund } from './types';
import { parseTimestamp, validateInput } from './validate';

export { documentFileName, documentNumber, documentTitle };
export type * from './types';

export interface RenderOptions {
	/** Refund a credit note is for: its GraphQL id or numeric id. Required for creditNote. */
	refundId?: string;
}

/**
 * Date written into the PDF's CreationDate and ModDate. It comes from the order or refund, never
 * from the clock, so a redelivered webhook renders the same bytes.
 */
function documentDate(
	kind: OrderDocumentKind,
	context: DocumentContext,
	refund?: OrderDocumentRefund,
): Date {
	const { order } = context.input;
	if (kind === 'creditNote' && refund) {
		const index = context.input.refunds.indexOf(refund);
		return parseTimestamp(refund.createdAt, `refunds[${index}].createdAt`);
	}
	if (kind === 'invoice' && order.processedAt) {
		return parseTimestamp(order.processedAt, 'order.processedAt');
	}
	return parseTimestamp(order.createdAt, 'order.createdAt');
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}

/**
 * Renders one order document as an A4 PDF with embedded font subsets. The same input gives the
 * same bytes with the same package, Node.js (ICU) and font versions.
 */
export async function renderOrderDocument(
	kind: OrderDocumentKind,
	input: OrderDocumentInput,
	options: RenderOptions = {},
): Promise<Buffer> {
	const title = documentTitle(kind);
	validateInput(input);

	const refund = kind === 'creditNote' ? findRefund(input, options.refundId) : undefined;
	const context = createContext(input);
	const number = documentNumber(kind, input, refund);
	const date = documentDate(kind, context, refund);
	const orderName = input.order.name.trim();

	const doc = new PDFDocument({
		size: 'A4',
		margin: 0,
		bufferPages: true,
		compress: true,
		lang: 'en',
		displayTitle: true,
		// pdfkit selects a default font at construction. Naming the bundled one keeps the
		// standard Helvetica reference out of the file.
		font: loadFontFile('NotoSans-Regular') as unknown as string,
		info: {
			Title: `${title} ${number}`,
			Author: input.shop.name.trim(),
			Subject: `${title} for order ${orderName}`,
			Keywords: [input.order.id, refund?.id].filter(Boolean).join(' '),
			Creator: 'n8n-nodes-opentext-shopify',
			Producer: 'PDFKit',
			CreationDate: date,
			ModDate: date,
		},
	});
	const output = collect(doc);

	const runningHeader =
		kind === 'orderConfirmation'
			? `${title} · Order ${orderName} (continued)`
			: `${title} ${number} · Order ${orderName} (continued)`;
	const writer = new DocumentWriter(doc, runningHeader);

	switch (kind) {
		case 'orderConfirmation':
			drawOrderConfirmation(writer, context);
			break;
		case 'invoice':
			drawInvoice(writer, context);
			break;
		case 'packingSlip':
			drawPackingSlip(writer, context);
			break;
		case 'creditNote':
			drawCreditNote(writer, context, refund as OrderDocumentRefund);
			break;
	}

	writer.finish(`${input.shop.name.trim()} · ${title} ${number}`);
	doc.end();
	return output;
}
