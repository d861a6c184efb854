import { createHash } from 'crypto';

import type {
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

export const SHOPIFY_CREDENTIAL_TYPE = 'shopifyAdminApi';

/** Stable API version used when the credential leaves the field empty. */
export const DEFAULT_API_VERSION = '2026-10';

const SHOP_EXAMPLE = 'my-store, my-store.myshopify.com or https://admin.shopify.com/store/my-store';

/** Shopify shop handles: letters, digits and hyphens, starting with a letter or digit. */
const HANDLE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Shopify releases a stable version each quarter: YYYY-01, -04, -07 and -10. */
const VERSION_PATTERN = /^\d{4}-(01|04|07|10)$/;

/** A cached token counts as expired this long before Shopify's expiry, so no request races it. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

export interface ShopAddress {
	/** Shop handle, e.g. "my-store". */
	handle: string;
	/** The shop's `*.myshopify.com` host, which the Admin API and webhooks use. */
	domain: string;
	/** Scheme and host (and path prefix of a base-URL override) that requests go to. */
	origin: string;
}

function handleFromHost(host: string, input: string): string {
	const lower = host.toLowerCase();
	if (lower.endsWith('.myshopify.com')) return lower.slice(0, -'.myshopify.com'.length);
	if (!lower.includes('.')) return lower;
	throw new UserError(
		`The shop "${input}" is not a myshopify.com address. The Admin API only answers on the shop's own domain: enter its handle, e.g. ${SHOP_EXAMPLE}. Shopify's admin shows it under Settings → Domains.`,
	);
}

function checkHandle(handle: string, input: string): string {
	if (!HANDLE_PATTERN.test(handle)) {
		throw new UserError(
			`The shop "${input}" does not contain a valid shop handle. Enter it as ${SHOP_EXAMPLE}.`,
		);
	}
	return handle;
}

/**
 * Reads the shop handle from a bare handle, a `handle.myshopify.com` host, a URL on that
 * host, or an admin URL `https://admin.shopify.com/store/handle/...`. Throws a UserError that
 * shows the accepted forms otherwise.
 */
export function parseShopHandle(value: unknown): string {
	const input = typeof value === 'string' ? value.trim() : '';
	if (input === '') {
		throw new UserError(`The shop is empty. Enter it as ${SHOP_EXAMPLE}.`);
	}

	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new UserError(
			`The shop "${input}" is not a valid shop address. Enter it as ${SHOP_EXAMPLE}.`,
		);
	}

	if (url.hostname.toLowerCase() === 'admin.shopify.com') {
		const match = /^\/store\/([^/]+)/i.exec(url.pathname);
		if (!match) {
			throw new UserError(
				`The admin URL "${input}" does not contain /store/<handle>. Copy the address of the shop's admin, e.g. https://admin.shopify.com/store/my-store.`,
			);
		}
		return checkHandle(decodeURIComponent(match[1]).toLowerCase(), input);
	}
	return checkHandle(handleFromHost(url.hostname, input), input);
}

/**
 * Validates an optional base-URL override (for a proxy or a local simulator) and returns it
 * without a trailing slash, or undefined when it is empty.
 */
