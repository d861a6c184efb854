import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { createWithNamePolicy } from '../../helpers/createItem';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, simplifyNode, SUBTYPE } from '../../helpers/nodes';
import { validateItemName } from '../../helpers/path';
import { folderLocator, nameClashProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	folderLocator({ description: 'Folder to create the URL object in' }),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Order #1001 in Shopify',
		description: 'Name of the URL object. Names cannot contain ":".',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://admin.shopify.com/store/demo-shop/orders/1001',
		description: 'Address the URL object opens',
	},
	nameClashProperty(false),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Description of the URL object',
			},
		],
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['link'], operation: ['createUrl'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Accepts absolute http, https, mailto and ftp addresses, which Content Server URL objects open. */
function validateUrl(value: string): string {
	const text = value.trim();
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:', 'mailto:', 'ftp:'].includes(url.protocol)) {
		throw new InputError(
			`"${text}" is not an absolute web address`,
			'Enter the full address including https://, e.g. https://admin.shopify.com/store/demo-shop/orders/1001.',
		);
	}
	return text;
}

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const policy = this.getNodeParameter('onNameClash', itemIndex, 'fail') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const name = await forParameter('Name', async () =>
		validateItemName(this.getNodeParameter('name', itemIndex) as string),
	);
	const url = await forParameter('URL', async () =>
		validateUrl(this.getNodeParameter('url', itemIndex) as string),
	);
	const parentId = await resolveLocator(this, context, 'folder', 'Folder', itemIndex, 'container');

	const fields: IDataObject & { type: number; parent_id: number; name: string } = {
		type: SUBTYPE.url,
		parent_id: parentId,
		name,
		url,
	};
	if (options.description) fields.description = options.description;
	const { node, outcome } = await forParameter(
		'Name',
		async () => await createWithNamePolicy(context, fields, policy, 'Name'),
	);

	const json = simplify ? simplifyNode(context, node) : fullNode(context, node);
	return [{ json: { ...json, url: node.url ?? url, outcome } }];
}
