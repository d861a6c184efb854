import {
	LINE_ITEM_PAGE_SIZE,
	ORDER_GET,
	ORDER_LINE_ITEMS,
	ORDER_REFUNDS_LIMIT,
	REFUND_GET,
	REFUND_LINE_ITEMS,
	REFUND_LINE_PAGE_SIZE,
} from '../graphql/orders';
import type { ShopifyClient } from '../transport/client';
import type { MetafieldReference } from './metafields';
import { collectPages, type Connection } from '../transport/paging';
import type {
	LineItemNode,
	LoadedOrder,
	OrderNode,
	RefundDetail,
	RefundLineNode,
	RefundNode,
} from './types';

/**
 * Reads a URL out of a metafield value: a `url` value, the first entry of a `list.url`, a
 * `json` object's `url`, or text that is an http(s) URL. Returns null for anything else.
 */
export function urlFromMetafield(
	metafield: { type: string; value: string } | null | undefined,
): string | null {
	if (!metafield || typeof metafield.value !== 'string') return null;
	let candidate: unknown = metafield.value.trim();
	if (metafield.type.startsWith('list.') || metafield.type === 'json') {
		try {
			const parsed = JSON.parse(metafield.value) as unknown;
			candidate = Array.isArray(parsed)
				? parsed[0]
				: parsed && typeof parsed === 'object'
					? (parsed as { url?: unknown }).url
					: parsed;
		} catch {
			return null;
		}
	}
	if (typeof candidate !== 'string') return null;
	try {
		const url = new URL(candidate);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
	} catch {
		return null;
	}
}

/** Reads one refund with all of its line items. Returns null when Shopify does not find it. */
export async function loadRefund(
	client: ShopifyClient,
	refundId: string,
): Promise<RefundDetail | null> {
	let head: RefundNode | null = null;
	const lines = await collectPages<RefundLineNode>({
		pageSize: REFUND_LINE_PAGE_SIZE,
		fetchPage: async (first, after) => {
			if (after === undefined) {
				const data = await client.query<{ refund: RefundNode | null }>({
					query: REFUND_GET,
					variables: { id: refundId, first },
				});
				head = data.refund;
				return head?.refundLineItems;
			}
			const data = await client.query<{
				refund: { refundLineItems: Connection<RefundLineNode> } | null;
			}>({
				query: REFUND_LINE_ITEMS,
				variables: { id: refundId, first, after },
			});
			return data.refund?.refundLineItems;
		},
	});
	const refund = head as RefundNode | null;
	if (!refund || !lines) return null;
	return {
		...refund,
		refundLineItems: lines,
		refundShippingLines: refund.refundShippingLines.nodes,
		transactions: refund.transactions.nodes,
	};
}

/**
 * Reads an order with all of its line items (25 per request), each refund with all of its
 * line items, transactions, returns, fulfillments with tracking, and the shipping-label URL
 * from `labelMetafield`. Returns null when Shopify does not find the order.
 */
export async function loadOrder(
	client: ShopifyClient,
	orderId: string,
	labelMetafield?: MetafieldReference,
): Promise<LoadedOrder | null> {
	const { order } = await client.query<{ order: OrderNode | null }>({
		query: ORDER_GET,
		variables: {
			id: orderId,
			labelNamespace: labelMetafield?.namespace ?? 'unused',
			labelKey: labelMetafield?.key ?? 'unused',
			withLabel: labelMetafield !== undefined,
		},
	});
	if (!order) return null;

	const lineItems =
		(await collectPages<LineItemNode>({
			pageSize: LINE_ITEM_PAGE_SIZE,
			fetchPage: async (first, after) => {
				const data = await client.query<{ order: { lineItems: Connection<LineItemNode> } | null }>({
					query: ORDER_LINE_ITEMS,
					variables: { id: orderId, first, after: after ?? null },
				});
				return data.order?.lineItems;
			},
		})) ?? [];

	// NOTE: Order.refunds is a list without paging; an order with more than 30 refunds
	// (ORDER_REFUNDS_LIMIT) is read with its first 30 only.
	const refunds: RefundDetail[] = [];
	for (const { id } of order.refunds.slice(0, ORDER_REFUNDS_LIMIT)) {
		const refund = await loadRefund(client, id);
		if (refund) refunds.push(refund);
	}

	const { labelMetafield: label, shippingLines, discountApplications, returns, ...rest } = order;
	return {
		...rest,
		shippingLines: shippingLines.nodes,
		discountApplications: discountApplications.nodes,
		returns: returns.nodes,
		lineItems,
		refunds,
		shippingLabelUrl: urlFromMetafield(label),
	};
}
