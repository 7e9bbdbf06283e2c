import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {RawSegment} from '../../../lib/itinerary';
import {detectText} from '../../../lib/detect';
import {parseEtermAv} from '../../../lib/extract/eterm-av';
import {bundledAirports} from '../../../lib/airports/bundled';
import {loadRules} from '../../../lib/rules/load-rules';

const airports = bundledAirports();
const read = (text: string) => parseEtermAv(text, airports);
const rules = loadRules();

/** A fixture without its `# source:` line. */
function fixture(name: string): string {
	const text = readFileSync(new URL(`../../fixtures/gds/${name}`, import.meta.url), 'utf8');
	if (!text.startsWith('# source:')) throw new Error(`${name}: the first line must be its # source: line`);
	return text.slice(text.indexOf('\n') + 1);
}

/** One flight as an AV line prints it: clocks on the display's date, `+n` days after it where the line says so. */
function leg(flight: string, from: string, to: string, date: string, dep: string, arr: string, depDays = 0, arrDays = 0): RawSegment {
	return {
		from,
		to,
		flight,
		departs: depDays ? {date, time: dep, dayOffset: depDays} : {date, time: dep},
		arrives: arrDays ? {date, time: arr, dayOffset: arrDays} : {date, time: arr},
	};
}

describe('eTerm AV display (bmrxntfj/eterm-parser tests/parse.rs)', () => {
	// Values read off the fixture's lines: four options, each a connection; the `>` lines are operating flights and
	// terminals, not legs.
	it('reads each numbered option as one itinerary, its connection included', () => {
		expect(read(fixture('bmrxntfj__eterm-parser__av-pkxsha.txt'))).toEqual({
			itineraries: [
				{segments: [leg('KN6856', 'PKX', 'XIY', '03AUG', '0900', '1120'), leg('MU2159', 'XIY', 'SHA', '03AUG', '1400', '1620')]},
				{segments: [leg('KN6856', 'PKX', 'XIY', '03AUG', '0900', '1120'), leg('MU3502', 'XIY', 'PVG', '03AUG', '1500', '1720')]},
				{segments: [leg('KN5730', 'PKX', 'WNZ', '03AUG', '0915', '1145'), leg('FM9530', 'WNZ', 'PVG', '03AUG', '1545', '1650')]},
				{segments: [leg('KN5730', 'PKX', 'WNZ', '03AUG', '0915', '1145'), leg('MU8610', 'WNZ', 'PVG', '03AUG', '1545', '1650')]},
			],
			refused: [],
		});
	});

	it('gives each option its own itinerary in the pipeline, the year from the reference date', () => {
		const detection = detectText(fixture('bmrxntfj__eterm-parser__av-pkxsha.txt'), '2023-07-20', rules);
		expect(detection.adapter).toBe('gds');
		expect(
			detection.itineraries.map((i) => i.segments.map((s) => `${s.flight} ${s.from}-${s.to} ${s.departure} ${s.arrival}`)),
		).toEqual([
			['KN6856 PKX-XIY 2023-08-03T09:00 2023-08-03T11:20', 'MU2159 XIY-SHA 2023-08-03T14:00 2023-08-03T16:20'],
			['KN6856 PKX-XIY 2023-08-03T09:00 2023-08-03T11:20', 'MU3502 XIY-PVG 2023-08-03T15:00 2023-08-03T17:20'],
			['KN5730 PKX-WNZ 2023-08-03T09:15 2023-08-03T11:45', 'FM9530 WNZ-PVG 2023-08-03T15:45 2023-08-03T16:50'],
			['KN5730 PKX-WNZ 2023-08-03T09:15 2023-08-03T11:45', 'MU8610 WNZ-PVG 2023-08-03T15:45 2023-08-03T16:50'],
		]);
	});
});

