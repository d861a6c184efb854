import * as path from 'node:path';

import {
	NodeHelpers,
	type INode,
	type INodeParameters,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { loadTemplates } from '../../../scripts/lib/templates';
import { getStack } from '../support';
import { TEMPLATES_DIR } from './harness';

/**
 * Imports every template into the running n8n as shipped, placeholders and all, the way a user
 * pastes or imports one. Each node is then checked against the node types this n8n has loaded:
 * known type and version, and no parameter issue of the kind the editor marks in red.
 */

const stack = getStack();
const templates = loadTemplates(TEMPLATES_DIR);

describe('importing the templates into a clean n8n', () => {
	let nodeTypes: Map<string, INodeTypeDescription>;

	beforeAll(async () => {
		nodeTypes = new Map();
		for (const description of (await stack.n8n.getNodeTypes()) as unknown as INodeTypeDescription[]) {
			const versions = Array.isArray(description.version)
				? description.version
				: [description.version];
			for (const version of versions) nodeTypes.set(`${description.name}@${version}`, description);
		}
	});

	it('finds all seven templates', () => {
		expect(templates).toHaveLength(7);
	});

	it.each(templates.map((template) => [path.basename(template.file), template] as const))(
		'%s imports with known node types and no parameter issues',
		async (_file, template) => {
			const id = await stack.n8n.createWorkflow(template.workflow);
			try {
				const stored = await stack.n8n.getWorkflow(id);
				expect(stored.nodes).toHaveLength(template.workflow.nodes.length);

				const problems: string[] = [];
				for (const node of stored.nodes as INode[]) {
					const description = nodeTypes.get(`${node.type}@${node.typeVersion}`);
					if (!description) {
						problems.push(
							`"${node.name}": n8n has no node type ${node.type} version ${node.typeVersion}`,
						);
						continue;
					}
					const parameters = NodeHelpers.getNodeParameters(
						description.properties,
						node.parameters as INodeParameters,
						true,
						false,
						node,
						description,
					);
					const issues = NodeHelpers.getNodeParametersIssues(
						description.properties,
						{ ...node, parameters: parameters ?? {} },
						description,
					);
					for (const [parameter, messages] of Object.entries(issues?.parameters ?? {})) {
						problems.push(`"${node.name}" parameter ${parameter}: ${messages.join('; ')}`);
					}
					for (const credential of description.credentials ?? []) {
						if (
							credential.required &&
							!credential.displayOptions &&
							!node.credentials?.[credential.name]
						) {
							problems.push(`"${node.name}" needs a ${credential.name} credential reference`);
						}
					}
				}
				expect(problems).toEqual([]);
			} finally {
				await stack.n8n.deleteWorkflow(id);
			}
		},
	);
});
