import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { InputError } from '../../helpers/inputError';
import { fullNode, simplifyNode } from '../../helpers/nodes';
import { findWorkspaceByBusinessObject } from '../../helpers/workspaces';
import { simplifyProperty } from '../common.descriptions';
import { businessObjectProperties, readBusinessObject } from './shared';

const properties: INodeProperties[] = [...businessObjectProperties(true), simplifyProperty];

const displayOptions = { show: { resource: ['businessWorkspace'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const businessObject = readBusinessObject(this, itemIndex, true);
	const workspace = businessObject
		? await findWorkspaceByBusinessObject(context, businessObject)
		: undefined;
	if (!workspace || !businessObject) {
		throw new InputError(
			`No business workspace belongs to ${businessObject?.type} ${businessObject?.id} of ${businessObject?.system}`,
			'Check the three business object fields, or use Find or Create to create the workspace when it is missing.',
			'Business Object ID',
		);
	}

	return [{ json: simplify ? simplifyNode(context, workspace) : fullNode(context, workspace) }];
}
