import * as path from 'node:path';

import { runStory, type StoryResult } from '../../../scripts/lib/story';
import { loadTemplates } from '../../../scripts/lib/templates';
import { getStack } from '../support';
import { deployTemplate, resetSimulators, TEMPLATES_DIR, type DeployedTemplate } from './harness';

/**
 * Runs the story of `npm run demo` with all seven templates published, so the README's first
 * command is checked in CI as well. Every flow must run without a failed execution, and the
 * report must list what each flow filed.
 */

const stack = getStack();
const deployed: Array<{ template: DeployedTemplate; file: string }> = [];
let story: StoryResult;

function createdPaths(): string[] {
	return story.changes.created.map((item) => item.path);
}

beforeAll(async () => {
	await resetSimulators();
	for (const { file } of loadTemplates(TEMPLATES_DIR)) {
		const name = path.basename(file);
		deployed.push({ template: await deployTemplate(name), file: name });
	}
	story = await runStory(
		{
			n8nUrl: stack.n8nUrl,
			n8n: stack.n8n,
			contentServerUrl: stack.contentServerUrl,
			shopifyUrl: stack.shopifyUrl,
			workflows: deployed.map(({ template, file }) => ({
				id: template.id,
				name: template.workflow.name,
				file,
			})),
		},
		() => undefined,
	);
}, 600_000);

afterAll(async () => {
	for (const { template } of deployed) await template.remove();
	// The story turns on the Shopify simulator's autoEmit; a reset restores its settings.
	await resetSimulators();
});

describe('demo story', () => {
	it('runs every template without a failed execution', () => {
		expect(story.failures).toEqual([]);
		expect(story.failedExecutions).toBe(0);
		for (const number of ['01', '02', '03', '04', '05', '06', '07']) {
			expect(story.executionsByTemplate[number]).toBeGreaterThan(0);
		}
	});

	it('archives the documents of order #1001', () => {
		expect(createdPaths()).toEqual(
			expect.arrayContaining([
				'Enterprise:Shopify/Orders/2026/#1001/order-1001-invoice.pdf',
				'Enterprise:Shopify/Orders/2026/#1001/order-1001-order-confirmation.pdf',
				'Enterprise:Shopify/Orders/2026/#1001/order-1001-packing-slip.pdf',
				'Enterprise:Shopify/Orders/2026/#1001/order-1001-shipping-label.pdf',
			]),
		);
	});

	it('files each service, supplier, finance and return record', () => {
		expect(createdPaths()).toEqual(
			expect.arrayContaining([
				'Enterprise:Shopify/Service/Customer issue #1002/Complaints/complaint-dispute-9401.txt',
				'Enterprise:Shopify/Service/Customer issue #1007/Return Authorizations/return-authorization-1007-R3.txt',
				'Enterprise:Shopify/Suppliers/Demo Outdoor Co./Orders/order-1001.txt',
				'Enterprise:Shopify/Finance/2026-03/settlement-2026-03.csv',
				'Enterprise:Shopify/Returns/Return #1007-R3/Return Requests/rma-1007-R3.txt',
			]),
		);
	});

	it('keeps one order folder for the twice-delivered order #1006', () => {
		const folders = createdPaths().filter((item) => item.endsWith('/#1006'));
		expect(folders).toEqual(['Enterprise:Shopify/Orders/2026/#1006']);
		const documents = createdPaths().filter((item) => item.includes('/#1006/'));
		expect(documents).toHaveLength(3);
	});

	it('publishes the approved safety data sheet', () => {
		const socks = story.changes.metafields.find(
			(metafield) => metafield.name === 'merino-wool-socks governed_documents.links',
		);
		expect(socks?.after).toContain('/app/nodes/2213');
	});

	it('returns the governed documents of order #1001', () => {
		const context = story.context as { orderDocuments?: Array<{ title: string }> };
		expect(context.orderDocuments?.map((document) => document.title)).toEqual(
			expect.arrayContaining(['order-1001-invoice.pdf', 'order-1001-shipping-label.pdf']),
		);
	});

	it('reports each flow with its executions URL', () => {
		for (const { template } of deployed) {
			expect(story.report).toContain(`${stack.n8nUrl}/workflow/${template.id}/executions`);
		}
	});
});
