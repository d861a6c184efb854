import { getStack } from '../support';
import {
	adminGraphql,
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	emitWebhook,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

/** Return #1007-R3 of order #1007 in the Shopify simulator: one bottle, NOT_AS_DESCRIBED, REQUESTED. */
const RETURN_ID = '9203';
/** Return #1007-R2 of the same order, already approved (OPEN) in the seed shop. */
const APPROVED_RETURN_ID = '9202';
const RETURNS_FOLDER = ['Shopify', 'Returns'];

/** Attribute keys of the simulator's Return Case category (2107). */
const RETURN_CASE = {
	returnId: '2107_2',
	rmaNumber: '2107_3',
	orderNumber: '2107_4',
	status: '2107_5',
	reason: '2107_6',
	requestedDate: '2107_7',
	closedDate: '2107_8',
	itemSku: '2107_9_1_10',
	itemQuantity: '2107_9_1_11',
	itemReason: '2107_9_1_12',
	documentType: '2107_13',
};

let template: DeployedTemplate;

async function caseIdOf(returnId: string): Promise<number | undefined> {
	return await cs.businessWorkspaceId('return', returnId);
}

/** Returns the one RMA document of a case, and fails when there is none or more than one. */
async function rmaDocumentOf(caseId: number): Promise<{ id: number; name: string }> {
	const folder = await cs.child(caseId, 'Return Requests');
	if (!folder) throw new Error(`Case ${caseId} has no "Return Requests" folder.`);
	const documents = await cs.children(folder.id);
	expect(documents.map((document) => document.name)).toEqual(['rma-1007-R3.txt']);
	return documents[0] as { id: number; name: string };
}

beforeAll(async () => {
	await resetSimulators();
	template = await deployTemplate('06-return-case-file.json');
}, 180_000);

afterAll(async () => {
	await template?.remove();
});

describe('Returns case file template', () => {
	it('opens case with RMA on returns/request', async () => {
		const result = await template.emitAndWait(
			{ topic: 'returns/request', id: RETURN_ID, mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.filter((delivery) => delivery.status === 200)).toHaveLength(2);

		const caseId = await caseIdOf(RETURN_ID);
		expect(caseId).toBeDefined();
		const workspace = await cs.resolve(2000, [...RETURNS_FOLDER, 'Return #1007-R3']);
		expect(workspace?.id).toBe(caseId);

		const values = await cs.categoryValues(caseId!);
		expect(values[RETURN_CASE.returnId]).toBe(RETURN_ID);
		expect(values[RETURN_CASE.rmaNumber]).toBe('RMA-1007-R3');
		expect(values[RETURN_CASE.orderNumber]).toBe('#1007');
		expect(values[RETURN_CASE.status]).toBe('Requested');
		expect(values[RETURN_CASE.requestedDate]).toMatch(/^2026-\d\d-\d\dT00:00:00$/);
		expect(values[RETURN_CASE.closedDate]).toBeFalsy();
		expect(values[RETURN_CASE.reason]).toContain('NOT_AS_DESCRIBED');
		expect(values[RETURN_CASE.itemSku]).toBe('ATB-075');
		expect(values[RETURN_CASE.itemQuantity]).toBe(1);

		const document = await rmaDocumentOf(caseId!);
		expect(await cs.versions(document.id)).toHaveLength(1);
		const text = (await cs.content(document.id)).toString('utf8');
		expect(text).toContain('RMA-1007-R3');
		expect(text).toMatch(/Status:\s+Requested/);
		expect(text).toContain('ATB-075');
		const documentValues = await cs.categoryValues(document.id);
		expect(documentValues[RETURN_CASE.documentType]).toBe('Return Request');
		expect(documentValues[RETURN_CASE.status]).toBe('Requested');
	});

	it('adds Approved version on returns/approve', async () => {
		await adminGraphql(
			stack,
			'mutation ($id: ID!) { returnApproveRequest(input: { id: $id }) { userErrors { message } } }',
			{ id: `gid://shopify/Return/${RETURN_ID}` },
		);
		await template.emitAndWait({ topic: 'returns/approve', id: RETURN_ID }, 1);

		const caseId = (await caseIdOf(RETURN_ID))!;
		expect((await cs.categoryValues(caseId))[RETURN_CASE.status]).toBe('Approved');
		const document = await rmaDocumentOf(caseId);
		expect(await cs.versions(document.id)).toHaveLength(2);
		expect((await cs.content(document.id)).toString('utf8')).toMatch(/Status:\s+Approved/);
	});

	it('adds Closed version on returns/close', async () => {
		await adminGraphql(
			stack,
			'mutation ($id: ID!) { returnClose(id: $id) { userErrors { message } } }',
			{ id: `gid://shopify/Return/${RETURN_ID}` },
		);
		await template.emitAndWait({ topic: 'returns/close', id: RETURN_ID }, 1);

		const caseId = (await caseIdOf(RETURN_ID))!;
		const values = await cs.categoryValues(caseId);
		expect(values[RETURN_CASE.status]).toBe('Closed');
		expect(values[RETURN_CASE.closedDate]).toMatch(/^2026-\d\d-\d\dT00:00:00$/);
		const document = await rmaDocumentOf(caseId);
		expect(await cs.versions(document.id)).toHaveLength(3);
		const text = (await cs.content(document.id)).toString('utf8');
		expect(text).toMatch(/Status:\s+Closed/);
		expect(text).toMatch(/Approved:\s+2026-/);
	});

	it('keeps Closed on late approval', async () => {
		await template.emitAndWait(
			{ topic: 'returns/approve', id: RETURN_ID, mode: 'out-of-order' },
			2,
		);

		const caseId = (await caseIdOf(RETURN_ID))!;
		expect((await cs.categoryValues(caseId))[RETURN_CASE.status]).toBe('Closed');
		const document = await rmaDocumentOf(caseId);
		expect(await cs.versions(document.id)).toHaveLength(3);
	});

	it('never moves stored status back', async () => {
		await template.emitAndWait({ topic: 'returns/approve', id: APPROVED_RETURN_ID }, 1);
		const caseId = (await caseIdOf(APPROVED_RETURN_ID))!;
		expect((await cs.categoryValues(caseId))[RETURN_CASE.status]).toBe('Approved');

		// Someone closes the case in Content Server before Shopify has closed the return.
		const closed = await cs.call('PUT', `/api/v2/nodes/${caseId}/categories/2107`, {
			form: { [RETURN_CASE.status]: 'Closed' },
		});
		expect(closed.status).toBe(200);
		await template.emitAndWait({ topic: 'returns/approve', id: APPROVED_RETURN_ID }, 1);

		expect((await cs.categoryValues(caseId))[RETURN_CASE.status]).toBe('Closed');
		const folder = (await cs.child(caseId, 'Return Requests'))!;
		const [document] = await cs.children(folder.id);
		expect(await cs.versions(document.id)).toHaveLength(1);
	});

	it('ignores forged delivery', async () => {
		const result = await emitWebhook(stack, {
			topic: 'returns/request',
			id: RETURN_ID,
			mode: 'forged',
		});
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		await template.expectMoreExecutions(0);
	});
});
