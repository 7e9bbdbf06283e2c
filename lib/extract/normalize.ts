/**
 * RawItinerary (what a page says) → segments the engine reads (IATA codes, local `YYYY-MM-DDTHH:mm`).
 * Airport names become codes through lib/airports; this is the one place that resolves year-less dates against the
 * page's reference date and applies day offsets. Adapters never do these themselves.
 */
import {addDays, hasClock, isCalendarDate, localMinutes, parseLocalCached, toUtcMinutes} from '../time';
import {resolveAirport, type AirportTable} from '../airports';
import type {SegmentInput} from '../itinerary';
import type {ExcludedSegment, RawItinerary, RawSegment, RawTime} from '../itinerary';
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

/**
 * One itinerary as the page or text says it, normalised; refused (`ok: false`, with the problem) where it cannot be
 * read whole, and where its times cannot all be true (timesOutOfOrder: a site's card is then not judged at all).
 */
export function normalizeItinerary(
	raw: RawItinerary,
	referenceDate: string,
	airports: AirportTable,
	options: NormalizeOptions = {},
): Normalized {
	const n = normalizeSegments(raw, referenceDate, airports, options);
	if (!n.ok) return n;
	const disorder = timesOutOfOrder(n.segments, airports);
	return disorder ? {ok: false, problem: disorder} : n;
}

