import { renderOrderDocument } from '../../nodes/ShopifyGraphqlAdmin/documents/render';
import type { OrderDocumentInput } from '../../nodes/ShopifyGraphqlAdmin/documents/types';
import { euroOrder } from './fixtures';

type Mutation = (input: OrderDocumentInput) => void;

const cases: Array<[string, Mutation, string]> = [
	[
		'a malformed line price',
		(input) => {
			input.order.lineItems[1].unitPrice.amount = '24,50';
		},
		'Invalid money amount "24,50" at order.lineItems[1].unitPrice.amount: expected a decimal string such as "19.90".',
	],
	[
		'a missing total',
		(input) => {
			delete (input.order as Partial<OrderDocumentInput['order']>).total;
		},
		'Missing money value at order.total',
	],
	[
		'a bad currency code',
		(input) => {
			input.order.currencyCode = 'Euro';
		},
		'Invalid currency code "Euro" at order.currencyCode: expected an ISO 4217 code such as "EUR".',
	],
	[
		'a bad order date',
		(input) => {
			input.order.createdAt = 'yesterday';
		},
		'Invalid date "yesterday" at order.createdAt: expected an ISO 8601 timestamp',
	],
	[
		'a fractional quantity',
		(input) => {
			input.order.lineItems[0].quantity = 1.5;
		},
		'Invalid quantity 1.5 at order.lineItems[0].quantity: expected a whole number of 0 or more.',
	],
	[
		'a missing line title',
		(input) => {
			input.order.lineItems[2].title = '  ';
		},
		'Invalid value at order.lineItems[2].title: expected the product title.',
	],
	[
		'a tax rate in percent as a string',
		(input) => {
			input.order.taxLines[0].rate = '19' as never;
		},
		'Invalid tax rate "19" at order.taxLines[0].rate: expected a fraction such as 0.19 for 19 %, or null.',
	],
	[
		'line items that are not a list',
		(input) => {
			input.order.lineItems = undefined as never;
		},
		'Missing list at order.lineItems: expected an array (use [] when there are none).',
	],
	[
		'a bad refund date',
		(input) => {
			input.refunds[1].createdAt = '';
		},
		'Invalid date "" at refunds[1].createdAt',
	],
	[
		'a missing shop name',
		(input) => {
			input.shop.name = undefined as never;
		},
		"Missing value at shop.name: expected the shop's name.",
	],
	[
		'an invalid locale',
		(input) => {
			input.locale = 'de_DE!';
		},
		'Invalid locale "de_DE!" at locale: expected a BCP 47 tag such as "de-DE"',
	],
	[
		'an unknown time zone',
		(input) => {
			input.shop.ianaTimezone = 'Europe/Atlantis';
		},
		'Invalid time zone "Europe/Atlantis" at shop.ianaTimezone: expected an IANA name such as "Europe/Berlin"',
	],
	[
		'a refund in another currency than its lines',
		(input) => {
			input.refunds[0].lineItems[0].subtotal.currencyCode = 'USD';
		},
		'Currency mismatch at refunds[0].lineItems[].subtotal[0]: USD cannot be added to EUR.',
	],
];

describe('renderer input checks', () => {
	it.each(cases)('rejects %s', async (_name, mutate, message) => {
		const input = euroOrder();
		mutate(input);

		await expect(
			renderOrderDocument('creditNote', input, { refundId: '509562969' }),
		).rejects.toThrow(message);
	});

	it('accepts optional fields left out', async () => {
		const input = euroOrder();
		delete input.locale;
		delete input.shop.ianaTimezone;
		delete input.order.processedAt;
		delete input.order.paymentGateways;
		delete input.order.financialStatus;
		delete input.order.totalRefunded;
		input.order.lineItems.forEach((item) => {
			delete item.taxLines;
			delete item.requiresShipping;
			delete item.totalDiscount;
		});

		const pdf = await renderOrderDocument('invoice', input);

		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});
});
