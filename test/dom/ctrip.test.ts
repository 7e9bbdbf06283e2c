// @vitest-environment jsdom
/**
 * The Ctrip adapter on a real list fragment and a Trip.com home page (test/fixtures/SOURCES.md). Expected values were
 * read off the cards' visible text (quoted in the comments) and, for a transfer's second flight, off its element id;
 * they are not copied from the adapter's output.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import ctrip, {parseSegmentId, parseTransferInfo} from '../../lib/adapters/ctrip';
import {soleAirportOfCity} from '../../lib/airports';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import {evaluateTrip} from '../../lib/rules/evaluate';
import type {SegmentInput} from '../../lib/itinerary';
import {bundledAirports} from '../../lib/airports/bundled';

const rules = loadRules();
const PAGE = {
	url: new URL('https://flights.ctrip.com/online/list/oneway-bjs-sha?depdate=2026-09-15'),
	referenceDate: '2026-09-01',
	airports: bundledAirports(),
};

function load(name: string): Document {
	return new DOMParser().parseFromString(readFileSync(`test/fixtures/ctrip/${name}`, 'utf8'), 'text/html');
}

function read(card: Element): SegmentInput[] {
	const e = ctrip.extract(card, PAGE);
	if (e.status !== 'ok') throw new Error(`card not read: ${JSON.stringify(e)}`);
	const n = normalizeItinerary(e.itinerary, '2026-09-01', rules);
	if (!n.ok) throw new Error(n.problem);
	return n.segments;
}

const cardWith = (doc: Document, testId: string) => doc.querySelector(`div.flight-item[data-testid="${testId}"]`)!;
const route = (segments: SegmentInput[]) => [segments[0]!.from, ...segments.map((s) => s.to)].join('-');

describe('ctrip: Beijing → Shanghai list, 15 Sep 2026 (13 cards)', () => {
	it('finds all 13 cards, 12 direct and 1 transfer', () => {
		const cards = ctrip.findCards(load('pkx-pvg-list-2026.html'));
		expect(cards).toHaveLength(13);
		const itineraries = cards.map(read);
		expect(itineraries.filter((s) => s.length === 1)).toHaveLength(12);
		expect(itineraries.filter((s) => s.length === 2)).toHaveLength(1);
		// Every direct card departs 大兴国际机场; eight arrive 浦东国际机场, four 虹桥国际机场.
		expect(itineraries.filter((s) => route(s) === 'PKX-PVG')).toHaveLength(8);
		expect(itineraries.filter((s) => route(s) === 'PKX-SHA')).toHaveLength(4);
	});

	it('reads a direct card: "CZ8888 … 19:35 大兴国际机场 … 22:00 浦东国际机场 T2"', () => {
		expect(read(cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-1'))).toEqual([
			{from: 'PKX', to: 'PVG', departure: '2026-09-15T19:35', arrival: '2026-09-15T22:00', flight: 'CZ8888'},
		]);
	});

	it('reads a next-day arrival: "MU5231 … 22:00 大兴国际机场 … 00:05 +1天 浦东国际机场 T1"', () => {
		expect(read(cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-2'))).toEqual([
			{from: 'PKX', to: 'PVG', departure: '2026-09-15T22:00', arrival: '2026-09-16T00:05', flight: 'MU5231'},
		]);
	});

	it('reads a card without the flight-number span from its ids: "中国国航 22:00 大兴国际机场 23:45 浦东国际机场 T2", id CA8341_…', () => {
		expect(read(cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-3'))).toEqual([
			{from: 'PKX', to: 'PVG', departure: '2026-09-15T22:00', arrival: '2026-09-15T23:45', flight: 'CA8341'},
		]);
	});

	it('reads the transfer: "SC4642 … 09:50 首都国际机场 T3 中转3小时15分 转1次 转青岛3h15m 16:15 虹桥国际机场 T2"', () => {
		// The second flight is only in the id SC4642_1789437000000SC4659_1789454100000: 1789454100000 − 1789437000000
		// = 17,100,000 ms = 4 h 45 min after the 09:50 departure, so SC4659 leaves Qingdao at 14:35.
		expect(read(cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-13'))).toEqual([
			{from: 'PEK', to: 'TAO', departure: '2026-09-15T09:50', flight: 'SC4642', connectionMinutes: 195},
			{from: 'TAO', to: 'SHA', departure: '2026-09-15T14:35', arrival: '2026-09-15T16:15', flight: 'SC4659'},
		]);
	});

	// A trip that starts in the mainland has no arrival from abroad: no stop to judge (the engine once took the
	// second leg for an entry "another way"; this case caught it).
	it('finds no stop in the domestic transfer: Beijing → Qingdao → Shanghai never leaves the mainland', () => {
		const segments = read(cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-13'));
		const result = evaluateTrip({passports: ['US'], segments}, rules, {today: '2026-09-01'});
		expect(result.stops).toEqual([]);
		expect(result.notices.map((n) => n.code)).toContain('trip-starts-in-mainland');
	});

	it('puts the badge right after the times and airports row, inside the card', () => {
		for (const card of ctrip.findCards(load('pkx-pvg-list-2026.html'))) {
			const [first, fallback] = ctrip.badgePlacements(card);
			const placement = first!;
			expect(fallback).toEqual({anchor: card, append: 'last'});
			expect(placement).toMatchObject({append: 'after'});
			expect(placement.anchor.classList.contains('flight-detail')).toBe(true);
			expect(card.contains(placement.anchor)).toBe(true);
		}
	});
});

describe('ctrip: cards still rendering or not readable', () => {
	it('skips an empty lazy slot: nothing to read or anchor to yet', () => {
		const doc = load('pkx-pvg-list-2026.html');
		const slot = doc.createElement('div');
		slot.className = 'flight-item domestic';
		slot.setAttribute('data-testid', 'flight-item-14');
		doc.querySelector('.flight-list')!.append(slot);
		expect(doc.querySelectorAll('div.flight-item')).toHaveLength(14);
		expect(ctrip.findCards(doc)).toHaveLength(13);
	});

	it('calls a card without its arrival box incomplete', () => {
		const card = cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-1');
		card.querySelector('.arrive-box')!.remove();
		expect(ctrip.extract(card, PAGE)).toEqual({status: 'incomplete', missing: ['arrival time', 'arrival airport']});
	});

	it('will not guess the airport of a transfer city with two airports (上海)', () => {
		const card = cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-13');
		card.querySelector('.transfer-info')!.innerHTML = '<i>转</i>上海3h15m';
		expect(ctrip.extract(card, PAGE)).toMatchObject({status: 'unsupported'});
	});

	it('fails when the id no longer agrees with the printed departure', () => {
		const card = cardWith(load('pkx-pvg-list-2026.html'), 'flight-item-1');
		card.querySelector('.depart-box .time')!.textContent = '19:40';
		expect(ctrip.extract(card, PAGE)).toMatchObject({status: 'failed'});
	});
});

describe('ctrip: Trip.com home page (negative)', () => {
	it('yields no cards', () => {
		expect(ctrip.findCards(load('tripcom-home-negative.html'))).toEqual([]);
	});
});

describe('ctrip: URLs', () => {
	it('accepts its examples and rejects its counter-examples', () => {
		for (const url of ctrip.examples) expect(ctrip.isItineraryPage(new URL(url)), url).toBe(true);
		for (const url of ctrip.counterExamples) expect(ctrip.isItineraryPage(new URL(url)), url).toBe(false);
	});

	it('rejects look-alike hosts', () => {
		expect(ctrip.isItineraryPage(new URL('https://www.nottrip.com/flights/showfarefirst?dcity=bjs'))).toBe(false);
		expect(ctrip.isItineraryPage(new URL('https://hotels.ctrip.com/online/list/x'))).toBe(false);
	});
});

describe('ctrip: parsers', () => {
	it('turns epoch ids into Beijing clocks whatever the machine zone', () => {
		expect(parseSegmentId('flightInfo-SC4642_1789437000000SC4659_1789454100000-1200')).toEqual([
			{flight: 'SC4642', date: '2026-09-15', time: '09:50'},
			{flight: 'SC4659', date: '2026-09-15', time: '14:35'},
		]);
		// 1789488000000 is 2026-09-15T16:00Z, i.e. midnight in Beijing: the next day there.
		expect(parseSegmentId('departureFlightTrain3U8888_1789488000000-7')).toEqual([
			{flight: '3U8888', date: '2026-09-16', time: '00:00'},
		]);
		expect(parseSegmentId('flightPriceTag_CZ8888_1789472100000-0_XDiscountProduct_0')).toBeUndefined();
	});

	it('reads a transfer line', () => {
		expect(parseTransferInfo('转青岛3h15m')).toEqual({city: '青岛', minutes: 195});
		expect(parseTransferInfo('转 西安')).toEqual({city: '西安'});
	});

	it('places a city only when it has exactly one airport', () => {
		expect(soleAirportOfCity('青岛', rules)).toBe('TAO');
		expect(soleAirportOfCity('北京', rules)).toBeUndefined(); // PEK and PKX
		expect(soleAirportOfCity('上海', rules)).toBeUndefined(); // SHA and PVG
		expect(soleAirportOfCity('大', rules)).toBeUndefined();
	});
});
