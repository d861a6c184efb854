import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, getNode, simplifyNode } from '../../helpers/nodes';
import { validateItemName } from '../../helpers/path';
import { documentLocator, folderLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	documentLocator({ description: 'Document to update' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'New description of the document',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice-1001.pdf',
				description: 'New name of the document (rename). Names cannot contain ":".',
			},
		],
	},
	{
		displayName: 'Move',
		name: 'move',
		type: 'boolean',
		default: false,
		description: 'Whether to move the document to another folder',
	},
	folderLocator({
		displayName: 'Destination Folder',
		name: 'destinationFolder',
		description: 'Folder to move the document into',
		displayOptions: { show: { move: [true] } },
	}),
	{
		displayName: 'Create Missing Folders',
		name: 'createMissingFolders',
		type: 'boolean',
		default: false,
		description:
			'Whether to create the folders of the destination path that do not exist yet. Applies when the folder is given by path.',
		displayOptions: { show: { move: [true] } },
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['document'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const move = this.getNodeParameter('move', itemIndex, false) as boolean;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const documentId = await resolveLocator(this, context, 'document', 'Document', itemIndex, 'item');

	const changes: IDataObject = {};
	if (updateFields.name !== undefined) {
		changes.name = await forParameter('Name', async () =>
			validateItemName(String(updateFields.name)),
		);
	}
	if (updateFields.description !== undefined)
		changes.description = String(updateFields.description);
	if (move) {
		const createMissing = this.getNodeParameter(
			'createMissingFolders',
			itemIndex,
			false,
		) as boolean;
		changes.parent_id = await resolveLocator(
			this,
			context,
			'destinationFolder',
			'Destination Folder',
			itemIndex,
			'container',
			{ createMissing },
		);
	}
	if (Object.keys(changes).length === 0) {
		throw new InputError(
			'Nothing to update',
			'Add a field under Update Fields, or turn on Move and pick a destination folder.',
			'Update Fields',
		);
	}

	await forParameter(
		'Document',
		async () =>
			await context.session.request({
				method: 'PUT',
				path: `/api/v2/nodes/${documentId}`,
				form: { body: JSON.stringify(changes) },
			}),
	);

	// The PUT response is empty according to the API reference, so the node is read again.
	const { properties: document } = await getNode(context, documentId);
	return [{ json: simplify ? simplifyNode(context, document) : fullNode(context, document) }];
}
