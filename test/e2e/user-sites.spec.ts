import {detailsIn, expect, EXT_DIR_E2E, fixture, serve, serviceWorker, setPassports, setSettings, tabIdOf, test} from './fixtures';
import type {BrowserContext, Frame, Page} from '@playwright/test';
import {onePagePdf} from './one-page-pdf';
import {atHost, PAINT_CASES, paintPage} from './paint-cases';

// The e2e build grants https://agent.example.test/* up front, as a user accepting the permission prompt would
// (a prompt cannot be clicked from a test); everything else is the release code path.
test.use({extDir: EXT_DIR_E2E});

const AGENT = 'https://agent.example.test/desk/pnr';

/** A GDS date (`01MAR`) `days` after 1 March of next year, as record lines print it (no year). */
function gdsDay(days: number): string {
	const date = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 1 + days));
	const month = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][date.getUTCMonth()];
	return `${String(date.getUTCDate()).padStart(2, '0')}${month}`;
}

async function registered(context: BrowserContext): Promise<string[]> {
	const sw = await serviceWorker(context);
	return sw.evaluate(async () => {
		const g = globalThis as unknown as {chrome: {scripting: {getRegisteredContentScripts: () => Promise<{matches?: string[]}[]>}}};
		return (await g.chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
	});
}

/** Serves `text` in a `<pre>` at AGENT, scans the page from the popup and opens its one badge: the page, the popup, the details. */
async function scanAndOpen(context: BrowserContext, extensionId: string, text: string) {
	await serve(context, 'https://agent.example.test/**', `<!doctype html><title>PNR</title><pre>${text}</pre>`);
	const page = await context.newPage();
	await page.goto(AGENT);
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, AGENT)}`);
	await popup.getByRole('button', {name: 'Scan this page'}).click();
	const badge = page.locator('[data-ctc-badge] button.badge');
	await expect(badge).toHaveCount(1);
	await badge.click();
	return {page, popup, badge, details: detailsIn(page)};
}

test('an agent tool outside the built-in sites: scan once from the popup, then "always run on this site"', async ({
	context,
	extensionId,
}) => {
	await serve(context, 'https://agent.example.test/**', fixture('agent/pnr-workspace-composite.html'));
	const page = await context.newPage();
	await page.goto(AGENT);
	await page.waitForTimeout(300);
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0); // not a built-in site: nothing runs by itself

	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, AGENT)}`);
	await expect(popup.getByTestId('page-status')).toContainText('not one of the supported');
	await popup.getByRole('button', {name: 'Scan this page'}).click();
	// Seven itineraries in the chat notes (none through the mainland) and the current PNR through Beijing.
	await expect(popup.getByTestId('page-status')).toHaveText(/^\d+ itineraries read by the generic detector, 1 via mainland China/);
	const badge = page.locator('[data-ctc-badge] button.badge');
	await expect(badge).toHaveCount(1);
	// Read from an unknown page: never a plain ✓, always "check the flights shown".
	await expect(badge).not.toContainText('✓');
	await expect(badge).toHaveAccessibleName(/China transit check for the results on this page/);

	await popup.getByRole('button', {name: 'Always run on agent.example.test'}).click();
	await expect(popup.getByRole('status')).toHaveText('Runs on agent.example.test from now on. Remove it in the settings.');
	await expect.poll(() => registered(context)).toEqual(['https://agent.example.test/*']);

	// A new visit gets its badge without the popup.
	await page.reload();
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);

	// The options page lists the site; removing it stops the script.
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	const list = options.getByTestId('user-sites');
	await expect(list).toContainText('https://agent.example.test');
	await options.getByRole('button', {name: 'Remove https://agent.example.test'}).click();
	await expect(options.getByTestId('no-user-sites')).toBeVisible();
	await expect.poll(() => registered(context)).toEqual([]);
	await page.reload();
	await page.waitForTimeout(500);
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0);
});

/**
 * Built-in sites' country sites the manifest does not list, each with its saved results page (the site's markup,
 * rerouted through the mainland: paint-cases.ts), and what the popup says once the page is scanned.
 */
