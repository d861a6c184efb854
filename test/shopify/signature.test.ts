import * as crypto from 'crypto';

import {
	computeShopifyHmac,
	matchShopifySignature,
	timingSafeStringEqual,
} from '../../nodes/ShopifyWebhookTrigger/signature';

// Wraps timingSafeEqual in a mock that calls the real function, so tests can see its arguments.
jest.mock('crypto', () => {
	const actual = jest.requireActual<typeof import('crypto')>('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const timingSafeEqualMock = crypto.timingSafeEqual as jest.MockedFunction<
	typeof crypto.timingSafeEqual
>;

// Body bytes as Shopify's encoder writes them ("/" as "\/", "&" as "\u0026"); the expected
// values were computed with `openssl dgst -sha256 -hmac <key> -binary | base64`.
const BODY = Buffer.from('{"id":820982911946154508,"note":"a\\/b \\u0026 c"}', 'utf8');
const APP_SECRET = 'demo-client-secret';
const NOTIFICATIONS_KEY = 'demo-notifications-signing-key';
const APP_SIGNATURE = 'WMiQs7Ba9kk5nAm4GPjtU8u+mzZT/Qf2H5GTmbv28Sg=';
const NOTIFICATIONS_SIGNATURE = 'QqKv0b5h662Gaoukhts00xkTvg56+Mu83AyRKj5/w9M=';

describe('computeShopifyHmac', () => {
	it('matches the openssl reference values', () => {
		expect(computeShopifyHmac(BODY, APP_SECRET)).toBe(APP_SIGNATURE);
		expect(computeShopifyHmac(BODY, NOTIFICATIONS_KEY)).toBe(NOTIFICATIONS_SIGNATURE);
	});

	it('differs when the JSON is re-serialised', () => {
		const reparsed = Buffer.from(JSON.stringify(JSON.parse(BODY.toString('utf8'))));
		expect(computeShopifyHmac(reparsed, APP_SECRET)).not.toBe(APP_SIGNATURE);
	});
});

describe('matchShopifySignature', () => {
	const keys = [APP_SECRET, NOTIFICATIONS_KEY];

	it('returns the index of the key that signed the body', () => {
		expect(matchShopifySignature(BODY, APP_SIGNATURE, keys)).toBe(0);
		expect(matchShopifySignature(BODY, NOTIFICATIONS_SIGNATURE, keys)).toBe(1);
	});

	it('rejects a missing or empty signature', () => {
		expect(matchShopifySignature(BODY, undefined, keys)).toBe(-1);
		expect(matchShopifySignature(BODY, '', keys)).toBe(-1);
		expect(matchShopifySignature(BODY, '   ', keys)).toBe(-1);
	});

	it('rejects a signature made with another key', () => {
		expect(matchShopifySignature(BODY, computeShopifyHmac(BODY, 'wrong-secret'), keys)).toBe(-1);
	});

	it('rejects a body changed by one byte', () => {
		const changed = Buffer.from(BODY);
		changed[changed.length - 2] ^= 1;
		expect(matchShopifySignature(changed, APP_SIGNATURE, keys)).toBe(-1);
	});

	it('rejects a hex signature of the right digest', () => {
		const hex = crypto.createHmac('sha256', APP_SECRET).update(BODY).digest('hex');
		expect(matchShopifySignature(BODY, hex, keys)).toBe(-1);
	});

	it('rejects signatures of other lengths without throwing', () => {
		expect(matchShopifySignature(BODY, APP_SIGNATURE.slice(0, -1), keys)).toBe(-1);
		expect(matchShopifySignature(BODY, `${APP_SIGNATURE}A`, keys)).toBe(-1);
		expect(matchShopifySignature(BODY, 'x'.repeat(4096), keys)).toBe(-1);
	});

	it('checks against no key as a rejection', () => {
		expect(matchShopifySignature(BODY, APP_SIGNATURE, [])).toBe(-1);
	});
});

describe('timingSafeStringEqual', () => {
	beforeEach(() => timingSafeEqualMock.mockClear());

	it('compares equal lengths with crypto.timingSafeEqual', () => {
		const spy = timingSafeEqualMock;
		expect(timingSafeStringEqual('abcd', 'abcd')).toBe(true);
		expect(timingSafeStringEqual('abcd', 'abce')).toBe(false);
		expect(spy).toHaveBeenCalledTimes(2);
	});

	it('still runs a constant-time comparison when the lengths differ', () => {
		const spy = timingSafeEqualMock;
		expect(timingSafeStringEqual('abcd', 'abc')).toBe(false);
		expect(timingSafeStringEqual('abcd', 'abcde')).toBe(false);
		expect(timingSafeStringEqual('abcd', '')).toBe(false);
		expect(spy).toHaveBeenCalledTimes(3);
		for (const call of spy.mock.calls) {
			expect((call[0] as Buffer).length).toBe(4);
			expect((call[1] as Buffer).length).toBe(4);
		}
	});

	it('compares multi-byte characters by their UTF-8 bytes', () => {
		expect(timingSafeStringEqual('é', 'e')).toBe(false);
		expect(timingSafeStringEqual('é', 'é')).toBe(true);
	});
});
