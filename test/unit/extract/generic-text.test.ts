/**
 * The generic text detector on copied page text (test/fixtures/text, sources on each file's first line). Expected
 * values were read off the captured text, quoted in the comments; they are not the detector's output pasted back.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {RawItinerary} from '../../../lib/itinerary';
import {detectInText} from '../../../lib/extract/generic-text';
import {placeArrivalByFlightTime} from '../../../lib/extract/arrival-day';
import {normalizeItinerary} from '../../../lib/extract/normalize';
import {loadRules} from '../../../lib/rules/load-rules';

/** Far from both sides: a backtracking read takes minutes on these texts, a linear one milliseconds (a bound near the
 * usual time would fail on a loaded machine: it is no measure of speed, which `npm run bench:detect` gives). */
const LINEAR_BUDGET_MS = 10_000;

const rules = loadRules();

function raw(name: string): string {
	return readFileSync(new URL(`../../fixtures/text/${name}`, import.meta.url), 'utf8');
}

/** A fixture without its `# source:` line, so every assertion is about the captured text alone. */
function fixture(name: string): string {
	const text = raw(name);
	if (!text.startsWith('# source:')) throw new Error(`${name}: the first line must be its # source: line`);
	return text.slice(text.indexOf('\n') + 1);
}

/** As the popup and `npm run detect` normalise what the text reader found (lib/detect): with the full airport table. */
function normalized(itineraries: RawItinerary[], referenceDate: string) {
	return itineraries.map((i) => normalizeItinerary(i, referenceDate, rules, {placeArrival: placeArrivalByFlightTime}));
}

const GF = 'felciano__united-itinerary-parser__test-case-gf-rt-input.txt';
const UNITED = 'felciano__united-itinerary-parser__test-case-6-input.txt';
const FCM = 'KDE__kitinerary__fcmtravel_2.txt';

describe('Google Flights "selected trip" panel, copied (LHR → HND; HND → FCO → LIN → LCY)', () => {
	const found = detectInText(fixture(GF), rules);

	it('reads the round trip as one itinerary, leg by leg, as the panel prints it', () => {
		expect(found).toEqual([
			{
				segments: [
					// "Wed, Aug 26" / "7:00 PMHeathrow Airport (LHR)" / "5:15 PM+1Haneda Airport (HND)" / "ANAEconomyBoeing 777NH 212"
					{
						from: 'LHR',
						to: 'HND',
						departs: {date: 'Wed, Aug 26', time: '7:00 PM'},
						arrives: {date: 'Wed, Aug 26', time: '5:15 PM', dayOffset: 1},
						flight: 'NH212',
					},
					// "Sun, Aug 30" / "12:40 PMHaneda Airport (HND)" / "8:25 PMLeonardo da Vinci International Airport (FCO)" /
					// "ITAEconomyAirbus A350AZ 793" / "10 hr 35 min layoverRome (FCO)Long layover"
					{
						from: 'HND',
						to: 'FCO',
						departs: {date: 'Sun, Aug 30', time: '12:40 PM'},
						arrives: {date: 'Sun, Aug 30', time: '8:25 PM', dayAssumed: true},
						flight: 'AZ793',
						connectionMinutes: 10 * 60 + 35,
					},
					// "7:00 AM+1…(FCO)" / "8:10 AM+1Milan Linate Airport (LIN)" / "…A220-300 PassengerAZ 2010" /
					// "6 hr 55 min layoverMilan (LIN)"
					{
						from: 'FCO',
						to: 'LIN',
						departs: {date: 'Sun, Aug 30', time: '7:00 AM', dayOffset: 1},
						arrives: {date: 'Sun, Aug 30', time: '8:10 AM', dayOffset: 1},
						flight: 'AZ2010',
						connectionMinutes: 6 * 60 + 55,
					},
					// "3:05 PM+1Milan Linate Airport (LIN)" / "3:55 PM+1London City Airport (LCY)" / "…A220-100 PassengerAZ 238"
					{
						from: 'LIN',
						to: 'LCY',
						departs: {date: 'Sun, Aug 30', time: '3:05 PM', dayOffset: 1},
						arrives: {date: 'Sun, Aug 30', time: '3:55 PM', dayOffset: 1},
						flight: 'AZ238',
					},
				],
			},
		] satisfies RawItinerary[]);
	});

	// 26 August is a Wednesday in 2026, so the capture is for 2026.
	it('normalises to local times, "+1" counted from the trip\'s date', () => {
		expect(normalized(found, '2026-08-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'LHR', to: 'HND', departure: '2026-08-26T19:00', arrival: '2026-08-27T17:15', flight: 'NH212'},
					{
						from: 'HND',
						to: 'FCO',
						departure: '2026-08-30T12:40',
						arrival: '2026-08-30T20:25',
						flight: 'AZ793',
						connectionMinutes: 635,
					},
					{
						from: 'FCO',
						to: 'LIN',
						departure: '2026-08-31T07:00',
						arrival: '2026-08-31T08:10',
						flight: 'AZ2010',
						connectionMinutes: 415,
					},
					{from: 'LIN', to: 'LCY', departure: '2026-08-31T15:05', arrival: '2026-08-31T15:55', flight: 'AZ238'},
				],
			},
		]);
	});

	it("ignores the fixture's # source: line", () => {
		expect(detectInText(raw(GF), rules)).toEqual(found);
	});
});

