/**
 * Uploads a 300 MiB document to a simulator in its own process and reads that process's
 * peak resident memory (VmHWM) from /proc, to show that uploads are streamed to disk.
 */
import axios from 'axios';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import FormData from 'form-data';

const REPO = path.resolve(__dirname, '../../..');
const MIB = 1024 * 1024;
const FILE_SIZE = 300 * MIB;
const CHUNK = 256 * 1024;

/** Resident memory of a process in bytes: the current value and the peak since start. */
function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const read = (name: string) =>
		Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
	return { rss: read('VmRSS'), peak: read('VmHWM') };
}

/** Returns a stream of `size` bytes of varying content that never exists in memory as a whole. */
function generatedStream(size: number, hash: ReturnType<typeof createHash>): Readable {
	let sent = 0;
	let counter = 0;
	return new Readable({
		read() {
			if (sent >= size) {
				this.push(null);
				return;
			}
			const length = Math.min(CHUNK, size - sent);
			const chunk = Buffer.alloc(length, counter++ % 251);
			chunk.writeUInt32BE(counter, 0);
			hash.update(chunk);
			sent += length;
			this.push(chunk);
		},
	});
}

async function startCliSimulator(): Promise<{ child: ChildProcess; url: string }> {
	const child = spawn(
		process.execPath,
		['--import', 'tsx', 'simulators/content-server/cli.ts', '--port', '0'],
		{
			cwd: REPO,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const url = await new Promise<string>((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`Simulator did not start: ${output}`)), 60_000);
		child.stdout?.on('data', (data: Buffer) => {
			output += data.toString();
			const match = /ready at (\S+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		});
		child.stderr?.on('data', (data: Buffer) => {
			output += data.toString();
		});
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Simulator exited with code ${code}: ${output}`));
		});
	});
	return { child, url };
}

const describeOnLinux = existsSync('/proc/self/status') ? describe : describe.skip;

describeOnLinux('Content Server simulator: large uploads', () => {
	let child: ChildProcess;
	let url: string;

	beforeAll(async () => {
		({ child, url } = await startCliSimulator());
	}, 90_000);

	afterAll(async () => {
		if (child.exitCode === null) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	});

	it('streams a 300 MiB upload to disk with flat memory', async () => {
		const http = axios.create({
			baseURL: url,
			validateStatus: () => true,
			proxy: false,
			maxBodyLength: Infinity,
			maxContentLength: Infinity,
		});
		const login = await http.post(
			'/api/v1/auth',
			new URLSearchParams({ username: 'admin', password: 'Livelink1!' }),
		);
		const ticket = login.data.ticket as string;
		const pid = child.pid as number;
		// Let start-up allocations settle before the baseline is taken.
		await http.get('/api/v2/nodes/2000', { headers: { OTCSTicket: ticket } });
		const baseline = memoryOf(pid).rss;

		const sent = createHash('sha256');
		const form = new FormData();
		form.append('body', JSON.stringify({ type: 144, parent_id: 2000, name: 'large-export.bin' }));
		form.append('file', generatedStream(FILE_SIZE, sent), {
			filename: 'large-export.bin',
			contentType: 'application/octet-stream',
			knownLength: FILE_SIZE,
		});
		let maxRss = baseline;
		const sampler = setInterval(() => {
			maxRss = Math.max(maxRss, memoryOf(pid).rss);
		}, 50);
		const upload = await http.post('/api/v2/nodes', form, {
			headers: { ...form.getHeaders(), OTCSTicket: ticket },
		});
		clearInterval(sampler);
		const peak = Math.max(maxRss, memoryOf(pid).peak);

		expect(upload.status).toBe(200);
		expect(upload.data.results.data.properties.size).toBe(FILE_SIZE);

		const received = createHash('sha256');
		const download = await http.get(
			`/api/v1/nodes/${upload.data.results.data.properties.id}/content`,
			{
				headers: { OTCSTicket: ticket },
				responseType: 'stream',
			},
		);
		let downloaded = 0;
		for await (const chunk of download.data as Readable) {
			downloaded += (chunk as Buffer).length;
			received.update(chunk as Buffer);
		}

		expect(download.headers['content-length']).toBe(String(FILE_SIZE));
		expect(downloaded).toBe(FILE_SIZE);
		expect(received.digest('hex')).toBe(sent.digest('hex'));
		// Generous bound: buffering the file would add 300 MiB or more; streaming adds a few MiB.
		expect(peak - baseline).toBeLessThan(96 * MIB);
		expect(peak).toBeLessThan(FILE_SIZE * 0.75);
		process.stdout.write(
			`large upload: baseline RSS ${(baseline / MIB).toFixed(1)} MiB, peak ${(peak / MIB).toFixed(1)} MiB\n`,
		);
	}, 180_000);
});
