import AxeBuilder from '@axe-core/playwright';
import type {BrowserContext, Page} from '@playwright/test';
import {detailsIn, expect, fixture, serve, setPassports, test} from './fixtures';
import {RESTORE_QUIET_MS} from '../../lib/scan/card-badges';
import {recordClicks, takeClicks} from './page-clicks';

const KUL_NRT = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTA1LTEwagcIARIDS1VMcgcIARIDTlJU&hl=en';
const SFO_NRT = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';

async function openKulNrt(context: BrowserContext): Promise<Page> {
	await serve(context, 'https://www.google.com/travel/flights/**', fixture('google-flights/kul-nrt-loading-composite.html'));
	const page = await context.newPage();
	await page.goto(KUL_NRT);
	return page;
}

test('a Google Flights page whose results are still in its data gets one badge for the mainland connections', async ({context}) => {
	const page = await openKulNrt(context);
	const badge = page.locator('[data-ctc-badge] button.badge');
	await expect(badge).toHaveCount(1);
	// Styled by the shared sheet inside the shadow root; the page badge's host is fixed in the corner.
	await expect(badge).toHaveCSS('border-top-left-radius', '12px');
	await expect(page.locator('[data-ctc-badge]')).toHaveCSS('position', 'fixed');
	// KUL → HAK → NRT (6 h 40 at Haikou) and KUL → SZX → NRT (12 h 35 at Shenzhen): 24-hour transit holds for everyone.
	await expect(badge).toHaveText('2 via China · 24h transit ✓ HAK');
	await expect(badge).toHaveAttribute(
		'aria-label',
		'China transit check for the results on this page: 2 via China, 24h transit HAK. Open details.',
	);
	await page.screenshot({path: '.test-results/badge-en.png'});
});

test('the details card opens with the keyboard, explains each policy, and closes with Escape', async ({context}) => {
	const page = await openKulNrt(context);
	const badge = page.locator('[data-ctc-badge] button.badge');
	await badge.focus();
	await page.keyboard.press('Enter');
	const dialog = page.locator('[data-ctc-badge] [role="dialog"]');
	await expect(dialog).toBeVisible();
	const card = detailsIn(page);
	await expect(card).toContainText('Stop 1: HAK');
	await expect(card).toContainText('Stop 2: SZX');
	await expect(card).toContainText('24-hour direct transit');
	await expect(card).toContainText('HAK lets transfer passengers who stay airside skip border inspection (since 2025-11-05)');
	await expect(card).toContainText('24-hour transit does not depend on your passport, so it was checked.');
	await expect(card).toContainText(/Rules as of \d{4}-\d{2}-\d{2}/);
	// Sources are listed by title, publisher and date; the links among them open over https only.
	await expect(card.locator('.source-list li').first()).toBeVisible();
	await expect(card.locator('a[href^="https://"]').first()).toBeVisible();
	await expect(card.locator('a:not([href^="https://"])')).toHaveCount(0);
	const box = (await dialog.boundingBox())!;
	const viewport = page.viewportSize()!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.y).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
	expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
	await page.screenshot({path: '.test-results/details-en.png'});
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(badge).toBeFocused();
	// Escape in the details themselves (the frame has the focus once the user tabs into it) closes them too.
	await page.keyboard.press('Enter');
	await expect(card).toContainText('Stop 1: HAK');
	await card.locator('a').first().focus();
	// The key goes down in the frame and comes up on the badge: the popover closes on the keydown and takes the frame
	// with it, and Chromium can leave a key event sent to a frame that is going away unanswered, so `press` (down, then
	// up to the same frame) sometimes never returns. A user's key comes up wherever the focus went.
	await page.keyboard.down('Escape');
	await expect(dialog).toBeHidden();
	await expect(badge).toBeFocused();
	await page.keyboard.up('Escape');
	await expect(dialog).toBeHidden();
});

test('axe finds no violations in the badge and its details card', async ({context}) => {
	const page = await openKulNrt(context);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	const closed = await new AxeBuilder({page}).include('[data-ctc-badge]').analyze();
	expect(closed.violations).toEqual([]);
	await page.locator('[data-ctc-badge] button.badge').click();
	await expect(page.locator('[data-ctc-badge] [role="dialog"]')).toBeVisible();
	const open = await new AxeBuilder({page}).include('[data-ctc-badge]').analyze();
	expect(open.violations).toEqual([]);
});

