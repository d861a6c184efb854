import { byId, createHarness, fromList, uniqueName, type Harness } from './harness';

/** Seed workspace types and templates of the simulator, with their categories. */
const CUSTOMER_ISSUE = { typeId: 11, templateId: 2301 };
const CUSTOMER = { typeId: 15, templateId: 2341 };
const SUPPORT_CASE = 2103;
const KIM_WALKER = 1002;

let harness: Harness;

function businessObject(type: string, id: string) {
	return { externalSystem: 'SHOPIFY', businessObjectType: type, businessObjectId: id };
}

function customerIssue(id: string, extra: Record<string, unknown> = {}) {
	return {
		resource: 'businessWorkspace',
		workspaceType: fromList(CUSTOMER_ISSUE.typeId, 'Customer Issue'),
		template: CUSTOMER_ISSUE.templateId,
		name: `Issue ${id}`,
		...businessObject('customer_issue', id),
		setCategoryValues: true,
		category: byId(SUPPORT_CASE),
		attributeValues: {
			value: [
				{ attribute: 'Case Number', value: `CASE-${id}` },
				{ attribute: 'Owner', value: 'kwalker' },
				{ attribute: 'Issue Type', value: 'Complaint' },
			],
		},
		...extra,
	};
}

beforeAll(async () => {
	harness = await createHarness('workspace');
});

/** Runs `body` with every simulator response delayed, so that concurrent executions overlap. */
async function withLatency<T>(latencyMs: number, body: () => Promise<T>): Promise<T> {
	const faults = {
		serverErrorRate: 0,
		serviceUnavailableRate: 0,
		dropConnectionRate: 0,
		htmlResponseRate: 0,
		latencyJitterMs: 0,
		pathPattern: null,
	};
	await harness.simulator.patchSettings({ faults: { ...faults, latencyMs } });
	try {
		return await body();
	} finally {
		await harness.simulator.patchSettings({ faults: { ...faults, latencyMs: 0 } });
	}
}

describe('Business Workspace → Create and Get', () => {
	it('creates a workspace with category values by name', async () => {
		const id = uniqueName('c').replace(' ', '-');
		const result = await harness.run({ ...customerIssue(id), operation: 'create' }, [{}]);

		expect(result.items[0].error).toBeUndefined();
		const workspaceId = Number(result.items[0].json.id);
		expect(result.items[0].json).toMatchObject({ type: 848, name: `Issue ${id}` });
		expect(await harness.rest.businessWorkspaceId('customer_issue', id)).toBe(workspaceId);
		const values = await harness.rest.categoryValues(workspaceId);
		expect(values[`${SUPPORT_CASE}_2`]).toBe(`CASE-${id}`);
		expect(values[`${SUPPORT_CASE}_8`]).toBe(KIM_WALKER);
	});

	it('gets the workspace of a business object', async () => {
		const id = uniqueName('g').replace(' ', '-');
		const created = await harness.run({ ...customerIssue(id), operation: 'create' }, [{}]);

		const result = await harness.run(
			{ resource: 'businessWorkspace', operation: 'get', ...businessObject('customer_issue', id) },
			[{}],
		);
		expect(result.items[0].json.id).toBe(created.items[0].json.id);
	});

	it('reports a business object without workspace', async () => {
		const result = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'get',
				...businessObject('customer_issue', 'does-not-exist'),
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			'Business Object ID: No business workspace belongs to customer_issue does-not-exist of SHOPIFY [item 0]',
		);
	});

	it('requires the whole business object', async () => {
		const result = await harness.run(
			// An expression, because n8n does not publish a workflow whose required parameter is empty.
			{
				resource: 'businessWorkspace',
				operation: 'get',
				externalSystem: 'SHOPIFY',
				businessObjectType: 'customer',
				businessObjectId: '={{ "" }}',
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			'Business Object ID: The business object is incomplete [item 0]',
		);
	});

	it('picks the workspace type by name and names the workspace itself', async () => {
		const id = uniqueName('n').replace(' ', '-');
		const result = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'create',
				workspaceType: { __rl: true, mode: 'name', value: 'customer' },
				template: CUSTOMER.templateId,
				...businessObject('customer', id),
			},
			[{}],
		);
		expect(result.items[0].error).toBeUndefined();
		expect(String(result.items[0].json.name)).toContain(id);
	});

	it('reports a missing required category value', async () => {
		const id = uniqueName('r').replace(' ', '-');
		const result = await harness.run(
			{
				...customerIssue(id),
				operation: 'create',
				attributeValues: { value: [{ attribute: 'Owner', value: 'kwalker' }] },
			},
			[{}],
		);
		expect(result.items[0].error).toMatch(/A value is required for the attribute 'Case Number'/);
		expect(await harness.rest.businessWorkspaceId('customer_issue', id)).toBeUndefined();
	});
});

