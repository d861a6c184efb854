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
		displayOptions: { show: { resource: ['refund'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a refund with its line items, shipping and transactions',
				action: 'Get a refund',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the refunds of an order',
				action: 'Get many refunds',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
