/** Views of transactions, refunds and disputes. */
import { graphqlTime } from '../../format';
import { formatGid } from '../../gid';
import { discountedUnitPrice } from '../../ledger';
import type {
	DisputeRecord,
	LineItemRecord,
	OrderRecord,
	RefundRecord,
	TransactionRecord,
} from '../../model';
import { paginate, type PageArgs } from '../connection';
import type { GraphqlContext } from '../context';
import { idSorted, moneyBag, moneyV2, type View } from './common';
import { locationView, returnView } from './returns';
import { lineItemView, orderView, shippingLineView } from './orders';

const GATEWAY_NAMES: Record<string, string> = {
	shopify_payments: 'Shopify Payments',
	paypal: 'PayPal Express Checkout',
	'Bank Deposit': 'Bank Deposit',
};

export function transactionView(ctx: GraphqlContext, transaction: TransactionRecord): View {
	const { store } = ctx;
	const isCard = transaction.creditCardCompany !== null;
	return {
		__typename: 'OrderTransaction',
		id: formatGid('OrderTransaction', transaction.id),
		kind: transaction.kind.toUpperCase(),
		status: transaction.status.toUpperCase(),
		gateway: transaction.gateway,
		formattedGateway: GATEWAY_NAMES[transaction.gateway] ?? transaction.gateway,
		amountSet: moneyBag(transaction.cents, transaction.currency),
		parentTransaction: () => {
			const parent = transaction.parentId
				? store.transactions.get(transaction.parentId)
				: undefined;
			return parent ? transactionView(ctx, parent) : null;
		},
		processedAt: graphqlTime(transaction.processedAt),
		createdAt: graphqlTime(transaction.createdAt),
		errorCode: transaction.errorCode ? transaction.errorCode.toUpperCase() : null,
		test: transaction.test,
		authorizationCode: transaction.authorization,
		manualPaymentGateway: !isCard && transaction.gateway !== 'paypal',
		paymentDetails: isCard
			? {
					__typename: 'CardPaymentDetails',
					company: transaction.creditCardCompany,
					number: transaction.creditCardNumber,
					name: null,
					bin: null,
					wallet: null,
					avsResultCode: null,
					cvvResultCode: null,
					expirationMonth: null,
					expirationYear: null,
					paymentMethodName: transaction.creditCardCompany?.toLowerCase() ?? null,
				}
			: null,
		order: () => {
			const order = store.orders.get(transaction.orderId);
			return order ? orderView(ctx, order) : null;
		},
	};
}

export function refundView(ctx: GraphqlContext, refund: RefundRecord): View {
	const { store } = ctx;
	const order = store.orders.get(refund.orderId) as OrderRecord;
	const set = (cents: number) => moneyBag(cents, order.currency, order.presentmentCurrency);
	const refundTransactions = () =>
		refund.transactionIds.flatMap((id) => {
			const entry = store.transactions.get(id);
			return entry ? [entry] : [];
		});
	return {
		__typename: 'Refund',
		id: formatGid('Refund', refund.id),
		legacyResourceId: refund.id,
		createdAt: graphqlTime(refund.createdAt),
		updatedAt: graphqlTime(refund.processedAt),
		note: refund.note,
		order: () => orderView(ctx, order),
		return: () => {
			const record = refund.returnId ? store.returns.get(refund.returnId) : undefined;
			return record ? returnView(ctx, record) : null;
		},
		totalRefundedSet: () =>
			set(
				refundTransactions()
					.filter((entry) => entry.status === 'success')
					.reduce((sum, entry) => sum + entry.cents, 0),
			),
		refundLineItems: (args: PageArgs) =>
			paginate(
				args.reverse ? [...refund.refundLineItems].reverse() : refund.refundLineItems,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => {
					const item = order.lineItems.find(
						(line) => line.id === entry.lineItemId,
					) as LineItemRecord;
					return {
						id: formatGid('RefundLineItem', entry.id),
						lineItem: lineItemView(ctx, order, item),
						quantity: entry.quantity,
						restockType: entry.restockType.toUpperCase(),
						restocked: entry.restockType !== 'no_restock',
						location: entry.locationId ? locationView(entry.locationId) : null,
						priceSet: set(discountedUnitPrice(item)),
						subtotalSet: set(entry.subtotalCents),
						totalTaxSet: set(entry.totalTaxCents),
					};
				},
			),
		refundShippingLines: (args: PageArgs) =>
			paginate(
				args.reverse ? [...refund.refundShippingLines].reverse() : refund.refundShippingLines,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => {
					const line = order.shippingLines.find((shipping) => shipping.id === entry.shippingLineId);
					return {
						__typename: 'RefundShippingLine',
						id: formatGid('RefundShippingLine', entry.id),
						shippingLine: line ? shippingLineView(order, line) : null,
						subtotalAmountSet: set(entry.subtotalCents),
						taxAmountSet: set(entry.taxCents),
					};
				},
			),
		transactions: (args: PageArgs) =>
			paginate(
				idSorted(refundTransactions(), args.reverse),
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => transactionView(ctx, entry),
			),
	};
}

export function disputeView(ctx: GraphqlContext, dispute: DisputeRecord): View {
	const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
	return {
		__typename: 'ShopifyPaymentsDispute',
		id: formatGid('ShopifyPaymentsDispute', dispute.id),
		legacyResourceId: dispute.id,
		order: () => {
			const order = ctx.store.orders.get(dispute.orderId);
			return order ? orderView(ctx, order) : null;
		},
		amount: moneyV2(dispute.cents, dispute.currency),
		type: dispute.type.toUpperCase(),
		status: dispute.status.toUpperCase(),
		reasonDetails: {
			reason: dispute.reason.toUpperCase(),
			networkReasonCode: dispute.networkReasonCode,
		},
		evidenceDueBy: day(dispute.evidenceDueBy),
		evidenceSentOn: day(dispute.evidenceSentOn),
		finalizedOn: day(dispute.finalizedOn),
		initiatedAt: graphqlTime(dispute.initiatedAt),
	};
}
