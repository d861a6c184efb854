/**
 * `POST /admin/api/{version}/graphql.json`: parse, validate, price, throttle, execute, and
 * reply with `extensions.cost` on every response.
 */
import {
	execute,
	getVariableValues,
	Kind,
	parse,
	print,
	validate,
	type DocumentNode,
	type FragmentDefinitionNode,
	type GraphQLError,
	type OperationDefinitionNode,
} from 'graphql';

import type { PendingEmit } from '../operations';
import type { ShopifyStore } from '../store';
import type { ThrottleStatus } from '../throttle';
import type { GraphqlContext, SearchExtension } from './context';
import { actualCost, requestedCost, type CostInput } from './cost';
import { toShopifyError, type ShopifyGraphqlError } from './errors';
import { rootValue } from './root';
import { adminSchema } from './schema';

const RATE_LIMITS_DOC = 'https://shopify.dev/api/usage/rate-limits';

export interface GraphqlRequest {
	query: string;
	variables: Record<string, unknown> | null;
	operationName: string | null;
}

export interface GraphqlOutcome {
	status: number;
	body: Record<string, unknown>;
	headers: Record<string, string>;
	operationName: string | null;
	operationType: 'query' | 'mutation' | 'subscription' | null;
	requestedCost: number | null;
	actualCost: number | null;
	throttled: boolean;
	emits: PendingEmit[];
}

interface CostExtension {
	requestedQueryCost: number;
	actualQueryCost: number | null;
	throttleStatus: ThrottleStatus;
}

function costExtension(
	store: ShopifyStore,
	token: string,
	requested: number,
	actual: number | null,
): CostExtension {
	const { costBucketSize, costRestoreRate } = store.settings;
	return {
		requestedQueryCost: requested,
		actualQueryCost: actual,
		throttleStatus: store.costBucket(token).status(costBucketSize, costRestoreRate),
	};
}

function variableTypes(operation: OperationDefinitionNode | undefined): Record<string, string> {
	const types: Record<string, string> = {};
	for (const definition of operation?.variableDefinitions ?? []) {
		types[definition.variable.name.value] = print(definition.type);
	}
	return types;
}

function pickOperation(
	document: DocumentNode,
	operationName: string | null,
): OperationDefinitionNode | string {
	const operations = document.definitions.filter(
		(definition): definition is OperationDefinitionNode =>
			definition.kind === Kind.OPERATION_DEFINITION,
	);
	if (operationName) {
		const named = operations.find((operation) => operation.name?.value === operationName);
		return named ?? `No operation named "${operationName}"`;
	}
	if (operations.length === 1) return operations[0];
	if (operations.length === 0) return 'The document contains no operation.';
	return 'An operation name is required when the document contains several operations.';
}

function errorOutcome(
	store: ShopifyStore,
	token: string,
	errors: ShopifyGraphqlError[],
	requested: number,
	operation?: OperationDefinitionNode,
): GraphqlOutcome {
	return {
		status: 200,
		body: { errors, extensions: { cost: costExtension(store, token, requested, 0) } },
		headers: {},
		operationName: operation?.name?.value ?? null,
		operationType: operation?.operation ?? null,
		requestedCost: requested,
		actualCost: 0,
		throttled: false,
		emits: [],
	};
}

