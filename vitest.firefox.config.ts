import {defineConfig} from 'vitest/config';

// End-to-end tests in real Firefox (Debian's firefox-esr over WebDriver BiDi, driven by puppeteer-core).
export default defineConfig({
	test: {
		environment: 'node',
		include: ['test/firefox/**/*.test.ts'],
		testTimeout: 60_000,
		hookTimeout: 60_000,
		fileParallelism: false,
	},
});
