/**
 * What a booking site's own scripts can learn from the badge in Firefox: nothing about the traveller. The release
 * build (`.output/firefox-mv2`: closed shadow roots, nothing marked on the page), installed in a Firefox of its own;
 * the traveller's settings changed on the real options page, opened from the welcome page that the install opens (a
 * release build's pages cannot be opened by the test driver). The page and its recorder are the Chromium test's
 * (test/e2e/page-observer-page.ts): the records of the three setups must be identical and say nothing, and the page's
 * clicks open no tab.
 */
import path from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {GECKO_ID} from '../../wxt.config';
import {checkRecords, DETAILS_WORDS, FIND_WORDS, OBSERVED_URL, observedPage, SETUPS, type Setup} from '../e2e/page-observer-page';
import {detailsFrameText, launchWithExtension} from './launch';

const EXT_DIR = path.resolve(process.env.FF_RELEASE_DIR ?? '.output/firefox-mv2');
const UUID = '0b6d2f4e-1a3c-4e5f-9a7b-8c9d0e1f2a3b'; // pins moz-extension://<uuid>

let browser: Browser;
let options: Page;

/** The extension's page at `file` once the extension has opened it (the welcome page on install, the options page). */
async function openedPage(file: string): Promise<Page> {
	const url = `moz-extension://${UUID}/${file}`;
	const deadline = Date.now() + 15_000;
	while (Date.now() < deadline) {
		for (const p of await browser.pages()) if ((await p.evaluate(() => location.href).catch(() => '')) === url) return p;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`the extension did not open ${file}`);
}

beforeAll(async () => {
	browser = await launchWithExtension(EXT_DIR, UUID, {buildCommand: 'npx wxt build -b firefox'});
	const welcome = await openedPage('welcome.html');
	await welcome.waitForSelector('p.actions button.primary');
	await welcome.click('p.actions button.primary'); // "All settings": the options page, in a tab of its own
	options = await openedPage('options.html');
	await welcome.close();
	await options.waitForSelector('section[aria-labelledby="passports-h"] input[name="country"]');
});

afterAll(async () => {
	await browser?.close();
});

/** The traveller's settings, on the options page, as the user would set them. */
async function settings(setup: Setup, previous?: Setup): Promise<void> {
	if (setup.passport !== previous?.passport) {
		if (previous) {
			await options.click(`[data-testid="passports"] li[data-code="${previous.passport}"] button`);
			await options.waitForSelector(`[data-testid="passports"] li[data-code="${previous.passport}"]`, {hidden: true});
		}
		await options.type('section[aria-labelledby="passports-h"] input[name="country"]', setup.passport);
		await options.keyboard.press('Enter');
		await options.waitForSelector(`[data-testid="passports"] li[data-code="${setup.passport}"]`);
	}
	await options.click(`input[name="detail"][value="${setup.detail}"]`);
	await options.waitForFunction(
		(v: string) => document.querySelector<HTMLInputElement>(`input[name="detail"][value="${v}"]`)?.checked,
		{},
		setup.detail,
	);
	if (setup.language) await options.select('select[aria-labelledby="language-h"]', setup.language);
	await new Promise((r) => setTimeout(r, 200));
}

/** The observed page at its Google Flights address (answered here; every other request fails). */
async function openObserved(): Promise<Page> {
	const page = await browser.newPage();
	await page.setRequestInterception(true);
	page.on('request', (req) => {
		if (req.url() === OBSERVED_URL)
			void req.respond({status: 200, contentType: 'text/html; charset=utf-8', body: observedPage(GECKO_ID)});
		else if (/^https?:/.test(req.url())) void req.abort();
		else void req.continue();
	});
	await page.goto(OBSERVED_URL);
	return page;
}

describe('Firefox, the release build', () => {
	it('a page learns nothing about the traveller from the badges, cannot open them, and gets no message or event', async () => {
		const records: unknown[] = [];
		const pixels: string[] = [];
		let previous: Setup | undefined;
		for (const setup of SETUPS) {
			await settings(setup, previous);
			previous = setup;
			const page = await openObserved();
			// Two badges, one per card: the release build marks nothing, so wait for the page to see two new elements.
			await page.waitForFunction(() => (window as unknown as {__record: () => {added: unknown[]}}).__record().added.length === 2, {
				timeout: 15_000,
			});
			await new Promise((r) => setTimeout(r, 300));
			// What the traveller sees of the two badges (the page cannot read pixels): it must change with the settings.
			const box = await page.evaluate(() => {
				const [a, b] = (window as unknown as {__added: () => Element[]}).__added().map((el) => el.getBoundingClientRect());
				return {
					x: Math.min(a!.left, b!.left),
					y: Math.min(a!.top, b!.top),
					width: Math.max(a!.right, b!.right) - Math.min(a!.left, b!.left),
					height: Math.max(a!.bottom, b!.bottom) - Math.min(a!.top, b!.top),
				};
			});
			pixels.push(Buffer.from(await page.screenshot({clip: box})).toString('base64'));
			const tabs = (await browser.pages()).length;
			await page.evaluate(() => (window as unknown as {__poke: () => void}).__poke());
			await new Promise((r) => setTimeout(r, 800));
			expect((await browser.pages()).length).toBe(tabs);
			records.push(await page.evaluate(() => (window as unknown as {__record: () => unknown}).__record()));
			await page.close();
		}
		checkRecords(records, expect);
		// The settings did change what the badges show: the passport, then the level and the language.
		expect(new Set(pixels).size).toBe(SETUPS.length);
	});

	it("while the user reads a badge's details, the page's text search finds none of their words", async () => {
		// Back to the first setup (a US passport, in English) from the last one of the test above.
		await settings(SETUPS[0]!, SETUPS[SETUPS.length - 1]);
		await options.select('select[aria-labelledby="language-h"]', 'en');
		await new Promise((r) => setTimeout(r, 200));
		const page = await openObserved();
		await page.waitForFunction(() => (window as unknown as {__added: () => Element[]}).__added().length === 2, {timeout: 15_000});
		// The user's click on the first badge's pill (at the left of its box: the release build marks nothing).
		const box = await page.evaluate(() => {
			const {x, y, height} = (window as unknown as {__added: () => Element[]}).__added()[0]!.getBoundingClientRect();
			return {x, y, height};
		});
		await page.mouse.click(box.x + 20, box.y + box.height / 2);
		// The details are on screen, in the extension's frame.
		const deadline = Date.now() + 15_000;
		let text = '';
		while (!text.includes('Stop 1: PVG') && Date.now() < deadline) {
			text = await detailsFrameText(page, 'main');
			if (!text.includes('Stop 1: PVG')) await new Promise((r) => setTimeout(r, 100));
		}
		for (const word of DETAILS_WORDS.slice(1)) expect(text).toContain(word);
		const words = [...DETAILS_WORDS, ...FIND_WORDS];
		const finds = await page.evaluate((w: string[]) => (window as unknown as {__find: (w: string[]) => unknown}).__find(w), words);
		expect(finds).toEqual(Object.fromEntries(words.map((word) => [word, false])));
		// Nor does the page's timeline name the frame's address (the extension's id, or Firefox's installation UUID).
		const timeline = await page.evaluate(() => performance.getEntries().map((e) => e.name));
		expect(timeline.filter((name) => /extension:/.test(name))).toEqual([]);
		await page.close();
	});
});
