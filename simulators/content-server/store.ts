/**
 * All state of one simulator run: nodes and their versions, categories, users, business
 * workspaces, tickets, upload sessions and the request log. Files live in a private data
 * folder that `close()` removes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { ApiError, errors } from './errors';
import type {
	CategoryDefinition,
	NodeRecord,
	UploadSession,
	UserRecord,
	VersionRecord,
	WorkspaceRelation,
	WorkspaceTypeRecord,
} from './model';
import { CONTAINER_TYPES } from './model';
import type { ContentServerSettings } from './settings';
import { defaultSettings } from './settings';

export interface TicketRecord {
	sessionId: string;
	userId: number;
	issuedAt: number;
	lastUsed: number;
}

export interface RequestLogEntry {
	time: string;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	status: number;
	durationMs: number;
	ticketSent: boolean;
	fault: string | null;
}

export interface ExternalSystem {
	id: string;
	name: string;
	boTypes: Array<{ id: number; boType: string; name: string }>;
}

/** First ID given to items created at run time; seed items use lower, fixed IDs. */
const FIRST_RUNTIME_ID = 10001;

export class Store {
	settings: ContentServerSettings;
	readonly dataDir: string;
	readonly contentDir: string;
	readonly incomingDir: string;
	readonly multipartDir: string;

	nodes = new Map<number, NodeRecord>();
	categories = new Map<number, CategoryDefinition>();
	users = new Map<number, UserRecord>();
	externalSystems = new Map<string, ExternalSystem>();
	workspaceTypes = new Map<number, WorkspaceTypeRecord>();
	relations: WorkspaceRelation[] = [];
	tickets = new Map<string, TicketRecord>();
	/** Sessions ended by `DELETE /api/v1/auth`; their tickets stop working. */
	endedSessions = new Set<string>();
	/** Access tokens minted by `/otdsws/oauth2/token`. */
	otdsTokens = new Map<string, { userId: number; expiresAt: number }>();
	/** OTDS tickets minted by `/otdsws/v1/authentication/credentials`. */
	otdsTickets = new Map<string, { userId: number; expiresAt: number }>();
	uploads = new Map<string, UploadSession>();
	/** Recently opened or created workspaces per user, newest first. */
	recentWorkspaces = new Map<number, number[]>();
	requestLog: RequestLogEntry[] = [];

	private nextNodeId = FIRST_RUNTIME_ID;
	private nextVersionId = 1;
	private nextFileId = 1;
	private lastTicketSweep = 0;

	constructor(parentDataDir?: string) {
		this.settings = defaultSettings();
		const base = parentDataDir ?? tmpdir();
		mkdirSync(base, { recursive: true });
		this.dataDir = mkdtempSync(path.join(base, 'content-server-sim-'));
		this.contentDir = path.join(this.dataDir, 'content');
		this.incomingDir = path.join(this.dataDir, 'incoming');
		this.multipartDir = path.join(this.dataDir, 'multipart');
		this.makeFolders();
	}

	private makeFolders(): void {
		for (const folder of [this.contentDir, this.incomingDir, this.multipartDir]) {
			mkdirSync(folder, { recursive: true });
		}
	}

	/** Drops all state and files; the caller seeds again. Settings are kept. */
	clear(): void {
		this.nodes.clear();
		this.categories.clear();
		this.users.clear();
		this.externalSystems.clear();
		this.workspaceTypes.clear();
		this.relations = [];
		this.tickets.clear();
		this.endedSessions.clear();
		this.otdsTokens.clear();
		this.otdsTickets.clear();
		this.uploads.clear();
		this.recentWorkspaces.clear();
		this.requestLog = [];
		this.nextNodeId = FIRST_RUNTIME_ID;
		this.nextVersionId = 1;
		this.nextFileId = 1;
		for (const folder of [this.contentDir, this.incomingDir, this.multipartDir]) {
			rmSync(folder, { recursive: true, force: true });
		}
		this.makeFolders();
	}

	removeDataDir(): void {
		rmSync(this.dataDir, { recursive: true, force: true });
	}

	// Files.

	/** Returns a new, unused path in the content folder. */
	newContentPath(): string {
		return path.join(this.contentDir, `${this.nextFileId++}.bin`);
	}

	/** Returns a new, unused path for an incoming upload. */
	newIncomingPath(): string {
		return path.join(this.incomingDir, `${Date.now()}-${randomBytes(6).toString('hex')}.part`);
	}

	// Nodes.

	allocateNodeId(): number {
		return this.nextNodeId++;
	}

	allocateVersionId(): number {
		return this.nextVersionId++;
	}

	getNode(id: number): NodeRecord | undefined {
		return this.nodes.get(id);
	}

