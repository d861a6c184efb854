/** Helpers shared by the route modules. */
import { errors } from '../errors';
import type { RouteContext } from '../http/router';
import type { NodeRecord, UserRecord } from '../model';
import { selfLinks } from '../representations/node';

/** Builds a v2 response: `links` to the request itself plus the given top-level keys. */
export function v2Body(
	context: RouteContext,
	body: Record<string, unknown>,
): Record<string, unknown> {
	return { links: selfLinks(context.href, context.req.method ?? 'GET'), ...body };
}

/** Reads the node ID from the path; a non-numeric ID is reported like an unknown node. */
export function pathNodeId(context: RouteContext, name = 'id'): number {
	const raw = context.path[name];
	return /^\d+$/.test(raw) ? Number(raw) : NaN;
}

/** Looks up the node in the path with the error the route documents for a missing node. */
export function pathNode(
	context: RouteContext,
	notFound: (id: string) => Error = () => errors.itemNotAccessible(),
	name = 'id',
): NodeRecord {
	const id = pathNodeId(context, name);
	return context.store.requireNode(id, () => notFound(context.path[name]));
}

/** Status of a name clash: 400 in v1, 500 in v2, as the API description lists them. */
export function clashStatus(context: RouteContext): number {
	return context.version === 1 ? 400 : 500;
}

/** Status of "Invalid attribute entry": 400 in v1, 500 in v2. */
export function invalidEntryStatus(context: RouteContext): number {
	return context.version === 1 ? 400 : 500;
}

/** Member properties as `GET /api/v2/members` and `GET /api/v1/auth` show them. */
export function memberProperties(user: UserRecord): Record<string, unknown> {
	const TYPE_NAMES: Record<number, string> = { 0: 'User', 1: 'Group', 17: 'Service User' };
	const typeName = TYPE_NAMES[user.type];
	const formatted = `${user.firstName} ${user.lastName}`.trim() || user.name;
	if (user.type === 1) {
		return {
			id: user.id,
			name: user.name,
			type: 1,
			type_name: typeName,
			deleted: false,
			leader_id: null,
			name_formatted: user.name,
		};
	}
	return {
		id: user.id,
		name: user.name,
		type: user.type,
		type_name: typeName,
		first_name: user.firstName,
		middle_name: null,
		last_name: user.lastName,
		name_formatted: formatted,
		initials: `${user.firstName.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase() || null,
		business_email: user.email || null,
		business_phone: null,
		office_location: null,
		title: user.title || null,
		group_id: user.groupId,
		deleted: false,
		display_language: null,
		time_zone: -1,
		photo_id: 0,
		privilege_login: true,
		privilege_public_access: true,
		privilege_content_manager: false,
		privilege_modify_users: user.name === 'admin',
		privilege_modify_groups: user.name === 'admin',
		privilege_user_admin_rights: user.name === 'admin',
		privilege_grant_discovery: false,
		privilege_system_admin_rights: user.name === 'admin',
	};
}
