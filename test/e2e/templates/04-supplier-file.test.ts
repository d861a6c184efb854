import { getStack } from '../support';
import {
	adminGraphql,
	contentServer,
	type DeployedTemplate,
	deployTemplate,
	emitWebhook,
	resetSimulators,
} from './harness';

const stack = getStack();
const cs = contentServer();

/** Folders Shopify / Suppliers and Shopify / Product Documents of the Content Server simulator. */
const SUPPLIERS_FOLDER = 2203;
const PRODUCT_DOCUMENTS_FOLDER = 2204;
/** Node type of business workspaces. */
const WORKSPACE_TYPE = 848;

/** Products of the Shopify simulator: the shoe and the socks come from "Demo Outdoor Co.". */
const SHOE = { id: '7001', title: 'Trail Runner Shoe' };
const SOCKS = { id: '7002', title: 'Merino Wool Socks' };
const VENDOR = { key: 'demo-outdoor-co', name: 'Demo Outdoor Co.' };
/** Product of the vendor "Bergwerk Supplies", which order #1001 does not contain. */
const BOTTLE = { id: '7003', vendorKey: 'bergwerk-supplies', vendorName: 'Bergwerk Supplies' };
/** Carrier of fulfillment 8001 of order #1001 (5001), which ships one shoe and two pairs of socks. */
const CARRIER = { key: 'dhl-express', name: 'DHL Express' };
/** Location that fulfillment 8001 ships from. The test lists it as a partner location. */
const LOCATION = { key: 'warehouse-berlin', name: 'Warehouse Berlin' };

const SUPPLIER_FOLDERS = [
	'Contracts',
	'Insurance',
	'Onboarding',
	'Orders',
	'Product Data Sheets',
	'SLAs',
];

/** Attribute keys of the simulator's Supplier Document category (2105). */
const SUPPLIER_DOCUMENT = {
	supplierName: '2105_2',
	supplierId: '2105_3',
	documentType: '2105_4',
	products: '2105_7',
};

let template: DeployedTemplate;

async function requireWorkspace(type: string, id: string): Promise<number> {
	const workspaceId = await cs.businessWorkspaceId(type, id);
	if (workspaceId === undefined) throw new Error(`No workspace for ${type} ${id}.`);
	return workspaceId;
}

/** Returns the IDs of the workspaces related to a workspace as its children. */
async function childWorkspaces(workspaceId: number): Promise<number[]> {
	return (await cs.relatedWorkspaces(workspaceId, 'child')).map((workspace) => workspace.id);
}

async function workspaceNames(folderId: number): Promise<string[]> {
	return (await cs.children(folderId))
		.filter((child) => child.type === WORKSPACE_TYPE)
		.map((child) => child.name)
		.sort();
}

/** Returns the documents in a folder of a supplier workspace, by name. */
async function supplierDocuments(
	workspaceId: number,
	folder: string,
): Promise<Map<string, number>> {
	const container = await cs.child(workspaceId, folder);
	if (!container) throw new Error(`Workspace ${workspaceId} has no "${folder}" folder.`);
	const documents = await cs.children(container.id);
	return new Map(documents.map((document) => [document.name, document.id]));
}

async function description(nodeId: number): Promise<string> {
	const node = await cs.getNode(nodeId);
	return String(node?.description ?? '');
}

beforeAll(async () => {
	await resetSimulators();
	template = await deployTemplate('04-supplier-file.json', {
		edit: (workflow) => {
			const settings = (workflow.nodes as Array<{ name: string; parameters: any }>).find(
				(node) => node.name === 'Set partner locations',
			);
			settings!.parameters.assignments.assignments[0].value = LOCATION.name;
		},
	});
}, 180_000);

afterAll(async () => {
	await template?.remove();
});

