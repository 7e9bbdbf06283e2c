/**
 * What the traveller sees: every card with a mainland connection gets a badge that is painted, at a desktop and a
 * narrow window width, on saved real pages. "Painted" is judged on pixels: a screenshot of the badge's box, then the
 * same box with the badge made transparent; the two must differ. (A badge in the DOM that a one-line box clips with
 * its ellipsis gives two identical pictures.) Opacity is set on the host and on each top element of its shadow root,
 * since the root's own `!important` styles beat the host's.
 */
import type {BrowserContext, Locator, Page} from '@playwright/test';
import {expect, serve, test} from './fixtures';
import {
	atHost,
	badgesInClippingBoxes,
	CARD,
	clipHiddenPanelBadges,
	CLIP_IN_PLACE,
	CLIPPING_CSS,
	FADES,
	fadeInPage,
	LAYERS,
	PAINT_CASES,
	paintPage,
	showEveryPanel,
	VEIL,
	withStyle,
	type PaintCase,
} from './paint-cases';
import {recordClicks, recordTouchHits, takeClicks, takeTouchHits} from './page-clicks';
import {HOSTS_KEPT, RECORD_HOSTS, SCROLL_THROUGH, withScrollPanes} from './scroll-panes';

const WIDTHS = [1280, 800];

async function open(page: Page, c: PaintCase, width: number, height = 900) {
	await page.setViewportSize({width, height});
	await page.goto(c.url);
	// Every card read; every China connection judged; none left without a place.
	await expect
		.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found')), {timeout: 20_000})
		.toBe(`${c.cards}/${c.china}`);
	// A badge is mounted when its card comes within two screens of the viewport: the traveller scrolls through the results.
	await page.evaluate(async (card) => {
		const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		for (const el of document.querySelectorAll(card)) {
			el.scrollIntoView({block: 'center'});
			await frame();
		}
		scrollTo(0, 0);
		await frame();
	}, CARD);
	await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-unplaced'))).toBe('0');
}

const setHidden = (page: Page, index: number, hidden: boolean) =>
	page
		.locator('[data-ctc-badge]')
		.nth(index)
		.evaluate((host, hide) => {
			const targets = [host as HTMLElement, ...([...(host.shadowRoot?.children ?? [])] as HTMLElement[])];
			for (const el of targets) {
				if (!(el instanceof HTMLElement) || el instanceof HTMLStyleElement) continue;
				if (hide) el.style.setProperty('opacity', '0', 'important');
				else el.style.removeProperty('opacity');
			}
		}, hidden);

/**
 * How many badges on displayed cards are painted: each one's box differs on screen with and without the badge.
 * Badges of cards the page does not display (a hidden copy of the list) are not counted: nobody sees those cards.
 */
async function paintedBadges(page: Page, only?: number[]): Promise<{painted: number; total: number; missing: number[]}> {
	const hosts = page.locator('[data-ctc-badge]');
	const shown = only ?? (await shownBadges(page));
	const total = shown.length;
	const missing: number[] = [];
	for (const i of shown) {
		const host = hosts.nth(i);
		// In the middle of the window: a badge that a scroll left at the very top would be under the page's sticky header.
		await host.evaluate((h) => h.scrollIntoView({block: 'center'}));
		const clip = (await host.boundingBox())!;
		const shown = await page.screenshot({clip});
		await setHidden(page, i, true);
		const hidden = await page.screenshot({clip});
		await setHidden(page, i, false);
		if (shown.equals(hidden)) missing.push(i);
	}
	return {painted: total - missing.length, total, missing};
}

/** The indexes of the badges on displayed cards. */
const shownBadges = (page: Page) =>
	page
		.locator('[data-ctc-badge]')
		.evaluateAll(
			(all, card) => all.map((h, i) => ((h.closest(card)?.getBoundingClientRect().height ?? 0) > 0 ? i : -1)).filter((i) => i >= 0),
			CARD,
		);

