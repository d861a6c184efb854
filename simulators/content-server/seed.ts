/**
 * The seed state: volumes, users, the seven categories of the data flows, the Shopify
 * folders, business workspace types with templates, and product certificates for the
 * Shopify simulator's products 7001 to 7003. The README lists all of it; IDs are fixed.
 */
import PDFDocument from 'pdfkit';
import { writeFile } from 'node:fs/promises';

import { defaultValues } from './categories';
import type {
	AttributeDefinition,
	AttributeKind,
	CategoryDefinition,
	CategoryValues,
	Scalar,
	SetDefinition,
} from './model';
import { SUBTYPE } from './model';
import { indexVersionText } from './searchIndex';
import { DEMO_ACCOUNTS } from './settings';
import type { Store } from './store';

export const SEED_IDS = {
	enterpriseWorkspace: 2000,
	personalWorkspace: 2004,
	categoriesVolume: 2006,
	templatesVolume: 2008,
	categoryFolder: 2100,
	categories: {
		shopifyOrder: 2101,
		shopifyInvoice: 2102,
		supportCase: 2103,
		productCertificate: 2104,
		supplierDocument: 2105,
		financeRecord: 2106,
		returnCase: 2107,
	},
	folders: {
		shopify: 2200,
		orders: 2201,
		finance: 2202,
		suppliers: 2203,
		productDocuments: 2204,
		service: 2205,
		returns: 2206,
	},
} as const;

const SEED_DATE = new Date('2026-01-05T08:00:00Z');

// Category definitions. Attribute IDs are given in order from 2, set members included,
// because `{cat}_1` stands for the category itself.

type AttributeSpec = Omit<AttributeDefinition, 'id' | 'required' | 'multiValue' | 'maxValues'> &
	Partial<Pick<AttributeDefinition, 'required' | 'multiValue' | 'maxValues'>>;
type SetSpec = { kind: 'set'; name: string; maxRows: number; attributes: AttributeSpec[] };

function attribute(
	name: string,
	kind: AttributeKind,
	options: Partial<AttributeSpec> = {},
): AttributeSpec {
	return { name, kind, ...options };
}

function defineCategory(
	id: number,
	name: string,
	specs: Array<AttributeSpec | SetSpec>,
): CategoryDefinition {
	let nextId = 2;
	const build = (spec: AttributeSpec): AttributeDefinition => ({
		...spec,
		id: nextId++,
		required: spec.required ?? false,
		multiValue: spec.multiValue ?? false,
		maxValues: spec.multiValue ? (spec.maxValues ?? 10) : 1,
	});
	const items = specs.map((spec): AttributeDefinition | SetDefinition => {
		if (spec.kind === 'set') {
			const set = spec as SetSpec;
			const setId = nextId++;
			return {
				id: setId,
				name: set.name,
				kind: 'set',
				maxRows: set.maxRows,
				attributes: set.attributes.map(build),
			};
		}
		return build(spec as AttributeSpec);
	});
	return { id, name, version: 1, items };
}

const CURRENCY = { maxLength: 3 };

