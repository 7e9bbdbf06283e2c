import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import {expect, fixture, serve, setSettings, tabIdOf, test} from './fixtures';

test('the popup checks a route typed by hand, with the same details as the badges', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByLabel('From').fill('JFK');
	await popup.getByLabel('Connecting in China').fill('PEK');
	await popup.getByLabel('To', {exact: true}).fill('NRT');
	await popup.getByLabel('Arrive in China (local time)').fill('2026-03-16T16:00');
	await popup.getByLabel('Leave China (local time)').fill('2026-03-16T18:30');
	await popup.getByRole('button', {name: 'Check', exact: true}).press('Enter');
	const result = popup.getByTestId('result');
	await expect(result).toContainText('Best option: 24-hour direct transit');
	await expect(result).toContainText('PEK lets transfer passengers who stay airside skip border inspection');
	await expect(result).toContainText('24-hour transit does not depend on your passport, so it was checked.');
});

test('the popup says what is wrong with the input', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByRole('button', {name: 'Check', exact: true}).click();
	await expect(popup.getByRole('alert')).toHaveText('Where do you fly from?');
	await popup.getByLabel('From').fill('ZZZ');
	await popup.getByLabel('Connecting in China').fill('PVG');
	await popup.getByLabel('To', {exact: true}).fill('ICN');
	await popup.getByRole('button', {name: 'Check', exact: true}).click();
	await expect(popup.getByRole('alert')).toHaveText('Unknown airport: ZZZ');
	await expect(popup.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
	await popup.getByLabel('From').fill('LAX');
	await popup.getByLabel('Arrive in China (local time)').fill('2026-03-16T16:00');
	await popup.getByLabel('Leave China (local time)').fill('2026-03-15T18:30');
	await popup.getByRole('button', {name: 'Check', exact: true}).click();
	await expect(popup.getByRole('alert')).toHaveText('You leave before you arrive: check the dates.');
});

test('the route form asks which airport of a city, with its codes as buttons; the one chosen is checked, and the result takes the focus', async ({
	context,
	extensionId,
}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByLabel('From').fill('JFK');
	await popup.getByLabel('Connecting in China').fill('Beijing');
	await popup.getByLabel('To', {exact: true}).fill('NRT');
	await popup.getByRole('button', {name: 'Check', exact: true}).click();
	await expect(popup.getByRole('alert')).toHaveText('Which airport in Beijing? Type its code, for example PEK, PKX.');
	const pek = popup.getByRole('button', {name: 'Use PEK for Beijing and check again'});
	await expect(pek).toBeVisible();
	await popup.screenshot({path: '.test-results/form-choices.png', fullPage: true});
	await pek.click();
	await expect(popup.getByLabel('Connecting in China')).toHaveValue('PEK');
	const result = popup.getByTestId('result');
	await expect(result).toContainText('Stop 1: PEK');
	await expect(result).toBeFocused();
	await expect(popup.getByRole('alert')).toHaveCount(0);
});

test('an agent pastes a GDS display and gets the verdict for the mainland stop', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	// Sabre-style sell lines (the format of test/fixtures/gds/wnbjke__PNR-converter__notes.txt) routed through Beijing.
	await popup
		.getByLabel('A GDS/PNR display, an e-ticket or copied page text')
		.fill(' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245');
	await popup.getByRole('button', {name: 'Check this text'}).click();
	const result = popup.getByTestId('paste-result');
	await expect(result).toContainText('1 itinerary found, 1 via mainland China.');
	await expect(result).toContainText('Best option: 24-hour direct transit');
	await expect(result.getByRole('button', {name: 'Check-in card (print, English + 中文)'})).toBeVisible();
});

