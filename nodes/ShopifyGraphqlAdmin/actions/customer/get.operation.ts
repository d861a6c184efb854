import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CUSTOMER_GET } from '../../graphql/catalog';
import { notFound, resolveLocator } from '../../helpers/locators';
import type { MailingAddressNode, MoneyV2 } from '../../helpers/types';
import type { ShopifyClient } from '../../transport/client';
import { customerLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [customerLocator(), simplifyProperty];

const displayOptions = { show: { resource: ['customer'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface CustomerNode {
	id: string;
	legacyResourceId: string;
	displayName: string;
	firstName?: string | null;
	lastName?: string | null;
	email?: string | null;
	phone?: string | null;
	state: string;
	tags: string[];
	note?: string | null;
	locale?: string;
	createdAt: string;
	updatedAt: string;
	numberOfOrders: string;
	amountSpent: MoneyV2;
	defaultAddress?: MailingAddressNode | null;
}

function simplify(customer: CustomerNode): IDataObject {
	return {
		id: customer.id,
		legacyResourceId: customer.legacyResourceId,
		displayName: customer.displayName,
		firstName: customer.firstName ?? null,
		lastName: customer.lastName ?? null,
		email: customer.email ?? null,
		phone: customer.phone ?? null,
		state: customer.state,
		tags: customer.tags,
		locale: customer.locale ?? null,
		numberOfOrders: customer.numberOfOrders,
		amountSpent: customer.amountSpent,
		defaultAddress: customer.defaultAddress ?? null,
		createdAt: customer.createdAt,
		updatedAt: customer.updatedAt,
	};
}

export async function execute(
	this: IExecuteFunctions,
	client: ShopifyClient,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplifyOutput = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const customerId = await resolveLocator(
		this,
		client,
		itemIndex,
		'customer',
		'Customer',
		'Customer',
	);
	const { customer } = await client.query<{ customer: CustomerNode | null }>({
		query: CUSTOMER_GET,
		variables: { id: customerId },
	});
	if (!customer) throw notFound('Customer', customerId, 'Customer');

	return [{ json: simplifyOutput ? simplify(customer) : (customer as unknown as IDataObject) }];
}
