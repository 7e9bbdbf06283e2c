/**
 * The Firefox build in real Firefox ESR: installed as a temporary add-on, a real booking URL answered from a saved
 * page (request interception), badges and the popup asserted. Uses `.output/firefox-mv2-e2e` (the release build
 * plus web-accessible popup/options so the test can open them; see wxt.config.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {GECKO_ID} from '../../wxt.config';
import {
	atHost,
	badgesInClippingBoxes,
	CARD,
	clipHiddenPanelBadges,
	CLIP_IN_PLACE,
	FADES,
	fadeInPage,
	LAYERS,
	PAINT_CASES,
	paintPage,
	showEveryPanel,
	VEIL,
	withStyle,
	type PaintCase,
} from '../e2e/paint-cases';
import {HOSTS_KEPT, RECORD_HOSTS, SCROLL_THROUGH, withScrollPanes} from '../e2e/scroll-panes';
import {recordClicks, recordTouchHits, takeClicks, takeTouchHits} from '../e2e/page-clicks';
import {OBSERVED_URL, observedPage} from '../e2e/page-observer-page';
import {onePagePdf} from '../e2e/one-page-pdf';
import {PAGE_SABOTAGE} from '../e2e/sabotage';
import {agentPage, signedFile, startRulesServer, tamperedFile, updatedRules} from '../e2e/rules-update-setup';
import {detailsFrame, detailsFrameText, launchWithExtension} from './launch';
import {SELECTION_REQUEST_ITEM} from '../../lib/browser/selection-menu';

const EXT_DIR = path.resolve(process.env.FF_EXT_DIR ?? '.output/firefox-mv2-e2e');
const UUID = '5f3a1b2c-7d4e-4f60-8a9b-0c1d2e3f4a5b'; // pins moz-extension://<uuid>
const KUL_NRT = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTA1LTEwagcIARIDS1VMcgcIARIDTlJU&hl=en';
const SFO_NRT = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';
const AGENT = 'https://agent.example.test/desk/pnr';
const pages: Record<string, string> = {
	[AGENT]: fs.readFileSync('test/fixtures/agent/pnr-workspace-composite.html', 'utf8'),
	[KUL_NRT]: fs.readFileSync('test/fixtures/google-flights/kul-nrt-loading-composite.html', 'utf8'),
	[SFO_NRT]: fs.readFileSync('test/fixtures/google-flights/sfo-nrt-2025.html', 'utf8'),
};

let browser: Browser;

/**
 * Opens `url` answered from its saved page (`page0`, else the one listed above for it), with `headers`; every other
 * request fails.
 */
async function open(
	url: string,
	viewport?: {width: number; height: number},
	page0?: string,
	headers: Record<string, string> = {},
): Promise<Page> {
	const page = await browser.newPage();
	if (viewport) await page.setViewport(viewport);
	await page.setRequestInterception(true);
	page.on('request', (req) => {
		const body = req.url() === url && page0 ? page0 : pages[req.url()];
		if (body) void req.respond({status: 200, contentType: 'text/html; charset=utf-8', headers, body});
		else if (/^https?:/.test(req.url())) void req.abort();
		else void req.continue();
	});
	await page.goto(url);
	return page;
}

/** Text of every badge on the page, read through the open shadow roots. */
function badgeTexts(page: Page, min = 1): Promise<string[]> {
	return page
		.waitForFunction(
			(n: number) => {
				const texts = [...document.querySelectorAll('[data-ctc-badge]')].map(
					(h) => h.shadowRoot?.querySelector('button.badge')?.textContent ?? '',
				);
				return texts.length >= n && texts.every(Boolean) ? texts : undefined;
			},
			{timeout: 15_000},
			min,
		)
		.then((h) => h.jsonValue() as Promise<string[]>);
}

/**
 * The text of the open details: in the extension's details frame inside the badge's popover (never in the page's
 * document), once it says `includes`.
 */
