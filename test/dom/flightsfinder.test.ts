// @vitest-environment jsdom
/**
 * The Flightsfinder adapter on real result rows from its Kiwi and Skyscanner portals (test/fixtures/SOURCES.md). What it
 * reads there (the cards, their itineraries, read off the rows' details dialogs by hand) is in each page's
 * expected.json, checked by adapters.test.ts; here: a row edited in memory, the engine, the badge place, URLs and
 * parsers.
 */
import {describe, expect, it} from 'vitest';
import flightsfinder, {parseSiteDuration} from '../../lib/adapters/flightsfinder';
import ctrip from '../../lib/adapters/ctrip';
import {adapterFor} from '../../lib/adapters';
import {loadRules} from '../../lib/rules/load-rules';
import {evaluateTrip} from '../../lib/rules/evaluate';
import {loadFixture, readCard, savedPage} from './adapter-harness';

const rules = loadRules();
const {context: PAGE, load} = savedPage('flightsfinder/ber-mad-kiwi-2025.html');
const read = (card: Element) => readCard(flightsfinder, card, PAGE);

describe('flightsfinder: Kiwi round trip BER → MAD (1 card)', () => {
	it('keeps only the dated clocks when the worked-out days disagree with the printed arrival date', () => {
		// The row as saved is read in ber-mad-kiwi-2025.expected.json; here its printed arrival date is changed.
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
		expect(flightsfinder.findCards(loadFixture('ctrip/pkx-pvg-list-2026.html'))).toEqual([]);
		expect(ctrip.findCards(load())).toEqual([]);
	});
});

describe('flightsfinder: Skyscanner portal, BER → MAD round trips (2 cards)', () => {
	const sky = savedPage('flightsfinder/ber-mad-sky-2025.html');

	it('is the same adapter for the Sky portal as for the Kiwi portal', () => {
		expect(adapterFor(new URL(sky.expected.url))?.id).toBe('flightsfinder');
	});

	it('puts each badge in its row’s price column, outside the link that opens the dialog', () => {
		for (const card of flightsfinder.findCards(sky.load())) {
			const [first] = flightsfinder.badgePlacements(card);
			expect(first!.anchor.classList.contains('price-summary')).toBe(true);
			expect(first!.anchor.closest('a')).toBeNull();
		}
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