describe('united.com multi-city review page, copied (LHR → EWR → PUJ, PUJ → EWR → SFO, SFO → LHR)', () => {
	const found = detectInText(fixture(UNITED), rules);

	it('reads the five flights, not the three "Flight n of 3" summaries of the connecting ones', () => {
		expect(found).toEqual([
			{
				segments: [
					// "London LHR to Newark EWR" / "Apr 25Saturday, April 256:00 PM to 9:20 PM" / "Flight Number: UA 921"
					{
						from: 'LHR',
						to: 'EWR',
						departs: {date: 'Apr 25', time: '6:00 PM'},
						arrives: {time: '9:20 PM', dayAssumed: true},
						flight: 'UA921',
					},
					// "Newark EWR to Punta Cana PUJ" / "Apr 26Sunday, April 268:11 AM to 12:15 PM" / "Flight Number: UA 1514"
					{
						from: 'EWR',
						to: 'PUJ',
						departs: {date: 'Apr 26', time: '8:11 AM'},
						arrives: {time: '12:15 PM', dayAssumed: true},
						flight: 'UA1514',
					},
					// "Punta Cana PUJ to Newark EWR" / "Apr 30Thursday, April 304:19 PM to 8:31 PM" / "Flight Number: UA 1526"
					{
						from: 'PUJ',
						to: 'EWR',
						departs: {date: 'Apr 30', time: '4:19 PM'},
						arrives: {time: '8:31 PM', dayAssumed: true},
						flight: 'UA1526',
					},
					// "Newark EWR to San Francisco SFO" / "May 1Friday, May 16:00 AM to 9:30 AM" / "Flight Number: UA 2115"
					{
						from: 'EWR',
						to: 'SFO',
						departs: {date: 'May 1', time: '6:00 AM'},
						arrives: {time: '9:30 AM', dayAssumed: true},
						flight: 'UA2115',
					},
					// "San Francisco SFO to London LHR" / "May 3Sunday, May 312:50 PM to 7:25 AMNonstop" / "…involves a date
					// change" / "Duration: 10h 35m10 hours35 minutes" / "Flight Number: UA 901": the arrival is on a day the
					// page does not name, so its clock goes with the stated flight time, for the normaliser to place.
					{
						from: 'SFO',
						to: 'LHR',
						departs: {date: 'May 3', time: '12:50 PM'},
						arrives: {time: '7:25 AM', dayUnstated: true},
						durationMinutes: 635,
						flight: 'UA901',
					},
				],
			},
		] satisfies RawItinerary[]);
	});

	// 25 April is a Saturday in 2026. 12:50 PM in San Francisco (UTC−7 in May) plus 10 h 35 min is 7:25 AM the next
	// day in London (UTC+1): the date change the page notes, and the day its hand-read record gives.
	it('normalises with the arrival clocks on the departure day, and the date-change arrival on the day its flight time lands', () => {
		expect(normalized(found, '2026-04-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'LHR', to: 'EWR', departure: '2026-04-25T18:00', arrival: '2026-04-25T21:20', flight: 'UA921'},
					{from: 'EWR', to: 'PUJ', departure: '2026-04-26T08:11', arrival: '2026-04-26T12:15', flight: 'UA1514'},
					{from: 'PUJ', to: 'EWR', departure: '2026-04-30T16:19', arrival: '2026-04-30T20:31', flight: 'UA1526'},
					{from: 'EWR', to: 'SFO', departure: '2026-05-01T06:00', arrival: '2026-05-01T09:30', flight: 'UA2115'},
					{from: 'SFO', to: 'LHR', departure: '2026-05-03T12:50', arrival: '2026-05-04T07:25', flight: 'UA901'},
				],
			},
		]);
	});

	it("ignores the fixture's # source: line", () => {
		expect(detectInText(raw(UNITED), rules)).toEqual(found);
	});
});

