/**
 * Shopify search syntax, as the `query` argument of list queries and webhook filters take it:
 * `field:value`, range comparators (`created_at:>=2026-03-01`), quoted values, a trailing `*`
 * for prefix matches, implicit or explicit `AND`, `OR`, `NOT` / `-` negation and parentheses.
 */

export type Comparator = ':' | '>' | '>=' | '<' | '<=';

export type SearchNode =
	| { kind: 'and'; children: SearchNode[] }
	| { kind: 'or'; children: SearchNode[] }
	| { kind: 'not'; child: SearchNode }
	| { kind: 'term'; field: string | null; comparator: Comparator; value: string; prefix: boolean };

export class SearchSyntaxError extends Error {}

interface Token {
	type: 'word' | 'lparen' | 'rparen' | 'minus';
	text: string;
	quoted?: boolean;
}

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < query.length) {
		const char = query[index];
		if (/\s/.test(char)) {
			index++;
			continue;
		}
		if (char === '(' || char === ')') {
			tokens.push({ type: char === '(' ? 'lparen' : 'rparen', text: char });
			index++;
			continue;
		}
		if (char === '-' && index + 1 < query.length && !/\s/.test(query[index + 1])) {
			tokens.push({ type: 'minus', text: '-' });
			index++;
			continue;
		}
		// A word runs to whitespace or a closing parenthesis; quoted parts may hold both.
		let text = '';
		let quoted = false;
		while (index < query.length && !/\s/.test(query[index]) && query[index] !== ')') {
			const current = query[index];
			if (current === '"' || current === "'") {
				const end = query.indexOf(current, index + 1);
				if (end === -1) {
					throw new SearchSyntaxError(`Unterminated quote in search query at position ${index}.`);
				}
				text += query.slice(index + 1, end);
				quoted = true;
				index = end + 1;
				continue;
			}
			if (current === '\\' && index + 1 < query.length) {
				text += query[index + 1];
				index += 2;
				continue;
			}
			text += current;
			index++;
		}
		tokens.push({ type: 'word', text, quoted });
	}
	return tokens;
}

function parseTerm(token: Token): SearchNode {
	const colon = token.quoted && !token.text.includes(':') ? -1 : token.text.indexOf(':');
	if (colon <= 0) {
		const prefix = !token.quoted && token.text.endsWith('*');
		const value = prefix ? token.text.slice(0, -1) : token.text;
		return { kind: 'term', field: null, comparator: ':', value, prefix };
	}
	const field = token.text.slice(0, colon).toLowerCase();
	let rest = token.text.slice(colon + 1);
	let comparator: Comparator = ':';
	for (const candidate of ['>=', '<=', '>', '<'] as const) {
		if (rest.startsWith(candidate)) {
			comparator = candidate;
			rest = rest.slice(candidate.length);
			break;
		}
	}
	const prefix = rest.endsWith('*') && comparator === ':';
	return { kind: 'term', field, comparator, value: prefix ? rest.slice(0, -1) : rest, prefix };
}

/** Parses a search query; an empty or blank query returns null (match everything). */
export function parseSearchQuery(query: string | null | undefined): SearchNode | null {
	if (query === null || query === undefined || query.trim() === '') return null;
	const tokens = tokenize(query);
	let position = 0;

	const parseOr = (): SearchNode => {
		const children = [parseAnd()];
		while (tokens[position]?.type === 'word' && tokens[position].text === 'OR') {
			position++;
			children.push(parseAnd());
		}
		return children.length === 1 ? children[0] : { kind: 'or', children };
	};

	const parseAnd = (): SearchNode => {
		const children = [parseUnary()];
		for (;;) {
			const token = tokens[position];
			if (!token || token.type === 'rparen') break;
			if (token.type === 'word' && token.text === 'OR' && !token.quoted) break;
			if (token.type === 'word' && token.text === 'AND' && !token.quoted) {
				position++;
				continue;
			}
			children.push(parseUnary());
		}
		return children.length === 1 ? children[0] : { kind: 'and', children };
	};

	const parseUnary = (): SearchNode => {
		const token = tokens[position];
		if (!token) throw new SearchSyntaxError('Search query ends where a term was expected.');
		if (
			token.type === 'minus' ||
			(token.type === 'word' && token.text === 'NOT' && !token.quoted)
		) {
			position++;
			return { kind: 'not', child: parseUnary() };
		}
		if (token.type === 'lparen') {
			position++;
			const inner = parseOr();
			if (tokens[position]?.type !== 'rparen') {
				throw new SearchSyntaxError(
					'Search query has an opening parenthesis without a closing one.',
				);
			}
			position++;
			return inner;
		}
		if (token.type === 'rparen') {
			throw new SearchSyntaxError('Search query has a closing parenthesis without an opening one.');
		}
		position++;
		return parseTerm(token);
	};

	const tree = parseOr();
	if (position < tokens.length) {
		throw new SearchSyntaxError('Search query has a closing parenthesis without an opening one.');
	}
	return tree;
}

