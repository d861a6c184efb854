import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toGid } from '../../helpers/ids';
import { notFound } from '../../helpers/locators';
import { loadRefund } from '../../helpers/orderLoader';
import { simplifyRefund } from '../../helpers/simplify';
import type { ShopifyClient } from '../../transport/client';
import { simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Refund ID',
		name: 'refundId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. gid://shopify/Refund/9301',
		description:
			'Numeric ID or GID of the refund, e.g. admin_graphql_api_id of a refunds/create webhook',
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['refund'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const refundId = toGid('Refund', this.getNodeParameter('refundId', itemIndex), 'Refund ID');

	const refund = await loadRefund(client, refundId);
	if (!refund) throw notFound('Refund', refundId, 'Refund ID');

	return [{ json: simplify ? simplifyRefund(refund) : (refund as unknown as IDataObject) }];
}
