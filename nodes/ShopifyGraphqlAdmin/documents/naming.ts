import type { OrderDocumentInput, OrderDocumentKind, OrderDocumentRefund } from './types';

const TITLES: Record<OrderDocumentKind, string> = {
	orderConfirmation: 'Order Confirmation',
	invoice: 'Invoice',
	packingSlip: 'Packing Slip',
	creditNote: 'Credit Note',
};

const FILE_SUFFIXES: Record<OrderDocumentKind, string> = {
	orderConfirmation: 'order-confirmation',
	invoice: 'invoice',
	packingSlip: 'packing-slip',
	creditNote: 'credit-note',
};

/** Keeps file names well below the 255-byte limit of common file systems. */
const MAX_NAME_PART_BYTES = 100;

export function isDocumentKind(value: unknown): value is OrderDocumentKind {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TITLES, value);
}

function checkKind(kind: OrderDocumentKind): void {
	if (!isDocumentKind(kind)) {
		throw new Error(
			`Unknown document kind ${JSON.stringify(kind)}: expected one of ${Object.keys(TITLES).join(', ')}.`,
		);
	}
}

/** Display name of a document kind, such as "Packing Slip". */
export function documentTitle(kind: OrderDocumentKind): string {
	checkKind(kind);
	return TITLES[kind];
}

/** Order name without "#", as printed in document numbers: "#1001" becomes "1001". */
export function orderNumber(input: OrderDocumentInput): string {
	const stripped = input.order.name.replace(/#/g, '').trim();
	return stripped === '' ? input.order.legacyResourceId : stripped;
}

/**
 * Printed document number. Invoice, packing slip and credit note numbers derive from the order
 * name, so the same order always gets the same numbers.
 */
export function documentNumber(
	kind: OrderDocumentKind,
	input: OrderDocumentInput,
	refund?: Pick<OrderDocumentRefund, 'legacyResourceId'>,
): string {
	checkKind(kind);
	const number = orderNumber(input);
	switch (kind) {
		case 'orderConfirmation':
			return input.order.name.trim();
		case 'invoice':
			return `INV-${number}`;
		case 'packingSlip':
			return `PS-${number}`;
		case 'creditNote':
			return `CN-${number}-${requireRefund(refund).legacyResourceId}`;
	}
}

function requireRefund(
	refund: Pick<OrderDocumentRefund, 'legacyResourceId'> | undefined,
): Pick<OrderDocumentRefund, 'legacyResourceId'> {
	if (
		!refund ||
		typeof refund.legacyResourceId !== 'string' ||
		refund.legacyResourceId.trim() === ''
	) {
		throw new Error(
			'A credit note needs its refund: pass the refund (with legacyResourceId) that the credit note is for.',
		);
	}
	return refund;
}

function truncateUtf8(value: string, maxBytes: number): string {
	let result = '';
	let bytes = 0;
	for (const character of value) {
		bytes += Buffer.byteLength(character, 'utf8');
		if (bytes > maxBytes) break;
		result += character;
	}
	return result;
}

/**
 * Makes a name safe for file systems and Content Server. Letters of any script, digits, "-", "_"
 * and "." stay. Path separators, reserved characters, control and format characters (bidi
 * overrides too) and whitespace become "-".
 */
export function fileNamePart(value: string): string {
	const safe = value
		.normalize('NFC')
		.replace(/#/g, '')
		.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\\/:*?"<>|]/gu, '-')
		.replace(/\s+/gu, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
	return truncateUtf8(safe, MAX_NAME_PART_BYTES).replace(/[-.]+$/g, '');
}

/**
 * File name of a document: order-1001-invoice.pdf, or order-1001-credit-note-<refund id>.pdf.
 * Falls back to the numeric order id when the order name has no usable character.
 */
export function documentFileName(
	kind: OrderDocumentKind,
	input: OrderDocumentInput,
	refund?: Pick<OrderDocumentRefund, 'legacyResourceId'>,
): string {
	checkKind(kind);
	const name = fileNamePart(input.order.name) || fileNamePart(input.order.legacyResourceId);
	if (kind !== 'creditNote') return `order-${name}-${FILE_SUFFIXES[kind]}.pdf`;

	const refundId = fileNamePart(requireRefund(refund).legacyResourceId);
	return `order-${name}-${FILE_SUFFIXES.creditNote}-${refundId}.pdf`;
}

/**
 * Finds the refund a credit note is for, by GraphQL id (gid://shopify/Refund/…) or numeric id.
 */
export function findRefund(
	input: OrderDocumentInput,
	refundId: string | undefined,
): OrderDocumentRefund {
	const known = input.refunds.map((refund) => refund.legacyResourceId).join(', ') || 'none';
	if (refundId === undefined || refundId === null || String(refundId).trim() === '') {
		throw new Error(
			`A credit note needs a refund id: set refundId to one of the refunds of order ${input.order.name} (refunds: ${known}).`,
		);
	}
	const requested = String(refundId).trim();
	const refund = input.refunds.find(
		(candidate) => candidate.id === requested || candidate.legacyResourceId === requested,
	);
	if (!refund) {
		throw new Error(
			`Refund ${requested} not found on order ${input.order.name} (refunds: ${known}): use the id of one of its refunds.`,
		);
	}
	return refund;
}