describe('eTerm AV display (synthetic: command, year, day offsets)', () => {
	it('counts a `+1` from the display date, on a connection too', () => {
		const {itineraries, refused} = read(fixture('synthetic__eterm-av-hkglax.txt'));
		expect(refused).toEqual([]);
		expect(itineraries).toEqual([
			{segments: [leg('MU506', 'HKG', 'PVG', '20MAY26', '0810', '1040'), leg('MU583', 'PVG', 'LAX', '20MAY26', '1300', '0930')]},
			{
				segments: [
					leg('MU502', 'HKG', 'PVG', '20MAY26', '2050', '2330'),
					leg('MU581', 'PVG', 'LAX', '20MAY26', '1250', '0820', 1, 1),
				],
			},
			{
				segments: [
					leg('DL6411', 'HKG', 'PVG', '20MAY26', '2050', '2330'),
					leg('DL6408', 'PVG', 'LAX', '20MAY26', '1250', '0820', 1, 1),
				],
			},
		]);
	});

	it('normalises the offsets to the next day and keeps the year the header prints', () => {
		// The reference date is years away: the header's `26` decides.
		const detection = detectText(fixture('synthetic__eterm-av-hkglax.txt'), '2023-01-01', rules);
		expect(detection.adapter).toBe('gds');
		expect(detection.itineraries[1]!.segments).toEqual([
			{from: 'HKG', to: 'PVG', departure: '2026-05-20T20:50', arrival: '2026-05-20T23:30', flight: 'MU502'},
			{from: 'PVG', to: 'LAX', departure: '2026-05-21T12:50', arrival: '2026-05-21T08:20', flight: 'MU581'},
		]);
	});
});

