/**
 * GraphQL documents for orders. Their page sizes keep each request's requested cost well below
 * Shopify's limit of 1,000 points per query. A connection costs 2 plus its page size times the
 * cost of one node, and each object costs 1, so a MoneyBag with its two MoneyV2 costs 3.
 */

export const MONEY_BAG =
	'shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }';

export const MAILING_ADDRESS =
	'name firstName lastName company address1 address2 city province provinceCode zip country countryCodeV2 phone';

/** Line items per request; one line item with the fields below costs about 22 points. */
export const LINE_ITEM_PAGE_SIZE = 25;

/** Orders per page of a search; one order summary costs about 19 points. */
export const ORDER_SEARCH_PAGE_SIZE = 40;

/** Refund line items per request; one costs about 9 points. */
export const REFUND_LINE_PAGE_SIZE = 50;

/** Transactions, refunds and fulfillments read with the order in one request. */
export const ORDER_TRANSACTIONS_LIMIT = 30;
export const ORDER_REFUNDS_LIMIT = 30;
export const ORDER_FULFILLMENTS_LIMIT = 20;
export const ORDER_RETURNS_LIMIT = 20;
export const ORDER_SHIPPING_LINES_LIMIT = 10;
export const ORDER_DISCOUNT_APPLICATIONS_LIMIT = 10;

const LINE_ITEM_FIELDS = `
	id name title variantTitle sku vendor quantity currentQuantity refundableQuantity
	unfulfilledQuantity requiresShipping taxable isGiftCard
	customAttributes { key value }
	originalUnitPriceSet { ${MONEY_BAG} }
	originalTotalSet { ${MONEY_BAG} }
	totalDiscountSet { ${MONEY_BAG} }
	discountAllocations { allocatedAmountSet { ${MONEY_BAG} } discountApplication { index } }
	taxLines { title rate priceSet { ${MONEY_BAG} } }
	product { id }
	variant { id }`;

const TRANSACTION_FIELDS = `
	id kind status gateway formattedGateway test errorCode authorizationCode processedAt createdAt
	amountSet { ${MONEY_BAG} }
	parentTransaction { id }`;

export const ORDER_SUMMARY_FIELDS = `
	id legacyResourceId name confirmationNumber createdAt updatedAt processedAt closedAt cancelledAt
	cancelReason test email phone note tags sourceName currencyCode presentmentCurrencyCode
	displayFinancialStatus displayFulfillmentStatus
	customer { id legacyResourceId displayName email }
	subtotalPriceSet { ${MONEY_BAG} }
	totalPriceSet { ${MONEY_BAG} }
	totalTaxSet { ${MONEY_BAG} }
	totalRefundedSet { ${MONEY_BAG} }
	currentTotalPriceSet { ${MONEY_BAG} }`;

/**
 * The order without its line items and refund details, which are read page by page
 * afterwards. `$labelNamespace`/`$labelKey` name the metafield with the shipping-label URL.
 */
export const ORDER_GET = `
query OrderGet($id: ID!, $labelNamespace: String!, $labelKey: String!, $withLabel: Boolean!) {
	order(id: $id) {
		${ORDER_SUMMARY_FIELDS}
		closed confirmed taxesIncluded paymentGatewayNames statusPageUrl discountCodes customerLocale
		customAttributes { key value }
		billingAddress { ${MAILING_ADDRESS} }
		shippingAddress { ${MAILING_ADDRESS} }
		totalDiscountsSet { ${MONEY_BAG} }
		totalShippingPriceSet { ${MONEY_BAG} }
		taxLines { title rate ratePercentage priceSet { ${MONEY_BAG} } }
		shippingLines(first: ${ORDER_SHIPPING_LINES_LIMIT}) {
			nodes {
				title code source carrierIdentifier
				originalPriceSet { ${MONEY_BAG} }
				discountedPriceSet { ${MONEY_BAG} }
				taxLines { title rate priceSet { ${MONEY_BAG} } }
			}
		}
		discountApplications(first: ${ORDER_DISCOUNT_APPLICATIONS_LIMIT}) {
			nodes {
				__typename index allocationMethod targetSelection targetType
				value {
					__typename
					... on MoneyV2 { amount currencyCode }
					... on PricingPercentageValue { percentage }
				}
				... on DiscountCodeApplication { code }
				... on ManualDiscountApplication { title description }
				... on AutomaticDiscountApplication { title }
				... on ScriptDiscountApplication { title }
			}
		}
		transactions(first: ${ORDER_TRANSACTIONS_LIMIT}) { ${TRANSACTION_FIELDS} }
		refunds(first: ${ORDER_REFUNDS_LIMIT}) { id }
		returns(first: ${ORDER_RETURNS_LIMIT}) {
			nodes { id name status totalQuantity createdAt requestApprovedAt closedAt decline { reason note } }
		}
		fulfillments(first: ${ORDER_FULFILLMENTS_LIMIT}) {
			id legacyResourceId name status displayStatus createdAt updatedAt deliveredAt totalQuantity
			trackingInfo(first: 5) { company number url }
		}
		labelMetafield: metafield(namespace: $labelNamespace, key: $labelKey) @include(if: $withLabel) {
			type value
		}
	}
}`;

