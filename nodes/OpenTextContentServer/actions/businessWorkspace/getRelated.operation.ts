import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, simplifyNode } from '../../helpers/nodes';
import { listRelatedWorkspaces } from '../../helpers/workspaces';
import { returnAllProperties, simplifyProperty, workspaceLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	workspaceLocator({ description: 'Workspace whose related workspaces to list' }),
	{
		displayName: 'Relation',
		name: 'relationType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'Children', value: 'child' },
			{ name: 'Parents', value: 'parent' },
		],
		default: 'all',
		description: 'Which related workspaces to return',
	},
	...returnAllProperties,
	simplifyProperty,
];

const displayOptions = { show: { resource: ['businessWorkspace'], operation: ['getRelated'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const relationType = this.getNodeParameter('relationType', itemIndex, 'all') as string;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const workspaceId = await resolveLocator(
		this,
		context,
		'workspace',
		'Workspace',
		itemIndex,
		'item',
	);
	const related = await forParameter(
		'Workspace',
		async () =>
			await listRelatedWorkspaces(
				context,
				workspaceId,
				relationType === 'all' ? undefined : relationType,
				limit,
			),
	);

	return related.map((workspace) => {
		const json = simplify ? simplifyNode(context, workspace) : fullNode(context, workspace);
		if (workspace.rel_type !== undefined) json.rel_type = workspace.rel_type;
		return { json };
	});
}
