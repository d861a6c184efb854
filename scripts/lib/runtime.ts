import { existsSync } from 'node:fs';

import { run } from './exec';
import { INSTALL_SCRIPT, getRuntimePaths, type RuntimePaths } from './paths';

/**
 * Installs Node.js 24 and n8n into the runtime folder unless they are already there, and
 * returns their paths. The installer exits within a second when its marker matches and takes
 * about 5 minutes when cold.
 */
export async function ensureRuntime(env: NodeJS.ProcessEnv = process.env): Promise<RuntimePaths> {
	const paths = getRuntimePaths(env);
	await run('bash', [INSTALL_SCRIPT], {
		env: { ...env, N8N_RUNTIME_DIR: paths.runtimeDir },
		echo: true,
		timeoutMs: 30 * 60_000,
	});
	for (const file of [paths.nodeBin, paths.n8nMain]) {
		if (!existsSync(file)) {
			throw new Error(
				`${file} is missing although ${INSTALL_SCRIPT} succeeded. Delete ${paths.runtimeDir}/.installed and run the installer again.`,
			);
		}
	}
	return paths;
}
