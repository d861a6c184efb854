import { formatMoney } from './money';
import type { Money, OrderDocumentInput, PostalAddress } from './types';
import { parseTimestamp } from './validate';

/** Formatting for one document: the input's locale and the shop's time zone. */
export interface DocumentContext {
	input: OrderDocumentInput;
	locale: string;
	timeZone: string;
	money(value: Money): string;
	/** Formats a timestamp as a date in the shop's time zone. */
	date(value: string, field: string): string;
	percent(rate: number): string;
	/** Formats a whole number, such as a quantity. */
	integer(value: number): string;
}

const DEFAULT_LOCALE = 'en';
const DEFAULT_TIME_ZONE = 'UTC';

/** Runs an Intl call and returns undefined when it raises a RangeError for an invalid value. */
function tryIntl<T>(check: () => T): T | undefined {
	try {
		return check();
	} catch {
		return undefined;
	}
}

function resolveLocale(locale: string | null | undefined): string {
	if (!locale || locale.trim() === '') return DEFAULT_LOCALE;
	const canonical = tryIntl(() => Intl.getCanonicalLocales(locale.trim())[0]);
	if (!canonical) {
		throw new Error(
			`Invalid locale ${JSON.stringify(locale)} at locale: expected a BCP 47 tag such as "de-DE", or leave it empty for English formatting.`,
		);
	}
	return canonical;
}

function resolveTimeZone(timeZone: string | null | undefined): string {
	if (!timeZone || timeZone.trim() === '') return DEFAULT_TIME_ZONE;
	const resolved = tryIntl(
		() => new Intl.DateTimeFormat('en', { timeZone: timeZone.trim() }).resolvedOptions().timeZone,
	);
	if (!resolved) {
		throw new Error(
			`Invalid time zone ${JSON.stringify(timeZone)} at shop.ianaTimezone: expected an IANA name such as "Europe/Berlin", or leave it empty for UTC.`,
		);
	}
	return resolved;
}

/**
 * Dates are written in English, like the labels around them, with the date order of the
 * locale's region: "de-DE" gives "14 March 2025", "en-US" gives "March 14, 2025".
 */
function dateLocale(locale: string): string {
	const region = new Intl.Locale(locale).maximize().region;
	return region ? `en-${region}` : DEFAULT_LOCALE;
}

export function createContext(input: OrderDocumentInput): DocumentContext {
	const locale = resolveLocale(input.locale);
	const timeZone = resolveTimeZone(input.shop.ianaTimezone);
	const dateFormat = new Intl.DateTimeFormat(dateLocale(locale), {
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		timeZone,
	});
	const percentFormat = new Intl.NumberFormat(locale, {
		style: 'percent',
		maximumFractionDigits: 3,
	});
	const integerFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

	return {
		input,
		locale,
		timeZone,
		money: (value) => formatMoney(value, locale),
		date: (value, field) => dateFormat.format(parseTimestamp(value, field)),
		percent: (rate) => percentFormat.format(rate),
		integer: (value) => integerFormat.format(value),
	};
}

/**
 * Turns a Shopify status enum such as PARTIALLY_REFUNDED, or a gateway handle such as
 * shopify_payments, into "Partially refunded" or "Shopify payments". Other text stays as it is.
 */
export function humanizeStatus(status: string | null | undefined): string | undefined {
	if (!status || status.trim() === '') return undefined;
	if (!/^[A-Za-z0-9_]+$/.test(status.trim())) return status.trim();
	const words = status.trim().replace(/_/g, ' ').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

function clean(value: string | null | undefined): string {
	return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** Returns the printable lines of a postal address, none when it has no content. */
export function addressLines(address: PostalAddress | null | undefined): string[] {
	if (!address) return [];
	const cityLine = [clean(address.zip), clean(address.city)].filter(Boolean).join(' ');
	return [
		clean(address.name),
		clean(address.company),
		clean(address.address1),
		clean(address.address2),
		cityLine,
		clean(address.province),
		clean(address.country),
		clean(address.phone),
	].filter(Boolean);
}
