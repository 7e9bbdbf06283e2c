import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {RawItinerary, RawSegment} from '../../../lib/itinerary';
import {detectText} from '../../../lib/detect';
import {parseGdsText as parseGds} from '../../../lib/extract/gds';
import {normalizeItinerary} from '../../../lib/extract/normalize';
import {placeArrivalByFlightTime} from '../../../lib/extract/arrival-day';
import {resolveAirport} from '../../../lib/airports';
import {SEGMENT_STATUS, segmentStatus, splitByStatus} from '../../../lib/extract/status';
import {loadRules} from '../../../lib/rules/load-rules';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {bundledAirports} from '../../../lib/airports/bundled';
import type {AirportTable} from '../../../lib/airports';

/** Far from both sides: a backtracking read takes minutes on these texts, a linear one milliseconds (a bound near the
 * usual time would fail on a loaded machine: it is no measure of speed, which `npm run bench:detect` gives). */
const LINEAR_BUDGET_MS = 10_000;

const parseGdsText = (text: string, airports: AirportTable = bundledAirports()) => parseGds(text, airports);

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

/** A segment whose arrival clock is before its departure's with no day printed (`dayUnmarked`). */
const unmarked = (s: RawSegment): RawSegment => ({...s, arrives: {...s.arrives, dayUnmarked: true}});

/** The same segments with the confirmed status code their lines print (`SS1`, `*SS1`, `HS3`, `HK1`). */
function held(code: string, ...segments: RawSegment[]): RawSegment[] {
	return segments.map((s) => ({...s, status: 'confirmed', statusCode: code}));
}

describe('Sabre sell lines (wnbjke/PNR-converter notes.txt)', () => {
	const itineraries = parseGdsText(fixture('wnbjke__PNR-converter__notes.txt'));

	// Seven chat messages, each one pasted PNR. Messages 4 and 5 are the same QR trip pasted twice: the text shows it
	// twice, so it is two itineraries (SOURCES.md's "six itineraries" counts distinct trips). Every line is sold (`SS1`,
	// `*SS1`, `SS2`).
	it('finds the seven pasted itineraries, segment for segment', () => {
		expect(itineraries).toEqual([
			{
				segments: held(
					'SS',
					seg('B61975', 'JFK', 'YVR', '06SEP', '612P', '940P'),
					seg('AS58', 'SIT', 'SEA', '17SEP', '145P', '504P'),
					seg('AS22', 'SEA', 'JFK', '17SEP', '950P', '600A', '18SEP'),
				),
			},
			{
				// A blank line after every segment, numbering 1–4 going on: one PNR.
				segments: held(
					'SS',
					seg('B6288', 'LAX', 'BOS', '07MAR', '700A', '322P'),
					seg('FI630', 'BOS', 'KEF', '07MAR', '800P', '615A', '08MAR'),
					seg('FI681', 'KEF', 'SEA', '14MAR', '505P', '600P'),
					seg('AS1292', 'SEA', 'LAX', '14MAR', '915P', '1159P'),
				),
			},
			{
				segments: held(
					'SS',
					seg('KE12', 'LAX', 'ICN', '18MAR', '2340', '0510', '20MAR'),
					seg('KE663', 'ICN', 'HKT', '20MAR', '1655', '2140'),
					seg('KE664', 'HKT', 'ICN', '25MAR', '2330', '0725', '26MAR'),
					unmarked(seg('KE17', 'ICN', 'LAX', '26MAR', '1430', '0930')),
				),
			},
			...[0, 1].map(() => ({
				segments: held(
					'SS',
					seg('QR740', 'LAX', 'DOH', '18MAR', '1615', '1750', '19MAR'),
					seg('QR842', 'DOH', 'HKT', '19MAR', '2035', '0715', '20MAR'),
					seg('QR841', 'HKT', 'DOH', '26MAR', '0035', '0400'),
					seg('QR739', 'DOH', 'LAX', '26MAR', '0805', '1415'),
				),
			})),
			{
				segments: held(
					'SS',
					seg('VN972', 'BOM', 'HAN', '23JAN', '2310', '0530', '24JAN'),
					seg('SQ177', 'SGN', 'SIN', '31JAN', '1215', '1520'),
					seg('SQ424', 'SIN', 'BOM', '31JAN', '1845', '2210'),
				),
			},
			{
				segments: held(
					'SS',
					seg('AA2968', 'SAN', 'MIA', '13APR', '915P', '522A', '14APR'),
					seg('AA242', 'MIA', 'HAV', '14APR', '814A', '930A'),
					seg('AA1334', 'HAV', 'MIA', '22APR', '1145A', '1257P'),
					seg('AA2914', 'MIA', 'SAN', '22APR', '400P', '623P'),
				),
			},
		]);
	});

	// The chat is dated 11/20/23, so the March dates are March 2024.
	it('normalises to local times, with the printed arrival date for overnight legs', () => {
		const ke = normalizeItinerary(itineraries[2]!, '2023-11-20', rules);
		expect(ke.ok && ke.segments[0]).toEqual({
			from: 'LAX',
			to: 'ICN',
			flight: 'KE12',
			departure: '2024-03-18T23:40',
			arrival: '2024-03-20T05:10',
		});
		expect(ke.ok && ke.segments[1]).toEqual({
			from: 'ICN',
			to: 'HKT',
			flight: 'KE663',
			departure: '2024-03-20T16:55',
			arrival: '2024-03-20T21:40',
		});

		const fi = normalizeItinerary(itineraries[1]!, '2023-11-20', rules);
		expect(fi.ok && fi.segments[1]).toEqual({
			from: 'BOS',
			to: 'KEF',
			flight: 'FI630',
			departure: '2024-03-07T20:00',
			arrival: '2024-03-08T06:15',
		});
		expect(fi.ok && fi.segments[3]).toEqual({
			from: 'SEA',
			to: 'LAX',
			flight: 'AS1292',
			departure: '2024-03-14T21:15',
			arrival: '2024-03-14T23:59',
		});
	});
});

describe('Galileo (kitinerary travelport-galileo single-leg-three-passengers)', () => {
	const itineraries = parseGdsText(fixture('KDE__kitinerary__travelport-galileo_single-leg-three-passengers.txt'));

	it('finds the one DL segment and nothing in the name or SSR lines', () => {
		expect(itineraries).toEqual([{segments: held('HS', unmarked(seg('DL38', 'HKG', 'SEA', '20JAN', '1145', '0811')))}]);
	});

	// TKTG-TAU/SU20DEC and the line's trailing SA fit 20 Dec 2023 (a Sunday) and 20 Jan 2024 (a Saturday).
	it('normalises; the arrival clock is earlier than the departure because the leg crosses the date line', () => {
		const n = normalizeItinerary(itineraries[0]!, '2023-12-01', rules, {placeArrival: placeArrivalByFlightTime});
		expect(n).toEqual({
			ok: true,
			segments: [{from: 'HKG', to: 'SEA', flight: 'DL38', departure: '2024-01-20T11:45', arrival: '2024-01-20T08:11'}],
		});
		// Only the time zones say so: without them, no day is given rather than a guess.
		const blind = normalizeItinerary(itineraries[0]!, '2023-12-01', rules);
		expect(blind.ok && blind.segments[0]!.arrival).toBeUndefined();
	});
});

