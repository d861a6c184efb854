import type { IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';

import type { ContentServerContext } from './context';
import { forParameter } from './errors';
import { resolvePath } from './folders';
import { InputError } from './inputError';
import { resolveWorkspaceTypeByName } from './workspaces';

/** What a resource locator points at; decides how a path or name is resolved. */
export type LocatorKind = 'container' | 'item' | 'category' | 'workspaceType';

export interface LocatorOptions {
	/** Whether missing folders of a path are created (containers only). */
	createMissing?: boolean;
}

/** Reads the mode and value of a resource locator parameter, accepting a bare ID too. */
export function readLocator(value: unknown): { mode: string; value: string } {
	if (typeof value === 'object' && value !== null && 'mode' in value) {
		const locator = value as INodeParameterResourceLocator;
		return { mode: String(locator.mode), value: String(locator.value ?? '').trim() };
	}
	return { mode: 'id', value: String(value ?? '').trim() };
}

function parseId(text: string): number {
	if (!/^\d+$/.test(text)) {
		throw new InputError(
			text === '' ? 'No item is selected' : `"${text}" is not a node ID`,
			'Pick an item from the list, enter a path, or enter a numeric ID.',
		);
	}
	return Number(text);
}

/** Resolves a locator's value to a node ID: IDs as they are, paths and names by lookup. */
export async function resolveLocatorValue(
	context: ContentServerContext,
	locator: { mode: string; value: string },
	kind: LocatorKind,
	options: LocatorOptions = {},
): Promise<number> {
	if (locator.mode === 'path') {
		if (locator.value === '') {
			throw new InputError('The path is empty', 'Enter a path such as Enterprise:Shopify/Orders.');
		}
		const resolved = await resolvePath(context, locator.value, {
			defaultVolume: kind === 'category' ? 'Categories' : 'Enterprise',
			create: kind === 'container' && options.createMissing === true,
			lastMayBeItem: kind !== 'container',
		});
		return resolved.id;
	}
	if (locator.mode === 'name' && kind === 'workspaceType') {
		return await resolveWorkspaceTypeByName(context, locator.value);
	}
	return parseId(locator.value);
}

/** Reads a resource locator parameter of one item and resolves it to a node ID. */
export async function resolveLocator(
	functions: IExecuteFunctions,
	context: ContentServerContext,
	parameterName: string,
	displayName: string,
	itemIndex: number,
	kind: LocatorKind,
	options: LocatorOptions = {},
): Promise<number> {
	return await forParameter(displayName, async () => {
		const locator = readLocator(functions.getNodeParameter(parameterName, itemIndex));
		return await resolveLocatorValue(context, locator, kind, options);
	});
}
