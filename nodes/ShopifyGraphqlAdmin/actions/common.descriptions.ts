import type { INodeProperties } from 'n8n-workflow';

const ADMIN_URL = 'https://admin.shopify.com/store/my-store';

/** Builds the Order parameter: picked from a list, by ID, by name (#1001) or by its admin page. */
export function orderLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Order',
		name: 'order',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The order; from a webhook, use its admin_graphql_api_id field',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 820982911946154508 or gid://shopify/Order/820982911946154508',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*(gid://shopify/Order/)?\\d+\\s*$',
							errorMessage:
								'Enter a numeric ID or a GID such as gid://shopify/Order/820982911946154508',
						},
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. #1001',
				hint: 'The order name as shown in the admin; a number without # is read as #number',
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${ADMIN_URL}/orders/820982911946154508`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^https?://.+/orders/\\d+.*$',
							errorMessage: `Enter the address of the record's page in the Shopify admin, e.g. ${ADMIN_URL}/orders/820982911946154508`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** Builds the Product parameter: picked from a list, by ID or by its admin page. */
export function productLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Product',
		name: 'product',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProducts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 7001 or gid://shopify/Product/7001',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*(gid://shopify/Product/)?\\d+\\s*$',
							errorMessage: 'Enter a numeric ID or a GID such as gid://shopify/Product/7001',
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${ADMIN_URL}/products/7001`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^https?://.+/products/\\d+.*$',
							errorMessage: `Enter the address of the record's page in the Shopify admin, e.g. ${ADMIN_URL}/products/7001`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** Builds the Customer parameter: picked from a list, by ID or by its admin page. */
export function customerLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Customer',
		name: 'customer',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCustomers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6001 or gid://shopify/Customer/6001',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*(gid://shopify/Customer/)?\\d+\\s*$',
							errorMessage: 'Enter a numeric ID or a GID such as gid://shopify/Customer/6001',
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: `e.g. ${ADMIN_URL}/customers/6001`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^https?://.+/customers/\\d+.*$',
							errorMessage: `Enter the address of the record's page in the Shopify admin, e.g. ${ADMIN_URL}/customers/6001`,
						},
					},
				],
			},
		],
		...overrides,
	};
}

/** Builds the Return parameter: picked from the returns of recent orders or by ID. */
export function returnLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Return',
		name: 'return',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchReturns', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9201 or gid://shopify/Return/9201',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*(gid://shopify/Return/)?\\d+\\s*$',
							errorMessage: 'Enter a numeric ID or a GID such as gid://shopify/Return/9201',
						},
					},
				],
			},
		],
		...overrides,
	};
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function returnAllProperty(): INodeProperties {
	return {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	};
}

export function limitProperty(maxValue = 10_000): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
}

/** Order metafield with the shipping-label URL. */
export const shippingLabelMetafieldProperty: INodeProperties = {
	displayName: 'Shipping Label Metafield',
	name: 'shippingLabelMetafield',
	type: 'string',
	default: 'shipping.label_url',
	placeholder: 'e.g. shipping.label_url',
	description:
		'Order metafield, as namespace.key, where a shipping app stores the label URL. Shopify itself exposes no label files.',
};
