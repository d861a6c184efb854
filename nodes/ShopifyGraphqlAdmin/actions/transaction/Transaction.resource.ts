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
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order transaction',
				action: 'Get a transaction',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description:
					'Get the transactions of an order: authorizations, captures, sales, refunds and voids',
				action: 'Get many transactions',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];