async function detailsText(page: Page, includes: string): Promise<string> {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const text = await detailsFrameText(page, '.details');
		if (text.includes(includes)) return text;
		if (Date.now() > deadline) throw new Error(`no details frame saying "${includes}" (${text})`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Selects the text of the element with this id in the page, as a user's drag would. */
function selectIn(page: Page, id: string): Promise<void> {
	return page.evaluate((elementId: string) => {
		const range = document.createRange();
		range.selectNodeContents(document.getElementById(elementId)!);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
	}, id);
}

/** Clicks the page's first badge (a trusted click) and waits for its details: the text of the open card. */
async function detailsOf(page: Page): Promise<string> {
	await (await page.$('[data-ctc-badge] >>> button.badge'))!.click();
	return detailsText(page, 'Stop 1');
}

/** Waits, in an extension page, until the background has registered the content script for the agent tool's site. */
function agentScriptRegistered(page: Page) {
	return page.waitForFunction(
		async () => {
			const g = globalThis as unknown as {browser: {scripting: {getRegisteredContentScripts: () => Promise<{matches?: string[]}[]>}}};
			return (await g.browser.scripting.getRegisteredContentScripts()).some((s) =>
				s.matches?.includes('https://agent.example.test/*'),
			);
		},
		{timeout: 15_000},
	);
}

async function extensionPage(file: string): Promise<Page> {
	const page = await browser.newPage();
	await page.goto('about:blank');
	// BiDi will not navigate to moz-extension:// directly; a page may, to a web-accessible extension page.
	await page.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/${file}`);
	return page;
}

type StorageGlobal = {
	browser: {storage: {local: {get: (k: string) => Promise<Record<string, unknown>>; set: (v: object) => Promise<void>}}};
};

/**
 * Runs `body` with these settings stored over the current ones (as the options page stores them; a user site's script
 * registered before it starts), then puts the settings back, whatever happened.
 */
async function withSettings(patch: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
	const options = await extensionPage('options.html');
	await options.waitForSelector('main');
	const saved = await options.evaluate(async (changes) => {
		const g = globalThis as unknown as StorageGlobal;
		const current = ((await g.browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
		await g.browser.storage.local.set({settings: {...current, ...changes}});
		return current;
	}, patch);
	try {
		if (patch.extraSites) await agentScriptRegistered(options);
		await body();
	} finally {
		await options.evaluate(async (settings) => {
			const g = globalThis as unknown as StorageGlobal;
			await g.browser.storage.local.set({settings});
		}, saved);
		await options.close();
	}
}

/** The popup, opened as a page about the tab at `url` (`?tab=ID`, as a toolbar click would be about it). */
async function popupFor(url: string): Promise<Page> {
	const popup = await extensionPage('popup.html');
	await popup.waitForSelector('main');
	const tabId = await popup.evaluate(async (u) => {
		const g = globalThis as unknown as {browser: {tabs: {query: (q: object) => Promise<{id: number}[]>}}};
		return (await g.browser.tabs.query({url: u}))[0]!.id;
	}, url);
	await popup.evaluate((id) => void (location.search = `?tab=${id}`), tabId);
	return popup;
}

/** The text of the element with this test id in `page` (the popup), once it includes `match`. */
function textOnceIncludes(page: Page, testId: string, match: string): Promise<string> {
	return page
		.waitForFunction(
			(id: string, m: string) => {
				const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
				return text.includes(m) ? text : undefined;
			},
			{timeout: 15_000},
			testId,
			match,
		)
		.then((h) => h.jsonValue() as Promise<string>);
}

beforeAll(async () => {
	browser = await launchWithExtension(EXT_DIR, UUID);
	// The install opens the welcome page: checked (axe, its words) and closed here, so every test starts without it.
	welcome = await welcomeFindings();
});

/** The welcome page the install opened: its heading and axe's violations; then it is closed. */
async function welcomeFindings(): Promise<{heading: string; violations: string[]}> {
	const url = `moz-extension://${UUID}/welcome.html`;
	const deadline = Date.now() + 15_000;
	let page: Page | undefined;
	while (!page && Date.now() < deadline) {
		for (const p of await browser.pages()) if ((await p.evaluate(() => location.href).catch(() => '')) === url) page = p;
		if (!page) await new Promise((r) => setTimeout(r, 100));
	}
	if (!page) return {heading: '', violations: ['no welcome page opened']};
	await page.waitForSelector('h1');
	const heading = await page.$eval('h1', (h) => h.textContent ?? '');
	// axe-core's source evaluated over WebDriver BiDi (not subject to the page's CSP, which forbids eval).
	await page.evaluate(`${fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8')};0`);
	const run = () =>
		page.evaluate(async () => {
			const axe = (globalThis as unknown as {axe: {run: () => Promise<{violations: {id: string}[]}>}}).axe;
			return (await axe.run()).violations.map((v) => v.id);
		});
	// Light here; test/firefox/look.test.ts runs it in a dark-scheme Firefox too (BiDi cannot switch the scheme per page).
	const violations = await run();
	await page.close();
	return {heading, violations};
}

let welcome: {heading: string; violations: string[]};

afterAll(async () => {
	await browser?.close();
});

describe('Firefox', () => {
	it('opened the welcome page on install, and axe finds nothing on it', () => {
		expect(welcome).toEqual({heading: 'Welcome to China Transit Check', violations: []});
	});

	it('names the keys that open the popup on the options page (the MV2 command), as Firefox gave them', async () => {
		const options = await extensionPage('options.html');
		await options.waitForSelector('[data-testid=shortcut] kbd');
		expect(await options.$eval('[data-testid=shortcut] kbd', (kbd) => kbd.textContent)).toBe('Alt+Shift+K');
		// Firefox's own call for its shortcut settings is there (Firefox 137 and later): the button uses it.
		expect(
			await options.evaluate(
				() =>
					typeof (globalThis as unknown as {browser: {commands: {openShortcutSettings?: unknown}}}).browser.commands
						.openShortcutSettings,
			),
		).toBe('function');
		await options.close();
	});

	it('counts the mainland itineraries of a tab on its toolbar button, and names the best verdict', async () => {
		const page = await open(KUL_NRT);
		await badgeTexts(page);
		const options = await extensionPage('options.html');
		await options.waitForSelector('main');
		const read = () =>
			options.evaluate(async (u) => {
				type Action = {getBadgeText: (d: {tabId: number}) => Promise<string>; getTitle: (d: {tabId: number}) => Promise<string>};
				const g = globalThis as unknown as {
					browser: {browserAction: Action; tabs: {query: (q: object) => Promise<{id: number}[]>}};
				};
				const [tab] = await g.browser.tabs.query({url: u});
				return tab
					? [await g.browser.browserAction.getBadgeText({tabId: tab.id}), await g.browser.browserAction.getTitle({tabId: tab.id})]
					: [];
			}, KUL_NRT);
		const deadline = Date.now() + 10_000;
		let shown = await read();
		while (shown[0] !== '2' && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 200));
			shown = await read();
		}
		expect(shown).toEqual(['2', 'China Transit Check: 2 via mainland China on this page · best: 24h transit ✓ HAK']);
		// A page without a mainland connection in another tab: nothing on its button.
		const other = await open(SFO_NRT);
		await new Promise((r) => setTimeout(r, 1500));
		const plain = await options.evaluate(async (u) => {
			type Action = {getBadgeText: (d: {tabId: number}) => Promise<string>};
			const g = globalThis as unknown as {browser: {browserAction: Action; tabs: {query: (q: object) => Promise<{id: number}[]>}}};
			const [tab] = await g.browser.tabs.query({url: u});
			return tab ? g.browser.browserAction.getBadgeText({tabId: tab.id}) : 'no tab';
		}, SFO_NRT);
		expect(plain).toBe('');
		await other.close();
		await options.close();
		await page.close();
	});

	it('marks the Google Flights page and shows the badge for the mainland connections', async () => {
		const page = await open(KUL_NRT);
		await page.waitForFunction(() => document.documentElement.getAttribute('data-china-transit-check') === 'ready', {timeout: 15_000});
		expect(await badgeTexts(page)).toEqual(['2 via China · 24h transit ✓ HAK']);
		// The badge's stylesheet applies inside its shadow root (a shared constructed sheet, or a <style> fallback).
		const looks = await page.evaluate(() => {
			const button = document.querySelector('[data-ctc-badge]')!.shadowRoot!.querySelector('button.badge')!;
			const css = getComputedStyle(button);
			return {
				radius: css.borderTopLeftRadius,
				display: css.display,
				hostPosition: getComputedStyle(document.querySelector('[data-ctc-badge]')!).position,
			};
		});
		expect(looks).toEqual({radius: '12px', display: 'flex', hostPosition: 'fixed'});
		await page.close();
	});

	it('on a hostile page (a strict CSP, and built-ins the page overrides in its own world) the badge is styled and opens', async () => {
		// The page's styles and connections refused; its inline script (allowed) breaks what a content script might use.
		const csp = "default-src 'none'; style-src 'none'; script-src 'unsafe-inline'; img-src 'none'; connect-src 'none'";
		const page = await open(KUL_NRT, undefined, pages[KUL_NRT]!.replace('<head>', `<head>${PAGE_SABOTAGE}`), {
			'Content-Security-Policy': csp,
		});
		// Firefox's content scripts see the page's objects through Xrays, without its overrides. What the test runs in
		// the page's world meets the overrides too (the driver's own waiting uses a MutationObserver): it polls from
		// here, and uses no array method and no JSON there.
		const badge = () => document.querySelector('[data-ctc-badge]')?.shadowRoot?.querySelector('button.badge');
		const poll = async (expression: string): Promise<unknown> => {
			for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
				const value = await page.evaluate(expression);
				if (value) return value;
			}
			throw new Error(`never true: ${expression}`);
		};
		await poll(`(${badge})()?.textContent === '2 via China · 24h transit ✓ HAK'`);
		expect(await page.evaluate(() => (window as unknown as {__pageAlive?: string}).__pageAlive)).toBe('yes');
		const looks = await page.evaluate(`(() => {
			const css = getComputedStyle((${badge})());
			return {radius: css.borderTopLeftRadius, display: css.display};
		})()`);
		expect(looks).toEqual({radius: '12px', display: 'flex'});
		// A real click opens the details (from the background, through the page's overridden JSON and arrays), in the
		// extension's frame, which the page's CSP (frame-src falls back to default-src 'none') does not block.
		const box = (await page.evaluate(
			`(() => { const r = (${badge})().getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`,
		)) as {x: number; y: number};
		await page.mouse.click(box.x, box.y);
		expect(await detailsText(page, 'Stop 1: HAK')).toContain('Stop 1: HAK');
		await page.close();
	});

	it('shows no badge where no itinerary touches the mainland', async () => {
		const page = await open(SFO_NRT);
		await page.waitForFunction(() => document.documentElement.getAttribute('data-china-transit-check') === 'ready', {timeout: 15_000});
		await new Promise((r) => setTimeout(r, 1000));
		expect(await page.evaluate(() => document.querySelectorAll('[data-ctc-badge]').length)).toBe(0);
		await page.close();
	});

	it('reaches the badge with the Tab key, by its name, opens its details with Enter and closes them with Escape', async () => {
		const page = await open(KUL_NRT);
		await badgeTexts(page);
		// Where the focus is: a badge's button or close button (by class), else the focused element's tag.
		const focus = () =>
			page.evaluate(() => {
				const active = document.activeElement;
				if (!active?.hasAttribute('data-ctc-badge')) return active?.tagName ?? '';
				return active.shadowRoot?.activeElement?.className ?? 'host';
			});
		let where = '';
		for (let i = 0; i < 10 && where !== 'badge'; i++) {
			await page.keyboard.press('Tab');
			where = await focus();
		}
		expect(where).toBe('badge');
		const name = await page.evaluate(
			() => document.querySelector('[data-ctc-badge]')!.shadowRoot!.querySelector('button.badge')!.getAttribute('aria-label') ?? '',
		);
		expect(name).toMatch(/^China transit check.*24h transit/);
		const dialog = () => document.querySelector('[data-ctc-badge]')?.shadowRoot?.querySelector('[role="dialog"]');
		await page.keyboard.press('Enter');
		await page.waitForFunction(`(${dialog})()?.matches(':popover-open')`, {timeout: 15_000});
		await detailsText(page, 'Stop 1: HAK');
		expect(await focus()).toBe('close');
		await page.keyboard.press('Escape');
		await page.waitForFunction(`!(${dialog})().matches(':popover-open')`);
		expect(await focus()).toBe('badge');
		// Escape in the details themselves (the user tabbed into the frame) closes them too, and the badge has the focus.
		await page.keyboard.press('Enter');
		await detailsText(page, 'Stop 1: HAK');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await focus()).toBe('details-frame');
		await page.keyboard.press('Escape');
		await page.waitForFunction(`!(${dialog})().matches(':popover-open')`, {timeout: 15_000});
		expect(await focus()).toBe('badge');
		await page.close();
	});

	it('the badge box is one target for the pointer: beside the pill, a point finds the host and a click stops there; the pill keeps its own clicks', async () => {
		const page = await open(OBSERVED_URL, undefined, observedPage(GECKO_ID));
		await badgeTexts(page, 2);
		const boxes = await page.evaluate(() => {
			const host = document.querySelectorAll('li')[1]!.querySelector('[data-ctc-badge]')!;
			const rect = (el: Element) => (({x, y, width, height}) => ({x, y, width, height}))(el.getBoundingClientRect());
			return {host: rect(host), pill: rect(host.shadowRoot!.querySelector('button.badge')!)};
		});
		// The box is the same for every badge (it says nothing of the settings): this pill leaves part of it empty.
		expect(boxes.pill.x + boxes.pill.width).toBeLessThan(boxes.host.x + boxes.host.width - 20);
		const beside = {x: boxes.host.x + boxes.host.width - 10, y: boxes.host.y + boxes.host.height / 2};
		// What a page script finds there: the host, as over the pill (until 2026-12, the card under it).
		const found = await page.evaluate(({x, y}) => {
			const at = document.elementFromPoint(x, y);
			return at?.hasAttribute('data-ctc-badge') ? 'badge' : at?.closest('li') ? 'card' : 'page';
		}, beside);
		expect(found).toBe('badge');
		await page.evaluate(recordClicks);
		const hits = () => page.evaluate(takeClicks);
		const popoverOpen = () =>
			page.evaluate(
				() => !!document.querySelectorAll('li')[1]!.querySelector('[data-ctc-badge]')!.shadowRoot!.querySelector(':popover-open'),
			);
		await page.mouse.click(beside.x, beside.y);
		expect(await hits()).toEqual([]);
		expect(await popoverOpen()).toBe(false);
		await page.mouse.click(boxes.pill.x + boxes.pill.width / 2, boxes.pill.y + boxes.pill.height / 2);
		await page.waitForFunction(
			() => !!document.querySelectorAll('li')[1]!.querySelector('[data-ctc-badge]')!.shadowRoot!.querySelector(':popover-open'),
		);
		expect(await hits()).toEqual([]);
		await page.close();
	});

	it('opens the details card from the badge', async () => {
		const page = await open(KUL_NRT);
		await badgeTexts(page);
		// What the page hears of it: nothing (the badge stops its events at its host), while its own elements still
		// hear theirs.
		await page.evaluate(() => {
			const hits: string[] = [];
			(window as unknown as {hits: string[]}).hits = hits;
			for (const type of ['click', 'pointerdown', 'mousedown', 'mouseup', 'focusin'])
				document.addEventListener(type, (event) => hits.push(`${type} on ${(event.target as Element).tagName}`));
		});
		// A real click (trusted input): the badge ignores clicks a script fires.
		const text = await detailsOf(page);
		expect(await page.evaluate(() => (window as unknown as {hits: string[]}).hits.splice(0))).toEqual([]);
		await page.mouse.click(5, 5);
		expect((await page.evaluate(() => (window as unknown as {hits: string[]}).hits)).some((hit) => hit.startsWith('click on '))).toBe(
			true,
		);
		expect(text).toContain('Stop 1: HAK');
		expect(text).toContain('HAK lets transfer passengers who stay airside skip border inspection (since 2025-11-05)');
		await page.close();
	});

	it('takes a passport on the welcome page, and the badges then judge for it', async () => {
		const welcomePage = await extensionPage('welcome.html');
		await welcomePage.waitForSelector('input[name="country"]');
		await welcomePage.type('input[name="country"]', 'US');
		await welcomePage.keyboard.press('Enter');
		await welcomePage.waitForSelector('[data-testid="passports"] li[data-code="US"]');
		const page = await open(KUL_NRT);
		await badgeTexts(page);
		const text = await detailsOf(page);
		expect(text).toContain('With your passport from the United States');
		expect(text).not.toContain('does not depend on your passport');
		await page.close();
		// Back to no passport, as the other tests expect.
		await welcomePage.click('[data-testid="passports"] li[data-code="US"] button');
		await welcomePage.waitForSelector('[data-testid="no-passports"]');
		await welcomePage.close();
	});

	it('checks a route in the popup', async () => {
		const popup = await extensionPage('popup.html');
		await popup.waitForSelector('input[name="from"]');
		await popup.type('input[name="from"]', 'JFK');
		await popup.type('input[name="via-0"]', 'PEK');
		await popup.type('input[name="to"]', 'NRT');
		await popup.$eval('input[name="arrive"]', (el) => {
			(el as HTMLInputElement).value = '2026-03-16T16:00';
			el.dispatchEvent(new Event('input', {bubbles: true}));
		});
		await popup.$eval('input[name="leave"]', (el) => {
			(el as HTMLInputElement).value = '2026-03-16T18:30';
			el.dispatchEvent(new Event('input', {bubbles: true}));
		});
		await popup.click('section[aria-labelledby="check-h"] button[type="submit"]');
		const result = await popup.waitForSelector('[data-testid="result"]').then((h) => h!.evaluate((el) => el.textContent));
		expect(result).toContain('Best option: 24-hour direct transit');
		await popup.close();
	});

	it('shows the same badges as Chromium on the same pages', async () => {
		const chromium = JSON.parse(fs.readFileSync('.test-results/chromium-badges.json', 'utf8')) as Record<string, string[]>;
		const firefox: Record<string, string[]> = {};
		for (const url of Object.keys(chromium)) {
			const page = await open(url);
			await page.waitForFunction(() => document.documentElement.getAttribute('data-china-transit-check') === 'ready', {
				timeout: 15_000,
			});
			firefox[url] =
				chromium[url]!.length === 0
					? await new Promise((r) => setTimeout(() => r([]), 1000))
					: await badgeTexts(page, chromium[url]!.length);
			await page.close();
		}
		expect(Object.keys(chromium).length).toBeGreaterThan(0);
		expect(firefox).toEqual(chromium);
	});

	it('scans an agent tool from the popup (activeTab + scripting in MV2), then runs there by itself once added', async () => {
		// The e2e build grants https://agent.example.test/* up front, as a user accepting the prompt would.
		const page = await open(AGENT);
		await new Promise((r) => setTimeout(r, 500));
		expect(await page.evaluate(() => document.querySelectorAll('[data-ctc-badge]').length)).toBe(0);
		const popup = await popupFor(AGENT);
		await popup.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Scan this page'), {
			timeout: 15_000,
		});
		await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Scan this page')!.click());
		const status = await textOnceIncludes(popup, 'page-status', 'generic detector');
		expect(status).toMatch(/1 via mainland China/);
		expect((await badgeTexts(page))[0]).not.toContain('✓');
		// "Always run on this site", as the settings would store it: the background registers the script.
		await popup.evaluate(async () => {
			const g = globalThis as unknown as {
				browser: {storage: {local: {get: (k: string) => Promise<Record<string, unknown>>; set: (v: object) => Promise<void>}}};
			};
			const current = ((await g.browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
			await g.browser.storage.local.set({settings: {...current, extraSites: ['https://agent.example.test']}});
		});
		await agentScriptRegistered(popup);
		await page.close();
		const again = await open(AGENT);
		expect(await badgeTexts(again)).toHaveLength(1);
		await again.close();
		await popup.close();
	});

	it('scans Skyscanner on a country site the manifest does not list (www.skyscanner.pl) with its adapter, from the popup', async () => {
		// The saved BOS ⇄ CUN day view (8 round trips, 6 rerouted through the mainland) at Skyscanner Poland.
		const c = atHost(
			PAINT_CASES.find((p) => p.adapter === 'skyscanner')!,
			'www.skyscanner.pl',
		);
		const page = await open(c.url, {width: 1280, height: 900}, paintPage(c));
		await new Promise((r) => setTimeout(r, 500));
		expect(await page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found'))).toBeNull();
		const popup = await popupFor(c.url);
		const said = (match: string) => textOnceIncludes(popup, 'page-status', match);
		expect(await said('www.skyscanner.pl')).toBe(
			'This is Skyscanner on www.skyscanner.pl, where the extension does not run by itself: scan this page to check its results.',
		);
		await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Scan this page')!.click());
		// Read by the Skyscanner adapter (its cards, with their badges), not by the generic detector's page text.
		expect(await said('found by')).toMatch(/^8 itineraries found by Skyscanner, 6 via mainland China/);
		await page.waitForFunction(
			(want: string) => document.documentElement.getAttribute('data-china-transit-check-found') === want,
			{timeout: 20_000},
			`${c.cards}/${c.china}`,
		);
		expect(await badgeTexts(page, c.china)).toHaveLength(c.china);
		await page.close();
		await popup.close();
	});

	// An agent's PNR whose passenger's passport entry (SSR DOCS, Amadeus' layout) gives another nationality than the
	// settings' passport: the page badge's details (in the extension's frame) say so, the popup checks the page's itinerary
	// with it on request; the page's document holds none of it.
	it('an agent tool’s record of a passenger of another nationality: named beside the passport used, checked with in the popup', async () => {
		await withSettings({passports: ['IN'], extraSites: ['https://agent.example.test']}, async () => {
			const pnr = [
				' 1 EK 306U 12MAR 4 DXBPEK HK1  2320  0400  /DCEK*DGPRII /E',
				' 2 CA 925U 13MAR 5 PEKNRT HK1  2000  0020  /DCCA*DGPRII /E',
				'  3 SSR DOCS CA HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/MARTIN/PAUL/P1',
			].join('\n');
			const page = await open(AGENT, undefined, `<!doctype html><title>PNR</title><pre>${pnr}</pre>`);
			await badgeTexts(page);
			await (await page.$('[data-ctc-badge] >>> button.badge'))!.click();
			const text = await detailsText(page, 'The page gives the passengers’ nationality');
			expect(text).toContain(
				'The page gives the passengers’ nationality: France (FR). These results used the passports in your settings: India (IN).',
			);
			// The popup on the page says it too, and checks the page's itinerary with the passenger's nationality there.
			const popup = await popupFor(AGENT);
			const check = 'Check with a passport from France';
			await popup.waitForFunction(
				(name) => [...document.querySelectorAll('button')].some((b) => b.textContent === name),
				{timeout: 15_000},
				check,
			);
			expect(await popup.$eval('[data-testid="page-record"]', (el) => el.textContent)).toContain(
				'The page gives the passengers’ nationality: France (FR). Its badge used the passports in your settings: India (IN).',
			);
			await popup.evaluate((name) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!.click(), check);
			const result = await popup
				.waitForFunction(() => document.querySelector('[data-testid="page-record-result"]')?.textContent ?? undefined, {
					timeout: 15_000,
				})
				.then((h) => h.jsonValue());
			// India's passport has no 240-hour transit; France's has, at PEK from the Emirates to Japan.
			expect(result).toMatch(/^Checked with a passport from France/);
			expect(result).toMatch(/240-hour visa-free transit\s*likely OK/);
			expect(text).not.toMatch(/240-hour visa-free transit\s*likely OK/);
			await popup.close();
			const html = await page.evaluate(() => document.documentElement.outerHTML);
			expect(html).not.toContain('India');
			expect(html).not.toContain('France');
			await page.close();
		});
	});

	// An agent's PNR with a flight to an airport no table knows (QQZ names none, in the background's table either): the
	// flight before it is judged on its own, the page badge's pill says a flight was not checked and its details which.
	it('an agent tool’s record with a flight to an airport no table knows: the rest checked, the details say what was not', async () => {
		await withSettings({extraSites: ['https://agent.example.test']}, async () => {
			let page: Page | undefined;
			try {
				const pnr = [' 1 CA 938Y 12MAR 4 LHRPEK HK1  2125  1440   13MAR /E', ' 2 CA 123Y 15MAR 6 PEKQQZ HK1  0910  1335 /E'].join(
					'\n',
				);
				page = await open(AGENT, undefined, `<!doctype html><title>PNR</title><pre>${pnr}</pre>`);
				const [pill] = await badgeTexts(page);
				// The pill says it too, after its verdict (on London to Beijing alone).
				expect(pill).toMatch(/· 1 flight not checked$/);
				await (await page.$('[data-ctc-badge] >>> button.badge'))!.click();
				const text = await detailsText(page, 'Not checked');
				expect(text).toMatch(
					/Not checked: CA123 PEK →\s*to\s+QQZ: airport not known \(QQZ\); the flights before and after it were checked apart/,
				);
				expect(text).toContain('Stop 1: PEK');
			} finally {
				// Closed whatever happened: the tests after this one ask the popup about the tab in front.
				await page?.close();
			}
		});
	});

	// The popup checks the text the agent selected (activeTab + scripting in MV2, stood in for by the e2e build's grant):
	// in the page, then in a text box, where Firefox's document selection is empty.
	it('an agent tool’s selected text: checked from the popup, in the page or in a text box', async () => {
		const beijing = ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245';
		const shanghai = ' 1 MU 588Y 10APR 5 JFKPVG HK1  0100  0530  11APR 6\n 2 MU 523Y 11APR 6 PVGNRT HK1  0900  1245';
		const page = await open(
			AGENT,
			undefined,
			`<!doctype html><title>PNR</title><pre id="a">${beijing}</pre><textarea id="c" rows="3" cols="80">${shanghai}</textarea>`,
		);
		const popup = await popupFor(AGENT);
		const button = 'Check the text selected on the page';
		const checkSelection = async () => {
			await popup.waitForFunction(
				(name) => [...document.querySelectorAll('button')].some((b) => b.textContent === name && !b.disabled),
				{timeout: 15_000},
				button,
			);
			await popup.evaluate((name) => [...document.querySelectorAll('button')].find((b) => b.textContent === name)!.click(), button);
		};
		const resultWith = (stop: string) => textOnceIncludes(popup, 'paste-result', stop);
		await selectIn(page, 'a');
		await checkSelection();
		const first = await resultWith('Stop 1: PEK');
		expect(first).toContain('1 itinerary found, 1 via mainland China.');
		expect(first).not.toContain('PVG');
		await page.evaluate(() => {
			const box = document.getElementById('c') as HTMLTextAreaElement;
			box.focus();
			box.setSelectionRange(0, box.value.length);
		});
		await checkSelection();
		expect(await resultWith('Stop 1: PVG')).not.toContain('PEK');
		await popup.close();
		await page.close();
	});

	// The page's context menu item (lib/browser/selection-menu.ts): a test cannot click Firefox's menu, nor dispatch its
	// click. What can be seen: the item is there, Firefox has the call that opens the popup, and the popup, about the
	// tab the background stored as the click's, checks that tab's selection by itself, once.
	it('the page’s context menu item: there, and the popup it opens checks the selection by itself', async () => {
		const beijing = ' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245';
		const page = await open(AGENT, undefined, `<!doctype html><title>PNR</title><pre id="a">${beijing}</pre>`);
		await selectIn(page, 'a');
		const options = await extensionPage('options.html');
		await options.waitForSelector('main');
		type Ext = {
			browser: {
				contextMenus: {update: (id: string, props: object) => Promise<void>};
				browserAction: {openPopup?: unknown};
				tabs: {query: (q: object) => Promise<{id: number}[]>};
				storage: {session: {set: (items: object) => Promise<void>; get: (key: string) => Promise<Record<string, unknown>>}};
			};
		};
		const asked = await options.evaluate(
			async (u, item) => {
				const {browser: b} = globalThis as unknown as Ext;
				await b.contextMenus.update('ctc-check-selection', {}); // fails for an item that is not there
				const [tab] = await b.tabs.query({url: u});
				// What the background stores on the click (a test cannot click the menu), then the popup opens:
				await b.storage.session.set({[item]: {tabId: tab!.id, at: Date.now()}});
				return {openPopup: typeof b.browserAction.openPopup, tabId: tab!.id};
			},
			AGENT,
			SELECTION_REQUEST_ITEM,
		);
		expect(asked.openPopup).toBe('function');
		// The popup about that tab (as the browser's popup is about the tab in front).
		const popup = await extensionPage(`popup.html?tab=${asked.tabId}`);
		const result = await popup
			.waitForFunction(
				() => {
					const text = document.querySelector('[data-testid="paste-result"]')?.textContent ?? '';
					return text.includes('Stop 1: PEK') ? text : undefined;
				},
				{timeout: 15_000},
			)
			.then((h) => h.jsonValue());
		expect(result).toContain('1 itinerary found, 1 via mainland China.');
		// Taken: nothing is left for a popup opened later.
		expect(
			await options.evaluate(
				async (item) => (globalThis as unknown as Ext).browser.storage.session.get(item),
				SELECTION_REQUEST_ITEM,
			),
		).toEqual({});
		await Promise.all([popup.close(), options.close(), page.close()]);
	});

	// An agent copies a checked itinerary as text (a real click: Firefox lets a page write the clipboard on one only),
	// then pastes it back into the popup's own box with the keyboard.
	it('copies a checked itinerary as text, the browser’s clipboard holding it', async () => {
		const popup = await extensionPage('popup.html');
		await popup.waitForSelector('textarea[name="paste"]');
		await popup.type(
			'textarea[name="paste"]',
			' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245',
		);
		await popup.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check this text')!.click());
		const copy = await popup.waitForSelector('[data-testid="paste-result"] ::-p-text(Copy as text)');
		await copy!.click();
		await popup.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent?.startsWith('Copied:'), {
			timeout: 15_000,
		});
		await popup.$eval('textarea[name="paste"]', (box) => {
			(box as HTMLTextAreaElement).value = '';
			(box as HTMLTextAreaElement).focus();
		});
		await popup.keyboard.down('Control');
		await popup.keyboard.press('v');
		await popup.keyboard.up('Control');
		const pasted = await popup.$eval('textarea[name="paste"]', (box) => (box as HTMLTextAreaElement).value);
		expect(pasted.split('\n')[0]).toBe('China Transit Check: JFK → PEK → NRT');
		expect(pasted).toContain('Best: 24-hour direct transit');
		await popup.close();
	});

	// The same from a badge's details on a booking page: a real click in the extension's frame copies every itinerary
	// the page badge stands for.
	it('copies a badge’s details as text from its frame on the booking page', async () => {
		const page = await open(KUL_NRT);
		await badgeTexts(page);
		await detailsOf(page);
		const frame = (await detailsFrame(page))!;
		await (await frame.waitForSelector('button.copy-text'))!.click();
		await frame.waitForFunction(() => document.querySelector('.copy-status')?.textContent?.startsWith('Copied:'), {timeout: 15_000});
		const popup = await extensionPage('popup.html');
		await popup.waitForSelector('textarea[name="paste"]');
		await popup.focus('textarea[name="paste"]');
		await popup.keyboard.down('Control');
		await popup.keyboard.press('v');
		await popup.keyboard.up('Control');
		const lines = (await popup.$eval('textarea[name="paste"]', (box) => (box as HTMLTextAreaElement).value)).split('\n');
		expect(lines).toContain('China Transit Check: KUL → HAK → NRT');
		expect(lines).toContain('China Transit Check: KUL → SZX → NRT');
		expect(lines.filter((l) => l === '  Best: 24-hour direct transit')).toHaveLength(2);
		await Promise.all([popup.close(), page.close()]);
	});

	// An e-ticket opened as a PDF in Firefox's viewer (pdf.js): the browser keeps that page from extensions, so neither
	// the selection nor a scan can be read. The popup says it is a PDF whose text must be copied into the box (its
	// address names a PDF), not that the browser keeps the page or that browser pages are off limits.
	it('an e-ticket PDF in the browser’s viewer: the popup says its text must be copied', async () => {
		const url = 'https://agent.example.test/tickets/ticket.pdf';
		const pdf = onePagePdf(' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1');
		const page = await browser.newPage();
		await page.setRequestInterception(true);
		page.on('request', (req) => {
			if (req.url() === url) void req.respond({status: 200, contentType: 'application/pdf', body: pdf});
			else if (/^https?:/.test(req.url())) void req.abort();
			else void req.continue();
		});
		await page.goto(url);
		const popup = await popupFor(url);
		const button = (name: string) =>
			popup.waitForFunction(
				(n) => [...document.querySelectorAll('button')].some((b) => b.textContent === n && !b.disabled),
				{timeout: 15_000},
				name,
			);
		const click = (name: string) =>
			popup.evaluate((n) => [...document.querySelectorAll('button')].find((b) => b.textContent === n)!.click(), name);
		const textOf = (testId: string, start: string) =>
			popup
				.waitForFunction(
					(id: string, want: string) => {
						const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
						return text.startsWith(want) ? text : undefined;
					},
					{timeout: 15_000},
					testId,
					start,
				)
				.then((h) => h.jsonValue());
		await button('Check the text selected on the page');
		await click('Check the text selected on the page');
		expect(await textOf('selection-problem', 'This')).toBe(
			'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it above.',
		);
		await button('Scan this page');
		await click('Scan this page');
		expect(await textOf('page-status', 'This is a PDF')).toBe(
			'This is a PDF, whose text the browser’s viewer keeps from extensions: select the itinerary there, copy it and paste it into the box below.',
		);
		expect(await popup.$('[data-testid="paste-result"]')).toBeNull();
		await popup.close();
		await page.close();
	});

	it('opens the check-in card through the background: storage.session, a one-time key in the URL, one reused tab', async () => {
		const trip = {
			passports: ['US'],
			segments: [
				{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
				{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00'},
			],
		};
		const popup = await extensionPage('popup.html');
		await popup.waitForSelector('main');
		const ask = () =>
			popup.evaluate(async (t) => {
				const g = globalThis as unknown as {browser: {runtime: {sendMessage: (m: object) => Promise<unknown>}}};
				return g.browser.runtime.sendMessage({type: 'open-card', trip: t});
			}, trip);
		const cardUrl = new RegExp(
			`^moz-extension://${UUID}/check-in-card\\.html#[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
		);
		// Puppeteer does not follow a tab that the extension navigates to a moz-extension:// page (its url() stays
		// about:blank): the page itself says where it is.
		const hrefOf = (p: Page) => p.evaluate(() => location.href).catch(() => '');
		const cardPages = async () => {
			const found: Page[] = [];
			for (const p of await browser.pages()) if (cardUrl.test(await hrefOf(p))) found.push(p);
			return found;
		};
		const waitForCards = async (n: number) => {
			for (let i = 0; i < 100 && (await cardPages()).length !== n; i++) await new Promise((r) => setTimeout(r, 100));
			return cardPages();
		};

		expect(await ask()).toEqual({ok: true});
		const [card] = await waitForCards(1);
		expect(card).toBeDefined();
		const firstUrl = await hrefOf(card!);
		for (const secret of ['US', 'LAX', 'PVG', 'ICN', '2026', '%7B']) expect(firstUrl).not.toContain(secret);
		const readCard = () =>
			card!
				.waitForFunction(
					() => {
						const h1 = document.querySelector('h1')?.textContent ?? '';
						return h1.includes('240') ? document.body.innerText : undefined;
					},
					{timeout: 15_000},
				)
				.then((h) => h.jsonValue());
		const text = await readCard();
		expect(text).toContain('240-hour visa-free transit');
		expect(text).toContain('240小时过境免签');
		expect(text).toContain('2026-03-27 00:00 Beijing time');
		// Taken: nothing is left in storage.session, and a reload shows the card from the tab's own copy.
		const left = await popup.evaluate(async () => {
			const g = globalThis as unknown as {browser: {storage: {session: {get: (k: null) => Promise<Record<string, unknown>>}}}};
			return Object.keys(await g.browser.storage.session.get(null)).filter((k) => k.startsWith('card:'));
		});
		expect(left).toEqual([]);
		await card!.evaluate(() => location.reload());
		expect(await readCard()).toContain('2026-03-27 00:00 Beijing time');

		// Two asks at once (a double click): one is refused; a second later an ask reuses the card tab.
		await new Promise((r) => setTimeout(r, 1100));
		const both = await Promise.all([ask(), ask()]);
		expect(both).toContainEqual({ok: true});
		expect(both).toContainEqual({ok: false, reason: 'rate-limited'});
		for (let i = 0; i < 100 && (await hrefOf(card!)) === firstUrl; i++) await new Promise((r) => setTimeout(r, 100));
		expect(await hrefOf(card!)).toMatch(cardUrl);
		expect(await hrefOf(card!)).not.toBe(firstUrl);
		expect(await readCard()).toContain('240-hour visa-free transit');
		expect(await cardPages()).toHaveLength(1);

		// The first link, opened again elsewhere, has expired.
		const copied = await extensionPage(`check-in-card.html#${firstUrl.split('#')[1]}`);
		const error = await copied
			.waitForFunction(() => document.querySelector('[data-testid="card-error"]')?.textContent ?? undefined, {timeout: 15_000})
			.then((h) => h.jsonValue());
		expect(error).toContain('This card link has expired');
		await copied.close();
		await card!.close();
		await popup.close();
	});
});

/**
 * The case's page served as `html` in a window `width` wide, its cards read and its badges placed, every card brought
 * into view (a badge is mounted when its card comes within two screens of the viewport), then back to the top.
 */
async function openRead(c: PaintCase, width: number, html: string, height = 900): Promise<Page> {
	const p = await open(c.url, {width, height}, html);
	await p.waitForFunction(
		(want: string) =>
			document.documentElement.getAttribute('data-china-transit-check-found') === want &&
			document.documentElement.getAttribute('data-china-transit-check-unplaced') === '0',
		{timeout: 20_000},
		`${c.cards}/${c.china}`,
	);
	await p.evaluate(`(async () => {
		const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		for (const el of document.querySelectorAll(${JSON.stringify(CARD)})) {
			el.scrollIntoView({block: 'center'});
			await frame();
		}
		scrollTo(0, 0);
		await frame();
	})()`);
	await p.waitForFunction(() => document.documentElement.getAttribute('data-china-transit-check-unplaced') === '0', {timeout: 20_000});
	return p;
}

/** The indexes of the badges on displayed cards. */
const shownOnPage = (p: Page): Promise<number[]> =>
	p.evaluate(
		(card: string) =>
			[...document.querySelectorAll('[data-ctc-badge]')]
				.map((h, i) => ((h.closest(card)?.getBoundingClientRect().height ?? 0) > 0 ? i : -1))
				.filter((i) => i >= 0),
		CARD,
	);

/**
 * The same paint check as in Chromium (test/e2e/paint.spec.ts): of the badges on displayed cards, those whose box differs
 * with the badge made transparent.
 */
/** The first badge on a displayed card, marked `data-picked` and scrolled to the middle: the centre of its pill. */
function pickedPill(p: Page): Promise<{x: number; y: number}> {
	return p.evaluate(() => {
		const host = [...document.querySelectorAll('li.pIav2d [data-ctc-badge]')].find(
			(h) => (h.closest('li')?.getBoundingClientRect().height ?? 0) > 0,
		)!;
		host.setAttribute('data-picked', '');
		host.scrollIntoView({block: 'center'});
		const r = host.shadowRoot!.querySelector('button.badge')!.getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2};
	});
}

