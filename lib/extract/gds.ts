/**
 * Flight segments in text pasted from a GDS terminal or an agency itinerary print-out: Sabre / Amadeus / Galileo /
 * Apollo / TravelSky eTerm segment lines, the coupons of a Sabre, Apollo or eTerm (`DETR`) ticket display, and the Amadeus
 * "FLIGHT … / DEPARTURE: … / ARRIVAL: …" print-out. Pure: text in, RawItinerary out, as the text says it. Years,
 * clocks and airport names are the normaliser's business (but a ticket's coupon dates take their year from the
 * ticket's issue date, which the display prints); what a status code or a surface line means to the itinerary is
 * status.ts's.
 */
import type {RawItinerary, RawSegment, RawTime} from '../itinerary';
import {isAirport as inTable, type AirportTable} from '../airports';
import {parseClock, parseDateText, resolveYear, type PartialDate} from './parse';
import {isCheckedStatus, segmentStatus, splitByStatus} from './status';
import {matchesOf} from './matches';

type IsAirport = (code: string) => boolean;

/*
 * One segment line. Layouts differ in spacing, in where the weekday goes and in how the arrival's day is marked:
 *   Sabre    `1 KE  12Q 18MAR 1 LAXICN*SS1  2340  0510   20MAR 3 /DCKE /E`, `4 AS1292D 14MAR Q SEALAX SS2 915P 1159P`,
 *            `2 AF 990V 09MAY T CDGJNB*  3/2 HK2  1125P  955A  10MAY W` (the second flight of married connection 3)
 *   Galileo  ` 1. DL   38 Y  20JAN HKGSEA HS3  1145   0811  O           SA`, `… HK1  1155P * 640A O*         SU`
 *   Apollo   ` 1 UA 857Y 15MAR SFOPVG HK1  1120A  350P|*      SU/MO   E`, `… HK1  1140P  540A2*      SU/TU   E`
 *   Amadeus  `  3  CA 982 Y 20MAR 5 JFKPEK KK1  1330 1630 21MAR  E  CA/ABCDEF`, `… HK1   530P1125A 23MAR  E`,
 *            `  4  TK 080 V 24AUG 4*SFOIST HK2   610P 515P 25AUG  E  TK/SKKZTG` (`*`: the airline's record locator is
 *            shown), and with the check-in time and departure terminal before the clocks:
 *            `  2  AY 099 Y 10APR 2 HELHKG HK1  1050P 2  1150P 230P+1 359 E0 H`, `… HK1        D   925A1005A   320 E0 S`
 *   eTerm    ` 1.  CA981  Y   SU15MAR  PEKJFK HK1   1300 1450          E T3T1`, ` 2.  MU5101 W1  TU15SEP  SHAPEK HK1 …`,
 *            ` 3. *MU8663 T2  FR18SEP  PEKHKG HK1 …` (code share), ` 4.  CZ3102 Y1  SU20SEP26HKGCAN HK1 …` (year, no space)
 * Sabre glues the booking class to the flight number (`B61975U` = B6 1975 class U), so no separator is required there;
 * eTerm adds a sub-class digit to the class (`T1`, `W1`). A check-in time is taken before a terminal, or before the
 * terminal's column left blank (four spaces or more) and two clocks, as Amadeus prints it in its day-offset layout
 * (`HK1   135P     220P 330P   AT7`, `HK6   935P    1035P1005A+1 788`: check-in, departure, arrival; the layout
 * `… SSQQ UUUUU GG tttttTTTTTOO …` that jcristine/gds-direct's Amadeus parser reads these lines by), and then only a
 * time at most four hours before the departure. Other lines with a third clock after the arrival (`HK1  135P  220P
 * 330P+1`: no blank column) are not read: which two are the flight's is not said. An aircraft type after the clocks
 * (`320`, `77W`) is no clock: a clock there has four digits or a 12-hour letter. Every quantified run is followed by
 * something it cannot match, so a failing line costs linear time (test/unit/extract/gds.test.ts times long lines).
 */
