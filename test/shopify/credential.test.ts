import {
	DEFAULT_API_VERSION,
	graphqlEndpoint,
	isSessionUsable,
	normalizeApiVersion,
	normalizeBaseUrl,
	parseShopHandle,
	resolveShop,
	sessionFingerprint,
	shopifyErrorText,
	TOKEN_EXPIRY_MARGIN_MS,
	webhookSigningKeys,
} from '../../credentials/ShopifyAdminApi.credentials';

describe('parseShopHandle', () => {
	it.each([
		['demo-shop', 'demo-shop'],
		['  Demo-Shop  ', 'demo-shop'],
		['demo-shop.myshopify.com', 'demo-shop'],
		['DEMO-SHOP.MYSHOPIFY.COM', 'demo-shop'],
		['https://demo-shop.myshopify.com', 'demo-shop'],
		['https://demo-shop.myshopify.com/', 'demo-shop'],
		['https://demo-shop.myshopify.com/admin/orders/5001', 'demo-shop'],
		['demo-shop.myshopify.com/admin', 'demo-shop'],
		['https://admin.shopify.com/store/demo-shop', 'demo-shop'],
		['https://admin.shopify.com/store/demo-shop/orders/5001?x=1', 'demo-shop'],
		['admin.shopify.com/store/demo-shop', 'demo-shop'],
		['shop42', 'shop42'],
	])('reads %j as %j', (input, handle) => {
		expect(parseShopHandle(input)).toBe(handle);
	});

	it.each([
		['', /shop is empty/],
		['   ', /shop is empty/],
		[undefined, /shop is empty/],
		['www.demo-shop.com', /not a myshopify\.com address/],
		['https://admin.shopify.com/orders/5001', /does not contain \/store\/<handle>/],
		['demo shop', /not a valid shop address|does not contain a valid shop handle/],
		['-demo', /does not contain a valid shop handle/],
		['demo_shop', /does not contain a valid shop handle/],
	])('rejects %j', (input, message) => {
		expect(() => parseShopHandle(input)).toThrow(message);
	});
});

describe('normalizeBaseUrl', () => {
	it('returns undefined for an empty value', () => {
		expect(normalizeBaseUrl('')).toBeUndefined();
		expect(normalizeBaseUrl(undefined)).toBeUndefined();
	});

	it('strips trailing slashes and keeps a path prefix', () => {
		expect(normalizeBaseUrl('http://127.0.0.1:8282/')).toBe('http://127.0.0.1:8282');
		expect(normalizeBaseUrl('https://proxy.example.com/shopify//')).toBe(
			'https://proxy.example.com/shopify',
		);
	});

	it('rejects an /admin path, other schemes and queries', () => {
		expect(() => normalizeBaseUrl('https://proxy.example.com/admin/api')).toThrow(
			/enter https:\/\/proxy\.example\.com instead/,
		);
		expect(() => normalizeBaseUrl('ftp://proxy.example.com')).toThrow(/scheme "ftp:"/);
		expect(() => normalizeBaseUrl('https://proxy.example.com?x=1')).toThrow(/query or fragment/);
		expect(() => normalizeBaseUrl('not a url')).toThrow(/not a valid URL/);
	});
});

describe('normalizeApiVersion', () => {
	it('defaults to the current stable version', () => {
		expect(normalizeApiVersion('')).toBe(DEFAULT_API_VERSION);
		expect(DEFAULT_API_VERSION).toBe('2026-10');
	});

	it.each(['2025-01', '2025-10', '2026-04', 'unstable'])('accepts %s', (version) => {
		expect(normalizeApiVersion(` ${version} `)).toBe(version);
	});

	it.each(['2026-02', '2026-1', '26-01', 'latest', '2026-10-01'])('rejects %s', (version) => {
		expect(() => normalizeApiVersion(version)).toThrow(/not a Shopify API version/);
	});
});

