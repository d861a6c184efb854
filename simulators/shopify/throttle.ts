/**
 * Leaky buckets: the GraphQL cost bucket (points restored per second) and the REST call
 * bucket (calls leaked per second). Both refill lazily from the elapsed wall-clock time.
 */

export interface ThrottleStatus {
	maximumAvailable: number;
	currentlyAvailable: number;
	restoreRate: number;
}

/** GraphQL calculated-cost bucket of one token (or of the app, see `bucketScope`). */
export class CostBucket {
	private available: number;
	private updatedAt: number;

	constructor(size: number) {
		this.available = size;
		this.updatedAt = Date.now();
	}

	private refill(size: number, restoreRate: number): void {
		const now = Date.now();
		this.available = Math.min(size, this.available + ((now - this.updatedAt) / 1000) * restoreRate);
		this.updatedAt = now;
	}

	/** Takes `cost` points if that many are available; returns whether it did. */
	tryTake(cost: number, size: number, restoreRate: number): boolean {
		this.refill(size, restoreRate);
		if (cost > this.available) return false;
		this.available -= cost;
		return true;
	}

	/** Returns unused points after execution (requested minus actual cost). */
	refund(points: number, size: number): void {
		this.available = Math.min(size, this.available + points);
	}

	status(size: number, restoreRate: number): ThrottleStatus {
		this.refill(size, restoreRate);
		return {
			maximumAvailable: size,
			currentlyAvailable: Math.floor(this.available),
			restoreRate,
		};
	}
}

/** REST request bucket: each call adds one, `leakRate` calls drain per second. */
export class RestBucket {
	private used = 0;
	private updatedAt = Date.now();

	private leak(leakRate: number): void {
		const now = Date.now();
		this.used = Math.max(0, this.used - ((now - this.updatedAt) / 1000) * leakRate);
		this.updatedAt = now;
	}

	/**
	 * Counts one call. Returns null when it fits, otherwise the seconds until it would fit,
	 * for the `Retry-After` header.
	 */
	tryAdd(size: number, leakRate: number): number | null {
		this.leak(leakRate);
		if (this.used + 1 > size) return (this.used + 1 - size) / leakRate;
		this.used += 1;
		return null;
	}

	/** Value of `X-Shopify-Shop-Api-Call-Limit`, such as "32/40". */
	header(size: number, leakRate: number): string {
		this.leak(leakRate);
		return `${Math.ceil(this.used)}/${size}`;
	}
}
