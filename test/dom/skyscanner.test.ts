// @vitest-environment jsdom
/**
 * The Skyscanner adapter on a real saved day view (test/fixtures/SOURCES.md): Boston ⇄ Cancún, out 1 Mar, back
 * 31 Mar 2021. What it reads there (cards, routes and clocks, read off each card's visible legs and screen-reader
 * summary by hand) is in the page's expected.json, checked by adapters.test.ts; here: the legs, the page at URLs
 * without dates and without its scripts, the badge place, what the adapter refuses, URLs and dates.
 */
import {describe, expect, it} from 'vitest';
import skyscanner, {parseConfigDates, searchDatesFromPage, searchDatesFromUrl} from '../../lib/adapters/skyscanner';
import {bundledAirports} from '../../lib/airports/bundled';
import {detectDocument} from '../../lib/detect';
import {pageContext, readCard, savedPage} from './adapter-harness';

// The day view the cards' own links point into ("/transport/flights/bos/cun/210301/210331/config/…").
const {context: PAGE, expected, load} = savedPage('skyscanner/bos-cun-return-2021.html');
const read = (card: Element, url: string | URL = PAGE.url) => readCard(skyscanner, card, pageContext(url, expected.referenceDate));

/** The card whose screen-reader heading is "Flight option n: …". */
function option(doc: Document, n: number): Element {
	const card = skyscanner.findCards(doc).find((c) => c.querySelector('h2')?.textContent?.startsWith(`Flight option ${n}:`));
	if (!card) throw new Error(`no Flight option ${n}`);
	return card;
}

// Option 7 ("When You're Ready, Delta Has You Covered") has no booking link, so no dates of its own: on the page's
// URL, dates from the search URL (card 4 in bos-cun-return-2021.expected.json).
const option7 = [
	{from: 'BOS', to: 'CUN', departure: '2021-03-01T08:15', arrival: '2021-03-01T12:50'},
	{from: 'CUN', to: 'JFK', departure: '2021-03-31T14:40'},
	{from: 'JFK', to: 'BOS', arrival: '2021-03-31T22:49'},
];

describe('skyscanner: BOS ⇄ CUN day view, 2021 layout', () => {
	it('lists its cards as Flight options 2, 3, 5, 6, 7 (sponsored), 8, 9 and 10: the cards of its expected.json', () => {
		const headings = skyscanner
			.findCards(load())
			.map((c) => /^Flight option (\d+):/.exec(c.querySelector('h2')?.textContent ?? '')?.[1]);
		expect(headings).toEqual(['2', '3', '5', '6', '7', '8', '9', '10']);
	});

	it('finds the 16 legs of the 8 cards', () => {
		const cards = skyscanner.findCards(load());
		expect(cards.flatMap((c) => [...c.querySelectorAll('[class*="LegDetails_container__"]')])).toHaveLength(16);
	});

	it('option 7 on a URL without dates: dates from the page\'s search params ("outboundDate":"2021-03-01", "inboundDate":"2021-03-31")', () => {
		expect(read(option(load(), 7), new URL('https://www.skyscanner.com/transport/flights/bos/cun/'))).toEqual(option7);
	});

	it("with neither URL dates nor search params, linked cards keep their link's dates and option 7 keeps only its route", () => {
		const doc = load();
		for (const script of doc.querySelectorAll('script')) script.remove();
		const bare = new URL('https://www.skyscanner.com/transport/flights/bos/cun/');
		// "/config/10081-2103010815--32733-0-10803-2103011250|10803-2103311245--31722-1-10081-2103312131"
		expect(read(option(doc, 3), bare)).toEqual([
			{from: 'BOS', to: 'CUN', departure: '2021-03-01T08:15', arrival: '2021-03-01T12:50'},
			{from: 'CUN', to: 'IAH', departure: '2021-03-31T12:45'},
			{from: 'IAH', to: 'BOS', arrival: '2021-03-31T21:31'},
		]);
		expect(read(option(doc, 7), bare)).toEqual([
			{from: 'BOS', to: 'CUN'},
			{from: 'CUN', to: 'JFK'},
			{from: 'JFK', to: 'BOS'},
		]);
	});

	it('puts the badge right after the legs, inside the card', () => {
		for (const card of skyscanner.findCards(load())) {
			const [first, fallback] = skyscanner.badgePlacements(card);
			const placement = first!;
			expect(fallback).toEqual({anchor: card, append: 'last'});
			expect(placement).toMatchObject({append: 'after'});
			expect(placement.anchor.className).toMatch(/UpperTicketBody_legsContainer__/);
			expect(card.contains(placement.anchor)).toBe(true);
		}
	});
});

