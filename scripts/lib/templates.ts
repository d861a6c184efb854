import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import type { CreatedCredential, N8nClient, WorkflowDefinition } from './n8n-client';

export interface WorkflowTemplate {
	file: string;
	workflow: WorkflowDefinition;
}

export interface ImportedTemplate {
	file: string;
	name: string;
	id: string;
	published: boolean;
}

interface TemplateNode {
	name: string;
	type: string;
	disabled?: boolean;
	credentials?: Record<string, { id?: string; name?: string }>;
}

/** Node types that start a workflow without anyone pressing a button, so templates with them get published. */
function isActivatingTrigger(type: string): boolean {
	if (type === 'n8n-nodes-base.manualTrigger' || type === 'n8n-nodes-base.executeWorkflowTrigger') {
		return false;
	}
	return type === 'n8n-nodes-base.webhook' || /trigger$/i.test(type);
}

/** Reads every `*.json` file in a folder as a workflow, sorted by file name. A missing folder gives none. */
export function loadTemplates(folder: string): WorkflowTemplate[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const fullPath = path.join(folder, file);
			let workflow: WorkflowDefinition;
			try {
				workflow = JSON.parse(readFileSync(fullPath, 'utf8')) as WorkflowDefinition;
			} catch (error) {
				throw new Error(`${fullPath} is not valid JSON: ${(error as Error).message}`);
			}
			if (!Array.isArray(workflow.nodes) || typeof workflow.connections !== 'object') {
				throw new Error(`${fullPath} is not an n8n workflow: "nodes" or "connections" is missing.`);
			}
			return { file: fullPath, workflow };
		});
}

/**
 * Returns a copy of the workflow whose credential references point at the given credentials,
 * by credential type; templates ship placeholder ids. Throws for a credential type that has no
 * replacement, naming the node.
 */
export function rewriteCredentials(
	template: WorkflowTemplate,
	credentialsByType: Record<string, CreatedCredential>,
): WorkflowDefinition {
	const nodes = (template.workflow.nodes as TemplateNode[]).map((node) => {
		if (!node.credentials) return node;
		const credentials: Record<string, CreatedCredential> = {};
		for (const type of Object.keys(node.credentials)) {
			const replacement = credentialsByType[type];
			if (!replacement) {
				throw new Error(
					`${template.file}: node "${node.name}" uses a ${type} credential, but only ${Object.keys(credentialsByType).join(' and ')} credentials are created for the demo.`,
				);
			}
			credentials[type] = { id: replacement.id, name: replacement.name };
		}
		return { ...node, credentials };
	});
	return { ...template.workflow, nodes };
}

/** Checks whether the workflow has an enabled trigger that runs on its own (webhook, schedule, app trigger). */
export function hasActivatingTrigger(workflow: WorkflowDefinition): boolean {
	return (workflow.nodes as TemplateNode[]).some(
		(node) => !node.disabled && isActivatingTrigger(node.type),
	);
}

/**
 * Creates each template in n8n with its credentials rewritten, and publishes those with a
 * trigger. Stops at the first template that fails, naming its file.
 */
export async function importTemplates(
	client: N8nClient,
	templates: WorkflowTemplate[],
	credentialsByType: Record<string, CreatedCredential>,
): Promise<ImportedTemplate[]> {
	const imported: ImportedTemplate[] = [];
	for (const template of templates) {
		const workflow = rewriteCredentials(template, credentialsByType);
		let id: string;
		try {
			id = await client.createWorkflow(workflow);
		} catch (error) {
			throw new Error(
				`Failed to create the workflow from ${template.file}: ${(error as Error).message}`,
			);
		}
		const published = hasActivatingTrigger(workflow);
		if (published) {
			try {
				await client.activateWorkflow(id);
			} catch (error) {
				throw new Error(
					`Failed to publish the workflow from ${template.file}: ${(error as Error).message}`,
				);
			}
		}
		imported.push({ file: template.file, name: workflow.name, id, published });
	}
	return imported;
}