for (const c of PAINT_CASES) {
	for (const width of WIDTHS) {
		test(`${c.adapter} at ${width}px: every card with a mainland connection shows a painted badge (CSS: ${c.css})`, async ({
			context,
		}) => {
			await serve(context, c.glob, paintPage(c));
			const page = await context.newPage();
			await open(page, c, width);
			const result = await paintedBadges(page);
			expect(result).toEqual({painted: c.shown, total: c.shown, missing: []});
			// Each badge sits inside its own card.
			const outside = await page
				.locator('[data-ctc-badge]')
				.evaluateAll((all, card) => all.filter((h) => !h.closest(card)).length, CARD);
			expect(outside).toBe(0);
			if (width === 1280)
				await page
					.locator('[data-ctc-badge]')
					.first()
					.screenshot({path: `.test-results/paint-${c.adapter}.png`});
		});
	}
	test(`${c.adapter}: with every box in the cards clipping on one line, every badge still finds a place where it is painted`, async ({
		context,
	}) => {
		// The sheet is in the page from the start, like a site's own CSS.
		const html = paintPage(c);
		const at = html.search(/<\/head>|<body/i);
		await serve(
			context,
			c.glob,
			at >= 0 ? `${html.slice(0, at)}<style>${CLIPPING_CSS}</style>${html.slice(at)}` : `<style>${CLIPPING_CSS}</style>${html}`,
		);
		const page = await context.newPage();
		await open(page, c, 800);
		expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
	});
}

test('google-flights on the Google country site its page was saved from (www.google.ca): every displayed mainland card shows a painted badge', async ({
	context,
}) => {
	const c = atHost(PAINT_CASES[0]!, 'www.google.ca');
	expect(c.url).toMatch(/^https:\/\/www\.google\.ca\/travel\/flights\/search\?/);
	await serve(context, c.glob, paintPage(c));
	const page = await context.newPage();
	await open(page, c, 1280);
	expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
});

test("skyscanner at a country site's own results path (www.skyscanner.fr/transport/vols/): every mainland card shows a painted badge", async ({
	context,
}) => {
	const c = PAINT_CASES.find((p) => p.adapter === 'skyscanner')!;
	const french = {
		...c,
		url: 'https://www.skyscanner.fr/transport/vols/bos/cun/210301/210331/?adultsv2=1&cabinclass=economy&rtn=1',
		glob: 'https://www.skyscanner.fr/transport/vols/**',
	};
	await serve(context, french.glob, paintPage(french));
	const page = await context.newPage();
	await open(page, french, 1280);
	expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
});

test('google-flights: the badge no longer sits inside the times line, whose ellipsis hid it', async ({context}) => {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, paintPage(c));
	const page = await context.newPage();
	await open(page, c, 1280);
	const insideTimes = await page.evaluate(
		() =>
			[...document.querySelectorAll('[data-ctc-badge]')].filter((h) =>
				h.parentElement?.querySelector(':scope > [aria-label^="Leaves "]'),
			).length,
	);
	expect(insideTimes).toBe(0);
	// The card that overflows its times line ("+1" day marker) still shows its badge on a line of its own.
	const card = page.locator('li.pIav2d', {has: page.locator('[data-ctc-badge]')}).first();
	await card.scrollIntoViewIfNeeded();
	await card.screenshot({path: '.test-results/paint-google-flights-card.png'});
});

/** The late sheet of the tests below: the box each badge sits in gets a fixed height and clips what overflows it. */
const LATE_CLIP = 'li.pIav2d :has(> [data-ctc-badge]) { height: 20px !important; overflow: hidden !important; }';

/** Badges of displayed cards inside such a box (the hidden copy of the list is nobody's concern). */
const inClippingBoxes = (page: Page) =>
	page.evaluate(
		() =>
			[...document.querySelectorAll('li.pIav2d :has(> [data-ctc-badge])')].filter(
				(box) => (box.closest('li')?.getBoundingClientRect().height ?? 0) > 0,
			).length,
	);

/** A stylesheet link into the head (or its `href` changed), resolved once the browser has loaded the sheet. */
const loadSheet = (page: Page, href: string, swap = false, media = '') =>
	page.evaluate(
		([url, change, forMedia]) =>
			new Promise((resolve, reject) => {
				const old = document.querySelector<HTMLLinkElement>('head link[data-late]');
				const link = change && old ? old : Object.assign(document.createElement('link'), {rel: 'stylesheet'});
				link.dataset.late = '';
				if (forMedia) link.media = forMedia;
				link.onload = resolve;
				link.onerror = reject;
				link.href = url;
				if (!link.isConnected) document.head.append(link);
			}),
		[href, swap, media] as const,
	);

