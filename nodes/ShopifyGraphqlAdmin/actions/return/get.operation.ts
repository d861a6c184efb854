import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { RETURN_GET, RETURN_LINE_ITEMS } from '../../graphql/orders';
import { notFound, resolveLocator } from '../../helpers/locators';
import type { ShopifyClient } from '../../transport/client';
import { collectPages, type Connection } from '../../transport/paging';
import { returnLocator, simplifyProperty } from '../common.descriptions';
import { simplifyReturn, type ReturnDetail, type ReturnLineNode } from './shared';

const properties: INodeProperties[] = [returnLocator(), simplifyProperty];

const displayOptions = { show: { resource: ['return'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

type ReturnNode = Omit<ReturnDetail, 'returnLineItems' | 'refunds'> & {
	returnLineItems: Connection<ReturnLineNode>;
	refunds: Connection<NonNullable<ReturnDetail['refunds']>[number]>;
};

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const returnId = await resolveLocator(this, client, itemIndex, 'return', 'Return', 'Return');
	let head: ReturnNode | null = null;
	const lines = await collectPages<ReturnLineNode>({
		pageSize: 50,
		fetchPage: async (first, after) => {
			if (after === undefined) {
				const data = await client.query<{ return: ReturnNode | null }>({
					query: RETURN_GET,
					variables: { id: returnId },
				});
				head = data.return;
				return head?.returnLineItems;
			}
			const data = await client.query<{
				return: { returnLineItems: Connection<ReturnLineNode> } | null;
			}>({
				query: RETURN_LINE_ITEMS,
				variables: { id: returnId, first, after },
			});
			return data.return?.returnLineItems;
		},
	});
	const found = head as ReturnNode | null;
	if (!found || !lines) throw notFound('Return', returnId, 'Return');

	const detail: ReturnDetail = { ...found, returnLineItems: lines, refunds: found.refunds.nodes };
	return [{ json: simplify ? simplifyReturn(detail) : (detail as unknown as IDataObject) }];
}
