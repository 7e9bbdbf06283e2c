// @vitest-environment jsdom
/**
 * The Google Flights adapter on real saved pages (test/fixtures/SOURCES.md). Expected values were read off each
 * page's visible text and aria-labels (quoted in the comments), not copied from the adapter's output.
 */
import {readFileSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import googleFlights, {parseDs1, parseImpactUrl, parseSentence, referenceDateFromUrl} from '../../lib/adapters/google-flights';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import {evaluateTrip} from '../../lib/rules/evaluate';
import type {SegmentInput} from '../../lib/itinerary';
import {bundledAirports} from '../../lib/airports/bundled';

const rules = loadRules();
const URL_ = new URL('https://www.google.com/travel/flights/search?tfs=x');

function load(name: string): Document {
	return new DOMParser().parseFromString(readFileSync(`test/fixtures/google-flights/${name}`, 'utf8'), 'text/html');
}

function detect(doc: Document, referenceDate: string): SegmentInput[][] {
	return googleFlights.findCards(doc).map((card) => {
		const e = googleFlights.extract(card, {url: URL_, referenceDate, airports: bundledAirports()});
		if (e.status !== 'ok') throw new Error(`card not read: ${JSON.stringify(e)}`);
		const n = normalizeItinerary(e.itinerary, referenceDate, rules);
		if (!n.ok) throw new Error(n.problem);
		return n.segments;
	});
}

const route = (segments: SegmentInput[]) => [segments[0]!.from, ...segments.map((s) => s.to)].join('-');

describe('google-flights: 2025 layout, SFO → NRT (56 cards)', () => {
	let itineraries: SegmentInput[][];
	beforeAll(() => {
		itineraries = detect(load('sfo-nrt-2025.html'), '2025-07-09');
	});

	it('reads every card', () => {
		expect(itineraries).toHaveLength(56);
		expect(itineraries.filter((s) => s.length === 1)).toHaveLength(8); // 8 nonstop
		expect(itineraries.filter((s) => s.length === 2)).toHaveLength(48); // 48 with one stop
	});

	it('finds the 14 Hong Kong and 14 Taipei connections', () => {
		expect(itineraries.filter((s) => route(s) === 'SFO-HKG-NRT')).toHaveLength(14);
		expect(itineraries.filter((s) => route(s) === 'SFO-TPE-NRT')).toHaveLength(14);
	});

	it('gives the connection its clocks: "Leaves … at 12:05 AM on Wednesday, August 20 … arrives at Narita … at 1:40 PM on Thursday, August 21 … a 3 hr 5 min layover at Hong Kong International Airport"', () => {
		const cx = itineraries.find((s) => s[0]!.flight === 'CX851' && s[1]!.flight === 'CX526')!;
		expect(cx).toEqual([
			{from: 'SFO', to: 'HKG', departure: '2025-08-20T00:05', arrival: '2025-08-21T05:10', flight: 'CX851'},
			{from: 'HKG', to: 'NRT', departure: '2025-08-21T08:15', arrival: '2025-08-21T13:40', flight: 'CX526'},
		]);
	});

	it('never touches mainland China, so the engine finds no stop', () => {
		for (const segments of itineraries)
			expect(evaluateTrip({passports: ['US'], segments}, rules, {today: '2025-07-09'}).stops).toEqual([]);
	});

	it('puts the badge on a line of its own at the end of the card’s content block (not inside the one-line times box), else at the end of the card', () => {
		const doc = load('sfo-nrt-2025.html');
		for (const card of googleFlights.findCards(doc)) {
			const [block, fallback] = googleFlights.badgePlacements(card);
			expect(block!.append).toBe('last');
			// The block holds the times line, whose box clips, deep inside: the badge goes after all of it.
			expect(block!.anchor.parentElement!.parentElement).toBe(card);
			expect(block!.anchor.querySelector('[aria-label^="Leaves "]')).not.toBeNull();
			expect(fallback).toEqual({anchor: card, append: 'last'});
		}
	});
});

describe('google-flights: other layouts', () => {
	it('2025, DFW → ABI: 10 nonstop cards', () => {
		const itineraries = detect(load('dfw-abi-2025.html'), '2025-07-09');
		expect(itineraries).toHaveLength(10);
		for (const s of itineraries) expect(route(s)).toBe('DFW-ABI');
		// first card: "Leaves Dallas/Fort Worth International Airport at 9:18 AM on Thursday, August 21 and arrives … at 10:08 AM"
		expect(itineraries[0]).toEqual([
			{from: 'DFW', to: 'ABI', departure: '2025-08-21T09:18', arrival: '2025-08-21T10:08', flight: 'AA3407'},
		]);
	});

	it('2023, WRO → FCO: 11 cards (8 with one stop, 3 with two) read from the sentence and ds:1', () => {
		const itineraries = detect(load('wro-fco-2023.html'), '2023-06-11');
		expect(itineraries).toHaveLength(11);
		expect(itineraries.filter((s) => s.length === 2)).toHaveLength(8);
		expect(itineraries.filter((s) => s.length === 3)).toHaveLength(3);
		// "Leaves Wrocław … at 6:45 PM on Monday, June 19 and arrives at Rome Fiumicino … at 11:30 PM …
		// a 1 hr 35 min layover at Frankfurt Airport"
		expect(itineraries[0]).toEqual([
			{from: 'WRO', to: 'FRA', departure: '2023-06-19T18:45', arrival: '2023-06-19T20:05', flight: 'LH1355'},
			{from: 'FRA', to: 'FCO', departure: '2023-06-19T21:40', arrival: '2023-06-19T23:30', flight: 'LH242'},
		]);
	});

	it('a page still loading (SFO → FRA): no cards, every itinerary in the embedded ds:1 data', () => {
		const doc = load('sfo-fra-loading-2025.html');
		expect(googleFlights.findCards(doc)).toEqual([]);
		const embedded = googleFlights.extractEmbedded!(doc, {url: URL_, referenceDate: '2025-07-09', airports: bundledAirports()});
		expect(embedded.length).toBeGreaterThan(20);
		for (const it of embedded) {
			expect(it.segments[0]!.from).toBe('SFO');
			expect(it.segments[it.segments.length - 1]!.to).toBe('FRA');
		}
	});

	it('a page with no flights yields nothing', () => {
		const doc = new DOMParser().parseFromString(
			'<html><body><h1>Google Flights</h1><p>Find cheap flights</p></body></html>',
			'text/html',
		);
		expect(googleFlights.findCards(doc)).toEqual([]);
		expect(googleFlights.extractEmbedded!(doc, {url: URL_, referenceDate: '2026-01-01', airports: bundledAirports()})).toEqual([]);
	});
});

describe('google-flights: ds:1 with mainland connections (KUL → NRT, 10 May 2026)', () => {
	const text = readFileSync('test/fixtures/google-flights/kul-nrt-ds1.js.txt', 'utf8');

	it('reads all 11 itineraries, with the Haikou and Shenzhen connections', () => {
		const its = parseDs1(text);
		expect(its).toHaveLength(11);
		const hak = its.find((i) => i.segments.some((s) => s.to === 'HAK'))!;
		expect(hak.segments).toEqual([
			{
				from: 'KUL',
				to: 'HAK',
				flight: 'HU756',
				departs: {date: '2026-05-10', time: '21:05'},
				arrives: {date: '2026-05-11', time: '00:40'},
			},
			{
				from: 'HAK',
				to: 'NRT',
				flight: 'HU791',
				departs: {date: '2026-05-11', time: '07:20'},
				arrives: {date: '2026-05-11', time: '13:35'},
			},
		]);
	});

	it('judges the Haikou connection: 6 h 40 airside, inspection-exempt since 2025-11-05 [S1]', () => {
		const hak = parseDs1(text).find((i) => i.segments.some((s) => s.to === 'HAK'))!;
		const n = normalizeItinerary(hak, '2026-04-19', rules);
		if (!n.ok) throw new Error(n.problem);
		const stop = evaluateTrip({passports: ['MY'], segments: n.segments}, rules, {today: '2026-04-19'}).stops[0]!;
		expect(stop).toMatchObject({airports: ['HAK'], from: 'MY', to: 'JP', durationMinutes: 400, best: 'transit24'});
		expect(stop.verdicts[0]).toMatchObject({policy: 'transit24', status: 'eligible', inspectionExempt: true});
	});
});

describe('google-flights: 2025 DOM serialised by a scraper (ICN/GMP → NRT/HND, 1 Apr 2025)', () => {
	type Node = {tagName: string; attributes: Record<string, string>; textContent?: string; children?: Node[]};
	const saved = JSON.parse(readFileSync('test/fixtures/google-flights/icn-nrt-2025-dom.json', 'utf8')) as {flightElements: Node[]};
	/** Rebuilds the saved element trees: tag names, every attribute, text at the leaves. */
	function rebuild(doc: Document, n: Node): Element {
		const el = doc.createElement(n.tagName);
		for (const [k, v] of Object.entries(n.attributes)) el.setAttribute(k, v);
		if (n.children) for (const c of n.children) el.append(rebuild(doc, c));
		else if (n.textContent) el.textContent = n.textContent;
		return el;
	}
	const doc = document.implementation.createHTMLDocument('Seoul to Tokyo | Google Flights');
	const list = doc.createElement('ul');
	for (const li of saved.flightElements) list.append(rebuild(doc, li));
	doc.body.append(list);

	it('reads all 26 cards (13 itineraries, each listed twice on the page)', () => {
		const itineraries = detect(doc, '2025-03-24');
		expect(itineraries).toHaveLength(26);
		expect(new Set(itineraries.map((s) => JSON.stringify(s))).size).toBe(13);
		expect(itineraries.filter((s) => s.length === 1)).toHaveLength(24); // 12 nonstop itineraries, twice
	});

	it('keeps the change of airport in Osaka: "a 6 hr 10 min layover in Osaka. Transfer here from Kansai International Airport to Osaka Itami Airport"', () => {
		const kix = detect(doc, '2025-03-24').find((s) => s.length === 2)!;
		// "Leaves Gimpo International Airport at 9:00 AM on Tuesday, April 1 and arrives at Haneda Airport at 6:15 PM"
		expect(kix).toEqual([
			{from: 'GMP', to: 'KIX', departure: '2025-04-01T09:00', connectionMinutes: 370},
			{from: 'ITM', to: 'HND', arrival: '2025-04-01T18:15'},
		]);
	});
});

describe('google-flights: parsers', () => {
	it('reads the sentence with U+202F before AM/PM and an overnight layover', () => {
		const s = parseSentence(
			'From 1389 Australian dollars. 1 stop flight with Vietjet. Leaves Brisbane Airport at 11:30\u202fPM on Thursday, April 2 and arrives at Noi Bai International Airport at 9:40\u202fAM on Friday, April 3. Total duration 13 hr 10 min. Layover (1 of 1) is a 2 hr 30 min layover at Tan Son Nhat International Airport in Ho Chi Minh City. Select flight',
		);
		expect(s).toEqual({
			from: 'Brisbane Airport',
			to: 'Noi Bai International Airport',
			departs: {time: '11:30\u202fPM', date: 'Thursday, April 2'},
			arrives: {time: '9:40\u202fAM', date: 'Friday, April 3'},
			layovers: [{minutes: 150, arrive: 'Tan Son Nhat International Airport', depart: 'Tan Son Nhat International Airport'}],
			stops: 1,
		});
	});

	it('reads the per-segment travel impact URL', () => {
		expect(
			parseImpactUrl('https://www.travelimpactmodel.org/lookup/flight?itinerary=BNE-SGN-VJ-84-20260402,SGN-HAN-VJ-126-20260403'),
		).toEqual([
			{from: 'BNE', to: 'SGN', flight: 'VJ84', date: '2026-04-02'},
			{from: 'SGN', to: 'HAN', flight: 'VJ126', date: '2026-04-03'},
		]);
		expect(parseImpactUrl('https://www.travelimpactmodel.org/lookup/flight?itinerary=garbage')).toBeUndefined();
	});

	it('takes the search date from the tfs parameter', () => {
		expect(
			referenceDateFromUrl(
				new URL('https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTAzLTE1agcIARIDSkZLcgcIARIDTlJU'),
			),
		).toBe('2026-03-15');
		expect(referenceDateFromUrl(new URL('https://www.google.com/travel/flights'))).toBeUndefined();
	});
});
