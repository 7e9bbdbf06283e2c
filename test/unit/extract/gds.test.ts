import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {RawSegment} from '../../../lib/adapters/types';
import {parseGdsText} from '../../../lib/extract/gds';
import {normalizeItinerary, resolveAirport} from '../../../lib/extract/normalize';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();

/** A fixture without its `# source:` line, so every assertion is about the captured text alone. */
function fixture(name: string): string {
	const text = readFileSync(new URL(`../../fixtures/gds/${name}`, import.meta.url), 'utf8');
	if (!text.startsWith('# source:')) throw new Error(`${name}: the first line must be its # source: line`);
	return text.slice(text.indexOf('\n') + 1);
}

/** One segment as the line prints it; `arrDate` only when the line prints an arrival date. */
function seg(flight: string, from: string, to: string, depDate: string, depTime: string, arrTime: string, arrDate?: string): RawSegment {
	return {from, to, flight, departs: {date: depDate, time: depTime}, arrives: arrDate ? {time: arrTime, date: arrDate} : {time: arrTime}};
}

describe('Sabre sell lines (wnbjke/PNR-converter notes.txt)', () => {
	const itineraries = parseGdsText(fixture('wnbjke__PNR-converter__notes.txt'));

	// Seven chat messages, each one pasted PNR. Messages 4 and 5 are the same QR trip pasted twice: the text shows it
	// twice, so it is two itineraries (SOURCES.md's "six itineraries" counts distinct trips).
	it('finds the seven pasted itineraries, segment for segment', () => {
		expect(itineraries).toEqual([
			{
				segments: [
					seg('B61975', 'JFK', 'YVR', '06SEP', '612P', '940P'),
					seg('AS58', 'SIT', 'SEA', '17SEP', '145P', '504P'),
					seg('AS22', 'SEA', 'JFK', '17SEP', '950P', '600A', '18SEP'),
				],
			},
			{
				// A blank line after every segment, numbering 1–4 going on: one PNR.
				segments: [
					seg('B6288', 'LAX', 'BOS', '07MAR', '700A', '322P'),
					seg('FI630', 'BOS', 'KEF', '07MAR', '800P', '615A', '08MAR'),
					seg('FI681', 'KEF', 'SEA', '14MAR', '505P', '600P'),
					seg('AS1292', 'SEA', 'LAX', '14MAR', '915P', '1159P'),
				],
			},
			{
				segments: [
					seg('KE12', 'LAX', 'ICN', '18MAR', '2340', '0510', '20MAR'),
					seg('KE663', 'ICN', 'HKT', '20MAR', '1655', '2140'),
					seg('KE664', 'HKT', 'ICN', '25MAR', '2330', '0725', '26MAR'),
					seg('KE17', 'ICN', 'LAX', '26MAR', '1430', '0930'),
				],
			},
			...[0, 1].map(() => ({
				segments: [
					seg('QR740', 'LAX', 'DOH', '18MAR', '1615', '1750', '19MAR'),
					seg('QR842', 'DOH', 'HKT', '19MAR', '2035', '0715', '20MAR'),
					seg('QR841', 'HKT', 'DOH', '26MAR', '0035', '0400'),
					seg('QR739', 'DOH', 'LAX', '26MAR', '0805', '1415'),
				],
			})),
			{
				segments: [
					seg('VN972', 'BOM', 'HAN', '23JAN', '2310', '0530', '24JAN'),
					seg('SQ177', 'SGN', 'SIN', '31JAN', '1215', '1520'),
					seg('SQ424', 'SIN', 'BOM', '31JAN', '1845', '2210'),
				],
			},
			{
				segments: [
					seg('AA2968', 'SAN', 'MIA', '13APR', '915P', '522A', '14APR'),
					seg('AA242', 'MIA', 'HAV', '14APR', '814A', '930A'),
					seg('AA1334', 'HAV', 'MIA', '22APR', '1145A', '1257P'),
					seg('AA2914', 'MIA', 'SAN', '22APR', '400P', '623P'),
				],
			},
		]);
	});

	// The chat is dated 11/20/23, so the March dates are March 2024.
	it('normalises to local times, with the printed arrival date for overnight legs', () => {
		const ke = normalizeItinerary(itineraries[2]!, '2023-11-20', rules);
		expect(ke.ok && ke.segments[0]).toEqual({from: 'LAX', to: 'ICN', flight: 'KE12', departure: '2024-03-18T23:40', arrival: '2024-03-20T05:10'});
		expect(ke.ok && ke.segments[1]).toEqual({from: 'ICN', to: 'HKT', flight: 'KE663', departure: '2024-03-20T16:55', arrival: '2024-03-20T21:40'});

		const fi = normalizeItinerary(itineraries[1]!, '2023-11-20', rules);
		expect(fi.ok && fi.segments[1]).toEqual({from: 'BOS', to: 'KEF', flight: 'FI630', departure: '2024-03-07T20:00', arrival: '2024-03-08T06:15'});
		expect(fi.ok && fi.segments[3]).toEqual({from: 'SEA', to: 'LAX', flight: 'AS1292', departure: '2024-03-14T21:15', arrival: '2024-03-14T23:59'});
	});
});

