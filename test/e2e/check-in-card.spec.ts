import AxeBuilder from '@axe-core/playwright';
import type {BrowserContext, Page} from '@playwright/test';
import fs from 'node:fs';
import type {TripInput} from '../../lib/rules/types';
import {expect, test} from './fixtures';

/** US passport, four days in Shanghai on the way to Seoul: 240-hour transit (the longest card: it lists the areas). */
const PVG_240H: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00', flight: 'MU5041'},
	],
};
const PEK_24H: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00', flight: 'CA982'},
		{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45', flight: 'CA925'},
	],
};
/** The 240-hour trip as an e-ticket's coupons give it: departures only, each flight's earliest landing beside it. */
const PVG_COUPONS: TripInput = {
	passports: ['US'],
	segments: [
		{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', flight: 'MU586', arrivalNotBefore: '2026-03-16T02:00'},
		{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', flight: 'MU5041', arrivalNotBefore: '2026-03-20T10:00'},
	],
};
const PVG_VISA_FREE: TripInput = {
	passports: ['FR'],
	segments: [
		{from: 'CDG', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T07:00', flight: 'AF112'},
		{from: 'PVG', to: 'CDG', departure: '2026-03-30T09:00', arrival: '2026-03-30T15:00', flight: 'AF111'},
	],
};

const CARD_URL = /^chrome-extension:\/\/[a-p]{32}\/check-in-card\.html#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An extension page to ask from, as the popup does (a badge asks the same way from its content script). */
async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
	const url = `chrome-extension://${extensionId}/popup.html`;
	const open = context.pages().find((p) => p.url() === url);
	if (open) return open;
	const page = await context.newPage();
	await page.goto(url);
	return page;
}

/** Sends `open-card` to the background; a click within its rate limit is refused, so this one waits and asks again. */
async function askForCard(from: Page, trip: unknown): Promise<unknown> {
	return from.evaluate(async (t) => {
		const g = globalThis as unknown as {chrome: {runtime: {sendMessage: (m: object) => Promise<{ok: boolean; reason?: string}>}}};
		for (;;) {
			const reply = await g.chrome.runtime.sendMessage({type: 'open-card', trip: t});
			if (reply?.reason !== 'rate-limited') return reply;
			await new Promise((r) => setTimeout(r, 200));
		}
	}, trip);
}

const cardPages = (context: BrowserContext) => context.pages().filter((p) => CARD_URL.test(p.url()));

/**
 * Opens the card the way the extension does: the background stores the trip under a one-time key and opens (or
 * reuses) the card tab on `check-in-card.html#<key>`. Returns that tab, once it shows the new key.
 */
async function openCard(context: BrowserContext, extensionId: string, trip: unknown): Promise<Page> {
	const from = await extensionPage(context, extensionId);
	const before = new Set(cardPages(context).map((p) => p.url()));
	expect(await askForCard(from, trip)).toEqual({ok: true});
	let card: Page | undefined;
	await expect.poll(() => (card = cardPages(context).find((p) => !before.has(p.url())))).toBeDefined();
	// Only the key: no passport, airport, flight or date in the URL, the history or anything synced.
	expect(card!.url()).toMatch(CARD_URL);
	return card!;
}

/** Writes the settings the way the extension stores them (WXT's `local:settings`), from the service worker. */
async function setLanguage(context: BrowserContext, language: 'en' | 'zh-CN' | 'zh-TW'): Promise<void> {
	const [worker] = context.serviceWorkers();
	await worker!.evaluate(async (lang) => {
		const g = globalThis as unknown as {chrome: {storage: {local: {set: (items: object) => Promise<void>}}}};
		await g.chrome.storage.local.set({settings: {passports: [], language: lang, disabledSites: []}});
	}, language);
}

/** Pages in a PDF: page objects, not the `/Type /Pages` tree node. */
function pdfPages(pdf: Buffer): number {
	return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test('the 240-hour card states the policy, traveller, stay and official wording in English and Chinese', async ({context, extensionId}) => {
	await setLanguage(context, 'en');
	const page = await openCard(context, extensionId, PVG_240H);
	const card = page.getByTestId('card');
	await expect(card).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', {level: 1})).toHaveText(/240-hour visa-free transit\s*240小时过境免签/);
	await expect(page.getByTestId('passport')).toContainText('United States 美国 (US)');
	await expect(card.getByRole('table')).toContainText('MU586');
	await expect(card.getByRole('table')).toContainText('上海浦东国际机场');
	// Foreign airports have their city in Chinese beside the English name (LAX: 洛杉矶, ICN: 首尔), and the checks
	// name the countries in both languages rather than by their codes.
	await expect(card.getByRole('table')).toContainText('Los Angeles International Airport洛杉矶');
	await expect(card.getByRole('table')).toContainText('首尔');
	await expect(card).toContainText('Your passport is from the United States, which is on the list of eligible countries.');
	// As seen (an arrow between the countries), and as a screen reader says it (a word: it would say “right arrow”).
	const textOf = (without: string) =>
		card.evaluate((el, selector) => {
			const copy = el.cloneNode(true) as HTMLElement;
			for (const hidden of copy.querySelectorAll(selector)) hidden.remove();
			return copy.textContent;
		}, without);
	expect(await textOf('.visually-hidden')).toContain('前往第三国或地区（美国 → 韩国）。');
	expect(await textOf('[aria-hidden="true"]')).toContain('前往第三国或地区（美国 至 韩国）。');
	expect(await textOf('[aria-hidden="true"]')).toContain('Onward to a third country or region (United States to South Korea).');
	await expect(page.getByTestId('deadline')).toContainText('2026-03-27 00:00 Beijing time (the end of 2026-03-26)');
	await expect(page.getByTestId('deadline')).toContainText('北京时间2026-03-27 00:00前（即2026-03-26当天结束前）');
	await expect(card).toContainText('● Shanghai');
	await expect(card).toContainText('广西（南宁市');
	// NIA measure 6 of 2025-11-03 [S1]: "…可从24个省（自治区、直辖市）65个开放口岸中任一口岸免签入境，并在规定区域停留活动不超过240小时。"
	await expect(page.getByTestId('wording-zh')).toContainText('65个开放口岸中任一口岸免签入境，并在规定区域停留活动不超过240小时');
	await expect(page.getByTestId('wording-zh')).toContainText('Official text');
	await expect(page.getByTestId('wording-en')).toContainText('Our translation, not an official text');
	await expect(page.getByTestId('source')).toContainText("National Immigration Administration's ten immigration and exit-entry measures");
	await expect(page.getByTestId('source')).toContainText('HK News Net');
	await expect(page.getByTestId('source')).toContainText('2025-11-03');
	// Our copy of the NIA text is a news report: the card names it without calling it official, and links nothing.
	await expect(page.getByTestId('source')).toContainText('not an official source 非官方来源');
	await expect(page.getByTestId('source').locator('a')).toHaveCount(0);
	await expect(page.getByTestId('also-at')).toContainText('Ten immigration and exit-entry management service measures');
	// Every link on the card opens over https (the sites themselves are checked against the allowlist in the unit tests).
	for (const href of await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
		expect(href).toMatch(/^https:\/\//);
	await expect(page.getByTestId('rules-as-of')).toContainText('Rules as of 2026-11-22');
	await expect(card).toContainText('The border officer decides on entry');
	await expect(card).toContainText('是否准予入境由边检机关决定');

	const axe = await new AxeBuilder({page}).analyze();
	expect(axe.violations).toEqual([]);
	await page.screenshot({path: '.test-results/card-en.png', fullPage: true});

	const print = page.getByRole('button', {name: /Print/});
	await expect(print).toBeVisible();
	await page.emulateMedia({media: 'print'});
	await expect(print).toBeHidden();
	await page.emulateMedia({media: null}); // back to the default, so page.pdf() prints with print CSS

	const pdf = await page.pdf({format: 'A4', printBackground: true});
	fs.mkdirSync('.test-results', {recursive: true});
	fs.writeFileSync('.test-results/check-in-card.pdf', pdf); // kept before the checks, to look at when they fail
	expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
	expect(pdfPages(pdf)).toBe(1);
});

test('the 24-hour and visa-free cards also fit on one page, and say which wording is official', async ({context, extensionId}) => {
	await setLanguage(context, 'en');
	const t24 = await openCard(context, extensionId, PEK_24H);
	await expect(t24.getByRole('heading', {level: 1})).toHaveText(/24-hour direct transit\s*24小时直接过境/);
	// Exit and Entry Administration Law art. 22(3): "…在中国境内停留不超过二十四小时且不离开口岸…" / "…without leaving the port of entry…"
	await expect(t24.getByTestId('wording-zh')).toContainText('在中国境内停留不超过二十四小时且不离开口岸');
	await expect(t24.getByTestId('wording-en')).toContainText(
		'will stay for not more than 24 hours in China without leaving the port of entry',
	);
	await expect(t24.getByTestId('wording-en')).toContainText('Published English version; the Chinese text prevails');
	await expect(t24.getByTestId('wording-zh')).toContainText('Official text 官方原文');
	await expect(t24.getByTestId('source')).toContainText("National People's Congress");
	// The law on a government site: the one kind of source the card calls official, with its https link.
	await expect(t24.getByTestId('source')).toContainText('official source 官方来源');
	await expect(t24.getByTestId('source').locator('a')).toHaveAttribute('href', /^https:\/\/[^/]+\.gov\.cn\//);
	expect(pdfPages(await t24.pdf({format: 'A4', printBackground: true}))).toBe(1);

	// The next card reuses the card tab.
	const vf = await openCard(context, extensionId, PVG_VISA_FREE);
	expect(vf).toBe(t24);
	expect(cardPages(context)).toHaveLength(1);
	await expect(vf.getByRole('heading', {level: 1})).toHaveText(/Visa-free entry\s*免签入境/);
	await expect(vf.getByTestId('deadline')).toContainText('2026-04-16 00:00 Beijing time (the end of 2026-04-15)');
	await expect(vf.getByTestId('no-official-text')).toContainText('No official text of this rule was found in our sources');
	await expect(vf.getByTestId('source')).toContainText('Ministry of Foreign Affairs');
	expect((await new AxeBuilder({page: vf}).analyze()).violations).toEqual([]);
	expect(pdfPages(await vf.pdf({format: 'A4', printBackground: true}))).toBe(1);

	// From ticket coupons (no arrivals): the stay says how early the flight can land, and no deadline is promised.
	const coupons = await openCard(context, extensionId, PVG_COUPONS);
	await expect(coupons.getByRole('heading', {level: 1})).toHaveText(/240-hour visa-free transit\s*240小时过境免签/);
	await expect(coupons.getByTestId('card')).toContainText('not shown (not before 2026-03-16 02:00)');
	await expect(coupons.getByTestId('card')).toContainText('未显示（不早于2026-03-16 02:00）');
	await expect(coupons.getByTestId('deadline')).toHaveCount(0);
	expect(pdfPages(await coupons.pdf({format: 'A4', printBackground: true}))).toBe(1);
});

/** A card URL typed, pasted or taken from history: not through the background. */
async function visit(context: BrowserContext, extensionId: string, hash: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`chrome-extension://${extensionId}/check-in-card.html${hash === '' ? '' : `#${hash}`}`);
	return page;
}

test('the card link is a one-time key: a burst of clicks opens one tab, a reload keeps the card, the link elsewhere has expired', async ({
	context,
	extensionId,
}) => {
	await setLanguage(context, 'en');
	const from = await extensionPage(context, extensionId);
	const replies = await from.evaluate(async (trip) => {
		const g = globalThis as unknown as {chrome: {runtime: {sendMessage: (m: object) => Promise<unknown>}}};
		return Promise.all(Array.from({length: 20}, () => g.chrome.runtime.sendMessage({type: 'open-card', trip})));
	}, PVG_240H);
	expect(replies.filter((r) => (r as {ok: boolean}).ok)).toHaveLength(1);
	expect(replies).toContainEqual({ok: false, reason: 'rate-limited'});
	await expect.poll(() => cardPages(context).length).toBe(1);
	const page = cardPages(context)[0]!;
	await expect(page.getByTestId('card')).toBeVisible();
	const url = page.url();
	expect(url).toMatch(CARD_URL);
	for (const secret of ['US', 'LAX', 'PVG', 'ICN', 'MU586', '2026', '%7B']) expect(url).not.toContain(secret);

	// The entry was taken: content of storage.session is gone, the tab keeps its own copy for a reload.
	const left = await from.evaluate(async () => {
		const g = globalThis as unknown as {chrome: {storage: {session: {get: (k: null) => Promise<Record<string, unknown>>}}}};
		return Object.keys(await g.chrome.storage.session.get(null)).filter((k) => k.startsWith('card:'));
	});
	expect(left).toEqual([]);
	await page.reload();
	await expect(page.getByTestId('deadline')).toContainText('2026-03-27 00:00 Beijing time');

	// The same link in another tab (copied, or from history) finds nothing.
	const copied = await visit(context, extensionId, url.split('#')[1]!);
	await expect(copied.getByTestId('card-error')).toContainText('This card link has expired: open it again from the badge or the popup.');
	await expect(copied.getByTestId('card')).toHaveCount(0);
	expect((await new AxeBuilder({page: copied}).analyze()).violations).toEqual([]);

	// The old message, the trip as a URL hash, is refused.
	expect(
		await from.evaluate(async () => {
			const g = globalThis as unknown as {chrome: {runtime: {sendMessage: (m: object) => Promise<unknown>}}};
			return g.chrome.runtime.sendMessage({type: 'open-card', hash: 'x'});
		}),
	).toEqual({ok: false, reason: 'invalid'});
});

test('a bad, old-style or missing link shows an error and no card', async ({context, extensionId}) => {
	await setLanguage(context, 'en');
	const garbage = await visit(context, extensionId, 'not-a-trip');
	await expect(garbage.getByTestId('card-error')).toContainText('This card link cannot be read');
	await expect(garbage.getByTestId('card-error')).toContainText('The link is damaged or incomplete.');
	await expect(garbage.getByTestId('card')).toHaveCount(0);
	await expect(garbage.getByRole('button', {name: /Print/})).toHaveCount(0);

	// Links that carried the trip itself are not read any more.
	const old = await visit(context, extensionId, encodeURIComponent(JSON.stringify(PVG_240H)));
	await expect(old.getByTestId('card-error')).toContainText('The link is damaged or incomplete.');

	const empty = await visit(context, extensionId, '');
	await expect(empty.getByTestId('card-error')).toContainText('The link carries no trip.');
	expect((await new AxeBuilder({page: empty}).analyze()).violations).toEqual([]);

	// Structurally a trip, so the background stores it; the card page checks it against the rules.
	const unknownAirport = await openCard(context, extensionId, {passports: ['US'], segments: [{from: 'LAX', to: 'ZZZ'}]});
	await expect(unknownAirport.getByTestId('card-error')).toContainText('The trip for this card is not valid.');
	await expect(unknownAirport.getByTestId('card-error')).toContainText('unknown airport code "ZZZ"');

	const roundTrip: TripInput = {
		passports: ['US'],
		segments: [
			{from: 'LAX', to: 'PVG', arrival: '2026-03-16T17:00'},
			{from: 'PVG', to: 'LAX', departure: '2026-03-20T09:00'},
		],
	};
	const none = await openCard(context, extensionId, roundTrip);
	await expect(none.getByTestId('no-card')).toContainText('No visa-free route was found for this trip');
	await expect(none.getByTestId('no-card')).toContainText('未找到此行程的免签方案');
	await expect(none.getByTestId('card')).toHaveCount(0);
});

test('in Chinese the card leads with Chinese, Simplified or Traditional as set', async ({context, extensionId}) => {
	await setLanguage(context, 'zh-CN');
	const page = await openCard(context, extensionId, PVG_240H);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', {level: 1})).toHaveText(/240小时过境免签\s*240-hour visa-free transit/);
	await expect(page.getByRole('button', {name: /打印/})).toBeVisible();
	await expect(page.getByTestId('deadline')).toContainText('北京时间2026-03-27 00:00前');
	await expect(page.getByRole('table')).toContainText('上海浦东国际机场');
	expect((await new AxeBuilder({page}).analyze()).violations).toEqual([]);
	await page.screenshot({path: '.test-results/card-zh-CN.png', fullPage: true});
	expect(pdfPages(await page.pdf({format: 'A4', printBackground: true}))).toBe(1);

	await setLanguage(context, 'zh-TW');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
	await expect(page.getByRole('heading', {level: 1})).toHaveText(/240小時過境免簽\s*240-hour visa-free transit/);
	await expect(page.getByRole('button', {name: /列印/})).toBeVisible();
	// The airports' Chinese names in the card's script (before, in simplified on a Traditional card too).
	await expect(page.getByRole('table')).toContainText('上海浦東國際機場');
	await expect(page.getByTestId('card')).not.toContainText('上海浦东国际机场');
	// The official text keeps its original simplified characters.
	await expect(page.getByTestId('wording-zh')).toContainText('并在规定区域停留活动不超过240小时');
	await expect(page.getByTestId('wording-zh')).toContainText('中文按原文簡體字呈現');
});
