/** Money and time formats of the two APIs, which differ in small ways. */

/** REST money: a string with two decimals, "129.90". */
export function restAmount(cents: number): string {
	const sign = cents < 0 ? '-' : '';
	const absolute = Math.abs(cents);
	return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/**
 * GraphQL `Decimal` money: trailing zeros dropped but one decimal kept, "129.9" and "10.0",
 * which is how the Admin API prints Ruby BigDecimal amounts.
 */
export function graphqlAmount(cents: number): string {
	const fixed = restAmount(cents);
	const trimmed = fixed.replace(/0$/, '');
	return trimmed.endsWith('.') ? trimmed + '0' : trimmed;
}

/** Parses a decimal amount ("12.5", "12.50", "12") into cents; null when it is not one. */
export function parseAmount(value: unknown): number | null {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text !== 'string' || !/^-?\d+(\.\d{1,2})?$/.test(text.trim())) return null;
	const [whole, fraction = ''] = text.trim().replace('-', '').split('.');
	const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	return text.trim().startsWith('-') ? -cents : cents;
}

/** Share of `cents` that is tax when the price includes tax at `rate`, rounded half up. */
export function includedTax(cents: number, rate: number): number {
	return Math.round((cents * rate) / (1 + rate));
}

/** GraphQL DateTime: UTC without milliseconds, "2026-03-02T09:15:00Z". */
export function graphqlTime(iso: string | null): string | null {
	if (iso === null) return null;
	return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function offsetMinutes(date: Date, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(date);
	const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const local = Date.UTC(
		value('year'),
		value('month') - 1,
		value('day'),
		value('hour'),
		value('minute'),
		value('second'),
	);
	return Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

/**
 * REST timestamp in the shop's time zone with its offset, "2026-03-02T10:15:00+01:00",
 * as REST payloads and webhooks write them.
 */
export function restTime(iso: string | null, timeZone: string): string | null {
	if (iso === null) return null;
	const date = new Date(iso);
	const offset = offsetMinutes(date, timeZone);
	const local = new Date(Math.floor(date.getTime() / 1000) * 1000 + offset * 60000);
	const sign = offset < 0 ? '-' : '+';
	const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
	const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
	return local.toISOString().replace(/\.\d{3}Z$/, `${sign}${hours}:${minutes}`);
}

export function nowIso(): string {
	return new Date().toISOString();
}
