import { SIMULATOR_ACCOUNTS } from '../../../scripts/lib/credentials';
import { getStack } from '../support';
import {
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	emitWebhook,
	postJson,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

const SERVICE_FOLDER = ['Shopify', 'Service'];
const CUSTOMER_ISSUE_TYPE = 11;
const CUSTOMER_TYPE = 15;

/** Attribute keys of the simulator's Support Case category (2103). */
const SUPPORT_CASE = {
	caseNumber: '2103_2',
	customerEmail: '2103_3',
	orderNumber: '2103_4',
	issueType: '2103_5',
	status: '2103_6',
	openedDate: '2103_7',
};

/** Attribute keys of the simulator's Shopify Order category (2101). */
const SHOPIFY_ORDER = {
	orderNumber: '2101_2',
	orderId: '2101_3',
	customerName: '2101_5',
	documentType: '2101_11',
};

const MAIL = {
	orderName: '#1007',
	subject: 'Where is my refund?',
	from: 'anna.becker@example.com',
	body: 'Hello, the bottle went back last week. When will I get the money? Anna',
	receivedAt: '2026-03-12T09:30:00Z',
	messageId: '<refund-question-1@example.com>',
};
const MAIL_FILE_NAME = 'Mail 2026-03-12 093000 Where is my refund?.txt';

let template: DeployedTemplate;

/** Lists the IDs of all workspaces of one workspace type. */
async function workspacesOfType(typeId: number): Promise<number[]> {
	const { status, body } = await cs.call('GET', '/api/v2/businessworkspaces', {
		query: { expanded_view: 'true', where_workspace_type_id: typeId },
	});
	expect(status).toBe(200);
	return (body.results ?? []).map(
		(result: { data: { properties: { id: number } } }) => result.data.properties.id,
	);
}

/** Lists the workspaces related to a workspace as `{id, relation}`, relation seen from it. */
async function relatedOf(workspaceId: number): Promise<Array<{ id: number; relation: string }>> {
	const related = await cs.relatedWorkspaces(workspaceId);
	return related.map(({ id, relation }) => ({ id, relation }));
}

/** Returns the documents in one sub-folder of a workspace, and fails when the folder is missing. */
async function documentsIn(workspaceId: number, folderName: string) {
	const folder = await cs.child(workspaceId, folderName);
	if (!folder) throw new Error(`Workspace ${workspaceId} has no "${folderName}" folder.`);
	return await cs.children(folder.id);
}

/** Posts a correspondence record to the template's webhook, by default with the context API key header. */
async function postCorrespondence(
	body: Record<string, unknown>,
	headers: Record<string, string> = {
		[SIMULATOR_ACCOUNTS.contextApi.name]: SIMULATOR_ACCOUNTS.contextApi.value,
	},
): Promise<{ status: number; body: any }> {
	return await postJson(template.webhookUrl('Receive correspondence'), body, headers);
}

beforeAll(async () => {
	await resetSimulators();
	template = await deployTemplate('02-service-record-per-customer-issue.json');
}, 180_000);

afterAll(async () => {
	await template?.remove();
});

describe('Service record per customer issue template', () => {
	it('files dispute of guest order', async () => {
		const result = await template.emitAndWait(
			{ topic: 'disputes/create', id: '9401', mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

		const workspaceId = await cs.businessWorkspaceId('customer_issue', '5002');
		expect(workspaceId).toBeDefined();
		const workspace = await cs.resolve(2000, [...SERVICE_FOLDER, 'Customer issue #1002']);
		expect(workspace?.id).toBe(workspaceId);

		const values = await cs.categoryValues(workspaceId!);
		expect(values[SUPPORT_CASE.caseNumber]).toBe('CI-1002');
		expect(values[SUPPORT_CASE.orderNumber]).toBe('#1002');
		expect(values[SUPPORT_CASE.issueType]).toBe('Complaint');
		expect(values[SUPPORT_CASE.status]).toBe('Open');
		expect(values[SUPPORT_CASE.customerEmail]).toBeFalsy();
		expect(values[SUPPORT_CASE.openedDate]).toMatch(/^\d{4}-\d\d-\d\dT00:00:00$/);

		const complaints = await documentsIn(workspaceId!, 'Complaints');
		expect(complaints.map((document) => document.name)).toEqual(['complaint-dispute-9401.txt']);
		const text = (await cs.content(complaints[0].id)).toString('utf8');
		expect(text).toContain('fraudulent');
		expect(text).toContain('34.50 EUR');
		const documentValues = await cs.categoryValues(complaints[0].id);
		expect(documentValues[SUPPORT_CASE.issueType]).toBe('Complaint');
		expect(documentValues[SUPPORT_CASE.orderNumber]).toBe('#1002');

		const orderData = await cs.child(workspaceId!, 'order-1002-data.txt');
		expect(orderData).toBeDefined();
		const orderValues = await cs.categoryValues(orderData!.id);
		expect(orderValues[SHOPIFY_ORDER.orderNumber]).toBe('#1002');
		expect(orderValues[SHOPIFY_ORDER.orderId]).toBe('5002');
		expect(orderValues[SHOPIFY_ORDER.documentType]).toBe('Order Data');
		expect(orderValues[SHOPIFY_ORDER.customerName]).toBeFalsy();
		expect((await cs.content(orderData!.id)).toString('utf8')).toContain('guest');

		expect(await relatedOf(workspaceId!)).toEqual([]);
		expect(await workspacesOfType(CUSTOMER_TYPE)).toEqual([]);
	});

	it('files return request of #1007', async () => {
		const result = await template.emitAndWait(
			{ topic: 'returns/request', id: '9203', mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

		const workspaceId = await cs.businessWorkspaceId('customer_issue', '5007');
		expect(workspaceId).toBeDefined();
		const workspace = await cs.resolve(2000, [...SERVICE_FOLDER, 'Customer issue #1007']);
		expect(workspace?.id).toBe(workspaceId);
		const values = await cs.categoryValues(workspaceId!);
		expect(values[SUPPORT_CASE.caseNumber]).toBe('CI-1007');
		expect(values[SUPPORT_CASE.customerEmail]).toBe('anna.becker@example.com');
		expect(values[SUPPORT_CASE.issueType]).toBe('Return Authorization');

		const returns = await documentsIn(workspaceId!, 'Return Authorizations');
		expect(returns.map((document) => document.name)).toEqual(['return-authorization-1007-R3.txt']);
		const text = (await cs.content(returns[0].id)).toString('utf8');
		expect(text).toContain('#1007-R3');
		expect(text).toContain('ATB-075');
		expect(text).toContain('Beschreibung verspricht 12 Stunden.');
		const documentValues = await cs.categoryValues(returns[0].id);
		expect(documentValues[SUPPORT_CASE.issueType]).toBe('Return Authorization');

		const customerId = await cs.businessWorkspaceId('customer', '6001');
		expect(customerId).toBeDefined();
		const customer = await cs.resolve(2000, [...SERVICE_FOLDER, 'Anna Becker']);
		expect(customer?.id).toBe(customerId);
		expect(await relatedOf(customerId!)).toEqual([{ id: workspaceId, relation: 'child' }]);
		expect(await relatedOf(workspaceId!)).toEqual([{ id: customerId, relation: 'parent' }]);

		const orderData = await cs.child(workspaceId!, 'order-1007-data.txt');
		expect(orderData).toBeDefined();
		const orderValues = await cs.categoryValues(orderData!.id);
		expect(orderValues[SHOPIFY_ORDER.customerName]).toBe('Anna Becker');
		expect((await cs.content(orderData!.id)).toString('utf8')).toContain('ATB-075');
	});

	it('files refund credit note of #1007', async () => {
		await template.emitAndWait({ topic: 'refunds/create', id: '9301' }, 1);

		const workspaceId = (await cs.businessWorkspaceId('customer_issue', '5007'))!;
		const refunds = await documentsIn(workspaceId, 'Refund Approvals');
		expect(refunds.map((document) => document.name)).toEqual(['order-1007-credit-note-9301.pdf']);
		expect((await cs.content(refunds[0].id)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const documentValues = await cs.categoryValues(refunds[0].id);
		expect(documentValues[SUPPORT_CASE.issueType]).toBe('Refund Approval');
		expect(documentValues[SUPPORT_CASE.caseNumber]).toBe('CI-1007');

		// The issue stays one workspace with one customer relation and one order data document.
		expect((await cs.categoryValues(workspaceId))[SUPPORT_CASE.issueType]).toBe(
			'Return Authorization',
		);
		const customerId = await cs.businessWorkspaceId('customer', '6001');
		expect(await relatedOf(workspaceId)).toEqual([{ id: customerId, relation: 'parent' }]);
		const orderData = (await cs.child(workspaceId, 'order-1007-data.txt'))!;
		expect(await cs.versions(orderData.id)).toHaveLength(1);
	});

	it('files correspondence posted for #1007', async () => {
		const response = await postCorrespondence(MAIL);
		await template.expectMoreExecutions(1);
		expect(response.status).toBe(200);

		const workspaceId = (await cs.businessWorkspaceId('customer_issue', '5007'))!;
		const mails = await documentsIn(workspaceId, 'Correspondence');
		expect(mails.map((document) => document.name)).toEqual([MAIL_FILE_NAME]);
		expect(response.body).toEqual({
			workspace: { id: workspaceId, name: 'Customer issue #1007', created: false },
			document: {
				id: mails[0].id,
				name: MAIL_FILE_NAME,
				folder: 'Correspondence',
				outcome: 'created',
			},
		});
		const text = (await cs.content(mails[0].id)).toString('utf8');
		expect(text).toContain('From:       anna.becker@example.com');
		expect(text).toContain(MAIL.body);
		const documentValues = await cs.categoryValues(mails[0].id);
		expect(documentValues[SUPPORT_CASE.issueType]).toBe('Correspondence');
	});

	it('skips correspondence posted twice', async () => {
		const response = await postCorrespondence({ ...MAIL, orderName: undefined, orderId: '5007' });
		await template.expectMoreExecutions(1);
		expect(response.status).toBe(200);
		expect(response.body.document.outcome).toBe('skipped');

		const workspaceId = (await cs.businessWorkspaceId('customer_issue', '5007'))!;
		const mails = await documentsIn(workspaceId, 'Correspondence');
		expect(mails).toHaveLength(1);
		expect(response.body.document.id).toBe(mails[0].id);
		expect(await cs.versions(mails[0].id)).toHaveLength(1);
	});

	it('keeps one workspace per issue', async () => {
		const issues = await workspacesOfType(CUSTOMER_ISSUE_TYPE);
		expect(issues.sort()).toEqual(
			[
				await cs.businessWorkspaceId('customer_issue', '5002'),
				await cs.businessWorkspaceId('customer_issue', '5007'),
			].sort(),
		);
		expect(await workspacesOfType(CUSTOMER_TYPE)).toEqual([
			await cs.businessWorkspaceId('customer', '6001'),
		]);
	});

	it('rejects unknown order with 404', async () => {
		const byName = await postCorrespondence({ ...MAIL, orderName: '#9999' });
		const byId = await postCorrespondence({ ...MAIL, orderName: undefined, orderId: '9999' });
		await template.expectMoreExecutions(2);

		expect(byName.status).toBe(404);
		expect(byName.body.error).toBe('Order not found');
		expect(byName.body.message).toMatch(/^No order named #9999 was found\. Check the order name/);
		expect(byName.body.message).not.toContain('[item');
		expect(byId.status).toBe(404);
		expect(byId.body.error).toBe('Order not found');
		expect(byId.body.message).toContain('9999');
	});

	it('rejects missing fields with 400', async () => {
		const noOrder = await postCorrespondence({ ...MAIL, orderName: undefined });
		const noBody = await postCorrespondence({ orderName: '#1007', subject: 'Hello' });
		await template.expectMoreExecutions(2);

		expect(noOrder.status).toBe(400);
		expect(noOrder.body.error).toBe('Invalid request');
		expect(noOrder.body.message).toContain('orderName');
		expect(noBody.status).toBe(400);
		expect(noBody.body.message).toContain('from, body');
	});

	it('rejects wrong or missing key with 403', async () => {
		const wrongKey = await postCorrespondence(MAIL, {
			[SIMULATOR_ACCOUNTS.contextApi.name]: 'wrong-key',
		});
		const noKey = await postCorrespondence(MAIL, {});
		expect(wrongKey.status).toBe(403);
		expect(noKey.status).toBe(403);
		await template.expectMoreExecutions(0);
	});

	it('ignores forged delivery', async () => {
		const result = await emitWebhook(stack, {
			topic: 'disputes/create',
			id: '9401',
			mode: 'forged',
		});
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		await template.expectMoreExecutions(0);

		const workspaceId = (await cs.businessWorkspaceId('customer_issue', '5002'))!;
		expect(await documentsIn(workspaceId, 'Complaints')).toHaveLength(1);
	});
});
