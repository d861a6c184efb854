/**
 * The simulator's domain records. Ids are decimal strings, because several exceed 2^53;
 * money is integer minor units (cents) of the shop currency; timestamps are ISO 8601 in UTC.
 */

export interface AddressRecord {
	id?: string;
	firstName: string | null;
	lastName: string | null;
	company: string | null;
	address1: string | null;
	address2: string | null;
	city: string | null;
	province: string | null;
	provinceCode: string | null;
	zip: string | null;
	country: string | null;
	countryCode: string | null;
	phone: string | null;
}

export interface TaxLineRecord {
	title: string;
	/** Fraction, 0.19 for 19 %. */
	rate: number;
	cents: number;
}

export interface DiscountAllocationRecord {
	/** Index into the order's `discountApplications`. */
	applicationIndex: number;
	cents: number;
}

export interface LineItemRecord {
	id: string;
	productId: string | null;
	variantId: string | null;
	title: string;
	variantTitle: string | null;
	sku: string | null;
	vendor: string | null;
	quantity: number;
	/** Unit price before discounts. */
	priceCents: number;
	grams: number;
	requiresShipping: boolean;
	taxable: boolean;
	giftCard: boolean;
	discountAllocations: DiscountAllocationRecord[];
	taxLines: TaxLineRecord[];
	properties: Array<{ name: string; value: string }>;
}

export interface ShippingLineRecord {
	id: string;
	title: string;
	code: string;
	source: string;
	carrierIdentifier: string | null;
	priceCents: number;
	discountAllocations: DiscountAllocationRecord[];
	taxLines: TaxLineRecord[];
}

export interface DiscountApplicationRecord {
	type: 'discount_code' | 'manual' | 'automatic' | 'script';
	code: string | null;
	title: string | null;
	description: string | null;
	/** Decimal string: a percentage ("10.0") or an amount ("5.00"). */
	value: string;
	valueType: 'percentage' | 'fixed_amount';
	allocationMethod: 'across' | 'each' | 'one';
	targetSelection: 'all' | 'entitled' | 'explicit';
	targetType: 'line_item' | 'shipping_line';
}

export interface MetafieldRecord {
	id: string;
	ownerType: 'PRODUCT' | 'ORDER' | 'CUSTOMER';
	ownerId: string;
	namespace: string;
	key: string;
	type: string;
	value: string;
	description: string | null;
	createdAt: string;
	updatedAt: string;
}

export interface OrderRecord {
	id: string;
	name: string;
	orderNumber: number;
	token: string;
	confirmationNumber: string;
	email: string | null;
	phone: string | null;
	customerId: string | null;
	customerLocale: string | null;
	createdAt: string;
	updatedAt: string;
	processedAt: string;
	closedAt: string | null;
	cancelledAt: string | null;
	cancelReason: 'customer' | 'fraud' | 'inventory' | 'declined' | 'staff' | 'other' | null;
	test: boolean;
	confirmed: boolean;
	tags: string[];
	note: string | null;
	noteAttributes: Array<{ name: string; value: string }>;
	currency: string;
	presentmentCurrency: string;
	taxesIncluded: boolean;
	sourceName: string;
	paymentGatewayNames: string[];
	billingAddress: AddressRecord | null;
	shippingAddress: AddressRecord | null;
	lineItems: LineItemRecord[];
	shippingLines: ShippingLineRecord[];
	discountApplications: DiscountApplicationRecord[];
	discountCodes: Array<{
		code: string;
		type: 'percentage' | 'fixed_amount' | 'shipping';
		cents: number;
	}>;
	metafields: MetafieldRecord[];
}

export interface TransactionRecord {
	id: string;
	orderId: string;
	kind: 'authorization' | 'capture' | 'sale' | 'void' | 'refund';
	status: 'success' | 'failure' | 'pending' | 'error';
	cents: number;
	currency: string;
	gateway: string;
	parentId: string | null;
	createdAt: string;
	processedAt: string;
	errorCode: string | null;
	message: string | null;
	authorization: string | null;
	test: boolean;
	sourceName: string;
	creditCardCompany: string | null;
	creditCardNumber: string | null;
	refundId: string | null;
}

export interface RefundLineItemRecord {
	id: string;
	lineItemId: string;
	quantity: number;
	restockType: 'no_restock' | 'cancel' | 'return' | 'legacy_restock';
	locationId: string | null;
	subtotalCents: number;
	totalTaxCents: number;
}

