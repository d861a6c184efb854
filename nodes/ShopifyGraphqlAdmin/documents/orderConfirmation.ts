import { humanizeStatus, type DocumentContext } from './context';
import { STYLES, type DocumentWriter } from './layout';
import {
	billToColumn,
	customerColumn,
	drawPricedLineItems,
	orderTotalRows,
	presentFacts,
	shipToColumn,
	shopLines,
} from './orderContent';
import { drawHeader, drawNote, drawParties, drawTotals } from './sections';

/** Order confirmation: thanks the customer and lists what was ordered and what it costs. */
export function drawOrderConfirmation(writer: DocumentWriter, context: DocumentContext): void {
	const { shop, order } = context.input;

	drawHeader(writer, {
		shopName: shop.name.trim(),
		shopLines: shopLines(shop),
		title: 'Order Confirmation',
		facts: presentFacts(
			['Order', order.name.trim()],
			['Order date', context.date(order.createdAt, 'order.createdAt')],
			['Payment status', humanizeStatus(order.financialStatus)],
		),
	});

	const name = order.customer?.displayName?.trim();
	writer.paragraph(
		name ? `Thank you for your order, ${name}!` : 'Thank you for your order!',
		STYLES.heading,
		4,
	);
	writer.paragraph(
		`We have received order ${order.name.trim()} and are preparing it. This confirmation lists the items, prices and addresses we have on record; please check them and contact us at once if anything is wrong.`,
		STYLES.body,
		14,
	);

	drawParties(writer, [customerColumn(context), billToColumn(context), shipToColumn(context)]);
	drawPricedLineItems(writer, context);
	drawTotals(writer, orderTotalRows(context, false));

	if (order.note?.trim()) drawNote(writer, 'Order note', order.note.trim());
}
