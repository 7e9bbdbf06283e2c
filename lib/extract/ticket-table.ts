/**
 * An airline's e-ticket receipt whose flight table stacks each flight in rows under one header: a `From` row with the
 * flight number and the dates, the origin's row with the departure and arrival clocks, a `To` row, and the
 * destination's row. Printed in two languages (Iberia's `Von /From`, `Nach /To`), as a PDF's text laid out in columns
 * or copied with single spaces:
 *
 *   Origin/Destination        Flight            Departure    Arrival    Not Valid …
 *    Von /From                IB3677            20-Jul       20-Jul     Vor dem /Before …
 *    Berlin (TXL)                               12:25        15:35      20-Jul …
 *    Nach /To                                                Terminal 4 Nach /After
 *    Madrid (MAD)                                                       20-Jul
 *
 * The header must name the flight, then the departure and the arrival columns: that is what says the first clock of a
 * flight is its departure and the second its arrival. A flight is a `From` row with a flight number; one whose rows
 * cannot be read whole (no `To` row close under it, no airport, more clocks than two) is kept as `unread`, which ends
 * the itinerary there (lib/extract/status.ts splitByStatus) rather than joining the flights around it. Dates other
 * than the flight's (a `Not Valid Before` column's, after the clocks) are not read as its days. Pure and linear: one
 * pass over the lines, each row searched with bounded patterns.
 */
import type {RawItinerary, RawSegment, RawTime} from '../itinerary';
import {parseClock} from './parse';
import {dateSpan} from './text-dates';
import {splitByStatus} from './status';
import {matchesOf} from './matches';

/** A header or a row is a line of a table; what lies beyond this is no part of it, and is not searched. */
const MAX_ROW = 400;
/** The `To` row comes this many lines after its `From` row at most (the origin's row, an operator's line between). */
const MAX_ROWS_TO_TO = 4;

