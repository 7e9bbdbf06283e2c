/**
 * RawItinerary (what a page says) → segments the engine reads (IATA codes, local `YYYY-MM-DDTHH:mm`).
 * Airport names become codes through lib/airports; this is the one place that resolves year-less dates against the
 * page's reference date and applies day offsets. Adapters never do these themselves.
 */
import {addDays, isCalendarDate} from '../time';
import {resolveAirport, type AirportTable} from '../airports';
import type {SegmentInput} from '../itinerary';
import type {RawItinerary, RawSegment, RawTime} from '../itinerary';
import {normalizeFlightNumber, parseClock, parseDateText, resolveYear} from './parse';
import {isCheckedStatus} from './status';

type Normalized = {ok: true; segments: SegmentInput[]} | {ok: false; problem: string};

/**
 * Date texts resolved against a reference date, remembered: a results page prints the same few dates on every card
 * ("Thu, Aug 20"), and reading one takes several patterns. Bounded; null for a text that is not a date.
 */
const resolvedDates = new Map<string, string | null>();
const MAX_RESOLVED_DATES = 512;

function resolveDate(text: string, referenceDate: string): string | undefined {
	const key = `${referenceDate}|${text}`;
	let date = resolvedDates.get(key);
	if (date === undefined) {
		const parsed = parseDateText(text);
		date = (parsed && resolveYear(parsed, referenceDate)) ?? null;
		if (resolvedDates.size >= MAX_RESOLVED_DATES) resolvedDates.clear();
		resolvedDates.set(key, date);
	}
	return date ?? undefined;
}

type ResolvedTime = {value?: string; date?: string; problem?: string};

/**
 * An ISO date as adapters and embedded data give it (`2026-04-02`, exactly): itself when it is a real calendar date,
 * undefined when not; null for any other text (parseDateText reads those). The same answer as parseDateText and
 * resolveYear give it, without their patterns.
 */