function normalizeSegments(raw: RawItinerary, referenceDate: string, airports: AirportTable, options: NormalizeOptions): Normalized {
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
		let arr =
			s.arrives?.dayUnstated || s.arrives?.dayUnmarked
				? unstatedArrival(s, from, to, dep.value, airports, options.placeArrival)
				: resolveTime(s.arrives, dep.date, referenceDate, dep.date);
		if (arr.problem) return {ok: false, problem: `segment ${i + 1} arrival: ${arr.problem}`};
		// The departure's day, assumed for an arrival the text gives no day: the time zones, where at hand, say which day
		// the flight takes more than nothing and under 20 hours (the same day, or the next: 1:00 PM in New York to 4:00 PM
		// in Beijing). Without them the assumption stands, and a landing before take-off is refused (timesOutOfOrder).
		if (s.arrives?.dayAssumed && arr.value && options.placeArrival) {
			const placed = options.placeArrival(s, from, to, dep.value, airports);
			if (placed) arr = {value: placed, date: placed.slice(0, 10)};
		}
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

/**
 * Times that cannot all be true: a flight that leaves before the one before it lands, or one that lands before it
 * takes off (or at the very minute), once the table's time zones convert the clocks (where it has them; without, only
 * where the two read one clock: the same airport, or two in the mainland, all on Beijing time). A reading gone wrong
 * (two trips glued into one, a date put on the wrong clock): the engine, which takes its input as checked
 * (lib/rules/validate.ts), would judge the first as a stay of less than nothing, within 24 hours. Undefined where the
 * times agree or cannot be compared.
 */
function timeChecks(airports: AirportTable) {
	const record = (code: string) => (airports.airportOf ? airports.airportOf(code) : airports.airports[code]);
	const zone = (code: string) => record(code)?.tz ?? airports.zoneOf?.(code);
	const oneClock = (a: string, b: string) => a === b || (record(a)?.country === 'CN' && record(b)?.country === 'CN');
	/** Is `later` (local at `laterAt`) before `earlier` (local at `earlierAt`), or at the same minute `orSame`? */
	const before = (later: string, laterAt: string, earlier: string, earlierAt: string, orSame = false): boolean => {
		const l = parseLocalCached(later);
		const e = parseLocalCached(earlier);
		if (!l || !e) return false;
		if (hasClock(l) && hasClock(e)) {
			const lz = zone(laterAt);
			const ez = zone(earlierAt);
			if (lz && ez) return toUtcMinutes(l, lz) < toUtcMinutes(e, ez) || (orSame && toUtcMinutes(l, lz) === toUtcMinutes(e, ez));
			return oneClock(laterAt, earlierAt) && (localMinutes(l) < localMinutes(e) || (orSame && localMinutes(l) === localMinutes(e)));
		}
		return oneClock(laterAt, earlierAt) && l.dayNumber < e.dayNumber;
	};
	return {
		/** Does `s` leave before the landing of a flight before it (its arrival, or the earliest it can land)? */
		departsBeforeLanding: (landing: Landing | undefined, s: SegmentInput) =>
			landing !== undefined && s.departure !== undefined && before(s.departure, s.from, landing.time, landing.at),
		landsBeforeTakeOff: (s: SegmentInput) =>
			s.departure !== undefined && s.arrival !== undefined && before(s.arrival, s.to, s.departure, s.from, true),
	};
}

/** Where and when a flight lands, as far as the itinerary says: its arrival, else the earliest it can land. */
type Landing = {time: string; at: string};
/** A segment's landing, or the last one before it where it gives none (as lib/rules/validate.ts carries it on). */
const landingAfter = (s: SegmentInput, before: Landing | undefined): Landing | undefined => {
	const time = s.arrival ?? s.arrivalNotBefore;
	return time === undefined ? before : {time, at: s.to};
};

/** The first of the segments' times that cannot be true (timeChecks), as a problem; undefined when none. */
function timesOutOfOrder(segments: SegmentInput[], airports: AirportTable): string | undefined {
	const {departsBeforeLanding, landsBeforeTakeOff} = timeChecks(airports);
	let landing: Landing | undefined;
	for (let i = 0; i < segments.length; i++) {
		const s = segments[i]!;
		if (departsBeforeLanding(landing, s))
			return `segment ${i + 1}: departs (${s.departure}) before the flight before it lands (${landing!.time})`;
		if (landsBeforeTakeOff(s)) return `segment ${i + 1}: lands (${s.arrival}) before it takes off (${s.departure})`;
		landing = landingAfter(s, landing);
	}
	return undefined;
}

/**
 * The segments cut where their times cannot all be true (timeChecks), for a text or a record that may hold several
 * trips: a flight that leaves before the one before it lands starts a part of its own (two trips printed together are
 * judged apart, not as a stay of less than nothing), and one that lands before it takes off is left out (`left`) and
 * ends the part before it, as a flight not read would.
 */
function splitWhereTimesDisagree(segments: SegmentInput[], airports: AirportTable): {parts: SegmentInput[][]; left: SegmentInput[]} {
	const {departsBeforeLanding, landsBeforeTakeOff} = timeChecks(airports);
	const parts: SegmentInput[][] = [];
	const left: SegmentInput[] = [];
	let part: SegmentInput[] = [];
	let landing: Landing | undefined;
	const close = () => {
		if (part.length > 0) parts.push(part);
		part = [];
		landing = undefined;
	};
	for (const s of segments) {
		if (landsBeforeTakeOff(s)) {
			left.push(s);
			close();
			continue;
		}
		if (departsBeforeLanding(landing, s)) close();
		part.push(s);
		landing = landingAfter(s, landing);
	}
	close();
	return {parts, left};
}

/** A segment left out for its times, as excluded segments are reported: its flight, route and times as read. */
function leftForTimes(s: SegmentInput): ExcludedSegment {
	const line = [s.flight, `${s.from} ${s.departure ?? ''}`.trim(), '→', `${s.to} ${s.arrival ?? ''}`.trim()].filter(Boolean).join(' ');
	return {line, ...(s.flight ? {flight: s.flight} : {}), from: s.from, to: s.to, status: 'unread', code: 'unread'};
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
 * their own; a part the normaliser refuses for another reason (an unreadable date) is counted in `refused`. Where the
 * times cannot all be true, the legs are cut there instead of refused (splitWhereTimesDisagree): a flight that lands
 * before it takes off is listed in `excluded`, as a segment not read.
 */
export function normalizeAroundUnknownAirports(
	raw: RawItinerary,
	referenceDate: string,
	airports: AirportTable,
	options: NormalizeOptions = {},
): {itineraries: SegmentInput[][]; unknown: UnknownAirportSegment[]; refused: number; excluded: ExcludedSegment[]} {
	const excluded: ExcludedSegment[] = [];
	const split = (segments: SegmentInput[]) => {
		const {parts, left} = splitWhereTimesDisagree(segments, airports);
		excluded.push(...left.map(leftForTimes));
		return parts;
	};
	const whole = normalizeSegments(raw, referenceDate, airports, options);
	if (whole.ok) return {itineraries: split(whole.segments), unknown: [], refused: 0, excluded};
	const itineraries: SegmentInput[][] = [];
	const unknown: UnknownAirportSegment[] = [];
	let refused = 0;
	let part: RawSegment[] = [];
	const close = () => {
		if (part.length === 0) return;
		const n = normalizeSegments({segments: part}, referenceDate, airports, options);
		if (n.ok) itineraries.push(...split(n.segments));
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
	return unknown.length === 0 ? {itineraries: [], unknown, refused: 1, excluded: []} : {itineraries, unknown, refused, excluded};
}
