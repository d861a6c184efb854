import { startSimulator, type SimulatorHandle } from './helpers';

type Json = Record<string, any>;

describe('Shopify simulator GraphQL queries', () => {
	let handle: SimulatorHandle;

	const query = async (text: string, variables?: Record<string, unknown>): Promise<Json> => {
		const response = await handle.gql<Json>(text, variables);
		expect(response.status).toBe(200);
		if (response.data.errors) throw new Error(JSON.stringify(response.data.errors));
		return response.data.data as Json;
	};

	const orderNames = async (search: string, extra = ''): Promise<string[]> => {
		const data = await query(
			`query($q: String) { orders(first: 50, query: $q${extra}) { nodes { name } } }`,
			{
				q: search,
			},
		);
		return data.orders.nodes.map((node: Json) => node.name);
	};

	beforeAll(async () => {
		handle = await startSimulator();
	});

	afterAll(async () => {
		await handle.close();
	});

	it('returns the shop', async () => {
		const data = await query(
			'{ shop { name email myshopifyDomain currencyCode billingAddress { address1 city zip countryCodeV2 } } }',
		);
		expect(data.shop).toEqual({
			name: 'Demo Shop',
			email: 'owner@demo-shop.example',
			myshopifyDomain: 'demo-shop.myshopify.com',
			currencyCode: 'EUR',
			billingAddress: {
				address1: 'Invalidenstraße 117',
				city: 'Berlin',
				zip: '10115',
				countryCodeV2: 'DE',
			},
		});
	});

	it('returns the paid order with money, discounts, shipping and taxes', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5001") {
				id legacyResourceId name email displayFinancialStatus displayFulfillmentStatus
				currencyCode taxesIncluded discountCodes
				customer { id displayName email }
				billingAddress { name address1 city countryCodeV2 }
				shippingAddress { name zip }
				subtotalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
				totalPriceSet { shopMoney { amount } }
				totalTaxSet { shopMoney { amount } }
				totalDiscountsSet { shopMoney { amount } }
				totalShippingPriceSet { shopMoney { amount } }
				taxLines { title rate priceSet { shopMoney { amount } } }
				shippingLines(first: 5) { nodes { title code originalPriceSet { shopMoney { amount } } taxLines { priceSet { shopMoney { amount } } } } }
				discountApplications(first: 5) { nodes { __typename index allocationMethod targetType value { ... on PricingPercentageValue { percentage } } ... on DiscountCodeApplication { code } } }
				lineItems(first: 10) { nodes { id name sku quantity originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } } discountAllocations { allocatedAmountSet { shopMoney { amount } } } taxLines { rate priceSet { shopMoney { amount } } } product { handle } variant { legacyResourceId } } }
			}
		}`);
		const order = data.order;
		expect(order.id).toBe('gid://shopify/Order/5001');
		expect(order.legacyResourceId).toBe('5001');
		expect(order.name).toBe('#1001');
		expect(order.displayFinancialStatus).toBe('PAID');
		expect(order.displayFulfillmentStatus).toBe('FULFILLED');
		expect(order.taxesIncluded).toBe(true);
		expect(order.discountCodes).toEqual(['WELCOME10']);
		expect(order.customer).toEqual({
			id: 'gid://shopify/Customer/6001',
			displayName: 'Anna Becker',
			email: 'anna.becker@example.com',
		});
		expect(order.billingAddress).toEqual({
			name: 'Anna Becker',
			address1: 'Torstraße 110',
			city: 'Berlin',
			countryCodeV2: 'DE',
		});
		expect(order.subtotalPriceSet).toEqual({
			shopMoney: { amount: '143.73', currencyCode: 'EUR' },
			presentmentMoney: { amount: '143.73', currencyCode: 'EUR' },
		});
		expect(order.totalPriceSet.shopMoney.amount).toBe('148.63');
		expect(order.totalTaxSet.shopMoney.amount).toBe('23.73');
		expect(order.totalDiscountsSet.shopMoney.amount).toBe('15.97');
		expect(order.totalShippingPriceSet.shopMoney.amount).toBe('4.9');
		expect(order.taxLines).toEqual([
			{ title: 'DE MwSt', rate: 0.19, priceSet: { shopMoney: { amount: '23.73' } } },
		]);
		expect(order.shippingLines.nodes).toEqual([
			{
				title: 'DHL Express',
				code: 'dhl-express',
				originalPriceSet: { shopMoney: { amount: '4.9' } },
				taxLines: [{ priceSet: { shopMoney: { amount: '0.78' } } }],
			},
		]);
		expect(order.discountApplications.nodes).toEqual([
			{
				__typename: 'DiscountCodeApplication',
				index: 0,
				allocationMethod: 'ACROSS',
				targetType: 'LINE_ITEM',
				value: { percentage: 10 },
				code: 'WELCOME10',
			},
		]);
		const [shoe, socks] = order.lineItems.nodes;
		expect(shoe.name).toBe('Trail Runner Shoe - EU 42');
		expect(shoe.discountAllocations[0].allocatedAmountSet.shopMoney.amount).toBe('12.99');
		expect(shoe.discountedTotalSet.shopMoney.amount).toBe('116.91');
		expect(shoe.taxLines[0].priceSet.shopMoney.amount).toBe('18.67');
		expect(shoe.product.handle).toBe('trail-runner-shoe');
		expect(shoe.variant.legacyResourceId).toBe('47001001');
		expect(socks.quantity).toBe(2);
		expect(socks.originalUnitPriceSet.shopMoney.amount).toBe('14.9');
	});

	it('exposes fulfillment tracking and the shipping-label PDF', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5001") {
				fulfillments { id name status displayStatus trackingInfo { company number url } fulfillmentLineItems(first: 5) { nodes { quantity lineItem { sku } } } }
				metafield(namespace: "shipping", key: "label_url") { type value }
			}
		}`);
		const [fulfillment] = data.order.fulfillments;
		expect(fulfillment.id).toBe('gid://shopify/Fulfillment/8001');
		expect(fulfillment.status).toBe('SUCCESS');
		expect(fulfillment.displayStatus).toBe('DELIVERED');
		expect(fulfillment.trackingInfo).toEqual([
			{
				company: 'DHL Express',
				number: '00340434161234567890',
				url: 'https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890',
			},
		]);
		expect(fulfillment.fulfillmentLineItems.nodes.map((node: Json) => node.quantity)).toEqual([
			1, 2,
		]);
		expect(data.order.metafield.type).toBe('url');
		expect(data.order.metafield.value).toBe(`${handle.sim.url}/cdn/shipping-labels/8001.pdf`);

		const pdf = await handle.http.get(new URL(data.order.metafield.value).pathname, {
			responseType: 'arraybuffer',
		});
		expect(pdf.status).toBe(200);
		expect(pdf.headers['content-type']).toBe('application/pdf');
		const bytes = Buffer.from(pdf.data);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
		const again = await handle.http.get(new URL(data.order.metafield.value).pathname, {
			responseType: 'arraybuffer',
		});
		expect(Buffer.from(again.data).equals(bytes)).toBe(true);
	});

	it('returns 404 for a label that does not exist', async () => {
		const response = await handle.http.get('/cdn/shipping-labels/8002.pdf');
		expect(response.status).toBe(404);
	});

	it('returns the guest order without customer or addresses', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5002") {
				name customer { id } billingAddress { city } shippingAddress { city } email sourceName
				transactions { kind status errorCode gateway amountSet { shopMoney { amount } } }
				disputes { id initiatedAs status }
			}
		}`);
		expect(data.order.customer).toBeNull();
		expect(data.order.billingAddress).toBeNull();
		expect(data.order.shippingAddress).toBeNull();
		expect(data.order.email).toBeNull();
		expect(data.order.sourceName).toBe('pos');
		expect(data.order.transactions).toEqual([
			{
				kind: 'SALE',
				status: 'FAILURE',
				errorCode: 'CARD_DECLINED',
				gateway: 'shopify_payments',
				amountSet: { shopMoney: { amount: '34.5' } },
			},
			{
				kind: 'SALE',
				status: 'SUCCESS',
				errorCode: null,
				gateway: 'shopify_payments',
				amountSet: { shopMoney: { amount: '34.5' } },
			},
		]);
		expect(data.order.disputes).toEqual([
			{
				id: 'gid://shopify/OrderDisputeSummary/9401',
				initiatedAs: 'CHARGEBACK',
				status: 'NEEDS_RESPONSE',
			},
		]);
	});

	it('returns the dispute', async () => {
		const data = await query(
			'{ dispute(id: "gid://shopify/ShopifyPaymentsDispute/9401") { legacyResourceId type status amount { amount currencyCode } reasonDetails { reason networkReasonCode } evidenceDueBy order { name } } }',
		);
		expect(data.dispute).toEqual({
			legacyResourceId: '9401',
			type: 'CHARGEBACK',
			status: 'NEEDS_RESPONSE',
			amount: { amount: '34.5', currencyCode: 'EUR' },
			reasonDetails: { reason: 'FRAUDULENT', networkReasonCode: '10.4' },
			evidenceDueBy: '2026-03-25',
			order: { name: '#1002' },
		});
	});

	it('returns the cancelled order', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5003") {
				cancelledAt cancelReason closed displayFinancialStatus
				transactions { kind status parentTransaction { kind } }
			}
		}`);
		expect(data.order.cancelledAt).toBe('2026-03-06T12:00:00Z');
		expect(data.order.cancelReason).toBe('CUSTOMER');
		expect(data.order.closed).toBe(true);
		expect(data.order.displayFinancialStatus).toBe('VOIDED');
		expect(data.order.transactions).toEqual([
			{ kind: 'AUTHORIZATION', status: 'SUCCESS', parentTransaction: null },
			{ kind: 'VOID', status: 'SUCCESS', parentTransaction: { kind: 'AUTHORIZATION' } },
		]);
	});

	it('pages 260 line items with cursors', async () => {
		const pageQuery = `query($after: String) {
			order(id: "gid://shopify/Order/5004") {
				lineItems(first: 250, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } }
			}
		}`;
		const first = (await query(pageQuery)).order.lineItems;
		expect(first.edges).toHaveLength(250);
		expect(first.pageInfo.hasNextPage).toBe(true);
		expect(first.pageInfo.hasPreviousPage).toBe(false);
		expect(first.edges[0].node.id).toBe('gid://shopify/LineItem/14001');

		const second = (await query(pageQuery, { after: first.pageInfo.endCursor })).order.lineItems;
		expect(second.edges).toHaveLength(10);
		expect(second.pageInfo.hasNextPage).toBe(false);
		expect(second.pageInfo.hasPreviousPage).toBe(true);
		expect(second.edges[9].node.id).toBe('gid://shopify/LineItem/14260');

		const ids = new Set([...first.edges, ...second.edges].map((edge: Json) => edge.node.id));
		expect(ids.size).toBe(260);
	});

	it('pages backwards with last and before', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5004") { lineItems(last: 3) { nodes { id } pageInfo { hasPreviousPage startCursor } } }
		}`);
		expect(data.order.lineItems.nodes.map((node: Json) => node.id)).toEqual([
			'gid://shopify/LineItem/14258',
			'gid://shopify/LineItem/14259',
			'gid://shopify/LineItem/14260',
		]);
		const before = await query(
			`query($before: String) { order(id: "gid://shopify/Order/5004") { lineItems(last: 2, before: $before) { nodes { id } } } }`,
			{ before: data.order.lineItems.pageInfo.startCursor },
		);
		expect(before.order.lineItems.nodes.map((node: Json) => node.id)).toEqual([
			'gid://shopify/LineItem/14256',
			'gid://shopify/LineItem/14257',
		]);
	});

	it('rejects more than 250 line items a page', async () => {
		const response = await handle.gql(
			'{ order(id: "gid://shopify/Order/5004") { lineItems(first: 251) { nodes { id } } } }',
		);
		expect(response.data.errors?.[0].message).toContain('maximum page size of 250');
		expect(response.data.data).toEqual({ order: null });
	});

	it('requires first or last on a connection', async () => {
		const response = await handle.gql('{ orders { nodes { id } } }');
		expect(response.data.errors?.[0].message).toBe('you must provide one of first or last');
	});

	it('keeps ids above 2^53 exact', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/820982911946154508") {
				id legacyResourceId name displayFulfillmentStatus
				lineItems(first: 5) { nodes { id } }
			}
		}`);
		expect(data.order.legacyResourceId).toBe('820982911946154508');
		expect(data.order.name).toBe('#1005');
		expect(data.order.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
		expect(data.order.lineItems.nodes.map((node: Json) => node.id)).toEqual([
			'gid://shopify/LineItem/866550311766439020',
			'gid://shopify/LineItem/141249953214522974',
		]);
	});

	it('returns non-ASCII text unchanged', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5006") {
				note tags customAttributes { key value }
				customer { firstName lastName note }
				shippingAddress { company address1 city }
				lineItems(first: 5) { nodes { title customAttributes { key value } } }
			}
		}`);
		expect(data.order.note).toBe(
			'يرجى التغليف كهدية 🎁 — Bitte klingeln & nicht <klopfen>/danke\u2028Zeile 2',
		);
		expect(data.order.tags).toEqual(['geschenk', 'международный']);
		expect(data.order.customer).toEqual({
			firstName: 'Zoë',
			lastName: 'Ångström-Петрова',
			note: 'عميلة مميزة — 常連客 ⭐',
		});
		expect(data.order.shippingAddress).toEqual({
			company: '株式会社さくら 🌸',
			address1: '渋谷区神南1-2-3',
			city: '東京都',
		});
		expect(data.order.lineItems.nodes[0].title).toBe('Matcha-Set „Kyōto“ 抹茶 🍵');
		expect(data.order.lineItems.nodes[0].customAttributes).toEqual([
			{ key: 'Gravur', value: 'Für Zoë – с любовью ❤' },
		]);
	});

	it('returns refunds, including a shipping-only refund', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5007") {
				displayFinancialStatus totalRefundedSet { shopMoney { amount } }
				refunds {
					id legacyResourceId note totalRefundedSet { shopMoney { amount } }
					refundLineItems(first: 10) { nodes { quantity restockType lineItem { id } subtotalSet { shopMoney { amount } } } }
					refundShippingLines(first: 5) { nodes { subtotalAmountSet { shopMoney { amount } } } }
					transactions(first: 5) { nodes { kind status parentTransaction { id } } }
					return { name }
				}
			}
		}`);
		expect(data.order.displayFinancialStatus).toBe('PARTIALLY_REFUNDED');
		expect(data.order.totalRefundedSet.shopMoney.amount).toBe('135.8');
		const [withLines, shippingOnly] = data.order.refunds;
		expect(withLines.legacyResourceId).toBe('9301');
		expect(withLines.refundLineItems.nodes).toEqual([
			{
				quantity: 1,
				restockType: 'RETURN',
				lineItem: { id: 'gid://shopify/LineItem/17001' },
				subtotalSet: { shopMoney: { amount: '129.9' } },
			},
		]);
		expect(withLines.return).toEqual({ name: '#1007-R1' });
		expect(withLines.transactions.nodes).toEqual([
			{
				kind: 'REFUND',
				status: 'SUCCESS',
				parentTransaction: { id: 'gid://shopify/OrderTransaction/9510' },
			},
		]);
		expect(shippingOnly.refundLineItems.nodes).toEqual([]);
		expect(shippingOnly.refundShippingLines.nodes).toEqual([
			{ subtotalAmountSet: { shopMoney: { amount: '5.9' } } },
		]);
		expect(shippingOnly.totalRefundedSet.shopMoney.amount).toBe('5.9');
	});

	it('reads a refund by id', async () => {
		const data = await query('{ refund(id: "gid://shopify/Refund/9302") { note order { name } } }');
		expect(data.refund).toEqual({
			note: 'Late delivery: shipping refunded',
			order: { name: '#1007' },
		});
	});

	it('returns returns with line items and reasons', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5007") {
				returns(first: 10) { nodes { name status totalQuantity returnLineItems(first: 5) { nodes { ... on ReturnLineItem { quantity returnReason returnReasonNote customerNote fulfillmentLineItem { lineItem { sku } } } } } } }
			}
		}`);
		expect(data.order.returns.nodes).toEqual([
			{
				name: '#1007-R1',
				status: 'CLOSED',
				totalQuantity: 1,
				returnLineItems: {
					nodes: [
						{
							quantity: 1,
							returnReason: 'SIZE_TOO_SMALL',
							returnReasonNote: 'Fällt eine Nummer zu klein aus.',
							customerNote: 'Bitte das Geld zurück, keinen Umtausch.',
							fulfillmentLineItem: { lineItem: { sku: 'TRS-43' } },
						},
					],
				},
			},
			{
				name: '#1007-R2',
				status: 'OPEN',
				totalQuantity: 1,
				returnLineItems: {
					nodes: [
						{
							quantity: 1,
							returnReason: 'DEFECTIVE',
							returnReasonNote: 'Loch an der Ferse nach dem ersten Tragen.',
							customerNote: null,
							fulfillmentLineItem: { lineItem: { sku: 'MWS-S' } },
						},
					],
				},
			},
			{
				name: '#1007-R3',
				status: 'REQUESTED',
				totalQuantity: 1,
				returnLineItems: {
					nodes: [
						{
							quantity: 1,
							returnReason: 'NOT_AS_DESCRIBED',
							returnReasonNote: 'Hält Getränke nur 4 Stunden warm.',
							customerNote: 'Beschreibung verspricht 12 Stunden.',
							fulfillmentLineItem: { lineItem: { sku: 'ATB-075' } },
						},
					],
				},
			},
		]);
	});

	it('reads a return by id', async () => {
		const data = await query(
			'{ return(id: "gid://shopify/Return/9201") { status closedAt refunds(first: 5) { nodes { id } } order { name } } }',
		);
		expect(data.return).toEqual({
			status: 'CLOSED',
			closedAt: '2026-02-25T10:00:00Z',
			refunds: { nodes: [{ id: 'gid://shopify/Refund/9301' }] },
			order: { name: '#1007' },
		});
	});

	it('filters returns and disputes by search', async () => {
		const data = await query(`{
			order(id: "gid://shopify/Order/5007") { returns(first: 5, query: "status:open OR status:requested") { nodes { name } } }
			disputes(first: 5, query: "status:needs_response type:chargeback") { nodes { legacyResourceId } }
			won: disputes(first: 5, query: "status:won") { nodes { legacyResourceId } }
		}`);
		expect(data.order.returns.nodes).toEqual([{ name: '#1007-R2' }, { name: '#1007-R3' }]);
		expect(data.disputes.nodes).toEqual([{ legacyResourceId: '9401' }]);
		expect(data.won.nodes).toEqual([]);
	});

	it('returns null for a missing order', async () => {
		const data = await query('{ order(id: "gid://shopify/Order/1") { id } }');
		expect(data.order).toBeNull();
	});

	it('rejects an id that is not a global id', async () => {
		const response = await handle.gql('{ order(id: "5001") { id } }');
		expect(response.data.errors?.[0].message).toBe("Invalid global id '5001'");
		expect(response.data.errors?.[0].extensions?.code).toBe('argumentLiteralsIncompatible');
	});

	describe('orders search', () => {
		it('finds by name with or without #', async () => {
			expect(await orderNames('name:#1003')).toEqual(['#1003']);
			expect(await orderNames('name:1003')).toEqual(['#1003']);
		});

		it('filters by status', async () => {
			expect(await orderNames('status:cancelled')).toEqual(['#1003']);
			expect(await orderNames('status:open', ', sortKey: ID')).toEqual([
				'#1001',
				'#1002',
				'#1004',
				'#1006',
				'#1007',
				'#1005',
			]);
		});

		it('filters by financial and fulfillment status', async () => {
			expect(await orderNames('financial_status:partially_refunded')).toEqual(['#1007']);
			expect(await orderNames('financial_status:voided')).toEqual(['#1003']);
			expect(await orderNames('fulfillment_status:partial')).toEqual(['#1005']);
			expect(await orderNames('fulfillment_status:shipped', ', sortKey: ID')).toEqual([
				'#1001',
				'#1007',
			]);
		});

		it('filters by date ranges', async () => {
			expect(
				await orderNames(
					"created_at:>=2026-03-09 created_at:<'2026-03-11T00:00:00Z'",
					', sortKey: CREATED_AT',
				),
			).toEqual(['#1004', '#1005']);
			expect(await orderNames('updated_at:<2026-03-01')).toEqual([]);
			expect(await orderNames('created_at:2026-02-10')).toEqual(['#1007']);
		});

		it('filters by email, customer id and tag', async () => {
			expect(await orderNames('email:anna.becker@example.com', ', sortKey: ID')).toEqual([
				'#1001',
				'#1007',
			]);
			expect(await orderNames('customer_id:6002', ', sortKey: ID')).toEqual(['#1003', '#1005']);
			expect(await orderNames('tag:wholesale')).toEqual(['#1004']);
		});

		it('filters by id range, including 64-bit ids', async () => {
			expect(await orderNames('id:>5006', ', sortKey: ID')).toEqual(['#1007', '#1005']);
			expect(await orderNames('id:820982911946154508')).toEqual(['#1005']);
		});

		it('combines terms with OR, AND and negation', async () => {
			expect(await orderNames('name:#1001 OR name:#1002', ', sortKey: ID')).toEqual([
				'#1001',
				'#1002',
			]);
			expect(
				await orderNames('customer_id:6001 AND -fulfillment_status:partial', ', sortKey: ID'),
			).toEqual(['#1001', '#1007']);
			expect(await orderNames('-status:open')).toEqual(['#1003']);
			expect(await orderNames('(tag:vip OR tag:b2b) NOT name:#1002')).toEqual(['#1004']);
		});

		it('filters by return status', async () => {
			expect(await orderNames('return_status:return_requested')).toEqual(['#1007']);
			expect(await orderNames('-return_status:no_return')).toEqual(['#1007']);
			const data = await query(
				'{ a: order(id: "gid://shopify/Order/5007") { returnStatus } b: order(id: "gid://shopify/Order/5001") { returnStatus } }',
			);
			expect(data.a.returnStatus).toBe('RETURN_REQUESTED');
			expect(data.b.returnStatus).toBe('NO_RETURN');
		});

		it('warns about unknown search fields', async () => {
			const response = await handle.gql(
				'{ orders(first: 5, query: "colour:blue name:#1001") { nodes { name } } }',
			);
			expect(response.data.data).toEqual({ orders: { nodes: [{ name: '#1001' }] } });
			expect(response.data.extensions.search).toEqual([
				{
					path: ['orders'],
					query: 'colour:blue name:#1001',
					warnings: [{ field: 'colour', message: 'Invalid search field for this query.' }],
				},
			]);
		});

		it('sorts and pages orders', async () => {
			const data = await query(
				'{ orders(first: 3, sortKey: ORDER_NUMBER, reverse: true) { nodes { name } pageInfo { hasNextPage endCursor } } }',
			);
			expect(data.orders.nodes.map((node: Json) => node.name)).toEqual(['#1007', '#1006', '#1005']);
			expect(data.orders.pageInfo.hasNextPage).toBe(true);
			const next = await query(
				'query($after: String) { orders(first: 3, after: $after, sortKey: ORDER_NUMBER, reverse: true) { nodes { name } pageInfo { hasNextPage } } }',
				{ after: data.orders.pageInfo.endCursor },
			);
			expect(next.orders.nodes.map((node: Json) => node.name)).toEqual(['#1004', '#1003', '#1002']);
			expect(next.orders.pageInfo.hasNextPage).toBe(true);
		});

		it('counts orders', async () => {
			const data = await query('{ ordersCount(query: "customer_id:6001") { count precision } }');
			expect(data.ordersCount).toEqual({ count: 2, precision: 'EXACT' });
		});
	});

	it('reads customers by id and by search', async () => {
		const byId = await query(
			'{ customer(id: "gid://shopify/Customer/6004") { displayName email defaultAddress { countryCodeV2 } numberOfOrders } }',
		);
		expect(byId.customer).toEqual({
			displayName: 'Zoë Ångström-Петрова',
			email: 'zoe.petrova@example.jp',
			defaultAddress: { countryCodeV2: 'JP' },
			numberOfOrders: '1',
		});
		const search = await query(
			'{ customers(first: 10, query: "tag:b2b OR email:anna.becker@example.com") { nodes { legacyResourceId } } }',
		);
		expect(search.customers.nodes).toEqual([
			{ legacyResourceId: '6001' },
			{ legacyResourceId: '6003' },
		]);
	});

	it('reads products by id, search, handle and identifier', async () => {
		const byId = await query(
			'{ product(id: "gid://shopify/Product/7001") { title handle status variants(first: 5) { nodes { sku price } } } }',
		);
		expect(byId.product.handle).toBe('trail-runner-shoe');
		expect(byId.product.variants.nodes).toEqual([
			{ sku: 'TRS-42', price: '129.9' },
			{ sku: 'TRS-43', price: '129.9' },
			{ sku: 'TRS-44', price: '129.9' },
		]);
		const search = await query(
			'{ products(first: 10, query: "tag:accessories") { nodes { legacyResourceId } } }',
		);
		expect(search.products.nodes).toEqual([
			{ legacyResourceId: '7002' },
			{ legacyResourceId: '7003' },
		]);
		const byHandle = await query('{ productByHandle(handle: "merino-wool-socks") { id } }');
		expect(byHandle.productByHandle).toEqual({ id: 'gid://shopify/Product/7002' });
		const byIdentifier = await query(
			'{ productByIdentifier(identifier: { handle: "alpine-thermos-bottle" }) { id } }',
		);
		expect(byIdentifier.productByIdentifier).toEqual({ id: 'gid://shopify/Product/7003' });
	});

	it('reads product metafields by namespace and key', async () => {
		const data = await query(`{
			product(id: "gid://shopify/Product/7001") {
				metafields(first: 10, namespace: "custom") { nodes { key type value } }
				documents: metafield(namespace: "custom", key: "documents") { jsonValue compareDigest }
				missing: metafield(namespace: "custom", key: "nope") { id }
			}
		}`);
		expect(data.product.metafields.nodes.map((node: Json) => node.key)).toEqual([
			'material',
			'documents',
			'manual_url',
		]);
		expect(data.product.metafields.nodes[2]).toEqual({
			key: 'manual_url',
			type: 'url',
			value: 'https://docs.example.test/manuals/trail-runner-shoe.pdf',
		});
		expect(data.product.documents.jsonValue[0].title).toBe('Care guide');
		expect(data.product.documents.compareDigest).toMatch(/^[0-9a-f]{64}$/);
		expect(data.product.missing).toBeNull();
	});

	it('resolves nodes by id', async () => {
		const data = await query(`{
			nodes(ids: ["gid://shopify/Order/5001", "gid://shopify/Product/7003", "gid://shopify/Order/42"]) {
				__typename
				... on Order { name }
				... on Product { handle }
			}
		}`);
		expect(data.nodes).toEqual([
			{ __typename: 'Order', name: '#1001' },
			{ __typename: 'Product', handle: 'alpine-thermos-bottle' },
			null,
		]);
	});

	it('reports validation errors in Shopify shape', async () => {
		const response = await handle.gql('{ shop { nmae } }');
		expect(response.status).toBe(200);
		expect(response.data.errors).toEqual([
			{
				message: "Field 'nmae' doesn't exist on type 'Shop'",
				locations: [{ line: 1, column: 10 }],
				extensions: { code: 'undefinedField', typeName: 'Shop', fieldName: 'nmae' },
			},
		]);
		expect(response.data.extensions.cost.requestedQueryCost).toBe(0);
	});

	it('reports variable errors in Shopify shape', async () => {
		const response = await handle.gql('query($id: ID!) { order(id: $id) { id } }', {});
		expect(response.data.errors?.[0].message).toBe(
			'Variable $id of type ID! was provided invalid value',
		);
	});

	it('rejects a request without a query', async () => {
		const response = await handle.http.post(
			'/admin/api/2026-01/graphql.json',
			{ variables: {} },
			{
				headers: { 'X-Shopify-Access-Token': 'shpat_demo_token' },
			},
		);
		expect(response.status).toBe(400);
		expect(response.data).toEqual({ errors: { query: 'Required parameter missing or invalid' } });
	});

	it('accepts an application/graphql body', async () => {
		const response = await handle.http.post(
			'/admin/api/2026-01/graphql.json',
			'{ shop { name } }',
			{
				headers: {
					'X-Shopify-Access-Token': 'shpat_demo_token',
					'Content-Type': 'application/graphql',
				},
			},
		);
		expect(response.status).toBe(200);
		expect(response.data.data.shop.name).toBe('Demo Shop');
	});
});
