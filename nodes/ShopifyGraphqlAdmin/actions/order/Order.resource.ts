import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get an order with all line items, transactions, refunds, returns, fulfillments and its shipping-label URL',
				action: 'Get an order',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "Search orders with Shopify's search syntax",
				action: 'Get many orders',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
