import fs from 'node:fs';
import {expect, fixture, serve, test} from './fixtures';

/** Records the badges Chromium shows on the saved pages, for the Firefox test to compare with (test/firefox). */
const PAGES = {
	'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTA1LTEwagcIARIDS1VMcgcIARIDTlJU&hl=en':
		'google-flights/kul-nrt-loading-composite.html',
	'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en':
		'google-flights/sfo-nrt-2025.html',
};

test('record the badges on the saved pages for the cross-browser comparison', async ({context}) => {
	const seen: Record<string, string[]> = {};
	for (const [url, file] of Object.entries(PAGES)) {
		await context.unrouteAll({behavior: 'ignoreErrors'});
		await context.route(
			(u) => u.protocol === 'http:' || u.protocol === 'https:',
			(r) => r.abort(),
		);
		await serve(context, 'https://www.google.com/travel/flights/**', fixture(file));
		const page = await context.newPage();
		await page.goto(url);
		// (Not locator('html'): CSS locators pierce shadow roots, and each badge's shadow root holds an <html> of its own.)
		await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check'))).toBe('ready');
		await page.waitForTimeout(1000);
		seen[url] = await page.locator('[data-ctc-badge] button.badge').allInnerTexts();
		await page.close();
	}
	expect(seen[Object.keys(PAGES)[0]!]).toEqual(['2 via China · 24h transit ✓ HAK']);
	fs.mkdirSync('.test-results', {recursive: true});
	fs.writeFileSync('.test-results/chromium-badges.json', `${JSON.stringify(seen, null, 2)}\n`);
});
