/**
 * The look in real Firefox ESR, in both colour schemes: the popup (its form, then an answer with the details) and the
 * options page pass axe-core with no violation, contrast included. Firefox over WebDriver BiDi cannot emulate
 * `prefers-color-scheme` per page (puppeteer's emulateMediaFeatures needs CDP), so each scheme gets a browser of its
 * own, launched with the preference that sets the scheme pages see. axe-core's own build is put into the page by
 * evaluating its source (an extension page's CSP refuses inline script tags; evaluation from the driver is not
 * subject to it). Uses `.output/firefox-mv2-e2e` (web-accessible popup and options; see wxt.config.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {launchWithExtension} from './launch';

const EXT_DIR = path.resolve(process.env.FF_EXT_DIR ?? '.output/firefox-mv2-e2e');
const UUID = '5f3a1b2c-7d4e-4f60-8a9b-0c1d2e3f4a5b'; // pins moz-extension://<uuid>
const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const OUT = '.test-results';

type Violation = {id: string; targets: string[]};

async function axe(page: Page): Promise<Violation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
	return page.evaluate(async () => {
		const run = (
			window as unknown as {
				axe: {run: (c: Document, o: object) => Promise<{violations: {id: string; nodes: {target: string[]}[]}[]}>};
			}
		).axe.run;
		const {violations} = await run(document, {resultTypes: ['violations']});
		return violations.map((v) => ({id: v.id, targets: v.nodes.map((n) => n.target.join(' '))}));
	});
}

describe.each(['light', 'dark'] as const)('Firefox, %s scheme', (scheme) => {
	let browser: Browser;

	async function extensionPage(file: string): Promise<Page> {
		const page = await browser.newPage();
		await page.setViewport({width: file === 'popup.html' ? 420 : 1000, height: 900});
		await page.goto('about:blank');
		// BiDi will not navigate to moz-extension:// directly; a page may, to a web-accessible extension page.
		await page.evaluate((u) => void (location.href = u), `moz-extension://${UUID}/${file}`);
		await page.waitForSelector('h1');
		return page;
	}

	beforeAll(async () => {
		const dark = scheme === 'dark';
		browser = await launchWithExtension(EXT_DIR, UUID, {
			prefs: {
				// 0: dark, 1: light, for the pages' prefers-color-scheme; the system's own setting to match.
				'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
				'ui.systemUsesDarkTheme': dark ? 1 : 0,
			},
		});
		fs.mkdirSync(OUT, {recursive: true});
	});

	afterAll(async () => {
		await browser?.close();
	});

	it('the options page passes axe', async () => {
		const page = await extensionPage('options.html');
		await page.waitForSelector('[data-testid="rules-info"]');
		const looks = await page.evaluate(() => ({
			dark: matchMedia('(prefers-color-scheme: dark)').matches,
			page: getComputedStyle(document.body).backgroundColor,
		}));
		expect(looks).toEqual(scheme === 'dark' ? {dark: true, page: 'rgb(17, 20, 24)'} : {dark: false, page: 'rgb(244, 246, 248)'});
		expect(await axe(page)).toEqual([]);
		await page.screenshot({path: `${OUT}/look-firefox-options-${scheme}.png`});
		await page.close();
	});

	it('the welcome page and the privacy policy pass axe', async () => {
		for (const file of ['welcome.html', 'privacy.html']) {
			const page = await extensionPage(file);
			expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
			expect({file, violations: await axe(page)}).toEqual({file, violations: []});
			await page.close();
		}
	});

	it('the popup passes axe, empty and with an answer', async () => {
		const page = await extensionPage('popup.html');
		await page.waitForSelector('input[name="from"]');
		expect(await axe(page)).toEqual([]);
		await page.type('input[name="from"]', 'LAX');
		await page.type('input[name="via-0"]', 'PVG');
		await page.type('input[name="to"]', 'ICN');
		await page.type('input[name="arrive"]', '2026-03-16');
		await page.type('input[name="arrive-time"]', '17:00');
		await page.type('input[name="leave"]', '2026-03-20 09:00');
		await page.click('section[aria-labelledby="check-h"] button[type="submit"]');
		const result = await page.waitForSelector('[data-testid="result"] .details').then((h) => h!.evaluate((el) => el.textContent));
		expect(result).toContain('Stop 1: PVG');
		expect(await axe(page)).toEqual([]);
		await page.screenshot({path: `${OUT}/look-firefox-popup-${scheme}.png`, fullPage: true});
		await page.close();
	});
});