describe('Supplier file template', () => {
	it('files supplier and product workspaces on products/update', async () => {
		const result = await template.emitAndWait(
			{ topic: 'products/update', id: SOCKS.id, mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

		const productId = await requireWorkspace('product', SOCKS.id);
		const product = await cs.getNode(productId);
		expect(product?.name).toBe(SOCKS.title);
		expect(product?.parent_id).toBe(PRODUCT_DOCUMENTS_FOLDER);
		expect(await description(productId)).toContain('status ACTIVE');

		const supplierId = await requireWorkspace('supplier', VENDOR.key);
		const supplier = await cs.getNode(supplierId);
		expect(supplier?.name).toBe(VENDOR.name);
		expect(supplier?.parent_id).toBe(SUPPLIERS_FOLDER);
		const supplierValues = await cs.categoryValues(supplierId);
		expect(supplierValues[SUPPLIER_DOCUMENT.supplierName]).toBe(VENDOR.name);
		expect(supplierValues[SUPPLIER_DOCUMENT.supplierId]).toBe(VENDOR.key);

		const folders = (await cs.children(supplierId)).map((child) => child.name).sort();
		expect(folders).toEqual(SUPPLIER_FOLDERS);
		expect(await childWorkspaces(supplierId)).toEqual([productId]);

		const sheets = await supplierDocuments(supplierId, 'Product Data Sheets');
		expect([...sheets.keys()]).toEqual(['merino-wool-socks-data-sheet.txt']);
		const sheetId = sheets.get('merino-wool-socks-data-sheet.txt')!;
		expect(await cs.versions(sheetId)).toHaveLength(1);
		const text = (await cs.content(sheetId)).toString('utf8');
		expect(text).toContain('PRODUCT DATA SHEET');
		expect(text).toMatch(/Status:\s+ACTIVE/);
		expect(text).toContain('MWS-M');
		const sheetValues = await cs.categoryValues(sheetId);
		expect(sheetValues[SUPPLIER_DOCUMENT.supplierName]).toBe(VENDOR.name);
		expect(sheetValues[SUPPLIER_DOCUMENT.supplierId]).toBe(VENDOR.key);
		expect(sheetValues[SUPPLIER_DOCUMENT.products]).toEqual([SOCKS.title]);
	});

	it('relates a second product to the same supplier', async () => {
		await template.emitAndWait({ topic: 'products/update', id: SHOE.id }, 1);

		expect(await workspaceNames(SUPPLIERS_FOLDER)).toEqual([VENDOR.name]);
		const supplierId = await requireWorkspace('supplier', VENDOR.key);
		const shoeId = await requireWorkspace('product', SHOE.id);
		const socksId = await requireWorkspace('product', SOCKS.id);
		expect((await childWorkspaces(supplierId)).sort()).toEqual([shoeId, socksId].sort());
		const sheets = await supplierDocuments(supplierId, 'Product Data Sheets');
		expect([...sheets.keys()].sort()).toEqual([
			'merino-wool-socks-data-sheet.txt',
			'trail-runner-shoe-data-sheet.txt',
		]);
	});

	it('adds only a version on a second update', async () => {
		const socksBefore = await requireWorkspace('product', SOCKS.id);
		await template.emitAndWait({ topic: 'products/update', id: SOCKS.id }, 1);

		expect(await workspaceNames(SUPPLIERS_FOLDER)).toEqual([VENDOR.name]);
		expect(await requireWorkspace('product', SOCKS.id)).toBe(socksBefore);
		const productWorkspaces = await workspaceNames(PRODUCT_DOCUMENTS_FOLDER);
		expect(productWorkspaces).toEqual([SOCKS.title, SHOE.title].sort());
		const supplierId = await requireWorkspace('supplier', VENDOR.key);
		expect(await childWorkspaces(supplierId)).toHaveLength(2);
		const sheets = await supplierDocuments(supplierId, 'Product Data Sheets');
		expect(sheets.size).toBe(2);
		expect(await cs.versions(sheets.get('merino-wool-socks-data-sheet.txt')!)).toHaveLength(2);
		expect(await cs.versions(sheets.get('trail-runner-shoe-data-sheet.txt')!)).toHaveLength(1);
	});

	it('files per-supplier order records on orders/fulfilled', async () => {
		const result = await template.emitAndWait(
			{ topic: 'orders/fulfilled', id: '5001', mode: 'duplicate' },
			1,
		);
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([200, 200]);

		expect(await workspaceNames(SUPPLIERS_FOLDER)).toEqual([
			CARRIER.name,
			VENDOR.name,
			LOCATION.name,
		]);
		const shoeId = await requireWorkspace('product', SHOE.id);
		const socksId = await requireWorkspace('product', SOCKS.id);

		const carrierId = await requireWorkspace('supplier', CARRIER.key);
		const carrierValues = await cs.categoryValues(carrierId);
		expect(carrierValues[SUPPLIER_DOCUMENT.supplierName]).toBe(CARRIER.name);
		expect(carrierValues[SUPPLIER_DOCUMENT.supplierId]).toBe(CARRIER.key);
		expect((await cs.children(carrierId)).map((child) => child.name).sort()).toEqual(
			SUPPLIER_FOLDERS,
		);
		expect((await childWorkspaces(carrierId)).sort()).toEqual([shoeId, socksId].sort());

		const carrierOrders = await supplierDocuments(carrierId, 'Orders');
		expect([...carrierOrders.keys()]).toEqual(['order-1001.txt']);
		const carrierRecord = carrierOrders.get('order-1001.txt')!;
		const carrierText = (await cs.content(carrierRecord)).toString('utf8');
		expect(carrierText).toContain('SUPPLIER ORDER RECORD');
		expect(carrierText).toMatch(/Role:\s+Carrier/);
		expect(carrierText).toContain('00340434161234567890');
		const carrierRecordValues = await cs.categoryValues(carrierRecord);
		expect(carrierRecordValues[SUPPLIER_DOCUMENT.supplierName]).toBe(CARRIER.name);
		expect(carrierRecordValues[SUPPLIER_DOCUMENT.products]).toEqual([SHOE.title, SOCKS.title]);

		const locationId = await requireWorkspace('supplier', LOCATION.key);
		expect((await cs.children(locationId)).map((child) => child.name).sort()).toEqual(
			SUPPLIER_FOLDERS,
		);
		expect((await childWorkspaces(locationId)).sort()).toEqual([shoeId, socksId].sort());
		const locationOrders = await supplierDocuments(locationId, 'Orders');
		expect([...locationOrders.keys()]).toEqual(['order-1001.txt']);
		const locationText = (await cs.content(locationOrders.get('order-1001.txt')!)).toString('utf8');
		expect(locationText).toMatch(/Role:\s+Fulfillment location/);
		expect(locationText).toContain('#1001.1');

		const vendorId = await requireWorkspace('supplier', VENDOR.key);
		expect(await childWorkspaces(vendorId)).toHaveLength(2);
		const vendorOrders = await supplierDocuments(vendorId, 'Orders');
		expect([...vendorOrders.keys()]).toEqual(['order-1001.txt']);
		const vendorRecord = vendorOrders.get('order-1001.txt')!;
		expect(await cs.versions(vendorRecord)).toHaveLength(1);
		const vendorText = (await cs.content(vendorRecord)).toString('utf8');
		expect(vendorText).toMatch(/Role:\s+Product vendor/);
		expect(vendorText).toContain('TRS-42');
		expect(vendorText).toContain('MWS-M');
		const vendorRecordValues = await cs.categoryValues(vendorRecord);
		expect(vendorRecordValues[SUPPLIER_DOCUMENT.supplierId]).toBe(VENDOR.key);
		expect(vendorRecordValues[SUPPLIER_DOCUMENT.products]).toEqual([SHOE.title, SOCKS.title]);
		expect(vendorRecordValues[SUPPLIER_DOCUMENT.documentType]).toBeFalsy();
	});

	it('keeps the workspace of a product that turns inactive', async () => {
		const update = await adminGraphql(
			stack,
			'mutation ($id: ID!) { productUpdate(product: { id: $id, status: DRAFT }) { userErrors { message } } }',
			{ id: `gid://shopify/Product/${SOCKS.id}` },
		);
		expect(JSON.stringify(update)).not.toContain('"message"');
		const socksId = await requireWorkspace('product', SOCKS.id);
		await template.emitAndWait({ topic: 'products/update', id: SOCKS.id }, 1);

		expect(await requireWorkspace('product', SOCKS.id)).toBe(socksId);
		expect(await description(socksId)).toContain('status DRAFT');
		const supplierId = await requireWorkspace('supplier', VENDOR.key);
		expect(await childWorkspaces(supplierId)).toContain(socksId);
		const sheets = await supplierDocuments(supplierId, 'Product Data Sheets');
		expect(await cs.versions(sheets.get('merino-wool-socks-data-sheet.txt')!)).toHaveLength(2);
	});

	it('files nothing for a product that was never active', async () => {
		const update = await adminGraphql(
			stack,
			'mutation ($id: ID!) { productUpdate(product: { id: $id, status: ARCHIVED }) { userErrors { message } } }',
			{ id: `gid://shopify/Product/${BOTTLE.id}` },
		);
		expect(JSON.stringify(update)).not.toContain('"message"');
		await template.emitAndWait({ topic: 'products/update', id: BOTTLE.id }, 1);

		expect(await cs.businessWorkspaceId('product', BOTTLE.id)).toBeUndefined();
		expect(await cs.businessWorkspaceId('supplier', BOTTLE.vendorKey)).toBeUndefined();
		expect(await workspaceNames(SUPPLIERS_FOLDER)).toEqual([
			CARRIER.name,
			VENDOR.name,
			LOCATION.name,
		]);
	});

	it('starts no execution for a forged delivery', async () => {
		const result = await emitWebhook(stack, {
			topic: 'products/update',
			id: SHOE.id,
			mode: 'forged',
		});
		expect(result.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		await template.expectMoreExecutions(0);
	});

	it('leaves out locations not listed as partners', async () => {
		await template.remove();
		template = await deployTemplate('04-supplier-file.json');

		// Order #1007 (5007) ships the shoe, socks and the bottle with "DHL" from "Warehouse Berlin".
		await template.emitAndWait({ topic: 'orders/fulfilled', id: '5007' }, 1);

		expect(await workspaceNames(SUPPLIERS_FOLDER)).toEqual(
			[BOTTLE.vendorName, 'DHL', CARRIER.name, VENDOR.name, LOCATION.name].sort(),
		);
		const locationId = await requireWorkspace('supplier', LOCATION.key);
		expect([...(await supplierDocuments(locationId, 'Orders')).keys()]).toEqual(['order-1001.txt']);
		const vendorOrders = await supplierDocuments(
			await requireWorkspace('supplier', VENDOR.key),
			'Orders',
		);
		expect([...vendorOrders.keys()].sort()).toEqual(['order-1001.txt', 'order-1007.txt']);

		// The bottle never had a workspace, so its supplier is filed without a relation.
		const bottleSupplierId = await requireWorkspace('supplier', BOTTLE.vendorKey);
		expect(await childWorkspaces(bottleSupplierId)).toEqual([]);
		const bottleOrders = await supplierDocuments(bottleSupplierId, 'Orders');
		const bottleRecord = bottleOrders.get('order-1007.txt')!;
		expect((await cs.categoryValues(bottleRecord))[SUPPLIER_DOCUMENT.products]).toEqual([
			'Alpine Thermos Bottle',
		]);
		const carrierId = await requireWorkspace('supplier', 'dhl');
		expect(await childWorkspaces(carrierId)).toHaveLength(2);
	});
});
