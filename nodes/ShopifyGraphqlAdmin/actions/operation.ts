import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { ShopifyClient } from '../transport/client';

/** One operation: its parameters and the step that runs it for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		client: ShopifyClient,
		itemIndex: number,
	): Promise<INodeExecutionData[]>;
}
