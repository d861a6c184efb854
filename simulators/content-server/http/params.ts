/**
 * Typed access to request parameters. Form fields arrive as strings, `body` JSON as typed
 * values, and a repeated key (`where_type=1&where_type=2`) as an array.
 */
import { errors } from '../errors';

export type RawParams = Record<string, unknown>;

export class Params {
	constructor(readonly values: RawParams) {}

	static fromSearch(search: URLSearchParams): Params {
		const values: RawParams = {};
		for (const [key, value] of search) addValue(values, key, value);
		return new Params(values);
	}

	has(name: string): boolean {
		return Object.prototype.hasOwnProperty.call(this.values, name);
	}

	keys(): string[] {
		return Object.keys(this.values);
	}

	isEmpty(): boolean {
		return Object.keys(this.values).length === 0;
	}

	/** Returns the value, or the first value of a repeated key. */
	get(name: string): unknown {
		const value = this.values[name];
		return Array.isArray(value) && this.repeated(name) ? value[0] : value;
	}

	/** Returns all values of a key that may repeat; an array value counts as several values. */
	all(name: string): unknown[] {
		const value = this.values[name];
		if (value === undefined) return [];
		return Array.isArray(value) ? value : [value];
	}

	private repeated(name: string): boolean {
		return REPEATED.has(this.values[name] as object);
	}

	/** Returns a string value; numbers and booleans from `body` JSON are converted. */
	string(name: string, options: { required?: boolean; trim?: boolean } = {}): string | undefined {
		const value = this.get(name);
		if (value === undefined || value === null || value === '') {
			if (options.required) throw errors.missingParameter(name);
			return undefined;
		}
		if (typeof value === 'object') {
			throw errors.invalidParameter(name, JSON.stringify(value), 'Send a single text value.');
		}
		const text = String(value);
		return options.trim === false ? text : text.trim();
	}

	/** Returns a whole number given as a JSON number or a numeric string. */
	int(name: string, options: { required?: boolean; min?: number } = {}): number | undefined {
		const value = this.get(name);
		if (value === undefined || value === null || value === '') {
			if (options.required) throw errors.missingParameter(name);
			return undefined;
		}
		const number =
			typeof value === 'number'
				? value
				: /^-?\d+$/.test(String(value).trim())
					? Number(String(value).trim())
					: NaN;
		if (!Number.isSafeInteger(number) || (options.min !== undefined && number < options.min)) {
			throw errors.invalidParameter(
				name,
				typeof value === 'object' ? JSON.stringify(value) : value,
				options.min !== undefined
					? `Send a whole number of ${options.min} or more.`
					: 'Send a whole number.',
			);
		}
		return number;
	}

	/**
	 * Returns a boolean: true/false, "true"/"false", 1/0. A key given without a value (`?metadata`)
	 * counts as true, as Content Server treats such flag parameters.
	 */
	flag(name: string): boolean {
		if (!this.has(name)) return false;
		const value = this.get(name);
		if (value === '' || value === true || value === 1) return true;
		const text = String(value).trim().toLowerCase();
		return text === 'true' || text === '1' || text === 'yes';
	}

	/** Like `flag`, but throws when the value is present and not a boolean. */
	strictBoolean(name: string, invalid: () => Error): boolean | undefined {
		if (!this.has(name)) return undefined;
		const value = this.get(name);
		if (typeof value === 'boolean') return value;
		const text = String(value).trim().toLowerCase();
		if (text === 'true' || text === '1') return true;
		if (text === 'false' || text === '0') return false;
		throw invalid();
	}
}

/** Arrays created by repeating a key, as opposed to arrays sent inside `body` JSON. */
const REPEATED = new WeakSet<object>();

export function addValue(values: RawParams, key: string, value: string): void {
	const existing = values[key];
	if (existing === undefined) {
		values[key] = value;
	} else if (Array.isArray(existing) && REPEATED.has(existing)) {
		existing.push(value);
	} else {
		const list = [existing, value];
		REPEATED.add(list);
		values[key] = list;
	}
}

/** Parses a page number or page size parameter with Content Server's defaults. */
export function readPaging(
	params: Params,
	defaultLimit: number,
	maxLimit: number,
): { page: number; limit: number } {
	const page = params.int('page', { min: 1 }) ?? 1;
	const requested = params.int('limit', { min: 1 }) ?? defaultLimit;
	return { page, limit: Math.min(requested, maxLimit) };
}
