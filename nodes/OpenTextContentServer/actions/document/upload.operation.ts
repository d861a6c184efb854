import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CategoryInput } from '../../helpers/categoryInput';
import { flatRoleValues, readCategoryInput } from '../../helpers/categoryInput';
import { upsertCategory } from '../../helpers/categoryRequests';
import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import type { NodeProperties } from '../../helpers/nodes';
import {
	childNamesContaining,
	findChildByName,
	fullNode,
	simplifyNode,
	SUBTYPE,
} from '../../helpers/nodes';
import { makeUniqueName, validateItemName } from '../../helpers/path';
import type { UploadSource } from '../../helpers/upload';
import { addVersion, binarySource, uploadDocument } from '../../helpers/upload';
import { ContentServerError } from '../../transport/errors';
import {
	categoryLocator,
	categoryValueProperties,
	folderLocator,
	nameClashProperty,
	simplifyProperty,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to be uploaded',
	},
	folderLocator({ description: 'Folder or business workspace to upload the document into' }),
	{
		displayName: 'Create Missing Folders',
		name: 'createMissingFolders',
		type: 'boolean',
		default: true,
		description:
			'Whether to create the folders of a path that do not exist yet. Applies when the folder is given by path.',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. invoice-1001.pdf',
		description: 'Name of the new document. Leave empty to use the file name of the binary.',
	},
	nameClashProperty(true),
	{
		displayName: 'Apply Category',
		name: 'applyCategory',
		type: 'boolean',
		default: false,
		description: 'Whether to apply a category with attribute values in the same call',
	},
	categoryLocator({ displayOptions: { show: { applyCategory: [true] } } }),
	...categoryValueProperties({ applyCategory: [true] }),
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
				description: 'Description of the new document',
			},
		],
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['document'], operation: ['upload'] } };

export const description = updateDisplayOptions(displayOptions, properties);

type Outcome = 'created' | 'versionAdded' | 'skipped';

interface UploadPlan {
	source: UploadSource;
	parentId: number;
	name: string;
	policy: string;
	description?: string;
	category?: CategoryInput;
}

async function handleExisting(
	context: ContentServerContext,
	plan: UploadPlan,
	existing: NodeProperties,
): Promise<{ document: NodeProperties; outcome: Outcome } | { name: string }> {
	switch (plan.policy) {
		case 'skip':
			return { document: existing, outcome: 'skipped' };
		case 'addVersion': {
			if (existing.type !== SUBTYPE.document) {
				throw new InputError(
					`The folder already contains a ${String(existing.type_name ?? existing.type)} named "${plan.name}" (ID ${existing.id}), which cannot take a version`,
					'Use another File Name, or set "If Name Exists" to Add With a Unique Name.',
					'File Name',
				);
			}
			const { properties } = await addVersion(context, plan.source, {
				documentId: existing.id,
				description: plan.description,
			});
			if (plan.category) await upsertCategory(context, existing.id, plan.category);
			return { document: properties, outcome: 'versionAdded' };
		}
		case 'uniqueName': {
			const dot = plan.name.lastIndexOf('.');
			const stem = dot > 0 ? plan.name.slice(0, dot) : plan.name;
			const taken = await childNamesContaining(context, plan.parentId, stem);
			taken.add(existing.name);
			return { name: makeUniqueName(plan.name, taken) };
		}
		default:
			throw new InputError(
				`The folder already contains an item named "${plan.name}" (ID ${existing.id})`,
				'Use another File Name, or change "If Name Exists" to add a version, add with a unique name or skip.',
				'File Name',
			);
	}
}

async function uploadWithPolicy(
	context: ContentServerContext,
	plan: UploadPlan,
	firstAttempt = true,
): Promise<{ document: NodeProperties; outcome: Outcome }> {
	let name = plan.name;
	const existing = await findChildByName(context, plan.parentId, name);
	if (existing) {
		const handled = await handleExisting(context, plan, existing);
		if ('document' in handled) return handled;
		name = handled.name;
	}

	let failure: unknown;
	try {
		const document = await uploadDocument(context, plan.source, {
			parentId: plan.parentId,
			name,
			description: plan.description,
			categories: plan.category ? flatRoleValues(plan.category) : undefined,
		});
		return { document, outcome: 'created' };
	} catch (error) {
		failure = error;
	}

	// Another execution can take the name between the check and the upload; the policy
	// then applies to that item, once.
	const clash = failure instanceof ContentServerError && failure.nameClash;
	if (clash && firstAttempt && plan.policy !== 'fail') {
		return await uploadWithPolicy(context, { ...plan, name }, false);
	}
	throw failure;
}

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const createMissing = this.getNodeParameter('createMissingFolders', itemIndex, true) as boolean;
	const fileName = (this.getNodeParameter('fileName', itemIndex, '') as string).trim();
	const policy = this.getNodeParameter('onNameClash', itemIndex, 'fail') as string;
	const applyCategory = this.getNodeParameter('applyCategory', itemIndex, false) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const source = await forParameter(
		'Input Binary Field',
		async () => await binarySource(this, itemIndex, binaryPropertyName),
	);
	const name = await forParameter('File Name', async () => {
		const chosen = fileName || source.fileName;
		if (chosen === '') {
			throw new InputError(
				`The binary field "${binaryPropertyName}" has no file name`,
				'Enter a File Name for the document.',
			);
		}
		return validateItemName(chosen);
	});
	source.fileName = name;
	const parentId = await resolveLocator(this, context, 'folder', 'Folder', itemIndex, 'container', {
		createMissing,
	});
	const category = applyCategory ? await readCategoryInput(this, context, itemIndex) : undefined;

	const { document, outcome } = await uploadWithPolicy(context, {
		source,
		parentId,
		name,
		policy,
		description: (options.description as string | undefined) || undefined,
		category,
	});

	const json = simplify ? simplifyNode(context, document) : fullNode(context, document);
	return [{ json: { ...json, outcome } }];
}
