import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { nestedRoleValues, readCategoryInput } from '../../helpers/categoryInput';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import type { NodeProperties } from '../../helpers/nodes';
import { validateItemName } from '../../helpers/path';
import type { BusinessObject, CreateWorkspaceFields } from '../../helpers/workspaces';
import { createWorkspace, findWorkspaceByBusinessObject } from '../../helpers/workspaces';
import {
	categoryLocator,
	categoryValueProperties,
	folderLocator,
	workspaceTypeLocator,
} from '../common.descriptions';

/** Returns the three parameters that identify a business object. */
export function businessObjectProperties(required: boolean): INodeProperties[] {
	return [
		{
			displayName: 'External System',
			name: 'externalSystem',
			type: 'string',
			default: '',
			required,
			placeholder: 'e.g. SHOPIFY',
			description: 'ID of the external system as configured in Content Server',
		},
		{
			displayName: 'Business Object Type',
			name: 'businessObjectType',
			type: 'string',
			default: '',
			required,
			placeholder: 'e.g. Order',
			description: 'Business object type within the external system',
		},
		{
			displayName: 'Business Object ID',
			name: 'businessObjectId',
			type: 'string',
			default: '',
			required,
			placeholder: 'e.g. 1001',
			description: 'Key of the business object, e.g. the Shopify order number',
		},
	];
}

/** Parameters for creating a workspace, shared by Create and Find or Create. */
export function createProperties(businessObjectRequired: boolean): INodeProperties[] {
	return [
		workspaceTypeLocator({ description: 'Business workspace type of the new workspace' }),
		{
			displayName: 'Template Name or ID',
			name: 'template',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getWorkspaceTemplates',
				loadOptionsDependsOn: ['workspaceType.value'],
			},
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Order #1001',
			description:
				'Name of the new workspace. Leave empty to let Content Server name it after the workspace type and business object. Names cannot contain ":".',
		},
		...businessObjectProperties(businessObjectRequired),
		{
			displayName: 'Use Default Location',
			name: 'useDefaultLocation',
			type: 'boolean',
			default: true,
			description: 'Whether to create the workspace where its workspace type places new workspaces',
		},
		folderLocator({
			displayName: 'Parent Folder',
			name: 'parentFolder',
			description: 'Folder to create the workspace in',
			displayOptions: { show: { useDefaultLocation: [false] } },
		}),
		{
			displayName: 'Set Category Values',
			name: 'setCategoryValues',
			type: 'boolean',
			default: false,
			description:
				'Whether to set attribute values of a category of the workspace when creating it',
		},
		categoryLocator({ displayOptions: { show: { setCategoryValues: [true] } } }),
		...categoryValueProperties({ setCategoryValues: [true] }),
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
					description: 'Description of the new workspace',
				},
			],
		},
	];
}

/** Reads the business object; returns undefined when all three fields are empty and none is required. */
export function readBusinessObject(
	functions: IExecuteFunctions,
	itemIndex: number,
	required: boolean,
): BusinessObject | undefined {
	const businessObject = {
		system: String(functions.getNodeParameter('externalSystem', itemIndex, '') ?? '').trim(),
		type: String(functions.getNodeParameter('businessObjectType', itemIndex, '') ?? '').trim(),
		id: String(functions.getNodeParameter('businessObjectId', itemIndex, '') ?? '').trim(),
	};
	const given = [businessObject.system, businessObject.type, businessObject.id].filter(
		(value) => value !== '',
	);
	if (given.length === 0 && !required) return undefined;
	const labels: Array<[string, string]> = [
		['External System', businessObject.system],
		['Business Object Type', businessObject.type],
		['Business Object ID', businessObject.id],
	];
	const missing = labels.find(([, value]) => value === '');
	if (missing) {
		throw new InputError(
			'The business object is incomplete',
			'Enter the External System, the Business Object Type and the Business Object ID.',
			missing[0],
		);
	}
	return businessObject;
}

/** Reads the create parameters of one item and creates the workspace. */
export async function createFromParameters(
	functions: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
	businessObject: BusinessObject | undefined,
): Promise<NodeProperties> {
	const options = functions.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const requestedName = String(functions.getNodeParameter('name', itemIndex, '') ?? '').trim();
	const name =
		requestedName === ''
			? undefined
			: await forParameter('Name', async () => validateItemName(requestedName));
	const typeId = await resolveLocator(
		functions,
		context,
		'workspaceType',
		'Workspace Type',
		itemIndex,
		'workspaceType',
	);
	const templateId = Number(functions.getNodeParameter('template', itemIndex, ''));
	if (!Number.isInteger(templateId) || templateId <= 0) {
		throw new InputError(
			'No template is selected',
			'Pick a template of the workspace type.',
			'Template Name or ID',
		);
	}

	const fields: CreateWorkspaceFields = {
		typeId,
		templateId,
		name,
		description: (options.description as string | undefined) || undefined,
		businessObject,
	};
	if (!(functions.getNodeParameter('useDefaultLocation', itemIndex, true) as boolean)) {
		fields.parentId = await resolveLocator(
			functions,
			context,
			'parentFolder',
			'Parent Folder',
			itemIndex,
			'container',
		);
	}
	if (functions.getNodeParameter('setCategoryValues', itemIndex, false) as boolean) {
		fields.categories = nestedRoleValues(await readCategoryInput(functions, context, itemIndex));
	}

	const findExisting = businessObject
		? async () => await findWorkspaceByBusinessObject(context, businessObject)
		: async () => undefined;
	return await forParameter(
		'Workspace Type',
		async () => await createWorkspace(context, fields, findExisting),
	);
}
