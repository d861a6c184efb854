import type { INodeProperties } from 'n8n-workflow';

import * as addVersion from './addVersion.operation';
import * as deleteDocument from './deleteDocument.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as update from './update.operation';
import * as upload from './upload.operation';

export { addVersion, deleteDocument, download, get, update, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Add Version',
				value: 'addVersion',
				description: 'Add a file as a new version of a document',
				action: 'Add a version to a document',
			},
			{
				name: 'Delete',
				value: 'deleteDocument',
				description: 'Delete a document',
				action: 'Delete a document',
			},
			{
				name: 'Download',
				value: 'download',
				description: 'Download the file of a document',
				action: 'Download a document',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the properties of a document',
				action: 'Get a document',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Rename a document, move it or change its description',
				action: 'Update a document',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file as a new document',
				action: 'Upload a document',
			},
		],
		default: 'upload',
	},
	...upload.description,
	...addVersion.description,
	...download.description,
	...get.description,
	...update.description,
	...deleteDocument.description,
];