/**
 * The Google Flights page, its badges painted; the late sheets served (nothing inside the cards changes when one
 * applies: it selects the badge's box by the end-to-end build's host attribute, which release hosts do not have).
 */
async function openWithLateSheets(context: BrowserContext): Promise<{page: Page; c: PaintCase}> {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, paintPage(c));
	await context.route('**/late-clip.css', (route) => route.fulfill({status: 200, contentType: 'text/css', body: LATE_CLIP}));
	await context.route('**/late-plain.css', (route) => route.fulfill({status: 200, contentType: 'text/css', body: 'li.pIav2d { }'}));
	const page = await context.newPage();
	await open(page, c, 1280);
	const before = await paintedBadges(page);
	expect(before).toEqual({painted: c.shown, total: c.shown, missing: []});
	expect(await inClippingBoxes(page)).toBe(before.total);
	return {page, c};
}

/**
 * The clipping sheet applies (the `box` it clips is 20 px tall; null: the box keeps its own height); every badge is
 * checked again, moved to the card's end, out of the box, and painted.
 */
async function expectBadgesMovedOut(page: Page, c: PaintCase, box: string | null = 'li.pIav2d :has(> [data-ctc-badge])') {
	if (box) expect(await page.evaluate((sel) => getComputedStyle(document.querySelector(sel)!).height, box)).toBe('20px');
	await expect.poll(() => inClippingBoxes(page), {timeout: 10_000}).toBe(0);
	expect(await page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-unplaced'))).toBe('0');
	expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
}

test('google-flights: a style sheet that arrives after the badges and clips them: each badge moves and is painted again', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	await loadSheet(page, '/late-clip.css');
	await expectBadgesMovedOut(page, c);
});

test('google-flights: a stylesheet link whose href the page changes (a theme switch) to a sheet that clips the badges', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	await loadSheet(page, '/late-plain.css');
	// The first sheet changed nothing: the badges stay where they are.
	await page.waitForTimeout(500);
	expect(await inClippingBoxes(page)).toBe(c.shown);
	await loadSheet(page, '/late-clip.css', true);
	await expectBadgesMovedOut(page, c);
});

/**
 * The page's sheet for a compact view, whose `scope` selects the cards it applies to: it clips the box each badge is
 * in (marked here, as the late sheets above select it by the test build's host attribute). Added before anything is
 * compact, it clips nothing, and the badges stay where they are.
 */
async function addCompactSheet(page: Page, c: PaintCase, scope: string) {
	await page.evaluate((cards) => {
		for (const box of document.querySelectorAll('li.pIav2d :has(> [data-ctc-badge])')) box.setAttribute('data-badge-box', '');
		const style = document.createElement('style');
		style.textContent = `${cards} [data-badge-box] { height: 20px !important; overflow: hidden !important; }`;
		document.head.append(style);
	}, scope);
	await page.waitForTimeout(500);
	expect(await inClippingBoxes(page)).toBe(c.shown);
}

test('google-flights: a card that changes its own layout (a compact view) so that it clips its badge: the badge moves out', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	// It applies once a card says it is compact.
	await addCompactSheet(page, c, 'li.pIav2d:has(> .compact-view)');
	// Each card switches itself to the compact view: nothing in the head changes, the window keeps its size, and the
	// itinerary each card reads as stays the same.
	await page.evaluate(() => {
		for (const card of document.querySelectorAll('li.pIav2d')) {
			if (!card.querySelector('[data-ctc-badge]')) continue;
			const mark = document.createElement('i');
			mark.className = 'compact-view';
			card.append(mark);
		}
	});
	await expectBadgesMovedOut(page, c, 'li.pIav2d [data-badge-box]');
});

