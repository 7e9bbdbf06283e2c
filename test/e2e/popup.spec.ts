import {expect, test} from './fixtures';

test('the popup checks a route typed by hand, with the same details as the badges', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByLabel('From').fill('JFK');
	await popup.getByLabel('Connecting in China').fill('PEK');
	await popup.getByLabel('To', {exact: true}).fill('NRT');
	await popup.getByLabel('Arrive in China (local time)').fill('2026-03-16T16:00');
	await popup.getByLabel('Leave China (local time)').fill('2026-03-16T18:30');
	await popup.getByRole('button', {name: 'Check'}).press('Enter');
	const result = popup.getByTestId('result');
	await expect(result).toContainText('Best option: 24-hour direct transit');
	await expect(result).toContainText('PEK lets transfer passengers who stay airside skip border inspection');
	await expect(result).toContainText('Set your passport to check 240-hour transit and visa-free entry.');
});

test('the popup says what is wrong with the input', async ({context, extensionId}) => {
	const popup = await context.newPage();
	await popup.goto(`chrome-extension://${extensionId}/popup.html`);
	await popup.getByRole('button', {name: 'Check'}).click();
	await expect(popup.getByRole('alert')).toHaveText('Where do you fly from?');
	await popup.getByLabel('From').fill('ZZZ');
	await popup.getByLabel('Connecting in China').fill('PVG');
	await popup.getByLabel('To', {exact: true}).fill('ICN');
	await popup.getByRole('button', {name: 'Check'}).click();
	await expect(popup.getByRole('alert')).toHaveText('Unknown airport: ZZZ');
	await expect(popup.getByLabel('From')).toHaveAttribute('aria-invalid', 'true');
	await popup.getByLabel('From').fill('LAX');
	await popup.getByLabel('Arrive in China (local time)').fill('2026-03-16T16:00');
	await popup.getByLabel('Leave China (local time)').fill('2026-03-15T18:30');
	await popup.getByRole('button', {name: 'Check'}).click();
	await expect(popup.getByRole('alert')).toHaveText('You leave before you arrive: check the dates.');
});
