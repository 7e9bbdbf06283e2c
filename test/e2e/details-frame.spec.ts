/**
 * The details frame (entrypoints/details) on its own: what it says when it has no details to show. Its details come
 * only for a key the background handed to a badge's content script (lib/browser/details-link.ts); without one, or
 * with a key nobody stored, it says so in the traveller's language and shows nothing else.
 */
import {expect, test} from './fixtures';

test('without a key, or with one nobody handed out, the frame says the details could not be loaded, in the chosen language', async ({
	context,
	extensionId,
}) => {
	const page = await context.newPage();
	for (const hash of ['', '#not-a-key', `#${'0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0'}`]) {
		// From a blank page each time: a new hash alone would not load the page again.
		await page.goto('about:blank');
		await page.goto(`chrome-extension://${extensionId}/details.html${hash}`);
		await expect(page.getByRole('status')).toHaveText(/^The details could not be loaded/);
		await expect(page.getByRole('heading', {level: 1})).toHaveText('Transit through mainland China');
		await expect(page.locator('.details')).toHaveCount(0);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	}
	const options = await context.newPage();
	await options.goto(`chrome-extension://${extensionId}/options.html`);
	await options.getByRole('combobox', {name: 'Language'}).selectOption('zh-TW');
	await expect(options.getByRole('heading', {level: 1})).toContainText('設定');
	await page.bringToFront();
	await page.goto('about:blank');
	await page.goto(`chrome-extension://${extensionId}/details.html#${'0f1e2d3c-4b5a-4978-8796-a5b4c3d2e1f0'}`);
	await expect(page.getByRole('status')).toHaveText(/^無法載入詳情/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-TW');
});