const COUNTRY_SITES = [
	// 28 itineraries, 14 through PVG or PEK, each card twice (the list and its hidden copy).
	{
		c: PAINT_CASES.find((p) => p.adapter === 'google-flights')!,
		host: 'www.google.pl',
		label: 'Google Flights',
		read: /^28 itineraries found by Google Flights, 14 via mainland China/,
	},
	// 10 nonstop flights to PEK or PKX.
	{
		c: PAINT_CASES.find((p) => p.adapter === 'kayak')!,
		host: 'www.kayak.ch',
		label: 'Kayak',
		read: /^10 itineraries found by Kayak, 10 via mainland China/,
	},
	// 8 round trips, 6 through the mainland.
	{
		c: PAINT_CASES.find((p) => p.adapter === 'skyscanner')!,
		host: 'www.skyscanner.pl',
		label: 'Skyscanner',
		read: /^8 itineraries found by Skyscanner, 6 via mainland China/,
	},
];

for (const site of COUNTRY_SITES) {
	test(`${site.label} on a country site the manifest does not list (${site.host}): scanned with its adapter, then "always run on this site"`, async ({
		context,
		extensionId,
	}) => {
		const c = atHost(site.c, site.host);
		await serve(context, c.glob, paintPage(c));
		const page = await context.newPage();
		await page.goto(c.url);
		const found = () => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found'));
		await page.waitForTimeout(300);
		expect(await found()).toBeNull(); // no content script of the manifest's here

		const popup = await context.newPage();
		await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, c.url)}`);
		await expect(popup.getByTestId('page-status')).toHaveText(
			`This is ${site.label} on ${site.host}, where the extension does not run by itself: scan this page to check its results.`,
		);
		// The page in front, as the traveller's under the popup: a tab behind the popup's page gets no animation frames,
		// and its cards would be read at the pace of its idle callbacks.
		await page.bringToFront();
		await popup.getByRole('button', {name: 'Scan this page'}).click();
		// Read by the site's adapter (its cards, with their badges), not by the generic detector's page text.
		await expect(popup.getByTestId('page-status')).toHaveText(site.read, {timeout: 10_000});
		await expect.poll(found, {timeout: 20_000}).toBe(`${c.cards}/${c.china}`);
		await expect(page.locator('[data-ctc-badge]')).toHaveCount(c.china);

		await popup.getByRole('button', {name: `Always run on ${site.host}`}).click();
		await expect.poll(() => registered(context)).toEqual([`https://${site.host}/*`]);
		// A new visit gets its badges without the popup.
		await page.bringToFront();
		await page.reload();
		await expect.poll(found, {timeout: 20_000}).toBe(`${c.cards}/${c.china}`);
	});
}

test('the options page refuses what is not a web address, and built-in sites', async ({context, extensionId}) => {
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	await options.getByLabel('Site address').fill('chrome://settings');
	await options.getByRole('button', {name: 'Add site'}).click();
	await expect(options.getByRole('alert')).toHaveText('Not a web address: chrome://settings. Type something like agent.example.com.');
	await options.getByLabel('Site address').fill('www.kayak.com');
	await options.getByRole('button', {name: 'Add site'}).press('Enter');
	await expect(options.getByRole('alert')).toHaveText('https://www.kayak.com is already built in.');
});

// A Sabre line prints no day for a landing after midnight (`DXBGOI HK1  2320  0400` in
// test/fixtures/gds/jcristine__gds-direct__sabre-pnr-segments.txt); the content script's table has no time zones, so
// it asks the background for the two airports' and places the landing on the next day: a 16-hour stay at PEK.
test('an agent tool’s GDS line without its landing day: placed with time zones from the background', async ({context, extensionId}) => {
	const lines = ' 1 EK 306U 12MAR 4 DXBPEK HK1  2320  0400  /DCEK*DGPRII /E\n 2 CA 925U 13MAR 5 PEKNRT HK1  2000  0020  /DCCA*DGPRII /E';
	const {details} = await scanAndOpen(context, extensionId, lines);
	await expect(details).toContainText(/Arrive\s*\d{4}-03-13 04:00\s*Leave\s*\d{4}-03-13 20:00/);
	await expect(details).toContainText('Time in China: 16 h 0 min');
	await expect(details).toContainText(/24-hour direct transit\s*likely OK/);
});