/** Executes one GraphQL request for `token` against the schema of `version`. */
export async function runGraphql(
	store: ShopifyStore,
	version: string,
	token: string,
	request: GraphqlRequest,
	forceThrottle: boolean,
): Promise<GraphqlOutcome> {
	const schema = adminSchema(version, store.settings);

	let document: DocumentNode;
	try {
		document = parse(request.query);
	} catch (error) {
		return errorOutcome(store, token, [toShopifyError(error as GraphQLError)], 0);
	}

	const picked = pickOperation(document, request.operationName);
	const operation = typeof picked === 'string' ? undefined : picked;
	const validationErrors = validate(schema, document);
	if (validationErrors.length > 0) {
		const types = variableTypes(operation);
		return errorOutcome(
			store,
			token,
			validationErrors.map((error) => toShopifyError(error, types)),
			0,
			operation,
		);
	}
	if (!operation) return errorOutcome(store, token, [{ message: picked as string }], 0);

	const coerced = getVariableValues(
		schema,
		operation.variableDefinitions ?? [],
		request.variables ?? {},
	);
	if (coerced.errors) {
		const types = variableTypes(operation);
		return errorOutcome(
			store,
			token,
			coerced.errors.map((error) => toShopifyError(error, types)),
			0,
			operation,
		);
	}

	const fragments: Record<string, FragmentDefinitionNode> = {};
	for (const definition of document.definitions) {
		if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
	}
	const costInput: CostInput = { schema, operation, fragments, variables: coerced.coerced };
	const requested = requestedCost(costInput);
	const base = {
		operationName: operation.name?.value ?? null,
		operationType: operation.operation,
		requestedCost: requested,
	};

	const { maxQueryCost, costBucketSize, costRestoreRate, throttledStatus } = store.settings;
	if (requested > maxQueryCost) {
		const error: ShopifyGraphqlError = {
			message:
				`Query cost is ${requested}, which exceeds the single query max cost limit (${maxQueryCost}). ` +
				'Request fewer objects (smaller first/last, fewer nested connections) or use bulk operations for large reads.',
			extensions: {
				code: 'MAX_COST_EXCEEDED',
				cost: requested,
				maxCost: maxQueryCost,
				documentation: RATE_LIMITS_DOC,
			},
		};
		return {
			...base,
			status: 200,
			body: { errors: [error], extensions: { cost: costExtension(store, token, requested, null) } },
			headers: {},
			actualCost: null,
			throttled: false,
			emits: [],
		};
	}

	const bucket = store.costBucket(token);
	if (forceThrottle || !bucket.tryTake(requested, costBucketSize, costRestoreRate)) {
		const cost = costExtension(store, token, requested, null);
		// An injected THROTTLED fault reports an empty bucket, so a client backs off the full
		// time; the bucket itself is left as it is.
		if (forceThrottle) cost.throttleStatus.currentlyAvailable = 0;
		const missing = Math.max(0, requested - cost.throttleStatus.currentlyAvailable);
		const headers: Record<string, string> = {};
		if (throttledStatus === 429) {
			headers['Retry-After'] = String(Math.max(1, Math.ceil(missing / costRestoreRate)));
		}
		return {
			...base,
			status: throttledStatus,
			body: {
				errors: [
					{
						message: 'Throttled',
						extensions: { code: 'THROTTLED', documentation: RATE_LIMITS_DOC },
					},
				],
				extensions: { cost },
			},
			headers,
			actualCost: null,
			throttled: true,
			emits: [],
		};
	}

	const context: GraphqlContext = { store, version, search: [], emits: [] };
	const result = await execute({
		schema,
		document,
		rootValue,
		contextValue: context,
		variableValues: request.variables ?? {},
		operationName: request.operationName ?? undefined,
	});
	const actual = actualCost(costInput, result.data, requested);
	bucket.refund(requested - actual, costBucketSize);

	const body: Record<string, unknown> = {};
	if (result.errors && result.errors.length > 0) {
		body.errors = result.errors.map((error) => toShopifyError(error));
	}
	body.data = result.data ?? null;
	const extensions: Record<string, unknown> = {
		cost: costExtension(store, token, requested, actual),
	};
	if (context.search.length > 0) extensions.search = context.search satisfies SearchExtension[];
	body.extensions = extensions;
	return {
		...base,
		status: 200,
		body,
		headers: {},
		actualCost: actual,
		throttled: false,
		// A mutation that failed at the GraphQL level changed nothing worth announcing.
		emits: context.emits,
	};
}
