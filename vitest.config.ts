import {defineConfig} from 'vitest/config';
import {WxtVitest} from 'wxt/testing/vitest-plugin';

// Unit tests run in Node; DOM tests on saved pages opt into jsdom per file (`// @vitest-environment jsdom`).
export default defineConfig({
	plugins: [WxtVitest()],
	test: {
		environment: 'node',
		include: ['test/unit/**/*.test.{ts,tsx}', 'test/dom/**/*.test.{ts,tsx}'],
		// A test that passes in under 2 s on an idle machine has taken more than vitest's 5 s default on CI's loaded one
		// (two workers, a cold transform cache): a test fails on what it checks, or when it hangs for 30 s.
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
