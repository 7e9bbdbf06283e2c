/**
 * Firefox ESR (Debian's `firefox-esr`, headless, over WebDriver BiDi) with a build of the extension installed as a
 * temporary add-on, its `moz-extension://` address pinned to `uuid` so that a test can name its pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, {type Browser, type Frame, type Page} from 'puppeteer-core';
import {GECKO_ID} from '../../wxt.config';

/** `prefs`: more Firefox preferences; `buildCommand`: what makes `extDir`, said when it is missing. */
export async function launchWithExtension(
	extDir: string,
	uuid: string,
	{prefs = {}, buildCommand = 'npx wxt build -b firefox --mode e2e'}: {prefs?: Record<string, unknown>; buildCommand?: string} = {},
): Promise<Browser> {
	if (!fs.existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`no Firefox build at ${extDir}: run ${buildCommand}`);
	const browser = await puppeteer.launch({
		browser: 'firefox',
		executablePath: '/usr/bin/firefox-esr',
		headless: true,
		extraPrefsFirefox: {'extensions.webextensions.uuids': JSON.stringify({[GECKO_ID]: uuid}), ...prefs},
	});
	const id = await browser.installExtension(extDir);
	if (id !== GECKO_ID) {
		await browser.close();
		throw new Error(`installed as ${id}, not ${GECKO_ID}`);
	}
	return browser;
}

/**
 * The text of `selector` in the extension's details frame, '' where there is none. The driver lists the frame at its
 * first URL (about:blank), so each child frame is asked where it is.
 */
export async function detailsFrameText(page: Page, selector: string): Promise<string> {
	const frame = await detailsFrame(page);
	return frame
		? await frame.evaluate((sel: string) => document.querySelector<HTMLElement>(sel)?.innerText ?? '', selector).catch(() => '')
		: '';
}

/** The extension's details frame in a badge's open popover (by the page it shows: its address is not always known here). */
export async function detailsFrame(page: Page): Promise<Frame | undefined> {
	for (const frame of page.frames()) {
		if (frame === page.mainFrame()) continue;
		const path = await frame.evaluate(() => location.pathname).catch(() => undefined);
		if (path === '/details.html') return frame;
	}
	return undefined;
}