export function seedCategories(): CategoryDefinition[] {
	const ids = SEED_IDS.categories;
	return [
		defineCategory(ids.shopifyOrder, 'Shopify Order', [
			attribute('Order Number', 'string', { required: true, maxLength: 32 }),
			attribute('Order ID', 'string', { maxLength: 64 }),
			attribute('Order Date', 'date'),
			attribute('Customer Name', 'string', { maxLength: 128 }),
			attribute('Customer Email', 'string', { maxLength: 254 }),
			attribute('Currency', 'string', CURRENCY),
			attribute('Total Amount', 'real'),
			attribute('Financial Status', 'string', { maxLength: 32 }),
			attribute('Fulfillment Status', 'string', { maxLength: 32 }),
			attribute('Document Type', 'string', {
				maxLength: 64,
				validValues: ['Order Confirmation', 'Packing Slip', 'Order Data', 'Correspondence'],
			}),
			attribute('Tags', 'string', { multiValue: true, maxValues: 20, maxLength: 64 }),
			{
				kind: 'set',
				name: 'Line Items',
				maxRows: 100,
				attributes: [
					attribute('SKU', 'string', { maxLength: 64 }),
					attribute('Title', 'string', { maxLength: 255 }),
					attribute('Quantity', 'integer'),
				],
			},
		]),
		defineCategory(ids.shopifyInvoice, 'Shopify Invoice', [
			attribute('Invoice Number', 'string', { required: true, maxLength: 32 }),
			attribute('Order Number', 'string', { maxLength: 32 }),
			attribute('Invoice Date', 'date'),
			attribute('Net Amount', 'real'),
			attribute('Tax Amount', 'real'),
			attribute('Gross Amount', 'real'),
			attribute('Currency', 'string', CURRENCY),
			attribute('Paid', 'boolean', { defaultValue: false }),
			attribute('Document Type', 'string', {
				maxLength: 64,
				validValues: ['Invoice', 'Credit Note'],
			}),
		]),
		defineCategory(ids.supportCase, 'Support Case', [
			attribute('Case Number', 'string', { required: true, maxLength: 32 }),
			attribute('Customer Email', 'string', { maxLength: 254 }),
			attribute('Order Number', 'string', { maxLength: 32 }),
			attribute('Issue Type', 'string', {
				maxLength: 64,
				validValues: ['Complaint', 'Return Authorization', 'Refund Approval', 'Correspondence'],
			}),
			attribute('Status', 'string', {
				maxLength: 32,
				validValues: ['Open', 'In Progress', 'Resolved', 'Closed'],
				defaultValue: 'Open',
			}),
			attribute('Opened Date', 'date'),
			attribute('Owner', 'user'),
		]),
		defineCategory(ids.productCertificate, 'Product Certificate', [
			// Shopify IDs exceed the 32-bit range of Content Server integer attributes, so they are text.
			attribute('Product ID', 'string', { required: true, maxLength: 64 }),
			attribute('Product Handle', 'string', { maxLength: 255 }),
			attribute('Certificate Type', 'string', {
				required: true,
				maxLength: 64,
				validValues: ['Certificate', 'Safety Data Sheet', 'Warranty', 'Regulatory Approval'],
			}),
			attribute('Approval Status', 'string', {
				maxLength: 32,
				validValues: ['Draft', 'Approved', 'Withdrawn'],
				defaultValue: 'Draft',
			}),
			attribute('Issued Date', 'date'),
			attribute('Expiry Date', 'date'),
			attribute('Issuer', 'string', { maxLength: 128 }),
			attribute('Markets', 'string', { multiValue: true, maxValues: 20, maxLength: 32 }),
		]),
		defineCategory(ids.supplierDocument, 'Supplier Document', [
			attribute('Supplier Name', 'string', { required: true, maxLength: 128 }),
			attribute('Supplier ID', 'string', { maxLength: 64 }),
			attribute('Document Type', 'string', {
				maxLength: 64,
				validValues: ['Contract', 'Onboarding Form', 'Insurance Certificate', 'SLA'],
			}),
			attribute('Valid From', 'date'),
			attribute('Valid To', 'date'),
			attribute('Products', 'string', { multiValue: true, maxValues: 50, maxLength: 255 }),
		]),
		defineCategory(ids.financeRecord, 'Finance Record', [
			attribute('Record Type', 'string', {
				required: true,
				maxLength: 64,
				validValues: ['Tax Invoice', 'Payment Confirmation', 'Refund Record', 'Settlement Report'],
			}),
			attribute('Period', 'string', { maxLength: 7 }),
			attribute('Order Number', 'string', { maxLength: 32 }),
			attribute('Transaction ID', 'string', { maxLength: 64 }),
			attribute('Amount', 'real'),
			attribute('Currency', 'string', CURRENCY),
			attribute('Posting Date', 'date'),
			attribute('Gateway', 'string', { maxLength: 64 }),
		]),
		defineCategory(ids.returnCase, 'Return Case', [
			attribute('Return ID', 'string', { required: true, maxLength: 64 }),
			attribute('RMA Number', 'string', { maxLength: 32 }),
			attribute('Order Number', 'string', { maxLength: 32 }),
			attribute('Status', 'string', {
				maxLength: 32,
				validValues: ['Requested', 'Approved', 'Closed', 'Declined'],
				defaultValue: 'Requested',
			}),
			attribute('Reason', 'text', { maxLength: 1000 }),
			attribute('Requested Date', 'date'),
			attribute('Closed Date', 'date'),
			{
				kind: 'set',
				name: 'Items',
				maxRows: 50,
				attributes: [
					attribute('SKU', 'string', { maxLength: 64 }),
					attribute('Quantity', 'integer'),
					attribute('Reason', 'string', { maxLength: 255 }),
				],
			},
			attribute('Document Type', 'string', {
				maxLength: 64,
				validValues: ['Return Request', 'Return Label', 'Refund Confirmation', 'Correspondence'],
			}),
		]),
	];
}

