/** GraphQL documents for products, product metafields, customers and the shop. */
import { MAILING_ADDRESS } from './orders';

const METAFIELD_FIELDS = 'id namespace key type value compareDigest updatedAt';

export const PRODUCT_GET = `
query ProductGet($id: ID!) {
	product(id: $id) {
		id legacyResourceId title handle status vendor productType tags descriptionHtml onlineStoreUrl
		createdAt updatedAt publishedAt totalInventory
		options(first: 10) { name values }
		variants(first: 50) {
			nodes {
				id legacyResourceId title sku barcode price compareAtPrice inventoryQuantity
				selectedOptions { name value }
			}
		}
		metafields(first: 50) { nodes { ${METAFIELD_FIELDS} } }
	}
}`;

/** What publishing or removing document links reads before it writes. */
export const PRODUCT_LINKS = `
query ProductLinks($id: ID!, $namespace: String!, $key: String!) {
	product(id: $id) {
		id title descriptionHtml
		linksMetafield: metafield(namespace: $namespace, key: $key) { ${METAFIELD_FIELDS} }
	}
}`;

export const METAFIELDS_SET = `
mutation MetafieldsSet($metafields: [MetafieldsSetInput!]!) {
	metafieldsSet(metafields: $metafields) {
		metafields { ${METAFIELD_FIELDS} }
		userErrors { field message code }
	}
}`;

export const METAFIELDS_DELETE = `
mutation MetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
	metafieldsDelete(metafields: $metafields) {
		deletedMetafields { ownerId namespace key }
		userErrors { field message }
	}
}`;

export const PRODUCT_UPDATE_DESCRIPTION = `
mutation ProductUpdateDescription($product: ProductUpdateInput!) {
	productUpdate(product: $product) {
		product { id descriptionHtml }
		userErrors { field message }
	}
}`;

export const PRODUCT_SEARCH = `
query ProductSearch($first: Int!, $after: String, $query: String) {
	products(first: $first, after: $after, query: $query, sortKey: TITLE) {
		pageInfo { hasNextPage endCursor }
		nodes { id legacyResourceId title handle status }
	}
}`;

export const CUSTOMER_GET = `
query CustomerGet($id: ID!) {
	customer(id: $id) {
		id legacyResourceId displayName firstName lastName email phone state verifiedEmail taxExempt
		tags note locale createdAt updatedAt numberOfOrders
		amountSpent { amount currencyCode }
		defaultAddress { ${MAILING_ADDRESS} }
		addresses(first: 10) { ${MAILING_ADDRESS} }
	}
}`;

export const CUSTOMER_SEARCH = `
query CustomerSearch($first: Int!, $after: String, $query: String) {
	customers(first: $first, after: $after, query: $query, sortKey: NAME) {
		pageInfo { hasNextPage endCursor }
		nodes { id legacyResourceId displayName email }
	}
}`;

/** The shop's name and address, printed on order documents. */
export const SHOP_GET = `
query ShopGet {
	shop {
		id name email contactEmail myshopifyDomain url currencyCode
		billingAddress { company address1 address2 city province provinceCode zip country countryCodeV2 phone }
	}
}`;

/** Recent orders with their returns, for the return picker. */
export const RETURN_SEARCH = `
query ReturnSearch($first: Int!, $after: String, $query: String) {
	orders(first: $first, after: $after, query: $query, sortKey: PROCESSED_AT, reverse: true) {
		pageInfo { hasNextPage endCursor }
		nodes { id name returns(first: 10) { nodes { id name status } } }
	}
}`;
