import type { CreatedCredential, N8nClient } from './n8n-client';

/** Accounts that both simulators accept out of the box (see each simulator's README). */
export const SIMULATOR_ACCOUNTS = {
	contentServer: { username: 'admin', password: 'Livelink1!' },
	shopify: {
		shop: 'demo-shop',
		accessToken: 'shpat_demo_token',
		webhookSigningSecret: 'demo-client-secret',
	},
	/** Header that callers of the templates' Webhook nodes send. The value is for the demo only. */
	contextApi: { name: 'X-Context-Key', value: 'demo-context-key' },
} as const;

export const CREDENTIAL_TYPES = {
	contentServer: 'openTextContentServerApi',
	shopify: 'shopifyAdminApi',
	/** n8n's built-in Header Auth credential, which guards the templates' Webhook nodes. */
	contextApi: 'httpHeaderAuth',
} as const;

export interface StackCredentials {
	contentServer: CreatedCredential;
	shopify: CreatedCredential;
	contextApi: CreatedCredential;
}

/** Credential data for the Content Server simulator, with the field names of openTextContentServerApi. */
export function contentServerCredentialData(contentServerUrl: string): Record<string, unknown> {
	return {
		baseUrl: contentServerUrl,
		authentication: 'password',
		username: SIMULATOR_ACCOUNTS.contentServer.username,
		password: SIMULATOR_ACCOUNTS.contentServer.password,
	};
}

/** Credential data for the Shopify simulator, with the field names of shopifyAdminApi. */
export function shopifyCredentialData(shopifyUrl: string): Record<string, unknown> {
	return {
		shop: SIMULATOR_ACCOUNTS.shopify.shop,
		authentication: 'accessToken',
		accessToken: SIMULATOR_ACCOUNTS.shopify.accessToken,
		webhookSigningSecret: SIMULATOR_ACCOUNTS.shopify.webhookSigningSecret,
		baseUrl: shopifyUrl,
	};
}

/** Creates one credential of each type in n8n, pointing at the given simulator URLs. */
export async function createSimulatorCredentials(
	client: N8nClient,
	urls: { contentServerUrl: string; shopifyUrl: string },
	names: { contentServer?: string; shopify?: string; contextApi?: string } = {},
): Promise<StackCredentials> {
	const contentServer = await client.createCredential({
		type: CREDENTIAL_TYPES.contentServer,
		name: names.contentServer ?? 'Content Server (simulator)',
		data: contentServerCredentialData(urls.contentServerUrl),
	});
	const shopify = await client.createCredential({
		type: CREDENTIAL_TYPES.shopify,
		name: names.shopify ?? 'Shopify (simulator)',
		data: shopifyCredentialData(urls.shopifyUrl),
	});
	const contextApi = await client.createCredential({
		type: CREDENTIAL_TYPES.contextApi,
		name: names.contextApi ?? 'Context API key (simulator)',
		data: { ...SIMULATOR_ACCOUNTS.contextApi },
	});
	return { contentServer, shopify, contextApi };
}
