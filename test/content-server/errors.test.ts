import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { Readable } from 'stream';

import {
	forParameter,
	hintFor,
	toNodeError,
} from '../../nodes/OpenTextContentServer/helpers/errors';
import { InputError } from '../../nodes/OpenTextContentServer/helpers/inputError';
import {
	ContentServerError,
	toContentServerError,
} from '../../nodes/OpenTextContentServer/transport/errors';

const node: INode = {
	id: 'node-1',
	name: 'OpenText Content Server',
	type: 'n8n-nodes-opentext-shopify.openTextContentServer',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The shape n8n throws from httpRequestWithAuthentication: a wrapper whose cause is the axios error. */
function wrappedAxiosError(status: number, data: unknown, headers: Record<string, string> = {}) {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		isAxiosError: true,
		response: { status, data, headers },
		config: { headers: { OTCSTicket: 'secret-ticket' } },
	});
	return Object.assign(new Error('wrapped'), { httpCode: String(status), cause: axiosError });
}

describe('toContentServerError', () => {
	it('reads status and server message along the cause chain', async () => {
		const error = await toContentServerError(
			wrappedAxiosError(500, {
				error: "An item with the name 'a.pdf' already exists.",
				errorDetail: 'detail',
			}),
			'POST',
			'/api/v2/nodes',
		);
		expect(error).toMatchObject({ kind: 'http', status: 500, serverDetail: 'detail' });
		expect(error.nameClash).toBe(true);
		expect(error.transient).toBe(false);
		expect(error.message).toBe(
			"Content Server rejected POST /api/v2/nodes with HTTP 500: An item with the name 'a.pdf' already exists.",
		);
	});

	it('reads the error body of a streamed response', async () => {
		const body = Readable.from([
			Buffer.from('{"error":"Sorry, the item you requested could not be accessed."}'),
		]);
		const error = await toContentServerError(
			wrappedAxiosError(500, body),
			'GET',
			'/api/v1/nodes/9/content',
		);
		expect(error.serverMessage).toMatch(/could not be accessed/);
		expect(error.notFound).toBe(true);
	});

	it('recognises "not found" answers given as 400', async () => {
		const error = await toContentServerError(
			wrappedAxiosError(400, { error: 'Could not get a node for 999' }),
			'GET',
			'/api/v2/nodes/999',
		);
		expect(error.notFound).toBe(true);
	});

	it.each([502, 503, 504])('treats HTTP %i as transient', async (status) => {
		const error = await toContentServerError(
			wrappedAxiosError(status, ''),
			'GET',
			'/api/v2/nodes/1',
		);
		expect(error.transient).toBe(true);
	});

	it('describes a dropped connection in words', async () => {
		const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		const error = await toContentServerError(
			Object.assign(new Error('wrapped'), { cause: reset }),
			'GET',
			'/api/v2/nodes/1',
		);
		expect(error.kind).toBe('network');
		expect(error.code).toBe('ECONNRESET');
		expect(error.transient).toBe(true);
		expect(error.message).toBe(
			'Content Server did not respond to GET /api/v2/nodes/1: the connection was closed before a response arrived',
		);
	});

	it('explains a redirect', async () => {
		const error = await toContentServerError(
			wrappedAxiosError(301, '', {
				location: 'https://otcs.example.com/otcs/cs.exe/api/v2/nodes/1',
			}),
			'GET',
			'/api/v2/nodes/1',
		);
		expect(error.message).toMatch(
			/redirected GET \/api\/v2\/nodes\/1 to https:\/\/otcs\.example\.com/,
		);
	});

	it('keeps the message of a failed login', async () => {
		class UserError extends Error {}
		const login = new UserError(
			'Logging in to Content Server failed: the server rejected the credentials (HTTP 401).',
		);
		const error = await toContentServerError(
			Object.assign(new Error('wrapped'), { cause: login }),
			'GET',
			'/api/v1/auth',
		);
		expect(error.kind).toBe('login');
		expect(error.message).toBe(login.message);
	});

	it('carries nothing of the request', async () => {
		const error = await toContentServerError(wrappedAxiosError(401, {}), 'GET', '/api/v2/nodes/1');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('secret-ticket');
	});
});

describe('toNodeError', () => {
	it('names parameter and item for an input error', () => {
		const error = toNodeError(
			node,
			new InputError('The path is empty', 'Enter a path.', 'Folder'),
			3,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Folder: The path is empty [item 3]');
		expect(error.description).toBe('Enter a path.');
		expect(error.context.itemIndex).toBe(3);
	});

	it('turns an HTTP failure into a NodeApiError with a hint', () => {
		const failure = new ContentServerError({
			kind: 'http',
			method: 'GET',
			path: '/api/v2/nodes/999',
			status: 400,
			serverMessage: 'Could not get a node for 999',
		});
		failure.parameter = 'Document';
		const error = toNodeError(node, failure, 0);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('400');
		expect(error.message).toBe(
			'Document: Content Server rejected GET /api/v2/nodes/999 with HTTP 400: Could not get a node for 999 [item 0]',
		);
		expect(error.description).toMatch(/Check that the item exists/);
	});

	it('keeps the words of a network failure', () => {
		const failure = new ContentServerError({
			kind: 'network',
			method: 'GET',
			path: '/api/v2/nodes/1',
			code: 'ECONNRESET',
		});
		failure.attempts = 5;
		const error = toNodeError(node, failure, 1);
		expect(error.message).toBe(
			'Content Server did not respond to GET /api/v2/nodes/1: the connection was closed before a response arrived [item 1]',
		);
		expect(error.description).toMatch(/sent 5 time\(s\)/);
	});

	it('wraps unknown errors with the item', () => {
		const error = toNodeError(node, new Error('boom'), 2);
		expect(error.message).toBe('boom [item 2]');
	});
});

describe('hintFor', () => {
	it('suggests the clash policy for a name clash', () => {
		const failure = new ContentServerError({
			kind: 'http',
			method: 'POST',
			path: '/api/v2/nodes',
			status: 500,
			serverMessage: "An item with the name 'a' already exists.",
		});
		expect(hintFor(failure)).toMatch(/If Name Exists/);
	});

	it('suggests retrying later for a server that kept restarting', () => {
		const failure = new ContentServerError({
			kind: 'unexpectedBody',
			method: 'GET',
			path: '/x',
			status: 200,
		});
		expect(hintFor(failure)).toMatch(/Retry On Fail/);
	});
});

describe('forParameter', () => {
	it('records the parameter on the first error only', async () => {
		let caught: InputError | undefined;
		try {
			await forParameter(
				'Outer',
				async () =>
					await forParameter('Inner', async () => {
						throw new InputError('bad', 'fix');
					}),
			);
		} catch (error) {
			caught = error as InputError;
		}
		expect(caught?.parameter).toBe('Inner');
	});
});
