/**
 * Times that cannot all be true (lib/extract/normalize.ts): a flight that leaves before the one before it lands, or
 * one that lands before it takes off. The engine takes its input as checked: given such an itinerary, it judged the
 * stop in Beijing below as a stay of minus 29.5 hours, within 24 hours, "likely OK". Made-up itineraries.
 */
import {describe, expect, it} from 'vitest';
import {detectText, ZONES} from '../../../lib/detect';
import type {RawItinerary} from '../../../lib/itinerary';
import {normalizeAroundUnknownAirports, normalizeItinerary} from '../../../lib/extract/normalize';
import {compactRules} from '../../../lib/rules/compact-bundled';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();
const REF = '2026-12-01';

// CA938 lands in Beijing on 15 January; CA925 leaves Beijing on the 14th: two trips printed together, or a date misread.
const glued: RawItinerary = {
	segments: [
		{
			from: 'LHR',
			to: 'PEK',
			flight: 'CA938',
			departs: {date: '2027-01-14', time: '21:25'},
			arrives: {date: '2027-01-15', time: '14:40'},
		},
		{
			from: 'PEK',
			to: 'NRT',
			flight: 'CA925',
			departs: {date: '2027-01-14', time: '09:10'},
			arrives: {date: '2027-01-14', time: '13:35'},
		},
	],
};

describe('times that cannot all be true', () => {
	it('are what the engine would judge as a stay of less than nothing, within 24 hours', () => {
		const segments = [
			{from: 'LHR', to: 'PEK', departure: '2027-01-14T21:25', arrival: '2027-01-15T14:40'},
			{from: 'PEK', to: 'NRT', departure: '2027-01-14T09:10', arrival: '2027-01-14T13:35'},
		];
		const stop = evaluateTrip({passports: ['GB'], segments}, rules, {today: REF}).stops[0]!;
		expect(stop.verdicts[0]).toMatchObject({policy: 'transit24', status: 'eligible'});
		expect(stop.verdicts[0]!.reasons).toContainEqual(expect.objectContaining({code: 'within-24h', params: {minutes: -1770}}));
	});

	it('refuse a site’s card: a flight that leaves before the one before it lands, with or without time zones', () => {
		const problem = 'segment 2: departs (2027-01-14T09:10) before the flight before it lands (2027-01-15T14:40)';
		expect(normalizeItinerary(glued, REF, rules)).toEqual({ok: false, problem});
		// The content script's table has no time zones: Beijing's clock is one, at one airport or two in the mainland.
		expect(normalizeItinerary(glued, REF, compactRules())).toEqual({ok: false, problem});
		const daxing = {segments: [glued.segments[0]!, {...glued.segments[1]!, from: 'PKX'}]};
		expect(normalizeItinerary(daxing, REF, compactRules())).toMatchObject({ok: false});
		// Abroad without time zones, two airports' clocks cannot be compared: not refused for that.
		const abroad = {
			segments: [
				{...glued.segments[0]!, to: 'ICN'},
				{...glued.segments[1]!, from: 'GMP'},
			],
		};
		expect(normalizeItinerary(abroad, REF, compactRules())).toMatchObject({ok: true});
		expect(normalizeItinerary(abroad, REF, rules)).toMatchObject({ok: false});
	});

	it('refuse a card whose flight lands before it takes off, or at the very minute, once the time zones convert both', () => {
		const backwards = {
			segments: [
				{from: 'JFK', to: 'PEK', departs: {date: '2027-03-15', time: '13:00'}, arrives: {date: '2027-03-15', time: '15:00'}},
			],
		};
		expect(normalizeItinerary(backwards, REF, rules)).toEqual({
			ok: false,
			problem: 'segment 1: lands (2027-03-15T15:00) before it takes off (2027-03-15T13:00)',
		});
		// 13:00 in New York is 17:00 UTC, 01:00 the next day in Beijing: landing at that minute is no flight either.
		const instant = {segments: [{...backwards.segments[0]!, arrives: {date: '2027-03-16', time: '01:00'}}]};
		expect(normalizeItinerary(instant, REF, rules)).toMatchObject({ok: false});
		const real = {segments: [{...backwards.segments[0]!, arrives: {date: '2027-03-16', time: '15:00'}}]};
		expect(normalizeItinerary(real, REF, rules)).toMatchObject({ok: true});
		// Westwards over the date line, the same day's earlier clock is real: Tokyo 19:00 → Honolulu 07:00.
		const west = {
			segments: [
				{from: 'NRT', to: 'HNL', departs: {date: '2027-01-12', time: '19:00'}, arrives: {date: '2027-01-12', time: '07:00'}},
			],
		};
		expect(normalizeItinerary(west, REF, rules)).toMatchObject({ok: true});
	});

	it('cut a pasted text’s legs instead: each part judged apart, nothing judged across the cut', () => {
		expect(normalizeAroundUnknownAirports(glued, REF, rules, ZONES)).toEqual({
			itineraries: [
				[{from: 'LHR', to: 'PEK', departure: '2027-01-14T21:25', arrival: '2027-01-15T14:40', flight: 'CA938'}],
				[{from: 'PEK', to: 'NRT', departure: '2027-01-14T09:10', arrival: '2027-01-14T13:35', flight: 'CA925'}],
			],
			unknown: [],
			refused: 0,
			excluded: [],
		});
	});

	it('leave out a pasted flight that lands before it takes off, and say so; the flights around it are checked apart', () => {
		const text = [
			'Flight: CA938',
			'Date: Tue 12 Jan 2027',
			'Departure: 21:25 London Heathrow (LHR)',
			'Date: Tue 12 Jan 2027',
			'Arrival: 20:40 Beijing Capital (PEK)',
			'Flight: CA925',
			'Date: Thu 14 Jan 2027',
			'Departure: 09:10 Beijing Capital (PEK)',
			'Arrival: 13:35 Tokyo Narita (NRT)',
		].join('\n');
		// 21:25 in London is 21:25 UTC; 20:40 the same day in Beijing, as printed, is 12:40 UTC.
		const d = detectText(text, REF, rules);
		expect(d.itineraries.map((i) => i.segments)).toEqual([
			[{from: 'PEK', to: 'NRT', departure: '2027-01-14T09:10', arrival: '2027-01-14T13:35', flight: 'CA925'}],
		]);
		expect(d.excluded).toEqual([
			{
				line: 'CA938 LHR 2027-01-12T21:25 → PEK 2027-01-12T20:40',
				flight: 'CA938',
				from: 'LHR',
				to: 'PEK',
				status: 'unread',
				code: 'unread',
			},
		]);
	});
});
