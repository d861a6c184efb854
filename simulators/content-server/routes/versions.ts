/** Versions and content: add, list, get, delete versions; download content streamed from disk. */
import { rm } from 'node:fs/promises';

import { createVersion, findVersionSource, nextVersionNumber } from '../documents';
import { errors } from '../errors';
import { contentDisposition } from '../format';
import { readPaging } from '../http/params';
import type { Reply, RouteContext, Router } from '../http/router';
import type { NodeRecord, VersionRecord } from '../model';
import { SUBTYPE } from '../model';
import {
	nodeProperties,
	pageOf,
	pagingBlock,
	typeName,
	versionProperties,
} from '../representations/node';
import { pathNode, v2Body } from './common';

function requireDocument(node: NodeRecord): NodeRecord {
	if (node.type !== SUBTYPE.document) throw errors.notADocument(node.name, typeName(node.type));
	return node;
}

function findVersion(context: RouteContext, node: NodeRecord): VersionRecord {
	const raw = context.path.version;
	const version = /^\d+$/.test(raw)
		? node.versions.find((item) => item.number === Number(raw))
		: undefined;
	if (!version) throw errors.versionNotFound(node.id, raw);
	return version;
}

function versionReply(context: RouteContext, node: NodeRecord, version: VersionRecord): Reply {
	if (context.version === 1) return { json: { data: versionProperties(node, version, 'local') } };
	return {
		json: v2Body(context, { results: { data: { versions: versionProperties(node, version) } } }),
	};
}

async function addVersion(context: RouteContext): Promise<Reply> {
	const { store, form, user } = context;
	const node = requireDocument(pathNode(context));
	const major = form.strictBoolean('add_major_version', () => errors.versioningNotBoolean());
	const source = findVersionSource(store, context.files, form.string('upload_key'), user.id);
	if (!source) throw errors.missingFile();
	// Without advanced versioning every version is a major version, so the flag changes nothing.
	void major;

	const version = await createVersion(store, source, {
		number: nextVersionNumber(node),
		fallbackName: node.name,
		description: form.string('description', { trim: false }) ?? '',
		userId: user.id,
	});
	node.versions.push(version);
	store.touch(node, user.id);

	if (context.version === 1) return { json: { id: node.id, version_number: version.number } };
	return {
		json: v2Body(context, {
			results: {
				data: {
					properties: nodeProperties(store, node),
					versions: versionProperties(node, version),
				},
			},
		}),
	};
}

function listVersions(context: RouteContext): Reply {
	const { store, query } = context;
	const node = requireDocument(pathNode(context));
	const order = (query.string('order') ?? 'asc').toLowerCase();
	const versions = order === 'desc' ? [...node.versions].reverse() : [...node.versions];

	if (context.version === 1) {
		return {
			json: {
				data: versions.map((version) => versionProperties(node, version, 'local')),
				definitions: {},
				definitions_map: {},
				definitions_order: [],
			},
		};
	}
	const { page, limit } = readPaging(query, store.settings.maxPageSize, store.settings.maxPageSize);
	return {
		json: v2Body(context, {
			collection: {
				paging: pagingBlock({ page, limit, total: versions.length, href: context.href }),
			},
			results: pageOf(versions, page, limit).map((version) => ({
				data: { versions: versionProperties(node, version) },
			})),
		}),
	};
}

async function deleteVersion(context: RouteContext): Promise<Reply> {
	const { store, user } = context;
	const node = requireDocument(pathNode(context));
	const version = findVersion(context, node);
	if (node.versions.length === 1) throw errors.cannotDeleteOnlyVersion(node.name);
	node.versions = node.versions.filter((item) => item !== version);
	store.touch(node, user.id);
	// Copies share files, so the file stays unless no other version uses it.
	const shared = [...store.nodes.values()].some((item) =>
		item.versions.some((other) => other.path === version.path),
	);
	if (!shared) await rm(version.path, { force: true });
	return context.version === 1 ? { json: {} } : { json: v2Body(context, { results: {} }) };
}

function download(context: RouteContext, pick: (node: NodeRecord) => VersionRecord): Reply {
	// The API description lists 500 for content of an unknown or inaccessible node.
	const node = requireDocument(pathNode(context, () => errors.itemNotAccessible(500)));
	const version = pick(node);
	const action = (context.query.string('action') ?? 'download').toLowerCase();
	return {
		file: { path: version.path, size: version.size },
		headers: {
			'Content-Type': version.mimeType,
			'Content-Disposition': contentDisposition(
				action === 'open' ? 'inline' : 'attachment',
				version.fileName,
			),
			'Cache-Control': 'private, no-cache',
		},
	};
}

export function registerVersionRoutes(router: Router): void {
	for (const version of ['v1', 'v2']) {
		router.post(`/api/${version}/nodes/:id/versions`, addVersion);
		router.get(`/api/${version}/nodes/:id/versions`, listVersions);
		router.get(`/api/${version}/nodes/:id/versions/latest`, (context) => {
			const node = requireDocument(pathNode(context));
			return versionReply(context, node, node.versions[node.versions.length - 1]);
		});
		router.get(`/api/${version}/nodes/:id/versions/:version`, (context) => {
			const node = requireDocument(pathNode(context));
			return versionReply(context, node, findVersion(context, node));
		});
		router.delete(`/api/${version}/nodes/:id/versions/:version`, deleteVersion, {
			allowEmpty: true,
		});
		router.get(`/api/${version}/nodes/:id/content`, (context) =>
			download(context, (node) => node.versions[node.versions.length - 1]),
		);
		router.get(`/api/${version}/nodes/:id/versions/:version/content`, (context) =>
			download(context, (node) => findVersion(context, node)),
		);
	}
	router.get('/api/v2/nodes/:id/content/:filename', (context) =>
		download(context, (node) => node.versions[node.versions.length - 1]),
	);
}
