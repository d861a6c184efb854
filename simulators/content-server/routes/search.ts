/** Search (`POST /api/v2/search`, also the deprecated GET) and region discovery (`GET /api/v1/regions`). */
import { errors } from '../errors';
import { formatDateLocal, formatIndexDate } from '../format';
import { readPaging } from '../http/params';
import type { Reply, RouteContext, Router } from '../http/router';
import type { EvaluationOptions, QueryNode, RegionValue } from '../lql';
import { evaluate, parseQuery, score } from '../lql';
import type { NodeRecord } from '../model';
import { nodeProperties, pageOf, pagingBlock } from '../representations/node';
import {
	attributeRegions,
	isKnownRegion,
	isSearchable,
	searchDocument,
	SYSTEM_REGIONS,
} from '../searchIndex';
import { v2Body } from './common';

/** Builds the query tree for `lookfor`: LQL, all words, any word, or one exact phrase. */
function buildQuery(context: RouteContext, where: string, lookfor: string): QueryNode {
	const { store } = context;
	if (lookfor === 'complexquery') return parseQuery(where, (name) => isKnownRegion(store, name));
	if (lookfor === 'exactphrase') {
		return { type: 'term', region: null, term: { kind: 'phrase', text: where.replace(/"/g, ' ') } };
	}
	const words = where
		.split(/\s+/)
		.map((word) => word.replace(/"/g, ''))
		.filter((word) => word !== '');
	if (words.length === 0) throw errors.queryMissing();
	return words
		.map((word): QueryNode => ({ type: 'term', region: null, term: { kind: 'word', text: word } }))
		.reduce((left, right) => ({ type: lookfor === 'anywords' ? 'or' : 'and', left, right }));
}

function oneOf<T extends string>(
	value: string | undefined,
	allowed: readonly T[],
	name: string,
	fallback: T,
): T {
	if (value === undefined) return fallback;
	const lower = value.toLowerCase() as T;
	if (!allowed.includes(lower)) {
		throw errors.invalidParameter(name, value, `Use one of: ${allowed.join(', ')}.`);
	}
	return lower;
}

function regionText(value: RegionValue | undefined): string | number | undefined {
	if (!value) return undefined;
	switch (value.kind) {
		case 'text':
			return value.raw;
		case 'number':
			return value.value;
		case 'date':
			return value.value;
		case 'path':
			return value.ids.join(' ');
	}
}

function selectedRegions(raw: unknown): string[] {
	if (raw === undefined || raw === null) return [];
	const text = Array.isArray(raw) ? raw.join(',') : String(raw);
	return text.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? [];
}

function search(context: RouteContext): Reply {
	const { store, form } = context;
	const where = form.string('where', { trim: false });
	if (where === undefined || where.trim() === '') throw errors.queryMissing();
	const lookfor = oneOf(
		form.string('lookfor'),
		['complexquery', 'allwords', 'anywords', 'exactphrase'] as const,
		'lookfor',
		'complexquery',
	);
	const within = oneOf(
		form.string('within'),
		['all', 'content', 'metadata'] as const,
		'within',
		'all',
	);
	const modifier = form.string('modifier')?.toLowerCase();
	const options: EvaluationOptions = {
		within,
		modifier: modifier === 'wordbeginswith' || modifier === 'wordendswith' ? modifier : undefined,
	};
	const query = buildQuery(context, where, lookfor);

	const locations = form
		.keys()
		.filter((key) => /^location_id\d+$/.test(key))
		.map((key) => form.int(key) as number)
		.filter((id) => Number.isInteger(id));

	const now = Date.now();
	const hits: Array<{ node: NodeRecord; score: number }> = [];
	for (const node of store.nodes.values()) {
		if (!isSearchable(node, now)) continue;
		if (locations.length > 0 && !locations.some((id) => store.isDescendantOf(node, id))) continue;
		const document = searchDocument(store, node);
		if (!evaluate(query, document, options)) continue;
		hits.push({ node, score: score(query, document, options) });
	}

	const sortParam = form.string('sort') ?? 'relevance';
	const sortMatch = /^(asc|desc)_(.+)$/i.exec(sortParam);
	if (sortMatch) {
		const direction = sortMatch[1].toLowerCase() === 'desc' ? -1 : 1;
		const region = sortMatch[2].toLowerCase();
		const keyOf = (node: NodeRecord) =>
			regionText(searchDocument(store, node).regions.get(region)?.[0]) ?? '';
		hits.sort((left, right) => {
			const a = keyOf(left.node);
			const b = keyOf(right.node);
			if (a < b) return -direction;
			if (a > b) return direction;
			return left.node.id - right.node.id;
		});
	} else {
		hits.sort(
			(left, right) =>
				right.score - left.score ||
				right.node.modifyDate.getTime() - left.node.modifyDate.getTime() ||
				left.node.id - right.node.id,
		);
	}

	const { page, limit } = readPaging(
		form,
		store.settings.searchDefaultPageSize,
		store.settings.maxPageSize,
	);
	const pageHits = pageOf(hits, page, limit);
	const select = selectedRegions(form.get('select'));
	const regionsOrder = [
		'OTName',
		'OTObjectDate',
		'OTLocation',
		...select.filter((name) => !['OTName', 'OTObjectDate', 'OTLocation'].includes(name)),
	];
	const paging = pagingBlock({ page, limit, total: hits.length, href: context.href });
	const sortLabel = sortMatch ? sortParam : 'Relevance';
	paging.result_header_string =
		hits.length === 0
			? 'No results'
			: `Results ${paging.range_min} to ${paging.range_max} of ${hits.length} sorted by ${sortLabel}`;

	return {
		json: v2Body(context, {
			collection: {
				paging,
				searching: {
					cache_id: Math.floor(now / 1000) % 1_000_000_000,
					result_title: 'Search Results',
					regions_order: regionsOrder,
					regions_metadata: Object.fromEntries(regionsOrder.map((name) => [name, {}])),
					facets: {},
				},
				sorting: { sort: [sortMatch ? sortParam : 'relevance'], links: {} },
			},
			results: pageHits.map(({ node }) => searchResult(context, node, regionsOrder)),
		}),
	};
}

function searchResult(
	context: RouteContext,
	node: NodeRecord,
	regionsOrder: string[],
): Record<string, unknown> {
	const { store } = context;
	const latest = store.latestVersion(node);
	const document = searchDocument(store, node);
	const summarySource = (latest?.text ?? node.description ?? '').replace(/\s+/g, ' ').trim();
	const properties = {
		...nodeProperties(store, node),
		summary: summarySource.slice(0, 300),
		short_summary: summarySource.slice(0, 100),
	};
	const regions: Record<string, unknown> = {};
	for (const name of regionsOrder) {
		const value = regionText(document.regions.get(name.toLowerCase())?.[0]);
		if (name === 'OTName') regions[name] = node.name;
		else if (value !== undefined) regions[name] = value;
	}
	regions.OTObjectDate = formatIndexDate(node.createDate);
	regions.OTObjectDate_formatted = formatDateLocal(node.createDate).slice(0, 10);
	const parent = store.getNode(node.parentId);

	const data: Record<string, unknown> = { properties, regions };
	if (latest) {
		data.versions = {
			version_number: latest.number,
			file_name: latest.fileName,
			file_size: latest.size,
			mime_type: latest.mimeType,
		};
	}
	return {
		data,
		links: { parent: { href: `api/v1/nodes/${node.parentId}`, name: parent?.name ?? '' } },
		search_result_metadata: {
			current_version: true,
			object_href: null,
			object_id: `DataId=${node.id}&Version=${latest?.number ?? 0}`,
			result_type: '264',
			source_id: '2275',
			version_type: null,
		},
	};
}

function listRegions(context: RouteContext): Reply {
	const { store, query } = context;
	const regions = [...SYSTEM_REGIONS, ...attributeRegions(store)].map((region) => ({
		name: region.name,
		display_name: region.displayName,
		queryable: true,
		displayable: true,
		sortable: region.sortable,
		facet: false,
		search_by_default: region.name === 'OTName' || region.name === 'OTDescription',
	}));
	const filters = ['queryable', 'displayable', 'sortable', 'facet', 'search_by_default'] as const;
	const filtered = regions.filter((region) =>
		filters.every((filter) => !query.has(filter) || region[filter] === query.flag(filter)),
	);
	return { json: { data: filtered } };
}

export function registerSearchRoutes(router: Router): void {
	router.post('/api/v2/search', search);
	// GET is deprecated on real servers but still works.
	router.get('/api/v2/search', search);
	router.get('/api/v1/regions', listRegions);
}
