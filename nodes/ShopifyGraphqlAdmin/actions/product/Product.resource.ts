import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as publishDocumentLinks from './publishDocumentLinks.operation';
import * as removeDocumentLinks from './removeDocumentLinks.operation';

export { get, publishDocumentLinks, removeDocumentLinks };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a product with its variants and metafields',
				action: 'Get a product',
			},
			{
				name: 'Publish Document Links',
				value: 'publishDocumentLinks',
				description:
					'Publish links to documents on the product page, in a metafield and optionally in the description',
				action: 'Publish document links on a product',
			},
			{
				name: 'Remove Document Links',
				value: 'removeDocumentLinks',
				description: 'Remove links to withdrawn documents from the product page',
				action: 'Remove document links from a product',
			},
		],
		default: 'get',
	},
	...get.description,
	...publishDocumentLinks.description,
	...removeDocumentLinks.description,
];
