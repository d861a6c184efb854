/**
 * The search index: text extraction from document content, the regions each item offers,
 * and the per-item search documents that the LQL evaluator reads.
 */
import { open, readFile } from 'node:fs/promises';

import { formatIndexDate, isTextLike } from './format';
import type { RegionValue, SearchDocument } from './lql';
import { tokenizeText } from './lql';
import type { CategoryDefinition, NodeRecord, Scalar, VersionRecord } from './model';
import { isSet, SUBTYPE } from './model';
import { extractPdfText } from './pdfText';
import type { Store } from './store';

/** Text kept per version for matching and summaries, in characters. */
const MAX_INDEXED_CHARACTERS = 2_000_000;

/** Reads the searchable text of a version's file, if its type is text-like and it is small enough. */
export async function indexVersionText(store: Store, version: VersionRecord): Promise<void> {
	version.text = undefined;
	if (!isTextLike(version.mimeType) || version.size > store.settings.searchTextMaxBytes) return;
	try {
		if (version.mimeType === 'application/pdf') {
			version.text = extractPdfText(await readFile(version.path)).slice(0, MAX_INDEXED_CHARACTERS);
			return;
		}
		const handle = await open(version.path, 'r');
		try {
			const buffer = Buffer.alloc(Math.min(version.size, MAX_INDEXED_CHARACTERS));
			const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
			version.text = buffer.subarray(0, bytesRead).toString('utf8');
		} finally {
			await handle.close();
		}
	} catch {
		// An unreadable or malformed file is simply not full-text searchable, as on a real index.
		version.text = undefined;
	}
}

export interface RegionInfo {
	name: string;
	displayName: string;
	kind: RegionValue['kind'];
	sortable: boolean;
}

/** Built-in regions, in the order `GET /api/v1/regions` lists them. */
export const SYSTEM_REGIONS: RegionInfo[] = [
	{ name: 'OTName', displayName: 'Name', kind: 'text', sortable: true },
	{ name: 'OTDescription', displayName: 'Description', kind: 'text', sortable: false },
	{ name: 'OTSubType', displayName: 'Subtype', kind: 'number', sortable: true },
	{ name: 'OTDataID', displayName: 'Object ID', kind: 'number', sortable: true },
	{ name: 'OTParentID', displayName: 'Parent ID', kind: 'number', sortable: true },
	{ name: 'OTLocation', displayName: 'Location', kind: 'path', sortable: false },
	{ name: 'OTCreateDate', displayName: 'Created', kind: 'date', sortable: true },
	{ name: 'OTModifyDate', displayName: 'Modified', kind: 'date', sortable: true },
	{ name: 'OTObjectDate', displayName: 'Object Date', kind: 'date', sortable: true },
	{ name: 'OTObjectSize', displayName: 'Size', kind: 'number', sortable: true },
	{ name: 'OTMIMEType', displayName: 'MIME Type', kind: 'text', sortable: true },
	{ name: 'OTFileName', displayName: 'File Name', kind: 'text', sortable: true },
	{ name: 'OTCreatedBy', displayName: 'Created By', kind: 'number', sortable: true },
	{ name: 'OTOwnerID', displayName: 'Owned By', kind: 'number', sortable: true },
];

/** `Attr_{category}_{attribute}` regions of every attribute of every category, also inside sets. */
export function attributeRegions(store: Store): RegionInfo[] {
	const regions: RegionInfo[] = [];
	for (const category of store.categories.values()) {
		for (const item of category.items) {
			const attributes = isSet(item) ? item.attributes : [item];
			for (const attribute of attributes) {
				const kind: RegionValue['kind'] =
					attribute.kind === 'date'
						? 'date'
						: attribute.kind === 'integer' || attribute.kind === 'real' || attribute.kind === 'user'
							? 'number'
							: 'text';
				regions.push({
					name: `Attr_${category.id}_${attribute.id}`,
					displayName: `${category.name}: ${isSet(item) ? `${item.name}: ` : ''}${attribute.name}`,
					kind,
					sortable: !attribute.multiValue && !isSet(item),
				});
			}
		}
	}
	return regions;
}

