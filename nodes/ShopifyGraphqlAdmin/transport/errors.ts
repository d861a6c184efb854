/**
 * Failures of Shopify requests, carrying what the node needs to explain them: Shopify's own
 * message, the GraphQL path or input field, the HTTP status. They never hold request headers,
 * so the access token cannot reach an error message or the node's output.
 */

export interface GraphqlErrorEntry {
	message: string;
	path?: Array<string | number>;
	extensions?: { code?: string; [key: string]: unknown };
}

export interface UserErrorEntry {
	field?: string[] | null;
	message: string;
	code?: string | null;
}

export type ShopifyFailureKind =
	/** Shopify responded with an HTTP error status. */
	| 'http'
	/** HTTP 200 with top-level GraphQL `errors`. */
	| 'graphql'
	/** The token was rejected, or minting one failed. */
	| 'auth'
	/** No response: the connection was refused, reset or timed out. */
	| 'network'
	/** Still throttled or failing after the bounded retries. */
	| 'exhausted';

export class ShopifyRequestError extends Error {
	readonly kind: ShopifyFailureKind;

	readonly status?: number;

	readonly graphqlErrors: GraphqlErrorEntry[];

	/** Change the user should make, shown as the error's description. */
	readonly fix?: string;

	constructor(
		kind: ShopifyFailureKind,
		message: string,
		options: { status?: number; graphqlErrors?: GraphqlErrorEntry[]; fix?: string } = {},
	) {
		super(message);
		this.name = 'ShopifyRequestError';
		this.kind = kind;
		this.status = options.status;
		this.graphqlErrors = options.graphqlErrors ?? [];
		this.fix = options.fix;
	}

	/** The first GraphQL error code, e.g. ACCESS_DENIED or MAX_COST_EXCEEDED. */
	get code(): string | undefined {
		return this.graphqlErrors.find((entry) => entry.extensions?.code)?.extensions?.code;
	}
}

/** A mutation that Shopify rejected with `userErrors`; nothing was changed. */
export class ShopifyUserErrors extends Error {
	readonly mutation: string;

	readonly userErrors: UserErrorEntry[];

	constructor(mutation: string, userErrors: UserErrorEntry[]) {
		super(`Shopify rejected ${mutation}: ${describeUserErrors(userErrors)}`);
		this.name = 'ShopifyUserErrors';
		this.mutation = mutation;
		this.userErrors = userErrors;
	}
}

/** "field a.b: message; message" — Shopify's messages with the input field they name. */
export function describeUserErrors(userErrors: UserErrorEntry[]): string {
	return userErrors
		.map((entry) => {
			const field = entry.field?.length ? `field ${entry.field.join('.')}: ` : '';
			return `${field}${entry.message}`;
		})
		.join('; ');
}

/** "message (path order.lineItems, code ACCESS_DENIED)" for each GraphQL error. */
export function describeGraphqlErrors(errors: GraphqlErrorEntry[]): string {
	return errors
		.map((entry) => {
			const details: string[] = [];
			if (entry.path?.length) details.push(`path ${entry.path.join('.')}`);
			if (entry.extensions?.code) details.push(`code ${entry.extensions.code}`);
			return details.length > 0 ? `${entry.message} (${details.join(', ')})` : entry.message;
		})
		.join('; ');
}

/** Suggests a fix for a GraphQL error code Shopify documents. */
export function fixForGraphqlCode(code: string | undefined): string | undefined {
	switch (code) {
		case 'ACCESS_DENIED':
			return "The app lacks an access scope this request needs; Shopify's message names it. Add the scope to the app (Dev Dashboard → Versions, or the custom app's Admin API scopes) and reinstall or update it.";
		case 'MAX_COST_EXCEEDED':
			return 'The query asks for more than Shopify allows in one request (cost 1,000). Ask for fewer items per page (a smaller "first") or fewer nested fields.';
		case 'BAD_REQUEST':
		case 'argumentLiteralsIncompatible':
			return 'Shopify rejected a value in the request; its message says which. Correct the ID or search query and run the node again.';
		case 'SHOP_INACTIVE':
			return 'The shop is paused or closed. Reopen it in the Shopify admin.';
		default:
			return undefined;
	}
}

/** Throws ShopifyUserErrors when a mutation payload has `userErrors`; returns the payload otherwise. */
export function checkUserErrors<T extends { userErrors?: UserErrorEntry[] | null }>(
	mutation: string,
	payload: T | null | undefined,
): T {
	if (!payload) {
		throw new ShopifyRequestError('graphql', `Shopify returned no result for ${mutation}`, {
			fix: 'Check that the app has the write scope this change needs, e.g. write_products.',
		});
	}
	if (payload.userErrors && payload.userErrors.length > 0) {
		throw new ShopifyUserErrors(mutation, payload.userErrors);
	}
	return payload;
}