test('google-flights: the list switches to a compact view by a class of its own (nothing added to the cards, the head and the window unchanged), clipping the badges: each badge moves out', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	// It applies once the list is compact.
	await addCompactSheet(page, c, '.compact-list > li.pIav2d');
	// The traveller picks the compact view: the page puts a class on each results list. That is an attribute no adapter
	// reads, on an element around the cards; nothing is added or taken away, and the cards' text stays the same.
	await page.evaluate(() => {
		for (const card of document.querySelectorAll('li.pIav2d')) card.parentElement!.classList.add('compact-list');
	});
	await expectBadgesMovedOut(page, c, 'li.pIav2d [data-badge-box]');
});

test('google-flights: a rule the page changes in place (CSSOM) clips each badge with its card the same size: each badge moves out', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	// The page's own rule for the boxes the badges are in, empty for now; each box knows its height.
	await page.evaluate(() => {
		for (const box of document.querySelectorAll<HTMLElement>('li.pIav2d :has(> [data-ctc-badge])')) {
			box.setAttribute('data-badge-box', '');
			box.style.setProperty('--box-height', `${box.getBoundingClientRect().height}px`);
		}
		const style = document.createElement('style');
		style.id = 'badge-boxes';
		style.textContent = 'li.pIav2d [data-badge-box] { }';
		document.head.append(style);
	});
	await page.waitForTimeout(500);
	expect(await inClippingBoxes(page)).toBe(c.shown);
	// The page's script changes the rule in place: no node changes, the sheet keeps its rules, and each box keeps its
	// size (its whole height made top padding, its content pushed under it and clipped), so each card keeps its size:
	// measured in the same task, before anything of ours can run.
	const resized = await page.evaluate((declarations) => {
		const cards = [...document.querySelectorAll('li.pIav2d')];
		const sizes = () => cards.map((card) => `${card.getBoundingClientRect().width}x${card.getBoundingClientRect().height}`);
		const before = sizes();
		const rule = document.querySelector<HTMLStyleElement>('#badge-boxes')!.sheet!.cssRules[0] as CSSStyleRule;
		for (const [name, value] of declarations) rule.style.setProperty(name, value, 'important');
		const after = sizes();
		return cards.filter((_, i) => before[i] !== after[i]).length;
	}, CLIP_IN_PLACE);
	expect(resized).toBe(0);
	await expectBadgesMovedOut(page, c, null);
});

test('google-flights: results that scroll in a box of their own: the badges that box hides stay where they are, none moved or taken off', async ({
	context,
}) => {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, withScrollPanes(paintPage(c)));
	const page = await context.newPage();
	await open(page, c, 1280);
	expect(await page.evaluate<number>(RECORD_HOSTS)).toBeGreaterThan(0);
	await page.evaluate(SCROLL_THROUGH);
	await page.waitForTimeout(500);
	expect(await page.evaluate(HOSTS_KEPT)).toEqual({same: true, unplaced: '0'});
	expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
});

test('google-flights: CSS loaded without blocking the page (a preload the page turns into a stylesheet once loaded) that clips the badges', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	// The common pattern: `<link rel="preload" as="style" onload="this.rel='stylesheet'">`. No sheet link goes into the
	// head; a preload link becomes one.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const link = Object.assign(document.createElement('link'), {rel: 'preload', as: 'style', href: '/late-clip.css'});
				link.onload = () => {
					link.onload = () => resolve();
					link.rel = 'stylesheet';
				};
				link.onerror = reject;
				document.head.append(link);
			}),
	);
	await expectBadgesMovedOut(page, c);
});

test('google-flights: a sheet loaded for print that the page later applies to the screen (its media changed) clips the badges', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	await loadSheet(page, '/late-clip.css', false, 'print');
	// Loaded, and applying to print only: the badges stay where they are.
	await page.waitForTimeout(500);
	expect(await inClippingBoxes(page)).toBe(c.shown);
	await page.evaluate(() => {
		document.querySelector<HTMLLinkElement>('head link[media="print"]')!.media = 'all';
	});
	await expectBadgesMovedOut(page, c);
});

