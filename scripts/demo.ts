/**
 * npm run demo — builds the extension and opens Chromium with it on a real Google Flights results page served for
 * the real URL (nothing leaves the machine): the SFO → NRT capture with the site's own CSS, whose connections in Hong
 * Kong and Taipei are rerouted in memory to Shanghai Pudong and Beijing Capital (test/fixtures/SOURCES.md), so its result
 * cards show badges. With a display (DISPLAY set) the browser opens the release build for you to click around;
 * without one it runs headless on the end-to-end build (the same extension, with badge hosts marked and their shadow
 * roots open so the script can find and click them), writes screenshots to demo-output/ and prints what the badges say.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import sharp from 'sharp';
import {PAINT_CASES, paintPage} from '../test/e2e/paint-cases';
import {extensionIdOf, launchChromium} from './chromium';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'demo-output');
const URL = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';
const PAGE = paintPage(PAINT_CASES.find((c) => c.adapter === 'google-flights')!);
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');
const EXT_DIR = path.join(root, headed ? '.output/chrome-mv3' : '.output/chrome-mv3-e2e');

function step(label: string, cmd: string, args: string[]) {
	console.log(`demo: ${label}`);
	const r = spawnSync(cmd, args, {cwd: root, stdio: 'inherit'});
	if (r.status !== 0) {
		console.error(`demo: ${label} failed`);
		process.exit(1);
	}
}

step('checking browsers', 'node', ['scripts/ensure-browsers.mjs']);
step('building the extension', 'npx', headed ? ['wxt', 'build'] : ['wxt', 'build', '--mode', 'e2e']);

const browser = await launchChromium({
	extDir: EXT_DIR,
	headless: !headed,
	viewport: {width: 1280, height: 800},
	profilePrefix: 'ctc-demo-',
});
const {context} = browser;
await context.route('https://www.google.com/travel/flights**', (r) =>
	r.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: PAGE}),
);

const extensionId = await extensionIdOf(context);

async function setPassport(code: string, language: string) {
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	await options.locator('input[name="country"]').fill(code);
	await options.locator('input[name="country"]').press('Enter');
	await options.locator('select[aria-labelledby="language-h"]').selectOption(language);
	await options.waitForTimeout(300);
	return options;
}

/**
 * The store listing's screenshots (store/screenshots/README.md): the results page with its badges, and a badge's
 * details, in light and dark, in English and Chinese; 1280 × 800 PNGs without alpha, as the Chrome Web Store wants.
 */
async function storeScreenshots(options: Page) {
	const dir = path.join(root, 'store/screenshots');
	const write = async (target: Page, name: string) => {
		const file = path.join(dir, name);
		await sharp(await target.screenshot())
			.flatten({background: '#ffffff'})
			.removeAlpha()
			.png()
			.toFile(file);
		console.log(`demo: wrote ${path.relative(root, file)}`);
	};
	const popover = page.locator('[data-ctc-badge] [role="dialog"]:popover-open');
	for (const language of ['en', 'zh-CN'] as const) {
		await options.bringToFront();
		await options.locator('select[aria-labelledby="language-h"]').selectOption(language);
		await page.bringToFront();
		for (const theme of ['light', 'dark'] as const) {
			await page.emulateMedia({colorScheme: theme});
			if (await popover.isVisible()) await page.keyboard.press('Escape');
			await badge.first().evaluate((el) => el.scrollIntoView({block: 'center'}));
			await page.waitForTimeout(300);
			await write(page, `badges-${theme}-${language}.png`);
			await badge.first().click();
			await popover.waitFor();
			await detailsShown(language === 'en' ? /Stop 1/ : /第1站/);
			await write(page, `details-${theme}-${language}.png`);
			await page.keyboard.press('Escape');
		}
	}
	await page.emulateMedia({colorScheme: 'light'});
}

async function shoot(page: Page, name: string) {
	const file = path.join(OUT, name);
	await page.screenshot({path: file});
	console.log(`demo: wrote ${path.relative(root, file)}`);
}

