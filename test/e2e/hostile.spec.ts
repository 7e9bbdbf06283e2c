import type {BrowserContext, Page} from '@playwright/test';
import {RESTORE_QUIET_MS} from '../../lib/scan/card-badges';
import {EAGER_BADGES} from '../../lib/scan/card-reading';
import {detailsIn, expect, test} from './fixtures';
import {PAGE_SABOTAGE} from './sabotage';

/**
 * Hostile pages: the extension keeps working or stops quietly, the page keeps working, and nothing but one line per
 * adapter failure reaches the page's console. The cards here carry the hooks of a real Google Flights card (the
 * Cathay Pacific SFO → HKG → NRT card of the 2025 capture, its connection moved to Shanghai Pudong), stripped to
 * those hooks so that thousands fit in a page.
 */
const URL_ = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';
const SENTENCE =
	'Leaves San Francisco International Airport at 12:05\u202fAM on Wednesday, August 20 and arrives at Narita International Airport at 1:40\u202fPM on Thursday, August 21.';
const CARD = `<li class="pIav2d"><div role="link" tabindex="0" aria-label="From 542 US dollars. 1 stop flight with Cathay Pacific. ${SENTENCE} Total duration 21 hr 35 min. Layover (1 of 1) is a 3 hr 5 min layover at Shanghai Pudong International Airport in Shanghai. Select flight"></div><div data-travelimpactmodelwebsiteurl="https://www.travelimpactmodel.org/lookup/flight?itinerary=SFO-PVG-CX-851-20250820,PVG-NRT-CX-526-20250821"></div><span aria-label="${SENTENCE}">12:05 AM – 1:40 PM</span> <span class="price">$542</span></li>`;
const BADGE = '24h transit ✓ PVG';

