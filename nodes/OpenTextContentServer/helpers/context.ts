import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { normalizeContentServerBaseUrl } from '../../../credentials/OpenTextContentServerApi.credentials';
import { ContentServerSession } from '../transport/session';
import type { CategoryDefinition } from './categoryDefinition';

export const CREDENTIAL_TYPE = 'openTextContentServerApi';

/** Large File Upload settings of the server (`GET /api/v2/multipart/settings`). */
export interface MultipartSettings {
	enabled: boolean;
	minSize: number;
	maxSize: number;
}

/**
 * State shared by all items of one node execution: the ticket session and the caches
 * for resolved folder paths, volumes, category definitions and user IDs.
 * Caches hold promises, so items that need the same value wait for one request.
 */
export class ContentServerContext {
	readonly folderPaths = new Map<string, Promise<number>>();

	readonly volumes = new Map<string, Promise<number>>();

	readonly categories = new Map<number, Promise<CategoryDefinition>>();

	readonly users = new Map<string, Promise<number>>();

	multipartSettings?: Promise<MultipartSettings>;

	constructor(
		readonly session: ContentServerSession,
		readonly node: INode,
	) {}

	/** Returns the cached value for `key`, or computes it; a failed computation is not cached. */
	async cached<K, V>(cache: Map<K, Promise<V>>, key: K, compute: () => Promise<V>): Promise<V> {
		let pending = cache.get(key);
		if (pending === undefined) {
			pending = compute();
			cache.set(key, pending);
			pending.catch(() => cache.delete(key));
		}
		return await pending;
	}

	/** Address of the item in Content Server's Smart View. */
	nodeUrl(id: number | string): string {
		return `${this.session.baseUrl}/app/nodes/${id}`;
	}
}

/**
 * Reads the credential once and creates the context for one execution (or one load of
 * a dropdown). Every request passes the same credential data to n8n, so all items share
 * one ticket, and n8n's own retry on 401 is switched off because it would log in once
 * per failing request.
 */
export async function createContext(
	functions: IExecuteFunctions | ILoadOptionsFunctions,
): Promise<ContentServerContext> {
	const node = functions.getNode();
	const data = await functions.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	const reference = node.credentials?.[CREDENTIAL_TYPE];

	let baseUrl: string;
	try {
		baseUrl = normalizeContentServerBaseUrl(data.baseUrl);
	} catch (error) {
		throw new NodeOperationError(node, (error as Error).message, {
			description: 'Open the OpenText Content Server API credential and correct the Base URL.',
		});
	}

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: reference?.id ?? '',
		name: reference?.name ?? '',
		type: CREDENTIAL_TYPE,
		data,
	};

	const session = new ContentServerSession({
		credentials: data,
		baseUrl,
		logger: functions.logger,
		sleep,
		skipSslCertificateValidation: data.ignoreSslIssues === true,
		nodeName: node.name,
		send: async (options) =>
			await functions.helpers.httpRequestWithAuthentication.call(
				functions,
				CREDENTIAL_TYPE,
				options,
				{
					credentialsDecrypted,
					preAuthenticationRetryStatusCode: [],
				},
			),
	});

	return new ContentServerContext(session, node);
}
