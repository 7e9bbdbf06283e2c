import {expect, fixture, serve, test} from './fixtures';

/**
 * Every adapter on its saved pages, for the real URL: the content script reads every itinerary the page shows
 * (data-china-transit-check-found = itineraries/with a mainland stop) and puts a badge on exactly those that stop
 * in the mainland. None of these captures has a mainland connection shown as a card, so no card gets a badge:
 * the badge itself is proven on the Google Flights page with mainland data (badges.spec.ts).
 */
const CASES: {name: string; url: string; file: string; found: string}[] = [
	{
		name: 'Google Flights 2025, SFO → NRT via HKG/TPE',
		url: 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en',
		file: 'google-flights/sfo-nrt-2025.html',
		found: '56/0',
	},
	{
		name: 'Google Flights 2025, DFW → ABI',
		url: 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIxagcIARIDREZXcgcIARIDQUJJ&hl=en',
		file: 'google-flights/dfw-abi-2025.html',
		found: '10/0',
	},
	{
		name: 'Google Flights 2023, WRO → FCO',
		url: 'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDIzLTA2LTE5agcIARIDV1JPcgcIARIDRkNP&hl=en',
		file: 'google-flights/wro-fco-2023.html',
		found: '11/0',
	},
	{
		name: 'Skyscanner 2021, BOS ⇄ CUN',
		url: 'https://www.skyscanner.com/transport/flights/bos/cun/210301/210331/?adultsv2=1&cabinclass=economy&ref=home&rtn=1',
		file: 'skyscanner/bos-cun-return-2021.html',
		found: '8/0',
	},
	{
		name: "Skyscanner 2021, BOS ⇄ CUN, at the German site's own path (/transport/fluge/)",
		url: 'https://www.skyscanner.de/transport/fluge/bos/cun/210301/210331/?adultsv2=1&cabinclass=economy&ref=home&rtn=1',
		file: 'skyscanner/bos-cun-return-2021.html',
		found: '8/0',
	},
	{
		name: 'Kayak 2022, MSP → CHI',
		url: 'https://www.kayak.com/flights/MSP-CHI/2022-07-01?sort=bestflight_a',
		file: 'kayak/msp-chi-oneway-2022.html',
		found: '10/0',
	},
	{
		name: "Kayak 2022, MSP → CHI, at the French site's own path (/vols/)",
		url: 'https://www.kayak.fr/vols/MSP-CHI/2022-07-01?sort=bestflight_a',
		file: 'kayak/msp-chi-oneway-2022.html',
		found: '10/0',
	},
	{
		name: 'Ctrip 2026, Beijing → Shanghai (domestic)',
		url: 'https://flights.ctrip.com/online/list/oneway-bjs-sha?depdate=2026-09-15',
		file: 'ctrip/pkx-pvg-list-2026.html',
		found: '13/0',
	},
	{
		name: 'flightsfinder (Kiwi) 2025, BER ⇄ MAD',
		url: 'https://www.flightsfinder.com/portal/kiwi?type=return&currency=EUR&cabinclass=M&originplace=BER&destinationplace=MAD&outbounddate=10%2F10%2F2025&inbounddate=20%2F10%2F2025&adults=1&children=0&infants=0',
		file: 'flightsfinder/ber-mad-kiwi-2025.html',
		found: '1/0',
	},
];

for (const c of CASES) {
	test(`${c.name}: every itinerary read, badges only for mainland stops`, async ({context}) => {
		const origin = new URL(c.url).origin;
		await serve(context, `${origin}/**`, fixture(c.file));
		const page = await context.newPage();
		await page.goto(c.url);
		await expect
			.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found')), {timeout: 10_000})
			.toBe(c.found);
		await expect(page.locator('[data-ctc-badge]')).toHaveCount(Number(c.found.split('/')[1]));
	});
}

test('the Trip.com home page (no itinerary): marked, nothing read, no badge', async ({context}) => {
	await serve(context, 'https://www.trip.com/**', fixture('ctrip/tripcom-home-negative.html'));
	const page = await context.newPage();
	await page.goto('https://www.trip.com/flights/');
	await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check'))).toBe('ready');
	await page.waitForTimeout(800);
	expect(await page.evaluate(() => document.documentElement.getAttribute('data-china-transit-check-found'))).toBeNull();
	await expect(page.locator('[data-ctc-badge]')).toHaveCount(0);
});
