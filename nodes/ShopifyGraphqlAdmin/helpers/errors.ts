import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ShopifyRequestError, ShopifyUserErrors } from '../transport/errors';

/** A parameter value the node cannot use. The message names the value, and `fix` tells the user what to enter. */
export class InputError extends Error {
	constructor(
		message: string,
		readonly parameter?: string,
		readonly fix?: string,
	) {
		super(message);
		this.name = 'InputError';
	}
}

function withItem(message: string, itemIndex: number): string {
	return `${message} [item ${itemIndex}]`;
}

function withParameter(message: string, parameter: string | undefined): string {
	return parameter ? `${parameter}: ${message}` : message;
}

const USER_ERRORS_FIX =
	'Nothing was changed in Shopify. Correct the value Shopify names above and run the node again.';

/**
 * Turns any failure of one item into the error n8n shows. The message quotes Shopify or names
 * the parameter and ends with `[item N]`, and the description explains what to change.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof InputError) {
		return new NodeOperationError(
			node,
			withItem(withParameter(error.message, error.parameter), itemIndex),
			{
				itemIndex,
				description: error.fix,
			},
		);
	}

	if (error instanceof ShopifyUserErrors) {
		return new NodeOperationError(node, withItem(error.message, itemIndex), {
			itemIndex,
			description: USER_ERRORS_FIX,
		});
	}

	if (error instanceof ShopifyRequestError) {
		const message = withItem(error.message, itemIndex);
		if (error.status !== undefined) {
			const response: JsonObject = { status: error.status, message: error.message };
			if (error.code) response.code = error.code;
			return new NodeApiError(node, response, {
				message,
				description: error.fix,
				httpCode: String(error.status),
				itemIndex,
			});
		}
		return new NodeOperationError(node, message, { itemIndex, description: error.fix });
	}

	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}

	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, withItem(message, itemIndex), { itemIndex });
}
