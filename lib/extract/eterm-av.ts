/**
 * TravelSky eTerm availability displays (`AV`, `AVH`): the list of flights an agent reviews before booking. Not a
 * booking but a list of options, so each numbered option (one flight, or the flights of one connection on the lines
 * that follow it) becomes an itinerary of its own, and gets a verdict of its own. Pure: text in, RawItinerary out, as
 * the display prints it; years and clocks are the normaliser's business.
 *
 * The shape, as eTerm prints it (columns vary between terminals and copies, so the lines are read by tokens):
 *   `>AVH/PEKLAX/20MAY/CA`                                       the command, when the copy has it: a date
 *   ` 03AUG(THU) PKXSHA VIA KN`, ` 28FEB17(TUE) AKLSYD`         the header: the date (a year when it has one)
 *   `1- *KN6856  DS# JA C8 … TQ  PKXXIY 0900   1120   321 0^B  E`  option 1 (`*`: a code share), with its city pair
 *   `>   MU2104      GQ UQ ZQ                 -- T3 02:20`        more classes, the operating flight, terminals, time
 *   `    MU2159  DS# J7 C5 … HQ     SHA 1400   1620   32L 0^S  E`  the connection: the next flight, its arrival only
 *   `               ** M1Q S1Q`                                     sub-classes
 *   `4+  KN5730 …`, ` +  CZ305 …`                                  page marks after the number or alone: read, not used
 * A clock may carry the days after the display's date (`0810+1 1325+1`): the date of the option's first line, not of
 * the flight's own departure. The field after the flight number (`DS#`, `AS#`, `DS!`) is what marks a line as an
 * availability line; a line with it that cannot be placed (no date above it, an airport the table does not know, a
 * clock that is none, a connection with no option open) is refused with why, and so is the whole option it belongs
 * to: a connection with one flight missing would be judged as a trip that ends at the transfer.
 */
import type {RawItinerary, RawSegment, RawTime} from '../itinerary';
import {isAirport as inTable, type AirportTable} from '../airports';
import {parseClock, parseDateText} from './parse';

/** A line the reader recognised as part of an availability display but could not place, and why. */
export type AvRefusal = {line: string; why: string};

/**
 * ` 03AUG(THU) PKXSHA VIA KN`: date (year optional), weekday in brackets, the city pair asked for. Read on the trimmed
 * line; every part has a fixed length or ends where a different class of character starts, so one pass.
 */