test('setting passports in the options updates the open page without a reload', async ({context, extensionId}) => {
	const page = await openKulNrt(context);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	await setPassports(context, extensionId, ['US']);
	await page.bringToFront();
	await page.locator('[data-ctc-badge] button.badge').click();
	const card = detailsIn(page);
	await expect(card).toContainText('With your passport from the United States');
	await expect(card).not.toContainText('does not depend on your passport');
	// MY → HAK → JP with a US passport: 240-hour transit also holds, until 00:00 on 22 May.
	await expect(card.locator('[data-policy="transit240"]').first()).toContainText('likely OK');
	await expect(card.locator('[data-policy="transit240"]').first()).toContainText('Leave mainland China by 2026-05-22 00:00');
});

test('the badge detail level in the options changes what the badge says, not what it means', async ({context, extensionId}) => {
	const page = await openKulNrt(context);
	const badge = page.locator('[data-ctc-badge] button.badge');
	await expect(badge).toHaveText('2 via China · 24h transit ✓ HAK');
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	await options.getByRole('radio', {name: /^Compact/}).check();
	await page.bringToFront();
	await expect(badge).toHaveText('2 via China · ✓ 24h');
	// Screen readers still hear the whole sentence.
	await expect(badge).toHaveAccessibleName(
		'China transit check for the results on this page: 2 via China, 24h transit HAK. Open details.',
	);
	await options.getByRole('radio', {name: /^Detailed/}).check();
	await page.bringToFront();
	await expect(badge).toHaveText('2 via China · 24h transit ✓ HAK');
	await options.getByRole('radio', {name: /^Standard/}).check();
	await expect(badge).toHaveText('2 via China · 24h transit ✓ HAK');
});

/**
 * The SFO → NRT capture with its Hong Kong connections moved to Shanghai Pudong (as in the bench): real cards, each one
 * itinerary through the mainland; its first card through Pudong, scrolled to.
 */
async function firstPudongCard(context: BrowserContext) {
	const body = fixture('google-flights/sfo-nrt-2025.html')
		.replaceAll('HKG', 'PVG')
		.replaceAll('Hong Kong International Airport', 'Shanghai Pudong International Airport');
	await serve(context, 'https://www.google.com/travel/flights/search**', body);
	const page = await context.newPage();
	await page.goto(SFO_NRT);
	// The first card through Pudong is a dozen screens down this capture: its badge is there when the traveller scrolls
	// to it (read in idle time and put on before; only past EAGER_BADGES would it wait for the scroll).
	const card = page.locator('li', {has: page.locator('[data-travelimpactmodelwebsiteurl*="-PVG-"]')}).first();
	await card.scrollIntoViewIfNeeded();
	return {page, card};
}

test('a badge for one itinerary opens its check-in card from the details', async ({context}) => {
	const {card} = await firstPudongCard(context);
	const badge = card.locator('[data-ctc-badge] button.badge');
	await expect(badge).toContainText('24h transit ✓ PVG');
	await badge.click();
	const [checkIn] = await Promise.all([
		context.waitForEvent('page'),
		detailsIn(card).getByRole('button', {name: 'Check-in card (print, English + 中文)'}).click(),
	]);
	await expect(checkIn.getByRole('heading', {level: 1})).toContainText('24-hour direct transit');
	await expect(checkIn.getByRole('heading', {level: 1})).toContainText('24小时');
	await expect(checkIn.locator('body')).toContainText('SFO');
	await expect(checkIn.locator('body')).toContainText('PVG');
});

// An agent reviewing a booking copies what the badge found into a note: the details' "Copy as text" (a real click in
// the extension's frame on the booking page) puts every itinerary the page badge stands for on the clipboard.
test('the details copy as text: each itinerary the badge stands for, its flights and its result', async ({context, extensionId}) => {
	const page = await openKulNrt(context);
	await page.locator('[data-ctc-badge] button.badge').click();
	const card = detailsIn(page);
	await expect(card.getByRole('button', {name: 'Copy as text'})).toBeVisible();
	await card.getByRole('button', {name: 'Copy as text'}).click();
	await expect(card.getByRole('status')).toHaveText('Copied: the route, its flights and the result, with reasons and sources.');
	// Said where the reader is: the frame, scrolled to the button, brings the line under it into view.
	await expect(card.getByRole('status')).toBeInViewport({ratio: 1});
	await page.screenshot({path: '.test-results/details-copied.png'});
	const note = await context.newPage();
	await note.goto(`chrome-extension://${extensionId}/popup.html`);
	const box = note.getByLabel('A GDS/PNR display, an e-ticket or copied page text');
	await box.focus();
	await note.keyboard.press('Control+V');
	const lines = (await box.inputValue()).split('\n');
	expect(lines).toContain('China Transit Check: KUL → HAK → NRT');
	expect(lines).toContain('China Transit Check: KUL → SZX → NRT');
	expect(lines.filter((l) => l.startsWith('Stop 1: HAK') || l.startsWith('Stop 1: SZX'))).toHaveLength(2);
	expect(lines.filter((l) => l === '  Best: 24-hour direct transit')).toHaveLength(2);
	expect(lines.at(-2)).toBe('Guidance based on the published rules, not legal advice. Border officers and airlines decide.');
});

