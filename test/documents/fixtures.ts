import type {
	Money,
	OrderDocumentInput,
	OrderDocumentLineItem,
	OrderDocumentRefund,
} from '../../nodes/ShopifyGraphqlAdmin/documents/types';

const eur = (amount: string): Money => ({ amount, currencyCode: 'EUR' });

const SHOP: OrderDocumentInput['shop'] = {
	name: 'Nordlicht Outfitters',
	email: 'orders@nordlicht.example',
	domain: 'nordlicht.example',
	address: {
		address1: 'Hafenstraße 12',
		city: 'Hamburg',
		zip: '20457',
		country: 'Germany',
		phone: '+49 40 1234567',
	},
	ianaTimezone: 'Europe/Berlin',
};

/** EUR order with a discount code, shipping and two tax lines (19 % and 7 %), taxes included. */
export function euroOrder(): OrderDocumentInput {
	return {
		shop: structuredClone(SHOP),
		locale: 'de-DE',
		order: {
			id: 'gid://shopify/Order/820982911946154508',
			legacyResourceId: '820982911946154508',
			name: '#1001',
			createdAt: '2025-03-14T09:30:00Z',
			processedAt: '2025-03-14T09:31:12Z',
			currencyCode: 'EUR',
			email: 'jane.doe@example.com',
			phone: null,
			customer: { displayName: 'Jane Doe', email: 'jane.doe@example.com' },
			billingAddress: {
				name: 'Jane Doe',
				company: 'Doe Consulting GmbH',
				address1: 'Lindenallee 5',
				address2: '3. OG',
				city: 'Berlin',
				zip: '10115',
				country: 'Germany',
			},
			shippingAddress: {
				name: 'Jane Doe',
				address1: 'Lindenallee 5',
				city: 'Berlin',
				zip: '10115',
				country: 'Germany',
				phone: '+49 30 555000',
			},
			lineItems: [
				{
					title: 'Merino Wool Sweater',
					variantTitle: 'Navy / M',
					sku: 'MWS-NAVY-M',
					vendor: 'Nordlicht',
					quantity: 2,
					unitPrice: eur('89.90'),
					totalDiscount: eur('17.98'),
					total: eur('161.82'),
					taxLines: [{ title: 'MwSt', rate: 0.19, amount: eur('25.84') }],
					requiresShipping: true,
				},
				{
					title: 'Coffee Beans "Hafenröstung"',
					variantTitle: '1 kg',
					sku: 'COF-1KG',
					quantity: 1,
					unitPrice: eur('24.50'),
					totalDiscount: null,
					total: eur('24.50'),
					taxLines: [{ title: 'MwSt', rate: 0.07, amount: eur('1.60') }],
					requiresShipping: true,
				},
				{
					title: 'Digital Gift Card',
					variantTitle: '€25',
					sku: null,
					quantity: 1,
					unitPrice: eur('25.00'),
					total: eur('25.00'),
					taxLines: [],
					requiresShipping: false,
				},
			],
			shippingLines: [{ title: 'DHL Paket', price: eur('4.90') }],
			discounts: [{ title: 'WINTER10', amount: eur('17.98') }],
			subtotal: eur('211.32'),
			totalDiscounts: eur('17.98'),
			totalShipping: eur('4.90'),
			totalTax: eur('27.44'),
			total: eur('216.22'),
			totalRefunded: eur('34.30'),
			taxLines: [
				{ title: 'MwSt', rate: 0.19, amount: eur('25.84') },
				{ title: 'MwSt', rate: 0.07, amount: eur('1.60') },
			],
			taxesIncluded: true,
			paymentGateways: ['shopify_payments', 'gift_card'],
			financialStatus: 'PARTIALLY_REFUNDED',
			fulfillmentStatus: 'FULFILLED',
			note: 'Please leave the parcel with the neighbour if nobody is at home.',
		},
		refunds: [
			{
				id: 'gid://shopify/Refund/509562969',
				legacyResourceId: '509562969',
				createdAt: '2025-03-20T15:04:05Z',
				note: 'Coffee arrived damaged.',
				lineItems: [
					{
						title: 'Coffee Beans "Hafenröstung"',
						sku: 'COF-1KG',
						quantity: 1,
						subtotal: eur('24.50'),
					},
				],
				shipping: eur('4.90'),
				totalTax: eur('1.60'),
				total: eur('29.40'),
			},
			shippingOnlyRefund(),
		],
	};
}

/** Refund without line items: only the shipping costs are returned. */
export function shippingOnlyRefund(): OrderDocumentRefund {
	return {
		id: 'gid://shopify/Refund/509562970',
		legacyResourceId: '509562970',
		createdAt: '2025-03-22T08:00:00Z',
		note: null,
		lineItems: [],
		shipping: eur('4.90'),
		totalTax: eur('0.78'),
		total: eur('4.90'),
	};
}

