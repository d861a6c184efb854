import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as getRelated from './getRelated.operation';
import * as relate from './relate.operation';

export { create, findOrCreate, get, getRelated, relate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['businessWorkspace'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a business workspace from a workspace type and template',
				action: 'Create a business workspace',
			},
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				description: 'Get the workspace of a business object, or create it when it is missing',
				action: 'Find or create a business workspace',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the workspace of a business object',
				action: 'Get a business workspace by business object',
			},
			{
				name: 'Get Many Related',
				value: 'getRelated',
				description: 'List the workspaces related to a workspace',
				action: 'Get many related business workspaces',
			},
			{
				name: 'Relate',
				value: 'relate',
				description: 'Relate two workspaces as parent and child',
				action: 'Relate two business workspaces',
			},
		],
		default: 'findOrCreate',
	},
	...create.description,
	...findOrCreate.description,
	...get.description,
	...relate.description,
	...getRelated.description,
];
