import {expect, test} from './fixtures';

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
	await expect(result).toContainText('Set your passport to check 240-hour transit and visa-free entry.');
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

test('an agent pastes a GDS display and gets the verdict for the mainland stop', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	// Sabre-style sell lines (the format of test/fixtures/gds/wnbjke__PNR-converter__notes.txt) routed through Beijing.
	await popup.getByLabel('A GDS/PNR display, an e-ticket or copied page text').fill(' 1 CA 982Y 15MAR 7 JFKPEK HK1  1300  1600  16MAR 1\n 2 CA 925Y 16MAR 1 PEKNRT HK1  1830  2245');
	await popup.getByRole('button', {name: 'Check this text'}).click();
	const result = popup.getByTestId('paste-result');
	await expect(result).toContainText('1 itineraries found; 1 stop in mainland China.');
	await expect(result).toContainText('Best option: 24-hour direct transit');
});
