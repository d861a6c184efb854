import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import { listRelatedWorkspaces } from '../../helpers/workspaces';
import { workspaceLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	workspaceLocator({ description: 'Workspace to add the relation to' }),
	workspaceLocator({
		displayName: 'Related Workspace',
		name: 'relatedWorkspace',
		description: 'Workspace to relate to the first one',
	}),
	{
		displayName: 'Relation',
		name: 'relationType',
		type: 'options',
		options: [
			{
				name: 'Related Workspace Is a Child',
				value: 'child',
				description: 'E.g. an order workspace below its customer workspace.',
			},
			{
				name: 'Related Workspace Is a Parent',
				value: 'parent',
				description: 'E.g. the customer workspace above an order workspace.',
			},
		],
		default: 'child',
		description: 'Direction of the relation; Content Server shows it from both sides',
	},
];

const displayOptions = { show: { resource: ['businessWorkspace'], operation: ['relate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const relationType = this.getNodeParameter('relationType', itemIndex, 'child') as string;

	const workspaceId = await resolveLocator(
		this,
		context,
		'workspace',
		'Workspace',
		itemIndex,
		'item',
	);
	const relatedId = await resolveLocator(
		this,
		context,
		'relatedWorkspace',
		'Related Workspace',
		itemIndex,
		'item',
	);
	if (workspaceId === relatedId) {
		throw new InputError(
			'A workspace cannot be related to itself',
			'Pick two different workspaces.',
			'Related Workspace',
		);
	}

	// Relating twice is rejected or duplicated by servers, so an existing relation is kept.
	const existing = await forParameter(
		'Workspace',
		async () => await listRelatedWorkspaces(context, workspaceId, relationType),
	);
	let alreadyRelated = existing.some((workspace) => workspace.id === relatedId);
	if (!alreadyRelated) {
		let failure: unknown;
		try {
			await forParameter(
				'Related Workspace',
				async () =>
					await context.session.request({
						method: 'POST',
						path: `/api/v2/businessworkspaces/${workspaceId}/relateditems`,
						form: { rel_bw_id: String(relatedId), rel_type: relationType },
						idempotent: false,
					}),
			);
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined) {
			// Another execution may have related the two since the lookup, so the relation is kept.
			const now = await listRelatedWorkspaces(context, workspaceId, relationType);
			if (!now.some((workspace) => workspace.id === relatedId)) throw failure;
			alreadyRelated = true;
		}
	}

	return [
		{
			json: {
				related: true,
				alreadyRelated,
				workspaceId,
				relatedWorkspaceId: relatedId,
				relationType,
			},
		},
	];
}
