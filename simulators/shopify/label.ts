/**
 * The shipping-label PDF the seed's label URL points at. Shopify's Admin API does not serve
 * label files, so the simulator hosts this one itself, as a carrier or shipping app would.
 * The PDF is a 4 × 6 inch label rendered with pdfkit and fixed metadata, so its bytes are the
 * same on every run.
 */
import PDFDocument from 'pdfkit';

import type { FulfillmentRecord, OrderRecord, ShopRecord } from './model';

const POINTS_PER_INCH = 72;
const FIXED_DATE = new Date('2026-03-03T10:00:00Z');

function addressLines(order: OrderRecord): string[] {
	const address = order.shippingAddress;
	if (!address) return ['(no shipping address)'];
	return [
		[address.firstName, address.lastName].filter(Boolean).join(' '),
		address.company,
		address.address1,
		address.address2,
		[address.zip, address.city].filter(Boolean).join(' '),
		address.country,
	].filter((line): line is string => Boolean(line));
}

/** Renders the label of one fulfillment. */
export function renderShippingLabel(
	shop: ShopRecord,
	order: OrderRecord,
	fulfillment: FulfillmentRecord,
): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const document = new PDFDocument({
			size: [4 * POINTS_PER_INCH, 6 * POINTS_PER_INCH],
			margin: 18,
			compress: true,
			info: {
				Title: `Shipping label ${fulfillment.name}`,
				Author: shop.name,
				Creator: 'Shopify simulator',
				Producer: 'Shopify simulator',
				CreationDate: FIXED_DATE,
				ModDate: FIXED_DATE,
			},
		});
		const chunks: Buffer[] = [];
		document.on('data', (chunk: Buffer) => chunks.push(chunk));
		document.on('end', () => resolve(Buffer.concat(chunks)));
		document.on('error', reject);

		const from = shop.billingAddress;
		document
			.font('Helvetica-Bold')
			.fontSize(14)
			.text(fulfillment.trackingCompany ?? 'Carrier');
		document.moveDown(0.5);
		document.font('Helvetica').fontSize(8).text('FROM');
		document
			.fontSize(9)
			.text(
				[from.company, from.address1, [from.zip, from.city].filter(Boolean).join(' '), from.country]
					.filter(Boolean)
					.join('\n'),
			);
		document.moveDown(0.8);
		document.fontSize(8).text('TO');
		document.font('Helvetica-Bold').fontSize(12).text(addressLines(order).join('\n'));
		document.moveDown(0.8);
		document.font('Helvetica').fontSize(8).text('TRACKING NUMBER');
		document
			.font('Courier-Bold')
			.fontSize(13)
			.text(fulfillment.trackingNumbers[0] ?? '-');
		document.moveDown(0.8);
		document
			.font('Helvetica')
			.fontSize(9)
			.text(`Order ${order.name} · Shipment ${fulfillment.name}`);
		document.text(
			`Items: ${fulfillment.lineItems.reduce((sum, entry) => sum + entry.quantity, 0)}`,
		);
		document.end();
	});
}
