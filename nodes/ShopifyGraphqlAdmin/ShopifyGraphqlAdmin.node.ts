import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as customer from './actions/customer/Customer.resource';
import * as customQuery from './actions/customQuery/CustomQuery.resource';
import * as order from './actions/order/Order.resource';
import * as orderDocument from './actions/orderDocument/OrderDocument.resource';
import * as product from './actions/product/Product.resource';
import * as refund from './actions/refund/Refund.resource';
import * as returnResource from './actions/return/Return.resource';
import { router } from './actions/router';
import * as transaction from './actions/transaction/Transaction.resource';
import { listSearch } from './methods';

export class ShopifyGraphqlAdmin implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Shopify GraphQL Admin',
		name: 'shopifyGraphqlAdmin',
		icon: { light: 'file:shopifyGraphqlAdmin.svg', dark: 'file:shopifyGraphqlAdmin.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read orders, refunds, returns and transactions, render order documents and publish document links to products with the Shopify GraphQL Admin API',
		defaults: { name: 'Shopify GraphQL Admin' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shopifyAdminApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Custom Query', value: 'customQuery' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Order', value: 'order' },
					{ name: 'Order Document', value: 'orderDocument' },
					{ name: 'Product', value: 'product' },
					{ name: 'Refund', value: 'refund' },
					{ name: 'Return', value: 'return' },
					{ name: 'Transaction', value: 'transaction' },
				],
				default: 'order',
			},
			...order.description,
			...orderDocument.description,
			...product.description,
			...returnResource.description,
			...refund.description,
			...transaction.description,
			...customer.description,
			...customQuery.description,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
