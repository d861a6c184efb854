import { createHash } from 'node:crypto';

/**
 * A small Content Server REST client for assertions: tests check what the node did through
 * the same API a real server offers, never through the simulator's internals.
 */
export interface NodeProperties {
	id: number;
	parent_id: number;
	name: string;
	type: number;
	[key: string]: unknown;
}

export class ContentServerRestClient {
	private ticket = '';

	constructor(
		readonly baseUrl: string,
		private readonly username = 'admin',
		private readonly password = 'Livelink1!',
	) {}

	private async login(): Promise<void> {
		const response = await fetch(`${this.baseUrl}/api/v1/auth`, {
			method: 'POST',
			body: new URLSearchParams({ username: this.username, password: this.password }),
		});
		const body = (await response.json()) as { ticket?: string };
		if (!response.ok || !body.ticket) {
			throw new Error(`Test login to ${this.baseUrl} failed with HTTP ${response.status}`);
		}
		this.ticket = body.ticket;
	}

	/** Sends a request and returns status and parsed body; logs in again once on 401. */
	async call(
		method: string,
		path: string,
		options: {
			query?: Record<string, string | number | string[]>;
			form?: Record<string, string>;
		} = {},
	): Promise<{ status: number; body: any; headers: Headers; raw: Buffer }> {
		if (this.ticket === '') await this.login();
		const url = new URL(`${this.baseUrl}${path}`);
		for (const [key, value] of Object.entries(options.query ?? {})) {
			for (const item of Array.isArray(value) ? value : [value])
				url.searchParams.append(key, String(item));
		}
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(url, {
				method,
				headers: { OTCSTicket: this.ticket },
				body: options.form ? new URLSearchParams(options.form) : undefined,
			});
			const raw = Buffer.from(await response.arrayBuffer());
			if (response.status === 401 && attempt === 0) {
				await this.login();
				continue;
			}
			let body: unknown = raw;
			if ((response.headers.get('content-type') ?? '').includes('json')) {
				body = JSON.parse(raw.toString('utf8'));
			}
			return { status: response.status, body, headers: response.headers, raw };
		}
	}

	/** Returns the node's properties, or undefined when the server cannot find it. */
	async getNode(id: number): Promise<NodeProperties | undefined> {
		const { status, body } = await this.call('GET', `/api/v2/nodes/${id}`);
		if (status === 400 || status === 404 || status === 500) return undefined;
		if (status !== 200) throw new Error(`GET node ${id} returned HTTP ${status}`);
		return body.results.data.properties as NodeProperties;
	}

	/** Lists all children of a container. */
	async children(parentId: number): Promise<NodeProperties[]> {
		const all: NodeProperties[] = [];
		for (let page = 1; ; page++) {
			const { status, body } = await this.call('GET', `/api/v2/nodes/${parentId}/nodes`, {
				query: { page, limit: 100 },
			});
			if (status !== 200) throw new Error(`Listing ${parentId} returned HTTP ${status}`);
			const results = (body.results ?? []) as Array<{ data: { properties: NodeProperties } }>;
			all.push(...results.map((result) => result.data.properties));
			const pageTotal = body.collection?.paging?.page_total ?? 1;
			if (page >= pageTotal || results.length < 100) return all;
		}
	}

	/** Returns the child with this exact name, if any. */
	async child(parentId: number, name: string): Promise<NodeProperties | undefined> {
		return (await this.children(parentId)).find((child) => child.name === name);
	}

	/** Resolves names below a container, e.g. resolve(2000, ['Shopify', 'Orders']). */
	async resolve(rootId: number, names: string[]): Promise<NodeProperties | undefined> {
		let current = await this.getNode(rootId);
		for (const name of names) {
			if (!current) return undefined;
			current = await this.child(current.id, name);
		}
		return current;
	}

	async createFolder(parentId: number, name: string): Promise<NodeProperties> {
		const { status, body } = await this.call('POST', '/api/v2/nodes', {
			form: { body: JSON.stringify({ type: 0, parent_id: parentId, name }) },
		});
		if (status !== 200)
			throw new Error(`Creating folder "${name}" returned HTTP ${status}: ${JSON.stringify(body)}`);
		return body.results.data.properties as NodeProperties;
	}

	/** Returns the versions of a document, oldest first. */
	async versions(id: number): Promise<Array<Record<string, unknown>>> {
		const { status, body } = await this.call('GET', `/api/v2/nodes/${id}/versions`);
		if (status !== 200) throw new Error(`Listing versions of ${id} returned HTTP ${status}`);
		return (
			(body.results ?? []) as Array<{
				data: { versions?: Record<string, unknown> } & Record<string, unknown>;
			}>
		).map((result) => (result.data.versions ?? result.data) as Record<string, unknown>);
	}

	/** Returns the content of the latest version. */
	async content(id: number): Promise<Buffer> {
		const { status, raw } = await this.call('GET', `/api/v1/nodes/${id}/content`);
		if (status !== 200) throw new Error(`Downloading ${id} returned HTTP ${status}`);
		return raw;
	}

	/** Returns the category values of a node keyed `{category}_{attribute}`, for all applied categories. */
	async categoryValues(id: number): Promise<Record<string, unknown>> {
		const { status, body } = await this.call('GET', `/api/v2/nodes/${id}/categories`);
		if (status !== 200) throw new Error(`Reading categories of ${id} returned HTTP ${status}`);
		const values: Record<string, unknown> = {};
		for (const result of body.results ?? []) Object.assign(values, result.data?.categories ?? {});
		return values;
	}

	/** Streams the content of the latest version and returns its SHA-256, for files too large to buffer. */
	async contentSha256(id: number): Promise<string> {
		if (this.ticket === '') await this.login();
		const url = `${this.baseUrl}/api/v1/nodes/${id}/content`;
		let response = await fetch(url, { headers: { OTCSTicket: this.ticket } });
		if (response.status === 401) {
			await this.login();
			response = await fetch(url, { headers: { OTCSTicket: this.ticket } });
		}
		if (response.status !== 200 || !response.body)
			throw new Error(`Downloading ${id} returned HTTP ${response.status}`);
		const hash = createHash('sha256');
		for await (const chunk of response.body) hash.update(chunk);
		return hash.digest('hex');
	}

	/** Returns the ID of the business workspace of a business object, or undefined when it has none. */
	async businessWorkspaceId(
		businessObjectType: string,
		businessObjectId: string,
		externalSystem = 'SHOPIFY',
	): Promise<number | undefined> {
		const { status, body } = await this.call(
			'GET',
			`/api/v2/externalsystems/${externalSystem}/botypes/${businessObjectType}/boids/${encodeURIComponent(businessObjectId)}`,
		);
		if (status !== 200) return undefined;
		return body.results?.[0]?.data?.properties?.id;
	}

	/** Lists the workspaces related to a workspace, with the relation as seen from it. */
	async relatedWorkspaces(
		workspaceId: number,
		relationType?: 'child' | 'parent',
	): Promise<Array<{ id: number; name: string; relation: string }>> {
		const { status, body } = await this.call(
			'GET',
			`/api/v2/businessworkspaces/${workspaceId}/relateditems`,
			{ query: relationType ? { where_relationtype: relationType } : {} },
		);
		if (status !== 200) {
			throw new Error(
				`Listing the related workspaces of ${workspaceId} returned HTTP ${status}: ${JSON.stringify(body)}`,
			);
		}
		return ((body.results ?? []) as Array<{ data: { properties: NodeProperties } }>).map(
			({ data: { properties } }) => ({
				id: properties.id,
				name: properties.name,
				relation: String(properties.rel_type),
			}),
		);
	}

	/** Runs an LQL search and returns the IDs of all results. */
	async search(where: string): Promise<number[]> {
		const { status, body } = await this.call('POST', '/api/v2/search', {
			form: { where, limit: '500' },
		});
		if (status !== 200)
			throw new Error(`Search "${where}" returned HTTP ${status}: ${JSON.stringify(body)}`);
		return ((body.results ?? []) as Array<{ data: { properties: NodeProperties } }>).map(
			(result) => result.data.properties.id,
		);
	}
}
