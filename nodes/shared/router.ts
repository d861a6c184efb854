import type {
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
	NodeOperationError as NodeOperationErrorType,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** One operation: its parameters and the step that runs it for one input item. */
export interface Operation<Context> {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		context: Context,
		itemIndex: number,
	): Promise<INodeExecutionData[]>;
}

/** Resource modules by resource value; each exports its operations and its `description`. */
export type ResourceModules = Record<string, Record<string, unknown>>;

export interface RouterOptions<Context> {
	resources: ResourceModules;
	/** Builds what all items share (session, client, caches), once per execution. */
	createContext: (functions: IExecuteFunctions) => Promise<Context>;
	toNodeError: (
		node: INode,
		error: unknown,
		itemIndex: number,
	) => NodeApiError | NodeOperationErrorType;
}

function errorItem<Context>(
	functions: IExecuteFunctions,
	options: RouterOptions<Context>,
	error: unknown,
	itemIndex: number,
): INodeExecutionData[] {
	const nodeError = options.toNodeError(functions.getNode(), error, itemIndex);
	return functions.helpers.constructExecutionMetaData(
		// n8n sends an item to the error output of "Continue (using error output)" when its JSON has
		// only the keys error, message and details. Setting `item.error` would route it too, but n8n
		// then replaces the JSON with the message alone and the hint on what to do is lost.
		[{ json: { error: nodeError.message, details: nodeError.description ?? null } }],
		{ itemData: { item: itemIndex } },
	);
}

/**
 * Runs the selected operation once per input item with one context for the whole execution.
 * Output items and error items both carry `pairedItem`. A context that cannot be built fails
 * every item, so Continue On Fail still yields one error item per input item.
 */
export async function routeOperation<Context>(
	functions: IExecuteFunctions,
	options: RouterOptions<Context>,
): Promise<INodeExecutionData[][]> {
	const items = functions.getInputData();
	const resource = functions.getNodeParameter('resource', 0) as string;
	const operationName = functions.getNodeParameter('operation', 0) as string;

	const operation = options.resources[resource]?.[operationName] as Operation<Context> | undefined;
	if (operation === undefined || typeof operation.execute !== 'function') {
		throw new NodeOperationError(
			functions.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
			{ description: 'Pick a resource and an operation from the lists.' },
		);
	}

	let context: Context | undefined;
	let setupError: unknown;
	try {
		context = await options.createContext(functions);
	} catch (error) {
		setupError = error;
	}

	const returnData: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			if (context === undefined) throw setupError;
			const output = await operation.execute.call(functions, context, itemIndex);
			returnData.push(
				...functions.helpers.constructExecutionMetaData(output, { itemData: { item: itemIndex } }),
			);
		} catch (error) {
			if (!functions.continueOnFail()) {
				throw options.toNodeError(functions.getNode(), error, itemIndex);
			}
			returnData.push(...errorItem(functions, options, error, itemIndex));
		}
	}
	return [returnData];
}
