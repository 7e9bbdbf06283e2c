import {defineConfig} from 'vitest/config';
import {WxtVitest} from 'wxt/testing/vitest-plugin';

// Unit tests run in Node; DOM tests on saved pages opt into jsdom per file (`// @vitest-environment jsdom`).
export default defineConfig({
	plugins: [WxtVitest()],
	test: {
		environment: 'node',
		include: ['test/unit/**/*.test.{ts,tsx}', 'test/dom/**/*.test.{ts,tsx}'],
	},
});
