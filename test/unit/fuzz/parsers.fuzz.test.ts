/**
 * Fuzzing the text parsers (GDS lines, generic page text, e-mail MIME) and the normaliser with fast-check. Pages and
 * pastes are hostile input: whatever they contain, no exception may escape, and what comes out must still be the
 * shape the next stage expects. The seed is fixed so a CI failure replays; `npm run fuzz` runs the same properties
 * with FUZZ_RUNS=100000 (and FUZZ_SEED to explore another part of the space).
 */
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {RawItinerary, RawSegment, RawTime, SegmentStatus} from '../../../lib/itinerary';
import {emailBody} from '../../../lib/extract/email';
import {parseEtermAv} from '../../../lib/extract/eterm-av';
import {parseGdsText as parseGds} from '../../../lib/extract/gds';
import {detectInText} from '../../../lib/extract/generic-text';
import {normalizeAroundUnknownAirports, normalizeItinerary} from '../../../lib/extract/normalize';
import {ZONES} from '../../../lib/detect';
import {extractStructuredData} from '../../../lib/extract/structured-data';
import {parseTicketItinerary} from '../../../lib/extract/ticket-itinerary';
import {parseTicketTable} from '../../../lib/extract/ticket-table';
import {resolveAirport} from '../../../lib/airports';
import {isCheckedStatus, SEGMENT_STATUS, segmentStatus, splitByStatus} from '../../../lib/extract/status';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {loadRules} from '../../../lib/rules/load-rules';
import {validateTrip} from '../../../lib/rules/validate';
import {parseLocal} from '../../../lib/time';
import {params, timeoutFor} from './settings';
import {bundledAirports} from '../../../lib/airports/bundled';
import type {AirportTable} from '../../../lib/airports';

/** Far from both sides: a backtracking read takes minutes on these texts, a linear one milliseconds (a bound near the
 * usual time would fail on a loaded machine: it is no measure of speed, which `npm run bench:detect` gives). */
const LINEAR_BUDGET_MS = 10_000;

const parseGdsText = (text: string, airports: AirportTable = bundledAirports()) => parseGds(text, airports);

const TIMEOUT = timeoutFor(20);

const rules = loadRules();

/** The keys a parser looked up in the airport table while it read (through a table that records them). */
function codesAsked(read: (table: AirportTable) => unknown): Set<string> {
	const asked = new Set<string>();
	const airports = new Proxy(rules.airports, {
		get(table, code) {
			asked.add(String(code));
			return table[String(code)];
		},
	});
	read({airports, divisions: rules.divisions});
	return asked;
}
const CODES = Object.keys(rules.airports);
const MAINLAND = CODES.filter((c) => rules.airports[c]!.country === 'CN');
const NAMES = CODES.flatMap((c) => [rules.airports[c]!.name, rules.airports[c]!.nameZh].filter((n): n is string => n !== undefined));

/** A fixture without its provenance line: the fuzzing is about captured text, not our bookkeeping. */
function fixture(dir: string, name: string): string {
	const text = readFileSync(new URL(`../../fixtures/${dir}/${name}`, import.meta.url), 'utf8');
	return text.slice(text.indexOf('\n') + 1);
}

const GDS_TEXTS = [
	'KDE__kitinerary__amadeus_1.txt',
	'KDE__kitinerary__fcmtravel_2.txt',
	'KDE__kitinerary__travelport-galileo_single-leg-three-passengers.txt',
	'wnbjke__PNR-converter__notes.txt',
	'synthetic__sabre-status-arnk.txt',
].map((n) => fixture('gds', n));
const PAGE_TEXTS = [
	'KDE__kitinerary__fcmtravel_2.txt',
	'felciano__united-itinerary-parser__test-case-6-input.txt',
	'felciano__united-itinerary-parser__test-case-gf-rt-input.txt',
	'KDE__kitinerary__fcmtravel_3.txt',
	'KDE__kitinerary__eurowings_1.txt',
].map((n) => fixture('text', n));
const EML = fixture('email', 'synthetic-flight-booking.eml');
const ALL_TEXTS = [...GDS_TEXTS, ...PAGE_TEXTS];
const REAL_LINES = ALL_TEXTS.flatMap((t) => t.split(/\r?\n/)).filter((l) => l.trim() !== '');

// ---------------------------------------------------------------------------------------------------------------
// Text generators

/** Characters the parsers branch on: GDS punctuation, clock and day marks, arrows, CJK date words, odd spaces. */
const SPICE = fc.constantFrom(
	...' \t\n\r*#+-/.:()，：→–—~年月日天小时分中转机场\u202f\u00a0\uFEFF\u0301AMPNM0123456789'.split(''),
	'\r\n',
	'ARRIVAL:',
	'DEPARTURE:',
	'FLIGHT ',
	' to ',
	'Flight: ',
	'layover',
	'Airport',
	'International Airport',
	'国际机场',
);
const ANY_CHAR = fc.oneof(fc.string({unit: 'binary', minLength: 1, maxLength: 1}), fc.string({minLength: 1, maxLength: 1}), SPICE);

/** Random text of three kinds: printable ASCII, any code point, and text built from the tokens the parsers react to. */
const randomText = fc.oneof(
	fc.string({maxLength: 300}),
	fc.string({unit: 'binary', maxLength: 300}),
	fc.string({unit: 'grapheme', maxLength: 100}),
	fc
		.array(fc.oneof(SPICE, fc.constantFrom(...CODES), fc.constantFrom(...NAMES), fc.string({maxLength: 6})), {maxLength: 60})
		.map((a) => a.join('')),
);

/** A capture cut off anywhere: copy-paste rarely takes whole documents. */
const truncated = fc
	.tuple(fc.constantFrom(...ALL_TEXTS), fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}))
	.map(([text, a, b]) => text.slice(Math.floor(Math.min(a, b) * text.length), Math.ceil(Math.max(a, b) * text.length)));

type Edit = {at: number; kind: 'insert' | 'delete' | 'replace'; char: string};
const edit: fc.Arbitrary<Edit> = fc.record({at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), char: ANY_CHAR});

function mutate(line: string, edits: Edit[]): string {
	let s = line;
	for (const e of edits) {
		const at = s.length === 0 ? 0 : e.at % (s.length + (e.kind === 'insert' ? 1 : 0));
		if (e.kind === 'insert') s = s.slice(0, at) + e.char + s.slice(at);
		else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + 1);
		else s = s.slice(0, at) + e.char + s.slice(at + 1);
	}
	return s;
}

/** Real lines with a few characters inserted, deleted or replaced, a handful at a time, with real lines around. */
const mutatedLines = fc
	.array(fc.tuple(fc.constantFrom(...REAL_LINES), fc.array(edit, {maxLength: 4})), {minLength: 1, maxLength: 12})
	.map((lines) => lines.map(([l, e]) => mutate(l, e)).join('\n'));

/** A whole capture with edits scattered through it. */
const mutatedCapture = fc.tuple(fc.constantFrom(...ALL_TEXTS), fc.array(edit, {maxLength: 12})).map(([t, e]) => mutate(t, e));

// Well-formed-ish GDS segment lines from real codes, with the date and clock shapes the terminals print and some they
// do not: they reach the normaliser and the engine instead of stopping at the line regex.
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC', 'XYZ'];
const gdsDate = fc
	.tuple(fc.integer({min: 0, max: 39}), fc.constantFrom(...MONTHS), fc.option(fc.integer({min: 0, max: 99})))
	.map(([d, m, y]) => `${String(d).padStart(2, '0')}${m}${y === null ? '' : String(y).padStart(2, '0')}`);
