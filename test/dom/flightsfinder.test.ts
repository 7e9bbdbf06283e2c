// @vitest-environment jsdom
/**
 * The Flightsfinder (Kiwi results) adapter on a real result row (test/fixtures/SOURCES.md). Expected values were read
 * off the row's details dialog (quoted in the comments), not copied from the adapter's output.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import flightsfinder, {parseSiteDuration} from '../../lib/adapters/flightsfinder';
import ctrip from '../../lib/adapters/ctrip';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import {evaluateTrip} from '../../lib/rules/evaluate';
import type {SegmentInput} from '../../lib/itinerary';
import {bundledAirports} from '../../lib/airports/bundled';

const rules = loadRules();
const PAGE = {url: new URL(flightsfinder.examples[0]!), referenceDate: '2025-10-01', airports: bundledAirports()};

function load(): Document {
	return new DOMParser().parseFromString(readFileSync('test/fixtures/flightsfinder/ber-mad-kiwi-2025.html', 'utf8'), 'text/html');
}

function read(card: Element): SegmentInput[] {
	const e = flightsfinder.extract(card, PAGE);
	if (e.status !== 'ok') throw new Error(`card not read: ${JSON.stringify(e)}`);
	const n = normalizeItinerary(e.itinerary, PAGE.referenceDate, rules);
	if (!n.ok) throw new Error(n.problem);
	return n.segments;
}

describe('flightsfinder: Kiwi round trip BER → MAD (1 card)', () => {
	it('finds the one card', () => {
		expect(flightsfinder.findCards(load())).toHaveLength(1);
	});

	it('reads outbound and return from the details dialog', () => {
		// "Outbound Fri, 10 Oct 2025": "Aer Lingus EI 337" 21:40 BER Berlin → 23:00 DUB Dublin, "9h 55 Connection";
		// "Iberia Express I2 1882" 08:55 DUB Dublin → 12:30 MAD Madrid, "Arrives: Sat, 11 Oct 2025".
		// "Return Mon, 20 Oct 2025": "Iberia Express I2 1801" 07:30 MAD Madrid → 10:35 BER Berlin, "Arrives: Mon, 20 Oct 2025".
		expect(read(flightsfinder.findCards(load())[0]!)).toEqual([
			{from: 'BER', to: 'DUB', departure: '2025-10-10T21:40', arrival: '2025-10-10T23:00', flight: 'EI337', connectionMinutes: 595},
			{from: 'DUB', to: 'MAD', departure: '2025-10-11T08:55', arrival: '2025-10-11T12:30', flight: 'I21882'},
			{from: 'MAD', to: 'BER', departure: '2025-10-20T07:30', arrival: '2025-10-20T10:35', flight: 'I21801'},
		]);
	});

	it('keeps only the dated clocks when the worked-out days disagree with the printed arrival date', () => {
		const card = flightsfinder.findCards(load())[0]!;
		card.querySelector('._summary span')!.textContent = 'Sun, 12 Oct 2025';
		expect(read(card).slice(0, 2)).toEqual([
			{from: 'BER', to: 'DUB', departure: '2025-10-10T21:40', flight: 'EI337', connectionMinutes: 595},
			{from: 'DUB', to: 'MAD', arrival: '2025-10-12T12:30', flight: 'I21882'},
		]);
	});

	it('never touches mainland China, so the engine finds no stop', () => {
		const segments = read(flightsfinder.findCards(load())[0]!);
		expect(evaluateTrip({passports: ['US'], segments}, rules, {today: '2025-10-01'}).stops).toEqual([]);
	});

	it('puts the badge in the price column, outside the link that opens the dialog', () => {
		const card = flightsfinder.findCards(load())[0]!;
		const [first, fallback] = flightsfinder.badgePlacements(card);
		const placement = first!;
		expect(fallback).toEqual({anchor: card, append: 'last'});
		expect(placement).toMatchObject({append: 'first'});
		expect(placement.anchor.classList.contains('price-summary')).toBe(true);
		expect(card.contains(placement.anchor)).toBe(true);
		expect(placement.anchor.closest('a')).toBeNull();
	});

	it('fails rather than guesses when the dialog is gone', () => {
		const card = flightsfinder.findCards(load())[0]!;
		card.querySelector('.modal')!.remove();
		expect(flightsfinder.extract(card, PAGE)).toMatchObject({status: 'failed'});
	});

	it('finds nothing on the Ctrip fixtures, and Ctrip nothing here', () => {
		const ctripDoc = new DOMParser().parseFromString(readFileSync('test/fixtures/ctrip/pkx-pvg-list-2026.html', 'utf8'), 'text/html');
		expect(flightsfinder.findCards(ctripDoc)).toEqual([]);
		expect(ctrip.findCards(load())).toEqual([]);
	});
});

describe('flightsfinder: URLs and parsers', () => {
	it('accepts its examples and rejects its counter-examples', () => {
		for (const url of flightsfinder.examples) expect(flightsfinder.isItineraryPage(new URL(url)), url).toBe(true);
		for (const url of flightsfinder.counterExamples) expect(flightsfinder.isItineraryPage(new URL(url)), url).toBe(false);
	});

	it("reads the site's durations, minutes without a unit", () => {
		expect(parseSiteDuration('9h 55 ')).toBe(595);
		expect(parseSiteDuration('14h 50')).toBe(890);
		expect(parseSiteDuration('2h 20')).toBe(140);
	});
});
