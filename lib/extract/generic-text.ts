/**
 * Flight legs in the visible text of any page: text copied from a booking panel, an agency confirmation, a review
 * page. The last resort after site adapters, structured data and GDS lines, so it is deliberately conservative:
 * a three-letter word only counts as an airport with context around it, a leg needs two airports and a clock or a
 * flight number, and anything it cannot place is left out. Pure: text in, RawItinerary out, as the text says it
 * (dates, clocks and airport codes unconverted; the normaliser does the rest).
 *
 * A Chinese e-ticket receipt (行程单) is read by ./ticket-itinerary.ts instead, and an airline e-ticket whose table stacks
 * each flight in rows (`Von /From`, the origin, `Nach /To`, the destination) by ./ticket-table.ts. Other text, in three
 * shapes, line by line:
 * - point lines, a clock and one airport: `7:00 PMHeathrow Airport (LHR)`, `Departure: 10:50 Tegel(TXL), Berlin`,
 *   `08:35 北京首都国际机场T3`. Consecutive points pair into departure and arrival;
 * - route lines, two airports joined by an arrow, a dash or "to": `London LHR to Newark EWR`, `PEK → PVG`, with the
 *   clocks on the same line or as `6:00 PM to 9:20 PM` on a following line;
 * - around them: dates (`Wed, Aug 26`, `Mon 17 Oct 2016`, `2026年4月2日`), flight numbers (`Flight: AB6439`,
 *   `…Boeing 777NH 212`), layovers (`10 hr 35 min layoverRome (FCO)`, `中转3小时15分`).
 */
import type {RawItinerary, RawSegment, RawTime} from '../itinerary';
import {resolveAirport, type AirportTable} from '../airports';
import {parseClock, parseDuration} from './parse';
import {matchesOf} from './matches';
import {dateSpan, firstDate, MONTH} from './text-dates';
import {parseTicketItinerary} from './ticket-itinerary';
import {parseTicketTable} from './ticket-table';

/**
 * Three-letter words that are also airport codes (THE Teresina, FOR Fortaleza, CAT Cascais, SAT San Antonio, …) or
 * that pages print next to clocks and prices. A bare token in this list is never an airport; a bracketed one is,
 * except for the currencies and time zones below.
 */
const COMMON_WORDS = new Set(
	(
		'AND THE FOR ARE BUT NOT YOU ALL ANY CAN HAD HER WAS ONE OUR OUT DAY GET HAS HIM HIS HOW MAN NEW NOW OLD SEE TWO ' +
		'WAY WHO BOY DID ITS LET PUT SAY SHE TOO USE CAT DOG ATE BIG END FAR FEW FUN GOT HOT JOB LOT LOW MAP RED RUN SET ' +
		'SIT TOP TRY WIN YES YET AGE AIR ARM ART ASK BAD BAG BED BOX BUS BUY CAR CUT EAT EYE FEE FLY GAS HAT ICE KEY LEG ' +
		'LIE MIX OFF OIL PAY PEN PER POP ROW SEA SKY SON SUN TAX TEA TEN TIP VIA WAR WET ' +
		'MON TUE WED THU FRI SAT JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC ' +
		'ETA ETD STD STA PAX VAT FAQ CEO PDF APP WEB NET COM ORG TBA TBD ' +
		'ECO BIZ FST ADT CHD INF'
	).split(' '),
);
const NEVER_AIRPORTS = new Set(
	(
		'USD EUR GBP CNY RMB JPY HKD AUD CAD SGD NZD CHF KRW THB MYR TWD INR IDR PHP VND MOP AED ' +
		'GMT UTC CET CST EST EDT PST PDT BST JST KST HKT SGT AEST AEDT IST MSK'
	).split(' '),
);

/**
 * A clock, 12- or 24-hour, optionally glued to what follows (`7:00 PMHeathrow`) but not to a code (`10:30 AMS` is
 * 24-hour 10:30 at Amsterdam). A day offset may follow: `+1`, `+1天`, `(+1)`.
 */
const CLOCK = /(\d{1,2}):([0-5]\d)(?![\d:])(?:[ \u202f\u00a0]?(AM|PM|am|pm|A\.M\.|P\.M\.|a\.m\.|p\.m\.)(?![A-Z](?![a-z])))?/g;
const ENDS_WITH_MONTH = new RegExp(String.raw`${MONTH}\s+$`);
const DAY_OFFSET = /^\s?(?:\(\s*\+\s?(\d)\s*(?:天|days?|d)?\s*\)|\+\s?(\d)(?:\s?(?:天|days?\b|d\b))?)/;
/** A day mark that ends a point line, after its airport (`09:15  PEK  Beijing Capital  +1`): its clock's. */
const DAY_OFFSET_AT_END = /\s(?:\(\s*\+\s?(\d)\s*(?:天|days?|d)?\s*\)|\+\s?(\d)(?:\s?(?:天|days?|d))?)\s*$/;

/**
 * A departure or arrival label at the start of a line, in the languages e-tickets and receipts come in (Swedish
 * `Avgång:` / `Ankomst:`, German, French, Spanish), the `自` / `至` (FROM / TO) rows of a Chinese 行程单, which may go
 * without a colon, and an English departure or arrival word without one where a clock follows it (`Depart 21:25 London
 * Heathrow`). Matched against the lower-cased line: a pattern with the `i` flag and non-ASCII letters costs V8
 * a fresh compile after garbage collections (lib/extract/parse.ts parseDuration).
 */
