/**
 * Shared helpers for the Content Server simulator tests: start a simulator on an ephemeral
 * port, log in, and send form-encoded or multipart requests with axios as a real client does.
 */
import axios, { type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import FormData from 'form-data';

import {
	DEMO_ACCOUNTS,
	SEED_IDS,
	startContentServerSimulator,
	type RunningContentServerSimulator,
	type SettingsPatch,
} from '../../../simulators/content-server';

export { DEMO_ACCOUNTS, SEED_IDS };

// Response bodies are checked field by field in the tests, so they stay untyped.
type Response<T = any> = AxiosResponse<T>;

export interface Simulator {
	sim: RunningContentServerSimulator;
	/** Client for the REST base URL. The helpers add the current ticket; bare calls send none. */
	http: AxiosInstance;
	/** Client for the server's origin, for `/_simulator/` and `/otdsws/`. */
	root: AxiosInstance;
	logs: string[];
	ticket: string;
	login(): Promise<string>;
	/** Sends form fields as application/x-www-form-urlencoded; arrays repeat the key. */
	post(
		path: string,
		fields?: Record<string, unknown>,
		config?: AxiosRequestConfig,
	): Promise<Response>;
	put(
		path: string,
		fields?: Record<string, unknown>,
		config?: AxiosRequestConfig,
	): Promise<Response>;
	get(path: string, config?: AxiosRequestConfig): Promise<Response>;
	delete(path: string, config?: AxiosRequestConfig): Promise<Response>;
	/** Sends a multipart form; Buffer values become file parts named after the key. */
	multipart(
		method: 'POST' | 'PUT',
		path: string,
		parts: Array<{ name: string; value: string | Buffer; fileName?: string; contentType?: string }>,
	): Promise<Response>;
	/** Sends `body=<JSON>` as the only form field, as v2 create and update calls do. */
	postBody(path: string, body: unknown, method?: 'POST' | 'PUT'): Promise<Response>;
	control(method: string, route: string, body?: unknown): Promise<Response>;
	close(): Promise<void>;
}

export function formOf(fields: Record<string, unknown>): URLSearchParams {
	const form = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		for (const item of Array.isArray(value) ? value : [value]) {
			form.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
		}
	}
	return form;
}

export async function startSimulator(settings: SettingsPatch = {}): Promise<Simulator> {
	const logs: string[] = [];
	const sim = await startContentServerSimulator({
		port: 0,
		settings,
		log: (line) => logs.push(line),
	});
	const origin = new URL(sim.url).origin;
	const http = axios.create({ baseURL: sim.url, validateStatus: () => true, proxy: false });
	const root = axios.create({ baseURL: origin, validateStatus: () => true, proxy: false });

	const handle: Simulator = {
		sim,
		http,
		root,
		logs,
		ticket: '',
		async login() {
			const response = await http.post(
				'/api/v1/auth',
				formOf({ username: DEMO_ACCOUNTS.username, password: DEMO_ACCOUNTS.password }),
			);
			if (response.status !== 200) throw new Error(`Login failed with HTTP ${response.status}`);
			handle.ticket = response.data.ticket as string;
			return handle.ticket;
		},
		post: (path, fields = {}, config = {}) =>
			http.post(path, formOf(fields), withTicket(handle, config)),
		put: (path, fields = {}, config = {}) =>
			http.put(path, formOf(fields), withTicket(handle, config)),
		get: (path, config = {}) => http.get(path, withTicket(handle, config)),
		delete: (path, config = {}) => http.delete(path, withTicket(handle, config)),
		multipart: (method, path, parts) => {
			const form = new FormData();
			for (const part of parts) {
				if (Buffer.isBuffer(part.value)) {
					form.append(part.name, part.value, {
						filename: part.fileName ?? 'file.bin',
						contentType: part.contentType ?? 'application/octet-stream',
					});
				} else {
					form.append(part.name, part.value);
				}
			}
			return http.request({
				method,
				url: path,
				data: form,
				...withTicket(handle, { headers: form.getHeaders() }),
			});
		},
		postBody: (path, body, method = 'POST') =>
			http.request({ method, url: path, data: formOf({ body }), ...withTicket(handle, {}) }),
		control: (method, route, body) =>
			root.request({
				method,
				url: `/_simulator/${route}`,
				data: body,
				headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			}),
		close: () => sim.close(),
	};
	await handle.login();
	return handle;
}

function withTicket(handle: Simulator, config: AxiosRequestConfig): AxiosRequestConfig {
	return { ...config, headers: { OTCSTicket: handle.ticket, ...(config.headers ?? {}) } };
}

/** Creates a folder with `POST /api/v2/nodes` and returns its ID. */
export async function createFolder(
	simulator: Simulator,
	parentId: number,
	name: string,
): Promise<number> {
	const response = await simulator.postBody('/api/v2/nodes', {
		type: 0,
		parent_id: parentId,
		name,
	});
	if (response.status !== 200) {
		throw new Error(
			`Creating folder "${name}" failed with HTTP ${response.status}: ${JSON.stringify(response.data)}`,
		);
	}
	return response.data.results.data.properties.id as number;
}

/** Uploads a document with a `body` part and a `file` part and returns its ID. */
export async function uploadDocument(
	simulator: Simulator,
	parentId: number,
	name: string,
	content: string | Buffer,
	options: { contentType?: string; extra?: Record<string, unknown> } = {},
): Promise<number> {
	const response = await simulator.multipart('POST', '/api/v2/nodes', [
		{
			name: 'body',
			value: JSON.stringify({ type: 144, parent_id: parentId, name, ...(options.extra ?? {}) }),
		},
		{
			name: 'file',
			value: Buffer.from(content),
			fileName: name,
			contentType: options.contentType ?? 'text/plain',
		},
	]);
	if (response.status !== 200) {
		throw new Error(
			`Uploading "${name}" failed with HTTP ${response.status}: ${JSON.stringify(response.data)}`,
		);
	}
	return response.data.results.data.properties.id as number;
}