const gdsClock = fc.oneof(
	fc
		.tuple(fc.integer({min: 0, max: 29}), fc.integer({min: 0, max: 69}))
		.map(([h, m]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`),
	fc
		.tuple(fc.integer({min: 0, max: 13}), fc.integer({min: 0, max: 69}), fc.constantFrom('A', 'P', 'N', 'M'))
		.map(([h, m, s]) => `${h}${String(m).padStart(2, '0')}${s}`),
);
const airportCode = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom(...CODES)},
	{weight: 2, arbitrary: fc.constantFrom(...MAINLAND)},
	{weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{3}$/)},
);
/** Two-letter status codes from the table (every status), and codes it does not know. */
const TABLE_CODES = Object.keys(SEGMENT_STATUS).filter((c) => c.length === 2);
const statusCode = fc.oneof(
	{weight: 3, arbitrary: fc.constantFrom('HK', 'SS', 'HS')},
	{weight: 3, arbitrary: fc.constantFrom(...TABLE_CODES)},
	{weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{2}$/)},
);
const gdsLine = fc
	.record({
		n: fc.integer({min: 1, max: 12}),
		carrier: fc.stringMatching(/^[A-Z][A-Z0-9]$/),
		number: fc.integer({min: 1, max: 9999}),
		cls: fc.stringMatching(/^[A-Z][1-9]?$/),
		date: gdsDate,
		from: airportCode,
		to: airportCode,
		status: statusCode,
		dep: gdsClock,
		arr: gdsClock,
		before: fc.constantFrom('', '', '', '# ', '#', '* ', '- '),
		mark: fc.constantFrom('', '+1', '#', '-1', '+2', '#1', '#2', '|', '+', '2', '|*'),
		arrDate: fc.option(gdsDate),
		layout: fc.constantFrom('sabre', 'galileo', 'apollo', 'eterm'),
	})
	.map((s) => {
		const tail = `${s.arr}${s.mark}${s.arrDate ? `  ${s.arrDate}` : ''}`;
		if (s.layout === 'sabre')
			return `${s.n} ${s.carrier}${String(s.number).padStart(4)}${s.cls} ${s.date} 1 ${s.from}${s.to}*${s.status}1  ${s.dep}  ${tail} /DC${s.carrier} /E`;
		if (s.layout === 'galileo')
			return ` ${s.n}. ${s.carrier} ${String(s.number).padStart(4)} ${s.cls}  ${s.date} ${s.from}${s.to} ${s.status}3  ${s.dep} ${s.before}${tail}  O  SA`;
		if (s.layout === 'apollo')
			return ` ${s.n} ${s.carrier}${String(s.number).padStart(4)}${s.cls} ${s.date} ${s.from}${s.to} ${s.status}1  ${s.dep}  ${tail} *      SA/SU   E`;
		return ` ${s.n}.  ${s.carrier}${s.number}  ${s.cls}   SU${s.date}  ${s.from}${s.to} ${s.status}1   ${s.dep} ${tail}          E T3T1`;
	});
/** Surface lines as the displays print them, and prose that only mentions one. */
const SURFACE_LINES = [
	' 3 ARNK',
	'  4  ARNK',
	' 3. ARNK',
	' 4.    ARNK              ICNGMP                +',
	'---- ARNK ----',
	' 5 ARUNK',
	' 6 SURFACE PEK-SHA',
	'  RMK ARNK BETWEEN PEK AND SHA',
	'SURFACE TRANSPORT BY TRAIN',
];
const gdsRecord = fc
	.array(fc.oneof(gdsLine, fc.constantFrom('', 'Agent, [11/20/23 7:16 PM]', 'OPERATED BY KL', ...SURFACE_LINES)), {
		minLength: 1,
		maxLength: 10,
	})
	.map((l) => l.join('\n'));

const anyText = fc.oneof(randomText, truncated, mutatedLines, mutatedCapture, gdsRecord);

// ---------------------------------------------------------------------------------------------------------------
// Checks shared by the properties

const REFERENCE_DATE = '2026-01-10';

/**
 * What every parser promises its caller: itineraries with at least one leg (or, with none left, the segments it
 * excluded), each leg with two named ends and a status that makes it a flight to check.
 */
function expectRawItineraries(result: RawItinerary[]) {
	expect(Array.isArray(result)).toBe(true);
	for (const itinerary of result) {
		expect(itinerary.segments.length + (itinerary.excluded?.length ?? 0)).toBeGreaterThan(0);
		for (const s of itinerary.segments) {
			expect(typeof s.from).toBe('string');
			expect(typeof s.to).toBe('string');
			expect(isCheckedStatus(s.status), s.status).toBe(true);
		}
		for (const e of itinerary.excluded ?? []) expect(isCheckedStatus(e.status), e.status).toBe(false);
	}
}

/** Parser output flows on in the extension: normalise, validate, evaluate. None of them may throw on it. */
function runPipeline(result: RawItinerary[], referenceDate = REFERENCE_DATE) {
	for (const raw of result) {
		const n = normalizeItinerary(raw, referenceDate, rules);
		if (!n.ok) continue;
		expectNormalized(n.segments);
		const v = validateTrip({passports: ['US'], segments: n.segments}, rules);
		// Times that cannot all be true are the normaliser's to refuse (or, for a text, to cut at): never the engine's.
		if (!v.ok) expect(v.error).not.toMatch(/before it takes off|before the previous flight lands|before the flight takes off/);
		if (v.ok) evaluateTrip(v.trip, rules, {today: referenceDate});
	}
}

/** Normalised legs name known airports and real local times, or the normaliser should have said no. */
function expectNormalized(segments: {from: string; to: string; departure?: string; arrival?: string}[]) {
	for (const s of segments) {
		expect(rules.airports[s.from]).toBeDefined();
		expect(rules.airports[s.to]).toBeDefined();
		for (const t of [s.departure, s.arrival]) if (t !== undefined) expect(parseLocal(t), t).toBeDefined();
	}
}

// ---------------------------------------------------------------------------------------------------------------

describe('parseGdsText under fuzzing', () => {
	it(
		'never throws and returns non-empty itineraries whose legs survive the pipeline',
		() => {
			fc.assert(
				fc.property(anyText, (text) => {
					const result = parseGdsText(text);
					expectRawItineraries(result);
					runPipeline(result);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'asks the airport lookup only about three capital letters',
		() => {
			fc.assert(
				fc.property(anyText, (text) => {
					// A lookup that sees arbitrary text would be matching names, which is the normaliser's job, not this parser's.
					for (const code of codesAsked((table) => parseGdsText(text, table))) expect(code).toMatch(/^[A-Z]{3}$/);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads a lone well-formed segment line between two real airports as exactly that leg',
		() => {
			const clean = fc.record({
				carrier: fc.stringMatching(/^[A-Z][A-Z0-9]$/),
				number: fc.integer({min: 1, max: 9999}),
				day: fc.integer({min: 1, max: 28}),
				month: fc.constantFrom(...MONTHS.slice(0, 12)),
				from: fc.constantFrom(...CODES),
				to: fc.constantFrom(...CODES),
				dep: fc.tuple(fc.integer({min: 0, max: 23}), fc.integer({min: 0, max: 59})),
				arr: fc.tuple(fc.integer({min: 0, max: 23}), fc.integer({min: 0, max: 59})),
			});
			const hhmm = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}`;
			fc.assert(
				fc.property(clean, (s) => {
					const date = `${String(s.day).padStart(2, '0')}${s.month}`;
					const line = ` 1. ${s.carrier} ${String(s.number).padStart(4)} Y  ${date} ${s.from}${s.to} HS3  ${hhmm(s.dep)}   ${hhmm(s.arr)}  O  SA`;
					const result = parseGdsText(line);
					const leg: RawSegment = {
						from: s.from,
						to: s.to,
						flight: `${s.carrier}${s.number}`,
						departs: {date, time: hhmm(s.dep)},
						// A clock before the departure's, no day printed: the time zones place it where the table has them.
						arrives: hhmm(s.arr) < hhmm(s.dep) ? {time: hhmm(s.arr), dayUnmarked: true} : {time: hhmm(s.arr)},
					};
					expect(result).toEqual([{segments: [{...leg, status: 'confirmed', statusCode: 'HS'}]}]);
				}),
				params,
			);
		},
		TIMEOUT,
	);
});

