import type {BrowserContext, Page} from '@playwright/test';
import {detailsIn, expect, fixture, serve, setPassports, test} from './fixtures';
import {E2E_RULES_PORT} from '../../scripts/e2e-constants';
import {ADDED_PORT, agentPage, BUNDLED_END, signedFile, startRulesServer, tamperedFile, updatedRules} from './rules-update-setup';

// Signed rules updates against a local update server (the `--mode e2e` build's update URL is
// http://127.0.0.1:47231/rules-update.json, its host granted up front as if the user had accepted the prompt, and the
// test key trusted besides the shipped ones). The page is the saved agent workspace with a PNR through Changzhou.

const AGENT = 'https://agent.example.test/desk/pnr';
const NONE = 'No visa-free route found';

let server: Awaited<ReturnType<typeof startRulesServer>>;
test.beforeEach(async ({context}) => {
	server = await startRulesServer();
	// Every other web request is refused (scripts/chromium.ts); the update host is let through to the local server.
	await context.route(`http://127.0.0.1:${E2E_RULES_PORT}/**`, (route) => route.continue());
	await serve(context, 'https://agent.example.test/**', agentPage(fixture('agent/pnr-workspace-composite.html')));
});
test.afterEach(async () => {
	await server.close();
});

/** The options page with these passports and the agent tool added as one of the user's sites. */
async function setUp(context: BrowserContext, extensionId: string, passports: string[]): Promise<Page> {
	const options = await setPassports(context, extensionId, passports);
	await options.getByLabel('Site address').fill('agent.example.test');
	await options.getByRole('button', {name: 'Add site'}).click();
	await expect(options.getByTestId('user-sites')).toContainText('https://agent.example.test');
	return options;
}

async function openAgent(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(AGENT);
	return page;
}

const badgeOf = (page: Page) => page.locator('[data-ctc-badge] button.badge');

/** The text of one policy in the badge's details card (opened, read, closed). */
async function policyText(page: Page, policy: string): Promise<string> {
	await page.bringToFront();
	await badgeOf(page).click();
	await expect(page.locator('[data-ctc-badge] [role="dialog"]')).toBeVisible();
	const card = detailsIn(page);
	await expect(card.locator('.details')).toBeVisible();
	await expect(card.locator(`[data-policy="${policy}"]`).first()).toBeVisible();
	const text = (await card.locator(`[data-policy="${policy}"]`).allTextContents()).join(' ');
	await page.keyboard.press('Escape');
	return text;
}

