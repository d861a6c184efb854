import type {
	IDataObject,
	IExecuteFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { documentFileName, renderOrderDocument } from '../../documents/render';
import { fileNamePart } from '../../documents/naming';
import type { OrderDocumentInput, OrderDocumentKind } from '../../documents/types';
import { SHOP_GET } from '../../graphql/catalog';
import { toOrderDocumentInput, type DocumentCurrency } from '../../helpers/documentInput';
import { InputError } from '../../helpers/errors';
import { legacyId } from '../../helpers/ids';
import { notFound, resolveLocator } from '../../helpers/locators';
import { readMetafieldReference } from '../../helpers/metafields';
import { loadOrder } from '../../helpers/orderLoader';
import type { LoadedOrder, ShopNode } from '../../helpers/types';
import type { ShopifyClient } from '../../transport/client';
import { orderLocator, shippingLabelMetafieldProperty } from '../common.descriptions';

type DocumentChoice = OrderDocumentKind | 'shippingLabel';

const properties: INodeProperties[] = [
	orderLocator({ description: 'Order to render documents for' }),
	{
		displayName: 'Documents',
		name: 'documents',
		type: 'multiOptions',
		options: [
			{
				name: 'Credit Notes',
				value: 'creditNote',
				description: 'One credit note per refund of the order',
			},
			{ name: 'Invoice', value: 'invoice' },
			{ name: 'Order Confirmation', value: 'orderConfirmation' },
			{ name: 'Packing Slip', value: 'packingSlip' },
			{
				name: 'Shipping Label',
				value: 'shippingLabel',
				description: "The label file from the order's label metafield, downloaded as it is",
			},
		],
		default: ['invoice'],
		required: true,
		description: 'Documents to output, each as its own item with a PDF file',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Amounts In',
				name: 'currency',
				type: 'options',
				options: [
					{
						name: "Shop's Currency",
						value: 'shop',
						description: 'Amounts as the shop books them (shop money)',
					},
					{
						name: "Customer's Currency",
						value: 'presentment',
						description: 'Amounts as the customer paid them (presentment money)',
					},
				],
				default: 'shop',
			},
			{
				displayName: 'Only Refund ID',
				name: 'refundId',
				type: 'string',
				default: '',
				placeholder: 'e.g. gid://shopify/Refund/9302',
				description:
					'Render the credit note of this refund only, e.g. the admin_graphql_api_id of a refunds/create webhook. Leave empty for all refunds.',
			},
			shippingLabelMetafieldProperty,
		],
	},
];