describe('FCM/Travellink confirmation e-mail text (TXL → DUS → SFO; PDX → ORD → TXL)', () => {
	const found = detectInText(fixture(FCM), rules);

	it('reads the labelled Flight / Date / Departure / Arrival blocks, Berlin-Tegel included', () => {
		// "Flight: AB6439, Air Berlin" / "Date: Mon 17 Oct 2016" / "Departure: 10:50 Tegel(TXL), Berlin, Germany" / …
		// TXL closed in 2020 and stays in the airport table, marked closed; an airport the table lacks would still be
		// reported as printed on a labelled Departure/Arrival line, so the leg is not silently lost and the normaliser decides.
		expect(found).toEqual([
			{
				segments: [
					{
						from: 'TXL',
						to: 'DUS',
						departs: {date: 'Mon 17 Oct 2016', time: '10:50'},
						arrives: {date: 'Mon 17 Oct 2016', time: '12:00'},
						flight: 'AB6439',
					},
					{
						from: 'DUS',
						to: 'SFO',
						departs: {date: 'Mon 17 Oct 2016', time: '13:20'},
						arrives: {date: 'Mon 17 Oct 2016', time: '15:55'},
						flight: 'AB7392',
					},
					{
						from: 'PDX',
						to: 'ORD',
						departs: {date: 'Sat 22 Oct 2016', time: '08:00'},
						arrives: {date: 'Sat 22 Oct 2016', time: '14:00'},
						flight: 'AA086',
					},
					{
						from: 'ORD',
						to: 'TXL',
						departs: {date: 'Sat 22 Oct 2016', time: '15:25'},
						arrives: {date: 'Sun 23 Oct 2016', time: '07:00'},
						flight: 'AB7421',
					},
				],
			},
		] satisfies RawItinerary[]);
	});

	it('normalises with Tegel, a closed airport the table keeps', () => {
		expect(normalized(found, '2016-10-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'TXL', to: 'DUS', departure: '2016-10-17T10:50', arrival: '2016-10-17T12:00', flight: 'AB6439'},
					{from: 'DUS', to: 'SFO', departure: '2016-10-17T13:20', arrival: '2016-10-17T15:55', flight: 'AB7392'},
					{from: 'PDX', to: 'ORD', departure: '2016-10-22T08:00', arrival: '2016-10-22T14:00', flight: 'AA86'},
					{from: 'ORD', to: 'TXL', departure: '2016-10-22T15:25', arrival: '2016-10-23T07:00', flight: 'AB7421'},
				],
			},
		]);
	});

	it('would normalise without Tegel: the Düsseldorf and Portland legs are well formed', () => {
		expect(normalized([{segments: [found[0]!.segments[1]!, found[0]!.segments[2]!]}], '2016-10-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'DUS', to: 'SFO', departure: '2016-10-17T13:20', arrival: '2016-10-17T15:55', flight: 'AB7392'},
					{from: 'PDX', to: 'ORD', departure: '2016-10-22T08:00', arrival: '2016-10-22T14:00', flight: 'AA86'},
				],
			},
		]);
	});

	it('is not fooled by "(CC0-1.0)" on the # source: line', () => {
		expect(detectInText(raw(FCM), rules)).toEqual(found);
	});
});

