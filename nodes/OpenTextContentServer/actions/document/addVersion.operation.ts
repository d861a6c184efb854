import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, simplifyNode } from '../../helpers/nodes';
import { validateItemName } from '../../helpers/path';
import { addVersion, binarySource } from '../../helpers/upload';
import { documentLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	documentLocator({ description: 'Document to add the version to' }),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file of the new version',
	},
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
				description: 'Description of the new version',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description:
					'File name stored with the version. Leave empty to use the file name of the binary.',
			},
			{
				displayName: 'Major Version',
				name: 'major',
				type: 'boolean',
				default: false,
				description:
					'Whether to add a major version. Applies to documents created with advanced versioning.',
			},
		],
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['document'], operation: ['addVersion'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const documentId = await resolveLocator(this, context, 'document', 'Document', itemIndex, 'item');
	const source = await forParameter(
		'Input Binary Field',
		async () => await binarySource(this, itemIndex, binaryPropertyName),
	);
	const fileName = String(options.fileName ?? '').trim();
	if (fileName !== '') {
		source.fileName = await forParameter('File Name', async () => validateItemName(fileName));
	}

	const { properties: document, versionNumber } = await forParameter(
		'Document',
		async () =>
			await addVersion(context, source, {
				documentId,
				description: (options.description as string | undefined) || undefined,
				major: options.major === undefined ? undefined : (options.major as boolean),
			}),
	);

	const json = simplify ? simplifyNode(context, document) : fullNode(context, document);
	return [{ json: { ...json, version_number: versionNumber } }];
}