/** A well-formed line (known airports, real date and clocks) with the given number and status code, in one of four layouts. */
const cleanLine = fc.record({
	carrier: fc.stringMatching(/^[A-Z][A-Z0-9]$/),
	number: fc.integer({min: 1, max: 9999}),
	day: fc.integer({min: 1, max: 28}),
	month: fc.constantFrom(...MONTHS.slice(0, 12)),
	from: fc.constantFrom(...CODES),
	to: fc.constantFrom(...CODES),
	code: statusCode,
	layout: fc.constantFrom('sabre', 'galileo', 'apollo', 'eterm'),
});
type CleanLine = typeof cleanLine extends fc.Arbitrary<infer T> ? T : never;

function printClean(l: CleanLine, n: number): string {
	const date = `${String(l.day).padStart(2, '0')}${l.month}`;
	if (l.layout === 'sabre')
		return `${n} ${l.carrier}${String(l.number).padStart(4)}Y ${date} 1 ${l.from}${l.to}*${l.code}1  0900  1130 /DC${l.carrier} /E`;
	if (l.layout === 'galileo')
		return ` ${n}. ${l.carrier} ${String(l.number).padStart(4)} Y  ${date} ${l.from}${l.to} ${l.code}1   900A # 1130A O*         SA`;
	if (l.layout === 'apollo')
		return ` ${n} ${l.carrier}${String(l.number).padStart(4)}Y ${date} ${l.from}${l.to} ${l.code}1   900A 1130A|*      SA/SU   E`;
	return ` ${n}.  ${l.carrier}${l.number}  Y1  SU${date}  ${l.from}${l.to} ${l.code}1   0900 1130+1        E T3T1`;
}