for (const how of ['insertRule', 'adoptedStyleSheets'] as const) {
	test(`google-flights: rules a script adds through the CSSOM (${how}), no node changed, that clip the badges`, async ({context}) => {
		const {page, c} = await openWithLateSheets(context);
		const heads = await page.evaluate(() => document.head.querySelectorAll('style').length);
		await page.evaluate(
			([rule, via]) => {
				// What libraries that style a page from its scripts do in production: rules go into a sheet through the
				// CSSOM (one of the page's own <style>s, or a constructed sheet the document adopts); no node changes.
				if (via === 'insertRule') {
					const sheet = [...document.head.querySelectorAll('style')].at(-1)!.sheet!;
					sheet.insertRule(rule, sheet.cssRules.length);
				} else {
					const sheet = new CSSStyleSheet();
					sheet.replaceSync(rule);
					document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
				}
			},
			[LATE_CLIP, how] as const,
		);
		expect(await page.evaluate(() => document.head.querySelectorAll('style').length)).toBe(heads);
		await expectBadgesMovedOut(page, c);
	});
}

test('google-flights: a badge moved to the card’s end goes back into the card when a narrower window clips the end and not the first place', async ({
	context,
}) => {
	const {page, c} = await openWithLateSheets(context);
	// The page's own responsive CSS: a wide window clips the box each badge is in (the badges move to the card's end); a
	// narrow one gives a card whose end holds a badge a fixed height that clips it there (and clips nothing at the first
	// place).
	const atEnd = 'li.pIav2d:has(> [data-ctc-badge])';
	await context.route('**/late-width.css', (route) =>
		route.fulfill({
			status: 200,
			contentType: 'text/css',
			body: `@media (min-width: 1000px) { ${LATE_CLIP} } @media (max-width: 999px) { ${atEnd} { height: 20px !important; overflow: hidden !important; } }`,
		}),
	);
	await loadSheet(page, '/late-width.css');
	await expectBadgesMovedOut(page, c);
	const shownAtEnd = () =>
		page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((li) => li.getBoundingClientRect().height > 0).length, atEnd);
	expect(await shownAtEnd()).toBe(c.shown);
	// The window narrows: each badge at its card's end is clipped there, and goes back to the first place, which fits.
	await page.setViewportSize({width: 800, height: 900});
	await expect.poll(shownAtEnd, {timeout: 10_000}).toBe(0);
	expect(await page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-unplaced'))).toBe('0');
	expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
});

for (const [fade, css] of Object.entries(FADES)) {
	test(`google-flights: cards the page brings in fading (${fade}): every badge stays in its first place and is painted once they show`, async ({
		context,
	}) => {
		const c = PAINT_CASES[0]!;
		await serve(context, c.glob, fadeInPage(c, css));
		const page = await context.newPage();
		// `open` waits for every card read and no badge left without a place (before, each card's badge was taken off:
		// transparent as it was checked, it fitted nowhere).
		await open(page, c, 1280);
		await page.waitForTimeout(700); // the last fades have ended
		expect(await page.locator('li.pIav2d.fresh').count()).toBe(c.cards);
		expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
		// In the first place (the box under the times, ./paint-cases.ts), not moved to the card's end as if clipped there.
		const atCardEnd = await page
			.locator('[data-ctc-badge]')
			.evaluateAll((all) => all.filter((h) => h.parentElement?.matches('li')).length);
		expect(atCardEnd).toBe(0);
	});
}

test('google-flights: cards the page hides with `visibility: hidden` hide their badges with them, and show them again', async ({
	context,
}) => {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, paintPage(c));
	const page = await context.newPage();
	await open(page, c, 1280);
	const hideCards = (hidden: boolean) =>
		page.evaluate((hide) => {
			for (const li of document.querySelectorAll<HTMLElement>('li.pIav2d')) li.style.visibility = hide ? 'hidden' : '';
		}, hidden);
	await hideCards(true);
	// Not one badge floats over the empty space where its card was.
	const hidden = await paintedBadges(page);
	expect({painted: hidden.painted, total: hidden.total}).toEqual({painted: 0, total: c.shown});
	await hideCards(false);
	expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
});