export interface RefundShippingLineRecord {
	id: string;
	shippingLineId: string;
	subtotalCents: number;
	taxCents: number;
}

export interface RefundRecord {
	id: string;
	orderId: string;
	createdAt: string;
	processedAt: string;
	note: string | null;
	restock: boolean;
	refundLineItems: RefundLineItemRecord[];
	refundShippingLines: RefundShippingLineRecord[];
	transactionIds: string[];
	returnId: string | null;
}

export type ReturnStatus = 'requested' | 'open' | 'closed' | 'declined' | 'canceled';

export type ReturnReason =
	| 'COLOR'
	| 'DEFECTIVE'
	| 'NOT_AS_DESCRIBED'
	| 'OTHER'
	| 'SIZE_TOO_LARGE'
	| 'SIZE_TOO_SMALL'
	| 'STYLE'
	| 'UNKNOWN'
	| 'UNWANTED'
	| 'WRONG_ITEM';

export interface ReturnLineItemRecord {
	id: string;
	fulfillmentLineItemId: string;
	lineItemId: string;
	quantity: number;
	returnReason: ReturnReason;
	returnReasonNote: string;
	customerNote: string | null;
	refundedQuantity: number;
}

export interface ReturnRecord {
	id: string;
	orderId: string;
	name: string;
	status: ReturnStatus;
	createdAt: string;
	updatedAt: string;
	requestApprovedAt: string | null;
	closedAt: string | null;
	decline: { reason: 'RETURN_PERIOD_ENDED' | 'FINAL_SALE' | 'OTHER'; note: string | null } | null;
	returnLineItems: ReturnLineItemRecord[];
}

export interface FulfillmentRecord {
	id: string;
	orderId: string;
	name: string;
	status: 'success' | 'cancelled' | 'error' | 'failure' | 'open' | 'pending';
	shipmentStatus: string | null;
	createdAt: string;
	updatedAt: string;
	deliveredAt: string | null;
	locationId: string;
	service: string;
	trackingCompany: string | null;
	trackingNumbers: string[];
	trackingUrls: string[];
	lineItems: Array<{ id: string; lineItemId: string; quantity: number }>;
}

export interface VariantRecord {
	id: string;
	title: string;
	sku: string;
	priceCents: number;
	compareAtPriceCents: number | null;
	position: number;
	inventoryQuantity: number;
	barcode: string | null;
	grams: number;
	option1: string | null;
}

export interface ProductRecord {
	id: string;
	title: string;
	handle: string;
	descriptionHtml: string;
	vendor: string;
	productType: string;
	status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT';
	tags: string[];
	createdAt: string;
	updatedAt: string;
	publishedAt: string | null;
	optionName: string;
	variants: VariantRecord[];
	metafields: MetafieldRecord[];
}

export interface CustomerRecord {
	id: string;
	email: string | null;
	firstName: string | null;
	lastName: string | null;
	phone: string | null;
	state: 'enabled' | 'disabled' | 'invited' | 'declined';
	verifiedEmail: boolean;
	taxExempt: boolean;
	tags: string[];
	note: string | null;
	locale: string;
	createdAt: string;
	updatedAt: string;
	addresses: AddressRecord[];
	defaultAddressId: string | null;
	metafields: MetafieldRecord[];
}

export interface DisputeRecord {
	id: string;
	orderId: string;
	transactionId: string | null;
	type: 'chargeback' | 'inquiry';
	cents: number;
	currency: string;
	reason: string;
	networkReasonCode: string;
	status: 'needs_response' | 'under_review' | 'charge_refunded' | 'accepted' | 'won' | 'lost';
	evidenceDueBy: string;
	evidenceSentOn: string | null;
	finalizedOn: string | null;
	initiatedAt: string;
}

export interface ShopRecord {
	id: string;
	name: string;
	email: string;
	myshopifyDomain: string;
	currencyCode: string;
	ianaTimezone: string;
	billingAddress: AddressRecord;
	planDisplayName: string;
}

export interface WebhookSubscriptionRecord {
	id: string;
	topic: string;
	uri: string;
	format: 'json' | 'xml';
	includeFields: string[];
	metafieldNamespaces: string[];
	filter: string | null;
	createdAt: string;
	updatedAt: string;
	/** 'admin' subscriptions are signed with the notifications key and hidden from the API. */
	source: 'api' | 'admin';
}