const displayOptions = { show: { resource: ['orderDocument'], operation: ['render'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Labels above this size are rejected; carriers' label PDFs are a few hundred kilobytes. */
const MAX_LABEL_BYTES = 20 * 1024 * 1024;

const LABEL_TIMEOUT_MS = 30_000;

async function loadShop(client: ShopifyClient): Promise<ShopNode> {
	return await client.memo(
		'shop',
		async () => (await client.query<{ shop: ShopNode }>({ query: SHOP_GET })).shop,
	);
}

function labelFileName(input: OrderDocumentInput, url: string, mimeType: string): string {
	const name = fileNamePart(input.order.name) || fileNamePart(input.order.legacyResourceId);
	const pathExtension = /\.([A-Za-z0-9]{1,5})$/.exec(new URL(url).pathname)?.[1]?.toLowerCase();
	const extension = mimeType === 'application/pdf' ? 'pdf' : (pathExtension ?? 'pdf');
	return `order-${name}-shipping-label.${extension}`;
}

/** Downloads the label without the Shopify token, because the URL may point to any host. */
async function downloadLabel(
	functions: IExecuteFunctions,
	url: string,
	orderName: string,
): Promise<{ data: Buffer; mimeType: string }> {
	let response: IN8nHttpFullResponse | undefined;
	let failureCode: unknown;
	try {
		response = (await functions.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: LABEL_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		failureCode = (error as { code?: unknown }).code ?? 'no response';
	}
	if (!response) {
		throw new InputError(
			`Downloading the shipping label of order ${orderName} from ${url} failed (${String(failureCode)})`,
			'Documents',
			'Check that n8n can reach the host of the label URL, or remove Shipping Label from Documents.',
		);
	}
	if (response.statusCode !== 200) {
		throw new InputError(
			`Downloading the shipping label of order ${orderName} from ${url} failed with HTTP ${response.statusCode}`,
			'Documents',
			'The label may have expired or been voided. Buy or print it again in the shipping app, or remove Shipping Label from Documents.',
		);
	}
	const data = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(response.body as unknown as ArrayBuffer);
	if (data.length > MAX_LABEL_BYTES) {
		throw new InputError(
			`The shipping label of order ${orderName} has ${data.length} bytes, more than the ${MAX_LABEL_BYTES} the node accepts`,
			'Documents',
			'Check that the label metafield points at the label file.',
		);
	}
	const contentType = String(response.headers['content-type'] ?? 'application/pdf')
		.split(';')[0]
		.trim();
	return { data, mimeType: contentType === '' ? 'application/pdf' : contentType };
}

interface OutputContext {
	functions: IExecuteFunctions;
	order: LoadedOrder;
	binaryPropertyName: string;
}

async function fileItem(
	context: OutputContext,
	documentType: DocumentChoice,
	fileName: string,
	data: Buffer,
	mimeType: string,
	extra: IDataObject = {},
): Promise<INodeExecutionData> {
	const binary = await context.functions.helpers.prepareBinaryData(data, fileName, mimeType);
	return {
		json: {
			orderId: context.order.id,
			orderLegacyResourceId: context.order.legacyResourceId,
			orderName: context.order.name,
			documentType,
			fileName,
			mimeType,
			fileSize: data.length,
			...extra,
		},
		binary: { [context.binaryPropertyName]: binary },
	};
}

function skippedItem(
	context: OutputContext,
	documentType: DocumentChoice,
	note: string,
): INodeExecutionData {
	return {
		json: {
			orderId: context.order.id,
			orderLegacyResourceId: context.order.legacyResourceId,
			orderName: context.order.name,
			documentType,
			skipped: true,
			note,
		},
	};
}

function readDocuments(functions: IExecuteFunctions, itemIndex: number): DocumentChoice[] {
	const documents = functions.getNodeParameter('documents', itemIndex, []) as DocumentChoice[];
	if (documents.length === 0) {
		throw new InputError(
			'No documents selected',
			'Documents',
			'Pick at least one document to render.',
		);
	}
	// Output in a fixed order, whatever order the user picked them in.
	const order: DocumentChoice[] = [
		'orderConfirmation',
		'invoice',
		'packingSlip',
		'creditNote',
		'shippingLabel',
	];
	return order.filter((kind) => documents.includes(kind));
}

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const documents = readDocuments(this, itemIndex);
	const binaryPropertyName = (
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string
	).trim();
	if (binaryPropertyName === '') {
		throw new InputError(
			'The field name is empty',
			'Put Output File in Field',
			'Enter a name such as data.',
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const currency = (options.currency as DocumentCurrency | undefined) ?? 'shop';
	const onlyRefund = typeof options.refundId === 'string' ? options.refundId.trim() : '';
	const label = documents.includes('shippingLabel')
		? readMetafieldReference(
				options.shippingLabelMetafield ?? shippingLabelMetafieldProperty.default,
				'Shipping Label Metafield',
			)
		: undefined;

	const orderId = await resolveLocator(this, client, itemIndex, 'order', 'Order', 'Order');
	const order = await loadOrder(client, orderId, label);
	if (!order) throw notFound('Order', orderId, 'Order');
	const shop = await loadShop(client);
	const input = toOrderDocumentInput(order, shop, currency);
	const context: OutputContext = { functions: this, order, binaryPropertyName };

	const output: INodeExecutionData[] = [];
	for (const kind of documents) {
		if (kind === 'creditNote') {
			const refunds =
				onlyRefund === ''
					? input.refunds
					: input.refunds.filter(
							(refund) =>
								refund.id === onlyRefund || refund.legacyResourceId === legacyId(onlyRefund),
						);
			if (onlyRefund !== '' && refunds.length === 0) {
				throw new InputError(
					`Order ${order.name} has no refund ${onlyRefund}`,
					'Only Refund ID',
					`Use the ID of one of its refunds (${input.refunds.map((refund) => refund.legacyResourceId).join(', ') || 'none'}), or leave the option empty.`,
				);
			}
			if (refunds.length === 0) {
				output.push(
					skippedItem(
						context,
						kind,
						`Order ${order.name} has no refunds, so there is no credit note.`,
					),
				);
			}
			for (const refund of refunds) {
				const pdf = await renderOrderDocument('creditNote', input, { refundId: refund.id });
				output.push(
					await fileItem(
						context,
						kind,
						documentFileName('creditNote', input, refund),
						pdf,
						'application/pdf',
						{
							refundId: refund.id,
							refundLegacyResourceId: refund.legacyResourceId,
						},
					),
				);
			}
			continue;
		}

		if (kind === 'shippingLabel') {
			if (!order.shippingLabelUrl) {
				const where = label
					? `metafield ${label.namespace}.${label.key}`
					: 'Shipping Label Metafield (empty)';
				output.push(
					skippedItem(context, kind, `Order ${order.name} has no shipping label URL in ${where}.`),
				);
				continue;
			}
			const file = await downloadLabel(this, order.shippingLabelUrl, order.name);
			output.push(
				await fileItem(
					context,
					kind,
					labelFileName(input, order.shippingLabelUrl, file.mimeType),
					file.data,
					file.mimeType,
					{
						sourceUrl: order.shippingLabelUrl,
					},
				),
			);
			continue;
		}

		const pdf = await renderOrderDocument(kind, input);
		output.push(
			await fileItem(context, kind, documentFileName(kind, input), pdf, 'application/pdf'),
		);
	}
	return output;
}
