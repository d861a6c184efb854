/**
 * `POST /admin/oauth/access_token` with the client-credentials grant, and the token check of
 * every Admin API request.
 */
import type { IncomingMessage } from 'node:http';

import { headerValue, parseJsonBody } from './http';
import { DEMO_APP } from './settings';
import type { ShopifyStore, TokenRecord } from './store';

/** Body of Shopify's 401 for a missing, unknown or expired access token. */
export const INVALID_TOKEN_BODY = {
	errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
};

export interface TokenReply {
	status: number;
	body: Record<string, unknown>;
}

function readGrantFields(req: IncomingMessage, body: Buffer): Record<string, string> {
	const type = (headerValue(req, 'content-type') ?? '').toLowerCase();
	// Shopify's docs send a form body; Shopify's own JS library sends JSON. Both are accepted.
	if (type.includes('application/json')) {
		const parsed = parseJsonBody(body);
		const fields: Record<string, string> = {};
		if (parsed && typeof parsed === 'object') {
			for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
				if (typeof value === 'string') fields[key] = value;
			}
		}
		return fields;
	}
	return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

export function handleAccessToken(
	store: ShopifyStore,
	req: IncomingMessage,
	body: Buffer,
): TokenReply {
	const fields = readGrantFields(req, body);
	if (fields.grant_type !== 'client_credentials') {
		return {
			status: 400,
			body: {
				error: 'unsupported_grant_type',
				error_description: `grant_type must be client_credentials; got ${fields.grant_type ? `"${fields.grant_type}"` : 'nothing'}.`,
			},
		};
	}
	if (!fields.client_id || !fields.client_secret) {
		return {
			status: 400,
			body: {
				error: 'invalid_request',
				error_description:
					'client_id and client_secret are required for the client_credentials grant.',
			},
		};
	}
	if (fields.client_id !== DEMO_APP.clientId || fields.client_secret !== DEMO_APP.clientSecret) {
		// NOTE: RFC 6749 section 5.2 allows 400 or 401 here; Shopify's exact status is unverified.
		return {
			status: 401,
			body: {
				error: 'invalid_client',
				error_description:
					'Client authentication failed: the client_id or client_secret is wrong for this shop.',
			},
		};
	}
	const record = store.mintToken();
	return {
		status: 200,
		body: {
			access_token: record.token,
			scope: record.scope,
			expires_in: Math.max(0, Math.round(store.settings.tokenLifetimeSeconds)),
		},
	};
}

/** Returns the valid token record of an Admin API request, or null. */
export function authenticate(store: ShopifyStore, req: IncomingMessage): TokenRecord | null {
	return store.validToken(headerValue(req, 'x-shopify-access-token'));
}
