/**
 * What a booking site's own scripts can learn from the badge: nothing about the traveller (the page and its recorder:
 * ./page-observer-page.ts). Run on the release build with two passports whose verdicts differ, at the most detailed
 * badge level, then with the second at the compact level in Chinese: the records must be identical, nothing may be
 * marked on the page, no message or event may reach it, and no tab may open. The same in Firefox:
 * test/firefox/page-observer.test.ts.
 */
import type {BrowserContext, Page} from '@playwright/test';
import {expect, EXT_DIR, test} from './fixtures';
import {checkRecords, DETAILS_WORDS, FIND_WORDS, OBSERVED_URL, observedPage, SETUPS, type Setup} from './page-observer-page';

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
		r.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: observedPage(extensionId)}),
	);
	const page = await context.newPage();
	await page.goto(OBSERVED_URL);
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

	test("while the user reads a badge's details, the page's text search finds none of their words", async ({context, extensionId}) => {
		await settings(context, extensionId, SETUPS[0]!);
		const page = await openPage(context, extensionId);
		const added = () => page.evaluate(() => (window as unknown as {__added: () => Element[]}).__added().length);
		await expect.poll(added, {timeout: 10_000}).toBe(2);
		// The user's click on the first badge's pill (at the left of its box: the release build marks nothing).
		const box = await page.evaluate(() => {
			const {x, y, height} = (window as unknown as {__added: () => Element[]}).__added()[0]!.getBoundingClientRect();
			return {x, y, height};
		});
		await page.mouse.click(box.x + 20, box.y + box.height / 2);
		// The details are on screen, in the extension's frame.
		const details = () => page.frames().find((f) => f.url().includes('/details.html#'));
		await expect.poll(async () => (await details()?.locator('main').innerText()) ?? '', {timeout: 10_000}).toContain('Stop 1: PVG');
		const text = await details()!.locator('main').innerText();
		for (const word of DETAILS_WORDS.slice(1)) expect(text).toContain(word);
		const finds = await page.evaluate(
			(words) => (window as unknown as {__find: (w: string[]) => unknown}).__find(words),
			[...DETAILS_WORDS, ...FIND_WORDS],
		);
		expect(finds).toEqual(Object.fromEntries([...DETAILS_WORDS, ...FIND_WORDS].map((word) => [word, false])));
		// Nor does the page's timeline name the frame's address (the extension's id, or Firefox's installation UUID).
		const timeline = await page.evaluate(() => performance.getEntries().map((e) => e.name));
		expect(timeline.filter((name) => /extension:/.test(name))).toEqual([]);
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
		checkRecords(records, expect);
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
	// The words the release build's page searches for (and must not find) are what these badges say.
	for (const word of FIND_WORDS) expect(texts.flat().join(' ')).toContain(word);
});
