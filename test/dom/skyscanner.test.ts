// @vitest-environment jsdom
/**
 * The Skyscanner adapter on a real saved day view (test/fixtures/SOURCES.md): Boston ⇄ Cancún, out 1 Mar, back
 * 31 Mar 2021. Expected values were read off each card's visible legs and screen-reader summary (quoted in the
 * comments), not copied from the adapter's output.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import skyscanner, {parseConfigDates, searchDatesFromPage, searchDatesFromUrl} from '../../lib/adapters/skyscanner';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import type {SegmentInput} from '../../lib/itinerary';
import {bundledAirports} from '../../lib/airports/bundled';

const rules = loadRules();
// The day view the cards' own links point into ("/transport/flights/bos/cun/210301/210331/config/…").
const PAGE_URL = new URL(
	'https://www.skyscanner.com/transport/flights/bos/cun/210301/210331/?adultsv2=1&cabinclass=economy&ref=home&rtn=1',
);
const REFERENCE = '2021-03-01';

function load(): Document {
	return new DOMParser().parseFromString(readFileSync('test/fixtures/skyscanner/bos-cun-return-2021.html', 'utf8'), 'text/html');
}

function read(card: Element, url = PAGE_URL): SegmentInput[] {
	const e = skyscanner.extract(card, {url, referenceDate: REFERENCE, airports: bundledAirports()});
	if (e.status !== 'ok') throw new Error(`card not read: ${JSON.stringify(e)}`);
	const n = normalizeItinerary(e.itinerary, REFERENCE, rules);
	if (!n.ok) throw new Error(n.problem);
	return n.segments;
}

/** The card whose screen-reader heading is "Flight option n: …". */
function option(doc: Document, n: number): Element {
	const card = skyscanner.findCards(doc).find((c) => c.querySelector('h2')?.textContent?.startsWith(`Flight option ${n}:`));
	if (!card) throw new Error(`no Flight option ${n}`);
	return card;
}

const route = (segments: SegmentInput[]) => [segments[0]!.from, ...segments.map((s) => s.to)].join('-');

describe('skyscanner: BOS ⇄ CUN day view, 2021 layout', () => {
	it('finds the 8 cards and their 16 legs', () => {
		const cards = skyscanner.findCards(load());
		expect(cards).toHaveLength(8);
		expect(cards.flatMap((c) => [...c.querySelectorAll('[class*="LegDetails_container__"]')])).toHaveLength(16);
	});

	it('reads every card as one round trip, stops in order (outbound, then return)', () => {
		// Visible stop labels: "Non-stop", or "1 stop" with the code (IAH, BWI, JFK, MCO, ORD).
		expect(skyscanner.findCards(load()).map((c) => route(read(c)))).toEqual([
			'BOS-CUN-BOS', // option 2
			'BOS-CUN-IAH-BOS', // option 3
			'BOS-CUN-BWI-BOS', // option 5
			'BOS-JFK-CUN-BOS', // option 6
			'BOS-CUN-JFK-BOS', // option 7 (sponsored)
			'BOS-MCO-CUN-BWI-BOS', // option 8
			'BOS-CUN-BOS', // option 9
			'BOS-CUN-ORD-BOS', // option 10
		]);
	});

	it('option 2, both legs direct: "8:15 AM BOS … Non-stop 12:50 PM CUN", "3:12 PM CUN … Non-stop 8:25 PM BOS"', () => {
		expect(read(option(load(), 2))).toEqual([
			{from: 'BOS', to: 'CUN', departure: '2021-03-01T08:15', arrival: '2021-03-01T12:50'},
			{from: 'CUN', to: 'BOS', departure: '2021-03-31T15:12', arrival: '2021-03-31T20:25'},
		]);
	});

	it('option 3, a 1-stop return: "12:45 PM CUN 7h 46m 1 stop IAH 9:31 PM BOS" has no clocks at IAH', () => {
		expect(read(option(load(), 3))).toEqual([
			{from: 'BOS', to: 'CUN', departure: '2021-03-01T08:15', arrival: '2021-03-01T12:50'},
			{from: 'CUN', to: 'IAH', departure: '2021-03-31T12:45'},
			{from: 'IAH', to: 'BOS', arrival: '2021-03-31T21:31'},
		]);
	});

	it('option 8, a stop each way: "6:30 AM BOS 1 stop MCO 2:57 PM CUN", "2:04 PM CUN 1 stop BWI 11:05 PM BOS"', () => {
		expect(read(option(load(), 8))).toEqual([
			{from: 'BOS', to: 'MCO', departure: '2021-03-01T06:30'},
			{from: 'MCO', to: 'CUN', arrival: '2021-03-01T14:57'},
			{from: 'CUN', to: 'BWI', departure: '2021-03-31T14:04'},
			{from: 'BWI', to: 'BOS', arrival: '2021-03-31T23:05'},
		]);
	});

	// Option 7 ("When You're Ready, Delta Has You Covered") has no booking link, so no dates of its own.
	const option7 = [
		{from: 'BOS', to: 'CUN', departure: '2021-03-01T08:15', arrival: '2021-03-01T12:50'},
		{from: 'CUN', to: 'JFK', departure: '2021-03-31T14:40'},
		{from: 'JFK', to: 'BOS', arrival: '2021-03-31T22:49'},
	];

	it('option 7, sponsored, "2:40 PM CUN 1 stop JFK 10:49 PM BOS": dates from the search URL', () => {
		expect(read(option(load(), 7))).toEqual(option7);
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
		expect(skyscanner.extract(card, {url: PAGE_URL, referenceDate: REFERENCE, airports: bundledAirports()})).toMatchObject({
			status: 'failed',
		});
	});

	it('a card whose legs have not rendered is incomplete', () => {
		const card = option(load(), 2);
		for (const leg of card.querySelectorAll('[class*="LegDetails_container__"]')) leg.remove();
		expect(skyscanner.extract(card, {url: PAGE_URL, referenceDate: REFERENCE, airports: bundledAirports()})).toEqual({
			status: 'incomplete',
			missing: ['legs'],
		});
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
		expect(searchDatesFromUrl(PAGE_URL)).toEqual(['2021-03-01', '2021-03-31']);
		expect(searchDatesFromUrl(new URL('https://www.skyscanner.net/transport/flights/lhr/pek/260615/'))).toEqual(['2026-06-15']);
		expect(searchDatesFromPage(load())).toEqual(['2021-03-01', '2021-03-31']);
	});
});