export function isKnownRegion(store: Store, name: string): boolean {
	const lower = name.toLowerCase();
	if (SYSTEM_REGIONS.some((region) => region.name.toLowerCase() === lower)) return true;
	const match = /^attr_(\d+)_(\d+)$/.exec(lower);
	if (!match) return false;
	const category = store.categories.get(Number(match[1]));
	if (!category) return false;
	const id = Number(match[2]);
	return category.items.some((item) =>
		isSet(item) ? item.attributes.some((attribute) => attribute.id === id) : item.id === id,
	);
}

function textValue(raw: string): RegionValue {
	return { kind: 'text', tokens: tokenizeText(raw), raw: raw.toLowerCase() };
}

function scalarRegionValue(value: Scalar, kind: string): RegionValue {
	if (kind === 'date') return { kind: 'date', value: String(value).replace(/-/g, '') };
	if (kind === 'integer' || kind === 'real' || kind === 'user')
		return { kind: 'number', value: Number(value) };
	return textValue(String(value));
}

function categoryRegions(
	category: CategoryDefinition,
	node: NodeRecord,
	regions: Map<string, RegionValue[]>,
	metadataText: string[],
): void {
	const values = node.categories.get(category.id);
	if (!values) return;
	const add = (attributeId: number, kind: string, list: Scalar[]) => {
		const key = `attr_${category.id}_${attributeId}`;
		const entries = regions.get(key) ?? [];
		for (const value of list) {
			entries.push(scalarRegionValue(value, kind));
			metadataText.push(String(value));
		}
		regions.set(key, entries);
	};
	for (const item of category.items) {
		if (isSet(item)) {
			for (const row of values.sets.get(item.id) ?? []) {
				for (const attribute of item.attributes)
					add(attribute.id, attribute.kind, row.get(attribute.id) ?? []);
			}
		} else {
			add(item.id, item.kind, values.attributes.get(item.id) ?? []);
		}
	}
}

const documentCache = new WeakMap<NodeRecord, { stamp: string; document: SearchDocument }>();

/** Builds (or reuses) the search document of an item. */
export function searchDocument(store: Store, node: NodeRecord): SearchDocument {
	const latest = store.latestVersion(node);
	const stamp = `${node.revision}:${node.versions.length}:${latest?.text?.length ?? -1}`;
	const cached = documentCache.get(node);
	if (cached && cached.stamp === stamp) return cached.document;

	const regions = new Map<string, RegionValue[]>();
	const set = (name: string, value: RegionValue) => regions.set(name.toLowerCase(), [value]);
	const path = store.ancestors(node).map((item) => item.id);

	set('OTName', textValue(node.name));
	set('OTDescription', textValue(node.description));
	set('OTSubType', { kind: 'number', value: node.type });
	set('OTDataID', { kind: 'number', value: node.id });
	set('OTParentID', { kind: 'number', value: node.parentId });
	set('OTLocation', { kind: 'path', ids: path });
	set('OTCreateDate', { kind: 'date', value: formatIndexDate(node.createDate) });
	set('OTObjectDate', { kind: 'date', value: formatIndexDate(node.createDate) });
	set('OTModifyDate', { kind: 'date', value: formatIndexDate(node.modifyDate) });
	set('OTObjectSize', { kind: 'number', value: latest?.size ?? 0 });
	set('OTCreatedBy', { kind: 'number', value: node.createUserId });
	set('OTOwnerID', { kind: 'number', value: node.ownerUserId });
	if (latest) {
		set('OTMIMEType', textValue(latest.mimeType));
		set('OTFileName', textValue(latest.fileName));
	}

	const metadataText: string[] = [];
	for (const categoryId of node.categories.keys()) {
		const category = store.categories.get(categoryId);
		if (category) categoryRegions(category, node, regions, metadataText);
	}

	const document: SearchDocument = {
		metadata: [
			tokenizeText(node.name),
			tokenizeText(node.description),
			...metadataText.map(tokenizeText),
		],
		content: latest?.text ? [tokenizeText(latest.text)] : [],
		regions,
	};
	documentCache.set(node, { stamp, document });
	return document;
}

/** Checks whether an item is in the part of the repository that search covers. */
export function isSearchable(node: NodeRecord, now: number): boolean {
	if (node.indexedAt > now) return false;
	if (node.type === SUBTYPE.enterpriseWorkspace || node.type === SUBTYPE.personalWorkspace)
		return false;
	return node.volumeId === 2000 || node.volumeId === 2004;
}
