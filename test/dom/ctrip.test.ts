// @vitest-environment jsdom
/**
 * The Ctrip adapter on a real list fragment and a Trip.com home page (test/fixtures/SOURCES.md). What it reads there
 * (cards, itineraries, read off the cards' visible text and ids by hand) is in each page's expected.json, checked by
 * adapters.test.ts; here: the engine on a read card, badge places, cards edited in memory, URLs and parsers.
 */
import {describe, expect, it} from 'vitest';
import ctrip, {parseSegmentId, parseTransferInfo} from '../../lib/adapters/ctrip';
import {soleAirportOfCity} from '../../lib/airports';
import {detectDocument} from '../../lib/detect';
import {loadRules} from '../../lib/rules/load-rules';
import {evaluateTrip} from '../../lib/rules/evaluate';
import {readCard, savedPage} from './adapter-harness';

const rules = loadRules();
const {context: PAGE, load} = savedPage('ctrip/pkx-pvg-list-2026.html');

const cardWith = (doc: Document, testId: string) => doc.querySelector(`div.flight-item[data-testid="${testId}"]`)!;

describe('ctrip: Beijing → Shanghai list, 15 Sep 2026 (13 cards)', () => {
	it('finds the rows in page order: card n of its expected.json is flight-item-(n+1)', () => {
		const ids = ctrip.findCards(load()).map((card) => card.getAttribute('data-testid'));
		expect(ids).toEqual(Array.from({length: 13}, (_, i) => `flight-item-${i + 1}`));
	});

	// A trip that starts in the mainland has no arrival from abroad: no stop to judge (the engine once took the
	// second leg for an entry "another way"; this case caught it).
	it('finds no stop in the domestic transfer: Beijing → Qingdao → Shanghai never leaves the mainland', () => {
		const segments = readCard(ctrip, cardWith(load(), 'flight-item-13'), PAGE);
		const result = evaluateTrip({passports: ['US'], segments}, rules, {today: '2026-09-01'});
		expect(result.stops).toEqual([]);
		expect(result.notices.map((n) => n.code)).toContain('trip-starts-in-mainland');
	});

	it('puts the badge right after the times and airports row, inside the card', () => {
		for (const card of ctrip.findCards(load())) {
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
		const doc = load();
		const slot = doc.createElement('div');
		slot.className = 'flight-item domestic';
		slot.setAttribute('data-testid', 'flight-item-14');
		doc.querySelector('.flight-list')!.append(slot);
		expect(doc.querySelectorAll('div.flight-item')).toHaveLength(14);
		expect(ctrip.findCards(doc)).toHaveLength(13);
	});

	it('calls a card without its arrival box incomplete', () => {
		const card = cardWith(load(), 'flight-item-1');
		card.querySelector('.arrive-box')!.remove();
		expect(ctrip.extract(card, PAGE)).toEqual({status: 'incomplete', missing: ['arrival time', 'arrival airport']});
	});

	it('will not guess the airport of a transfer city with two airports (上海)', () => {
		const card = cardWith(load(), 'flight-item-13');
		card.querySelector('.transfer-info')!.innerHTML = '<i>转</i>上海3h15m';
		expect(ctrip.extract(card, PAGE)).toMatchObject({status: 'unsupported'});
	});

	it('fails when the id no longer agrees with the printed departure', () => {
		const card = cardWith(load(), 'flight-item-1');
		card.querySelector('.depart-box .time')!.textContent = '19:40';
		expect(ctrip.extract(card, PAGE)).toMatchObject({status: 'failed'});
	});

	it('npm run detect lists the cards it could not read, with why, beside the itineraries of the others', () => {
		const doc = load();
		cardWith(doc, 'flight-item-13').querySelector('.transfer-info')!.innerHTML = '<i>转</i>上海3h15m';
		cardWith(doc, 'flight-item-1').querySelector('.depart-box .time')!.textContent = '19:40';
		const whole = detectDocument(load(), PAGE.url, PAGE.referenceDate, rules);
		const detection = detectDocument(doc, PAGE.url, PAGE.referenceDate, rules);
		expect(whole.unreadCards).toBeUndefined();
		expect(detection.adapter).toBe('ctrip');
		expect(detection.itineraries).toHaveLength(whole.itineraries.length - 2);
		expect(detection.unreadCards).toEqual([
			{status: 'failed', reason: expect.stringMatching(/^id departure \d\d:\d\d differs from the card's 19:40/)},
			{status: 'unsupported', reason: 'transfer in 上海: the card names the city, not which of its airports'},
		]);
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
