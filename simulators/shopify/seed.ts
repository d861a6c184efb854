/**
 * The seed shop: records invented for the seven workflows, with stable ids. README.md lists
 * every record and what is special about it; keep the two in step.
 */
import { includedTax } from './format';
import type {
	AddressRecord,
	CustomerRecord,
	DiscountApplicationRecord,
	DisputeRecord,
	FulfillmentRecord,
	LineItemRecord,
	MetafieldRecord,
	OrderRecord,
	ProductRecord,
	RefundRecord,
	ReturnRecord,
	ShippingLineRecord,
	ShopRecord,
	TransactionRecord,
} from './model';

export const SEED_LOCATION_ID = '60100001';
export const VAT_RATE = 0.19;
const VAT_TITLE = 'DE MwSt';

/** Order carrying the shipping-label URL (order metafield `shipping.label_url`). */
export const LABEL_ORDER_ID = '5001';
export const LABEL_FULFILLMENT_ID = '8001';

export interface SeedData {
	shop: ShopRecord;
	orders: OrderRecord[];
	customers: CustomerRecord[];
	products: ProductRecord[];
	transactions: TransactionRecord[];
	refunds: RefundRecord[];
	returns: ReturnRecord[];
	fulfillments: FulfillmentRecord[];
	disputes: DisputeRecord[];
}

function address(fields: Partial<AddressRecord> & { id?: string }): AddressRecord {
	return {
		firstName: null,
		lastName: null,
		company: null,
		address1: null,
		address2: null,
		city: null,
		province: null,
		provinceCode: null,
		zip: null,
		country: null,
		countryCode: null,
		phone: null,
		...fields,
	};
}

function metafield(
	id: string,
	owner: { type: MetafieldRecord['ownerType']; id: string },
	namespace: string,
	key: string,
	type: string,
	value: string,
	at: string,
): MetafieldRecord {
	return {
		id,
		ownerType: owner.type,
		ownerId: owner.id,
		namespace,
		key,
		type,
		value,
		description: null,
		createdAt: at,
		updatedAt: at,
	};
}

function buildProducts(): ProductRecord[] {
	const created = '2026-01-05T08:00:00.000Z';
	const shoe: ProductRecord = {
		id: '7001',
		title: 'Trail Runner Shoe',
		handle: 'trail-runner-shoe',
		descriptionHtml:
			'<p>Lightweight trail running shoe with a recycled mesh upper and a 6 mm drop.</p>',
		vendor: 'Demo Outdoor Co.',
		productType: 'Shoes',
		status: 'ACTIVE',
		tags: ['running', 'trail'],
		createdAt: created,
		updatedAt: '2026-02-01T12:00:00.000Z',
		publishedAt: created,
		optionName: 'Size',
		variants: [
			['47001001', 'EU 42', 'TRS-42'],
			['47001002', 'EU 43', 'TRS-43'],
			['47001003', 'EU 44', 'TRS-44'],
		].map(([id, title, sku], index) => ({
			id,
			title,
			sku,
			priceCents: 12990,
			compareAtPriceCents: 14990,
			position: index + 1,
			inventoryQuantity: 25 - index * 5,
			barcode: `40012345${String(index + 1).padStart(5, '0')}`,
			grams: 640,
			option1: title,
		})),
		metafields: [],
	};
	const owner = { type: 'PRODUCT' as const, id: shoe.id };
	shoe.metafields = [
		metafield(
			'9100001',
			owner,
			'custom',
			'material',
			'single_line_text_field',
			'Recycled mesh',
			created,
		),
		metafield(
			'9100002',
			owner,
			'custom',
			'documents',
			'json',
			JSON.stringify([
				{
					title: 'Care guide',
					url: 'https://docs.example.test/care/trail-runner-shoe.pdf',
					docType: 'care-guide',
					approvedAt: '2026-01-20T09:00:00Z',
				},
			]),
			'2026-01-20T09:00:00.000Z',
		),
		metafield(
			'9100003',
			owner,
			'custom',
			'manual_url',
			'url',
			'https://docs.example.test/manuals/trail-runner-shoe.pdf',
			'2026-01-20T09:00:00.000Z',
		),
	];

	const socks: ProductRecord = {
		id: '7002',
		title: 'Merino Wool Socks',
		handle: 'merino-wool-socks',
		descriptionHtml: '<p>Cushioned merino socks for long days on the trail.</p>',
		vendor: 'Demo Outdoor Co.',
		productType: 'Socks',
		status: 'ACTIVE',
		tags: ['merino', 'accessories'],
		createdAt: created,
		updatedAt: created,
		publishedAt: created,
		optionName: 'Size',
		variants: [
			['47002001', 'S', 'MWS-S'],
			['47002002', 'M', 'MWS-M'],
			['47002003', 'L', 'MWS-L'],
		].map(([id, title, sku], index) => ({
			id,
			title,
			sku,
			priceCents: 1490,
			compareAtPriceCents: null,
			position: index + 1,
			inventoryQuantity: 120,
			barcode: null,
			grams: 80,
			option1: title,
		})),
		metafields: [],
	};

	const bottle: ProductRecord = {
		id: '7003',
		title: 'Alpine Thermos Bottle',
		handle: 'alpine-thermos-bottle',
		descriptionHtml: '<p>Double-walled steel bottle that keeps drinks hot for 12 hours.</p>',
		vendor: 'Bergwerk Supplies',
		productType: 'Bottles',
		status: 'ACTIVE',
		tags: ['bottle', 'accessories'],
		createdAt: created,
		updatedAt: created,
		publishedAt: created,
		optionName: 'Volume',
		variants: [
			['47003001', '0.75 l', 'ATB-075', 3450],
			['47003002', '1 l', 'ATB-100', 3990],
		].map(([id, title, sku, price], index) => ({
			id: String(id),
			title: String(title),
			sku: String(sku),
			priceCents: Number(price),
			compareAtPriceCents: null,
			position: index + 1,
			inventoryQuantity: 40,
			barcode: null,
			grams: 420,
			option1: String(title),
		})),
		metafields: [],
	};
	return [shoe, socks, bottle];
}