/** Refund of an amount without items or shipping (a goodwill credit). */
export function amountOnlyRefund(): OrderDocumentRefund {
	return {
		id: 'gid://shopify/Refund/509562971',
		legacyResourceId: '509562971',
		createdAt: '2025-03-25T10:00:00Z',
		note: 'Goodwill credit for the late delivery.',
		lineItems: [],
		shipping: null,
		totalTax: null,
		total: eur('10.00'),
	};
}

/** Guest checkout: no customer, no addresses, no phone; only an email on the order. */
export function guestOrder(): OrderDocumentInput {
	const input = euroOrder();
	input.locale = null;
	input.order = {
		...input.order,
		id: 'gid://shopify/Order/1002',
		legacyResourceId: '1002',
		name: '#1002',
		customer: null,
		billingAddress: null,
		shippingAddress: null,
		email: null,
		phone: null,
		note: null,
		financialStatus: 'PAID',
		fulfillmentStatus: null,
		totalRefunded: null,
		paymentGateways: [],
	};
	input.refunds = [];
	return input;
}

/** Builds an order with `count` line items, for page flow and timing. */
export function largeOrder(count: number): OrderDocumentInput {
	const input = euroOrder();
	const lineItems: OrderDocumentLineItem[] = [];
	let totalCents = 0;
	for (let index = 1; index <= count; index++) {
		const cents = 100 + ((index * 137) % 9000);
		totalCents += cents;
		const amount = (cents / 100).toFixed(2);
		lineItems.push({
			title: `Spare part ${index} – replacement ${index % 7 === 0 ? 'hinge assembly with extended warranty and mounting kit' : 'screw'}`,
			variantTitle: index % 3 === 0 ? 'Stainless steel' : null,
			sku: `SP-${String(index).padStart(4, '0')}`,
			quantity: 1,
			unitPrice: eur(amount),
			total: eur(amount),
			requiresShipping: true,
		});
	}
	const total = (totalCents / 100).toFixed(2);
	input.order = {
		...input.order,
		name: '#1003',
		legacyResourceId: '1003',
		lineItems,
		discounts: [],
		shippingLines: [],
		subtotal: eur(total),
		totalDiscounts: eur('0.00'),
		totalShipping: eur('0.00'),
		totalTax: eur('0.00'),
		taxLines: [],
		total: eur(total),
		totalRefunded: null,
	};
	input.refunds = [];
	return input;
}

/** Latin with accents, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese and emoji. */
export const MULTILINGUAL = {
	customer: 'José Müller-Łukasiewicz 😀',
	greek: 'Κώστας Παπαδόπουλος',
	cyrillic: 'Анна Каренина',
	arabic: 'محمد علي',
	arabicStreet: 'شارع النيل 12',
	hebrew: 'שלום כהן',
	chinese: '北京市朝阳区',
	japanese: '東京都渋谷区 さくら',
	emoji: '🎉👍🏽',
	family: '👨‍👩‍👧',
};

export function multilingualOrder(): OrderDocumentInput {
	const input = euroOrder();
	input.shop = { ...input.shop, name: 'Café Δelta – متجر 🌍' };
	input.order = {
		...input.order,
		name: '#Ü-1004',
		legacyResourceId: '1004',
		customer: { displayName: MULTILINGUAL.customer, email: 'jose@example.com' },
		billingAddress: {
			name: MULTILINGUAL.arabic,
			address1: MULTILINGUAL.arabicStreet,
			city: 'القاهرة',
			country: 'Egypt',
		},
		shippingAddress: {
			name: MULTILINGUAL.hebrew,
			address1: 'רחוב הרצל 5',
			city: 'תל אביב',
			country: 'Israel',
		},
		lineItems: [
			{
				...input.order.lineItems[0],
				title: `${MULTILINGUAL.greek} ${MULTILINGUAL.emoji}`,
				variantTitle: MULTILINGUAL.cyrillic,
			},
			{
				...input.order.lineItems[1],
				title: MULTILINGUAL.chinese,
				variantTitle: MULTILINGUAL.japanese,
			},
			{
				...input.order.lineItems[2],
				title: `Gift ${MULTILINGUAL.family} for ${MULTILINGUAL.arabic}`,
			},
		],
		note: `${MULTILINGUAL.hebrew} / ${MULTILINGUAL.arabic} (${MULTILINGUAL.japanese}) ${MULTILINGUAL.emoji}`,
	};
	input.refunds[0].lineItems = [
		{
			title: `${MULTILINGUAL.greek} ${MULTILINGUAL.emoji}`,
			sku: 'MWS-NAVY-M',
			quantity: 1,
			subtotal: eur('80.91'),
		},
		{ title: MULTILINGUAL.chinese, sku: 'COF-1KG', quantity: 1, subtotal: eur('24.50') },
	];
	input.refunds[0].total = eur('110.31');
	return input;
}