export function normalizeBaseUrl(value: unknown): string | undefined {
	const input = typeof value === 'string' ? value.trim() : '';
	if (input === '') return undefined;
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		throw new UserError(
			`The Base URL Override "${input}" is not a valid URL. Enter it with http:// or https://, e.g. https://shopify-proxy.example.com, or leave it empty.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new UserError(
			`The Base URL Override "${input}" uses the scheme "${url.protocol}". Use http:// or https://, or leave it empty.`,
		);
	}
	if (url.search !== '' || url.hash !== '') {
		throw new UserError(
			`The Base URL Override "${input}" contains a query or fragment. Remove everything from "?" or "#" on.`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (/\/admin(\/|$)/i.test(path)) {
		throw new UserError(
			`The Base URL Override "${input}" contains "/admin". The node adds /admin/api/<version> itself, so enter ${url.origin}${path.slice(0, path.search(/\/admin(\/|$)/i))} instead.`,
		);
	}
	return `${url.origin}${path}`;
}

/** Returns the shop's handle, myshopify domain and the origin that Admin API requests go to. */
export function resolveShop(credentials: ICredentialDataDecryptedObject): ShopAddress {
	const handle = parseShopHandle(credentials.shop);
	const domain = `${handle}.myshopify.com`;
	const origin = normalizeBaseUrl(credentials.baseUrl) ?? `https://${domain}`;
	return { handle, domain, origin };
}

/** Validates the API version field; an empty field means DEFAULT_API_VERSION. */
export function normalizeApiVersion(value: unknown): string {
	const input = typeof value === 'string' ? value.trim() : '';
	if (input === '') return DEFAULT_API_VERSION;
	if (input === 'unstable' || VERSION_PATTERN.test(input)) return input;
	throw new UserError(
		`The API version "${input}" is not a Shopify API version. Enter a quarterly release as YYYY-MM with MM 01, 04, 07 or 10, e.g. ${DEFAULT_API_VERSION}, or "unstable".`,
	);
}

/** URL of the GraphQL Admin API endpoint for the credential's shop and API version. */
export function graphqlEndpoint(credentials: ICredentialDataDecryptedObject): string {
	const { origin } = resolveShop(credentials);
	return `${origin}/admin/api/${normalizeApiVersion(credentials.apiVersion)}/graphql.json`;
}

/**
 * Fingerprint of what a cached session token belongs to: the authentication method, the
 * shop's origin and the client id or access token. A credential edited to another shop or
 * app no longer matches, so the node mints a new token instead of sending a foreign one.
 */
export function sessionFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const mode =
		credentials.authentication === 'clientCredentials' ? 'clientCredentials' : 'accessToken';
	const subject = mode === 'clientCredentials' ? credentials.clientId : credentials.accessToken;
	const { origin } = resolveShop(credentials);
	return createHash('sha256')
		.update(`${mode}\n${origin}\n${String(subject ?? '')}`)
		.digest('hex')
		.slice(0, 32);
}

/**
 * Whether the session token stored in the credential can be sent: it was minted for this
 * shop and app (see sessionFingerprint) and does not expire within TOKEN_EXPIRY_MARGIN_MS.
 */
export function isSessionUsable(
	credentials: ICredentialDataDecryptedObject,
	now = Date.now(),
): boolean {
	if (typeof credentials.sessionToken !== 'string' || credentials.sessionToken === '') return false;
	if (credentials.sessionFingerprint !== sessionFingerprint(credentials)) return false;
	const expiresAt = credentials.sessionExpiresAt;
	if (typeof expiresAt !== 'string' || expiresAt === '') return true;
	const expiry = Date.parse(expiresAt);
	return Number.isFinite(expiry) && expiry - TOKEN_EXPIRY_MARGIN_MS > now;
}

/**
 * Webhook signing keys in the order the trigger tries them: the signing secret (or, when it is
 * empty and the credential uses client credentials, the client secret, because Shopify signs
 * API-created subscriptions with the app's client secret), then the Notifications key.
 */
export function webhookSigningKeys(credentials: ICredentialDataDecryptedObject): string[] {
	const keys: string[] = [];
	const secret =
		typeof credentials.webhookSigningSecret === 'string' ? credentials.webhookSigningSecret : '';
	if (secret !== '') {
		keys.push(secret);
	} else if (
		credentials.authentication === 'clientCredentials' &&
		typeof credentials.clientSecret === 'string' &&
		credentials.clientSecret !== ''
	) {
		keys.push(credentials.clientSecret);
	}
	const notificationsKey = credentials.notificationsWebhookSecret;
	if (typeof notificationsKey === 'string' && notificationsKey !== '') keys.push(notificationsKey);
	return keys;
}

/**
 * Extracts Shopify's own error text from a response body: `error_description`, `errors`
 * (a string, a list of `{message}` or an object of field lists), `error` or plain text.
 */
