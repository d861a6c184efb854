/**
 * `npm run demo`: starts the simulators and an n8n with this package and the workflow templates,
 * prints where to find them, and runs until Ctrl-C, then stops every process it started.
 */
import { describeDemo, startDemo } from './lib/demo';
import { runStory } from './lib/story';

function log(message: string): void {
	process.stderr.write(`[demo] ${message}\n`);
}

async function main(): Promise<void> {
	const demo = await startDemo(log);

	let report = '';
	if (process.env.DEMO_STORY !== '0') {
		try {
			const story = await runStory(
				{
					n8nUrl: demo.stack.n8nUrl,
					n8n: demo.stack.client,
					contentServerUrl: demo.contentServerUrl,
					shopifyUrl: demo.shopifyUrl,
					workflows: demo.workflows,
				},
				log,
			);
			report = story.report;
			if (story.failedExecutions > 0) {
				report += `\n\n${story.failedExecutions} execution(s) failed; open the URLs above for details:\n${story.failures.map((line) => `  ${line}`).join('\n')}`;
				process.exitCode = 1;
			}
		} catch (error) {
			// n8n keeps running, so the executions of a failed story can still be looked at.
			report = `\nThe story stopped: ${(error as Error).message}`;
			process.exitCode = 1;
		}
	}

	process.stdout.write(`${report}\n${describeDemo(demo)}\n`);

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
