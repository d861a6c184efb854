import { subtractMoney, sumMoney } from '../documents/money';
import type {
	Money,
	OrderDocumentInput,
	OrderDocumentLineItem,
	OrderDocumentRefund,
	PostalAddress,
	TaxLine,
} from '../documents/types';
import type {
	DiscountApplicationNode,
	LineItemNode,
	LoadedOrder,
	MailingAddressNode,
	MoneyBag,
	RefundDetail,
	ShopNode,
	TaxLineNode,
} from './types';

/**
 * Side of Shopify's MoneyBag that a document shows: the shop's currency (for bookkeeping) or
 * the currency the customer paid in (presentment money).
 */
export type DocumentCurrency = 'shop' | 'presentment';

function pick(
	bag: MoneyBag | null | undefined,
	currency: DocumentCurrency,
	fallbackCode: string,
): Money {
	if (!bag) return { amount: '0.00', currencyCode: fallbackCode };
	const money = currency === 'shop' ? bag.shopMoney : bag.presentmentMoney;
	return money
		? { amount: money.amount, currencyCode: money.currencyCode }
		: { amount: '0.00', currencyCode: fallbackCode };
}

function address(node: MailingAddressNode | null | undefined): PostalAddress | null {
	if (!node) return null;
	const name = node.name ?? ([node.firstName, node.lastName].filter(Boolean).join(' ') || null);
	return {
		name,
		company: node.company ?? null,
		address1: node.address1 ?? null,
		address2: node.address2 ?? null,
		city: node.city ?? null,
		province: node.province ?? null,
		zip: node.zip ?? null,
		country: node.country ?? null,
		phone: node.phone ?? null,
	};
}

function taxLines(
	nodes: TaxLineNode[] | undefined,
	currency: DocumentCurrency,
	code: string,
): TaxLine[] {
	return (nodes ?? []).map((node) => ({
		title: node.title,
		rate: node.rate ?? null,
		amount: pick(node.priceSet, currency, code),
	}));
}

function lineItem(
	node: LineItemNode,
	currency: DocumentCurrency,
	code: string,
	index: number,
): OrderDocumentLineItem {
	const originalTotal = pick(node.originalTotalSet, currency, code);
	const totalDiscount = pick(node.totalDiscountSet, currency, code);
	return {
		title: node.title,
		variantTitle: node.variantTitle ?? null,
		sku: node.sku || null,
		vendor: node.vendor ?? null,
		quantity: node.quantity,
		unitPrice: pick(node.originalUnitPriceSet, currency, code),
		totalDiscount,
		// Shopify has no "line total after discounts" that includes order-level discounts, so it
		// is computed exactly from the original total and the allocated discount.
		total: subtractMoney(originalTotal, totalDiscount, `order.lineItems[${index}].total`),
		taxLines: taxLines(node.taxLines, currency, code),
		requiresShipping: node.requiresShipping,
	};
}

function discountTitle(application: DiscountApplicationNode): string {
	const title = application.code ?? application.title ?? '';
	return title.trim() !== '' ? title : 'Discount';
}

/**
 * Sums what each discount application took off the line items and shipping lines, because
 * the application itself carries only its rule (10 %, 5.00), not the amount it deducted.
 */
function discounts(
	order: LoadedOrder,
	currency: DocumentCurrency,
	code: string,
): Array<{ title: string; amount: Money }> {
	const allocated = new Map<number, Money[]>();
	for (const item of order.lineItems) {
		for (const allocation of item.discountAllocations ?? []) {
			const list = allocated.get(allocation.discountApplication.index) ?? [];
			list.push(pick(allocation.allocatedAmountSet, currency, code));
			allocated.set(allocation.discountApplication.index, list);
		}
	}
	return order.discountApplications
		.filter((application) => allocated.has(application.index))
		.map((application) => ({
			title: discountTitle(application),
			amount: sumMoney(
				allocated.get(application.index) ?? [],
				code,
				`order.discounts[${application.index}]`,
			),
		}));
}

