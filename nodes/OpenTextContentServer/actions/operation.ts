import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ContentServerContext } from '../helpers/context';

/** One operation: its parameters and the step that runs it for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		context: ContentServerContext,
		itemIndex: number,
	): Promise<INodeExecutionData[]>;
}
