import * as path from 'node:path';

import { PACKAGE_NAME } from '../../scripts/lib/package';
import { REPO_DIR } from '../../scripts/lib/paths';
import { loadTemplates } from '../../scripts/lib/templates';

/**
 * Static checks of the shipped workflow templates: what a citizen integrator imports must carry
 * no secrets, ids of our machines or test data, and must explain itself in sticky notes.
 */

interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	webhookId?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

interface Connection {
	node: string;
	type: string;
	index: number;
}

const templates = loadTemplates(path.join(REPO_DIR, 'workflows')).map((template) => ({
	file: path.basename(template.file),
	workflow: template.workflow as unknown as {
		name: string;
		nodes: TemplateNode[];
		connections: Record<string, Record<string, Array<Connection[] | null>>>;
		settings?: Record<string, unknown>;
		[key: string]: unknown;
	},
}));

/** The placeholder each credential type must carry; tests and the demo swap them by type. */
const PLACEHOLDERS: Record<string, { id: string; name: string }> = {
	openTextContentServerApi: {
		id: 'opentext-content-server-credential',
		name: 'OpenText Content Server account',
	},
	shopifyAdminApi: { id: 'shopify-admin-api-credential', name: 'Shopify Admin API account' },
	httpHeaderAuth: { id: 'context-api-key-credential', name: 'Context API key' },
};

const STICKY_NOTE = 'n8n-nodes-base.stickyNote';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HTTP_ENTRY_TYPES = new Set([
	`${PACKAGE_NAME}.shopifyWebhookTrigger`,
	'n8n-nodes-base.webhook',
]);
const DEMO_SECRETS = [
	'Livelink1!',
	'shpat_',
	'demo-client-secret',
	'demo-otds',
	'demo-context-key',
	'Demo-Shopify-OTCS-2026',
];

/** Collects every resource-locator value in a node's parameters, wherever it is nested. */
function resourceLocators(value: unknown, found: Array<Record<string, unknown>> = []) {
	if (Array.isArray(value)) {
		for (const entry of value) resourceLocators(entry, found);
	} else if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (record.__rl === true) found.push(record);
		else for (const entry of Object.values(record)) resourceLocators(entry, found);
	}
	return found;
}

describe('workflow templates', () => {
	it('ships one template per data flow, numbered 01 to 07', () => {
		expect(templates.map((template) => template.file.slice(0, 3))).toEqual([
			'01-',
			'02-',
			'03-',
			'04-',
			'05-',
			'06-',
			'07-',
		]);
		for (const { file } of templates) expect(file).toMatch(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.json$/);
	});

	it('keeps node ids and webhook ids unique across all templates', () => {
		const nodeIds = templates.flatMap(({ workflow }) => workflow.nodes.map((node) => node.id));
		expect(new Set(nodeIds).size).toBe(nodeIds.length);
		const webhookIds = templates.flatMap(({ workflow }) =>
			workflow.nodes.filter((node) => node.webhookId).map((node) => node.webhookId),
		);
		expect(new Set(webhookIds).size).toBe(webhookIds.length);
		const names = templates.map(({ workflow }) => workflow.name);
		expect(new Set(names).size).toBe(names.length);
	});

	describe.each(templates)('$file', ({ file, workflow }) => {
		const nodesByName = new Map(workflow.nodes.map((node) => [node.name, node]));
		const workingNodes = workflow.nodes.filter((node) => node.type !== STICKY_NOTE);
		const notes = workflow.nodes.filter((node) => node.type === STICKY_NOTE);

		it('has only importable keys and no pinData', () => {
			expect(Object.keys(workflow).sort()).toEqual(['connections', 'name', 'nodes', 'settings']);
			expect(workflow.settings).toEqual(expect.objectContaining({ executionOrder: 'v1' }));
			expect(workflow.name.length).toBeGreaterThan(10);
		});

		it('names node types as the installed community package does', () => {
			for (const node of workflow.nodes) {
				expect(node.type).toMatch(new RegExp(`^(${PACKAGE_NAME}|n8n-nodes-base)\\.[a-zA-Z]+$`));
				expect(node.id).toMatch(UUID);
				expect(typeof node.typeVersion).toBe('number');
				expect(node.position).toHaveLength(2);
			}
			expect(nodesByName.size).toBe(workflow.nodes.length);
			expect(workingNodes.some((node) => node.type.startsWith(`${PACKAGE_NAME}.`))).toBe(true);
		});

		it('references credentials only through the documented placeholders', () => {
			for (const node of workingNodes) {
				for (const [type, reference] of Object.entries(node.credentials ?? {})) {
					expect({ node: node.name, type, reference }).toEqual({
						node: node.name,
						type,
						reference: PLACEHOLDERS[type],
					});
				}
			}
		});

		it('gives every HTTP entry point a fixed webhook id', () => {
			for (const node of workingNodes.filter((entry) => HTTP_ENTRY_TYPES.has(entry.type))) {
				expect({ node: node.name, webhookId: node.webhookId }).toEqual({
					node: node.name,
					webhookId: expect.stringMatching(UUID),
				});
			}
		});

		it('connects only nodes that exist, and leaves no working node unconnected', () => {
			const connected = new Set<string>();
			for (const [source, outputs] of Object.entries(workflow.connections)) {
				expect(nodesByName.has(source)).toBe(true);
				connected.add(source);
				for (const output of Object.values(outputs).flat()) {
					for (const target of output ?? []) {
						expect({ from: source, to: target.node, exists: nodesByName.has(target.node) }).toEqual(
							{ from: source, to: target.node, exists: true },
						);
						connected.add(target.node);
					}
				}
			}
			for (const node of workingNodes) {
				expect({ node: node.name, connected: connected.has(node.name) }).toEqual({
					node: node.name,
					connected: true,
				});
			}
		});

		it('asks for no raw Content Server ids', () => {
			for (const node of workingNodes) {
				for (const locator of resourceLocators(node.parameters)) {
					const value = String(locator.value ?? '');
					const isExpression = value.startsWith('=');
					expect({ node: node.name, mode: isExpression ? 'expression' : locator.mode }).not.toEqual(
						{
							node: node.name,
							mode: 'id',
						},
					);
				}
			}
		});

		it('explains itself in sticky notes', () => {
			const overview = notes.find((note) =>
				String(note.parameters.content).includes('### How it works'),
			);
			expect(overview).toBeDefined();
			const content = String(overview?.parameters.content);
			expect(content).toMatch(/^## \S/m);
			const steps =
				content
					.split('### How it works')[1]
					.split('###')[0]
					.match(/^\d+\. /gm) ?? [];
			expect(steps.length).toBeGreaterThanOrEqual(3);
			expect(steps.length).toBeLessThanOrEqual(6);
			const setup = content.split('### Setup')[1] ?? '';
			const checklist = setup.match(/^(- \[ \]|\d+\.|-) /gm) ?? [];
			expect(checklist.length).toBeGreaterThanOrEqual(3);
			expect(checklist.length).toBeLessThanOrEqual(8);
			expect(notes.length).toBeGreaterThanOrEqual(2);
		});

		it('contains no secret or demo password', () => {
			const text = JSON.stringify(workflow);
			for (const secret of DEMO_SECRETS) {
				expect({ file, contains: secret, found: text.includes(secret) }).toEqual({
					file,
					contains: secret,
					found: false,
				});
			}
		});
	});
});
