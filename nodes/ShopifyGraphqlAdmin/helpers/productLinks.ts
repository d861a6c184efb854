import type { IDataObject } from 'n8n-workflow';

import {
	METAFIELDS_DELETE,
	METAFIELDS_SET,
	PRODUCT_LINKS,
	PRODUCT_UPDATE_DESCRIPTION,
} from '../graphql/catalog';
import type { ShopifyClient } from '../transport/client';
import { checkUserErrors, ShopifyUserErrors, type UserErrorEntry } from '../transport/errors';
import {
	linkKey,
	linksFromDescription,
	linksFromMetafield,
	metafieldValue,
	writeDescriptionBlock,
	type DocumentLink,
	type LinkMetafieldType,
} from './documentLinks';
import { InputError } from './errors';
import { notFound } from './locators';

export interface LinkTarget {
	productId: string;
	namespace: string;
	key: string;
	type: LinkMetafieldType;
}

export interface DescriptionSettings {
	update: boolean;
	heading: string;
}

export interface LinkUpdateResult {
	productId: string;
	productTitle: string;
	namespace: string;
	key: string;
	type: LinkMetafieldType;
	/** Links before and after the change, with titles where the description block has them. */
	before: DocumentLink[];
	after: DocumentLink[];
	metafieldId: string | null;
	/** Change made to the metafield: set, deleted or unchanged. */
	metafield: 'set' | 'deleted' | 'unchanged';
	descriptionUpdated: boolean;
}

interface StoredMetafield {
	id: string;
	type: string;
	value: string;
	compareDigest?: string | null;
}

interface ProductLinksData {
	product: {
		id: string;
		title: string;
		descriptionHtml: string | null;
		linksMetafield: StoredMetafield | null;
	} | null;
}

/** Attempts of a read-change-write cycle when another writer changed the metafield in between. */
const MAX_WRITE_ATTEMPTS = 3;

/** Version from which metafieldsSet takes compareDigest (compare-and-set). */
const COMPARE_DIGEST_FROM_VERSION = '2024-07';

function isStale(error: unknown): boolean {
	return (
		error instanceof ShopifyUserErrors &&
		error.userErrors.some(
			(entry) => entry.code === 'INVALID_COMPARE_DIGEST' || entry.code === 'STALE_OBJECT',
		)
	);
}

/** Types the node reads links from; Shopify itself refuses to change a metafield's type. */
const COMPATIBLE_TYPES = new Set(['url', 'list.url', 'json']);

/**
 * Changes the document links of a product: reads the links metafield and the description,
 * applies `change`, and writes the metafield with compare-and-set, so a concurrent writer
 * makes the node read and merge again instead of overwriting. With `description.update`
 * the description block is rewritten to show the same links.
 */
export async function updateProductLinks(
	client: ShopifyClient,
	target: LinkTarget,
	change: (current: DocumentLink[]) => DocumentLink[],
	description: DescriptionSettings,
): Promise<LinkUpdateResult> {
	for (let attempt = 1; ; attempt++) {
		const { product } = await client.query<ProductLinksData>({
			query: PRODUCT_LINKS,
			variables: { id: target.productId, namespace: target.namespace, key: target.key },
		});
		if (!product) throw notFound('Product', target.productId, 'Product');

		const stored = product.linksMetafield;
		if (stored && stored.type !== target.type && COMPATIBLE_TYPES.has(stored.type) === false) {
			throw new InputError(
				`The metafield ${target.namespace}.${target.key} of this product has the type ${stored.type}, not ${target.type}`,
				'Metafield Key',
				'Choose another namespace or key for the document links, or delete the existing metafield in the Shopify admin.',
			);
		}

		const titles = new Map(
			linksFromDescription(product.descriptionHtml).map((link) => [linkKey(link.url), link.title]),
		);
		const before: DocumentLink[] = linksFromMetafield(stored).map((link) => ({
			...link,
			title: link.title ?? titles.get(linkKey(link.url)),
		}));
		const after = change(before);
		if (target.type === 'url' && after.length > 1) {
			throw new InputError(
				`A metafield of type url contains one link, but ${after.length} links would be stored`,
				'Metafield Type',
				'Choose the type list.url, or pass a single link with Mode set to Replace.',
			);
		}

		let metafield: LinkUpdateResult['metafield'] = 'unchanged';
		let metafieldId = stored?.id ?? null;
		const typeChanged = stored !== null && stored.type !== target.type;
		let writeFailure: unknown;
		try {
			if (after.length === 0) {
				if (stored) {
					const data = await client.query<{
						metafieldsDelete: { userErrors: UserErrorEntry[] } | null;
					}>({
						query: METAFIELDS_DELETE,
						variables: {
							metafields: [{ ownerId: product.id, namespace: target.namespace, key: target.key }],
						},
						idempotent: true,
					});
					checkUserErrors('metafieldsDelete', data.metafieldsDelete);
					metafield = 'deleted';
					metafieldId = null;
				}
			} else if (!stored || typeChanged || stored.value !== metafieldValue(target.type, after)) {
				const input: IDataObject = {
					ownerId: product.id,
					namespace: target.namespace,
					key: target.key,
					type: target.type,
					value: metafieldValue(target.type, after),
				};
				// A null compareDigest makes Shopify reject the write if the metafield exists by now.
				if (client.apiVersion === 'unstable' || client.apiVersion >= COMPARE_DIGEST_FROM_VERSION) {
					input.compareDigest = stored?.compareDigest ?? null;
				}
				const data = await client.query<{
					metafieldsSet: {
						metafields: Array<{ id: string }> | null;
						userErrors: UserErrorEntry[];
					} | null;
				}>({ query: METAFIELDS_SET, variables: { metafields: [input] }, idempotent: true });
				const payload = checkUserErrors('metafieldsSet', data.metafieldsSet);
				metafield = 'set';
				metafieldId = payload.metafields?.[0]?.id ?? metafieldId;
			}
		} catch (error) {
			writeFailure = error;
		}
		if (writeFailure !== undefined) {
			if (isStale(writeFailure) && attempt < MAX_WRITE_ATTEMPTS) continue;
			throw writeFailure;
		}

		let descriptionUpdated = false;
		if (description.update) {
			const html = writeDescriptionBlock(product.descriptionHtml, after, description.heading);
			if (html !== (product.descriptionHtml ?? '')) {
				const data = await client.query<{ productUpdate: { userErrors: UserErrorEntry[] } | null }>(
					{
						query: PRODUCT_UPDATE_DESCRIPTION,
						variables: { product: { id: product.id, descriptionHtml: html } },
						idempotent: true,
					},
				);
				checkUserErrors('productUpdate', data.productUpdate);
				descriptionUpdated = true;
			}
		}

		return {
			productId: product.id,
			productTitle: product.title,
			namespace: target.namespace,
			key: target.key,
			type: target.type,
			before,
			after,
			metafieldId,
			metafield,
			descriptionUpdated,
		};
	}
}
