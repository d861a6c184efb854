/** Search fields of the `orders`, `products` and `customers` queries. */
import { financialStatus, fulfillmentStatus, orderTotals, returnStatus } from '../ledger';
import type {
	CustomerRecord,
	DisputeRecord,
	OrderRecord,
	ProductRecord,
	ReturnRecord,
	WebhookSubscriptionRecord,
} from '../model';
import { topicInfo } from '../topics';
import type { GraphqlContext } from './context';
import { GraphQLError } from 'graphql';

import { filterBySearch, SearchSyntaxError, type Comparator, type SearchSpec } from '../search';
import type { ShopifyStore } from '../store';

function compareCents(left: number, comparator: Comparator, right: number): boolean {
	switch (comparator) {
		case ':':
			return left === right;
		case '>':
			return left > right;
		case '>=':
			return left >= right;
		case '<':
			return left < right;
		case '<=':
			return left <= right;
	}
}

export function orderSearchSpec(store: ShopifyStore): SearchSpec<OrderRecord> {
	const customerOf = (order: OrderRecord) =>
		order.customerId ? store.customers.get(order.customerId) : undefined;
	return {
		defaultText: (order) => {
			const customer = customerOf(order);
			return [
				order.name,
				order.email,
				customer?.firstName,
				customer?.lastName,
				...order.lineItems.map((item) => item.sku),
				...order.lineItems.map((item) => item.title),
			];
		},
		fields: {
			id: { type: 'integer', get: (order) => order.id },
			name: {
				type: 'custom',
				match: (order, comparator, value) => {
					const expected = value.replace(/^#/, '').toLowerCase();
					const own = order.name.replace(/^#/, '').toLowerCase();
					if (comparator !== ':') return false;
					return expected.endsWith('*') ? own.startsWith(expected.slice(0, -1)) : own === expected;
				},
			},
			status: {
				type: 'custom',
				match: (order, _comparator, value) => {
					switch (value.toLowerCase()) {
						case 'open':
							return order.closedAt === null && order.cancelledAt === null;
						case 'closed':
							return order.closedAt !== null;
						case 'cancelled':
						case 'canceled':
							return order.cancelledAt !== null;
						case 'not_closed':
							return order.closedAt === null;
						case 'any':
							return true;
						default:
							return false;
					}
				},
			},
			financial_status: {
				type: 'custom',
				match: (order, _comparator, value) => {
					const status = financialStatus(order, store.relations(order.id));
					const expected = value.toLowerCase();
					if (expected === 'any') return true;
					if (expected === 'unpaid')
						return ['pending', 'authorized', 'partially_paid'].includes(status);
					return status === expected;
				},
			},
			fulfillment_status: {
				type: 'custom',
				match: (order, _comparator, value) => {
					const status = fulfillmentStatus(order, store.relations(order.id));
					switch (value.toLowerCase()) {
						case 'shipped':
						case 'fulfilled':
							return status === 'fulfilled';
						case 'partial':
							return status === 'partial';
						case 'unshipped':
							return status === null;
						case 'unfulfilled':
							return status !== 'fulfilled';
						case 'any':
							return true;
						default:
							return false;
					}
				},
			},
			return_status: {
				type: 'text',
				get: (order) => returnStatus(store.returnsOf(order.id)).toLowerCase(),
			},
			created_at: { type: 'date', get: (order) => order.createdAt },
			updated_at: { type: 'date', get: (order) => order.updatedAt },
			processed_at: { type: 'date', get: (order) => order.processedAt },
			email: { type: 'text', get: (order) => order.email },
			customer_id: { type: 'integer', get: (order) => order.customerId },
			tag: { type: 'text', get: (order) => order.tags },
			tag_not: {
				type: 'custom',
				match: (order, _comparator, value) =>
					!order.tags.some((tag) => tag.toLowerCase() === value.toLowerCase()),
			},
			sku: { type: 'text', get: (order) => order.lineItems.map((item) => item.sku) },
			gateway: { type: 'text', get: (order) => order.paymentGatewayNames },
			source_name: { type: 'text', get: (order) => order.sourceName },
			test: { type: 'text', get: (order) => String(order.test) },
			confirmation_number: { type: 'text', get: (order) => order.confirmationNumber },
			total_price: {
				type: 'custom',
				match: (order, comparator, value) => {
					const cents = Math.round(Number(value) * 100);
					if (Number.isNaN(cents)) return false;
					return compareCents(
						orderTotals(order, store.relations(order.id)).total,
						comparator,
						cents,
					);
				},
			},
		},
	};
}

export function productSearchSpec(): SearchSpec<ProductRecord> {
	return {
		defaultText: (product) => [
			product.title,
			product.handle,
			product.vendor,
			product.productType,
			...product.tags,
			...product.variants.map((variant) => variant.sku),
		],
		fields: {
			id: { type: 'integer', get: (product) => product.id },
			title: { type: 'text', get: (product) => product.title },
			handle: { type: 'text', get: (product) => product.handle },
			vendor: { type: 'text', get: (product) => product.vendor },
			product_type: { type: 'text', get: (product) => product.productType },
			status: { type: 'text', get: (product) => product.status },
			tag: { type: 'text', get: (product) => product.tags },
			tag_not: {
				type: 'custom',
				match: (product, _comparator, value) =>
					!product.tags.some((tag) => tag.toLowerCase() === value.toLowerCase()),
			},
			sku: { type: 'text', get: (product) => product.variants.map((variant) => variant.sku) },
			barcode: {
				type: 'text',
				get: (product) => product.variants.map((variant) => variant.barcode),
			},
			created_at: { type: 'date', get: (product) => product.createdAt },
			updated_at: { type: 'date', get: (product) => product.updatedAt },
			published_at: { type: 'date', get: (product) => product.publishedAt },
		},
	};
}

export function customerSearchSpec(store: ShopifyStore): SearchSpec<CustomerRecord> {
	return {
		defaultText: (customer) => [
			customer.firstName,
			customer.lastName,
			customer.email,
			customer.phone,
			[customer.firstName, customer.lastName].filter(Boolean).join(' '),
		],
		fields: {
			id: { type: 'integer', get: (customer) => customer.id },
			email: { type: 'text', get: (customer) => customer.email },
			first_name: { type: 'text', get: (customer) => customer.firstName },
			last_name: { type: 'text', get: (customer) => customer.lastName },
			phone: { type: 'text', get: (customer) => customer.phone },
			state: { type: 'text', get: (customer) => customer.state },
			tag: { type: 'text', get: (customer) => customer.tags },
			country: {
				type: 'text',
				get: (customer) =>
					customer.addresses.flatMap((entry) => [entry.country, entry.countryCode]),
			},
			created_at: { type: 'date', get: (customer) => customer.createdAt },
			updated_at: { type: 'date', get: (customer) => customer.updatedAt },
			orders_count: {
				type: 'integer',
				get: (customer) =>
					[...store.orders.values()].filter((order) => order.customerId === customer.id).length,
			},
		},
	};
}

export function returnSearchSpec(): SearchSpec<ReturnRecord> {
	return {
		defaultText: (record) => [record.name],
		fields: {
			id: { type: 'integer', get: (record) => record.id },
			name: { type: 'text', get: (record) => record.name },
			status: { type: 'text', get: (record) => record.status },
			created_at: { type: 'date', get: (record) => record.createdAt },
			updated_at: { type: 'date', get: (record) => record.updatedAt },
		},
	};
}

export function disputeSearchSpec(): SearchSpec<DisputeRecord> {
	return {
		defaultText: (record) => [record.reason, record.status],
		fields: {
			id: { type: 'integer', get: (record) => record.id },
			status: { type: 'text', get: (record) => record.status },
			type: { type: 'text', get: (record) => record.type },
			reason: { type: 'text', get: (record) => record.reason },
			order_id: { type: 'integer', get: (record) => record.orderId },
			initiated_at: { type: 'date', get: (record) => record.initiatedAt },
		},
	};
}

export function subscriptionSearchSpec(): SearchSpec<WebhookSubscriptionRecord> {
	return {
		defaultText: (record) => [record.topic, record.uri],
		fields: {
			id: { type: 'integer', get: (record) => record.id },
			topic: {
				type: 'text',
				get: (record) => [record.topic, topicInfo(record.topic)?.enumValue],
			},
			uri: { type: 'text', get: (record) => record.uri },
			callback_url: { type: 'text', get: (record) => record.uri },
			created_at: { type: 'date', get: (record) => record.createdAt },
			updated_at: { type: 'date', get: (record) => record.updatedAt },
		},
	};
}

/** Filters `records` by a search query and records unknown-field warnings for the response. */
export function runSearch<T>(
	ctx: GraphqlContext,
	field: string,
	records: T[],
	query: string | null | undefined,
	spec: SearchSpec<T>,
): T[] {
	try {
		const { matches, warnings } = filterBySearch(records, query, spec);
		if (warnings.length > 0 && query) ctx.search.push({ path: [field], query, warnings });
		return matches;
	} catch (error) {
		if (error instanceof SearchSyntaxError) {
			throw new GraphQLError(`Invalid search query "${query}": ${error.message}`, {
				extensions: { code: 'BAD_REQUEST' },
			});
		}
		throw error;
	}
}