// An agent's PNR whose passengers' passport entries (SSR DOCS, Amadeus' layout) give another nationality than the
// agent's settings: the badge judges with the settings, its details say what the record gives, and the popup checks
// the page's itinerary with it on request. The sell lines as in the test above.
test('an agent tool’s record of passengers of another nationality: named beside the passports used, checked with in the popup', async ({
	context,
	extensionId,
}) => {
	await setPassports(context, extensionId, ['IN']);
	const lines = [
		' 1 EK 306U 12MAR 4 DXBPEK HK1  2320  0400  /DCEK*DGPRII /E',
		' 2 CA 925U 13MAR 5 PEKNRT HK1  2000  0020  /DCCA*DGPRII /E',
		'  3 SSR DOCS CA HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/MARTIN/PAUL/P1',
	].join('\n');
	const {page, popup, details} = await scanAndOpen(context, extensionId, lines);
	await expect(details).toContainText(
		'The page gives the passengers’ nationality: France (FR). These results used the passports in your settings: India (IN). To check with a passenger’s, open the extension’s popup on this page.',
	);
	await expect(details).toContainText('Time in China: 16 h 0 min');
	// The popup on the page offers the check with the passenger's nationality, and makes it there on request.
	await expect(popup.getByTestId('page-record')).toContainText(
		'The page gives the passengers’ nationality: France (FR). Its badge used the passports in your settings: India (IN).',
	);
	await popup.getByRole('button', {name: 'Check with a passport from France'}).click();
	const result = popup.getByTestId('page-record-result');
	await expect(result).toContainText('Checked with a passport from France');
	// India's passport has no 240-hour transit; France's has, at PEK from the Emirates to Japan.
	await expect(result).toContainText(/240-hour visa-free transit\s*likely OK/);
	await expect(details).not.toContainText(/240-hour visa-free transit\s*likely OK/);
	// Nothing of it in the page's document: the details are in the extension's frame, the check in its popup.
	const html = await page.evaluate(() => document.documentElement.outerHTML);
	expect(html).not.toContain('India');
	expect(html).not.toContain('France');
});

// An agent's PNR with a flight to an airport no table knows (QQZ names none; the background's table is asked too):
// the flight before it is judged on its own, and the badge's details say which flight was not checked and why.
test('an agent tool’s record with a flight to an airport no table knows: the rest checked, the details say what was not', async ({
	context,
	extensionId,
}) => {
	const lines = [
		` 1 CA 938Y ${gdsDay(0)} 7 LHRPEK HK1  2125  1440   ${gdsDay(1)} /E`,
		` 2 CA 123Y ${gdsDay(3)} 3 PEKQQZ HK1  0910  1335 /E`,
		'  3 SSR DOCS CA HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/MARTIN/PAUL/P1',
	].join('\n');
	const {popup, badge, details} = await scanAndOpen(context, extensionId, lines);
	// The pill says so after its verdict (on London to Beijing alone).
	await expect(badge.locator('.note')).toHaveText('· 1 flight not checked');
	await expect(badge).toHaveAccessibleName(/, 1 flight not checked\. Open details\.$/);
	// The details say an arrow as a word to screen readers (a hidden “to” beside it).
	await expect(details).toContainText(
		/Not checked: CA123 PEK →\s*to QQZ: airport not known \(QQZ\); the flights before and after it were checked apart/,
	);
	// London to Beijing, judged on its own: nothing shows a flight out of the mainland, so nothing is settled.
	await expect(details).toContainText('Stop 1: PEK');
	await expect(details).toContainText('No onward flight out of mainland China is shown.');
	// The popup on the page says it too.
	const notChecked = popup.getByTestId('generic-left-out');
	await expect(notChecked).toBeVisible();
	await expect(notChecked.getByRole('listitem')).toHaveText(
		/^CA123 PEK →to QQZ: airport not known \(QQZ\); the flights before and after it were checked apart$/,
	);
});

