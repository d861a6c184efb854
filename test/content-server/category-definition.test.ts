import {
	parseFormDefinition,
	parseMetadataDefinition,
	setAttributeLabel,
} from '../../nodes/OpenTextContentServer/helpers/categoryDefinition';
import { APPLIED_CATEGORY_RESPONSE, ORDER_CATEGORY_FORM } from './category-fixtures';

describe('parseFormDefinition', () => {
	const attributes = parseFormDefinition(9830, ORDER_CATEGORY_FORM);
	const byName = (name: string) =>
		attributes.find((attribute) => setAttributeLabel(attribute) === name);

	it('skips the category key and other categories', () => {
		expect(attributes.map((attribute) => attribute.key)).not.toContain('9830_1');
		expect(attributes.map((attribute) => attribute.key)).not.toContain('1234_2');
	});

	it('reads plain attributes with their types', () => {
		expect(byName('Order Number')).toMatchObject({
			key: '9830_2',
			id: 2,
			type: 'string',
			maxLength: 32,
			required: true,
			multiValue: false,
		});
		expect(byName('Order Date')?.type).toBe('date');
		expect(byName('Paid')?.type).toBe('boolean');
		expect(byName('Quantity')?.type).toBe('integer');
		expect(byName('Total')?.type).toBe('real');
	});

	it('recognises a user attribute by its field type', () => {
		expect(byName('Approver')?.type).toBe('user');
	});

	it('reads a multi-value attribute', () => {
		expect(byName('Tags')).toMatchObject({
			key: '9830_3',
			type: 'string',
			multiValue: true,
			maxValues: 3,
			maxLength: 20,
		});
	});

	it('reads pick list values', () => {
		expect(byName('Channel')?.validValues).toEqual(['Online Store', 'POS']);
	});

	it('reads a multi-row set and its attributes', () => {
		expect(byName('Lines')).toMatchObject({
			key: '9830_7',
			type: 'set',
			multiValue: true,
			maxValues: 5,
		});
		expect(byName('Lines / Line Text')).toMatchObject({
			key: '9830_7_8',
			id: 8,
			type: 'string',
			set: { key: '9830_7', id: 7, name: 'Lines', multiRow: true },
		});
		expect(byName('Lines / Line Quantity')?.type).toBe('integer');
	});

	it('reads a single-row set', () => {
		expect(byName('Shipping / Carrier')?.set).toEqual({
			key: '9830_13',
			id: 13,
			name: 'Shipping',
			multiRow: false,
		});
	});
});

describe('parseMetadataDefinition', () => {
	const metadata = APPLIED_CATEGORY_RESPONSE.results[0].metadata.categories;
	const { name, attributes } = parseMetadataDefinition(9830, metadata);
	const byName = (label: string) =>
		attributes.find((attribute) => setAttributeLabel(attribute) === label);

	it('reads the category name', () => {
		expect(name).toBe('Shopify Order');
	});

	it('maps type names', () => {
		expect(byName('Order Number')?.type).toBe('string');
		expect(byName('Order Date')?.type).toBe('date');
		expect(byName('Paid')?.type).toBe('boolean');
		expect(byName('Approver')?.type).toBe('user');
		expect(byName('Tags')).toMatchObject({ multiValue: true, maxValues: 3 });
	});

	it('puts set attributes below their set', () => {
		expect(byName('Lines')?.type).toBe('set');
		expect(byName('Lines / Line Quantity')).toMatchObject({
			key: '9830_7_9',
			id: 9,
			type: 'integer',
		});
	});
});
