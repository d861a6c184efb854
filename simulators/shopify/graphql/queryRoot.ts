/** Resolvers of the QueryRoot fields, and the views shared with the mutations. */
import { GraphQLError } from 'graphql';

import { graphqlTime } from '../format';
import { formatGid, parseGid } from '../gid';
import { financialStatus, fulfillmentStatus, orderTotals } from '../ledger';
import type { OrderRecord, WebhookSubscriptionRecord } from '../model';
import { topicFromEnum, topicInfo } from '../topics';
import { compareIds, paginate, type PageArgs } from './connection';
import { requireGid, type GraphqlContext } from './context';
import {
	customerSearchSpec,
	disputeSearchSpec,
	orderSearchSpec,
	productSearchSpec,
	runSearch,
	subscriptionSearchSpec,
} from './searchSpecs';
import { customerView, productView, shopView, variantView } from './views/catalog';
import type { View } from './views/common';
import { orderView } from './views/orders';
import { disputeView, refundView, transactionView } from './views/payments';
import { fulfillmentView, returnView } from './views/returns';

type Args = Record<string, unknown>;

function sortRecords<T extends { id: string }>(
	records: T[],
	valueOf: (record: T) => string | number | bigint | null,
	reverse: boolean | null | undefined,
): T[] {
	const sorted = [...records].sort((left, right) => {
		const a = valueOf(left);
		const b = valueOf(right);
		if (a !== b && a !== null && b !== null) {
			if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
			return a < b ? -1 : 1;
		}
		if (a === null && b !== null) return -1;
		if (b === null && a !== null) return 1;
		return compareIds(left.id, right.id);
	});
	return reverse ? sorted.reverse() : sorted;
}

function orderSortValue(
	ctx: GraphqlContext,
	sortKey: string,
): (order: OrderRecord) => string | number | bigint | null {
	const { store } = ctx;
	switch (sortKey) {
		case 'CREATED_AT':
			return (order) => order.createdAt;
		case 'UPDATED_AT':
			return (order) => order.updatedAt;
		case 'PROCESSED_AT':
			return (order) => order.processedAt;
		case 'ORDER_NUMBER':
			return (order) => order.orderNumber;
		case 'TOTAL_PRICE':
			return (order) => orderTotals(order, store.relations(order.id)).total;
		case 'CURRENT_TOTAL_PRICE':
			return (order) => orderTotals(order, store.relations(order.id)).currentTotal;
		case 'TOTAL_ITEMS_QUANTITY':
			return (order) => order.lineItems.reduce((sum, item) => sum + item.quantity, 0);
		case 'DESTINATION':
			return (order) =>
				order.shippingAddress
					? `${order.shippingAddress.countryCode ?? ''} ${order.shippingAddress.city ?? ''}`
					: null;
		case 'CUSTOMER_NAME':
			return (order) => {
				const customer = order.customerId ? store.customers.get(order.customerId) : undefined;
				return customer ? `${customer.firstName ?? ''} ${customer.lastName ?? ''}`.trim() : null;
			};
		case 'FINANCIAL_STATUS':
			return (order) => financialStatus(order, store.relations(order.id));
		case 'FULFILLMENT_STATUS':
			return (order) => fulfillmentStatus(order, store.relations(order.id)) ?? 'unfulfilled';
		default:
			return (order) => BigInt(order.id);
	}
}

function cursorValue(value: string | number | bigint | null): unknown {
	return typeof value === 'bigint' ? value.toString() : value;
}

export function apiVersionView(ctx: GraphqlContext, handle: string): View {
	const supported = ctx.store.settings.supportedVersions;
	const latest = [...supported].sort().at(-1);
	return {
		handle,
		displayName: handle === latest ? `${handle} (Latest)` : handle,
		supported: supported.includes(handle),
	};
}

