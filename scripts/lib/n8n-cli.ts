import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { run } from './exec';
import type { RuntimePaths } from './paths';
import { getFreePort } from './ports';

/**
 * n8n's CLI commands against the database of a user folder, for cases the REST API does not
 * cover (importing files as exported, running a Manual Trigger workflow). `env` is the one the
 * n8n process runs with (`N8nProcess.env`), so the user folder and encryption key match.
 *
 * publish:workflow and import:* write to the database directly; a running n8n does not pick up
 * publication changes until it restarts (n8n 2.41.1 prints that itself).
 */
export class N8nCli {
	constructor(
		private readonly runtime: RuntimePaths,
		private readonly env: NodeJS.ProcessEnv,
	) {}

	async run(args: string[], timeoutMs = 5 * 60_000): Promise<string> {
		// Commands that execute workflows start their own task broker, so it gets a port of its own.
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await getFreePort()) };
		const { stdout } = await run(this.runtime.nodeBin, [this.runtime.n8nMain, ...args], {
			env,
			cwd: this.env.N8N_USER_FOLDER,
			timeoutMs,
			processGroup: true,
		});
		return stdout;
	}

	private async withJsonFile<T>(
		content: unknown,
		action: (file: string) => Promise<T>,
	): Promise<T> {
		const dir = mkdtempSync(path.join(tmpdir(), 'n8n-cli-'));
		const file = path.join(dir, 'input.json');
		try {
			writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
			return await action(file);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/** Imports workflows, each with an `id` to refer to it afterwards. They stay unpublished. */
	async importWorkflows(workflows: Array<Record<string, unknown> & { id: string }>): Promise<void> {
		await this.withJsonFile(
			workflows,
			async (file) => await this.run(['import:workflow', `--input=${file}`]),
		);
	}

	/** Imports credentials. n8n encrypts a plain-object `data` with the folder's key on import. */
	async importCredentials(
		credentials: Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>,
	): Promise<void> {
		await this.withJsonFile(
			credentials,
			async (file) => await this.run(['import:credentials', `--input=${file}`]),
		);
	}

	async publishWorkflow(id: string): Promise<void> {
		await this.run(['publish:workflow', `--id=${id}`]);
	}

	async unpublishWorkflow(id: string): Promise<void> {
		await this.run(['unpublish:workflow', `--id=${id}`]);
	}

	/**
	 * Runs a workflow that starts with a Manual Trigger and returns n8n's JSON output of the run.
	 * `--rawOutput` makes n8n print only that JSON.
	 *
	 * NOTE: n8n 2.41.1's `execute` under Node.js 24.22.3 often ends with a segmentation fault
	 * after it has printed the result (seen in 3 to 6 of 6 runs here, also without the task
	 * runner). Such runs are reported as failures; a webhook workflow run through the REST API
	 * does not have this problem.
	 */
	async executeWorkflow(id: string, timeoutMs = 5 * 60_000): Promise<unknown> {
		let stdout: string;
		try {
			stdout = await this.run(['execute', `--id=${id}`, '--rawOutput'], timeoutMs);
		} catch (error) {
			if ((error as Error).message.includes('SIGSEGV')) {
				throw new Error(
					`n8n execute --id=${id} crashed with a segmentation fault, which n8n 2.41.1 often does at exit. Run the workflow through a Webhook trigger instead. ${(error as Error).message}`,
				);
			}
			throw error;
		}
		const start = stdout.indexOf('{');
		if (start === -1) {
			throw new Error(`n8n execute --id=${id} printed no JSON: ${stdout.slice(0, 1000)}`);
		}
		return JSON.parse(stdout.slice(start)) as unknown;
	}
}
