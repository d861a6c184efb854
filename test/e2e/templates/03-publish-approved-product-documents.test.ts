import { SIMULATOR_ACCOUNTS } from '../../../scripts/lib/credentials';
import { getStack } from '../support';
import {
	adminGraphql,
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

const WEBHOOK = 'Publish on request';
/** Approval Status attribute of the simulator's Product Certificate category (2104). */
const APPROVAL_STATUS = '2104_5';
const NAMESPACE = 'governed_documents';
const KEY = 'links';
const DESCRIPTION_START = '<!-- n8n-document-links:start -->';

let template: DeployedTemplate;

/** Smart View address of a document, which the template publishes while no public base URL is set. */
function smartView(id: number): string {
	return `${stack.contentServerUrl.replace(/\/+$/, '')}/app/nodes/${id}`;
}

interface ProductLinks {
	links: string[] | null;
	type: string | null;
	description: string;
}

async function productLinks(productId: string): Promise<ProductLinks> {
	const data = await adminGraphql<{
		product: { descriptionHtml: string; metafield: { value: string; type: string } | null };
	}>(
		stack,
		'query ($id: ID!, $namespace: String!, $key: String!) { product(id: $id) { descriptionHtml metafield(namespace: $namespace, key: $key) { value type } } }',
		{ id: `gid://shopify/Product/${productId}`, namespace: NAMESPACE, key: KEY },
	);
	const metafield = data.product.metafield;
	return {
		links: metafield ? (JSON.parse(metafield.value) as string[]) : null,
		type: metafield?.type ?? null,
		description: data.product.descriptionHtml,
	};
}

/** Calls the template's webhook with the given key and waits for the execution it starts. */
async function publish(
	key: string = SIMULATOR_ACCOUNTS.contextApi.value,
): Promise<{ status: number; body: any }> {
	const response = await fetch(template.webhookUrl(WEBHOOK), {
		method: 'POST',
		headers: { [SIMULATOR_ACCOUNTS.contextApi.name]: key },
	});
	if (response.status !== 200) return { status: response.status, body: await response.text() };
	await template.expectMoreExecutions(1);
	return { status: response.status, body: await response.json() };
}

async function setApprovalStatus(documentId: number, status: string): Promise<void> {
	const result = await cs.call('PUT', `/api/v2/nodes/${documentId}/categories/2104`, {
		form: { [APPROVAL_STATUS]: status },
	});
	expect(result.status).toBe(200);
}

type TemplateNode = { name: string; disabled?: boolean; parameters: Record<string, any> };

function nodeNamed(workflow: { nodes: unknown[] }, name: string): TemplateNode {
	const node = (workflow.nodes as TemplateNode[]).find((candidate) => candidate.name === name);
	if (!node) throw new Error(`The template has no node named "${name}".`);
	return node;
}

/** Deploys the template with the hourly schedule off, so that only the test's calls start executions. */
async function deploy(publicLinkBaseUrl?: string): Promise<DeployedTemplate> {
	return await deployTemplate('03-publish-approved-product-documents.json', {
		edit: (workflow) => {
			nodeNamed(workflow, 'Every hour').disabled = true;
			if (publicLinkBaseUrl === undefined) return;
			const settings = nodeNamed(workflow, 'Link settings').parameters.assignments
				.assignments as Array<Record<string, unknown>>;
			const base = settings.find((assignment) => assignment.name === 'publicLinkBaseUrl');
			if (!base) throw new Error('Link settings has no publicLinkBaseUrl field.');
			base.value = publicLinkBaseUrl;
		},
	});
}

beforeAll(async () => {
	await resetSimulators();
	template = await deploy();
}, 180_000);

afterAll(async () => {
	await template?.remove();
});

describe('Publish approved product documents template', () => {
	it('publishes only approved, unexpired certificates', async () => {
		const { status, body } = await publish();
		expect(status).toBe(200);

		const shoe = await productLinks('7001');
		expect(shoe.links).toEqual([smartView(2211), smartView(2212)]);
		expect(shoe.type).toBe('list.url');
		expect(shoe.description).toContain(DESCRIPTION_START);
		expect(shoe.description).toContain('Trail Runner Shoe - Warranty');

		// 2213 is a draft, so the socks have no approved document.
		const socks = await productLinks('7002');
		expect(socks.links).toBeNull();
		expect(socks.description).not.toContain(DESCRIPTION_START);

		// 2214 expired in 2025 and 2215 is withdrawn, so only 2216 remains.
		const bottle = await productLinks('7003');
		expect(bottle.links).toEqual([smartView(2216)]);

		const byProduct = Object.fromEntries(
			(body.products as Array<Record<string, any>>).map((product) => [product.productId, product]),
		);
		expect(Object.keys(byProduct).sort()).toEqual(['7001', '7002', '7003']);
		expect(byProduct['7001'].status).toBe('published');
		expect(byProduct['7002'].status).toBe('withdrawn');
		expect(byProduct['7003'].status).toBe('published');
		expect(byProduct['7003'].published.map((link: any) => link.documentId)).toEqual([2216]);
		expect(
			byProduct['7003'].withheld.map((link: any) => [link.documentId, link.reason]).sort(),
		).toEqual([
			[2214, 'expired on 2025-02-28'],
			[2215, 'status Withdrawn'],
		]);
	});

	it('writes the same links when nothing changed', async () => {
		const before = await Promise.all(['7001', '7002', '7003'].map(productLinks));
		const { status } = await publish();
		expect(status).toBe(200);
		const after = await Promise.all(['7001', '7002', '7003'].map(productLinks));
		expect(after).toEqual(before);
	});

	it('adds a document once it is approved', async () => {
		await setApprovalStatus(2213, 'Approved');
		const { status } = await publish();
		expect(status).toBe(200);

		const socks = await productLinks('7002');
		expect(socks.links).toEqual([smartView(2213)]);
		expect(socks.description).toContain('Merino Wool Socks - Safety Data Sheet');
	});

	it('removes a document once it is withdrawn', async () => {
		await setApprovalStatus(2211, 'Withdrawn');
		await setApprovalStatus(2216, 'Withdrawn');
		const { status } = await publish();
		expect(status).toBe(200);

		const shoe = await productLinks('7001');
		expect(shoe.links).toEqual([smartView(2212)]);
		expect(shoe.description).not.toContain('Certificate of Conformity');

		const bottle = await productLinks('7003');
		expect(bottle.links).toBeNull();
		expect(bottle.description).not.toContain(DESCRIPTION_START);
	});

	it('leaves the custom.documents metafield alone', async () => {
		const data = await adminGraphql<{ product: { metafield: { type: string } | null } }>(
			stack,
			'{ product(id: "gid://shopify/Product/7001") { metafield(namespace: "custom", key: "documents") { type } } }',
		);
		expect(data.product.metafield?.type).toBe('json');
	});

	it('rejects a wrong or missing key with 403', async () => {
		expect((await publish('wrong-key')).status).toBe(403);
		const missing = await fetch(template.webhookUrl(WEBHOOK), { method: 'POST' });
		expect(missing.status).toBe(403);
		await template.expectMoreExecutions(0);
	});

	it('publishes links under the public base URL when one is set', async () => {
		await template.remove();
		template = await deploy('https://documents.example.com/product-documents/');
		const { status } = await publish();
		expect(status).toBe(200);

		// 2211 and 2216 were withdrawn above, while 2212 and 2213 are approved.
		expect((await productLinks('7001')).links).toEqual([
			'https://documents.example.com/product-documents/2212',
		]);
		expect((await productLinks('7002')).links).toEqual([
			'https://documents.example.com/product-documents/2213',
		]);
		expect((await productLinks('7003')).links).toBeNull();
	});
});
