import { spawn } from 'node:child_process';

import { killGroupNow, registerProcessGroup, unregisterProcessGroup } from './process-groups';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** Milliseconds before the command is killed and the promise rejects. */
	timeoutMs?: number;
	/** Copies the command's output to this process's stderr as it arrives. */
	echo?: boolean;
	/**
	 * Runs the command in its own process group, which is killed on timeout and when this
	 * process exits, so that children the command starts (such as n8n's task runner) go too.
	 */
	processGroup?: boolean;
}

export interface RunResult {
	stdout: string;
	stderr: string;
}

const OUTPUT_TAIL_CHARS = 4000;

function tail(text: string): string {
	return text.length > OUTPUT_TAIL_CHARS ? `…${text.slice(-OUTPUT_TAIL_CHARS)}` : text;
}

/**
 * Runs a command without a shell and resolves with its output. Rejects when it exits non-zero,
 * is killed or times out, with the command line and the tail of its output in the message.
 */
export async function run(
	command: string,
	args: string[],
	options: RunOptions = {},
): Promise<RunResult> {
	const commandLine = [command, ...args].join(' ');
	return await new Promise<RunResult>((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: options.processGroup === true,
		});
		const groupId = options.processGroup ? child.pid : undefined;
		if (groupId !== undefined) registerProcessGroup(groupId);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			stdout += chunk;
			if (options.echo) process.stderr.write(chunk);
		});
		child.stderr.on('data', (chunk: string) => {
			stderr += chunk;
			if (options.echo) process.stderr.write(chunk);
		});

		let timedOut = false;
		const timer =
			options.timeoutMs === undefined
				? undefined
				: setTimeout(() => {
						timedOut = true;
						if (groupId !== undefined) killGroupNow(groupId);
						else child.kill('SIGKILL');
					}, options.timeoutMs);

		child.on('error', (error) => {
			if (timer) clearTimeout(timer);
			reject(new Error(`Failed to start "${commandLine}": ${error.message}`));
		});
		child.on('close', (code, signal) => {
			if (timer) clearTimeout(timer);
			if (groupId !== undefined) {
				killGroupNow(groupId);
				unregisterProcessGroup(groupId);
			}
			if (code === 0) {
				resolve({ stdout, stderr });
				return;
			}
			const reason = timedOut
				? `timed out after ${options.timeoutMs} ms`
				: signal
					? `was killed by ${signal}`
					: `exited with code ${code}`;
			const output = tail(`${stdout}\n${stderr}`.trim());
			reject(
				new Error(`"${commandLine}" in ${options.cwd ?? process.cwd()} ${reason}.\n${output}`),
			);
		});
	});
}
