import type { INodeProperties } from 'n8n-workflow';

import * as render from './render.operation';

export { render };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['orderDocument'] } },
		options: [
			{
				name: 'Render',
				value: 'render',
				description:
					'Render order confirmation, invoice, packing slip and credit notes as PDF files, and fetch the shipping label',
				action: 'Render order documents',
			},
		],
		default: 'render',
	},
	...render.description,
];
