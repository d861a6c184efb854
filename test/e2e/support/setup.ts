// jest 30 ignores `testTimeout` in a project entry of jest.config.js, so the e2e project sets
// it here. Ten minutes, because uploads of several hundred MiB pass through n8n and a simulator.
jest.setTimeout(10 * 60_000);
