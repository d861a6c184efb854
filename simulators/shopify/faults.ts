/**
 * Fault injection for the Admin API routes: server errors, HTTP 429, THROTTLED replies and
 * added latency, chosen by a seeded pseudo-random generator so a run can be repeated.
 */
import type { FaultSettings } from './settings';

export type FaultKind = 'serverError' | 'rateLimit' | 'throttled';

/** mulberry32: small, fast and good enough to spread faults evenly. */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultInjector {
	private random: () => number;
	private seed: number;

	constructor(seed: number) {
		this.seed = seed;
		this.random = mulberry32(seed);
	}

	/** Restarts the sequence when the seed changed (or always, with `force`). */
	reseed(seed: number, force = false): void {
		if (!force && seed === this.seed) return;
		this.seed = seed;
		this.random = mulberry32(seed);
	}

	/**
	 * Picks the fault for one request, or null. One draw per enabled rate, in a fixed order,
	 * so the same seed and settings give the same sequence.
	 */
	pick(faults: FaultSettings, graphql: boolean): FaultKind | null {
		if (faults.serverErrorRate > 0 && this.random() < faults.serverErrorRate) return 'serverError';
		if (faults.rateLimitRate > 0 && this.random() < faults.rateLimitRate) return 'rateLimit';
		if (graphql && faults.throttledRate > 0 && this.random() < faults.throttledRate) {
			return 'throttled';
		}
		return null;
	}
}
