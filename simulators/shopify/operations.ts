/**
 * State changes behind the mutations and the REST webhook endpoints. Each operation checks
 * its whole input first and changes nothing when it finds a user error, so a failed call
 * leaves the shop as it was (metafieldsSet is atomic on Shopify too).
 */
import { createHash } from 'node:crypto';

import { includedTax, nowIso, parseAmount, restAmount } from './format';
import { formatGid, parseGid } from './gid';
import { discountedUnitPrice, lineTax, orderTotals, refundedQuantity, sumCents } from './ledger';
import { isKnownMetafieldType, metafieldValueProblem } from './metafieldTypes';
import type {
	MetafieldRecord,
	OrderRecord,
	ProductRecord,
	RefundLineItemRecord,
	RefundRecord,
	RefundShippingLineRecord,
	ReturnRecord,
	TransactionRecord,
	WebhookSubscriptionRecord,
} from './model';
import { SEED_LOCATION_ID } from './seed';
import { DEMO_APP } from './settings';
import type { ShopifyStore } from './store';
import type { TopicResource } from './topics';

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

function failed<T>(userErrors: UserErrorShape[]): OperationResult<T> {
	return { value: null, userErrors, emits: [] };
}

// ---------------------------------------------------------------------------------------
// Webhook subscriptions

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

// ---------------------------------------------------------------------------------------
// Metafields

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

// ---------------------------------------------------------------------------------------
// Products

export interface ProductUpdateInput {
	id?: string | null;
	title?: string | null;
	handle?: string | null;
	descriptionHtml?: string | null;
	vendor?: string | null;
	productType?: string | null;
	tags?: string[] | null;
	status?: ProductRecord['status'] | null;
	metafields?: Array<{
		id?: string | null;
		namespace?: string | null;
		key?: string | null;
		value?: string | null;
		type?: string | null;
	}> | null;
}

export function productUpdate(
	store: ShopifyStore,
	input: ProductUpdateInput | null | undefined,
): OperationResult<ProductRecord> {
	const gid = input?.id ? parseGid(input.id) : null;
	const product = gid?.type === 'Product' ? store.products.get(gid.id) : undefined;
	if (!input?.id) {
		return failed([
			{
				field: ['id'],
				message: 'Product id is missing; pass product: { id: "gid://shopify/Product/…" }.',
			},
		]);
	}
	if (!product) return failed([{ field: ['id'], message: 'Product does not exist' }]);
	if (input.title !== undefined && (input.title === null || input.title.trim() === '')) {
		return failed([{ field: ['title'], message: "Title can't be blank" }]);
	}
	if (input.handle) {
		const taken = [...store.products.values()].some(
			(entry) => entry.id !== product.id && entry.handle === input.handle,
		);
		if (taken) {
			return failed([
				{
					field: ['handle'],
					message: `Handle '${input.handle}' already in use. Please provide a new handle.`,
				},
			]);
		}
	}

	// Metafields given inline go through metafieldsSet's checks, so both paths agree.
	let metafieldEmits: PendingEmit[] = [];
	if (input.metafields && input.metafields.length > 0) {
		const converted: MetafieldsSetInput[] = [];
		for (const [index, entry] of input.metafields.entries()) {
			let namespace = entry.namespace ?? null;
			let key = entry.key ?? null;
			if (entry.id) {
				const id = parseGid(entry.id)?.id;
				const existing = product.metafields.find((field) => field.id === id);
				if (!existing) {
					return failed([
						{
							field: ['metafields', String(index), 'id'],
							message: `Metafield ${entry.id} does not exist on this product.`,
						},
					]);
				}
				namespace = existing.namespace;
				key = existing.key;
			}
			if (!key || entry.value === undefined || entry.value === null) {
				return failed([
					{
						field: ['metafields', String(index)],
						message: 'A metafield needs a key and a value (or an id and a value).',
					},
				]);
			}
			converted.push({
				ownerId: formatGid('Product', product.id),
				namespace,
				key,
				value: entry.value,
				type: entry.type,
			});
		}
		const result = metafieldsSet(store, converted);
		if (result.userErrors.length > 0) {
			return failed(
				result.userErrors.map((error) => ({
					field: error.field ? ['metafields', ...error.field.slice(1)] : null,
					message: error.message,
				})),
			);
		}
		metafieldEmits = result.emits;
	}

	if (input.title) product.title = input.title;
	if (input.handle) product.handle = input.handle;
	if (input.descriptionHtml !== undefined && input.descriptionHtml !== null) {
		product.descriptionHtml = input.descriptionHtml;
	}
	if (input.vendor !== undefined && input.vendor !== null) product.vendor = input.vendor;
	if (input.productType !== undefined && input.productType !== null)
		product.productType = input.productType;
	if (input.tags) product.tags = [...input.tags];
	if (input.status) product.status = input.status;
	product.updatedAt = nowIso();
	const emits = new Map<string, PendingEmit>([
		[
			`products/update|${product.id}`,
			{ topic: 'products/update', resource: 'product', id: product.id },
		],
	]);
	for (const emit of metafieldEmits) emits.set(`${emit.topic}|${emit.id}`, emit);
	return { value: product, userErrors: [], emits: [...emits.values()] };
}

