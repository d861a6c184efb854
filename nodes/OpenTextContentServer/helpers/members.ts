import type { IDataObject } from 'n8n-workflow';

import { readResults } from '../transport/paging';
import type { ContentServerContext } from './context';
import { InputError } from './inputError';

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
		const body = await context.session.request({
			method: 'GET',
			path: '/api/v2/members',
			qs: { where_type: 0, query: text, limit: 100 },
		});
		const members = readMembers(body);
		const match =
			members.find((member) => member.name === text) ??
			members.find((member) => member.name.toLowerCase() === text.toLowerCase());
		if (!match) {
			throw new InputError(
				`No Content Server user has the login name "${text}"`,
				'Enter an existing login name or the numeric user ID.',
			);
		}
		return match.id;
	});
}