describe('other layouts', () => {
	it('Chinese airport names beside clocks, with a Chinese date', () => {
		const text = '2026年4月2日\n08:35 北京首都国际机场T3\n11:40 上海浦东国际机场T2\n东方航空 MU5101';
		expect(detectInText(text, rules)).toEqual([
			{
				segments: [
					{
						from: 'PEK',
						to: 'PVG',
						departs: {date: '2026年4月2日', time: '08:35'},
						arrives: {date: '2026年4月2日', time: '11:40', dayAssumed: true},
						flight: 'MU5101',
					},
				],
			},
		]);
	});

	it('a route line with each clock beside its code and a next-day mark', () => {
		const text = 'Fri 3 Apr\nCA 982 JFK 13:00 → PEK 16:00 +1';
		expect(detectInText(text, rules)).toEqual([
			{
				segments: [
					{
						from: 'JFK',
						to: 'PEK',
						departs: {date: 'Fri 3 Apr', time: '13:00'},
						arrives: {time: '16:00', dayOffset: 1},
						flight: 'CA982',
					},
				],
			},
		]);
	});

	it('terminals after the airports’ names: a route line with its times on the next line, and labelled lines', () => {
		// Made up, in the layout of a booking confirmation: each leg's route with the terminals, then "Depart … Arrive …".
		// Before, the terminals broke the route (nothing was read) and the times line was not taken for the leg's.
		const routes = [
			'Mon, 12 Oct 2026',
			'MU587  Shanghai Pudong International Airport T1 → Singapore Changi Airport T3',
			'Depart 09:45  Arrive 15:20',
			'Tue, 13 Oct 2026',
			'SQ12  Singapore Changi Airport T3 → Tokyo Narita International Airport T1',
			'Depart 08:00  Arrive 16:00',
		].join('\n');
		expect(normalized(detectInText(routes, rules), '2026-03-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'PVG', to: 'SIN', departure: '2026-10-12T09:45', arrival: '2026-10-12T15:20', flight: 'MU587'},
					{from: 'SIN', to: 'NRT', departure: '2026-10-13T08:00', arrival: '2026-10-13T16:00', flight: 'SQ12'},
				],
			},
		]);
		// Labelled lines with a terminal after a name the table knows (before, neither line was read).
		const labelled =
			'Sat 3 Oct 2026\nDeparture: 10:30 London Heathrow Terminal 5\nArrival: 06:05 +1 Beijing Capital (T3)\nFlight: CA938';
		expect(normalized(detectInText(labelled, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'LHR', to: 'PEK', departure: '2026-10-03T10:30', arrival: '2026-10-04T06:05', flight: 'CA938'}]},
		]);
	});

	it('a times line that names no departure and arrival is not taken for a route’s times', () => {
		const text = 'MU587  Shanghai Pudong International Airport T1 → Singapore Changi Airport T3\nBoarding 09:15  Gate closes 09:30';
		expect(detectInText(text, rules)).toEqual([{segments: [{from: 'PVG', to: 'SIN', flight: 'MU587'}]}]);
	});

	it('a route line with its departure and arrival on labelled lines of their own, each with its date', () => {
		// Made up, in the layout of an airline's confirmation e-mail (`Departure: Monday, June 1, 2026 at 12:55`).
		// Before, the labelled lines named no airport and were not taken for the route's times.
		const text = [
			'Flight 1: AC 25 Vancouver (YVR) - Shanghai (PVG)',
			'Departure: Monday, June 1, 2026 at 12:55',
			'Arrival: Tuesday, June 2, 2026 at 16:25',
			'Flight 2: MU 5101 Shanghai (SHA) - Beijing (PEK)',
			'Departure: Thursday, June 4, 2026 at 08:00',
			'Arrival: Thursday, June 4, 2026 at 10:15',
		].join('\n');
		expect(normalized(detectInText(text, rules), '2026-03-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'YVR', to: 'PVG', departure: '2026-06-01T12:55', arrival: '2026-06-02T16:25', flight: 'AC25'},
					{from: 'SHA', to: 'PEK', departure: '2026-06-04T08:00', arrival: '2026-06-04T10:15', flight: 'MU5101'},
				],
			},
		]);
		// Without a date of its own, an arrival is on the departure's day or says its day mark; one earlier in the
		// day than the departure, with no mark, is left out rather than guessed.
		const marked = 'Sat 3 Oct 2026\nCA 938 London (LHR) to Beijing (PEK)\nDeparture: 22:10\nArrival: 06:05 +1';
		expect(normalized(detectInText(marked, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'LHR', to: 'PEK', departure: '2026-10-03T22:10', arrival: '2026-10-04T06:05', flight: 'CA938'}]},
		]);
		expect(detectInText(marked.replace(' +1', ''), rules)).toEqual([
			{
				segments: [
					{
						from: 'LHR',
						to: 'PEK',
						departs: {date: 'Sat 3 Oct 2026', time: '22:10'},
						arrives: {time: '06:05', dayUnstated: true},
						flight: 'CA938',
					},
				],
			},
		]);
	});

	it('a times line whose clocks each have their own date, before or after the clock', () => {
		// Made up: `Departs 15 Mar 2026 13:50, arrives 16 Mar 2026 18:05` under each route line. Before, the route and
		// flight were read without times.
		const before = [
			'Flight CX 831 New York JFK to Hong Kong HKG',
			'Departs 15 Mar 2026 13:50, arrives 16 Mar 2026 18:05',
			'Flight CX 388 Hong Kong HKG to Beijing PEK',
			'Departs 17 Mar 2026 08:15, arrives 17 Mar 2026 11:30',
		].join('\n');
		const expected = [
			{
				ok: true,
				segments: [
					{from: 'JFK', to: 'HKG', departure: '2026-03-15T13:50', arrival: '2026-03-16T18:05', flight: 'CX831'},
					{from: 'HKG', to: 'PEK', departure: '2026-03-17T08:15', arrival: '2026-03-17T11:30', flight: 'CX388'},
				],
			},
		];
		expect(normalized(detectInText(before, rules), '2026-03-01')).toEqual(expected);
		const after = [
			'Flight CX 831 New York JFK to Hong Kong HKG',
			'Departs 13:50 on 15 Mar 2026, arrives 18:05 on 16 Mar 2026',
			'Flight CX 388 Hong Kong HKG to Beijing PEK',
			'Departs 08:15 on 17 Mar 2026, arrives 11:30 on 17 Mar 2026',
		].join('\n');
		expect(normalized(detectInText(after, rules), '2026-03-01')).toEqual(expected);
	});

	it('a route line with each clock after its airport’s terminal', () => {
		// Made up: before, the terminal between a name and its clock kept the clocks from the route.
		const text = '2026-05-01 周五\n上海浦东国际机场T2 09:00 — 北京首都国际机场T3 11:20\n东方航空 MU5101';
		expect(normalized(detectInText(text, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'PVG', to: 'PEK', departure: '2026-05-01T09:00', arrival: '2026-05-01T11:20', flight: 'MU5101'}]},
		]);
		const codes = 'Fri 1 May 2026\nPVG T2 09:00 → PEK (T3) 11:20 MU5101';
		expect(normalized(detectInText(codes, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'PVG', to: 'PEK', departure: '2026-05-01T09:00', arrival: '2026-05-01T11:20', flight: 'MU5101'}]},
		]);
	});

	it('a route line naming both airports without codes or the word "Airport", after its flight', () => {
		// Made up, in the layout of an airline's e-mail: before, nothing of it was read.
		const text = 'BA 039  London Heathrow (T5) to Beijing Capital (T3)\nDepart: 15:55 Sat 14 Mar 2026\nArrive: 09:15 Sun 15 Mar 2026';
		expect(normalized(detectInText(text, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'LHR', to: 'PEK', departure: '2026-03-14T15:55', arrival: '2026-03-15T09:15', flight: 'BA39'}]},
		]);
		expect(detectInText('MU523 Shanghai Pudong T2 - Tokyo Narita T1', rules)).toEqual([
			{segments: [{from: 'PVG', to: 'NRT', flight: 'MU523'}]},
		]);
		// Each side a whole name the table knows, and no more: a city of airports in several countries, or prose, is none.
		for (const line of [
			'BA039 London to Beijing Capital',
			'Your flight BA039 from London Heathrow to Beijing Capital',
			'BA039 London Heathrow to Beijing Capital, operated by Air China',
		])
			expect(detectInText(line, rules), line).toEqual([]);
	});

	it('a line of a flight and its airline names the flight, before its legs or after them', () => {
		// Made up. Before, a flight number with no label went to a leg only after it, and only in a panel's layout.
		const before = 'Air China CA982\n2026-06-01\n13:00 New York (JFK)\n16:50+1 Beijing (PEK)';
		expect(detectInText(before, rules).map((i) => i.segments.map((s) => s.flight))).toEqual([['CA982']]);
		const after = [
			'2026-06-01',
			'09:00 浦东国际机场T1',
			'11:20 北京首都国际机场T3',
			'MU5101 东方航空',
			'2026-06-02',
			'08:00 北京首都国际机场T3',
			'10:30 上海浦东国际机场T2',
			'CA1501 中国国际航空',
		].join('\n');
		expect(detectInText(after, rules).map((i) => i.segments.map((s) => `${s.from}-${s.to} ${s.flight}`))).toEqual([
			['PVG-PEK MU5101', 'PEK-PVG CA1501'],
		]);
	});

	it('a times line of two dated clocks and nothing else', () => {
		// Made up, in the layouts of airlines' confirmations: the route, then each clock after its date.
		const united = 'UA 89  Newark, NJ, US (EWR) → Beijing, CN (PEK)\nSat, Mar 14, 2026 12:15 PM   Sun, Mar 15, 2026 3:00 PM';
		expect(normalized(detectInText(united, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'EWR', to: 'PEK', departure: '2026-03-14T12:15', arrival: '2026-03-15T15:00', flight: 'UA89'}]},
		]);
		const iso = 'MU523 Shanghai Pudong (PVG) - Tokyo Narita (NRT)\n2026-05-01 09:00 - 2026-05-01 12:40';
		expect(normalized(detectInText(iso, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'PVG', to: 'NRT', departure: '2026-05-01T09:00', arrival: '2026-05-01T12:40', flight: 'MU523'}]},
		]);
		// Something else on the line: not a times line.
		const other = 'UA 89  Newark, NJ, US (EWR) → Beijing, CN (PEK)\nSat, Mar 14, 2026 12:15 PM   Sun, Mar 15, 2026 3:00 PM  Seat 32A';
		expect(detectInText(other, rules)).toEqual([{segments: [{from: 'EWR', to: 'PEK', flight: 'UA89'}]}]);
	});

	it('labelled lines naming the airport before the date and the clock', () => {
		// Made up, in the layouts of airlines' confirmations (`Departure: Frankfurt, 15.03.2026, 13:50`). Before, only
		// an airport's whole name with the word "Airport", or a name after the clock, was read on such a line: the
		// flights below were not read at all.
		const text = [
			'Flight: LH720',
			'Departure: Frankfurt, 15.03.2026, 13:50',
			'Arrival: Beijing Capital, 16.03.2026, 05:40',
			'Flight SQ 830, Singapore Airlines',
			'Depart: Singapore Changi - 20 Mar 2026 09:15',
			'Arrive: Shanghai Pudong T2 - 20 Mar 2026 14:35',
		].join('\n');
		expect(normalized(detectInText(text, rules), '2026-03-01')).toEqual([
			{
				ok: true,
				segments: [
					{from: 'FRA', to: 'PEK', departure: '2026-03-15T13:50', arrival: '2026-03-16T05:40', flight: 'LH720'},
					{from: 'SIN', to: 'PVG', departure: '2026-03-20T09:15', arrival: '2026-03-20T14:35', flight: 'SQ830'},
				],
			},
		]);
		// A city's name is not an airport (Singapore is SIN's city, but a name of a city names no airport here), and
		// neither is a weekday: nothing is read from those lines, as before.
		expect(detectInText(text.replace('Singapore Changi', 'Singapore').split('\n').slice(3).join('\n'), rules)).toEqual([]);
		expect(detectInText('Flight: CA938\nDeparture: Monday, 15 Mar 2026, 22:10\nArrival: Tuesday, 16 Mar 2026, 06:05', rules)).toEqual(
			[],
		);
	});

	it('a next-day mark in brackets with its unit, or at the end of a point line, moves the arrival to the next day', () => {
		// Before, `(+1 day)` was not read as a mark and the arrival fell on the departure's day, before the flight took
		// off (the check refused the itinerary).
		const bracketed = 'Sun, Mar 15\nNew York (JFK) to Beijing (PEK)\n1:00pm - 4:50pm (+1 day)';
		expect(normalized(detectInText(bracketed, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:50'}]},
		]);
		// Before, the mark after the airport's name was not the clock's: the arrival came before the departure.
		const atEnd = 'Outbound  Sat 14 Mar 2026\n15:55  LHR  London Heathrow\n09:15  PEK  Beijing Capital  +1\nBA039';
		expect(normalized(detectInText(atEnd, rules), '2026-03-01')).toEqual([
			{ok: true, segments: [{from: 'LHR', to: 'PEK', departure: '2026-03-14T15:55', arrival: '2026-03-15T09:15', flight: 'BA39'}]},
		]);
	});

	it('prose with a departure and an arrival clock is still not taken for a route’s times', () => {
		const text = 'Sat 3 Oct 2026\nCA 938 London (LHR) to Beijing (PEK)\nThe flight departs at 10:30 and arrives at 14:00';
		expect(detectInText(text, rules)).toEqual([{segments: [{from: 'LHR', to: 'PEK', flight: 'CA938'}]}]);
		const twoDates = 'CA 938 London (LHR) to Beijing (PEK)\nDeparts 3 Oct 2026 4 Oct 2026 22:10, arrives 06:05';
		expect(detectInText(twoDates, rules)).toEqual([{segments: [{from: 'LHR', to: 'PEK', flight: 'CA938'}]}]);
	});

	it('a list of alternatives from the same origin is one itinerary per option', () => {
		const text = '2026-03-15\nSFO 10:50 → NRT 14:25 +1 UA837\nSFO 11:45 → NRT 15:20 +1 NH7';
		expect(detectInText(text, rules).map((i) => i.segments.map((s) => `${s.from}-${s.to} ${s.flight}`))).toEqual([
			['SFO-NRT UA837'],
			['SFO-NRT NH7'],
		]);
	});
});

