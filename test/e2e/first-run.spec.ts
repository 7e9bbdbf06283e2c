import AxeBuilder from '@axe-core/playwright';
import type {BrowserContext, Page} from '@playwright/test';
import {launchChromium} from '../../scripts/chromium';
import {detailsIn, expect, EXT_DIR_E2E, fixture, serve, serviceWorker, test} from './fixtures';
import {PAINT_CASES, paintPage} from './paint-cases';

// What a new user meets: the welcome page the install opens, and the toolbar button that says what a tab holds.

const KUL_NRT = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTA1LTEwagcIARIDS1VMcgcIARIDTlJU&hl=en';
const SFO_NRT = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';

/** The toolbar button of the tab showing `url`: its badge text and tooltip, as the browser holds them for that tab. */
async function toolbarOf(context: BrowserContext, url: string): Promise<{text: string; title: string}> {
	return (await serviceWorker(context)).evaluate(async (u) => {
		type Action = {getBadgeText: (d: {tabId: number}) => Promise<string>; getTitle: (d: {tabId: number}) => Promise<string>};
		const g = globalThis as unknown as {chrome: {action: Action; tabs: {query: (q: object) => Promise<{id: number}[]>}}};
		const [tab] = await g.chrome.tabs.query({url: u});
		if (!tab) return {text: 'no tab', title: ''};
		return {text: await g.chrome.action.getBadgeText({tabId: tab.id}), title: await g.chrome.action.getTitle({tabId: tab.id})};
	}, url);
}

async function axe(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({page}).analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a fresh install opens the welcome page, which passes axe in light and dark; the passport chosen there decides the badges', async () => {
	const browser = await launchChromium({extDir: EXT_DIR_E2E, profilePrefix: 'ctc-e2e-welcome-', keepWelcome: true});
	try {
		const welcome = browser.welcome!;
		await expect(welcome.getByRole('heading', {level: 1})).toHaveText('Welcome to China Transit Check');
		await expect(welcome.getByRole('list', {name: 'Examples of flight results with a badge'})).toContainText('24h transit ✓ PEK');
		await expect(welcome.getByRole('region', {name: '3. Your privacy'})).toContainText('never sent anywhere');
		// The keys that open the popup, as the browser gave them (the manifest suggests them).
		await expect(welcome.getByTestId('shortcut')).toHaveText('The keyboard opens it too: Alt+Shift+K');
		expect(await axe(welcome)).toEqual([]);
		await welcome.emulateMedia({colorScheme: 'dark'});
		expect(await axe(welcome)).toEqual([]);
		const background = await welcome.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(17, 20, 24)'); // --ctc-bg in dark (components/tokens.css)
		await welcome.emulateMedia({colorScheme: 'light'});

		// Keyboard only: the passport field, then the add button.
		await welcome.getByLabel('Country of passport').focus();
		await welcome.keyboard.type('US');
		await welcome.keyboard.press('Enter');
		await expect(welcome.locator('[data-testid="passports"] li[data-code="US"]')).toBeVisible();

		// A passport the rules in use hold nothing for says so under its name, and only there; removed again.
		await welcome.getByLabel('Country of passport').fill('HK');
		await welcome.keyboard.press('Enter');
		const hk = welcome.locator('[data-testid="passports"] li[data-code="HK"]');
		await expect(hk.locator('.passport-note')).toHaveText(
			'Our data holds the visa exemptions China grants foreign nationals, and none for this passport: checks with it never say yes, and tell you to ask your airline.',
		);
		await expect(welcome.locator('[data-testid="passports"] li[data-code="US"] .passport-note')).toHaveCount(0);
		expect(await axe(welcome)).toEqual([]);
		await hk.getByRole('button').click();
		await expect(hk).toHaveCount(0);

		// The same install, a saved results page: the badges judge for that passport.
		await serve(browser.context, 'https://www.google.com/travel/flights/**', fixture('google-flights/kul-nrt-loading-composite.html'));
		const page = await browser.context.newPage();
		await page.goto(KUL_NRT);
		await page.locator('[data-ctc-badge] button.badge').click();
		const card = detailsIn(page);
		await expect(card).toContainText('With your passport from the United States');
		await expect(card).not.toContainText('does not depend on your passport');

		// In Chinese too, from the welcome page's own language switch.
		await welcome.bringToFront();
		await welcome.getByLabel('Language').selectOption('zh-CN');
		await expect(welcome.getByRole('heading', {level: 1})).toHaveText('欢迎使用中国过境免签查询');
		await expect(welcome.locator('html')).toHaveAttribute('lang', 'zh-CN');
	} finally {
		await browser.close();
	}
});

