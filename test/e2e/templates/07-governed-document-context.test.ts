import { randomUUID } from 'node:crypto';

import { SIMULATOR_ACCOUNTS } from '../../../scripts/lib/credentials';
import { getStack } from '../support';
import {
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	postJson,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

const WEBHOOK = 'Context request';
const ORDERS_FOLDER = 2201;
/** Text inside every test document; the response must never contain document content. */
const CONTENT_MARKER = 'CONFIDENTIAL-CONTENT';

const DOCUMENT_FIELDS = ['createdAt', 'link', 'modifiedAt', 'orderName', 'title', 'type'];
const WORKSPACE_FIELDS = [
	'createdAt',
	'link',
	'modifiedAt',
	'orderName',
	'status',
	'title',
	'type',
];
const CERTIFICATE_FIELDS = [
	'createdAt',
	'expiryDate',
	'issuedDate',
	'link',
	'modifiedAt',
	'productId',
	'status',
	'title',
	'type',
];

let template: DeployedTemplate;

function smartView(id: number): string {
	return `${stack.contentServerUrl.replace(/\/+$/, '')}/app/nodes/${id}`;
}

/** Uploads a text document with the Shopify Order category (2101) through the REST API. */
async function createOrderDocument(
	parentId: number,
	name: string,
	orderNumber: string,
	documentType: string,
): Promise<number> {
	const { headers } = await cs.call('GET', '/api/v1/auth');
	const form = new FormData();
	form.append(
		'body',
		JSON.stringify({
			type: 144,
			parent_id: parentId,
			name,
			roles: { categories: { '2101_2': orderNumber, '2101_11': documentType } },
		}),
	);
	form.append(
		'file',
		new Blob([`${CONTENT_MARKER} for ${orderNumber}`], { type: 'text/plain' }),
		name,
	);
	const response = await fetch(`${stack.contentServerUrl}/api/v2/nodes`, {
		method: 'POST',
		headers: { OTCSTicket: headers.get('OTCSTicket') ?? '' },
		body: form,
	});
	const body = (await response.json()) as any;
	if (!response.ok)
		throw new Error(`Uploading ${name} returned ${response.status}: ${JSON.stringify(body)}`);
	return body.results.data.properties.id as number;
}

/** Creates a business workspace for a Shopify business object through the REST API. */
async function createWorkspace(
	templateId: number,
	name: string,
	boType: string,
	boId: string,
	categories: Record<string, Record<string, string>> = {},
): Promise<number> {
	const { status, body } = await cs.call('POST', '/api/v2/businessworkspaces', {
		form: {
			body: JSON.stringify({
				template_id: templateId,
				name,
				ext_system_id: 'SHOPIFY',
				bo_type: boType,
				bo_id: boId,
				roles: { categories },
			}),
		},
	});
	if (status !== 200)
		throw new Error(`Creating ${name} returned ${status}: ${JSON.stringify(body)}`);
	return body.results.id as number;
}

async function askContext(
	body: unknown,
	key: string = SIMULATOR_ACCOUNTS.contextApi.value,
): Promise<{ status: number; body: any }> {
	const response = await postJson(template.webhookUrl(WEBHOOK), body, {
		[SIMULATOR_ACCOUNTS.contextApi.name]: key,
	});
	if (response.status !== 403) await template.expectMoreExecutions(1);
	return response;
}

const INPUT_NAMES = ['orderName', 'orderId', 'customerId', 'customerEmail'];

/**
 * Builds a workflow that calls the template through its Execute Workflow Trigger, as another
 * workflow or an AI agent tool would, and returns the template's output from its own webhook.
 */
function callerWorkflow(templateId: string, webhookPath: string) {
	return {
		name: 'Context caller for the end-to-end test',
		nodes: [
			{
				id: randomUUID(),
				name: 'Receive test call',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2.1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'Ask for context',
				type: 'n8n-nodes-base.executeWorkflow',
				typeVersion: 1.2,
				position: [220, 0],
				parameters: {
					workflowId: { __rl: true, mode: 'id', value: templateId },
					workflowInputs: {
						mappingMode: 'defineBelow',
						value: { orderName: '={{ $json.body.orderName }}' },
						matchingColumns: [],
						schema: INPUT_NAMES.map((name) => ({
							id: name,
							displayName: name,
							required: false,
							defaultMatch: false,
							display: true,
							canBeUsedToMatch: true,
							type: 'string',
						})),
						attemptToConvertTypes: false,
						convertFieldsToString: true,
					},
					options: {},
				},
			},
		],
		connections: {
			'Receive test call': {
				main: [[{ node: 'Ask for context', type: 'main', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

const ids: Record<string, number> = {};

beforeAll(async () => {
	await resetSimulators();
	const year = await cs.createFolder(ORDERS_FOLDER, '2026');
	const folder1001 = await cs.createFolder(year.id, '#1001');
	const folder1007 = await cs.createFolder(year.id, '#1007');
	const folder1002 = await cs.createFolder(year.id, '#1002');
	ids.confirmation1001 = await createOrderDocument(
		folder1001.id,
		'order-1001-order-confirmation.txt',
		'#1001',
		'Order Confirmation',
	);
	ids.packingSlip1007 = await createOrderDocument(
		folder1007.id,
		'order-1007-packing-slip.txt',
		'#1007',
		'Packing Slip',
	);
	ids.confirmation1002 = await createOrderDocument(
		folder1002.id,
		'order-1002-order-confirmation.txt',
		'#1002',
		'Order Confirmation',
	);
	ids.issue1007 = await createWorkspace(2301, 'Customer issue #1007', 'customer_issue', '5007', {
		'2103': { '2103_2': 'CI-1007' },
	});
	ids.return9203 = await createWorkspace(2331, 'Return #1007-R3', 'return', '9203', {
		'2107': { '2107_2': '9203' },
	});
	ids.customer6001 = await createWorkspace(2341, 'Anna Becker', 'customer', '6001');
	ids.issue1002 = await createWorkspace(2301, 'Customer issue #1002', 'customer_issue', '5002', {
		'2103': { '2103_2': 'CI-1002' },
	});
	ids.customer6002 = await createWorkspace(2341, 'Lukas Schmidt', 'customer', '6002');

	template = await deployTemplate('07-governed-document-context.json');
}, 180_000);

afterAll(async () => {
	await template?.remove();
});

describe('Governed document context template', () => {
	it('returns the documents of an order by name', async () => {
		const { status, body } = await askContext({ orderName: '#1001' });
		expect(status).toBe(200);
		expect(body.request).toEqual({ orderName: '#1001' });
		expect(body.orders).toEqual([
			{ id: '5001', name: '#1001', createdAt: expect.stringMatching(/^2026-/) },
		]);

		expect(body.orderDocuments).toEqual([
			expect.objectContaining({
				title: 'order-1001-order-confirmation.txt',
				type: 'Order Confirmation',
				orderName: '#1001',
				link: smartView(ids.confirmation1001),
			}),
		]);
		expect(Object.keys(body.orderDocuments[0]).sort()).toEqual(DOCUMENT_FIELDS);
		expect(body.workspaces).toEqual([]);

		// Order #1001 has the shoe (7001) and the socks (7002).
		const certificates = body.productCertificates as Array<Record<string, unknown>>;
		expect(certificates.map((certificate) => certificate.link).sort()).toEqual(
			[2211, 2212, 2213].map(smartView).sort(),
		);
		for (const certificate of certificates) {
			expect(Object.keys(certificate).sort()).toEqual(CERTIFICATE_FIELDS);
		}
		const socks = certificates.find((certificate) => certificate.productId === '7002');
		expect(socks).toEqual(
			expect.objectContaining({
				title: 'Merino Wool Socks - Safety Data Sheet.pdf',
				type: 'Safety Data Sheet',
				status: 'Draft',
				issuedDate: '2026-02-01',
				expiryDate: '2027-01-31',
			}),
		);

		const text = JSON.stringify(body);
		expect(text).not.toContain('#1007');
		expect(text).not.toContain('#1002');
		expect(text).not.toContain(CONTENT_MARKER);
	});

	it('returns the same for the order ID', async () => {
		const byName = await askContext({ orderName: '1001' });
		const byId = await askContext({ orderId: '5001' });
		expect(byId.status).toBe(200);
		expect(byId.body.orderDocuments).toEqual(byName.body.orderDocuments);
		expect(byId.body.productCertificates).toEqual(byName.body.productCertificates);
	});

	it('returns everything of a customer by e-mail', async () => {
		const { status, body } = await askContext({ customerEmail: 'Anna.Becker@example.com' });
		expect(status).toBe(200);
		expect(body.orders.map((order: any) => order.name).sort()).toEqual(['#1001', '#1007']);
		expect(body.orderDocuments.map((document: any) => document.link).sort()).toEqual(
			[ids.confirmation1001, ids.packingSlip1007].map(smartView).sort(),
		);

		const workspaces = body.workspaces as Array<Record<string, any>>;
		expect(workspaces.map((workspace) => [workspace.type, workspace.link]).sort()).toEqual(
			[
				['Customer', smartView(ids.customer6001)],
				['Customer Issue', smartView(ids.issue1007)],
				['Return Case', smartView(ids.return9203)],
			].sort(),
		);
		const returnCase = workspaces.find((workspace) => workspace.type === 'Return Case');
		expect(returnCase).toEqual(
			expect.objectContaining({
				title: 'Return #1007-R3',
				orderName: '#1007',
				returnName: '#1007-R3',
				status: 'Requested',
			}),
		);
		const issue = workspaces.find((workspace) => workspace.type === 'Customer Issue');
		expect(Object.keys(issue!).sort()).toEqual(WORKSPACE_FIELDS);
		expect(issue!.status).toBe('Open');
		const customer = workspaces.find((workspace) => workspace.type === 'Customer');
		expect(customer!.status).toBeNull();

		expect(body.productCertificates.map((certificate: any) => certificate.link).sort()).toEqual(
			[2211, 2212, 2213, 2214, 2215, 2216].map(smartView).sort(),
		);

		const text = JSON.stringify(body);
		expect(text).not.toContain('#1002');
		expect(text).not.toContain('Lukas');
		expect(text).not.toContain(CONTENT_MARKER);
	});

	it('returns the customer workspace by customer ID', async () => {
		const { status, body } = await askContext({ customerId: '6002' });
		expect(status).toBe(200);
		expect(body.workspaces.map((workspace: any) => workspace.link)).toEqual([
			smartView(ids.customer6002),
		]);
		expect(body.orderDocuments).toEqual([]);
		expect(JSON.stringify(body)).not.toContain('Anna');
	});

	it('answers 404 for an unknown order or customer', async () => {
		const order = await askContext({ orderName: '#9999' });
		expect(order.status).toBe(404);
		expect(order.body.message).toBe('No order #9999 was found in Shopify.');

		const customer = await askContext({ customerEmail: 'nobody@example.com' });
		expect(customer.status).toBe(404);
		expect(customer.body.message).toContain('nobody@example.com');
	});

	it('answers 400 for a missing or invalid field', async () => {
		const missing = await askContext({});
		expect(missing.status).toBe(400);
		expect(missing.body.message).toContain('Send one of orderName');

		const two = await askContext({ orderName: '#1001', customerId: '6001' });
		expect(two.status).toBe(400);

		const injected = await askContext({ customerEmail: 'a@example.com OR email:*' });
		expect(injected.status).toBe(400);
	});

	it('answers another workflow through the Execute Workflow Trigger', async () => {
		const webhookPath = `test-context-caller-${randomUUID()}`;
		const callerId = await stack.n8n.createWorkflow(callerWorkflow(template.id, webhookPath));
		try {
			await stack.n8n.activateWorkflow(callerId);
			const response = await fetch(`${stack.webhookBaseUrl}/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ orderName: '#1001' }),
			});
			expect(response.status).toBe(200);
			const [output] = (await response.json()) as Array<{ statusCode: number; response: any }>;
			expect(output.statusCode).toBe(200);
			expect(output.response.orders.map((order: any) => order.name)).toEqual(['#1001']);
			expect(output.response.orderDocuments.map((document: any) => document.link)).toEqual([
				smartView(ids.confirmation1001),
			]);
			await template.expectMoreExecutions(1);
		} finally {
			await stack.n8n.deleteWorkflow(callerId);
		}
	});

	it('rejects a wrong key with 403', async () => {
		const { status } = await askContext({ orderName: '#1001' }, 'wrong-key');
		expect(status).toBe(403);
		await template.expectMoreExecutions(0);
	});
});
