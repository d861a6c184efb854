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
		displayOptions: { show: { resource: ['return'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a return with its line items and refunds',
				action: 'Get a return',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the returns of an order',
				action: 'Get many returns',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
