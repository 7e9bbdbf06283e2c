// @vitest-environment jsdom
/**
 * The Kayak adapter on a real results list (test/fixtures/SOURCES.md): Minneapolis → Chicago, one way, 1 Jul 2022,
 * ten nonstop results. What it reads there (cards, routes and clocks, read off each card's visible times, airport
 * codes and screen-reader paragraph by hand) is in the page's expected.json, checked by adapters.test.ts; here: the
 * same page at other URLs, the badge place, what the adapter refuses, URLs and dates.
 */
import {describe, expect, it} from 'vitest';
import kayak, {parseSpokenLegs, searchDatesFromUrl} from '../../lib/adapters/kayak';
import {bundledAirports} from '../../lib/airports/bundled';
import {detectDocument} from '../../lib/detect';
import {pageContext, readCard, savedPage} from './adapter-harness';

const {context: PAGE, expected, load} = savedPage('kayak/msp-chi-oneway-2022.html');
const read = (card: Element, url: string | URL = PAGE.url) => readCard(kayak, card, pageContext(url, expected.referenceDate));

describe('kayak: MSP → CHI, phoenix result list (R618c)', () => {
	it('without a date in the URL, kayak.com\'s paragraph gives it: "Departs from … on 7/1 at 6:10 am, lands in … on 7/1 at 7:41 am"', () => {
		const card = kayak.findCards(load())[3]!;
		expect(read(card, new URL('https://www.kayak.com/flights'))).toEqual([
			{from: 'MSP', to: 'ORD', departure: '2022-07-01T06:10', arrival: '2022-07-01T07:41'},
		]);
	});

	it('where "7/1" might be day/month and the URL has no date, the clocks stay unplaced', () => {
		const card = kayak.findCards(load())[3]!;
		expect(read(card, new URL('https://www.kayak.co.uk/flights'))).toEqual([{from: 'MSP', to: 'ORD'}]);
	});

	it('puts the badge right after the legs list, inside the card', () => {
		for (const card of kayak.findCards(load())) {
			const [first, fallback] = kayak.badgePlacements(card);
			const placement = first!;
			expect(fallback).toEqual({anchor: card, append: 'last'});
			expect(placement).toMatchObject({append: 'after'});
			expect(placement.anchor.matches('ol.flights')).toBe(true);
			expect(card.contains(placement.anchor)).toBe(true);
		}
	});
});

describe('kayak: what it refuses', () => {
	it('an emptied results list yields no cards', () => {
		const doc = load();
		doc.querySelector('#searchResultsList')!.replaceChildren();
		expect(kayak.findCards(doc)).toEqual([]);
	});

	it('a home page yields no cards', () => {
		const doc = new DOMParser().parseFromString(
			'<html><body><h1>Search hundreds of travel sites at once.</h1><form><input name="origin"></form></body></html>',
			'text/html',
		);
		expect(kayak.findCards(doc)).toEqual([]);
	});

	it('a "1 stop" leg without the stop\'s code fails instead of guessing a direct flight', () => {
		const card = kayak.findCards(load())[0]!;
		card.querySelector('.stops-text')!.textContent = '1 stop';
		expect(kayak.extract(card, PAGE)).toMatchObject({
			status: 'failed',
		});
	});
});

describe('kayak: URLs and dates', () => {
	it('accepts its examples and rejects its counter-examples', () => {
		for (const url of kayak.examples) expect(kayak.isItineraryPage(new URL(url)), url).toBe(true);
		for (const url of kayak.counterExamples) expect(kayak.isItineraryPage(new URL(url)), url).toBe(false);
		for (const url of [...kayak.examples, ...kayak.counterExamples])
			expect(kayak.matches).toContain(`https://${new URL(url).hostname}/*`);
	});

	it('knows the results pages of Kayak country sites the content script does not run on, for the popup to scan', () => {
		const results = (host: string) => new URL(`https://${host}/flights/ZRH-PEK/2026-06-01/2026-06-15?sort=bestflight_a`);
		for (const host of ['www.kayak.ch', 'www.kayak.pl', 'www.kayak.com.br', 'www.kayak.co.kr', 'tw.kayak.com']) {
			expect(kayak.isItineraryPage(results(host)), host).toBe(true);
			expect(kayak.matches, host).not.toContain(`https://${host}/*`);
		}
		for (const host of [
			'www.kayak.ch.example.test',
			'kayak.ch.example.test',
			'www.kayak.example',
			'www.notkayak.ch',
			'www.tw.kayak.com',
		])
			expect(kayak.isItineraryPage(results(host)), host).toBe(false);
		expect(kayak.isItineraryPage(new URL('https://www.kayak.ch/hotels'))).toBe(false);
	});

	it('reads the saved page at Kayak Switzerland (www.kayak.ch) with this adapter, as at Kayak UK; elsewhere, not', () => {
		const at = (host: string) =>
			detectDocument(
				load(),
				new URL(`https://${host}/flights/MSP-CHI/2022-07-01?sort=bestflight_a`),
				expected.referenceDate,
				bundledAirports(),
			);
		const swiss = at('www.kayak.ch');
		expect(swiss.adapter).toBe('kayak');
		expect(swiss.itineraries).toHaveLength(10);
		expect(swiss.itineraries).toEqual(at('www.kayak.co.uk').itineraries);
		expect(swiss.itineraries[3]!.segments).toEqual([
			{from: 'MSP', to: 'ORD', departure: '2022-07-01T06:10', arrival: '2022-07-01T07:41'},
		]);
		expect(at('www.kayak.ch.example.test').adapter).not.toBe('kayak');
	});

	it("reads the saved page at Kayak France's own results path (www.kayak.fr/vols/…) as at its /flights/ path", () => {
		const at = (path: string) =>
			detectDocument(load(), new URL(`https://www.kayak.fr${path}?sort=bestflight_a`), expected.referenceDate, bundledAirports());
		const french = at('/vols/MSP-CHI/2022-07-01');
		expect(french.adapter).toBe('kayak');
		expect(french.itineraries).toHaveLength(10);
		expect(french.itineraries).toEqual(at('/flights/MSP-CHI/2022-07-01').itineraries);
		expect(searchDatesFromUrl(new URL('https://www.kayak.fr/vols/PAR-PEK/2026-06-01/2026-06-15/2adultes'))).toEqual([
			'2026-06-01',
			'2026-06-15',
		]);
		expect(kayak.isItineraryPage(new URL('https://www.kayak.fr/vols'))).toBe(false);
		expect(kayak.isItineraryPage(new URL('https://www.kayak.fr/vols-pas-chers/PAR-PEK/2026-06-01'))).toBe(false);
	});

	it('reads search dates from the URL and leg dates from the paragraph', () => {
		expect(searchDatesFromUrl(new URL('https://www.kayak.com/flights/LAX-PEK/2026-05-10/2026-05-20?sort=price_a'))).toEqual([
			'2026-05-10',
			'2026-05-20',
		]);
		expect(searchDatesFromUrl(new URL('https://www.kayak.com/flights'))).toEqual([]);
		expect(
			parseSpokenLegs(
				"Leg 1: Provided by Sun Country Air. Departs from Minneapolis, MN - Minneapolis St Paul on 7/1 at 10:30 am, lands in Chicago, IL - O'Hare Intl on 7/1 at 12:04 pm. nonstop. Total duration: 1h 34m.",
			),
		).toEqual([{departs: {month: 7, day: 1, clock: '10:30 am'}, arrives: {month: 7, day: 1, clock: '12:04 pm'}}]);
	});
});
