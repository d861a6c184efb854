/**
 * Calculated query cost, following Shopify's published rules: scalars and enums cost 0, an
 * object costs 1, a connection costs 2 plus its page size times the cost of one node, and a
 * mutation field costs 10. The requested cost is computed from the query before execution.
 * The actual cost walks the same query over the returned data, so short pages and null
 * objects cost less.
 *
 * NOTE: Shopify's exact weights for some fields differ (it publishes per-field costs); these
 * rules reproduce the documented defaults, which the cost of typical queries matches.
 */
import {
	getArgumentValues,
	getDirectiveValues,
	getNamedType,
	GraphQLIncludeDirective,
	GraphQLSkipDirective,
	isCompositeType,
	isInterfaceType,
	isLeafType,
	isListType,
	isNonNullType,
	isObjectType,
	type DirectiveNode,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLCompositeType,
	type GraphQLField,
	type GraphQLOutputType,
	type GraphQLSchema,
	type OperationDefinitionNode,
	type SelectionSetNode,
} from 'graphql';

export const MUTATION_FIELD_COST = 10;
const CONNECTION_BASE_COST = 2;

interface CostContext {
	schema: GraphQLSchema;
	fragments: Record<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
	/** Undefined for the requested cost; the response data for the actual cost. */
	actual: boolean;
}

function included(
	node: { readonly directives?: ReadonlyArray<DirectiveNode> },
	context: CostContext,
): boolean {
	const skip = getDirectiveValues(GraphQLSkipDirective, node, context.variables);
	if (skip?.if === true) return false;
	const include = getDirectiveValues(GraphQLIncludeDirective, node, context.variables);
	return include?.if !== false;
}

function fieldDefinition(
	parent: GraphQLCompositeType,
	name: string,
): GraphQLField<unknown, unknown> | undefined {
	if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
	return undefined;
}

function isListOutput(type: GraphQLOutputType): boolean {
	const unwrapped = isNonNullType(type) ? type.ofType : type;
	return isListType(unwrapped);
}

function pageSize(args: Record<string, unknown>): number {
	const first = typeof args.first === 'number' ? args.first : 0;
	const last = typeof args.last === 'number' ? args.last : 0;
	return Math.max(first, last);
}

/**
 * Cost of one connection node: `edges.node` and `nodes` each count one object plus its
 * selection; `cursor` and `pageInfo` are free.
 */
function connectionItemCost(
	selectionSet: SelectionSetNode,
	connectionType: GraphQLCompositeType,
	context: CostContext,
	edge: unknown,
	node: unknown,
): number {
	let total = 0;
	for (const selection of selectionSet.selections) {
		if (selection.kind !== 'Field') {
			const fragmentSelection =
				selection.kind === 'InlineFragment'
					? selection.selectionSet
					: context.fragments[selection.name.value]?.selectionSet;
			if (fragmentSelection) {
				total += connectionItemCost(fragmentSelection, connectionType, context, edge, node);
			}
			continue;
		}
		if (!included(selection, context)) continue;
		const name = selection.name.value;
		const definition = fieldDefinition(connectionType, name);
		if (!definition || !selection.selectionSet) continue;
		const childType = getNamedType(definition.type) as GraphQLCompositeType;
		if (name === 'nodes') {
			if (context.actual && node === undefined) continue;
			total += 1 + selectionCost(selection.selectionSet, childType, context, node);
		} else if (name === 'edges') {
			for (const edgeSelection of selection.selectionSet.selections) {
				if (edgeSelection.kind !== 'Field' || edgeSelection.name.value !== 'node') continue;
				if (!edgeSelection.selectionSet || !included(edgeSelection, context)) continue;
				const edgeType = childType;
				const nodeDefinition = fieldDefinition(edgeType, 'node');
				if (!nodeDefinition) continue;
				const edgeNode = context.actual
					? (edge as Record<string, unknown> | undefined)?.[edgeSelection.alias?.value ?? 'node']
					: undefined;
				if (context.actual && (edgeNode === undefined || edgeNode === null)) continue;
				total +=
					1 +
					selectionCost(
						edgeSelection.selectionSet,
						getNamedType(nodeDefinition.type) as GraphQLCompositeType,
						context,
						edgeNode,
					);
			}
		}
	}
	return total;
}

