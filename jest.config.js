// Two projects: "unit" runs against the simulators in-process over loopback HTTP;
// "e2e" drives a real n8n 2.x (installed on first use under .cache/) and is slow.
// tsconfig.dev.json sets isolatedModules, so ts-jest transpiles each file alone (fast) without type-checking;
// `tsc -p tsconfig.dev.json` in lint and CI does the type-checking.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.dev.json' }];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/**/*.test.ts'],
			testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
		},
		{
			displayName: 'e2e',
			// jest's Node environment that also records failed tests for global-teardown.ts.
			testEnvironment: '<rootDir>/test/e2e/support/environment.ts',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			globalSetup: '<rootDir>/test/e2e/global-setup.ts',
			globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
			// Sets the 10-minute test timeout, because jest ignores testTimeout in a project entry.
			setupFilesAfterEnv: ['<rootDir>/test/e2e/support/setup.ts'],
		},
	],
};
