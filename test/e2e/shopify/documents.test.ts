import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

import { getStack } from '../support';
import { actionWorkflow, control, createCredential, locator, runAction } from './helpers';

const stack = getStack();
let credential: { id: string; name: string };

beforeAll(async () => {
	await control(stack, 'POST', 'reset');
	// Shopify Plus restores 1,000 cost points per second. At the default 100, the 260-line order
	// would spend about half a minute waiting for the cost bucket.
	await control(stack, 'PATCH', 'settings', { costRestoreRate: 1000 });
	credential = await createCredential(stack, 'Shopify documents test');
});

afterAll(async () => {
	await control(stack, 'POST', 'reset');
});

function renderWorkflow(folder: string) {
	return actionWorkflow(
		`shopify render ${path.basename(folder)}`,
		{
			resource: 'orderDocument',
			operation: 'render',
			order: locator('name', '={{ $json.order }}'),
			documents: '={{ $json.documents }}',
			binaryPropertyName: 'data',
			options: { refundId: '={{ $json.refundId ?? "" }}' },
		},
		credential,
		{ binaryOutput: { folder } },
	);
}

function outputFolder(name: string): string {
	const folder = path.join(stack.filesDir, 'shopify-documents', name);
	mkdirSync(folder, { recursive: true });
	return folder;
}

function readPdf(folder: string, fileName: string): Buffer {
	const file = readdirSync(folder).find((entry) => entry.endsWith(`-${fileName}`));
	if (!file)
		throw new Error(
			`${fileName} was not written to ${folder}; found ${readdirSync(folder).join(', ')}`,
		);
	return readFileSync(path.join(folder, file));
}

describe('Order Document › Render', () => {
	it('renders confirmation, invoice and packing slip of a guest order', async () => {
		const folder = outputFolder('guest');
		const result = await runAction(stack, renderWorkflow(folder), [
			{
				order: '#1002',
				documents: ['invoice', 'packingSlip', 'orderConfirmation', 'creditNote', 'shippingLabel'],
			},
		]);
		expect(
			result.items.map((item) => [
				item.json.documentType,
				item.json.fileName ?? null,
				item.json.skipped ?? false,
			]),
		).toEqual([
			['orderConfirmation', 'order-1002-order-confirmation.pdf', false],
			['invoice', 'order-1002-invoice.pdf', false],
			['packingSlip', 'order-1002-packing-slip.pdf', false],
			['creditNote', null, true],
			['shippingLabel', null, true],
		]);
		expect(result.items[4].json.note).toBe(
			'Order #1002 has no shipping label URL in metafield shipping.label_url.',
		);
		for (const item of result.items.slice(0, 3)) {
			expect(item.error).toBeUndefined();
			expect(item.binary.data).toMatchObject({
				mimeType: 'application/pdf',
				fileName: item.json.fileName,
			});
			expect(item.json).toMatchObject({ orderId: 'gid://shopify/Order/5002', orderName: '#1002' });
			expect(
				readPdf(folder, item.json.fileName as string)
					.subarray(0, 5)
					.toString('latin1'),
			).toBe('%PDF-');
		}
	});

	it('renders the invoice of the 260-line order over several pages', async () => {
		const folder = outputFolder('wholesale');
		const [item] = (
			await runAction(stack, renderWorkflow(folder), [{ order: '#1004', documents: ['invoice'] }])
		).items;
		expect(item.error).toBeUndefined();
		expect(item.json.fileName).toBe('order-1004-invoice.pdf');
		const pdf = readPdf(folder, 'order-1004-invoice.pdf').toString('latin1');
		const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
		expect(pages.length).toBeGreaterThan(3);
	});

	it('renders one credit note per refund, including the shipping-only refund', async () => {
		const folder = outputFolder('refunds');
		const result = await runAction(stack, renderWorkflow(folder), [
			{ order: '#1007', documents: ['creditNote'] },
		]);
		expect(result.items.map((item) => item.json.fileName).sort()).toEqual([
			'order-1007-credit-note-9301.pdf',
			'order-1007-credit-note-9302.pdf',
		]);
		expect(
			readPdf(folder, 'order-1007-credit-note-9302.pdf').subarray(0, 5).toString('latin1'),
		).toBe('%PDF-');

		const [only] = (
			await runAction(stack, renderWorkflow(outputFolder('one-refund')), [
				{ order: '#1007', documents: ['creditNote'], refundId: 'gid://shopify/Refund/9302' },
			])
		).items;
		expect(only.json).toMatchObject({
			fileName: 'order-1007-credit-note-9302.pdf',
			refundId: 'gid://shopify/Refund/9302',
		});
	});

	it('fetches the shipping label of an order that has one', async () => {
		const folder = outputFolder('label');
		const [item] = (
			await runAction(stack, renderWorkflow(folder), [
				{ order: '#1001', documents: ['shippingLabel'] },
			])
		).items;
		expect(item.error).toBeUndefined();
		expect(item.json).toMatchObject({
			documentType: 'shippingLabel',
			fileName: 'order-1001-shipping-label.pdf',
			sourceUrl: `${stack.shopifyUrl}/cdn/shipping-labels/8001.pdf`,
		});
		const served = Buffer.from(
			await (await fetch(`${stack.shopifyUrl}/cdn/shipping-labels/8001.pdf`)).arrayBuffer(),
		);
		expect(readPdf(folder, 'order-1001-shipping-label.pdf').equals(served)).toBe(true);
	});

	it('renders the same bytes for the same order twice', async () => {
		const first = outputFolder('repeat-1');
		const second = outputFolder('repeat-2');
		await runAction(stack, renderWorkflow(first), [{ order: '#1001', documents: ['invoice'] }]);
		await runAction(stack, renderWorkflow(second), [{ order: '#1001', documents: ['invoice'] }]);
		expect(
			readPdf(first, 'order-1001-invoice.pdf').equals(readPdf(second, 'order-1001-invoice.pdf')),
		).toBe(true);
	});

	it('names the refund when Only Refund ID does not belong to the order', async () => {
		const [item] = (
			await runAction(stack, renderWorkflow(outputFolder('wrong-refund')), [
				{ order: '#1001', documents: ['creditNote'], refundId: '9302' },
			])
		).items;
		expect(item.error).toBe('Only Refund ID: Order #1001 has no refund 9302 [item 0]');
	});
});