// ---------------------------------------------------------------------------------------
// Refunds

export interface RefundInput {
	orderId: string;
	note?: string | null;
	notify?: boolean | null;
	currency?: string | null;
	allowOverRefunding?: boolean | null;
	processedAt?: string | null;
	shipping?: { amount?: string | number | null; fullRefund?: boolean | null } | null;
	refundLineItems?: Array<{
		lineItemId: string;
		quantity: number;
		restockType?: string | null;
		locationId?: string | null;
	}> | null;
	transactions?: Array<{
		orderId: string;
		parentId?: string | null;
		amount: string | number;
		gateway: string;
		kind: string;
	}> | null;
}

export function refundCreate(
	store: ShopifyStore,
	input: RefundInput,
): OperationResult<RefundRecord> {
	const orderGid = parseGid(input.orderId);
	const order = orderGid?.type === 'Order' ? store.orders.get(orderGid.id) : undefined;
	if (!order)
		return failed([{ field: ['orderId'], message: `Order ${input.orderId} does not exist.` }]);
	if (input.currency && input.currency !== order.currency) {
		return failed([
			{
				field: ['currency'],
				message: `Currency ${input.currency} does not match the order's currency ${order.currency}.`,
			},
		]);
	}
	const relations = store.relations(order.id);
	const errors: UserErrorShape[] = [];

	const lines: RefundLineItemRecord[] = [];
	for (const [index, entry] of (input.refundLineItems ?? []).entries()) {
		const field = (name: string) => ['refundLineItems', String(index), name];
		const lineGid = parseGid(entry.lineItemId);
		const item =
			lineGid?.type === 'LineItem'
				? order.lineItems.find((line) => line.id === lineGid.id)
				: undefined;
		if (!item) {
			errors.push({
				field: field('lineItemId'),
				message: `Line item ${entry.lineItemId} does not exist on order ${order.name}.`,
			});
			continue;
		}
		if (!Number.isInteger(entry.quantity) || entry.quantity <= 0) {
			errors.push({ field: field('quantity'), message: 'Quantity must be greater than 0.' });
			continue;
		}
		const alreadyPlanned = sumCents(
			lines.filter((line) => line.lineItemId === item.id),
			(line) => line.quantity,
		);
		const refundable =
			item.quantity - refundedQuantity(item.id, relations.refunds) - alreadyPlanned;
		if (entry.quantity > refundable) {
			errors.push({
				field: field('quantity'),
				message: `Quantity cannot refund more items than were purchased: line item ${item.id} has ${refundable} refundable, ${entry.quantity} requested.`,
			});
			continue;
		}
		const restockType = (
			entry.restockType ?? 'NO_RESTOCK'
		).toLowerCase() as RefundLineItemRecord['restockType'];
		const unit = discountedUnitPrice(item);
		lines.push({
			id: store.nextId('refundLineItem'),
			lineItemId: item.id,
			quantity: entry.quantity,
			restockType,
			locationId:
				restockType === 'no_restock'
					? null
					: entry.locationId
						? (parseGid(entry.locationId)?.id ?? SEED_LOCATION_ID)
						: SEED_LOCATION_ID,
			subtotalCents: unit * entry.quantity,
			totalTaxCents: Math.round((lineTax(item) * entry.quantity) / item.quantity),
		});
	}

	const shippingLines: RefundShippingLineRecord[] = [];
	if (input.shipping && (input.shipping.fullRefund || input.shipping.amount !== undefined)) {
		const totals = orderTotals(order, relations);
		const remaining = totals.shipping - totals.refundedShipping;
		let cents: number | null = remaining;
		if (!input.shipping.fullRefund) {
			cents = parseAmount(input.shipping.amount);
			if (cents === null || cents < 0) {
				errors.push({
					field: ['shipping', 'amount'],
					message: `Shipping amount ${String(input.shipping.amount)} is not a valid amount such as "4.90".`,
				});
			} else if (cents > remaining) {
				errors.push({
					field: ['shipping', 'amount'],
					message: `Shipping amount ${restAmount(cents)} exceeds the refundable shipping of ${restAmount(remaining)} ${order.currency}.`,
				});
			}
		}
		const line = order.shippingLines[0];
		if (cents !== null && cents > 0 && line) {
			shippingLines.push({
				id: store.nextId('refundShippingLine'),
				shippingLineId: line.id,
				subtotalCents: cents,
				taxCents: order.taxesIncluded
					? includedTax(cents, line.taxLines[0]?.rate ?? 0)
					: Math.round(cents * (line.taxLines[0]?.rate ?? 0)),
			});
		}
	}

	const transactions: TransactionRecord[] = [];
	const refundedByParent = new Map<string, number>();
	for (const entry of relations.transactions) {
		if (entry.kind === 'refund' && entry.status === 'success' && entry.parentId) {
			refundedByParent.set(
				entry.parentId,
				(refundedByParent.get(entry.parentId) ?? 0) + entry.cents,
			);
		}
	}
	for (const [index, entry] of (input.transactions ?? []).entries()) {
		const field = (name: string) => ['transactions', String(index), name];
		if (entry.kind !== 'REFUND') {
			errors.push({
				field: field('kind'),
				message: `Transaction kind must be REFUND for a refund; got ${entry.kind}.`,
			});
			continue;
		}
		if (parseGid(entry.orderId)?.id !== order.id) {
			errors.push({
				field: field('orderId'),
				message: `Transaction orderId ${entry.orderId} must be the refunded order ${formatGid('Order', order.id)}.`,
			});
			continue;
		}
		const cents = parseAmount(entry.amount);
		if (cents === null || cents <= 0) {
			errors.push({
				field: field('amount'),
				message: `Amount ${String(entry.amount)} must be a positive amount such as "12.50".`,
			});
			continue;
		}
		const parentId = entry.parentId ? parseGid(entry.parentId)?.id : undefined;
		const parent = parentId ? store.transactions.get(parentId) : undefined;
		if (
			!parent ||
			parent.orderId !== order.id ||
			parent.status !== 'success' ||
			!['sale', 'capture'].includes(parent.kind)
		) {
			errors.push({
				field: field('parentId'),
				message: `Parent transaction ${entry.parentId ?? '(missing)'} must be a successful SALE or CAPTURE of order ${order.name}.`,
			});
			continue;
		}
		if (entry.gateway !== parent.gateway) {
			errors.push({
				field: field('gateway'),
				message: `Gateway ${entry.gateway} does not match the parent transaction's gateway ${parent.gateway}.`,
			});
			continue;
		}
		const available = parent.cents - (refundedByParent.get(parent.id) ?? 0);
		if (cents > available && !input.allowOverRefunding) {
			errors.push({
				field: field('amount'),
				message: `Amount ${restAmount(cents)} exceeds the ${restAmount(available)} ${order.currency} still refundable on transaction ${parent.id}; pass allowOverRefunding to override.`,
			});
			continue;
		}
		refundedByParent.set(parent.id, (refundedByParent.get(parent.id) ?? 0) + cents);
		const now = nowIso();
		transactions.push({
			id: store.nextId('transaction'),
			orderId: order.id,
			kind: 'refund',
			status: 'success',
			cents,
			currency: order.currency,
			gateway: parent.gateway,
			parentId: parent.id,
			createdAt: now,
			processedAt: input.processedAt ?? now,
			errorCode: null,
			message: null,
			authorization: parent.authorization,
			test: order.test,
			sourceName: 'api',
			creditCardCompany: parent.creditCardCompany,
			creditCardNumber: parent.creditCardNumber,
			refundId: null,
		});
	}
	if (errors.length > 0) return failed(errors);

	const now = nowIso();
	const refund: RefundRecord = {
		id: store.nextId('refund'),
		orderId: order.id,
		createdAt: now,
		processedAt: input.processedAt ?? now,
		note: input.note ?? null,
		restock: lines.some((line) => line.restockType !== 'no_restock'),
		refundLineItems: lines,
		refundShippingLines: shippingLines,
		transactionIds: transactions.map((entry) => entry.id),
		returnId: null,
	};
	for (const entry of transactions) {
		entry.refundId = refund.id;
		store.transactions.set(entry.id, entry);
	}
	store.refunds.set(refund.id, refund);
	order.updatedAt = now;
	return {
		value: refund,
		userErrors: [],
		emits: [
			{ topic: 'refunds/create', resource: 'refund', id: refund.id },
			...transactions.map((entry) => ({
				topic: 'order_transactions/create',
				resource: 'transaction' as const,
				id: entry.id,
			})),
			{ topic: 'orders/updated', resource: 'order', id: order.id },
		],
	};
}

// ---------------------------------------------------------------------------------------
// Returns

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