test('a signed update that adds a port and moves an end date changes the badges of an open page, and switching off goes back', async ({
	context,
	extensionId,
}) => {
	server.serve(signedFile(updatedRules()));
	const options = await setUp(context, extensionId, ['US']);
	const page = await openAgent(context);
	// 26 h 30 at Changzhou, not a 240-hour port in the bundled rules: nothing visa-free for a US passport.
	await expect(badgeOf(page)).toContainText(NONE);
	expect(await policyText(page, 'transit240')).toContain(`${ADDED_PORT} is not an entry port for this policy`);
	expect(server.requests).toEqual([]);

	await options.bringToFront();
	await expect(options.getByTestId('rules-source')).toHaveText('In use: the rules that came with this version of the extension.');
	await options.getByTestId('rules-updates-switch').check();
	await expect(options.getByTestId('rules-update-status')).toContainText('new rules were found and are in use');
	await expect(options.getByTestId('rules-source')).toContainText('In use: a signed rules update, downloaded');
	await expect(options.getByTestId('rules-info')).toContainText('Version 2099.01.01');

	// The open page follows, without a reload: Changzhou is a port now, so 240-hour transit holds (an agent page's
	// reading is never a plain ✓, so the badge asks to check the flights rather than saying no route).
	await page.bringToFront();
	await expect(badgeOf(page)).not.toContainText(NONE);
	expect(await policyText(page, 'transit240')).toContain('likely OK');

	// The moved end date: French visa-free entry no longer ends on 2026-12-31 before this trip.
	await options.bringToFront();
	await options.getByLabel('Country of passport').fill('FR');
	await options.getByRole('button', {name: 'Add passport'}).click();
	await page.bringToFront();
	await expect.poll(() => policyText(page, 'visaFree')).toContain('With your passport from France');
	expect(await policyText(page, 'visaFree')).not.toContain(`scheduled to end on ${BUNDLED_END}`);

	// One request, for the file only: no query, no cookies, no referrer.
	expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /rules-update.json']);
	expect(server.requests[0]!.headers.cookie).toBeUndefined();
	expect(server.requests[0]!.headers.referer).toBeUndefined();

	// Off: back to the bundled rules everywhere, and no request after that.
	await options.bringToFront();
	await options.getByTestId('rules-updates-switch').uncheck();
	await expect(options.getByTestId('rules-source')).toHaveText('In use: the rules that came with this version of the extension.');
	await expect(options.getByTestId('rules-check-now')).toHaveCount(0);
	// (With the French passport too, the bundled rules' end date leaves "check" rather than "no route".)
	await expect.poll(() => policyText(page, 'transit240')).toContain(`${ADDED_PORT} is not an entry port for this policy`);
	expect(await policyText(page, 'visaFree')).toContain(`scheduled to end on ${BUNDLED_END}`);
	await page.reload();
	expect(await policyText(page, 'transit240')).toContain(`${ADDED_PORT} is not an entry port for this policy`);
	await options.reload();
	await expect(options.getByTestId('rules-updates-switch')).not.toBeChecked();
	expect(server.requests).toHaveLength(1);
});

test('a tampered update is refused in words and changes nothing', async ({context, extensionId}) => {
	server.serve(tamperedFile(updatedRules()));
	const options = await setUp(context, extensionId, ['US']);
	const page = await openAgent(context);
	await expect(badgeOf(page)).toContainText(NONE);

	await options.bringToFront();
	await options.getByTestId('rules-updates-switch').check();
	await expect(options.getByTestId('rules-update-status')).toContainText(
		'The signature does not match: the file was changed after it was signed, so it was rejected. The rules in use did not change.',
	);
	await expect(options.getByTestId('rules-source')).toHaveText('In use: the rules that came with this version of the extension.');
	expect(server.requests).toHaveLength(1);

	// "Check now" asks again, with the same answer; the page keeps the bundled rules (the end date too).
	await options.getByTestId('rules-check-now').click();
	await expect.poll(() => server.requests.length).toBe(2);
	await expect(options.getByTestId('rules-update-status')).toContainText('The signature does not match');
	await options.getByLabel('Country of passport').fill('FR');
	await options.getByRole('button', {name: 'Add passport'}).click();
	await page.bringToFront();
	await expect(badgeOf(page)).not.toContainText('240h');
	expect(await policyText(page, 'transit240')).toContain(`${ADDED_PORT} is not an entry port for this policy`);
	expect(await policyText(page, 'visaFree')).toContain(`scheduled to end on ${BUNDLED_END}`);
});

test('with the switch off (the default) the extension never asks the update host', async ({context, extensionId}) => {
	server.serve(signedFile(updatedRules()));
	const options = await setUp(context, extensionId, ['US']);
	await expect(options.getByTestId('rules-updates-switch')).not.toBeChecked();
	const page = await openAgent(context);
	await expect(badgeOf(page)).toContainText(NONE);
	await badgeOf(page).click();
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByLabel('From').fill('JFK');
	await popup.getByLabel('Connecting in China').fill(ADDED_PORT);
	await popup.getByLabel('To', {exact: true}).fill('NRT');
	await popup.getByRole('button', {name: 'Check', exact: true}).click();
	await expect(popup.getByTestId('result')).toBeVisible();
	await options.reload();
	await expect(options.getByTestId('rules-update-status')).toHaveCount(0);
	await page.waitForTimeout(1000);
	expect(server.requests).toEqual([]);
});
