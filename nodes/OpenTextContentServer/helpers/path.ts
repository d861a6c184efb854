import { InputError } from './inputError';

/** Maximum length of a Content Server item name. */
export const MAX_NAME_LENGTH = 248;

/** Start of a path: a volume named by alias or name, or a container given by its node ID. */
export type PathRoot = { kind: 'volume'; name: string } | { kind: 'node'; id: number };

export interface ParsedPath {
	root: PathRoot;
	/** Item names below the root, in order. Empty for the root itself. */
	segments: string[];
}

/** Short volume names accepted before the colon, mapped to the volume's subtype. */
export const VOLUME_ALIASES: Record<string, number> = {
	enterprise: 141,
	personal: 142,
	categories: 133,
};

/**
 * Checks an item name against Content Server's rules: not empty, no colon, at most 248
 * characters. Returns the trimmed name.
 */
export function validateItemName(name: string): string {
	const trimmed = name.trim();
	const problem = nameProblem(trimmed);
	if (problem) throw problem;
	return trimmed;
}

/** Returns the InputError for a trimmed name that Content Server would reject, if any. */
function nameProblem(trimmed: string): InputError | undefined {
	if (trimmed === '') {
		return new InputError('The name is empty', 'Enter a name for the item.');
	}
	if (trimmed.includes(':')) {
		return new InputError(
			`The name "${trimmed}" contains ":", which Content Server does not allow in names`,
			'Replace the colon, e.g. with "-".',
		);
	}
	if (trimmed.length > MAX_NAME_LENGTH) {
		return new InputError(
			`The name "${trimmed.slice(0, 40)}…" has ${trimmed.length} characters, but Content Server allows at most ${MAX_NAME_LENGTH}`,
			'Shorten the name.',
		);
	}
	return undefined;
}

/**
 * Parses a path such as `Enterprise:Shopify/Orders/2026/#1001`.
 *
 * The part before the colon names the volume (`Enterprise`, `Personal`, `Categories`, or
 * a volume's full name) or a container by its numeric node ID. Without a colon the path
 * starts in `defaultVolume`. Item names are separated by `/`; `\/` stands for a slash and
 * `\\` for a backslash inside a name. Leading and trailing slashes are ignored.
 */
export function parsePath(text: string, defaultVolume = 'Enterprise'): ParsedPath {
	const input = text.trim();
	if (input === '') {
		throw new InputError('The path is empty', 'Enter a path such as Enterprise:Shopify/Orders.');
	}

	const colon = input.indexOf(':');
	let rootText = defaultVolume;
	let rest = input;
	if (colon >= 0) {
		rootText = input.slice(0, colon).trim();
		rest = input.slice(colon + 1);
		if (rootText === '') {
			throw new InputError(
				`The path "${input}" has nothing before ":"`,
				'Put a volume such as Enterprise, or a node ID, before the colon.',
			);
		}
		if (rest.includes(':')) {
			throw new InputError(
				`The path "${input}" contains more than one ":"`,
				'Use a colon only after the volume, because Content Server names cannot contain one.',
			);
		}
	}

	const root: PathRoot = /^\d+$/.test(rootText)
		? { kind: 'node', id: Number(rootText) }
		: { kind: 'volume', name: rootText };

	return { root, segments: splitSegments(rest, input) };
}

function splitSegments(rest: string, input: string): string[] {
	const segments: string[] = [];
	let current = '';
	let escaped = false;
	for (const character of rest) {
		if (escaped) {
			current += character;
			escaped = false;
		} else if (character === '\\') {
			escaped = true;
		} else if (character === '/') {
			segments.push(current);
			current = '';
		} else {
			current += character;
		}
	}
	if (escaped) current += '\\';
	segments.push(current);

	// Leading and trailing slashes are tolerated, e.g. "Enterprise:/Shopify/".
	while (segments.length > 0 && segments[0].trim() === '') segments.shift();
	while (segments.length > 0 && segments[segments.length - 1].trim() === '') segments.pop();

	return segments.map((segment) => {
		if (segment.trim() === '') {
			throw new InputError(
				`The path "${input}" contains an empty folder name ("//")`,
				'Remove the extra slash.',
			);
		}
		if (segment.includes(':') || segment.trim().length > MAX_NAME_LENGTH) {
			const problem = nameProblem(segment.trim()) as InputError;
			throw new InputError(`In the path "${input}": ${problem.message}`, problem.fix);
		}
		return segment.trim();
	});
}

/** Joins item names into the path syntax that parsePath reads, escaping slashes and backslashes. */
export function formatPath(rootLabel: string, segments: string[]): string {
	const escaped = segments.map((segment) => segment.replace(/\\/g, '\\\\').replace(/\//g, '\\/'));
	return `${rootLabel}:${escaped.join('/')}`;
}

/** Returns a name that is not in `taken`, adding " (2)", " (3)", … before the file extension. */
export function makeUniqueName(name: string, taken: Set<string>): string {
	const lowerTaken = new Set([...taken].map((value) => value.toLowerCase()));
	if (!lowerTaken.has(name.toLowerCase())) return name;

	const dot = name.lastIndexOf('.');
	const hasExtension = dot > 0 && dot > name.length - 12;
	const stem = hasExtension ? name.slice(0, dot) : name;
	const extension = hasExtension ? name.slice(dot) : '';
	for (let counter = 2; ; counter++) {
		const suffix = ` (${counter})`;
		const room = MAX_NAME_LENGTH - suffix.length - extension.length;
		const candidate = `${stem.slice(0, room)}${suffix}${extension}`;
		if (!lowerTaken.has(candidate.toLowerCase())) return candidate;
	}
}