const HEADER_FLIGHT = /\b(?:Flight|FLIGHT)\b/;
const HEADER_DEPARTURE = /\b(?:Departure|DEPARTURE)\b/;
const HEADER_ARRIVAL = /\b(?:Arrival|ARRIVAL)\b/;
/** A row's label at the line's start, alone or beside its translation (`Von /From`, `FROM`, `From / De`). */
const FROM_ROW = /^\s*(?:[^\s/:：]{1,24}\s*\/\s*)?(?:From|FROM)(?!\p{L})(?:\s*\/\s*[^\s/:：]{1,24})?/u;
const TO_ROW = /^\s*(?:[^\s/:：]{1,24}\s*\/\s*)?(?:To|TO)(?!\p{L})(?:\s*\/\s*[^\s/:：]{1,24})?/u;
const FLIGHT = /(?<![A-Za-z0-9])([A-Z][A-Z0-9]|[0-9][A-Z])\s?(\d{1,4})(?![\d:A-Za-z])/;
const CODE = /\(([A-Z]{3})\)/;
/** A clock, 24-hour or with AM/PM, and a day mark after it (`+1`). */
const CLOCK = /(?<![\d:.])(\d{1,2}:[0-5]\d)(?![\d:])(?:\s?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?(?:\s?\+\s?(\d)(?!\d))?/g;
/** Where an airport's name ends in its row: two spaces (the next column), or a word that starts with a digit. */
const CELL_END = /\s{2,}|\s(?=\d)/;

type Clock = {time: string; dayOffset?: number; end: number};

export function parseTicketTable(text: string): RawItinerary[] {
	const lines = text.split(/\r?\n/);
	const header = lines.findIndex(isHeader);
	if (header < 0) return [];
	const segments: RawSegment[] = [];
	const rows = new Map<RawSegment, string>();
	for (let i = header + 1; i < lines.length; i++) {
		const line = lines[i]!.slice(0, MAX_ROW);
		const label = FROM_ROW.exec(line);
		const flight = label ? FLIGHT.exec(line.slice(label[0].length)) : null;
		if (!label || !flight) continue;
		const read = readFlight(lines, i, line.slice(label[0].length), `${flight[1]}${flight[2]}`);
		segments.push(read.segment);
		rows.set(read.segment, line.trim());
		i = read.last;
	}
	return segments.length > 0 ? splitByStatus({segments}, (s) => rows.get(s)) : [];
}

function isHeader(line: string): boolean {
	if (line.length > MAX_ROW || !HEADER_FLIGHT.test(line)) return false;
	const departure = line.search(HEADER_DEPARTURE);
	const arrival = line.search(HEADER_ARRIVAL);
	return departure >= 0 && arrival > departure;
}

/** One flight's rows from its `From` row (index `at`, `rest` after its label): the segment, and the last row read. */
function readFlight(lines: string[], at: number, rest: string, flight: string): {segment: RawSegment; last: number} {
	const unread = {segment: {from: '', to: '', flight, status: 'unread', statusCode: 'unread'} satisfies RawSegment, last: at};
	let to = -1;
	for (let j = at + 1; j < lines.length && j <= at + MAX_ROWS_TO_TO; j++) {
		const line = lines[j]!.slice(0, MAX_ROW);
		if (FROM_ROW.test(line) && FLIGHT.test(line)) break; // the next flight's rows: this one has no `To`
		if (TO_ROW.test(line)) {
			to = j;
			break;
		}
	}
	if (to < 0) return unread;
	const toRow = lines[to]!.slice(0, MAX_ROW);
	const toRest = toRow.slice(TO_ROW.exec(toRow)![0].length);
	const below = nextRow(lines, to);
	const destination = CODE.exec(toRest)?.[1] ?? (below === undefined ? undefined : placeIn(lines[below]!.slice(0, MAX_ROW)));
	const last = CODE.test(toRest) || below === undefined ? to : below;
	// The origin: a code on the `From` row, else the first row under it.
	const between = lines.slice(at + 1, to).map((l) => l.slice(0, MAX_ROW));
	const first = between.find((l) => l.trim() !== '');
	const origin = CODE.exec(rest)?.[1] ?? (first === undefined ? undefined : placeIn(first));
	const rowsWithClocks = [rest, ...between].map((row) => ({row, clocks: clocksIn(row)})).filter((r) => r.clocks.length > 0);
	const clocks = rowsWithClocks.flatMap((r) => r.clocks);
	if (!origin || !destination || clocks.length === 0 || clocks.length > 2) return {...unread, last};
	const [dep, arr] = clocks as [Clock, Clock | undefined];
	// The dates: the `From` row's (the departure's, then the arrival's), else those before the clocks on their row.
	let dates = datesIn(rest);
	if (dates.length === 0) {
		const {row, clocks: own} = rowsWithClocks[0]!;
		dates = datesIn(row.slice(0, own.at(-1)!.end));
	}
	const segment: RawSegment = {from: origin, to: destination, flight, departs: time(dep, dates[0])};
	if (arr) {
		const d = parseClock(dep.time);
		const a = parseClock(arr.time);
		if (dates[1] !== undefined || arr.dayOffset) segment.arrives = time(arr, dates[1]);
		// No day of its own: a clock not after the departure's is placed by the time zones (RawTime `dayUnmarked`); a later
		// one is on the departure's day, assumed, which the normaliser checks with the time zones (`dayAssumed`).
		else if (d !== undefined && a !== undefined && a <= d) segment.arrives = {time: arr.time, dayUnmarked: true};
		else segment.arrives = {time: arr.time, dayAssumed: true};
	}
	return {segment, last};
}

function time(clock: Clock, date: string | undefined): RawTime {
	const t: RawTime = {time: clock.time};
	if (date !== undefined) t.date = date;
	if (clock.dayOffset) t.dayOffset = clock.dayOffset;
	return t;
}

/** The first row after `at` with anything on it, if it is close. */
function nextRow(lines: string[], at: number): number | undefined {
	for (let j = at + 1; j < lines.length && j <= at + 2; j++) if (lines[j]!.trim() !== '') return j;
	return undefined;
}

/** An airport in a row: its code in brackets (`Berlin (TXL)`), else the name in its first cell (`Berlin Tegel  12:25`). */
function placeIn(row: string): string | undefined {
	const code = CODE.exec(row)?.[1];
	if (code) return code;
	const cell = row.trim().split(CELL_END)[0]!.trim();
	return cell.length >= 3 && !/\d/.test(cell) && !FROM_ROW.test(cell) && !TO_ROW.test(cell) ? cell : undefined;
}

function clocksIn(row: string): Clock[] {
	if (!row.includes(':')) return [];
	const clocks: Clock[] = [];
	for (const m of matchesOf(CLOCK, row)) {
		const text = m[2] ? `${m[1]} ${m[2].toUpperCase()}M` : m[1]!;
		if (parseClock(text) === undefined) continue;
		const clock: Clock = {time: text, end: m.index + m[0].length};
		if (m[3]) clock.dayOffset = Number(m[3]);
		clocks.push(clock);
	}
	return clocks;
}

/** The dates in a row, in order. */
function datesIn(row: string): string[] {
	const dates: string[] = [];
	let from = 0;
	for (let span = dateSpan(row); span && dates.length < 4; span = dateSpan(row.slice(from))) {
		dates.push(span.text);
		from += span.end;
	}
	return dates;
}