describe('Galileo (kitinerary travelport-galileo single-leg-three-passengers)', () => {
	const itineraries = parseGdsText(fixture('KDE__kitinerary__travelport-galileo_single-leg-three-passengers.txt'));

	it('finds the one DL segment and nothing in the name or SSR lines', () => {
		expect(itineraries).toEqual([{segments: [seg('DL38', 'HKG', 'SEA', '20JAN', '1145', '0811')]}]);
	});

	// TKTG-TAU/SU20DEC and the line's trailing SA fit 20 Dec 2023 (a Sunday) and 20 Jan 2024 (a Saturday).
	it('normalises; the arrival clock is earlier than the departure because the leg crosses the date line', () => {
		const n = normalizeItinerary(itineraries[0]!, '2023-12-01', rules);
		expect(n).toEqual({ok: true, segments: [{from: 'HKG', to: 'SEA', flight: 'DL38', departure: '2024-01-20T11:45', arrival: '2024-01-20T08:11'}]});
	});
});

describe('Amadeus agency print-out (kitinerary amadeus_1.txt)', () => {
	const itineraries = parseGdsText(fixture('KDE__kitinerary__amadeus_1.txt'));

	// The print-out names airports (city, then the airport in brackets) and never prints a code.
	it('finds one itinerary of four flights, airports as city + bracketed name', () => {
		expect(itineraries).toEqual([
			{
				segments: [
					{from: 'BERLIN TEGEL', to: 'AMSTERDAM SCHIPHOL AIRPORT', flight: 'DL9520', departs: {date: '07 JUN', time: '12:10'}, arrives: {date: '07 JUN', time: '13:30'}},
					{from: 'AMSTERDAM SCHIPHOL AIRPORT', to: 'DETROIT METROPOLITAN WAYNE CO', flight: 'DL139', departs: {date: '07 JUN', time: '15:00'}, arrives: {date: '07 JUN', time: '17:40'}},
					{from: 'DETROIT METROPOLITAN WAYNE CO', to: 'PARIS CHARLES DE GAULLE', flight: 'DL8573', departs: {date: '09 JUN', time: '21:40'}, arrives: {date: '10 JUN', time: '11:30'}},
					{from: 'PARIS CHARLES DE GAULLE', to: 'BERLIN TEGEL', flight: 'DL8680', departs: {date: '10 JUN', time: '13:00'}, arrives: {date: '10 JUN', time: '14:40'}},
				],
			},
		]);
	});

	it('gives names the normaliser resolves where the dataset knows the airport', () => {
		expect(resolveAirport('AMSTERDAM SCHIPHOL AIRPORT', rules)).toBe('AMS');
		expect(resolveAirport('PARIS CHARLES DE GAULLE', rules)).toBe('CDG');
		// Tegel closed in 2020 and is not in data/airports.json; "WAYNE CO" abbreviates the dataset's "Wayne County".
		expect(resolveAirport('BERLIN TEGEL', rules)).toBeUndefined();
		expect(resolveAirport('DETROIT METROPOLITAN WAYNE CO', rules)).toBeUndefined();
	});

	// Every leg touches TXL or DTW, so the itinerary cannot be normalised; the problem names the first unknown.
	it('normalises to a named problem rather than a guess', () => {
		expect(normalizeItinerary(itineraries[0]!, '2016-05-27', rules)).toEqual({ok: false, problem: 'segment 1: unknown airport "BERLIN TEGEL"'});
	});
});

