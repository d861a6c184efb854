import {
	createSimulatorCredentials,
	type StackCredentials,
} from '../../../scripts/lib/credentials';
import type { E2eStack } from './stack';

export {
	CREDENTIAL_TYPES,
	SIMULATOR_ACCOUNTS,
	type StackCredentials,
} from '../../../scripts/lib/credentials';

let cached: Promise<StackCredentials> | undefined;

/**
 * Creates a Content Server credential (admin on the Content Server simulator) and a Shopify
 * credential (shop demo-shop on the Shopify simulator) in n8n, once per test file, and returns
 * their references for a node's `credentials`, e.g.
 * `{ openTextContentServerApi: credentials.contentServer }`.
 */
export async function getSimulatorCredentials(stack: E2eStack): Promise<StackCredentials> {
	cached ??= createSimulatorCredentials(stack.n8n, {
		contentServerUrl: stack.contentServerUrl,
		shopifyUrl: stack.shopifyUrl,
	});
	return await cached;
}
