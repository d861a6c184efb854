import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { TRANSACTION_GET } from '../../graphql/orders';
import { toGid } from '../../helpers/ids';
import { notFound } from '../../helpers/locators';
import { simplifyTransaction } from '../../helpers/simplify';
import type { TransactionNode } from '../../helpers/types';
import type { ShopifyClient } from '../../transport/client';
import { simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Transaction ID',
		name: 'transactionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. gid://shopify/OrderTransaction/9502',
		description:
			'Numeric ID or GID of the order transaction, e.g. admin_graphql_api_id of an order_transactions/create webhook',
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['transaction'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const transactionId = toGid(
		'OrderTransaction',
		this.getNodeParameter('transactionId', itemIndex),
		'Transaction ID',
	);

	const { node } = await client.query<{ node: Partial<TransactionNode> | null }>({
		query: TRANSACTION_GET,
		variables: { id: transactionId },
	});
	// node() returns an object without these fields when the id belongs to another type.
	if (!node?.id) throw notFound('Transaction', transactionId, 'Transaction ID');

	const transaction = node as TransactionNode;
	return [
		{ json: simplify ? simplifyTransaction(transaction) : (transaction as unknown as IDataObject) },
	];
}
