import {
	documentFileName,
	documentNumber,
	documentTitle,
	renderOrderDocument,
} from '../../nodes/ShopifyGraphqlAdmin/documents/render';
import type { OrderDocumentInput } from '../../nodes/ShopifyGraphqlAdmin/documents/types';
import { euroOrder } from './fixtures';

function withName(name: string): OrderDocumentInput {
	const input = euroOrder();
	input.order.name = name;
	return input;
}

describe('documentFileName', () => {
	it.each([
		['orderConfirmation', 'order-1001-order-confirmation.pdf'],
		['invoice', 'order-1001-invoice.pdf'],
		['packingSlip', 'order-1001-packing-slip.pdf'],
	] as const)('names the %s', (kind, expected) => {
		expect(documentFileName(kind, euroOrder())).toBe(expected);
	});

	it('names a credit note after its refund', () => {
		const input = euroOrder();

		expect(documentFileName('creditNote', input, input.refunds[0])).toBe(
			'order-1001-credit-note-509562969.pdf',
		);
	});

	it('rejects a credit note without its refund', () => {
		expect(() => documentFileName('creditNote', euroOrder())).toThrow(
			'A credit note needs its refund: pass the refund (with legacyResourceId) that the credit note is for.',
		);
	});

	it.each([
		['#Ü-1004', 'order-Ü-1004-invoice.pdf'],
		['#東京-7', 'order-東京-7-invoice.pdf'],
		['#طلب-5', 'order-طلب-5-invoice.pdf'],
		['#EU/1001\\A', 'order-EU-1001-A-invoice.pdf'],
		['#1001 B', 'order-1001-B-invoice.pdf'],
		['#10:01*?"<>|', 'order-10-01-invoice.pdf'],
		['#1001\u0000\u0007\n', 'order-1001-invoice.pdf'],
		['#1001\u202egpj.exe', 'order-1001-gpj.exe-invoice.pdf'],
		['##', 'order-820982911946154508-invoice.pdf'],
		['../../etc/passwd', 'order-etc-passwd-invoice.pdf'],
	])('makes %p file-name safe', (name, expected) => {
		expect(documentFileName('invoice', withName(name))).toBe(expected);
	});

	it('keeps file names short', () => {
		const name = documentFileName('invoice', withName(`#${'ü'.repeat(300)}`));

		expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(130);
		expect(name).toMatch(/^order-ü+-invoice\.pdf$/);
	});
});

describe('documentTitle and documentNumber', () => {
	it.each([
		['orderConfirmation', 'Order Confirmation', '#1001'],
		['invoice', 'Invoice', 'INV-1001'],
		['packingSlip', 'Packing Slip', 'PS-1001'],
	] as const)('%s is titled %p and numbered %p', (kind, title, number) => {
		expect(documentTitle(kind)).toBe(title);
		expect(documentNumber(kind, euroOrder())).toBe(number);
	});

	it('numbers a credit note after the order and refund', () => {
		const input = euroOrder();

		expect(documentTitle('creditNote')).toBe('Credit Note');
		expect(documentNumber('creditNote', input, input.refunds[1])).toBe('CN-1001-509562970');
	});

	it('rejects an unknown kind', async () => {
		expect(() => documentTitle('receipt' as never)).toThrow(
			'Unknown document kind "receipt": expected one of orderConfirmation, invoice, packingSlip, creditNote.',
		);
		await expect(renderOrderDocument('receipt' as never, euroOrder())).rejects.toThrow(
			'Unknown document kind "receipt"',
		);
	});
});
