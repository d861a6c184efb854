import type { IDataObject } from 'n8n-workflow';

import { shopMoney } from '../../helpers/simplify';
import type { MoneyBag } from '../../helpers/types';

export interface ReturnLineNode {
	id: string;
	quantity: number;
	returnReason: string;
	returnReasonNote: string;
	customerNote?: string | null;
	refundableQuantity: number;
	refundedQuantity: number;
	fulfillmentLineItem?: { lineItem: { id: string; title: string; sku?: string | null } } | null;
}

export interface ReturnDetail {
	id: string;
	name: string;
	status: string;
	totalQuantity: number;
	createdAt: string;
	requestApprovedAt?: string | null;
	closedAt?: string | null;
	decline?: { reason: string; note?: string | null } | null;
	order: { id: string; name: string };
	returnLineItems: ReturnLineNode[];
	refunds?: Array<{
		id: string;
		legacyResourceId: string;
		createdAt?: string | null;
		totalRefundedSet: MoneyBag;
	}>;
}

export function simplifyReturn(entry: ReturnDetail): IDataObject {
	return {
		id: entry.id,
		name: entry.name,
		status: entry.status,
		orderId: entry.order.id,
		orderName: entry.order.name,
		totalQuantity: entry.totalQuantity,
		createdAt: entry.createdAt,
		requestApprovedAt: entry.requestApprovedAt ?? null,
		closedAt: entry.closedAt ?? null,
		declineReason: entry.decline?.reason ?? null,
		lineItems: entry.returnLineItems.map((line) => ({
			id: line.id,
			lineItemId: line.fulfillmentLineItem?.lineItem.id ?? null,
			title: line.fulfillmentLineItem?.lineItem.title ?? null,
			sku: line.fulfillmentLineItem?.lineItem.sku ?? null,
			quantity: line.quantity,
			returnReason: line.returnReason,
			returnReasonNote: line.returnReasonNote,
			customerNote: line.customerNote ?? null,
			refundedQuantity: line.refundedQuantity,
		})),
		refunds: (entry.refunds ?? []).map((refund) => ({
			id: refund.id,
			createdAt: refund.createdAt ?? null,
			total: shopMoney(refund.totalRefundedSet),
		})),
	};
}