describe('skyscanner: what it refuses', () => {
	it('an emptied results list yields no cards', () => {
		const doc = load();
		for (const list of doc.querySelectorAll('[class*="FlightsResults_dayViewItems__"]')) list.replaceChildren();
		expect(skyscanner.findCards(doc)).toEqual([]);
	});

	it('a home page yields no cards', () => {
		const doc = new DOMParser().parseFromString(
			'<html><body><h1>The best flight deals, from anywhere, to everywhere</h1><form><input name="origin"></form></body></html>',
			'text/html',
		);
		expect(skyscanner.findCards(doc)).toEqual([]);
	});

	it('a "1 stop" leg whose stop code is missing fails instead of guessing a direct flight', () => {
		const card = option(load(), 3);
		card.querySelector('[class*="LegInfo_stopStation__"]')!.remove();
		expect(skyscanner.extract(card, PAGE)).toMatchObject({
			status: 'failed',
		});
	});

	it('a "1 przesiadka" leg (a count in another language) whose stop code is missing fails too', () => {
		const card = option(load(), 3);
		card.querySelector('[class*="LegInfo_stopStation__"]')!.remove();
		card.querySelector('[class*="LegInfo_stopsLabelRed__"]')!.textContent = '1 przesiadka';
		expect(skyscanner.extract(card, PAGE)).toMatchObject({status: 'failed', reason: expect.stringContaining('stop airports')});
	});

	it('a leg with neither a stops label nor a stop shown is not read as direct', () => {
		const card = option(load(), 2);
		for (const label of card.querySelectorAll('[class*="LegInfo_stopsLabelContainer__"]')) label.remove();
		expect(skyscanner.extract(card, PAGE)).toEqual({status: 'failed', reason: 'leg not understood: stops'});
	});

	it('a card whose legs have not rendered is incomplete', () => {
		const card = option(load(), 2);
		for (const leg of card.querySelectorAll('[class*="LegDetails_container__"]')) leg.remove();
		expect(skyscanner.extract(card, PAGE)).toEqual({
			status: 'incomplete',
			missing: ['legs'],
		});
	});
});

/**
 * The saved page with its CSS modules renamed as public scrapers of Skyscanner's 2024-2026 day views name them
 * (lib/adapters/skyscanner.ts): `LegDetails_containerTicket__` legs, `RoutePartial_routePartialDepart__` and
 * `…Arrive__` halves, the `Stops_` module for the stops; and without the clock's and the code's own class names, which
 * those scrapers do not use (they read the half's first and last line). Made from the 2021 page, not a page of those
 * years: it proves the names, the saved page the reading.
 */
function renamedModules(): Document {
	const doc = load();
	for (const el of doc.querySelectorAll('[class]')) {
		const renamed = el
			.getAttribute('class')!
			.split(/\s+/)
			.filter((c) => !/^LegInfo_routePartial(?:Time|CityTooltip)__/.test(c))
			.map((c) =>
				c
					.replace(/^LegDetails_container__/, 'LegDetails_containerTicket__')
					.replace(/^LegInfo_routePartial(Depart|Arrive)__/, 'RoutePartial_routePartial$1__')
					.replace(/^LegInfo_(stopsLabel|stopStation|stopsContainer)/, 'Stops_$1'),
			)
			.join(' ');
		el.setAttribute('class', renamed);
	}
	return doc;
}

