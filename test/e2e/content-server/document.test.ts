import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

import {
	byId,
	byPath,
	createHarness,
	ENTERPRISE_ID,
	fromList,
	uniqueName,
	type Harness,
} from './harness';

let harness: Harness;

beforeAll(async () => {
	harness = await createHarness('document');
});

function upload(parameters: Record<string, unknown>) {
	return {
		resource: 'document',
		operation: 'upload',
		binaryPropertyName: 'data',
		...parameters,
	};
}

describe('Document → Upload', () => {
	it('uploads into a folder by ID', async () => {
		const file = harness.writeFile('invoice-1001.pdf', '%PDF-1.4 invoice 1001');

		const result = await harness.run(
			upload({ folder: byId(harness.folder.id) }),
			[{ filePath: file }],
			{
				binaryInput: true,
			},
		);

		expect(result.status).toBe(200);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			name: 'invoice-1001.pdf',
			parent_id: harness.folder.id,
			type: 144,
			outcome: 'created',
		});
		const stored = await harness.rest.child(harness.folder.id, 'invoice-1001.pdf');
		expect(stored?.id).toBe(result.items[0].json.id);
		expect((await harness.rest.content(stored!.id)).toString()).toBe('%PDF-1.4 invoice 1001');
	});

	it('creates missing folders of a path', async () => {
		const order = uniqueName('#1001');
		const file = harness.writeFile('order.pdf', 'order');
		const folderPath = `Enterprise:${harness.folder.name}/Orders/2026/${order}`;

		const result = await harness.run(
			upload({ folder: byPath(folderPath), fileName: 'order-1001.pdf' }),
			[{ filePath: file }],
			{
				binaryInput: true,
			},
		);

		expect(result.items[0].error).toBeUndefined();
		const target = await harness.rest.resolve(ENTERPRISE_ID, [
			harness.folder.name,
			'Orders',
			'2026',
			order,
		]);
		expect(target).toBeDefined();
		expect(result.items[0].json.parent_id).toBe(target?.id);
		expect((await harness.rest.child(target!.id, 'order-1001.pdf'))?.id).toBe(
			result.items[0].json.id,
		);
	});

	it('resolves a shared path once per batch', async () => {
		const folderPath = `Enterprise:${harness.folder.name}/Batch/${uniqueName('run')}`;
		const items = [1, 2, 3, 4].map((index) => ({
			filePath: harness.writeFile(`batch-${index}.txt`, `item ${index}`),
		}));
		await harness.simulator.clearRequests();

		const result = await harness.run(upload({ folder: byPath(folderPath) }), items, {
			binaryInput: true,
		});

		expect(result.items.map((item) => item.error)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		const parents = new Set(result.items.map((item) => item.json.parent_id));
		expect(parents.size).toBe(1);
		const folderCreates = (await harness.simulator.requests()).filter(
			(request) =>
				request.method === 'POST' && request.path.endsWith('/api/v2/nodes') && request.status < 300,
		);
		// Two folders (Batch and the run folder) plus four documents.
		expect(folderCreates).toHaveLength(6);
	});

	it('accepts a folder picked from the list', async () => {
		const file = harness.writeFile('picked.txt', 'picked');
		const result = await harness.run(
			upload({ folder: fromList(harness.folder.id, harness.folder.name) }),
			[{ filePath: file }],
			{
				binaryInput: true,
			},
		);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[0].json.parent_id).toBe(harness.folder.id);
	});

	it('keeps a non-ASCII file name', async () => {
		const file = harness.writeFile('Bestellübersicht – März.txt', 'ü');
		const result = await harness.run(
			upload({ folder: byId(harness.folder.id) }),
			[{ filePath: file }],
			{ binaryInput: true },
		);
		expect(result.items[0].error).toBeUndefined();
		expect((await harness.rest.child(harness.folder.id, 'Bestellübersicht – März.txt'))?.id).toBe(
			result.items[0].json.id,
		);
	});

	describe('name clash', () => {
		let folderId: number;
		const name = 'clash.txt';

		beforeAll(async () => {
			folderId = (await harness.rest.createFolder(harness.folder.id, uniqueName('clash'))).id;
			const file = harness.writeFile(name, 'first');
			const result = await harness.run(upload({ folder: byId(folderId) }), [{ filePath: file }], {
				binaryInput: true,
			});
			expect(result.items[0].error).toBeUndefined();
		});

		it('fails with policy Fail', async () => {
			const file = harness.writeFile(name, 'second');
			const result = await harness.run(
				upload({ folder: byId(folderId), onNameClash: 'fail' }),
				[{ filePath: file }],
				{
					binaryInput: true,
				},
			);
			expect(result.items[0].error).toMatch(
				/^File Name: The folder already contains an item named "clash\.txt" \(ID \d+\) \[item 0\]$/,
			);
			expect((await harness.rest.children(folderId)).map((child) => child.name)).toEqual([name]);
		});

		it('adds a version with policy Add Version', async () => {
			const existing = await harness.rest.child(folderId, name);
			const file = harness.writeFile(name, 'second version');
			const result = await harness.run(
				upload({ folder: byId(folderId), onNameClash: 'addVersion' }),
				[{ filePath: file }],
				{
					binaryInput: true,
				},
			);
			expect(result.items[0].error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ id: existing?.id, outcome: 'versionAdded' });
			expect(await harness.rest.versions(existing!.id)).toHaveLength(2);
			expect((await harness.rest.content(existing!.id)).toString()).toBe('second version');
		});

		it('numbers the name with policy Add With a Unique Name', async () => {
			const file = harness.writeFile(name, 'third');
			const result = await harness.run(
				upload({ folder: byId(folderId), onNameClash: 'uniqueName' }),
				[{ filePath: file }, { filePath: file }],
				{ binaryInput: true },
			);
			expect(result.items.map((item) => item.json.name)).toEqual([
				'clash (2).txt',
				'clash (3).txt',
			]);
			expect((await harness.rest.children(folderId)).map((child) => child.name).sort()).toEqual([
				'clash (2).txt',
				'clash (3).txt',
				'clash.txt',
			]);
		});

		it('returns the existing document with policy Skip', async () => {
			const existing = await harness.rest.child(folderId, name);
			const file = harness.writeFile(name, 'ignored');
			const result = await harness.run(
				upload({ folder: byId(folderId), onNameClash: 'skip' }),
				[{ filePath: file }],
				{
					binaryInput: true,
				},
			);
			expect(result.items[0].json).toMatchObject({ id: existing?.id, outcome: 'skipped' });
			expect(await harness.rest.versions(existing!.id)).toHaveLength(2);
		});
	});

	it('rejects a colon in the name before sending it', async () => {
		const file = harness.writeFile('colon.txt', 'x');
		await harness.simulator.clearRequests();

		const result = await harness.run(
			upload({ folder: byId(harness.folder.id), fileName: 'Order: 1001.pdf' }),
			[{ filePath: file }],
			{
				binaryInput: true,
			},
		);

		expect(result.items[0].error).toBe(
			'File Name: The name "Order: 1001.pdf" contains ":", which Content Server does not allow in names [item 0]',
		);
		expect(result.items[0].json.details).toBe('Replace the colon, e.g. with "-".');
		const creates = (await harness.simulator.requests()).filter(
			(request) => request.method === 'POST' && request.path.endsWith('/nodes'),
		);
		expect(creates).toEqual([]);
	});

	it('reports a missing folder with the path', async () => {
		const file = harness.writeFile('nowhere.txt', 'x');
		const result = await harness.run(
			upload({
				folder: byPath(`Enterprise:${harness.folder.name}/Missing/Deeper`),
				createMissingFolders: false,
			}),
			[{ filePath: file }],
			{ binaryInput: true },
		);
		expect(result.items[0].error).toBe(
			`Folder: "Missing" was not found in "Enterprise:${harness.folder.name}" (looking for Enterprise:${harness.folder.name}/Missing) [item 0]`,
		);
	});

	it('reports a folder ID that does not exist', async () => {
		const file = harness.writeFile('unknown-parent.txt', 'x');
		const result = await harness.run(upload({ folder: byId(99999999) }), [{ filePath: file }], {
			binaryInput: true,
		});
		expect(result.items[0].error).toMatch(/\[item 0\]$/);
		expect(String(result.items[0].json.details)).toMatch(
			/exists and that the user of the credential has permission/,
		);
	});
});

