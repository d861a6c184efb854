import { getStack } from '../support';
import {
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	emitWebhook,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

/** Simulator order #1001: Anna Becker, 148.63 EUR, paid and fulfilled, with a shipping-label metafield. */
const ORDER_ID = '5001';
/** Simulator order #1006: customer Zoë Ångström-Петрова, Tokyo address, emoji in a line item title. */
const NON_ASCII_ORDER_ID = '5006';

const CREATE_DOCUMENTS_1001 = [
	'order-1001-invoice.pdf',
	'order-1001-order-confirmation.pdf',
	'order-1001-packing-slip.pdf',
];
const ALL_DOCUMENTS_1001 = [...CREATE_DOCUMENTS_1001, 'order-1001-shipping-label.pdf'].sort();

/** Attribute keys of the simulator's Shopify Order category (2101). */
const ORDER = {
	orderNumber: '2101_2',
	orderId: '2101_3',
	orderDate: '2101_4',
	customerName: '2101_5',
	customerEmail: '2101_6',
	currency: '2101_7',
	totalAmount: '2101_8',
	financialStatus: '2101_9',
	fulfillmentStatus: '2101_10',
	documentType: '2101_11',
	tags: '2101_12',
	lineItemSku: (row: number) => `2101_13_${row}_14`,
	lineItemTitle: (row: number) => `2101_13_${row}_15`,
	lineItemQuantity: (row: number) => `2101_13_${row}_16`,
};

/** Attribute keys of the simulator's Shopify Invoice category (2102). */
const INVOICE = {
	invoiceNumber: '2102_2',
	orderNumber: '2102_3',
	invoiceDate: '2102_4',
	netAmount: '2102_5',
	taxAmount: '2102_6',
	grossAmount: '2102_7',
	currency: '2102_8',
	paid: '2102_9',
	documentType: '2102_10',
};

let template: DeployedTemplate;

/** Returns the documents of an order folder below Enterprise / Shopify / Orders / 2026, by name. */
async function orderDocuments(orderName: string): Promise<Map<string, number>> {
	const folder = await cs.resolve(2000, ['Shopify', 'Orders', '2026', orderName]);
	if (!folder) throw new Error(`The folder Shopify/Orders/2026/${orderName} does not exist.`);
	const children = await cs.children(folder.id);
	return new Map(children.map((child) => [child.name, child.id]));
}

/** Fails unless every document of the order has exactly one version. */
async function expectOneVersionEach(documents: Map<string, number>): Promise<void> {
	for (const [name, id] of documents) {
		expect({ name, versions: (await cs.versions(id)).length }).toEqual({ name, versions: 1 });
	}
}

beforeAll(async () => {
	await resetSimulators();
	template = await deployTemplate('01-archive-order-documents.json');
}, 180_000);

afterAll(async () => {
	await template?.remove();
});

describe('Order documents template', () => {
	it('files three documents once on orders/create', async () => {
		const result = await template.emitAndWait(
			{ topic: 'orders/create', id: ORDER_ID, mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

		const documents = await orderDocuments('#1001');
		expect([...documents.keys()].sort()).toEqual(CREATE_DOCUMENTS_1001);
		await expectOneVersionEach(documents);

		const confirmation = await cs.categoryValues(
			documents.get('order-1001-order-confirmation.pdf')!,
		);
		expect(confirmation[ORDER.orderNumber]).toBe('#1001');
		expect(confirmation[ORDER.orderId]).toBe(ORDER_ID);
		expect(confirmation[ORDER.orderDate]).toBe('2026-03-02T00:00:00');
		expect(confirmation[ORDER.customerName]).toBe('Anna Becker');
		expect(confirmation[ORDER.customerEmail]).toBe('anna.becker@example.com');
		expect(confirmation[ORDER.currency]).toBe('EUR');
		expect(confirmation[ORDER.totalAmount]).toBe(148.63);
		expect(confirmation[ORDER.financialStatus]).toBe('PAID');
		expect(confirmation[ORDER.fulfillmentStatus]).toBe('FULFILLED');
		expect(confirmation[ORDER.documentType]).toBe('Order Confirmation');
		expect(confirmation[ORDER.tags]).toEqual(['newsletter']);
		expect(confirmation[ORDER.lineItemSku(1)]).toBe('TRS-42');
		expect(confirmation[ORDER.lineItemQuantity(1)]).toBe(1);
		expect(confirmation[ORDER.lineItemSku(2)]).toBe('MWS-M');
		expect(confirmation[ORDER.lineItemQuantity(2)]).toBe(2);
		expect(String(confirmation[ORDER.lineItemTitle(2)])).toContain('Merino Wool Socks');

		const packingSlip = await cs.categoryValues(documents.get('order-1001-packing-slip.pdf')!);
		expect(packingSlip[ORDER.documentType]).toBe('Packing Slip');
		expect(packingSlip[ORDER.orderNumber]).toBe('#1001');

		const invoice = await cs.categoryValues(documents.get('order-1001-invoice.pdf')!);
		expect(invoice[ORDER.orderNumber]).toBe('#1001');
		expect(invoice[ORDER.documentType]).toBeFalsy();
		expect(invoice[INVOICE.invoiceNumber]).toBe('INV-1001');
		expect(invoice[INVOICE.orderNumber]).toBe('#1001');
		expect(invoice[INVOICE.invoiceDate]).toBe('2026-03-02T00:00:00');
		expect(invoice[INVOICE.grossAmount]).toBe(148.63);
		expect(invoice[INVOICE.taxAmount]).toBe(23.73);
		expect(invoice[INVOICE.netAmount]).toBe(124.9);
		expect(invoice[INVOICE.currency]).toBe('EUR');
		expect(invoice[INVOICE.paid]).toBe(true);
		expect(invoice[INVOICE.documentType]).toBe('Invoice');

		const pdf = await cs.content(documents.get('order-1001-invoice.pdf')!);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('files the label on orders/fulfilled', async () => {
		await template.emitAndWait({ topic: 'orders/fulfilled', id: ORDER_ID }, 1);

		const documents = await orderDocuments('#1001');
		expect([...documents.keys()].sort()).toEqual(ALL_DOCUMENTS_1001);
		await expectOneVersionEach(documents);

		const labelId = documents.get('order-1001-shipping-label.pdf')!;
		const label = await cs.categoryValues(labelId);
		expect(label[ORDER.orderNumber]).toBe('#1001');
		expect(label[ORDER.fulfillmentStatus]).toBe('FULFILLED');
		expect(label[ORDER.documentType]).toBeFalsy();
		expect((await cs.content(labelId)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});

	it('ignores a replayed orders/create', async () => {
		const result = await template.emitAndWait({ topic: 'orders/create', id: ORDER_ID }, 1);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200]);

		const documents = await orderDocuments('#1001');
		expect([...documents.keys()].sort()).toEqual(ALL_DOCUMENTS_1001);
		await expectOneVersionEach(documents);
		const orders2026 = await cs.resolve(2000, ['Shopify', 'Orders', '2026']);
		expect((await cs.children(orders2026!.id)).map((child) => child.name)).toEqual(['#1001']);
	});

	it('files an order with non-ASCII names', async () => {
		await template.emitAndWait({ topic: 'orders/create', id: NON_ASCII_ORDER_ID }, 1);

		const documents = await orderDocuments('#1006');
		expect([...documents.keys()].sort()).toEqual([
			'order-1006-invoice.pdf',
			'order-1006-order-confirmation.pdf',
			'order-1006-packing-slip.pdf',
		]);
		const values = await cs.categoryValues(documents.get('order-1006-order-confirmation.pdf')!);
		expect(values[ORDER.customerName]).toBe('Zoë Ångström-Петрова');
		expect(values[ORDER.tags]).toEqual(['geschenk', 'международный']);
		expect(values[ORDER.lineItemTitle(1)]).toBe('Matcha-Set „Kyōto“ 抹茶 🍵');
	});

	it('ignores a forged delivery', async () => {
		const result = await emitWebhook(stack, {
			topic: 'orders/create',
			id: ORDER_ID,
			mode: 'forged',
		});
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		await template.expectMoreExecutions(0);
	});
});
