import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createContext } from '../helpers/context';
import { toNodeError } from '../helpers/errors';
import { routeOperation } from '../../shared/router';
import * as businessWorkspace from './businessWorkspace/BusinessWorkspace.resource';
import * as category from './category/Category.resource';
import * as document from './document/Document.resource';
import * as folder from './folder/Folder.resource';
import * as link from './link/Link.resource';
import * as search from './search/Search.resource';

// Each resource module exports its operations and its `description`, which is skipped here.
const resources: Record<string, Record<string, unknown>> = {
	businessWorkspace: { ...businessWorkspace },
	category: { ...category },
	document: { ...document },
	folder: { ...folder },
	link: { ...link },
	search: { ...search },
};

/**
 * Runs the selected operation once per input item. The session (login, ticket) and the
 * caches are created once for the whole execution.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation(this, { resources, createContext, toNodeError });
}