describe('eTerm AV lines', () => {
	const header = ' 15MAR(SUN) PEKSHA';

	it('reads options of one flight each, the date from the header', () => {
		const text = [
			header,
			'1-  CA1501  DS# FA AS YA BA MA HA KA LA QA GA  PEKSHA 0830   1045   33A 0^L  E',
			'>               SA NA VA UA TA EA                                   T3 T2  2:15',
			'2   MU5102  AS# F8 YA BQ                       PEKSHA 0900   1110   333 0^B  E',
			'3+ *FM9102  DS! Y0 B0                          PEKPVG 0930   1145   32L 0 S  E',
		].join('\n');
		expect(read(text).itineraries).toEqual([
			{segments: [leg('CA1501', 'PEK', 'SHA', '15MAR', '0830', '1045')]},
			{segments: [leg('MU5102', 'PEK', 'SHA', '15MAR', '0900', '1110')]},
			{segments: [leg('FM9102', 'PEK', 'PVG', '15MAR', '0930', '1145')]},
		]);
	});

	it('takes the date from the command when the header is missing, and the header over the command', () => {
		const option = '1-  CA1501  DS# FA YA  PEKSHA 0830   1045   33A 0^L  E';
		expect(read(`AV:PEKSHA/15MAR\n${option}`).itineraries[0]!.segments[0]!.departs).toEqual({date: '15MAR', time: '0830'});
		expect(read(`>avh/pekSHA/16mar/ca\n${option}`).itineraries[0]!.segments[0]!.departs).toEqual({date: '16MAR', time: '0830'});
		expect(read(`AV:H/PEKSHA/15MAR/0800/CA\n 17MAR(TUE) PEKSHA\n${option}`).itineraries[0]!.segments[0]!.departs).toEqual({
			date: '17MAR',
			time: '0830',
		});
	});

	it('reads a departure on a later day than the display date', () => {
		const text = `${header}\n1   CA981   DS# JA YA  PEKJFK 0010+1 0150+1  77W 0^D  E`;
		expect(read(text).itineraries).toEqual([{segments: [leg('CA981', 'PEK', 'JFK', '15MAR', '0010', '0150', 1, 1)]}]);
	});

	it('reads a display whose terminal joined the `>` line to the flight line, and CRLF line ends', () => {
		const text = ` 31JAN19(THU) SHAHRB DIRECT ONLY  \r\n1-  CZ6210  DS# J8 CQ DQ  PVGHRB 0635   0950   320 0^C  E  >               MQ HQ   T2 --  3:15\r\n`;
		expect(read(text).itineraries).toEqual([{segments: [leg('CZ6210', 'PVG', 'HRB', '31JAN19', '0635', '0950')]}]);
	});

	it('reads nothing from lines that are not options', () => {
		const text = [
			header,
			'>               SA NA VA UA TA EA                                   T3 T2  2:15',
			'               ** M1S H1S K1S',
			' **  ALL SCHEDULED MU OR FM FLIGHTS OPERATED BY MU OR FM',
			' 1.  CA981  Y   SU15MAR  PEKJFK HK1   1300 1450          E T3T1',
			'15MAR 0830 1045',
			'CNY 1240.00  0830',
			'1- CA1501 PEKSHA 0830 1045',
			'PAGE 1/1',
		].join('\n');
		expect(read(text)).toEqual({itineraries: [], refused: []});
	});

	it('reads nothing from an empty display', () => {
		expect(read('')).toEqual({itineraries: [], refused: []});
		expect(read(header)).toEqual({itineraries: [], refused: []});
		expect(read(`${header}\nNO DISPLAYABLE FLIGHTS`)).toEqual({itineraries: [], refused: []});
	});

	it('refuses an option it cannot place whole, and says why, keeping the others', () => {
		const text = [
			header,
			'1-  CA1501  DS# FA YA  PEKSHA 0830   1045   33A 0^L  E',
			'2   CA1831  DS# FA YA  PEKXIY 0800   1015   33A 0^L  E',
			'    MU2159  DS# YA BA     QQQ 1400   1620   32L 0^S  E',
			'3   CA1519  DS# FA YA  PEKSHA 2599   2815   33A 0^L  E',
			'4   CA1883  DS# FA YA     SHA 0900   1110   33A 0^L  E',
			'5+  CA1885  DS# FA YA  PEKSHA 1000   1210   33A 0^L  E',
		].join('\n');
		const {itineraries, refused} = read(text);
		expect(itineraries).toEqual([
			{segments: [leg('CA1501', 'PEK', 'SHA', '15MAR', '0830', '1045')]},
			{segments: [leg('CA1885', 'PEK', 'SHA', '15MAR', '1000', '1210')]},
		]);
		// Option 2 loses its first flight too: without the connection it would be judged as a trip that ends in Xi'an.
		expect(refused).toEqual([
			{line: 'MU2159  DS# YA BA     QQQ 1400   1620   32L 0^S  E', why: 'unknown airport QQQ'},
			{line: '3   CA1519  DS# FA YA  PEKSHA 2599   2815   33A 0^L  E', why: '"2599" is not a clock'},
			{line: '4   CA1883  DS# FA YA     SHA 0900   1110   33A 0^L  E', why: 'an option starts with its city pair, not "SHA" alone'},
		]);
	});

	it('says in the detection which lines it could not place (unreadLines), beside the options it read', () => {
		const text = [
			header,
			'1-  CA1501  DS# FA YA  PEKSHA 0830   1045   33A 0^L  E',
			'2   CA1831  DS# FA YA  PEKXIY 0800   1015   33A 0^L  E',
			'    MU2159  DS# YA BA     QQQ 1400   1620   32L 0^S  E',
		].join('\n');
		const d = detectText(text, '2026-03-01', rules);
		expect(d.adapter).toBe('gds');
		expect(d.itineraries.map((i) => i.segments.map((s) => s.flight))).toEqual([['CA1501']]);
		expect(d.unreadLines).toEqual([{line: 'MU2159  DS# YA BA     QQQ 1400   1620   32L 0^S  E', why: 'unknown airport QQQ'}]);
		// Nothing placed at all: the lines are still reported, from every source.
		const none = detectText(`${header}\n${'1-  CA1501  DS# FA YA  PEKQQQ 0830   1045   33A 0^L  E'}`, '2026-03-01', rules);
		expect(none.itineraries).toEqual([]);
		expect(none.unreadLines).toEqual([{line: '1-  CA1501  DS# FA YA  PEKQQQ 0830   1045   33A 0^L  E', why: 'unknown airport QQQ'}]);
	});

	it('refuses options without a date above them, and connections without an option', () => {
		const option = '1-  CA1501  DS# FA YA  PEKSHA 0830   1045   33A 0^L  E';
		const connection = '    MU2159  DS# YA BA     SHA 1400   1620   32L 0^S  E';
		expect(read(option)).toEqual({
			itineraries: [],
			refused: [{line: option.trim(), why: 'no AV header or command above it gives the date'}],
		});
		expect(read(`${header}\n${connection}`)).toEqual({
			itineraries: [],
			refused: [{line: connection.trim(), why: 'a connecting flight with no option above it'}],
		});
		// A blank line or prose ends an option: what follows is not its connection.
		expect(read(`${header}\n${option}\n\n${connection}`)).toEqual({
			itineraries: [{segments: [leg('CA1501', 'PEK', 'SHA', '15MAR', '0830', '1045')]}],
			refused: [{line: connection.trim(), why: 'a connecting flight with no option above it'}],
		});
	});

	it('reads an AV display beside an RT display in one paste', () => {
		const text = [
			' 1.  CA981  Y   SU15MAR  PEKJFK HK1   1300 1450          E T3T1',
			'',
			header,
			'1-  CA1501  DS# FA YA  PEKSHA 0830   1045   33A 0^L  E',
		].join('\n');
		const detection = detectText(text, '2026-01-10', rules);
		expect(detection.adapter).toBe('gds');
		expect(detection.itineraries.map((i) => i.segments.map((s) => s.flight))).toEqual([['CA981'], ['CA1501']]);
	});
});