describe('skyscanner: CSS modules renamed since 2021', () => {
	it('reads the page with 2024-2026 module names as with the 2021 ones: the same 8 itineraries', () => {
		const doc = renamedModules();
		expect(doc.querySelectorAll('[class*="LegInfo_routePartial"], [class*="LegDetails_container__"]')).toHaveLength(0);
		expect(doc.querySelectorAll('[class*="RoutePartial_routePartialDepart__"]')).toHaveLength(16);
		const renamed = detectDocument(doc, PAGE.url, expected.referenceDate, bundledAirports());
		const original = detectDocument(load(), PAGE.url, expected.referenceDate, bundledAirports());
		expect(renamed.adapter).toBe('skyscanner');
		expect(renamed.itineraries).toHaveLength(8);
		expect(renamed.itineraries).toEqual(original.itineraries);
	});

	it('takes a leg box inside another leg box as the same leg, not a second one', () => {
		const doc = load();
		const card = option(doc, 3);
		for (const leg of card.querySelectorAll('[class*="LegDetails_container__"]')) {
			const outer = doc.createElement('div');
			outer.className = 'LegDetails_containerTicket__x1y2z';
			leg.replaceWith(outer);
			outer.append(leg);
		}
		expect(read(card)).toEqual(read(option(load(), 3)));
	});
});

