import { getStack, SIMULATOR_ACCOUNTS } from '../support';
import {
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	emitWebhook,
	expectExecutions,
	nodeOutput,
	postJson,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

const WEBHOOK_NODE = 'Receive settlement request';
const KEY_HEADER = SIMULATOR_ACCOUNTS.contextApi.name;
const KEY_VALUE = SIMULATOR_ACCOUNTS.contextApi.value;

/** Attribute keys of the simulator's Finance Record category (2106). */
const FINANCE = {
	recordType: '2106_2',
	period: '2106_3',
	orderNumber: '2106_4',
	transactionId: '2106_5',
	amount: '2106_6',
	currency: '2106_7',
	postingDate: '2106_8',
	gateway: '2106_9',
};

/**
 * Totals of March 2026 in the Shopify simulator's shop, all in EUR. Orders #1001, #1002, #1004,
 * #1005 and #1006 add up to 148.63 + 34.50 + 33381.50 + 214.60 + 59.70, and #1003 was cancelled.
 * The same amounts came in as sales and captures. Refund 9302 of #1007 (5.90) is of 2026-03-01.
 */
const MARCH_TOTALS = {
	currency: 'EUR',
	orders: 5,
	orderTotal: '33838.93',
	received: '33838.93',
	refunded: '5.90',
	refundRecords: '5.90',
	net: '33833.03',
};

let template: DeployedTemplate;
let removed = false;

/** Lists the documents in Enterprise / Shopify / Finance / <period>, by name. */
async function financeDocuments(period: string): Promise<Map<string, number>> {
	const folder = await cs.resolve(2000, ['Shopify', 'Finance', period]);
	if (!folder) return new Map();
	const children = await cs.children(folder.id);
	return new Map(children.map((child) => [child.name, child.id]));
}

/** Calls the settlement webhook with the given headers and body. */
async function requestSettlement(
	body: unknown,
	headers: Record<string, string> = { [KEY_HEADER]: KEY_VALUE },
): Promise<{ status: number; body: any }> {
	return await postJson(template.webhookUrl(WEBHOOK_NODE), body, headers);
}

beforeAll(async () => {
	await resetSimulators();
	template = await deployTemplate('05-archive-finance-records.json');
}, 180_000);

afterAll(async () => {
	if (!removed) await template?.remove();
});

/** Returns the month before the given time as YYYY-MM, in UTC. */
function previousMonth(time: number): string {
	const date = new Date(time);
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1))
		.toISOString()
		.slice(0, 7);
}

