import { checkMoney } from './money';
import type { OrderDocumentInput, TaxLine } from './types';

/**
 * Checks the renderer input before any drawing starts, so a mapping mistake fails with the field
 * path (for example order.lineItems[3].unitPrice.amount) instead of a broken PDF.
 */

function fail(field: string, problem: string, expected: string): never {
	throw new Error(`${problem} at ${field}: ${expected}`);
}

function checkString(value: unknown, field: string, expected: string): void {
	if (typeof value !== 'string' || value.trim() === '') {
		fail(
			field,
			value === undefined || value === null ? 'Missing value' : 'Invalid value',
			expected,
		);
	}
}

function checkOptionalString(value: unknown, field: string): void {
	if (value !== undefined && value !== null && typeof value !== 'string') {
		fail(field, `Invalid value ${JSON.stringify(value)}`, 'expected a string or null.');
	}
}

function checkArray(value: unknown, field: string): asserts value is unknown[] {
	if (!Array.isArray(value)) {
		fail(field, 'Missing list', 'expected an array (use [] when there are none).');
	}
}

/** Checks an ISO 8601 timestamp and returns it as a Date. */
export function parseTimestamp(value: unknown, field: string): Date {
	const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
	if (Number.isNaN(date.getTime())) {
		fail(
			field,
			`Invalid date ${JSON.stringify(value)}`,
			'expected an ISO 8601 timestamp such as "2025-03-14T09:30:00Z".',
		);
	}
	return date;
}

function checkQuantity(value: unknown, field: string): void {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		fail(
			field,
			`Invalid quantity ${JSON.stringify(value)}`,
			'expected a whole number of 0 or more.',
		);
	}
}

function checkTaxLines(taxLines: unknown, field: string): void {
	if (taxLines === undefined) return;
	checkArray(taxLines, field);
	(taxLines as TaxLine[]).forEach((taxLine, index) => {
		checkString(
			taxLine?.title,
			`${field}[${index}].title`,
			'expected the tax name, such as "VAT".',
		);
		if (taxLine.rate !== undefined && taxLine.rate !== null) {
			if (typeof taxLine.rate !== 'number' || !Number.isFinite(taxLine.rate) || taxLine.rate < 0) {
				fail(
					`${field}[${index}].rate`,
					`Invalid tax rate ${JSON.stringify(taxLine.rate)}`,
					'expected a fraction such as 0.19 for 19 %, or null.',
				);
			}
		}
		checkMoney(taxLine.amount, `${field}[${index}].amount`);
	});
}

function checkOrder(input: OrderDocumentInput): void {
	const order = input.order;
	if (!order || typeof order !== 'object') fail('order', 'Missing value', 'expected the order.');

	checkString(order.id, 'order.id', 'expected a GraphQL id such as "gid://shopify/Order/1".');
	checkString(order.legacyResourceId, 'order.legacyResourceId', 'expected the numeric order id.');
	checkString(order.name, 'order.name', 'expected the order name such as "#1001".');
	parseTimestamp(order.createdAt, 'order.createdAt');
	if (order.processedAt) parseTimestamp(order.processedAt, 'order.processedAt');
	checkMoney({ amount: '0', currencyCode: order.currencyCode }, 'order');
	checkOptionalString(order.email, 'order.email');
	checkOptionalString(order.note, 'order.note');

	checkArray(order.lineItems, 'order.lineItems');
	order.lineItems.forEach((item, index) => {
		const field = `order.lineItems[${index}]`;
		checkString(item?.title, `${field}.title`, 'expected the product title.');
		checkOptionalString(item.variantTitle, `${field}.variantTitle`);
		checkOptionalString(item.sku, `${field}.sku`);
		checkQuantity(item.quantity, `${field}.quantity`);
		checkMoney(item.unitPrice, `${field}.unitPrice`);
		checkMoney(item.total, `${field}.total`);
		if (item.totalDiscount) checkMoney(item.totalDiscount, `${field}.totalDiscount`);
		checkTaxLines(item.taxLines, `${field}.taxLines`);
	});

	checkArray(order.shippingLines, 'order.shippingLines');
	order.shippingLines.forEach((line, index) => {
		checkString(
			line?.title,
			`order.shippingLines[${index}].title`,
			'expected the shipping method name.',
		);
		checkMoney(line.price, `order.shippingLines[${index}].price`);
	});
	checkArray(order.discounts, 'order.discounts');
	order.discounts.forEach((discount, index) => {
		checkString(
			discount?.title,
			`order.discounts[${index}].title`,
			'expected the discount code or title.',
		);
		checkMoney(discount.amount, `order.discounts[${index}].amount`);
	});
	checkArray(order.taxLines, 'order.taxLines');
	checkTaxLines(order.taxLines, 'order.taxLines');

	for (const key of ['subtotal', 'totalDiscounts', 'totalShipping', 'totalTax', 'total'] as const) {
		checkMoney(order[key], `order.${key}`);
	}
	if (order.totalRefunded) checkMoney(order.totalRefunded, 'order.totalRefunded');
	if (order.paymentGateways !== undefined && order.paymentGateways !== null) {
		checkArray(order.paymentGateways, 'order.paymentGateways');
	}
}

function checkRefunds(input: OrderDocumentInput): void {
	checkArray(input.refunds, 'refunds');
	input.refunds.forEach((refund, index) => {
		const field = `refunds[${index}]`;
		checkString(
			refund?.id,
			`${field}.id`,
			'expected a GraphQL id such as "gid://shopify/Refund/1".',
		);
		checkString(
			refund.legacyResourceId,
			`${field}.legacyResourceId`,
			'expected the numeric refund id.',
		);
		parseTimestamp(refund.createdAt, `${field}.createdAt`);
		checkOptionalString(refund.note, `${field}.note`);
		checkArray(refund.lineItems, `${field}.lineItems`);
		refund.lineItems.forEach((line, lineIndex) => {
			const lineField = `${field}.lineItems[${lineIndex}]`;
			checkString(line?.title, `${lineField}.title`, 'expected the product title.');
			checkQuantity(line.quantity, `${lineField}.quantity`);
			checkMoney(line.subtotal, `${lineField}.subtotal`);
		});
		if (refund.shipping) checkMoney(refund.shipping, `${field}.shipping`);
		if (refund.totalTax) checkMoney(refund.totalTax, `${field}.totalTax`);
		checkMoney(refund.total, `${field}.total`);
	});
}

/** Throws an error naming the first invalid field of the renderer input. */
export function validateInput(input: OrderDocumentInput): void {
	if (!input || typeof input !== 'object') {
		fail('input', 'Missing value', 'expected { shop, order, refunds }.');
	}
	if (!input.shop || typeof input.shop !== 'object')
		fail('shop', 'Missing value', 'expected the shop.');
	checkString(input.shop.name, 'shop.name', "expected the shop's name.");
	checkOptionalString(input.shop.email, 'shop.email');
	checkOptionalString(input.locale, 'locale');
	checkOptionalString(input.shop.ianaTimezone, 'shop.ianaTimezone');
	checkOrder(input);
	checkRefunds(input);
}
