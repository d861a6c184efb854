/** Small helpers for the node:http server: body reading and JSON replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown while reading a request body; carries the HTTP status to reply with. */
export class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly body: unknown = { errors: message },
	) {
		super(message);
	}
}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > limitBytes) {
			throw new HttpError(413, `Request body is larger than ${limitBytes} bytes.`);
		}
		chunks.push(buffer);
	}
	return Buffer.concat(chunks);
}

export function sendJsonText(
	res: ServerResponse,
	status: number,
	text: string,
	headers: Record<string, string> = {},
): void {
	const body = Buffer.from(text, 'utf8');
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(body.length),
		...headers,
	});
	res.end(body);
}

export function sendJson(
	res: ServerResponse,
	status: number,
	value: unknown,
	headers: Record<string, string> = {},
): void {
	sendJsonText(res, status, JSON.stringify(value), headers);
}

/** Parses a JSON request body; an empty body is `{}`. */
export function parseJsonBody(
	body: Buffer,
	parse: (text: string) => unknown = JSON.parse,
): unknown {
	const text = body.toString('utf8').trim();
	if (text === '') return {};
	try {
		return parse(text);
	} catch (error) {
		throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`);
	}
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