test('google-flights: the traveller switches to the other tab (its hidden panel of the same results): every badge there is painted', async ({
	context,
}) => {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, paintPage(c));
	const page = await context.newPage();
	await open(page, c, 1280);
	// The saved page holds the "Best" and "Cheapest" lists in two tab panels, one with `display: none`: the switch
	// shows that one and hides the other. Its cards were read and badged while hidden, their badges' places unchecked.
	const before = await shownBadges(page);
	await page.evaluate(() => {
		for (const panel of document.querySelectorAll<HTMLElement>('[role="tabpanel"]'))
			panel.style.display = panel.style.display === 'none' ? '' : 'none';
	});
	const after = await shownBadges(page);
	expect(after).toHaveLength(c.shown);
	expect(after.filter((i) => before.includes(i))).toEqual([]); // other cards, other badges
	await expect.poll(() => paintedBadges(page), {timeout: 20_000}).toEqual({painted: c.shown, total: c.shown, missing: []});
	await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-unplaced'))).toBe('0');
});

test('google-flights: a badge placed in the hidden tab panel, where that panel clips it once shown, is checked as the panel shows and moved to be painted', async ({
	context,
}) => {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, paintPage(c));
	const page = await context.newPage();
	await open(page, c, 1280);
	// The hidden panel's badges are in their first place, a box that clips them once shown (nothing the extension
	// hears as a change of the page).
	expect(await page.evaluate(clipHiddenPanelBadges)).toBe(c.shown);
	// Shown below the other panel, which stays: no card with a badge there changes size or place.
	await page.evaluate(showEveryPanel);
	// Each is checked as its card is first laid out, and moved to the card's end, where it is painted whole.
	await expect.poll(() => page.evaluate(badgesInClippingBoxes), {timeout: 20_000}).toBe(0);
	expect(await paintedBadges(page)).toEqual({painted: 2 * c.shown, total: 2 * c.shown, missing: []});
	expect(await page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-unplaced'))).toBe('0');
});

/** Whether the browser's hit test finds a badge's host at the point (nothing of the page over it there). */
const badgeHitAt = (page: Page, point: {x: number; y: number}) =>
	page.evaluate(({x, y}) => !!document.elementFromPoint(x, y)?.hasAttribute('data-ctc-badge'), point);

/**
 * The last shown card's badge, scrolled to the middle of the window, and the middle of its pill: far below the first
 * screen as the page loaded, so checked off screen (nothing over it could be asked of the browser then).
 */
async function lastBadge(page: Page): Promise<{host: Locator; at: {x: number; y: number}}> {
	const host = page.locator('li.pIav2d:visible [data-ctc-badge]').last();
	await host.evaluate((h) => h.scrollIntoView({block: 'center'}));
	const pill = (await host.locator('button.badge').boundingBox())!;
	return {host, at: {x: pill.x + pill.width / 2, y: pill.y + pill.height / 2}};
}

/** The Google Flights page with a stretched link over each card's content, at 1280 px. */
async function openStretched(context: BrowserContext): Promise<Page> {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, withStyle(paintPage(c), LAYERS['a stretched link']));
	const page = await context.newPage();
	await open(page, c, 1280);
	return page;
}

for (const [layer, css] of Object.entries(LAYERS)) {
	test(`google-flights: ${layer} over each card: every badge is painted in its first place, and a click on it opens its details`, async ({
		context,
	}) => {
		const c = PAINT_CASES[0]!;
		await serve(context, c.glob, withStyle(paintPage(c), css));
		const page = await context.newPage();
		// Before, each badge was judged hidden under the layer, moved through every place and taken off.
		await open(page, c, 1280);
		expect(await paintedBadges(page)).toEqual({painted: c.shown, total: c.shown, missing: []});
		const atCardEnd = await page
			.locator('[data-ctc-badge]')
			.evaluateAll((all) => all.filter((h) => h.parentElement?.matches('li')).length);
		expect(atCardEnd).toBe(0);
		// The user's pointer goes to the pill: once over it, it finds the badge, not the layer, and a click opens the
		// details (before, the layer took it: the card's link).
		// The last card's (lastBadge).
		const {host, at} = await lastBadge(page);
		await page.evaluate(recordClicks);
		const onTop = () => badgeHitAt(page, at);
		expect(await onTop()).toBe(false);
		// Over the badge's whole box, or over its pill only, where its box's centre (where the check looks as a badge
		// is placed) is clear: there, only the place the pointer found the layer tells of it.
		const box = (await host.boundingBox())!;
		const centre = {x: box.x + box.width / 2, y: box.y + box.height / 2};
		const centreClear = await badgeHitAt(page, centre);
		expect(centreClear).toBe(layer.includes('pill'));
		// Pointer events the page makes up over the badge change nothing (a finger's too): only the browser's own count.
		await page.evaluate(({x, y}) => {
			const target = document.elementFromPoint(x, y)!;
			for (const type of ['pointerover', 'pointermove'])
				target.dispatchEvent(new PointerEvent(type, {clientX: x, clientY: y, bubbles: true, composed: true}));
			const finger = {clientX: x, clientY: y, bubbles: true, composed: true, pointerType: 'touch', isPrimary: true};
			for (const type of ['pointerover', 'pointerdown']) target.dispatchEvent(new PointerEvent(type, finger));
		}, at);
		await page.waitForTimeout(300);
		expect(await onTop()).toBe(false);
		await page.mouse.move(at.x, at.y - 60);
		await page.mouse.move(at.x, at.y, {steps: 4});
		await expect.poll(onTop).toBe(true);
		await page.mouse.click(at.x, at.y);
		await expect(host.locator('.popover')).toBeVisible();
		expect(await page.evaluate(takeClicks)).toEqual([]);
	});
}

