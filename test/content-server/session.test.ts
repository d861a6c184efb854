import FormData from 'form-data';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	Logger,
} from 'n8n-workflow';

import { ContentServerError } from '../../nodes/OpenTextContentServer/transport/errors';
import { ContentServerSession } from '../../nodes/OpenTextContentServer/transport/session';

const BASE_URL = 'http://127.0.0.1:1/otcs/cs.exe';

function httpError(status: number, data: unknown = {}, headers: Record<string, string> = {}) {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		response: { status, data, headers },
	});
	return Object.assign(new Error('NodeApiError'), { httpCode: String(status), cause: axiosError });
}

type Handler = (
	options: IHttpRequestOptions,
	ticket: string,
) => Promise<IN8nHttpFullResponse> | IN8nHttpFullResponse;

/**
 * A stand-in for n8n's httpRequestWithAuthentication with the credential's
 * preAuthentication: an empty ticket triggers a login that writes a new ticket into the
 * shared credential data, and the request then carries that ticket.
 */
class FakeContentServer {
	readonly credentials: ICredentialDataDecryptedObject = { ticket: 'ticket-0' };

	readonly valid = new Set(['ticket-0']);

	logins = 0;

	readonly requests: Array<{ method: string; url: string; ticket: string }> = [];

	handler: Handler = () => ({ statusCode: 200, headers: {}, body: { ok: true } });

	private issued = 0;

	readonly send = async (options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		if (this.credentials.ticket === '') {
			await new Promise((resolve) => setTimeout(resolve, 5));
			this.logins += 1;
			this.issued += 1;
			const ticket = `ticket-${this.issued}`;
			this.valid.add(ticket);
			Object.assign(this.credentials, { ticket });
		}
		const ticket = this.credentials.ticket as string;
		this.requests.push({ method: options.method ?? 'GET', url: options.url, ticket });
		await new Promise((resolve) => setTimeout(resolve, 1));
		if (!this.valid.has(ticket)) throw httpError(401, { error: 'Authentication required' });
		return await this.handler(options, ticket);
	};

	expireAll(): void {
		this.valid.clear();
	}
}

function recordingLogger() {
	const lines: string[] = [];
	const log = (message: string, metadata?: unknown) => {
		lines.push(`${message} ${JSON.stringify(metadata ?? {})}`);
	};
	const logger: Logger = { error: log, warn: log, info: log, debug: log };
	return { logger, lines };
}

function createSession(server: FakeContentServer, delays = [10, 20, 40, 80]) {
	const { logger, lines } = recordingLogger();
	const sleeps: number[] = [];
	const session = new ContentServerSession({
		credentials: server.credentials,
		baseUrl: BASE_URL,
		send: server.send,
		logger,
		sleep: async (milliseconds) => {
			sleeps.push(milliseconds);
		},
		retryDelaysMs: delays,
	});
	return { session, lines, sleeps };
}