function plainIsoDate(text: string): string | undefined | null {
	if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
	let year = 0;
	let month = 0;
	let day = 0;
	for (let i = 0; i < 10; i++) {
		if (i === 4 || i === 7) continue;
		const d = text.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return null;
		if (i < 4) year = year * 10 + d;
		else if (i < 7) month = month * 10 + d;
		else day = day * 10 + d;
	}
	// Years before 100 are left to the patterns, which read them through Date (1900 + year).
	if (year < 100) return null;
	return isCalendarDate(year, month, day) ? text : undefined;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `date` (resolved from `text`) moved to the first later year that is not before `notBefore`, if `text` has no year. */
function inOrder(text: string, date: string, notBefore: string): string {
	if (date >= notBefore || parseDateText(text)?.year !== undefined) return date;
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	for (let y = year + 1; y <= year + 4; y++) {
		if (!isCalendarDate(y, month, day)) continue;
		const later = `${y}-${pad2(month)}-${pad2(day)}`;
		if (later >= notBefore) return later;
	}
	return date;
}

/**
 * `after`: the date of the time before it (the previous flight's departure, or this flight's for its arrival). A record
 * lists its flights in order, so a date falls no earlier than the day before that one (a day back only across the
 * date line): a date without a year that the reference date put earlier is in a later year (`10JUN`, then `02MAY`:
 * the May of the next year); one with its year stays as written.
 */
function resolveTime(raw: RawTime | undefined, fallbackDate: string | undefined, referenceDate: string, after?: string): ResolvedTime {
	if (!raw) return {};
	let date: string | undefined;
	if (raw.date) {
		const iso = plainIsoDate(raw.date);
		date = iso === null ? resolveDate(raw.date, referenceDate) : iso;
		if (!date) return {problem: `unreadable date "${raw.date}"`};
		if (after && date < after && iso === null) date = inOrder(raw.date, date, addDays(after, -1));
	} else date = fallbackDate;
	if (date && raw.dayOffset) date = addDays(date, raw.dayOffset);
	if (!raw.time) return date ? {value: date, date} : {};
	const minutes = parseClock(raw.time);
	if (minutes === undefined) return {problem: `unreadable time "${raw.time}"`};
	if (!date) return {}; // a clock without any date cannot be placed: leave it out rather than guess
	// `date` is a real calendar date written in full (resolved above) and `minutes` within the day: the local time is
	// the two side by side.
	return {value: `${date}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`, date};
}

/**
 * Places an arrival clock of unstated or unmarked day (`dayUnstated`, `dayUnmarked`) for the segment
 * (./arrival-day.ts): its local `YYYY-MM-DDTHH:mm`, or undefined to leave it out. Passed where the airport table has
 * time zones (the extension's pages, the background and the command line) or is told them (the generic page, through
 * the second content script); the site adapters' normaliser has none, leaves such arrivals out and carries none of
 * the zone arithmetic.
 */
type ArrivalPlacer = (
	segment: RawSegment,
	from: string,
	to: string,
	departure: string | undefined,
	airports: AirportTable,
) => string | undefined;
/**
 * The earliest a flight whose arrival is not given can land, local at `to` (lib/extract/arrival-day.ts
 * arrivalNotBefore); passed where the table has time zones, as `placeArrival` is.
 */
type ArrivalBound = (from: string, to: string, departure: string | undefined, airports: AirportTable) => string | undefined;
export type NormalizeOptions = {placeArrival?: ArrivalPlacer; boundArrival?: ArrivalBound};

/** An arrival of unstated or unmarked day: placed by `place` where it can be, else left out; an unreadable clock is refused. */
function unstatedArrival(
	s: RawSegment,
	from: string,
	to: string,
	departure: string | undefined,
	airports: AirportTable,
	place?: ArrivalPlacer,
): ResolvedTime {
	const time = s.arrives?.time;
	if (time === undefined) return {};
	if (parseClock(time) === undefined) return {problem: `unreadable time "${time}"`};
	const value = place?.(s, from, to, departure, airports);
	return value ? {value, date: value.slice(0, 10)} : {};
}

export function normalizeItinerary(
	raw: RawItinerary,
	referenceDate: string,
	airports: AirportTable,
	options: NormalizeOptions = {},
): Normalized {
	if (raw.segments.length === 0) return {ok: false, problem: 'no segments'};
	const segments: SegmentInput[] = [];
	const list = raw.segments;
	// Every airport first: a table that looks unknown names up elsewhere hears of all of them at once.
	const codes: (string | undefined)[] = [];
	for (const s of list) codes.push(resolveAirport(s.from, airports), resolveAirport(s.to, airports));
	let previousDeparture: string | undefined;
	for (let i = 0; i < list.length; i++) {
		const s = list[i]!;
		// splitByStatus takes these out; one still here would be checked as a flight the traveller does not hold, or
		// (a surface segment) glue two trips together. Refuse rather than guess which.
		if (!isCheckedStatus(s.status))
			return {ok: false, problem: `segment ${i + 1}: ${s.status} (${s.statusCode ?? 'no code'}), not a flight to check`};
		const from = codes[2 * i];
		const to = codes[2 * i + 1];
		if (!from) return {ok: false, problem: `segment ${i + 1}: unknown airport "${s.from}"`};
		if (!to) return {ok: false, problem: `segment ${i + 1}: unknown airport "${s.to}"`};
		const dep = resolveTime(s.departs, undefined, referenceDate, previousDeparture);
		if (dep.problem) return {ok: false, problem: `segment ${i + 1} departure: ${dep.problem}`};
		if (dep.date) previousDeparture = dep.date;
		// An arrival given only as a clock (+ offset) belongs to the departure's day, unless the text says it does not, or
		// prints a clock before the departure's with no day: then only the time zones can say which day (the next, or
		// the same westwards over the date line), and without them it is left out rather than put on either.
		const arr =
			s.arrives?.dayUnstated || s.arrives?.dayUnmarked
				? unstatedArrival(s, from, to, dep.value, airports, options.placeArrival)
				: resolveTime(s.arrives, dep.date, referenceDate, dep.date);
		if (arr.problem) return {ok: false, problem: `segment ${i + 1} arrival: ${arr.problem}`};
		const seg: SegmentInput = {from, to};
		if (dep.value) seg.departure = dep.value;
		if (arr.value) seg.arrival = arr.value;
		else {
			const bound = options.boundArrival?.(from, to, dep.value, airports);
			if (bound) seg.arrivalNotBefore = bound;
		}
		const flight = s.flight ? normalizeFlightNumber(s.flight) : undefined;
		if (flight) seg.flight = flight;
		if (s.connectionMinutes !== undefined && i < list.length - 1) seg.connectionMinutes = s.connectionMinutes;
		segments.push(seg);
	}
	return {ok: true, segments};
}

/** A segment left out because the airport table does not know one of its airports, as the text wrote it. */
export type UnknownAirportSegment = {
	from: string;
	to: string;
	flight?: string;
	/** The names or codes the table did not know. */
	unknown: string[];
};

/**
 * Like normalizeItinerary, but an airport the table does not know costs only the segments that name it: those are
 * reported in `unknown`, and they end the itinerary's continuity as a surface segment does (lib/extract/status.ts),
 * since nothing says where the traveller was in between. The legs before and after are normalised as itineraries of
 * their own; a part the normaliser refuses for another reason (an unreadable date) is counted in `refused`.
 */
export function normalizeAroundUnknownAirports(
	raw: RawItinerary,
	referenceDate: string,
	airports: AirportTable,
	options: NormalizeOptions = {},
): {itineraries: SegmentInput[][]; unknown: UnknownAirportSegment[]; refused: number} {
	const whole = normalizeItinerary(raw, referenceDate, airports, options);
	if (whole.ok) return {itineraries: [whole.segments], unknown: [], refused: 0};
	const itineraries: SegmentInput[][] = [];
	const unknown: UnknownAirportSegment[] = [];
	let refused = 0;
	let part: RawSegment[] = [];
	const close = () => {
		if (part.length === 0) return;
		const n = normalizeItinerary({segments: part}, referenceDate, airports, options);
		if (n.ok) itineraries.push(n.segments);
		else refused++;
		part = [];
	};
	for (const s of raw.segments) {
		const names = [s.from, s.to].filter((name) => resolveAirport(name, airports) === undefined);
		if (names.length === 0) {
			part.push(s);
			continue;
		}
		close();
		const [from, to, missing] = [s.from, s.to, [...new Set(names)]];
		unknown.push(s.flight ? {from, to, flight: s.flight, unknown: missing} : {from, to, unknown: missing});
	}
	close();
	// Nothing unknown: the refusal was for another reason, and it stands for the whole itinerary.
	return unknown.length === 0 ? {itineraries: [], unknown, refused: 1} : {itineraries, unknown, refused};
}