const WEEKDAY_AFTER = String.raw`(?:\s+(?:[1-7]|[A-Z]{1,2}))?`;
const SEGMENT_LINE = new RegExp(
	String.raw`^\s*(?:(\d{1,2})(?:\.\s*|\s+))?` + // line number
		String.raw`\*?([A-Z0-9]{2})\s*(\d{1,4})(?:\s*[A-Z](?:\d(?=\s))?\s*|\s+)` + // code-share mark, carrier, number, class (+ sub-class)
		String.raw`(?:MO|TU|WE|TH|FR|SA|SU)?(\d{1,2}[A-Z]{3}(?:\d{2})?)` + // date; eTerm puts the weekday in front, a year after
		WEEKDAY_AFTER +
		String.raw`(?:\s+|\*|(?<=\d))([A-Z]{3})([A-Z]{3})` + // city pair; glued to a `*` or to a date that ends in its year
		String.raw`(?:\*\s*\d{1,2}\/\d{1,2}(?=\s))?` + // Sabre's married connection: group/position (`CDGJNB*  3/2`)
		String.raw`(?:\s*\*?([A-Z]{2})\d{1,3})?` + // status and seat count: SS1, HK1, *SS1, HX1
		// Amadeus: check-in time and terminal; or a check-in time, the terminal's column left blank, and two clocks after
		String.raw`(?:\s+\d{3,4}[APNM]?(?=\s+[A-Z0-9]{1,2}\s)|\s+(\d{3,4}[APNM]?)(?= {4,}\d{3,4}[APNM]?(?: +|(?<=[APNM]))\d{3,4}[APNM]?(?:[+-]\d)?(?:\s|$)))?` +
		String.raw`(?:\s+[A-Z0-9]{1,2}(?=\s))?` +
		String.raw`\s+(\d{3,4}[APNM]?)` + // departure clock
		String.raw`(?:\s+|(?<=[APNM]))(?:([#*-])\s*)?(\d{3,4}[APNM]?)` + // arrival clock, Galileo's day mark before it
		String.raw`(?:\s*([+-]\d|#\d?|[|+])|(?<=[APNM])(\d))?\*?` + // day mark after it; Apollo's * (confirmed by the airline)
		String.raw`(?:\s+(\d{1,2}[A-Z]{3})` +
		WEEKDAY_AFTER +
		')?' + // arrival date
		String.raw`(?=\s|$)(?!\s+(?:\d{4}|\d{3,4}[APNM])(?:[+-]\d)?(?:\s|$))`, // and no third clock
);

/**
 * A numbered line with the shape of a flight segment that SEGMENT_LINE did not read (a layout it does not know): its
 * number, a flight, then a date and a city pair somewhere after. Kept as an `unread` segment, so the legs around it are
 * not joined as if nothing were between them. The flight runs to a space, a class letter or the date.
 */
const LOOSE_SEGMENT = /^\s*(\d{1,2})(?:\.\s*|\s+)\*?([A-Z][A-Z0-9]|\d[A-Z])\s?(\d{1,4})(?=[A-Z]?\d?\s)/;
const LOOSE_DATE = /(?<![A-Z0-9])(?:MO|TU|WE|TH|FR|SA|SU)?\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\d{2})?(?![a-z])/;
const CITY_PAIR = /(?<![A-Z])([A-Z]{3})([A-Z]{3})(?![A-Z])/g;

/** A line that carries a PNR element number (`3 ARNK`, ` 4 HHL …`): part of the same record even when not a flight. */
const NUMBERED_LINE = /^\s*(\d{1,2})(?:\.\s*|\s+)\S/;

/** Rules, dashes and page-continuation marks around a surface word: `---- ARNK ----`, eTerm's trailing `+`. */
const DECORATION = /^[-=*+]+$/;
/**
 * A word that names a surface segment, as a status code would (ARNK, arrival unknown; its spelling ARUNK; SURFACE),
 * with rules glued to it (`--ARNK--`). Anchored at both ends, so one pass over the token.
 */
const SURFACE_TOKEN = /^[-=*]*(ARNK|ARUNK|SURFACE)[-=*]*$/;

const PRINTOUT_FLIGHT = /^FLIGHT\s+([A-Z0-9]{2})\s*(\d{1,4})\s+-\s/;
/**
 * `DEPARTURE: BERLIN, DE (TEGEL)                                    07 JUN 12:10`: label, place, two or more spaces,
 * date and clock. Read in steps (printoutLeg) because one pattern with a lazy place before a run of spaces tries
 * every split of a long blank line.
 */
