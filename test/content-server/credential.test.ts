import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import {
	normalizeContentServerBaseUrl,
	normalizeOtdsUrl,
	OpenTextContentServerApi,
} from '../../credentials/OpenTextContentServerApi.credentials';

describe('normalizeContentServerBaseUrl', () => {
	it.each([
		['https://otcs.example.com/otcs/cs.exe', 'https://otcs.example.com/otcs/cs.exe'],
		['https://otcs.example.com/otcs/cs.exe/', 'https://otcs.example.com/otcs/cs.exe'],
		['  http://127.0.0.1:8181/otcs/cs.exe//  ', 'http://127.0.0.1:8181/otcs/cs.exe'],
		['https://otcs.example.com/OTCS/llisapi.dll', 'https://otcs.example.com/OTCS/llisapi.dll'],
	])('accepts %p', (input, expected) => {
		expect(normalizeContentServerBaseUrl(input)).toBe(expected);
	});

	it('rejects a URL that already contains the API path', () => {
		expect(() =>
			normalizeContentServerBaseUrl('https://otcs.example.com/otcs/cs.exe/api/v1/'),
		).toThrow(
			'The Base URL "https://otcs.example.com/otcs/cs.exe/api/v1/" already contains "/api/v1". The node adds /api/v1 and /api/v2 itself, so enter https://otcs.example.com/otcs/cs.exe instead.',
		);
	});

	it('rejects a missing scheme', () => {
		expect(() => normalizeContentServerBaseUrl('otcs.example.com/otcs/cs.exe')).toThrow(
			/not a valid URL/,
		);
	});

	it('rejects other schemes', () => {
		expect(() => normalizeContentServerBaseUrl('ftp://otcs.example.com/cs.exe')).toThrow(
			/uses the scheme "ftp:"/,
		);
	});

	it('rejects a query string', () => {
		expect(() => normalizeContentServerBaseUrl('https://otcs.example.com/cs.exe?func=ll')).toThrow(
			/query or fragment/,
		);
	});

	it('rejects an empty value', () => {
		expect(() => normalizeContentServerBaseUrl('')).toThrow(/Base URL is empty/);
	});
});

describe('normalizeOtdsUrl', () => {
	it('removes a trailing /otdsws', () => {
		expect(normalizeOtdsUrl('https://otds.example.com/otdsws/')).toBe('https://otds.example.com');
	});
});

/** A request helper that answers like Content Server and OTDS, recording each request. */
function fakeHelper(
	answer: (options: IHttpRequestOptions) => {
		body?: unknown;
		headers?: IDataObject;
		status?: number;
	},
) {
	const requests: IHttpRequestOptions[] = [];
	const helper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				requests.push(options);
				const { body = {}, headers = {}, status = 200 } = answer(options);
				if (status >= 400) {
					throw Object.assign(new Error(`Request failed with status code ${status}`), {
						response: { status, data: body },
						config: { data: options.body },
					});
				}
				return { body, headers, statusCode: status, statusMessage: 'OK' };
			},
		},
	} as unknown as IHttpRequestHelper;
	return { helper, requests };
}

const credential = new OpenTextContentServerApi();
const BASE = { baseUrl: 'http://127.0.0.1:1/otcs/cs.exe/' };

describe('preAuthentication', () => {
	it('logs in with user name and password', async () => {
		const { helper, requests } = fakeHelper(() => ({ body: { ticket: 'T1' } }));

		const result = await credential.preAuthentication.call(helper, {
			...BASE,
			authentication: 'password',
			username: 'admin',
			password: 'Livelink1!',
			domain: '',
		});

		expect(result).toEqual({ ticket: 'T1' });
		expect(requests[0].method).toBe('POST');
		expect(requests[0].url).toBe('http://127.0.0.1:1/otcs/cs.exe/api/v1/auth');
		expect(String(requests[0].body)).toBe('username=admin&password=Livelink1%21');
	});

	it('reads the ticket from the header when the body has none', async () => {
		const { helper } = fakeHelper(() => ({ body: {}, headers: { otcsticket: 'T2' } }));
		const result = await credential.preAuthentication.call(helper, {
			...BASE,
			username: 'a',
			password: 'b',
		});
		expect(result).toEqual({ ticket: 'T2' });
	});

	it('reports rejected credentials without the password', async () => {
		const { helper } = fakeHelper(() => ({
			status: 401,
			body: { error: 'Invalid username/password specified.' },
		}));

		const error = await credential.preAuthentication
			.call(helper, {
				...BASE,
				authentication: 'password',
				username: 'admin',
				password: 'wrong-secret',
			})
			.catch((caught: unknown) => caught);

		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toBe(
			'Logging in to Content Server failed: the server rejected the credentials (HTTP 401). Check the User Name, Password and Domain.',
		);
		expect(JSON.stringify(error)).not.toContain('wrong-secret');
		expect((error as Error).cause).toBeUndefined();
	});

	it('exchanges an OTDS ticket', async () => {
		const { helper, requests } = fakeHelper(() => ({ headers: { otcsticket: 'T3' } }));

		const result = await credential.preAuthentication.call(helper, {
			...BASE,
			authentication: 'otdsTicket',
			otdsTicket: '*OTDSSSO*abc',
		});

		expect(result).toEqual({ ticket: 'T3' });
		expect(requests[0].method).toBe('GET');
		expect(requests[0].headers).toEqual({ OTDSTicket: '*OTDSSSO*abc' });
	});

	it('gets an OTDS access token and exchanges it', async () => {
		const { helper, requests } = fakeHelper((options) =>
			options.url.endsWith('/otdsws/oauth2/token')
				? { body: { access_token: 'AT', token_type: 'Bearer' } }
				: { headers: { otcsticket: 'T4' } },
		);

		const result = await credential.preAuthentication.call(helper, {
			...BASE,
			authentication: 'otdsClientCredentials',
			otdsUrl: 'http://127.0.0.1:2/otdsws',
			clientId: 'n8n',
			clientSecret: 'client-secret',
		});

		expect(result).toEqual({ ticket: 'T4' });
		expect(requests[0].url).toBe('http://127.0.0.1:2/otdsws/oauth2/token');
		expect(String(requests[0].body)).toBe(
			'grant_type=client_credentials&client_id=n8n&client_secret=client-secret',
		);
		expect(requests[1].headers).toEqual({ Authorization: 'Bearer AT' });
	});

	it('explains an exchange without OTCSTicket header', async () => {
		const { helper } = fakeHelper(() => ({ body: { data: {} } }));
		await expect(
			credential.preAuthentication.call(helper, {
				...BASE,
				authentication: 'otdsTicket',
				otdsTicket: 'x',
			}),
		).rejects.toThrow(/returned no OTCSTicket header/);
	});

	it('marks a server error as retryable for the node', async () => {
		const { helper } = fakeHelper(() => ({ status: 503 }));
		const error = (await credential.preAuthentication
			.call(helper, { ...BASE, username: 'a', password: 'b' })
			.catch((caught: unknown) => caught)) as UserError;
		expect(error.message).toMatch(/returned HTTP 503/);
		expect(error.extra).toEqual({ status: 503, code: undefined });
	});
});
