/**
 * Authentication: login, current user, logout, ping and server info, plus a small OTDS on the
 * same port (OAuth client credentials grant and the credentials login that returns OTDS tickets).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

import { ApiError, errors } from '../errors';
import type { Router } from '../http/router';
import { memberProperties } from './common';

function sameSecret(left: string, right: string): boolean {
	const a = Buffer.from(left);
	const b = Buffer.from(right);
	return a.length === b.length && timingSafeEqual(a, b);
}

export function registerAuthRoutes(router: Router): void {
	router.post(
		'/api/v1/auth',
		(context) => {
			const { store, form } = context;
			const username = form.string('username');
			if (username === undefined) throw errors.loginArgumentRequired('username');
			const password = form.string('password', { trim: false });
			if (password === undefined) throw errors.loginArgumentRequired('password');
			const domain = form.string('domain');
			if (domain !== undefined && !store.settings.domainSupport) throw errors.domainDisabled();

			const user = store.findUserByLogin(username);
			if (!user || user.password === undefined || !sameSecret(user.password, password)) {
				throw errors.invalidLogin();
			}
			const ticket = store.issueTicket(user.id);
			context.issuedTicket = ticket;
			return { json: { ticket } };
		},
		{ auth: false },
	);

	router.get('/api/v1/auth', (context) => ({ json: { data: memberProperties(context.user) } }));

	router.delete(
		'/api/v1/auth',
		(context) => {
			if (context.sessionId) context.store.endSession(context.sessionId);
			context.sessionEnded = true;
			return { json: {} };
		},
		{ allowEmpty: true },
	);

	router.get(
		'/api/v1/ping',
		() => ({
			json: {
				rest_api: [
					{ build: 2, href: 'api/v1', version: 1 },
					{ build: 2, href: 'api/v2', version: 2 },
				],
			},
		}),
		{ auth: false },
	);

	router.get('/api/v1/serverinfo', (context) => {
		const settings = context.store.settings;
		return {
			json: {
				mobile: { cs_viewer_support: false, offline_use: true },
				server: {
					advanced_versioning: true,
					character_encoding: 1,
					current_date: new Date().toISOString().slice(0, 19),
					current_locale_suffix: '_en_US',
					domain_access_enabled: settings.domainSupport,
					enhanced_advanced_versioning: false,
					force_download_for_mime_types: [],
					language_code: 'USA',
					languages: [{ language_code: 'en_US', language_name: 'English (United States)' }],
					metadata_languages: [{ language_code: 'en', language_name: 'English' }],
					url: settings.basePath,
					version: '23.4',
				},
				sessions: {
					enabled: true,
					expire_after_last_login: !settings.ticketSliding,
					expire_after_last_request: settings.ticketSliding,
					logout_url: `${settings.basePath}?func=ll.DoLogout`,
					session_inactivity: settings.ticketIdleSeconds * 1000,
					session_reaction_time: 0,
					session_timeout: settings.ticketIdleSeconds * 1000,
				},
				viewer: { content_suite: { accept: [], enabled: false } },
			},
		};
	});
}

/** OAuth errors use the standard `error` / `error_description` body of RFC 6749. */
function oauthError(status: number, code: string, description: string): ApiError {
	const error = new ApiError(status, code, description);
	(error as ApiError & { oauth: true }).oauth = true;
	return error;
}

export function isOAuthError(error: unknown): boolean {
	return error instanceof ApiError && (error as ApiError & { oauth?: boolean }).oauth === true;
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
	const match = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return {
		id: decodeURIComponent(decoded.slice(0, colon)),
		secret: decodeURIComponent(decoded.slice(colon + 1)),
	};
}

export function registerOtdsRoutes(router: Router): void {
	router.post(
		'/otdsws/oauth2/token',
		(context) => {
			const { form, store, req } = context;
			const otds = store.settings.otds;
			const grantType = form.string('grant_type');
			if (grantType === undefined) {
				throw oauthError(
					400,
					'invalid_request',
					'Missing parameter grant_type. Send grant_type=client_credentials.',
				);
			}
			if (grantType !== 'client_credentials') {
				throw oauthError(
					400,
					'unsupported_grant_type',
					`Grant type "${grantType}" is not supported for this client. Use client_credentials.`,
				);
			}
			const basic = basicCredentials(req.headers.authorization);
			const clientId = basic?.id ?? form.string('client_id');
			const clientSecret = basic?.secret ?? form.string('client_secret', { trim: false });
			if (
				clientId === undefined ||
				clientSecret === undefined ||
				clientId !== otds.clientId ||
				!sameSecret(clientSecret, otds.clientSecret)
			) {
				throw oauthError(
					401,
					'invalid_client',
					'Client authentication failed. Check the client ID and secret.',
				);
			}
			const token = randomBytes(32).toString('base64url');
			store.otdsTokens.set(token, {
				userId: otds.userId,
				expiresAt: Date.now() + otds.tokenLifetimeSeconds * 1000,
			});
			return {
				json: {
					access_token: token,
					token_type: 'Bearer',
					expires_in: otds.tokenLifetimeSeconds,
					scope: 'openid',
					issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
				},
				headers: { 'Cache-Control': 'no-store' },
			};
		},
		{ auth: false },
	);

	const credentialsLogin = (userField: 'user_name' | 'userName') =>
		((context) => {
			const { form, store } = context;
			const username = form.string(userField);
			const password = form.string('password', { trim: false });
			const user = username !== undefined ? store.findUserByLogin(username) : undefined;
			if (
				!user ||
				password === undefined ||
				user.password === undefined ||
				!sameSecret(user.password, password)
			) {
				throw new ApiError(401, 'Invalid username or password.');
			}
			const ticket = `*OTDSSSO*${randomBytes(48).toString('base64')}`;
			store.otdsTickets.set(ticket, {
				userId: user.id,
				expiresAt: Date.now() + store.settings.otds.tokenLifetimeSeconds * 1000,
			});
			return {
				json: {
					token: randomBytes(16).toString('hex'),
					userId: `${user.name}@otds.admin`,
					ticket,
					resourceID: null,
					failureReason: null,
					passwordExpirationTime: 0,
					continuation: false,
					continuationContext: null,
					continuationData: null,
				},
			};
		}) satisfies Parameters<Router['post']>[1];

	router.post('/otdsws/v1/authentication/credentials', credentialsLogin('user_name'), {
		auth: false,
		acceptJson: true,
	});
	router.post('/otdsws/rest/authentication/credentials', credentialsLogin('userName'), {
		auth: false,
		acceptJson: true,
	});
}

/** Resolves an OTDS ticket or bearer token to a user ID, or undefined when it is not valid. */
export function otdsUserFor(
	store: import('../store').Store,
	kind: 'ticket' | 'bearer',
	value: string,
): number | undefined {
	const otds = store.settings.otds;
	const now = Date.now();
	if (kind === 'ticket') {
		if (otds.tickets.includes(value)) return otds.userId;
		const minted = store.otdsTickets.get(value);
		return minted && minted.expiresAt > now ? minted.userId : undefined;
	}
	if (otds.bearerTokens.includes(value)) return otds.userId;
	const minted = store.otdsTokens.get(value);
	return minted && minted.expiresAt > now ? minted.userId : undefined;
}
