import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import * as path from 'node:path';

import { run } from './exec';
import { REPO_DIR } from './paths';

/** Name of the npm package this repository builds; n8n prefixes its node types with it. */
export const PACKAGE_NAME = 'n8n-nodes-opentext-shopify';

/** Files and folders that `npm run build` and `npm pack` need, copied into a private staging folder. */
const PACKAGE_SOURCES = [
	'package.json',
	'tsconfig.json',
	'gulpfile.js',
	'.npmrc',
	'credentials',
	'nodes',
	'README.md',
	'LICENSE',
];

interface PackageManifest {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[]; [setting: string]: unknown };
}

function readManifest(packageDir: string): PackageManifest {
	return JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
}

export interface BuildOptions {
	/**
	 * Packs even when files listed in package.json's `n8n` section were not built, after dropping
	 * them from the packed package.json. n8n 2.41.1 skips a whole package when one listed file is
	 * missing, so this keeps the built nodes usable while others are still being written.
	 */
	allowMissingN8nFiles?: boolean;
	log?: (message: string) => void;
}

/**
 * Builds the package and packs it, and returns the tarball's path.
 *
 * The build runs in `<workDir>/package`, a copy of the package sources with the repository's
 * node_modules linked in, because other test runs may build at the same time and the
 * repository's own dist/ must stay untouched.
 */
export async function buildAndPack(workDir: string, options: BuildOptions = {}): Promise<string> {
	const stagingDir = path.join(workDir, 'package');
	rmSync(stagingDir, { recursive: true, force: true });
	mkdirSync(stagingDir, { recursive: true });
	for (const entry of PACKAGE_SOURCES) {
		const source = path.join(REPO_DIR, entry);
		if (existsSync(source)) {
			cpSync(source, path.join(stagingDir, entry), { recursive: true });
		}
	}
	symlinkSync(path.join(REPO_DIR, 'node_modules'), path.join(stagingDir, 'node_modules'), 'dir');

	await run('npm', ['run', 'build'], { cwd: stagingDir, timeoutMs: 10 * 60_000 });

	const missing = findMissingN8nFiles(stagingDir);
	if (missing.length > 0) {
		if (!options.allowMissingN8nFiles) {
			throw new Error(
				`The build did not produce these files that package.json's "n8n" section lists: ${missing.join(', ')}. n8n would skip the whole package. Add the missing sources, or set E2E_PARTIAL_PACKAGE=1 to test the nodes that exist.`,
			);
		}
		const manifest = readManifest(stagingDir);
		const present = (files: string[] | undefined): string[] =>
			(files ?? []).filter((file) => !missing.includes(file));
		manifest.n8n = {
			...manifest.n8n,
			nodes: present(manifest.n8n?.nodes),
			credentials: present(manifest.n8n?.credentials),
		};
		writeFileSync(path.join(stagingDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
		options.log?.(`Packing without files the build did not produce: ${missing.join(', ')}`);
	}

	const { stdout } = await run(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{ cwd: stagingDir, timeoutMs: 5 * 60_000 },
	);
	const packed = JSON.parse(stdout) as Array<{ filename: string }>;
	const tarball = path.join(workDir, packed[0].filename);
	if (!existsSync(tarball)) {
		throw new Error(`npm pack reported ${packed[0].filename}, but ${tarball} does not exist.`);
	}
	return tarball;
}

/** Returns the files that the package's `n8n` section lists but the installed package lacks. */
export function findMissingN8nFiles(installedDir: string): string[] {
	const manifest = readManifest(installedDir);
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	return listed.filter((file) => !existsSync(path.join(installedDir, file)));
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` the way n8n's Community Nodes
 * screen does, so n8n registers its nodes as `n8n-nodes-opentext-shopify.<node name>`.
 * Returns the installed package folder.
 *
 * `--omit=peer` skips n8n-workflow, which n8n provides at run time and whose native
 * dependencies do not build here.
 */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	// The same package.json that n8n 2.41.1 writes before its first community package install.
	if (!existsSync(path.join(nodesDir, 'package.json'))) {
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`,
		);
	}

	await run(
		'npm',
		[
			'install',
			'--omit=peer',
			'--omit=dev',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--prefer-offline',
			tarball,
		],
		{ cwd: nodesDir, timeoutMs: 10 * 60_000 },
	);

	const installedDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!existsSync(path.join(installedDir, 'package.json'))) {
		throw new Error(
			`npm install of ${tarball} succeeded, but ${installedDir} has no package.json.`,
		);
	}
	return installedDir;
}
