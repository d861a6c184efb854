import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import { ORDER_BY_NAME } from '../graphql/orders';
import type { ShopifyClient } from '../transport/client';
import { InputError } from './errors';
import { normalizeOrderName, toGid, type GidType } from './ids';

/** Reads the mode and value of a resource locator parameter, accepting a bare value too. */
export function readLocator(value: unknown): { mode: string; value: string } {
	if (typeof value === 'object' && value !== null && 'mode' in value) {
		const locator = value as INodeParameterResourceLocator;
		return { mode: String(locator.mode), value: String(locator.value ?? '').trim() };
	}
	return { mode: 'id', value: String(value ?? '').trim() };
}

/** Quotes a value for Shopify's search syntax, e.g. name:"#1001". */
export function searchValue(value: string): string {
	return `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}

/** Finds an order by its name (#1001). The search matches prefixes, so the name is compared exactly. */
export async function findOrderByName(
	client: ShopifyClient,
	name: string,
	parameter: string,
): Promise<string> {
	const orderName = normalizeOrderName(name, parameter);
	const data = await client.query<{ orders: { nodes: Array<{ id: string; name: string }> } }>({
		query: ORDER_BY_NAME,
		variables: { query: `name:${searchValue(orderName)}` },
	});
	const match = data.orders.nodes.find(
		(order) => order.name.toLowerCase() === orderName.toLowerCase(),
	);
	if (!match) {
		throw new InputError(
			`No order named ${orderName} was found`,
			parameter,
			'Check the name in the Shopify admin. Orders older than 60 days are only visible when the app has the read_all_orders scope.',
		);
	}
	return match.id;
}

/**
 * Reads a resource locator of one item and returns the record's GID. "By Name" is
 * supported for orders and searches Shopify; the other modes need no request.
 */
export async function resolveLocator(
	functions: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
	parameterName: string,
	displayName: string,
	type: GidType,
): Promise<string> {
	const locator = readLocator(functions.getNodeParameter(parameterName, itemIndex));
	if (locator.mode === 'name' && type === 'Order') {
		return await findOrderByName(client, locator.value, displayName);
	}
	return toGid(type, locator.value, displayName);
}

/** Error for a record that Shopify does not return, with the usual reasons. */
export function notFound(type: string, id: string, parameter: string): InputError {
	const hint =
		type === 'Order'
			? ' Orders older than 60 days are only visible when the app has the read_all_orders scope.'
			: '';
	return new InputError(
		`${type} ${id} was not found`,
		parameter,
		`Check the ID and that the credential's app may read ${type.toLowerCase()}s.${hint}`,
	);
}