const page = await context.newPage();
await page.goto(URL);
const badge = page.locator('[data-ctc-badge] button.badge');
/** Waits for the open popover's details (in the extension's details frame) to show a stop heading like `heading`. */
const detailsShown = (heading: RegExp) =>
	page
		.locator('[data-ctc-badge] [role="dialog"]:popover-open iframe.details-frame')
		.contentFrame()
		.locator('.details .top', {hasText: heading})
		.first()
		.waitFor();

if (headed) {
	console.log(
		`demo: Chromium is open on ${URL} with the extension loaded. Set a passport in the options (chrome-extension://${extensionId}/options.html). Close the window to end.`,
	);
	await new Promise<void>((resolve) => context.on('close', () => resolve()));
} else {
	await badge.first().waitFor({timeout: 15_000});
	fs.rmSync(OUT, {recursive: true, force: true});
	fs.mkdirSync(OUT, {recursive: true});
	// The first result cards connect in Canada; scroll to the first card with a badge, a few cards down the list.
	await badge.first().evaluate((el) => el.scrollIntoView({block: 'center'}));
	await page.waitForTimeout(200);
	const onCards = await page.locator('[data-ctc-badge]').count();
	// The capture holds its list twice, one copy hidden: the badges a traveller can see are those of displayed cards.
	const shown = await page.locator('[data-ctc-badge]').evaluateAll((hosts) => hosts.filter((h) => h.checkVisibility()).length);
	console.log(
		`demo: ${onCards} badges on result cards; the first says "${await badge.first().innerText()}" (no passport set); ${shown} of them on the cards the page displays (the others on its hidden copy of the list)`,
	);
	await shoot(page, '1-badge-no-passport.png');
	const options = await setPassport('US', 'en');
	await shoot(options, '2-options.png');
	await page.bringToFront();
	await badge.first().click();
	await page.locator('[data-ctc-badge] [role="dialog"]:popover-open').waitFor();
	await detailsShown(/Stop 1/);
	console.log(`demo: with a US passport: "${await badge.first().innerText()}"`);
	await shoot(page, '3-details-en.png');
	await options.bringToFront();
	await options.locator('select[aria-labelledby="language-h"]').selectOption('zh-CN');
	await page.bringToFront();
	await page.waitForTimeout(300);
	if (!(await page.locator('[data-ctc-badge] [role="dialog"]:popover-open').isVisible())) await badge.first().click();
	await detailsShown(/第1站/);
	console.log(`demo: 简体中文: "${await badge.first().innerText()}"`);
	await shoot(page, '4-details-zh-CN.png');
	const popup = await context.newPage();
	await popup.setViewportSize({width: 420, height: 640});
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await shoot(popup, '5-popup.png');
	// A 240-hour stay checked by hand (US passport, in Chinese now): the verdict, the map of permitted areas, and the
	// check-in card it opens.
	await popup.locator('input[name="from"]').fill('LAX');
	await popup.locator('input[name="via-0"]').fill('PVG');
	await popup.locator('input[name="to"]').fill('ICN');
	await popup.locator('input[name="arrive"]').fill('2026-03-16T17:00');
	await popup.locator('input[name="leave"]').fill('2026-03-20T09:00');
	await popup.locator('input[name="leave"]').press('Enter');
	await popup.getByTestId('result').waitFor();
	await popup.screenshot({path: path.join(OUT, '6-popup-240-map-zh-CN.png'), fullPage: true});
	console.log(`demo: wrote ${path.relative(root, path.join(OUT, '6-popup-240-map-zh-CN.png'))}`);
	const [card] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('result').locator('button.primary').first().click()]);
	await card.waitForLoadState();
	await card.locator('h1').waitFor();
	await card.setViewportSize({width: 1000, height: 1400});
	await shoot(card, '7-check-in-card-zh-CN.png');
	await card.pdf({path: path.join(OUT, '8-check-in-card.pdf'), format: 'A4', printBackground: true});
	console.log(`demo: wrote ${path.relative(root, path.join(OUT, '8-check-in-card.pdf'))}`);
	await card.close();
	await storeScreenshots(options);
	await browser.close();
	console.log('demo: done (headless: no display). Screenshots are in demo-output/.');
}
