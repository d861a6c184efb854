import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

const BASE_URL_EXAMPLE = 'https://otcs.example.com/otcs/cs.exe';

/**
 * Validates the Content Server base URL and returns it without trailing slashes.
 * Throws a UserError that says what to change when the scheme is missing or the URL
 * already contains the `/api/v1` or `/api/v2` part that the node appends itself.
 */
export function normalizeContentServerBaseUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') {
		throw new UserError(
			`The Base URL is empty. Enter the address of the Content Server REST endpoint, e.g. ${BASE_URL_EXAMPLE}.`,
		);
	}

	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UserError(
			`The Base URL "${text}" is not a valid URL. Enter it with http:// or https://, e.g. ${BASE_URL_EXAMPLE}.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UserError(
			`The Base URL "${text}" uses the scheme "${url.protocol}". Use http:// or https://, e.g. ${BASE_URL_EXAMPLE}.`,
		);
	}
	if (url.search !== '' || url.hash !== '') {
		throw new UserError(
			`The Base URL "${text}" contains a query or fragment. Remove everything from "?" or "#" on, e.g. ${BASE_URL_EXAMPLE}.`,
		);
	}

	const path = url.pathname.replace(/\/+$/, '');
	const apiPart = /\/api(\/v\d+)?(\/|$)/i.exec(path);
	if (apiPart) {
		const withoutApi = `${url.origin}${path.slice(0, apiPart.index)}`;
		throw new UserError(
			`The Base URL "${text}" already contains "${path.slice(apiPart.index)}". The node adds /api/v1 and /api/v2 itself, so enter ${withoutApi} instead.`,
		);
	}

	return `${url.origin}${path}`;
}

/**
 * Validates the OTDS server URL and returns its origin and path without a trailing
 * `/otdsws`, because the token path is appended as `/otdsws/oauth2/token`.
 */
