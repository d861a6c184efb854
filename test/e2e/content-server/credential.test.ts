import { getStack } from '../support';
import { byId, ENTERPRISE_ID, NODE_TYPE, SimulatorControl, uniqueName } from './harness';
import { buildOperationWorkflow, callOperation } from '../support';

const stack = getStack();
const connection = stack.n8n.toConnection();

/** Runs n8n's credential test, as the Test button of the credential dialog does. */
async function testCredential(
	data: Record<string, unknown>,
): Promise<{ status: string; message: string }> {
	const created = await stack.n8n.createCredential({
		type: 'openTextContentServerApi',
		name: uniqueName('credential test'),
		data,
	});
	const response = await fetch(`${connection.baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers: {
			cookie: connection.authCookie,
			'content-type': 'application/json',
			accept: 'application/json',
		},
		body: JSON.stringify({
			credentials: { id: created.id, name: created.name, type: 'openTextContentServerApi', data },
		}),
	});
	const body = (await response.json()) as { data: { status: string; message: string } };
	expect(response.status).toBe(200);
	return body.data;
}

const origin = new URL(stack.contentServerUrl).origin;

describe('OpenText Content Server API credential', () => {
	it.each([
		[
			'user name and password',
			{ authentication: 'password', username: 'admin', password: 'Livelink1!' },
		],
		['an OTDS ticket', { authentication: 'otdsTicket', otdsTicket: 'demo-otds-ticket' }],
		[
			'OTDS client credentials',
			{
				authentication: 'otdsClientCredentials',
				otdsUrl: `${origin}/otdsws/`,
				clientId: 'demo-otds-client',
				clientSecret: 'demo-otds-secret',
			},
		],
	])('passes the test with %s', async (_label, fields) => {
		const result = await testCredential({ baseUrl: `${stack.contentServerUrl}/`, ...fields });
		expect(result).toMatchObject({ status: 'OK' });
	});

	it('fails the test with a wrong password and keeps it out of the message', async () => {
		const result = await testCredential({
			baseUrl: stack.contentServerUrl,
			authentication: 'password',
			username: 'admin',
			password: 'wrong-secret-123',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain(
			'Logging in to Content Server failed: the server rejected the credentials (HTTP 401)',
		);
		expect(result.message).not.toContain('wrong-secret-123');
	});

	it('fails the test with an invalid client secret', async () => {
		const result = await testCredential({
			baseUrl: stack.contentServerUrl,
			authentication: 'otdsClientCredentials',
			otdsUrl: origin,
			clientId: 'demo-otds-client',
			clientSecret: 'not-the-secret',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Requesting an OTDS access token failed');
		expect(result.message).not.toContain('not-the-secret');
	});

	it('explains a Base URL with the API path', async () => {
		const result = await testCredential({
			baseUrl: `${stack.contentServerUrl}/api/v1`,
			authentication: 'password',
			username: 'admin',
			password: 'Livelink1!',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('already contains "/api/v1"');
	});

	it('runs the node with OTDS client credentials', async () => {
		const credential = await stack.n8n.createCredential({
			type: 'openTextContentServerApi',
			name: uniqueName('otds node'),
			data: {
				baseUrl: stack.contentServerUrl,
				authentication: 'otdsClientCredentials',
				otdsUrl: origin,
				clientId: 'demo-otds-client',
				clientSecret: 'demo-otds-secret',
			},
		});
		const simulator = new SimulatorControl(origin);
		await simulator.clearRequests();
		const workflow = buildOperationWorkflow({
			name: 'otds folder get',
			node: {
				type: NODE_TYPE,
				parameters: { resource: 'folder', operation: 'get', folder: byId(ENTERPRISE_ID) },
				credentials: { openTextContentServerApi: { id: credential.id, name: credential.name } },
			},
		});

		const result = await callOperation(stack, workflow, [{}, {}]);

		expect(result.items.map((item) => item.json.id)).toEqual([ENTERPRISE_ID, ENTERPRISE_ID]);
		const requests = await simulator.requests();
		expect(
			requests.filter((request) => request.path.endsWith('/otdsws/oauth2/token')),
		).toHaveLength(1);
	});
});