function buildCustomers(): CustomerRecord[] {
	const anna = address({
		id: '6101',
		firstName: 'Anna',
		lastName: 'Becker',
		address1: 'Torstraße 110',
		city: 'Berlin',
		province: 'Berlin',
		provinceCode: 'BE',
		zip: '10119',
		country: 'Germany',
		countryCode: 'DE',
		phone: '+49 30 1234567',
	});
	const lukas = address({
		id: '6102',
		firstName: 'Lukas',
		lastName: 'Schmidt',
		address1: 'Große Elbstraße 39',
		city: 'Hamburg',
		province: 'Hamburg',
		provinceCode: 'HH',
		zip: '22767',
		country: 'Germany',
		countryCode: 'DE',
		phone: '+49 40 7654321',
	});
	const petra = address({
		id: '6103',
		firstName: 'Petra',
		lastName: 'Wagner',
		company: 'Müller & Partner GmbH',
		address1: 'Leopoldstraße 244',
		address2: 'Einkauf, 3. OG',
		city: 'München',
		province: 'Bayern',
		provinceCode: 'BY',
		zip: '80807',
		country: 'Germany',
		countryCode: 'DE',
		phone: '+49 89 5550100',
	});
	const zoe = address({
		id: '6104',
		firstName: 'Zoë',
		lastName: 'Ångström-Петрова',
		company: '株式会社さくら 🌸',
		address1: '渋谷区神南1-2-3',
		address2: 'ビル 4F',
		city: '東京都',
		province: 'Tokyo',
		provinceCode: 'JP-13',
		zip: '150-0041',
		country: 'Japan',
		countryCode: 'JP',
		phone: '+81 3-1234-5678',
	});
	const base = {
		state: 'enabled' as const,
		verifiedEmail: true,
		taxExempt: false,
		metafields: [],
	};
	return [
		{
			...base,
			id: '6001',
			email: 'anna.becker@example.com',
			firstName: 'Anna',
			lastName: 'Becker',
			phone: '+49301234567',
			tags: ['vip'],
			note: 'Prefers invoices by email.',
			locale: 'de',
			createdAt: '2026-01-10T10:00:00.000Z',
			updatedAt: '2026-03-02T09:15:00.000Z',
			addresses: [anna],
			defaultAddressId: anna.id ?? null,
		},
		{
			...base,
			id: '6002',
			email: 'lukas.schmidt@example.com',
			firstName: 'Lukas',
			lastName: 'Schmidt',
			phone: null,
			tags: [],
			note: null,
			locale: 'de',
			createdAt: '2026-01-15T15:30:00.000Z',
			updatedAt: '2026-03-10T16:20:00.000Z',
			addresses: [lukas],
			defaultAddressId: lukas.id ?? null,
		},
		{
			...base,
			id: '6003',
			email: 'einkauf@mueller-partner.example',
			firstName: 'Petra',
			lastName: 'Wagner',
			phone: '+49895550100',
			tags: ['b2b', 'wholesale'],
			note: 'Bulk buyer; pays by bank transfer.',
			taxExempt: false,
			locale: 'de',
			createdAt: '2026-01-20T08:00:00.000Z',
			updatedAt: '2026-03-09T07:45:00.000Z',
			addresses: [petra],
			defaultAddressId: petra.id ?? null,
		},
		{
			...base,
			id: '6004',
			email: 'zoe.petrova@example.jp',
			firstName: 'Zoë',
			lastName: 'Ångström-Петрова',
			phone: '+81312345678',
			tags: ['international'],
			note: 'عميلة مميزة — 常連客 ⭐',
			locale: 'ja',
			createdAt: '2026-02-01T03:00:00.000Z',
			updatedAt: '2026-03-12T10:05:00.000Z',
			addresses: [zoe],
			defaultAddressId: zoe.id ?? null,
		},
	];
}

