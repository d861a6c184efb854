import {
	formatGid,
	legacyId,
	normalizeOrderName,
	toGid,
} from '../../nodes/ShopifyGraphqlAdmin/helpers/ids';

describe('toGid', () => {
	it.each([
		['820982911946154508', 'gid://shopify/Order/820982911946154508'],
		[' gid://shopify/Order/820982911946154508 ', 'gid://shopify/Order/820982911946154508'],
		[
			'https://admin.shopify.com/store/demo-shop/orders/820982911946154508',
			'gid://shopify/Order/820982911946154508',
		],
		['https://demo-shop.myshopify.com/admin/orders/5001?tab=x', 'gid://shopify/Order/5001'],
		[5001, 'gid://shopify/Order/5001'],
	])('reads %j', (input, gid) => {
		expect(toGid('Order', input, 'Order')).toBe(gid);
	});

	it('rejects a number that lost digits above 2^53', () => {
		expect(() => toGid('Order', 820982911946154508, 'Order')).toThrow(/lost digits/);
	});

	it('rejects the id of another type', () => {
		expect(() => toGid('Order', 'gid://shopify/Product/7001', 'Order')).toThrow(
			/ID of a Product, not of a Order/,
		);
	});

	it('rejects empty and malformed values', () => {
		expect(() => toGid('Refund', '', 'Refund ID')).toThrow(/No Refund ID given/);
		expect(() => toGid('Refund', '#1001', 'Refund ID')).toThrow(/is not a Refund ID/);
	});

	it('formats and splits GIDs', () => {
		expect(formatGid('OrderTransaction', '9502')).toBe('gid://shopify/OrderTransaction/9502');
		expect(legacyId('gid://shopify/Refund/9301')).toBe('9301');
		expect(legacyId('9301')).toBe('9301');
	});
});

describe('normalizeOrderName', () => {
	it('adds # to a bare number and keeps custom prefixes', () => {
		expect(normalizeOrderName('1001', 'Order')).toBe('#1001');
		expect(normalizeOrderName(' #1001 ', 'Order')).toBe('#1001');
		expect(normalizeOrderName('SO-1001', 'Order')).toBe('SO-1001');
	});

	it('rejects quotes, which would break the search query', () => {
		expect(() => normalizeOrderName('#1001" OR name:*', 'Order')).toThrow(/quote/);
	});
});
