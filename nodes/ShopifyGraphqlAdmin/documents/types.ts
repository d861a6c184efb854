/**
 * Input of the order document renderer. The GraphQL Admin node maps an order, its refunds and
 * the shop into this shape, so the renderer never depends on Shopify's response layout.
 * Money amounts are decimal strings, as Shopify sends them, so no float rounding creeps in.
 */

export type OrderDocumentKind = 'orderConfirmation' | 'invoice' | 'packingSlip' | 'creditNote';

export interface Money {
	/** Decimal string such as "19.90". */
	amount: string;
	/** ISO 4217 code such as "EUR". */
	currencyCode: string;
}

export interface PostalAddress {
	name?: string | null;
	company?: string | null;
	address1?: string | null;
	address2?: string | null;
	city?: string | null;
	province?: string | null;
	zip?: string | null;
	country?: string | null;
	phone?: string | null;
}

export interface TaxLine {
	title: string;
	/** Fraction, for example 0.19 for 19 %. */
	rate?: number | null;
	amount: Money;
}

export interface OrderDocumentLineItem {
	title: string;
	variantTitle?: string | null;
	sku?: string | null;
	vendor?: string | null;
	quantity: number;
	unitPrice: Money;
	/** Discount allocated to this line, for all units together. */
	totalDiscount?: Money | null;
	/** Quantity × unit price minus the line's discount. */
	total: Money;
	taxLines?: TaxLine[];
	requiresShipping?: boolean;
}

export interface OrderDocumentRefundLine {
	title: string;
	sku?: string | null;
	quantity: number;
	subtotal: Money;
}

export interface OrderDocumentRefund {
	id: string;
	/** Numeric part of the refund id, used in file names. */
	legacyResourceId: string;
	createdAt: string;
	note?: string | null;
	/** Empty for shipping-only or amount-only refunds. */
	lineItems: OrderDocumentRefundLine[];
	shipping?: Money | null;
	totalTax?: Money | null;
	total: Money;
}

export interface OrderDocumentShop {
	name: string;
	email?: string | null;
	domain?: string | null;
	address?: PostalAddress | null;
	/** IANA time zone of the shop (Shopify's Shop.ianaTimezone) for printed dates, UTC when absent. */
	ianaTimezone?: string | null;
}

export interface OrderDocumentOrder {
	/** GraphQL id, for example gid://shopify/Order/820982911946154508. */
	id: string;
	/** Numeric id as a string, exact even above 2^53. */
	legacyResourceId: string;
	/** Order name such as "#1001". */
	name: string;
	createdAt: string;
	processedAt?: string | null;
	currencyCode: string;
	email?: string | null;
	phone?: string | null;
	/** Null for guest orders. */
	customer?: { displayName: string; email?: string | null } | null;
	billingAddress?: PostalAddress | null;
	shippingAddress?: PostalAddress | null;
	lineItems: OrderDocumentLineItem[];
	shippingLines: Array<{ title: string; price: Money }>;
	discounts: Array<{ title: string; amount: Money }>;
	subtotal: Money;
	totalDiscounts: Money;
	totalShipping: Money;
	totalTax: Money;
	total: Money;
	totalRefunded?: Money | null;
	taxLines: TaxLine[];
	taxesIncluded?: boolean;
	paymentGateways?: string[];
	financialStatus?: string | null;
	fulfillmentStatus?: string | null;
	note?: string | null;
}

export interface OrderDocumentInput {
	shop: OrderDocumentShop;
	order: OrderDocumentOrder;
	refunds: OrderDocumentRefund[];
	/**
	 * BCP 47 locale for numbers, amounts and dates, for example "de-DE", taken from the order's
	 * customerLocale or the shop's primary locale. "en" when absent. Labels stay English.
	 */
	locale?: string | null;
}
