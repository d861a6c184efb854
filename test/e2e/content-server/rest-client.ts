// The client lives with the scripts, because the demo's report reads Content Server the same way.
export * from '../../../scripts/lib/content-server-rest';
