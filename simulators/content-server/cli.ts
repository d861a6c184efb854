/**
 * `npm run sim:content-server -- [options]`: starts the Content Server simulator and prints
 * one line when it is ready. Stops on SIGINT or SIGTERM and removes its data folder.
 */
import { parseArgs } from 'node:util';

import type { SettingsPatch } from './settings';
import { DEMO_ACCOUNTS } from './settings';
import { startContentServerSimulator } from './index';

const USAGE = `Usage: npm run sim:content-server -- [options]

  --port <n>                   port to listen on (default 8181; 0 picks a free port)
  --host <address>             address to listen on (default 127.0.0.1)
  --base-path <path>           REST endpoint path (default /otcs/cs.exe)
  --data-dir <folder>          folder for the run's temporary data (default: OS temp folder)
  --ticket-idle-seconds <n>    idle time after which tickets expire (default 1800)
  --multipart-min-size <bytes> smallest file for Large File Upload (default 10485760)
  --multipart-part-size <bytes> part size of Large File Upload (default 5242880)
  --search-index-delay-ms <n>  time before new items become searchable (default 0)
  --server-error-rate <0..1>   share of requests answered with HTTP 500
  --service-unavailable-rate <0..1> share answered with HTTP 503
  --drop-connection-rate <0..1> share whose connection is dropped
  --html-response-rate <0..1>  share answered with an HTML page and HTTP 200
  --latency-ms <n>             latency added to every request
  --fault-seed <n>             seed of the fault generator (default 1)
  --log-requests               print one line per request
  --help                       show this text`;

function numberOption(values: Record<string, unknown>, name: string): number | undefined {
	const raw = values[name];
	if (raw === undefined) return undefined;
	const number = Number(raw);
	if (!Number.isFinite(number)) {
		throw new Error(`--${name} must be a number, but is "${String(raw)}".`);
	}
	return number;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			host: { type: 'string' },
			'base-path': { type: 'string' },
			'data-dir': { type: 'string' },
			'ticket-idle-seconds': { type: 'string' },
			'multipart-min-size': { type: 'string' },
			'multipart-part-size': { type: 'string' },
			'search-index-delay-ms': { type: 'string' },
			'server-error-rate': { type: 'string' },
			'service-unavailable-rate': { type: 'string' },
			'drop-connection-rate': { type: 'string' },
			'html-response-rate': { type: 'string' },
			'latency-ms': { type: 'string' },
			'fault-seed': { type: 'string' },
			'log-requests': { type: 'boolean' },
			help: { type: 'boolean' },
		},
	});
	if (values.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}

	const settings: SettingsPatch = {};
	const faults: NonNullable<SettingsPatch['faults']> = {};
	const multipart: NonNullable<SettingsPatch['multipart']> = {};
	if (values['base-path'] !== undefined) settings.basePath = values['base-path'];
	const idle = numberOption(values, 'ticket-idle-seconds');
	if (idle !== undefined) settings.ticketIdleSeconds = idle;
	const delay = numberOption(values, 'search-index-delay-ms');
	if (delay !== undefined) settings.searchIndexDelayMs = delay;
	const minSize = numberOption(values, 'multipart-min-size');
	if (minSize !== undefined) multipart.minSize = minSize;
	const partSize = numberOption(values, 'multipart-part-size');
	if (partSize !== undefined) multipart.partSize = partSize;
	const faultOptions: Array<[string, keyof typeof faults]> = [
		['server-error-rate', 'serverErrorRate'],
		['service-unavailable-rate', 'serviceUnavailableRate'],
		['drop-connection-rate', 'dropConnectionRate'],
		['html-response-rate', 'htmlResponseRate'],
		['latency-ms', 'latencyMs'],
		['fault-seed', 'seed'],
	];
	for (const [option, key] of faultOptions) {
		const value = numberOption(values, option);
		if (value !== undefined) (faults as Record<string, number>)[key] = value;
	}
	if (Object.keys(faults).length > 0) settings.faults = faults;
	if (Object.keys(multipart).length > 0) settings.multipart = multipart;
	if (values['log-requests']) settings.logRequests = true;

	const simulator = await startContentServerSimulator({
		port: numberOption(values, 'port') ?? 8181,
		host: values.host ?? '127.0.0.1',
		dataDir: values['data-dir'],
		settings,
		log: (line) => process.stderr.write(`${line}\n`),
	});
	process.stdout.write(
		`Content Server simulator ready at ${simulator.url} (user ${DEMO_ACCOUNTS.username})\n`,
	);

	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		void simulator.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`Content Server simulator failed to start: ${(error as Error).message}\n`);
	process.exit(1);
});
