/**
 * Fault injection for the REST API and the OTDS routes: dropped connections, HTTP 503 and 500,
 * HTML pages with status 200, and added latency. A seeded pseudo-random generator picks the
 * faulted requests, so the same seed and settings fault the same requests in a repeated run.
 */
import type { ServerResponse } from 'node:http';

import type { FaultSettings } from './settings';

export type FaultKind = 'dropConnection' | 'serviceUnavailable' | 'serverError' | 'htmlResponse';

/** mulberry32: small, fast and even enough for picking requests. */
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

export interface FaultDecision {
	fault: FaultKind | null;
	latencyMs: number;
}

export class FaultInjector {
	private random: () => number;
	private seed: number;

	constructor(seed: number) {
		this.seed = seed;
		this.random = mulberry32(seed);
	}

	/** Restarts the sequence when the seed changed, or always with `force`. */
	reseed(seed: number, force = false): void {
		if (!force && seed === this.seed) return;
		this.seed = seed;
		this.random = mulberry32(seed);
	}

	/**
	 * Decides the fault and latency of one request. It draws once per enabled rate in a fixed
	 * order, so the sequence depends only on the seed, the settings and the request order.
	 */
	decide(settings: FaultSettings, path: string): FaultDecision {
		if (settings.pathPattern !== null && !new RegExp(settings.pathPattern).test(path)) {
			return { fault: null, latencyMs: 0 };
		}
		let latencyMs = settings.latencyMs;
		if (settings.latencyJitterMs > 0) {
			latencyMs += Math.floor(this.random() * (settings.latencyJitterMs + 1));
		}
		const candidates: Array<[FaultKind, number]> = [
			['dropConnection', settings.dropConnectionRate],
			['serviceUnavailable', settings.serviceUnavailableRate],
			['serverError', settings.serverErrorRate],
			['htmlResponse', settings.htmlResponseRate],
		];
		for (const [kind, rate] of candidates) {
			if (rate > 0 && this.random() < rate) return { fault: kind, latencyMs };
		}
		return { fault: null, latencyMs };
	}
}

/** HTML that a reverse proxy in front of Content Server sends while the server is down. */
const SERVICE_UNAVAILABLE_PAGE =
	'<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head>\n<body><h1>Service Unavailable</h1>\n<p>The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.</p>\n</body></html>\n';

/** HTML that Content Server returns with status 200 while it restarts or a pod scales. */
const STARTING_PAGE =
	'<!DOCTYPE html>\n<html><head><title>Content Server</title></head>\n<body><p>Content Server is starting. Please wait a moment and reload the page.</p></body></html>\n';

/** Sends the response of an injected fault; a dropped connection gets no response at all. */
export function sendFault(res: ServerResponse, fault: FaultKind): void {
	switch (fault) {
		case 'dropConnection':
			res.socket?.destroy();
			return;
		case 'serviceUnavailable':
			res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '1' });
			res.end(SERVICE_UNAVAILABLE_PAGE);
			return;
		case 'serverError':
			res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(
				JSON.stringify({ error: 'An unexpected error occurred while processing the request.' }),
			);
			return;
		case 'htmlResponse':
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(STARTING_PAGE);
			return;
	}
}