function page(body: string, head = ''): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Google Flights</title>${head}</head><body><h3>Other flights</h3>${body}</body></html>`;
}

async function open(
	context: BrowserContext,
	html: string,
	headers: Record<string, string> = {},
): Promise<{page: Page; console: string[]; errors: string[]}> {
	await context.route('https://www.google.com/travel/flights/**', (r) =>
		r.fulfill({status: 200, contentType: 'text/html; charset=utf-8', headers, body: html}),
	);
	const p = await context.newPage();
	const consoleLines: string[] = [];
	const errors: string[] = [];
	p.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
	p.on('pageerror', (e) => errors.push(String(e)));
	await p.goto(URL_);
	return {page: p, console: consoleLines, errors};
}

const ours = (lines: string[]) => lines.filter((l) => /ctc/i.test(l));

test('markup and script-looking text in the page is never run or rendered as HTML', async ({context}) => {
	const evil = '&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;&lt;script&gt;window.__pwned=2&lt;/script&gt;';
	const card = CARD.replace('Cathay Pacific', `Cathay ${evil}`).replace(
		'<span class="price">$542</span>',
		`<span class="price">${evil}</span>`,
	);
	const {page: p, errors} = await open(context, page(`<ul>${card}</ul><p>${evil}</p>`));
	await expect(p.locator('[data-ctc-badge] button.badge')).toHaveText(BADGE);
	await p.locator('[data-ctc-badge] button.badge').click();
	await expect(p.locator('[data-ctc-badge] [role="dialog"]')).toBeVisible();
	expect(await p.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
	expect(await p.locator('[data-ctc-badge] img, [data-ctc-badge] script').count()).toBe(0);
	expect(errors).toEqual([]);
});

test('a page that overrides Array.prototype, JSON, attachShadow, replaceSync and MutationObserver in its own world', async ({context}) => {
	const {page: p} = await open(context, page(`<ul>${CARD}${CARD}</ul>`, PAGE_SABOTAGE));
	// Content scripts run in an isolated world: the page's overrides are its own business.
	await expect(p.locator('[data-ctc-badge] button.badge')).toHaveCount(2);
	await expect(p.locator('[data-ctc-badge] button.badge').first()).toHaveText(BADGE);
	expect(await p.evaluate(() => (window as unknown as {__pageAlive?: string}).__pageAlive)).toBe('yes');
});

test('a page with a strict Content-Security-Policy', async ({context}) => {
	const {page: p, errors} = await open(context, page(`<ul>${CARD}</ul>`), {
		'Content-Security-Policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; connect-src 'none'",
	});
	await expect(p.locator('[data-ctc-badge] button.badge')).toHaveText(BADGE);
	await p.locator('[data-ctc-badge] button.badge').click();
	// The details frame is the extension's: the page's CSP (frame-src falls back to default-src 'none') does not block it.
	await expect(detailsIn(p)).toContainText('Stop 1: PVG');
	expect(errors).toEqual([]);
});

test('a page that removes and re-adds its cards 50 times a second', async ({context}) => {
	const churn = `<script>
		window.addEventListener('load', () => {
			const list = document.querySelector('ul');
			let n = 0;
			const timer = setInterval(() => {
				const cards = [...list.children];
				for (const c of cards) c.remove();
				for (const c of cards) list.append(c);
				if (++n === 150) { clearInterval(timer); window.__churned = n; }
			}, 20);
		});
	</script>`;
	const {page: p, console: lines, errors} = await open(context, page(`<ul>${CARD.repeat(20)}</ul>`, churn));
	await p.waitForFunction(() => (window as unknown as {__churned?: number}).__churned === 150, undefined, {timeout: 15_000});
	await expect(p.locator('[data-ctc-badge] button.badge')).toHaveCount(20);
	expect(errors).toEqual([]);
	expect(ours(lines)).toEqual([]);
});

test('a card whose badge the page deleted in a row gets it back when the page re-renders the card a while later', async ({context}) => {
	const {page: p} = await open(context, page(`<ul>${CARD}</ul>`));
	const badge = p.locator('[data-ctc-badge] button.badge');
	await expect(badge).toHaveCount(1);
	for (let i = 0; i < 3; i++) {
		await p.evaluate(() => document.querySelector('[data-ctc-badge]')?.remove());
		await expect(badge).toHaveCount(1); // put back
	}
	await p.evaluate(() => document.querySelector('[data-ctc-badge]')?.remove());
	await p.waitForTimeout(500);
	await expect(p.locator('[data-ctc-badge]')).toHaveCount(0); // three in a row: left alone
	// Seconds later the page renders the card again (its price refreshed): the badge comes back with it.
	await p.waitForTimeout(RESTORE_QUIET_MS);
	await p.evaluate(() => {
		const card = document.querySelector('li')!;
		card.innerHTML = card.innerHTML.replace('$542', '$539');
	});
	await expect(badge).toHaveCount(1);
	await expect(badge).toHaveText(BADGE);
});

test('a page that deletes our badges: put back three times, then left alone, page unharmed', async ({context}) => {
	const hunter = `<script>
		window.__deleted = 0;
		new MutationObserver(() => {
			for (const b of document.querySelectorAll('[data-ctc-badge]')) { b.remove(); window.__deleted++; }
		}).observe(document.documentElement, {childList: true, subtree: true});
	</script>`;
	const {page: p, console: lines, errors} = await open(context, page(`<ul>${CARD}</ul>`, hunter));
	await p.waitForFunction(() => (window as unknown as {__deleted: number}).__deleted >= 4, undefined, {timeout: 10_000});
	await p.waitForTimeout(1000);
	expect(await p.evaluate(() => (window as unknown as {__deleted: number}).__deleted)).toBe(4); // the first badge and three restores
	await expect(p.locator('[data-ctc-badge]')).toHaveCount(0);
	expect(errors).toEqual([]);
	expect(ours(lines)).toEqual([]);
});

test('a 20,000-card page: verdicts keep arriving in bounded batches, badges for the first cards and near the viewport only, and the page stays responsive', async ({
	context,
}) => {
	test.setTimeout(120_000);
	const many = `<script>
		window.addEventListener('DOMContentLoaded', () => {
			const tpl = document.querySelector('template').content.firstElementChild;
			const list = document.querySelector('ul');
			const frag = document.createDocumentFragment();
			for (let i = 0; i < 20000; i++) frag.append(tpl.cloneNode(true));
			list.append(frag);
		});
	</script>`;
	const {page: p, errors} = await open(context, page(`<template>${CARD}</template><ul></ul>`, many));
	// Itineraries with a mainland stop so far ("read/with a stop"): cards far from the viewport are read in idle time.
	const withStops = async () =>
		Number((await p.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found')))?.split('/')[1]);
	await expect.poll(withStops, {timeout: 60_000}).toBeGreaterThan(EAGER_BADGES + 500);
	// Badges on the first cards read (EAGER_BADGES in lib/scan/card-reading.ts), which include those near the viewport;
	// past them, only on cards within two screens of the viewport (720 px high; a card here is a line or two).
	const badges = () => p.locator('[data-ctc-badge]').count();
	await expect.poll(badges, {timeout: 20_000}).toBeGreaterThanOrEqual(EAGER_BADGES);
	expect(await badges()).toBeLessThan(EAGER_BADGES + 200);
	// Scrolled halfway down, the cards there get theirs.
	await p.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
	await expect
		.poll(() =>
			p.evaluate(() => {
				const at = document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('li');
				return !!at?.querySelector('[data-ctc-badge]');
			}),
		)
		.toBe(true);
	// The page's own work still gets the main thread between our batches.
	for (let i = 0; i < 3; i++) {
		const start = Date.now();
		expect(await p.evaluate(() => document.querySelectorAll('li').length)).toBe(20000);
		expect(Date.now() - start).toBeLessThan(2000);
	}
	const before = await withStops();
	await p.waitForTimeout(3000);
	expect(await withStops()).toBeGreaterThan(before); // still progressing, a bounded batch at a time
	expect(errors).toEqual([]);
});

test('an iframe-heavy page: badges in the top document, frames untouched', async ({context}) => {
	const frames = Array.from(
		{length: 30},
		(_, i) => `<iframe title="ad ${i}" srcdoc="<ul>${CARD.replaceAll('"', '&quot;')}</ul>"></iframe>`,
	).join('');
	const {page: p, errors} = await open(context, page(`<ul>${CARD}</ul>${frames}`));
	await expect(p.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	for (const frame of p.frames().slice(1, 4)) expect(await frame.locator('[data-ctc-badge]').count()).toBe(0);
	expect(errors).toEqual([]);
});

test('a page whose cards stop making sense logs one line for the adapter, not one per card', async ({context}) => {
	const broken = CARD.replace('Layover (1 of 1) is a 3 hr 5 min layover at Shanghai Pudong International Airport in Shanghai. ', '');
	const {page: p, console: lines} = await open(context, page(`<ul>${broken.repeat(30)}</ul>`));
	await expect.poll(() => p.evaluate(() => document.documentElement.getAttribute('data-china-transit-check'))).toBe('ready');
	await p.waitForTimeout(1500);
	await expect(p.locator('[data-ctc-badge]')).toHaveCount(0);
	expect(ours(lines)).toHaveLength(1);
	expect(ours(lines)[0]).toMatch(/\[ctc:google-flights\]/);
});