const PRINTOUT_LABEL = /^(DEPARTURE|ARRIVAL):\s+/;
const PRINTOUT_WHEN = /(\d{1,2} [A-Z]{3})\s+(\d{1,2}:\d{2})$/;

/**
 * A coupon of an electronic ticket display: the flight and its departure, no arrival. Its last word (Sabre) or first
 * (Apollo) is the coupon's status (OPEN, USED, VOID, …; status.ts):
 *   Sabre `WETR`  `1    NH   2     W  04JAN  NRTIAD 1100A  OK WHXPK6/54DB     OPEN` (coupon number first)
 *   Apollo `HTE`  `   OPEN EK 0220  X  13MAR MCODXB 0220P OK XLXTRUS2/ITX2      1` (coupon number last)
 */
const COUPON_FLIGHT = String.raw`([A-Z0-9]{2})\s+(\d{1,4})\s+[A-Z]\s+(\d{1,2}[A-Z]{3})\s+([A-Z]{3})([A-Z]{3})\s+(\d{3,4}[APNM]?)\s+[A-Z]{2}\s+\S+`;
const SABRE_COUPON = new RegExp(String.raw`^\d{1,2}\s+${COUPON_FLIGHT}\s+([A-Z]{4})\s*$`);
const APOLLO_COUPON = new RegExp(String.raw`^\s+([A-Z]{4})\s+${COUPON_FLIGHT}\s+\d{1,2}\s*$`);
/** `ISSUED:20AUG16` (Sabre), `ISSUED: 17SEP18` (Apollo). */
const TICKET_ISSUED = /\bISSUED:\s*(\d{2}[A-Z]{3}\d{2})\b/;
/** The start of a ticket display: a new ticket. */
const TICKET_HEADER = /^(?:1?ELECTRONIC TICKET RECORD|TKT:|DETR:|[A-Z]{0,2}TK:TN\/)/;
/**
 * A coupon of a TravelSky eTerm ticket display (`DETR`), which names where it leaves from; where it goes is the next
 * coupon's departure or the `TO:` line that ends the list:
 *   `O FM:1HET CA    8113  S 21MAY 0815 OK S                        20K OPEN FOR USE`
 *   `  TO: XIY`
 * `O`/`X`: stopover or not; `FM:1` the first coupon, `TO:2` a later one. The coupon's status closes the line.
 */
const DETR_COUPON =
	/^\s*(?:[OX]\s+)?(?:FM|TO):(\d)([A-Z]{3})\s+([A-Z0-9]{2})\s+(\d{1,4})\s+[A-Z]\d?\s+(\d{1,2}[A-Z]{3})\s+(\d{4})\s+[A-Z]{2}\s/;
const DETR_END = /^\s*TO:\s*([A-Z]{3})(?:\s|$)/;
/** DETR's coupon statuses, as the status table's codes. */
const DETR_STATUS: ReadonlyArray<readonly [string, string]> = [
	['OPEN FOR USE', 'OPEN'],
	['AIRPORT CNTL', 'ARPT'],
	['CHECKED IN', 'CKIN'],
	['LIFT/BOARDED', 'LFTD'],
	['USED/FLOWN', 'USED'],
	['REFUNDED', 'RFND'],
	['EXCHANGED', 'EXCH'],
	['VOID', 'VOID'],
];
/** `FC: M  21MAY23HET …`: the fare calculation opens with the first flight's date, with its year. */
const DETR_FARE_DATE = /^FC:\s*(?:[A-Z]\s+)?(\d{2}[A-Z]{3}\d{2})/;
/** `----641----`: the next ticket of a conjunction, whose coupons go on with the same journey (Apollo). */
const CONJUNCTION = /^-{2,}\d{2,4}-{2,}$/;

type Open = {kind: 'lines' | 'printout' | 'ticket'; segments: RawSegment[]; lastNumber?: number};

type PrintoutBlock = {flight: string; from?: string; to?: string; departs?: RawTime; arrives?: RawTime};