test('the language setting switches the badge to Chinese', async ({context, extensionId}) => {
	const page = await openKulNrt(context);
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	await options.getByRole('combobox', {name: 'Language'}).selectOption('zh-CN');
	await expect(options.getByRole('heading', {level: 1})).toHaveText('中国过境免签查询 — 设置');
	await page.bringToFront();
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveText('2个行程经停中国 · 24小时过境 ✓ HAK');
	await page.locator('[data-ctc-badge] button.badge').click();
	await expect(detailsIn(page)).toContainText('第1站：HAK');
	await page.screenshot({path: '.test-results/details-zh-CN.png'});
	await options.getByRole('combobox', {name: '语言'}).selectOption('zh-TW');
	await page.bringToFront();
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveText('2個行程經停中國 · 24小時過境 ✓ HAK');
});

/** The extension API on an extension page, as far as these tests use it. */
type Ext = {
	chrome: {
		storage: {
			local: {
				get: (key: string) => Promise<Record<string, unknown>>;
				set: (items: Record<string, unknown>) => Promise<void>;
				remove: (key: string) => Promise<void>;
			};
		};
	};
};

test('the compact rules reach the content script from storage, and from the background when storage has none of its build', async ({
	context,
	extensionId,
}) => {
	// The background stores them when it starts; an extension page of ours can read and change that item.
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	const stored = () =>
		options.evaluate(async () => (await (globalThis as unknown as Ext).chrome.storage.local.get('compactBundled')).compactBundled);
	await expect.poll(async () => typeof ((await stored()) as {text?: unknown} | undefined)?.text).toBe('string');
	const {digest, text} = (await stored()) as {digest: string; text: string};
	expect(digest).toMatch(/^[0-9a-f]{16}$/);
	expect(JSON.parse(text).rulesVersion).toMatch(/^\d{4}\.\d{2}\.\d{2}$/);
	// As after an install or an update, before the background has stored this build's: none, then another build's
	// (whose rules say nothing of Haikou or Shenzhen). The badge is the same each time: asked of the background.
	for (const item of [undefined, {digest: 'ffffffffffffffff', text: '{"rulesVersion":"2000.01.01","rules":{}}'}]) {
		await options.evaluate(async (value) => {
			const local = (globalThis as unknown as Ext).chrome.storage.local;
			if (value) await local.set({compactBundled: value});
			else await local.remove('compactBundled');
		}, item);
		const page = await openKulNrt(context);
		await expect(page.locator('[data-ctc-badge] button.badge')).toHaveText('2 via China · 24h transit ✓ HAK');
		await page.close();
	}
});

test('no badge on a results page whose itineraries never touch the mainland (SFO → HKG/TPE → NRT)', async ({context}) => {
	await serve(context, 'https://www.google.com/travel/flights/**', fixture('google-flights/sfo-nrt-2025.html'));
	const page = await context.newPage();
	await page.goto(SFO_NRT);
	await expect(page.locator('html')).toHaveAttribute('data-china-transit-check', 'ready');
	await page.waitForTimeout(800);
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0);
});

test('an SPA navigation away from the results removes the badge, and back brings it again', async ({context}) => {
	const page = await openKulNrt(context);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	await page.evaluate(() => history.pushState({}, '', `${location.origin}/travel/hotels`));
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0, {timeout: 5000});
	await page.evaluate(() =>
		history.pushState({}, '', `${location.origin}/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTA1LTEwagcIARIDS1VMcgcIARIDTlJU`),
	);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1, {timeout: 5000});
});

test('the page deleting the badge gets it back, a few times in a row at most, and again when the page changes a while later', async ({
	context,
}) => {
	const page = await openKulNrt(context);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	for (let i = 0; i < 3; i++) {
		await page.evaluate(() => document.querySelector('[data-ctc-badge]')?.remove());
		await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	}
	// A page that keeps deleting it wins after three restores in a row: no fight over the DOM.
	await page.evaluate(() => document.querySelector('[data-ctc-badge]')?.remove());
	await page.waitForTimeout(500);
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0);
	// A while later the page renders something again (its prices refreshed, say): the badge is back.
	await page.waitForTimeout(RESTORE_QUIET_MS);
	await page.evaluate(() => document.body.append(document.createElement('div')));
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
});

