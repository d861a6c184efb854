/** Shapes shared by the operations: user errors, pending webhooks, results. */
import type { TopicResource } from '../topics';

export interface UserErrorShape {
	field: string[] | null;
	message: string;
	code?: string;
	elementIndex?: number;
}

/** A webhook the operation would send when `autoEmit` is on. */
export interface PendingEmit {
	topic: string;
	resource: TopicResource;
	id: string;
}

export interface OperationResult<T> {
	value: T | null;
	userErrors: UserErrorShape[];
	emits: PendingEmit[];
}

export function failed<T>(userErrors: UserErrorShape[]): OperationResult<T> {
	return { value: null, userErrors, emits: [] };
}