export function subscriptionView(ctx: GraphqlContext, record: WebhookSubscriptionRecord): View {
	return {
		__typename: 'WebhookSubscription',
		id: formatGid('WebhookSubscription', record.id),
		legacyResourceId: record.id,
		topic: topicInfo(record.topic)?.enumValue ?? record.topic.toUpperCase().replace('/', '_'),
		format: record.format.toUpperCase(),
		includeFields: record.includeFields,
		metafieldNamespaces: record.metafieldNamespaces,
		filter: record.filter,
		apiVersion: apiVersionView(ctx, ctx.store.settings.webhookApiVersion),
		createdAt: graphqlTime(record.createdAt),
		updatedAt: graphqlTime(record.updatedAt),
		endpoint: { __typename: 'WebhookHttpEndpoint', callbackUrl: record.uri },
		uri: record.uri,
		callbackUrl: record.uri,
	};
}

/** Resolves any supported GID to its view, for `node` and `nodes`. */
export function nodeView(ctx: GraphqlContext, id: string): View | null {
	const gid = parseGid(id);
	if (!gid) {
		throw new GraphQLError(`Invalid global id '${id}'`, {
			extensions: { code: 'argumentLiteralsIncompatible', typeName: 'CoercionError' },
		});
	}
	const { store } = ctx;
	switch (gid.type) {
		case 'Order': {
			const record = store.orders.get(gid.id);
			return record ? orderView(ctx, record) : null;
		}
		case 'Product': {
			const record = store.products.get(gid.id);
			return record ? productView(ctx, record) : null;
		}
		case 'ProductVariant': {
			for (const product of store.products.values()) {
				const variant = product.variants.find((entry) => entry.id === gid.id);
				if (variant) return variantView(ctx, product, variant);
			}
			return null;
		}
		case 'Customer': {
			const record = store.customers.get(gid.id);
			return record ? customerView(ctx, record) : null;
		}
		case 'Refund': {
			const record = store.refunds.get(gid.id);
			return record ? refundView(ctx, record) : null;
		}
		case 'Return': {
			const record = store.returns.get(gid.id);
			return record ? returnView(ctx, record) : null;
		}
		case 'Fulfillment': {
			const record = store.fulfillments.get(gid.id);
			return record ? fulfillmentView(ctx, record) : null;
		}
		case 'OrderTransaction': {
			const record = store.transactions.get(gid.id);
			return record ? transactionView(ctx, record) : null;
		}
		case 'ShopifyPaymentsDispute': {
			const record = store.disputes.get(gid.id);
			return record ? disputeView(ctx, record) : null;
		}
		case 'WebhookSubscription': {
			const record = store.subscriptions.get(gid.id);
			return record && record.source === 'api' ? subscriptionView(ctx, record) : null;
		}
		default:
			return null;
	}
}

