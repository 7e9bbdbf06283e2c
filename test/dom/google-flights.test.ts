// @vitest-environment jsdom
/**
 * The Google Flights adapter on real saved pages (test/fixtures/SOURCES.md). What it reads on each saved page (cards,
 * itineraries, read off the visible text and aria-labels by hand) is in the page's expected.json, checked by
 * adapters.test.ts; here: the engine on the read cards, badge places, embedded ds:1 data, a DOM saved as JSON by a
 * scraper, and the parsers.
 */
import {readFileSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import googleFlights, {impactRoute, parseDs1, parseImpactUrl, parseSentence, referenceDateFromUrl} from '../../lib/adapters/google-flights';
import {bundledAirports} from '../../lib/airports/bundled';
import {detectDocument} from '../../lib/detect';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import {evaluateTrip} from '../../lib/rules/evaluate';
import type {RawItinerary, SegmentInput} from '../../lib/itinerary';
import type {SiteAdapter} from '../../lib/adapters/types';
import {pageContext, readCard, readCards, recordingMount, savedPage} from './adapter-harness';
import {DATA_WITHOUT_CARDS_MS, startScanner, type BadgeView} from '../../lib/scan/scanner';

const rules = loadRules();
const URL_ = 'https://www.google.com/travel/flights/search?tfs=x';

describe('google-flights: 2025 layout, SFO → NRT (56 cards)', () => {
	const sfoNrt = savedPage('google-flights/sfo-nrt-2025.html');
	let itineraries: SegmentInput[][];
	beforeAll(() => {
		itineraries = readCards(googleFlights, sfoNrt.load(), sfoNrt.context);
	});

	it('never touches mainland China, so the engine finds no stop', () => {
		for (const segments of itineraries)
			expect(evaluateTrip({passports: ['US'], segments}, rules, {today: '2025-07-09'}).stops).toEqual([]);
	});

	it('gives every card its own clocks from the page data, also cards that share their first flight (CX851, then CX526, CX504 or CX520)', () => {
		expect(itineraries.filter((s) => s[0]!.flight === 'CX851').map((s) => s[1]!.flight)).toEqual([
			'CX526',
			'CX504',
			'CX520',
			'CX526',
			'CX504',
			'CX520',
		]);
		for (const segments of itineraries)
			for (const s of segments) {
				expect(s.departure).toMatch(/T\d\d:\d\d$/);
				expect(s.arrival).toMatch(/T\d\d:\d\d$/);
			}
	});

	const detect = (doc: Document) => detectDocument(doc, new URL(URL_), '2025-07-09', bundledAirports());
	const distinct = (d: ReturnType<typeof detect>) => new Set(d.itineraries.map((i) => JSON.stringify(i.segments))).size;

	it('detects each of the 28 itineraries once, though the page shows each on two cards (the list and its hidden copy)', () => {
		const d = detect(sfoNrt.load());
		expect(d.adapter).toBe('google-flights');
		expect(d.itineraries).toHaveLength(28);
		expect(distinct(d)).toBe(28);
	});

	it('reads the page at the Google country site it was saved from (www.google.ca, its <base href>) as at www.google.com', () => {
		expect(sfoNrt.load().querySelector('base')?.getAttribute('href')).toBe('https://www.google.ca/');
		const atHome = detectDocument(
			sfoNrt.load(),
			new URL('https://www.google.ca/travel/flights/search?tfs=x&hl=en'),
			'2025-07-09',
			bundledAirports(),
		);
		expect(atHome.adapter).toBe('google-flights');
		expect(atHome.itineraries).toEqual(detect(sfoNrt.load()).itineraries);
		// Not Google's: the generic readers, as on any page no site adapter knows.
		const elsewhere = detectDocument(
			sfoNrt.load(),
			new URL('https://www.google.ca.example.test/travel/flights/search'),
			'2025-07-09',
			bundledAirports(),
		);
		expect(elsewhere.adapter).not.toBe('google-flights');
	});

	it('npm run detect lists a card it could not read once, though the page holds it twice (the list and its hidden copy)', () => {
		const doc = sfoNrt.load();
		const hook = (card: Element) => card.querySelector('[data-travelimpactmodelwebsiteurl]')!;
		const url = (card: Element) => hook(card).getAttribute('data-travelimpactmodelwebsiteurl')!;
		const cards = googleFlights.findCards(doc);
		// The first result with a stop (its sentence names one layover), and its copy in the hidden panel.
		const first = cards.find((card) => url(card).includes(','))!;
		const twins = cards.filter((card) => url(card) === url(first));
		expect(twins).toHaveLength(2);
		// Both copies edited alike: their segment data given a third flight, which their sentence's one layover denies.
		for (const card of twins) hook(card).setAttribute('data-travelimpactmodelwebsiteurl', `${url(card)},NRT-HND-NH-9999-20250821`);
		const failed = {status: 'failed', reason: 'layover count differs from segment count'};
		expect(googleFlights.findCards(doc).filter((card) => twins.includes(card))).toHaveLength(2);
		expect(twins.map((card) => googleFlights.extract(card, sfoNrt.context))).toEqual([failed, failed]);
		expect(detect(doc).unreadCards).toEqual([failed]);
	});

	it('keeps an embedded itinerary that shares only its first flight with a card (CX851 then CX504 or CX520, beside the card of CX851 then CX526)', () => {
		const doc = sfoNrt.load();
		const cards = googleFlights.findCards(doc);
		for (const card of cards.slice(10)) card.remove();
		const d = detect(doc);
		expect(d.itineraries).toHaveLength(28);
		expect(distinct(d)).toBe(28);
		const cx851 = d.itineraries.filter((i) => i.segments[0]!.flight === 'CX851').map((i) => i.segments[1]);
		expect(cx851).toEqual([
			{from: 'HKG', to: 'NRT', departure: '2025-08-21T08:15', arrival: '2025-08-21T13:40', flight: 'CX526'},
			{from: 'HKG', to: 'NRT', departure: '2025-08-21T09:05', arrival: '2025-08-21T14:30', flight: 'CX504'},
			{from: 'HKG', to: 'NRT', departure: '2025-08-21T10:40', arrival: '2025-08-21T16:05', flight: 'CX520'},
		]);
	});

	it('does not add an embedded itinerary again where a card said less of it (no flight numbers, no middle clocks)', () => {
		const doc = sfoNrt.load();
		for (const el of doc.querySelectorAll('[data-travelimpactmodelwebsiteurl], [data-gs]')) {
			el.removeAttribute('data-travelimpactmodelwebsiteurl');
			el.removeAttribute('data-gs');
		}
		const cards = googleFlights.findCards(doc).map((card) => readCard(googleFlights, card, sfoNrt.context));
		expect(cards.filter((s) => s.length === 2 && s[0]!.flight === undefined && s[0]!.arrival === undefined)).toHaveLength(48);
		expect(detect(doc).itineraries).toHaveLength(28);
	});

	it('reads each card’s route from its segment data alone, the airports extract reads, leg by leg', () => {
		const doc = sfoNrt.load();
		const cards = googleFlights.findCards(doc);
		expect(cards).toHaveLength(56);
		for (const card of cards) {
			const extraction = googleFlights.extract(card, sfoNrt.context);
			if (extraction.status !== 'ok') throw new Error(`card not read: ${extraction.status}`);
			// "SFO-HKG-CX-873-20250820,HKG-NRT-CX-504-20250821": SFO, HKG, HKG, NRT.
			expect(googleFlights.routeOf!(card)).toEqual(extraction.itinerary.segments.flatMap((s) => [s.from, s.to]));
		}
	});

	it('reads a route without looking the segment data up again once findCards met the card, and looks again after a re-render', () => {
		const doc = sfoNrt.load();
		const cards = googleFlights.findCards(doc);
		const [card, other] = [
			cards[0]!,
			cards.find((c) => googleFlights.routeOf!(c)?.join() !== googleFlights.routeOf!(cards[0]!)?.join())!,
		];
		// Those reads took what findCards remembered (it serves a card's next read only): it meets the cards again.
		googleFlights.findCards(doc);
		const queries = (el: Element) => {
			let n = 0;
			const query = el.querySelector.bind(el);
			el.querySelector = ((selector: string) => (n++, query(selector))) as Element['querySelector'];
			return () => n;
		};
		const count = queries(card);
		const route = googleFlights.routeOf!(card);
		expect(route?.length).toBeGreaterThan(1);
		expect(count()).toBe(0);
		// The page renders another itinerary into the card: its own segment data is read.
		card.innerHTML = other.innerHTML;
		expect(googleFlights.routeOf!(card)).toEqual(googleFlights.routeOf!(other));
		expect(googleFlights.routeOf!(card)).not.toEqual(route);
		expect(count()).toBe(2);
	});

	it('reads the segment data a card holds now when the page puts new data before what findCards met', () => {
		const doc = sfoNrt.load();
		const cards = googleFlights.findCards(doc);
		const card = cards[0]!;
		const route = googleFlights.routeOf!(card);
		const other = cards.find((c) => googleFlights.routeOf!(c)?.join() !== route?.join())!;
		// The element findCards met stays in the card, no longer the first: the card's data is what comes first now.
		const met = card.querySelector('[data-travelimpactmodelwebsiteurl]')!;
		met.before(other.querySelector('[data-travelimpactmodelwebsiteurl]')!.cloneNode(true));
		expect(met.isConnected && card.contains(met)).toBe(true);
		expect(googleFlights.routeOf!(card)).toEqual(googleFlights.routeOf!(other));
		expect(googleFlights.routeOf!(card)).not.toEqual(route);
		const extraction = googleFlights.extract(card, sfoNrt.context);
		if (extraction.status !== 'ok') throw new Error(`card not read: ${extraction.status}`);
		expect(extraction.itinerary.segments.flatMap((s) => [s.from, s.to])).toEqual(googleFlights.routeOf!(other));
	});

	it('remembers no segment data for a card when only a part of it was searched', () => {
		const doc = sfoNrt.load();
		const card = googleFlights.findCards(doc)[0]!;
		const fresh = card.cloneNode(true) as Element;
		card.after(fresh);
		const hook = fresh.querySelector('[data-travelimpactmodelwebsiteurl]')!;
		expect(googleFlights.findCards(hook.parentElement!)).toEqual([fresh]);
		let n = 0;
		const query = fresh.querySelector.bind(fresh);
		fresh.querySelector = ((selector: string) => (n++, query(selector))) as Element['querySelector'];
		expect(googleFlights.routeOf!(fresh)).toEqual(googleFlights.routeOf!(card));
		expect(n).toBe(1);
	});

	it('puts the badge on a line of its own at the end of the card’s content block (not inside the one-line times box), else at the end of the card', () => {
		for (const card of googleFlights.findCards(sfoNrt.load())) {
			const [block, fallback] = googleFlights.badgePlacements(card);
			expect(block!.append).toBe('last');
			// The block holds the times line, whose box clips, deep inside: the badge goes after all of it.
			expect(block!.anchor.parentElement!.parentElement).toBe(card);
			expect(block!.anchor.querySelector('[aria-label^="Leaves "]')).not.toBeNull();
			expect(fallback).toEqual({anchor: card, append: 'last'});
		}
	});
});

describe('google-flights: pages without cards', () => {
	it('a page still loading (SFO → FRA): every itinerary in the embedded ds:1 data (no cards: its expected.json)', () => {
		const sfoFra = savedPage('google-flights/sfo-fra-loading-2025.html');
		const embedded = googleFlights.extractEmbedded!(sfoFra.load(), sfoFra.context);
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
		expect(googleFlights.extractEmbedded!(doc, pageContext(URL_, '2026-01-01'))).toEqual([]);
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
		const itineraries = readCards(googleFlights, doc, pageContext(URL_, '2025-03-24'));
		expect(itineraries).toHaveLength(26);
		expect(new Set(itineraries.map((s) => JSON.stringify(s))).size).toBe(13);
		expect(itineraries.filter((s) => s.length === 1)).toHaveLength(24); // 12 nonstop itineraries, twice
	});

	it('keeps the change of airport in Osaka: "a 6 hr 10 min layover in Osaka. Transfer here from Kansai International Airport to Osaka Itami Airport"', () => {
		const kix = readCards(googleFlights, doc, pageContext(URL_, '2025-03-24')).find((s) => s.length === 2)!;
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

	it('reads the route of the travel impact URL as parseImpactUrl reads its segments, and nothing it does not read', () => {
		const base = 'https://www.travelimpactmodel.org/lookup/flight?itinerary=';
		const values = [
			'BNE-SGN-VJ-84-20260402,SGN-HAN-VJ-126-20260403',
			'LHR-PEK-CA-938-20260501',
			'FRA-PVG-LH-728A-20260501,PVG-SYD-MU-5625-20260502,SYD-AKL-NZ-104-20260503',
			'FRA-PVG-LH-728-20260501%2CPVG-SYD-MU-561-20260502',
			'JFK-ICN-KE-82-20260501&other=1',
			'garbage',
			'',
			'LHR-PEK-CA-938-20260501,',
			',LHR-PEK-CA-938-20260501',
			'LHR-PEK-CA-93811-20260501',
			'lhr-PEK-CA-938-20260501',
			'LHR-PEK-CA-938-2026051',
			'LHR-PEK-CA-938-20260501,PEK-XYZ',
			'LHR-PEK-C-938-20260501',
		];
		for (const value of values) {
			const url = base + value;
			expect(impactRoute(url), value).toEqual(parseImpactUrl(url)?.flatMap((s) => [s.from, s.to]));
		}
		expect(impactRoute(base + values[2])).toEqual(['FRA', 'PVG', 'PVG', 'SYD', 'SYD', 'AKL']);
		expect(impactRoute('https://www.travelimpactmodel.org/lookup/flight')).toBeUndefined();
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

// Each test parses the saved page again in jsdom: 2–3 s on a quiet machine, so more than the default 5 s under load.
describe('google-flights: a page still rendering its cards', {timeout: 30_000}, () => {
	// test/fixtures/SOURCES.md: the KUL → NRT page with its results in the ds:1 data and no card yet, and the cards
	// of the saved SFO → NRT page, put into it as the page would render its own.
	const loading = readFileSync('test/fixtures/google-flights/kul-nrt-loading-composite.html', 'utf8');
	const withCards = readFileSync('test/fixtures/google-flights/sfo-nrt-2025.html', 'utf8');

	function open(adapter: SiteAdapter = googleFlights) {
		document.documentElement.innerHTML = new DOMParser().parseFromString(loading, 'text/html').documentElement.innerHTML;
		const timers: {ms: number; run: () => void}[] = [];
		const idle: (() => void)[] = [];
		const views: BadgeView[] = [];
		const scanner = startScanner({
			adapter,
			doc: document,
			rules,
			referenceDate: '2026-05-01',
			today: '2026-05-01',
			settings: {passports: [], locale: 'en'},
			mount: recordingMount(views),
			log: () => undefined,
			schedule: () => undefined,
			later: (run, ms) => void timers.push({ms, run}),
			idle: (callback) => void idle.push(() => callback()),
		});
		scanner.scan();
		return {scanner, timers, idle, views};
	}

	it('meanwhile, when the page is idle, judges the first itinerary of its data once, and shows nothing', () => {
		const {scanner, idle, views} = open();
		expect(scanner.stats().evaluations).toBe(0);
		idle.splice(0).forEach((callback) => callback());
		expect(scanner.stats().evaluations).toBe(1);
		expect(views).toEqual([]);
		scanner.stop();
	});

	it('judges meanwhile the first itinerary of its data that may stop in the mainland, and none where none may', () => {
		const leg = (from: string, to: string, day: string, dep: string, arr: string) => ({
			from,
			to,
			departs: {date: day, time: dep},
			arrives: {date: day, time: arr},
		});
		const outside: RawItinerary = {segments: [leg('SIN', 'NRT', '2026-05-02', '09:00', '17:00')]};
		const viaPek: RawItinerary = {
			segments: [leg('SIN', 'PEK', '2026-05-02', '01:00', '07:00'), leg('PEK', 'NRT', '2026-05-02', '12:00', '16:00')],
		};
		for (const [data, evaluations] of [
			[[outside, outside], 0],
			[[outside, viaPek], 1],
		] as const) {
			const {scanner, idle, views} = open({...googleFlights, extractEmbedded: () => [...data]});
			idle.splice(0).forEach((callback) => callback());
			expect(scanner.stats().evaluations).toBe(evaluations);
			expect(views).toEqual([]);
			scanner.stop();
		}
	});

	it('gives the data a badge for the page once the page went a moment without cards, not before', () => {
		const {scanner, timers, views} = open();
		expect(views).toEqual([]);
		expect(timers.map((t) => t.ms)).toEqual([DATA_WITHOUT_CARDS_MS]);
		timers[0]!.run();
		expect(views).toHaveLength(1);
		expect(views[0]).toMatchObject({page: true});
		expect(scanner.found().withStops).toBeGreaterThan(0);
		// From then on the page's data is judged as it changes, without waiting again.
		scanner.scan();
		expect(timers).toHaveLength(1);
		scanner.stop();
	});

	it('gives none when the cards come first', () => {
		const {scanner, timers, views} = open();
		const cards = googleFlights.findCards(new DOMParser().parseFromString(withCards, 'text/html'));
		expect(cards.length).toBeGreaterThan(0);
		const list = document.createElement('ul');
		list.append(...cards.map((card) => document.importNode(card, true)));
		document.body.append(list);
		scanner.scan();
		timers[0]!.run();
		expect(views).toEqual([]);
		expect(scanner.found().itineraries).toBe(cards.length);
		scanner.stop();
	});
});