// Where the page badge's words are longer than its fixed box (several itineraries, the detailed level), the verdict
// gives way to the ellipsis and the flights not checked are still said, whole and painted.
test('an agent tool’s page badge too long for its box still shows the flights it did not check', async ({context, extensionId}) => {
	await setSettings(context, {passports: ['FR'], language: 'en', disabledSites: [], detailLevel: 'detailed', extraSites: []});
	const pnrs = [
		` 1 CA 982Y ${gdsDay(0)} 7 JFKPEK SS1  1300  1650   ${gdsDay(1)} /E\n 2 CA 925Y ${gdsDay(1)} 5 PEKNRT SS1  2000  0020   ${gdsDay(2)} /E`,
		` 1 MU 552Y ${gdsDay(3)} 7 CDGPVG SS1  1300  0650   ${gdsDay(4)} /E\n 2 MU 561Y ${gdsDay(4)} 1 PVGSYD SS1  2000  0820   ${gdsDay(5)} /E`,
		` 1 CZ 348Y ${gdsDay(6)} 7 SINCAN SS1  0900  1300 /E\n 2 CZ 327Y ${gdsDay(7)} 1 CANLAX SS1  2100  1800 /E`,
		` 1 CA 938Y ${gdsDay(9)} 7 LHRPEK HK1  2125  1440   ${gdsDay(10)} /E\n 2 CA 123Y ${gdsDay(12)} 3 PEKQQZ HK1  0910  1335 /E`,
	];
	const {page, badge} = await scanAndOpen(context, extensionId, pnrs.join('\n\n'));
	await page.keyboard.press('Escape');
	const [text, note] = [badge.locator('.text'), badge.locator('.note')];
	await expect(note).toHaveText('· 1 flight not checked');
	await expect(badge).toHaveAttribute('title', /^4 via China · .+ · 1 flight not checked$/);
	// The verdict's words are cut (the ellipsis), the note's are not, and the note lies inside the badge's box.
	expect(await text.evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);
	expect(await note.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
	const host = (await page.locator('[data-ctc-badge]').boundingBox())!;
	const box = (await note.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(host.x);
	expect(box.x + box.width).toBeLessThanOrEqual(host.x + host.width + 0.5);
	// Painted: its box on screen differs with the note and without it.
	const clip = {x: box.x, y: box.y, width: box.width, height: box.height};
	const shown = await page.screenshot({clip});
	await note.evaluate((n) => ((n as HTMLElement).style.visibility = 'hidden'));
	expect(shown.equals(await page.screenshot({clip}))).toBe(false);
});

// An agent's page of more itineraries through the mainland than one badge's details take (MESSAGE_LIMITS.detailsTrips,
// 100): 105 PNRs JFK → PEK → NRT, a day apart. The details show 100 and say so, rather than failing.
test('an agent tool’s page of more itineraries than the details take: the first ones, and how many are left out', async ({
	context,
	extensionId,
}) => {
	// Each a real sequence of days (a flight that lands before it takes off is not judged: lib/extract/normalize.ts).
	const day = (i: number, plus: number) => gdsDay(i + plus);
	const pnrs = Array.from(
		{length: 105},
		(_, i) =>
			` 1 CA 982Y ${day(i, 0)} 7 JFKPEK SS1  1300  1650   ${day(i, 1)} 1 /E\n 2 CA 925Y ${day(i, 1)} 5 PEKNRT SS1  2000  0020   ${day(i, 2)} /E`,
	);
	const {popup, details} = await scanAndOpen(context, extensionId, pnrs.join('\n\n'));
	await expect(popup.getByTestId('page-status')).toHaveText(/^105 itineraries read by the generic detector, 105 via mainland China/);
	await expect(details).toContainText(
		'These details show 100 of the 105 itineraries with a stop in mainland China on this page: paste the others into the extension’s popup to check them.',
	);
	await expect(details.locator('section.stop')).toHaveCount(100);
});

// One itinerary of 45 flights in a row (a long record; the details took 40 until 2026-12-06 and failed to load past
// that): its details load, with its stops in the mainland.
test('an agent tool’s itinerary of 45 flights: its details load', async ({context, extensionId}) => {
	const AIRPORTS = ['JFK', 'PEK', 'NRT', 'ICN', 'PVG', 'HKG', 'SIN', 'BKK', 'CAN', 'SYD'];
	// A flight every other day, landing the next: times that can all be true between any two of these airports.
	const lines = Array.from(
		{length: 45},
		(_, i) =>
			`${String(i + 1).padStart(2, ' ')} CA ${900 + i}Y ${gdsDay(2 * i)} 7 ${AIRPORTS[i % 10]}${AIRPORTS[(i + 1) % 10]} HK1  0800  1200+1  /E`,
	);
	const {popup, details} = await scanAndOpen(context, extensionId, lines.join('\n'));
	await expect(popup.getByTestId('page-status')).toHaveText(/^1 itinerary read by the generic detector, 1 via mainland China/);
	await expect(details).toContainText('Stop 1: PEK');
	await expect(details).not.toContainText('could not be loaded');
});

// An agent's tool with two bookings on screen: the popup checks the one the agent selected, read from the page only on
// the click (activeTab, stood in for by the e2e build's grant of this host), in a page block or in a text box.
test('an agent tool’s selected text: checked from the popup, the rest of the page left alone', async ({context, extensionId}) => {
	const beijing = ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245';
	const shanghai = ' 1 MU 588Y 10APR 5 JFKPVG HK1  0100  0530  11APR 6\n 2 MU 523Y 11APR 6 PVGNRT HK1  0900  1245';
	await serve(
		context,
		'https://agent.example.test/**',
		`<!doctype html><title>PNR</title><pre id="a">${beijing}</pre><pre id="b">${shanghai}</pre><textarea id="c" rows="3" cols="80">${shanghai}</textarea>`,
	);
	const page = await context.newPage();
	await page.goto(AGENT);
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, AGENT)}`);
	const fromSelection = popup.getByRole('button', {name: 'Check the text selected on the page'});
	const result = popup.getByTestId('paste-result');

	// Nothing selected yet.
	await fromSelection.click();
	await expect(popup.getByTestId('selection-problem')).toHaveText(
		'Nothing is selected on the page: select the itinerary there, then open this popup again.',
	);

	// The Beijing booking selected in the page: that one is checked, the Shanghai one below it is not read.
	await page.evaluate(() => {
		const range = document.createRange();
		range.selectNodeContents(document.getElementById('a')!);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	});
	await fromSelection.click();
	await expect(popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text')).toHaveValue(beijing);
	await expect(result).toContainText('1 itinerary found, 1 via mainland China.');
	await expect(result).toContainText('Stop 1: PEK');
	await expect(result).not.toContainText('PVG');
	await expect(popup.getByTestId('selection-problem')).toHaveCount(0);

	// Selected in a text box (a terminal's screen): the box's selection, not the page's.
	await page.evaluate(() => {
		const box = document.getElementById('c') as HTMLTextAreaElement;
		box.focus();
		box.setSelectionRange(0, box.value.length);
	});
	await fromSelection.click();
	await expect(result).toContainText('Stop 1: PVG');
	await expect(result).not.toContainText('PEK');
	// Reading it left no mark on the page.
	expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/ctc|transit/i);
});

/**
 * A click on the page's context menu item in the tab at `url`: a test cannot click the browser's menu, so the browser's
 * own click event is dispatched to the background's listener with the tab, as Chromium does on the click. The item
 * must be there (updating an item that is not fails).
 */
async function menuClick(context: BrowserContext, url: string): Promise<number> {
	type Menus = {
		contextMenus: {update: (id: string, props: object) => Promise<void>; onClicked: {dispatch: (info: object, tab: object) => void}};
		tabs: {get: (id: number) => Promise<{url: string}>};
	};
	const id = await tabIdOf(context, url);
	await (
		await serviceWorker(context)
	).evaluate(async (tab) => {
		const {chrome} = globalThis as unknown as {chrome: Menus};
		await chrome.contextMenus.update('ctc-check-selection', {});
		const info = {menuItemId: 'ctc-check-selection', editable: false, pageUrl: (await chrome.tabs.get(tab)).url, selectionText: 'x'};
		chrome.contextMenus.onClicked.dispatch(info, await chrome.tabs.get(tab));
	}, id);
	return id;
}

/** The browser's popup as it is now, read through an extension page (`via`): the popup is not a tab. */
function popupNow(via: Page) {
	return via.evaluate(() => {
		const {chrome} = globalThis as unknown as {chrome: {extension: {getViews: (q: object) => Window[]}}};
		const view = chrome.extension.getViews({type: 'popup'})[0];
		const result = view?.document.querySelector('[data-testid="paste-result"]');
		const focused = view?.document.activeElement;
		const box = focused?.getBoundingClientRect();
		return view
			? {
					url: view.location.pathname + view.location.search,
					box: view.document.querySelector('textarea')?.value,
					result: result?.textContent ?? null,
					problem: view.document.querySelector('[data-testid="selection-problem"]')?.textContent ?? null,
					// The reader is taken to the result: it has the focus, within the popup's view.
					focusedInResult: !!focused && !!result?.contains(focused),
					focusedInView: !!box && box.top >= 0 && box.bottom <= view.innerHeight,
				}
			: undefined;
	});
}

/** Selects the contents of the element with this id in `frame`. */
const selectIn = (frame: Page | Frame, id: string) =>
	frame.evaluate((el) => {
		const range = document.createRange();
		range.selectNodeContents(document.getElementById(el)!);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	}, id);

// The same, from the page's context menu: the agent selects the booking, right-clicks and chooses our item; the popup
// opens and checks the selection at once (activeTab stood in for by the e2e build's grant of this host, as above).
test('an agent tool’s selected text: the page’s context menu item opens the popup, which checks it', async ({context, extensionId}) => {
	const beijing = ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245';
	const shanghai = ' 1 MU 588Y 10APR 5 JFKPVG HK1  0100  0530  11APR 6\n 2 MU 523Y 11APR 6 PVGNRT HK1  0900  1245';
	await serve(
		context,
		'https://agent.example.test/**',
		`<!doctype html><title>PNR</title><pre id="a">${beijing}</pre><pre>${shanghai}</pre>`,
	);
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	const page = await context.newPage();
	await page.goto(AGENT);
	await selectIn(page, 'a');
	await page.bringToFront();
	const id = await menuClick(context, AGENT);
	await expect.poll(async () => (await popupNow(options))?.result ?? null).toContain('1 itinerary found, 1 via mainland China.');
	const shown = (await popupNow(options))!;
	expect(shown.url).toBe('/popup.html'); // the browser's popup, about the tab in front
	expect(shown.box).toBe(beijing);
	expect(shown.result).toContain('Stop 1: PEK');
	expect(shown.result).not.toContain('PVG');
	expect(shown.focusedInResult && shown.focusedInView).toBe(true);
	// The request was taken: the popup opened again from the toolbar checks nothing by itself.
	const again = await context.newPage();
	await again.goto(`chrome-extension://${extensionId}/popup.html?tab=${id}`);
	await expect(again.getByRole('button', {name: 'Check the text selected on the page'})).toBeVisible();
	await expect(again.getByTestId('paste-result')).toHaveCount(0);
	// Nothing of it on the page.
	expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/ctc|transit/i);
});

