import type { IDataObject } from 'n8n-workflow';

import type { ContentServerContext } from './context';
import { InputError } from './inputError';
import type { NodeProperties } from './nodes';
import { childNamesContaining, createNode, findChildByName } from './nodes';
import { makeUniqueName } from './path';

export type CreateOutcome = 'created' | 'skipped';

/**
 * Creates a node (shortcut, URL, folder) in `fields.parent_id`, applying the name-clash
 * policy first: `fail` raises, `skip` returns the existing item, `uniqueName` adds a number.
 */
export async function createWithNamePolicy(
	context: ContentServerContext,
	fields: IDataObject & { type: number; parent_id: number; name: string },
	policy: string,
	nameParameter: string,
): Promise<{ node: NodeProperties; outcome: CreateOutcome }> {
	const existing = await findChildByName(context, fields.parent_id, fields.name);
	if (existing) {
		if (policy === 'skip') return { node: existing, outcome: 'skipped' };
		if (policy !== 'uniqueName') {
			throw new InputError(
				`The folder already contains an item named "${fields.name}" (ID ${existing.id})`,
				`Use another ${nameParameter}, or change "If Name Exists" to skip or add with a unique name.`,
				nameParameter,
			);
		}
		const taken = await childNamesContaining(context, fields.parent_id, fields.name);
		taken.add(existing.name);
		fields = { ...fields, name: makeUniqueName(fields.name, taken) };
	}
	return { node: await createNode(context, fields), outcome: 'created' };
}
