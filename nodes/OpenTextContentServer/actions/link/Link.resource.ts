import type { INodeProperties } from 'n8n-workflow';

import * as createShortcut from './createShortcut.operation';
import * as createUrl from './createUrl.operation';

export { createShortcut, createUrl };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['link'] } },
		options: [
			{
				name: 'Create Shortcut',
				value: 'createShortcut',
				description: 'Create a shortcut to an item in another folder',
				action: 'Create a shortcut',
			},
			{
				name: 'Create URL',
				value: 'createUrl',
				description: 'Create a URL object that opens a web address',
				action: 'Create a URL object',
			},
		],
		default: 'createShortcut',
	},
	...createShortcut.description,
	...createUrl.description,
];
