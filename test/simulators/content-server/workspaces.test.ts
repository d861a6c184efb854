import { SEED_IDS, startSimulator, uploadDocument, type Simulator } from './helpers';

const CASE = SEED_IDS.categories.supportCase;
const SUPPLIER = SEED_IDS.categories.supplierDocument;

describe('Content Server simulator: business workspaces', () => {
	let simulator: Simulator;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.close();
	});

	beforeEach(async () => {
		await simulator.control('POST', 'reset');
		await simulator.login();
	});

	async function createCustomerIssue(boId: string, name?: string): Promise<any> {
		return await simulator.postBody('/api/v2/businessworkspaces', {
			type: 848,
			template_id: 2301,
			wksp_type_id: 11,
			name,
			ext_system_id: 'SHOPIFY',
			bo_type: 'customer_issue',
			bo_id: boId,
			roles: {
				categories: {
					[CASE]: {
						[`${CASE}_2`]: `CASE-${boId}`,
						[`${CASE}_5`]: 'Complaint',
						[`${CASE}_8`]: 1002,
					},
				},
			},
		});
	}

	async function createSupplier(name: string, boId: string): Promise<number> {
		const response = await simulator.postBody('/api/v2/businessworkspaces', {
			template_id: 2311,
			name,
			ext_system_id: 'SHOPIFY',
			bo_type: 'supplier',
			bo_id: boId,
			roles: { categories: { [SUPPLIER]: { [`${SUPPLIER}_2`]: name } } },
		});
		if (response.status !== 200) throw new Error(JSON.stringify(response.data));
		return response.data.results.id;
	}

	it('lists workspace types with templates and filters by business object type', async () => {
		const all = await simulator.get(
			'/api/v2/businessworkspacetypes?expand_templates=true&expand_wksp_info=true',
		);
		const supplier = await simulator.get(
			'/api/v2/businessworkspacetypes?expand_templates=true&ext_system_id=SHOPIFY&bo_type=supplier',
		);
		const oneSided = await simulator.get('/api/v2/businessworkspacetypes?bo_type=supplier');

		expect(all.data.results.map((result: any) => result.data.properties.wksp_type_name)).toEqual([
			'Customer Issue',
			'Supplier',
			'Product',
			'Return Case',
			'Customer',
		]);
		expect(all.data.results[0].data.properties.templates).toEqual([
			{ id: 2301, name: 'Customer Issue Template', subtype: 848 },
		]);
		expect(all.data.results[0].data.wksp_info.in_use).toBe(false);
		expect(supplier.data.results).toHaveLength(1);
		expect(supplier.data.results[0].data.properties.wksp_type_id).toBe(12);
		expect(oneSided.status).toBe(400);
	});

	it('returns the create form with the category of the type', async () => {
		const response = await simulator.get(
			'/api/v2/forms/businessworkspaces/create?template_id=2301&ext_system_id=SHOPIFY&bo_type=customer_issue&bo_id=9001',
		);
		const categories = response.data.forms.find((form: any) => form.role_name === 'categories');

		expect(response.status).toBe(200);
		expect(categories.data[String(CASE)][`${CASE}_6`]).toBe('Open');
		expect(categories.schema.properties[String(CASE)].properties[`${CASE}_5`].enum).toEqual([
			'Complaint',
			'Return Authorization',
			'Refund Approval',
			'Correspondence',
		]);
	});

	it('creates workspace from template', async () => {
		const created = await createCustomerIssue('9001', 'Issue 9001 - damaged shoe');
		const id = created.data.results.id;
		const node = await simulator.get(`/api/v2/nodes/${id}`);
		const children = await simulator.get(`/api/v2/nodes/${id}/nodes`);
		const values = await simulator.get(`/api/v2/nodes/${id}/categories/${CASE}`);

		expect(created.status).toBe(200);
		expect(created.data.results).toEqual({ id, direct_open: true, sub_folder_id: 0 });
		expect(node.data.results.data.properties).toMatchObject({
			type: 848,
			parent_id: SEED_IDS.folders.service,
			wnf_wksp_type_id: 11,
			wnf_wksp_template_id: 2301,
		});
		expect(children.data.results.map((result: any) => result.data.properties.name)).toEqual([
			'Complaints',
			'Correspondence',
			'Refund Approvals',
			'Return Authorizations',
		]);
		expect(values.data.results.data.categories).toMatchObject({
			[`${CASE}_2`]: 'CASE-9001',
			[`${CASE}_6`]: 'Open',
			[`${CASE}_8`]: 1002,
		});
	});

	it('rejects creation without body, with a taken business object or without required values', async () => {
		await createCustomerIssue('9001', 'First');
		const plainFields = await simulator.post('/api/v2/businessworkspaces', {
			template_id: 2301,
			name: 'Plain',
		});
		const taken = await createCustomerIssue('9001', 'Second');
		const noValues = await simulator.postBody('/api/v2/businessworkspaces', {
			template_id: 2301,
			name: 'No case number',
		});
		const wrongType = await simulator.postBody('/api/v2/businessworkspaces', {
			template_id: 2301,
			name: 'Wrong',
			ext_system_id: 'SHOPIFY',
			bo_type: 'supplier',
			bo_id: '1',
		});
		const clash = await createCustomerIssue('9002', 'First');

		expect(plainFields.data.error).toBe("Missing required parameter 'body'");
		expect(taken.status).toBe(400);
		expect(taken.data.error).toMatch(/'9001'.*already exists.*'First'/);
		expect(noValues.data.error).toBe(
			"A value is required for the attribute 'Case Number' of category 'Support Case'.",
		);
		expect(wrongType.data.error).toMatch(/not configured for the workspace type 'Customer Issue'/);
		expect(clash.status).toBe(500);
		expect(clash.data.error).toBe("An item with the name 'First' already exists.");
	});

	it('names a workspace after its business object when no name is given', async () => {
		const created = await createCustomerIssue('9010');
		const node = await simulator.get(`/api/v2/nodes/${created.data.results.id}`);

		expect(node.data.results.data.properties.name).toBe('Customer Issue 9010');
	});

	it('finds a workspace by business object and reports an unknown one', async () => {
		const created = await createCustomerIssue('9001', 'Issue 9001');
		const found = await simulator.get(
			'/api/v2/externalsystems/SHOPIFY/botypes/customer_issue/boids/9001',
		);
		const missing = await simulator.get(
			'/api/v2/externalsystems/SHOPIFY/botypes/customer_issue/boids/404',
		);
		const badSystem = await simulator.get(
			'/api/v2/externalsystems/SAP/botypes/customer_issue/boids/9001',
		);

		expect(found.data.results[0].data.properties.id).toBe(created.data.results.id);
		expect(found.data.paging).toMatchObject({ page: 1, page_total: 1, total_count: 1 });
		expect(missing.status).toBe(400);
		expect(missing.data.error).toMatch(/not found/);
		expect(badSystem.data.error).toMatch(/external system 'SAP' does not exist/);
	});

	it('lists workspaces with where filters and top-level paging', async () => {
		await createSupplier('Bergwerk Supplies', 'SUP-1');
		await createSupplier('Demo Outdoor Co.', 'SUP-2');
		await createCustomerIssue('9001', 'Issue 9001');

		const byType = await simulator.get(
			'/api/v2/businessworkspaces?expanded_view=true&where_workspace_type_id=12&sort=desc_name',
		);
		const byName = await simulator.get(
			'/api/v2/businessworkspaces?expanded_view=true&where_name=contains_outdoor',
		);
		const byObject = await simulator.get(
			'/api/v2/businessworkspaces?expanded_view=true&where_ext_system_id=SHOPIFY&where_bo_type=supplier&where_bo_id=SUP-1',
		);
		const paged = await simulator.get(
			'/api/v2/businessworkspaces?expanded_view=true&limit=2&page=2',
		);
		const names = (response: any) =>
			response.data.results.map((result: any) => result.data.properties.name);

		expect(names(byType)).toEqual(['Demo Outdoor Co.', 'Bergwerk Supplies']);
		expect(names(byName)).toEqual(['Demo Outdoor Co.']);
		expect(names(byObject)).toEqual(['Bergwerk Supplies']);
		expect(paged.data.paging).toMatchObject({ limit: 2, page: 2, page_total: 2, total_count: 3 });
		expect(paged.data.collection).toBeUndefined();
	});

	it('lists only recently opened workspaces without expanded_view', async () => {
		const first = await createSupplier('Bergwerk Supplies', 'SUP-1');
		await simulator.control('POST', 'tickets/expire');
		await simulator.login();

		const recent = await simulator.get('/api/v2/businessworkspaces');

		expect(recent.data.results.map((result: any) => result.data.properties.id)).toEqual([first]);
	});

	it('reads a workspace with business properties and categories', async () => {
		const id = (await createCustomerIssue('9001', 'Issue 9001')).data.results.id;

		const response = await simulator.get(
			`/api/v2/businessworkspaces/${id}?fields=properties&fields=business_properties&fields=categories&metadata`,
		);
		const item = response.data.results[0];

		expect(item.data.properties.id).toBe(id);
		expect(item.data.business_properties).toMatchObject({
			business_object_id: '9001',
			business_object_type: 'customer_issue',
			external_system_id: 'SHOPIFY',
			workspace_type_id: 11,
			workspace_type_name: 'Customer Issue',
		});
		expect(item.data.categories[0][`${CASE}_2`]).toBe('CASE-9001');
		expect(item.metadata.categories[`${CASE}_8`].type_name).toBe('User');
	});

	it('adds, replaces and removes business object references', async () => {
		const id = await createSupplier('Bergwerk Supplies', 'SUP-1');

		const replace = await simulator.put(`/api/v2/businessworkspaces/${id}/workspacereferences`, {
			ext_system_id: 'SHOPIFY',
			bo_type: 'supplier',
			bo_id: 'SUP-9',
		});
		const oldLookup = await simulator.get(
			'/api/v2/externalsystems/SHOPIFY/botypes/supplier/boids/SUP-1',
		);
		const newLookup = await simulator.get(
			'/api/v2/externalsystems/SHOPIFY/botypes/supplier/boids/SUP-9',
		);
		const wrongType = await simulator.put(`/api/v2/businessworkspaces/${id}/workspacereferences`, {
			ext_system_id: 'SHOPIFY',
			bo_type: 'product',
			bo_id: '7001',
		});
		const remove = await simulator.delete(`/api/v2/businessworkspaces/${id}/workspacereferences`, {
			params: { ext_system_id: 'SHOPIFY', bo_type: 'supplier', bo_id: 'SUP-9' },
		});
		const removeAgain = await simulator.delete(
			`/api/v2/businessworkspaces/${id}/workspacereferences`,
			{
				params: { ext_system_id: 'SHOPIFY', bo_type: 'supplier', bo_id: 'SUP-9' },
			},
		);

		expect(replace.status).toBe(200);
		expect(oldLookup.status).toBe(400);
		expect(newLookup.data.results[0].data.properties.id).toBe(id);
		expect(wrongType.status).toBe(400);
		expect(remove.status).toBe(200);
		expect(removeAgain.status).toBe(400);
	});

	it('relates workspaces in both directions and removes the relation', async () => {
		const supplier = await createSupplier('Bergwerk Supplies', 'SUP-1');
		const issue = (await createCustomerIssue('9001', 'Issue 9001')).data.results.id;

		const relate = await simulator.post(`/api/v2/businessworkspaces/${supplier}/relateditems`, {
			rel_bw_id: issue,
			rel_type: 'child',
		});
		const again = await simulator.post(`/api/v2/businessworkspaces/${supplier}/relateditems`, {
			rel_bw_id: issue,
			rel_type: 'child',
		});
		const children = await simulator.get(
			`/api/v2/businessworkspaces/${supplier}/relateditems?where_relationtype=child`,
		);
		const parents = await simulator.get(
			`/api/v2/businessworkspaces/${issue}/relateditems?where_relationtype=parent`,
		);
		const issueChildren = await simulator.get(
			`/api/v2/businessworkspaces/${issue}/relateditems?where_relationtype=child`,
		);
		const remove = await simulator.delete(
			`/api/v2/businessworkspaces/${supplier}/relateditems/${issue}?rel_type=child`,
		);
		const afterRemove = await simulator.get(`/api/v2/businessworkspaces/${issue}/relateditems`);
		const self = await simulator.post(`/api/v2/businessworkspaces/${issue}/relateditems`, {
			rel_bw_id: issue,
		});

		expect(relate.status).toBe(200);
		expect(again.status).toBe(400);
		expect(children.data.results[0].data.properties).toMatchObject({
			id: issue,
			rel_type: 'child',
		});
		expect(children.data.paging.total_count).toBe(1);
		expect(parents.data.results[0].data.properties).toMatchObject({
			id: supplier,
			rel_type: 'parent',
		});
		expect(issueChildren.data.results).toEqual([]);
		expect(remove.status).toBe(200);
		expect(afterRemove.data.results).toEqual([]);
		expect(self.status).toBe(400);
	});

	it('files documents into a workspace sub-folder with POST /api/v2/nodes', async () => {
		const id = (await createCustomerIssue('9001', 'Issue 9001')).data.results.id;
		const children = await simulator.get(`/api/v2/nodes/${id}/nodes?where_name=Complaints`);
		const complaints = children.data.results[0].data.properties.id;

		const documentId = await uploadDocument(
			simulator,
			complaints,
			'complaint.txt',
			'The sole came off.',
		);
		const search = await simulator.post('/api/v2/search', { where: `OTLocation: ${id} and sole` });

		expect(search.data.results.map((result: any) => result.data.properties.id)).toEqual([
			documentId,
		]);
	});
});