// TravelSky eTerm: no capture exists. These lines are built to the documented eTerm layout (weekday before the date,
// flight number and class apart, `+1` after the arrival clock, terminals at the end), not copied from a screen.
describe('TravelSky eTerm segment lines (constructed)', () => {
	const text = [
		' 1.  CA981  Y   SU15MAR  PEKJFK HK1   1300 1450          E T3T1',
		' 2.  CA982  Y   FR20MAR  JFKPEK HK1   1730 2025+1        E T1T3',
	].join('\n');

	it('reads both segments as one itinerary, with the +1 as a day offset', () => {
		expect(parseGdsText(text)).toEqual([
			{
				segments: [
					seg('CA981', 'PEK', 'JFK', '15MAR', '1300', '1450'),
					{from: 'JFK', to: 'PEK', flight: 'CA982', departs: {date: '20MAR', time: '1730'}, arrives: {time: '2025', dayOffset: 1}},
				],
			},
		]);
	});

	it('normalises the +1 arrival to the next day', () => {
		const n = normalizeItinerary(parseGdsText(text)[0]!, '2026-03-01', rules);
		expect(n.ok && n.segments[1]).toEqual({from: 'JFK', to: 'PEK', flight: 'CA982', departure: '2026-03-20T17:30', arrival: '2026-03-21T20:25'});
	});
});

describe('next-day marks and grouping (constructed lines)', () => {
	it('reads a # before the arrival clock as the next day', () => {
		const [it0] = parseGdsText(' 1 CA 982Y 20MAR 5 JFKPEK*SS1  1730  #2025 /DCCA /E');
		expect(it0?.segments[0]?.arrives).toEqual({time: '2025', dayOffset: 1});
	});

	it('starts a new itinerary when the numbering starts again, even with no line between', () => {
		const text = ['1 CA 981Y 15MAR 7 PEKJFK SS1 1300 1450', '1 CA 982Y 20MAR 5 JFKPEK SS1 1730 2025+1'].join('\n');
		expect(parseGdsText(text).map((i) => i.segments.length)).toEqual([1, 1]);
	});

	it('starts a new itinerary at a blank line between unnumbered lines', () => {
		const text = ['CA 981Y 15MAR 7 PEKJFK SS1 1300 1450', '', 'CA 982Y 20MAR 5 JFKPEK SS1 1730 2025+1'].join('\n');
		expect(parseGdsText(text).map((i) => i.segments.length)).toEqual([1, 1]);
	});

	it('keeps an OPERATED BY line inside the itinerary', () => {
		const text = ['1 CA 981Y 15MAR 7 PEKJFK SS1 1300 1450', 'OPERATED BY AIR CHINA', '2 CA 982Y 20MAR 5 JFKPEK SS1 1730 2025+1'].join('\n');
		expect(parseGdsText(text).map((i) => i.segments.length)).toEqual([2]);
	});
});

describe('text that is not a GDS display', () => {
	it('finds nothing in prose with three-letter words and clock times', () => {
		expect(parseGdsText('THE CAT SAT ON MAT AT 10:30\nMEET AT 1030 THE CAT SAT ON THE MAT 1145\n2 cats 12:00')).toEqual([]);
	});

	// CAT (Cascais) is an airport; MAT is not. The shape of a sell line is not enough.
	it('refuses a segment-shaped line whose city pair is not two known airports', () => {
		expect(parseGdsText('1 AB 123Y 18MAR 1 CATMAT SS1 1000 1200')).toEqual([]);
		expect(parseGdsText('1 AB 123Y 18MAR 1 CATSAT SS1 1000 1200', () => false)).toEqual([]);
	});

	it('refuses a line whose clocks or date do not read', () => {
		expect(parseGdsText('1 KE  12Q 18MAR 1 LAXICN*SS1  2390  0510')).toEqual([]);
		expect(parseGdsText('1 KE  12Q 31FEB 1 LAXICN*SS1  2340  0510')).toEqual([]);
	});

	// The Travellink/FCM confirmation labels its fields ("Flight: AB6439, Air Berlin", "Departure: 10:50 Tegel(TXL)…")
	// instead of printing GDS segment lines, so it is an e-mail format, not GDS text: nothing here.
	it('leaves the FCM/Travellink e-mail to an e-mail parser', () => {
		expect(parseGdsText(fixture('KDE__kitinerary__fcmtravel_2.txt'))).toEqual([]);
	});
});
