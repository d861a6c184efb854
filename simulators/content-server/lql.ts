/**
 * Parser and evaluator for the subset of Content Server's query language (LQL) that the
 * simulator understands:
 *
 * - terms: words, "quoted phrases", a `*` or `?` wildcard inside a word (`inv*`);
 * - operators `and`, `or`, `not`, `and-not` (any letter case) and parentheses; adjacent
 *   terms without an operator are joined with `and`;
 * - regions: `OTName: value`, `OTName: (a or b)`, `[qlregion "OTName"] value`;
 * - comparisons `OTModifyDate: >= 20260101` (also `>`, `<`, `<=`, `=`, `!=`, `<>`; the colon
 *   is optional) and ranges `OTModifyDate: [20260101 TO 20261231]` or
 *   `OTModifyDate: [qlrange "20260101~20261231"]`, both inclusive.
 *
 * Words in quotes never act as operators, so `"a or b"` is a phrase of three words.
 */
import { ApiError, errors } from './errors';

export type CompareOperator = '>=' | '<=' | '>' | '<' | '=' | '!=';

export type Term =
	| { kind: 'word'; text: string }
	| { kind: 'phrase'; text: string }
	| { kind: 'compare'; operator: CompareOperator; value: string }
	| { kind: 'range'; from: string; to: string };

export type QueryNode =
	| { type: 'and' | 'or'; left: QueryNode; right: QueryNode }
	| { type: 'not'; operand: QueryNode }
	| { type: 'term'; region: string | null; term: Term };

type Token =
	| { type: 'word'; value: string; position: number }
	| { type: 'phrase'; value: string; position: number }
	| { type: 'punct'; value: '(' | ')' | '[' | ']' | ':'; position: number }
	| { type: 'compare'; value: CompareOperator; position: number };

function syntaxError(detail: string): ApiError {
	return errors.queryInvalid(detail);
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
		if (char === '"') {
			const end = query.indexOf('"', index + 1);
			if (end < 0) throw syntaxError(`The quote at position ${index + 1} is not closed.`);
			tokens.push({ type: 'phrase', value: query.slice(index + 1, end), position: index });
			index = end + 1;
			continue;
		}
		if ('()[]:'.includes(char)) {
			tokens.push({ type: 'punct', value: char as '(' | ')' | '[' | ']' | ':', position: index });
			index++;
			continue;
		}
		const comparison = /^(>=|<=|<>|!=|>|<|=)/.exec(query.slice(index));
		if (comparison) {
			const value = comparison[1] === '<>' ? '!=' : (comparison[1] as CompareOperator);
			tokens.push({ type: 'compare', value, position: index });
			index += comparison[1].length;
			continue;
		}
		const word = /^[^\s()[\]:"<>=]+/.exec(query.slice(index));
		const text = word ? word[0] : char;
		tokens.push({ type: 'word', value: text, position: index });
		index += text.length;
	}
	return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'and-not']);

function keyword(token: Token | undefined): string | undefined {
	if (token?.type !== 'word') return undefined;
	const lower = token.value.toLowerCase();
	return KEYWORDS.has(lower) ? lower : undefined;
}

/**
 * Parses an LQL query. `isRegion` checks whether a name is a known region, because a name
 * followed by `:` that is not a region is an error, as in Content Server.
 */
