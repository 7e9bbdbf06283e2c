// @vitest-environment jsdom
/**
 * The Kayak adapter on a real results list (test/fixtures/SOURCES.md): Minneapolis → Chicago, one way, 1 Jul 2022,
 * ten nonstop results. Expected values were read off each card's visible times and airport codes and its
 * screen-reader paragraph (quoted in the comments), not copied from the adapter's output.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import kayak, {parseSpokenLegs, searchDatesFromUrl} from '../../lib/adapters/kayak';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import type {SegmentInput} from '../../lib/itinerary';
import {bundledAirports} from '../../lib/airports/bundled';

const rules = loadRules();
const PAGE_URL = new URL('https://www.kayak.com/flights/MSP-CHI/2022-07-01?sort=bestflight_a');
const REFERENCE = '2022-06-20';

function load(): Document {
	return new DOMParser().parseFromString(readFileSync('test/fixtures/kayak/msp-chi-oneway-2022.html', 'utf8'), 'text/html');
}

function read(card: Element, url = PAGE_URL): SegmentInput[] {
	const e = kayak.extract(card, {url, referenceDate: REFERENCE, airports: bundledAirports()});
	if (e.status !== 'ok') throw new Error(`card not read: ${JSON.stringify(e)}`);
	const n = normalizeItinerary(e.itinerary, REFERENCE, rules);
	if (!n.ok) throw new Error(n.problem);
	return n.segments;
}

describe('kayak: MSP → CHI, phoenix result list (R618c)', () => {
	it("finds the 10 results, all nonstop, 8 to O'Hare and 2 to Midway", () => {
		const all = kayak.findCards(load()).map((c) => read(c));
		expect(all).toHaveLength(10);
		for (const segments of all) expect(segments).toHaveLength(1);
		expect(all.map((s) => `${s[0]!.from}-${s[0]!.to}`)).toEqual([
			'MSP-ORD',
			'MSP-ORD',
			'MSP-ORD',
			'MSP-ORD',
			'MSP-ORD',
			'MSP-MDW',
			'MSP-ORD',
			'MSP-MDW',
			'MSP-ORD',
			'MSP-ORD',
		]);
	});

	it('reads the clocks of several cards', () => {
		const cards = kayak.findCards(load());
		// "10:30 am – 12:04 pm", "MSP ‐ ORD", Sun Country Air
		expect(read(cards[0]!)).toEqual([{from: 'MSP', to: 'ORD', departure: '2022-07-01T10:30', arrival: '2022-07-01T12:04'}]);
		// "7:50 pm – 9:23 pm", "MSP ‐ ORD", Delta
		expect(read(cards[1]!)).toEqual([{from: 'MSP', to: 'ORD', departure: '2022-07-01T19:50', arrival: '2022-07-01T21:23'}]);
		// "4:37 pm – 6:10 pm", "MSP ‐ MDW", Delta (operated by Skywest)
		expect(read(cards[5]!)).toEqual([{from: 'MSP', to: 'MDW', departure: '2022-07-01T16:37', arrival: '2022-07-01T18:10'}]);
		// "12:27 pm – 2:05 pm", "MSP ‐ ORD", American Airlines
		expect(read(cards[9]!)).toEqual([{from: 'MSP', to: 'ORD', departure: '2022-07-01T12:27', arrival: '2022-07-01T14:05'}]);
	});

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
		expect(kayak.extract(card, {url: PAGE_URL, referenceDate: REFERENCE, airports: bundledAirports()})).toMatchObject({
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