describe('Amadeus agency print-out (kitinerary amadeus_1.txt)', () => {
	const itineraries = parseGdsText(fixture('KDE__kitinerary__amadeus_1.txt'));

	// The print-out names airports (city, then the airport in brackets) and never prints a code.
	it('finds one itinerary of four flights, airports as city + bracketed name', () => {
		expect(itineraries).toEqual([
			{
				segments: [
					{
						from: 'BERLIN TEGEL',
						to: 'AMSTERDAM SCHIPHOL AIRPORT',
						flight: 'DL9520',
						departs: {date: '07 JUN', time: '12:10'},
						arrives: {date: '07 JUN', time: '13:30'},
					},
					{
						from: 'AMSTERDAM SCHIPHOL AIRPORT',
						to: 'DETROIT METROPOLITAN WAYNE CO',
						flight: 'DL139',
						departs: {date: '07 JUN', time: '15:00'},
						arrives: {date: '07 JUN', time: '17:40'},
					},
					{
						from: 'DETROIT METROPOLITAN WAYNE CO',
						to: 'PARIS CHARLES DE GAULLE',
						flight: 'DL8573',
						departs: {date: '09 JUN', time: '21:40'},
						arrives: {date: '10 JUN', time: '11:30'},
					},
					{
						from: 'PARIS CHARLES DE GAULLE',
						to: 'BERLIN TEGEL',
						flight: 'DL8680',
						departs: {date: '10 JUN', time: '13:00'},
						arrives: {date: '10 JUN', time: '14:40'},
					},
				],
			},
		]);
	});

	it('gives names the normaliser resolves where the dataset knows the airport', () => {
		expect(resolveAirport('AMSTERDAM SCHIPHOL AIRPORT', rules)).toBe('AMS');
		expect(resolveAirport('PARIS CHARLES DE GAULLE', rules)).toBe('CDG');
		// Tegel closed in 2020 and stays in data/airports.json as a closed airport; "WAYNE CO" abbreviates "Wayne County".
		expect(resolveAirport('BERLIN TEGEL', rules)).toBe('TXL');
		expect(resolveAirport('DETROIT METROPOLITAN WAYNE CO', rules)).toBe('DTW');
	});

	it('normalises every leg, local times as printed', () => {
		expect(normalizeItinerary(itineraries[0]!, '2016-05-27', rules)).toEqual({
			ok: true,
			segments: [
				{from: 'TXL', to: 'AMS', departure: '2016-06-07T12:10', arrival: '2016-06-07T13:30', flight: 'DL9520'},
				{from: 'AMS', to: 'DTW', departure: '2016-06-07T15:00', arrival: '2016-06-07T17:40', flight: 'DL139'},
				{from: 'DTW', to: 'CDG', departure: '2016-06-09T21:40', arrival: '2016-06-10T11:30', flight: 'DL8573'},
				{from: 'CDG', to: 'TXL', departure: '2016-06-10T13:00', arrival: '2016-06-10T14:40', flight: 'DL8680'},
			],
		});
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
				segments: held('HK', seg('CA981', 'PEK', 'JFK', '15MAR', '1300', '1450'), {
					from: 'JFK',
					to: 'PEK',
					flight: 'CA982',
					departs: {date: '20MAR', time: '1730'},
					arrives: {time: '2025', dayOffset: 1},
				}),
			},
		]);
	});

	it('normalises the +1 arrival to the next day', () => {
		const n = normalizeItinerary(parseGdsText(text)[0]!, '2026-03-01', rules);
		expect(n.ok && n.segments[1]).toEqual({
			from: 'JFK',
			to: 'PEK',
			flight: 'CA982',
			departure: '2026-03-20T17:30',
			arrival: '2026-03-21T20:25',
		});
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

	it('keeps a numbered line between two cities’ codes (BJSTYO), reported, not passed over as no segment', () => {
		// data/airports.json `metros`: BJS and TYO name cities, not airports. Before, the line was skipped without a word.
		const text = [' 1 CA 181 Y 15MAR 7 BJSTYO HK1  0830  1245', ' 2 NH 961 Y 20MAR 5 HNDPEK HK1  0900  1200'].join('\n');
		expect(parseGdsText(text)[0]!.segments.map((s) => `${s.from}-${s.to}`)).toEqual(['BJS-TYO', 'HND-PEK']);
		const d = detectText(text, '2026-12-01', rules);
		expect(d.unknownAirports).toEqual([{from: 'BJS', to: 'TYO', flight: 'CA181', unknown: ['BJS', 'TYO']}]);
		expect(d.itineraries.map((i) => i.segments.map((s) => s.flight))).toEqual([['NH961']]);
		// Two unknown codes that no city has are still no segment line.
		expect(parseGdsText(' 1 CA 181 Y 15MAR 7 QQQZZZ HK1  0830  1245')).toEqual([]);
	});

	it('keeps an OPERATED BY line inside the itinerary', () => {
		const text = ['1 CA 981Y 15MAR 7 PEKJFK SS1 1300 1450', 'OPERATED BY AIR CHINA', '2 CA 982Y 20MAR 5 JFKPEK SS1 1730 2025+1'].join(
			'\n',
		);
		expect(parseGdsText(text).map((i) => i.segments.length)).toEqual([2]);
	});
});

