import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

/** Runs the real command, as `npm run --silent detect -- ARGS` would. */
function detect(args: string[]) {
	const r = spawnSync('npx', ['tsx', 'scripts/detect.ts', ...args], {encoding: 'utf8'});
	return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** The same, without blocking, so the quick bad-input cases can run side by side. */
function detectAsync(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		const child = spawn('npx', ['tsx', 'scripts/detect.ts', ...args]);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
		child.on('close', (code) => resolve({code, stdout, stderr}));
	});
}

type Output = {
	adapter: string;
	itineraries: {segments: Record<string, unknown>[]; confidence: string}[];
	dropped?: number;
	excluded?: Record<string, unknown>[];
};

function ok(args: string[]): Output {
	const r = detect(args);
	expect(r.stderr).toBe('');
	expect(r.code).toBe(0);
	return JSON.parse(r.stdout) as Output;
}

const SLOW = 60_000; // jsdom and a 0.7 MB page in a fresh process

describe('npm run detect', () => {
	it(
		'reads a Google Flights results page through its adapter',
		() => {
			const out = ok([
				'test/fixtures/google-flights/sfo-nrt-2025.html',
				'--url',
				'https://www.google.com/travel/flights/search?tfs=x',
				'--date',
				'2025-07-09',
			]);
			expect(out.adapter).toBe('google-flights');
			// 56 cards, of which 28 to 55 repeat 0 to 27 (the hidden copy of the list; sfo-nrt-2025.expected.json): 28 itineraries.
			expect(out.itineraries).toHaveLength(28);
			expect(out.dropped).toBeUndefined();
			for (const i of out.itineraries) expect(i.confidence).toBe('structured');
			// The same itinerary test/dom/google-flights.test.ts reads off the card ("Leaves … at 12:05 AM on Wednesday,
			// August 20 … a 3 hr 5 min layover at Hong Kong International Airport").
			const cx = out.itineraries.filter((i) => i.segments.map((s) => s.flight).join('|') === 'CX851|CX526');
			expect(cx.map((i) => i.segments)).toContainEqual([
				{from: 'SFO', to: 'HKG', departure: '2025-08-20T00:05', arrival: '2025-08-21T05:10', flight: 'CX851'},
				{from: 'HKG', to: 'NRT', departure: '2025-08-21T08:15', arrival: '2025-08-21T13:40', flight: 'CX526'},
			]);
		},
		SLOW,
	);

	it(
		"reads the JSON-LD in a saved e-mail's HTML part",
		() => {
			// "flightNumber": "110", airline UA, SFO "2027-03-04T20:15:00-08:00" → JFK "2027-03-05T06:30:00-05:00"
			expect(ok(['test/fixtures/email/synthetic-flight-booking.eml', '--date', '2027-01-01'])).toEqual({
				adapter: 'structured-data',
				itineraries: [
					{
						segments: [{from: 'SFO', to: 'JFK', departure: '2027-03-04T20:15', arrival: '2027-03-05T06:30', flight: 'UA110'}],
						confidence: 'structured',
					},
				],
			});
		},
		SLOW,
	);

	it(
		'reads a GDS segment line, and the passengers’ nationality the record gives',
		() => {
			// " 1. DL   38 Y  20JAN HKGSEA HS3  1145   0811  O           SA": no arrival date, so the arrival clock is on 20 Jan.
			// "SI.P1/SSRDOCSDLHK1/P/CH/E12345678/CH/07JAN76/F/…" for each of the three passengers: nationality CH, once.
			expect(
				ok(['test/fixtures/gds/KDE__kitinerary__travelport-galileo_single-leg-three-passengers.txt', '--date', '2026-01-10']),
			).toEqual({
				adapter: 'gds',
				itineraries: [
					{
						segments: [{from: 'HKG', to: 'SEA', departure: '2026-01-20T11:45', arrival: '2026-01-20T08:11', flight: 'DL38'}],
						confidence: 'structured',
					},
				],
				passengerNationalities: [{printed: 'CH', country: 'CH'}],
			});
		},
		SLOW,
	);

	it(
		'gives the nationalities of a record on a page as printed, with the country only where the code is one',
		() => {
			const dir = mkdtempSync(join(tmpdir(), 'detect-test-'));
			const page = join(dir, 'agency.html');
			// An Amadeus record in an agent's page: a passenger of French nationality (FRA) and one of the passport zone
			// XXX (no country), each with a passport entry; a DOCA (address) item is not a passport entry.
			writeFileSync(
				page,
				'<!doctype html><title>PNR</title><pre>\n 1 CA 982Y 15MAR 7 JFKPEK SS1  1300  1650   16MAR 1 /E\n' +
					'  3 SSR DOCS CA HK1 P/FRA/12AB34567/FRA/01JAN80/M/01JAN30/MARTIN/PAUL/P1\n' +
					'  4 SSR DOCS CA HK1 P/FRA/98ZX76543/XXX/02FEB82/F/02FEB31/MARTIN/ANNE/P2\n' +
					'  5 SSR DOCA CA HK1 R/US/1 MAIN ST/NEW YORK/NY/10001/P1\n</pre>',
			);
			const out = ok([page, '--date', '2026-03-01']) as Output & {passengerNationalities?: unknown};
			expect(out.adapter).toBe('gds');
			expect(out.passengerNationalities).toEqual([{printed: 'FRA', country: 'FR'}, {printed: 'XXX'}]);
		},
		SLOW,
	);

	it(
		'names the city and its airports where an unknown airport is a city’s code (BJS), under "cityCodes"',
		() => {
			const dir = mkdtempSync(join(tmpdir(), 'detect-test-'));
			const record = join(dir, 'record.txt');
			// Constructed record lines through Beijing's city code (data/airports.json `metros`), which names no airport.
			writeFileSync(record, ' 1 CA 982 Y 15MAR 7 JFKBJS HK1  1300  1500+1\n 2 CA 925 Y 17MAR 2 BJSNRT HK1  0830  1245\n');
			const out = ok([record, '--date', '2026-03-01']) as Output & {unknownAirports?: {unknown: string[]}[]; cityCodes?: unknown};
			expect(out.itineraries).toEqual([]);
			expect(out.unknownAirports?.map((u) => u.unknown)).toEqual([['BJS'], ['BJS']]);
			expect(out.cityCodes).toEqual({BJS: {city: 'Beijing', airports: ['PEK', 'PKX']}});
			// An airport the table does not know that is no city's code gives none.
			writeFileSync(record, ' 1 CA 982 Y 15MAR 7 JFKQQQ HK1  1300  1500+1\n');
			expect(ok([record, '--date', '2026-03-01'])).not.toHaveProperty('cityCodes');
		},
		SLOW,
	);

	// The synthetic Sabre display of test/unit/extract/gds.test.ts: HX flights via PEK, a WK/TK schedule change, an
	// ARNK, a waitlisted (HL) flight. Values read off the fixture's lines.
	it(
		'lists the segments it left out, and why, under "excluded"',
		() => {
			expect(ok(['test/fixtures/gds/synthetic__sabre-status-arnk.txt', '--date', '2026-01-10'])).toEqual({
				adapter: 'gds',
				itineraries: [
					{
						segments: [
							{from: 'JFK', to: 'ICN', departure: '2026-03-20T14:00', arrival: '2026-03-21T17:50', flight: 'KE82'},
							{from: 'ICN', to: 'NRT', departure: '2026-03-21T19:00', arrival: '2026-03-21T21:20', flight: 'KE705'},
						],
						confidence: 'structured',
					},
					{
						segments: [
							{from: 'HND', to: 'PEK', departure: '2026-06-20T08:50', arrival: '2026-06-20T11:40', flight: 'NH961'},
							{from: 'PEK', to: 'JFK', departure: '2026-06-22T16:00', arrival: '2026-06-22T17:00', flight: 'CA989'},
						],
						confidence: 'structured',
					},
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
					{line: '6 ARNK', from: 'NRT', to: 'HND', status: 'surface', code: 'ARNK'},
					{
						line: '8 CA 981Y 22JUN 1 PEKJFK*HL1  1300  1400 /DCCA /E',
						flight: 'CA981',
						from: 'PEK',
						to: 'JFK',
						status: 'waitlisted',
						code: 'HL',
					},
				],
			});
		},
		SLOW,
	);

	// test/fixtures/gds/bmrxntfj__eterm-parser__av-pkxsha.txt: a TravelSky eTerm AV display of four options, each a
	// connection; values read off its lines (the hand-read record beside it quotes them).
	it(
		'reads an eTerm availability display as one itinerary per option',
		() => {
			const day = (hhmm: string) => `2023-08-03T${hhmm}`;
			const leg = (flight: string, from: string, to: string, dep: string, arr: string) => ({
				from,
				to,
				departure: day(dep),
				arrival: day(arr),
				flight,
			});
			const first = leg('KN6856', 'PKX', 'XIY', '09:00', '11:20');
			const third = leg('KN5730', 'PKX', 'WNZ', '09:15', '11:45');
			expect(ok(['test/fixtures/gds/bmrxntfj__eterm-parser__av-pkxsha.txt', '--date', '2023-07-20'])).toEqual({
				adapter: 'gds',
				itineraries: [
					[first, leg('MU2159', 'XIY', 'SHA', '14:00', '16:20')],
					[first, leg('MU3502', 'XIY', 'PVG', '15:00', '17:20')],
					[third, leg('FM9530', 'WNZ', 'PVG', '15:45', '16:50')],
					[third, leg('MU8610', 'WNZ', 'PVG', '15:45', '16:50')],
				].map((segments) => ({segments, confidence: 'structured'})),
			});
		},
		SLOW,
	);

	it(
		'reads copied page text with the generic detector, marked heuristic',
		() => {
			const out = ok(['test/fixtures/text/felciano__united-itinerary-parser__test-case-6-input.txt', '--date', '2026-04-01']);
			expect(out).toEqual({
				adapter: 'generic-text',
				itineraries: [
					{
						segments: [
							{from: 'LHR', to: 'EWR', departure: '2026-04-25T18:00', arrival: '2026-04-25T21:20', flight: 'UA921'},
							{from: 'EWR', to: 'PUJ', departure: '2026-04-26T08:11', arrival: '2026-04-26T12:15', flight: 'UA1514'},
							{from: 'PUJ', to: 'EWR', departure: '2026-04-30T16:19', arrival: '2026-04-30T20:31', flight: 'UA1526'},
							{from: 'EWR', to: 'SFO', departure: '2026-05-01T06:00', arrival: '2026-05-01T09:30', flight: 'UA2115'},
							// "12:50 PM to 7:25 AM", "this flight involves a date change", "Duration: 10h 35m": the next day.
							{from: 'SFO', to: 'LHR', departure: '2026-05-03T12:50', arrival: '2026-05-04T07:25', flight: 'UA901'},
						],
						confidence: 'heuristic',
					},
				],
			});
		},
		SLOW,
	);

	it(
		'reads the FCM e-mail text through Berlin-Tegel, a closed airport the table keeps',
		() => {
			// "Departure: 10:50 Tegel(TXL), Berlin, Germany" … "Arrival: 07:00 Tegel(TXL), Berlin, Germany"
			// (test/fixtures/text/KDE__kitinerary__fcmtravel_2.hand-read.json has every line).
			expect(ok(['test/fixtures/text/KDE__kitinerary__fcmtravel_2.txt', '--date', '2016-10-01'])).toEqual({
				adapter: 'generic-text',
				itineraries: [
					{
						segments: [
							{from: 'TXL', to: 'DUS', departure: '2016-10-17T10:50', arrival: '2016-10-17T12:00', flight: 'AB6439'},
							{from: 'DUS', to: 'SFO', departure: '2016-10-17T13:20', arrival: '2016-10-17T15:55', flight: 'AB7392'},
							{from: 'PDX', to: 'ORD', departure: '2016-10-22T08:00', arrival: '2016-10-22T14:00', flight: 'AA86'},
							{from: 'ORD', to: 'TXL', departure: '2016-10-22T15:25', arrival: '2016-10-23T07:00', flight: 'AB7421'},
						],
						confidence: 'heuristic',
					},
				],
			});
		},
		SLOW,
	);

	it(
		'keeps the legs around an airport the table lacks and reports it in unknownAirports',
		() => {
			expect(ok(['test/fixtures/made-up/unknown-airport.txt', '--date', '2026-03-01'])).toEqual({
				adapter: 'generic-text',
				itineraries: [
					{
						segments: [{from: 'SHA', to: 'PEK', departure: '2026-03-15T08:00', arrival: '2026-03-15T10:10', flight: 'CA1501'}],
						confidence: 'heuristic',
					},
				],
				unknownAirports: [{from: 'PEK', to: 'Gotham Heliport', flight: 'CA123', unknown: ['Gotham Heliport']}],
			});
		},
		SLOW,
	);

	it(
		'falls back from schema.org data to GDS lines in a <pre> on a page no adapter knows',
		() => {
			const dir = mkdtempSync(join(tmpdir(), 'detect-test-'));
			const page = join(dir, 'agency.html');
			// A Sabre sell line as test/fixtures/gds/wnbjke__PNR-converter__notes.txt prints them, pasted into a web page.
			writeFileSync(page, '<!doctype html><title>PNR</title><pre>\n 1 CA 982Y 15MAR 7 JFKPEK SS1  1300  1650   16MAR 1 /E\n</pre>');
			expect(ok([page, '--date', '2026-03-01'])).toEqual({
				adapter: 'gds',
				itineraries: [
					{
						segments: [{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:50', flight: 'CA982'}],
						confidence: 'structured',
					},
				],
			});
		},
		SLOW,
	);

	it(
		'reads schema.org microdata through Berlin-Tegel: the Lufthansa confirmation',
		() => {
			// 'BERLIN DE TEGEL' "TXL" 'departureTime' content="2017-04-07T08:30:00+02:00" … (lh-invalid-microdata.hand-read.json)
			expect(ok(['test/fixtures/email/lh-invalid-microdata.html', '--date', '2017-01-01'])).toEqual({
				adapter: 'structured-data',
				itineraries: [
					{
						segments: [
							{from: 'TXL', to: 'MUC', departure: '2017-04-07T08:30', arrival: '2017-04-07T09:35', flight: 'LH2029'},
							{from: 'MUC', to: 'TLS', departure: '2017-04-07T11:10', arrival: '2017-04-07T13:00', flight: 'LH2218'},
							{from: 'TLS', to: 'MUC', departure: '2017-04-09T18:15', arrival: '2017-04-09T19:55', flight: 'LH2221'},
							{from: 'MUC', to: 'TXL', departure: '2017-04-09T21:30', arrival: '2017-04-09T22:35', flight: 'LH2054'},
						],
						confidence: 'structured',
					},
				],
			});
		},
		SLOW,
	);

	it(
		'finds nothing on the Trip.com home page',
		() => {
			expect(
				ok([
					'test/fixtures/text/tonganh__flight-checking__trip_com_homepage_NEGATIVE.html',
					'--url',
					'https://au.trip.com/?locale=en-AU',
				]),
			).toEqual({
				adapter: 'none',
				itineraries: [],
			});
		},
		SLOW,
	);
});

describe.concurrent('npm run detect: bad input', () => {
	const dir = mkdtempSync(join(tmpdir(), 'detect-test-'));
	const binary = join(dir, 'photo.html');
	writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
	const notHtml = join(dir, 'notes.html');
	writeFileSync(notHtml, 'just some words, no markup\n');
	// jsdom recursed per level on this and printed a stack trace after half a minute.
	const deep = join(dir, 'deep.html');
	writeFileSync(deep, `<html><body>${'<div>'.repeat(100_000)}CA123 PEK 10:00 NRT 14:00${'</div>'.repeat(100_000)}</body></html>`);
	const huge = join(dir, 'huge.txt');
	writeFileSync(huge, Buffer.alloc(16 * 1_048_576 + 1, 'a'));

	it.each([
		['a missing file', ['/nonexistent/page.html'], /^detect: cannot read \/nonexistent\/page\.html: ENOENT$/],
		[
			'an unknown extension',
			['package.json'],
			/^detect: package\.json: unknown file type "\.json": give \.html, \.htm, \.txt or \.eml$/,
		],
		['a binary file', [binary], /^detect: .*photo\.html is not a text file$/],
		['an .html file without markup', [notHtml], /^detect: .*notes\.html does not look like HTML$/],
		[
			'an .html file nested 100,000 deep',
			[deep],
			/^detect: .*deep\.html nests its elements 100002 deep: detect reads pages nested at most 5000 deep$/,
		],
		['a file over 16 MB', [huge], /^detect: .*huge\.txt is 16\.0 MB: the tools read at most 16 MB$/],
		[
			'an impossible --date',
			['test/fixtures/text/KDE__kitinerary__fcmtravel_2.txt', '--date', '2026-02-30'],
			/^detect: --date must be a date YYYY-MM-DD, not 2026-02-30$/,
		],
		[
			'a --date in another format',
			['test/fixtures/text/KDE__kitinerary__fcmtravel_2.txt', '--date', '1/2/2026'],
			/^detect: --date must be a date YYYY-MM-DD/,
		],
		[
			'a relative --url',
			['test/fixtures/google-flights/sfo-nrt-2025.html', '--url', 'travel/flights'],
			/^detect: --url must be an absolute URL, not travel\/flights$/,
		],
		['no file at all', [], /^detect: no input file/],
	])(
		'exits 2 with one line on stderr for %s',
		async (_name, args, message) => {
			const r = await detectAsync(args);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			const lines = r.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(message);
			expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
		},
		SLOW,
	);
});
