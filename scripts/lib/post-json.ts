/** POSTs JSON and returns the status and the parsed body, or the text when it is not JSON. */
export async function postJson(
	url: string,
	body: unknown,
	headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) };
	} catch {
		// The text stays as it is, so that an error message or a failed assertion shows it.
		return { status: response.status, body: text };
	}
}
