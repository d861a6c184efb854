/** Webhook subscriptions: create, update and delete, with Shopify's address checks. */
import { nowIso } from '../format';
import type { WebhookSubscriptionRecord } from '../model';
import type { ShopifyStore } from '../store';
import { failed, type OperationResult } from './result';

export interface SubscriptionInput {
	topic: string;
	uri: string | null | undefined;
	format?: string | null;
	includeFields?: string[] | null;
	metafieldNamespaces?: string[] | null;
	filter?: string | null;
	source: 'api' | 'admin';
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Returns why a subscription address is not accepted, or null. */
export function addressProblem(store: ShopifyStore, uri: string | null | undefined): string | null {
	if (uri === null || uri === undefined || uri.trim() === '') return "Address can't be blank";
	let parsed: URL;
	try {
		parsed = new URL(uri);
	} catch {
		return `Address is invalid: "${uri}" is not an absolute URL`;
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return `Address protocol ${parsed.protocol}// is not supported by the simulator, which delivers over HTTP(S) only`;
	}
	if (parsed.protocol === 'http:' && store.settings.requireHttpsCallbacks) {
		return 'Address protocol http:// is not supported; use an https:// address';
	}
	if (!store.settings.allowRemoteDelivery && !isLoopbackHost(parsed.hostname)) {
		return `Address host ${parsed.hostname} is not a loopback address; the simulator delivers only to 127.0.0.1, ::1 or localhost unless the setting allowRemoteDelivery is on`;
	}
	return null;
}

function duplicateAddress(
	store: ShopifyStore,
	topic: string,
	uri: string,
	source: 'api' | 'admin',
	exceptId?: string,
): boolean {
	return [...store.subscriptions.values()].some(
		(entry) =>
			entry.id !== exceptId &&
			entry.source === source &&
			entry.topic === topic &&
			entry.uri === uri,
	);
}

export function createSubscription(
	store: ShopifyStore,
	input: SubscriptionInput,
	addressField: string[],
): OperationResult<WebhookSubscriptionRecord> {
	const problem = addressProblem(store, input.uri);
	if (problem) return failed([{ field: addressField, message: problem }]);
	const uri = input.uri as string;
	if ((input.format ?? 'json').toLowerCase() !== 'json') {
		return failed([
			{
				field: [...addressField.slice(0, -1), 'format'],
				message: 'Format XML is not supported by the simulator; use JSON',
			},
		]);
	}
	if (duplicateAddress(store, input.topic, uri, input.source)) {
		return failed([
			{ field: addressField, message: 'Address for this topic has already been taken' },
		]);
	}
	const now = nowIso();
	const record: WebhookSubscriptionRecord = {
		id: store.nextId('subscription'),
		topic: input.topic,
		uri,
		format: 'json',
		includeFields: input.includeFields ?? [],
		metafieldNamespaces: input.metafieldNamespaces ?? [],
		filter: input.filter ?? null,
		createdAt: now,
		updatedAt: now,
		source: input.source,
	};
	store.subscriptions.set(record.id, record);
	return { value: record, userErrors: [], emits: [] };
}

export function updateSubscription(
	store: ShopifyStore,
	id: string,
	input: Partial<Omit<SubscriptionInput, 'topic' | 'source'>>,
	addressField: string[],
): OperationResult<WebhookSubscriptionRecord> {
	const record = store.subscriptions.get(id);
	if (!record || record.source !== 'api') {
		return failed([{ field: ['id'], message: 'Webhook subscription does not exist' }]);
	}
	if (input.uri !== undefined) {
		const problem = addressProblem(store, input.uri);
		if (problem) return failed([{ field: addressField, message: problem }]);
		if (duplicateAddress(store, record.topic, input.uri as string, 'api', id)) {
			return failed([
				{ field: addressField, message: 'Address for this topic has already been taken' },
			]);
		}
	}
	if (input.format && input.format.toLowerCase() !== 'json') {
		return failed([
			{
				field: [...addressField.slice(0, -1), 'format'],
				message: 'Format XML is not supported by the simulator; use JSON',
			},
		]);
	}
	if (input.uri !== undefined && input.uri !== null) record.uri = input.uri;
	if (input.includeFields !== undefined) record.includeFields = input.includeFields ?? [];
	if (input.metafieldNamespaces !== undefined)
		record.metafieldNamespaces = input.metafieldNamespaces ?? [];
	if (input.filter !== undefined) record.filter = input.filter ?? null;
	record.updatedAt = nowIso();
	return { value: record, userErrors: [], emits: [] };
}

export function deleteSubscription(
	store: ShopifyStore,
	id: string,
	source: 'api' | 'admin' = 'api',
): OperationResult<string> {
	const record = store.subscriptions.get(id);
	if (!record || record.source !== source) {
		return failed([{ field: ['id'], message: 'Webhook subscription does not exist' }]);
	}
	store.subscriptions.delete(id);
	return { value: id, userErrors: [], emits: [] };
}