function refund(
	node: RefundDetail,
	order: LoadedOrder,
	currency: DocumentCurrency,
	code: string,
	index: number,
): OrderDocumentRefund {
	const field = `refunds[${index}]`;
	const shippingAmounts = node.refundShippingLines.map((line) =>
		pick(line.subtotalAmountSet, currency, code),
	);
	const taxAmounts = [
		...node.refundLineItems.map((line) => pick(line.totalTaxSet, currency, code)),
		...node.refundShippingLines.map((line) => pick(line.taxAmountSet, currency, code)),
	];
	return {
		id: node.id,
		legacyResourceId: node.legacyResourceId,
		// Refund.createdAt is nullable in the schema; the credit note still needs a date.
		createdAt: node.createdAt ?? node.updatedAt ?? order.createdAt,
		note: node.note ?? null,
		lineItems: node.refundLineItems.map((line) => ({
			title: line.lineItem.title,
			sku: line.lineItem.sku || null,
			quantity: line.quantity,
			subtotal: pick(line.subtotalSet, currency, code),
		})),
		shipping:
			shippingAmounts.length > 0 ? sumMoney(shippingAmounts, code, `${field}.shipping`) : null,
		totalTax: taxAmounts.length > 0 ? sumMoney(taxAmounts, code, `${field}.totalTax`) : null,
		total: pick(node.totalRefundedSet, currency, code),
	};
}

/**
 * Maps an order, its refunds and the shop to the renderer's input. Every amount comes from
 * the same side of Shopify's MoneyBags (shop or presentment money), so all amounts of a
 * document share one currency. `subtotal` is Shopify's subtotalPriceSet, which already has
 * the discounts deducted.
 */
export function toOrderDocumentInput(
	order: LoadedOrder,
	shop: ShopNode,
	currency: DocumentCurrency = 'shop',
): OrderDocumentInput {
	const code = currency === 'shop' ? order.currencyCode : order.presentmentCurrencyCode;
	const shopAddress = address(shop.billingAddress);

	return {
		shop: {
			name: shop.name,
			email: shop.contactEmail ?? shop.email ?? null,
			domain: shop.myshopifyDomain,
			address: shopAddress
				? { ...shopAddress, name: shopAddress.company ? null : shop.name }
				: null,
		},
		order: {
			id: order.id,
			legacyResourceId: order.legacyResourceId,
			name: order.name,
			createdAt: order.createdAt,
			processedAt: order.processedAt ?? null,
			currencyCode: code,
			email: order.email ?? null,
			phone: order.phone ?? null,
			customer: order.customer
				? { displayName: order.customer.displayName, email: order.customer.email ?? null }
				: null,
			billingAddress: address(order.billingAddress),
			shippingAddress: address(order.shippingAddress),
			lineItems: order.lineItems.map((item, index) => lineItem(item, currency, code, index)),
			shippingLines: order.shippingLines.map((line) => ({
				title: line.title,
				price: pick(line.discountedPriceSet, currency, code),
			})),
			discounts: discounts(order, currency, code),
			subtotal: pick(order.subtotalPriceSet, currency, code),
			totalDiscounts: pick(order.totalDiscountsSet, currency, code),
			totalShipping: pick(order.totalShippingPriceSet, currency, code),
			totalTax: pick(order.totalTaxSet, currency, code),
			total: pick(order.totalPriceSet, currency, code),
			totalRefunded: pick(order.totalRefundedSet, currency, code),
			taxLines: taxLines(order.taxLines, currency, code),
			taxesIncluded: order.taxesIncluded,
			paymentGateways: order.paymentGatewayNames,
			financialStatus: order.displayFinancialStatus ?? null,
			fulfillmentStatus: order.displayFulfillmentStatus ?? null,
			note: order.note ?? null,
		},
		refunds: order.refunds.map((node, index) => refund(node, order, currency, code, index)),
	};
}