test('google-flights: a layer the page lays over a badge after the badge was lifted over the card’s link: the user’s pointer finds it, and the badge goes over it too', async ({
	context,
}) => {
	const page = await openStretched(context);
	const {host, at} = await lastBadge(page);
	const onTop = () => badgeHitAt(page, at);
	await page.mouse.move(at.x, at.y - 60);
	await page.mouse.move(at.x, at.y, {steps: 4});
	await expect.poll(onTop).toBe(true);
	// The user's pointer goes elsewhere (where it is, the browser would tell of the new layer at once), and the page lays
	// a second layer over every card's content, over the first (a panel it opens, say).
	await page.mouse.move(5, 5);
	await page.evaluate(() => {
		const style = document.createElement('style');
		style.textContent = 'li.pIav2d .gQ6yfe::after { content: ""; position: absolute; inset: 0; z-index: 5 }';
		document.head.append(style);
	});
	await expect.poll(onTop).toBe(false);
	// The user's pointer comes back to the pill: it finds the new layer there (before, the badge had been told of once,
	// for the first layer, and the new one was never seen), and the badge goes over it.
	await page.mouse.move(at.x, at.y - 60);
	await page.mouse.move(at.x, at.y, {steps: 4});
	await expect.poll(onTop).toBe(true);
	await page.evaluate(recordClicks);
	await page.mouse.click(at.x, at.y);
	await expect(host.locator('.popover')).toBeVisible();
	expect(await page.evaluate(takeClicks)).toEqual([]);
});

test('google-flights: a stretched link over each card: a finger’s quick tap on a badge placed below the screen opens its details, and no click reaches the page', async ({
	context,
}) => {
	const page = await openStretched(context);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setTouchEmulationEnabled', {enabled: true, maxTouchPoints: 1});
	// The last card's badge (lastBadge).
	const {host, at} = await lastBadge(page);
	expect(await badgeHitAt(page, at)).toBe(false);
	await page.evaluate(recordClicks);
	// What the browser's hit test finds where the finger is, as the page hears it come down and go up.
	await page.evaluate(recordTouchHits, at);
	// A quick tap: the finger up at once. The browser sends the tap's click where its hit test finds something as the tap
	// ends, which can come before the page's next frame; before, the badge was lifted over the link in the frame after
	// the finger came down, and the card's link took the click of such a tap. Now it is over the link as the page
	// hears the finger come down.
	const down = cdp.send('Input.dispatchTouchEvent', {type: 'touchStart', touchPoints: [{x: at.x, y: at.y}]});
	const up = cdp.send('Input.dispatchTouchEvent', {type: 'touchEnd', touchPoints: []});
	await Promise.all([down, up]);
	await expect(host.locator('.popover')).toBeVisible();
	expect(await page.evaluate(takeTouchHits)).toEqual(['badge', 'badge']);
	expect(await page.evaluate(takeClicks)).toEqual([]);
});