function fieldCost(
	selection: FieldNode,
	parent: GraphQLCompositeType,
	context: CostContext,
	data: unknown,
): number {
	const name = selection.name.value;
	if (name.startsWith('__')) return 0;
	const definition = fieldDefinition(parent, name);
	if (!definition) return 0;
	const namedType = getNamedType(definition.type);
	if (isLeafType(namedType) || !selection.selectionSet || !isCompositeType(namedType)) return 0;
	if (parent === context.schema.getMutationType()) return MUTATION_FIELD_COST;

	const responseKey = selection.alias?.value ?? name;
	const value = context.actual
		? (data as Record<string, unknown> | null | undefined)?.[responseKey]
		: undefined;
	if (context.actual && (value === undefined || value === null)) return 0;

	let args: Record<string, unknown> = {};
	try {
		args = getArgumentValues(definition, selection, context.variables);
	} catch {
		// Invalid arguments fail in execution with a proper error; cost them as absent.
	}

	if (namedType.name.endsWith('Connection')) {
		if (!context.actual) {
			return (
				CONNECTION_BASE_COST +
				pageSize(args) *
					connectionItemCost(selection.selectionSet, namedType, context, undefined, undefined)
			);
		}
		const connection = value as Record<string, unknown>;
		let items = 0;
		let total = CONNECTION_BASE_COST;
		for (const sub of selection.selectionSet.selections) {
			if (sub.kind !== 'Field') continue;
			const list = connection[sub.alias?.value ?? sub.name.value];
			if (!Array.isArray(list)) continue;
			items = Math.max(items, list.length);
		}
		for (let index = 0; index < items; index++) {
			const edgesKey = selection.selectionSet.selections.find(
				(sub): sub is FieldNode => sub.kind === 'Field' && sub.name.value === 'edges',
			);
			const nodesKey = selection.selectionSet.selections.find(
				(sub): sub is FieldNode => sub.kind === 'Field' && sub.name.value === 'nodes',
			);
			const edge = edgesKey
				? (connection[edgesKey.alias?.value ?? 'edges'] as unknown[])?.[index]
				: undefined;
			const node = nodesKey
				? (connection[nodesKey.alias?.value ?? 'nodes'] as unknown[])?.[index]
				: undefined;
			total += connectionItemCost(selection.selectionSet, namedType, context, edge, node);
		}
		return total;
	}

	if (isListOutput(definition.type)) {
		if (!context.actual) {
			const size = Math.max(1, pageSize(args));
			return size * (1 + selectionCost(selection.selectionSet, namedType, context, undefined));
		}
		const list = Array.isArray(value) ? value : [];
		return list.reduce<number>(
			(sum, item) =>
				sum +
				(item === null ? 0 : 1 + selectionCost(selection.selectionSet!, namedType, context, item)),
			0,
		);
	}

	return 1 + selectionCost(selection.selectionSet, namedType, context, value);
}

function selectionCost(
	selectionSet: SelectionSetNode,
	parent: GraphQLCompositeType,
	context: CostContext,
	data: unknown,
): number {
	let direct = 0;
	// Fragments on other types of an interface or union: only one of them can apply to a given
	// object, so the requested cost takes the most expensive.
	const byType = new Map<string, number>();
	for (const selection of selectionSet.selections) {
		if (selection.kind === 'Field') {
			if (included(selection, context)) direct += fieldCost(selection, parent, context, data);
			continue;
		}
		if (!included(selection, context)) continue;
		const fragment =
			selection.kind === 'InlineFragment' ? selection : context.fragments[selection.name.value];
		if (!fragment) continue;
		const conditionName = fragment.typeCondition?.name.value;
		const conditionType = conditionName
			? (context.schema.getType(conditionName) as GraphQLCompositeType | undefined)
			: parent;
		if (!conditionType) continue;
		const cost = selectionCost(fragment.selectionSet, conditionType, context, data);
		if (!conditionName || conditionName === parent.name) direct += cost;
		else byType.set(conditionName, (byType.get(conditionName) ?? 0) + cost);
	}
	const fragmentCost = context.actual
		? [...byType.values()].reduce((sum, cost) => sum + cost, 0)
		: Math.max(0, ...byType.values());
	return direct + fragmentCost;
}

export interface CostInput {
	schema: GraphQLSchema;
	operation: OperationDefinitionNode;
	fragments: Record<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
}

export function requestedCost(input: CostInput): number {
	const root = rootType(input);
	if (!root) return 0;
	return selectionCost(input.operation.selectionSet, root, { ...input, actual: false }, undefined);
}

/** Actual cost over the response data; never more than the requested cost. */
export function actualCost(input: CostInput, data: unknown, requested: number): number {
	const root = rootType(input);
	if (!root || data === null || data === undefined) return 0;
	const cost = selectionCost(input.operation.selectionSet, root, { ...input, actual: true }, data);
	return Math.min(cost, requested);
}

function rootType(input: CostInput): GraphQLCompositeType | null | undefined {
	return input.operation.operation === 'mutation'
		? input.schema.getMutationType()
		: input.schema.getQueryType();
}
