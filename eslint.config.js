// Lint: a few rules that catch real mistakes, line length, and the layers of the code base (docs/architecture.md).
// TypeScript is parsed by Babel's parser: the project's TypeScript 7 (native) has no JavaScript API for
// typescript-eslint, and these rules need syntax only; `tsc --noEmit` does the type checking.
import babelParser from '@babel/eslint-parser';
import layers from './scripts/eslint/layers.mjs';

/** Packages that reach the browser's extension APIs: browser glue only (lib/browser, entrypoints). */
const BROWSER_PACKAGES = ['#imports', 'wxt', 'webextension-polyfill', '@wxt-dev/webextension-polyfill'].map((name) => ({
	name,
	why: 'extension APIs are reached through lib/browser, so everything else runs in Node and the tests',
}));
const VIEW_PACKAGES = ['preact'].map((name) => ({name, why: 'views live in components/'}));

/**
 * The layers, lowest first. `may` lists the layers a layer may import besides itself. `data/` is the bundled
 * dataset. The diagram in docs/architecture.md shows the same table.
 */
export const LAYERS = [
	{name: 'data', paths: ['data/'], may: []},
	{name: 'model', paths: ['lib/itinerary.ts', 'lib/time.ts', 'lib/country-codes.ts'], may: []},
	{name: 'airports', paths: ['lib/airports/'], may: ['model', 'data']},
	{name: 'rules', paths: ['lib/rules/'], may: ['model', 'airports', 'data']},
	{name: 'extract', paths: ['lib/extract/'], may: ['model', 'airports']},
	{name: 'adapters', paths: ['lib/adapters/'], may: ['model', 'airports', 'extract']},
	{name: 'detect', paths: ['lib/detect/'], may: ['model', 'airports', 'extract', 'adapters']},
	{name: 'settings', paths: ['lib/settings.ts', 'lib/sites/'], may: ['model', 'adapters']},
	{name: 'i18n', paths: ['lib/i18n/'], may: ['model', 'rules']},
	{name: 'ui', paths: ['lib/ui/'], may: ['model', 'airports', 'rules', 'extract', 'detect', 'settings', 'i18n', 'data']},
	{name: 'scan', paths: ['lib/scan/'], may: ['model', 'airports', 'rules', 'extract', 'adapters', 'detect', 'settings', 'i18n', 'ui']},
	{name: 'browser', paths: ['lib/browser/'], may: ['model', 'rules', 'detect', 'settings', 'i18n', 'ui']},
	{
		name: 'components',
		paths: ['components/'],
		may: ['model', 'airports', 'rules', 'extract', 'adapters', 'detect', 'settings', 'i18n', 'ui', 'scan', 'browser'],
	},
	{
		name: 'entrypoints',
		paths: ['entrypoints/'],
		may: ['model', 'airports', 'rules', 'extract', 'adapters', 'detect', 'settings', 'i18n', 'ui', 'scan', 'browser', 'components'],
	},
];
for (const layer of LAYERS) {
	const lib = layer.paths.every((p) => p.startsWith('lib/'));
	layer.packagesForbidden = [...(lib && layer.name !== 'browser' ? BROWSER_PACKAGES : []), ...(lib ? VIEW_PACKAGES : [])];
}

const babel = {
	parser: babelParser,
	parserOptions: {
		requireConfigFile: false,
		babelOptions: {babelrc: false, configFile: false, presets: [['@babel/preset-typescript', {isTSX: true, allExtensions: true}]]},
	},
};

export default [
	{
		ignores: [
			'.output/**',
			'.output-*/**',
			'.wxt/**',
			'.x/**',
			'node_modules/**',
			'test/fixtures/**',
			'test-results/**',
			'.test-results/**',
			'demo-output/**',
		],
	},
	{
		files: ['**/*.ts', '**/*.tsx'],
		languageOptions: babel,
	},
	{
		files: ['**/*.{ts,tsx,js,mjs}'],
		plugins: {layers},
		rules: {
			'max-len': [
				'error',
				{code: 140, tabWidth: 4, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true},
			],
			eqeqeq: ['error', 'always', {null: 'ignore'}],
			'no-var': 'error',
			'prefer-const': 'error',
			'no-debugger': 'error',
			'no-duplicate-imports': 'off',
			'no-eval': 'error',
			'no-implied-eval': 'error',
			'no-new-func': 'error',
			'layers/allowed-imports': ['error', {layers: LAYERS}],
			'layers/no-cycle': ['error', {folders: ['lib', 'components', 'entrypoints']}],
		},
	},
	{
		// The extension's globals: only browser glue touches them.
		files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
		ignores: ['lib/browser/**'],
		rules: {
			'no-restricted-globals': [
				'error',
				{name: 'browser', message: 'extension APIs are reached through lib/browser'},
				{name: 'chrome', message: 'extension APIs are reached through lib/browser'},
			],
		},
	},
	{
		// A case-insensitive pattern with non-ASCII characters in it is compiled again by V8 after garbage collections
		// (0.4 ms each in Chromium, measured 2026-12): on a results page, where parsers run per card, that was most of
		// the content script's time. Lower-case the text and match without the flag.
		files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: 'Literal[regex.flags=/i/][regex.pattern=/[^\\x00-\\x7F]/]',
					message:
						'no `i` flag on a pattern with non-ASCII characters: V8 recompiles it after each GC; lower-case the text instead',
				},
			],
		},
	},
	{
		// Entry points are glue: they wire lib/ and components/ to the browser and hold no logic a unit test would want.
		files: ['entrypoints/**/*.{ts,tsx}'],
		rules: {
			'max-lines': ['error', {max: 120, skipBlankLines: true, skipComments: true}],
			complexity: ['error', 8],
		},
	},
];
