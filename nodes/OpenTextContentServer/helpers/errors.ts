import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ContentServerError } from '../transport/errors';
import { InputError } from './inputError';

/**
 * Runs `action` and records `displayName` on the InputError or ContentServerError it
 * throws, so that the error message names the parameter whose value failed.
 */
export async function forParameter<T>(displayName: string, action: () => Promise<T>): Promise<T> {
	let failure: unknown;
	try {
		return await action();
	} catch (error) {
		failure = error;
	}
	if (
		(failure instanceof InputError || failure instanceof ContentServerError) &&
		!failure.parameter
	) {
		failure.parameter = displayName;
	}
	throw failure;
}

/** Says what to change after a failed request, by the kind of failure. */
export function hintFor(error: ContentServerError): string {
	if (error.fix) return error.fix;
	if (error.kind === 'login' && !error.transient) {
		return 'Open the OpenText Content Server API credential and check the Base URL and the login settings.';
	}
	if (error.kind === 'network') {
		return `Check that the Base URL of the credential is reachable from n8n and that Content Server is running. The request was sent ${error.attempts} time(s)${error.code ? ` (${error.code})` : ''}.`;
	}
	if (error.kind === 'unexpectedBody' || error.transient) {
		return `Content Server was unavailable, e.g. because it is restarting; the request was sent ${error.attempts} time(s). Run the workflow again later, or turn on Retry On Fail in the node's settings.`;
	}
	if (error.status === 401) {
		return 'Content Server rejected the login. Check the user name, password or OTDS settings of the credential.';
	}
	if (error.status === 403) {
		return 'The user of the credential lacks the permission for this action. Grant it in Content Server, or use another user.';
	}
	if (error.notFound) {
		return 'Check that the item exists and that the user of the credential has permission to see it. Content Server reports missing items and missing permissions the same way.';
	}
	if (error.nameClash) {
		return 'Choose another name, or change "If Name Exists" so that the node adds a version, picks a unique name or skips the item.';
	}
	if (error.status === 409) {
		return 'Someone else changed the item at the same time. Run the workflow again.';
	}
	if (error.status !== undefined && error.status < 500) {
		return 'Content Server rejected a value the node sent; its message above says which one. Correct the parameter it names.';
	}
	return 'Content Server could not process the request. Its message above, or the Content Server logs, say why.';
}

function withItem(message: string, itemIndex: number): string {
	return `${message} [item ${itemIndex}]`;
}

function withParameter(message: string, parameter: string | undefined): string {
	return parameter ? `${parameter}: ${message}` : message;
}

/**
 * Turns any error of an item into the NodeApiError or NodeOperationError n8n shows:
 * the message names the parameter and the item, and the description states what to change.
 * Errors carry no request headers, so the ticket never reaches the output.
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

	if (error instanceof ContentServerError) {
		const message = withItem(withParameter(error.message, error.parameter), itemIndex);
		const description = hintFor(error);
		if (error.kind === 'http' && error.status !== undefined) {
			const response: JsonObject = { status: error.status };
			if (error.serverMessage) response.error = error.serverMessage;
			if (error.serverDetail) response.errorDetail = error.serverDetail;
			return new NodeApiError(node, response, {
				message,
				description,
				httpCode: String(error.status),
				itemIndex,
			});
		}
		return new NodeOperationError(node, message, { itemIndex, description });
	}

	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}

	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, withItem(message, itemIndex), { itemIndex });
}
