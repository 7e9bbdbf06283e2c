import {expect, fixture, serve, test} from './fixtures';

/**
 * A supported site whose layout no longer matches its adapter, while its text clearly shows flights: the extension
 * says so (the popup's "this page") and offers what the generic text detector reads, instead of staying silent.
 */
test("a Google Flights page in an unknown layout is reported as not recognised, with the generic detector's findings", async ({
	context,
}) => {
	// The text of a Google Flights "selected trip" panel (test/fixtures/SOURCES.md), shown without the results markup.
	const text = fixture('text/felciano__united-itinerary-parser__test-case-gf-rt-input.txt').split('\n').slice(1).join('\n');
	const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
	await serve(
		context,
		'https://www.google.com/travel/flights/**',
		`<!doctype html><html><body><main><div>${escaped.replace(/\n/g, '<br>')}</div></main></body></html>`,
	);
	const page = await context.newPage();
	await page.goto('https://www.google.com/travel/flights/booking?tfs=CBwQAhoe');
	await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found'))).toBe('0/0');
	const [worker] = context.serviceWorkers();
	// What the popup does (lib/browser/tabs.ts thisPage): ask; the cards read as nothing and the generic text detector
	// is not in the page yet, so put it there (activeTab in use; granted up front in the e2e build) and ask again.
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
		const first = (await g.chrome.tabs.sendMessage(tab!.id, {type: 'page-status'})) as {textScanPending?: boolean};
		if (!first.textScanPending) return {first};
		await g.chrome.scripting.executeScript({target: {tabId: tab!.id}, files: ['/generic.js']});
		return g.chrome.tabs.sendMessage(tab!.id, {type: 'page-status'});
	});
	expect(status).toMatchObject({adapter: 'google-flights', itineraries: 0, layoutUnrecognised: true});
	const generic = (status as {generic: {from: string; to: string}[][]}).generic;
	expect(generic.length).toBeGreaterThan(0);
	expect(generic[0]![0]).toMatchObject({from: 'LHR', to: 'HND'});
});
