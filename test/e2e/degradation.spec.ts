import type {BrowserContext} from '@playwright/test';
import {expect, fixture, serve, tabIdOf, test} from './fixtures';

/**
 * A Google Flights address showing `text` alone, a line each, without the results markup its adapter reads: the page
 * once the content script has read it (no cards).
 */
async function openAsText(context: BrowserContext, text: string): Promise<void> {
	const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	await serve(
		context,
		'https://www.google.com/travel/flights/**',
		`<!doctype html><html><body><main><div>${escaped.replace(/\n/g, '<br>')}</div></main></body></html>`,
	);
	const page = await context.newPage();
	await page.goto('https://www.google.com/travel/flights/booking?tfs=CBwQAhoe');
	await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found'))).toBe('0/0');
}

/**
 * A supported site whose layout no longer matches its adapter, while its text clearly shows flights: the extension
 * says so (the popup's "this page") and offers what the generic text detector reads, instead of staying silent.
 */
test("a Google Flights page in an unknown layout is reported as not recognised, with the generic detector's findings", async ({
	context,
}) => {
	// The text of a Google Flights "selected trip" panel (test/fixtures/SOURCES.md), shown without the results markup.
	const text = fixture('text/felciano__united-itinerary-parser__test-case-gf-rt-input.txt').split('\n').slice(1).join('\n');
	await openAsText(context, text);
	const [worker] = context.serviceWorkers();
	// What the popup does (lib/browser/tabs.ts thisPage, components/ThisPage.tsx): ask, and again while the page is
	// still being read (a Google Flights page's data waits a moment for its cards); the cards read as nothing and the
	// generic text detector is not in the page yet, so put it there (activeTab in use; granted up front in the e2e
	// build) and ask again.
	const status = await worker!.evaluate(async () => {
		const g = globalThis as unknown as {
			chrome: {
				tabs: {
					query: (q: object) => Promise<{id: number; url?: string}[]>;
					sendMessage: (id: number, m: object) => Promise<unknown>;
				};
				scripting: {executeScript: (o: object) => Promise<unknown>};
			};
		};
		// The page is the active tab (the extension has no "tabs" permission to read URLs, and needs none).
		const [tab] = await g.chrome.tabs.query({active: true, lastFocusedWindow: true});
		const ask = async () =>
			(await g.chrome.tabs.sendMessage(tab!.id, {type: 'page-status'})) as {textScanPending?: boolean; reading?: true};
		let first = await ask();
		for (let i = 0; i < 20 && first.reading; i++) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			first = await ask();
		}
		if (!first.textScanPending) return {first};
		await g.chrome.scripting.executeScript({target: {tabId: tab!.id}, files: ['/generic.js']});
		return g.chrome.tabs.sendMessage(tab!.id, {type: 'page-status'});
	});
	expect(status).toMatchObject({adapter: 'google-flights', itineraries: 0, layoutUnrecognised: true});
	const generic = (status as {generic: {from: string; to: string}[][]}).generic;
	expect(generic.length).toBeGreaterThan(0);
	expect(generic[0]![0]).toMatchObject({from: 'LHR', to: 'HND'});
});

test('the popup lists the flights of such a page that name an airport no table knows, once the background has answered', async ({
	context,
	extensionId,
}) => {
	// test/fixtures/made-up/unknown-airport.txt, with a first flight from London: Beijing, then an airport nobody knows
	// (its name is asked of the background, whose table lacks it too).
	const text = fixture('made-up/unknown-airport.txt')
		.replace('Departure: 08:00 Hongqiao(SHA), Shanghai', 'Departure: 08:00 Heathrow(LHR), London')
		.replace('CA1501', 'CA938');
	await openAsText(context, text);
	const tabId = await tabIdOf(context);
	// The popup about that tab (as the toolbar button opens it: lib/ui/popup.ts requestedTab).
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
	await expect(popup.getByTestId('page-status')).toContainText('layout is not recognised');
	const leftOut = popup.getByTestId('generic-left-out');
	await expect(leftOut).toContainText('Not checked:');
	await expect(leftOut.getByRole('listitem')).toHaveCount(1);
	await expect(leftOut).toBeVisible();
	// Its arrow is said as a word to screen readers (a hidden “to” beside it).
	await expect(leftOut.getByRole('listitem')).toHaveText(
		/^CA123 PEK →to Gotham Heliport: airport not known \(Gotham Heliport\); the flights before and after it were checked apart$/,
	);
});