export const ORDER_LINE_ITEMS = `
query OrderLineItems($id: ID!, $first: Int!, $after: String) {
	order(id: $id) {
		lineItems(first: $first, after: $after) {
			pageInfo { hasNextPage endCursor }
			nodes { ${LINE_ITEM_FIELDS} }
		}
	}
}`;

const REFUND_FIELDS = `
	id legacyResourceId createdAt updatedAt note
	order { id }
	return { id name }
	totalRefundedSet { ${MONEY_BAG} }
	refundShippingLines(first: 10) {
		nodes {
			shippingLine { title }
			subtotalAmountSet { ${MONEY_BAG} }
			taxAmountSet { ${MONEY_BAG} }
		}
	}
	transactions(first: 10) { nodes { ${TRANSACTION_FIELDS} } }`;

const REFUND_LINE_FIELDS = `
	quantity restockType restocked
	lineItem { id title name sku variantTitle }
	priceSet { ${MONEY_BAG} }
	subtotalSet { ${MONEY_BAG} }
	totalTaxSet { ${MONEY_BAG} }`;

/** One refund with its first page of line items; further pages come from REFUND_LINE_ITEMS. */
export const REFUND_GET = `
query RefundGet($id: ID!, $first: Int!) {
	refund(id: $id) {
		${REFUND_FIELDS}
		refundLineItems(first: $first) {
			pageInfo { hasNextPage endCursor }
			nodes { ${REFUND_LINE_FIELDS} }
		}
	}
}`;

export const REFUND_LINE_ITEMS = `
query RefundLineItems($id: ID!, $first: Int!, $after: String) {
	refund(id: $id) {
		refundLineItems(first: $first, after: $after) {
			pageInfo { hasNextPage endCursor }
			nodes { ${REFUND_LINE_FIELDS} }
		}
	}
}`;

export const ORDER_SEARCH = `
query OrderSearch($first: Int!, $after: String, $query: String, $sortKey: OrderSortKeys, $reverse: Boolean) {
	orders(first: $first, after: $after, query: $query, sortKey: $sortKey, reverse: $reverse) {
		pageInfo { hasNextPage endCursor }
		nodes { ${ORDER_SUMMARY_FIELDS} }
	}
}`;

/** Finds an order by its name, e.g. #1001, for the "By Name" mode of the order parameter. */
export const ORDER_BY_NAME = `
query OrderByName($query: String!) {
	orders(first: 5, query: $query) { nodes { id name } }
}`;

/** Transactions of an order; Shopify returns them as a list without paging. */
export const ORDER_TRANSACTIONS = `
query OrderTransactions($id: ID!, $first: Int!) {
	order(id: $id) { id name transactions(first: $first) { ${TRANSACTION_FIELDS} } }
}`;

/** Shopify has no root field for transactions, but each one is a Node. */
export const TRANSACTION_GET = `
query TransactionGet($id: ID!) {
	node(id: $id) {
		... on OrderTransaction { ${TRANSACTION_FIELDS} order { id name } }
	}
}`;

export const ORDER_REFUND_IDS = `
query OrderRefundIds($id: ID!, $first: Int!) {
	order(id: $id) { id name refunds(first: $first) { id } }
}`;

const RETURN_FIELDS = `
	id name status totalQuantity createdAt requestApprovedAt closedAt
	decline { reason note }
	order { id name }`;

const RETURN_LINE_FIELDS = `
	id quantity returnReason returnReasonNote customerNote refundableQuantity refundedQuantity
	... on ReturnLineItem { fulfillmentLineItem { lineItem { id title sku } } }`;

export const RETURN_GET = `
query ReturnGet($id: ID!) {
	return(id: $id) {
		${RETURN_FIELDS}
		returnLineItems(first: 50) { pageInfo { hasNextPage endCursor } nodes { ${RETURN_LINE_FIELDS} } }
		refunds(first: 10) { nodes { id legacyResourceId createdAt totalRefundedSet { ${MONEY_BAG} } } }
	}
}`;

export const RETURN_LINE_ITEMS = `
query ReturnLineItems($id: ID!, $first: Int!, $after: String) {
	return(id: $id) {
		returnLineItems(first: $first, after: $after) {
			pageInfo { hasNextPage endCursor }
			nodes { ${RETURN_LINE_FIELDS} }
		}
	}
}`;

/** Returns of an order; each with up to 10 line items, which is what a return usually holds. */
export const ORDER_RETURNS = `
query OrderReturns($id: ID!, $first: Int!, $after: String) {
	order(id: $id) {
		id name
		returns(first: $first, after: $after) {
			pageInfo { hasNextPage endCursor }
			nodes {
				${RETURN_FIELDS}
				returnLineItems(first: 10) { nodes { ${RETURN_LINE_FIELDS} } }
			}
		}
	}
}`;

/** Returns per page of ORDER_RETURNS; one return with 10 line items costs about 45 points. */
export const ORDER_RETURNS_PAGE_SIZE = 15;