test("the toolbar button counts a tab's itineraries through mainland China and names the best verdict; nothing elsewhere", async ({
	context,
}) => {
	await serve(
		context,
		'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2*',
		fixture('google-flights/kul-nrt-loading-composite.html'),
	);
	await serve(context, 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1*', fixture('google-flights/sfo-nrt-2025.html'));
	const page = await context.newPage();
	await page.goto(KUL_NRT);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	// KUL → HAK → NRT and KUL → SZX → NRT: two, and 24-hour transit holds (at Haikou, the best of the two).
	await expect
		.poll(() => toolbarOf(context, KUL_NRT))
		.toEqual({
			text: '2',
			title: 'China Transit Check: 2 via mainland China on this page · best: 24h transit ✓ HAK',
		});
	// The same tab, a page without a mainland connection: nothing on the button.
	await page.goto(SFO_NRT);
	await page.waitForTimeout(1000);
	expect(await toolbarOf(context, SFO_NRT)).toEqual({text: '', title: 'China Transit Check'});
	// Back: counted again.
	await page.goto(KUL_NRT);
	await expect.poll(() => toolbarOf(context, KUL_NRT)).toMatchObject({text: '2'});
});

test('on Google Flights’ list held twice (its “Best” and “Cheapest” tab panels, one hidden), the popup and the toolbar count each result once', async ({
	context,
}) => {
	// The saved SFO → NRT page with the site's CSS, 7 + 7 of its 28 shown cards rerouted through PVG and PEK
	// (./paint-cases.ts); its other 28 cards are the hidden tab panel's, the same results.
	const c = PAINT_CASES[0]!;
	await serve(context, c.glob, paintPage(c));
	const page = await context.newPage();
	await page.goto(c.url);
	// Every card is read, the hidden panel's too (the end-to-end build's marks count cards read): a tab switch shows them badged.
	await expect
		.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found')), {timeout: 20_000})
		.toBe(`${c.cards}/${c.china}`);
	await page.bringToFront();
	// What the popup asks the page's content script (lib/browser/tabs.ts thisPage), for the active tab.
	const status = await (
		await serviceWorker(context)
	).evaluate(async () => {
		type Tabs = {query: (q: object) => Promise<{id: number}[]>; sendMessage: (id: number, m: object) => Promise<unknown>};
		const g = globalThis as unknown as {chrome: {tabs: Tabs}};
		const [tab] = await g.chrome.tabs.query({active: true, lastFocusedWindow: true});
		return g.chrome.tabs.sendMessage(tab!.id, {type: 'page-status'});
	});
	expect(status).toMatchObject({adapter: 'google-flights', itineraries: 28, withStops: c.shown, unplaced: 0});
	await expect.poll(() => toolbarOf(context, c.url)).toMatchObject({text: String(c.shown)});
});

test('the options page links to the privacy policy, in the settings language, which passes axe', async ({context, extensionId}) => {
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	const [policy] = await Promise.all([
		context.waitForEvent('page'),
		options.getByRole('link', {name: 'Privacy policy (opens in a new tab)'}).click(),
	]);
	await expect(policy.getByRole('heading', {level: 1})).toHaveText('China Transit Check: privacy policy');
	await expect(policy.getByRole('heading', {name: 'What it sends'})).toBeVisible();
	expect(await axe(policy)).toEqual([]);
	await options.getByRole('combobox', {name: 'Language'}).selectOption('zh-CN');
	await policy.reload();
	await expect(policy.locator('main')).toHaveAttribute('lang', 'zh-CN');
	await expect(policy.getByRole('heading', {level: 1})).not.toHaveText('China Transit Check: privacy policy');
});