describe('Document → Add Version, Download, Get, Update, Delete', () => {
	let documentId: number;

	beforeAll(async () => {
		const file = harness.writeFile('lifecycle.txt', 'version one');
		const result = await harness.run(
			upload({ folder: byId(harness.folder.id) }),
			[{ filePath: file }],
			{ binaryInput: true },
		);
		documentId = Number(result.items[0].json.id);
	});

	it('adds a version with a description', async () => {
		const file = harness.writeFile('lifecycle-v2.txt', 'version two');
		const result = await harness.run(
			{
				resource: 'document',
				operation: 'addVersion',
				document: byId(documentId),
				binaryPropertyName: 'data',
				options: { description: 'Second draft' },
			},
			[{ filePath: file }],
			{ binaryInput: true },
		);
		expect(result.items[0].error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: documentId, version_number: 2 });
		const versions = await harness.rest.versions(documentId);
		expect(versions).toHaveLength(2);
		expect(versions[1].description).toBe('Second draft');
	});

	it('downloads the latest and an older version', async () => {
		const outputDir = path.join(harness.stack.filesDir, 'content-server', `download-${documentId}`);
		mkdirSync(outputDir, { recursive: true });
		const result = await harness.run(
			{
				resource: 'document',
				operation: 'download',
				document: byId(documentId),
				binaryPropertyName: 'data',
				version: '={{ $json.version }}',
			},
			[{ version: 0 }, { version: 1 }],
			{ binaryOutput: outputDir },
		);
		expect(result.items.map((item) => item.error)).toEqual([undefined, undefined]);
		// Each version keeps the file name it was uploaded with.
		expect(result.items[0].binary.data).toMatchObject({
			fileName: 'lifecycle-v2.txt',
			fileSize: 11,
		});
		expect(result.items[1].binary.data).toMatchObject({ fileName: 'lifecycle.txt', fileSize: 11 });
		const files = readdirSync(outputDir).sort();
		expect(files).toEqual(['0-lifecycle-v2.txt', '1-lifecycle.txt']);
		expect(readFileSync(path.join(outputDir, '0-lifecycle-v2.txt'), 'utf8')).toBe('version two');
		expect(readFileSync(path.join(outputDir, '1-lifecycle.txt'), 'utf8')).toBe('version one');
	});

	it('gets the document with and without Simplify', async () => {
		const result = await harness.run(
			{
				resource: 'document',
				operation: 'get',
				document: byId(documentId),
				simplify: '={{ $json.simplify }}',
			},
			[{ simplify: true }, { simplify: false }],
		);
		expect(Object.keys(result.items[0].json).length).toBeLessThanOrEqual(10);
		expect(result.items[0].json.smartViewUrl).toBe(
			`${harness.stack.contentServerUrl}/app/nodes/${documentId}`,
		);
		expect(Object.keys(result.items[1].json).length).toBeGreaterThan(10);
	});

	it('renames, describes and moves the document', async () => {
		const target = await harness.rest.createFolder(harness.folder.id, uniqueName('moved'));
		const result = await harness.run(
			{
				resource: 'document',
				operation: 'update',
				document: byId(documentId),
				updateFields: { name: 'renamed.txt', description: 'Filed by n8n' },
				move: true,
				destinationFolder: byId(target.id),
			},
			[{}],
		);
		expect(result.items[0].error).toBeUndefined();
		const stored = await harness.rest.getNode(documentId);
		expect(stored).toMatchObject({
			name: 'renamed.txt',
			description: 'Filed by n8n',
			parent_id: target.id,
		});
	});

	it('rejects an update without changes', async () => {
		const result = await harness.run(
			{ resource: 'document', operation: 'update', document: byId(documentId) },
			[{}],
		);
		expect(result.items[0].error).toBe('Update Fields: Nothing to update [item 0]');
	});

	it('deletes the document', async () => {
		const result = await harness.run(
			{ resource: 'document', operation: 'deleteDocument', document: byId(documentId) },
			[{}],
		);
		expect(result.items[0].json).toEqual({ deleted: true, id: documentId });
		expect(await harness.rest.getNode(documentId)).toBeUndefined();
	});

	it('reports a deleted document as not found', async () => {
		const result = await harness.run(
			{ resource: 'document', operation: 'get', document: byId(documentId) },
			[{}],
		);
		expect(result.items[0].error).toMatch(
			/^Document: Content Server rejected GET \/api\/v2\/nodes\/\d+ with HTTP \d+/,
		);
		expect(result.items[0].error).toMatch(/\[item 0\]$/);
	});
});
