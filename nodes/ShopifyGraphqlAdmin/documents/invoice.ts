import { humanizeStatus, type DocumentContext } from './context';
import { STYLES, type DocumentWriter } from './layout';
import { documentNumber } from './naming';
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

/** Returns the invoice date: when the order was processed (payment captured), else created. */
export function invoiceDate(context: DocumentContext): string {
	const { order } = context.input;
	return order.processedAt
		? context.date(order.processedAt, 'order.processedAt')
		: context.date(order.createdAt, 'order.createdAt');
}

function paymentGateways(context: DocumentContext): string | undefined {
	const gateways = (context.input.order.paymentGateways ?? [])
		.map((gateway) => humanizeStatus(gateway))
		.filter((gateway): gateway is string => Boolean(gateway));
	return gateways.length > 0 ? [...new Set(gateways)].join(', ') : undefined;
}

/** Invoice: billed items and totals, with payment status and gateways. */
export function drawInvoice(writer: DocumentWriter, context: DocumentContext): void {
	const { shop, order } = context.input;
	const status = humanizeStatus(order.financialStatus);
	const gateways = paymentGateways(context);

	drawHeader(writer, {
		shopName: shop.name.trim(),
		shopLines: shopLines(shop),
		title: 'Invoice',
		facts: presentFacts(
			['Invoice no.', documentNumber('invoice', context.input)],
			['Invoice date', invoiceDate(context)],
			['Order', order.name.trim()],
			['Order date', context.date(order.createdAt, 'order.createdAt')],
			['Payment status', status],
		),
	});

	drawParties(writer, [customerColumn(context), billToColumn(context), shipToColumn(context)]);
	drawPricedLineItems(writer, context);
	drawTotals(writer, orderTotalRows(context, true));

	const payment = [
		status ? `Payment status: ${status}.` : undefined,
		gateways ? `Paid with: ${gateways}.` : undefined,
	].filter(Boolean);
	if (payment.length > 0) drawNote(writer, 'Payment', payment.join('\n'));
	if (order.note?.trim()) drawNote(writer, 'Order note', order.note.trim());

	writer.paragraph(`Thank you for shopping with ${shop.name.trim()}.`, STYLES.small);
}
