import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { LinkMetafieldType } from '../../helpers/documentLinks';
import { checkKey, checkNamespace } from '../../helpers/metafields';

/** Parameters both link operations share: where the links are stored and the description block. */
export const linkStorageProperties: INodeProperties[] = [
	{
		displayName: 'Metafield Namespace',
		name: 'namespace',
		type: 'string',
		default: 'custom',
		required: true,
		description: 'Namespace of the product metafield that contains the links',
	},
	{
		displayName: 'Metafield Key',
		name: 'key',
		type: 'string',
		default: 'documents',
		required: true,
		description:
			'Key of the product metafield that holds the links; a theme reads it as product.metafields.custom.documents for the defaults',
	},
	{
		displayName: 'Metafield Type',
		name: 'metafieldType',
		type: 'options',
		options: [
			{
				name: 'JSON',
				value: 'json',
				description: 'A list of objects with address, title and any further fields passed in',
			},
			{ name: 'Single URL', value: 'url', description: 'One link only' },
			{ name: 'URL List', value: 'list.url', description: 'Any number of links, without titles' },
		],
		default: 'list.url',
		description:
			'Type of the metafield. A metafield definition in the admin, and an existing metafield, must have the same type.',
	},
	{
		displayName: 'Update Description',
		name: 'updateDescription',
		type: 'boolean',
		default: false,
		description:
			'Whether to also show the links in the product description, in a block between HTML comment markers that the node replaces; the rest of the description is left as it is',
	},
	{
		displayName: 'Description Heading',
		name: 'descriptionHeading',
		type: 'string',
		default: 'Documents',
		displayOptions: { show: { updateDescription: [true] } },
		description: 'Heading above the links in the description; leave empty for none',
	},
];

export interface LinkStorage {
	namespace: string;
	key: string;
	type: LinkMetafieldType;
	updateDescription: boolean;
	heading: string;
}

export function readLinkStorage(functions: IExecuteFunctions, itemIndex: number): LinkStorage {
	const updateDescription = functions.getNodeParameter(
		'updateDescription',
		itemIndex,
		false,
	) as boolean;
	return {
		namespace: checkNamespace(
			functions.getNodeParameter('namespace', itemIndex),
			'Metafield Namespace',
		),
		key: checkKey(functions.getNodeParameter('key', itemIndex), 'Metafield Key'),
		type: functions.getNodeParameter('metafieldType', itemIndex, 'list.url') as LinkMetafieldType,
		updateDescription,
		heading: updateDescription
			? (functions.getNodeParameter('descriptionHeading', itemIndex, '') as string)
			: '',
	};
}