test('a pasted record through a city’s code (BJS) asks which airport, with its codes as buttons; the one chosen is checked', async ({
	context,
	extensionId,
}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	// The sell lines of the test above, through Beijing's city code (data/airports.json `metros`), which names no airport.
	const box = popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text');
	await box.fill(' 1 CA 982Y 15MAR 7 JFKBJS HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 BJSNRT HK1  1830  2245');
	await popup.getByRole('button', {name: 'Check this text'}).click();
	const result = popup.getByTestId('paste-result');
	await expect(result).toContainText(
		'BJS is the code of a city, Beijing, not of an airport: write the code of the airport each flight uses in the text and check again (PEK, PKX)',
	);
	const pkx = result.getByRole('button', {name: 'Use PKX for BJS and check again'});
	await expect(pkx).toBeVisible();
	await popup.screenshot({path: '.test-results/paste-city-code.png', fullPage: true});
	await pkx.click();
	await expect(box).toHaveValue(' 1 CA 982Y 15MAR 7 JFKPKX HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PKXNRT HK1  1830  2245');
	await expect(result).toContainText('1 itinerary found, 1 via mainland China.');
	await expect(result).toContainText('Stop 1: PKX');
});

// The agent copies the result into a note or an e-mail to the traveller: the browser's clipboard holds it (pasted
// back with the keyboard into the popup's own box, as the agent would paste it elsewhere).
test('an agent copies a checked itinerary as text: the route, its flights, the result with reasons and sources', async ({
	context,
	extensionId,
}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	const box = popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text');
	await box.fill(' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245');
	await popup.getByRole('button', {name: 'Check this text'}).click();
	const copy = popup.getByTestId('paste-result').getByRole('button', {name: 'Copy as text'});
	await expect(copy).toBeVisible();
	await copy.click();
	await expect(popup.getByTestId('copy-status')).toHaveText('Copied: the route, its flights and the result, with reasons and sources.');
	await box.fill('');
	await box.focus();
	await popup.keyboard.press('Control+V');
	const pasted = await box.inputValue();
	expect(pasted.split('\n').slice(0, 3)).toEqual([
		'China Transit Check: JFK → PEK → NRT',
		expect.stringMatching(/^ {2}CA982 JFK \d{4}-03-15 13:00 → PEK \d{4}-03-16 16:00$/),
		expect.stringMatching(/^ {2}CA925 PEK \d{4}-03-16 18:30 → NRT \d{4}-03-16 22:45$/),
	]);
	expect(pasted).toContain('Best: 24-hour direct transit');
	expect(pasted).toMatch(/sources: S\d+ https:\/\//);
	expect(pasted).toContain('not legal advice');
});

test('a pasted airport the table cannot read: its city’s codes are buttons, and the one chosen is checked', async ({
	context,
	extensionId,
}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	const box = popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text');
	await box.fill(fs.readFileSync('test/fixtures/made-up/unknown-airport.txt', 'utf8').replace('Gotham Heliport', 'Tokyo Gotham'));
	await popup.getByRole('button', {name: 'Check this text'}).click();
	const result = popup.getByTestId('paste-result');
	await expect(result).toContainText('Tokyo Gotham begins with a city’s name, Tokyo');
	const nrt = result.getByRole('button', {name: 'Use NRT for Tokyo Gotham and check again'});
	await expect(nrt).toBeVisible();
	await popup.screenshot({path: '.test-results/paste-choices.png', fullPage: true});
	await nrt.click();
	await expect(box).toHaveValue(/Arrival: 12:00 NRT/);
	await expect(result.locator('.left-out')).toHaveCount(0);
	await expect(result.locator('p').first()).toBeFocused();
});

async function check240(
	popup: import('@playwright/test').Page,
	labels: {from: string; via: string; to: string; arrive: string; leave: string; check: string},
) {
	await popup.getByLabel(labels.from).fill('LAX');
	await popup.getByLabel(labels.via).fill('PVG');
	await popup.getByLabel(labels.to, {exact: true}).fill('ICN');
	await popup.getByLabel(labels.arrive).fill('2026-03-16T17:00');
	await popup.getByLabel(labels.leave).fill('2026-03-20T09:00');
	await popup.getByRole('button', {name: labels.check, exact: true}).click();
}

test('a pasted record that gives the passenger’s nationality (SSR DOCS): said, and checked with it when the agent asks', async ({
	context,
	extensionId,
}) => {
	await setSettings(context, {passports: ['IN'], language: 'en', disabledSites: [], detailLevel: 'standard', extraSites: []});
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	const box = popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text');
	await box.fill(
		[
			' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1',
			' 2 CA 925Y 20MAR 5 PEKNRT HK1  0900  1330',
			' 3 SSR DOCS CA HK1 P/FRA/12345678/FRA/01JAN80/M/01JAN30/DOE/JOHN',
		].join('\n'),
	);
	await popup.getByRole('button', {name: 'Check this text'}).click();
	const result = popup.getByTestId('paste-result');
	await expect(result.getByTestId('record-passports')).toContainText('The record gives the passengers’ nationality: France (FR).');
	await expect(result).toContainText('With your passport from India');
	await result.getByRole('button', {name: 'Check with a passport from France'}).click();
	await expect(result).toContainText('With your passport from France');
	await expect(result.locator('p[tabindex]')).toBeFocused();
	await popup.screenshot({path: '.test-results/paste-record-passport.png', fullPage: true});
});

test('a 240-hour stay shows where the traveller may go: the map from boundary data and the list beside it; axe finds nothing', async ({
	context,
	extensionId,
}) => {
	await setSettings(context, {passports: ['US'], language: 'en', disabledSites: [], detailLevel: 'standard', extraSites: []});
	const popup = await context.newPage();
	await popup.setViewportSize({width: 420, height: 900});
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await expect(popup.getByLabel('Passports')).toHaveValue('US');
	await check240(popup, {
		from: 'From',
		via: 'Connecting in China',
		to: 'To',
		arrive: 'Arrive in China (local time)',
		leave: 'Leave China (local time)',
		check: 'Check',
	});
	const result = popup.getByTestId('result');
	await expect(result).toContainText('240-hour visa-free transit');
	const map = result.getByRole('img', {name: /24 permitted areas.*PVG/});
	await expect(map).toBeVisible();
	await expect(result.locator('path[data-status="whole"]')).toHaveCount(18);
	await expect(result.locator('path[data-status="listed"]')).toHaveCount(6);
	await expect(result.locator('[data-iata="PVG"]')).toHaveCount(1);
	await expect(result.getByRole('heading', {name: 'The 24 permitted areas'})).toBeVisible();
	// The areas list, not the source list above it (a Shanghai government source also names Shanghai).
	await expect(
		result.getByRole('region', {name: 'The 24 permitted areas'}).getByRole('listitem').filter({hasText: 'Shanghai'}).first(),
	).toContainText('PVG');
	const axe = await new AxeBuilder({page: popup}).analyze();
	expect(axe.violations).toEqual([]);
	fs.mkdirSync('.test-results', {recursive: true});
	await popup.screenshot({path: '.test-results/popup-240-en.png', fullPage: true});
	// The check-in card opens in a tab of its own, in English and Chinese; the background keeps the trip, the URL
	// only carries a one-time key.
	const [card] = await Promise.all([
		context.waitForEvent('page'),
		popup.getByRole('button', {name: 'Check-in card (print, English + 中文)'}).click(),
	]);
	await card.waitForURL(/check-in-card\.html#/);
	const firstUrl = card.url();
	expect(firstUrl).toMatch(/^chrome-extension:\/\/[a-p]{32}\/check-in-card\.html#[0-9a-f-]{36}$/);
	await expect(card.getByRole('heading', {level: 1})).toContainText('240-hour visa-free transit');
	await expect(card.getByRole('heading', {level: 1})).toContainText('240小时过境免签');
	await expect(card.locator('body')).toContainText('2026-03-27 00:00 Beijing time');
	await expect(card.locator('body')).toContainText('LAX');
	// A second click reuses that tab for the new card instead of opening another.
	await popup.waitForTimeout(1000);
	await popup.getByRole('button', {name: 'Check-in card (print, English + 中文)'}).click();
	await expect.poll(() => card.url()).not.toBe(firstUrl);
	await expect(card.getByRole('heading', {level: 1})).toContainText('240-hour visa-free transit');
	expect(context.pages().filter((p) => p.url().includes('/check-in-card.html'))).toHaveLength(1);
});

test('the popup in Chinese: the same check, the map and list in Chinese; axe finds nothing', async ({context, extensionId}) => {
	await setSettings(context, {passports: ['US'], language: 'zh-CN', disabledSites: [], detailLevel: 'standard', extraSites: []});
	const popup = await context.newPage();
	await popup.setViewportSize({width: 420, height: 900});
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await check240(popup, {
		from: '出发地',
		via: '中国中转机场',
		to: '目的地',
		arrive: '抵达中国（当地时间）',
		leave: '离开中国（当地时间）',
		check: '查询',
	});
	const result = popup.getByTestId('result');
	await expect(result).toContainText('240小时');
	await expect(result.getByRole('listitem').filter({hasText: '上海'}).first()).toContainText('PVG');
	const axe = await new AxeBuilder({page: popup}).analyze();
	expect(axe.violations).toEqual([]);
	await popup.screenshot({path: '.test-results/popup-240-zh-CN.png', fullPage: true});
});

test('the options page: axe finds nothing, in English and Chinese', async ({context, extensionId}) => {
	for (const language of ['en', 'zh-CN']) {
		await setSettings(context, {passports: ['US', 'FR'], language, disabledSites: ['kayak'], detailLevel: 'detailed', extraSites: []});
		const options = await context.newPage();
		await options.goto(`chrome-extension://${extensionId}/options.html`);
		await expect(options.getByTestId('passports').getByRole('listitem')).toHaveCount(2);
		// The shortcut the manifest suggests, as the browser gave it (chrome.commands), with its keys.
		await expect(options.getByTestId('shortcut').locator('kbd')).toHaveText('Alt+Shift+K');
		const axe = await new AxeBuilder({page: options}).analyze();
		expect(axe.violations).toEqual([]);
		await options.screenshot({path: `.test-results/options-${language}.png`, fullPage: true});
		await options.close();
	}
});

test('the options page opens the browser’s page for changing the popup’s shortcut', async ({context, extensionId}) => {
	await setSettings(context, {passports: [], language: 'en', disabledSites: [], detailLevel: 'standard', extraSites: []});
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	const opened = context.waitForEvent('page');
	await options.getByRole('button', {name: 'Change the shortcut'}).click();
	const shortcuts = await opened;
	await expect.poll(() => shortcuts.url()).toBe('chrome://extensions/shortcuts');
	await shortcuts.close();
	await options.close();
});

test('on a built-in site the user switched off, the popup says so and turns it back on', async ({context, extensionId}) => {
	const url = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTA1LTEwagcIARIDS1VMcgcIARIDTlJU&hl=en';
	await serve(context, 'https://www.google.com/travel/flights/**', fixture('google-flights/kul-nrt-loading-composite.html'));
	const page = await context.newPage();
	await page.goto(url);
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	await options.getByRole('checkbox', {name: 'Google Flights'}).uncheck();
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0);
	// The page's tab, as the popup would see it: the active one (without the tabs permission its URL is not visible).
	await page.bringToFront();
	const tabId = await tabIdOf(context);
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
	await expect(popup.getByTestId('page-status')).toHaveText(
		'Google Flights is switched off in your settings: nothing on this page is checked.',
	);
	await popup.getByRole('button', {name: 'Turn Google Flights back on'}).click();
	await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(1);
	await expect(popup.getByRole('button', {name: 'Scan this page'})).toHaveCount(0);
});