function seedUsers(store: Store): void {
	const users = [
		{
			id: DEMO_ACCOUNTS.userId,
			name: DEMO_ACCOUNTS.username,
			type: 0,
			firstName: 'Admin',
			lastName: '',
			email: 'admin@demo-shop.example.com',
			groupId: 1001,
			title: 'Administrator',
			password: DEMO_ACCOUNTS.password,
		},
		{
			id: 1001,
			name: 'DefaultGroup',
			type: 1,
			firstName: '',
			lastName: '',
			email: '',
			groupId: 0,
			title: '',
		},
		{
			id: 1002,
			name: 'kwalker',
			type: 0,
			firstName: 'Kim',
			lastName: 'Walker',
			email: 'kim.walker@demo-shop.example.com',
			groupId: 1006,
			title: 'Customer Service Lead',
		},
		{
			id: 1003,
			name: 'rpatel',
			type: 0,
			firstName: 'Ravi',
			lastName: 'Patel',
			email: 'ravi.patel@demo-shop.example.com',
			groupId: 1007,
			title: 'Finance Controller',
		},
		{
			id: 1004,
			name: 'lchen',
			type: 0,
			firstName: 'Lena',
			lastName: 'Chen',
			email: 'lena.chen@demo-shop.example.com',
			groupId: 1001,
			title: 'Quality Manager',
		},
		{
			id: 1005,
			name: 'svc_n8n',
			type: 17,
			firstName: 'n8n',
			lastName: 'Integration',
			email: 'n8n@demo-shop.example.com',
			groupId: 1001,
			title: 'Service account',
		},
		{
			id: 1006,
			name: 'Customer Service',
			type: 1,
			firstName: '',
			lastName: '',
			email: '',
			groupId: 0,
			title: '',
		},
		{
			id: 1007,
			name: 'Finance',
			type: 1,
			firstName: '',
			lastName: '',
			email: '',
			groupId: 0,
			title: '',
		},
	] as const;
	for (const user of users) store.users.set(user.id, { ...user });
}

function folder(
	store: Store,
	id: number,
	parentId: number,
	name: string,
	type: number = SUBTYPE.folder,
) {
	return store.insertNode(
		{ id, parentId, type, name, createDate: SEED_DATE },
		DEMO_ACCOUNTS.userId,
	);
}

interface TemplateSpec {
	typeId: number;
	typeName: string;
	boType: string;
	boTypeId: number;
	boTypeName: string;
	templateId: number;
	locationId: number;
	categoryId?: number;
	subFolders: string[];
}

const TEMPLATES: TemplateSpec[] = [
	{
		typeId: 11,
		typeName: 'Customer Issue',
		boType: 'customer_issue',
		boTypeId: 21,
		boTypeName: 'Customer Issue',
		templateId: 2301,
		locationId: SEED_IDS.folders.service,
		categoryId: SEED_IDS.categories.supportCase,
		subFolders: ['Correspondence', 'Return Authorizations', 'Refund Approvals', 'Complaints'],
	},
	{
		typeId: 12,
		typeName: 'Supplier',
		boType: 'supplier',
		boTypeId: 22,
		boTypeName: 'Supplier',
		templateId: 2311,
		locationId: SEED_IDS.folders.suppliers,
		categoryId: SEED_IDS.categories.supplierDocument,
		subFolders: ['Contracts', 'Onboarding', 'Insurance', 'SLAs'],
	},
	{
		typeId: 13,
		typeName: 'Product',
		boType: 'product',
		boTypeId: 23,
		boTypeName: 'Product',
		templateId: 2321,
		locationId: SEED_IDS.folders.productDocuments,
		subFolders: ['Certificates', 'Safety Data Sheets', 'Warranties', 'Regulatory Approvals'],
	},
	{
		typeId: 14,
		typeName: 'Return Case',
		boType: 'return',
		boTypeId: 24,
		boTypeName: 'Return',
		templateId: 2331,
		locationId: SEED_IDS.folders.returns,
		categoryId: SEED_IDS.categories.returnCase,
		subFolders: ['Return Requests', 'Shipping Labels', 'Refunds', 'Correspondence'],
	},
	{
		typeId: 15,
		typeName: 'Customer',
		boType: 'customer',
		boTypeId: 25,
		boTypeName: 'Customer',
		templateId: 2341,
		locationId: SEED_IDS.folders.service,
		subFolders: ['Orders', 'Invoices', 'Correspondence'],
	},
];