describe('Business Workspace → Find or Create', () => {
	it('creates once and finds afterwards', async () => {
		const id = uniqueName('f').replace(' ', '-');
		await harness.simulator.clearRequests();

		const first = await harness.run({ ...customerIssue(id), operation: 'findOrCreate' }, [
			{},
			{},
			{},
		]);
		const second = await harness.run({ ...customerIssue(id), operation: 'findOrCreate' }, [{}]);

		expect(first.items.map((item) => item.json.created)).toEqual([true, false, false]);
		expect(new Set(first.items.map((item) => item.json.id)).size).toBe(1);
		expect(second.items[0].json).toMatchObject({ id: first.items[0].json.id, created: false });
		const creates = (await harness.simulator.requests()).filter(
			(request) => request.method === 'POST' && request.path.endsWith('/api/v2/businessworkspaces'),
		);
		expect(creates).toHaveLength(1);
	});

	it('uses the winner of two concurrent creates', async () => {
		const id = uniqueName('race').replace(' ', '-');
		const parameters = { ...customerIssue(id), operation: 'findOrCreate' };

		const results = await withLatency(300, async () => {
			return await Promise.all([harness.run(parameters, [{}]), harness.run(parameters, [{}])]);
		});

		const items = results.map((result) => result.items[0]);
		expect(items.map((item) => item.error)).toEqual([undefined, undefined]);
		expect(items[0].json.id).toBe(items[1].json.id);
		expect(items.map((item) => item.json.created).sort()).toEqual([false, true]);
		expect(await harness.rest.businessWorkspaceId('customer_issue', id)).toBe(items[0].json.id);
	});
});

describe('Business Workspace → Relate and Get Many Related', () => {
	let customerId: number;
	let issueIds: number[];

	beforeAll(async () => {
		const customer = uniqueName('cust').replace(' ', '-');
		const created = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'create',
				workspaceType: byId(CUSTOMER.typeId),
				template: CUSTOMER.templateId,
				name: `Customer ${customer}`,
				...businessObject('customer', customer),
			},
			[{}],
		);
		customerId = Number(created.items[0].json.id);
		const issues = await harness.run(
			{
				...customerIssue('x'),
				operation: 'create',
				name: '={{ "Issue " + $json.id }}',
				businessObjectId: '={{ $json.id }}',
				attributeValues: { value: [{ attribute: 'Case Number', value: '={{ $json.id }}' }] },
			},
			[{ id: uniqueName('i').replace(' ', '-') }, { id: uniqueName('i').replace(' ', '-') }],
		);
		issueIds = issues.items.map((item) => Number(item.json.id));
	});

	it('relates children and keeps an existing relation', async () => {
		const parameters = {
			resource: 'businessWorkspace',
			operation: 'relate',
			workspace: byId(customerId),
			relatedWorkspace: { __rl: true, mode: 'id', value: '={{ $json.issue }}' },
			relationType: 'child',
		};
		const first = await harness.run(
			parameters,
			issueIds.map((issue) => ({ issue })),
		);
		const again = await harness.run(parameters, [{ issue: issueIds[0] }]);

		expect(first.items.map((item) => item.json.alreadyRelated)).toEqual([false, false]);
		expect(again.items[0].json).toMatchObject({ related: true, alreadyRelated: true });
		const { body } = await harness.rest.call(
			'GET',
			`/api/v2/businessworkspaces/${customerId}/relateditems`,
			{
				query: { where_relationtype: 'child' },
			},
		);
		expect(body.results.map((result: any) => result.data.properties.id).sort()).toEqual(
			[...issueIds].sort(),
		);
	});

	it('keeps one relation when two executions relate at once', async () => {
		const parent = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'create',
				workspaceType: byId(CUSTOMER.typeId),
				template: CUSTOMER.templateId,
				name: uniqueName('Customer race'),
				...businessObject('customer', uniqueName('race').replace(' ', '-')),
			},
			[{}],
		);
		const child = await harness.run(
			{ ...customerIssue(uniqueName('race').replace(' ', '-')), operation: 'create' },
			[{}],
		);
		const parameters = {
			resource: 'businessWorkspace',
			operation: 'relate',
			workspace: byId(Number(parent.items[0].json.id)),
			relatedWorkspace: byId(Number(child.items[0].json.id)),
			relationType: 'child',
		};

		const results = await withLatency(300, async () => {
			return await Promise.all([harness.run(parameters, [{}]), harness.run(parameters, [{}])]);
		});

		const items = results.map((result) => result.items[0]);
		expect(items.map((item) => item.error)).toEqual([undefined, undefined]);
		expect(items.map((item) => item.json.alreadyRelated).sort()).toEqual([false, true]);
	});

	it('lists children and parents', async () => {
		const children = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'getRelated',
				workspace: byId(customerId),
				relationType: 'child',
				returnAll: true,
			},
			[{}],
		);
		const parents = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'getRelated',
				workspace: byId(issueIds[0]),
				relationType: 'parent',
				returnAll: true,
			},
			[{}],
		);
		expect(children.items.map((item) => item.json.id).sort()).toEqual([...issueIds].sort());
		expect(parents.items.map((item) => item.json.id)).toEqual([customerId]);
	});

	it('rejects relating a workspace to itself', async () => {
		const result = await harness.run(
			{
				resource: 'businessWorkspace',
				operation: 'relate',
				workspace: byId(customerId),
				relatedWorkspace: byId(customerId),
				relationType: 'parent',
			},
			[{}],
		);
		expect(result.items[0].error).toBe(
			'Related Workspace: A workspace cannot be related to itself [item 0]',
		);
	});
});