/**
 * The Google Flights page with a veil over each card's content (VEIL), in a tall window: its first mainland cards start
 * 1,305 px down (under its search form and filters). `atCardEnd(i)`: the i-th badge sits at its card's end.
 */
async function openVeiled(context: BrowserContext): Promise<{page: Page; atCardEnd: (i: number) => Promise<boolean>}> {
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, withStyle(paintPage(c), VEIL));
	const page = await context.newPage();
	await open(page, c, 1280, 1700);
	const atCardEnd = (i: number) =>
		page
			.locator('[data-ctc-badge]')
			.nth(i)
			.evaluate((h) => !!h.parentElement?.matches('li'));
	return {page, atCardEnd};
}

test('google-flights: a veil the page lays over each card’s content: a badge placed on screen moves to its card’s end, painted; one placed below the screen moves there once the user’s pointer finds the veil over it', async ({
	context,
}) => {
	const {page, atCardEnd} = await openVeiled(context);
	// The badges whose cards the first screen shows whole: placed there as the page loaded, where the browser's hit test
	// finds the veil over their first place.
	const shown = await shownBadges(page);
	const firstScreen = await page.locator('[data-ctc-badge]').evaluateAll(
		(all, {card, shown}) =>
			shown.filter((i) => {
				const r = all[i]!.closest(card)!.getBoundingClientRect();
				return r.top >= 0 && r.bottom <= innerHeight;
			}),
		{card: CARD, shown},
	);
	expect(firstScreen.length).toBeGreaterThanOrEqual(2);
	for (const i of firstScreen) expect(await atCardEnd(i)).toBe(true);
	expect(await paintedBadges(page, firstScreen)).toEqual({painted: firstScreen.length, total: firstScreen.length, missing: []});
	// The last card's: placed two screens ahead of the scroll, where nothing over it could be asked of the browser; the
	// user's pointer over it finds the veil there, and the badge moves to its card's end.
	const last = shown.at(-1)!;
	expect(firstScreen).not.toContain(last);
	const host = page.locator('[data-ctc-badge]').nth(last);
	await host.evaluate((h) => h.scrollIntoView({block: 'center'}));
	expect(await atCardEnd(last)).toBe(false);
	const box = (await host.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y - 60);
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, {steps: 4});
	await expect.poll(() => atCardEnd(last)).toBe(true);
	await host.evaluate((h) => h.scrollIntoView({block: 'center'}));
	expect(await paintedBadges(page, [last])).toEqual({painted: 1, total: 1, missing: []});
});

test('google-flights: a veil over each card’s content: a keyboard user tabbing to a badge placed below the screen finds it moved where it shows, focused', async ({
	context,
}) => {
	const {page, atCardEnd: atEnd} = await openVeiled(context);
	const last = (await shownBadges(page)).at(-1)!;
	const host = page.locator('[data-ctc-badge]').nth(last);
	const atCardEnd = () => atEnd(last);
	expect(await atCardEnd()).toBe(false);
	// The keyboard from the page's last focusable element before the badge: Tab until the badge has the focus.
	await host.evaluate((h) => {
		const before = [...document.querySelectorAll<HTMLElement>('a[href], button, [tabindex="0"]')].filter(
			(el) => !h.contains(el) && el.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING,
		);
		for (const el of before.reverse()) {
			el.focus();
			if (document.activeElement === el) return;
		}
	});
	const onBadge = () => page.evaluate(() => document.activeElement?.hasAttribute('data-ctc-badge') === true);
	for (let i = 0; i < 15 && !(await onBadge()); i++) await page.keyboard.press('Tab');
	expect(await onBadge()).toBe(true);
	// Its place is under the veil: checked as it takes the focus (scrolled into view), it moves to its card's end, where
	// it is painted, and the focus goes with it.
	await expect.poll(atCardEnd).toBe(true);
	expect(await onBadge()).toBe(true);
	expect(await host.evaluate((h) => h.shadowRoot?.activeElement?.matches('button.badge') === true)).toBe(true);
	await host.evaluate((h) => h.scrollIntoView({block: 'center'}));
	expect(await paintedBadges(page, [last])).toEqual({painted: 1, total: 1, missing: []});
	await page.keyboard.press('Enter');
	await expect(host.locator('.popover')).toBeVisible();
});
