import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { createWithNamePolicy } from '../../helpers/createItem';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, getNode, simplifyNode, SUBTYPE } from '../../helpers/nodes';
import { validateItemName } from '../../helpers/path';
import {
	folderLocator,
	itemLocator,
	nameClashProperty,
	simplifyProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	itemLocator({
		displayName: 'Original Item',
		name: 'originalItem',
		description: 'Document, folder or workspace the shortcut points to',
	}),
	folderLocator({ description: 'Folder to create the shortcut in' }),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'e.g. Invoice 1001',
		description: 'Name of the shortcut. Leave empty to use the name of the original item.',
	},
	nameClashProperty(false),
	simplifyProperty,
];

const displayOptions = { show: { resource: ['link'], operation: ['createShortcut'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const policy = this.getNodeParameter('onNameClash', itemIndex, 'fail') as string;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const originalId = await resolveLocator(
		this,
		context,
		'originalItem',
		'Original Item',
		itemIndex,
		'item',
	);
	const parentId = await resolveLocator(this, context, 'folder', 'Folder', itemIndex, 'container');
	const { properties: original } = await forParameter(
		'Original Item',
		async () => await getNode(context, originalId),
	);
	const requested = (this.getNodeParameter('name', itemIndex, '') as string).trim();
	const name = await forParameter('Name', async () => validateItemName(requested || original.name));

	const { node, outcome } = await forParameter(
		'Name',
		async () =>
			await createWithNamePolicy(
				context,
				{ type: SUBTYPE.shortcut, parent_id: parentId, name, original_id: originalId },
				policy,
				'Name',
			),
	);

	const json = simplify ? simplifyNode(context, node) : fullNode(context, node);
	return [{ json: { ...json, original_id: originalId, outcome } }];
}
