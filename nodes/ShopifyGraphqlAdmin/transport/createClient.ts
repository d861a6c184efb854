import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import {
	graphqlEndpoint,
	isSessionUsable,
	normalizeApiVersion,
	resolveShop,
	SHOPIFY_CREDENTIAL_TYPE,
	type ShopAddress,
} from '../../../credentials/ShopifyAdminApi.credentials';
import { ShopifyClient } from './client';

export type ShopifyFunctions = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/**
 * Reads the credential once and creates the client shared by all items of one execution.
 * The credential object is passed to every request, so a token minted for the first item
 * (n8n runs the credential's preAuthentication when the token is empty) serves the rest.
 */
export async function createShopifyClient(functions: ShopifyFunctions): Promise<ShopifyClient> {
	const node = functions.getNode();
	const data =
		await functions.getCredentials<ICredentialDataDecryptedObject>(SHOPIFY_CREDENTIAL_TYPE);

	let shop: ShopAddress;
	let apiVersion: string;
	let endpoint: string;
	try {
		shop = resolveShop(data);
		apiVersion = normalizeApiVersion(data.apiVersion);
		endpoint = graphqlEndpoint(data);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, {
			description:
				'Open the Shopify Admin API credential and correct the shop, the API version or the Base URL Override.',
		});
	}

	// A token minted for another shop or app, or one about to expire, is dropped up front.
	if (!isSessionUsable(data)) data.sessionToken = '';

	const reference = node.credentials?.[SHOPIFY_CREDENTIAL_TYPE];
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: reference?.id ?? '',
		name: reference?.name ?? '',
		type: SHOPIFY_CREDENTIAL_TYPE,
		data,
	};

	return new ShopifyClient({
		shop,
		apiVersion,
		nodeName: node.name,
		logger: functions.logger,
		sleep,
		invalidateSession: () => {
			data.sessionToken = '';
		},
		send: async (body) => {
			const options: IHttpRequestOptions = {
				method: 'POST',
				url: endpoint,
				headers: { accept: 'application/json' },
				body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			};
			// n8n's own 401 retry is off: the client renews the token itself, once per request.
			return (await functions.helpers.httpRequestWithAuthentication.call(
				functions,
				SHOPIFY_CREDENTIAL_TYPE,
				options,
				{ credentialsDecrypted, preAuthenticationRetryStatusCode: [] },
			)) as IN8nHttpFullResponse;
		},
	});
}