describe('ContentServerSession', () => {
	it('logs in once for concurrent requests after the ticket expired', async () => {
		const server = new FakeContentServer();
		const { session } = createSession(server);
		server.expireAll();

		const results = await Promise.all(
			Array.from(
				{ length: 8 },
				async (_, index) =>
					await session.request({ method: 'GET', path: `/api/v2/nodes/${index}` }),
			),
		);

		expect(results).toHaveLength(8);
		expect(server.logins).toBe(1);
		expect(session.loginCount).toBe(1);
		const authCalls = server.requests.filter((request) => request.url.endsWith('/api/v1/auth'));
		expect(authCalls).toHaveLength(1);
	});

	it('retries each rejected request once with the new ticket', async () => {
		const server = new FakeContentServer();
		const { session } = createSession(server);
		server.expireAll();

		await session.request({ method: 'GET', path: '/api/v2/nodes/1' });

		const nodeCalls = server.requests.filter((request) => request.url.endsWith('/api/v2/nodes/1'));
		expect(nodeCalls.map((request) => request.ticket)).toEqual(['ticket-0', 'ticket-1']);
	});

	it('logs in once when no ticket is stored yet', async () => {
		const server = new FakeContentServer();
		server.credentials.ticket = '';
		const { session } = createSession(server);

		await Promise.all(
			[1, 2, 3].map(
				async (id) => await session.request({ method: 'GET', path: `/api/v2/nodes/${id}` }),
			),
		);

		expect(server.logins).toBe(1);
	});

	it('fails when the server rejects the ticket it just issued', async () => {
		const server = new FakeContentServer();
		const { session } = createSession(server);
		server.expireAll();
		server.valid.add = () => server.valid;

		const error = await session
			.request({ method: 'GET', path: '/api/v2/nodes/1' })
			.catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(ContentServerError);
		expect((error as ContentServerError).kind).toBe('login');
		expect((error as ContentServerError).message).toMatch(/rejected the ticket it had just issued/);
		expect(server.logins).toBe(1);
	});

	it('takes the ticket from the OTCSTicket response header', async () => {
		const server = new FakeContentServer();
		server.valid.add('ticket-fresh');
		server.handler = () => ({ statusCode: 200, headers: { otcsticket: 'ticket-fresh' }, body: {} });
		const { session } = createSession(server);

		await session.request({ method: 'GET', path: '/api/v2/nodes/1' });
		await session.request({ method: 'GET', path: '/api/v2/nodes/2' });

		expect(server.credentials.ticket).toBe('ticket-fresh');
		expect(server.requests[1].ticket).toBe('ticket-fresh');
	});

	it('retries an idempotent request after 503 with backoff', async () => {
		const server = new FakeContentServer();
		let failures = 2;
		server.handler = () => {
			if (failures-- > 0) throw httpError(503);
			return { statusCode: 200, headers: {}, body: { done: true } };
		};
		const { session, sleeps, lines } = createSession(server);

		const body = await session.request({ method: 'GET', path: '/api/v2/nodes/1' });

		expect(body).toEqual({ done: true });
		expect(sleeps).toEqual([10, 20]);
		expect(session.retryCount).toBe(2);
		expect(lines.filter((line) => line.includes('retry'))).toHaveLength(2);
	});

	it('honours Retry-After up to the maximum', async () => {
		const server = new FakeContentServer();
		let failures = 1;
		server.handler = () => {
			if (failures-- > 0) throw httpError(503, {}, { 'retry-after': '2' });
			return { statusCode: 200, headers: {}, body: {} };
		};
		const { session, sleeps } = createSession(server);

		await session.request({ method: 'GET', path: '/api/v2/nodes/1' });

		expect(sleeps).toEqual([2000]);
	});

	it('retries a 200 response with an HTML page', async () => {
		const server = new FakeContentServer();
		let failures = 1;
		server.handler = () =>
			failures-- > 0
				? {
						statusCode: 200,
						headers: { 'content-type': 'text/html' },
						body: '<html>Restarting</html>',
					}
				: { statusCode: 200, headers: {}, body: '{"results": []}' };
		const { session } = createSession(server);

		expect(await session.request({ method: 'GET', path: '/api/v2/nodes/1/nodes' })).toEqual({
			results: [],
		});
	});

	it('retries a dropped connection', async () => {
		const server = new FakeContentServer();
		let failures = 1;
		server.handler = () => {
			if (failures-- > 0)
				throw Object.assign(new Error('wrapped'), {
					cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
				});
			return { statusCode: 200, headers: {}, body: {} };
		};
		const { session } = createSession(server);

		await session.request({ method: 'GET', path: '/api/v2/nodes/1' });

		expect(session.retryCount).toBe(1);
	});

	it('does not retry a create after 503', async () => {
		const server = new FakeContentServer();
		server.handler = () => {
			throw httpError(503);
		};
		const { session, sleeps } = createSession(server);

		const error = (await session
			.request({ method: 'POST', path: '/api/v2/nodes', form: { body: '{}' }, idempotent: false })
			.catch((caught: unknown) => caught)) as ContentServerError;

		expect(error.status).toBe(503);
		expect(error.attempts).toBe(1);
		expect(error.transientRetries).toBe(0);
		expect(sleeps).toEqual([]);
		expect(server.requests).toHaveLength(1);
	});

	it('reports an HTML page on a create as unexpected body', async () => {
		const server = new FakeContentServer();
		server.handler = () => ({ statusCode: 200, headers: {}, body: '<html></html>' });
		const { session } = createSession(server);

		const error = (await session
			.request({ method: 'POST', path: '/api/v2/nodes', idempotent: false })
			.catch((caught: unknown) => caught)) as ContentServerError;

		expect(error.kind).toBe('unexpectedBody');
		expect(error.transient).toBe(true);
	});

	it('gives up after the configured retries', async () => {
		const server = new FakeContentServer();
		server.handler = () => {
			throw httpError(502);
		};
		const { session } = createSession(server, [1, 1]);

		const error = (await session
			.request({ method: 'GET', path: '/api/v2/nodes/1' })
			.catch((caught: unknown) => caught)) as ContentServerError;

		expect(error.status).toBe(502);
		expect(error.attempts).toBe(3);
		expect(error.transientRetries).toBe(2);
	});

	it('rebuilds a multipart body after a 401', async () => {
		const server = new FakeContentServer();
		const { session } = createSession(server);
		let builds = 0;
		server.expireAll();

		await session.request({
			method: 'POST',
			path: '/api/v2/nodes',
			idempotent: false,
			multipart: async () => {
				builds += 1;
				const form = new FormData();
				form.append('body', '{}');
				return form;
			},
		});

		expect(builds).toBe(2);
		expect(server.logins).toBe(1);
	});

	it('sends forms url-encoded and never as JSON', async () => {
		const server = new FakeContentServer();
		let seen: IHttpRequestOptions | undefined;
		server.handler = (options) => {
			seen = options;
			return { statusCode: 200, headers: {}, body: {} };
		};
		const { session } = createSession(server);

		await session.request({
			method: 'POST',
			path: '/api/v2/search',
			form: { where: 'OTName: "a"' },
			idempotent: true,
		});

		expect(seen?.body).toBeInstanceOf(URLSearchParams);
		expect(String(seen?.body)).toBe('where=OTName%3A+%22a%22');
		expect(seen?.disableFollowRedirect).toBe(true);
		expect(seen?.url).toBe(`${BASE_URL}/api/v2/search`);
	});

	it('never writes the ticket to the log', async () => {
		const server = new FakeContentServer();
		let failures = 1;
		server.handler = () => {
			if (failures-- > 0) throw httpError(503);
			return { statusCode: 200, headers: {}, body: {} };
		};
		const { session, lines } = createSession(server);
		server.expireAll();

		await session.request({ method: 'GET', path: '/api/v2/nodes/1' });

		expect(lines.length).toBeGreaterThan(0);
		expect(lines.join('\n')).not.toMatch(/ticket-\d/);
	});
});
