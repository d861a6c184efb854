import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkLinkUrl, linkKey, mergeLinks, type DocumentLink } from '../../helpers/documentLinks';
import { InputError } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { updateProductLinks } from '../../helpers/productLinks';
import type { ShopifyClient } from '../../transport/client';
import { productLocator } from '../common.descriptions';
import { linkStorageProperties, readLinkStorage } from './linkTarget';

const properties: INodeProperties[] = [
	productLocator({ description: 'Product whose page shows the documents' }),
	{
		displayName: 'Links Input',
		name: 'linksInput',
		type: 'options',
		options: [
			{
				name: 'Define Below',
				value: 'fields',
				description: 'Enter each link with its URL and title',
			},
			{
				name: 'From JSON',
				value: 'json',
				description: 'Pass a list of links, e.g. from an expression',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Links (JSON)',
		name: 'linksJson',
		type: 'json',
		default: '[]',
		placeholder:
			'[{"url": "https://otcs.example.com/otcs/cs.exe/app/nodes/12345", "title": "Manual"}]',
		displayOptions: { show: { linksInput: ['json'] } },
		description:
			'A JSON array of links: address strings, or objects with an address and an optional title as in the placeholder',
	},
	{
		displayName: 'Links',
		name: 'links',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Link',
		default: { link: [{ url: '', title: '' }] },
		displayOptions: { show: { linksInput: ['fields'] } },
		options: [
			{
				displayName: 'Link',
				name: 'link',
				values: [
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://otcs.example.com/otcs/cs.exe/app/nodes/12345',
						description: 'Address of the document',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: 'e.g. Safety data sheet',
						description: 'Link text in the description; the metafield stores URLs only',
					},
				],
			},
		],
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{
				name: 'Merge',
				value: 'merge',
				description:
					'Add the links to those already published; a known URL only takes the new title',
			},
			{
				name: 'Replace',
				value: 'replace',
				description: 'Publish exactly these links and drop the others',
			},
		],
		default: 'merge',
	},
	...linkStorageProperties,
];

const displayOptions = { show: { resource: ['product'], operation: ['publishDocumentLinks'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function parseLinksJson(value: unknown): unknown[] {
	let parsed = value;
	let syntaxError: string | undefined;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value) as unknown;
		} catch (error) {
			syntaxError = (error as Error).message;
		}
	}
	if (syntaxError !== undefined || !Array.isArray(parsed)) {
		throw new InputError(
			syntaxError
				? `The links are not valid JSON: ${syntaxError}`
				: 'The links are not a JSON array',
			'Links (JSON)',
			'Pass an array such as [{"url": "https://otcs.example.com/otcs/cs.exe/app/nodes/12345", "title": "Manual"}].',
		);
	}
	return parsed;
}

function readLinks(functions: IExecuteFunctions, itemIndex: number): DocumentLink[] {
	const source = functions.getNodeParameter('linksInput', itemIndex, 'fields') as 'fields' | 'json';
	let entries: unknown[];
	let parameter: (index: number) => string;
	if (source === 'json') {
		entries = parseLinksJson(functions.getNodeParameter('linksJson', itemIndex, '[]'));
		parameter = (index) => `Links (JSON) [${index}]`;
	} else {
		const collection = functions.getNodeParameter('links', itemIndex, {}) as {
			link?: IDataObject[];
		};
		entries = collection.link ?? [];
		parameter = (index) => `Links › Link ${index + 1} › URL`;
	}

	const links = entries.map((entry, index) => {
		const { url, title, ...extra } = (
			typeof entry === 'string' ? { url: entry } : (entry ?? {})
		) as IDataObject;
		const link: DocumentLink = { url: checkLinkUrl(url, parameter(index)) };
		if (typeof title === 'string' && title.trim() !== '') link.title = title.trim();
		// Further fields (e.g. docType, approvedAt) are stored by the JSON metafield type only.
		if (Object.keys(extra).length > 0) link.extra = extra;
		return link;
	});
	if (links.length === 0) {
		throw new InputError(
			'No links given',
			source === 'json' ? 'Links (JSON)' : 'Links',
			'Add at least one link, or use Remove Document Links to withdraw links.',
		);
	}
	return links;
}

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const links = readLinks(this, itemIndex);
	const mode = this.getNodeParameter('mode', itemIndex, 'merge') as 'merge' | 'replace';
	const storage = readLinkStorage(this, itemIndex);

	const productId = await resolveLocator(this, client, itemIndex, 'product', 'Product', 'Product');
	const result = await updateProductLinks(
		client,
		{ productId, namespace: storage.namespace, key: storage.key, type: storage.type },
		(current) => (mode === 'replace' ? mergeLinks([], links) : mergeLinks(current, links)),
		{ update: storage.updateDescription, heading: storage.heading },
	);

	const known = new Set(result.before.map((link) => linkKey(link.url)));
	return [
		{
			json: {
				productId: result.productId,
				productTitle: result.productTitle,
				namespace: result.namespace,
				key: result.key,
				type: result.type,
				metafieldId: result.metafieldId,
				metafield: result.metafield,
				descriptionUpdated: result.descriptionUpdated,
				links: result.after.map((link) => ({
					...link.extra,
					url: link.url,
					title: link.title ?? null,
				})),
				added: result.after.filter((link) => !known.has(linkKey(link.url))).length,
			},
		},
	];
}
