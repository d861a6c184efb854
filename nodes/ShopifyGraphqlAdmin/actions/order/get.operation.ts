import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readMetafieldReference } from '../../helpers/metafields';
import { loadOrder } from '../../helpers/orderLoader';
import { notFound, resolveLocator } from '../../helpers/locators';
import { simplifyOrder } from '../../helpers/simplify';
import type { ShopifyClient } from '../../transport/client';
import {
	orderLocator,
	shippingLabelMetafieldProperty,
	simplifyProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	orderLocator(),
	simplifyProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [shippingLabelMetafieldProperty],
	},
];

const displayOptions = { show: { resource: ['order'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const label = readMetafieldReference(
		options.shippingLabelMetafield ?? shippingLabelMetafieldProperty.default,
		'Shipping Label Metafield',
	);

	const orderId = await resolveLocator(this, client, itemIndex, 'order', 'Order', 'Order');
	const order = await loadOrder(client, orderId, label);
	if (!order) throw notFound('Order', orderId, 'Order');

	return [{ json: simplify ? simplifyOrder(order) : (order as unknown as IDataObject) }];
}