function orderAddress(customer: CustomerRecord | undefined): AddressRecord | null {
	if (!customer) return null;
	const found = customer.addresses.find((entry) => entry.id === customer.defaultAddressId);
	if (!found) return null;
	const copy = { ...found };
	delete copy.id;
	return copy;
}

interface LineSpec {
	id: string;
	product?: ProductRecord;
	variantId?: string;
	quantity: number;
	custom?: { title: string; sku: string; priceCents: number; vendor?: string };
	properties?: Array<{ name: string; value: string }>;
}

function buildLineItem(spec: LineSpec): LineItemRecord {
	const variant = spec.product?.variants.find((entry) => entry.id === spec.variantId);
	if (spec.product && !variant) {
		throw new Error(`Seed line item ${spec.id} names variant ${spec.variantId}, which is missing.`);
	}
	return {
		id: spec.id,
		productId: spec.product?.id ?? null,
		variantId: variant?.id ?? null,
		title: spec.product?.title ?? spec.custom?.title ?? 'Custom item',
		variantTitle: variant?.title ?? null,
		sku: variant?.sku ?? spec.custom?.sku ?? null,
		vendor: spec.product?.vendor ?? spec.custom?.vendor ?? null,
		quantity: spec.quantity,
		priceCents: variant?.priceCents ?? spec.custom?.priceCents ?? 0,
		grams: variant?.grams ?? 0,
		requiresShipping: true,
		taxable: true,
		giftCard: false,
		discountAllocations: [],
		taxLines: [],
		properties: spec.properties ?? [],
	};
}

function shippingLine(
	id: string,
	title: string,
	code: string,
	priceCents: number,
): ShippingLineRecord {
	return {
		id,
		title,
		code,
		source: 'shopify',
		carrierIdentifier: null,
		priceCents,
		discountAllocations: [],
		taxLines: [],
	};
}

/**
 * Allocates a percentage discount across the line items (application 0) and fills in the
 * included VAT of every line and shipping line after discounts.
 */
function finishOrder(order: OrderRecord, percentOff?: number): OrderRecord {
	if (percentOff !== undefined) {
		for (const item of order.lineItems) {
			const cents = Math.round((item.priceCents * item.quantity * percentOff) / 100);
			item.discountAllocations = [{ applicationIndex: 0, cents }];
		}
	}
	for (const item of order.lineItems) {
		const discount = item.discountAllocations.reduce((sum, entry) => sum + entry.cents, 0);
		const net = item.priceCents * item.quantity - discount;
		item.taxLines = [{ title: VAT_TITLE, rate: VAT_RATE, cents: includedTax(net, VAT_RATE) }];
	}
	for (const line of order.shippingLines) {
		line.taxLines = [
			{ title: VAT_TITLE, rate: VAT_RATE, cents: includedTax(line.priceCents, VAT_RATE) },
		];
	}
	return order;
}