describe('text that is not an itinerary', () => {
	it.each([
		['three-letter words that are airport codes (THE, CAT, FOR) next to a clock', 'THE CAT ate AT 10:30 AND left FOR home'],
		[
			'a news paragraph that mentions PEK once',
			'BEIJING (Reuters) - Air China said on Tuesday that flights out of PEK would resume next week after the storm, a spokesperson told reporters.',
		],
		['a route in prose, with clocks it does not pair', 'Flights from JFK to PEK depart at 10:30 and arrive at 14:00.'],
		['weekday names beside clocks', 'SAT 10:30 SUN 11:40\nMON 09:00 - TUE 10:00'],
		['prices and time zones', 'From USD 450 (CNY) 10:30 GMT to 14:00 UTC'],
		['a route heading with neither clock nor flight number', 'London (LHR) → Tokyo (HND)\nPrices from £1,497'],
		['an arrival with no departure before it', 'Arrival: 12:00 International Airport(DUS), Duesseldorf'],
		['an empty text', ''],
	])('%s yields nothing', (_name, text) => {
		expect(detectInText(text, rules)).toEqual([]);
	});
});

/** Normalised segments of a text, for the e-ticket layouts below. */
function read(text: string, referenceDate: string) {
	return normalized(detectInText(text, rules), referenceDate).map((n) => (n.ok ? n.segments : n.problem));
}

