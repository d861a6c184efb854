/** A category form as `GET /api/v1/forms/nodes/properties/specific?id=9830` returns it. */
export const ORDER_CATEGORY_FORM = {
	forms: [
		{
			data: { '9830_1': { metadata_token: '' } },
			options: {
				fields: {
					'9830_6': { type: 'otcs_user_picker', label: 'Approver' },
					'9830_7': {
						fields: {
							item: {
								fields: { '9830_7_x_8': { type: 'text' }, '9830_7_x_9': { type: 'integer' } },
							},
						},
					},
				},
			},
			schema: {
				type: 'object',
				properties: {
					'9830_1': { type: 'object', title: 'Shopify Order' },
					'9830_2': { type: 'string', title: 'Order Number', maxLength: 32, required: true },
					'9830_3': {
						type: 'array',
						title: 'Tags',
						maxItems: 3,
						items: { type: 'string', maxLength: 20 },
					},
					'9830_4': { type: 'date', title: 'Order Date' },
					'9830_5': { type: 'boolean', title: 'Paid' },
					'9830_6': { type: 'integer', title: 'Approver' },
					'9830_10': { type: 'integer', title: 'Quantity' },
					'9830_11': { type: 'number', title: 'Total' },
					'9830_12': { type: 'string', title: 'Channel', enum: ['Online Store', 'POS'] },
					'9830_7': {
						type: 'array',
						title: 'Lines',
						maxItems: 5,
						items: {
							type: 'object',
							properties: {
								'9830_7_x_8': { type: 'string', title: 'Line Text' },
								'9830_7_x_9': { type: 'integer', title: 'Line Quantity' },
							},
						},
					},
					'9830_13': {
						type: 'object',
						title: 'Shipping',
						properties: { '9830_13_x_14': { type: 'string', title: 'Carrier' } },
					},
					'1234_2': { type: 'string', title: 'Belongs to another category' },
				},
			},
		},
	],
};

/** `GET /api/v2/nodes/{id}/categories?metadata` for a node with category 9830 applied. */
export const APPLIED_CATEGORY_RESPONSE = {
	results: [
		{
			data: {
				categories: {
					'9830_2': 'INV-001',
					'9830_3': ['A', 'B'],
					'9830_4': '2024-03-17T00:00:00',
					'9830_5': true,
					'9830_6': 1000,
					'9830_7_1_8': 'row one',
					'9830_7_2_8': 'row two',
					'9830_7_2_9': 4,
				},
			},
			metadata: {
				categories: {
					'9830': { key: '9830', name: 'Shopify Order', persona: 'category' },
					'9830_2': {
						key: '9830_2',
						name: 'Order Number',
						type: -1,
						type_name: 'String',
						required: true,
						max_length: 32,
					},
					'9830_3': {
						key: '9830_3',
						name: 'Tags',
						type_name: 'String',
						multi_value: true,
						multi_value_length_max: 3,
					},
					'9830_4': { key: '9830_4', name: 'Order Date', type: -7, type_name: 'Date' },
					'9830_5': { key: '9830_5', name: 'Paid', type: 5, type_name: 'Boolean' },
					'9830_6': { key: '9830_6', name: 'Approver', type_name: 'User' },
					'9830_7': {
						key: '9830_7',
						name: 'Lines',
						persona: 'set',
						type_name: 'Assoc',
						multi_value: true,
					},
					'9830_7_x_8': { key: '9830_7_x_8', name: 'Line Text', type: -1, type_name: 'String' },
					'9830_7_x_9': { key: '9830_7_x_9', name: 'Line Quantity', type: 2, type_name: 'Integer' },
				},
			},
		},
	],
};