export function parseQuery(query: string, isRegion: (name: string) => boolean): QueryNode {
	const tokens = tokenize(query);
	if (tokens.length === 0) throw errors.queryMissing();
	let position = 0;
	const regions: Array<string | null> = [null];

	const peek = (offset = 0) => tokens[position + offset];
	const describe = (token: Token | undefined) =>
		token ? `"${token.value}" at position ${token.position + 1}` : 'the end of the query';
	const expectPunct = (value: string) => {
		const token = peek();
		if (token?.type !== 'punct' || token.value !== value) {
			throw syntaxError(`Expected "${value}" but found ${describe(token)}.`);
		}
		position++;
	};

	function parseOr(): QueryNode {
		let left = parseAnd();
		while (keyword(peek()) === 'or') {
			position++;
			left = { type: 'or', left, right: parseAnd() };
		}
		return left;
	}

	function startsOperand(token: Token | undefined): boolean {
		if (!token) return false;
		if (token.type === 'word') return keyword(token) === undefined || keyword(token) === 'not';
		if (token.type === 'phrase') return true;
		return token.type === 'punct' && (token.value === '(' || token.value === '[');
	}

	function parseAnd(): QueryNode {
		let left = parseUnary();
		for (;;) {
			const word = keyword(peek());
			if (word === 'and') {
				position++;
				if (keyword(peek()) === 'not') {
					position++;
					left = { type: 'and', left, right: { type: 'not', operand: parseUnary() } };
				} else {
					left = { type: 'and', left, right: parseUnary() };
				}
			} else if (word === 'and-not') {
				position++;
				left = { type: 'and', left, right: { type: 'not', operand: parseUnary() } };
			} else if (startsOperand(peek())) {
				left = { type: 'and', left, right: parseUnary() };
			} else {
				return left;
			}
		}
	}

	function parseUnary(): QueryNode {
		if (keyword(peek()) === 'not') {
			position++;
			return { type: 'not', operand: parseUnary() };
		}
		return parsePrimary();
	}

	function parsePrimary(): QueryNode {
		const token = peek();
		if (!token) throw syntaxError('The query ends where a search term is expected.');

		if (token.type === 'punct' && token.value === '(') {
			position++;
			if (peek()?.type === 'punct' && peek()?.value === ')') {
				throw syntaxError(`The parentheses at position ${token.position + 1} are empty.`);
			}
			const inner = parseOr();
			expectPunct(')');
			return inner;
		}
		if (token.type === 'punct' && token.value === '[') {
			const region = parseRegionSelector();
			return parseRegionBody(region);
		}
		if (token.type === 'word' && keyword(token) === undefined) {
			const next = peek(1);
			if (next?.type === 'punct' && next.value === ':') {
				if (!isRegion(token.value)) {
					throw syntaxError(
						`"${token.value}" is not a search region. GET /api/v1/regions lists the regions.`,
					);
				}
				position += 2;
				return parseRegionBody(token.value);
			}
			if (next?.type === 'compare' && isRegion(token.value)) {
				position++;
				return parseRegionBody(token.value);
			}
			position++;
			return { type: 'term', region: currentRegion(), term: { kind: 'word', text: token.value } };
		}
		if (token.type === 'phrase') {
			position++;
			return { type: 'term', region: currentRegion(), term: { kind: 'phrase', text: token.value } };
		}
		if (token.type === 'compare') {
			const region = currentRegion();
			if (region === null) {
				throw syntaxError(
					`The comparison ${describe(token)} needs a region, e.g. OTModifyDate: >= 20260101.`,
				);
			}
			return parseRegionBody(region);
		}
		throw syntaxError(`Unexpected ${describe(token)}.`);
	}

	function currentRegion(): string | null {
		return regions[regions.length - 1];
	}

	/** `[qlregion "OTName"]` */
	function parseRegionSelector(): string {
		const open = peek();
		position++;
		const name = peek();
		const value = peek(1);
		if (
			name?.type !== 'word' ||
			name.value.toLowerCase() !== 'qlregion' ||
			value?.type !== 'phrase'
		) {
			throw syntaxError(
				`Expected [qlregion "RegionName"] at position ${(open?.position ?? 0) + 1}.`,
			);
		}
		position += 2;
		expectPunct(']');
		if (!isRegion(value.value)) {
			throw syntaxError(
				`"${value.value}" is not a search region. GET /api/v1/regions lists the regions.`,
			);
		}
		return value.value;
	}

	function parseRegionBody(region: string): QueryNode {
		const token = peek();
		if (!token) throw syntaxError(`The region ${region} has no value.`);

		if (token.type === 'compare') {
			position++;
			const value = peek();
			if (value?.type !== 'word' && value?.type !== 'phrase') {
				throw syntaxError(`The comparison at position ${token.position + 1} has no value.`);
			}
			position++;
			return {
				type: 'term',
				region,
				term: { kind: 'compare', operator: token.value, value: value.value },
			};
		}
		if (token.type === 'punct' && token.value === '[') {
			position++;
			return { type: 'term', region, term: parseRange(token.position) };
		}
		if (token.type === 'punct' && token.value === '(') {
			position++;
			regions.push(region);
			const inner = parseOr();
			regions.pop();
			expectPunct(')');
			return inner;
		}
		if (token.type === 'phrase') {
			position++;
			return { type: 'term', region, term: { kind: 'phrase', text: token.value } };
		}
		if (token.type === 'word' && keyword(token) === undefined) {
			position++;
			return { type: 'term', region, term: { kind: 'word', text: token.value } };
		}
		throw syntaxError(`The region ${region} is followed by ${describe(token)} instead of a value.`);
	}

	/** After `[`: `qlrange "A~B"]` or `A TO B]`. */
	function parseRange(start: number): Term {
		const first = peek();
		if (
			first?.type === 'word' &&
			first.value.toLowerCase() === 'qlrange' &&
			peek(1)?.type === 'phrase'
		) {
			const bounds = String(peek(1)?.value).split('~');
			position += 2;
			expectPunct(']');
			if (bounds.length !== 2 || bounds[0].trim() === '' || bounds[1].trim() === '') {
				throw syntaxError(
					`The range at position ${start + 1} must look like [qlrange "20260101~20261231"].`,
				);
			}
			return { kind: 'range', from: bounds[0].trim(), to: bounds[1].trim() };
		}
		const to = peek(1);
		const last = peek(2);
		if (
			(first?.type === 'word' || first?.type === 'phrase') &&
			to?.type === 'word' &&
			to.value.toLowerCase() === 'to' &&
			(last?.type === 'word' || last?.type === 'phrase')
		) {
			position += 3;
			expectPunct(']');
			return { kind: 'range', from: first.value, to: last.value };
		}
		throw syntaxError(`The range at position ${start + 1} must look like [20260101 TO 20261231].`);
	}

	const tree = parseOr();
	if (position < tokens.length) {
		throw syntaxError(`Unexpected ${describe(peek())}.`);
	}
	return tree;
}

