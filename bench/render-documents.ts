/**
 * Measures how long the order document renderer takes: a three-line invoice is the baseline,
 * measured in the same run, and the 260-line invoice and packing slip and a multilingual order
 * (all font faces) are printed with their ratio to it. Each case runs once to warm up, then
 * the median of the measured runs is printed.
 *
 * Run with: npx tsx bench/render-documents.ts [runs per case, 5 by default]
 */
import { renderOrderDocument } from '../nodes/ShopifyGraphqlAdmin/documents/render';
import type {
	OrderDocumentInput,
	OrderDocumentKind,
} from '../nodes/ShopifyGraphqlAdmin/documents/types';
import { euroOrder, largeOrder, multilingualOrder } from '../test/documents/fixtures';

interface BenchCase {
	name: string;
	kind: OrderDocumentKind;
	input: OrderDocumentInput;
}

async function medianMilliseconds(
	benchCase: BenchCase,
	runs: number,
): Promise<{ ms: number; pages: number }> {
	const render = () => renderOrderDocument(benchCase.kind, benchCase.input);
	const pdf = await render();
	const pages = Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);

	const samples: number[] = [];
	for (let run = 0; run < runs; run++) {
		const started = process.hrtime.bigint();
		await render();
		samples.push(Number(process.hrtime.bigint() - started) / 1e6);
	}
	samples.sort((a, b) => a - b);
	return { ms: samples[Math.floor(samples.length / 2)], pages };
}

async function main(): Promise<void> {
	const runs = Number(process.argv[2] ?? 5);
	if (!Number.isInteger(runs) || runs < 1) {
		throw new Error(
			`Invalid number of runs ${JSON.stringify(process.argv[2])}: expected a whole number of 1 or more.`,
		);
	}

	const cases: BenchCase[] = [
		{ name: 'invoice, 3 lines (baseline)', kind: 'invoice', input: euroOrder() },
		{ name: 'invoice, 260 lines', kind: 'invoice', input: largeOrder(260) },
		{ name: 'packing slip, 260 lines', kind: 'packingSlip', input: largeOrder(260) },
		{
			name: 'order confirmation, 8 scripts',
			kind: 'orderConfirmation',
			input: multilingualOrder(),
		},
	];

	console.log(`Node.js ${process.version}, median of ${runs} runs after one warm-up run`);
	let baseline = 0;
	for (const benchCase of cases) {
		const { ms, pages } = await medianMilliseconds(benchCase, runs);
		if (baseline === 0) baseline = ms;
		const ratio = (ms / baseline).toFixed(2);
		console.log(
			`${benchCase.name.padEnd(36)} ${ms.toFixed(0).padStart(6)} ms  ${String(pages).padStart(3)} pages  ×${ratio}`,
		);
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
