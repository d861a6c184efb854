import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CUSTOMER_SEARCH, PRODUCT_SEARCH, RETURN_SEARCH } from '../graphql/catalog';
import { ORDER_SEARCH } from '../graphql/orders';
import { legacyId } from '../helpers/ids';
import { searchValue } from '../helpers/locators';
import type { OrderSummaryNode } from '../helpers/simplify';
import type { ShopifyClient } from '../transport/client';
import { createShopifyClient } from '../transport/createClient';
import type { Connection } from '../transport/paging';

const PAGE_SIZE = 25;

/** Page size of the return picker, which reads orders and up to 10 returns of each. */
const RETURN_ORDER_PAGE_SIZE = 10;

function adminUrl(client: ShopifyClient, path: string, gid: string): string {
	return `https://admin.shopify.com/store/${client.shop.handle}/${path}/${legacyId(gid)}`;
}

async function runSearch(
	functions: ILoadOptionsFunctions,
	search: (client: ShopifyClient) => Promise<INodeListSearchResult>,
): Promise<INodeListSearchResult> {
	let failure: unknown;
	try {
		const client = await createShopifyClient(functions);
		return await search(client);
	} catch (error) {
		failure = error;
	}
	const message = failure instanceof Error ? failure.message : String(failure);
	throw new NodeOperationError(functions.getNode(), `Loading the list failed: ${message}`, {
		description: 'Check the Shopify Admin API credential, or switch to "By ID".',
	});
}

/** Free text, a name (#1001 or 1001) or Shopify search syntax, as typed into the picker. */
function orderQuery(filter: string | undefined): string | null {
	const text = filter?.trim() ?? '';
	if (text === '') return null;
	if (/^#?\d+$/.test(text)) return `name:${searchValue(`#${text.replace(/^#/, '')}`)}`;
	return text;
}

export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runSearch(this, async (client) => {
		const data = await client.query<{ orders: Connection<OrderSummaryNode> }>({
			query: ORDER_SEARCH,
			variables: {
				first: PAGE_SIZE,
				after: paginationToken ?? null,
				query: orderQuery(filter),
				sortKey: 'PROCESSED_AT',
				reverse: true,
			},
		});
		const results: INodeListSearchItems[] = data.orders.nodes.map((order) => {
			const buyer = order.customer?.displayName ?? order.email ?? 'guest';
			const total = order.totalPriceSet.shopMoney;
			return {
				name: `${order.name} · ${buyer} · ${total.amount} ${total.currencyCode}`,
				value: order.id,
				url: adminUrl(client, 'orders', order.id),
			};
		});
		return {
			results,
			paginationToken: data.orders.pageInfo?.hasNextPage
				? (data.orders.pageInfo.endCursor ?? undefined)
				: undefined,
		};
	});
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runSearch(this, async (client) => {
		const text = filter?.trim() ?? '';
		const data = await client.query<{
			products: Connection<{ id: string; title: string; handle: string; status: string }>;
		}>({
			query: PRODUCT_SEARCH,
			variables: {
				first: PAGE_SIZE,
				after: paginationToken ?? null,
				query: text === '' ? null : `title:${searchValue(`${text}*`)}`,
			},
		});
		return {
			results: data.products.nodes.map((product) => ({
				name:
					product.status === 'ACTIVE'
						? product.title
						: `${product.title} (${product.status.toLowerCase()})`,
				value: product.id,
				url: adminUrl(client, 'products', product.id),
			})),
			paginationToken: data.products.pageInfo?.hasNextPage
				? (data.products.pageInfo.endCursor ?? undefined)
				: undefined,
		};
	});
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runSearch(this, async (client) => {
		const text = filter?.trim() ?? '';
		const data = await client.query<{
			customers: Connection<{ id: string; displayName: string; email?: string | null }>;
		}>({
			query: CUSTOMER_SEARCH,
			variables: {
				first: PAGE_SIZE,
				after: paginationToken ?? null,
				query: text === '' ? null : text,
			},
		});
		return {
			results: data.customers.nodes.map((customer) => ({
				name: customer.email ? `${customer.displayName} <${customer.email}>` : customer.displayName,
				value: customer.id,
				url: adminUrl(client, 'customers', customer.id),
			})),
			paginationToken: data.customers.pageInfo?.hasNextPage
				? (data.customers.pageInfo.endCursor ?? undefined)
				: undefined,
		};
	});
}

/**
 * Lists the returns of recent orders with returns, newest orders first, because the Admin API
 * has no search over returns. The filter is passed on as an order search, e.g. "#1007".
 */
export async function searchReturns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await runSearch(this, async (client) => {
		const orderFilter = orderQuery(filter);
		const withReturns = '-return_status:no_return';
		const data = await client.query<{
			orders: Connection<{
				id: string;
				name: string;
				returns: Connection<{ id: string; name: string; status: string }>;
			}>;
		}>({
			query: RETURN_SEARCH,
			variables: {
				first: RETURN_ORDER_PAGE_SIZE,
				after: paginationToken ?? null,
				query: orderFilter === null ? withReturns : `${orderFilter} ${withReturns}`,
			},
		});
		const results = data.orders.nodes.flatMap((order) =>
			order.returns.nodes.map((entry) => ({
				name: `${entry.name} · ${entry.status.toLowerCase()} · order ${order.name}`,
				value: entry.id,
				url: adminUrl(client, 'orders', order.id),
			})),
		);
		return {
			results,
			paginationToken: data.orders.pageInfo?.hasNextPage
				? (data.orders.pageInfo.endCursor ?? undefined)
				: undefined,
		};
	});
}
