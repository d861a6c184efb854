/**
 * `npm run demo`: starts the simulators and an n8n with this package and the workflow templates,
 * prints where to find them, and runs until Ctrl-C, then stops every process it started.
 */
import { describeDemo, startDemo } from './lib/demo';

function log(message: string): void {
	process.stderr.write(`[demo] ${message}\n`);
}

async function main(): Promise<void> {
	const demo = await startDemo(log);

	// Later steps, such as emitting a story of Shopify events and printing what each flow did,
	// go here: they receive the DemoContext with the stack, credentials and workflow ids.

	process.stdout.write(`${describeDemo(demo)}\n`);

	await new Promise<void>((resolve) => {
		let stopping = false;
		const stop = (signal: NodeJS.Signals): void => {
			if (stopping) return;
			stopping = true;
			log(`Received ${signal}; stopping n8n and the simulators`);
			demo.stack
				.stop()
				.catch((error: Error) => log(`Failed to stop cleanly: ${error.message}`))
				.finally(resolve);
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
		process.once('SIGHUP', stop);
	});
	log('Stopped');
}

main().catch((error: Error) => {
	log(error.message);
	process.exitCode = 1;
});
