import type { INodeProperties } from 'n8n-workflow';

import * as apply from './apply.operation';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as updateValues from './updateValues.operation';

export { apply, get, remove, updateValues };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['category'] } },
		options: [
			{
				name: 'Apply',
				value: 'apply',
				description: 'Apply a category with attribute values to an item',
				action: 'Apply a category to an item',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the attribute values of a category on an item',
				action: 'Get category values of an item',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Remove a category and its values from an item',
				action: 'Remove a category from an item',
			},
			{
				name: 'Update Values',
				value: 'updateValues',
				description: 'Change attribute values of a category on an item',
				action: 'Update category values of an item',
			},
		],
		default: 'apply',
	},
	...apply.description,
	...updateValues.description,
	...get.description,
	...remove.description,
];
