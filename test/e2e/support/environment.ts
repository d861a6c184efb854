import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/**
 * jest's Node environment plus one side effect: when a test or hook fails, it writes
 * `<run folder>/failed`, so global-teardown.ts keeps the run folder for debugging when
 * KEEP_E2E=1 is set. jest passes no results to a global teardown.
 */
export default class E2eEnvironment extends TestEnvironment {
	handleTestEvent(event: Circus.Event): void {
		const failed =
			(event.name === 'test_done' && event.test.errors.length > 0) || event.name === 'hook_failure';
		const stackFile = process.env.E2E_STACK_FILE;
		if (failed && stackFile) {
			writeFileSync(path.join(path.dirname(stackFile), 'failed'), `${new Date().toISOString()}\n`);
		}
	}
}
