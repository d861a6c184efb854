import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { AttributeDefinition } from '../helpers/categoryDefinition';
import { getCategoryDefinition, setAttributeLabel } from '../helpers/categoryDefinition';
import { createContext } from '../helpers/context';
import { readLocator, resolveLocatorValue } from '../helpers/locators';
import { listWorkspaceTypes } from '../helpers/workspaces';

const TYPE_LABELS: Record<AttributeDefinition['type'], string> = {
	string: 'Text',
	integer: 'Integer',
	real: 'Number',
	date: 'Date',
	boolean: 'Boolean',
	user: 'User (login name or ID)',
	set: 'Set',
	other: 'Value',
};

function describeAttribute(attribute: AttributeDefinition): string {
	const parts = [TYPE_LABELS[attribute.type]];
	if (attribute.multiValue) parts.push('multiple values');
	if (attribute.required) parts.push('required');
	if (attribute.validValues) parts.push(`one of ${attribute.validValues.join(', ')}`);
	return parts.join(', ');
}

async function loadAttributes(
	functions: ILoadOptionsFunctions,
	inSet: boolean,
): Promise<INodePropertyOptions[]> {
	const locator = readLocator(functions.getCurrentNodeParameter('category'));
	if (locator.value === '') return [];

	try {
		const context = await createContext(functions);
		const categoryId = await resolveLocatorValue(context, locator, 'category');
		const definition = await getCategoryDefinition(context, categoryId);
		return definition.attributes
			.filter((attribute) =>
				inSet
					? attribute.set !== undefined
					: attribute.set === undefined && attribute.type !== 'set',
			)
			.map((attribute) => ({
				name: setAttributeLabel(attribute),
				value: setAttributeLabel(attribute),
				description: describeAttribute(attribute),
			}));
	} catch (error) {
		throw new NodeOperationError(
			functions.getNode(),
			`Loading the attributes failed: ${(error as Error).message}`,
			{
				description: 'Pick the category again, or check the credential.',
			},
		);
	}
}

/** Attributes of the selected category outside sets; the option value is the attribute name. */
export async function getCategoryAttributes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await loadAttributes(this, false);
}

/** Attributes inside the sets of the selected category, named "Set / Attribute". */
export async function getCategorySetAttributes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await loadAttributes(this, true);
}

/** Templates of the selected business workspace type. */
export async function getWorkspaceTemplates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const locator = readLocator(this.getCurrentNodeParameter('workspaceType'));
	if (locator.value === '') return [];

	try {
		const context = await createContext(this);
		const typeId = await resolveLocatorValue(context, locator, 'workspaceType');
		const type = (await listWorkspaceTypes(context)).find((candidate) => candidate.id === typeId);
		return (type?.templates ?? []).map((template) => ({
			name: template.name,
			value: template.id,
		}));
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`Loading the templates failed: ${(error as Error).message}`,
			{
				description: 'Pick the workspace type again, or check the credential.',
			},
		);
	}
}