/** Waits until the browser's hit test at `at` finds a badge's host (`top`), or something else (nothing of ours over it). */
async function badgeOnTop(p: Page, at: {x: number; y: number}, top: boolean): Promise<void> {
	await p.waitForFunction(
		(x: number, y: number, want: boolean) => !!document.elementFromPoint(x, y)?.hasAttribute('data-ctc-badge') === want,
		{},
		at.x,
		at.y,
		top,
	);
}

async function paintedOnPage(p: Page, only?: number[]): Promise<{painted: number; shown: number}> {
	const shown = only ?? (await shownOnPage(p));
	let painted = 0;
	for (const i of shown) {
		const clip = await p.evaluate((n: number) => {
			const host = document.querySelectorAll('[data-ctc-badge]')[n] as HTMLElement;
			host.scrollIntoView({block: 'center'});
			const r = host.getBoundingClientRect();
			return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height};
		}, i);
		const hide = (n: number, hidden: boolean) =>
			p.evaluate(
				(k: number, h: boolean) => {
					const host = document.querySelectorAll('[data-ctc-badge]')[k] as HTMLElement;
					for (const el of [host, ...([...(host.shadowRoot?.children ?? [])] as HTMLElement[])]) {
						if (el instanceof HTMLStyleElement) continue;
						if (h) el.style.setProperty('opacity', '0', 'important');
						else el.style.removeProperty('opacity');
					}
				},
				n,
				hidden,
			);
		const before = await p.screenshot({clip, encoding: 'base64'});
		await hide(i, true);
		const after = await p.screenshot({clip, encoding: 'base64'});
		await hide(i, false);
		if (before !== after) painted++;
	}
	return {painted, shown: shown.length};
}