function seedWorkspaceTypes(store: Store): void {
	store.externalSystems.set('SHOPIFY', {
		id: 'SHOPIFY',
		name: 'Shopify',
		boTypes: TEMPLATES.map((spec) => ({
			id: spec.boTypeId,
			boType: spec.boType,
			name: spec.boTypeName,
		})),
	});
	for (const spec of TEMPLATES) {
		const template = store.insertNode(
			{
				id: spec.templateId,
				parentId: SEED_IDS.templatesVolume,
				type: SUBTYPE.businessWorkspace,
				name: `${spec.typeName} Template`,
				createDate: SEED_DATE,
			},
			DEMO_ACCOUNTS.userId,
		);
		template.workspace = { typeId: spec.typeId, templateId: spec.templateId, references: [] };
		spec.subFolders.forEach((name, index) =>
			folder(store, spec.templateId + 1 + index, spec.templateId, name),
		);
		store.workspaceTypes.set(spec.typeId, {
			id: spec.typeId,
			name: spec.typeName,
			extSystemId: 'SHOPIFY',
			boType: spec.boType,
			boTypeId: spec.boTypeId,
			boTypeName: spec.boTypeName,
			templateIds: [spec.templateId],
			locationId: spec.locationId,
			categoryId: spec.categoryId,
		});
	}
}

interface CertificateSpec {
	id: number;
	productId: string;
	handle: string;
	title: string;
	certificateType: string;
	status: string;
	issued: string;
	expiry: string;
	issuer: string;
	markets: string[];
}

const CERTIFICATES: CertificateSpec[] = [
	{
		id: 2211,
		productId: '7001',
		handle: 'trail-runner-shoe',
		title: 'Trail Runner Shoe',
		certificateType: 'Certificate',
		status: 'Approved',
		issued: '2026-01-15',
		expiry: '2028-01-14',
		issuer: 'Nordic Testing Institute',
		markets: ['US', 'CA', 'EU'],
	},
	{
		id: 2212,
		productId: '7001',
		handle: 'trail-runner-shoe',
		title: 'Trail Runner Shoe',
		certificateType: 'Warranty',
		status: 'Approved',
		issued: '2026-01-10',
		expiry: '2031-01-09',
		issuer: 'Demo Outdoor Co.',
		markets: ['US', 'EU'],
	},
	{
		id: 2213,
		productId: '7002',
		handle: 'merino-wool-socks',
		title: 'Merino Wool Socks',
		certificateType: 'Safety Data Sheet',
		status: 'Draft',
		issued: '2026-02-01',
		expiry: '2027-01-31',
		issuer: 'Demo Outdoor Co.',
		markets: ['EU'],
	},
	{
		id: 2214,
		productId: '7003',
		handle: 'alpine-thermos-bottle',
		title: 'Alpine Thermos Bottle',
		certificateType: 'Regulatory Approval',
		status: 'Approved',
		issued: '2024-03-01',
		expiry: '2025-02-28',
		issuer: 'TÜV Süd',
		markets: ['EU', 'UK'],
	},
	{
		id: 2215,
		productId: '7003',
		handle: 'alpine-thermos-bottle',
		title: 'Alpine Thermos Bottle',
		certificateType: 'Certificate',
		status: 'Withdrawn',
		issued: '2023-05-01',
		expiry: '2026-04-30',
		issuer: 'Bergwerk Supplies',
		markets: ['EU'],
	},
	{
		id: 2216,
		productId: '7003',
		handle: 'alpine-thermos-bottle',
		title: 'Alpine Thermos Bottle',
		certificateType: 'Safety Data Sheet',
		status: 'Approved',
		issued: '2026-01-20',
		expiry: '2029-01-19',
		issuer: 'Bergwerk Supplies',
		markets: ['EU', 'US', 'CA'],
	},
];

const CERTIFICATE_TITLES: Record<string, string> = {
	Certificate: 'Certificate of Conformity',
	'Safety Data Sheet': 'Safety Data Sheet',
	Warranty: 'Warranty',
	'Regulatory Approval': 'Regulatory Approval',
};

export function certificateName(spec: Pick<CertificateSpec, 'title' | 'certificateType'>): string {
	return `${spec.title} - ${CERTIFICATE_TITLES[spec.certificateType]}.pdf`;
}

async function renderPdf(lines: string[]): Promise<Buffer> {
	const document = new PDFDocument({
		size: 'A4',
		info: { Title: lines[0], Producer: 'Content Server simulator' },
	});
	const chunks: Buffer[] = [];
	document.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<Buffer>((resolve, reject) => {
		document.on('end', () => resolve(Buffer.concat(chunks)));
		document.on('error', reject);
	});
	document.fontSize(18).text(lines[0]);
	document.moveDown();
	document.fontSize(11);
	for (const line of lines.slice(1)) document.text(line);
	document.end();
	return await finished;
}

