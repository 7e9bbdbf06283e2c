import {expect, fixture, serve, test} from './fixtures';

const GOOGLE_FLIGHTS = 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIxagcIARIDU0ZPcgcIARIDTlJU&hl=en';

test('the popup opens from chrome-extension://<id>/popup.html and renders', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await expect(popup.getByRole('heading', {name: 'China Transit Check'})).toBeVisible();
	await expect(popup.getByTestId('rules-info')).toContainText('Rules as of');
});

test('the content script marks a routed Google Flights results page', async ({context}) => {
	await serve(context, 'https://www.google.com/travel/flights/**', fixture('google-flights/sfo-nrt-2025.html'));
	const page = await context.newPage();
	await page.goto(GOOGLE_FLIGHTS);
	await expect(page.locator('html')).toHaveAttribute('data-china-transit-check', 'ready');
});

test('the content script leaves an unrelated routed page alone', async ({context}) => {
	await serve(context, 'https://www.example.org/**', '<!doctype html><title>Unrelated</title><p>Flights from PEK to NRT</p>');
	const page = await context.newPage();
	await page.goto('https://www.example.org/travel/flights/search');
	await expect(page.getByText('Flights from PEK')).toBeVisible();
	// Give a content script every chance to run before asserting it did not.
	await page.waitForLoadState('load');
	await page.waitForTimeout(500);
	await expect(page.locator('html')).not.toHaveAttribute('data-china-transit-check', /.*/);
});
