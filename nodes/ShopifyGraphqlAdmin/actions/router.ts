import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation } from '../../shared/router';
import { toNodeError } from '../helpers/errors';
import { createShopifyClient } from '../transport/createClient';
import * as customer from './customer/Customer.resource';
import * as customQuery from './customQuery/CustomQuery.resource';
import * as order from './order/Order.resource';
import * as orderDocument from './orderDocument/OrderDocument.resource';
import * as product from './product/Product.resource';
import * as refund from './refund/Refund.resource';
import * as returnResource from './return/Return.resource';
import * as transaction from './transaction/Transaction.resource';

// Each resource module exports its operations and its `description`, which is skipped here.
const resources: Record<string, Record<string, unknown>> = {
	customer: { ...customer },
	customQuery: { ...customQuery },
	order: { ...order },
	orderDocument: { ...orderDocument },
	product: { ...product },
	refund: { ...refund },
	return: { ...returnResource },
	transaction: { ...transaction },
};

/**
 * Runs the selected operation once per input item with one Shopify client for the whole
 * execution, so the token is minted or checked once.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, { resources, createContext: createShopifyClient, toNodeError });
}
