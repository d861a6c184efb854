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
	let created = false;
	if (workspace === undefined) {
		let failure: unknown;
		try {
			workspace = await createFromParameters(this, context, itemIndex, businessObject);
			created = true;
		} catch (error) {
			failure = error;
		}
		if (workspace === undefined) {
			// Another execution may have created the workspace since the lookup, for example for a
			// webhook that Shopify delivered twice at once. Content Server then rejects the name or
			// the business object, and the workspace that won is the one to use.
			const winner = businessObject
				? await findWorkspaceByBusinessObject(context, businessObject)
				: undefined;
			if (winner === undefined) throw failure;
			workspace = winner;
		}
	}

	const json = simplify ? simplifyNode(context, workspace) : fullNode(context, workspace);
	return [{ json: { ...json, created } }];
}
