/**
 * The simulator's control API under `/_simulator/`, which real servers do not have. It takes
 * and returns JSON, is never faulted and is not written to the request log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { applySettingsPatch, SettingsError } from '../settings';
import type { Pipeline } from '../server';

async function readJson(req: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8').trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		throw new SettingsError('The request body is not valid JSON.');
	}
}

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

const ROUTES = [
	'GET /_simulator/settings',
	'PATCH /_simulator/settings',
	'GET /_simulator/requests',
	'DELETE /_simulator/requests',
	'POST /_simulator/reset',
	'POST /_simulator/tickets/expire',
];

export async function handleControlRequest(
	pipeline: Pipeline,
	req: IncomingMessage,
	res: ServerResponse,
	route: string,
	method: string,
): Promise<void> {
	const { store } = pipeline;
	const key = `${method} ${route.replace(/\/+$/, '')}`;
	try {
		const body = await readJson(req);
		switch (key) {
			case 'GET /settings':
				send(res, 200, store.settings);
				return;
			case 'PATCH /settings': {
				const previousSeed = store.settings.faults.seed;
				store.settings = applySettingsPatch(store.settings, body ?? {});
				// A new seed restarts the fault sequence, so a run can be repeated from here.
				if (store.settings.faults.seed !== previousSeed)
					pipeline.faults.reseed(store.settings.faults.seed, true);
				send(res, 200, store.settings);
				return;
			}
			case 'GET /requests':
				send(res, 200, { requests: store.requestLog });
				return;
			case 'DELETE /requests':
				store.requestLog = [];
				send(res, 200, { requests: [] });
				return;
			case 'POST /reset':
				await pipeline.reset();
				send(res, 200, { reset: true });
				return;
			case 'POST /tickets/expire': {
				const expired = store.tickets.size;
				store.expireAllTickets();
				send(res, 200, { expired });
				return;
			}
			default:
				send(res, 404, {
					error: `Unknown control route ${method} /_simulator${route}. Routes: ${ROUTES.join(', ')}.`,
				});
		}
	} catch (error) {
		if (error instanceof SettingsError) {
			send(res, 400, { error: error.message });
			return;
		}
		throw error;
	}
}
