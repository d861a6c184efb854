import { ContentServerRestClient, type NodeProperties } from './content-server-rest';

/**
 * The report the demo prints after its story: the Content Server items that appeared below the
 * Shopify folder, with paths, versions and named category values, and the Shopify product
 * metafields that changed. Everything is read back through the two services' public APIs.
 */

const SHOPIFY_FOLDER_PATH = ['Shopify'];
const ENTERPRISE_ID = 2000;
const BUSINESS_WORKSPACE = 848;
const FOLDER = 0;

export interface ContentServerItem {
	id: number;
	/** Path in the Enterprise Workspace, e.g. `Enterprise:Shopify/Orders/2026/#1001/order-1001-invoice.pdf`. */
	path: string;
	type: number;
	typeName: string;
	versions?: number;
	/** Category values by category name, then attribute name. */
	categories: Record<string, Record<string, unknown>>;
	/** Names of related business workspaces, for a workspace. */
	related?: string[];
}

export interface Snapshot {
	items: Map<number, ContentServerItem>;
	metafields: Map<string, string>;
}

interface CategoryMetadata {
	name: string;
	persona?: string;
}

async function namedCategories(
	client: ContentServerRestClient,
	id: number,
): Promise<Record<string, Record<string, unknown>>> {
	const { status, body } = await client.call('GET', `/api/v2/nodes/${id}/categories`, {
		query: { metadata: 'true' },
	});
	if (status !== 200) return {};
	const named: Record<string, Record<string, unknown>> = {};
	for (const result of body.results ?? []) {
		const values = (result.data?.categories ?? {}) as Record<string, unknown>;
		const metadata = (result.metadata?.categories ?? {}) as Record<string, CategoryMetadata>;
		const categoryKey = Object.keys(metadata).find((key) => !key.includes('_'));
		const categoryName = categoryKey ? metadata[categoryKey].name : 'Category';
		const attributes: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(values)) {
			if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
			// Set rows come back as `{cat}_{set}_{row}_{attr}`; name them "Set / Attribute [row]".
			const setRow = /^(\d+)_(\d+)_(\d+)_(\d+)$/.exec(key);
			if (setRow) {
				const setName = metadata[`${setRow[1]}_${setRow[2]}`]?.name ?? setRow[2];
				const attributeName =
					metadata[`${setRow[1]}_${setRow[2]}_x_${setRow[4]}`]?.name ??
					metadata[`${setRow[1]}_${setRow[4]}`]?.name ??
					setRow[4];
				attributes[`${setName} / ${attributeName} [${setRow[3]}]`] = value;
				continue;
			}
			if (metadata[key]?.persona === 'set') continue;
			attributes[metadata[key]?.name ?? key] = value;
		}
		named[categoryName] = attributes;
	}
	return named;
}

async function walk(
	client: ContentServerRestClient,
	node: NodeProperties,
	path: string,
	items: Map<number, ContentServerItem>,
	known: Map<number, ContentServerItem> | undefined,
): Promise<void> {
	for (const child of await client.children(node.id)) {
		const childPath = `${path}/${child.name}`;
		const previous = known?.get(child.id);
		const isContainer = child.type === FOLDER || child.type === BUSINESS_WORKSPACE;
		const item: ContentServerItem = previous
			? { ...previous }
			: {
					id: child.id,
					path: childPath,
					type: child.type,
					typeName: String(child.type_name ?? child.type),
					categories: {},
				};
		// Seed items are read once, for the "before" picture; only new or changed ones are read in depth.
		if (!known || !previous || child.type === 144) {
			item.categories = await namedCategories(client, child.id);
			if (child.type === 144) item.versions = (await client.versions(child.id)).length;
			if (child.type === BUSINESS_WORKSPACE)
				item.related = (await client.relatedWorkspaces(child.id)).map(
					(workspace) => workspace.name,
				);
		}
		items.set(child.id, item);
		if (isContainer) await walk(client, child, childPath, items, known);
	}
}

async function productMetafields(
	graphql: (query: string) => Promise<Record<string, any>>,
): Promise<Map<string, string>> {
	// 20 products with 20 metafields each stay under Shopify's cost limit of 1,000 points per
	// query; the demo shop has three products.
	const data = await graphql(
		'{ products(first: 20) { nodes { handle metafields(first: 20) { nodes { namespace key type value } } } } }',
	);
	const metafields = new Map<string, string>();
	for (const product of data.products?.nodes ?? []) {
		for (const metafield of product.metafields?.nodes ?? []) {
			metafields.set(
				`${product.handle as string} ${metafield.namespace as string}.${metafield.key as string}`,
				String(metafield.value),
			);
		}
	}
	return metafields;
}

/** Reads everything below Enterprise:Shopify and every product metafield. */
export async function takeSnapshot(
	client: ContentServerRestClient,
	graphql: (query: string) => Promise<Record<string, any>>,
	before?: Snapshot,
): Promise<Snapshot> {
	const items = new Map<number, ContentServerItem>();
	const root = await client.resolve(ENTERPRISE_ID, SHOPIFY_FOLDER_PATH);
	if (root) await walk(client, root, 'Enterprise:Shopify', items, before?.items);
	return { items, metafields: await productMetafields(graphql) };
}

export interface SnapshotChanges {
	created: ContentServerItem[];
	/** Documents that existed before and gained versions. */
	versioned: ContentServerItem[];
	metafields: Array<{ name: string; before?: string; after?: string }>;
}

export function compareSnapshots(before: Snapshot, after: Snapshot): SnapshotChanges {
	const created = [...after.items.values()].filter((item) => !before.items.has(item.id));
	const versioned = [...after.items.values()].filter((item) => {
		const previous = before.items.get(item.id);
		return previous?.versions !== undefined && (item.versions ?? 0) > previous.versions;
	});
	const names = new Set([...before.metafields.keys(), ...after.metafields.keys()]);
	const metafields = [...names]
		.filter((name) => before.metafields.get(name) !== after.metafields.get(name))
		.sort()
		.map((name) => ({
			name,
			before: before.metafields.get(name),
			after: after.metafields.get(name),
		}));
	return { created: created.sort((a, b) => a.path.localeCompare(b.path)), versioned, metafields };
}

function formatValue(value: unknown): string {
	if (Array.isArray(value)) return value.map(formatValue).join(', ');
	if (typeof value === 'string') return value.replace(/T00:00:00$/, '');
	return JSON.stringify(value);
}

/** Formats an item as one line, with its category values and relations indented below it. */
export function describeItem(item: ContentServerItem, indent = '    '): string[] {
	let kind = 'document';
	if (item.type === BUSINESS_WORKSPACE) kind = 'workspace';
	if (item.type === FOLDER) kind = 'folder';
	const versions = item.versions && item.versions > 1 ? `, ${item.versions} versions` : '';
	const lines = [`${indent}${item.path}  (${kind}${versions})`];
	for (const [category, values] of Object.entries(item.categories)) {
		const pairs = Object.entries(values).map(([name, value]) => `${name}: ${formatValue(value)}`);
		if (pairs.length > 0) lines.push(`${indent}    ${category}: ${pairs.join('; ')}`);
	}
	if (item.related && item.related.length > 0) {
		lines.push(`${indent}    related to: ${item.related.join(', ')}`);
	}
	return lines;
}
