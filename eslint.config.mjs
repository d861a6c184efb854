// Lint rules: n8n's community-package rules plus eslint-plugin-n8n-nodes-base's
// community, credentials and nodes rules. The n8n Cloud verification rules
// (no runtime dependencies, restricted imports and globals) stay off because this
// package targets self-hosted n8n and streams uploads with form-data and renders
// PDFs with pdfkit.
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const withoutCloudRules = {
	...communityNodes.configs.recommendedWithoutN8nCloudSupport.rules,
	'@n8n/community-nodes/no-runtime-dependencies': 'off',
};

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'.cache/**',
			'coverage/**',
			'eslint.config.mjs',
			'gulpfile.js',
			'jest.config.js',
		],
	},
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { sourceType: 'module' },
		},
	},
	{
		files: ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'],
		plugins: { '@n8n/community-nodes': communityNodes },
		languageOptions: { parser: tseslint.parser },
		rules: withoutCloudRules,
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two require the string 'main', but the community rule
			// node-connection-type-literal requires NodeConnectionTypes.Main. n8n's own node-cli
			// lint config turns them off for the same reason.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'no-console': 'error',
		},
	},
	{
		files: ['test/**/*.ts', 'simulators/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
];
