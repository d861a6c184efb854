/**
 * Views shared by several types: money, addresses, tax lines, metafields. A view is a plain
 * object whose keys are GraphQL field names. A function-valued key is a field with arguments,
 * which graphql-js's default resolver calls with (args, context).
 */
import { graphqlAmount, graphqlTime } from '../../format';
import { formatGid } from '../../gid';
import type { AddressRecord, MetafieldRecord, TaxLineRecord } from '../../model';
import { metafieldJsonValue } from '../../metafieldTypes';
import { compareDigest } from '../../operations';
import { paginate, type PageArgs, compareIds } from '../connection';
import type { GraphqlContext } from '../context';

export type View = Record<string, unknown>;

export function moneyV2(cents: number, currencyCode: string): View {
	return { amount: graphqlAmount(cents), currencyCode };
}

export function moneyBag(cents: number, currency: string, presentmentCurrency = currency): View {
	return {
		shopMoney: moneyV2(cents, currency),
		presentmentMoney: moneyV2(cents, presentmentCurrency),
	};
}

function addressLines(address: AddressRecord, withName: boolean, withCompany: boolean): string[] {
	const lines: string[] = [];
	const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
	if (withName && name) lines.push(name);
	if (withCompany && address.company) lines.push(address.company);
	if (address.address1) lines.push(address.address1);
	if (address.address2) lines.push(address.address2);
	const area = [address.zip, address.city].filter(Boolean).join(' ');
	if (area) lines.push(area);
	if (address.country) lines.push(address.country);
	return lines;
}

export function mailingAddressView(address: AddressRecord | null, ownerId: string): View | null {
	if (!address) return null;
	const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
	return {
		__typename: 'MailingAddress',
		id: `${formatGid('MailingAddress', address.id ?? ownerId)}?model_name=${address.id ? 'CustomerAddress' : 'Address'}`,
		address1: address.address1,
		address2: address.address2,
		city: address.city,
		company: address.company,
		country: address.country,
		countryCodeV2: address.countryCode,
		firstName: address.firstName,
		lastName: address.lastName,
		name: name || null,
		phone: address.phone,
		province: address.province,
		provinceCode: address.provinceCode,
		zip: address.zip,
		latitude: null,
		longitude: null,
		formattedArea:
			[address.city, address.provinceCode, address.country].filter(Boolean).join(', ') || null,
		formatted: (args: { withName?: boolean; withCompany?: boolean }) =>
			addressLines(address, args.withName ?? false, args.withCompany ?? true),
	};
}

export function taxLineView(line: TaxLineRecord, currency: string, presentment = currency): View {
	return {
		title: line.title,
		rate: line.rate,
		ratePercentage: Math.round(line.rate * 10000) / 100,
		priceSet: moneyBag(line.cents, currency, presentment),
		channelLiable: false,
	};
}

export function metafieldView(
	ctx: GraphqlContext,
	metafield: MetafieldRecord,
	owner: () => View | null,
): View {
	return {
		__typename: 'Metafield',
		id: formatGid('Metafield', metafield.id),
		legacyResourceId: metafield.id,
		namespace: metafield.namespace,
		key: metafield.key,
		type: metafield.type,
		value: metafield.value,
		jsonValue: metafieldJsonValue(metafield.type, metafield.value),
		description: metafield.description,
		compareDigest: compareDigest(metafield),
		ownerType: metafield.ownerType,
		owner,
		createdAt: graphqlTime(metafield.createdAt),
		updatedAt: graphqlTime(metafield.updatedAt),
	};
}

interface MetafieldArgs extends PageArgs {
	namespace?: string | null;
	keys?: string[] | null;
}

/** `metafield(namespace, key)` and `metafields(...)` fields for any HasMetafields owner. */
export function metafieldFields(
	ctx: GraphqlContext,
	metafields: () => MetafieldRecord[],
	owner: () => View | null,
): View {
	return {
		metafield: (args: { namespace?: string | null; key: string }) => {
			// Shopify reads `key` as "namespace.key" when no namespace argument is given.
			let namespace = args.namespace ?? null;
			let key = args.key;
			if (namespace === null && key.includes('.')) {
				namespace = key.slice(0, key.lastIndexOf('.'));
				key = key.slice(key.lastIndexOf('.') + 1);
			}
			const found = metafields().find(
				(entry) => entry.key === key && (namespace === null || entry.namespace === namespace),
			);
			return found ? metafieldView(ctx, found, owner) : null;
		},
		metafields: (args: MetafieldArgs) => {
			let list = metafields().filter(
				(entry) => !args.namespace || entry.namespace === args.namespace,
			);
			if (args.keys && args.keys.length > 0) {
				const expected = new Set(args.keys);
				list = list.filter((entry) => expected.has(`${entry.namespace}.${entry.key}`));
			}
			list = [...list].sort((left, right) => compareIds(left.id, right.id));
			if (args.reverse) list.reverse();
			return paginate(
				list,
				args,
				(entry) => entry.id,
				(entry) => entry.id,
				(entry) => metafieldView(ctx, entry, owner),
			);
		},
	};
}

export function idSorted<T extends { id: string }>(records: T[], reverse?: boolean | null): T[] {
	const sorted = [...records].sort((left, right) => compareIds(left.id, right.id));
	return reverse ? sorted.reverse() : sorted;
}

export function limitList<T>(records: T[], first?: number | null): T[] {
	return first === null || first === undefined ? records : records.slice(0, first);
}
