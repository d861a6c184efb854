import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteFolder from './deleteFolder.operation';
import * as ensurePath from './ensurePath.operation';
import * as get from './get.operation';
import * as getChildren from './getChildren.operation';

export { create, deleteFolder, ensurePath, get, getChildren };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a folder',
				action: 'Create a folder',
			},
			{
				name: 'Delete',
				value: 'deleteFolder',
				description: 'Delete a folder and everything in it',
				action: 'Delete a folder',
			},
			{
				name: 'Ensure Path',
				value: 'ensurePath',
				description: 'Find the folders of a path and create the missing ones',
				action: 'Ensure a folder path exists',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the properties of a folder',
				action: 'Get a folder',
			},
			{
				name: 'Get Many Children',
				value: 'getChildren',
				description: 'List the items in a folder',
				action: 'Get many items in a folder',
			},
		],
		default: 'ensurePath',
	},
	...create.description,
	...ensurePath.description,
	...get.description,
	...getChildren.description,
	...deleteFolder.description,
];