function baseOrder(
	fields: Partial<OrderRecord> & Pick<OrderRecord, 'id' | 'name' | 'createdAt'>,
): OrderRecord {
	const orderNumber = Number(fields.name.replace('#', ''));
	return {
		orderNumber,
		token: `tok${fields.id.slice(-6).padStart(6, '0')}${orderNumber}`,
		confirmationNumber: `DEMO${String(orderNumber).padStart(5, '0')}`,
		email: null,
		phone: null,
		customerId: null,
		customerLocale: 'de',
		updatedAt: fields.createdAt,
		processedAt: fields.createdAt,
		closedAt: null,
		cancelledAt: null,
		cancelReason: null,
		test: false,
		confirmed: true,
		tags: [],
		note: null,
		noteAttributes: [],
		currency: 'EUR',
		presentmentCurrency: 'EUR',
		taxesIncluded: true,
		sourceName: 'web',
		paymentGatewayNames: ['shopify_payments'],
		billingAddress: null,
		shippingAddress: null,
		lineItems: [],
		shippingLines: [],
		discountApplications: [],
		discountCodes: [],
		metafields: [],
		...fields,
	};
}

function transaction(
	fields: Partial<TransactionRecord> &
		Pick<TransactionRecord, 'id' | 'orderId' | 'kind' | 'cents' | 'createdAt'>,
): TransactionRecord {
	return {
		status: 'success',
		currency: 'EUR',
		gateway: 'shopify_payments',
		parentId: null,
		processedAt: fields.createdAt,
		errorCode: null,
		message: null,
		authorization: null,
		test: false,
		sourceName: 'web',
		creditCardCompany: 'Visa',
		creditCardNumber: '•••• •••• •••• 4242',
		refundId: null,
		...fields,
	};
}

