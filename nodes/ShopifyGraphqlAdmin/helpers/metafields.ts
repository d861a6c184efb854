import { InputError } from './errors';

/** Shopify's limits for metafield namespaces (3–255 characters) and keys (2–64 characters). */
const NAMESPACE_PATTERN = /^[A-Za-z0-9_-]{3,255}$/;
const KEY_PATTERN = /^[A-Za-z0-9_-]{2,64}$/;

export interface MetafieldReference {
	namespace: string;
	key: string;
}

export function checkNamespace(value: unknown, parameter: string): string {
	const namespace = typeof value === 'string' ? value.trim() : '';
	if (!NAMESPACE_PATTERN.test(namespace)) {
		throw new InputError(
			`"${namespace}" is not a valid metafield namespace`,
			parameter,
			'Use 3 to 255 letters, digits, "-" or "_", e.g. custom.',
		);
	}
	return namespace;
}

export function checkKey(value: unknown, parameter: string): string {
	const key = typeof value === 'string' ? value.trim() : '';
	if (!KEY_PATTERN.test(key)) {
		throw new InputError(
			`"${key}" is not a valid metafield key`,
			parameter,
			'Use 2 to 64 letters, digits, "-" or "_", e.g. documents.',
		);
	}
	return key;
}

/**
 * Reads "namespace.key" (e.g. shipping.label_url). Returns undefined for an empty value,
 * which switches the lookup off.
 */
export function readMetafieldReference(
	value: unknown,
	parameter: string,
): MetafieldReference | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	const dot = text.indexOf('.');
	if (dot <= 0 || dot === text.length - 1) {
		throw new InputError(
			`"${text}" is not a metafield reference`,
			parameter,
			'Enter it as namespace.key, e.g. shipping.label_url, or leave it empty.',
		);
	}
	return {
		namespace: checkNamespace(text.slice(0, dot), parameter),
		key: checkKey(text.slice(dot + 1), parameter),
	};
}
