/** metafieldsSet and metafieldsDelete: validation, compare-and-set, atomic upsert. */
import { createHash } from 'node:crypto';

import { nowIso } from '../format';
import { parseGid } from '../gid';
import { isKnownMetafieldType, metafieldValueProblem } from '../metafieldTypes';
import type { MetafieldRecord } from '../model';
import { DEMO_APP } from '../settings';
import type { ShopifyStore } from '../store';
import { failed, type OperationResult, type PendingEmit, type UserErrorShape } from './result';

export function compareDigest(metafield: MetafieldRecord): string {
	return createHash('sha256')
		.update(JSON.stringify([metafield.id, metafield.type, metafield.value, metafield.updatedAt]))
		.digest('hex');
}

export interface MetafieldsSetInput {
	ownerId: string;
	namespace?: string | null;
	key: string;
	value: string;
	type?: string | null;
	/** Absent: no check; null: the metafield must not exist yet; string: must match. */
	compareDigest?: string | null;
}

const APP_NAMESPACE = `app--${DEMO_APP.appId}`;
const MAX_METAFIELDS_PER_CALL = 25;

function ownerEmit(ownerType: MetafieldRecord['ownerType'], id: string): PendingEmit {
	if (ownerType === 'PRODUCT') return { topic: 'products/update', resource: 'product', id };
	if (ownerType === 'ORDER') return { topic: 'orders/updated', resource: 'order', id };
	return { topic: 'customers/update', resource: 'customer', id };
}