describe('Firefox: badges painted on saved real pages', () => {
	for (const c of PAINT_CASES) {
		for (const width of [1280, 800]) {
			it(`${c.adapter} at ${width}px: every displayed card with a mainland connection shows a painted badge`, async () => {
				const p = await openRead(c, width, paintPage(c));
				expect(await paintedOnPage(p)).toEqual({painted: c.shown, shown: c.shown});
				await p.close();
			});
		}
	}

	it('google-flights on the Google country site its page was saved from (www.google.ca): every displayed mainland card shows a painted badge', async () => {
		const c = atHost(PAINT_CASES[0]!, 'www.google.ca');
		const p = await openRead(c, 1280, paintPage(c));
		expect(await paintedOnPage(p)).toEqual({painted: c.shown, shown: c.shown});
		await p.close();
	});

	it('google-flights: cards the page hides with `visibility: hidden` hide their badges with them, and show them again', async () => {
		const c = PAINT_CASES[0]!;
		const p = await openRead(c, 1280, paintPage(c));
		const hideCards = (hidden: boolean) =>
			p.evaluate((hide: boolean) => {
				for (const li of document.querySelectorAll<HTMLElement>('li.pIav2d')) li.style.visibility = hide ? 'hidden' : '';
			}, hidden);
		await hideCards(true);
		expect(await paintedOnPage(p)).toEqual({painted: 0, shown: c.shown});
		await hideCards(false);
		expect(await paintedOnPage(p)).toEqual({painted: c.shown, shown: c.shown});
		await p.close();
	});

	it('google-flights: the popup counts the results the page shows, not its hidden tab panel’s copies', async () => {
		// 56 cards: the "Best" panel's 28 shown (7 + 7 rerouted through PVG and PEK), the hidden panel's 28 the same results.
		const c = PAINT_CASES[0]!;
		const p = await openRead(c, 1280, paintPage(c));
		const popup = await popupFor(c.url);
		const status = await textOnceIncludes(popup, 'page-status', 'found by');
		expect(status).toBe('28 itineraries found by Google Flights, 14 via mainland China.');
		await popup.close();
		await p.close();
	});

	it('google-flights: a badge placed in the hidden tab panel, where that panel clips it once shown, is checked as the panel shows and moved to be painted', async () => {
		const c = PAINT_CASES[0]!;
		const p = await openRead(c, 1280, paintPage(c));
		// The hidden panel's badges are in their first place, a box that clips them once shown (nothing the extension
		// hears as a change of the page).
		expect(await p.evaluate(clipHiddenPanelBadges)).toBe(c.shown);
		// Shown below the other panel, which stays: no card with a badge there changes size or place. Each badge is checked
		// as its card is first laid out, and moved to the card's end.
		await p.evaluate(showEveryPanel);
		await vi.waitFor(async () => expect(await p.evaluate(badgesInClippingBoxes)).toBe(0), {timeout: 20_000, interval: 100});
		expect(await paintedOnPage(p)).toEqual({painted: 2 * c.shown, shown: 2 * c.shown});
		await p.close();
	});

	for (const [layer, css] of Object.entries(LAYERS))
		it(`google-flights: ${layer} over each card: every badge is painted in its first place, and a click on it opens its details`, async () => {
			const c = PAINT_CASES[0]!;
			const p = await openRead(c, 1280, withStyle(paintPage(c), css));
			expect(await paintedOnPage(p)).toEqual({painted: c.shown, shown: c.shown});
			expect(
				await p.evaluate(
					() => [...document.querySelectorAll('[data-ctc-badge]')].filter((h) => h.parentElement?.matches('li')).length,
				),
			).toBe(0);
			// The pointer finds the badge, not the layer: a click where the user sees the pill opens its details.
			const pill = await pickedPill(p);
			// The user's pointer goes to the pill: once over it, it finds the badge, not the layer (before, the layer took
			// the click: the card's link).
			await p.evaluate(recordClicks);
			await p.mouse.move(pill.x, pill.y - 60);
			await p.mouse.move(pill.x, pill.y, {steps: 4});
			await badgeOnTop(p, pill, true);
			await p.mouse.click(pill.x, pill.y);
			await p.waitForFunction(() => !!document.querySelector('[data-picked]')!.shadowRoot!.querySelector(':popover-open'));
			expect(await p.evaluate(takeClicks)).toEqual([]);
			await p.close();
		});

	it('google-flights: a layer the page lays over a badge after the badge was lifted over the card’s link: the user’s pointer finds it, and the badge goes over it too', async () => {
		const c = PAINT_CASES[0]!;
		const p = await openRead(c, 1280, withStyle(paintPage(c), LAYERS['a stretched link']));
		const pill = await pickedPill(p);
		const onTop = (top: boolean) => badgeOnTop(p, pill, top);
		await p.mouse.move(pill.x, pill.y - 60);
		await p.mouse.move(pill.x, pill.y, {steps: 4});
		await onTop(true);
		// The user's pointer goes elsewhere (where it is, the browser would tell of the new layer at once), and the page
		// lays a second layer over every card's content, over the first (a panel it opens, say).
		await p.mouse.move(5, 5);
		await p.evaluate(() => {
			const style = document.createElement('style');
			style.textContent = 'li.pIav2d .gQ6yfe::after { content: ""; position: absolute; inset: 0; z-index: 5 }';
			document.head.append(style);
		});
		await onTop(false);
		// The user's pointer comes back to the pill: it finds the new layer there, and the badge goes over it.
		await p.mouse.move(pill.x, pill.y - 60);
		await p.mouse.move(pill.x, pill.y, {steps: 4});
		await onTop(true);
		await p.evaluate(recordClicks);
		await p.mouse.click(pill.x, pill.y);
		await p.waitForFunction(() => !!document.querySelector('[data-picked]')!.shadowRoot!.querySelector(':popover-open'));
		expect(await p.evaluate(takeClicks)).toEqual([]);
		await p.close();
	});

	it('google-flights: a stretched link over each card: a finger’s tap on a badge placed below the screen opens its details, and no click reaches the page', async () => {
		const c = PAINT_CASES[0]!;
		const p = await openRead(c, 1280, withStyle(paintPage(c), LAYERS['a stretched link']));
		// The last displayed card's badge: placed far below the first screen, where nothing over it could be asked of the
		// browser then.
		const at = await p.evaluate(() => {
			const hosts = [...document.querySelectorAll('li.pIav2d [data-ctc-badge]')].filter(
				(h) => (h.closest('li')?.getBoundingClientRect().height ?? 0) > 0,
			);
			const host = hosts.at(-1)!;
			host.setAttribute('data-picked', '');
			host.scrollIntoView({block: 'center'});
			const r = host.shadowRoot!.querySelector('button.badge')!.getBoundingClientRect();
			return {x: r.left + r.width / 2, y: r.top + r.height / 2};
		});
		await badgeOnTop(p, at, false);
		await p.evaluate(recordClicks);
		// What the browser's hit test finds where the finger is, as the page hears it come down and go up.
		await p.evaluate(recordTouchHits, at);
		// Over the link as the page hears the finger come down (before, in the frame after: a quick tap's click, sent where
		// the hit test finds something as the tap ends, could still go to the card's link).
		await p.touchscreen.tap(at.x, at.y);
		await p.waitForFunction(() => !!document.querySelector('[data-picked]')!.shadowRoot!.querySelector(':popover-open'));
		expect(await p.evaluate(takeTouchHits)).toEqual(['badge', 'badge']);
		expect(await p.evaluate(takeClicks)).toEqual([]);
		await p.close();
	});

	it('google-flights: a veil the page lays over each card’s content: a badge placed on screen moves to its card’s end, painted; one placed below the screen moves there once the user’s pointer finds the veil over it', async () => {
		const c = PAINT_CASES[0]!;
		// A tall window: the page's first mainland cards start 1,305 px down (under its search form and filters).
		const p = await openRead(c, 1280, withStyle(paintPage(c), VEIL), 1700);
		const atCardEnd = (i: number) =>
			p.evaluate((n: number) => !!document.querySelectorAll('[data-ctc-badge]')[n]!.parentElement?.matches('li'), i);
		// The badges whose cards the first screen shows whole: placed there as the page loaded, where the browser's hit
		// test finds the veil over their first place.
		const shown = await shownOnPage(p);
		const firstScreen = await p.evaluate(
			(card: string, indexes: number[]) =>
				indexes.filter((i) => {
					const r = document.querySelectorAll('[data-ctc-badge]')[i]!.closest(card)!.getBoundingClientRect();
					return r.top >= 0 && r.bottom <= innerHeight;
				}),
			CARD,
			shown,
		);
		expect(firstScreen.length).toBeGreaterThanOrEqual(2);
		for (const i of firstScreen) expect(await atCardEnd(i)).toBe(true);
		expect(await paintedOnPage(p, firstScreen)).toEqual({painted: firstScreen.length, shown: firstScreen.length});
		// The last card's: placed two screens ahead of the scroll, where nothing over it could be asked of the browser;
		// the user's pointer over it finds the veil there, and the badge moves to its card's end.
		const last = shown.at(-1)!;
		expect(firstScreen).not.toContain(last);
		expect(await atCardEnd(last)).toBe(false);
		const centre = await p.evaluate((n: number) => {
			const host = document.querySelectorAll('[data-ctc-badge]')[n]!;
			host.scrollIntoView({block: 'center'});
			const r = host.getBoundingClientRect();
			return {x: r.left + r.width / 2, y: r.top + r.height / 2};
		}, last);
		await p.mouse.move(centre.x, centre.y - 60);
		await p.mouse.move(centre.x, centre.y, {steps: 4});
		await p.waitForFunction((n: number) => !!document.querySelectorAll('[data-ctc-badge]')[n]!.parentElement?.matches('li'), {}, last);
		expect(await paintedOnPage(p, [last])).toEqual({painted: 1, shown: 1});
		await p.close();
	});

	for (const [fade, css] of Object.entries(FADES))
		it(`google-flights: cards the page brings in fading (${fade}): every badge stays in its first place and is painted once they show`, async () => {
			const c = PAINT_CASES[0]!;
			const p = await openRead(c, 1280, fadeInPage(c, css));
			await new Promise((resolve) => setTimeout(resolve, 700)); // the last fades have ended
			expect(await p.evaluate(() => document.querySelectorAll('li.pIav2d.fresh').length)).toBe(c.cards);
			expect(await paintedOnPage(p)).toEqual({painted: c.shown, shown: c.shown});
			// In the first place, not moved to the card's end as if clipped there.
			expect(
				await p.evaluate(
					() => [...document.querySelectorAll('[data-ctc-badge]')].filter((h) => h.parentElement?.matches('li')).length,
				),
			).toBe(0);
			await p.close();
		});

	// The page's rule arrives in a new <style>, or is appended to the text of one already in the head, or is inserted into
	// its sheet through the CSSOM, no node changed (as libraries that style a page from its scripts do); or the rule was
	// there all along, for a compact view of the list, which the page turns on with a class on the list (an attribute no
	// adapter reads, on an element around the cards; nothing in the head changes); or a rule there all along, empty, is
	// changed in place through the CSSOM, keeping each box (and so each card) its size.
	const ways = {
		added: 'a new <style>',
		'in-place': "an existing <style>'s text",
		cssom: "an existing <style>'s sheet, by insertRule",
		class: 'in the page from the start, for a compact view the page turns on with a class on the list',
		'set-property': 'an existing rule changed in place (rule.style.setProperty), each card keeping its size',
	};
	for (const how of ['added', 'in-place', 'cssom', 'class', 'set-property'] as const)
		it(`google-flights: a rule the page adds after the badges (${ways[how]}), clipping their box: each badge moves out of it`, async () => {
			const c = PAINT_CASES[0]!;
			const p = await open(c.url, {width: 1280, height: 900}, paintPage(c));
			// Badges of displayed cards inside a box the late sheet clips (selected by the end-to-end build's host attribute).
			const inBoxes = () =>
				p.evaluate(
					() =>
						[...document.querySelectorAll('li.pIav2d :has(> [data-ctc-badge])')].filter(
							(box) => (box.closest('li')?.getBoundingClientRect().height ?? 0) > 0,
						).length,
				);
			// Until the displayed cards have theirs (the page's hidden copy of the list gets badges too, and its count alone
			// could reach the figure first).
			await p.waitForFunction(
				(want: number) =>
					document.documentElement.getAttribute('data-china-transit-check-unplaced') === '0' &&
					[...document.querySelectorAll('li.pIav2d :has(> [data-ctc-badge])')].filter(
						(box) => (box.closest('li')?.getBoundingClientRect().height ?? 0) > 0,
					).length >= want,
				{timeout: 20_000},
				c.shown,
			);
			expect(await inBoxes()).toBe(c.shown);
			if (how !== 'added') {
				const compact =
					'.compact-list > li.pIav2d :has(> [data-ctc-badge]) { height: 20px !important; overflow: hidden !important; }';
				await p.evaluate(
					(text: string) => {
						// Each box knows its height (for the rule changed in place).
						for (const box of document.querySelectorAll<HTMLElement>('li.pIav2d :has(> [data-ctc-badge])'))
							box.style.setProperty('--box-height', `${box.getBoundingClientRect().height}px`);
						document.head.append(Object.assign(document.createElement('style'), {id: 'page-styles', textContent: text}));
					},
					how === 'class' ? compact : how === 'set-property' ? 'li.pIav2d :has(> [data-ctc-badge]) { }' : '',
				);
				// The empty sheet (or the compact view's, not in use) changes nothing; its check has come and gone before the change.
				await new Promise((resolve) => setTimeout(resolve, 500));
				expect(await inBoxes()).toBe(c.shown);
			}
			const resized = await p.evaluate(
				(way: string, declarations: typeof CLIP_IN_PLACE) => {
					const rule = 'li.pIav2d :has(> [data-ctc-badge]) { height: 20px !important; overflow: hidden !important; }';
					const own = document.getElementById('page-styles') as HTMLStyleElement | null;
					const cards = [...document.querySelectorAll('li.pIav2d')];
					const sizes = () => cards.map((card) => `${card.getBoundingClientRect().width}x${card.getBoundingClientRect().height}`);
					const before = sizes();
					if (way === 'set-property') {
						const style = (own!.sheet!.cssRules[0] as CSSStyleRule).style;
						for (const [name, value] of declarations) style.setProperty(name, value, 'important');
						const after = sizes();
						return cards.filter((_, i) => before[i] !== after[i]).length;
					}
					if (way === 'in-place') own!.append(rule);
					else if (way === 'cssom') own!.sheet!.insertRule(rule, 0);
					else if (way === 'class')
						for (const card of document.querySelectorAll('li.pIav2d')) card.parentElement!.classList.add('compact-list');
					else document.head.append(Object.assign(document.createElement('style'), {textContent: rule}));
					return 0;
				},
				how,
				CLIP_IN_PLACE,
			);
			expect(resized).toBe(0); // measured in the same task as the change, before anything of ours could run
			await p.waitForFunction(
				() =>
					[...document.querySelectorAll('li.pIav2d :has(> [data-ctc-badge])')].every(
						(box) => (box.closest('li')?.getBoundingClientRect().height ?? 0) === 0,
					),
				{timeout: 10_000},
			);
			expect(await inBoxes()).toBe(0);
			expect(await p.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-unplaced'))).toBe('0');
			await p.close();
		});

	it('google-flights: results that scroll in a box of their own: the badges that box hides stay where they are, none moved or taken off', async () => {
		const c = PAINT_CASES[0]!;
		const p = await openRead(c, 1280, withScrollPanes(paintPage(c)));
		expect(await p.evaluate(RECORD_HOSTS)).toBeGreaterThan(0);
		await p.evaluate(SCROLL_THROUGH);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(await p.evaluate(HOSTS_KEPT)).toEqual({same: true, unplaced: '0'});
		await p.close();
	});
});

describe('Firefox: signed rules updates', () => {
	const NONE = 'No visa-free route found';
	type StorageGlobal = {
		browser: {
			storage: {local: {get: (k: string) => Promise<Record<string, unknown>>; set: (v: object) => Promise<void>}};
			scripting: {getRegisteredContentScripts: () => Promise<{matches?: string[]}[]>};
		};
	};

	/** Waits until the element's text contains `text`; returns that text. */
	const textOf = (page: Page, selector: string, text: string) =>
		page
			.waitForFunction(
				(s: string, t: string) => {
					const found = document.querySelector(s)?.textContent ?? '';
					return found.includes(t) ? found : undefined;
				},
				{timeout: 15_000},
				selector,
				text,
			)
			.then((h) => h.jsonValue() as Promise<string>);

	/** Waits until the page's one badge does (or does not) say `text`. */
	const badgeSays = (page: Page, text: string, says: boolean) =>
		page.waitForFunction(
			(t: string, s: boolean) => {
				const badge = document.querySelector('[data-ctc-badge]')?.shadowRoot?.querySelector('button.badge')?.textContent;
				return badge !== undefined && badge !== null && badge !== '' && badge.includes(t) === s;
			},
			{timeout: 15_000},
			text,
			says,
		);

	it('takes a signed update from the update host, refuses a tampered one, and asks nothing once switched off', async () => {
		const server = await startRulesServer();
		const options = await extensionPage('options.html');
		let saved: unknown;
		try {
			server.serve(tamperedFile(updatedRules()));
			await options.waitForSelector('[data-testid="rules-updates-switch"]');
			// A US passport, and the agent tool as one of the user's sites (its permission is granted by the e2e build).
			saved = await options.evaluate(async () => {
				const g = globalThis as unknown as StorageGlobal;
				const current = ((await g.browser.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
				await g.browser.storage.local.set({settings: {...current, passports: ['US'], extraSites: ['https://agent.example.test']}});
				return current;
			});
			await agentScriptRegistered(options);
			const page = await open(AGENT, undefined, agentPage(pages[AGENT]!));
			await badgeSays(page, NONE, true);
			expect(server.requests).toEqual([]);

			// On: the first file is tampered with, and refused in words.
			await options.bringToFront();
			await options.click('[data-testid="rules-updates-switch"]');
			await textOf(options, '[data-testid="rules-update-status"]', 'The signature does not match');
			expect(await options.$eval('[data-testid="rules-source"]', (e) => e.textContent)).toContain('came with this version');
			expect(server.requests).toHaveLength(1);
			await badgeSays(page, NONE, true);

			// The good one, on demand: the open page follows without a reload.
			server.serve(signedFile(updatedRules()));
			await options.click('[data-testid="rules-check-now"]');
			await textOf(options, '[data-testid="rules-update-status"]', 'new rules were found and are in use');
			await textOf(options, '[data-testid="rules-source"]', 'a signed rules update');
			await badgeSays(page, NONE, false);
			expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /rules-update.json', 'GET /rules-update.json']);
			expect(server.requests.every((r) => r.headers.cookie === undefined && r.headers.referer === undefined)).toBe(true);

			// Off: the bundled rules again, and no request after that.
			await options.click('[data-testid="rules-updates-switch"]');
			await textOf(options, '[data-testid="rules-source"]', 'came with this version');
			await badgeSays(page, NONE, true);
			await new Promise((r) => setTimeout(r, 1000));
			expect(server.requests).toHaveLength(2);
			await page.close();
		} finally {
			await options.evaluate(async (settings) => {
				const g = globalThis as unknown as StorageGlobal;
				await g.browser.storage.local.set({settings});
			}, saved ?? {});
			await options.close();
			await server.close();
		}
	});
});
