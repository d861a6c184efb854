import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toNodeError } from '../helpers/errors';
import type { ShopifyClient } from '../transport/client';
import { createShopifyClient } from '../transport/createClient';
import * as customer from './customer/Customer.resource';
import * as customQuery from './customQuery/CustomQuery.resource';
import type { Operation } from './operation';
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

function errorItem(
	functions: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData[] {
	const nodeError = toNodeError(functions.getNode(), error, itemIndex);
	return functions.helpers.constructExecutionMetaData(
		[{ json: { error: nodeError.message, description: nodeError.description ?? null } }],
		{ itemData: { item: itemIndex } },
	);
}

/**
 * Runs the selected operation once per input item with one Shopify client for the whole
 * execution, so the token is minted or checked once. Output and error items both carry
 * `pairedItem`.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;

	const operation = resources[resource]?.[operationName] as Operation | undefined;
	if (operation === undefined || typeof operation.execute !== 'function') {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
			{
				description: 'Pick a resource and an operation from the lists.',
			},
		);
	}

	let client: ShopifyClient | undefined;
	let setupError: unknown;
	try {
		client = await createShopifyClient(this);
	} catch (error) {
		setupError = error;
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			if (client === undefined) throw setupError;
			const output = await operation.execute.call(this, client, itemIndex);
			returnData.push(
				...this.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, itemIndex);
			returnData.push(...errorItem(this, error, itemIndex));
		}
	}
	return [returnData];
}
