import type { IDataObject } from 'n8n-workflow';

import { readPageTotal, readResults } from '../transport/paging';
import type { ContentServerContext } from './context';
import { InputError } from './inputError';

/** Page size for member searches, kept small because servers cap member pages. */
const MEMBER_PAGE_SIZE = 20;

/** Upper bound on pages searched for one login name. */
const MAX_MEMBER_PAGES = 50;

interface Member {
	id: number;
	name: string;
}

function readMembers(body: IDataObject): Member[] {
	const v2 = readResults(body).map(
		(result) => (result.data as IDataObject | undefined)?.properties,
	);
	const v1 = Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
	return [...v2, ...v1]
		.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null)
		.map((entry) => ({ id: Number(entry.id), name: String(entry.name ?? '') }))
		.filter((member) => Number.isInteger(member.id));
}

/**
 * Returns the numeric ID of a user given by ID or by login name. Category user
 * attributes take IDs only, so login names are looked up with
 * `GET /api/v2/members?where_type=0&query=…` and compared exactly, once per execution.
 * `query` also matches first names, last names and e-mail addresses, so pages are read
 * until the login name itself turns up.
 */
export async function resolveUserId(
	context: ContentServerContext,
	value: unknown,
): Promise<number> {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	const text = String(value ?? '').trim();
	if (/^\d+$/.test(text)) return Number(text);
	if (text === '') {
		throw new InputError('The user is empty', 'Enter a user ID or a login name.');
	}

	return await context.cached(context.users, text.toLowerCase(), async () => {
		const lower = text.toLowerCase();
		let caseInsensitive: Member | undefined;
		for (let page = 1; page <= MAX_MEMBER_PAGES; page++) {
			const body = await context.session.request({
				method: 'GET',
				path: '/api/v2/members',
				qs: { where_type: 0, query: text, page, limit: MEMBER_PAGE_SIZE },
			});
			const members = readMembers(body);
			const exact = members.find((member) => member.name === text);
			if (exact) return exact.id;
			caseInsensitive ??= members.find((member) => member.name.toLowerCase() === lower);

			const pageTotal = readPageTotal(body);
			const lastPage =
				pageTotal !== undefined ? page >= pageTotal : members.length < MEMBER_PAGE_SIZE;
			if (lastPage || members.length === 0) break;
		}
		if (caseInsensitive) return caseInsensitive.id;
		throw new InputError(
			`No Content Server user has the login name "${text}"`,
			'Enter an existing login name or the numeric user ID.',
		);
	});
}
