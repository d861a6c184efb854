/**
 * All state of one simulator run: the shop's records, tokens, webhook subscriptions, rate
 * limit buckets, the request and delivery logs, and the settings.
 */
import { randomBytes } from 'node:crypto';

import { FaultInjector } from './faults';
import type { OrderRelations } from './ledger';
import type {
	CustomerRecord,
	DisputeRecord,
	FulfillmentRecord,
	MetafieldRecord,
	OrderRecord,
	ProductRecord,
	RefundRecord,
	ReturnRecord,
	ShopRecord,
	TransactionRecord,
	WebhookSubscriptionRecord,
} from './model';
import { buildSeed } from './seed';
import { cloneSettings, DEMO_APP, type ShopifySettings } from './settings';
import { CostBucket, RestBucket } from './throttle';

export interface TokenRecord {
	token: string;
	/** Epoch milliseconds; null for the demo token, which never expires. */
	expiresAt: number | null;
	scope: string;
}

export interface RequestLogEntry {
	id: number;
	time: string;
	method: string;
	/** Path without the query string, so nothing secret from a URL lands in the log. */
	path: string;
	apiVersion: string | null;
	operationName: string | null;
	operationType: 'query' | 'mutation' | 'subscription' | null;
	status: number;
	requestedCost: number | null;
	actualCost: number | null;
	throttled: boolean;
	fault: string | null;
	latencyMs: number;
}

export interface DeliveryLogEntry {
	time: string;
	topic: string;
	subscriptionId: string;
	uri: string;
	webhookId: string;
	eventId: string;
	attempt: number;
	mode: string;
	status: number | null;
	latencyMs: number;
	error?: string;
}

const LOG_LIMIT = 2000;

type Counter =
	'metafield' | 'refund' | 'refundLineItem' | 'transaction' | 'subscription' | 'refundShippingLine';

const COUNTER_START: Record<Counter, number> = {
	metafield: 9110001,
	refund: 9310,
	refundLineItem: 93100,
	refundShippingLine: 93200,
	transaction: 9520,
	subscription: 1000001,
};

export class ShopifyStore {
	settings: ShopifySettings;
	/** Settings given at start; `reset()` returns to them. */
	private readonly initialSettings: ShopifySettings;
	/** Base URL the server listens on, used in links when `publicUrl` is not set. */
	listenUrl: string;

	shop!: ShopRecord;
	orders = new Map<string, OrderRecord>();
	customers = new Map<string, CustomerRecord>();
	products = new Map<string, ProductRecord>();
	transactions = new Map<string, TransactionRecord>();
	refunds = new Map<string, RefundRecord>();
	returns = new Map<string, ReturnRecord>();
	fulfillments = new Map<string, FulfillmentRecord>();
	disputes = new Map<string, DisputeRecord>();
	subscriptions = new Map<string, WebhookSubscriptionRecord>();
	tokens = new Map<string, TokenRecord>();

	requestLog: RequestLogEntry[] = [];
	deliveryLog: DeliveryLogEntry[] = [];
	readonly faults: FaultInjector;

	private costBuckets = new Map<string, CostBucket>();
	private restBuckets = new Map<string, RestBucket>();
	private counters: Record<Counter, number> = { ...COUNTER_START };
	private requestCounter = 0;

	constructor(settings: ShopifySettings, listenUrl: string) {
		this.initialSettings = cloneSettings(settings);
		this.settings = cloneSettings(settings);
		this.listenUrl = listenUrl;
		this.faults = new FaultInjector(settings.faults.seed);
		this.reset();
	}

	/** Base URL for links the simulator serves itself (the label PDF). */
	get baseUrl(): string {
		return this.settings.publicUrl ?? this.listenUrl;
	}

	/** Back to the seed records, the start settings, no tokens but the demo one, empty logs. */
	reset(): void {
		this.settings = cloneSettings(this.initialSettings);
		this.faults.reseed(this.settings.faults.seed, true);
		const seed = buildSeed(this.baseUrl);
		this.shop = seed.shop;
		const index = <T extends { id: string }>(records: T[]) =>
			new Map(records.map((record) => [record.id, record] as const));
		this.orders = index(seed.orders);
		this.customers = index(seed.customers);
		this.products = index(seed.products);
		this.transactions = index(seed.transactions);
		this.refunds = index(seed.refunds);
		this.returns = index(seed.returns);
		this.fulfillments = index(seed.fulfillments);
		this.disputes = index(seed.disputes);
		this.subscriptions = new Map();
		this.tokens = new Map([
			[
				DEMO_APP.accessToken,
				{ token: DEMO_APP.accessToken, expiresAt: null, scope: DEMO_APP.scopes.join(',') },
			],
		]);
		this.costBuckets = new Map();
		this.restBuckets = new Map();
		this.counters = { ...COUNTER_START };
		this.requestLog = [];
		this.deliveryLog = [];
	}