export function parseGdsText(text: string, airports: AirportTable): RawItinerary[] {
	const isAirport: IsAirport = (code) => inTable(code, airports);
	// A city's code (`BJS`) is a place a segment line may name as well (lib/airports metroOf): a line between two of them
	// is kept, and reported as through cities' codes, rather than passed over as no segment.
	const isPlace: IsAirport = (code) => isAirport(code) || airports.metros?.[code] !== undefined;
	const result: RawItinerary[] = [];
	let open: Open | undefined;
	// Since the last segment: an unindented line that is not part of a PNR (a chat header, a remark)…
	let foreignLine = false;
	// …a blank line…
	let blank = false;
	// …or a new agency header in a print-out.
	let newBooking = false;
	let block: PrintoutBlock | undefined;
	// The printed line of every segment, for the report of what was excluded.
	const lineOf = new Map<RawSegment, string>();
	// A surface line that names no airports ends where the next flight starts.
	let openSurface: RawSegment | undefined;
	// The issue date of the ticket display being read (ISO), which gives its coupons' dates their year.
	let issued: string | undefined;
	// A DETR coupon waiting for where it goes (the next coupon's departure, or the closing `TO:` line).
	let detr: {segment: RawSegment; line: string; day: PartialDate} | undefined;
	const flushDetr = (to: string) => {
		if (!detr) return;
		const {segment, line, day} = detr;
		detr = undefined;
		if (!isAirport(to) && !isAirport(segment.from)) return;
		segment.to = to;
		if (issued) segment.departs!.date = resolveYear(day, issued) ?? segment.departs!.date!;
		if (foreignLine || blank) close();
		lineOf.set(segment, line);
		append('ticket', segment);
	};

	// A DETR coupon whose destination never came (the display cut before the next coupon or the `TO:` line): reported
	// as not read rather than dropped, unless its own status already leaves it out.
	const cutDetr = () => {
		if (!detr) return;
		const {segment, line} = detr;
		detr = undefined;
		if (!isAirport(segment.from)) return;
		if (isCheckedStatus(segment.status)) {
			segment.status = 'unread';
			segment.statusCode = 'unread';
		}
		lineOf.set(segment, line);
		append('ticket', segment);
	};

	const close = () => {
		// A record of surface lines alone says nothing about any flight.
		if (open && open.segments.some((s) => s.status !== 'surface'))
			result.push(...splitByStatus({segments: open.segments}, (s) => lineOf.get(s)));
		open = undefined;
		openSurface = undefined;
	};
	const append = (kind: Open['kind'], segment: RawSegment, number?: number) => {
		if (!open || open.kind !== kind) {
			close();
			open = {kind, segments: []};
		}
		if (openSurface) openSurface.to = segment.from;
		openSurface = undefined;
		open.segments.push(segment);
		open.lastNumber = number;
		foreignLine = blank = newBooking = false;
	};

	for (const line of text.split(/\r?\n/)) {
		if (TICKET_HEADER.test(line)) {
			cutDetr();
			close();
			issued = undefined;
		}
		const issue = TICKET_ISSUED.exec(line)?.[1];
		if (issue) issued = ticketDate(issue);
		const detrCoupon = DETR_COUPON.exec(line);
		if (detrCoupon) {
			flushDetr(detrCoupon[2]!);
			detr = readDetrCoupon(detrCoupon, line);
			continue;
		}
		const detrEnd = detr && DETR_END.exec(line);
		if (detrEnd) {
			flushDetr(detrEnd[1]!);
			continue;
		}
		const fareDate = DETR_FARE_DATE.exec(line)?.[1];
		// The fare line follows the coupon list: a coupon still without its destination was cut from the display.
		if (fareDate) cutDetr();
		if (fareDate && open?.kind === 'ticket' && !issued) {
			// The coupons before it are read; the year goes to those still without one.
			const start = ticketDate(fareDate);
			for (const s of open.segments) {
				const day = s.departs?.date && !/^\d{4}-/.test(s.departs.date) ? parseDateText(s.departs.date) : undefined;
				if (start && day) s.departs!.date = resolveYear(day, start) ?? s.departs!.date!;
			}
		}
		const coupon = readCoupon(line, isAirport, issued);
		if (coupon) {
			if (foreignLine || blank) close();
			lineOf.set(coupon, line.trim());
			append('ticket', coupon);
			continue;
		}
		if (open?.kind === 'ticket' && CONJUNCTION.test(line.trim())) continue;

		const seg = readSegmentLine(line, isPlace);
		if (seg) {
			const last = open?.kind === 'lines' ? open.lastNumber : undefined;
			// Numbering that starts again means a new record; numbering that goes on survives blank lines (notes.txt
			// pastes one PNR with a blank line between every segment). Without numbers a blank line is all we have.
			const restarted = seg.number !== undefined && last !== undefined && seg.number <= last;
			const gap = foreignLine || (blank && (seg.number === undefined || last === undefined));
			if (restarted || gap) close();
			lineOf.set(seg.segment, line.trim());
			append('lines', seg.segment, seg.number);
			continue;
		}

		const unread = readUnreadSegment(line, isAirport);
		if (unread) {
			const last = open?.kind === 'lines' ? open.lastNumber : undefined;
			if (last !== undefined && unread.number <= last) close();
			lineOf.set(unread.segment, line.trim());
			append('lines', unread.segment, unread.number);
			continue;
		}

		const surface = readSurfaceLine(line, isAirport);
		if (surface) {
			// Numbering that starts again at a surface line belongs to a record whose first flight is still to come:
			// nothing to end there.
			if (
				open?.kind === 'lines' &&
				surface.number !== undefined &&
				open.lastNumber !== undefined &&
				surface.number <= open.lastNumber
			)
				close();
			if (open) {
				// Where the text names no airports, the surface sector runs from the last flight's arrival to the next
				// flight's departure: said in the report, never used as a leg.
				const from = surface.from ?? open.segments[open.segments.length - 1]?.to ?? '';
				const segment: RawSegment = {from, to: surface.to ?? '', status: 'surface', statusCode: surface.word};
				lineOf.set(segment, line.trim());
				open.segments.push(segment);
				if (surface.number !== undefined) open.lastNumber = surface.number;
				openSurface = surface.to ? undefined : segment;
			}
			continue;
		}

		const flightHeader = PRINTOUT_FLIGHT.exec(line);
		if (flightHeader) {
			if (newBooking || open?.kind !== 'printout') close();
			newBooking = false;
			block = {flight: `${flightHeader[1]}${flightHeader[2]}`};
			continue;
		}
		const leg = block ? printoutLeg(line) : undefined;
		if (block && leg) {
			const place = printoutAirport(leg.place, isAirport);
			const time: RawTime = {date: leg.date, time: leg.time};
			if (leg.label === 'DEPARTURE') {
				block.from = place;
				block.departs = time;
			} else {
				block.to = place;
				block.arrives = time;
			}
			if (block.from && block.to && block.departs && block.arrives) {
				append('printout', {from: block.from, to: block.to, departs: block.departs, arrives: block.arrives, flight: block.flight});
				block = undefined;
			}
			continue;
		}

		if (line.trim() === '') {
			blank = true;
			continue;
		}
		const numbered = NUMBERED_LINE.exec(line);
		if (numbered && open?.kind === 'lines') {
			const n = Number(numbered[1]);
			if (open.lastNumber !== undefined && n <= open.lastNumber) foreignLine = true;
			else open.lastNumber = n;
			continue;
		}
		if (/^\S/.test(line) && !/^OPERATED BY\b/.test(line)) foreignLine = true;
		if (/^\S.*\bBOOKING REF:/.test(line)) newBooking = true;
	}
	cutDetr();
	close();
	return result;
}