// SYNTHETIC: no real Chinese e-ticket text (电子客票行程单) could be found in public repositories; these lines are
// written for this test in the layouts such tickets print (column headers as on the ticket), with made-up trips.
describe('e-ticket tables and receipts (synthetic lines in real layouts)', () => {
	it('a 行程单 table: flight, airports by Chinese name, date, departure and arrival columns', () => {
		const text = [
			'航空运输电子客票行程单',
			'航班号 出发 到达 日期 起飞 到达',
			'CA1501 北京首都 上海虹桥 2026年6月3日 08:30 10:45',
			'MU5301 浦东机场 广州白云 06月04日 21:40 00:05+1',
		].join('\n');
		expect(read(text, '2026-05-01')).toEqual([
			[
				{from: 'PEK', to: 'SHA', departure: '2026-06-03T08:30', arrival: '2026-06-03T10:45', flight: 'CA1501'},
				{from: 'PVG', to: 'CAN', departure: '2026-06-04T21:40', arrival: '2026-06-05T00:05', flight: 'MU5301'},
			],
		]);
	});

	it('the FROM / TO rows of a 行程单 (承运人 航班号 座位等级 日期 时间): a departure time only', () => {
		const text = [
			'电子客票行程单',
			'承运人 航班号 座位等级 日期 时间',
			'自:北京首都 国航 CA1501 Y 2026年6月3日 08:30',
			'至:上海虹桥',
		].join('\n');
		expect(read(text, '2026-05-01')).toEqual([[{from: 'PEK', to: 'SHA', departure: '2026-06-03T08:30', flight: 'CA1501'}]]);
	});

	it('a receipt row with codes, a GDS-style date and +1 / +2 marks on the arrival', () => {
		const text = ['Flight From To Date Dep Arr', 'CA981 PEK JFK 03AUG 13:00 14:20', 'CX880 HKG LAX 20-Aug 23:55 20:30+2'].join('\n');
		// One text, one booking: the two rows stay one itinerary, as the detector groups every text.
		expect(read(text, '2026-07-01')).toEqual([
			[
				{from: 'PEK', to: 'JFK', departure: '2026-08-03T13:00', arrival: '2026-08-03T14:20', flight: 'CA981'},
				{from: 'HKG', to: 'LAX', departure: '2026-08-20T23:55', arrival: '2026-08-22T20:30', flight: 'CX880'},
			],
		]);
	});

	// 8:35 PM in Shanghai is 12:35 UTC; 4:50 PM in Los Angeles (UTC−7) is 23:50 UTC the same date: 11 h 15 min, where
	// the next day would be 35 h 15 min. Without time zones (the content script's table) it is left out.
	it('an arrival clock before the departure without a day mark goes on the one day the flight takes under 20 hours', () => {
		expect(read('MU587 PVG LAX 03JUN 20:35 16:50', '2026-05-01')).toEqual([
			[{from: 'PVG', to: 'LAX', departure: '2026-06-03T20:35', arrival: '2026-06-03T16:50', flight: 'MU587'}],
		]);
	});

	it('Chinese words that are not airport names do not make a row', () => {
		expect(detectInText('CA1501 经济舱 行李额 2026年6月3日 08:30 10:45', rules)).toEqual([]);
		expect(detectInText('首都 上海 2026年6月3日 08:30 10:45', rules)).toEqual([]); // no flight number: not a row
	});
});

