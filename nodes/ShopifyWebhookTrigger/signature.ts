import { createHmac, timingSafeEqual } from 'crypto';

/** base64(HMAC-SHA256(key, body)): the value Shopify sends in X-Shopify-Hmac-Sha256. */
export function computeShopifyHmac(body: Buffer, key: string): string {
	return createHmac('sha256', key).update(body).digest('base64');
}

/**
 * Compares two strings in time that depends only on the expected value's length. Strings of
 * different lengths are unequal. The expected value is then compared with itself, so that a
 * mismatch in length takes as long as a mismatch in content.
 */
export function timingSafeStringEqual(expected: string, received: string): boolean {
	const expectedBytes = Buffer.from(expected, 'utf8');
	const receivedBytes = Buffer.from(received, 'utf8');
	if (expectedBytes.length !== receivedBytes.length) {
		timingSafeEqual(expectedBytes, expectedBytes);
		return false;
	}
	return timingSafeEqual(expectedBytes, receivedBytes);
}

/**
 * Checks Shopify's signature of a webhook body against each key in turn (the app's client
 * secret, then the Notifications key). Returns the index of the key that matches, or -1 for
 * a missing or wrong signature. The body must be the exact bytes received: parsing and
 * serialising JSON again changes Shopify's escaping and breaks the signature.
 */
export function matchShopifySignature(
	body: Buffer,
	signature: string | undefined,
	keys: string[],
): number {
	if (typeof signature !== 'string' || signature.trim() === '') return -1;
	const received = signature.trim();
	let match = -1;
	// Every key is tried even after a match, so the time taken does not reveal which key matched.
	keys.forEach((key, index) => {
		if (timingSafeStringEqual(computeShopifyHmac(body, key), received) && match === -1)
			match = index;
	});
	return match;
}