/**
 * An Amadeus check-in time with the terminal's column blank (`HK1   135P     220P 330P`) is read as one only where it
 * is what a check-in time is: before the departure, by at most four hours. Else the line stays unread.
 */
const CHECK_IN_MAX_MINUTES = 4 * 60;
function checksInBefore(checkIn: string, departure: string): boolean {
	const c = parseClock(checkIn);
	if (c === undefined) return false;
	const gap = (parseClock(departure)! - c + 1440) % 1440;
	return gap > 0 && gap <= CHECK_IN_MAX_MINUTES;
}

function readSegmentLine(line: string, isPlace: IsAirport): {segment: RawSegment; number?: number} | undefined {
	const m = SEGMENT_LINE.exec(line);
	if (!m) return undefined;
	const [, number, carrier, flightNumber, date, from, to, code, checkIn, depClock, markBefore, arrClock, markAfter, digitAfter, arrDate] =
		m;
	// The shape alone matches too much; every field must also read as what it claims to be. A numbered line whose one
	// code the table does not know (a code since retired) is kept with it, and reported as an unknown airport.
	// `isPlace` knows airports and cities' codes.
	if (!/[A-Z]/.test(carrier!)) return undefined;
	const known = Number(isPlace(from!)) + Number(isPlace(to!));
	if (known < (number === undefined ? 2 : 1)) return undefined;
	if (!parseDateText(date!) || (arrDate && !parseDateText(arrDate))) return undefined;
	if (parseClock(depClock!) === undefined || parseClock(arrClock!) === undefined) return undefined;
	if (checkIn !== undefined && !checksInBefore(checkIn, depClock!)) return undefined;

	const arrives: RawTime = {time: arrClock!};
	if (arrDate) arrives.date = arrDate;
	const offset = arrivalDayOffset(markBefore, markAfter ?? digitAfter);
	if (offset !== 0) arrives.dayOffset = offset;
	// No day printed and a clock before the departure's: the next day, or the same day westwards over the date line.
	else if (!arrDate && parseClock(arrClock!)! < parseClock(depClock!)!) arrives.dayUnmarked = true;
	const segment: RawSegment = {
		from: from!,
		to: to!,
		departs: {date: date!, time: depClock!},
		arrives,
		flight: `${carrier}${flightNumber}`,
	};
	if (code) {
		const status = segmentStatus(code);
		if (status) segment.status = status;
		segment.statusCode = code;
	}
	return number === undefined ? {segment} : {segment, number: Number(number)};
}