describe('parseGdsText and segment statuses under fuzzing', () => {
	// The model: a record is cut at every surface line; within a piece, lines whose code is excluded are reported and
	// the rest are the legs, in order; a piece with no leg hands its exclusions on.
	it(
		'never yields a segment for a line of an excluded status, and yields every other line as a leg',
		() => {
			const item = fc.oneof(
				{weight: 5, arbitrary: cleanLine},
				{weight: 1, arbitrary: fc.constantFrom('ARNK', '---- ARNK ----', 'SURFACE')},
			);
			fc.assert(
				fc.property(fc.array(item, {minLength: 1, maxLength: 8}), (items) => {
					const text = items.map((it, i) => (typeof it === 'string' ? ` ${i + 1} ${it}` : printClean(it, i + 1))).join('\n');
					const result = parseGdsText(text);
					expectRawItineraries(result);

					const pieces: CleanLine[][] = [[]];
					for (const it of items) {
						if (typeof it === 'string') pieces.push([]);
						else pieces[pieces.length - 1]!.push(it);
					}
					const legsOf = (piece: CleanLine[]) => piece.filter((l) => isCheckedStatus(segmentStatus(l.code)));
					const expected = pieces.map(legsOf).filter((legs) => legs.length > 0);
					const kept = result.filter((r) => r.segments.length > 0);
					expect(kept.map((r) => r.segments.map((s) => `${s.flight} ${s.from}${s.to} ${s.statusCode}`))).toEqual(
						expected.map((legs) => legs.map((l) => `${l.carrier}${l.number} ${l.from}${l.to} ${l.code}`)),
					);
					const flights = items.filter((it): it is CleanLine => typeof it !== 'string');
					const excludedFlights = result.flatMap((r) => r.excluded ?? []).filter((e) => e.status !== 'surface');
					expect(excludedFlights.map((e) => `${e.flight} ${e.code}`)).toEqual(
						flights.filter((l) => !isCheckedStatus(segmentStatus(l.code))).map((l) => `${l.carrier}${l.number} ${l.code}`),
					);
					for (const r of result) for (const s of r.segments) expect(s.status).toBe(segmentStatus(s.statusCode!));
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'never throws whatever stands where the status code goes, and reads a code only as two capitals',
		() => {
			const junk = fc.oneof(
				fc.string({maxLength: 6}),
				fc.string({unit: 'binary', maxLength: 4}),
				fc.stringMatching(/^[A-Z]{1,4}\d{0,3}$/),
				fc.constantFrom('', '*', '**HK1', 'HK', 'H K1', '__proto__1', 'constructor1'),
			);
			fc.assert(
				fc.property(cleanLine, junk, (l, code) => {
					const line = printClean(l, 1).replace(`${l.code}1`, code);
					const result = parseGdsText(line);
					expectRawItineraries(result);
					runPipeline(result);
					for (const r of result) {
						for (const s of r.segments) {
							if (s.statusCode === undefined) continue;
							expect(s.statusCode).toMatch(/^[A-Z]{2}$/);
							expect(s.status).toBe(segmentStatus(s.statusCode));
						}
					}
				}),
				params,
			);
		},
		TIMEOUT,
	);
});

const STATUSES: SegmentStatus[] = ['confirmed', 'unconfirmed', 'cancelled', 'waitlisted', 'surface'];

describe('splitByStatus under fuzzing', () => {
	it(
		'keeps every checked segment once, in order, reports every other one, and lets no itinerary run across a surface segment',
		() => {
			const segment = fc
				.record({
					from: fc.constantFrom(...CODES),
					to: fc.constantFrom(...CODES),
					status: fc.option(fc.constantFrom(...STATUSES), {nil: undefined}),
				})
				.map((s): RawSegment =>
					s.status === undefined ? {from: s.from, to: s.to} : {from: s.from, to: s.to, status: s.status, statusCode: 'XX'},
				);
			fc.assert(
				fc.property(fc.array(segment, {maxLength: 12}), (segments) => {
					const out = splitByStatus({segments});
					expect(out.flatMap((r) => r.segments)).toEqual(segments.filter((s) => isCheckedStatus(s.status)));
					expect(out.flatMap((r) => r.excluded ?? []).map((e) => e.status)).toEqual(
						segments.filter((s) => !isCheckedStatus(s.status)).map((s) => s.status),
					);
					// Consecutive kept segments with a surface segment between them never share an itinerary.
					const owner = new Map(out.flatMap((r, i) => r.segments.map((s) => [s, i] as const)));
					let lastKept: RawSegment | undefined;
					let surfaceSince = false;
					for (const s of segments) {
						if (s.status === 'surface') surfaceSince = true;
						if (!isCheckedStatus(s.status)) continue;
						if (lastKept) expect(owner.get(s) === owner.get(lastKept)).toBe(!surfaceSince);
						lastKept = s;
						surfaceSince = false;
					}
					// Only a record with nothing kept gives an itinerary without segments, and then only one.
					const empty = out.filter((r) => r.segments.length === 0);
					expect(empty.length).toBe(
						out.length === 1 && segments.every((s) => !isCheckedStatus(s.status)) && segments.length > 0 ? 1 : 0,
					);
				}),
				params,
			);
		},
		TIMEOUT,
	);
});

describe('detectInText under fuzzing', () => {
	it(
		'never throws and returns non-empty itineraries whose legs survive the pipeline',
		() => {
			fc.assert(
				fc.property(anyText, (text) => {
					const result = detectInText(text, rules);
					expectRawItineraries(result);
					for (const s of result.flatMap((i) => i.segments)) {
						// Legs join two different airports (its rule for "evidence"): codes it knows, a bracketed code on a labelled
						// line that the table lacks (`Tegel(TXL)`), or a name a labelled line prints as it is (`Berlin-Tegel`), which
						// the normaliser then refuses.
						expect(s.from).not.toBe(s.to);
						for (const code of [s.from, s.to])
							expect(rules.airports[code] !== undefined || /^[A-Z]{3}$/.test(code) || text.includes(code), code).toBe(true);
					}
					runPipeline(result);
				}),
				params,
			);
		},
		TIMEOUT,
	);
});

// ---------------------------------------------------------------------------------------------------------------
// E-mail

const boundaryArb = fc.stringMatching(/^[A-Za-z0-9'()+_,./:=?-]{1,40}$/);
const headerValue = fc.oneof(fc.string({maxLength: 60}), fc.string({unit: 'binary', maxLength: 30}));
const contentType = fc.oneof(
	fc.constantFrom(
		'text/plain',
		'text/html',
		'TEXT/HTML; charset="utf-8"',
		'text/plain; charset=iso-8859-1',
		'text/html; charset=bogus-42',
		'message/rfc822',
		'application/pdf',
	),
	boundaryArb.map((b) => `multipart/mixed; boundary="${b}"`),
	boundaryArb.map((b) => `multipart/alternative; boundary=${b}`),
	headerValue,
);
const encoding = fc.oneof(fc.constantFrom('7bit', '8bit', 'base64', 'quoted-printable', 'BASE64', 'binary'), headerValue);

/** A MIME entity of random structure: nested multiparts whose parts may lie about their boundaries and encodings. */
const mimeEntity: fc.Arbitrary<string> = fc.letrec<{entity: string}>((tie) => ({
	entity: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		fc
			.record({
				ct: contentType,
				cte: encoding,
				disp: fc.constantFrom('', 'inline', 'attachment; filename=a.html'),
				body: fc.oneof(fc.string({maxLength: 200}), fc.base64String({maxLength: 200}), fc.string({unit: 'binary', maxLength: 100})),
			})
			.map(
				({ct, cte, disp, body}) =>
					`Content-Type: ${ct}\r\nContent-Transfer-Encoding: ${cte}\r\n${disp ? `Content-Disposition: ${disp}\r\n` : ''}\r\n${body}`,
			),
		fc
			.record({b: boundaryArb, parts: fc.array(tie('entity'), {maxLength: 4}), close: fc.boolean(), crlf: fc.boolean()})
			.map(({b, parts, close, crlf}) => {
				const nl = crlf ? '\r\n' : '\n';
				return `Content-Type: multipart/mixed; boundary="${b}"${nl}${nl}preamble${nl}${parts.map((p) => `--${b}${nl}${p}${nl}`).join('')}${close ? `--${b}--${nl}epilogue` : ''}`;
			}),
		tie('entity').map((inner) => `Content-Type: message/rfc822\r\n\r\n${inner}`),
	),
})).entity;

const emlText = fc.oneof(
	mimeEntity,
	randomText,
	fc
		.tuple(fc.double({min: 0, max: 1, noNaN: true}), fc.double({min: 0, max: 1, noNaN: true}))
		.map(([a, b]) => EML.slice(Math.floor(Math.min(a, b) * EML.length), Math.ceil(Math.max(a, b) * EML.length))),
	fc.array(edit, {maxLength: 12}).map((e) => mutate(EML, e)),
);

/** UTF-8 base64, wrapped at 76 like mail does. */
function base64(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
}

/** Quoted-printable of UTF-8: every byte that is not a safe printable ASCII letter escaped, soft breaks at 76. */
function quotedPrintable(text: string): string {
	return text
		.split('\n')
		.map((line) => {
			let out = '';
			let width = 0;
			for (const byte of Buffer.from(line, 'utf8')) {
				const safe = byte > 32 && byte < 127 && byte !== 61;
				const piece = safe ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
				if (width + piece.length > 75) {
					out += '=\r\n';
					width = 0;
				}
				out += piece;
				width += piece.length;
			}
			return out;
		})
		.join('\n');
}

// TextDecoder drops a leading byte-order mark by design (WHATWG Encoding), and a lone \r is not a line end that
// survives multipart splitting; neither is what a body round-trip is about.
const bodyText = fc.string({unit: 'binary', maxLength: 300}).map((t) => t.replace(/^\uFEFF+/, '').replace(/\r/g, ''));

describe('emailBody under fuzzing', () => {
	it(
		'never throws on random, truncated or mutated messages, and returns strings or nothing',
		() => {
			fc.assert(
				fc.property(emlText, (eml) => {
					const body = emailBody(eml);
					for (const v of [body.html, body.text]) if (v !== undefined) expect(typeof v).toBe('string');
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'gives back a text/html body exactly, whichever transfer encoding carried it, also inside multipart',
		() => {
			fc.assert(
				fc.property(
					bodyText,
					fc.constantFrom('8bit', 'base64', 'quoted-printable'),
					fc.boolean(),
					boundaryArb,
					(text, cte, nested, b) => {
						fc.pre(!text.split('\n').some((l) => l.startsWith(`--${b}`)));
						const encoded = cte === 'base64' ? base64(text) : cte === 'quoted-printable' ? quotedPrintable(text) : text;
						const part = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: ${cte}\r\n\r\n${encoded}`;
						const eml = nested
							? `Content-Type: multipart/alternative; boundary="${b}"\r\n\r\n--${b}\r\n${part}\r\n--${b}--\r\n`
							: part;
						expect(emailBody(eml).html).toBe(text);
					},
				),
				params,
			);
		},
		TIMEOUT,
	);
});

// ---------------------------------------------------------------------------------------------------------------
// Normaliser

/** Airports as pages write them: codes in any case and bracketing, dataset names, mangled names, junk. */
const placeArb = fc.oneof(
	{weight: 4, arbitrary: fc.constantFrom(...CODES)},
	{weight: 2, arbitrary: fc.constantFrom(...MAINLAND)},
	{weight: 1, arbitrary: fc.constantFrom(...CODES).map((c) => c.toLowerCase())},
	{weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...CODES)).map(([n, c]) => `${n} (${c})`)},
	{weight: 2, arbitrary: fc.constantFrom(...NAMES)},
	{weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NAMES), fc.array(edit, {maxLength: 3})).map(([n, e]) => mutate(n, e))},
	{weight: 1, arbitrary: randomText},
);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const MONTH_WORDS = ['January', 'Feb', 'Mar.', 'april', 'MAY', 'June', 'Jul', 'Aug', 'Sept', 'October', 'Nov', 'Dec', 'Smarch'];
const isoDate = (minYear: number) =>
	fc
		.tuple(fc.integer({min: minYear, max: 9999}), fc.integer({min: 0, max: 13}), fc.integer({min: 0, max: 32}))
		.map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
/**
 * Dates in the shapes pages print, with out-of-range parts mixed in. ISO years start at `minYear` (years before 1000
 * have their own property below).
 */
const dateText = (minYear: number) =>
	fc.oneof(
		isoDate(minYear),
		gdsDate,
		fc
			.tuple(fc.integer({min: 0, max: 40}), fc.constantFrom(...MONTH_WORDS), fc.option(fc.integer({min: 1900, max: 2100})))
			.map(([d, m, y]) => `Thursday, ${m} ${d}${y ? `, ${y}` : ''}`),
		fc.tuple(fc.integer({min: 0, max: 40}), fc.constantFrom(...MONTH_WORDS)).map(([d, m]) => `${d} ${m}`),
		fc
			.tuple(fc.option(fc.integer({min: 1000, max: 9999})), fc.integer({min: 0, max: 13}), fc.integer({min: 0, max: 32}))
			.map(([y, m, d]) => `${y ? `${y}年` : ''}${m}月${d}日`),
		fc.constantFrom('4/2', '', ' ', '29FEB', '29 Feb', '2025-02-29', '2024-02-29', '31APR', 'February 30'),
		randomText,
	);
/** Clocks in 12- and 24-hour and GDS shapes, with impossible values and odd spaces mixed in. */
const clockText = fc.oneof(
	fc.tuple(fc.integer({min: 0, max: 25}), fc.integer({min: 0, max: 61})).map(([h, m]) => `${h}:${pad(m)}`),
	fc
		.tuple(
			fc.integer({min: 0, max: 13}),
			fc.integer({min: 0, max: 61}),
			fc.constantFrom(' AM', ' PM', '\u202fpm', ' a.m.', 'P.M.', 'pm'),
		)
		.map(([h, m, s]) => `${h}:${pad(m)}${s}`),
	gdsClock,
	fc.constantFrom('12N', '12M', '1200N', '1200M', '1159P', '12 PM', '0 AM', '24:00', ''),
	randomText,
);
/** Day offsets are small integers from `+1` marks in practice; the wide and non-finite ones only have to not throw. */
const smallOffset = fc.integer({min: -3, max: 3});
const wildOffset = fc.oneof(smallOffset, fc.integer(), fc.double());

type Gen = {offset: fc.Arbitrary<number>; minYear: number};
const rawTime = ({offset, minYear}: Gen): fc.Arbitrary<RawTime> =>
	fc.record({date: dateText(minYear), time: clockText, dayOffset: offset}, {requiredKeys: []});
const rawSegment = (gen: Gen): fc.Arbitrary<RawSegment> =>
	fc.record(
		{
			from: placeArb,
			to: placeArb,
			departs: rawTime(gen),
			arrives: rawTime(gen),
			flight: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{2} ?0*\d{1,4}[A-Z]?$/), randomText),
			connectionMinutes: fc.oneof(fc.nat(100_000), fc.integer(), fc.double()),
			status: fc.constantFrom(...STATUSES),
			statusCode: fc.oneof(fc.constantFrom(...Object.keys(SEGMENT_STATUS)), fc.string({maxLength: 4})),
		},
		{requiredKeys: ['from', 'to']},
	);
const rawItinerary = (gen: Gen): fc.Arbitrary<RawItinerary> => fc.record({segments: fc.array(rawSegment(gen), {maxLength: 6})});
const referenceDate = fc
	.tuple(fc.integer({min: 1990, max: 2099}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 28}))
	.map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);

describe('normalizeItinerary under fuzzing', () => {
	it(
		'never throws on any RawItinerary, even with non-finite day offsets and layovers',
		() => {
			fc.assert(
				fc.property(rawItinerary({offset: wildOffset, minYear: 0}), referenceDate, (raw, ref) => {
					const n = normalizeItinerary(raw, ref, rules);
					if (!n.ok) expect(typeof n.problem).toBe('string');
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'with realistic day offsets, says ok only for known airports and real local times, and the pipeline holds',
		() => {
			fc.assert(
				fc.property(rawItinerary({offset: smallOffset, minYear: 1000}), referenceDate, (raw, ref) => {
					const n = normalizeItinerary(raw, ref, rules);
					if (!n.ok) return;
					expect(n.segments).toHaveLength(raw.segments.length);
					// A cancelled, waitlisted, unconfirmed or surface segment is never checked as a flight.
					for (const s of raw.segments) expect(isCheckedStatus(s.status)).toBe(true);
					expectNormalized(n.segments);
					const v = validateTrip({passports: ['DE', 'CN'], segments: n.segments}, rules);
					if (!v.ok)
						expect(v.error).not.toMatch(/before it takes off|before the previous flight lands|before the flight takes off/);
					if (v.ok) evaluateTrip(v.trip, rules, {today: ref});
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'cuts a text’s legs where their times cannot all be true, keeps each leg once, and leaves no part the checks refuse',
		() => {
			fc.assert(
				fc.property(rawItinerary({offset: smallOffset, minYear: 1000}), referenceDate, (raw, ref) => {
					const whole = normalizeItinerary(raw, ref, rules, ZONES);
					const cut = normalizeAroundUnknownAirports(raw, ref, rules, ZONES);
					for (const part of cut.itineraries) {
						expect(part.length).toBeGreaterThan(0);
						const v = validateTrip({passports: ['DE'], segments: part}, rules);
						if (!v.ok)
							expect(v.error).not.toMatch(/before it takes off|before the previous flight lands|before the flight takes off/);
					}
					// Where the whole itinerary reads and its times agree, it is kept whole; else every leg is in a part or left out.
					if (whole.ok) expect(cut).toEqual({itineraries: [whole.segments], unknown: [], refused: 0, excluded: []});
					else if (cut.refused === 0 && cut.unknown.length === 0)
						expect(cut.itineraries.flat().length + cut.excluded.length).toBe(raw.segments.length);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	// Found by fuzzing (seed 20260110): a date before the year 1000 came back unpadded ("0-01-01"); resolveYear now
	// pads the year to four digits.
	it(
		'normalises an ISO date before the year 1000 to a real local time',
		() => {
			fc.assert(
				fc.property(
					fc.constantFrom(...CODES),
					fc.constantFrom(...CODES),
					fc.integer({min: 0, max: 999}),
					fc.option(clockText),
					(from, to, year, time) => {
						const raw: RawItinerary = {
							segments: [{from, to, departs: {date: `${pad(year, 4)}-03-01`, ...(time === null ? {} : {time})}}],
						};
						const n = normalizeItinerary(raw, REFERENCE_DATE, rules);
						if (n.ok) expectNormalized(n.segments);
					},
				),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'resolveAirport returns a known code or nothing, whatever the text',
		() => {
			fc.assert(
				fc.property(placeArb, (text) => {
					const code = resolveAirport(text, rules);
					if (code !== undefined) expect(rules.airports[code]).toBeDefined();
				}),
				params,
			);
		},
		TIMEOUT,
	);
});

describe('normalizeAroundUnknownAirports under fuzzing', () => {
	it(
		'never throws; keeps only runs of known-airport segments in order, and reports every other segment it leaves out',
		() => {
			fc.assert(
				fc.property(rawItinerary({offset: smallOffset, minYear: 1000}), referenceDate, (raw, ref) => {
					const n = normalizeAroundUnknownAirports(raw, ref, rules);
					const kept = n.itineraries.flat();
					expect(kept.length + n.unknown.length).toBeLessThanOrEqual(raw.segments.length);
					for (const itinerary of n.itineraries) {
						expect(itinerary.length).toBeGreaterThan(0);
						expectNormalized(itinerary);
					}
					for (const u of n.unknown) {
						expect(u.unknown.length).toBeGreaterThan(0);
						for (const name of u.unknown) expect(resolveAirport(name, rules)).toBeUndefined();
					}
					// The kept legs come in the order of the raw segments whose airports the table knows.
					const known = raw.segments.filter(
						(s) => resolveAirport(s.from, rules) !== undefined && resolveAirport(s.to, rules) !== undefined,
					);
					const pairs = known.map((s) => `${resolveAirport(s.from, rules)}-${resolveAirport(s.to, rules)}`);
					let at = 0;
					for (const leg of kept) {
						at = pairs.indexOf(`${leg.from}-${leg.to}`, at);
						expect(at, `${leg.from}-${leg.to}`).toBeGreaterThanOrEqual(0);
						at++;
					}
				}),
				params,
			);
		},
		TIMEOUT,
	);
});

// ---------------------------------------------------------------------------------------------------------------
// Lenient JSON-LD (lib/extract/structured-data.ts): objects without commas between them, numeric dates. A script
// element stands alone here, without a DOM: the reader asks a root for its scripts and each for its type and text.

function jsonLdRoot(json: string): ParentNode {
	const script = {
		localName: 'script',
		textContent: json,
		hasAttribute: (name: string) => name === 'type',
		getAttribute: (name: string) => (name === 'type' ? 'application/ld+json' : null),
	};
	return {querySelectorAll: () => [script]} as unknown as ParentNode;
}
const readJsonLd = (json: string) => extractStructuredData(jsonLdRoot(json));

const numericDate = fc
	.record({
		day: fc.integer({min: 0, max: 32}),
		month: fc.integer({min: 0, max: 13}),
		year: fc.integer({min: 1990, max: 2040}),
		hour: fc.integer({min: 0, max: 23}),
		minute: fc.integer({min: 0, max: 59}),
		dayFirst: fc.boolean(),
		sep: fc.constantFrom('-', '.', '/'),
	})
	.map((d) => ({
		...d,
		text: `${pad(d.dayFirst ? d.day : d.month)}${d.sep}${pad(d.dayFirst ? d.month : d.day)}${d.sep}${d.year} ${pad(d.hour)}:${pad(d.minute)}`,
	}));
const reservation = fc
	.record({
		number: fc.integer({min: 1, max: 9999}),
		from: fc.constantFrom(...CODES),
		to: fc.constantFrom(...CODES),
		departs: fc.oneof(
			numericDate.map((d) => d.text),
			isoDate(1990),
			fc.constantFrom('', 'soon', '2018-02-02T18:35:00+01:00'),
		),
		withAirports: fc.boolean(),
	})
	.map((r) => ({
		'@context': 'http://schema.org',
		'@type': 'FlightReservation',
		reservationNumber: 'XXX007',
		reservationFor: {
			'@type': 'Flight',
			flightNumber: String(r.number),
			airline: {'@type': 'Airline', iataCode: '4U'},
			...(r.withAirports
				? {departureAirport: {'@type': 'Airport', iataCode: r.from}, arrivalAirport: {'@type': 'Airport', iataCode: r.to}}
				: {}),
			departureTime: r.departs,
		},
	}));

describe('lenient JSON-LD under fuzzing', () => {
	it(
		'reads objects written without commas between them as the same objects with commas',
		() => {
			fc.assert(
				fc.property(
					fc.array(reservation, {minLength: 1, maxLength: 5}),
					fc.constantFrom('', '\n', ' ', '\r\n\t'),
					fc.boolean(),
					(objects, gap, bracketed) => {
						const items = objects.map((o) => JSON.stringify(o));
						const broken = bracketed ? `[${items.join(gap)}]` : items.join(gap);
						expect(readJsonLd(broken)).toEqual(readJsonLd(`[${items.join(',')}]`));
					},
				),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'never throws on mutated JSON-LD, and yields legs with two ends only: never a segment from a date alone',
		() => {
			fc.assert(
				fc.property(
					fc.array(reservation, {minLength: 1, maxLength: 4}),
					fc.array(
						fc.record({
							at: fc.nat(),
							kind: fc.constantFrom('insert', 'delete', 'replace'),
							char: fc.constantFrom('{', '}', '"', ',', '\\', '[', ']', ' ', '-', '1'),
						}),
						{
							maxLength: 8,
						},
					),
					(objects, edits) => {
						const text = mutate(objects.map((o) => JSON.stringify(o)).join(''), edits as Edit[]);
						const found = readJsonLd(text);
						expectRawItineraries(found);
						for (const s of found.flatMap((i) => i.segments)) {
							expect(s.from).toMatch(/\S/);
							expect(s.to).toMatch(/\S/);
						}
						runPipeline(found);
					},
				),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads a numeric date as the day it is, or leaves it out: never the other order when the document says which',
		() => {
			fc.assert(
				fc.property(numericDate, fc.constantFrom(...CODES), fc.constantFrom(...CODES), (d, from, to) => {
					const json = JSON.stringify({
						'@type': 'Flight',
						flightNumber: 'LH1',
						departureAirport: from,
						arrivalAirport: to,
						departureTime: d.text,
					});
					const [segment] = readJsonLd(json).flatMap((i) => i.segments);
					expect(segment).toBeDefined();
					const date = segment!.departs?.date;
					// The two readings of the text, day first and month first, where they are dates.
					const [first, second] = d.dayFirst ? [d.day, d.month] : [d.month, d.day];
					const real = (day: number, month: number) =>
						month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(d.year, month - 1, day)).getUTCDate() === day
							? `${d.year}-${pad(month)}-${pad(day)}`
							: undefined;
					const readings = new Set([real(first, second), real(second, first)].filter((r) => r !== undefined));
					// A part over 12 says the order; two parts of 12 or less say it only when they are the same number.
					const told = first > 12 || second > 12 || first === second;
					if (told && readings.size === 1) expect(date).toBe([...readings][0]);
					else expect(date, d.text).toBeUndefined();
					if (date === undefined) return;
					expect(segment!.departs?.time).toBe(`${pad(d.hour)}:${pad(d.minute)}`);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads 1 MB of adversarial JSON-LD in linear time',
		() => {
			const one = JSON.stringify(fc.sample(reservation, {seed: 1, numRuns: 1})[0]);
			for (const text of [
				'}{'.repeat(500_000),
				`[${'{"a":"}{\\"'.repeat(90_000)}`,
				one.repeat(Math.ceil(1_000_000 / one.length)),
				`${'{'.repeat(300_000)}${'}'.repeat(300_000)}`,
				`"${'\\'.repeat(999_998)}"`,
			]) {
				const start = performance.now();
				readJsonLd(text);
				expect(performance.now() - start, text.slice(0, 40)).toBeLessThan(LINEAR_BUDGET_MS);
			}
		},
		TIMEOUT,
	);
});

// ---------------------------------------------------------------------------------------------------------------
// Chinese e-ticket receipts (lib/extract/ticket-itinerary.ts): 自/至 rows under the 行程单 title.

const HAN_PLACES = MAINLAND.map((c) => rules.airports[c]!.nameZh!.replace(/国际机场|机场$/u, ''));
const ticketRow = fc
	.record({
		mark: fc.constantFrom('自', '至', '自 FROM', '至 TO', '自:', '至：', '至'),
		place: fc.oneof(
			fc.constantFrom(...HAN_PLACES),
			fc.constantFrom(...CODES),
			fc.string({maxLength: 8}),
			fc.constantFrom('甲机场', ''),
		),
		terminal: fc.constantFrom('', ' T1', ' T3', ' --', 'T2'),
		carrier: fc.constantFrom('', ' 国航', '东航', ' 某航空'),
		flight: fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9] ?\d{2,4}$/), fc.constantFrom('', 'VOID', '1234')),
		date: fc.oneof(isoDate(1990), gdsDate, fc.constantFrom('2026年7月1日', '', '2026-13-45')),
		time: fc.oneof(gdsClock, clockText, fc.constantFrom('', '0830', '25:99')),
		tail: fc.constantFrom('', ' Y', ' 20K', ' CNY 1330.00'),
	})
	.map((r) => `${r.mark} ${r.place}${r.terminal}${r.carrier} ${r.flight} Y ${r.date} ${r.time}${r.tail}`);
const ticketText = fc
	.tuple(
		fc.constantFrom('航空运输电子客票行程单', 'ITINERARY/RECEIPT OF E-TICKET', '电子发票（航空运输电子客票行程单）', ''),
		fc.array(
			fc.oneof(
				{weight: 4, arbitrary: ticketRow},
				{
					weight: 1,
					arbitrary: fc.oneof(mutatedLines, fc.constantFrom('票价 FARE CNY 1240.00', '合计 CNY 1030.00', '填开日期 2026-05-01')),
				},
			),
			{maxLength: 8},
		),
	)
	.map(([title, rows]) => [title, ...rows].join('\n'));

describe('parseTicketItinerary under fuzzing', () => {
	it(
		'never throws; every leg has two airports, a flight number and a date, and normalises or is refused by name',
		() => {
			fc.assert(
				fc.property(fc.oneof(ticketText, anyText), (text) => {
					const found = parseTicketItinerary(text, rules);
					expectRawItineraries(found);
					for (const s of found.flatMap((i) => i.segments)) {
						expect(s.flight).toMatch(/^[A-Z0-9]{2}\d{1,4}$/);
						expect(s.departs?.date).toBeTruthy();
					}
					runPipeline(found);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'finds nothing without the receipt title, and nothing from dates, clocks or prices alone',
		() => {
			fc.assert(
				fc.property(
					fc.array(ticketRow, {maxLength: 6}),
					fc.array(
						fc.oneof(isoDate(1990), gdsClock, fc.constantFrom('CNY 1240.00', '至 TO 2026-06-03 0830', '自 2026年7月1日 09:05')),
						{maxLength: 6},
					),
					(rows, noise) => {
						expect(parseTicketItinerary(rows.join('\n'), rules)).toEqual([]);
						expect(parseTicketItinerary(['行程单', ...noise].join('\n'), rules)).toEqual([]);
					},
				),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads 1 MB of adversarial receipt text in linear time',
		() => {
			for (const text of [
				`行程单\n自 ${'北'.repeat(1_000_000)}`,
				`行程单\n${'自 北京首都 T3 国航 CA1501 Y 2026-06-03 0830\n'.repeat(20_000)}`,
				`行程单\n自 北京首都 ${'CA1 '.repeat(250_000)}`,
				`行程单\n${'至'.repeat(1_000_000)}`,
				`行程单\n自 北京首都 CA1501 ${'2026-06-03 '.repeat(90_000)}`,
				// Every row a name the table does not know, each different: carrier tails are tried for the first few only.
				`行程单\n${Array.from({length: 60_000}, (_, k) => `自 上海${String.fromCharCode(0x4e00 + (k % 20_000))}东航东航 CA1 2026-06-03\n`).join('')}`,
			]) {
				const start = performance.now();
				parseTicketItinerary(text, rules);
				expect(performance.now() - start, text.slice(0, 40)).toBeLessThan(LINEAR_BUDGET_MS);
			}
		},
		TIMEOUT,
	);
});

// ---------------------------------------------------------------------------------------------------------------
// Airline e-ticket tables (lib/extract/ticket-table.ts): each flight in stacked rows (From, origin, To, destination).

const TABLE_HEADERS = [
	'Origin/Destination        Flight            Departure    Arrival    Not Valid',
	'FROM/TO   FLIGHT   DEPARTURE   ARRIVAL',
	'Flight Departure Arrival',
	'Flight   Arrival   Departure',
	'',
];
const tableRow = fc.oneof(
	{
		weight: 3,
		arbitrary: fc
			.tuple(
				fc.constantFrom(' Von /From', 'From', 'FROM', 'De / From', 'From:'),
				fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9] ?\d{1,4}$/), fc.constantFrom('', 'VOID', '1PC')),
				fc.array(dateText(1990), {maxLength: 3}),
			)
			.map(([label, number, dates]) => `${label}   ${number}   ${dates.join('   ')}`),
	},
	{
		weight: 3,
		arbitrary: fc
			.tuple(placeArb, fc.array(clockText, {maxLength: 3}), fc.option(dateText(1990)))
			.map(([place, clocks, date]) => ` ${place}   ${clocks.join('   ')}   ${date ?? ''}`),
	},
	{weight: 2, arbitrary: fc.constantFrom(' Nach /To', 'To', 'TO   Terminal 4', ' Nach /To   Terminal 4S   Nach /After', 'To (PEK)')},
	{weight: 1, arbitrary: mutatedLines},
);
const tableText = fc
	.tuple(fc.constantFrom(...TABLE_HEADERS), fc.array(tableRow, {maxLength: 16}))
	.map(([header, rows]) => [header, ...rows].join('\n'));

describe('parseTicketTable under fuzzing', () => {
	it(
		'never throws; every flight kept has two airports, its flight number and a departure clock, every other is unread',
		() => {
			fc.assert(
				fc.property(fc.oneof(tableText, anyText), (text) => {
					const found = parseTicketTable(text);
					expectRawItineraries(found);
					for (const s of found.flatMap((i) => i.segments)) {
						expect(s.from).not.toBe('');
						expect(s.to).not.toBe('');
						expect(s.flight).toMatch(/^[A-Z0-9]{2} ?\d{1,4}$/);
						expect(s.departs?.time).toBeTruthy();
					}
					for (const e of found.flatMap((i) => i.excluded ?? [])) expect(e.status).toBe('unread');
					runPipeline(found);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads nothing without a header naming the flight, then the departure and the arrival',
		() => {
			fc.assert(
				fc.property(fc.array(tableRow, {maxLength: 12}), (rows) => {
					const text = rows.join('\n');
					fc.pre(!/\b(?:Flight|FLIGHT)\b/.test(text));
					expect(parseTicketTable(text)).toEqual([]);
					expect(parseTicketTable(['Flight   Arrival   Departure', ...rows].join('\n'))).toEqual([]);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads 1 MB of adversarial table text in linear time',
		() => {
			const header = 'Origin/Destination   Flight   Departure   Arrival\n';
			for (const text of [
				header + 'Von /From  CA938  12-Jan\n'.repeat(40_000),
				header + `Von /From  CA938  ${'12-Jan '.repeat(140_000)}`,
				header + `Von /From  CA938\n London (LHR) ${'21:25 '.repeat(160_000)}`,
				header + 'Von /From  CA938  12-Jan\n London (LHR)  21:25  14:40\n Nach /To\n'.repeat(16_000),
				header + `${'From '.repeat(200_000)}CA938`,
				'Flight Departure '.repeat(60_000) + 'Arrival',
				`${header}${'To\n'.repeat(330_000)}`,
			]) {
				const start = performance.now();
				parseTicketTable(text);
				expect(performance.now() - start, text.slice(0, 60)).toBeLessThan(LINEAR_BUDGET_MS);
			}
		},
		TIMEOUT,
	);
});

// ---------------------------------------------------------------------------------------------------------------
// TravelSky eTerm availability (AV) displays

const AV_TEXTS = ['bmrxntfj__eterm-parser__av-pkxsha.txt', 'synthetic__eterm-av-hkglax.txt'].map((n) => fixture('gds', n));
const AV_LINES = AV_TEXTS.flatMap((t) => t.split('\n')).filter((l) => l.trim() !== '');

/** One flight line of an option (numbered) or of its connection (not), from real codes and some that are none. */
const avFlight = fc.record({
	star: fc.constantFrom('', '*'),
	carrier: fc.stringMatching(/^[A-Z][A-Z0-9]$/),
	number: fc.integer({min: 1, max: 9999}),
	source: fc.constantFrom('DS#', 'AS#', 'DS!', 'DS*'),
	classes: fc.array(fc.stringMatching(/^[A-Z][A-Z0-9]$/), {maxLength: 12}),
	from: airportCode,
	to: airportCode,
	dep: gdsClock,
	arr: gdsClock,
	depMark: fc.constantFrom('', '', '+1', '+2', '-1'),
	arrMark: fc.constantFrom('', '', '+1', '+2', '-1'),
});
type AvFlight = typeof avFlight extends fc.Arbitrary<infer T> ? T : never;

function printAv(f: AvFlight, number: string | undefined): string {
	const head = number === undefined ? `   ${f.star || ' '}` : `${number.padEnd(3)}${f.star || ' '}`;
	const route = number === undefined ? `   ${f.to}` : `${f.from}${f.to}`;
	return (
		`${head}${f.carrier}${f.number}`.padEnd(12) +
		`${f.source} ${f.classes.join(' ')}  ${route} ${f.dep}${f.depMark}   ${f.arr}${f.arrMark}   33L 0^B  E`
	);
}

/** A display: a command and header or not, options of one to three flights, the lines eTerm prints between them. */
const avDisplay = fc
	.record({
		command: fc.constantFrom('', 'AV:PEKSHA/15MAR', '>AVH/HKGLAX/20MAY26/MU', 'avh/aklsyd/28feb/ek', 'AV:H/PEKSHA/39XYZ'),
		header: fc.option(gdsDate.map((d) => ` ${d}(THU) PEKSHA VIA CA  `)),
		options: fc.array(fc.array(avFlight, {minLength: 1, maxLength: 3}), {maxLength: 6}),
		between: fc.array(
			fc.constantFrom(
				'>               SA NA VA UA TA EA              T3 T2  2:15',
				'               ** M1S H1S',
				' **  REMARK',
				'',
				'PAGE 1/1',
			),
			{maxLength: 3},
		),
	})
	.map(({command, header, options, between}) =>
		[
			command,
			header ?? '',
			...options.flatMap((flights, k) => [
				...flights.map((f, j) => printAv(f, j === 0 ? `${k + 1}${k === options.length - 1 ? '+' : '-'}` : undefined)),
				...between,
			]),
		].join('\n'),
	);

const avMutatedLines = fc
	.array(fc.tuple(fc.constantFrom(...AV_LINES), fc.array(edit, {maxLength: 4})), {minLength: 1, maxLength: 12})
	.map((lines) => lines.map(([l, e]) => mutate(l, e)).join('\n'));
const avText = fc.oneof(
	anyText,
	avDisplay,
	avMutatedLines,
	fc.tuple(fc.constantFrom(...AV_TEXTS), fc.array(edit, {maxLength: 12})).map(([t, e]) => mutate(t, e)),
);

describe('parseEtermAv under fuzzing', () => {
	it(
		'never throws; every option is a whole itinerary of dated legs between known airports that survives the pipeline',
		() => {
			fc.assert(
				fc.property(avText, (text) => {
					const {itineraries, refused} = parseEtermAv(text, rules);
					expectRawItineraries(itineraries);
					for (const i of itineraries) {
						expect(i.segments.length).toBeGreaterThan(0);
						for (const [k, s] of i.segments.entries()) {
							expect(rules.airports[s.from]).toBeDefined();
							expect(rules.airports[s.to]).toBeDefined();
							expect(s.flight).toMatch(/^[A-Z0-9]{2}\d{1,4}$/);
							expect(s.departs?.date).toBeTruthy();
							expect(s.arrives?.date).toBe(s.departs?.date);
							// A connection leaves from where the flight before it landed, or names its own city pair.
							if (k > 0 && s.from !== i.segments[k - 1]!.to) expect(text).toContain(`${s.from}${s.to}`);
						}
					}
					for (const r of refused) expect(r.why).not.toBe('');
					runPipeline(itineraries);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'asks the airport lookup only about three capital letters',
		() => {
			fc.assert(
				fc.property(avText, (text) => {
					for (const code of codesAsked((table) => parseEtermAv(text, table))) expect(code).toMatch(/^[A-Z]{3}$/);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads a well-formed display as one itinerary per option, each with exactly its flights',
		() => {
			const known = fc.record({
				star: fc.constantFrom('', '*'),
				carrier: fc.stringMatching(/^[A-Z][A-Z0-9]$/),
				number: fc.integer({min: 1, max: 9999}),
				source: fc.constantFrom('DS#', 'AS#'),
				classes: fc.array(fc.stringMatching(/^[A-Z][A-Z0-9]$/), {maxLength: 12}),
				from: fc.constantFrom(...CODES),
				to: fc.constantFrom(...CODES),
				dep: fc.constantFrom('0005', '0830', '1359', '2355'),
				arr: fc.constantFrom('0110', '1045', '2359'),
				depMark: fc.constantFrom('', '+1'),
				arrMark: fc.constantFrom('', '+1', '+2'),
			});
			fc.assert(
				fc.property(fc.array(fc.array(known, {minLength: 1, maxLength: 3}), {minLength: 1, maxLength: 6}), (options) => {
					const text = [
						' 15MAR26(SUN) PEKSHA',
						...options.flatMap((flights, k) => flights.map((f, j) => printAv(f, j === 0 ? `${k + 1}` : undefined))),
					].join('\n');
					const time = (clock: string, mark: string): RawTime =>
						mark ? {date: '15MAR26', time: clock, dayOffset: Number(mark)} : {date: '15MAR26', time: clock};
					expect(parseEtermAv(text, rules)).toEqual({
						itineraries: options.map((flights) => ({
							segments: flights.map((f, j) => ({
								from: j === 0 ? f.from : flights[j - 1]!.to,
								to: f.to,
								flight: `${f.carrier}${f.number}`,
								departs: time(f.dep, f.depMark),
								arrives: time(f.arr, f.arrMark),
							})),
						})),
						refused: [],
					});
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'finds nothing from dates, clocks or prices alone, with a header above them',
		() => {
			fc.assert(
				fc.property(
					fc.array(
						fc.oneof(
							gdsDate,
							gdsClock,
							fc.tuple(gdsDate, gdsClock, gdsClock).map((p) => p.join(' ')),
							fc
								.tuple(fc.integer({min: 1, max: 9}), airportCode, airportCode, gdsClock, gdsClock)
								.map(([n, a, b, c, d]) => `${n}- ${a}${b} ${c} ${d}`),
							fc.constantFrom('CNY 1240.00', 'FARE: CNY 520.00 TAX: CNY 50.00', '1- CNY1240.00 DS# 0830 1045', 'PAGE 1/1'),
						),
						{maxLength: 10},
					),
					(noise) => {
						expect(parseEtermAv([' 15MAR(SUN) PEKSHA', ...noise].join('\n'), rules).itineraries).toEqual([]);
					},
				),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads 1 MB of adversarial text in linear time',
		() => {
			const option = '1-  CA1501  DS# FA AS YA BA MA HA KA LA QA GA  PEKSHA 0830   1045   33A 0^L  E\n';
			for (const text of [
				`1- CA1501 DS# ${'YA '.repeat(330_000)}`,
				`1- CA1501 DS# ${'YA '.repeat(330_000)}PEKSHA 0830 1045`,
				`AV${' '.repeat(1_000_000)}`,
				`>AV${' :'.repeat(500_000)}`,
				`AV${' H'.repeat(500_000)}/PEKSHA/15MAR`,
				` 15MAR(SUN)${' '.repeat(1_000_000)}PEKSHA`,
				` 15MAR(SUN) PEKSHA\n${option.repeat(12_000)}`,
				` 15MAR(SUN) PEKSHA\n${option}${'    MU2159  DS# YA     QQQ 1400 1620\n'.repeat(25_000)}`,
				`${'1- CA1 DS# '.repeat(90_000)}`,
				'#'.repeat(1_000_000),
				'*'.repeat(1_000_000),
				`15MAR(SUN)PEKSHA\n${'1-'.repeat(500_000)}`,
			]) {
				const start = performance.now();
				parseEtermAv(text, rules);
				expect(performance.now() - start, text.slice(0, 40)).toBeLessThan(LINEAR_BUDGET_MS);
			}
		},
		TIMEOUT,
	);
});