	nextId(counter: Counter): string {
		const value = this.counters[counter];
		this.counters[counter] = value + 1;
		return String(value);
	}

	mintToken(): TokenRecord {
		const record: TokenRecord = {
			token: `shpat_${randomBytes(16).toString('hex')}`,
			expiresAt: Date.now() + this.settings.tokenLifetimeSeconds * 1000,
			scope: DEMO_APP.scopes.join(','),
		};
		this.tokens.set(record.token, record);
		return record;
	}

	/** Returns the token record when the token exists and has not expired, otherwise null. */
	validToken(token: string | undefined): TokenRecord | null {
		if (!token) return null;
		const record = this.tokens.get(token);
		if (!record) return null;
		if (record.expiresAt !== null && record.expiresAt <= Date.now()) {
			this.tokens.delete(token);
			return null;
		}
		return record;
	}

	private bucketKey(token: string): string {
		return this.settings.bucketScope === 'app' ? 'app' : token;
	}

	costBucket(token: string): CostBucket {
		const key = this.bucketKey(token);
		let bucket = this.costBuckets.get(key);
		if (!bucket) {
			bucket = new CostBucket(this.settings.costBucketSize);
			this.costBuckets.set(key, bucket);
		}
		return bucket;
	}

	restBucket(token: string): RestBucket {
		const key = this.bucketKey(token);
		let bucket = this.restBuckets.get(key);
		if (!bucket) {
			bucket = new RestBucket();
			this.restBuckets.set(key, bucket);
		}
		return bucket;
	}

	logRequest(entry: Omit<RequestLogEntry, 'id'>): void {
		this.requestCounter += 1;
		this.requestLog.push({ id: this.requestCounter, ...entry });
		if (this.requestLog.length > LOG_LIMIT) this.requestLog.shift();
	}

	logDelivery(entry: DeliveryLogEntry): void {
		this.deliveryLog.push(entry);
		if (this.deliveryLog.length > LOG_LIMIT) this.deliveryLog.shift();
	}

	transactionsOf(orderId: string): TransactionRecord[] {
		return [...this.transactions.values()].filter((entry) => entry.orderId === orderId);
	}

	refundsOf(orderId: string): RefundRecord[] {
		return [...this.refunds.values()].filter((entry) => entry.orderId === orderId);
	}

	returnsOf(orderId: string): ReturnRecord[] {
		return [...this.returns.values()].filter((entry) => entry.orderId === orderId);
	}

	fulfillmentsOf(orderId: string): FulfillmentRecord[] {
		return [...this.fulfillments.values()].filter((entry) => entry.orderId === orderId);
	}

	disputesOf(orderId: string): DisputeRecord[] {
		return [...this.disputes.values()].filter((entry) => entry.orderId === orderId);
	}

	relations(orderId: string): OrderRelations {
		return {
			transactions: this.transactionsOf(orderId),
			refunds: this.refundsOf(orderId),
			fulfillments: this.fulfillmentsOf(orderId),
		};
	}

	/** The record that owns metafields, for an owner GID's type and numeric id. */
	metafieldOwner(
		type: string,
		id: string,
	): {
		ownerType: MetafieldRecord['ownerType'];
		record: { metafields: MetafieldRecord[]; updatedAt: string };
	} | null {
		if (type === 'Product') {
			const record = this.products.get(id);
			return record ? { ownerType: 'PRODUCT', record } : null;
		}
		if (type === 'Order') {
			const record = this.orders.get(id);
			return record ? { ownerType: 'ORDER', record } : null;
		}
		if (type === 'Customer') {
			const record = this.customers.get(id);
			return record ? { ownerType: 'CUSTOMER', record } : null;
		}
		return null;
	}

	/** Subscriptions that receive a topic, API-created ones first. */
	subscriptionsFor(topic: string): WebhookSubscriptionRecord[] {
		const matching = [...this.subscriptions.values()].filter((entry) => entry.topic === topic);
		const api = matching.filter((entry) => entry.source === 'api');
		const admin = matching.filter((entry) => entry.source === 'admin');
		return [...api, ...admin];
	}
}