const HEADER = /^(\d{1,2}[A-Z]{3}(?:\d{2})?)\((?:MON|TUE|WED|THU|FRI|SAT|SUN)\)[\s\x1d]*[A-Z]{6}(?![A-Z])/;
/** `>AV:PEKSHA/15MAR`, `AVH/PEKLAX/20MAY/CA`, `AV:H/PEKSHA/15MAR/0800`, `av h/aklsyd/28feb/ek`, upper-cased first. */
const COMMAND = /^>?\s*AV(?:\s*:)?\s*(?:H\s*)?(?:[:/]\s*)?[A-Z]{6}\/(\d{1,2}[A-Z]{3}(?:\d{2})?)(?![A-Z0-9])/;
/** An option's number and its page mark (`1-`, `2`, `7+`), or a continuation's page mark alone (` +  CZ305`). */
const NUMBER = /^(\d{1,2})?([-+])?$/;
/** `KN6856`, `*MU3502`, `8C8231`, `3U8881`: code-share mark, carrier (one letter at least), number. */
const FLIGHT = /^(\*)?([A-Z0-9]{2})(\d{1,4})$/;
/** The availability source after the flight number (`DS#`, `AS#`, `DS!`, `DS*`). */
const SOURCE = /^[A-Z]{2}[#!*]$/;
/** A booking class and its seats: `FA`, `C8`, `RQ`, `Y1`. */
const CLASS = /^[A-Z][A-Z0-9]$/;
/** A clock and the days after the display's date: `0900`, `0810+1`. */
const CLOCK = /^(\d{4})([+-]\d)?$/;

type Open = {segments: RawSegment[]; refused: boolean};

export function parseEtermAv(text: string, airports: AirportTable): {itineraries: RawItinerary[]; refused: AvRefusal[]} {
	const itineraries: RawItinerary[] = [];
	const refused: AvRefusal[] = [];
	let date: string | undefined;
	let open: Open | undefined;
	const close = () => {
		if (open && !open.refused && open.segments.length > 0) itineraries.push({segments: open.segments});
		open = undefined;
	};
	const refuse = (line: string, why: string) => {
		refused.push({line, why});
		if (open) open.refused = true;
	};

	for (const raw of text.split('\n')) {
		const line = raw.trim();
		const header = HEADER.exec(line);
		if (header) {
			close();
			date = parseDateText(header[1]!) ? header[1]! : undefined;
			continue;
		}
		const command = /^>?\s*[Aa][Vv]/.test(line) ? COMMAND.exec(line.toUpperCase()) : null;
		if (command) {
			close();
			date = parseDateText(command[1]!) ? command[1]! : undefined;
			continue;
		}
		const flight = readFlightLine(line);
		if (!flight) {
			// More classes, the operating flight and terminals (`>`), sub-classes and remarks (`**`) belong to the option
			// above; anything else ends it.
			if (!line.startsWith('>') && !line.startsWith('**')) close();
			continue;
		}
		if (flight.number !== undefined) {
			close();
			open = {segments: [], refused: false};
		} else if (!open) {
			refuse(line, 'a connecting flight with no option above it');
			continue;
		} else if (open.refused) {
			refused.push({line, why: 'part of an option that was refused'});
			continue;
		}
		if (date === undefined) {
			refuse(line, 'no AV header or command above it gives the date');
			continue;
		}
		const previous = open.segments[open.segments.length - 1];
		const pair = /^[A-Z]{6}$/.test(flight.route);
		if (!pair && !/^[A-Z]{3}$/.test(flight.route)) {
			refuse(line, `"${flight.route}" is neither an airport code nor a city pair`);
			continue;
		}
		if (!previous && !pair) {
			refuse(line, `an option starts with its city pair, not "${flight.route}" alone`);
			continue;
		}
		// A connection prints only where it lands: it leaves from where the flight above it landed.
		const [from, to] = pair ? [flight.route.slice(0, 3), flight.route.slice(3)] : [previous!.to, flight.route];
		const unknown = [from, to].filter((code) => !inTable(code, airports));
		if (unknown.length > 0) {
			refuse(line, `unknown airport ${unknown.join(', ')}`);
			continue;
		}
		const departs = clock(flight.departs, date);
		const arrives = clock(flight.arrives, date);
		if (!departs || !arrives) {
			refuse(line, `"${!departs ? flight.departs : flight.arrives}" is not a clock`);
			continue;
		}
		open.segments.push({from, to, flight: flight.flight, departs, arrives});
	}
	close();
	return {itineraries, refused};
}

type FlightLine = {number?: number; flight: string; route: string; departs: string; arrives: string};

/**
 * The tokens of a line that carries the availability source after a flight number; undefined for any other line.
 * `route` is the city pair of an option's first flight or the arrival alone of a connection, or whatever stands there:
 * what the tokens are is checked by the caller, so a line of this shape with a wrong field is refused, not skipped.
 */
function readFlightLine(line: string): FlightLine | undefined {
	if (!line.includes('#') && !line.includes('!') && !line.includes('*')) return undefined;
	const tokens = line.split(/[\s\x1d]+/);
	const mark = tokens[0] === '' ? null : NUMBER.exec(tokens[0]!);
	let i = mark ? 1 : 0;
	const f = FLIGHT.exec(tokens[i] ?? '');
	if (!f || !/[A-Z]/.test(f[2]!) || !SOURCE.test(tokens[i + 1] ?? '')) return undefined;
	i += 2;
	while (i < tokens.length && CLASS.test(tokens[i]!)) i++;
	const route = tokens[i] ?? '';
	const found: FlightLine = {flight: `${f[2]}${f[3]}`, route, departs: tokens[i + 1] ?? '', arrives: tokens[i + 2] ?? ''};
	if (mark?.[1] !== undefined) found.number = Number(mark[1]);
	return found;
}

/** `1120` → that clock on the display's date; `0810+1` → a day after it. Undefined for anything else. */
function clock(token: string, date: string): RawTime | undefined {
	const m = CLOCK.exec(token);
	if (!m || parseClock(m[1]!) === undefined) return undefined;
	const time: RawTime = {date, time: m[1]!};
	const offset = m[2] ? Number(m[2]) : 0;
	if (offset !== 0) time.dayOffset = offset;
	return time;
}