describe('skyscanner: URLs and dates', () => {
	it('accepts its examples and rejects its counter-examples', () => {
		for (const url of skyscanner.examples) expect(skyscanner.isItineraryPage(new URL(url)), url).toBe(true);
		for (const url of skyscanner.counterExamples) expect(skyscanner.isItineraryPage(new URL(url)), url).toBe(false);
		for (const url of [...skyscanner.examples, ...skyscanner.counterExamples]) {
			expect(skyscanner.matches).toContain(`https://${new URL(url).hostname}/*`);
		}
	});

	it('knows the results pages of Skyscanner country sites the content script does not run on, for the popup to scan', () => {
		const results = (host: string) => new URL(`https://${host}/transport/flights/waw/pvg/260701/260715/?adultsv2=1&rtn=1`);
		for (const host of [
			'www.skyscanner.pl',
			'www.skyscanner.ch',
			'www.skyscanner.com.br',
			'www.skyscanner.co.kr',
			'www.skyscanner.com.tw',
			'www.tianxun.com',
		]) {
			expect(skyscanner.isItineraryPage(results(host)), host).toBe(true);
			expect(skyscanner.matches, host).not.toContain(`https://${host}/*`);
		}
		for (const host of [
			'www.skyscanner.pl.example.test',
			'skyscanner.pl',
			'www.skyscanner.example',
			'www.notskyscanner.pl',
			'www.tianxun.com.example.test',
			'tianxun.com',
		])
			expect(skyscanner.isItineraryPage(results(host)), host).toBe(false);
		expect(skyscanner.isItineraryPage(new URL('https://www.skyscanner.pl/transport/flights-from/waw/'))).toBe(false);
	});

	it('reads the saved page at Skyscanner Poland (www.skyscanner.pl) with this adapter, as at skyscanner.com; elsewhere, not', () => {
		const at = (host: string) => {
			const url = new URL(PAGE.url);
			url.hostname = host;
			return detectDocument(load(), url, expected.referenceDate, bundledAirports());
		};
		const polish = at('www.skyscanner.pl');
		expect(polish.adapter).toBe('skyscanner');
		expect(polish.itineraries).toHaveLength(8);
		expect(polish.itineraries).toEqual(at('www.skyscanner.com').itineraries);
		expect(at('www.skyscanner.pl.example.test').adapter).not.toBe('skyscanner');
	});

	// Each country site's own words for its results pages, as its own links use them (lib/adapters/skyscanner.ts).
	const OWN_WORDS = [
		'www.skyscanner.de/transport/fluge',
		'www.skyscanner.fr/transport/vols',
		'www.skyscanner.es/transporte/vuelos',
		'www.skyscanner.com.mx/transporte/vuelos',
		'www.skyscanner.it/trasporti/voli',
		'www.skyscanner.nl/transport/vluchten',
		'www.skyscanner.pl/transport/loty',
		'www.skyscanner.pt/transporte/voos',
		'www.skyscanner.com.br/transporte/passagens-aereas',
		'www.skyscanner.se/transport/flyg',
		'www.skyscanner.dk/transport/fly',
	];

	it('knows the results pages by the path words of each country site (/transport/fluge/, /trasporti/voli/ …), not the SEO pages beside them', () => {
		for (const site of OWN_WORDS) {
			expect(skyscanner.isItineraryPage(new URL(`https://${site}/fra/pek/260615/260701/?adultsv2=1&rtn=1`)), site).toBe(true);
			expect(skyscanner.isItineraryPage(new URL(`https://${site}/fra/pek/`)), site).toBe(true);
			expect(skyscanner.isItineraryPage(new URL(`https://${site}/`)), site).toBe(false);
		}
		for (const seo of [
			'https://www.skyscanner.it/trasporti/voli-da/veni/220207/220207/',
			'https://www.skyscanner.com.br/transporte/voos-para/rioa/',
			'https://www.skyscanner.de/transport/fluge-nach/pek/',
			'https://www.skyscanner.de/transport/fluege/fra/pek/',
			'https://www.skyscanner.de/hotels/fra/pek/',
			'https://www.skyscanner.fr/vols/cdg/pek/',
		])
			expect(skyscanner.isItineraryPage(new URL(seo)), seo).toBe(false);
	});

	it("dates a card without a link from those pages' URLs too, and reads the saved page there as at skyscanner.com", () => {
		const doc = load();
		for (const script of doc.querySelectorAll('script')) script.remove();
		for (const site of OWN_WORDS) {
			const url = new URL(`https://${site}/bos/cun/210301/210331/?adultsv2=1&rtn=1`);
			expect(searchDatesFromUrl(url), site).toEqual(['2021-03-01', '2021-03-31']);
			expect(read(option(doc, 7), url), site).toEqual(option7);
		}
		const german = detectDocument(
			load(),
			new URL('https://www.skyscanner.de/transport/fluge/bos/cun/210301/210331/'),
			expected.referenceDate,
			bundledAirports(),
		);
		expect(german.adapter).toBe('skyscanner');
		expect(german.itineraries).toHaveLength(8);
		const english = detectDocument(
			load(),
			new URL('https://www.skyscanner.de/transport/flights/bos/cun/210301/210331/'),
			expected.referenceDate,
			bundledAirports(),
		);
		expect(german.itineraries).toEqual(english.itineraries);
	});

	it("reads the saved page at Skyscanner's China site (天巡, www.tianxun.com) with this adapter, as at skyscanner.com", () => {
		const at = (host: string) => {
			const url = new URL(PAGE.url);
			url.hostname = host;
			return detectDocument(load(), url, expected.referenceDate, bundledAirports());
		};
		const chinese = at('www.tianxun.com');
		expect(chinese.adapter).toBe('skyscanner');
		expect(chinese.itineraries).toEqual(at('www.skyscanner.com').itineraries);
		expect(skyscanner.isItineraryPage(new URL('https://www.tianxun.com/transport/flights/bjsa/ala/260429/?adultsv2=1'))).toBe(true);
		expect(skyscanner.isItineraryPage(new URL('https://www.tianxun.com/hotels/'))).toBe(false);
	});

	it('reads leg dates from a card link, the URL and the page', () => {
		expect(
			parseConfigDates(
				'/transport/flights/bos/cun/210301/210331/config/10081-2103010815--32733-0-10803-2103011250|10803-2103311245--31722-1-10081-2103312131?adults=1',
			),
		).toEqual([
			{departs: '2021-03-01', departClock: '08:15', arrives: '2021-03-01', arriveClock: '12:50'},
			{departs: '2021-03-31', departClock: '12:45', arrives: '2021-03-31', arriveClock: '21:31'},
		]);
		expect(parseConfigDates('/transport/flights/bos/cun/')).toBeUndefined();
		expect(searchDatesFromUrl(PAGE.url)).toEqual(['2021-03-01', '2021-03-31']);
		expect(searchDatesFromUrl(new URL('https://www.skyscanner.net/transport/flights/lhr/pek/260615/'))).toEqual(['2026-06-15']);
		expect(searchDatesFromPage(load())).toEqual(['2021-03-01', '2021-03-31']);
	});
});