export function normalizeOtdsUrl(value: unknown): string {
	const text = typeof value === 'string' ? value.trim() : '';
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UserError(
			`The OTDS URL "${text}" is not a valid URL. Enter the address of the OTDS server, e.g. https://otds.example.com.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UserError(
			`The OTDS URL "${text}" uses the scheme "${url.protocol}". Use http:// or https://, e.g. https://otds.example.com.`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/otdsws$/i, '');
	return `${url.origin}${path}`;
}

function readHeader(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = response.headers[name.toLowerCase()] ?? response.headers[name];
	if (Array.isArray(value)) return value[0];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function statusOf(error: unknown): number | undefined {
	const response = (error as { response?: { status?: unknown } })?.response;
	return typeof response?.status === 'number' ? response.status : undefined;
}

/**
 * Sends a login request and rethrows failures as a UserError that carries no request
 * details, because the failed request's options contain the password or client secret.
 */
async function sendLoginRequest(
	helper: IHttpRequestHelper,
	options: IHttpRequestOptions,
	step: string,
	rejectedHint: string,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await helper.helpers.httpRequest({
			...options,
			returnFullResponse: true,
			json: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const status = statusOf(error);
		// `extra` tells the node's session whether a retry may help (5xx, dropped connections).
		if (status === 401 || status === 403) {
			throw new UserError(
				`${step} failed: the server rejected the credentials (HTTP ${status}). ${rejectedHint}`,
				{ extra: { status } },
			);
		}
		const code = (error as { code?: string }).code;
		const reason =
			status !== undefined
				? `the server returned HTTP ${status}`
				: 'the server could not be reached or closed the connection';
		throw new UserError(
			`${step} failed: ${reason}. Check the URL and that the server is running.`,
			{
				extra: { status, code },
			},
		);
	}
}

async function exchangeForOtcsTicket(
	helper: IHttpRequestHelper,
	baseUrl: string,
	headers: IDataObject,
	skipSslCertificateValidation: boolean,
	step: string,
	rejectedHint: string,
): Promise<string> {
	const response = await sendLoginRequest(
		helper,
		{ method: 'GET', url: `${baseUrl}/api/v1/auth`, headers, skipSslCertificateValidation },
		step,
		rejectedHint,
	);
	const ticket = readHeader(response, 'OTCSTicket');
	if (ticket === undefined) {
		throw new UserError(
			`${step} failed: Content Server returned no OTCSTicket header. Check that the Base URL points at Content Server and that OTDS authentication is enabled there.`,
		);
	}
	return ticket;
}

export class OpenTextContentServerApi implements ICredentialType {
	name = 'openTextContentServerApi';

	displayName = 'OpenText Content Server API';

	icon: Icon = {
		light: 'file:openTextContentServer.svg',
		dark: 'file:openTextContentServer.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-opentext-shopify/n8n-nodes-opentext-shopify/blob/main/docs/content-server-node.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Ticket',
			name: 'ticket',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: `e.g. ${BASE_URL_EXAMPLE}`,
			description:
				'Address of the Content Server REST endpoint, up to and including cs.exe (or cs, llisapi.dll), without /api/v1',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'User Name and Password',
					value: 'password',
					description: 'Log in to Content Server directly',
				},
				{
					name: 'OTDS Ticket',
					value: 'otdsTicket',
					description: 'Exchange an OpenText Directory Services ticket for a Content Server ticket',
				},
				{
					name: 'OTDS OAuth Client Credentials',
					value: 'otdsClientCredentials',
					description:
						'Get an access token from OpenText Directory Services with a client ID and secret',
				},
			],
			default: 'password',
		},
		{
			displayName: 'User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			description: 'Content Server user domain, if the server uses domains. Leave empty otherwise.',
			displayOptions: { show: { authentication: ['password'] } },
		},
		{
			displayName: 'OTDS Ticket',
			name: 'otdsTicket',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Ticket issued by OpenText Directory Services for the Content Server resource',
			displayOptions: { show: { authentication: ['otdsTicket'] } },
		},
		{
			displayName: 'OTDS URL',
			name: 'otdsUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://otds.example.com',
			description: 'Address of the OpenText Directory Services server, without /otdsws',
			displayOptions: { show: { authentication: ['otdsClientCredentials'] } },
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['otdsClientCredentials'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['otdsClientCredentials'] } },
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server certificate cannot be validated, e.g. a self-signed certificate on a test server',
		},
	];

	/**
	 * Logs in and returns a fresh Content Server ticket. n8n calls this when the stored
	 * ticket is empty, and stores the result in the hidden `ticket` field.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = normalizeContentServerBaseUrl(credentials.baseUrl);
		const skipSslCertificateValidation = credentials.ignoreSslIssues === true;
		const authentication = (credentials.authentication as string | undefined) ?? 'password';

		if (authentication === 'otdsTicket') {
			const ticket = await exchangeForOtcsTicket(
				this,
				baseUrl,
				{ OTDSTicket: credentials.otdsTicket as string },
				skipSslCertificateValidation,
				'Exchanging the OTDS ticket for a Content Server ticket',
				'The OTDS ticket has expired or is not valid for this Content Server. Get a new OTDS ticket and save it in the credential.',
			);
			return { ticket };
		}

		if (authentication === 'otdsClientCredentials') {
			const otdsUrl = normalizeOtdsUrl(credentials.otdsUrl);
			const tokenResponse = await sendLoginRequest(
				this,
				{
					method: 'POST',
					url: `${otdsUrl}/otdsws/oauth2/token`,
					body: new URLSearchParams({
						grant_type: 'client_credentials',
						client_id: (credentials.clientId as string) ?? '',
						client_secret: (credentials.clientSecret as string) ?? '',
					}),
					skipSslCertificateValidation,
				},
				'Requesting an OTDS access token',
				'Check the Client ID and Client Secret of the OAuth client in OTDS.',
			);
			const accessToken = (tokenResponse.body as IDataObject | undefined)?.access_token;
			if (typeof accessToken !== 'string' || accessToken === '') {
				throw new UserError(
					'Requesting an OTDS access token failed: the response contains no access_token. Check that the OTDS URL points at OTDS and that the client may use the client credentials grant.',
				);
			}
			const ticket = await exchangeForOtcsTicket(
				this,
				baseUrl,
				{ Authorization: `Bearer ${accessToken}` },
				skipSslCertificateValidation,
				'Exchanging the OTDS access token for a Content Server ticket',
				'Check that Content Server trusts this OTDS server and that the OAuth client is mapped to a Content Server user.',
			);
			return { ticket };
		}

		const form = new URLSearchParams({
			username: (credentials.username as string) ?? '',
			password: (credentials.password as string) ?? '',
		});
		if (typeof credentials.domain === 'string' && credentials.domain.trim() !== '') {
			form.set('domain', credentials.domain.trim());
		}
		const response = await sendLoginRequest(
			this,
			{ method: 'POST', url: `${baseUrl}/api/v1/auth`, body: form, skipSslCertificateValidation },
			'Logging in to Content Server',
			'Check the User Name, Password and Domain.',
		);
		const bodyTicket = (response.body as IDataObject | undefined)?.ticket;
		const ticket =
			typeof bodyTicket === 'string' && bodyTicket !== ''
				? bodyTicket
				: readHeader(response, 'OTCSTicket');
		if (ticket === undefined) {
			throw new UserError(
				'Logging in to Content Server failed: the response contains no ticket. Check that the Base URL points at the Content Server REST endpoint (it usually ends in cs.exe).',
			);
		}
		return { ticket };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				OTCSTicket: '={{$credentials.ticket}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/api/v1/auth',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
	};
}