export function shopifyErrorText(body: unknown): string | undefined {
	if (Buffer.isBuffer(body)) return shopifyErrorText(body.toString('utf8'));
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '') return undefined;
		try {
			return shopifyErrorText(JSON.parse(text) as unknown) ?? text.slice(0, 300);
		} catch {
			// HTML error pages carry no useful text for the user; plain text does.
			return text.startsWith('<') ? undefined : text.slice(0, 300);
		}
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	if (typeof record.error_description === 'string') return record.error_description;
	const errors = record.errors;
	if (typeof errors === 'string') return errors;
	if (Array.isArray(errors)) {
		const messages = errors
			.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject).message : entry))
			.filter((message): message is string => typeof message === 'string');
		if (messages.length > 0) return messages.join('; ');
	}
	if (errors && typeof errors === 'object') {
		return Object.entries(errors)
			.map(
				([field, value]) => `${field}: ${Array.isArray(value) ? value.join(', ') : String(value)}`,
			)
			.join('; ');
	}
	if (typeof record.error === 'string') return record.error;
	return undefined;
}

async function sendUnchecked(
	helper: IHttpRequestHelper,
	options: IHttpRequestOptions,
	step: string,
): Promise<IN8nHttpFullResponse> {
	try {
		return (await helper.helpers.httpRequest({
			...options,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		// The request options hold the client secret or token, so only the error code is kept.
		const code = (error as { code?: unknown }).code;
		throw new UserError(
			`${step} failed: Shopify could not be reached${typeof code === 'string' ? ` (${code})` : ''}. Check the shop, the Base URL Override and the network.`,
		);
	}
}

/** Mints an Admin API token with the client credentials grant. */
async function mintToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	origin: string,
): Promise<IDataObject> {
	const clientId = typeof credentials.clientId === 'string' ? credentials.clientId.trim() : '';
	const clientSecret = typeof credentials.clientSecret === 'string' ? credentials.clientSecret : '';
	if (clientId === '' || clientSecret === '') {
		throw new UserError(
			'Client ID and Client Secret are both required for client credentials. Copy them from the app in the Dev Dashboard (Settings → Credentials).',
		);
	}

	const step = 'Requesting an access token with the client credentials';
	// Shopify documents a form body; its own JavaScript library sends JSON, which the
	// endpoint accepts as well.
	const response = await sendUnchecked(
		helper,
		{
			method: 'POST',
			url: `${origin}/admin/oauth/access_token`,
			headers: { accept: 'application/json' },
			body: { client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials' },
		},
		step,
	);

	const body = (response.body ?? {}) as IDataObject;
	if (
		response.statusCode !== 200 ||
		typeof body.access_token !== 'string' ||
		body.access_token === ''
	) {
		const text = shopifyErrorText(response.body) ?? `HTTP ${response.statusCode}`;
		throw new UserError(
			`${step} failed: Shopify returned "${text}" (HTTP ${response.statusCode}). Check the shop, Client ID and Client Secret, and that the app is installed on this shop.`,
		);
	}

	const lifetime = Number(body.expires_in);
	const expiresAt =
		Number.isFinite(lifetime) && lifetime > 0
			? new Date(Date.now() + lifetime * 1000).toISOString()
			: '';
	return { sessionToken: body.access_token, sessionExpiresAt: expiresAt };
}

/**
 * Checks a static access token with `{ shop { name } }`, so that a rejected token shows
 * Shopify's own error text (in the credential test and after a 401 in a workflow).
 */
async function verifyAccessToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	endpoint: string,
): Promise<IDataObject> {
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken.trim() : '';
	if (token === '') {
		throw new UserError(
			'The Admin API access token is empty. Paste the token (shpat_…) of the custom app, or switch Authentication to Client Credentials.',
		);
	}

	const step = 'Checking the Admin API access token';
	const response = await sendUnchecked(
		helper,
		{
			method: 'POST',
			url: endpoint,
			headers: { 'X-Shopify-Access-Token': token, accept: 'application/json' },
			body: { query: '{ shop { name } }' },
		},
		step,
	);

	const body = (response.body ?? {}) as IDataObject;
	const data = body.data as IDataObject | undefined;
	if (response.statusCode !== 200 || !data?.shop) {
		const text = shopifyErrorText(response.body) ?? `HTTP ${response.statusCode}`;
		throw new UserError(
			`${step} failed: Shopify returned "${text}" (HTTP ${response.statusCode}). Check the shop, the API version and the token; a token of another shop or an uninstalled app is rejected.`,
		);
	}
	return { sessionToken: token, sessionExpiresAt: '' };
}

export class ShopifyAdminApi implements ICredentialType {
	name = 'shopifyAdminApi';

	displayName = 'Shopify Admin API';

	icon: Icon = { light: 'file:shopifyAdminApi.svg', dark: 'file:shopifyAdminApi.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-opentext-shopify/n8n-nodes-opentext-shopify/blob/main/docs/shopify-nodes.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Session Expires At',
			name: 'sessionExpiresAt',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Session Fingerprint',
			name: 'sessionFingerprint',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Shop',
			name: 'shop',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. my-store',
			description:
				'The shop handle, its myshopify.com domain or the address of its admin (https://admin.shopify.com/store/my-store)',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: DEFAULT_API_VERSION,
			placeholder: `e.g. ${DEFAULT_API_VERSION}`,
			description:
				'Admin API version as YYYY-MM. Webhook subscriptions use the "uri" field from 2025-10 on and "callbackUrl" before.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Admin API Access Token',
					value: 'accessToken',
					description: 'A token (shpat_…) of a custom app created in the Shopify admin',
				},
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description:
						'Client ID and secret of a Dev Dashboard app installed on this shop; the node mints and renews tokens',
				},
			],
			default: 'accessToken',
		},
		{
			displayName: 'Admin API Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['accessToken'] } },
			description: 'Shown once when the custom app is installed, under API credentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: "The app's client ID, shown in the Dev Dashboard under Settings → Credentials",
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
			description: "The app's client secret, shown next to the client ID",
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Key that checks the signature of webhooks the Shopify Webhook Trigger registers: the app's client secret. With client credentials it may stay empty, and the client secret is used.",
		},
		{
			displayName: 'Notifications Webhook Secret',
			name: 'notificationsWebhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional second key, for webhooks created in the Shopify admin under Settings → Notifications → Webhooks, which Shopify signs with the key shown on that page',
		},
		{
			displayName: 'Base URL Override',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://shopify-proxy.example.com',
			description:
				'Send requests here instead of https://<shop>.myshopify.com, e.g. to a proxy or a test server. Leave empty for Shopify.',
		},
	];

	/**
	 * Mints a token (client credentials) or checks the static token, and stores the result in
	 * the hidden session fields. n8n calls this when the session token is empty, after a 401
	 * and before every credential test.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const { origin } = resolveShop(credentials);
		const endpoint = graphqlEndpoint(credentials);
		const session =
			credentials.authentication === 'clientCredentials'
				? await mintToken(this, credentials, origin)
				: await verifyAccessToken(this, credentials, endpoint);
		return { ...session, sessionFingerprint: sessionFingerprint(credentials) };
	}

	/**
	 * Adds `X-Shopify-Access-Token`. A relative URL (the credential test's) is resolved
	 * against the shop's Admin API, so the shop is normalised in one place.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token =
			credentials.authentication === 'clientCredentials'
				? credentials.sessionToken
				: credentials.accessToken;
		const options: IHttpRequestOptions = {
			...requestOptions,
			headers: { ...requestOptions.headers, 'X-Shopify-Access-Token': String(token ?? '') },
		};
		if (!options.baseURL && options.url.startsWith('/')) {
			const { origin } = resolveShop(credentials);
			options.baseURL = `${origin}/admin/api/${normalizeApiVersion(credentials.apiVersion)}`;
		}
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/graphql.json',
			body: { query: '{ shop { name } }' },
			json: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Shopify rejected the token (HTTP 401). Check the token or the client ID and secret, and that the app is installed on this shop.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 402,
					message:
						'Shopify reports the shop as frozen for unpaid bills (HTTP 402). The shop owner has to settle the bill in the Shopify admin.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Shopify refused access (HTTP 403). Check that the app is still installed on this shop and allowed to use the Admin API.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Shopify found no shop or API version at this address (HTTP 404). Check the shop, the API version and the Base URL Override.',
				},
			},
		],
	};
}
