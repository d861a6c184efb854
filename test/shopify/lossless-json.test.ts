import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import * as ts from 'typescript';

import { getRuntimePaths } from '../../scripts/lib/paths';

/**
 * parseJsonLossless relies on JSON.parse source text access (Node.js 21+; n8n 2.x runs on
 * Node.js 24). Under an older Node.js, jest's own, the cases run in the Node.js 24 binary of the
 * n8n runtime instead, so they are never skipped.
 */
const MODULE = path.join(__dirname, '../../nodes/ShopifyWebhookTrigger/losslessJson.ts');

interface CaseResult {
	name: string;
	output?: unknown;
	error?: string;
}

/** Name and JSON text of each case; the texts are exactly the bytes parsed. */
const CASES: Array<[string, string]> = [
	['sample order id', '{"id":820982911946154508,"order_number":1234}'],
	['negative and nested', '{"a":[-9007199254740993,{"b":18446744073709551615}]}'],
	[
		'safe integers stay numbers',
		'{"max":9007199254740991,"min":-9007199254740991,"price":"19.90"}',
	],
	['fractions and exponents stay numbers', '{"f":1.5,"e":1e21,"big":12345678901234567890.5}'],
	['strings with digits stay strings', '{"name":"#820982911946154508"}'],
	['escapes as Shopify writes them', '{"note":"a\\/b \\u0026 \\u2028 ok"}'],
	['invalid JSON', '{"id":'],
];

function runWith(parse: (text: string) => unknown): CaseResult[] {
	return CASES.map(([name, text]) => {
		try {
			return { name, output: parse(text) };
		} catch (error) {
			return { name, error: (error as Error).message };
		}
	});
}

function supportsSourceText(): boolean {
	let supported = false;
	JSON.parse('1', (_key: string, value: unknown, context?: { source?: string }) => {
		supported = context?.source === '1';
		return value;
	});
	return supported;
}

function runCases(): CaseResult[] {
	if (supportsSourceText()) {
		const { parseJsonLossless } = require(
			MODULE,
		) as typeof import('../../nodes/ShopifyWebhookTrigger/losslessJson');
		return runWith(parseJsonLossless);
	}

	const node = getRuntimePaths().nodeBin;
	if (!existsSync(node)) {
		throw new Error(
			`This test needs Node.js 21 or later: jest runs on ${process.version} and the Node.js 24 runtime at ${node} is missing. Run scripts/n8n-runtime/install.sh or use Node.js 22+.`,
		);
	}
	const folder = mkdtempSync(path.join(tmpdir(), 'lossless-json-'));
	try {
		const compiled = ts.transpileModule(readFileSync(MODULE, 'utf8'), {
			compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
		}).outputText;
		writeFileSync(path.join(folder, 'losslessJson.js'), compiled);
		writeFileSync(
			path.join(folder, 'run.js'),
			[
				"const { parseJsonLossless } = require('./losslessJson.js');",
				`const cases = ${JSON.stringify(CASES)};`,
				'const results = cases.map(([name, text]) => {',
				'\ttry { return { name, output: parseJsonLossless(text) }; }',
				'\tcatch (error) { return { name, error: error.message }; }',
				'});',
				'process.stdout.write(JSON.stringify(results));',
			].join('\n'),
		);
		const child = spawnSync(node, [path.join(folder, 'run.js')], { encoding: 'utf8' });
		if (child.status !== 0) throw new Error(`Node.js 24 failed: ${child.stderr}`);
		return JSON.parse(child.stdout) as CaseResult[];
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

describe('parseJsonLossless', () => {
	const results = new Map(runCases().map((result) => [result.name, result]));

	it('keeps a 64-bit order id exact as a string', () => {
		expect(results.get('sample order id')?.output).toEqual({
			id: '820982911946154508',
			order_number: 1234,
		});
	});

	it('keeps negative and nested unsafe integers', () => {
		expect(results.get('negative and nested')?.output).toEqual({
			a: ['-9007199254740993', { b: '18446744073709551615' }],
		});
	});

	it('leaves safe integers as numbers', () => {
		expect(results.get('safe integers stay numbers')?.output).toEqual({
			max: 9007199254740991,
			min: -9007199254740991,
			price: '19.90',
		});
	});

	it('leaves fractions and exponent literals as numbers', () => {
		expect(results.get('fractions and exponents stay numbers')?.output).toEqual({
			f: 1.5,
			e: 1e21,
			big: 12345678901234567890.5,
		});
	});

	it('leaves strings alone', () => {
		expect(results.get('strings with digits stay strings')?.output).toEqual({
			name: '#820982911946154508',
		});
	});

	it('decodes escaped slashes, ampersands and U+2028', () => {
		expect(results.get('escapes as Shopify writes them')?.output).toEqual({
			note: 'a/b & \u2028 ok',
		});
	});

	it('throws on invalid JSON', () => {
		expect(results.get('invalid JSON')?.error).toMatch(/JSON/);
	});
});
