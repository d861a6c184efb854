/**
 * The part of the GraphQL Admin API schema the simulator serves, built per API version
 * because some fields exist only in some versions (webhook `uri` versus `callbackUrl`,
 * `productByHandle`). Names, types and nullability follow Shopify's published schema.
 */
import { buildSchema, type GraphQLSchema } from 'graphql';

import type { ShopifySettings } from '../settings';
import { WEBHOOK_TOPICS } from '../topics';

function connection(name: string, node: string): string {
	return `
type ${name}Connection {
	edges: [${name}Edge!]!
	nodes: [${node}!]!
	pageInfo: PageInfo!
}
type ${name}Edge {
	cursor: String!
	node: ${node}!
}`;
}

const PAGE_ARGS = 'first: Int, after: String, last: Int, before: String, reverse: Boolean = false';

const COMMON_SDL = `
schema {
	query: QueryRoot
	mutation: Mutation
}

scalar DateTime
scalar Date
scalar Decimal
scalar Money
scalar URL
scalar UnsignedInt64
scalar HTML
scalar JSON
scalar ARN

interface Node {
	id: ID!
}

interface DisplayableError {
	field: [String!]
	message: String!
}

type UserError implements DisplayableError {
	field: [String!]
	message: String!
}

type PageInfo {
	hasNextPage: Boolean!
	hasPreviousPage: Boolean!
	startCursor: String
	endCursor: String
}

type Count {
	count: Int!
	precision: CountPrecision!
}

enum CountPrecision {
	EXACT
	AT_LEAST
}

enum CurrencyCode {
	AED AUD BRL CAD CHF CNY CZK DKK EUR GBP HKD INR JPY KRW MXN NOK NZD PLN SAR SEK SGD TRY USD
}

enum CountryCode {
	AE AT AU BE BR CA CH CN CZ DE DK ES FI FR GB HK IE IN IT JP KR LU MX NL NO NZ PL PT SA SE SG TR UA US
}

type MoneyV2 {
	amount: Decimal!
	currencyCode: CurrencyCode!
}

type MoneyBag {
	shopMoney: MoneyV2!
	presentmentMoney: MoneyV2!
}

type Attribute {
	key: String!
	value: String
}

type MailingAddress implements Node {
	id: ID!
	address1: String
	address2: String
	city: String
	company: String
	country: String
	countryCodeV2: CountryCode
	firstName: String
	lastName: String
	name: String
	phone: String
	province: String
	provinceCode: String
	zip: String
	latitude: Float
	longitude: Float
	formattedArea: String
	formatted(withName: Boolean = false, withCompany: Boolean = true): [String!]!
}

type ShopAddress implements Node {
	id: ID!
	address1: String
	address2: String
	city: String
	company: String
	country: String
	countryCodeV2: CountryCode
	phone: String
	province: String
	provinceCode: String
	zip: String
	formatted(withCompany: Boolean = true): [String!]!
}

type ShopPlan {
	displayName: String!
	partnerDevelopment: Boolean!
	shopifyPlus: Boolean!
}

type Shop implements Node & HasMetafields {
	id: ID!
	name: String!
	email: String!
	contactEmail: String!
	myshopifyDomain: String!
	url: URL!
	currencyCode: CurrencyCode!
	ianaTimezone: String!
	billingAddress: ShopAddress!
	plan: ShopPlan!
	metafield(namespace: String, key: String!): Metafield
	metafields(${PAGE_ARGS}, namespace: String, keys: [String!]): MetafieldConnection!
}

type ApiVersion {
	handle: String!
	displayName: String!
	supported: Boolean!
}

type Location implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	name: String!
}

interface HasMetafields {
	metafield(namespace: String, key: String!): Metafield
	metafields(${PAGE_ARGS}, namespace: String, keys: [String!]): MetafieldConnection!
}

enum MetafieldOwnerType {
	CUSTOMER
	ORDER
	PRODUCT
	SHOP
}

type Metafield implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	namespace: String!
	key: String!
	type: String!
	value: String!
	jsonValue: JSON!
	description: String
	compareDigest: String!
	ownerType: MetafieldOwnerType!
	owner: HasMetafields!
	createdAt: DateTime!
	updatedAt: DateTime!
}
${connection('Metafield', 'Metafield')}

type MetafieldIdentifier {
	ownerId: ID!
	namespace: String!
	key: String!
}

enum OrderCancelReason {
	CUSTOMER
	DECLINED
	FRAUD
	INVENTORY
	OTHER
	STAFF
}

enum OrderDisplayFinancialStatus {
	AUTHORIZED
	EXPIRED
	PAID
	PARTIALLY_PAID
	PARTIALLY_REFUNDED
	PENDING
	REFUNDED
	VOIDED
}

enum OrderDisplayFulfillmentStatus {
	FULFILLED
	IN_PROGRESS
	ON_HOLD
	OPEN
	PARTIALLY_FULFILLED
	PENDING_FULFILLMENT
	REQUEST_DECLINED
	RESTOCKED
	SCHEDULED
	UNFULFILLED
}

enum OrderReturnStatus {
	INSPECTION_COMPLETE
	IN_PROGRESS
	NO_RETURN
	RETURNED
	RETURN_FAILED
	RETURN_REQUESTED
}

enum OrderSortKeys {
	CREATED_AT
	CURRENT_TOTAL_PRICE
	CUSTOMER_NAME
	DESTINATION
	FINANCIAL_STATUS
	FULFILLMENT_STATUS
	ID
	ORDER_NUMBER
	PROCESSED_AT
	RELEVANCE
	TOTAL_ITEMS_QUANTITY
	TOTAL_PRICE
	UPDATED_AT
}

type Order implements Node & HasMetafields {
	id: ID!
	legacyResourceId: UnsignedInt64!
	name: String!
	confirmationNumber: String
	createdAt: DateTime!
	updatedAt: DateTime!
	processedAt: DateTime!
	closedAt: DateTime
	closed: Boolean!
	cancelledAt: DateTime
	cancelReason: OrderCancelReason
	confirmed: Boolean!
	test: Boolean!
	email: String
	phone: String
	note: String
	tags: [String!]!
	customerLocale: String
	sourceName: String
	currencyCode: CurrencyCode!
	presentmentCurrencyCode: CurrencyCode!
	taxesIncluded: Boolean!
	displayFinancialStatus: OrderDisplayFinancialStatus
	displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
	returnStatus: OrderReturnStatus!
	fullyPaid: Boolean!
	unpaid: Boolean!
	refundable: Boolean!
	customer: Customer
	billingAddress: MailingAddress
	shippingAddress: MailingAddress
	customAttributes: [Attribute!]!
	paymentGatewayNames: [String!]!
	statusPageUrl: URL!
	discountCode: String
	discountCodes: [String!]!
	subtotalLineItemsQuantity: Int!
	totalWeight: UnsignedInt64
	lineItems(${PAGE_ARGS}): LineItemConnection!
	shippingLine: ShippingLine
	shippingLines(${PAGE_ARGS}, includeRemovals: Boolean = false): ShippingLineConnection!
	discountApplications(${PAGE_ARGS}): DiscountApplicationConnection!
	taxLines: [TaxLine!]!
	transactions(first: Int, capturable: Boolean): [OrderTransaction!]!
	refunds(first: Int): [Refund!]!
	returns(${PAGE_ARGS}, query: String): ReturnConnection!
	fulfillments(first: Int): [Fulfillment!]!
	disputes: [OrderDisputeSummary!]!
	subtotalPriceSet: MoneyBag
	totalPriceSet: MoneyBag!
	totalTaxSet: MoneyBag
	totalDiscountsSet: MoneyBag
	totalShippingPriceSet: MoneyBag!
	totalRefundedSet: MoneyBag!
	totalRefundedShippingSet: MoneyBag!
	totalReceivedSet: MoneyBag!
	netPaymentSet: MoneyBag!
	totalOutstandingSet: MoneyBag!
	currentSubtotalPriceSet: MoneyBag!
	currentTotalPriceSet: MoneyBag!
	currentTotalTaxSet: MoneyBag!
	currentTotalDiscountsSet: MoneyBag!
	currentShippingPriceSet: MoneyBag!
	metafield(namespace: String, key: String!): Metafield
	metafields(${PAGE_ARGS}, namespace: String, keys: [String!]): MetafieldConnection!
}
${connection('Order', 'Order')}

type LineItem implements Node {
	id: ID!
	name: String!
	title: String!
	variantTitle: String
	sku: String
	vendor: String
	quantity: Int!
	currentQuantity: Int!
	refundableQuantity: Int!
	unfulfilledQuantity: Int!
	nonFulfillableQuantity: Int!
	requiresShipping: Boolean!
	taxable: Boolean!
	isGiftCard: Boolean!
	customAttributes: [Attribute!]!
	originalUnitPriceSet: MoneyBag!
	discountedUnitPriceSet: MoneyBag!
	discountedUnitPriceAfterAllDiscountsSet: MoneyBag!
	originalTotalSet: MoneyBag!
	discountedTotalSet: MoneyBag!
	totalDiscountSet: MoneyBag!
	discountAllocations: [DiscountAllocation!]!
	taxLines(first: Int): [TaxLine!]!
	product: Product
	variant: ProductVariant
}
${connection('LineItem', 'LineItem')}

type TaxLine {
	title: String!
	rate: Float
	ratePercentage: Float
	priceSet: MoneyBag!
	channelLiable: Boolean
}

type ShippingLine {
	id: ID
	title: String!
	code: String
	source: String
	carrierIdentifier: String
	isRemoved: Boolean!
	originalPriceSet: MoneyBag!
	discountedPriceSet: MoneyBag!
	currentDiscountedPriceSet: MoneyBag!
	taxLines: [TaxLine!]!
	discountAllocations: [DiscountAllocation!]!
}
${connection('ShippingLine', 'ShippingLine')}

type DiscountAllocation {
	allocatedAmountSet: MoneyBag!
	discountApplication: DiscountApplication!
}

enum DiscountApplicationAllocationMethod {
	ACROSS
	EACH
	ONE
}

enum DiscountApplicationTargetSelection {
	ALL
	ENTITLED
	EXPLICIT
}

enum DiscountApplicationTargetType {
	LINE_ITEM
	SHIPPING_LINE
}

type PricingPercentageValue {
	percentage: Float!
}

union PricingValue = MoneyV2 | PricingPercentageValue

interface DiscountApplication {
	index: Int!
	allocationMethod: DiscountApplicationAllocationMethod!
	targetSelection: DiscountApplicationTargetSelection!
	targetType: DiscountApplicationTargetType!
	value: PricingValue!
}

type DiscountCodeApplication implements DiscountApplication {
	index: Int!
	allocationMethod: DiscountApplicationAllocationMethod!
	targetSelection: DiscountApplicationTargetSelection!
	targetType: DiscountApplicationTargetType!
	value: PricingValue!
	code: String!
}

type ManualDiscountApplication implements DiscountApplication {
	index: Int!
	allocationMethod: DiscountApplicationAllocationMethod!
	targetSelection: DiscountApplicationTargetSelection!
	targetType: DiscountApplicationTargetType!
	value: PricingValue!
	title: String!
	description: String
}

type AutomaticDiscountApplication implements DiscountApplication {
	index: Int!
	allocationMethod: DiscountApplicationAllocationMethod!
	targetSelection: DiscountApplicationTargetSelection!
	targetType: DiscountApplicationTargetType!
	value: PricingValue!
	title: String!
}

type ScriptDiscountApplication implements DiscountApplication {
	index: Int!
	allocationMethod: DiscountApplicationAllocationMethod!
	targetSelection: DiscountApplicationTargetSelection!
	targetType: DiscountApplicationTargetType!
	value: PricingValue!
	title: String!
}
${connection('DiscountApplication', 'DiscountApplication')}

enum OrderTransactionKind {
	AUTHORIZATION
	CAPTURE
	CHANGE
	EMV_AUTHORIZATION
	REFUND
	SALE
	SUGGESTED_REFUND
	VOID
}

enum OrderTransactionStatus {
	AWAITING_RESPONSE
	ERROR
	FAILURE
	PENDING
	SUCCESS
	UNKNOWN
}

enum OrderTransactionErrorCode {
	CALL_ISSUER
	CARD_DECLINED
	CONFIG_ERROR
	EXPIRED_CARD
	GENERIC_ERROR
	INCORRECT_ADDRESS
	INCORRECT_CVC
	INCORRECT_NUMBER
	INCORRECT_PIN
	INCORRECT_ZIP
	INVALID_AMOUNT
	INVALID_COUNTRY
	INVALID_CVC
	INVALID_EXPIRY_DATE
	INVALID_NUMBER
	PICK_UP_CARD
	PROCESSING_ERROR
	TEST_MODE_LIVE_CARD
	UNSUPPORTED_FEATURE
}

type CardPaymentDetails {
	company: String
	number: String
	name: String
	bin: String
	wallet: String
	avsResultCode: String
	cvvResultCode: String
	expirationMonth: Int
	expirationYear: Int
	paymentMethodName: String
}

union PaymentDetails = CardPaymentDetails

type OrderTransaction implements Node {
	id: ID!
	kind: OrderTransactionKind!
	status: OrderTransactionStatus!
	gateway: String
	formattedGateway: String
	amountSet: MoneyBag!
	parentTransaction: OrderTransaction
	processedAt: DateTime
	createdAt: DateTime!
	errorCode: OrderTransactionErrorCode
	test: Boolean!
	authorizationCode: String
	manualPaymentGateway: Boolean!
	paymentDetails: PaymentDetails
	order: Order
}
${connection('OrderTransaction', 'OrderTransaction')}

enum RefundLineItemRestockType {
	CANCEL
	LEGACY_RESTOCK
	NO_RESTOCK
	RETURN
}

type RefundLineItem {
	id: ID
	lineItem: LineItem!
	quantity: Int!
	restockType: RefundLineItemRestockType!
	restocked: Boolean!
	location: Location
	priceSet: MoneyBag!
	subtotalSet: MoneyBag!
	totalTaxSet: MoneyBag!
}
${connection('RefundLineItem', 'RefundLineItem')}

type RefundShippingLine implements Node {
	id: ID!
	shippingLine: ShippingLine!
	subtotalAmountSet: MoneyBag!
	taxAmountSet: MoneyBag!
}
${connection('RefundShippingLine', 'RefundShippingLine')}

type Refund implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	createdAt: DateTime
	updatedAt: DateTime!
	note: String
	order: Order!
	return: Return
	totalRefundedSet: MoneyBag!
	refundLineItems(${PAGE_ARGS}): RefundLineItemConnection!
	refundShippingLines(${PAGE_ARGS}): RefundShippingLineConnection!
	transactions(${PAGE_ARGS}): OrderTransactionConnection!
}
${connection('Refund', 'Refund')}

enum ReturnStatus {
	CANCELED
	CLOSED
	DECLINED
	OPEN
	REQUESTED
}

enum ReturnReason {
	COLOR
	DEFECTIVE
	NOT_AS_DESCRIBED
	OTHER
	SIZE_TOO_LARGE
	SIZE_TOO_SMALL
	STYLE
	UNKNOWN
	UNWANTED
	WRONG_ITEM
}

enum ReturnDeclineReason {
	FINAL_SALE
	OTHER
	RETURN_PERIOD_ENDED
}

type ReturnDecline {
	reason: ReturnDeclineReason!
	note: String
}

interface ReturnLineItemType {
	id: ID!
	quantity: Int!
	returnReason: ReturnReason!
	returnReasonNote: String!
	customerNote: String
	refundableQuantity: Int!
	refundedQuantity: Int!
}

type ReturnLineItem implements Node & ReturnLineItemType {
	id: ID!
	quantity: Int!
	returnReason: ReturnReason!
	returnReasonNote: String!
	customerNote: String
	refundableQuantity: Int!
	refundedQuantity: Int!
	fulfillmentLineItem: FulfillmentLineItem!
}
${connection('ReturnLineItemType', 'ReturnLineItemType')}

type Return implements Node {
	id: ID!
	name: String!
	status: ReturnStatus!
	order: Order!
	createdAt: DateTime!
	requestApprovedAt: DateTime
	closedAt: DateTime
	totalQuantity: Int!
	decline: ReturnDecline
	returnLineItems(${PAGE_ARGS}): ReturnLineItemTypeConnection!
	refunds(${PAGE_ARGS}): RefundConnection!
}
${connection('Return', 'Return')}

enum FulfillmentStatus {
	CANCELLED
	ERROR
	FAILURE
	OPEN
	PENDING
	SUCCESS
}

enum FulfillmentDisplayStatus {
	ATTEMPTED_DELIVERY
	CANCELED
	CONFIRMED
	DELIVERED
	FAILURE
	FULFILLED
	IN_TRANSIT
	LABEL_PRINTED
	LABEL_PURCHASED
	MARKED_AS_FULFILLED
	NOT_DELIVERED
	OUT_FOR_DELIVERY
	PICKED_UP
	READY_FOR_PICKUP
	SUBMITTED
}

type FulfillmentTrackingInfo {
	company: String
	number: String
	url: URL
}

type FulfillmentLineItem implements Node {
	id: ID!
	lineItem: LineItem!
	quantity: Int
	originalTotalSet: MoneyBag!
	discountedTotalSet: MoneyBag!
}
${connection('FulfillmentLineItem', 'FulfillmentLineItem')}

type Fulfillment implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	name: String!
	status: FulfillmentStatus!
	displayStatus: FulfillmentDisplayStatus
	createdAt: DateTime!
	updatedAt: DateTime!
	deliveredAt: DateTime
	requiresShipping: Boolean!
	totalQuantity: Int!
	location: Location
	order: Order!
	trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
	fulfillmentLineItems(${PAGE_ARGS}): FulfillmentLineItemConnection!
}

enum CustomerState {
	DECLINED
	DISABLED
	ENABLED
	INVITED
}

enum CustomerSortKeys {
	CREATED_AT
	ID
	NAME
	RELEVANCE
	UPDATED_AT
}

type CustomerEmailAddress {
	emailAddress: String
}

type CustomerPhoneNumber {
	phoneNumber: String!
}

type Customer implements Node & HasMetafields {
	id: ID!
	legacyResourceId: UnsignedInt64!
	firstName: String
	lastName: String
	displayName: String!
	email: String
	phone: String
	defaultEmailAddress: CustomerEmailAddress
	defaultPhoneNumber: CustomerPhoneNumber
	state: CustomerState!
	verifiedEmail: Boolean!
	taxExempt: Boolean!
	tags: [String!]!
	note: String
	locale: String!
	createdAt: DateTime!
	updatedAt: DateTime!
	defaultAddress: MailingAddress
	addresses(first: Int): [MailingAddress!]!
	numberOfOrders: UnsignedInt64!
	amountSpent: MoneyV2!
	orders(${PAGE_ARGS}, query: String, sortKey: OrderSortKeys = ID): OrderConnection!
	metafield(namespace: String, key: String!): Metafield
	metafields(${PAGE_ARGS}, namespace: String, keys: [String!]): MetafieldConnection!
}
${connection('Customer', 'Customer')}

enum ProductStatus {
	ACTIVE
	ARCHIVED
	DRAFT
}

enum ProductSortKeys {
	CREATED_AT
	ID
	PRODUCT_TYPE
	RELEVANCE
	TITLE
	UPDATED_AT
	VENDOR
}

type ProductOption implements Node {
	id: ID!
	name: String!
	position: Int!
	values: [String!]!
}

type SelectedOption {
	name: String!
	value: String!
}

type ProductVariant implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	title: String!
	displayName: String!
	sku: String
	barcode: String
	price: Money!
	compareAtPrice: Money
	position: Int!
	inventoryQuantity: Int
	selectedOptions: [SelectedOption!]!
	product: Product!
}
${connection('ProductVariant', 'ProductVariant')}

type Product implements Node & HasMetafields {
	id: ID!
	legacyResourceId: UnsignedInt64!
	title: String!
	handle: String!
	descriptionHtml: HTML!
	description(truncateAt: Int): String!
	vendor: String!
	productType: String!
	status: ProductStatus!
	tags: [String!]!
	createdAt: DateTime!
	updatedAt: DateTime!
	publishedAt: DateTime
	onlineStoreUrl: URL
	totalInventory: Int!
	options(first: Int): [ProductOption!]!
	variants(${PAGE_ARGS}): ProductVariantConnection!
	metafield(namespace: String, key: String!): Metafield
	metafields(${PAGE_ARGS}, namespace: String, keys: [String!]): MetafieldConnection!
}
${connection('Product', 'Product')}

input UniqueMetafieldValueInput {
	namespace: String
	key: String!
	value: String!
}

input ProductIdentifierInput {
	id: ID
	handle: String
	customId: UniqueMetafieldValueInput
}

enum DisputeType {
	CHARGEBACK
	INQUIRY
}

enum DisputeStatus {
	ACCEPTED
	CHARGE_REFUNDED
	LOST
	NEEDS_RESPONSE
	UNDER_REVIEW
	WON
}

enum ShopifyPaymentsDisputeReason {
	BANK_CANNOT_PROCESS
	CREDIT_NOT_PROCESSED
	CUSTOMER_INITIATED
	DEBIT_NOT_AUTHORIZED
	DUPLICATE
	FRAUDULENT
	GENERAL
	INCORRECT_ACCOUNT_DETAILS
	INSUFFICIENT_FUNDS
	PRODUCT_NOT_RECEIVED
	PRODUCT_UNACCEPTABLE
	SUBSCRIPTION_CANCELLED
	UNRECOGNIZED
}

type ShopifyPaymentsDisputeReasonDetails {
	reason: ShopifyPaymentsDisputeReason!
	networkReasonCode: String
}

type ShopifyPaymentsDispute implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	order: Order
	amount: MoneyV2!
	type: DisputeType!
	status: DisputeStatus!
	reasonDetails: ShopifyPaymentsDisputeReasonDetails!
	evidenceDueBy: Date
	evidenceSentOn: Date
	finalizedOn: Date
	initiatedAt: DateTime!
}
${connection('ShopifyPaymentsDispute', 'ShopifyPaymentsDispute')}

type OrderDisputeSummary implements Node {
	id: ID!
	initiatedAs: DisputeType!
	status: DisputeStatus!
}

enum WebhookSubscriptionTopic {
	${WEBHOOK_TOPICS.map((topic) => topic.enumValue).join('\n\t')}
}

enum WebhookSubscriptionFormat {
	JSON
	XML
}

enum WebhookSubscriptionSortKeys {
	CREATED_AT
	ID
	RELEVANCE
}

type WebhookHttpEndpoint {
	callbackUrl: URL!
}

type WebhookEventBridgeEndpoint {
	arn: ARN!
}

type WebhookPubSubEndpoint {
	pubSubProject: String!
	pubSubTopic: String!
}

union WebhookSubscriptionEndpoint = WebhookEventBridgeEndpoint | WebhookHttpEndpoint | WebhookPubSubEndpoint
${connection('WebhookSubscription', 'WebhookSubscription')}

type WebhookSubscriptionCreatePayload {
	webhookSubscription: WebhookSubscription
	userErrors: [UserError!]!
}

type WebhookSubscriptionUpdatePayload {
	webhookSubscription: WebhookSubscription
	userErrors: [UserError!]!
}

type WebhookSubscriptionDeletePayload {
	deletedWebhookSubscriptionId: ID
	userErrors: [UserError!]!
}

enum MetafieldsSetUserErrorCode {
	APP_NOT_AUTHORIZED
	BLANK
	CAPABILITY_VIOLATION
	INCLUSION
	INTERNAL_ERROR
	INVALID
	INVALID_COMPARE_DIGEST
	INVALID_TYPE
	INVALID_VALUE
	LESS_THAN_OR_EQUAL_TO
	PRESENT
	STALE_OBJECT
	TAKEN
	TOO_LONG
	TOO_SHORT
}

type MetafieldsSetUserError implements DisplayableError {
	field: [String!]
	message: String!
	code: MetafieldsSetUserErrorCode
	elementIndex: Int
}

input MetafieldsSetInput {
	ownerId: ID!
	namespace: String
	key: String!
	value: String!
	type: String
	compareDigest: String
}

type MetafieldsSetPayload {
	metafields: [Metafield!]
	userErrors: [MetafieldsSetUserError!]!
}

input MetafieldIdentifierInput {
	ownerId: ID!
	namespace: String!
	key: String!
}

type MetafieldsDeletePayload {
	deletedMetafields: [MetafieldIdentifier]
	userErrors: [UserError!]!
}

input MetafieldInput {
	id: ID
	namespace: String
	key: String
	value: String
	type: String
}

input ProductUpdateInput {
	id: ID
	title: String
	handle: String
	descriptionHtml: String
	vendor: String
	productType: String
	tags: [String!]
	status: ProductStatus
	metafields: [MetafieldInput!]
}

type ProductUpdatePayload {
	product: Product
	userErrors: [UserError!]!
}

input ShippingRefundInput {
	amount: Money
	fullRefund: Boolean
}

input RefundLineItemInput {
	lineItemId: ID!
	quantity: Int!
	restockType: RefundLineItemRestockType
	locationId: ID
}

input OrderTransactionInput {
	orderId: ID!
	parentId: ID
	amount: Money!
	gateway: String!
	kind: OrderTransactionKind!
}

input RefundInput {
	orderId: ID!
	note: String
	notify: Boolean
	currency: CurrencyCode
	allowOverRefunding: Boolean
	processedAt: DateTime
	shipping: ShippingRefundInput
	refundLineItems: [RefundLineItemInput!]
	transactions: [OrderTransactionInput!]
}

type RefundCreatePayload {
	refund: Refund
	order: Order
	userErrors: [UserError!]!
}

enum ReturnErrorCode {
	ALREADY_EXISTS
	BLANK
	CREATION_FAILED
	EQUAL_TO
	FEATURE_NOT_ENABLED
	GREATER_THAN
	GREATER_THAN_OR_EQUAL_TO
	INCLUSION
	INTERNAL_ERROR
	INVALID
	INVALID_STATE
	LESS_THAN
	LESS_THAN_OR_EQUAL_TO
	NOT_A_NUMBER
	NOT_EDITABLE
	NOT_FOUND
	PRESENT
	TAKEN
	TOO_BIG
	TOO_LONG
	TOO_MANY_ARGUMENTS
	TOO_SHORT
	WRONG_LENGTH
}

type ReturnUserError implements DisplayableError {
	field: [String!]
	message: String!
	code: ReturnErrorCode
}

input ReturnApproveRequestInput {
	id: ID!
	notifyCustomer: Boolean = false
}

input ReturnDeclineRequestInput {
	id: ID!
	declineReason: ReturnDeclineReason!
	declineNote: String
	notifyCustomer: Boolean = false
}

type ReturnApproveRequestPayload {
	return: Return
	userErrors: [ReturnUserError!]!
}

type ReturnDeclineRequestPayload {
	return: Return
	userErrors: [ReturnUserError!]!
}

type ReturnClosePayload {
	return: Return
	userErrors: [ReturnUserError!]!
}

type Mutation {
	productUpdate(product: ProductUpdateInput): ProductUpdatePayload
	metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
	metafieldsDelete(metafields: [MetafieldIdentifierInput!]!): MetafieldsDeletePayload
	refundCreate(input: RefundInput!): RefundCreatePayload
	returnApproveRequest(input: ReturnApproveRequestInput!): ReturnApproveRequestPayload
	returnDeclineRequest(input: ReturnDeclineRequestInput!): ReturnDeclineRequestPayload
	returnClose(id: ID!): ReturnClosePayload
	webhookSubscriptionCreate(topic: WebhookSubscriptionTopic!, webhookSubscription: WebhookSubscriptionInput!): WebhookSubscriptionCreatePayload
	webhookSubscriptionUpdate(id: ID!, webhookSubscription: WebhookSubscriptionInput!): WebhookSubscriptionUpdatePayload
	webhookSubscriptionDelete(id: ID!): WebhookSubscriptionDeletePayload
}
`;