// Evaluation.

export type RegionValue =
	| { kind: 'text'; tokens: string[]; raw: string }
	| { kind: 'number'; value: number }
	| { kind: 'date'; value: string }
	| { kind: 'path'; ids: number[] };

export interface SearchDocument {
	/** Token lists searched by terms without a region, per `within` scope. */
	metadata: string[][];
	content: string[][];
	/** Values per region, keyed by the lower-cased region name. */
	regions: Map<string, RegionValue[]>;
}

export interface EvaluationOptions {
	within: 'all' | 'content' | 'metadata';
	/** `modifier=wordbeginswith` / `wordendswith` widen plain words. */
	modifier?: 'wordbeginswith' | 'wordendswith';
}

/** Splits text into lower-cased words of letters and digits. */
export function tokenizeText(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

type TokenPattern = (token: string) => boolean;

function wordPatterns(word: string, modifier?: EvaluationOptions['modifier']): TokenPattern[] {
	const pieces = word.toLowerCase().match(/[\p{L}\p{N}*?]+/gu) ?? [];
	return pieces
		.filter((piece) => /[\p{L}\p{N}]/u.test(piece) || piece.includes('*'))
		.map((piece, index, all) => {
			if (!/[*?]/.test(piece)) {
				if (modifier === 'wordbeginswith' && index === all.length - 1)
					return (token) => token.startsWith(piece);
				if (modifier === 'wordendswith' && index === 0) return (token) => token.endsWith(piece);
				return (token) => token === piece;
			}
			const source = piece
				.split('')
				.map((char) =>
					char === '*'
						? '[\\p{L}\\p{N}]*'
						: char === '?'
							? '[\\p{L}\\p{N}]'
							: char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
				)
				.join('');
			const regex = new RegExp(`^${source}$`, 'u');
			return (token) => regex.test(token);
		});
}

function matchSequence(tokens: string[], patterns: TokenPattern[]): boolean {
	if (patterns.length === 0) return false;
	for (let start = 0; start + patterns.length <= tokens.length; start++) {
		if (patterns.every((pattern, offset) => pattern(tokens[start + offset]))) return true;
	}
	return false;
}

function textPatterns(term: Term, options: EvaluationOptions): TokenPattern[] {
	if (term.kind === 'phrase') {
		return tokenizeText(term.text).map((piece) => (token: string) => token === piece);
	}
	if (term.kind === 'word') return wordPatterns(term.text, options.modifier);
	return [];
}

/** Normalizes `YYYYMMDD`, `YYYY-MM-DD` or an ISO timestamp to `YYYYMMDD`. */
export function normalizeDate(value: string): string | undefined {
	const text = value.trim();
	if (/^\d{8}$/.test(text)) return text;
	const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	return match ? `${match[1]}${match[2]}${match[3]}` : undefined;
}

function compare(
	left: number | string,
	operator: CompareOperator,
	right: number | string,
): boolean {
	switch (operator) {
		case '>=':
			return left >= right;
		case '<=':
			return left <= right;
		case '>':
			return left > right;
		case '<':
			return left < right;
		case '=':
			return left === right;
		case '!=':
			return left !== right;
	}
}

function matchRegionValue(value: RegionValue, term: Term, options: EvaluationOptions): boolean {
	switch (value.kind) {
		case 'text': {
			if (term.kind === 'compare')
				return compare(value.raw, term.operator, term.value.toLowerCase());
			if (term.kind === 'range') {
				return value.raw >= term.from.toLowerCase() && value.raw <= term.to.toLowerCase();
			}
			return matchSequence(value.tokens, textPatterns(term, options));
		}
		case 'number': {
			if (term.kind === 'range') {
				return value.value >= Number(term.from) && value.value <= Number(term.to);
			}
			if (term.kind === 'compare') {
				const right = Number(term.value);
				return Number.isFinite(right) && compare(value.value, term.operator, right);
			}
			if (term.kind === 'word' && /[*?]/.test(term.text)) {
				return wordPatterns(term.text)[0]?.(String(value.value)) ?? false;
			}
			const number = Number(term.text.trim());
			return Number.isFinite(number) && term.text.trim() !== '' && value.value === number;
		}
		case 'date': {
			if (term.kind === 'range') {
				const from = normalizeDate(term.from);
				const to = normalizeDate(term.to);
				return from !== undefined && to !== undefined && value.value >= from && value.value <= to;
			}
			if (term.kind === 'compare') {
				const right = normalizeDate(term.value);
				return right !== undefined && compare(value.value, term.operator, right);
			}
			if (term.kind === 'word' && /[*?]/.test(term.text)) {
				return wordPatterns(term.text.replace(/-/g, ''))[0]?.(value.value) ?? false;
			}
			return normalizeDate(term.text) === value.value;
		}
		case 'path': {
			if (term.kind !== 'word' && term.kind !== 'phrase') return false;
			const id = Number(term.text.trim());
			return Number.isInteger(id) && value.ids.includes(id);
		}
	}
}

function matchTerm(
	node: Extract<QueryNode, { type: 'term' }>,
	document: SearchDocument,
	options: EvaluationOptions,
): boolean {
	if (node.region !== null) {
		const values = document.regions.get(node.region.toLowerCase()) ?? [];
		return values.some((value) => matchRegionValue(value, node.term, options));
	}
	if (node.term.kind === 'compare' || node.term.kind === 'range') return false;
	const patterns = textPatterns(node.term, options);
	const fields =
		options.within === 'content'
			? document.content
			: options.within === 'metadata'
				? document.metadata
				: [...document.metadata, ...document.content];
	return fields.some((tokens) => matchSequence(tokens, patterns));
}

export function evaluate(
	node: QueryNode,
	document: SearchDocument,
	options: EvaluationOptions,
): boolean {
	switch (node.type) {
		case 'and':
			return evaluate(node.left, document, options) && evaluate(node.right, document, options);
		case 'or':
			return evaluate(node.left, document, options) || evaluate(node.right, document, options);
		case 'not':
			return !evaluate(node.operand, document, options);
		case 'term':
			return matchTerm(node, document, options);
	}
}

/** Relevance: the number of terms outside `not` that match; name matches count twice. */
export function score(
	node: QueryNode,
	document: SearchDocument,
	options: EvaluationOptions,
): number {
	switch (node.type) {
		case 'and':
		case 'or':
			return score(node.left, document, options) + score(node.right, document, options);
		case 'not':
			return 0;
		case 'term': {
			if (!matchTerm(node, document, options)) return 0;
			const inName =
				node.region === null &&
				matchRegionValue(
					document.regions.get('otname')?.[0] ?? { kind: 'text', tokens: [], raw: '' },
					node.term,
					options,
				);
			return inName ? 2 : 1;
		}
	}
}