export const queryResolvers: Record<string, (args: Args, ctx: GraphqlContext) => unknown> = {
	shop: (_args, ctx) => shopView(ctx),

	order: (args, ctx) => {
		const gid = requireGid(args.id as string, 'Order');
		const record = gid ? ctx.store.orders.get(gid.id) : undefined;
		return record ? orderView(ctx, record) : null;
	},

	orders: (args, ctx) => {
		const pageArgs = args as PageArgs & { query?: string | null; sortKey?: string };
		const matches = runSearch(
			ctx,
			'orders',
			[...ctx.store.orders.values()],
			pageArgs.query,
			orderSearchSpec(ctx.store),
		);
		const valueOf = orderSortValue(ctx, pageArgs.sortKey ?? 'PROCESSED_AT');
		return paginate(
			sortRecords(matches, valueOf, pageArgs.reverse),
			pageArgs,
			(order) => order.id,
			(order) => cursorValue(valueOf(order)),
			(order) => orderView(ctx, order),
		);
	},

	ordersCount: (args, ctx) => {
		const matches = runSearch(
			ctx,
			'ordersCount',
			[...ctx.store.orders.values()],
			args.query as string | null,
			orderSearchSpec(ctx.store),
		);
		const limit = (args.limit as number | null) ?? null;
		if (limit !== null && matches.length > limit) return { count: limit, precision: 'AT_LEAST' };
		return { count: matches.length, precision: 'EXACT' };
	},

	refund: (args, ctx) => {
		const gid = requireGid(args.id as string, 'Refund');
		const record = gid ? ctx.store.refunds.get(gid.id) : undefined;
		return record ? refundView(ctx, record) : null;
	},

	return: (args, ctx) => {
		const gid = requireGid(args.id as string, 'Return');
		const record = gid ? ctx.store.returns.get(gid.id) : undefined;
		return record ? returnView(ctx, record) : null;
	},

	fulfillment: (args, ctx) => {
		const gid = requireGid(args.id as string, 'Fulfillment');
		const record = gid ? ctx.store.fulfillments.get(gid.id) : undefined;
		return record ? fulfillmentView(ctx, record) : null;
	},

	customer: (args, ctx) => {
		const gid = requireGid(args.id as string, 'Customer');
		const record = gid ? ctx.store.customers.get(gid.id) : undefined;
		return record ? customerView(ctx, record) : null;
	},

	customers: (args, ctx) => {
		const pageArgs = args as PageArgs & { query?: string | null; sortKey?: string };
		const matches = runSearch(
			ctx,
			'customers',
			[...ctx.store.customers.values()],
			pageArgs.query,
			customerSearchSpec(ctx.store),
		);
		const sortKey = pageArgs.sortKey ?? 'ID';
		const valueOf = (customer: (typeof matches)[number]): string | bigint =>
			sortKey === 'NAME'
				? `${customer.firstName ?? ''} ${customer.lastName ?? ''}`.trim()
				: sortKey === 'CREATED_AT'
					? customer.createdAt
					: sortKey === 'UPDATED_AT'
						? customer.updatedAt
						: BigInt(customer.id);
		return paginate(
			sortRecords(matches, valueOf, pageArgs.reverse),
			pageArgs,
			(customer) => customer.id,
			(customer) => cursorValue(valueOf(customer)),
			(customer) => customerView(ctx, customer),
		);
	},

	product: (args, ctx) => {
		const gid = requireGid(args.id as string, 'Product');
		const record = gid ? ctx.store.products.get(gid.id) : undefined;
		return record ? productView(ctx, record) : null;
	},

	products: (args, ctx) => {
		const pageArgs = args as PageArgs & { query?: string | null; sortKey?: string };
		const matches = runSearch(
			ctx,
			'products',
			[...ctx.store.products.values()],
			pageArgs.query,
			productSearchSpec(),
		);
		const sortKey = pageArgs.sortKey ?? 'ID';
		const valueOf = (product: (typeof matches)[number]): string | bigint => {
			switch (sortKey) {
				case 'TITLE':
					return product.title;
				case 'VENDOR':
					return product.vendor;
				case 'PRODUCT_TYPE':
					return product.productType;
				case 'CREATED_AT':
					return product.createdAt;
				case 'UPDATED_AT':
					return product.updatedAt;
				default:
					return BigInt(product.id);
			}
		};
		return paginate(
			sortRecords(matches, valueOf, pageArgs.reverse),
			pageArgs,
			(product) => product.id,
			(product) => cursorValue(valueOf(product)),
			(product) => productView(ctx, product),
		);
	},

	productByHandle: (args, ctx) => {
		const record = [...ctx.store.products.values()].find((entry) => entry.handle === args.handle);
		return record ? productView(ctx, record) : null;
	},

	productByIdentifier: (args, ctx) => {
		const identifier = args.identifier as {
			id?: string | null;
			handle?: string | null;
			customId?: { namespace?: string | null; key: string; value: string } | null;
		};
		const identifiersGiven = [identifier.id, identifier.handle, identifier.customId].filter(
			(entry) => entry !== null && entry !== undefined,
		);
		if (identifiersGiven.length !== 1) {
			throw new GraphQLError(
				'ProductIdentifierInput needs exactly one of id, handle or customId.',
				{ extensions: { code: 'BAD_REQUEST' } },
			);
		}
		const products = [...ctx.store.products.values()];
		let record;
		if (identifier.id) {
			const gid = requireGid(identifier.id, 'Product');
			record = gid ? ctx.store.products.get(gid.id) : undefined;
		} else if (identifier.handle) {
			record = products.find((entry) => entry.handle === identifier.handle);
		} else if (identifier.customId) {
			const custom = identifier.customId;
			const namespace = custom.namespace ?? 'custom';
			record = products.find((entry) =>
				entry.metafields.some(
					(field) =>
						field.namespace === namespace &&
						field.key === custom.key &&
						field.value === custom.value,
				),
			);
		}
		return record ? productView(ctx, record) : null;
	},

	productVariant: (args, ctx) => {
		const gid = requireGid(args.id as string, 'ProductVariant');
		return gid ? nodeView(ctx, args.id as string) : null;
	},

	dispute: (args, ctx) => {
		const gid = requireGid(args.id as string, 'ShopifyPaymentsDispute');
		const record = gid ? ctx.store.disputes.get(gid.id) : undefined;
		return record ? disputeView(ctx, record) : null;
	},

	disputes: (args, ctx) => {
		const pageArgs = args as PageArgs & { query?: string | null };
		const list = runSearch(
			ctx,
			'disputes',
			[...ctx.store.disputes.values()],
			pageArgs.query,
			disputeSearchSpec(),
		);
		return paginate(
			sortRecords(list, (entry) => BigInt(entry.id), pageArgs.reverse),
			pageArgs,
			(entry) => entry.id,
			(entry) => entry.id,
			(entry) => disputeView(ctx, entry),
		);
	},

	webhookSubscription: (args, ctx) => {
		const gid = requireGid(args.id as string, 'WebhookSubscription');
		const record = gid ? ctx.store.subscriptions.get(gid.id) : undefined;
		return record && record.source === 'api' ? subscriptionView(ctx, record) : null;
	},

	webhookSubscriptions: (args, ctx) => {
		const pageArgs = args as PageArgs & {
			topics?: string[] | null;
			format?: string | null;
			uri?: string | null;
			callbackUrl?: string | null;
			sortKey?: string;
			query?: string | null;
		};
		const own = [...ctx.store.subscriptions.values()].filter((entry) => entry.source === 'api');
		let list = runSearch(
			ctx,
			'webhookSubscriptions',
			own,
			pageArgs.query,
			subscriptionSearchSpec(),
		);
		if (pageArgs.topics && pageArgs.topics.length > 0) {
			const expected = new Set(pageArgs.topics.map((value) => topicFromEnum(value)?.topic));
			list = list.filter((entry) => expected.has(entry.topic));
		}
		if (pageArgs.format)
			list = list.filter((entry) => entry.format === pageArgs.format?.toLowerCase());
		const address = pageArgs.uri ?? pageArgs.callbackUrl;
		if (address) list = list.filter((entry) => entry.uri === address);
		const valueOf = (entry: WebhookSubscriptionRecord): string | bigint =>
			pageArgs.sortKey === 'CREATED_AT' ? entry.createdAt : BigInt(entry.id);
		return paginate(
			sortRecords(list, valueOf, pageArgs.reverse),
			pageArgs,
			(entry) => entry.id,
			(entry) => cursorValue(valueOf(entry)),
			(entry) => subscriptionView(ctx, entry),
		);
	},

	node: (args, ctx) => nodeView(ctx, args.id as string),

	nodes: (args, ctx) => (args.ids as string[]).map((id) => nodeView(ctx, id)),

	publicApiVersions: (_args, ctx) =>
		ctx.store.settings.supportedVersions.map((handle) => apiVersionView(ctx, handle)),
};