function renderCertificate(spec: CertificateSpec): Promise<Buffer> {
	return renderPdf([
		`${CERTIFICATE_TITLES[spec.certificateType]}: ${spec.title}`,
		`Product ID: ${spec.productId}`,
		`Product handle: ${spec.handle}`,
		`Issued by ${spec.issuer} on ${spec.issued}; valid until ${spec.expiry}.`,
		`Markets: ${spec.markets.join(', ')}.`,
		`Approval status: ${spec.status}.`,
	]);
}

/** Rendered certificates, kept per process so that a reset does not render them again. */
const renderedCertificates = new Map<number, Promise<Buffer>>();

async function seedCertificates(store: Store): Promise<void> {
	const category = store.categories.get(
		SEED_IDS.categories.productCertificate,
	) as CategoryDefinition;
	for (const spec of CERTIFICATES) {
		const name = certificateName(spec);
		const issued = new Date(`${spec.issued}T09:00:00Z`);
		let rendered = renderedCertificates.get(spec.id);
		if (!rendered) {
			rendered = renderCertificate(spec);
			renderedCertificates.set(spec.id, rendered);
			// A failed rendering is not kept, so the next reset tries again.
			rendered.catch(() => renderedCertificates.delete(spec.id));
		}
		const pdf = await rendered;
		const filePath = store.newContentPath();
		await writeFile(filePath, pdf);
		const version = {
			versionId: store.allocateVersionId(),
			number: 1,
			fileName: name,
			mimeType: 'application/pdf',
			size: pdf.length,
			path: filePath,
			description: 'Initial version',
			createDate: issued,
			ownerId: 1004,
		};
		await indexVersionText(store, version);

		const values: CategoryValues = defaultValues(category);
		const set = (attributeName: string, list: Scalar[]) => {
			const definition = category.items.find(
				(item) => item.name === attributeName,
			) as AttributeDefinition;
			values.attributes.set(definition.id, list);
		};
		set('Product ID', [spec.productId]);
		set('Product Handle', [spec.handle]);
		set('Certificate Type', [spec.certificateType]);
		set('Approval Status', [spec.status]);
		set('Issued Date', [spec.issued]);
		set('Expiry Date', [spec.expiry]);
		set('Issuer', [spec.issuer]);
		set('Markets', spec.markets);

		store.insertNode(
			{
				id: spec.id,
				parentId: SEED_IDS.folders.productDocuments,
				type: SUBTYPE.document,
				name,
				createDate: issued,
				versions: [version],
				categories: new Map([[category.id, values]]),
			},
			1004,
		);
	}
}

/** Fills an empty store with the seed state. */
export async function seed(store: Store): Promise<void> {
	seedUsers(store);
	const admin = DEMO_ACCOUNTS.userId;
	const volume = (id: number, type: number, name: string) =>
		store.insertNode(
			{ id, parentId: -1, volumeId: id, type, name, createDate: new Date('2025-12-01T08:00:00Z') },
			admin,
		);
	volume(SEED_IDS.enterpriseWorkspace, SUBTYPE.enterpriseWorkspace, 'Enterprise Workspace');
	volume(SEED_IDS.personalWorkspace, SUBTYPE.personalWorkspace, 'Personal Workspace');
	volume(SEED_IDS.categoriesVolume, SUBTYPE.categoriesVolume, 'Content Server Categories');
	volume(SEED_IDS.templatesVolume, SUBTYPE.templatesVolume, 'Content Server Templates');

	folder(
		store,
		SEED_IDS.categoryFolder,
		SEED_IDS.categoriesVolume,
		'Shopify',
		SUBTYPE.categoryFolder,
	);
	for (const definition of seedCategories()) {
		store.categories.set(definition.id, definition);
		folder(store, definition.id, SEED_IDS.categoryFolder, definition.name, SUBTYPE.category);
	}

	const folders = SEED_IDS.folders;
	folder(store, folders.shopify, SEED_IDS.enterpriseWorkspace, 'Shopify');
	folder(store, folders.orders, folders.shopify, 'Orders');
	folder(store, folders.finance, folders.shopify, 'Finance');
	folder(store, folders.suppliers, folders.shopify, 'Suppliers');
	folder(store, folders.productDocuments, folders.shopify, 'Product Documents');
	folder(store, folders.service, folders.shopify, 'Service');
	folder(store, folders.returns, folders.shopify, 'Returns');

	seedWorkspaceTypes(store);
	await seedCertificates(store);

	// Seed items are searchable at once, regardless of the index delay setting.
	for (const node of store.nodes.values()) {
		node.indexedAt = 0;
		node.modifyDate = node.createDate;
	}
}
