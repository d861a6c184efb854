/**
 * Shapes of the GraphQL Admin API responses the node reads, limited to the fields its
 * documents select (see ../graphql). Money amounts and 64-bit ids are strings, as Shopify
 * sends them.
 */
import type { Connection } from '../transport/paging';

export interface MoneyV2 {
	amount: string;
	currencyCode: string;
}

export interface MoneyBag {
	shopMoney: MoneyV2;
	presentmentMoney: MoneyV2;
}

export interface MailingAddressNode {
	name?: string | null;
	firstName?: string | null;
	lastName?: string | null;
	company?: string | null;
	address1?: string | null;
	address2?: string | null;
	city?: string | null;
	province?: string | null;
	provinceCode?: string | null;
	zip?: string | null;
	country?: string | null;
	countryCodeV2?: string | null;
	phone?: string | null;
}

export interface TaxLineNode {
	title: string;
	rate?: number | null;
	ratePercentage?: number | null;
	priceSet: MoneyBag;
}

export interface AttributeNode {
	key: string;
	value?: string | null;
}

export interface LineItemNode {
	id: string;
	name: string;
	title: string;
	variantTitle?: string | null;
	sku?: string | null;
	vendor?: string | null;
	quantity: number;
	currentQuantity?: number;
	refundableQuantity?: number;
	unfulfilledQuantity?: number;
	requiresShipping: boolean;
	taxable?: boolean;
	isGiftCard?: boolean;
	customAttributes?: AttributeNode[];
	originalUnitPriceSet: MoneyBag;
	originalTotalSet: MoneyBag;
	totalDiscountSet: MoneyBag;
	discountAllocations: Array<{
		allocatedAmountSet: MoneyBag;
		discountApplication: { index: number };
	}>;
	taxLines: TaxLineNode[];
	product?: { id: string } | null;
	variant?: { id: string } | null;
}

export interface ShippingLineNode {
	title: string;
	code?: string | null;
	source?: string | null;
	carrierIdentifier?: string | null;
	originalPriceSet: MoneyBag;
	discountedPriceSet: MoneyBag;
	taxLines?: TaxLineNode[];
}

export interface DiscountApplicationNode {
	__typename: string;
	index: number;
	allocationMethod?: string;
	targetSelection?: string;
	targetType?: string;
	value?: { __typename: string; amount?: string; currencyCode?: string; percentage?: number };
	code?: string | null;
	title?: string | null;
	description?: string | null;
}

export interface TransactionNode {
	id: string;
	kind: string;
	status: string;
	gateway?: string | null;
	formattedGateway?: string | null;
	test?: boolean;
	errorCode?: string | null;
	authorizationCode?: string | null;
	processedAt?: string | null;
	createdAt: string;
	amountSet: MoneyBag;
	parentTransaction?: { id: string } | null;
	order?: { id: string; name: string } | null;
}

export interface RefundLineNode {
	quantity: number;
	restockType: string;
	restocked?: boolean;
	lineItem: {
		id: string;
		title: string;
		name?: string;
		sku?: string | null;
		variantTitle?: string | null;
	};
	priceSet: MoneyBag;
	subtotalSet: MoneyBag;
	totalTaxSet: MoneyBag;
}

export interface RefundNode {
	id: string;
	legacyResourceId: string;
	createdAt?: string | null;
	updatedAt?: string;
	note?: string | null;
	order: { id: string };
	return?: { id: string; name: string } | null;
	totalRefundedSet: MoneyBag;
	refundShippingLines: Connection<{
		shippingLine: { title: string };
		subtotalAmountSet: MoneyBag;
		taxAmountSet: MoneyBag;
	}>;
	transactions: Connection<TransactionNode>;
	refundLineItems: Connection<RefundLineNode>;
}

/** A refund with all of its line items read. */
export interface RefundDetail extends Omit<
	RefundNode,
	'refundLineItems' | 'refundShippingLines' | 'transactions'
> {
	refundLineItems: RefundLineNode[];
	refundShippingLines: RefundNode['refundShippingLines']['nodes'];
	transactions: TransactionNode[];
}

export interface FulfillmentNode {
	id: string;
	legacyResourceId: string;
	name: string;
	status: string;
	displayStatus?: string | null;
	createdAt: string;
	updatedAt?: string;
	deliveredAt?: string | null;
	totalQuantity?: number;
	trackingInfo: Array<{ company?: string | null; number?: string | null; url?: string | null }>;
}

export interface ReturnSummaryNode {
	id: string;
	name: string;
	status: string;
	totalQuantity?: number;
	createdAt?: string;
	requestApprovedAt?: string | null;
	closedAt?: string | null;
	decline?: { reason: string; note?: string | null } | null;
}

export interface OrderNode {
	id: string;
	legacyResourceId: string;
	name: string;
	confirmationNumber?: string | null;
	createdAt: string;
	updatedAt: string;
	processedAt: string;
	closedAt?: string | null;
	cancelledAt?: string | null;
	cancelReason?: string | null;
	test: boolean;
	email?: string | null;
	phone?: string | null;
	note?: string | null;
	tags: string[];
	sourceName?: string | null;
	currencyCode: string;
	presentmentCurrencyCode: string;
	displayFinancialStatus?: string | null;
	displayFulfillmentStatus: string;
	customer?: {
		id: string;
		legacyResourceId: string;
		displayName: string;
		email?: string | null;
	} | null;
	subtotalPriceSet?: MoneyBag | null;
	totalPriceSet: MoneyBag;
	totalTaxSet?: MoneyBag | null;
	totalRefundedSet: MoneyBag;
	currentTotalPriceSet: MoneyBag;
	closed?: boolean;
	confirmed?: boolean;
	taxesIncluded: boolean;
	paymentGatewayNames: string[];
	statusPageUrl?: string;
	discountCodes?: string[];
	customerLocale?: string | null;
	customAttributes?: AttributeNode[];
	billingAddress?: MailingAddressNode | null;
	shippingAddress?: MailingAddressNode | null;
	totalDiscountsSet?: MoneyBag | null;
	totalShippingPriceSet: MoneyBag;
	taxLines: TaxLineNode[];
	shippingLines: Connection<ShippingLineNode>;
	discountApplications: Connection<DiscountApplicationNode>;
	transactions: TransactionNode[];
	refunds: Array<{ id: string }>;
	returns: Connection<ReturnSummaryNode>;
	fulfillments: FulfillmentNode[];
	labelMetafield?: { type: string; value: string } | null;
}

/** An order with every line item, each refund in detail and the shipping-label URL. */
export interface LoadedOrder extends Omit<
	OrderNode,
	'shippingLines' | 'discountApplications' | 'refunds' | 'returns' | 'labelMetafield'
> {
	shippingLines: ShippingLineNode[];
	discountApplications: DiscountApplicationNode[];
	lineItems: LineItemNode[];
	refunds: RefundDetail[];
	returns: ReturnSummaryNode[];
	/** URL of the shipping label, from the metafield the user named; null when there is none. */
	shippingLabelUrl: string | null;
}

export interface ShopNode {
	id: string;
	name: string;
	email?: string | null;
	contactEmail?: string | null;
	myshopifyDomain: string;
	url?: string | null;
	currencyCode: string;
	billingAddress?: MailingAddressNode | null;
}
