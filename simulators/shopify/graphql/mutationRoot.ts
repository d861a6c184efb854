/** Resolvers of the Mutation fields: each calls an operation and shapes its payload. */
import { formatGid } from '../gid';
import type { MetafieldRecord } from '../model';
import {
	createSubscription,
	deleteSubscription,
	metafieldsDelete,
	metafieldsSet,
	productUpdate,
	refundCreate,
	returnApproveRequest,
	returnClose,
	returnDeclineRequest,
	updateSubscription,
	type MetafieldIdentifierInput,
	type MetafieldsSetInput,
	type OperationResult,
	type ProductUpdateInput,
	type RefundInput,
} from '../operations';
import { topicFromEnum } from '../topics';
import { requireGid, type GraphqlContext } from './context';
import { versionAtLeast } from './schema';
import { nodeView, subscriptionView } from './queryRoot';
import { productView } from './views/catalog';
import { metafieldView, type View } from './views/common';
import { orderView } from './views/orders';
import { refundView } from './views/payments';
import { returnView } from './views/returns';

type Args = Record<string, unknown>;

const OWNER_GID_TYPE: Record<MetafieldRecord['ownerType'], string> = {
	PRODUCT: 'Product',
	ORDER: 'Order',
	CUSTOMER: 'Customer',
};

function payload<T>(
	ctx: GraphqlContext,
	result: OperationResult<T>,
	build: (value: T | null) => View,
): View {
	ctx.emits.push(...result.emits);
	return {
		...build(result.value),
		userErrors: result.userErrors.map((error) => ({
			__typename: 'UserError',
			field: error.field,
			message: error.message,
			code: error.code ?? null,
			elementIndex: error.elementIndex ?? null,
		})),
	};
}

function addressFieldName(ctx: GraphqlContext): 'uri' | 'callbackUrl' {
	return versionAtLeast(ctx.version, ctx.store.settings.webhookUriFromVersion)
		? 'uri'
		: 'callbackUrl';
}

interface SubscriptionArgs {
	uri?: string | null;
	callbackUrl?: string | null;
	format?: string | null;
	includeFields?: string[] | null;
	metafieldNamespaces?: string[] | null;
	filter?: string | null;
}

export const mutationResolvers: Record<string, (args: Args, ctx: GraphqlContext) => unknown> = {
	productUpdate: (args, ctx) =>
		payload(
			ctx,
			productUpdate(ctx.store, args.product as ProductUpdateInput | null),
			(product) => ({
				product: product ? productView(ctx, product) : null,
			}),
		),

	metafieldsSet: (args, ctx) =>
		payload(
			ctx,
			metafieldsSet(ctx.store, args.metafields as MetafieldsSetInput[]),
			(metafields) => ({
				metafields: (metafields ?? []).map((metafield) =>
					metafieldView(ctx, metafield, () =>
						nodeView(ctx, formatGid(OWNER_GID_TYPE[metafield.ownerType], metafield.ownerId)),
					),
				),
			}),
		),

	metafieldsDelete: (args, ctx) =>
		payload(
			ctx,
			metafieldsDelete(ctx.store, args.metafields as MetafieldIdentifierInput[]),
			(deleted) => ({
				deletedMetafields: deleted,
			}),
		),

	refundCreate: (args, ctx) => {
		const input = args.input as RefundInput;
		const result = refundCreate(ctx.store, input);
		return payload(ctx, result, (refund) => {
			const order = refund ? ctx.store.orders.get(refund.orderId) : undefined;
			return {
				refund: refund ? refundView(ctx, refund) : null,
				order: order ? orderView(ctx, order) : null,
			};
		});
	},

	returnApproveRequest: (args, ctx) =>
		payload(ctx, returnApproveRequest(ctx.store, (args.input as { id: string }).id), (record) => ({
			return: record ? returnView(ctx, record) : null,
		})),

	returnDeclineRequest: (args, ctx) =>
		payload(
			ctx,
			returnDeclineRequest(
				ctx.store,
				args.input as { id: string; declineReason: string; declineNote?: string | null },
			),
			(record) => ({ return: record ? returnView(ctx, record) : null }),
		),

	returnClose: (args, ctx) =>
		payload(ctx, returnClose(ctx.store, args.id as string), (record) => ({
			return: record ? returnView(ctx, record) : null,
		})),

	webhookSubscriptionCreate: (args, ctx) => {
		const topic = topicFromEnum(args.topic as string);
		const input = args.webhookSubscription as SubscriptionArgs;
		const field = addressFieldName(ctx);
		if (!topic) {
			return payload(
				ctx,
				{
					value: null,
					userErrors: [
						{
							field: ['topic'],
							message: `Topic ${String(args.topic)} is not supported by the simulator.`,
						},
					],
					emits: [],
				},
				() => ({ webhookSubscription: null }),
			);
		}
		const result = createSubscription(
			ctx.store,
			{
				topic: topic.topic,
				uri: input[field],
				format: input.format,
				includeFields: input.includeFields,
				metafieldNamespaces: input.metafieldNamespaces,
				filter: input.filter,
				source: 'api',
			},
			['webhookSubscription', field],
		);
		return payload(ctx, result, (record) => ({
			webhookSubscription: record ? subscriptionView(ctx, record) : null,
		}));
	},

	webhookSubscriptionUpdate: (args, ctx) => {
		const gid = requireGid(args.id as string, 'WebhookSubscription');
		const input = args.webhookSubscription as SubscriptionArgs;
		const field = addressFieldName(ctx);
		const result = updateSubscription(
			ctx.store,
			gid?.id ?? '',
			{
				uri: input[field],
				format: input.format,
				includeFields: input.includeFields,
				metafieldNamespaces: input.metafieldNamespaces,
				filter: input.filter,
			},
			['webhookSubscription', field],
		);
		return payload(ctx, result, (record) => ({
			webhookSubscription: record ? subscriptionView(ctx, record) : null,
		}));
	},

	webhookSubscriptionDelete: (args, ctx) => {
		const gid = requireGid(args.id as string, 'WebhookSubscription');
		const result = deleteSubscription(ctx.store, gid?.id ?? '');
		return payload(ctx, result, (id) => ({
			deletedWebhookSubscriptionId: id ? formatGid('WebhookSubscription', id) : null,
		}));
	},
};
