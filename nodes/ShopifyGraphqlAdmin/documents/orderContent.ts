import { addressLines, type DocumentContext } from './context';
import { STYLES, type DocumentWriter } from './layout';
import { isZero, negateMoney, subtractMoney } from './money';
import {
	drawTable,
	type PartyColumn,
	type TableCell,
	type TableColumn,
	type TotalRow,
} from './sections';
import type { OrderDocumentLineItem, OrderDocumentShop, TaxLine } from './types';

/** Content that several document kinds share: shop lines, parties, line item table, totals. */

/** Label and value pairs for the header, without the pairs whose value is missing. */
export function presentFacts(
	...pairs: Array<[string, string | null | undefined]>
): Array<[string, string]> {
	return pairs.filter((pair): pair is [string, string] => Boolean(pair[1]?.trim()));
}

export function shopLines(shop: OrderDocumentShop): string[] {
	const lines = addressLines({ ...shop.address, name: null, phone: null });
	if (shop.address?.phone?.trim()) lines.push(shop.address.phone.trim());
	if (shop.email?.trim()) lines.push(shop.email.trim());
	if (shop.domain?.trim()) lines.push(shop.domain.trim());
	return lines;
}

/** Builds the customer column: name, email and phone, from the order itself for guest orders. */
export function customerColumn(context: DocumentContext): PartyColumn {
	const { order } = context.input;
	const lines = [
		order.customer?.displayName?.trim(),
		(order.customer?.email ?? order.email)?.trim(),
		order.phone?.trim(),
	].filter((line): line is string => Boolean(line));
	return { heading: 'Customer', lines: [...new Set(lines)] };
}

export function billToColumn(context: DocumentContext): PartyColumn {
	return { heading: 'Bill to', lines: addressLines(context.input.order.billingAddress) };
}

export function shipToColumn(context: DocumentContext): PartyColumn {
	return { heading: 'Ship to', lines: addressLines(context.input.order.shippingAddress) };
}

/** Title with the variant and vendor below it in smaller type. */
export function itemCell(item: {
	title: string;
	variantTitle?: string | null;
	vendor?: string | null;
}): TableCell {
	const cell: Array<{ text: string; style?: (typeof STYLES)[keyof typeof STYLES] }> = [
		{ text: item.title.trim(), style: STYLES.body },
	];
	const details = [item.variantTitle?.trim(), item.vendor?.trim()].filter(Boolean).join(' · ');
	if (details) cell.push({ text: details, style: STYLES.small });
	return cell;
}

const PRICED_COLUMNS: TableColumn[] = [
	{ header: 'Item', width: 171 },
	{ header: 'SKU', width: 82 },
	{ header: 'Qty', width: 34, align: 'right' },
	{ header: 'Unit price', width: 70, align: 'right' },
	{ header: 'Discount', width: 64, align: 'right' },
	{ header: 'Total', width: 78.28, align: 'right' },
];

/** Line items with prices, for the order confirmation and the invoice. */
export function drawPricedLineItems(writer: DocumentWriter, context: DocumentContext): void {
	const { lineItems } = context.input.order;
	if (lineItems.length === 0) {
		writer.paragraph('This order has no line items.', STYLES.body, 10);
		return;
	}
	const rows = lineItems.map((item: OrderDocumentLineItem): TableCell[] => [
		itemCell(item),
		item.sku?.trim() ?? '',
		context.integer(item.quantity),
		context.money(item.unitPrice),
		item.totalDiscount && !isZero(item.totalDiscount)
			? context.money(negateMoney(item.totalDiscount))
			: '–',
		[{ text: context.money(item.total), style: STYLES.bodyBold }],
	]);
	drawTable(writer, PRICED_COLUMNS, rows);
}

function taxLabel(context: DocumentContext, taxLine: TaxLine): string {
	const rate =
		taxLine.rate !== undefined && taxLine.rate !== null ? ` ${context.percent(taxLine.rate)}` : '';
	const included = context.input.order.taxesIncluded ? ' (included)' : '';
	return `${taxLine.title.trim()}${rate}${included}`;
}

/**
 * Total rows of an order. Shopify's subtotal already has the discounts deducted, so discounts
 * are listed as "Includes discount" lines under it, not subtracted a second time.
 */
export function orderTotalRows(context: DocumentContext, withRefunds: boolean): TotalRow[] {
	const { order } = context.input;
	const rows: TotalRow[] = [{ label: 'Subtotal', value: context.money(order.subtotal) }];

	const discounts = order.discounts.filter((discount) => !isZero(discount.amount));
	for (const discount of discounts) {
		rows.push({
			label: `Includes discount ${discount.title.trim()}`,
			value: context.money(negateMoney(discount.amount)),
			emphasis: 'muted',
		});
	}
	if (discounts.length === 0 && !isZero(order.totalDiscounts)) {
		rows.push({
			label: 'Includes discounts',
			value: context.money(negateMoney(order.totalDiscounts)),
			emphasis: 'muted',
		});
	}

	if (order.shippingLines.length > 0 || !isZero(order.totalShipping)) {
		const methods = order.shippingLines.map((line) => line.title.trim()).join(', ');
		rows.push({
			label: methods ? `Shipping (${methods})` : 'Shipping',
			value: context.money(order.totalShipping),
		});
	}

	const taxLines = order.taxLines.filter((taxLine) => !isZero(taxLine.amount));
	for (const taxLine of taxLines) {
		rows.push({ label: taxLabel(context, taxLine), value: context.money(taxLine.amount) });
	}
	if (taxLines.length === 0 && !isZero(order.totalTax)) {
		rows.push({
			label: order.taxesIncluded ? 'Taxes (included)' : 'Taxes',
			value: context.money(order.totalTax),
		});
	}

	rows.push({ label: 'Total', value: context.money(order.total), emphasis: 'strong' });

	if (withRefunds && order.totalRefunded && !isZero(order.totalRefunded)) {
		rows.push({ label: 'Refunded', value: context.money(negateMoney(order.totalRefunded)) });
		rows.push({
			label: 'Net total after refunds',
			value: context.money(subtractMoney(order.total, order.totalRefunded, 'order.totalRefunded')),
			emphasis: 'strong',
		});
	}
	return rows;
}
