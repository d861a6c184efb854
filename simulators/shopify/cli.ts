/**
 * `npm run sim:shopify -- [--port 8282] [--host 127.0.0.1]`: runs the simulator until SIGINT
 * or SIGTERM and prints one line when it is ready.
 */
import { DEMO_APP, startShopifySimulator } from './index';

function parseArgs(argv: string[]): { port: number; host: string } {
	let port = 8282;
	let host = '127.0.0.1';
	for (let index = 0; index < argv.length; index++) {
		const arg = argv[index];
		const [name, inline] = arg.split('=', 2);
		const value = inline ?? argv[index + 1];
		if (name === '--port') {
			port = Number(value);
			if (!Number.isInteger(port) || port < 0 || port > 65535) {
				throw new Error(`--port must be an integer from 0 to 65535; got ${value}.`);
			}
		} else if (name === '--host') {
			if (!value) throw new Error('--host needs a value such as 127.0.0.1.');
			host = value;
		} else if (name === '--help' || name === '-h') {
			process.stdout.write('Usage: npm run sim:shopify -- [--port 8282] [--host 127.0.0.1]\n');
			process.exit(0);
		} else {
			throw new Error(
				`Unknown argument ${arg}. Usage: npm run sim:shopify -- [--port 8282] [--host 127.0.0.1]`,
			);
		}
		if (inline === undefined) index++;
	}
	return { port, host };
}

async function main(): Promise<void> {
	const { port, host } = parseArgs(process.argv.slice(2));
	const simulator = await startShopifySimulator({
		port,
		host,
		log: (line) => process.stderr.write(`[shopify-simulator] ${line}\n`),
	});
	process.stdout.write(
		`Shopify simulator ready at ${simulator.url} for shop ${DEMO_APP.shopDomain}\n`,
	);

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		simulator.close().then(
			() => process.exit(0),
			(error: unknown) => {
				process.stderr.write(
					`[shopify-simulator] Stopping on ${signal} failed: ${String(error)}\n`,
				);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
	process.stderr.write(`[shopify-simulator] ${(error as Error).message}\n`);
	process.exit(1);
});