// A terminal in a frame from another site: the click's activeTab covers the tab's own site, not the frame's, so the
// selection there cannot be read. The menu is offered on selected text only, so the popup says the selection is out
// of reach and what to do, not that nothing is selected.
test('the context menu on text selected in a frame from another site: the popup says it is out of reach', async ({
	context,
	extensionId,
}) => {
	const beijing = ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245';
	await serve(context, 'https://terminal.example.test/**', `<!doctype html><title>Terminal</title><pre id="t">${beijing}</pre>`);
	await serve(
		context,
		'https://agent.example.test/**',
		`<!doctype html><title>Desk</title><p>Desk</p><iframe src="https://terminal.example.test/screen" width="600" height="200"></iframe>`,
	);
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	const page = await context.newPage();
	await page.goto(AGENT);
	const terminal = page.frames().find((f) => f.url().startsWith('https://terminal.example.test/'))!;
	await terminal.waitForSelector('#t');
	await selectIn(terminal, 't');
	await page.bringToFront();
	await menuClick(context, AGENT);
	await expect
		.poll(async () => (await popupNow(options))?.problem ?? null)
		.toBe(
			'The text you selected is where the browser does not let extensions read it (a frame from another site): copy it there and paste it above.',
		);
	expect((await popupNow(options))!.result).toBeNull();
});

// An e-ticket opened as a PDF in Chrome's viewer: its text is not in the page's document, so a selection made in it
// reads as nothing there, and so does a scan. The popup says so, and how to check it instead, rather than that nothing
// is selected or that the page holds no flights.
test('an e-ticket PDF in the browser’s viewer: the popup says its text must be copied', async ({context, extensionId}) => {
	const url = 'https://agent.example.test/ticket.pdf';
	const pdf = onePagePdf(' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1');
	await context.route(url, (route) => route.fulfill({status: 200, contentType: 'application/pdf', body: pdf}));
	const page = await context.newPage();
	await page.goto(url);
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${await tabIdOf(context, url)}`);
	await popup.getByRole('button', {name: 'Check the text selected on the page'}).click();
	await expect(popup.getByTestId('selection-problem')).toHaveText(
		'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it above.',
	);
	await expect(popup.getByTestId('paste-result')).toHaveCount(0);
	// "Scan this page" reads the viewer's document, where the PDF's text is not: it says so too.
	await popup.getByRole('button', {name: 'Scan this page'}).click();
	await expect(popup.getByTestId('page-status')).toHaveText(
		'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it into the box below.',
	);
});