/**
 * A coupon line of a ticket display (SABRE_COUPON, APOLLO_COUPON), with its status. One code the table does not know
 * (a code since retired) is kept as printed, for the normaliser to report the airport as unknown; two are no coupon.
 */
function readCoupon(line: string, isAirport: IsAirport, issued: string | undefined): RawSegment | undefined {
	const sabre = SABRE_COUPON.exec(line);
	const m = sabre ?? APOLLO_COUPON.exec(line);
	if (!m) return undefined;
	const [carrier, number, date, from, to, clock] = sabre ? m.slice(1, 7) : m.slice(2, 8);
	const code = sabre ? m[7]! : m[1]!;
	if (!/[A-Z]/.test(carrier!) || (!isAirport(from!) && !isAirport(to!)) || parseClock(clock!) === undefined) return undefined;
	const day = parseDateText(date!);
	if (!day) return undefined;
	const segment: RawSegment = {
		from: from!,
		to: to!,
		departs: {date: (issued && resolveYear(day, issued)) || date!, time: clock!},
		flight: `${carrier}${number}`,
		statusCode: code,
	};
	const status = segmentStatus(code);
	if (status) segment.status = status;
	return segment;
}

/** A DETR coupon line (DETR_COUPON's match): the segment without its destination yet, and its status. */
function readDetrCoupon(m: RegExpExecArray, line: string): {segment: RawSegment; line: string; day: PartialDate} | undefined {
	const [, , from, carrier, number, date, clock] = m;
	const day = parseDateText(date!);
	if (!day || !/[A-Z]/.test(carrier!) || parseClock(clock!) === undefined) return undefined;
	const tail = line.trimEnd();
	const status = DETR_STATUS.find(([phrase]) => tail.endsWith(phrase));
	const segment: RawSegment = {from: from!, to: '', departs: {date: date!, time: clock!}, flight: `${carrier}${number}`};
	if (status) {
		segment.statusCode = status[0];
		const meaning = segmentStatus(status[1]);
		if (meaning) segment.status = meaning;
	}
	return {segment, line: line.trim(), day};
}

/** `20AUG16` → `2016-08-20`. */
function ticketDate(text: string): string | undefined {
	const d = parseDateText(text);
	return d?.year === undefined ? undefined : `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * Days between the departure's date and the arrival's, from the mark a display prints: Galileo before the arrival
 * clock (`#` +1, `*` +2, `-` −1), the others after it (`+1`, `-1`, `#`, `#2`, Apollo's `|` and `+` for +1 and a digit
 * glued to a 12-hour clock, `125A2`, for that many days).
 */
function arrivalDayOffset(before: string | undefined, after: string | undefined): number {
	if (before) return before === '#' ? 1 : before === '*' ? 2 : -1;
	if (!after) return 0;
	if (after === '#' || after === '|' || after === '+') return 1;
	const digit = Number(after.slice(-1));
	return after.startsWith('-') ? -digit : digit;
}

