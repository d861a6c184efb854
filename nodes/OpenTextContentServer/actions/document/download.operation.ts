import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { Readable } from 'stream';

import type { ContentServerContext } from '../../helpers/context';
import { forParameter } from '../../helpers/errors';
import { InputError } from '../../helpers/inputError';
import { resolveLocator } from '../../helpers/locators';
import { fullNode, getNode, simplifyNode, SUBTYPE } from '../../helpers/nodes';
import { documentLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	documentLocator({ description: 'Document to download' }),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Version number to download. 0 downloads the latest version.',
	},
	simplifyProperty,
];

const displayOptions = { show: { resource: ['document'], operation: ['download'] } };

export const description = updateDisplayOptions(displayOptions, properties);

function fileNameFromDisposition(header: unknown): string | undefined {
	let text = '';
	if (Array.isArray(header)) {
		text = String(header[0]);
	} else if (typeof header === 'string') {
		text = header;
	}
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(text);
	if (encoded) {
		try {
			return decodeURIComponent(encoded[1].trim());
		} catch {
			// A malformed encoded name falls back to the plain one.
		}
	}
	const plain = /filename="?([^";]+)"?/i.exec(text);
	return plain ? plain[1].trim() : undefined;
}

export async function execute(
	this: IExecuteFunctions,
	context: ContentServerContext,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const version = this.getNodeParameter('version', itemIndex, 0) as number;
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;

	const documentId = await resolveLocator(this, context, 'document', 'Document', itemIndex, 'item');
	const { properties: document } = await forParameter(
		'Document',
		async () => await getNode(context, documentId),
	);
	if (document.type !== SUBTYPE.document) {
		throw new InputError(
			`Node ${documentId} ("${document.name}") is a ${String(document.type_name ?? document.type)}, not a document`,
			'Pick a document.',
			'Document',
		);
	}
	if (!Number.isInteger(version) || version < 0) {
		throw new InputError(
			`Version ${version} is not a version number`,
			'Enter 0 for the latest version, or a version number from 1.',
			'Version',
		);
	}

	// The v1 content route is used because clients report problems downloading through v2.
	const path =
		version > 0
			? `/api/v1/nodes/${documentId}/versions/${version}/content`
			: `/api/v1/nodes/${documentId}/content`;
	const response = await forParameter(
		version > 0 ? 'Version' : 'Document',
		async () => await context.session.requestFull({ method: 'GET', path, stream: true }),
	);

	const headers = response.headers as Record<string, unknown>;
	const fileName = fileNameFromDisposition(headers['content-disposition']) ?? document.name;
	const contentType =
		typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined;
	const mimeType =
		(document.mime_type as string | undefined) || contentType?.split(';')[0] || undefined;
	const binary = await this.helpers.prepareBinaryData(
		response.body as Readable,
		fileName,
		mimeType,
	);

	const json = simplify ? simplifyNode(context, document) : fullNode(context, document);
	return [{ json, binary: { [binaryPropertyName]: binary } }];
}
