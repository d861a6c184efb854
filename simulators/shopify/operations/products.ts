/** productUpdate with `ProductUpdateInput`: product fields and inline metafields. */
import { nowIso } from '../format';
import { formatGid, parseGid } from '../gid';
import type { ProductRecord } from '../model';
import type { ShopifyStore } from '../store';
import { metafieldsSet, type MetafieldsSetInput } from './metafields';
import { failed, type OperationResult, type PendingEmit } from './result';

export interface ProductUpdateInput {
	id?: string | null;
	title?: string | null;
	handle?: string | null;
	descriptionHtml?: string | null;
	vendor?: string | null;
	productType?: string | null;
	tags?: string[] | null;
	status?: ProductRecord['status'] | null;
	metafields?: Array<{
		id?: string | null;
		namespace?: string | null;
		key?: string | null;
		value?: string | null;
		type?: string | null;
	}> | null;
}

export function productUpdate(
	store: ShopifyStore,
	input: ProductUpdateInput | null | undefined,
): OperationResult<ProductRecord> {
	const gid = input?.id ? parseGid(input.id) : null;
	const product = gid?.type === 'Product' ? store.products.get(gid.id) : undefined;
	if (!input?.id) {
		return failed([
			{
				field: ['id'],
				message: 'Product id is missing; pass product: { id: "gid://shopify/Product/…" }.',
			},
		]);
	}
	if (!product) return failed([{ field: ['id'], message: 'Product does not exist' }]);
	if (input.title !== undefined && (input.title === null || input.title.trim() === '')) {
		return failed([{ field: ['title'], message: "Title can't be blank" }]);
	}
	if (input.handle) {
		const handleTaken = [...store.products.values()].some(
			(entry) => entry.id !== product.id && entry.handle === input.handle,
		);
		if (handleTaken) {
			return failed([
				{
					field: ['handle'],
					message: `Handle '${input.handle}' already in use. Please provide a new handle.`,
				},
			]);
		}
	}

	// Metafields given inline go through metafieldsSet's checks, so both paths agree.
	let metafieldEmits: PendingEmit[] = [];
	if (input.metafields && input.metafields.length > 0) {
		const converted: MetafieldsSetInput[] = [];
		for (const [index, entry] of input.metafields.entries()) {
			let namespace = entry.namespace ?? null;
			let key = entry.key ?? null;
			if (entry.id) {
				const id = parseGid(entry.id)?.id;
				const existing = product.metafields.find((field) => field.id === id);
				if (!existing) {
					return failed([
						{
							field: ['metafields', String(index), 'id'],
							message: `Metafield ${entry.id} does not exist on this product.`,
						},
					]);
				}
				namespace = existing.namespace;
				key = existing.key;
			}
			if (!key || entry.value === undefined || entry.value === null) {
				return failed([
					{
						field: ['metafields', String(index)],
						message: 'A metafield needs a key and a value (or an id and a value).',
					},
				]);
			}
			converted.push({
				ownerId: formatGid('Product', product.id),
				namespace,
				key,
				value: entry.value,
				type: entry.type,
			});
		}
		const result = metafieldsSet(store, converted);
		if (result.userErrors.length > 0) {
			return failed(
				result.userErrors.map((error) => ({
					field: error.field ? ['metafields', ...error.field.slice(1)] : null,
					message: error.message,
				})),
			);
		}
		metafieldEmits = result.emits;
	}

	if (input.title) product.title = input.title;
	if (input.handle) product.handle = input.handle;
	if (input.descriptionHtml !== undefined && input.descriptionHtml !== null) {
		product.descriptionHtml = input.descriptionHtml;
	}
	if (input.vendor !== undefined && input.vendor !== null) product.vendor = input.vendor;
	if (input.productType !== undefined && input.productType !== null)
		product.productType = input.productType;
	if (input.tags) product.tags = [...input.tags];
	if (input.status) product.status = input.status;
	product.updatedAt = nowIso();
	const emits = new Map<string, PendingEmit>([
		[
			`products/update|${product.id}`,
			{ topic: 'products/update', resource: 'product', id: product.id },
		],
	]);
	for (const emit of metafieldEmits) emits.set(`${emit.topic}|${emit.id}`, emit);
	return { value: product, userErrors: [], emits: [...emits.values()] };
}