	/** Returns the node or throws the error that the route documents for a missing node. */
	requireNode(id: number, notFound: () => Error = () => errors.itemNotAccessible()): NodeRecord {
		const node = Number.isSafeInteger(id) ? this.nodes.get(id) : undefined;
		if (!node) throw notFound();
		return node;
	}

	isContainer(node: NodeRecord): boolean {
		return CONTAINER_TYPES.has(node.type);
	}

	children(node: NodeRecord): NodeRecord[] {
		return node.children
			.map((id) => this.nodes.get(id))
			.filter((child): child is NodeRecord => child !== undefined);
	}

	/** Returns the ancestors from the volume down to the node itself. */
	ancestors(node: NodeRecord): NodeRecord[] {
		const chain: NodeRecord[] = [];
		let current: NodeRecord | undefined = node;
		while (current) {
			chain.unshift(current);
			current = current.parentId > 0 ? this.nodes.get(current.parentId) : undefined;
		}
		return chain;
	}

	isDescendantOf(node: NodeRecord, ancestorId: number): boolean {
		return this.ancestors(node).some((item) => item.id === ancestorId);
	}

	/** Compares names as the database collation does, according to the settings. */
	sameName(left: string, right: string): boolean {
		if (this.settings.nameComparison === 'caseSensitive') return left === right;
		return left.localeCompare(right, undefined, { sensitivity: 'accent' }) === 0;
	}

	findChildByName(parent: NodeRecord, name: string, exceptId?: number): NodeRecord | undefined {
		return this.children(parent).find(
			(child) => child.id !== exceptId && this.sameName(child.name, name),
		);
	}

	/** Adds a new node under its parent; the caller has validated name and parent. */
	insertNode(
		fields: Pick<NodeRecord, 'parentId' | 'type' | 'name'> &
			Partial<Omit<NodeRecord, 'parentId' | 'type' | 'name'>>,
		userId: number,
	): NodeRecord {
		const parent = fields.parentId > 0 ? this.nodes.get(fields.parentId) : undefined;
		const now = new Date();
		const id = fields.id ?? this.allocateNodeId();
		const node: NodeRecord = {
			id,
			parentId: fields.parentId,
			volumeId: fields.volumeId ?? parent?.volumeId ?? id,
			type: fields.type,
			name: fields.name,
			description: fields.description ?? '',
			createDate: fields.createDate ?? now,
			modifyDate: fields.modifyDate ?? fields.createDate ?? now,
			createUserId: userId,
			modifyUserId: userId,
			ownerUserId: userId,
			ownerGroupId: fields.ownerGroupId ?? 1001,
			hidden: fields.hidden ?? false,
			children: [],
			url: fields.url,
			originalId: fields.originalId,
			versions: fields.versions ?? [],
			categories: fields.categories ?? new Map(),
			workspace: fields.workspace,
			indexedAt: 0,
			revision: 0,
		};
		this.nodes.set(id, node);
		if (parent) {
			parent.children.push(id);
			this.touch(parent, userId, false);
		}
		this.markChanged(node);
		return node;
	}

	/** Records a change of the node, which search indexes after the index delay. */
	markChanged(node: NodeRecord): void {
		node.indexedAt = Date.now() + this.settings.searchIndexDelayMs;
		node.revision++;
	}

	touch(node: NodeRecord, userId: number, changed = true): void {
		node.modifyDate = new Date();
		node.modifyUserId = userId;
		if (changed) this.markChanged(node);
	}

	moveNode(node: NodeRecord, newParent: NodeRecord, userId: number): void {
		const oldParent = this.nodes.get(node.parentId);
		if (oldParent) {
			oldParent.children = oldParent.children.filter((id) => id !== node.id);
			this.touch(oldParent, userId, false);
		}
		newParent.children.push(node.id);
		node.parentId = newParent.id;
		const volumeId = newParent.volumeId;
		for (const item of this.subtree(node)) {
			item.volumeId = volumeId;
			this.markChanged(item);
		}
		this.touch(newParent, userId, false);
	}

	/** Returns the node and everything below it, parents before children. */
	subtree(node: NodeRecord): NodeRecord[] {
		const result: NodeRecord[] = [];
		const stack = [node];
		while (stack.length > 0) {
			const current = stack.shift() as NodeRecord;
			result.push(current);
			stack.push(...this.children(current));
		}
		return result;
	}

	/**
	 * Removes the node and everything below it, with workspace relations, and returns the
	 * content files that no remaining version uses (copies share files).
	 */
	deleteNode(node: NodeRecord, userId: number): string[] {
		const removedNodes = this.subtree(node);
		const removed = new Set(removedNodes.map((item) => item.id));
		const parent = this.nodes.get(node.parentId);
		if (parent) {
			parent.children = parent.children.filter((id) => id !== node.id);
			this.touch(parent, userId, false);
		}
		for (const id of removed) this.nodes.delete(id);
		this.relations = this.relations.filter(
			(relation) => !removed.has(relation.parentId) && !removed.has(relation.childId),
		);
		for (const [user, list] of this.recentWorkspaces) {
			this.recentWorkspaces.set(
				user,
				list.filter((id) => !removed.has(id)),
			);
		}
		const files = new Set(
			removedNodes.flatMap((item) => item.versions.map((version) => version.path)),
		);
		for (const item of this.nodes.values()) {
			for (const version of item.versions) files.delete(version.path);
		}
		return [...files];
	}