/** Definition of one search field: its value type and the accessor that reads a record. */
export type FieldSpec<T> =
	| {
			type: 'text';
			get: (record: T) => Array<string | null | undefined> | string | null | undefined;
	  }
	| { type: 'integer'; get: (record: T) => string | number | null | undefined }
	| { type: 'date'; get: (record: T) => string | null | undefined }
	| { type: 'custom'; match: (record: T, comparator: Comparator, value: string) => boolean };

export interface SearchSpec<T> {
	fields: Record<string, FieldSpec<T>>;
	/** Text a bare word (no field) is matched against. */
	defaultText: (record: T) => Array<string | null | undefined>;
}

export interface SearchWarning {
	field: string;
	message: string;
}

function compareNumbers(left: bigint, comparator: Comparator, right: bigint): boolean {
	switch (comparator) {
		case ':':
			return left === right;
		case '>':
			return left > right;
		case '>=':
			return left >= right;
		case '<':
			return left < right;
		case '<=':
			return left <= right;
	}
}

/**
 * Parses a search date: a day (`2026-03-01`, the whole UTC day), a timestamp, or `now`.
 * Returns the start and end of the period in milliseconds.
 */
function parseDate(value: string): { start: number; end: number } | null {
	if (value === 'now') {
		const now = Date.now();
		return { start: now, end: now };
	}
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
		const start = Date.parse(`${value}T00:00:00Z`);
		return Number.isNaN(start) ? null : { start, end: start + 86400000 - 1 };
	}
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : { start: time, end: time };
}

function matchText(
	candidates: Array<string | null | undefined>,
	value: string,
	prefix: boolean,
): boolean {
	const expected = value.toLowerCase();
	return candidates.some((candidate) => {
		if (candidate === null || candidate === undefined) return false;
		const text = candidate.toLowerCase();
		return prefix ? text.startsWith(expected) : text === expected;
	});
}

function matchTerm<T>(
	record: T,
	term: Extract<SearchNode, { kind: 'term' }>,
	spec: SearchSpec<T>,
	warnings: SearchWarning[],
): boolean {
	if (term.field === null) {
		const expected = term.value.toLowerCase();
		return spec.defaultText(record).some((text) => text?.toLowerCase().includes(expected));
	}
	const field = spec.fields[term.field];
	if (!field) {
		// Shopify ignores an unknown field and reports it in extensions.search warnings.
		if (!warnings.some((warning) => warning.field === term.field)) {
			warnings.push({ field: term.field, message: 'Invalid search field for this query.' });
		}
		return true;
	}
	switch (field.type) {
		case 'custom':
			return field.match(record, term.comparator, term.value);
		case 'text': {
			const raw = field.get(record);
			const candidates = Array.isArray(raw) ? raw : [raw];
			if (term.comparator !== ':') {
				const expected = term.value.toLowerCase();
				return candidates.some((candidate) => {
					if (!candidate) return false;
					const text = candidate.toLowerCase();
					if (term.comparator === '>') return text > expected;
					if (term.comparator === '>=') return text >= expected;
					if (term.comparator === '<') return text < expected;
					return text <= expected;
				});
			}
			return matchText(candidates, term.value, term.prefix);
		}
		case 'integer': {
			const raw = field.get(record);
			if (raw === null || raw === undefined || !/^-?\d+$/.test(term.value)) return false;
			return compareNumbers(BigInt(raw), term.comparator, BigInt(term.value));
		}
		case 'date': {
			const raw = field.get(record);
			const period = parseDate(term.value);
			if (!raw || !period) return false;
			const time = Date.parse(raw);
			switch (term.comparator) {
				case ':':
					return time >= period.start && time <= period.end;
				case '>':
					return time > period.end;
				case '>=':
					return time >= period.start;
				case '<':
					return time < period.start;
				case '<=':
					return time <= period.end;
			}
		}
	}
	return false;
}

/** Tests whether `record` matches the parsed query. Unknown fields are ignored and added to `warnings`. */
export function matchesSearch<T>(
	record: T,
	node: SearchNode | null,
	spec: SearchSpec<T>,
	warnings: SearchWarning[] = [],
): boolean {
	if (node === null) return true;
	switch (node.kind) {
		case 'and':
			return node.children.every((child) => matchesSearch(record, child, spec, warnings));
		case 'or':
			return node.children.some((child) => matchesSearch(record, child, spec, warnings));
		case 'not':
			return !matchesSearch(record, node.child, spec, warnings);
		case 'term':
			return matchTerm(record, node, spec, warnings);
	}
}

/** Runs a query over records; returns the matches and the warnings for unknown fields. */
export function filterBySearch<T>(
	records: T[],
	query: string | null | undefined,
	spec: SearchSpec<T>,
): { matches: T[]; warnings: SearchWarning[] } {
	const tree = parseSearchQuery(query);
	const warnings: SearchWarning[] = [];
	const matches = records.filter((record) => matchesSearch(record, tree, spec, warnings));
	return { matches, warnings };
}
