import {defineConfig} from 'wxt';
import preact from '@preact/preset-vite';
import {loadRules} from './lib/rules/load-rules';

// The Firefox build is MV2 (WXT's default for Firefox) until the Firefox issue decides otherwise.
export default defineConfig({
	imports: false,
	modules: ['@wxt-dev/webextension-polyfill'],
	manifest: ({browser}) => ({
		name: 'China Transit Check',
		description:
			'Shows, on flight booking pages, whether a connection in mainland China qualifies for 24-hour or 240-hour visa-free transit.',
		permissions: ['storage'],
		...(browser === 'firefox'
			? {
					browser_specific_settings: {
						gecko: {
							id: 'china-transit-check@china-transit-check.app',
							strict_min_version: '115.0',
							data_collection_permissions: {required: ['none']},
						},
					},
				}
			: {}),
	}),
	hooks: {
		// A broken or inconsistent dataset fails the build (zod schemas + cross-file checks).
		'build:before': () => {
			loadRules();
		},
	},
	vite: () => ({plugins: [preact()]}),
});
