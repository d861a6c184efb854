import { createHash } from 'node:crypto';

import { createFolder, SEED_IDS, startSimulator, uploadDocument, type Simulator } from './helpers';

const ENTERPRISE = SEED_IDS.enterpriseWorkspace;
const MIB = 1024 * 1024;

function sha256(data: Buffer | string): string {
	return createHash('sha256').update(data).digest('hex');
}

describe('Content Server simulator: documents, versions and content', () => {
	let simulator: Simulator;
	let folder: number;

	beforeAll(async () => {
		simulator = await startSimulator();
	});

	afterAll(async () => {
		await simulator.close();
	});

	beforeEach(async () => {
		await simulator.control('POST', 'reset');
		await simulator.login();
		folder = await createFolder(simulator, ENTERPRISE, 'Documents');
	});

	it('uploads a document and downloads the same bytes with headers', async () => {
		const content = Buffer.from('Order 1001\nTotal: 120.00 EUR\n');
		const id = await uploadDocument(simulator, folder, 'order-1001.txt', content);

		const node = await simulator.get(`/api/v2/nodes/${id}`);
		const download = await simulator.get(`/api/v1/nodes/${id}/content`, {
			responseType: 'arraybuffer',
		});

		expect(node.data.results.data.properties).toMatchObject({
			type: 144,
			type_name: 'Document',
			mime_type: 'text/plain',
			size: content.length,
		});
		expect(download.status).toBe(200);
		expect(Buffer.from(download.data).equals(content)).toBe(true);
		expect(download.headers['content-type']).toBe('text/plain');
		expect(download.headers['content-length']).toBe(String(content.length));
		expect(download.headers['content-disposition']).toBe(
			`attachment; filename="order-1001.txt"; filename*=UTF-8''order-1001.txt`,
		);
	});

	it('keeps a non-ASCII name and sends it as RFC 5987 filename*', async () => {
		const name = 'Rückgabe – Größe 44 ✓.pdf';
		const id = await uploadDocument(simulator, folder, name, '%PDF-1.4 test', {
			contentType: 'application/pdf',
		});

		const node = await simulator.get(`/api/v2/nodes/${id}`);
		const download = await simulator.get(`/api/v2/nodes/${id}/content`);

		expect(node.data.results.data.properties.name).toBe(name);
		expect(download.headers['content-type']).toBe('application/pdf');
		const disposition = download.headers['content-disposition'] as string;
		expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
		expect(disposition).toContain('filename="R_ckgabe _ Gr__e 44 _.pdf"');
	});

	it('serves the content inline for action=open and under a file name path', async () => {
		const id = await uploadDocument(simulator, folder, 'note.txt', 'hello');

		const open = await simulator.get(`/api/v2/nodes/${id}/content?action=open`);
		const named = await simulator.get(`/api/v2/nodes/${id}/content/note.txt`);

		expect(open.headers['content-disposition']).toMatch(/^inline;/);
		expect(named.data).toBe('hello');
	});

	it('derives the MIME type from the file name extension', async () => {
		const id = await uploadDocument(simulator, folder, 'data.json', '{"a":1}', {
			contentType: 'application/octet-stream',
		});

		const node = await simulator.get(`/api/v2/nodes/${id}`);

		expect(node.data.results.data.properties.mime_type).toBe('application/json');
	});

	it('requires a file for a document', async () => {
		const response = await simulator.postBody('/api/v2/nodes', {
			type: 144,
			parent_id: folder,
			name: 'empty.txt',
		});

		expect(response.status).toBe(400);
		expect(response.data.error).toBe("Missing required parameter 'file'");
	});

	it('adds versions, lists them and downloads each one', async () => {
		const id = await uploadDocument(simulator, folder, 'policy.txt', 'version one');
		const added = await simulator.multipart('POST', `/api/v2/nodes/${id}/versions`, [
			{ name: 'description', value: 'Second draft' },
			{
				name: 'file',
				value: Buffer.from('version two'),
				fileName: 'policy-v2.txt',
				contentType: 'text/plain',
			},
		]);
		const addedV1 = await simulator.multipart('POST', `/api/v1/nodes/${id}/versions`, [
			{
				name: 'file',
				value: Buffer.from('version three'),
				fileName: 'policy.txt',
				contentType: 'text/plain',
			},
		]);

		const list = await simulator.get(`/api/v2/nodes/${id}/versions`);
		const latest = await simulator.get(`/api/v1/nodes/${id}/versions/latest`);
		const second = await simulator.get(`/api/v2/nodes/${id}/versions/2/content`);
		const current = await simulator.get(`/api/v1/nodes/${id}/content`);

		expect(added.status).toBe(200);
		expect(added.data.results.data.versions).toMatchObject({
			version_number: 2,
			file_name: 'policy-v2.txt',
			description: 'Second draft',
		});
		expect(addedV1.data).toEqual({ id, version_number: 3 });
		expect(list.data.results.map((result: any) => result.data.versions.version_number)).toEqual([
			1, 2, 3,
		]);
		expect(latest.data.data.version_number).toBe(3);
		expect(second.data).toBe('version two');
		expect(current.data).toBe('version three');
	});

	it('returns the current version first for versions.element(0)', async () => {
		const id = await uploadDocument(simulator, folder, 'x.txt', 'one');
		await simulator.multipart('POST', `/api/v2/nodes/${id}/versions`, [
			{ name: 'file', value: Buffer.from('two!'), fileName: 'x.txt', contentType: 'text/plain' },
		]);

		const response = await simulator.get(
			`/api/v2/nodes/${id}?fields=versions{version_number,file_size}.element(0)`,
		);

		expect(response.data.results.data.versions).toEqual({ version_number: 2, file_size: 4 });
	});

	it('reports a version without file and an invalid major flag', async () => {
		const id = await uploadDocument(simulator, folder, 'x.txt', 'one');

		const noFile = await simulator.post(`/api/v2/nodes/${id}/versions`, { description: 'nothing' });
		const badFlag = await simulator.multipart('POST', `/api/v2/nodes/${id}/versions`, [
			{ name: 'add_major_version', value: 'maybe' },
			{ name: 'file', value: Buffer.from('two'), fileName: 'x.txt' },
		]);
		const onFolder = await simulator.multipart('POST', `/api/v2/nodes/${folder}/versions`, [
			{ name: 'file', value: Buffer.from('two'), fileName: 'x.txt' },
		]);

		expect(noFile.status).toBe(400);
		expect(noFile.data.error).toBe("Missing required parameter 'File'");
		expect(badFlag.data.error).toBe('Could not set feature Versioning, value must be a Boolean');
		expect(onFolder.status).toBe(400);
		expect(onFolder.data.error).toMatch(/not a document/);
	});

	it('deletes a version but not the only one', async () => {
		const id = await uploadDocument(simulator, folder, 'x.txt', 'one');
		const only = await simulator.delete(`/api/v2/nodes/${id}/versions/1`);
		await simulator.multipart('POST', `/api/v2/nodes/${id}/versions`, [
			{ name: 'file', value: Buffer.from('two'), fileName: 'x.txt' },
		]);
		const first = await simulator.delete(`/api/v2/nodes/${id}/versions/1`);
		const list = await simulator.get(`/api/v2/nodes/${id}/versions`);

		expect(only.status).toBe(400);
		expect(first.status).toBe(200);
		expect(list.data.results.map((result: any) => result.data.versions.version_number)).toEqual([
			2,
		]);
	});

	it('answers content of an unknown node with 500', async () => {
		const response = await simulator.get('/api/v2/nodes/987654/content');

		expect(response.status).toBe(500);
		expect(response.data.error).toMatch(/could not be accessed/);
	});

	describe('Large File Upload', () => {
		it('reports the settings', async () => {
			const response = await simulator.get('/api/v2/multipart/settings');

			expect(response.data.results.data).toEqual({
				is_enabled: true,
				min_size: 10 * MIB,
				max_size: 10 * 1024 * MIB,
			});
		});

		it('rejects a file below the minimum size', async () => {
			const response = await simulator.post('/api/v2/multipart', {
				file_name: 'small.bin',
				file_size: 1000,
			});

			expect(response.status).toBe(500);
			expect(response.data.error).toBe(
				`Invalid block size: File size must be between ${10 * MIB} and ${10 * 1024 * MIB} bytes.`,
			);
		});

		it('uploads 12 MiB in parts', async () => {
			const file = Buffer.alloc(12 * MIB, 7);
			file.write('start of the large file');
			const start = await simulator.post('/api/v2/multipart', {
				file_name: 'large.bin',
				file_size: file.length,
				mime_type: 'application/octet-stream',
			});
			const { upload_key: key, num_parts: parts, part_size: partSize } = start.data.results;

			const outOfRange = await simulator.multipart('POST', `/api/v2/multipart/${key}/0`, [
				{ name: 'part_content', value: Buffer.alloc(1) },
			]);
			const wrongSize = await simulator.multipart('POST', `/api/v2/multipart/${key}/1`, [
				{ name: 'part_content', value: Buffer.alloc(10) },
			]);
			const early = await simulator.post(`/api/v2/multipart/${key}`);
			for (let part = 1; part <= parts; part++) {
				const chunk = file.subarray((part - 1) * partSize, part * partSize);
				const response = await simulator.multipart('POST', `/api/v2/multipart/${key}/${part}`, [
					{ name: 'part_content', value: chunk },
				]);
				expect(response.status).toBe(200);
			}
			const again = await simulator.multipart('POST', `/api/v2/multipart/${key}/1`, [
				{ name: 'part_content', value: file.subarray(0, partSize) },
			]);
			const complete = await simulator.post(`/api/v2/multipart/${key}`);
			const created = await simulator.postBody('/api/v2/nodes', {
				type: 144,
				parent_id: folder,
				name: 'large.bin',
				upload_key: key,
			});
			const reuse = await simulator.postBody('/api/v2/nodes', {
				type: 144,
				parent_id: folder,
				name: 'large-2.bin',
				upload_key: key,
			});
			const id = created.data.results.data.properties.id;
			const download = await simulator.get(`/api/v1/nodes/${id}/content`, {
				responseType: 'arraybuffer',
			});

			expect(start.status).toBe(200);
			expect(parts).toBe(3);
			expect(partSize).toBe(5 * MIB);
			expect(outOfRange.data.error).toBe('Invalid BlockID: Expected BlockID between 1 and 3.');
			expect(wrongSize.status).toBe(500);
			expect(early.data.error).toBe(
				'Invalid status. Cannot close an empty or already closed upload.',
			);
			expect(again.data.error).toBe('Invalid BlockID: BlockID 1 has already been uploaded.');
			expect(complete.status).toBe(200);
			expect(created.status).toBe(200);
			expect(reuse.data.error).toBe('Error: File could not be found within the upload directory.');
			expect(sha256(Buffer.from(download.data))).toBe(sha256(file));

			const second = await simulator.post('/api/v2/multipart', {
				file_name: 'large-v2.bin',
				file_size: file.length,
			});
			const secondKey = second.data.results.upload_key;
			for (let part = 1; part <= 3; part++) {
				await simulator.multipart('POST', `/api/v2/multipart/${secondKey}/${part}`, [
					{ name: 'part_content', value: file.subarray((part - 1) * partSize, part * partSize) },
				]);
			}
			await simulator.post(`/api/v2/multipart/${secondKey}`);
			const version = await simulator.post(`/api/v2/nodes/${id}/versions`, {
				upload_key: secondKey,
				description: 'via upload key',
			});

			expect(version.data.results.data.versions).toMatchObject({
				version_number: 2,
				file_name: 'large-v2.bin',
				file_size: file.length,
			});
		});

		it('reports missing parts, unknown keys and cancelled sessions', async () => {
			const start = await simulator.post('/api/v2/multipart', {
				file_name: 'x.bin',
				file_size: 11 * MIB,
			});
			const key = start.data.results.upload_key;
			await simulator.multipart('POST', `/api/v2/multipart/${key}/1`, [
				{ name: 'part_content', value: Buffer.alloc(5 * MIB) },
			]);

			const incomplete = await simulator.post(`/api/v2/multipart/${key}`);
			const cancel = await simulator.delete(`/api/v2/multipart/${key}`);
			const afterCancel = await simulator.multipart('POST', `/api/v2/multipart/${key}/2`, [
				{ name: 'part_content', value: Buffer.alloc(1) },
			]);

			expect(incomplete.status).toBe(500);
			expect(incomplete.data.error).toMatch(/BlockIDs 2, 3 have not been uploaded/);
			expect(cancel.status).toBe(200);
			expect(afterCancel.data.error).toBe(
				'Failed to complete request. Either the UploadKey is invalid, or you do not have permission to access this upload session.',
			);
		});

		it('expires sessions after the configured time', async () => {
			await simulator.control('PATCH', 'settings', { multipart: { sessionTtlSeconds: 1 } });
			const start = await simulator.post('/api/v2/multipart', {
				file_name: 'x.bin',
				file_size: 11 * MIB,
			});
			await new Promise((resolve) => setTimeout(resolve, 1100));

			const response = await simulator.multipart(
				'POST',
				`/api/v2/multipart/${start.data.results.upload_key}/1`,
				[{ name: 'part_content', value: Buffer.alloc(5 * MIB) }],
			);

			expect(response.status).toBe(500);
			expect(response.data.error).toBe('Multipart Upload session expired.');
		});

		it('reports Large File Upload as disabled when set so', async () => {
			await simulator.control('PATCH', 'settings', { multipart: { enabled: false } });

			const settings = await simulator.get('/api/v2/multipart/settings');
			const start = await simulator.post('/api/v2/multipart', {
				file_name: 'x.bin',
				file_size: 11 * MIB,
			});

			expect(settings.data.results.data.is_enabled).toBe(false);
			expect(start.status).toBe(500);
		});
	});
});
