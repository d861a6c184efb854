/** Users and groups: `GET /api/v2/members` (search) and a single member in v1 and v2. */
import { ApiError } from '../errors';
import { readPaging } from '../http/params';
import type { Reply, RouteContext, Router } from '../http/router';
import type { UserRecord } from '../model';
import { pageOf, pagingBlock } from '../representations/node';
import { memberProperties, v2Body } from './common';

function searchMembers(context: RouteContext): Reply {
	const { store, query } = context;
	const type = query.int('where_type');
	let members = [...store.users.values()].filter((user) =>
		type === undefined
			? true
			: type === 0
				? user.type === 0 || user.type === 17
				: user.type === type,
	);

	const contains = (value: string, needle: string) =>
		value.toLowerCase().includes(needle.toLowerCase());
	const text = query.string('query');
	if (text !== undefined) {
		// `query` looks for the text inside login name, first and last name, e-mail and group name.
		members = members.filter((user) =>
			[user.name, user.firstName, user.lastName, user.email].some((value) => contains(value, text)),
		);
	}
	const filters: Array<[string, (user: UserRecord) => string]> = [
		['where_name', (user) => user.name],
		['where_first_name', (user) => user.firstName],
		['where_last_name', (user) => user.lastName],
		['where_business_email', (user) => user.email],
	];
	for (const [name, read] of filters) {
		const value = query.string(name);
		if (value !== undefined)
			members = members.filter((user) => read(user).toLowerCase().startsWith(value.toLowerCase()));
	}

	const sort = (query.string('sort') ?? 'asc_id').toLowerCase();
	const descending = sort.startsWith('desc_');
	const column = sort.replace(/^(asc_|desc_)/, '');
	members.sort((left, right) => {
		const a = column === 'name' ? left.name.toLowerCase() : left.id;
		const b = column === 'name' ? right.name.toLowerCase() : right.id;
		let order = 0;
		if (a < b) order = -1;
		if (a > b) order = 1;
		return descending ? -order : order;
	});

	// Content Server caps member pages at 20 and uses 10 by default.
	const { page, limit } = readPaging(query, 10, store.settings.membersMaxPageSize);
	return {
		json: v2Body(context, {
			collection: {
				paging: pagingBlock({ page, limit, total: members.length, href: context.href }),
				sorting: { sort: [{ key: 'sort', value: `${descending ? 'desc' : 'asc'}_${column}` }] },
			},
			results: pageOf(members, page, limit).map((user) => ({
				data: { properties: memberProperties(user) },
			})),
		}),
	};
}

function requireMember(context: RouteContext): UserRecord {
	const raw = context.path.id;
	const user = /^\d+$/.test(raw) ? context.store.users.get(Number(raw)) : undefined;
	if (!user)
		throw new ApiError(
			400,
			`Member ${raw} does not exist. Search members with GET /api/v2/members?query=...`,
		);
	return user;
}

export function registerMemberRoutes(router: Router): void {
	router.get('/api/v2/members', searchMembers);
	router.get('/api/v2/members/:id', (context) => ({
		json: v2Body(context, {
			results: { data: { properties: memberProperties(requireMember(context)) } },
		}),
	}));
	router.get('/api/v1/members/:id', (context) => ({
		json: { data: memberProperties(requireMember(context)) },
	}));
}
