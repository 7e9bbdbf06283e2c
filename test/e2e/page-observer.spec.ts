/**
 * What a booking site's own scripts can learn from the badge: nothing about the traveller. A page script records
 * everything it can observe about each element the extension added (tag, attributes, size, every computed style,
 * `shadowRoot`, text), what was added to `<html>` and `<body>`, every `message` event, and the DOM events a WXT
 * content script's context dispatches and listens for (named after the extension's public id, so a site can listen
 * for them); then it clicks, focuses and presses keys on every badge and button it can reach. Run on the release
 * build with two passports whose verdicts differ, at the most detailed badge level, then with the second at the
 * compact level in Chinese: the records must be identical, nothing may be marked on the page, no message or event may
 * reach it, and no tab may open.
 */
import type {BrowserContext, Page} from '@playwright/test';
import {expect, EXT_DIR, test} from './fixtures';

const URL_ = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTEyLTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en';
// Two real-hook cards (the Cathay Pacific card of the 2025 capture, its connection moved to Shanghai Pudong and its
// dates to December 2026): one with a 2-day stay at PVG, where passports decide, and one with a 3-hour connection.
const card = (arrives: string, layover: string, second: string) => {
	const sentence = `Leaves San Francisco International Airport at 12:05\u202fAM on Sunday, December 20 and arrives at Narita International Airport at 1:40\u202fPM on ${arrives}.`;
	return `<li class="pIav2d"><div role="link" tabindex="0" aria-label="From 542 US dollars. 1 stop flight with Cathay Pacific. ${sentence} Total duration 21 hr 35 min. Layover (1 of 1) is a ${layover} layover at Shanghai Pudong International Airport in Shanghai. Select flight"></div><div data-travelimpactmodelwebsiteurl="https://www.travelimpactmodel.org/lookup/flight?itinerary=SFO-PVG-CX-851-20261220,PVG-NRT-CX-526-${second}"></div><div><span aria-label="${sentence}">12:05 AM – 1:40 PM</span></div><span class="price">$542</span></li>`;
};
const CARDS = card('Wednesday, December 23', '58 hr 10 min', '20261223') + card('Monday, December 21', '3 hr 5 min', '20261221');

/**
 * The page's own recorder, in the page's world, as a site's analytics script would be. `extensionId`: a site knows
 * it (a store listing shows it), and with it the names of the events WXT's content-script context would send.
 */
const recorder = (extensionId: string) => `<script>
window.__seen = {messages: [], added: [], events: [], own: new Set()};
addEventListener('message', (e) => window.__seen.messages.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
for (const name of ['content-script-started', 'locationchange'].map((e) => '${extensionId}:itinerary:wxt:' + e)) {
	for (const target of [window, document]) target.addEventListener(name, (e) => window.__seen.events.push(e.type), true);
}
new MutationObserver((records) => {
	for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__seen.added.push(n);
}).observe(document.documentElement, {childList: true, subtree: true, attributes: true});
// What the parser put in is the page's own: count only what arrives after it. (Its records can come after this
// event, when the last of the document is parsed in the task that fires it: so the page's elements are listed.)
document.addEventListener('DOMContentLoaded', () => { window.__seen.own = new Set(document.querySelectorAll('*')); });
window.__added = () => window.__seen.added.filter((n) => n.isConnected && !window.__seen.own.has(n));
window.__record = () => {
	const styleOf = (el) => { const cs = getComputedStyle(el); const o = {}; for (const p of cs) o[p] = cs.getPropertyValue(p); return o; };
	const describe = (el) => ({
		tag: el.tagName, attributes: [...el.attributes].map((a) => a.name + '=' + a.value), parent: el.parentElement && el.parentElement.tagName,
		size: (({width, height}) => ({width, height}))(el.getBoundingClientRect()), style: styleOf(el),
		shadowRoot: el.shadowRoot === null ? null : 'open', text: el.textContent, innerText: el.innerText, children: el.children.length,
	});
	return {
		html: [...document.documentElement.attributes].map((a) => a.name + '=' + a.value),
		body: [...document.body.attributes].map((a) => a.name + '=' + a.value),
		added: window.__added().map(describe),
		messages: window.__seen.messages,
		events: window.__seen.events,
		active: document.activeElement && document.activeElement.tagName,
	};
};
window.__poke = () => {
	const targets = [...window.__added(), ...document.querySelectorAll('button, [role=button], a')];
	for (const el of targets) {
		el.click();
		el.dispatchEvent(new MouseEvent('click', {bubbles: true, composed: true}));
		el.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
		el.focus && el.focus();
		for (const key of ['Enter', ' ']) el.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, composed: true}));
	}
};
</script>`;