// Real agency displays from jcristine/gds-direct's parser tests (test/fixtures/SOURCES.md); every segment of the three
// fixtures is also checked against its hand reading by text-fixtures.test.ts.
describe('Amadeus, Apollo and Sabre layouts of jcristine/gds-direct', () => {
	const records = (name: string) => fixture(name).split('\n=====\n');
	const amadeus = records('jcristine__gds-direct__amadeus-pnr-segments.txt');
	const flights = (text: string) => parseGdsText(text).flatMap((i) => i.segments.map((s) => `${s.flight} ${s.from}-${s.to}`));

	it('reads Amadeus lines with a `*` between the weekday and the city pair (the airline’s record locator shown)', () => {
		expect(flights(amadeus[1]!)).toEqual(['TK080 SFO-IST', 'TK1055 IST-ZAG', 'TK1056 ZAG-IST', 'TK079 IST-SFO']);
		expect(parseGdsText(amadeus[1]!)[0]!.segments[2]).toMatchObject({
			departs: {date: '10SEP', time: '810P'},
			arrives: {date: '10SEP', time: '1120P'},
		});
	});

	it('reads Amadeus lines with a check-in time and a terminal before the clocks, and an aircraft type after them', () => {
		expect(parseGdsText(amadeus[2]!)[0]!.segments.at(-1)).toMatchObject({
			flight: 'AY099',
			departs: {date: '10APR', time: '1150P'},
			arrives: {time: '230P', dayOffset: 1},
		});
		expect(parseGdsText(amadeus[3]!)[0]!.segments[1]).toMatchObject({
			flight: 'SU2682',
			departs: {time: '925A'},
			arrives: {time: '1005A'},
		});
		expect(parseGdsText(amadeus[6]!)[0]!.segments[0]).toMatchObject({
			flight: 'BR031',
			departs: {time: '0020'},
			arrives: {time: '0540', dayOffset: 1},
		});
	});

	it('reads an Amadeus check-in time before the terminal’s blank column as a check-in time, and the two clocks after as the flight’s', () => {
		// The day-offset layout (the source tests read these lines as check-in, departure, arrival).
		expect(parseGdsText(amadeus[2]!)[0]!.segments[0]).toMatchObject({
			flight: 'AY1074',
			from: 'RIX',
			to: 'HEL',
			departs: {date: '10APR', time: '220P'},
			arrives: {time: '330P'},
		});
		expect(parseGdsText(amadeus[2]!)[0]!.excluded ?? []).toEqual([]);
		expect(parseGdsText(records('golotenko__gds-utils__amadeus-day-offset.txt')[0]!)[0]!.segments).toMatchObject([
			{flight: 'AT209', from: 'YUL', to: 'CMN', departs: {date: '18JUN', time: '1035P'}, arrives: {time: '1005A', dayOffset: 1}},
		]);
		// Just before midnight, for a flight just after.
		expect(parseGdsText('  1  AY1074 Y 10APR 2 RIXHEL HK1  1130P     1230A 130A   AT7 E0 G')[0]!.segments[0]).toMatchObject({
			departs: {time: '1230A'},
			arrives: {time: '130A'},
		});
	});

	it('leaves a line with three clocks unread where the first is no check-in time: no blank column, after the departure, or hours before it', () => {
		for (const line of [
			'  1  AY1074 Y 10APR 2 RIXHEL HK1  135P  220P 330P+1 AT7 E0 G', // no blank terminal column: which two are the flight’s is not said
			'  1  AY1074 Y 10APR 2 RIXHEL HK1   335P     220P 330P   AT7 E0 G', // after the departure
			'  1  AY1074 Y 10APR 2 RIXHEL HK1   935A     220P 330P   AT7 E0 G', // 4 h 45 min before it
			'  1  AY1074 Y 10APR 2 RIXHEL HK1   220P     220P 330P   AT7 E0 G', // at the departure itself
		]) {
			const [itinerary] = parseGdsText(line);
			expect(itinerary!.segments, line).toEqual([]);
			expect(itinerary!.excluded, line).toMatchObject([{flight: 'AY1074', from: 'RIX', to: 'HEL', status: 'unread'}]);
		}
	});

	it('lists flown segments (`FLWN`, no times) as left out, and checks the flights still to come', () => {
		const detection = detectText(amadeus[7]!, '2017-01-01', rules);
		expect(detection.itineraries.map((i) => i.segments.map((s) => `${s.flight} ${s.from}-${s.to}`))).toEqual([
			['TK466 ODS-IST', 'TK79 IST-SFO', 'AS1962 SFO-SAN'],
		]);
		expect(detection.excluded?.map((e) => `${e.flight} ${e.from}-${e.to} ${e.status} ${e.code}`)).toEqual([
			'AS1959 SAN-SFO flown FLWN',
			'TK80 SFO-IST flown FLWN',
			'TK467 IST-ODS flown FLWN',
		]);
	});

	it('reads Apollo lines with the booking class glued to the date, and puts a return dated before the outbound in the next year', () => {
		const text = fixture('jcristine__gds-direct__apollo-itinerary.txt');
		expect(parseGdsText(text)[0]!.segments.map((s) => s.departs!.date)).toEqual(['28JUN', '01JUL', '17MAY', '18MAY']);
		const n = normalizeItinerary(parseGdsText(text)[0]!, '2017-01-01', rules);
		expect(n.ok && n.segments.map((s) => s.departure)).toEqual([
			'2017-06-28T23:20',
			'2017-07-01T19:55',
			'2018-05-17T19:20',
			'2018-05-18T10:15',
		]);
	});

	it('reads Sabre’s married connections (`CDGJNB*  3/2`: the second flight of connection 3)', () => {
		const [af] = fixture('jcristine__gds-direct__sabre-itinerary.txt').split('\n=====\n');
		expect(flights(af!)).toEqual(['AF1169 MAN-CDG', 'AF990 CDG-JNB', 'AF995 JNB-CDG', 'AF1668 CDG-MAN']);
	});

	it('reads Sabre lines without a booking class, and with a `*` after a lettered weekday', () => {
		const [fz, aa] = records('jcristine__gds-direct__sabre-pnr-segments.txt');
		expect(flights(fz!)).toEqual(['FZ912 VKO-DXB', 'FZ4511 DXB-GOI', 'FZ4512 GOI-DXB', 'FZ911 DXB-VKO']);
		expect(flights(aa!)).toEqual([
			'AA5289 MYR-CLT',
			'AA2054 CLT-PHL',
			'AA758 PHL-ATH',
			'AA759 ATH-PHL',
			'AA892 PHL-CLT',
			'AA5161 CLT-MYR',
		]);
	});

	// `DXBGOI HK1  2320  0400`: no arrival date, no day mark. The line reads the departure's day; the time zones say the
	// next (3 h 10 min, where the same day would be before take-off). Over the date line it is the same day.
	it('places an arrival clock before the departure’s, with no day printed, by the two airports’ time zones', () => {
		const [fz] = records('jcristine__gds-direct__sabre-pnr-segments.txt');
		const dxbGoi = detectText(fz!, '2017-01-01', rules).itineraries[0]!.segments[1];
		expect(dxbGoi).toMatchObject({from: 'DXB', to: 'GOI', departure: '2017-02-05T23:20', arrival: '2017-02-06T04:00'});
		const hkgSea = detectText(' 1. DL   38 Y  20JAN HKGSEA HS3  1145   0811  O           SA', '2017-01-01', rules).itineraries[0]!
			.segments[0];
		expect(hkgSea).toMatchObject({departure: '2017-01-20T11:45', arrival: '2017-01-20T08:11'});
		// Without a placer (the content script's normaliser: its compact table has no time zones), left out: the
		// departure's day, as the line reads, would put the landing before take-off and the stay a day too long.
		const n = normalizeItinerary(parseGdsText(fz!)[0]!, '2017-01-01', rules);
		expect(n.ok && n.segments[1]).toEqual({from: 'DXB', to: 'GOI', departure: '2017-02-05T23:20', flight: 'FZ4511'});
		expect(n.ok && n.segments[0]!.arrival).toBe('2017-02-05T20:55');
	});
});

