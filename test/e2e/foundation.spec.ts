import fs from 'node:fs';
import path from 'node:path';
import {sites, siteScriptName} from '../../lib/sites';
import {expect, EXT_DIR, fixture, serve, test} from './fixtures';

const GOOGLE_FLIGHTS = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIxagcIARIDU0ZPcgcIARIDTlJU&hl=en';

test('the popup opens from chrome-extension://<id>/popup.html and renders', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await expect(popup.getByRole('heading', {name: 'China Transit Check'})).toBeVisible();
	await expect(popup.getByTestId('rules-info')).toContainText('Rules as of');
});

test('the content script marks a routed Google Flights results page', async ({context}) => {
	await serve(context, 'https://www.google.com/travel/flights/**', fixture('google-flights/sfo-nrt-2025.html'));
	const page = await context.newPage();
	await page.goto(GOOGLE_FLIGHTS);
	await expect(page.locator('html')).toHaveAttribute('data-china-transit-check', 'ready');
});

test('the content script leaves an unrelated routed page alone', async ({context}) => {
	await serve(context, 'https://www.example.org/**', '<!doctype html><title>Unrelated</title><p>Flights from PEK to NRT</p>');
	const page = await context.newPage();
	await page.goto('https://www.example.org/travel/flights/search');
	await expect(page.getByText('Flights from PEK')).toBeVisible();
	// Give a content script every chance to run before asserting it did not.
	await page.waitForLoadState('load');
	await page.waitForTimeout(500);
	await expect(page.locator('html')).not.toHaveAttribute('data-china-transit-check', /.*/);
});

test("each site's content script carries that site's adapter and no other", () => {
	// A site's adapter holds its first match pattern's host; the other sites' bundles must not (wxt.config.ts carryOnly).
	const hostOf = (site: (typeof sites)[number]) => new URL(site.matches[0]!.replace('*.', 'x.').replaceAll('*', '')).hostname;
	for (const site of sites) {
		const code = fs.readFileSync(path.join(EXT_DIR, `${siteScriptName(site.id)}.js`), 'utf8');
		for (const other of sites)
			expect(code.includes(hostOf(other)), `${site.id}'s script holds ${other.id}'s host`).toBe(other === site);
	}
	// The plain script, for the user's own sites and the popup's scan, carries them all.
	const plain = fs.readFileSync(path.join(EXT_DIR, 'itinerary.js'), 'utf8');
	for (const site of sites) expect(plain.includes(hostOf(site))).toBe(true);
});