describe('resolveShop and graphqlEndpoint', () => {
	it('uses the myshopify domain without an override', () => {
		const shop = resolveShop({ shop: 'https://admin.shopify.com/store/demo-shop' });
		expect(shop).toEqual({
			handle: 'demo-shop',
			domain: 'demo-shop.myshopify.com',
			origin: 'https://demo-shop.myshopify.com',
		});
		expect(graphqlEndpoint({ shop: 'demo-shop', apiVersion: '2025-07' })).toBe(
			'https://demo-shop.myshopify.com/admin/api/2025-07/graphql.json',
		);
	});

	it('sends requests to the base-URL override', () => {
		expect(graphqlEndpoint({ shop: 'demo-shop', baseUrl: 'http://127.0.0.1:8282/' })).toBe(
			'http://127.0.0.1:8282/admin/api/2026-10/graphql.json',
		);
	});
});

describe('isSessionUsable', () => {
	const base = { shop: 'demo-shop', authentication: 'clientCredentials', clientId: 'app-1' };
	const now = Date.parse('2026-03-01T12:00:00Z');

	it('accepts a fresh token of this app', () => {
		const credentials = {
			...base,
			sessionToken: 'shpat_x',
			sessionExpiresAt: new Date(now + TOKEN_EXPIRY_MARGIN_MS + 1000).toISOString(),
		};
		expect(
			isSessionUsable({ ...credentials, sessionFingerprint: sessionFingerprint(credentials) }, now),
		).toBe(true);
	});

	it('rejects a token that expires within the margin', () => {
		const credentials = {
			...base,
			sessionToken: 'shpat_x',
			sessionExpiresAt: new Date(now + TOKEN_EXPIRY_MARGIN_MS - 1000).toISOString(),
		};
		expect(
			isSessionUsable({ ...credentials, sessionFingerprint: sessionFingerprint(credentials) }, now),
		).toBe(false);
	});

	it('rejects a token minted for another shop or client', () => {
		const minted = { ...base, sessionToken: 'shpat_x', sessionExpiresAt: '' };
		const fingerprint = sessionFingerprint(minted);
		expect(
			isSessionUsable({ ...minted, shop: 'other-shop', sessionFingerprint: fingerprint }, now),
		).toBe(false);
		expect(
			isSessionUsable({ ...minted, clientId: 'app-2', sessionFingerprint: fingerprint }, now),
		).toBe(false);
		expect(isSessionUsable({ ...minted, sessionFingerprint: fingerprint }, now)).toBe(true);
	});

	it('rejects an empty token', () => {
		expect(isSessionUsable({ ...base, sessionToken: '' }, now)).toBe(false);
	});
});

describe('webhookSigningKeys', () => {
	it('lists the signing secret, then the Notifications secret', () => {
		expect(
			webhookSigningKeys({
				webhookSigningSecret: 'app-secret',
				notificationsWebhookSecret: 'admin-key',
			}),
		).toEqual(['app-secret', 'admin-key']);
	});

	it('falls back to the client secret with client credentials', () => {
		expect(
			webhookSigningKeys({ authentication: 'clientCredentials', clientSecret: 'client-secret' }),
		).toEqual(['client-secret']);
		expect(
			webhookSigningKeys({ authentication: 'accessToken', clientSecret: 'client-secret' }),
		).toEqual([]);
	});
});

describe('shopifyErrorText', () => {
	it('reads the forms Shopify uses', () => {
		expect(shopifyErrorText({ errors: '[API] Invalid API key or access token' })).toBe(
			'[API] Invalid API key or access token',
		);
		expect(
			shopifyErrorText({
				error: 'invalid_client',
				error_description: 'Client authentication failed',
			}),
		).toBe('Client authentication failed');
		expect(shopifyErrorText({ errors: [{ message: 'Throttled' }, { message: 'Other' }] })).toBe(
			'Throttled; Other',
		);
		expect(
			shopifyErrorText({ errors: { address: ['for this topic has already been taken'] } }),
		).toBe('address: for this topic has already been taken');
		expect(shopifyErrorText('{"errors":"Not Found"}')).toBe('Not Found');
		expect(shopifyErrorText('<html>Bad gateway</html>')).toBeUndefined();
		expect(shopifyErrorText(Buffer.from('plain text'))).toBe('plain text');
	});
});
