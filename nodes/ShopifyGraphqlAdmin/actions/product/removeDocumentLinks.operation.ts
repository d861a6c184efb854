import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkLinkUrl, removeLinks } from '../../helpers/documentLinks';
import { InputError } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { updateProductLinks } from '../../helpers/productLinks';
import type { ShopifyClient } from '../../transport/client';
import { productLocator } from '../common.descriptions';
import { linkStorageProperties, readLinkStorage } from './linkTarget';

const properties: INodeProperties[] = [
	productLocator({ description: 'Product whose page shows the documents' }),
	{
		displayName: 'Remove All Links',
		name: 'removeAll',
		type: 'boolean',
		default: false,
		description: 'Whether to remove every link, e.g. when the product is withdrawn',
	},
	{
		displayName: 'URLs',
		name: 'urls',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { removeAll: [false] } },
		placeholder: 'e.g. https://otcs.example.com/otcs/cs.exe/app/nodes/12345',
		description:
			'Links to remove, e.g. of withdrawn documents: one per line or separated by commas. An expression may also return an array of URLs.',
	},
	...linkStorageProperties,
];

const displayOptions = { show: { resource: ['product'], operation: ['removeDocumentLinks'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Reads a list of URLs given as an array or as text with one URL per line or comma. */
function splitUrls(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value !== 'string') return [];
	return value
		.split(/[\n,]/)
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const removeAll = this.getNodeParameter('removeAll', itemIndex, false) as boolean;
	let urls: string[] = [];
	if (!removeAll) {
		urls = splitUrls(this.getNodeParameter('urls', itemIndex, '')).map((url, index) =>
			checkLinkUrl(url, `URLs [${index}]`),
		);
		if (urls.length === 0) {
			throw new InputError(
				'No URLs given',
				'URLs',
				'Add the URLs to remove, or turn on Remove All Links.',
			);
		}
	}
	const storage = readLinkStorage(this, itemIndex);

	const productId = await resolveLocator(this, client, itemIndex, 'product', 'Product', 'Product');
	const result = await updateProductLinks(
		client,
		{ productId, namespace: storage.namespace, key: storage.key, type: storage.type },
		(current) => (removeAll ? [] : removeLinks(current, urls).kept),
		{ update: storage.updateDescription, heading: storage.heading },
	);

	const removed = removeAll ? result.before : removeLinks(result.before, urls).removed;
	return [
		{
			json: {
				productId: result.productId,
				productTitle: result.productTitle,
				namespace: result.namespace,
				key: result.key,
				metafieldId: result.metafieldId,
				metafield: result.metafield,
				descriptionUpdated: result.descriptionUpdated,
				removed: removed.map((link) => link.url),
				links: result.after.map((link) => ({ url: link.url, title: link.title ?? null })),
			},
		},
	];
}