test('clicks, keys and focus on the badge do not reach the page', async ({context}) => {
	const page = await openKulNrt(context);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	const types = ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'focusin'];
	await page.evaluate((list) => {
		const hits: string[] = [];
		(window as unknown as {hits: string[]}).hits = hits;
		// On the document, in the bubbling phase: where a card's own handlers (or a site's delegated ones) hear events.
		for (const type of list) document.addEventListener(type, (event) => hits.push(`${type} on ${(event.target as Element).tagName}`));
	}, types);
	const hits = () => page.evaluate(() => (window as unknown as {hits: string[]}).hits.splice(0));
	// The keyboard first, before any pointer came near: a badge reached by Tab alone.
	await page.locator('[data-ctc-badge] button.badge').focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-ctc-badge] .popover')).toBeVisible();
	await page.keyboard.press('Escape');
	expect(await hits()).toEqual([]);
	await page.locator('[data-ctc-badge] button.badge').click();
	await expect(page.locator('[data-ctc-badge] .popover')).toBeVisible();
	expect(await hits()).toEqual([]);
	// The page's own elements still hear their events: the listeners above work.
	await page.mouse.click(5, 5);
	expect((await hits()).some((hit) => hit.startsWith('click on '))).toBe(true);
});

test('the badge box is one target for the pointer: beside the pill, a point finds the host and a click stops there; the pill keeps its own clicks', async ({
	context,
}) => {
	const {page, card} = await firstPudongCard(context);
	const pill = card.locator('[data-ctc-badge] button.badge');
	await expect(pill).toContainText('24h transit ✓ PVG');
	const hostBox = (await card.locator('[data-ctc-badge]').boundingBox())!;
	const pillBox = (await pill.boundingBox())!;
	// The box is the same for every badge (it says nothing of the settings): this pill leaves part of it empty.
	expect(pillBox.x + pillBox.width).toBeLessThan(hostBox.x + hostBox.width - 20);
	const beside = {x: hostBox.x + hostBox.width - 10, y: hostBox.y + hostBox.height / 2};
	// What a page script finds there, under a style of its own or none: the badge, the card or the page.
	const foundUnder = (style: string) =>
		page.evaluate(
			({x, y, style}) => {
				const sheet = document.head.appendChild(document.createElement('style'));
				sheet.textContent = style;
				const at = document.elementFromPoint(x, y);
				sheet.remove();
				return at?.hasAttribute('data-ctc-badge') ? 'badge' : at?.closest('li') ? 'card' : 'page';
			},
			{...beside, style},
		);
	// The host, as over the pill (until 2026-12, the card under it: hit testing across the box measured the pill, and
	// so how long the verdict for the traveller's passport was).
	expect(await foundUnder('')).toBe('badge');
	// Nor can the page's own style make the box let the pointer through beside the pill (the host's `auto` is
	// `!important` from inside its shadow root, which beats the page's).
	expect(await foundUnder('span { pointer-events: none !important; }')).toBe('badge');
	expect(await foundUnder('li * { pointer-events: none !important; }')).toBe('badge');
	await page.evaluate(recordClicks);
	const hits = () => page.evaluate(takeClicks);
	await page.mouse.click(beside.x, beside.y);
	expect(await hits()).toEqual([]);
	await expect(card.locator('[data-ctc-badge] .popover')).toBeHidden();
	await pill.click();
	await expect(card.locator('[data-ctc-badge] .popover')).toBeVisible();
	expect(await hits()).toEqual([]);
	// Outside the box, the card hears its clicks as ever.
	await page.keyboard.press('Escape');
	await page.mouse.click(hostBox.x + hostBox.width + 20, hostBox.y - 20);
	expect(await hits()).toEqual(['card']);
});

test('the extension makes no network request of its own', async ({context, extensionId}) => {
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const page = await openKulNrt(context);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	await page.locator('[data-ctc-badge] button.badge').click();
	const options = await setPassports(context, extensionId, ['FR']);
	await options.close();
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByLabel('From').fill('JFK');
	await popup.getByLabel('Connecting in China').fill('PEK');
	await popup.getByLabel('To', {exact: true}).fill('NRT');
	await popup.getByRole('button', {name: 'Check', exact: true}).click();
	await expect(popup.getByTestId('result')).toContainText('24-hour direct transit');
	await popup.close();
	await page.waitForTimeout(500);
	// Every web request must be the page itself or something the saved page's own markup asks for (its fonts, say):
	// a request for anything else could only come from the extension.
	const html = fixture('google-flights/kul-nrt-loading-composite.html');
	const web = requests.filter((u) => /^https?:/.test(u));
	expect(web.length).toBeGreaterThan(0);
	const unexplained = web.filter((u) => !u.startsWith(KUL_NRT) && !html.includes(u) && !html.includes(u.replace(/&/g, '&amp;')));
	expect(unexplained).toEqual([]);
});