export function metafieldsSet(
	store: ShopifyStore,
	inputs: MetafieldsSetInput[],
): OperationResult<MetafieldRecord[]> {
	if (inputs.length > MAX_METAFIELDS_PER_CALL) {
		return failed([
			{
				field: ['metafields'],
				message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_CALL}; got ${inputs.length}. Split the call.`,
				code: 'LESS_THAN_OR_EQUAL_TO',
			},
		]);
	}
	const errors: UserErrorShape[] = [];
	const seen = new Set<string>();
	const plan: Array<{
		index: number;
		input: MetafieldsSetInput;
		namespace: string;
		type: string;
		owner: NonNullable<ReturnType<ShopifyStore['metafieldOwner']>>;
		ownerId: string;
		existing: MetafieldRecord | undefined;
	}> = [];

	for (const [index, input] of inputs.entries()) {
		const at = (field: string) => ['metafields', String(index), field];
		const error = (field: string, message: string, code: string) =>
			errors.push({ field: at(field), message, code, elementIndex: index });

		const gid = parseGid(input.ownerId);
		const owner = gid ? store.metafieldOwner(gid.type, gid.id) : null;
		if (!gid || !owner) {
			error(
				'ownerId',
				`Owner ${input.ownerId} does not exist; use the GID of a product, order or customer.`,
				'INVALID',
			);
			continue;
		}
		const namespace = input.namespace ?? APP_NAMESPACE;
		if (namespace.length < 3) {
			error('namespace', 'Namespace is too short (minimum is 3 characters).', 'TOO_SHORT');
			continue;
		}
		if (namespace.length > 255) {
			error('namespace', 'Namespace is too long (maximum is 255 characters).', 'TOO_LONG');
			continue;
		}
		if (input.key.length < 2 || input.key.length > 64) {
			error(
				'key',
				'Key must be 2 to 64 characters long.',
				input.key.length < 2 ? 'TOO_SHORT' : 'TOO_LONG',
			);
			continue;
		}
		if (!/^[A-Za-z0-9_-]+$/.test(input.key) || !/^[A-Za-z0-9_-]+$/.test(namespace)) {
			error(
				/^[A-Za-z0-9_-]+$/.test(input.key) ? 'namespace' : 'key',
				'Namespace and key may contain only letters, digits, hyphens and underscores.',
				'INVALID',
			);
			continue;
		}
		const identity = `${input.ownerId}|${namespace}|${input.key}`;
		if (seen.has(identity)) {
			error(
				'key',
				`Metafield ${namespace}.${input.key} is set twice in this call; set it once.`,
				'TAKEN',
			);
			continue;
		}
		seen.add(identity);

		const existing = owner.record.metafields.find(
			(entry) => entry.namespace === namespace && entry.key === input.key,
		);
		const type = input.type ?? existing?.type;
		if (!type) {
			error('type', `Type can't be blank for new metafield ${namespace}.${input.key}.`, 'BLANK');
			continue;
		}
		if (!isKnownMetafieldType(type)) {
			error(
				'type',
				`Type "${type}" is not a metafield type such as url, list.url, json or single_line_text_field.`,
				'INVALID_TYPE',
			);
			continue;
		}
		if (existing && existing.type !== type) {
			error(
				'type',
				`Type "${type}" does not match the existing metafield's type "${existing.type}"; delete the metafield first to change its type.`,
				'INVALID_TYPE',
			);
			continue;
		}
		const problem = metafieldValueProblem(type, input.value);
		if (problem) {
			error('value', `Value ${problem}.`, 'INVALID_VALUE');
			continue;
		}
		if (input.compareDigest !== undefined) {
			if (input.compareDigest === null && existing) {
				error(
					'compareDigest',
					`Metafield ${namespace}.${input.key} already exists, but compareDigest null requires that it does not; read it again and pass its compareDigest.`,
					'STALE_OBJECT',
				);
				continue;
			}
			if (
				input.compareDigest !== null &&
				(!existing || compareDigest(existing) !== input.compareDigest)
			) {
				error(
					'compareDigest',
					`Metafield ${namespace}.${input.key} has changed since it was read (compareDigest does not match); read it again and retry.`,
					'STALE_OBJECT',
				);
				continue;
			}
		}
		plan.push({ index, input, namespace, type, owner, ownerId: gid.id, existing });
	}
	if (errors.length > 0) return failed(errors);

	const now = nowIso();
	const written: MetafieldRecord[] = [];
	const emits = new Map<string, PendingEmit>();
	for (const step of plan) {
		let record = step.existing;
		if (record) {
			if (record.value !== step.input.value) {
				record.value = step.input.value;
				record.updatedAt = now;
			}
		} else {
			record = {
				id: store.nextId('metafield'),
				ownerType: step.owner.ownerType,
				ownerId: step.ownerId,
				namespace: step.namespace,
				key: step.input.key,
				type: step.type,
				value: step.input.value,
				description: null,
				createdAt: now,
				updatedAt: now,
			};
			step.owner.record.metafields.push(record);
		}
		step.owner.record.updatedAt = now;
		written.push(record);
		const emit = ownerEmit(step.owner.ownerType, step.ownerId);
		emits.set(`${emit.topic}|${emit.id}`, emit);
	}
	return { value: written, userErrors: [], emits: [...emits.values()] };
}

export interface MetafieldIdentifierInput {
	ownerId: string;
	namespace: string;
	key: string;
}

export function metafieldsDelete(
	store: ShopifyStore,
	inputs: MetafieldIdentifierInput[],
): OperationResult<Array<MetafieldIdentifierInput | null>> {
	const errors: UserErrorShape[] = [];
	for (const [index, input] of inputs.entries()) {
		const gid = parseGid(input.ownerId);
		if (!gid || !store.metafieldOwner(gid.type, gid.id)) {
			errors.push({
				field: ['metafields', String(index), 'ownerId'],
				message: `Owner ${input.ownerId} does not exist; use the GID of a product, order or customer.`,
			});
		}
	}
	if (errors.length > 0) return failed(errors);
	const deleted: Array<MetafieldIdentifierInput | null> = [];
	const emits = new Map<string, PendingEmit>();
	for (const input of inputs) {
		const gid = parseGid(input.ownerId)!;
		const owner = store.metafieldOwner(gid.type, gid.id)!;
		const index = owner.record.metafields.findIndex(
			(entry) => entry.namespace === input.namespace && entry.key === input.key,
		);
		if (index === -1) {
			// Shopify returns null for an identifier that matched nothing.
			deleted.push(null);
			continue;
		}
		owner.record.metafields.splice(index, 1);
		owner.record.updatedAt = nowIso();
		deleted.push({ ownerId: input.ownerId, namespace: input.namespace, key: input.key });
		const emit = ownerEmit(owner.ownerType, gid.id);
		emits.set(`${emit.topic}|${emit.id}`, emit);
	}
	return { value: deleted, userErrors: [], emits: [...emits.values()] };
}
