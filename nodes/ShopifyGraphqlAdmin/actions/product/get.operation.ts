import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { PRODUCT_GET } from '../../graphql/catalog';
import { notFound, resolveLocator } from '../../helpers/locators';
import type { ShopifyClient } from '../../transport/client';
import type { Connection } from '../../transport/paging';
import { productLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [productLocator(), simplifyProperty];

const displayOptions = { show: { resource: ['product'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface ProductNode {
	id: string;
	legacyResourceId: string;
	title: string;
	handle: string;
	status: string;
	vendor: string;
	productType: string;
	tags: string[];
	descriptionHtml: string;
	onlineStoreUrl?: string | null;
	createdAt: string;
	updatedAt: string;
	publishedAt?: string | null;
	totalInventory?: number;
	options: IDataObject[];
	variants: Connection<IDataObject>;
	metafields: Connection<{ namespace: string; key: string; type: string; value: string }>;
}

function flatten(product: ProductNode): IDataObject {
	return { ...product, variants: product.variants.nodes, metafields: product.metafields.nodes };
}

function simplify(product: ProductNode): IDataObject {
	return {
		id: product.id,
		legacyResourceId: product.legacyResourceId,
		title: product.title,
		handle: product.handle,
		status: product.status,
		vendor: product.vendor,
		productType: product.productType,
		tags: product.tags,
		onlineStoreUrl: product.onlineStoreUrl ?? null,
		updatedAt: product.updatedAt,
		variants: product.variants.nodes.map((variant) => ({
			id: variant.id,
			title: variant.title,
			sku: variant.sku ?? null,
			price: variant.price,
		})),
		metafields: Object.fromEntries(
			product.metafields.nodes.map((metafield) => [
				`${metafield.namespace}.${metafield.key}`,
				metafield.value,
			]),
		),
	};
}

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplifyOutput = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const productId = await resolveLocator(this, client, itemIndex, 'product', 'Product', 'Product');
	const { product } = await client.query<{ product: ProductNode | null }>({
		query: PRODUCT_GET,
		variables: { id: productId },
	});
	if (!product) throw notFound('Product', productId, 'Product');

	return [{ json: simplifyOutput ? simplify(product) : flatten(product) }];
}