/** Compares two API version handles ("2025-10" < "2026-01"). */
export function versionAtLeast(version: string, floor: string): boolean {
	return version >= floor;
}

function versionSdl(version: string, settings: ShopifySettings): string {
	const usesUri = versionAtLeast(version, settings.webhookUriFromVersion);
	const hasProductByHandle =
		settings.productByHandleUntilVersion === null ||
		version <= settings.productByHandleUntilVersion;

	// From the switch version on, `uri` replaces `callbackUrl` in the input and on the object.
	// Sending the other field is then a validation error, as on Shopify.
	const addressInput = usesUri ? 'uri: String' : 'callbackUrl: URL';
	const addressField = usesUri ? 'uri: String!' : 'callbackUrl: URL!';
	const addressFilter = usesUri ? 'uri: String' : 'callbackUrl: URL';

	return `
input WebhookSubscriptionInput {
	${addressInput}
	format: WebhookSubscriptionFormat
	includeFields: [String!]
	metafieldNamespaces: [String!]
	filter: String
}

type WebhookSubscription implements Node {
	id: ID!
	legacyResourceId: UnsignedInt64!
	topic: WebhookSubscriptionTopic!
	format: WebhookSubscriptionFormat!
	includeFields: [String!]!
	metafieldNamespaces: [String!]!
	filter: String
	apiVersion: ApiVersion!
	createdAt: DateTime!
	updatedAt: DateTime!
	endpoint: WebhookSubscriptionEndpoint!
	${addressField}
}

type QueryRoot {
	shop: Shop!
	order(id: ID!): Order
	orders(${PAGE_ARGS}, query: String, sortKey: OrderSortKeys = PROCESSED_AT): OrderConnection!
	ordersCount(query: String, limit: Int = 10000): Count
	refund(id: ID!): Refund
	return(id: ID!): Return
	fulfillment(id: ID!): Fulfillment
	customer(id: ID!): Customer
	customers(${PAGE_ARGS}, query: String, sortKey: CustomerSortKeys = ID): CustomerConnection!
	product(id: ID!): Product
	products(${PAGE_ARGS}, query: String, sortKey: ProductSortKeys = ID): ProductConnection!
	${hasProductByHandle ? 'productByHandle(handle: String!): Product' : ''}
	productByIdentifier(identifier: ProductIdentifierInput!): Product
	productVariant(id: ID!): ProductVariant
	dispute(id: ID!): ShopifyPaymentsDispute
	disputes(${PAGE_ARGS}, query: String): ShopifyPaymentsDisputeConnection!
	webhookSubscription(id: ID!): WebhookSubscription
	webhookSubscriptions(${PAGE_ARGS}, sortKey: WebhookSubscriptionSortKeys = CREATED_AT, topics: [WebhookSubscriptionTopic!], format: WebhookSubscriptionFormat, ${addressFilter}, query: String): WebhookSubscriptionConnection!
	node(id: ID!): Node
	nodes(ids: [ID!]!): [Node]!
	publicApiVersions: [ApiVersion!]!
}
`;
}

const cache = new Map<string, GraphQLSchema>();

/** Returns the schema served for `version` under the given settings, cached per distinct shape. */
export function adminSchema(version: string, settings: ShopifySettings): GraphQLSchema {
	const usesUri = versionAtLeast(version, settings.webhookUriFromVersion);
	const hasProductByHandle =
		settings.productByHandleUntilVersion === null ||
		version <= settings.productByHandleUntilVersion;
	const key = `${usesUri}|${hasProductByHandle}`;
	let schema = cache.get(key);
	if (!schema) {
		schema = buildSchema(COMMON_SDL + versionSdl(version, settings));
		cache.set(key, schema);
	}
	return schema;
}
