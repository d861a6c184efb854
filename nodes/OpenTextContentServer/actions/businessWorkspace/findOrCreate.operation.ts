import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { fullNode, simplifyNode } from '../../helpers/nodes';
import { findWorkspaceByBusinessObject } from '../../helpers/workspaces';
import { simplifyProperty } from '../common.descriptions';
import { createFromParameters, createProperties, readBusinessObject } from './shared';

const properties: INodeProperties[] = [...createProperties(true), simplifyProperty];

const displayOptions = { show: { resource: ['businessWorkspace'], operation: ['findOrCreate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const businessObject = readBusinessObject(this, itemIndex, true);
	let workspace = businessObject
		? await findWorkspaceByBusinessObject(context, businessObject)
		: undefined;
	const created = workspace === undefined;
	workspace ??= await createFromParameters(this, context, itemIndex, businessObject);

	const json = simplify ? simplifyNode(context, workspace) : fullNode(context, workspace);
	return [{ json: { ...json, created } }];
}
