import { humanizeStatus, type DocumentContext } from './context';
import { STYLES, type DocumentWriter } from './layout';
import { documentNumber } from './naming';
import { billToColumn, itemCell, presentFacts, shipToColumn, shopLines } from './orderContent';
import { drawHeader, drawNote, drawParties, drawTable, type TableColumn } from './sections';

const COLUMNS: TableColumn[] = [
	{ header: 'Item', width: 319.28 },
	{ header: 'SKU', width: 120 },
	{ header: 'Quantity', width: 60, align: 'right' },
];

/** Draws the packing slip: the items that require shipping, with quantities and no prices. */
export function drawPackingSlip(writer: DocumentWriter, context: DocumentContext): void {
	const { shop, order } = context.input;
	const shippable = order.lineItems.filter((item) => item.requiresShipping !== false);
	const skipped = order.lineItems.length - shippable.length;
	const methods = order.shippingLines.map((line) => line.title.trim()).filter(Boolean);

	drawHeader(writer, {
		shopName: shop.name.trim(),
		shopLines: shopLines(shop),
		title: 'Packing Slip',
		facts: presentFacts(
			['Packing slip no.', documentNumber('packingSlip', context.input)],
			['Order', order.name.trim()],
			['Order date', context.date(order.createdAt, 'order.createdAt')],
			['Shipping method', methods.join(', ')],
			['Fulfillment', humanizeStatus(order.fulfillmentStatus)],
		),
	});

	drawParties(writer, [shipToColumn(context), billToColumn(context)]);

	if (shippable.length === 0) {
		writer.paragraph('This order has no items that require shipping.', STYLES.bodyBold, 10);
	} else {
		const rows = shippable.map((item) => [
			itemCell(item),
			item.sku?.trim() ?? '',
			[{ text: context.integer(item.quantity), style: STYLES.bodyBold }],
		]);
		drawTable(writer, COLUMNS, rows);
		const units = shippable.reduce((sum, item) => sum + item.quantity, 0);
		writer.paragraph(
			`${context.integer(units)} ${units === 1 ? 'unit' : 'units'} in ${context.integer(shippable.length)} ${shippable.length === 1 ? 'line' : 'lines'}.`,
			STYLES.bodyBold,
		);
	}
	if (skipped > 0) {
		writer.paragraph(
			`${skipped} ${skipped === 1 ? 'line item does' : 'line items do'} not require shipping (such as digital products or gift cards) and ${skipped === 1 ? 'is' : 'are'} not listed.`,
			STYLES.small,
		);
	}
	writer.y += 6;

	if (order.note?.trim()) drawNote(writer, 'Order note', order.note.trim());
	writer.paragraph(`Thank you for shopping with ${shop.name.trim()}.`, STYLES.small);
}