// SYNTHETIC: a confirmation e-mail's flight list as airlines print it (a numbered flight line with the airline, the
// flight and the date, then the departure and the arrival each with its clock and airport), with made-up trips.
describe('a confirmation’s numbered flights, each with its departure and arrival lines (synthetic)', () => {
	const confirmation = (depart: string, arrive: string) =>
		[
			'Your booking is confirmed',
			'Flight 1: Air China CA938, Tue 12 Jan 2027',
			`${depart} 21:25 London Heathrow (LHR), Terminal 2`,
			`${arrive} 14:40 Beijing Capital International Airport (PEK), Terminal 3`,
			'Flight 2 of 2: Air China CA925, Thu 14 Jan 2027',
			`${depart} 09:10 Beijing Capital International Airport (PEK), Terminal 3`,
			`${arrive} 13:35 Tokyo Narita (NRT), Terminal 1`,
		].join('\n');
	// 21:25 in London is 21:25 UTC; 14:40 in Beijing is 06:40 UTC: on 13 January (9 h 15 min), not on the 12th, when
	// the flight would land before it took off.
	const expected = [
		[
			{from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', arrival: '2027-01-13T14:40', flight: 'CA938'},
			{from: 'PEK', to: 'NRT', departure: '2027-01-14T09:10', arrival: '2027-01-14T13:35', flight: 'CA925'},
		],
	];

	it('gives each flight the number on the line above it, and an arrival clock before the departure’s the next day', () => {
		expect(read(confirmation('Depart:', 'Arrive:'), '2026-12-01')).toEqual(expected);
	});

	it('reads departure and arrival words without a colon before a clock, airports named without a code too', () => {
		expect(read(confirmation('Depart', 'Arrive'), '2026-12-01')).toEqual(expected);
		const named = confirmation('Depart', 'Arrive').replace(' (LHR)', '').replace(' (PEK), Terminal 3\nFlight', ', Terminal 3\nFlight');
		expect(read(named, '2026-12-01')).toEqual(expected);
	});

	it('keeps an arrival the same day westwards over the date line, and a date printed since the departure as printed', () => {
		const westwards = [
			'Flight 1: Japan Airlines JL72, Tue 12 Jan 2027',
			'Depart: 19:00 Tokyo Narita (NRT)',
			'Arrive: 07:00 Honolulu (HNL)',
		];
		expect(read(westwards.join('\n'), '2026-12-01')).toEqual([
			[{from: 'NRT', to: 'HNL', departure: '2027-01-12T19:00', arrival: '2027-01-12T07:00', flight: 'JL72'}],
		]);
		const dated = [
			'Flight: CA938',
			'Date: Tue 12 Jan 2027',
			'Depart: 21:25 London Heathrow (LHR)',
			'Date: Wed 13 Jan 2027',
			'Arrive: 14:40 Beijing Capital (PEK)',
		];
		expect(read(dated.join('\n'), '2026-12-01')).toEqual([
			[{from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', arrival: '2027-01-13T14:40', flight: 'CA938'}],
		]);
	});

	it('leaves out such an arrival where the time zones are not at hand, rather than put it on the departure’s day', () => {
		const raw = detectInText(confirmation('Depart:', 'Arrive:'), rules);
		expect(raw[0]!.segments[0]!.arrives).toEqual({time: '14:40', dayUnmarked: true});
		// The normaliser without time zones (the site scripts'): the first flight's arrival left out, not on 12 January.
		const n = normalizeItinerary(raw[0]!, '2026-12-01', rules);
		expect(n.ok && n.segments[0]).toEqual({from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', flight: 'CA938'});
	});

	it('checks the departure’s day, assumed for an arrival printed without one, with the time zones', () => {
		// 1:00 PM in New York is 17:00 UTC; 4:00 PM in Beijing the same day is 08:00 UTC, nine hours earlier: the next day.
		const text = ['Flight 1 of 2', 'New York JFK to Beijing PEK', 'Mar 15Sunday, March 151:00 PM to 4:00 PM', 'Flight Number: CA 982'];
		expect(read(text.join('\n'), '2026-03-01')).toEqual([
			[{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00', flight: 'CA982'}],
		]);
		// A short flight keeps its day.
		const domestic = ['Beijing PEK to Shanghai PVG', 'Mar 15Sunday, March 158:00 AM to 10:15 AM', 'Flight Number: MU 5102'];
		expect(read(domestic.join('\n'), '2026-03-01')).toEqual([
			[{from: 'PEK', to: 'PVG', departure: '2026-03-15T08:00', arrival: '2026-03-15T10:15', flight: 'MU5102'}],
		]);
	});

	it('reads neither a departure word before a number that is no clock, nor prose', () => {
		expect(detectInText('Departure 2 of 3\nArrive early: 14:40 at the latest', rules)).toEqual([]);
	});
});

describe('the e-ticket readers take time in proportion to the line', () => {
	const n = 100_000;
	const lines = [
		`CA1501 ${'北'.repeat(n)} 08:30`,
		`CA1501 PEK PVG ${'1'.repeat(n)}-Jul 08:30`, // also the layover pattern's digits, which once took 25 s here
		'1'.repeat(n),
		`Departure: 12:55 ${'a '.repeat(n / 2)}1`,
		`Flight: ${'15.06.'.repeat(n / 6)}2017 CA1501`,
		`自:${'北京首都 '.repeat(n / 5)}CA1501 08:30`,
		`CA1501 ${'03JUN'.repeat(n / 5)} 08:30`,
	];
	it.each(lines.map((l, i) => [i, l]))('line %i', (_i, line) => {
		const started = performance.now();
		detectInText(line as string, rules);
		expect(performance.now() - started).toBeLessThan(LINEAR_BUDGET_MS);
	});
});
