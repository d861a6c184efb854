/**
 * Settings of one simulator run, the demo accounts, and the validation of a settings patch
 * sent to `PATCH /_simulator/settings`. Where the real server's behaviour is not documented,
 * the most likely behaviour is the default and the alternative is a setting.
 */

/** The demo accounts that the simulator accepts out of the box. */
export const DEMO_ACCOUNTS = {
	username: 'admin',
	password: 'Livelink1!',
	/** Content Server user ID of `admin`, as on a fresh installation. */
	userId: 1000,
} as const;

const MIB = 1024 * 1024;

export interface FaultSettings {
	/** Share of requests (0..1) that get HTTP 500 and a JSON error. */
	serverErrorRate: number;
	/** Share of requests (0..1) that get HTTP 503 and an HTML page, as a proxy sends it. */
	serviceUnavailableRate: number;
	/** Share of requests (0..1) whose connection is destroyed without any response. */
	dropConnectionRate: number;
	/** Share of requests (0..1) that get HTTP 200 and an HTML page instead of JSON. */
	htmlResponseRate: number;
	/** Latency added to every faultable request, in milliseconds. */
	latencyMs: number;
	/** Extra random latency of 0..latencyJitterMs milliseconds, drawn from the seeded generator. */
	latencyJitterMs: number;
	/** Seed of the pseudo-random generator that picks the faulted requests. */
	seed: number;
	/** Regular expression on the request path; when set, only matching requests are faulted. */
	pathPattern: string | null;
}

export interface MultipartSettings {
	/** `is_enabled` of `GET /api/v2/multipart/settings`. */
	enabled: boolean;
	/** Smallest file, in bytes, that may use Large File Upload. */
	minSize: number;
	/** Largest file, in bytes, that may use Large File Upload. */
	maxSize: number;
	/** Size of every part but the last, in bytes. */
	partSize: number;
	/** `max_retries` returned when a session starts. */
	maxRetries: number;
	/** Time after which an unused upload session expires, in seconds. */
	sessionTtlSeconds: number;
}

export interface OtdsSettings {
	/** OTDS tickets that `GET /api/v1/auth` accepts in the `OTDSTicket` header. */
	tickets: string[];
	/** Bearer tokens accepted in `Authorization: Bearer`, besides tokens minted by the token endpoint. */
	bearerTokens: string[];
	/** OAuth client that may use the client credentials grant at `/otdsws/oauth2/token`. */
	clientId: string;
	clientSecret: string;
	/** Lifetime of minted access tokens, in seconds. */
	tokenLifetimeSeconds: number;
	/** Content Server user that OTDS tickets and tokens stand for. */
	userId: number;
}

export interface ContentServerSettings {
	/** Path of the REST endpoint; the API is under `${basePath}/api/v1` and `/api/v2`. */
	basePath: string;
	/** Idle time after which a ticket expires, in seconds (a forum report puts the real default at about 30 minutes). */
	ticketIdleSeconds: number;
	/** Whether each use of a ticket restarts its idle time (true) or it expires at a fixed time after issue. */
	ticketSliding: boolean;
	/** Whether every successful response carries a newly minted ticket (true) or repeats the one sent. */
	ticketRefreshOnResponse: boolean;
	/** Source that wins when a plain form field and the `body` JSON contain the same key. */
	bodyPrecedence: 'body' | 'fields';
	/** Name comparison for clashes. SQL Server's default collation is case-insensitive. */
	nameComparison: 'caseInsensitive' | 'caseSensitive';
	/** Whether login accepts a non-empty `domain` (false rejects it with "Domain support is disabled"). */
	domainSupport: boolean;
	/** Page size of node listings when `limit` is not given. */
	defaultPageSize: number;
	/** Largest page size; larger `limit` values are lowered to it. */
	maxPageSize: number;
	/** Page size of search results when `limit` is not given. */
	searchDefaultPageSize: number;
	/** Largest page size of `GET /api/v2/members`. */
	membersMaxPageSize: number;
	/** Whether applying a category or creating an item rejects missing required attribute values. */
	enforceRequiredAttributes: boolean;
	/** Time before a new or changed item becomes searchable, in milliseconds. */
	searchIndexDelayMs: number;
	/** Largest document, in bytes, whose text content is indexed for full-text search. */
	searchTextMaxBytes: number;
	/** Number of entries the request log keeps; older entries are dropped. */
	requestLogLimit: number;
	/** Whether each request is also written to the `log` function as one line. */
	logRequests: boolean;
	multipart: MultipartSettings;
	otds: OtdsSettings;
	faults: FaultSettings;
}

