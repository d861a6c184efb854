/**
 * GraphQL errors in the shape the Admin API returns them. Shopify runs graphql-ruby, so the
 * common validation messages are rewritten from graphql-js wording into graphql-ruby wording
 * with its `extensions.code` values; other messages keep graphql-js wording.
 */
import type { GraphQLError, GraphQLFormattedError } from 'graphql';

export interface ShopifyGraphqlError {
	message: string;
	locations?: Array<{ line: number; column: number }>;
	path?: Array<string | number>;
	extensions?: Record<string, unknown>;
}

interface Rewrite {
	pattern: RegExp;
	build: (match: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };
}

const REWRITES: Rewrite[] = [
	{
		pattern: /^Cannot query field "(\w+)" on type "(\w+)"\./,
		build: ([, field, type]) => ({
			message: `Field '${field}' doesn't exist on type '${type}'`,
			extensions: { code: 'undefinedField', typeName: type, fieldName: field },
		}),
	},
	{
		pattern: /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./,
		build: ([, argument, , field]) => ({
			message: `Field '${field}' doesn't accept argument '${argument}'`,
			extensions: {
				code: 'argumentNotAccepted',
				name: field,
				typeName: 'Field',
				argumentName: argument,
			},
		}),
	},
	{
		pattern: /^Field "(\w+)" is not defined by type "(\w+)"\./,
		build: ([, field, type]) => ({
			message: `InputObject '${type}' doesn't accept argument '${field}'`,
			extensions: {
				code: 'argumentNotAccepted',
				name: type,
				typeName: 'InputObject',
				argumentName: field,
			},
		}),
	},
	{
		pattern:
			/^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./,
		build: ([, field, argument]) => ({
			message: `Field '${field}' is missing required arguments: ${argument}`,
			extensions: {
				code: 'missingRequiredArguments',
				className: 'Field',
				name: field,
				arguments: argument,
			},
		}),
	},
	{
		pattern: /^Field "(\w+)" of required type "([^"]+)" was not provided\./,
		build: ([, field, type]) => ({
			message: `Argument '${field}' on InputObject '${type.replace(/!$/, '')}' is required. Expected type ${type}`,
			extensions: {
				code: 'missingRequiredInputObjectAttribute',
				argumentName: field,
				argumentType: type,
			},
		}),
	},
	{
		pattern: /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./,
		build: ([, name, type]) => ({
			message: `Variable $${name} of type ${type} was provided invalid value`,
			extensions: {
				value: null,
				problems: [{ path: [], explanation: 'Expected value to not be null' }],
			},
		}),
	},
	{
		pattern: /^Variable "\$(\w+)" got invalid value (.*?); (.*)$/s,
		build: ([, name, value, problem]) => {
			const nested = /^Field "(\w+)" is not defined by type "(\w+)"\./.exec(problem);
			const explanation = nested
				? `Field is not defined on ${nested[2]}`
				: problem.replace(/\.$/, '');
			const path = nested ? [nested[1]] : [];
			const where = nested ? ` for ${nested[1]}` : '';
			return {
				message: `Variable $${name} of type ${'{type}'} was provided invalid value${where} (${explanation})`,
				extensions: { value: safeParse(value), problems: [{ path, explanation }] },
			};
		},
	},
];

function safeParse(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Converts a graphql-js error. `variableTypes` maps variable names to their declared types,
 * which graphql-ruby names in variable errors but graphql-js does not.
 */
export function toShopifyError(
	error: GraphQLError | GraphQLFormattedError,
	variableTypes: Record<string, string> = {},
): ShopifyGraphqlError {
	const base: ShopifyGraphqlError = { message: error.message };
	if (error.locations && error.locations.length > 0) {
		base.locations = error.locations.map((location) => ({
			line: location.line,
			column: location.column,
		}));
	}
	if (error.path) base.path = [...error.path];
	const extensions = (error.extensions ?? {}) as Record<string, unknown>;
	if (Object.keys(extensions).length > 0) base.extensions = { ...extensions };

	for (const rewrite of REWRITES) {
		const match = rewrite.pattern.exec(error.message);
		if (!match) continue;
		const rewritten = rewrite.build(match);
		const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
		base.message = rewritten.message.replace(
			'{type}',
			variable ? (variableTypes[variable] ?? 'unknown') : '',
		);
		base.extensions = { ...rewritten.extensions, ...(base.extensions ?? {}) };
		break;
	}
	return base;
}