/** Builds a fresh copy of the seed shop; `baseUrl` goes into the shipping-label URL. */
export function buildSeed(baseUrl: string): SeedData {
	const products = buildProducts();
	const [shoe, socks, bottle] = products;
	const customers = buildCustomers();
	const customer = (id: string) => customers.find((entry) => entry.id === id);

	const shop: ShopRecord = {
		id: '60000001',
		name: 'Demo Shop',
		email: 'owner@demo-shop.example',
		myshopifyDomain: 'demo-shop.myshopify.com',
		currencyCode: 'EUR',
		ianaTimezone: 'Europe/Berlin',
		planDisplayName: 'Basic',
		billingAddress: address({
			company: 'Demo Shop GmbH',
			address1: 'Invalidenstraße 117',
			city: 'Berlin',
			province: 'Berlin',
			provinceCode: 'BE',
			zip: '10115',
			country: 'Germany',
			countryCode: 'DE',
			phone: '+49 30 9876543',
		}),
	};

	const welcome: DiscountApplicationRecord = {
		type: 'discount_code',
		code: 'WELCOME10',
		title: null,
		description: null,
		value: '10.0',
		valueType: 'percentage',
		allocationMethod: 'across',
		targetSelection: 'all',
		targetType: 'line_item',
	};

	// #1001: the normal case. Paid, 10 % code, shipping, VAT included, fulfilled with tracking
	// and a shipping-label PDF.
	const paid = finishOrder(
		baseOrder({
			id: '5001',
			name: '#1001',
			createdAt: '2026-03-02T09:15:00.000Z',
			updatedAt: '2026-03-04T14:20:00.000Z',
			email: 'anna.becker@example.com',
			phone: '+49301234567',
			customerId: '6001',
			tags: ['newsletter'],
			note: 'Please leave the parcel with the neighbours if nobody is home.',
			noteAttributes: [{ name: 'gift_wrap', value: 'no' }],
			billingAddress: orderAddress(customer('6001')),
			shippingAddress: orderAddress(customer('6001')),
			lineItems: [
				buildLineItem({ id: '11001', product: shoe, variantId: '47001001', quantity: 1 }),
				buildLineItem({ id: '11002', product: socks, variantId: '47002002', quantity: 2 }),
			],
			shippingLines: [shippingLine('11901', 'DHL Express', 'dhl-express', 490)],
			discountApplications: [welcome],
			discountCodes: [{ code: 'WELCOME10', type: 'percentage', cents: 0 }],
		}),
		10,
	);
	paid.discountCodes[0].cents = paid.lineItems.reduce(
		(sum, item) => sum + item.discountAllocations.reduce((inner, entry) => inner + entry.cents, 0),
		0,
	);
	paid.metafields = [
		metafield(
			'9100101',
			{ type: 'ORDER', id: paid.id },
			'shipping',
			'label_url',
			'url',
			`${baseUrl}/cdn/shipping-labels/${LABEL_FULFILLMENT_ID}.pdf`,
			'2026-03-03T10:00:00.000Z',
		),
	];

	// #1002: guest point-of-sale order, no customer and no addresses; a declined card
	// attempt before the successful sale; disputed.
	const guest = finishOrder(
		baseOrder({
			id: '5002',
			name: '#1002',
			createdAt: '2026-03-05T11:00:00.000Z',
			sourceName: 'pos',
			customerLocale: null,
			lineItems: [
				buildLineItem({ id: '12001', product: bottle, variantId: '47003001', quantity: 1 }),
			],
		}),
	);

	// #1003: cancelled by the customer; the authorization was voided.
	const cancelled = finishOrder(
		baseOrder({
			id: '5003',
			name: '#1003',
			createdAt: '2026-03-06T08:30:00.000Z',
			updatedAt: '2026-03-06T12:00:00.000Z',
			cancelledAt: '2026-03-06T12:00:00.000Z',
			closedAt: '2026-03-06T12:00:00.000Z',
			cancelReason: 'customer',
			email: 'lukas.schmidt@example.com',
			customerId: '6002',
			tags: ['cancelled'],
			billingAddress: orderAddress(customer('6002')),
			shippingAddress: orderAddress(customer('6002')),
			lineItems: [
				buildLineItem({ id: '13001', product: socks, variantId: '47002001', quantity: 3 }),
			],
			shippingLines: [shippingLine('13901', 'Standard', 'standard', 490)],
		}),
	);

	// #1004: wholesale order with 260 line items, so line items need two pages of 250.
	const variants = products.flatMap((product) =>
		product.variants.map((variant) => ({ product, variantId: variant.id })),
	);
	const bulkItems: LineItemRecord[] = [];
	for (let index = 0; index < 260; index++) {
		const pick = variants[index % variants.length];
		bulkItems.push(
			buildLineItem({
				id: String(14001 + index),
				product: pick.product,
				variantId: pick.variantId,
				quantity: 1 + (index % 3),
				properties: [{ name: 'Position', value: String(index + 1) }],
			}),
		);
	}
	const bulk = finishOrder(
		baseOrder({
			id: '5004',
			name: '#1004',
			createdAt: '2026-03-09T07:45:00.000Z',
			email: 'einkauf@mueller-partner.example',
			customerId: '6003',
			tags: ['b2b', 'wholesale'],
			paymentGatewayNames: ['Bank Deposit'],
			billingAddress: orderAddress(customer('6003')),
			shippingAddress: orderAddress(customer('6003')),
			lineItems: bulkItems,
			shippingLines: [shippingLine('14901', 'Freight', 'freight', 4900)],
		}),
	);

	// #1005: ids above 2^53 (order, line items), partly fulfilled.
	const bigId = finishOrder(
		baseOrder({
			id: '820982911946154508',
			name: '#1005',
			createdAt: '2026-03-10T16:20:00.000Z',
			updatedAt: '2026-03-11T09:30:00.000Z',
			email: 'lukas.schmidt@example.com',
			customerId: '6002',
			billingAddress: orderAddress(customer('6002')),
			shippingAddress: orderAddress(customer('6002')),
			lineItems: [
				buildLineItem({
					id: '866550311766439020',
					product: shoe,
					variantId: '47001003',
					quantity: 1,
				}),
				buildLineItem({
					id: '141249953214522974',
					product: bottle,
					variantId: '47003002',
					quantity: 2,
				}),
			],
			shippingLines: [shippingLine('369256396', 'DHL Paket', 'dhl-paket', 490)],
		}),
	);

	// #1006: non-ASCII everywhere (accents, Cyrillic, Arabic, CJK, emoji), and a note with
	// characters Shopify escapes (&, <, >, /, U+2028).
	const international = finishOrder(
		baseOrder({
			id: '5006',
			name: '#1006',
			createdAt: '2026-03-12T10:05:00.000Z',
			email: 'zoe.petrova@example.jp',
			phone: '+81312345678',
			customerId: '6004',
			customerLocale: 'ja',
			paymentGatewayNames: ['paypal'],
			tags: ['geschenk', 'международный'],
			note: 'يرجى التغليف كهدية 🎁 — Bitte klingeln & nicht <klopfen>/danke\u2028Zeile 2',
			noteAttributes: [{ name: 'Grußkarte', value: 'Alles Gute, Зоя! 🎉' }],
			billingAddress: orderAddress(customer('6004')),
			shippingAddress: orderAddress(customer('6004')),
			lineItems: [
				buildLineItem({
					id: '16001',
					quantity: 1,
					custom: {
						title: 'Matcha-Set „Kyōto“ 抹茶 🍵',
						sku: 'MATCHA-KY',
						priceCents: 2490,
						vendor: 'Ōcha Kōbō',
					},
					properties: [{ name: 'Gravur', value: 'Für Zoë – с любовью ❤' }],
				}),
				buildLineItem({ id: '16002', product: socks, variantId: '47002003', quantity: 1 }),
			],
			shippingLines: [shippingLine('16901', 'Internationaler Versand', 'international', 1990)],
		}),
	);

	// #1007: refunds and returns. Fully fulfilled; one return closed and refunded, one open
	// (approved), one requested; a line-item refund and a shipping-only refund.
	const returned = finishOrder(
		baseOrder({
			id: '5007',
			name: '#1007',
			createdAt: '2026-02-10T13:00:00.000Z',
			updatedAt: '2026-03-05T08:00:00.000Z',
			email: 'anna.becker@example.com',
			customerId: '6001',
			billingAddress: orderAddress(customer('6001')),
			shippingAddress: orderAddress(customer('6001')),
			lineItems: [
				buildLineItem({ id: '17001', product: shoe, variantId: '47001002', quantity: 1 }),
				buildLineItem({ id: '17002', product: socks, variantId: '47002001', quantity: 3 }),
				buildLineItem({ id: '17003', product: bottle, variantId: '47003001', quantity: 1 }),
			],
			shippingLines: [shippingLine('17901', 'DHL Paket', 'dhl-paket', 590)],
		}),
	);

	const orders = [paid, guest, cancelled, bulk, bigId, international, returned];

	const total = (order: OrderRecord) => {
		const items = order.lineItems.reduce(
			(sum, item) =>
				sum +
				item.priceCents * item.quantity -
				item.discountAllocations.reduce((inner, entry) => inner + entry.cents, 0),
			0,
		);
		return items + order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
	};

	const transactions: TransactionRecord[] = [
		transaction({
			id: '9501',
			orderId: '5001',
			kind: 'authorization',
			cents: total(paid),
			createdAt: '2026-03-02T09:15:00.000Z',
			authorization: 'ch_demo_5001',
		}),
		transaction({
			id: '9502',
			orderId: '5001',
			kind: 'capture',
			parentId: '9501',
			cents: total(paid),
			createdAt: '2026-03-03T10:00:00.000Z',
			authorization: 'ch_demo_5001',
		}),
		transaction({
			id: '9503',
			orderId: '5002',
			kind: 'sale',
			status: 'failure',
			cents: total(guest),
			createdAt: '2026-03-05T10:59:00.000Z',
			errorCode: 'card_declined',
			message: 'Your card was declined.',
			sourceName: 'pos',
			creditCardNumber: '•••• •••• •••• 0002',
		}),
		transaction({
			id: '9504',
			orderId: '5002',
			kind: 'sale',
			cents: total(guest),
			createdAt: '2026-03-05T11:00:00.000Z',
			authorization: 'ch_demo_5002',
			sourceName: 'pos',
		}),
		transaction({
			id: '9505',
			orderId: '5003',
			kind: 'authorization',
			cents: total(cancelled),
			createdAt: '2026-03-06T08:30:00.000Z',
			authorization: 'ch_demo_5003',
		}),
		transaction({
			id: '9506',
			orderId: '5003',
			kind: 'void',
			parentId: '9505',
			cents: total(cancelled),
			createdAt: '2026-03-06T12:00:00.000Z',
		}),
		transaction({
			id: '9507',
			orderId: '5004',
			kind: 'sale',
			cents: total(bulk),
			gateway: 'Bank Deposit',
			createdAt: '2026-03-10T08:00:00.000Z',
			creditCardCompany: null,
			creditCardNumber: null,
		}),
		transaction({
			id: '9508',
			orderId: '820982911946154508',
			kind: 'sale',
			cents: total(bigId),
			createdAt: '2026-03-10T16:20:00.000Z',
			authorization: 'ch_demo_1005',
		}),
		transaction({
			id: '9509',
			orderId: '5006',
			kind: 'sale',
			cents: total(international),
			gateway: 'paypal',
			createdAt: '2026-03-12T10:05:00.000Z',
			creditCardCompany: null,
			creditCardNumber: null,
		}),
		transaction({
			id: '9510',
			orderId: '5007',
			kind: 'sale',
			cents: total(returned),
			createdAt: '2026-02-10T13:00:00.000Z',
			authorization: 'ch_demo_5007',
		}),
		transaction({
			id: '9511',
			orderId: '5007',
			kind: 'refund',
			parentId: '9510',
			cents: 12990,
			createdAt: '2026-02-25T10:00:00.000Z',
			refundId: '9301',
		}),
		transaction({
			id: '9512',
			orderId: '5007',
			kind: 'refund',
			parentId: '9510',
			cents: 590,
			createdAt: '2026-03-01T15:00:00.000Z',
			refundId: '9302',
		}),
	];

	const fulfillments: FulfillmentRecord[] = [
		{
			id: LABEL_FULFILLMENT_ID,
			orderId: '5001',
			name: '#1001.1',
			status: 'success',
			shipmentStatus: 'delivered',
			createdAt: '2026-03-03T10:00:00.000Z',
			updatedAt: '2026-03-04T14:20:00.000Z',
			deliveredAt: '2026-03-04T14:20:00.000Z',
			locationId: SEED_LOCATION_ID,
			service: 'manual',
			trackingCompany: 'DHL Express',
			trackingNumbers: ['00340434161234567890'],
			trackingUrls: [
				'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890',
			],
			lineItems: [
				{ id: '18011', lineItemId: '11001', quantity: 1 },
				{ id: '18012', lineItemId: '11002', quantity: 2 },
			],
		},
		{
			id: '8002',
			orderId: '5007',
			name: '#1007.1',
			status: 'success',
			shipmentStatus: 'delivered',
			createdAt: '2026-02-11T09:00:00.000Z',
			updatedAt: '2026-02-13T11:00:00.000Z',
			deliveredAt: '2026-02-13T11:00:00.000Z',
			locationId: SEED_LOCATION_ID,
			service: 'manual',
			trackingCompany: 'DHL',
			trackingNumbers: ['00340434161234560001'],
			trackingUrls: [
				'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234560001',
			],
			lineItems: [
				{ id: '18021', lineItemId: '17001', quantity: 1 },
				{ id: '18022', lineItemId: '17002', quantity: 3 },
				{ id: '18023', lineItemId: '17003', quantity: 1 },
			],
		},
		{
			id: '8003',
			orderId: '820982911946154508',
			name: '#1005.1',
			status: 'success',
			shipmentStatus: 'in_transit',
			createdAt: '2026-03-11T09:30:00.000Z',
			updatedAt: '2026-03-11T09:30:00.000Z',
			deliveredAt: null,
			locationId: SEED_LOCATION_ID,
			service: 'manual',
			trackingCompany: 'UPS',
			trackingNumbers: ['1Z999AA10123456784'],
			trackingUrls: ['https://www.ups.com/track?tracknum=1Z999AA10123456784'],
			lineItems: [{ id: '18031', lineItemId: '866550311766439020', quantity: 1 }],
		},
	];

	const returns: ReturnRecord[] = [
		{
			id: '9201',
			orderId: '5007',
			name: '#1007-R1',
			status: 'closed',
			createdAt: '2026-02-18T08:00:00.000Z',
			updatedAt: '2026-02-25T10:00:00.000Z',
			requestApprovedAt: '2026-02-19T09:00:00.000Z',
			closedAt: '2026-02-25T10:00:00.000Z',
			decline: null,
			returnLineItems: [
				{
					id: '19011',
					fulfillmentLineItemId: '18021',
					lineItemId: '17001',
					quantity: 1,
					returnReason: 'SIZE_TOO_SMALL',
					returnReasonNote: 'Fällt eine Nummer zu klein aus.',
					customerNote: 'Bitte das Geld zurück, keinen Umtausch.',
					refundedQuantity: 1,
				},
			],
		},
		{
			id: '9202',
			orderId: '5007',
			name: '#1007-R2',
			status: 'open',
			createdAt: '2026-03-02T08:00:00.000Z',
			updatedAt: '2026-03-03T09:00:00.000Z',
			requestApprovedAt: '2026-03-03T09:00:00.000Z',
			closedAt: null,
			decline: null,
			returnLineItems: [
				{
					id: '19021',
					fulfillmentLineItemId: '18022',
					lineItemId: '17002',
					quantity: 1,
					returnReason: 'DEFECTIVE',
					returnReasonNote: 'Loch an der Ferse nach dem ersten Tragen.',
					customerNote: null,
					refundedQuantity: 0,
				},
			],
		},
		{
			id: '9203',
			orderId: '5007',
			name: '#1007-R3',
			status: 'requested',
			createdAt: '2026-03-05T08:00:00.000Z',
			updatedAt: '2026-03-05T08:00:00.000Z',
			requestApprovedAt: null,
			closedAt: null,
			decline: null,
			returnLineItems: [
				{
					id: '19031',
					fulfillmentLineItemId: '18023',
					lineItemId: '17003',
					quantity: 1,
					returnReason: 'NOT_AS_DESCRIBED',
					returnReasonNote: 'Hält Getränke nur 4 Stunden warm.',
					customerNote: 'Beschreibung verspricht 12 Stunden.',
					refundedQuantity: 0,
				},
			],
		},
	];

	const shoeLineTax = includedTax(12990, VAT_RATE);
	const refunds: RefundRecord[] = [
		{
			id: '9301',
			orderId: '5007',
			createdAt: '2026-02-25T10:00:00.000Z',
			processedAt: '2026-02-25T10:00:00.000Z',
			note: 'Return #1007-R1: size too small',
			restock: true,
			refundLineItems: [
				{
					id: '93011',
					lineItemId: '17001',
					quantity: 1,
					restockType: 'return',
					locationId: SEED_LOCATION_ID,
					subtotalCents: 12990,
					totalTaxCents: shoeLineTax,
				},
			],
			refundShippingLines: [],
			transactionIds: ['9511'],
			returnId: '9201',
		},
		{
			id: '9302',
			orderId: '5007',
			createdAt: '2026-03-01T15:00:00.000Z',
			processedAt: '2026-03-01T15:00:00.000Z',
			note: 'Late delivery: shipping refunded',
			restock: false,
			refundLineItems: [],
			refundShippingLines: [
				{
					id: '93021',
					shippingLineId: '17901',
					subtotalCents: 590,
					taxCents: includedTax(590, VAT_RATE),
				},
			],
			transactionIds: ['9512'],
			returnId: null,
		},
	];

	const disputes: DisputeRecord[] = [
		{
			id: '9401',
			orderId: '5002',
			transactionId: '9504',
			type: 'chargeback',
			cents: total(guest),
			currency: 'EUR',
			reason: 'fraudulent',
			networkReasonCode: '10.4',
			status: 'needs_response',
			evidenceDueBy: '2026-03-25T23:59:59.000Z',
			evidenceSentOn: null,
			finalizedOn: null,
			initiatedAt: '2026-03-15T09:00:00.000Z',
		},
	];

	return {
		shop,
		orders,
		customers,
		products,
		transactions,
		refunds,
		returns,
		fulfillments,
		disputes,
	};
}