export const DEFAULT_SETTINGS: ContentServerSettings = {
	basePath: '/otcs/cs.exe',
	ticketIdleSeconds: 30 * 60,
	ticketSliding: true,
	ticketRefreshOnResponse: true,
	bodyPrecedence: 'body',
	nameComparison: 'caseInsensitive',
	domainSupport: false,
	defaultPageSize: 25,
	maxPageSize: 500,
	searchDefaultPageSize: 10,
	membersMaxPageSize: 20,
	enforceRequiredAttributes: true,
	searchIndexDelayMs: 0,
	searchTextMaxBytes: 4 * MIB,
	requestLogLimit: 5000,
	logRequests: false,
	multipart: {
		enabled: true,
		minSize: 10 * MIB,
		maxSize: 10 * 1024 * MIB,
		partSize: 5 * MIB,
		maxRetries: 3,
		sessionTtlSeconds: 3600,
	},
	otds: {
		tickets: ['demo-otds-ticket'],
		bearerTokens: ['demo-otds-bearer-token'],
		clientId: 'demo-otds-client',
		clientSecret: 'demo-otds-secret',
		tokenLifetimeSeconds: 3600,
		userId: DEMO_ACCOUNTS.userId,
	},
	faults: {
		serverErrorRate: 0,
		serviceUnavailableRate: 0,
		dropConnectionRate: 0,
		htmlResponseRate: 0,
		latencyMs: 0,
		latencyJitterMs: 0,
		seed: 1,
		pathPattern: null,
	},
};

export type SettingsPatch = Partial<
	Omit<ContentServerSettings, 'multipart' | 'otds' | 'faults'> & {
		multipart: Partial<MultipartSettings>;
		otds: Partial<OtdsSettings>;
		faults: Partial<FaultSettings>;
	}
>;

/** Returns a deep copy of the defaults, so a run can change its settings freely. */
export function defaultSettings(): ContentServerSettings {
	return structuredClone(DEFAULT_SETTINGS);
}

export class SettingsError extends Error {}

type Check = (value: unknown) => string | undefined;

const isRate: Check = (value) =>
	typeof value === 'number' && value >= 0 && value <= 1 ? undefined : 'a number from 0 to 1';
const isCount: Check = (value) =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0
		? undefined
		: 'a whole number of 0 or more';
const isPositive: Check = (value) =>
	typeof value === 'number' && Number.isInteger(value) && value > 0
		? undefined
		: 'a whole number greater than 0';
const isBoolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'true or false');
const isText: Check = (value) =>
	typeof value === 'string' && value !== '' ? undefined : 'a non-empty string';
const isTextList: Check = (value) =>
	Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')
		? undefined
		: 'an array of non-empty strings';
const oneOf =
	(...allowed: string[]): Check =>
	(value) =>
		typeof value === 'string' && allowed.includes(value)
			? undefined
			: `one of ${allowed.map((item) => `"${item}"`).join(', ')}`;
