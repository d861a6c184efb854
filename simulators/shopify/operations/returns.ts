/** Return state changes: approve, decline and close. */
import { nowIso } from '../format';
import { parseGid } from '../gid';
import type { OrderRecord, ReturnRecord } from '../model';
import type { ShopifyStore } from '../store';
import { failed, type OperationResult, type UserErrorShape } from './result';

function findReturn(store: ShopifyStore, id: string): ReturnRecord | undefined {
	const gid = parseGid(id);
	return gid?.type === 'Return' ? store.returns.get(gid.id) : undefined;
}

function stateError(record: ReturnRecord, action: string, required: string): UserErrorShape {
	return {
		field: ['id'],
		message: `Return ${record.name} cannot be ${action}: its status is ${record.status.toUpperCase()}, and only returns with status ${required} can be.`,
		code: 'INVALID_STATE',
	};
}

function touchOrder(store: ShopifyStore, orderId: string, at: string): void {
	const order: OrderRecord | undefined = store.orders.get(orderId);
	if (order) order.updatedAt = at;
}

export function returnApproveRequest(
	store: ShopifyStore,
	id: string,
): OperationResult<ReturnRecord> {
	const record = findReturn(store, id);
	if (!record)
		return failed([{ field: ['id'], message: `Return ${id} does not exist.`, code: 'NOT_FOUND' }]);
	if (record.status !== 'requested') return failed([stateError(record, 'approved', 'REQUESTED')]);
	const now = nowIso();
	record.status = 'open';
	record.requestApprovedAt = now;
	record.updatedAt = now;
	touchOrder(store, record.orderId, now);
	return {
		value: record,
		userErrors: [],
		emits: [{ topic: 'returns/approve', resource: 'return', id: record.id }],
	};
}

export function returnDeclineRequest(
	store: ShopifyStore,
	input: { id: string; declineReason: string; declineNote?: string | null },
): OperationResult<ReturnRecord> {
	const record = findReturn(store, input.id);
	if (!record)
		return failed([
			{ field: ['id'], message: `Return ${input.id} does not exist.`, code: 'NOT_FOUND' },
		]);
	if (record.status !== 'requested') return failed([stateError(record, 'declined', 'REQUESTED')]);
	if (input.declineNote && input.declineNote.length > 500) {
		return failed([
			{
				field: ['declineNote'],
				message: 'Decline note is too long (maximum is 500 characters).',
				code: 'TOO_LONG',
			},
		]);
	}
	const now = nowIso();
	record.status = 'declined';
	record.decline = {
		reason: input.declineReason as NonNullable<ReturnRecord['decline']>['reason'],
		note: input.declineNote ?? null,
	};
	record.updatedAt = now;
	touchOrder(store, record.orderId, now);
	return {
		value: record,
		userErrors: [],
		emits: [{ topic: 'returns/decline', resource: 'return', id: record.id }],
	};
}

export function returnClose(store: ShopifyStore, id: string): OperationResult<ReturnRecord> {
	const record = findReturn(store, id);
	if (!record)
		return failed([{ field: ['id'], message: `Return ${id} does not exist.`, code: 'NOT_FOUND' }]);
	if (record.status !== 'open') return failed([stateError(record, 'closed', 'OPEN')]);
	const now = nowIso();
	record.status = 'closed';
	record.closedAt = now;
	record.updatedAt = now;
	touchOrder(store, record.orderId, now);
	return {
		value: record,
		userErrors: [],
		emits: [{ topic: 'returns/close', resource: 'return', id: record.id }],
	};
}
