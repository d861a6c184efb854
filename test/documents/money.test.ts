import {
	checkMoney,
	formatMoney,
	isZero,
	negateMoney,
	subtractMoney,
	sumMoney,
} from '../../nodes/ShopifyGraphqlAdmin/documents/money';

const eur = (amount: string) => ({ amount, currencyCode: 'EUR' });

describe('sumMoney', () => {
	it('adds decimal strings exactly', () => {
		expect(sumMoney([eur('0.1'), eur('0.2')], 'EUR', 'values').amount).toBe('0.30');
	});

	it('keeps amounts above 2^53 exact', () => {
		const sum = sumMoney([eur('9007199254740993.01'), eur('0.02')], 'EUR', 'values');

		expect(sum.amount).toBe('9007199254740993.03');
	});

	it('keeps three decimals of currencies such as KWD', () => {
		const kwd = (amount: string) => ({ amount, currencyCode: 'KWD' });

		expect(sumMoney([kwd('1.005'), kwd('2.010')], 'KWD', 'values').amount).toBe('3.015');
	});

	it('handles negative amounts and zero', () => {
		expect(sumMoney([eur('5.00'), eur('-7.25')], 'EUR', 'values').amount).toBe('-2.25');
		expect(sumMoney([], 'EUR', 'values').amount).toBe('0.00');
	});

	it('rejects mixed currencies naming the field', () => {
		expect(() =>
			sumMoney(
				[eur('1.00'), { amount: '1.00', currencyCode: 'USD' }],
				'EUR',
				'refunds[0].lineItems',
			),
		).toThrow('Currency mismatch at refunds[0].lineItems[1]: USD cannot be added to EUR.');
	});
});

describe('subtractMoney and negateMoney', () => {
	it('subtracts exactly', () => {
		expect(subtractMoney(eur('216.22'), eur('34.30'), 'order.totalRefunded').amount).toBe('181.92');
	});

	it('rejects a different currency', () => {
		expect(() =>
			subtractMoney(eur('1.00'), { amount: '1.00', currencyCode: 'USD' }, 'order.totalRefunded'),
		).toThrow('Currency mismatch at order.totalRefunded: USD cannot be subtracted from EUR.');
	});

	it('negates both ways', () => {
		expect(negateMoney(eur('5.00')).amount).toBe('-5.00');
		expect(negateMoney(eur('-5.00')).amount).toBe('5.00');
	});

	it('treats any zero spelling as zero', () => {
		expect(isZero(eur('0'))).toBe(true);
		expect(isZero(eur('-0.00'))).toBe(true);
		expect(isZero(eur('0.01'))).toBe(false);
		expect(isZero(null)).toBe(true);
	});
});

describe('formatMoney', () => {
	it('formats the decimal string without float rounding', () => {
		expect(formatMoney(eur('12345678901234567.89'), 'en')).toBe('€12,345,678,901,234,567.89');
	});

	it('uses the currency and locale conventions', () => {
		expect(formatMoney(eur('1234.5'), 'de-DE')).toBe('1.234,50\u00a0€');
		expect(formatMoney({ amount: '1234', currencyCode: 'JPY' }, 'ja-JP')).toBe('￥1,234');
	});
});

describe('checkMoney', () => {
	it('accepts decimal strings and trims them', () => {
		expect(checkMoney(eur(' 19.90 '), 'order.total')).toEqual(eur('19.90'));
	});

	it.each([
		[eur('19,90'), 'Invalid money amount "19,90" at order.total.amount'],
		[eur('1e3'), 'Invalid money amount "1e3" at order.total.amount'],
		[{ amount: 19.9, currencyCode: 'EUR' }, 'Invalid money amount 19.9 at order.total.amount'],
		[
			{ amount: '19.90', currencyCode: 'eur' },
			'Invalid currency code "eur" at order.total.currencyCode',
		],
		[null, 'Missing money value at order.total'],
	])('rejects %p', (value, message) => {
		expect(() => checkMoney(value as never, 'order.total')).toThrow(message);
	});
});
