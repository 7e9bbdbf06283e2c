import {test as base, type BrowserContext, type Locator, type Page, type Worker} from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {extensionIdOf, launchChromium} from '../../scripts/chromium';

/** The release build of the Chrome extension; `npm test` builds it first. */
export const EXT_DIR = path.resolve(process.env.EXT_DIR ?? '.output/chrome-mv3');
const FIXTURES = path.resolve('test/fixtures');

export function fixture(relative: string): string {
	return fs.readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/**
 * The `--mode e2e` build, which the tests use unless they say otherwise: the release build plus one test site granted
 * up front (wxt.config.ts), the `<html>` markers that say the content script ran and what it found, and badge hosts
 * marked `data-ctc-badge` with an open shadow root, so tests can find badges and look inside. The privacy tests run
 * the release build, which has none of these.
 */
export const EXT_DIR_E2E = path.resolve('.output/chrome-mv3-e2e');

export const test = base.extend<{extDir: string; context: BrowserContext; extensionId: string}>({
	extDir: [EXT_DIR_E2E, {option: true}],
	context: async ({extDir}, use) => {
		if (!fs.existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`no built extension at ${extDir}: run npm run build`);
		// Nothing leaves the machine: every web request is answered from fixtures or refused.
		const browser = await launchChromium({extDir, profilePrefix: 'ctc-e2e-'});
		await use(browser.context);
		await browser.close();
	},
	extensionId: async ({context}, use) => {
		await use(await extensionIdOf(context));
	},
});

/** The extension's service worker (the background), once it has started. */
export async function serviceWorker(context: BrowserContext): Promise<Worker> {
	return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The settings in the extension's storage, written as the options page would: the open pages hear the change. */
export async function setSettings(context: BrowserContext, settings: Record<string, unknown>): Promise<void> {
	await (
		await serviceWorker(context)
	).evaluate(async (value) => {
		const g = globalThis as unknown as {chrome: {storage: {local: {set: (v: object) => Promise<void>}}}};
		await g.chrome.storage.local.set({settings: value});
	}, settings);
}

/**
 * The id of the tab showing `url`, or (no url) of the active tab, as the toolbar button opens the popup about it
 * (the extension has no "tabs" permission to read other tabs' URLs; the e2e build's granted test site and the page
 * in front need none).
 */
export async function tabIdOf(context: BrowserContext, url?: string): Promise<number> {
	return (await serviceWorker(context)).evaluate(async (u) => {
		const g = globalThis as unknown as {chrome: {tabs: {query: (q: object) => Promise<{id: number}[]>}}};
		return (await g.chrome.tabs.query(u ? {url: u} : {active: true, lastFocusedWindow: true}))[0]!.id;
	}, url);
}

/** Answers `urlGlob` with an HTML body (registered after the catch-all, so it wins). */
export async function serve(context: BrowserContext, urlGlob: string, body: string): Promise<void> {
	await context.route(urlGlob, (route) => route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body}));
}

/** The options page, with these passports added through its form (as a user would); returned open. */
export async function setPassports(context: BrowserContext, extensionId: string, codes: string[]) {
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	for (const code of codes) {
		await options.getByLabel('Country of passport').fill(code);
		await options.getByRole('button', {name: 'Add passport'}).click();
		await expect(options.locator(`[data-testid="passports"] li[data-code="${code}"]`)).toBeVisible();
	}
	return options;
}

export const expect = test.expect;

/**
 * What a badge's open popover shows: the extension's details frame inside it (entrypoints/details), where the details
 * are (never in the page's document). `scope`: the page, or a card holding the badge.
 */
export function detailsIn(scope: Page | Locator): Locator {
	return scope.locator('[data-ctc-badge] [role="dialog"] iframe.details-frame').contentFrame().locator('main');
}
