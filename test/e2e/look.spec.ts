/**
 * The look, in both colour schemes (`prefers-color-scheme`, emulated per page): the popup (its form, and a 240-hour
 * answer with the details and the map), the options page and the check-in card pass axe with no violation, contrast
 * included; the options page in the dark scheme is dark with light text, read from the pixels of a screenshot as well
 * as from computed styles; and the badge on a saved Google Flights results page keeps its text at 4.5:1 or more on its
 * own pill in every tone, and an edge that stands out of a white and of a near-black page (3:1, WCAG's figure for the
 * edge of a control). Screenshots go to .test-results/look-*.png.
 */
import AxeBuilder from '@axe-core/playwright';
import type {BrowserContext, Page} from '@playwright/test';
import fs from 'node:fs';
import {detailsIn, expect, serve, setSettings, test} from './fixtures';
import {PAINT_CASES, paintPage} from './paint-cases';

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const OUT = '.test-results';
/** The saved SFO → NRT Google Flights page with the site's own CSS, its Hong Kong and Taipei connections rerouted to
 * Shanghai Pudong and Beijing Capital (as in the demo): real result cards, each one itinerary. */
const FLIGHTS = PAINT_CASES.find((c) => c.adapter === 'google-flights')!;
const WHITE = 'rgb(255, 255, 255)';
const NEAR_BLACK = 'rgb(18, 18, 18)';

fs.mkdirSync(OUT, {recursive: true});

type Rgb = [number, number, number];

/** `rgb(…)`/`rgba(…)` as computed styles give them. */
function rgb(css: string): Rgb {
	const parts = /rgba?\(([^)]+)\)/
		.exec(css)?.[1]
		?.split(/[ ,/]+/)
		.map(Number);
	if (!parts || parts.length < 3) throw new Error(`not an rgb() colour: ${css}`);
	if (parts.length > 3 && parts[3]! < 1) throw new Error(`a translucent colour cannot be measured alone: ${css}`);
	return [parts[0]!, parts[1]!, parts[2]!];
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
	const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: Rgb, b: Rgb): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const settings = (language: string) => ({passports: ['US'], language, disabledSites: [], detailLevel: 'standard', extraSites: []});