const html = (extensionId: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Google Flights</title>${recorder(extensionId)}</head><body><ul>${CARDS}</ul></body></html>`;

/** The traveller's settings, one after another: each changes what the previous one set. */
type Setup = {passport: string; detail: 'compact' | 'standard' | 'detailed'; language?: 'zh-CN'};
const SETUPS: Setup[] = [
	{passport: 'US', detail: 'detailed'},
	{passport: 'IN', detail: 'detailed'},
	{passport: 'IN', detail: 'compact', language: 'zh-CN'},
];

async function settings(context: BrowserContext, extensionId: string, setup: Setup, previous?: Setup) {
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	if (setup.passport !== previous?.passport) {
		if (previous) await options.locator(`[data-testid="passports"] li[data-code="${previous.passport}"]`).getByRole('button').click();
		await options.getByLabel('Country of passport').fill(setup.passport);
		await options.getByRole('button', {name: 'Add passport'}).click();
		await expect(options.locator(`[data-testid="passports"] li[data-code="${setup.passport}"]`)).toBeVisible();
	}
	await options.locator(`input[name="detail"][value="${setup.detail}"]`).check();
	// The language last: the options page speaks it from then on.
	if (setup.language) await options.locator('select[aria-labelledby="language-h"]').selectOption(setup.language);
	await options.waitForTimeout(200);
	await options.close();
}

async function openPage(context: BrowserContext, extensionId: string): Promise<Page> {
	await context.route('https://www.google.com/travel/flights/**', (r) =>
		r.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: html(extensionId)}),
	);
	const page = await context.newPage();
	await page.goto(URL_);
	return page;
}

type AXNode = {role?: {value: string}; name?: {value: string}; properties?: {name: string; value: {value: unknown}}[]};

/** The accessibility tree the browser gives screen readers: it reaches into closed shadow roots, unlike page scripts. */
async function axNodes(page: Page): Promise<AXNode[]> {
	const cdp = await page.context().newCDPSession(page);
	const {nodes} = (await cdp.send('Accessibility.getFullAXTree')) as {nodes: AXNode[]};
	await cdp.detach();
	return nodes;
}

test.describe('the release build', () => {
	test.use({extDir: EXT_DIR});

	test('with the closed shadow root, each badge is a named button that the keyboard reaches and opens', async ({
		context,
		extensionId,
	}) => {
		await settings(context, extensionId, SETUPS[0]!);
		const page = await openPage(context, extensionId);
		const badges = async () =>
			(await axNodes(page)).filter((n) => n.role?.value === 'button' && /^China transit check/.test(n.name?.value ?? ''));
		await expect.poll(async () => (await badges()).length, {timeout: 10_000}).toBe(2);
		expect((await badges()).map((n) => n.name!.value)).toEqual([
			expect.stringMatching(/: 240h visa-free/),
			expect.stringMatching(/: 24h transit PVG/),
		]);
		// Tab from the top of the page until the focus is in a badge (the page's cards have focusable links first).
		let focused: AXNode | undefined;
		for (let i = 0; i < 12 && !focused; i++) {
			await page.keyboard.press('Tab');
			focused = (await badges()).find((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
		}
		expect(focused?.name?.value).toMatch(/^China transit check/);
		await page.keyboard.press('Enter');
		await expect
			.poll(async () =>
				(await axNodes(page)).some((n) => n.role?.value === 'dialog' && n.name?.value === 'Transit through mainland China'),
			)
			.toBe(true);
		await page.keyboard.press('Escape');
		await expect.poll(async () => (await axNodes(page)).some((n) => n.role?.value === 'dialog')).toBe(false);
	});

	test('a page learns nothing about the traveller from the badges, cannot open them, and gets no message or event', async ({
		context,
		extensionId,
	}) => {
		const records: unknown[] = [];
		let previous: Setup | undefined;
		for (const setup of SETUPS) {
			await settings(context, extensionId, setup, previous);
			previous = setup;
			const page = await openPage(context, extensionId);
			// Two badges, one per card: the release build marks nothing, so wait for the page to see two new elements.
			await expect
				.poll(() => page.evaluate(() => (window as unknown as {__record: () => {added: unknown[]}}).__record().added.length), {
					timeout: 10_000,
				})
				.toBe(2);
			await page.waitForTimeout(300);
			const tabs = context.pages().length;
			await page.evaluate(() => (window as unknown as {__poke: () => void}).__poke());
			await page.waitForTimeout(800);
			expect(context.pages().length).toBe(tabs);
			const record = await page.evaluate(() => (window as unknown as {__record: () => unknown}).__record());
			records.push(record);
			await page.close();
		}
		const [us, india, compactChinese] = records as {
			html: string[];
			body: string[];
			added: {tag: string; shadowRoot: unknown; text: string; attributes: string[]}[];
			messages: string[];
			events: string[];
		}[];
		expect(us!.added.map((a) => [a.tag, a.shadowRoot, a.text, a.attributes])).toEqual([
			['SPAN', null, '', []],
			['SPAN', null, '', []],
		]);
		expect(us!.html).toEqual(['lang=en']);
		expect(us!.body).toEqual([]);
		expect(us!.messages).toEqual([]);
		expect(us!.events).toEqual([]);
		expect(india).toEqual(us);
		expect(compactChinese).toEqual(us);
	});
});

test('(the same page in the end-to-end build) the settings do change what the badges say: the passport, the level, the language', async ({
	context,
	extensionId,
}) => {
	const texts: string[][] = [];
	let previous: Setup | undefined;
	for (const setup of SETUPS) {
		await settings(context, extensionId, setup, previous);
		previous = setup;
		const page = await openPage(context, extensionId);
		await expect(page.locator('[data-ctc-badge] button.badge')).toHaveCount(2);
		texts.push(await page.locator('[data-ctc-badge] button.badge').allInnerTexts());
		// The page's clicks did not open the details either (they are not the user's).
		await page.evaluate(() => (window as unknown as {__poke: () => void}).__poke());
		await page.waitForTimeout(300);
		await expect(page.locator('[data-ctc-badge] [role="dialog"]').first()).toBeHidden();
		await page.close();
	}
	expect(texts[0]).not.toEqual(texts[1]);
	expect(texts[0]!.join(' ')).toContain('US passport');
	expect(texts[2]).not.toEqual(texts[1]);
	expect(texts[2]!.join(' ')).toMatch(/[\u4e00-\u9fff]/);
	expect(Math.max(...texts[2]!.map((t) => t.length))).toBeLessThan(Math.min(...texts[1]!.map((t) => t.length)));
});
