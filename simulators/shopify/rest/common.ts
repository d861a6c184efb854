/** Building blocks of the REST representations: ids, money sets, times, addresses, tax lines. */
import { restAmount, restTime } from '../format';
import type { AddressRecord, DiscountAllocationRecord, TaxLineRecord } from '../model';
import type { ShopifyStore } from '../store';

export type Json = Record<string, unknown>;

export function gid(type: string, id: string): string {
	return `gid://shopify/${type}/${id}`;
}

export function moneySet(cents: number, currency: string, presentmentCurrency = currency): Json {
	return {
		shop_money: { amount: restAmount(cents), currency_code: currency },
		presentment_money: { amount: restAmount(cents), currency_code: presentmentCurrency },
	};
}

export function time(store: ShopifyStore, iso: string | null): string | null {
	return restTime(iso, store.shop.ianaTimezone);
}

export function restAddress(address: AddressRecord | null): Json | null {
	if (!address) return null;
	const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
	return {
		first_name: address.firstName,
		address1: address.address1,
		phone: address.phone,
		city: address.city,
		zip: address.zip,
		province: address.province,
		country: address.country,
		last_name: address.lastName,
		address2: address.address2,
		company: address.company,
		latitude: null,
		longitude: null,
		name: name || null,
		country_code: address.countryCode,
		province_code: address.provinceCode,
	};
}

export function restTaxLines(lines: TaxLineRecord[], currency: string): Json[] {
	return lines.map((line) => ({
		channel_liable: false,
		price: restAmount(line.cents),
		price_set: moneySet(line.cents, currency),
		rate: line.rate,
		title: line.title,
	}));
}

export function restAllocations(allocations: DiscountAllocationRecord[], currency: string): Json[] {
	return allocations.map((entry) => ({
		amount: restAmount(entry.cents),
		amount_set: moneySet(entry.cents, currency),
		discount_application_index: entry.applicationIndex,
	}));
}