describe('Finance records template', () => {
	it('files tax invoice on orders/paid', async () => {
		const result = await template.emitAndWait(
			{ topic: 'orders/paid', id: '5001', mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

		const documents = await financeDocuments('2026-03');
		expect([...documents.keys()]).toEqual(['order-1001-invoice.pdf']);
		const id = documents.get('order-1001-invoice.pdf')!;
		expect(await cs.versions(id)).toHaveLength(1);
		expect((await cs.content(id)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

		const values = await cs.categoryValues(id);
		expect(values[FINANCE.recordType]).toBe('Tax Invoice');
		expect(values[FINANCE.period]).toBe('2026-03');
		expect(values[FINANCE.orderNumber]).toBe('#1001');
		expect(values[FINANCE.transactionId]).toBeFalsy();
		expect(values[FINANCE.amount]).toBe(148.63);
		expect(values[FINANCE.currency]).toBe('EUR');
		expect(values[FINANCE.postingDate]).toBe('2026-03-02T00:00:00');
	});

	it('files payment confirmation per transaction', async () => {
		await template.emitAndWait(
			{ topic: 'order_transactions/create', id: '9502', mode: 'duplicate' },
			1,
		);

		const documents = await financeDocuments('2026-03');
		expect([...documents.keys()].sort()).toEqual([
			'order-1001-invoice.pdf',
			'payment-1001-9502.txt',
		]);
		const id = documents.get('payment-1001-9502.txt')!;
		expect(await cs.versions(id)).toHaveLength(1);
		const text = (await cs.content(id)).toString('utf8');
		expect(text).toContain('PAYMENT CONFIRMATION');
		expect(text).toMatch(/Amount:\s+148\.63 EUR/);
		expect(text).toMatch(/Kind:\s+CAPTURE/);

		const values = await cs.categoryValues(id);
		expect(values[FINANCE.recordType]).toBe('Payment Confirmation');
		expect(values[FINANCE.period]).toBe('2026-03');
		expect(values[FINANCE.orderNumber]).toBe('#1001');
		expect(values[FINANCE.transactionId]).toBe('9502');
		expect(values[FINANCE.amount]).toBe(148.63);
		expect(values[FINANCE.currency]).toBe('EUR');
		expect(values[FINANCE.postingDate]).toBe('2026-03-03T00:00:00');
		expect(values[FINANCE.gateway]).toBeTruthy();
	});

	it('files nothing for an authorization', async () => {
		await template.emitAndWait({ topic: 'order_transactions/create', id: '9501' }, 1);

		const documents = await financeDocuments('2026-03');
		expect(documents.size).toBe(2);
	});

	it('files credit note on refunds/create', async () => {
		await template.emitAndWait({ topic: 'refunds/create', id: '9302', mode: 'duplicate' }, 1);

		const documents = await financeDocuments('2026-03');
		const id = documents.get('order-1007-credit-note-9302.pdf');
		expect(id).toBeDefined();
		expect(documents.size).toBe(3);
		expect(await cs.versions(id!)).toHaveLength(1);

		const values = await cs.categoryValues(id!);
		expect(values[FINANCE.recordType]).toBe('Refund Record');
		expect(values[FINANCE.period]).toBe('2026-03');
		expect(values[FINANCE.orderNumber]).toBe('#1007');
		expect(values[FINANCE.transactionId]).toBe('9512');
		expect(values[FINANCE.amount]).toBe(5.9);
		expect(values[FINANCE.currency]).toBe('EUR');
		expect(values[FINANCE.postingDate]).toBe('2026-03-01T00:00:00');
	});

	it('adds nothing when events are replayed', async () => {
		await template.emitAndWait({ topic: 'orders/paid', id: '5001' }, 1);
		await template.emitAndWait({ topic: 'order_transactions/create', id: '9502' }, 1);
		await template.emitAndWait({ topic: 'refunds/create', id: '9302' }, 1);

		const documents = await financeDocuments('2026-03');
		expect([...documents.keys()].sort()).toEqual([
			'order-1001-invoice.pdf',
			'order-1007-credit-note-9302.pdf',
			'payment-1001-9502.txt',
		]);
		for (const [name, id] of documents) {
			expect({ name, versions: (await cs.versions(id)).length }).toEqual({ name, versions: 1 });
		}
	});

	it('files refund under its month', async () => {
		await template.emitAndWait({ topic: 'refunds/create', id: '9301' }, 1);

		const documents = await financeDocuments('2026-02');
		const id = documents.get('order-1007-credit-note-9301.pdf');
		expect(id).toBeDefined();
		const values = await cs.categoryValues(id!);
		expect(values[FINANCE.period]).toBe('2026-02');
		expect(values[FINANCE.amount]).toBe(129.9);
		expect(values[FINANCE.transactionId]).toBe('9511');
	});

	it('files settlement report on request', async () => {
		const response = await requestSettlement({ period: '2026-03' });
		await template.expectMoreExecutions(1);

		expect(response.status).toBe(200);
		expect(response.body.period).toBe('2026-03');
		expect(response.body.orders).toBe(6);
		expect(response.body.refunds).toBe(1);
		expect(response.body.totals).toEqual([MARCH_TOTALS]);
		expect(response.body.document.name).toBe('settlement-2026-03.csv');
		expect(response.body.document.outcome).toBe('created');

		const documents = await financeDocuments('2026-03');
		const id = documents.get('settlement-2026-03.csv');
		expect(id).toBe(response.body.document.id);
		expect(await cs.versions(id!)).toHaveLength(1);

		const values = await cs.categoryValues(id!);
		expect(values[FINANCE.recordType]).toBe('Settlement Report');
		expect(values[FINANCE.period]).toBe('2026-03');
		expect(values[FINANCE.amount]).toBe(33833.03);
		expect(values[FINANCE.currency]).toBe('EUR');
		expect(values[FINANCE.postingDate]).toBe('2026-03-31T00:00:00');

		const rows = (await cs.content(id!))
			.toString('utf8')
			.trim()
			.split('\r\n')
			.map((row) => row.split(','));
		expect(rows[0]).toEqual([
			'Record',
			'Date',
			'Order',
			'ID',
			'Kind',
			'Status',
			'Gateway',
			'Currency',
			'Amount',
		]);
		const orders = rows.filter((row) => row[0] === 'Order').map((row) => row[2]);
		expect(orders.sort()).toEqual(['#1001', '#1002', '#1003', '#1004', '#1005', '#1006']);
		const transactions = rows.filter((row) => row[0] === 'Transaction').map((row) => row[3]);
		expect(transactions.sort()).toEqual([
			'9501',
			'9502',
			'9503',
			'9504',
			'9505',
			'9506',
			'9507',
			'9508',
			'9509',
			'9512',
		]);
		const refunds = rows.filter((row) => row[0] === 'Refund').map((row) => row[3]);
		expect(refunds).toEqual(['9302']);
		const net = rows.find((row) => row[0] === 'Total' && row[4] === 'Net');
		expect(net?.slice(7)).toEqual(['EUR', '33833.03']);
	});

	it('adds version on second settlement', async () => {
		const response = await requestSettlement({ period: '2026-03' });
		await template.expectMoreExecutions(1);

		expect(response.status).toBe(200);
		expect(response.body.document.outcome).toBe('versionAdded');
		const documents = await financeDocuments('2026-03');
		expect([...documents.keys()].filter((name) => name.startsWith('settlement-'))).toEqual([
			'settlement-2026-03.csv',
		]);
		expect(await cs.versions(documents.get('settlement-2026-03.csv')!)).toHaveLength(2);
	});

	it('settles month without orders', async () => {
		const response = await requestSettlement({ period: '2027-01' });
		await template.expectMoreExecutions(1);

		expect(response.status).toBe(200);
		expect(response.body.orders).toBe(0);
		expect(response.body.totals).toEqual([]);
		const documents = await financeDocuments('2027-01');
		const id = documents.get('settlement-2027-01.csv');
		expect(id).toBeDefined();
		const values = await cs.categoryValues(id!);
		expect(values[FINANCE.recordType]).toBe('Settlement Report');
		expect(values[FINANCE.amount]).toBeFalsy();
		expect((await cs.content(id!)).toString('utf8').trim().split('\r\n')).toHaveLength(1);
	});

	it('answers 400 for an invalid period', async () => {
		const response = await requestSettlement({ period: '2026-13' });
		await template.expectMoreExecutions(1);

		expect(response.status).toBe(400);
		expect(response.body.message).toContain('2026-13');
		expect((await financeDocuments('2026-13')).size).toBe(0);
	});

	it('rejects missing or wrong key', async () => {
		const missing = await requestSettlement({ period: '2026-03' }, {});
		expect(missing.status).toBe(403);
		const wrong = await requestSettlement({ period: '2026-03' }, { [KEY_HEADER]: 'wrong-key' });
		expect(wrong.status).toBe(403);
		await template.expectMoreExecutions(0);
	});

	it('ignores a forged delivery', async () => {
		const result = await emitWebhook(stack, { topic: 'orders/paid', id: '5001', mode: 'forged' });
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		await template.expectMoreExecutions(0);
	});
});

describe('Finance records template on its schedule', () => {
	let scheduled: DeployedTemplate | undefined;

	afterAll(async () => {
		await scheduled?.remove();
	});

	it('settles the previous month on schedule', async () => {
		// The webhook path and the Shopify subscriptions can belong to one workflow only.
		await template.remove();
		removed = true;
		scheduled = await deployTemplate('05-archive-finance-records.json', {
			edit: (workflow) => {
				const trigger = (
					workflow.nodes as Array<{ name: string; parameters: Record<string, unknown> }>
				).find((node) => node.name === 'First day of every month');
				if (!trigger) throw new Error('The template has no node "First day of every month".');
				trigger.parameters.rule = { interval: [{ field: 'seconds', secondsInterval: 5 }] };
			},
		});
		await stack.n8n.waitForExecutions(scheduled.id, 1, 60_000);
		await stack.n8n.deactivateWorkflow(scheduled.id);
		const runs = await expectExecutions(
			scheduled.id,
			(await stack.n8n.listExecutions(scheduled.id)).length,
		);

		// The schedule settles the month before today in the workflow's time zone, which is at
		// most 14 hours away from UTC.
		const startedAt = Date.parse(runs[0].startedAt!);
		const hours = 14 * 3600_000;
		const [choice] = await nodeOutput(runs[0].id, 'Choose settlement period');
		expect([previousMonth(startedAt - hours), previousMonth(startedAt + hours)]).toContain(
			choice.period,
		);
		const period = choice.period as string;

		const documents = await financeDocuments(period);
		const id = documents.get(`settlement-${period}.csv`);
		expect(id).toBeDefined();
		expect(await cs.versions(id!)).toHaveLength(runs.length);
		const values = await cs.categoryValues(id!);
		expect(values[FINANCE.recordType]).toBe('Settlement Report');
		expect(values[FINANCE.period]).toBe(period);
		const [archived] = await nodeOutput(runs[0].id, 'Archive settlement report');
		expect(archived.id).toBe(id);
		expect(await nodeOutput(runs[0].id, 'Answer with settlement summary')).toEqual([]);
	});
});