/**
 * A surface segment: ` 3 ARNK` (Sabre, Apollo), `  5  ARNK` (Amadeus), ` 3. ARNK` (Galileo), ` 4.    ARNK   ICNGMP`
 * (eTerm names both ends), `---- ARNK ----`, `SURFACE PEK-SHA`. Read by tokens, not one pattern, so a long line costs
 * one pass. Anything after the word but the two airports and decoration makes it not a surface line: "SURFACE
 * TRANSPORT BY …" in a remark is prose.
 */
function readSurfaceLine(line: string, isAirport: IsAirport): {word: string; number?: number; from?: string; to?: string} | undefined {
	if (!line.includes('ARNK') && !line.includes('ARUNK') && !line.includes('SURFACE')) return undefined;
	const tokens = line.trim().split(/\s+/);
	let number: number | undefined;
	const numbered = /^(\d{1,2})\.?(.*)$/.exec(tokens[0]!);
	if (numbered) {
		number = Number(numbered[1]);
		if (numbered[2]) tokens[0] = numbered[2];
		else tokens.shift();
	}
	const words = tokens.filter((t) => !DECORATION.test(t));
	const word = words[0] === undefined ? undefined : SURFACE_TOKEN.exec(words[0])?.[1];
	if (word === undefined) return undefined;
	const rest = words.slice(1).join(' ');
	if (rest === '') return number === undefined ? {word} : {word, number};
	const pair = /^([A-Z]{3})(?:[ /-]?)([A-Z]{3})$/.exec(rest);
	if (!pair) return undefined;
	const found: {word: string; number?: number; from?: string; to?: string} = {word};
	if (number !== undefined) found.number = number;
	// Codes the dataset does not know are left out rather than reported as airports.
	if (isAirport(pair[1]!)) found.from = pair[1]!;
	if (isAirport(pair[2]!)) found.to = pair[2]!;
	return found;
}

/**
 * A segment-shaped line SEGMENT_LINE could not read (LOOSE_SEGMENT): its flight and city pair, status `unread`; or the
 * status its code says where a code that needs no times follows the pair (`  2  W3 108 M 13JUN 1 JFKLOS   FLWN`).
 */
function readUnreadSegment(line: string, isAirport: IsAirport): {segment: RawSegment; number: number} | undefined {
	const m = LOOSE_SEGMENT.exec(line);
	if (!m || !/[A-Z]/.test(m[2]!)) return undefined;
	const rest = line.slice(m[0].length);
	const date = LOOSE_DATE.exec(rest);
	if (!date) return undefined;
	const afterDate = rest.slice(date.index + date[0].length);
	for (const pair of matchesOf(CITY_PAIR, afterDate)) {
		const [, from, to] = pair;
		if (!isAirport(from!) || !isAirport(to!)) continue;
		const flown = /^\s+FLWN(?=\s|$)/.test(afterDate.slice(pair.index + pair[0].length));
		const [status, statusCode] = flown ? (['flown', 'FLWN'] as const) : (['unread', 'unread'] as const);
		return {segment: {from: from!, to: to!, flight: `${m[2]}${m[3]}`, status, statusCode}, number: Number(m[1])};
	}
	return undefined;
}

function printoutLeg(line: string): {label: string; place: string; date: string; time: string} | undefined {
	const label = PRINTOUT_LABEL.exec(line);
	if (!label) return undefined;
	const rest = line.slice(label[0].length).trimEnd();
	const when = PRINTOUT_WHEN.exec(rest);
	if (!when) return undefined;
	const before = rest.slice(0, when.index);
	const place = before.trimEnd();
	if (place === '' || before.length - place.length < 2) return undefined;
	return {label: label[1]!, place, date: when[1]!, time: when[2]!};
}

/**
 * `BERLIN, DE (TEGEL)` → `BERLIN TEGEL`; `PARIS, FR (CHARLES DE GAULLE), TERMINAL 2E -` → `PARIS CHARLES DE GAULLE`.
 * City plus airport name, because that is how the dataset names airports (`Paris-Charles De Gaulle Airport`); a code
 * in the brackets wins when there is one.
 */
function printoutAirport(place: string, isAirport: IsAirport): string {
	const inBrackets = /\(([^)]*)\)/.exec(place)?.[1]?.trim();
	if (inBrackets && /^[A-Z]{3}$/.test(inBrackets) && isAirport(inBrackets)) return inBrackets;
	const city = place.split(/[,(]/)[0]!.trim();
	return inBrackets ? `${city} ${inBrackets}` : city;
}