// Electronic ticket displays (jcristine/gds-direct): each coupon gives its flight and departure, and its status says
// whether it is still to fly. Every coupon of the two fixtures is also checked against its hand reading.
describe('ticket displays: Sabre WETR and Apollo HTE', () => {
	const sabre = fixture('jcristine__gds-direct__sabre-ticket-records.txt');
	const apollo = fixture('jcristine__gds-direct__apollo-ticket-displays.txt');
	const coupons = (text: string) =>
		detectText(text, '2026-12-05', rules).itineraries.map((i) => i.segments.map((s) => `${s.flight} ${s.from}-${s.to} ${s.departure}`));
	const left = (text: string) => detectText(text, '2026-12-05', rules).excluded?.map((e) => `${e.from}-${e.to} ${e.status} ${e.code}`);

	it('checks the open coupons, with the year of the ticket’s issue date, and leaves used ones out as flown', () => {
		expect(coupons(sabre)).toEqual([
			['DL4356 LHR-ATL 2016-09-29T11:35', 'DL953 ATL-SAT 2016-09-29T18:00'],
			['NH1 IAD-NRT 2016-12-21T11:10', 'NH2 NRT-IAD 2017-01-04T11:00'],
			['W3107 LOS-JFK 2017-01-15T23:30'],
		]);
		expect(left(sabre)).toEqual(['SAT-ATL flown USED', 'ATL-LHR flown USED', 'JFK-LOS flown USED']);
		// A coupon gives no arrival.
		expect(detectText(sabre, '2026-12-05', rules).itineraries[0]!.segments[0]!.arrival).toBeUndefined();
	});

	it('reads Apollo’s coupons with their status first, over a conjunction’s next ticket, void ones left out', () => {
		expect(coupons(apollo)).toEqual([
			[
				'EK220 MCO-DXB 2019-03-13T14:20',
				'EK770 DXB-CPT 2019-03-15T08:55',
				'EK773 CPT-DXB 2019-03-30T13:25',
				'EK219 DXB-MCO 2019-03-31T02:50',
			],
			['QR1342 NBO-DOH 2016-11-25T01:20', 'QR725 DOH-ORD 2016-11-25T08:05', 'AA3707 ORD-GRR 2016-11-25T18:20'],
		]);
		expect(left(apollo)).toEqual([
			...['SFO-ICN', 'ICN-PNH', 'PNH-ICN', 'ICN-SFO'].map((r) => `${r} cancelled VOID`),
			...['TPA-ORD', 'ORD-AMM', 'AMM-DXB', 'DXB-AMM', 'AMM-ORD', 'ORD-TPA'].map((r) => `${r} flown USED`),
		]);
	});

	it('reports a coupon naming one airport the table does not know, and checks the others apart', () => {
		const text = [
			'TKT:7847851991400     ISSUED:01MAR26',
			'1    CA   982   Y  15MAR  JFKPEK  100P  OK YOW             OPEN',
			'2    CA   925   Y  17MAR  PEKXQZ  900A  OK YOW             OPEN',
		].join('\n');
		const detection = detectText(text, '2026-03-01', rules);
		expect(detection.itineraries.map((i) => i.segments.map((s) => `${s.flight} ${s.from}-${s.to}`))).toEqual([['CA982 JFK-PEK']]);
		expect(detection.unknownAirports).toEqual([{from: 'PEK', to: 'XQZ', flight: 'CA925', unknown: ['XQZ']}]);
		expect(parseGdsText(text.replace('PEKXQZ', 'XQYXQZ'))[0]!.segments).toHaveLength(1);
	});

	it('reads an eTerm DETR display: where a coupon goes is the next coupon’s departure, or the closing `TO:` line', () => {
		expect(coupons(fixture('bmrxntfj__eterm-parser__detr-het-xiy.txt'))).toEqual([['CA8113 HET-XIY 2023-05-21T08:15']]);
		// Constructed in the layout of that display (two coupons, the first flown); the year from the `FC:` line.
		const text = [
			'DETR:TN/999-0000000000',
			'ISSUED BY: AIR CHINA                 ORG/DST: JFK/NRT                 BSP-I',
			'O FM:1JFK CA     982  Y 15MAR 1300 OK Y                        2PC USED/FLOWN',
			'          RL:ABC123  /',
			'X TO:2PEK CA     925  Y 17MAR 0900 OK Y                        2PC OPEN FOR USE',
			'          RL:ABC123  /',
			'  TO: NRT',
			'FC: 15MAR26JFK CA X/BJS CA TYO1000.00NUC1000.00END ROE1.0',
		].join('\n');
		expect(coupons(text)).toEqual([['CA925 PEK-NRT 2026-03-17T09:00']]);
		expect(left(text)).toEqual(['JFK-PEK flown USED/FLOWN']);
	});

	// A coupon names its departure only. Where the table has time zones (the popup, the background, the command line),
	// the normaliser gives the earliest each flight can land: its departure on the destination's clock. With it the
	// engine settles a stay whose limit holds whenever the flight lands (test/unit/rules/evaluate.test.ts).
	it('gives each coupon the earliest it can land, and the check settles a stay that fits whenever it lands', () => {
		const text = [
			'DETR:TN/999-0000000000',
			'O FM:1JFK CA     982  Y 15MAR 1300 OK Y                        2PC OPEN FOR USE',
			'X TO:2PEK CA     925  Y 20MAR 0900 OK Y                        2PC OPEN FOR USE',
			'  TO: NRT',
			'FC: 15MAR26JFK CA X/BJS CA TYO1000.00NUC1000.00END ROE1.0',
		].join('\n');
		const detection = detectText(text, '2026-03-01', rules);
		expect(detection.itineraries.map((i) => i.segments)).toEqual([
			[
				{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', flight: 'CA982', arrivalNotBefore: '2026-03-16T01:00'},
				{from: 'PEK', to: 'NRT', departure: '2026-03-20T09:00', flight: 'CA925', arrivalNotBefore: '2026-03-20T10:00'},
			],
		]);
		const [stop] = evaluateTrip({passports: ['US'], segments: detection.itineraries[0]!.segments}, rules, {today: '2026-03-01'}).stops;
		const t240 = stop!.verdicts.find((v) => v.policy === 'transit240')!;
		expect(t240.status).toBe('eligible');
		expect(t240.reasons.map((r) => r.code)).toContain('within-limit-earliest-arrival');
		// The content script's normaliser is given no zones: no bound, as before.
		const [raw] = parseGdsText(text);
		const plain = normalizeItinerary(raw!, '2026-03-01', rules);
		expect(plain.ok && plain.segments.some((x) => x.arrivalNotBefore !== undefined)).toBe(false);
	});

	// A display cut before its closing `TO:` line (or a paste that stops there) leaves the last coupon without a
	// destination: it is reported as not read, never passed over, and the coupons before it are still checked.
	it('reports a DETR coupon whose destination the display does not show as not read', () => {
		const real = fixture('bmrxntfj__eterm-parser__detr-het-xiy.txt');
		const cut = real.replace(/^ {2}TO: XIY.*\n/m, '');
		expect(cut).not.toBe(real);
		expect(coupons(cut)).toEqual([]);
		expect(left(cut)).toEqual(['HET-undefined unread unread']);
		const twoCoupons = [
			'DETR:TN/999-0000000000',
			'O FM:1JFK CA     982  Y 15MAR 1300 OK Y                        2PC OPEN FOR USE',
			'X TO:2PEK CA     925  Y 17MAR 0900 OK Y                        2PC OPEN FOR USE',
			'          RL:ABC123  /',
		];
		for (const text of [twoCoupons.join('\n'), [...twoCoupons, 'FC: 15MAR26JFK CA X/BJS CA TYO1000.00NUC1000.00END'].join('\n')]) {
			expect(coupons(text).map((i) => i.map((s) => s.slice(0, 13)))).toEqual([['CA982 JFK-PEK']]);
			expect(left(text)).toEqual(['PEK-undefined unread unread']);
		}
		// A flown coupon cut the same way stays flown.
		expect(left(cut.replace('OPEN FOR USE', 'USED/FLOWN'))).toEqual(['HET-undefined flown USED/FLOWN']);
	});

	it('leaves a coupon’s date without its year where the display prints no issue date', () => {
		const [itinerary] = parseGdsText('   OPEN CA  982  Y  15MAR JFKPEK 0100P OK YOW                 1');
		expect(itinerary!.segments).toEqual([
			{from: 'JFK', to: 'PEK', departs: {date: '15MAR', time: '0100P'}, flight: 'CA982', status: 'confirmed', statusCode: 'OPEN'},
		]);
	});
});

describe('text that is not a GDS display', () => {
	it('finds nothing in prose with three-letter words and clock times', () => {
		expect(parseGdsText('THE CAT SAT ON MAT AT 10:30\nMEET AT 1030 THE CAT SAT ON THE MAT 1145\n2 cats 12:00')).toEqual([]);
	});

	// CAT (Cascais) is an airport; MAT is not. The shape of a sell line is not enough.
	it('refuses a segment-shaped line whose city pair is not two known airports, or, numbered, not one', () => {
		expect(parseGdsText('AB 123Y 18MAR 1 CATMAT SS1 1000 1200')).toEqual([]);
		expect(parseGdsText('1 AB 123Y 18MAR 1 CATSAT SS1 1000 1200', {airports: {}, divisions: {}})).toEqual([]);
		expect(parseGdsText('1 AB 123Y 18MAR 1 XQZMAT SS1 1000 1200')).toEqual([]);
	});

	// A numbered line of the full shape naming one code the table does not know (a code since retired, a typo) is a
	// flight all the same: kept with the code as printed, so the normaliser reports the airport as unknown and the
	// flights around it are not joined over it.
	it('keeps a numbered segment line with one unknown code, for the unknown airport to be reported', () => {
		const text = [
			'  1  PS 898 Y 20SEP 3 XQZKBP DK3   720A 825A 20SEP  E  0 738 F',
			'  2  PS 185 Y 20SEP 3 KBPPEK DK3   920A1055A 21SEP  E',
		].join('\n');
		expect(parseGdsText(text)[0]!.segments.map((s) => `${s.flight} ${s.from}-${s.to}`)).toEqual(['PS898 XQZ-KBP', 'PS185 KBP-PEK']);
		const detection = detectText(text, '2026-09-01', rules);
		expect(detection.unknownAirports).toEqual([{from: 'XQZ', to: 'KBP', flight: 'PS898', unknown: ['XQZ']}]);
		expect(detection.itineraries.map((i) => i.segments.map((s) => s.flight))).toEqual([['PS185']]);
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

describe('segment status table (lib/extract/status.ts)', () => {
	// The groups are the IATA/GDS meanings (HK holds confirmed, HL have listed, HX have cancelled, WK was confirmed…).
	it('reads each code as the GDS manuals define it', () => {
		for (const code of ['HK', 'KK', 'RR', 'TK', 'SS', 'HS', 'KL', 'DK', 'GK']) expect(segmentStatus(code), code).toBe('confirmed');
		for (const code of ['HN', 'NN', 'PN', 'TN']) expect(segmentStatus(code), code).toBe('unconfirmed');
		for (const code of ['HL', 'LL', 'US', 'UU', 'TL']) expect(segmentStatus(code), code).toBe('waitlisted');
		for (const code of ['UN', 'UC', 'NO', 'HX', 'XX', 'XK', 'XL', 'WK']) expect(segmentStatus(code), code).toBe('cancelled');
		for (const code of ['ARNK', 'ARUNK', 'SURFACE']) expect(segmentStatus(code), code).toBe('surface');
		expect(segmentStatus('FLWN')).toBe('flown');
	});

	it('knows no other code: lower case, unknown codes and Object.prototype names have no status', () => {
		for (const code of ['hk', 'Hk', 'ZZ', 'OK', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])
			expect(segmentStatus(code), code).toBeUndefined();
	});

	it('holds capital-letter codes only, each with one of the six statuses a code can say', () => {
		for (const [code, status] of Object.entries(SEGMENT_STATUS)) {
			expect(code).toMatch(/^[A-Z]{2,7}$/);
			expect(['confirmed', 'unconfirmed', 'cancelled', 'waitlisted', 'surface', 'flown']).toContain(status);
		}
	});
});

/** Normalised route of an itinerary, `JFK-ICN ICN-NRT`, or the normaliser's problem. */
function route(raw: RawItinerary, referenceDate = '2026-01-10'): string {
	const n = normalizeItinerary(raw, referenceDate, rules);
	return n.ok ? n.segments.map((s) => `${s.from}-${s.to}`).join(' ') : n.problem;
}

const inMainland = (code: string) => rules.airports[code]?.country === 'CN';

// A Sabre display written for these tests (test/fixtures/SOURCES.md): the CA flights via PEK were cancelled (HX) and
// rebooked on KE via ICN, whose time then changed (WK old, TK new); an ARNK; a June trip HND → PEK → JFK whose first
// choice out of PEK is waitlisted (HL). Expected values are read off the lines.
describe('status codes and an ARNK in a Sabre display (synthetic fixture)', () => {
	const itineraries = parseGdsText(fixture('synthetic__sabre-status-arnk.txt'));

	it('keeps the held flights, splits at the ARNK, and reports every line it left out with its code', () => {
		expect(itineraries).toEqual([
			{
				segments: [
					{...seg('KE82', 'JFK', 'ICN', '20MAR', '1400', '1750', '21MAR'), status: 'confirmed', statusCode: 'TK'},
					...held('HK', seg('KE705', 'ICN', 'NRT', '21MAR', '1900', '2120')),
				],
				excluded: [
					{
						line: '1 CA 981Y 20MAR 5 JFKPEK*HX1  1300  1600   21MAR 6 /DCCA /E',
						flight: 'CA981',
						from: 'JFK',
						to: 'PEK',
						status: 'cancelled',
						code: 'HX',
					},
					{
						line: '2 CA 925Y 23MAR 1 PEKNRT*HX1  0830  1250 /DCCA /E',
						flight: 'CA925',
						from: 'PEK',
						to: 'NRT',
						status: 'cancelled',
						code: 'HX',
					},
					{
						line: '3 KE  82Y 20MAR 5 JFKICN*WK1  1330  1720   21MAR 6 /DCKE /E',
						flight: 'KE82',
						from: 'JFK',
						to: 'ICN',
						status: 'cancelled',
						code: 'WK',
					},
					// A bare ARNK names no airports: it runs from the last arrival (NRT) to the next departure (HND).
					{line: '6 ARNK', from: 'NRT', to: 'HND', status: 'surface', code: 'ARNK'},
				],
			},
			{
				segments: held(
					'HK',
					seg('NH961', 'HND', 'PEK', '20JUN', '0850', '1140'),
					seg('CA989', 'PEK', 'JFK', '22JUN', '1600', '1700'),
				),
				excluded: [
					{
						line: '8 CA 981Y 22JUN 1 PEKJFK*HL1  1300  1400 /DCCA /E',
						flight: 'CA981',
						from: 'PEK',
						to: 'JFK',
						status: 'waitlisted',
						code: 'HL',
					},
				],
			},
		]);
	});

	it('gives the March trip no leg in mainland China: the cancelled CA flights through PEK are gone', () => {
		const n = normalizeItinerary(itineraries[0]!, '2026-01-10', rules);
		expect(n.ok).toBe(true);
		if (!n.ok) return;
		expect(n.segments.some((s) => inMainland(s.from) || inMainland(s.to))).toBe(false);
		// WK 1330 → 1720 was replaced by TK 1400 → 1750: only the new times.
		expect(n.segments[0]).toEqual({from: 'JFK', to: 'ICN', flight: 'KE82', departure: '2026-03-20T14:00', arrival: '2026-03-21T17:50'});
	});

	it('checks the June trip on its own, leaving PEK on the held CA989 and not the waitlisted CA981', () => {
		expect(route(itineraries[1]!)).toBe('HND-PEK PEK-JFK');
		const n = normalizeItinerary(itineraries[1]!, '2026-01-10', rules);
		expect(n.ok && n.segments[1]).toEqual({
			from: 'PEK',
			to: 'JFK',
			flight: 'CA989',
			departure: '2026-06-22T16:00',
			arrival: '2026-06-22T17:00',
		});
	});

	it('reports the exclusions in the detection, in the order the display prints them', () => {
		const d = detectText(fixture('synthetic__sabre-status-arnk.txt'), '2026-01-10', rules);
		expect(d.adapter).toBe('gds');
		expect(d.itineraries.map((i) => i.segments.map((s) => s.flight).join(' '))).toEqual(['KE82 KE705', 'NH961 CA989']);
		expect(d.excluded?.map((e) => `${e.code} ${e.flight ?? ''}`.trim())).toEqual([
			'HX CA981',
			'HX CA925',
			'WK KE82',
			'ARNK',
			'HL CA981',
		]);
		expect(d.dropped).toBeUndefined();
	});
});

// Constructed lines, one display layout each (the layouts in gds.ts's header comment); no capture shows these.
describe('unconfirmed, waitlisted and cancelled lines (constructed)', () => {
	it('Galileo: leaves the waitlisted (HL) HKG → PEK leg out, so the trip never reaches the mainland', () => {
		const text = [
			' 1. CX  873 Y  15MAR SFOHKG HK1  1155P * 640A O*         SU',
			' 2. CX  390 Y  17MAR HKGPEK HL1  1000A   105P O*         TU',
		].join('\n');
		const [it0, ...more] = parseGdsText(text);
		expect(more).toEqual([]);
		expect(it0).toEqual({
			segments: [{...held('HK', seg('CX873', 'SFO', 'HKG', '15MAR', '1155P', '640A'))[0]!, arrives: {time: '640A', dayOffset: 2}}],
			excluded: [
				{
					line: '2. CX  390 Y  17MAR HKGPEK HL1  1000A   105P O*         TU',
					flight: 'CX390',
					from: 'HKG',
					to: 'PEK',
					status: 'waitlisted',
					code: 'HL',
				},
			],
		});
		expect(route(it0!)).toBe('SFO-HKG');
	});

	it('Apollo: an airline cancellation (UN) and its waitlisted replacement (HL) both go; the held PR flight stays', () => {
		const text = [
			' 1 UA 857Y 15MAR SFOPVG HK1  1120A  350P|*      SU/MO   E',
			' 2 MU 597B 17MAR PVGMNL UN1   110P  420P *         TU   E',
			' 3 MU 597B 17MAR PVGMNL HL1   110P  420P           TU',
			' 4 PR 337Y 17MAR PVGMNL HK1  1010A  105P *         TU   E',
		].join('\n');
		const [it0] = parseGdsText(text);
		expect(it0?.segments.map((s) => `${s.flight} ${s.statusCode}`)).toEqual(['UA857 HK', 'PR337 HK']);
		expect(it0?.excluded?.map((e) => [e.code, e.status])).toEqual([
			['UN', 'cancelled'],
			['HL', 'waitlisted'],
		]);
	});

	it('eTerm: a requested (HN) flight is not a leg yet', () => {
		const text = [
			' 2.  CA1524 Y   FR20MAR  PEKSHA HN1   1400 1610          E T3T2',
			' 3.  MU5102 Y   SU22MAR  SHAPEK HK1   0900 1120          E T2T2',
		].join('\n');
		const [it0] = parseGdsText(text);
		expect(it0?.segments).toEqual(held('HK', seg('MU5102', 'SHA', 'PEK', '22MAR', '0900', '1120')));
		expect(it0?.excluded).toEqual([
			{
				line: '2.  CA1524 Y   FR20MAR  PEKSHA HN1   1400 1610          E T3T2',
				flight: 'CA1524',
				from: 'PEK',
				to: 'SHA',
				status: 'unconfirmed',
				code: 'HN',
			},
		]);
	});

	it('Amadeus: a schedule change shown as WK (old) and KK (new) yields the KK times only', () => {
		const text = [
			'  1.TEST/PASSENGER MR',
			'  2  CA 982 Y 20MAR 5 JFKPEK WK1  1300 1600 21MAR  E  CA/ABCDEF',
			'  3  CA 982 Y 20MAR 5 JFKPEK KK1  1330 1630 21MAR  E  CA/ABCDEF',
		].join('\n');
		expect(parseGdsText(text)).toEqual([
			{
				segments: held('KK', seg('CA982', 'JFK', 'PEK', '20MAR', '1330', '1630', '21MAR')),
				excluded: [
					{
						line: '2  CA 982 Y 20MAR 5 JFKPEK WK1  1300 1600 21MAR  E  CA/ABCDEF',
						flight: 'CA982',
						from: 'JFK',
						to: 'PEK',
						status: 'cancelled',
						code: 'WK',
					},
				],
			},
		]);
	});

	it('keeps a segment whose code the table does not know, with the code as printed', () => {
		const [it0] = parseGdsText(' 1 CA 982Y 20MAR 5 JFKPEK*ZQ1  1300  1600   21MAR 6 /DCCA /E');
		expect(it0).toEqual({segments: [{...seg('CA982', 'JFK', 'PEK', '20MAR', '1300', '1600', '21MAR'), statusCode: 'ZQ'}]});
	});

	it('gives a record of excluded flights only as an itinerary with no segments, and detect stops there', () => {
		const text = ' 1 CA 982Y 20MAR 5 JFKPEK*HL1  1300  1600   21MAR 6 /DCCA /E';
		expect(parseGdsText(text)).toEqual([
			{segments: [], excluded: [{line: text.trim(), flight: 'CA982', from: 'JFK', to: 'PEK', status: 'waitlisted', code: 'HL'}]},
		]);
		// Not dropped (nothing was refused) and not handed to the generic detector, which would read the line as a flight.
		expect(detectText(text, '2026-01-10', rules)).toEqual({
			adapter: 'gds',
			itineraries: [],
			excluded: [{line: text.trim(), flight: 'CA982', from: 'JFK', to: 'PEK', status: 'waitlisted', code: 'HL'}],
		});
	});
});

describe('surface segments end an itinerary (constructed lines)', () => {
	// Outbound to Beijing in March, home from Shanghai in June: one trip of three months without the split.
	const outbound = ' 1 CA 984Y 15MAR 7 LAXPEK*HK1  1150  1700   16MAR 1 /DCCA /E';
	const home = ' 3 MU 586Y 20JUN 6 PVGLAX*HK1  1215  0830 /DCMU /E';

	it('Sabre ARNK: two trips, each checked on its own', () => {
		const itineraries = parseGdsText([outbound, ' 2 ARNK', home].join('\n'));
		expect(itineraries.map((i) => route(i))).toEqual(['LAX-PEK', 'PVG-LAX']);
		expect(itineraries[0]?.excluded).toEqual([{line: '2 ARNK', from: 'PEK', to: 'PVG', status: 'surface', code: 'ARNK'}]);
		expect(itineraries[1]?.excluded).toBeUndefined();
	});

	it('the same for Amadeus, Galileo and Apollo ARNK lines, a ruled ARNK, ARUNK and SURFACE', () => {
		for (const line of ['  2  ARNK', ' 2. ARNK', ' 2   ARNK', '---- ARNK ----', ' 2 ARUNK', ' 2 SURFACE', '2.ARNK']) {
			expect(
				parseGdsText([outbound, line, home].join('\n')).map((i) => route(i)),
				line,
			).toEqual(['LAX-PEK', 'PVG-LAX']);
		}
	});

	it('eTerm: the ARNK names its two ends (ICN → GMP), and the trailing page mark is not a word', () => {
		const text = [
			' 3.  CA131  Y   FR13MAR  PEKICN HK1   0830 1140          E T3T1',
			' 4.    ARNK              ICNGMP                                                +',
			' 5.  CA132  Y   SU22MAR  GMPPEK HK1   1320 1430          E I T3',
		].join('\n');
		const itineraries = parseGdsText(text);
		expect(itineraries.map((i) => route(i))).toEqual(['PEK-ICN', 'GMP-PEK']);
		expect(itineraries[0]?.excluded).toEqual([
			{
				line: '4.    ARNK              ICNGMP                                                +',
				from: 'ICN',
				to: 'GMP',
				status: 'surface',
				code: 'ARNK',
			},
		]);
	});

	it('SURFACE with a hyphenated city pair names its ends too', () => {
		const itineraries = parseGdsText([outbound, ' 2 SURFACE PEK-SHA', home].join('\n'));
		expect(itineraries[0]?.excluded).toEqual([{line: '2 SURFACE PEK-SHA', from: 'PEK', to: 'SHA', status: 'surface', code: 'SURFACE'}]);
	});

	it('does not split at prose that mentions a surface sector', () => {
		for (const line of ['SURFACE TRANSPORT BY TRAIN PEK TO SHA', '  RMK ARNK BETWEEN PEK AND SHA', 'the ARNK segment']) {
			// An indented remark keeps the record open; an unindented line ends it as any foreign line does.
			const n = parseGdsText([outbound, line, ' 2 CA 981Y 20MAR 5 PEKJFK*HK1  1300  1400 /DCCA /E'].join('\n'));
			expect(
				n.flatMap((i) => i.excluded ?? []),
				line,
			).toEqual([]);
		}
		const [it0] = parseGdsText(
			[outbound, '  RMK ARNK BETWEEN PEK AND SHA', ' 2 CA 981Y 20MAR 5 PEKJFK*HK1  1300  1400 /DCCA /E'].join('\n'),
		);
		expect(route(it0!)).toBe('LAX-PEK PEK-JFK');
	});

	it('ignores a surface line before any flight, and an ARNK where the numbering starts a new record', () => {
		expect(parseGdsText([' 1 ARNK', ' 2 CA 981Y 20MAR 5 PEKJFK*HK1  1300  1400 /DCCA /E'].join('\n'))).toEqual([
			{segments: held('HK', seg('CA981', 'PEK', 'JFK', '20MAR', '1300', '1400'))},
		]);
		const restarted = parseGdsText([outbound, ' 1 ARNK', ' 2 CA 981Y 20MAR 5 PEKJFK*HK1  1300  1400 /DCCA /E'].join('\n'));
		expect(restarted.map((i) => [route(i), i.excluded])).toEqual([
			['LAX-PEK', undefined],
			['PEK-JFK', undefined],
		]);
	});

	it('splits an Amadeus print-out at a ruled ARNK line between two FLIGHT blocks', () => {
		const text = [
			'FLIGHT     CA 984 - AIR CHINA                                SUN 15 MARCH 2026',
			'-----------------------------------------------------------------------------',
			'DEPARTURE: LOS ANGELES, CA (LAX)                                 15 MAR 11:50',
			'ARRIVAL:   BEIJING, CN (PEK)                                     16 MAR 17:00',
			'---- ARNK ----',
			'FLIGHT     MU 586 - CHINA EASTERN                            SAT 20 JUNE 2026',
			'-----------------------------------------------------------------------------',
			'DEPARTURE: SHANGHAI, CN (PVG)                                    20 JUN 12:15',
			'ARRIVAL:   LOS ANGELES, CA (LAX)                                 20 JUN 08:30',
		].join('\n');
		const itineraries = parseGdsText(text);
		expect(itineraries.map((i) => route(i))).toEqual(['LAX-PEK', 'PVG-LAX']);
		expect(itineraries[0]?.excluded).toEqual([{line: '---- ARNK ----', from: 'PEK', to: 'PVG', status: 'surface', code: 'ARNK'}]);
	});
});

describe('arrival day marks (constructed lines)', () => {
	// [layout, line, arrival clock, days after the departure's date]; the marks are the layouts' own.
	const cases: [string, string, string, number][] = [
		['Galileo # before, spaced', ' 1. CA  986 Y  15MAR SFOPEK HK1   145P # 605P O*         SU', '605P', 1],
		['Galileo # before, glued', ' 1. DL  159 Y  15MAR ATLPVG HK1  1205P #330P O*         SU', '330P', 1],
		['Galileo * before (+2)', ' 1. CX  873 Y  15MAR SFOHKG HK1  1155P * 640A O*         SU', '640A', 2],
		['Galileo - before (-1)', ' 1. UA  154 Y  20MAR GUMHNL HK1   715A - 750P O*         FR', '750P', -1],
		['Apollo | after', ' 1 UA 857Y 15MAR SFOPVG HK1  1120A  350P|*      SU/MO   E', '350P', 1],
		['Apollo | after, spaced', ' 1 UA 857Y 15MAR SFOPVG HK1  1120A  350P |*  ', '350P', 1],
		['Apollo + after', ' 1 UA 857Y 15MAR SFOPVG HK1  1120A  350P+*      SU/MO   E', '350P', 1],
		['Apollo digit after', ' 1 UA 869Y 15MAR SFOHKG HK1  1140P  540A2*      SU/TU   E', '540A', 2],
		['#1 after', ' 1 CA 982Y 15MAR 7 JFKPEK*HK1  1255P  0340P#1 /DCCA /E', '0340P', 1],
		['#2 after', ' 1 CX 841Y 15MAR 7 JFKHKG*HK1  1145P  0545A#2 /DCCX /E', '0545A', 2],
		['+2 after', ' 1 SQ  24Y 15MAR 7 JFKSIN*HK1  2230  0515+2 /DCSQ /E', '0515', 2],
		['eTerm -1', ' 2.  CA987  Y   MO16MAR  PEKLAX HK1   0100 2150-1          E T3TB', '2150', -1],
	];

	it.each(cases)('%s', (_layout, line, time, dayOffset) => {
		const [it0] = parseGdsText(line);
		expect(it0?.segments[0]?.arrives).toEqual({time, dayOffset});
	});

	it('normalises a Galileo * (+2) arrival two days on', () => {
		const [it0] = parseGdsText(' 1. CX  873 Y  15MAR SFOHKG HK1  1155P * 640A O*         SU');
		const n = normalizeItinerary(it0!, '2026-01-10', rules);
		expect(n.ok && n.segments[0]).toEqual({
			from: 'SFO',
			to: 'HKG',
			flight: 'CX873',
			departure: '2026-03-15T23:55',
			arrival: '2026-03-17T06:40',
		});
	});

	// Amadeus right-aligns both clocks in five columns, so a five-character arrival touches the departure.
	it('reads Amadeus clocks that run together (530P1125A) as two clocks', () => {
		const [it0] = parseGdsText('  4  LH 730 Y 22MAR 7 FRAPVG HK1   530P1125A 23MAR  E  LH/ABCDEF');
		expect(it0?.segments).toEqual(held('HK', seg('LH730', 'FRA', 'PVG', '22MAR', '530P', '1125A', '23MAR')));
	});

	it('still refuses a run of digits that is no pair of clocks, and says so', () => {
		// Read as no flight, and reported as a segment line not read (before 2026-12-05 it was left out without a word).
		expect(parseGdsText('  4  LH 728 Y 22MAR 7 FRAPVG HK1   95001520 23MAR  E')).toEqual([
			{
				segments: [],
				excluded: [
					{
						line: '4  LH 728 Y 22MAR 7 FRAPVG HK1   95001520 23MAR  E',
						flight: 'LH728',
						from: 'FRA',
						to: 'PVG',
						status: 'unread',
						code: 'unread',
					},
				],
			},
		]);
	});
});

describe('a segment line the reader cannot read', () => {
	// Constructed, in Amadeus's layout: the middle flight's clocks are garbled (a copy that lost a space). Before
	// 2026-12-05 its line was passed over as a remark, and the legs either side read as one trip with nothing between:
	// a stay in Shanghai from the arrival at PVG to the departure from PEK.
	const text = [
		'RP/PAR1A0980/PAR1A0980            AA/SU  15MAR26/1200Z   ABC123',
		'  1.DOE/JOHN MR',
		'  2  AF 116 Y 15MAR 7 CDGPVG HK1  1325 0720+1 *1A/E*',
		'  3  MU5101 Y 17MAR 2 SHAPEK HK1  08001015  *1A/E*',
		'  4  CA 981 Y 20MAR 5 PEKJFK HK1  1300 1400  *1A/E*',
		'  5 AP PAR 0123456789',
		'  6 SSR DOCS AF HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/DOE/JOHN',
	].join('\n');

	it('is reported as not read, and the legs either side are judged apart', () => {
		expect(parseGdsText(text)).toEqual([
			{
				segments: [
					{
						from: 'CDG',
						to: 'PVG',
						departs: {date: '15MAR', time: '1325'},
						arrives: {time: '0720', dayOffset: 1},
						flight: 'AF116',
						status: 'confirmed',
						statusCode: 'HK',
					},
				],
				excluded: [
					{
						line: '3  MU5101 Y 17MAR 2 SHAPEK HK1  08001015  *1A/E*',
						flight: 'MU5101',
						from: 'SHA',
						to: 'PEK',
						status: 'unread',
						code: 'unread',
					},
				],
			},
			{
				segments: [
					{
						from: 'PEK',
						to: 'JFK',
						departs: {date: '20MAR', time: '1300'},
						arrives: {time: '1400'},
						flight: 'CA981',
						status: 'confirmed',
						statusCode: 'HK',
					},
				],
			},
		]);
	});

	it('takes no other numbered element for one: contacts, service requests, hotels, names', () => {
		for (const line of [
			'  5 AP PAR 0123456789',
			'  6 SSR DOCS AF HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/DOE/JOHN',
			'  7 HHL HY HK1 PEK 15MAR-18MAR 2NTS',
			'  8 OSI CA CTCM 8613800000000',
			'  9 TK OK15MAR/PAR1A0980',
		])
			expect(parseGdsText(`  1  CA 981 Y 20MAR 5 PEKJFK HK1  1300 1400\n${line}`), line).toHaveLength(1);
		expect(
			parseGdsText(
				'  2  CA 981 Y 20MAR 5 PEKJFK HK1  1300 1400\n  3 SSR DOCS AF HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/DOE/JOHN',
			)[0]!.excluded,
		).toBeUndefined();
	});
});

describe('TravelSky eTerm RT display with sub-classes (constructed)', () => {
	// Sub-class digits after the booking class (W1, T2, Y1), a code share (`*MU8663 … OP-CX`), and a date that carries
	// its year and runs into the city pair (20SEP26HKGCAN), as RT shows segments outside the current year.
	const text = [
		' 1.TEST/PASSENGER MR AB1CDE',
		' 2.  MU5101 W1  TU15SEP  SHAPEK HK1   0800 1010          E T2T3',
		' 3. *MU8663 T2  FR18SEP  PEKHKG HK1   1320 1705          E T3T1 OP-CX391',
		' 4.  CZ3102 Y1  SU20SEP26HKGCAN HK1   0930 1035          E T1T2',
		' 5.SHA/T SHA/T 021-00000000/TEST AGENCY/ABCDEFG',
	].join('\n');

	it('reads every segment line of the record', () => {
		expect(parseGdsText(text)).toEqual([
			{
				segments: held(
					'HK',
					seg('MU5101', 'SHA', 'PEK', '15SEP', '0800', '1010'),
					seg('MU8663', 'PEK', 'HKG', '18SEP', '1320', '1705'),
					seg('CZ3102', 'HKG', 'CAN', '20SEP26', '0930', '1035'),
				),
			},
		]);
	});

	it('normalises the year the line prints', () => {
		const n = normalizeItinerary(parseGdsText(text)[0]!, '2026-01-10', rules);
		expect(n.ok && n.segments.map((s) => s.departure)).toEqual(['2026-09-15T08:00', '2026-09-18T13:20', '2026-09-20T09:30']);
	});
});

describe('splitByStatus, the shared layer', () => {
	const f = (from: string, to: string, status?: RawSegment['status'], statusCode?: string): RawSegment => ({
		from,
		to,
		...(status ? {status} : {}),
		...(statusCode ? {statusCode} : {}),
	});

	it('keeps confirmed and statusless segments in order and moves the others out, splitting at surface ones', () => {
		const out = splitByStatus({
			segments: [
				f('AAA', 'BBB'),
				f('BBB', 'CCC', 'cancelled', 'HX'),
				f('BBB', 'CCC', 'confirmed', 'HK'),
				f('CCC', 'DDD', 'surface', 'ARNK'),
				f('DDD', 'EEE', 'waitlisted', 'HL'),
				f('DDD', 'EEE'),
			],
		});
		expect(out).toEqual([
			{
				segments: [f('AAA', 'BBB'), f('BBB', 'CCC', 'confirmed', 'HK')],
				excluded: [
					{from: 'BBB', to: 'CCC', status: 'cancelled', code: 'HX'},
					{from: 'CCC', to: 'DDD', status: 'surface', code: 'ARNK'},
				],
			},
			{segments: [f('DDD', 'EEE')], excluded: [{from: 'DDD', to: 'EEE', status: 'waitlisted', code: 'HL'}]},
		]);
	});

	it('carries exclusions before the first kept segment to it, and those after the last to the last', () => {
		const out = splitByStatus({segments: [f('AAA', 'BBB', 'surface', 'ARNK'), f('BBB', 'CCC'), f('CCC', 'DDD', 'unconfirmed', 'NN')]});
		expect(out).toEqual([
			{
				segments: [f('BBB', 'CCC')],
				excluded: [
					{from: 'AAA', to: 'BBB', status: 'surface', code: 'ARNK'},
					{from: 'CCC', to: 'DDD', status: 'unconfirmed', code: 'NN'},
				],
			},
		]);
	});

	it('leaves an itinerary with nothing to exclude untouched', () => {
		expect(splitByStatus({segments: [f('AAA', 'BBB'), f('BBB', 'CCC', 'confirmed', 'KK')]})).toEqual([
			{segments: [f('AAA', 'BBB'), f('BBB', 'CCC', 'confirmed', 'KK')]},
		]);
	});

	it('is what the normaliser insists on: a segment of an excluded status is refused, not checked', () => {
		expect(normalizeItinerary({segments: [f('JFK', 'PEK', 'cancelled', 'HX')]}, '2026-01-10', rules)).toEqual({
			ok: false,
			problem: 'segment 1: cancelled (HX), not a flight to check',
		});
		expect(normalizeItinerary({segments: [f('JFK', 'PEK'), f('PEK', 'PVG', 'surface')]}, '2026-01-10', rules)).toEqual({
			ok: false,
			problem: 'segment 2: surface (no code), not a flight to check',
		});
		expect(normalizeItinerary({segments: [f('JFK', 'PEK', 'confirmed', 'HK')]}, '2026-01-10', rules)).toEqual({
			ok: true,
			segments: [{from: 'JFK', to: 'PEK'}],
		});
	});
});

describe('parsing time grows with the line, not its square', () => {
	// Each of these ends where a greedy run would have to be tried at every length: with a backtracking pattern the
	// 100,000-character lines take minutes (the print-out's DEPARTURE line did, before it was read in steps); read
	// linearly they take milliseconds.
	const n = 100_000;
	const lines = [
		`1 CA 981Y 15MAR PEKJFK HK1 ${' '.repeat(n)}X`,
		`1 CA 981Y 15MAR PEKJFK HK1 1300${' '.repeat(n)}#${' '.repeat(n)}X`,
		`1 CA 981Y 15MAR${' '.repeat(n)}Z`,
		` 1. ${'CA 981Y '.repeat(n / 8)}`,
		`1 ARNK ${'PEK '.repeat(n / 4)}`,
		`${' '.repeat(n)}ARNK${' '.repeat(n)}X`,
		`${'-'.repeat(n)} ARNK ${'-'.repeat(n)}`,
		`1 ARNK X${'-'.repeat(n)}X`,
		`FLIGHT     CA 984 - AIR CHINA\nDEPARTURE: X${' '.repeat(n)}`,
		`FLIGHT     CA 984 - AIR CHINA\nARRIVAL:   ${'1 ABC  '.repeat(n / 7)}`,
		`1 CA 981Y 15MAR PEKJFK HK1 1300 ${'1'.repeat(n)}`,
		'1'.repeat(n),
		`1 CA 981Y 15MAR PEKJFK HK1 ${'1 '.repeat(n / 2)}`,
		`1 CA 981Y 15MAR PEKJFK*${' '.repeat(n)}3/1`,
		`1    DL   1771  V  07OCT  MEMATL 1044A  OK ${'X'.repeat(n)} `,
		`   OPEN EK 0220  X  13MAR MCODXB 0220P OK ${'X '.repeat(n / 2)}`,
		`   OPEN EK 0220${' '.repeat(n)}X`,
		`${' '.repeat(n)}O FM:1HET CA    8113  S 21MAY 0815 OK S ${' '.repeat(n)}X`,
		`O FM:1HET CA    8113  S 21MAY 0815 OK S ${'OPEN FOR USE '.repeat(n / 13)}`,
		`${' '.repeat(n)}TO:${' '.repeat(n)}X`,
	];

	it.each(lines.map((l, i) => [i, l]))('line %i', (_i, line) => {
		const started = performance.now();
		parseGdsText(line as string);
		parseGdsText(
			Array(20)
				.fill(line)
				.join('\n')
				.slice(0, 2 * n),
		);
		expect(performance.now() - started).toBeLessThan(LINEAR_BUDGET_MS);
	});
});
