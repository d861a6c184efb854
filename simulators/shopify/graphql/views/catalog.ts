/** Views of the shop, products, variants and customers. */
import { graphqlAmount, graphqlTime } from '../../format';
import { formatGid } from '../../gid';
import { orderTotals } from '../../ledger';
import type { CustomerRecord, ProductRecord, VariantRecord } from '../../model';
import { compareIds, paginate, type PageArgs } from '../connection';
import type { GraphqlContext } from '../context';
import { mailingAddressView, metafieldFields, moneyV2, type View } from './common';
import { orderView } from './orders';

function stripHtml(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/\s+/g, ' ')
		.trim();
}

export function shopView(ctx: GraphqlContext): View {
	const { shop } = ctx.store;
	const address = shop.billingAddress;
	const view: View = {
		__typename: 'Shop',
		id: formatGid('Shop', shop.id),
		name: shop.name,
		email: shop.email,
		contactEmail: shop.email,
		myshopifyDomain: shop.myshopifyDomain,
		url: `https://${shop.myshopifyDomain}`,
		currencyCode: shop.currencyCode,
		ianaTimezone: shop.ianaTimezone,
		plan: { displayName: shop.planDisplayName, partnerDevelopment: false, shopifyPlus: false },
		billingAddress: {
			__typename: 'ShopAddress',
			id: `${formatGid('ShopAddress', shop.id)}?model_name=Address`,
			address1: address.address1,
			address2: address.address2,
			city: address.city,
			company: address.company,
			country: address.country,
			countryCodeV2: address.countryCode,
			phone: address.phone,
			province: address.province,
			provinceCode: address.provinceCode,
			zip: address.zip,
			formatted: (args: { withCompany?: boolean }) =>
				[
					args.withCompany === false ? null : address.company,
					address.address1,
					[address.zip, address.city].filter(Boolean).join(' '),
					address.country,
				].filter((line): line is string => Boolean(line)),
		},
		...metafieldFields(
			ctx,
			() => [],
			() => view,
		),
	};
	return view;
}

export function variantView(
	ctx: GraphqlContext,
	product: ProductRecord,
	variant: VariantRecord,
): View {
	return {
		__typename: 'ProductVariant',
		id: formatGid('ProductVariant', variant.id),
		legacyResourceId: variant.id,
		title: variant.title,
		displayName: `${product.title} - ${variant.title}`,
		sku: variant.sku,
		barcode: variant.barcode,
		price: graphqlAmount(variant.priceCents),
		compareAtPrice:
			variant.compareAtPriceCents === null ? null : graphqlAmount(variant.compareAtPriceCents),
		position: variant.position,
		inventoryQuantity: variant.inventoryQuantity,
		selectedOptions: [{ name: product.optionName, value: variant.option1 ?? variant.title }],
		product: () => productView(ctx, product),
	};
}

export function productView(ctx: GraphqlContext, product: ProductRecord): View {
	const self = (): View => view;
	const view: View = {
		__typename: 'Product',
		id: formatGid('Product', product.id),
		legacyResourceId: product.id,
		title: product.title,
		handle: product.handle,
		descriptionHtml: product.descriptionHtml,
		description: (args: { truncateAt?: number | null }) => {
			const text = stripHtml(product.descriptionHtml);
			return args.truncateAt && text.length > args.truncateAt
				? `${text.slice(0, args.truncateAt - 1)}…`
				: text;
		},
		vendor: product.vendor,
		productType: product.productType,
		status: product.status,
		tags: product.tags,
		createdAt: graphqlTime(product.createdAt),
		updatedAt: graphqlTime(product.updatedAt),
		publishedAt: graphqlTime(product.publishedAt),
		onlineStoreUrl:
			product.status === 'ACTIVE' && product.publishedAt
				? `https://${ctx.store.shop.myshopifyDomain}/products/${product.handle}`
				: null,
		totalInventory: product.variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
		options: () => [
			{
				__typename: 'ProductOption',
				id: formatGid('ProductOption', `${product.id}1`),
				name: product.optionName,
				position: 1,
				values: product.variants.map((variant) => variant.title),
			},
		],
		variants: (args: PageArgs) =>
			paginate(
				args.reverse ? [...product.variants].reverse() : product.variants,
				args,
				(variant) => variant.id,
				(variant) => variant.position,
				(variant) => variantView(ctx, product, variant),
			),
		...metafieldFields(ctx, () => product.metafields, self),
	};
	return view;
}

export function customerView(ctx: GraphqlContext, customer: CustomerRecord): View {
	const { store } = ctx;
	const orders = () =>
		[...store.orders.values()]
			.filter((order) => order.customerId === customer.id)
			.sort((left, right) => compareIds(left.id, right.id));
	const self = (): View => view;
	const displayName =
		[customer.firstName, customer.lastName].filter(Boolean).join(' ') ||
		customer.email ||
		customer.phone ||
		'';
	const defaultAddress =
		customer.addresses.find((entry) => entry.id === customer.defaultAddressId) ?? null;
	const view: View = {
		__typename: 'Customer',
		id: formatGid('Customer', customer.id),
		legacyResourceId: customer.id,
		firstName: customer.firstName,
		lastName: customer.lastName,
		displayName,
		email: customer.email,
		phone: customer.phone,
		defaultEmailAddress: customer.email ? { emailAddress: customer.email } : null,
		defaultPhoneNumber: customer.phone ? { phoneNumber: customer.phone } : null,
		state: customer.state.toUpperCase(),
		verifiedEmail: customer.verifiedEmail,
		taxExempt: customer.taxExempt,
		tags: customer.tags,
		note: customer.note,
		locale: customer.locale,
		createdAt: graphqlTime(customer.createdAt),
		updatedAt: graphqlTime(customer.updatedAt),
		defaultAddress: mailingAddressView(defaultAddress, customer.id),
		addresses: (args: { first?: number | null }) =>
			customer.addresses
				.slice(0, args.first ?? undefined)
				.map((entry) => mailingAddressView(entry, customer.id)),
		numberOfOrders: () => String(orders().length),
		amountSpent: () =>
			moneyV2(
				orders().reduce(
					(sum, order) => sum + orderTotals(order, store.relations(order.id)).netPayment,
					0,
				),
				store.shop.currencyCode,
			),
		orders: (args: PageArgs) => {
			const list = args.reverse ? orders().reverse() : orders();
			return paginate(
				list,
				args,
				(order) => order.id,
				(order) => order.id,
				(order) => orderView(ctx, order),
			);
		},
		...metafieldFields(ctx, () => customer.metafields, self),
	};
	return view;
}