	latestVersion(node: NodeRecord): VersionRecord | undefined {
		return node.versions[node.versions.length - 1];
	}

	noteWorkspaceAccess(userId: number, workspaceId: number): void {
		const list = (this.recentWorkspaces.get(userId) ?? []).filter((id) => id !== workspaceId);
		list.unshift(workspaceId);
		this.recentWorkspaces.set(userId, list.slice(0, 50));
	}

	/** Finds the workspace connected to a business object, if any. */
	findWorkspaceByReference(
		extSystemId: string,
		boType: string,
		boId: string,
	): NodeRecord | undefined {
		for (const node of this.nodes.values()) {
			if (
				node.workspace?.references.some(
					(reference) =>
						reference.extSystemId.toLowerCase() === extSystemId.toLowerCase() &&
						reference.boType.toLowerCase() === boType.toLowerCase() &&
						reference.boId === boId,
				)
			) {
				return node;
			}
		}
		return undefined;
	}

	// Users.

	findUserByLogin(name: string): UserRecord | undefined {
		const wanted = name.toLowerCase();
		for (const user of this.users.values()) {
			if (user.type !== 1 && user.name.toLowerCase() === wanted) return user;
		}
		return undefined;
	}

	// Tickets.

	/** Mints a ticket for a session; a new session is opened when none is given. */
	issueTicket(userId: number, sessionId?: string): string {
		const ticket = randomBytes(48).toString('base64');
		const now = Date.now();
		this.tickets.set(ticket, {
			sessionId: sessionId ?? randomBytes(12).toString('hex'),
			userId,
			issuedAt: now,
			lastUsed: now,
		});
		this.sweepTickets(now);
		return ticket;
	}

	/** Returns the ticket's record if the ticket is valid now, and records its use. */
	useTicket(ticket: string): TicketRecord | undefined {
		const record = this.tickets.get(ticket);
		if (!record) return undefined;
		const now = Date.now();
		if (this.ticketExpired(record, now) || this.endedSessions.has(record.sessionId)) {
			this.tickets.delete(ticket);
			return undefined;
		}
		record.lastUsed = now;
		return record;
	}

	private ticketExpired(record: TicketRecord, now: number): boolean {
		const start = this.settings.ticketSliding ? record.lastUsed : record.issuedAt;
		return now - start > this.settings.ticketIdleSeconds * 1000;
	}

	/** Drops expired tickets at most once a minute, so the ticket map does not grow without bound. */
	private sweepTickets(now: number): void {
		if (now - this.lastTicketSweep < 60_000) return;
		this.lastTicketSweep = now;
		for (const [ticket, record] of this.tickets) {
			if (this.ticketExpired(record, now)) this.tickets.delete(ticket);
		}
	}

	endSession(sessionId: string): void {
		this.endedSessions.add(sessionId);
		for (const [ticket, record] of this.tickets) {
			if (record.sessionId === sessionId) this.tickets.delete(ticket);
		}
	}

	/** Ends every Content Server ticket; OTDS tokens keep their own lifetime. */
	expireAllTickets(): void {
		this.tickets.clear();
	}

	// Request log.

	logRequest(entry: RequestLogEntry): void {
		this.requestLog.push(entry);
		const overflow = this.requestLog.length - this.settings.requestLogLimit;
		if (overflow > 0) this.requestLog.splice(0, overflow);
	}
}

/** IDs of the volumes that hold the seed's category objects and workspace templates. */
export const CONFIGURATION_VOLUMES = new Set([2006, 2008]);

/**
 * Returns the parent for a new item, or throws when it cannot take one: it is not a
 * container, or it belongs to the category or template configuration, which the simulator
 * keeps read-only.
 */
export function requireParentFor(store: Store, parentId: number): NodeRecord {
	const parent = store.requireNode(parentId, () => errors.itemNotAccessible(400));
	if (!CONTAINER_TYPES.has(parent.type)) throw errors.notAContainer(parent.name);
	if (CONFIGURATION_VOLUMES.has(parent.volumeId)) {
		const volume = store.getNode(parent.volumeId);
		throw new ApiError(
			400,
			`The simulator keeps '${volume?.name ?? parent.name}' read-only, because its categories and templates are part of the seed. Create the item in the Enterprise Workspace instead.`,
		);
	}
	return parent;
}