const isBasePath: Check = (value) =>
	typeof value === 'string' &&
	/^\/[^?#\s]*[^/?#\s]$/.test(value) &&
	!value.startsWith('/_simulator')
		? undefined
		: 'a path that starts with "/" and does not end with "/", e.g. "/otcs/cs.exe"';
const isPattern: Check = (value) => {
	if (value === null) return undefined;
	if (typeof value !== 'string') return 'a regular expression string or null';
	try {
		new RegExp(value);
		return undefined;
	} catch {
		return 'a valid regular expression or null';
	}
};

const TOP_LEVEL_CHECKS: Record<string, Check> = {
	basePath: isBasePath,
	ticketIdleSeconds: isPositive,
	ticketSliding: isBoolean,
	ticketRefreshOnResponse: isBoolean,
	bodyPrecedence: oneOf('body', 'fields'),
	nameComparison: oneOf('caseInsensitive', 'caseSensitive'),
	domainSupport: isBoolean,
	defaultPageSize: isPositive,
	maxPageSize: isPositive,
	searchDefaultPageSize: isPositive,
	membersMaxPageSize: isPositive,
	enforceRequiredAttributes: isBoolean,
	searchIndexDelayMs: isCount,
	searchTextMaxBytes: isCount,
	requestLogLimit: isPositive,
	logRequests: isBoolean,
};

const GROUP_CHECKS: Record<'multipart' | 'otds' | 'faults', Record<string, Check>> = {
	multipart: {
		enabled: isBoolean,
		minSize: isCount,
		maxSize: isPositive,
		partSize: isPositive,
		maxRetries: isCount,
		sessionTtlSeconds: isPositive,
	},
	otds: {
		tickets: isTextList,
		bearerTokens: isTextList,
		clientId: isText,
		clientSecret: isText,
		tokenLifetimeSeconds: isPositive,
		userId: isPositive,
	},
	faults: {
		serverErrorRate: isRate,
		serviceUnavailableRate: isRate,
		dropConnectionRate: isRate,
		htmlResponseRate: isRate,
		latencyMs: isCount,
		latencyJitterMs: isCount,
		seed: isCount,
		pathPattern: isPattern,
	},
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns `current` with `patch` applied. Throws SettingsError naming the first unknown key
 * or invalid value, so a caller sees exactly which setting to fix; `current` is not changed.
 */
export function applySettingsPatch(
	current: ContentServerSettings,
	patch: unknown,
): ContentServerSettings {
	if (!isPlainObject(patch)) {
		throw new SettingsError(
			'The settings patch must be a JSON object, e.g. {"ticketIdleSeconds": 60}.',
		);
	}
	const next = structuredClone(current);
	const target = next as unknown as Record<string, unknown>;

	for (const [key, value] of Object.entries(patch)) {
		if (key === 'multipart' || key === 'otds' || key === 'faults') {
			if (!isPlainObject(value)) {
				throw new SettingsError(`Setting "${key}" must be a JSON object.`);
			}
			const group = target[key] as Record<string, unknown>;
			for (const [innerKey, innerValue] of Object.entries(value)) {
				const check = GROUP_CHECKS[key][innerKey];
				if (!check) {
					throw new SettingsError(
						`Unknown setting "${key}.${innerKey}". Known settings: ${Object.keys(GROUP_CHECKS[key]).join(', ')}.`,
					);
				}
				const problem = check(innerValue);
				if (problem) {
					throw new SettingsError(
						`Invalid value ${JSON.stringify(innerValue)} for setting "${key}.${innerKey}": use ${problem}.`,
					);
				}
				group[innerKey] = structuredClone(innerValue);
			}
			continue;
		}

		const check = TOP_LEVEL_CHECKS[key];
		if (!check) {
			throw new SettingsError(
				`Unknown setting "${key}". Known settings: ${[...Object.keys(TOP_LEVEL_CHECKS), 'multipart', 'otds', 'faults'].join(', ')}.`,
			);
		}
		const problem = check(value);
		if (problem) {
			throw new SettingsError(
				`Invalid value ${JSON.stringify(value)} for setting "${key}": use ${problem}.`,
			);
		}
		target[key] = value;
	}

	if (next.multipart.minSize > next.multipart.maxSize) {
		throw new SettingsError(
			`Setting "multipart.minSize" (${next.multipart.minSize}) is larger than "multipart.maxSize" (${next.multipart.maxSize}). Lower minSize or raise maxSize.`,
		);
	}
	return next;
}
