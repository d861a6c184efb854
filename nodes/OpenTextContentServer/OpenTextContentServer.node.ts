import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as businessWorkspace from './actions/businessWorkspace/BusinessWorkspace.resource';
import * as category from './actions/category/Category.resource';
import * as document from './actions/document/Document.resource';
import * as folder from './actions/folder/Folder.resource';
import * as link from './actions/link/Link.resource';
import { router } from './actions/router';
import * as search from './actions/search/Search.resource';
import { listSearch, loadOptions } from './methods';

export class OpenTextContentServer implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenText Content Server',
		name: 'openTextContentServer',
		icon: { light: 'file:openTextContentServer.svg', dark: 'file:openTextContentServer.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Upload, file, categorize, search and link documents in OpenText Content Server (Extended ECM)',
		defaults: { name: 'OpenText Content Server' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openTextContentServerApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Business Workspace', value: 'businessWorkspace' },
					{ name: 'Category', value: 'category' },
					{ name: 'Document', value: 'document' },
					{ name: 'Folder', value: 'folder' },
					{ name: 'Link', value: 'link' },
					{ name: 'Search', value: 'search' },
				],
				default: 'document',
			},
			...document.description,
			...folder.description,
			...category.description,
			...search.description,
			...link.description,
			...businessWorkspace.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