const LABEL =
	/^\s*(?:(?:(departure|departs|departing|depart|from|出发|出發|起飞|起飛|avgång|abflug|départ|salida)|(arrival|arrives|arriving|arrive|to|到达|到達|抵达|抵達|ankomst|ankunft|arrivée|llegada))\s*[:：]|(自)(?:\s*from)?\s*[:：]?|(至)(?:\s*to)?\s*[:：]?|(?:(departure|departs|depart)|(arrival|arrives|arrive))\s+(?=\d{1,2}:\d{2}(?!\d)))/;
/** A terminal printed after an airport's name: `Terminal 5`, `Terminal 2E`, `T3`, `(T1)`, `, Terminal 1`. */
const TERMINAL_AT_END = /\(?(?:\b[Tt]erminal ?|\bT)\d{1,2}[A-Z]?\)?$/;
/** The text without a terminal at its end (trimmed, and no comma left before where the terminal was). */
function withoutTerminal(text: string): string {
	const t = text.trimEnd();
	const m = TERMINAL_AT_END.exec(t);
	if (!m) return t;
	const rest = t.slice(0, m.index).trimEnd();
	return rest.endsWith(',') ? rest.slice(0, -1) : rest;
}
const TERMINAL_IN_GAP = /\(?(?:\b[Tt]erminal\s*|\bT)\d{1,2}[A-Z]?\b\)?/g;
/** Between two airports of a route line: an arrow, a dash or "to", with at most a few name words around it. */
const CONNECTOR = /^[\s\p{L}.,'’()]*?(?:→|->|⟶|➝|➔|⇒|✈|–|—|-|\bto\b|至|到|飞往)[\s\p{L}.,'’()]*$/u;
/** Before a route's departure clock on its times line (`Depart 09:45  Arrive 15:20`), and between the two clocks. */
const DEPART_WORD = /(?:^|[^\p{L}])(?:[Dd]epart(?:s|ure)?|DEP(?:ART(?:URE)?)?|出发|出發|起飞|起飛) ?[:：]?$/u;
const ARRIVE_GAP = /^(?:[,;|·/] ?)?(?:[Aa]rriv(?:e|es|al)|ARR(?:IV(?:E|AL))?|到达|到達|抵达|抵達) ?[:：]?$/u;
const RANGE_SEPARATOR = /^\s*(?:to|–|—|-|→|~|～|至)\s*$/;
const FLIGHT_LABELLED =
	/(?:\b(?:[Ff]light|[Ff]lyg|[Ff]lug|[Vv]uelo)(?:\s+(?:[Nn]umber|[Nn]o\.?|#))?|航班[号號]?)\s*[:：#]?\s*([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(\d{1,4}[A-Z]?)(?![\dA-Za-z])/;
/**
 * A line that a flight label opens (`Flight: 15.06.2017  |  4U 8462 (X)`, `Flight 2: Air China CA925, …`, `Flight 1 of
 * 2:`): its one flight number is the labelled one.
 */
const FLIGHT_LINE = /^\s*(?:[Ff]light|FLIGHT|[Ff]lyg|[Ff]lug|[Vv]uelo|航班[号號]?)(?:\s+\d{1,2}(?:\s+of\s+\d{1,2})?)?\s*[:：]/;
/** An unlabelled flight number may be glued to the text before it (`Boeing 777NH 212`) but not inside a word. */
const FLIGHT_BARE = /(?<![A-Z])([A-Z]{2}|[A-Z]\d|\d[A-Z])\s?(\d{1,4})(?![A-Za-z\d:]|[-.]\d)/g; // not A220-300, CC0-1.0
/** Aircraft types and other tokens shaped like flight numbers. */
const NOT_A_FLIGHT = /^(?:A\d{3}|E\d{3}|C9\d\d|B7\d\d|CO2|AM\d+|PM\d+)$/;
/** Layover lengths, matched against the lower-cased line (see LABEL). */
const LAYOVER = [
	// A duration starts where a run of digits starts: tried inside a long run of digits, `\d+` would read to its end from
	// every position of it.
	/((?<!\d)\d+\s*(?:hours?|hrs?|h)\s*(?:\d+\s*(?:minutes?|mins?|m)\b)?|(?<!\d)\d+\s*(?:minutes?|mins?)\b)\s*(?:overnight\s+)?(?:layover|connection|stopover|transfer)/,
	/(?:layover|connection|stopover)\s*[:：]?\s*(\d+\s*(?:hours?|hrs?|h)\s*(?:\d+\s*(?:minutes?|mins?|m)\b)?|\d+\s*(?:minutes?|mins?)\b)/,
	/(?:中转|转机|停留|經停|经停)\s*(\d+\s*(?:小时|小時|h)\s*(?:\d+\s*(?:分钟|分鐘|分|m))?|\d+\s*(?:分钟|分鐘|分))/,
];
const DATE_CHANGE = /\bdate change\b|\barrives? (?:the )?next day\b/i;
/** A flight time under a leg (`Duration: 10h 35m`, `Flight duration: 2h`), on the lower-cased line. */
const FLIGHT_TIME = /^\s*(?:flight\s+)?duration\s*[:：]\s*(\S.*)$/;

type Clock = {text: string; start: number; end: number; dayOffset?: number};
type Mention = {code: string; start: number; end: number; kind: 'bracketed' | 'bare' | 'name' | 'unlisted'};
type Leg = {
	from: string;
	to?: string;
	departs?: RawTime;
	arrives?: RawTime;
	flight?: string;
	connectionMinutes?: number;
	/** Opened by a route line; point lines with its airports fill in its clocks. */
	route: boolean;
	/** The arrival has no date of its own and sits on the departure's day by the normaliser's convention. */
	arrivalFollowsDeparture?: boolean;
	/** The flight time the text states under the leg (`Duration: 10h 35m`), for an arrival of unstated day. */
	durationMinutes?: number;
	/** How many lines with a date came before (or on) the point line that gave the departure. */
	datedLinesAtDeparture?: number;
};

export function detectInText(text: string, airports: AirportTable): RawItinerary[] {
	// A Chinese e-ticket receipt says its route in columns of its own: read as such, not line by line.
	const tickets = parseTicketItinerary(text, airports);
	if (tickets.length > 0) return tickets;
	// So does an airline's e-ticket whose table stacks each flight in rows (`Von /From`, the origin, `Nach /To`, …), once
	// it has read one flight whole: rows it could not read alone do not say the text is such a table.
	const table = parseTicketTable(text);
	if (table.some((i) => i.segments.length > 0)) return table;
	const legs: Leg[] = [];
	let cur: Leg | undefined;
	let date: string | undefined;
	let pendingFlight: string | undefined;
	// Agency print-outs name the flight before its departure line; booking panels after it. The first flight number
	// seen tells which, so a number is never handed to the wrong neighbour.
	let flightFirst: boolean | undefined;

	const finish = () => {
		if (cur?.to) legs.push(cur);
		cur = undefined;
	};
	const open = (leg: Leg) => {
		finish();
		if (pendingFlight) leg.flight = pendingFlight;
		pendingFlight = undefined;
		cur = leg;
	};
	const at = (clock: Clock, withDate: boolean): RawTime => {
		const t: RawTime = {time: clock.text};
		if (withDate && date) t.date = date;
		if (clock.dayOffset) t.dayOffset = clock.dayOffset;
		return t;
	};

	// Lines with a date so far: a point line's arrival with none since its departure's has the departure's date above it.
	let datedLines = 0;
	/**
	 * A point line's arrival clock, on the date above it; but where no line gave a date since the departure's, that date
	 * is the departure's, not the arrival's: a clock not after the departure's (`Depart: 21:25 London Heathrow` /
	 * `Arrive: 14:40 Beijing Capital` under one date) alone, for the normaliser to place by the two airports' time zones
	 * (the next day, or the same day westwards over the date line) or to leave out; a later one on that date, assumed
	 * (RawTime `dayAssumed`), for the normaliser to check with the time zones.
	 */
	const pointArrival = (leg: Leg, clock: Clock): RawTime => {
		const time = at(clock, true);
		if (clock.dayOffset || leg.datedLinesAtDeparture !== datedLines || leg.departs?.time === undefined) return time;
		const d = parseClock(leg.departs.time);
		const a = parseClock(clock.text);
		if (d === undefined || a === undefined) return time;
		// After the departure's clock, the departure's day is assumed, for the normaliser to check with the time zones.
		return a <= d ? {time: clock.text, dayUnmarked: true} : {...time, dayAssumed: true};
	};

	// An airport named alone on its line, no clock, no flight: in a table cell, its date and clock may follow on the next.
	let namedAbove: Mention | undefined;
	for (const line of text.split(/\r?\n/)) {
		if (line.trim() === '') continue;
		const lineDate = firstDate(line);
		if (lineDate) {
			date = lineDate;
			datedLines++;
		}
		const clocks = findClocks(line);
		const lower = line.toLowerCase();
		const label = LABEL.exec(lower);
		const role = label ? (label[1] || label[3] || label[5] ? 'dep' : 'arr') : undefined;
		const flight = flightOf(line);
		// A row of an e-ticket's table: a flight number with a clock or a date (`CA1501 北京首都 上海虹桥 2026年6月3日 08:30 10:45`).
		const rowLike = flight !== undefined && (clocks.length > 0 || lineDate !== undefined);
		let mentions = findAirports(line, airports, clocks, label ? label[0].length : undefined, rowLike);
		// `Berlin, Tegel Airport, DE` / `Fri, 03 Feb 2017, 18:25`: a cell's two lines, read as one point. Only a named or
		// bracketed airport, and only a line with a clock and nothing else of a leg.
		const above = namedAbove;
		namedAbove =
			mentions.length === 1 && clocks.length === 0 && !flight && (mentions[0]!.kind === 'name' || mentions[0]!.kind === 'bracketed')
				? mentions[0]
				: undefined;
		if (above && mentions.length === 0 && clocks.length === 1 && !flight && role === undefined)
			mentions = [{...above, start: clocks[0]!.end, end: clocks[0]!.end}];
		let openedHere = false;
		let row: Row | undefined;

		const route =
			routeOf(line, mentions, clocks) ??
			(mentions.length === 0 && clocks.length === 0 && flight ? namedRoute(line, airports) : undefined);
		if (route) {
			open({from: route.from, to: route.to, route: true});
			openedHere = true;
			if (route.clocks) setRangeTimes(cur!, route.clocks[0], route.clocks[1], at);
		} else if ((row = rowLike ? rowOf(line, mentions, clocks) : undefined)) {
			open({from: row.from, to: row.to, route: false});
			openedHere = true;
			const [dep, arr] = row.clocks;
			if (arr) setRangeTimes(cur!, dep, arr, at);
			else cur!.departs = at(dep, true);
		} else if (cur?.route && !cur.departs && clocks.length === 2 && mentions.length === 0) {
			const [c1, c2] = clocks as [Clock, Clock];
			const gap = line.slice(c1.end, c2.start);
			// `6:00 PM to 9:20 PM`, or `Depart 09:45  Arrive 15:20`.
			const labelled = DEPART_WORD.test(line.slice(0, c1.start).trimEnd()) && ARRIVE_GAP.test(gap.trim());
			if (RANGE_SEPARATOR.test(gap) || labelled) setRangeTimes(cur, c1, c2, at);
			else {
				// `Departs 15 Mar 2026 13:50, arrives 16 Mar 2026 06:05`: each clock with its own date.
				const dated = datedTimes(line, c1, c2);
				if (dated?.departs) {
					cur.departs = {...at(c1, false), date: dated.departs};
					if (dated.arrives) cur.arrives = {...at(c2, false), date: dated.arrives};
					else setArrival(cur, c2, at);
				} else if (dated) setRangeTimes(cur, c1, c2, at);
			}
		} else {
			const point = pointOf(line, mentions, clocks, role !== undefined);
			if (point) {
				const c: Leg | undefined = cur;
				if (c?.route && point.code === c.from && !c.departs) {
					c.departs = at(point.clock, true);
					c.datedLinesAtDeparture = datedLines;
				} else if (c?.route && point.code === c.to && !c.arrives) c.arrives = pointArrival(c, point.clock);
				else if (role === 'arr' || (role === undefined && c && !c.route && !c.to)) {
					// An arrival with no departure before it is a fragment: nothing to pair it with.
					if (c && !c.to) {
						c.to = point.code;
						c.arrives = pointArrival(c, point.clock);
					}
				} else {
					open({from: point.code, departs: at(point.clock, true), route: false, datedLinesAtDeparture: datedLines});
					openedHere = true;
				}
			} else if (role === 'arr' && clocks.length === 0 && mentions.length === 1 && cur && !cur.route && !cur.to) {
				// `至:上海虹桥`: the 行程单's TO row names the airport and no time.
				cur.to = mentions[0]!.code;
			} else if (role !== undefined && cur?.route && clocks.length === 1 && mentions.length === 0) {
				// `Departure: Monday, June 1, 2026 at 12:55` under a route line: its clock, as the label says, on the
				// line's own date; an arrival line without a date of its own is on the departure's day or says its mark.
				const clock = clocks[0]!;
				if (role === 'dep' && !cur.departs) cur.departs = at(clock, true);
				else if (role === 'arr' && cur.departs && !cur.arrives) {
					if (lineDate) cur.arrives = at(clock, true);
					else setArrival(cur, clock, at);
				}
			}
		}

		if (DATE_CHANGE.test(line) && cur?.arrivalFollowsDeparture && cur.arrives) {
			// The page says the arrival is on another day without saying which: its clock only, for the normaliser to
			// place by the flight time if the text states one, and to leave out if not.
			cur.arrives = {time: cur.arrives.time!, dayUnstated: true};
			delete cur.arrivalFollowsDeparture;
		}
		const stated = cur && cur.durationMinutes === undefined ? FLIGHT_TIME.exec(lower) : null;
		if (stated) {
			const minutes = parseDuration(stated[1]!);
			if (minutes !== undefined && minutes > 0) cur!.durationMinutes = minutes;
		}

		if (flight) {
			// Only a number that will be used decides; a stray token before any leg ("CC0", a booking code) does not.
			if (flightFirst === undefined && (cur || flight.labelled)) flightFirst = !cur;
			const current: Leg | undefined = cur;
			if (current && (openedHere || (!flightFirst && !current.flight))) current.flight = flight.number;
			else if (flight.labelled && (flightFirst || !current)) pendingFlight = flight.number;
		}

		const layover = layoverOf(line);
		if (layover !== undefined && cur?.to) {
			const named = mentions[0]?.code;
			if (named === undefined || named === cur.to) cur.connectionMinutes = layover;
		}
	}
	finish();

	return group(dropSummaries(legs).filter(isEvidence));
}

function setRangeTimes(leg: Leg, dep: Clock, arr: Clock, at: (c: Clock, withDate: boolean) => RawTime) {
	leg.departs = at(dep, true);
	setArrival(leg, arr, at);
}

/** An arrival clock printed without a date of its own, after the leg's departure. */
function setArrival(leg: Leg, arr: Clock, at: (c: Clock, withDate: boolean) => RawTime) {
	const d = leg.departs?.time === undefined ? undefined : parseClock(leg.departs.time);
	const a = parseClock(arr.text);
	// "12:50 PM to 7:25 AM" without a day mark lands on a day the line does not name: the clock alone, which the
	// normaliser places only by a stated flight time, and leaves out without one (no arrival rather than a guess).
	if (!arr.dayOffset && d !== undefined && a !== undefined && a <= d) {
		leg.arrives = {time: arr.text, dayUnstated: true};
		return;
	}
	// The line's date is the departure's; the arrival clock belongs to that day unless a day mark says otherwise (the
	// normaliser checks the day with the time zones).
	leg.arrives = arr.dayOffset ? at(arr, false) : {...at(arr, false), dayAssumed: true};
	leg.arrivalFollowsDeparture = !arr.dayOffset;
}

/** A departure or arrival word in a times line, and what may sit between it, a date and its clock. */
const DEPART_AT = /(?:^|[^\p{L}])(?:[Dd]epart(?:s|ure|ing)?|DEP(?:ART(?:URE)?)?|出发|出發|起飞|起飛)(?!\p{L})/gu;
const ARRIVE_AT = /(?:^|[^\p{L}])(?:[Aa]rriv(?:e|es|al|ing)|ARR(?:IV(?:E|AL))?|到达|到達|抵达|抵達)(?!\p{L})/u;
const LEADING_SEPARATOR = /^\s*(?:to|–|—|-|→|~|～|至)\s/;
const FILLER = /^[\s,;:：|·/]*(?:(?:[Oo]n|[Aa]t|@)[\s,;:：]*){0,2}$/;

/** Filler words around at most one date (`: Mon 15 Mar 2026 at `, ` on 16 Mar 2026, `): the date, or no date. */
function fillerDate(text: string): {date?: string} | undefined {
	const span = dateSpan(text);
	const rest = span ? `${text.slice(0, span.start)} ${text.slice(span.end)}` : text;
	if (!FILLER.test(rest)) return undefined;
	return span ? {date: span.text} : {};
}

/**
 * A times line whose two clocks a departure and an arrival word label, each clock with a date of its own or none:
 * `Departs 15 Mar 2026 13:50, arrives 16 Mar 2026 06:05`, `Departs 13:50 on 15 Mar 2026, arrives 06:05 on 16 Mar
 * 2026`. The dates as the line gives them; undefined when the line is not such a line.
 */
function datedTimes(line: string, c1: Clock, c2: Clock): {departs?: string; arrives?: string} | undefined {
	const before = line.slice(0, c1.start);
	const word = matchesOf(DEPART_AT, before).at(-1);
	const gap = line.slice(c1.end, c2.start);
	if (!word) {
		// Nothing on the line but two dated clocks (`Sat, Mar 14, 2026 12:15 PM   Sun, Mar 15, 2026 3:00 PM`,
		// `2026-05-01 09:00 - 2026-05-01 12:40`): each date before its clock.
		const lead = fillerDate(before);
		const mid = fillerDate(gap.replace(LEADING_SEPARATOR, ' '));
		if (!lead?.date || !mid?.date || line.slice(c2.end).trim() !== '') return undefined;
		return {departs: lead.date, arrives: mid.date};
	}
	const depLead = fillerDate(before.slice(word.index + word[0].length));
	const arrive = ARRIVE_AT.exec(gap);
	if (!depLead || !arrive) return undefined;
	const depTail = fillerDate(gap.slice(0, arrive.index));
	const arrLead = fillerDate(gap.slice(arrive.index + arrive[0].length));
	if (!depTail || !arrLead || (depLead.date && depTail.date)) return undefined;
	const departs = depLead.date ?? depTail.date;
	let arrives = arrLead.date;
	// A date after the arrival's clock (`06:05 on 16 Mar 2026`) is its own only when the departure has one too.
	if (!arrives && departs) {
		const after = line.slice(c2.end);
		const span = dateSpan(after);
		if (span && FILLER.test(after.slice(0, span.start))) arrives = span.text;
	}
	return {departs, arrives};
}

function findClocks(line: string): Clock[] {
	const clocks: Clock[] = [];
	if (!line.includes(':')) return clocks;
	for (const m of matchesOf(CLOCK, line)) {
		let start = m.index;
		let hour = m[1]!;
		// Copied text glues a date to the clock ("April 256:00 PM", "April 304:19 PM"): a two-digit hour right after
		// a digit is one digit too long when it is impossible or starts with 0.
		const before = line.slice(0, start);
		const gluedToDigit = /\d$/.test(before);
		const gluedToDate = gluedToDigit || ENDS_WITH_MONTH.test(before); // "May 16:00 AM" = May 1, 6:00 AM
		if (hour.length === 2 && gluedToDate && (hour.startsWith('0') || parseClock(m[0]) === undefined)) {
			hour = hour.slice(1);
			start += 1;
		}
		const text = line.slice(start, m.index + m[0].length);
		if (parseClock(text) === undefined) continue;
		if (!m[3] && gluedToDigit) continue; // "2510:50" is not a 24-hour clock we can trust
		let end = m.index + m[0].length;
		const clock: Clock = {text, start, end};
		const offset = DAY_OFFSET.exec(line.slice(end));
		if (offset) {
			clock.dayOffset = Number(offset[1] ?? offset[2]);
			end += offset[0].length;
			clock.end = end;
		}
		clocks.push(clock);
	}
	return clocks;
}

function findAirports(line: string, airports: AirportTable, clocks: Clock[], labelEnd: number | undefined, rowLike: boolean): Mention[] {
	const labelled = labelEnd !== undefined;
	const found: Mention[] = [];
	for (const m of matchesOf(/\(([A-Z]{3})\)/g, line)) {
		const code = m[1]!;
		if (NEVER_AIRPORTS.has(code)) continue;
		found.push({code, start: m.index, end: m.index + m[0].length, kind: airports.airports[code] ? 'bracketed' : 'unlisted'});
	}
	for (const m of matchesOf(/(?<![A-Za-z0-9(])([A-Z]{3})(?![A-Za-z0-9)])/g, line)) {
		const code = m[1]!;
		if (!airports.airports[code] || COMMON_WORDS.has(code) || NEVER_AIRPORTS.has(code)) continue;
		if (clocks.some((c) => m.index >= c.start && m.index < c.end)) continue;
		found.push({code, start: m.index, end: m.index + 3, kind: 'bare'});
	}
	// Names only when no code is printed: the code is what the page means, the name may be ambiguous.
	if (found.length === 0) {
		for (const re of [
			/[\p{Script=Han}]{2,14}?(?:国际机场|國際機場|机场|機場)/gu,
			/(?:[A-Z][\p{L}'’.-]*\s+){1,4}(?:International\s+)?Airport\b/gu,
		]) {
			for (const m of matchesOf(re, line)) {
				const hit = nameAt(m[0], airports);
				if (hit) found.push({code: hit.code, start: m.index + hit.offset, end: m.index + m[0].length, kind: 'name'});
				// A Chinese name that says it is an airport (…机场) but that the table does not know (it has Chinese names
				// for mainland airports only: 香港国际机场, 东京成田国际机场): kept as written, for the normaliser to report,
				// so that a leg through it is not glued to the next one.
				else if (/^\p{Script=Han}/u.test(m[0]))
					found.push({code: m[0], start: m.index, end: m.index + m[0].length, kind: 'unlisted'});
			}
		}
	}
	// E-tickets and 行程单 name airports without the word "airport" (北京首都, 上海虹桥, 浦东): only in a row or on a
	// labelled line, and only a whole run of Chinese characters the table knows, so prose never makes an airport.
	const han = (f: Mention) => f.kind === 'name' || (f.kind === 'unlisted' && /^\p{Script=Han}/u.test(f.code));
	if ((rowLike || labelled) && found.length < 2 && found.every(han)) {
		const unknown: Mention[] = [];
		for (const m of matchesOf(/\p{Script=Han}{2,14}/gu, line)) {
			const end = m.index + m[0].length;
			if (found.some((f) => m.index < f.end && f.start < end)) continue;
			const unlabelled = /^[自至]/u.test(m[0]) ? m[0].slice(1) : undefined; // 自北京首都: the FROM mark glued on
			const code =
				resolveAirport(m[0], airports) ?? (unlabelled && unlabelled.length >= 2 ? resolveAirport(unlabelled, airports) : undefined);
			if (code) found.push({code, start: m.index, end, kind: 'name'});
			else unknown.push({code: m[0], start: m.index, end, kind: 'unlisted'});
			if (found.length > 2) break; // a row or a point has at most two: more is not one, and need not be counted
		}
		// A row naming one airport the table knows and one it does not, side by side (`CA1589 北京首都 东京成田 …`: the
		// table has Chinese names for mainland airports only): the other stays as written, for the normaliser to report
		// as unknown, rather than the row being dropped without a word, which would end the trip where it changes planes.
		const [known] = found;
		const [other] = unknown;
		if (rowLike && found.length === 1 && known && unknown.length === 1 && other && NEIGHBOURS.test(gapBetween(line, known, other)))
			found.push(other);
	}
	// `Departure: 12:55  London Heathrow`: on a labelled line the words after the clock are the airport's name, less a
	// terminal after it (`London Heathrow Terminal 5`). One the table does not know stays as written, for the normaliser
	// to refuse (`Berlin-Tegel`).
	if (found.length === 0 && labelled && clocks.length === 1) {
		const after = line.slice(clocks[0]!.end);
		const name = withoutTerminal(after).trim();
		if (name.length <= 60 && /^\p{L}[\p{L}\p{M}'’. -]*$/u.test(name)) {
			const code = resolveAirport(name, airports);
			const start = clocks[0]!.end + after.indexOf(name);
			const end = start + name.length;
			found.push(code ? {code, start, end, kind: 'name'} : {code: name, start, end, kind: 'unlisted'});
		} else if (!name) {
			const before = nameBeforeDate(line, labelEnd, clocks[0]!.start, airports);
			if (before) found.push(before);
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

/**
 * `Departure: Singapore Changi, 15 Mar 2026 09:15`: on a labelled line whose clock ends it, the words between the label
 * and the date (up to a comma, a dash, a bar or a digit), where the table knows them for an airport. Only a known one:
 * those words may be a weekday (`Departure: Monday, June 1, 2026 at 12:55`), which must not become an unknown airport.
 */
function nameBeforeDate(line: string, from: number, to: number, airports: AirportTable): Mention | undefined {
	const text = line.slice(from, Math.min(to, from + 80)); // a name is at most 60 characters: bounded work on any line
	const name = /^\s*(\p{L}[\p{L}\p{M}'’. ]*?)\s*(?:[,|–—]|\s-\s|\d|$)/u.exec(text)?.[1];
	if (!name || name.length > 60 || firstDate(name)) return undefined;
	const code = resolveAirport(name.replace(/\s+(?:T|[Tt]erminal)$/, ''), airports); // the terminal's digits ended it
	const start = from + text.indexOf(name);
	return code ? {code, start, end: start + name.length, kind: 'name'} : undefined;
}

/**
 * Between a row's two airports, side by side: spaces or an arrow, or the first one's clock
 * (`CA982 纽约肯尼迪 13:00 北京首都 16:50+1`).
 */
const NEIGHBOURS = /^[\s→\-–—>至到]*(?:\d{1,2}:[0-5]\d(?:\s?\+\d天?)?[\s→\-–—>至到]+)?$/u;

/** What lies between two mentions of a line, in either order. */
const gapBetween = (line: string, a: Mention, b: Mention) => (a.end <= b.start ? line.slice(a.end, b.start) : line.slice(b.end, a.start));

/** The longest tail of a name candidate the airport table resolves ("from Shanghai Pudong …" → "Shanghai Pudong …"). */
function nameAt(candidate: string, airports: AirportTable): {code: string; offset: number} | undefined {
	const han = /^\p{Script=Han}/u.test(candidate);
	const starts = han ? [...candidate].map((_, i) => i) : [0, ...matchesOf(/\s+/g, candidate).map((m) => m.index + m[0].length)];
	for (const offset of starts) {
		const rest = candidate.slice(offset);
		if (han && rest.replace(/(国际机场|國際機場|机场|機場)$/u, '').length < 2) break;
		const code = resolveAirport(rest, airports);
		if (code) return {code, offset};
	}
	return undefined;
}

type Route = {from: string; to: string; clocks?: [Clock, Clock]};
type Row = {from: string; to: string; clocks: [Clock, Clock | undefined]};

/**
 * A table row: two airports, then the departure clock and maybe the arrival's (`PEK PVG 03JUN 08:30 10:45+1`), or
 * each clock beside its airport (`PEK 08:30 PVG 10:45`). The caller has seen a flight number on the line.
 */
function rowOf(line: string, mentions: Mention[], clocks: Clock[]): Row | undefined {
	// One of the two may be a name the table does not know (findAirports), never both.
	const codes = mentions.filter((m) => m.kind !== 'unlisted' || /^\p{Script=Han}/u.test(m.code));
	if (codes.length !== 2 || mentions.length !== 2 || clocks.length < 1 || clocks.length > 2) return undefined;
	if (codes.every((m) => m.kind === 'unlisted')) return undefined;
	const [a, b] = codes as [Mention, Mention];
	if (a.code === b.code) return undefined;
	const [c1, c2] = clocks as [Clock, Clock | undefined];
	const columns = b.end <= c1.start;
	const paired = c2 !== undefined && beside(line, a, c1) && beside(line, b, c2) && c1.end <= b.start;
	if (!columns && !paired) return undefined;
	return {from: a.code, to: b.code, clocks: [c1, c2]};
}

function routeOf(line: string, mentions: Mention[], clocks: Clock[]): Route | undefined {
	const codes = mentions.filter((m) => m.kind !== 'unlisted');
	if (codes.length !== 2) return undefined;
	const [a, b] = codes as [Mention, Mention];
	if (a.code === b.code) return undefined;
	let gap = line.slice(a.end, b.start);
	for (const c of clocks) if (c.start >= a.end && c.end <= b.start) gap = gap.replace(line.slice(c.start, c.end), ' ');
	// The terminals printed after the names (`Shanghai Pudong International Airport T1 → Singapore Changi Airport T3`).
	gap = gap.replace(TERMINAL_IN_GAP, ' ');
	if (gap.length > 40 || !CONNECTOR.test(gap)) return undefined;
	if (gap.split(/\s+/).filter(Boolean).length > 5) return undefined;
	const route: Route = {from: a.code, to: b.code};
	if (clocks.length !== 2) return route;
	const [c1, c2] = clocks as [Clock, Clock];
	// The line's two clocks are the leg's only when the line pairs them: as a range ("6:00 PM to 9:20 PM") or each
	// beside its airport ("PEK 08:35 → PVG 10:50"). Prose ("depart at 10:30 and arrive at 14:00") does neither.
	const range = RANGE_SEPARATOR.test(line.slice(c1.end, c2.start));
	if (range || (beside(line, a, c1) && beside(line, b, c2))) route.clocks = [c1, c2];
	return route;
}

/**
 * `BA 039  London Heathrow (T5) to Beijing Capital (T3)`: a flight number, then two airports by name (no code, no
 * "Airport") joined by an arrow, a dash or "to", and nothing else. Each side must be a whole name the table resolves
 * (a city with airports in more than one country does not: lib/airports), so prose never makes a route.
 */
const NAMED_ROUTE =
	/^\s*(?:[Ff]light(?:\s+\d{1,2})?\s*[:：]?\s*)?(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{1,4}\s*[|:·]?\s+(\p{L}[\p{L}'’. ]{1,60}?)\s*(?:\(?(?:T|[Tt]erminal ?)\d{1,2}[A-Z]?\)?)?\s+(?:→|->|–|—|-|to)\s+(\p{L}[\p{L}'’. ]{1,60}?)\s*(?:\(?(?:T|[Tt]erminal ?)\d{1,2}[A-Z]?\)?)?\s*$/u;

function namedRoute(line: string, airports: AirportTable): Route | undefined {
	const m = NAMED_ROUTE.exec(line);
	if (!m) return undefined;
	const from = resolveAirport(m[1]!, airports);
	const to = resolveAirport(m[2]!, airports);
	return from && to && from !== to ? {from, to} : undefined;
}

/**
 * A code and a clock with nothing but a little space or punctuation between them, or a terminal after the airport's
 * name (`上海浦东国际机场T2 09:00`).
 */
function beside(line: string, m: Mention, clock: Clock): boolean {
	if (m.start >= clock.end) return /^[\s,;:|·/]{0,3}$/.test(line.slice(clock.end, m.start));
	if (clock.start < m.end) return false;
	const gap = line.slice(m.end, clock.start);
	return /^[\s,;:|·/]{0,3}$/.test(gap) || /^ ?\(?(?:T|[Tt]erminal ?)\d{1,2}[A-Z]?\)?[\s,;:|·/]{1,3}$/.test(gap);
}

const SAYS_AIRPORT = /^\p{Script=Han}+(?:机场|機場)$/u;

/** One clock and one airport on a line; a bare code must sit right next to the clock ("HND 12:40", "12:40 HND"). */
function pointOf(line: string, mentions: Mention[], clocks: Clock[], labelled: boolean): {code: string; clock: Clock} | undefined {
	if (clocks.length !== 1) return undefined;
	// An unknown name counts on a labelled line, or where it says it is an airport (`12:40 成田国际机场T1`).
	const usable = mentions.filter((m) => m.kind !== 'unlisted' || labelled || SAYS_AIRPORT.test(m.code));
	if (usable.length !== 1) return undefined;
	const m = usable[0]!;
	let clock = clocks[0]!;
	if (m.kind === 'bare' && !beside(line, m, clock)) return undefined;
	const mark =
		clock.dayOffset === undefined && m.end <= line.length && clock.end <= m.start ? DAY_OFFSET_AT_END.exec(line.slice(m.end)) : null;
	if (mark) clock = {...clock, dayOffset: Number(mark[1] ?? mark[2])};
	return {code: m.code, clock};
}

function flightOf(line: string): {number: string; labelled: boolean} | undefined {
	const labelled = FLIGHT_LABELLED.exec(line);
	if (labelled && /[A-Z]/.test(labelled[1]!)) return {number: `${labelled[1]}${labelled[2]}`, labelled: true};
	let found: string | undefined;
	for (const m of matchesOf(FLIGHT_BARE, line)) {
		const number = `${m[1]}${m[2]}`;
		if (!/[A-Z]/.test(m[1]!) || NOT_A_FLIGHT.test(number)) continue;
		if (found) return undefined; // two candidates on one line: cannot tell which
		found = `${m[1]}${m[2]}`;
	}
	return found ? {number: found, labelled: FLIGHT_LINE.test(line) || AIRLINE_LINE.test(line)} : undefined;
}

/**
 * A line that is a flight and its airline's name, nothing else (`MU523 东方航空`, `Air China CA982`): as good as a label
 * for where the flight number belongs.
 */
const AIRLINE_LINE =
	/^\s*(?:(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{2,4}\s+\p{L}[\p{L} .'’&-]*|\p{L}[\p{L} .'’&-]*\s(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\s?\d{2,4})\s*$/u;

function layoverOf(line: string): number | undefined {
	const lower = line.toLowerCase();
	for (const re of LAYOVER) {
		const m = re.exec(lower);
		if (m) return parseDuration(m[1]!);
	}
	return undefined;
}

/**
 * A route line that the following legs spell out connection by connection ("London LHR to Punta Cana PUJ", then
 * LHR → EWR and EWR → PUJ) is a summary, not a flight of its own.
 */
function dropSummaries(legs: Leg[]): Leg[] {
	return legs.filter((leg, i) => {
		if (!leg.route) return true;
		const next = legs[i + 1];
		if (!next || next.from !== leg.from) return true;
		for (let j = i + 1; j < legs.length; j++) {
			if (j > i + 1 && legs[j]!.from !== legs[j - 1]!.to) return true;
			// Reached the summary's destination: a summary when it took two legs or more; one identical leg is an
			// alternative in a list of options, and both stay.
			if (legs[j]!.to === leg.to) return j === i + 1;
		}
		return true;
	});
}

/** A leg is a flight, not a mention, when it has two airports and a clock or a flight number. */
function isEvidence(leg: Leg): boolean {
	return leg.from !== leg.to && (leg.departs?.time !== undefined || leg.arrives?.time !== undefined || leg.flight !== undefined);
}

/**
 * One booking per text, like a PNR: an outbound and a return, or a multi-city trip, stay one itinerary so the stays
 * between them are visible. A leg that starts again from the first origin without having come back there is a new
 * alternative (a list of options), so it starts a new itinerary.
 */
function group(legs: Leg[]): RawItinerary[] {
	const result: RawItinerary[] = [];
	let segments: RawSegment[] = [];
	for (const leg of legs) {
		const first = segments[0];
		const last = segments.at(-1);
		if (first && last && leg.from === first.from && last.to !== leg.from) {
			result.push({segments});
			segments = [];
		}
		const seg: RawSegment = {from: leg.from, to: leg.to!};
		if (leg.departs) seg.departs = leg.departs;
		if (leg.arrives) seg.arrives = leg.arrives;
		if (leg.arrives?.dayUnstated && leg.durationMinutes !== undefined) seg.durationMinutes = leg.durationMinutes;
		if (leg.flight) seg.flight = leg.flight;
		if (leg.connectionMinutes !== undefined) seg.connectionMinutes = leg.connectionMinutes;
		segments.push(seg);
	}
	if (segments.length > 0) result.push({segments});
	return result;
}
