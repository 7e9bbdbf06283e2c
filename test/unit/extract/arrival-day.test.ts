/**
 * An arrival clock printed without its day (`dayUnstated`: "12:50 PM to 7:25 AM", "this flight involves a date change")
 * is placed only on the day where the stated flight time and the two airports' time zones (data/airports.json, from
 * the IANA database) land at that very clock; without a stated flight time, on the one day the flight takes more than
 * nothing and at most 20 hours (no scheduled flight takes longer); otherwise it is left out. The flights below are made up for the sums;
 * the real case is the united.com page in test/fixtures/text (SFO → LHR, read in generic-text.test.ts).
 */
import {describe, expect, it} from 'vitest';
import type {AirportTable} from '../../../lib/airports';
import type {RawSegment} from '../../../lib/itinerary';
import {placeArrivalByFlightTime} from '../../../lib/extract/arrival-day';
import {normalizeItinerary} from '../../../lib/extract/normalize';
import {ZONES} from '../../../lib/detect';
import {compactRules} from '../../../lib/rules/compact-bundled';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();
const arrivalOf = (segment: RawSegment, table: AirportTable = rules) => {
	const n = normalizeItinerary({segments: [segment]}, '2026-01-01', table, {placeArrival: placeArrivalByFlightTime});
	if (!n.ok) throw new Error(n.problem);
	return n.segments[0]!.arrival;
};

describe('an arrival of unstated day', () => {
	// 1:00 PM in New York (UTC−4 in March, after the change to summer time on the 8th) is 17:00 UTC; 14 h later it is
	// 07:00 UTC, 3:00 PM in Beijing (UTC+8) the next day.
	const jfkPek: RawSegment = {
		from: 'JFK',
		to: 'PEK',
		departs: {date: '2026-03-15', time: '1:00 PM'},
		arrives: {time: '3:00 PM', dayUnstated: true},
		durationMinutes: 14 * 60,
	};

	it('goes on the day the flight time lands at its clock: the next day, westwards into China', () => {
		expect(arrivalOf(jfkPek)).toBe('2026-03-16T15:00');
	});

	it('goes on the departure’s own day for a flight eastwards over the date line, its clock earlier than the departure’s', () => {
		// 9:00 PM in Tokyo (UTC+9) is 12:00 UTC; 7 h 10 min later, 19:10 UTC, is 9:10 AM in Honolulu (UTC−10), same date.
		const hndHnl: RawSegment = {
			from: 'HND',
			to: 'HNL',
			departs: {date: '2026-06-10', time: '21:00'},
			arrives: {time: '9:10 AM', dayUnstated: true},
			durationMinutes: 7 * 60 + 10,
		};
		expect(arrivalOf(hndHnl)).toBe('2026-06-10T09:10');
	});

	it('is left out when the flight time lands at another clock: no day rather than a guessed one', () => {
		expect(arrivalOf({...jfkPek, durationMinutes: 13 * 60})).toBeUndefined();
		expect(arrivalOf({...jfkPek, durationMinutes: 14 * 60 + 1})).toBeUndefined();
	});

	it('without a flight time, goes on the one day the flight takes more than nothing and at most 20 hours', () => {
		const {durationMinutes: _, ...noDuration} = jfkPek;
		// 17:00 UTC to 3:00 PM in Beijing: −10 h the same day, 14 h the next, 38 h the day after.
		expect(arrivalOf(noDuration)).toBe('2026-03-16T15:00');
		// 9:00 PM in Tokyo (12:00 UTC) to 9:10 AM in Honolulu: 7 h 10 min on the same date, over the date line.
		expect(
			arrivalOf({
				from: 'HND',
				to: 'HNL',
				departs: {date: '2026-06-10', time: '21:00'},
				arrives: {time: '9:10 AM', dayUnstated: true},
			}),
		).toBe('2026-06-10T09:10');
		// 11:00 PM in Beijing is 15:00 UTC: −2 h the same day, 22 h the next, longer than any flight: no day.
		expect(arrivalOf({...noDuration, arrives: {time: '11:00 PM', dayUnstated: true}})).toBeUndefined();
	});

	it('is left out without a departure clock to count from', () => {
		expect(arrivalOf({...jfkPek, departs: {date: '2026-03-15'}})).toBeUndefined();
	});

	it('is left out with the content script’s compact table, which has no time zones', () => {
		expect(compactRules().airports.JFK?.tz).toBeUndefined();
		expect(arrivalOf(jfkPek, compactRules())).toBeUndefined();
	});

	// The generic page's table (lib/scan/page-session.ts): the compact one, told the zones the background gave.
	it('is placed, and a coupon’s landing bounded, with the zones the compact table was told', () => {
		const told: Record<string, string> = {JFK: 'America/New_York', PEK: 'Asia/Shanghai'};
		const table = {...compactRules(), zoneOf: (code: string) => told[code]};
		expect(arrivalOf(jfkPek, table)).toBe('2026-03-16T15:00');
		const coupon = normalizeItinerary({segments: [{...jfkPek, arrives: undefined}]}, '2026-01-01', table, ZONES);
		expect(coupon.ok && coupon.segments[0]).toMatchObject({departure: '2026-03-15T13:00', arrivalNotBefore: '2026-03-16T01:00'});
	});

	it('refuses an unreadable clock, as any other arrival', () => {
		const n = normalizeItinerary({segments: [{...jfkPek, arrives: {time: '25:99', dayUnstated: true}}]}, '2026-01-01', rules, {
			placeArrival: placeArrivalByFlightTime,
		});
		expect(n).toEqual({ok: false, problem: 'segment 1 arrival: unreadable time "25:99"'});
	});

	it('is left out by a normaliser given nothing to place it with (the content script’s)', () => {
		const n = normalizeItinerary({segments: [jfkPek]}, '2026-01-01', rules);
		expect(n.ok && n.segments[0]!.arrival).toBeUndefined();
	});

	it('leaves an arrival without the mark on the departure’s day, and refuses it where it would land before take-off', () => {
		const {dayUnstated: _, ...plain} = jfkPek.arrives!;
		expect(arrivalOf({from: 'PEK', to: 'PVG', departs: {date: '2026-03-15', time: '08:00'}, arrives: {time: '10:15'}})).toBe(
			'2026-03-15T10:15',
		);
		// 1:00 PM in New York is 17:00 UTC, 3:00 PM in Beijing the same day 07:00 UTC: the text's reading is wrong, not the flight.
		expect(() => arrivalOf({...jfkPek, arrives: plain})).toThrow(
			'segment 1: lands (2026-03-15T15:00) before it takes off (2026-03-15T13:00)',
		);
	});
});
