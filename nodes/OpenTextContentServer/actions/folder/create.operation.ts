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
import {
	childNamesContaining,
	createNode,
	findChildByName,
	fullNode,
	simplifyNode,
	SUBTYPE,
} from '../../helpers/nodes';
import { makeUniqueName, validateItemName } from '../../helpers/path';
import { folderLocator, nameClashProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	folderLocator({
		displayName: 'Parent Folder',
		name: 'parentFolder',
		description: 'Folder or business workspace to create the folder in',
	}),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Orders 2026',
		description: 'Name of the new folder. Names cannot contain ":".',
	},
	nameClashProperty(false, {
		description: 'What to do when the parent folder already contains an item with this name',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Description of the new folder',
			},
		],
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['folder'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const policy = this.getNodeParameter('onNameClash', itemIndex, 'fail') as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const name = await forParameter('Name', async () =>
		validateItemName(this.getNodeParameter('name', itemIndex) as string),
	);
	const parentId = await resolveLocator(
		this,
		context,
		'parentFolder',
		'Parent Folder',
		itemIndex,
		'container',
	);

	let finalName = name;
	const existing = await findChildByName(context, parentId, name);
	if (existing) {
		if (policy === 'skip') {
			const json = simplify ? simplifyNode(context, existing) : fullNode(context, existing);
			return [{ json: { ...json, outcome: 'skipped' } }];
		}
		if (policy !== 'uniqueName') {
			throw new InputError(
				`The parent folder already contains an item named "${name}" (ID ${existing.id})`,
				'Use another Name, or change "If Name Exists" to skip or add with a unique name. Folder → Ensure Path also reuses existing folders.',
				'Name',
			);
		}
		finalName = makeUniqueName(name, await childNamesContaining(context, parentId, name));
	}

	const fields: IDataObject & { type: number; parent_id: number; name: string } = {
		type: SUBTYPE.folder,
		parent_id: parentId,
		name: finalName,
	};
	if (options.description) fields.description = options.description;
	const folder = await forParameter('Name', async () => await createNode(context, fields));

	const json = simplify ? simplifyNode(context, folder) : fullNode(context, folder);
	return [{ json: { ...json, outcome: 'created' } }];
}
