import type { DocumentContext } from './context';
import { invoiceDate } from './invoice';
import { STYLES, type DocumentWriter } from './layout';
import { isZero, subtractMoney, sumMoney } from './money';
import { documentNumber } from './naming';
import { billToColumn, customerColumn, itemCell, presentFacts, shopLines } from './orderContent';
import {
	drawHeader,
	drawNote,
	drawParties,
	drawTable,
	drawTotals,
	type TableColumn,
	type TotalRow,
} from './sections';
import type { Money, OrderDocumentRefund } from './types';

const COLUMNS: TableColumn[] = [
	{ header: 'Item', width: 239.28 },
	{ header: 'SKU', width: 110 },
	{ header: 'Qty', width: 50, align: 'right' },
	{ header: 'Refunded', width: 100, align: 'right' },
];

/**
 * Total rows of a refund. What the refund total contains beyond items, shipping and tax (an
 * amount-only refund, or an order adjustment) is shown as its own row, computed exactly.
 */
function refundTotalRows(
	context: DocumentContext,
	refund: OrderDocumentRefund,
	field: string,
): TotalRow[] {
	const currency = refund.total.currencyCode;
	const taxesIncluded = Boolean(context.input.order.taxesIncluded);
	const rows: TotalRow[] = [];
	const parts: Money[] = [];

	if (refund.lineItems.length > 0) {
		const items = sumMoney(
			refund.lineItems.map((line) => line.subtotal),
			currency,
			`${field}.lineItems[].subtotal`,
		);
		rows.push({ label: 'Refunded items', value: context.money(items) });
		parts.push(items);
	}
	if (refund.shipping && !isZero(refund.shipping)) {
		rows.push({ label: 'Refunded shipping', value: context.money(refund.shipping) });
		parts.push(refund.shipping);
	}
	if (refund.totalTax && !isZero(refund.totalTax)) {
		rows.push({
			label: taxesIncluded ? 'Refunded tax (included)' : 'Refunded tax',
			value: context.money(refund.totalTax),
		});
		if (!taxesIncluded) parts.push(refund.totalTax);
	}

	const accounted = sumMoney(parts, currency, `${field} (items, shipping and tax)`);
	const other = subtractMoney(refund.total, accounted, `${field}.total`);
	if (!isZero(other)) {
		rows.push({
			label: rows.length === 0 ? 'Refunded amount' : 'Other refunded amount',
			value: context.money(other),
		});
	}

	rows.push({ label: 'Total refunded', value: context.money(refund.total), emphasis: 'strong' });
	return rows;
}

/** Draws the credit note for one refund, which refers to the order's invoice. */
export function drawCreditNote(
	writer: DocumentWriter,
	context: DocumentContext,
	refund: OrderDocumentRefund,
): void {
	const { shop, order } = context.input;
	const field = `refunds[${context.input.refunds.indexOf(refund)}]`;
	const invoice = documentNumber('invoice', context.input);

	drawHeader(writer, {
		shopName: shop.name.trim(),
		shopLines: shopLines(shop),
		title: 'Credit Note',
		facts: presentFacts(
			['Credit note no.', documentNumber('creditNote', context.input, refund)],
			['Refund date', context.date(refund.createdAt, `${field}.createdAt`)],
			['Order', order.name.trim()],
			['Invoice', invoice],
		),
	});

	writer.paragraph(
		`This credit note refers to invoice ${invoice} of ${invoiceDate(context)} for order ${order.name.trim()} and records the refund below.`,
		STYLES.body,
		14,
	);
	drawParties(writer, [customerColumn(context), billToColumn(context)]);

	if (refund.lineItems.length > 0) {
		const rows = refund.lineItems.map((line) => [
			itemCell(line),
			line.sku?.trim() ?? '',
			context.integer(line.quantity),
			[{ text: context.money(line.subtotal), style: STYLES.bodyBold }],
		]);
		drawTable(writer, COLUMNS, rows);
	} else {
		const shippingOnly = Boolean(refund.shipping && !isZero(refund.shipping));
		writer.paragraph(
			shippingOnly
				? 'This refund covers shipping costs only; no items were returned or refunded.'
				: 'This is an amount-only refund: no items or shipping costs were refunded.',
			STYLES.bodyBold,
			12,
		);
	}

	drawTotals(writer, refundTotalRows(context, refund, field));
	if (refund.note?.trim()) drawNote(writer, 'Reason for refund', refund.note.trim());
}
