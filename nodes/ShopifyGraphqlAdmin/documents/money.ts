import type { Money } from './types';

/**
 * Money arithmetic on decimal strings. Amounts are scaled to integers (bigint) before adding,
 * so sums are exact whatever the currency's number of decimals.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

interface ScaledAmount {
	units: bigint;
	scale: number;
}

/** Checks a Money value and throws an error that names the field when it is malformed. */
export function checkMoney(money: Money | null | undefined, field: string): Money {
	if (!money || typeof money !== 'object') {
		throw new Error(
			`Missing money value at ${field}: expected { amount: "19.90", currencyCode: "EUR" }.`,
		);
	}
	if (typeof money.amount !== 'string' || !DECIMAL.test(money.amount.trim())) {
		throw new Error(
			`Invalid money amount ${JSON.stringify(money.amount)} at ${field}.amount: expected a decimal string such as "19.90".`,
		);
	}
	if (typeof money.currencyCode !== 'string' || !CURRENCY_CODE.test(money.currencyCode)) {
		throw new Error(
			`Invalid currency code ${JSON.stringify(money.currencyCode)} at ${field}.currencyCode: expected an ISO 4217 code such as "EUR".`,
		);
	}
	return { amount: money.amount.trim(), currencyCode: money.currencyCode };
}

function scale(amount: string): ScaledAmount {
	const negative = amount.startsWith('-');
	const [whole, fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
	const units = BigInt(whole + fraction);
	return { units: negative ? -units : units, scale: fraction.length };
}

function rescale(value: ScaledAmount, targetScale: number): bigint {
	return value.units * 10n ** BigInt(targetScale - value.scale);
}

function toDecimalString(units: bigint, decimals: number): string {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
	const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
	const fraction = decimals === 0 ? '' : `.${digits.slice(-decimals)}`;
	return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Adds amounts exactly. Every amount must be in currencyCode, because a sum of two currencies
 * is meaningless. The error for a mismatch names field.
 */
export function sumMoney(values: readonly Money[], currencyCode: string, field: string): Money {
	const scaled = values.map((value, index) => {
		if (value.currencyCode !== currencyCode) {
			throw new Error(
				`Currency mismatch at ${field}[${index}]: ${value.currencyCode} cannot be added to ${currencyCode}. ` +
					'Map all amounts of one document in the same currency (shop money or presentment money).',
			);
		}
		return scale(value.amount);
	});
	const decimals = Math.max(2, ...scaled.map((value) => value.scale));
	const total = scaled.reduce((sum, value) => sum + rescale(value, decimals), 0n);
	return { amount: toDecimalString(total, decimals), currencyCode };
}

/** Returns minuend minus subtrahend, exactly. Both must be in the same currency. */
export function subtractMoney(minuend: Money, subtrahend: Money, field: string): Money {
	if (subtrahend.currencyCode !== minuend.currencyCode) {
		throw new Error(
			`Currency mismatch at ${field}: ${subtrahend.currencyCode} cannot be subtracted from ${minuend.currencyCode}. ` +
				'Map all amounts of one document in the same currency (shop money or presentment money).',
		);
	}
	return sumMoney([minuend, negateMoney(subtrahend)], minuend.currencyCode, field);
}

function negateAmount(amount: string): string {
	return amount.startsWith('-') ? amount.slice(1) : `-${amount}`;
}

export function negateMoney(money: Money): Money {
	return { ...money, amount: negateAmount(money.amount) };
}

export function isZero(money: Money | null | undefined): boolean {
	return !money || scale(money.amount).units === 0n;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount in its currency with Intl.NumberFormat. The decimal string goes to format()
 * unchanged: ECMA-402 (Intl.NumberFormat v3, Node.js 20 and later) formats strings as exact
 * decimals, so no binary float rounding happens on the way.
 */
export function formatMoney(money: Money, locale: string): string {
	const key = `${locale}\u0000${money.currencyCode}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currencyCode });
		formatters.set(key, formatter);
	}
	return formatter.format(money.amount as unknown as number);
}