async function noViolations(page: Page, what: string) {
	const {violations} = await new AxeBuilder({page}).analyze();
	expect(violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openPage(context: BrowserContext, url: string, scheme: Scheme, viewport?: {width: number; height: number}) {
	const page = await context.newPage();
	await page.emulateMedia({colorScheme: scheme});
	if (viewport) await page.setViewportSize(viewport);
	await page.goto(url);
	return page;
}

for (const scheme of SCHEMES) {
	test(`${scheme}: the popup, its answer, the options page and the check-in card pass axe`, async ({context, extensionId}) => {
		await setSettings(context, settings('en'));
		const popup = await openPage(context, `chrome-extension://${extensionId}/popup.html`, scheme, {width: 420, height: 900});
		await expect(popup.getByLabel('Passports')).toHaveValue('US');
		await noViolations(popup, 'popup');
		await popup.screenshot({path: `${OUT}/look-popup-${scheme}.png`});
		// A problem shown: the field's error edge and the alert.
		await popup.getByLabel('Arrive in China (local time)').fill('16/03/2026');
		await popup.getByRole('button', {name: 'Check', exact: true}).click();
		await expect(popup.getByRole('alert')).toContainText('Not a date: 16/03/2026');
		await noViolations(popup, 'popup with a problem');
		await popup.getByLabel('From').fill('LAX');
		await popup.getByLabel('Connecting in China').fill('PVG');
		await popup.getByLabel('To', {exact: true}).fill('ICN');
		await popup.getByLabel('Arrive in China (local time)').fill('2026-03-16');
		await popup.getByLabel('Arrival time').fill('17:00');
		await popup.getByLabel('Leave China (local time)').fill('2026-03-20T09:00');
		await popup.getByRole('button', {name: 'Check', exact: true}).click();
		await expect(popup.getByTestId('result')).toContainText('240-hour visa-free transit');
		await expect(popup.getByTestId('result').getByRole('img', {name: /permitted areas/})).toBeVisible();
		await noViolations(popup, 'popup with an answer');
		await popup.screenshot({path: `${OUT}/look-popup-240-${scheme}.png`, fullPage: true});

		const options = await openPage(context, `chrome-extension://${extensionId}/options.html`, scheme, {width: 1000, height: 900});
		await expect(options.getByTestId('passports').getByRole('listitem')).toHaveCount(1);
		await noViolations(options, 'options');
		await options.screenshot({path: `${OUT}/look-options-${scheme}.png`, fullPage: true});

		const [card] = await Promise.all([
			context.waitForEvent('page'),
			popup.getByRole('button', {name: 'Check-in card (print, English + 中文)'}).click(),
		]);
		await card.emulateMedia({colorScheme: scheme});
		await expect(card.getByRole('heading', {level: 1})).toContainText('240-hour visa-free transit');
		await noViolations(card, 'check-in card');
		await card.setViewportSize({width: 1000, height: 1400});
		await card.screenshot({path: `${OUT}/look-card-${scheme}.png`});
		// Printed, it is black on white whatever the screen's scheme.
		await card.emulateMedia({media: 'print', colorScheme: scheme});
		const printed = await card.evaluate(() => ({
			page: getComputedStyle(document.documentElement).backgroundColor,
			sheet: getComputedStyle(document.querySelector('.sheet')!).backgroundColor,
			text: getComputedStyle(document.querySelector('h1')!).color,
		}));
		expect(printed).toEqual({page: WHITE, sheet: WHITE, text: 'rgb(0, 0, 0)'});
	});
}

test('dark: the popup in Chinese passes axe, with its localised date and time boxes', async ({context, extensionId}) => {
	await setSettings(context, settings('zh-CN'));
	const popup = await openPage(context, `chrome-extension://${extensionId}/popup.html`, 'dark', {width: 420, height: 900});
	await expect(popup.getByLabel('抵达中国（当地时间）')).toHaveAttribute('placeholder', '年-月-日');
	await expect(popup.getByLabel('抵达时刻')).toHaveAttribute('placeholder', '时:分');
	await popup.getByLabel('出发地').fill('LAX');
	await popup.getByLabel('中国中转机场').fill('PVG');
	await popup.getByLabel('目的地', {exact: true}).fill('ICN');
	await popup.getByLabel('抵达中国（当地时间）').fill('2026年3月16日');
	await popup.getByLabel('抵达时刻').fill('下午5点');
	await popup.getByLabel('离开中国（当地时间）').fill('2026-03-20 09:00');
	await popup.getByRole('button', {name: '查询', exact: true}).click();
	await expect(popup.getByTestId('result')).toContainText('240小时');
	await expect(popup.getByLabel('抵达中国（当地时间）')).toHaveValue('2026-03-16');
	await expect(popup.getByLabel('抵达时刻')).toHaveValue('17:00');
	await noViolations(popup, 'popup zh-CN');
	await popup.screenshot({path: `${OUT}/look-popup-240-zh-CN-dark.png`, fullPage: true});
});

// An agent pastes three bookings: a line each (its place, route, date and verdict in the badge's words and tone), the
// details folded under it. In both schemes: axe finds nothing; on screen, each verdict's text stands 4.5:1 or more
// against its own pill (pixels of a screenshot); a line is reached with Tab and opened with Enter, and only then are
// its details seen.
for (const scheme of SCHEMES) {
	test(`${scheme}: several pasted bookings, a line each with its verdict, the details folded under it`, async ({
		context,
		extensionId,
	}) => {
		await setSettings(context, settings('en'));
		const popup = await openPage(context, `chrome-extension://${extensionId}/popup.html`, scheme, {width: 420, height: 900});
		await expect(popup.getByLabel('Passports')).toHaveValue('US');
		// Sabre-style sell lines, as in test/fixtures/gds/wnbjke__PNR-converter__notes.txt.
		const bookings = [
			' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245',
			' 1 MU 588Y 10APR 5 JFKPVG HK1  0100  0530  11APR 6\n 2 MU 587Y 15APR 3 PVGJFK HK1  0900  1245',
			' 1 MU 586Y 15MAR 7 LAXPVG HK1  1100  1700  16MAR 1\n 2 MU 5041Y 20MAR 5 PVGICN HK1  0900  1200',
		];
		await popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text').fill(bookings.join('\n\n'));
		await popup.getByRole('button', {name: 'Check this text'}).click();
		const result = popup.getByTestId('paste-result');
		await expect(result).toContainText('3 itineraries found, 3 via mainland China.');
		const lines = result.locator('details.itinerary > summary');
		await expect(lines.locator('.itinerary-label')).toHaveText([
			/^Itinerary 1: JFK → PEK → NRT, \d{4}-03-15$/,
			/^Itinerary 2: JFK → PVG → JFK, \d{4}-04-10$/,
			/^Itinerary 3: LAX → PVG → ICN, \d{4}-03-15$/,
		]);
		await expect(lines.locator('.itinerary-verdict')).toHaveText([
			'24h transit ✓ PEK',
			'✗ No visa-free route found',
			'240h visa-free ✓ until 26 Mar',
		]);
		// What a screen reader says of each line: the route in words, not “right arrow”; the verdict's words, without the
		// ✓ (a “check mark” inside them) or the symbol before them.
		const names = [
			/^Itinerary 1: JFK to PEK to NRT, \d{4}-03-15 24h transit PEK$/,
			/^Itinerary 2: JFK to PVG to JFK, \d{4}-04-10 No visa-free route found$/,
			/^Itinerary 3: LAX to PVG to ICN, \d{4}-03-15 240h visa-free until 26 Mar$/,
		];
		for (const [i, name] of names.entries()) await expect(lines.nth(i)).toHaveAccessibleName(name);
		for (const line of await lines.all()) await expect(line).toBeVisible();
		await expect(result.getByText('Best option: 24-hour direct transit')).toBeHidden();
		await noViolations(popup, 'popup with several itineraries');
		const pills = result.locator('.itinerary-verdict');
		for (const pill of await pills.all()) {
			const shot = await pill.screenshot();
			const box = (await pill.boundingBox())!;
			const styles = await pill.evaluate((el) => ({fill: getComputedStyle(el).backgroundColor, ink: getComputedStyle(el).color}));
			// The pill's fill, read at its inner edge, and its text, the pixel that stands out most from that fill.
			const [edge, area] = await pixels(context, shot, [
				{x: 3, y: Math.round(box.height / 2)},
				{x: 4, y: 2, w: Math.round(box.width - 8), h: Math.round(box.height - 4)},
			]);
			const fill = edge![0]!;
			expect(contrast(fill, rgb(styles.fill)), 'the pill is painted in its own fill').toBeLessThan(1.1);
			expect(Math.max(...area!.map((p) => contrast(p, fill))), (await pill.textContent()) ?? '').toBeGreaterThanOrEqual(4.5);
			expect(contrast(rgb(styles.ink), rgb(styles.fill))).toBeGreaterThanOrEqual(4.5);
		}
		await popup.screenshot({path: `${OUT}/look-popup-itineraries-${scheme}.png`, fullPage: true});
		// The keyboard: Tab from the check button reaches the first line; Enter opens it, and its details are seen.
		await popup.getByRole('button', {name: 'Check the text selected on the page'}).focus();
		await popup.keyboard.press('Tab');
		await expect(lines.first()).toBeFocused();
		await popup.keyboard.press('Enter');
		await expect(result.locator('details.itinerary').first()).toHaveAttribute('open', '');
		await expect(result.getByText('Best option: 24-hour direct transit')).toBeVisible();
		await expect(result.locator('details.itinerary').nth(1).getByText('Best option', {exact: false})).toBeHidden();
		await noViolations(popup, 'popup with an itinerary opened');
	});
}

/** A pixel of a PNG, decoded by the browser (a blank page draws it on a canvas). */
async function pixels(context: BrowserContext, png: Buffer, points: {x: number; y: number; w?: number; h?: number}[]): Promise<Rgb[][]> {
	const blank = await context.newPage();
	const out = await blank.evaluate(
		async ({src, points}) => {
			const img = new Image();
			img.src = src;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = img.width;
			canvas.height = img.height;
			const g = canvas.getContext('2d')!;
			g.drawImage(img, 0, 0);
			return points.map(({x, y, w = 1, h = 1}) => {
				const data = g.getImageData(x, y, w, h).data;
				const all: [number, number, number][] = [];
				for (let i = 0; i < data.length; i += 4) all.push([data[i]!, data[i + 1]!, data[i + 2]!]);
				return all;
			});
		},
		{src: `data:image/png;base64,${png.toString('base64')}`, points},
	);
	await blank.close();
	return out;
}

test('dark: the options page is dark with light text, in its computed styles and on screen', async ({context, extensionId}) => {
	await setSettings(context, settings('en'));
	for (const scheme of SCHEMES) {
		const options = await openPage(context, `chrome-extension://${extensionId}/options.html`, scheme, {width: 1000, height: 700});
		const h1 = options.getByRole('heading', {level: 1});
		await expect(h1).toBeVisible();
		const styles = await options.evaluate(() => ({
			page: getComputedStyle(document.body).backgroundColor,
			card: getComputedStyle(document.querySelector('section')!).backgroundColor,
			text: getComputedStyle(document.querySelector('h1')!).color,
			help: getComputedStyle(document.querySelector('.help')!).color,
		}));
		const box = (await h1.boundingBox())!;
		const shot = await options.screenshot();
		const [corner, heading] = await pixels(context, shot, [
			{x: 3, y: 3},
			{x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.width), h: Math.round(box.height)},
		]);
		// The heading's text: its most contrasting pixels against the page.
		const page = luminance(corner![0]!);
		const ink = Math.max(...heading!.map((p) => Math.abs(luminance(p) - page)));
		if (scheme === 'dark') {
			expect(luminance(rgb(styles.page))).toBeLessThan(0.02);
			expect(luminance(rgb(styles.card))).toBeLessThan(0.03);
			expect(luminance(rgb(styles.text))).toBeGreaterThan(0.75);
			expect(contrast(rgb(styles.help), rgb(styles.card))).toBeGreaterThanOrEqual(4.5);
			expect(page).toBeLessThan(0.02);
			expect(Math.max(...heading!.map(luminance))).toBeGreaterThan(0.6);
		} else {
			expect(luminance(rgb(styles.page))).toBeGreaterThan(0.85);
			expect(luminance(rgb(styles.text))).toBeLessThan(0.03);
			expect(page).toBeGreaterThan(0.85);
		}
		expect(ink).toBeGreaterThan(0.6);
		await options.close();
	}
});

const TONES = ['ok', 'check', 'none', 'passport'] as const;

type BadgeLook = {tone: string; text: string; color: string; background: string; border: string};

/** The badges' colours as the page renders them, read inside the (e2e build's open) shadow roots, in every tone. */
function badgeLooks(page: Page): Promise<{shown: BadgeLook[]; tones: BadgeLook[]}> {
	return page.evaluate(
		(tones) => {
			const buttons = [...document.querySelectorAll('[data-ctc-badge]')].map((h) =>
				h.shadowRoot!.querySelector<HTMLElement>('button.badge')!,
			);
			const look = (b: HTMLElement): BadgeLook => {
				const css = getComputedStyle(b);
				return {
					tone: /tone-(\w+)/.exec(b.parentElement!.className)?.[1] ?? '',
					text: b.textContent ?? '',
					color: css.color,
					background: css.backgroundColor,
					border: css.borderTopColor,
				};
			};
			const shown = buttons.map(look);
			// Every tone on the first badge in turn (the same stylesheet, the other tone classes), then back.
			const wrap = buttons[0]!.parentElement!;
			const before = wrap.className;
			const all = tones.map((tone) => {
				wrap.className = before.replace(/tone-\w+/, `tone-${tone}`);
				return look(buttons[0]!);
			});
			wrap.className = before;
			return {shown, tones: all};
		},
		TONES as unknown as string[],
	);
}

for (const scheme of SCHEMES) {
	test(`${scheme}: the badge on a Google Flights results page: text 4.5:1 on its pill, an edge on white and near-black pages`, async ({
		context,
	}) => {
		await serve(context, FLIGHTS.glob, paintPage(FLIGHTS));
		const page = await openPage(context, FLIGHTS.url, scheme, {width: 1280, height: 800});
		const badge = page.locator('[data-ctc-badge] button.badge').first();
		await expect(badge).toContainText('24h transit ✓ PVG');
		await badge.evaluate((el) => el.scrollIntoView({block: 'center'}));
		const {shown, tones} = await badgeLooks(page);
		const figures: string[] = [];
		for (const b of [...shown.slice(0, 3), ...tones]) {
			const text = contrast(rgb(b.color), rgb(b.background));
			const edge = (pageColour: string) =>
				Math.max(contrast(rgb(b.border), rgb(pageColour)), contrast(rgb(b.background), rgb(pageColour)));
			figures.push(
				`${scheme} ${b.tone.padEnd(8)} text ${text.toFixed(2)}:1, edge on white ${edge(WHITE).toFixed(2)}:1, on near-black ${edge(NEAR_BLACK).toFixed(2)}:1`,
			);
			expect(text, `${b.tone}: ${b.color} on ${b.background}`).toBeGreaterThanOrEqual(4.5);
			expect(edge(WHITE), `${b.tone} on a white page`).toBeGreaterThanOrEqual(3);
			expect(edge(NEAR_BLACK), `${b.tone} on a near-black page`).toBeGreaterThanOrEqual(3);
		}
		console.log(figures.join('\n'));
		await page.screenshot({path: `${OUT}/look-badges-${scheme}.png`});
		// The details card in the same scheme: axe (contrast included) inside the shadow root.
		await badge.click();
		const popover = page.locator('[data-ctc-badge] [role="dialog"]').first();
		const details = detailsIn(page).locator('.details');
		await expect(details).toBeVisible();
		const {violations} = await new AxeBuilder({page}).include('[data-ctc-badge]').analyze();
		expect(violations.map((v) => v.id)).toEqual([]);
		// The details frame (an extension page: its own document, the same tokens) in the same scheme as the popover.
		const inFrame = await details.evaluate((e) => ({
			color: getComputedStyle(e).color,
			background: getComputedStyle(e.ownerDocument.body).backgroundColor,
		}));
		expect(contrast(rgb(inFrame.color), rgb(inFrame.background))).toBeGreaterThanOrEqual(7);
		if (scheme === 'dark') expect(luminance(rgb(inFrame.background))).toBeLessThan(0.03);
		const card = await popover.evaluate((el) => ({
			color: getComputedStyle(el).color,
			background: getComputedStyle(el).backgroundColor,
		}));
		expect(contrast(rgb(card.color), rgb(card.background))).toBeGreaterThanOrEqual(7);
		if (scheme === 'dark') expect(luminance(rgb(card.background))).toBeLessThan(0.03);
		await page.screenshot({path: `${OUT}/look-details-${scheme}.png`});
	});
}

test('the badge on a plain white page and on a near-black one, in both schemes (screenshots)', async ({context}) => {
	await serve(context, FLIGHTS.glob, paintPage(FLIGHTS));
	for (const scheme of SCHEMES) {
		const page = await openPage(context, FLIGHTS.url, scheme, {width: 1280, height: 800});
		const badge = page.locator('[data-ctc-badge] button.badge').first();
		await expect(badge).toBeVisible();
		for (const [name, colour] of [
			['white', WHITE],
			['near-black', NEAR_BLACK],
		] as const) {
			// The page's own card backgrounds off, so the badge sits on the page colour alone.
			await page.evaluate((c) => {
				const style = document.getElementById('look-bg') ?? document.head.appendChild(document.createElement('style'));
				style.id = 'look-bg';
				style.textContent = `html, body, body *:not([data-ctc-badge]) { background: ${c} !important; color: #888 !important; }`;
			}, colour);
			await badge.evaluate((el) => el.scrollIntoView({block: 'center'}));
			const box = (await badge.boundingBox())!;
			await page.screenshot({
				path: `${OUT}/look-badge-${scheme}-on-${name}.png`,
				clip: {x: Math.max(0, box.x - 24), y: Math.max(0, box.y - 16), width: box.width + 48, height: box.height + 32},
			});
		}
		await page.close();
	}
});
