/**
 * Flight segments in text pasted from a GDS terminal or an agency itinerary print-out: Sabre / Amadeus / Galileo /
 * TravelSky eTerm segment lines, and the Amadeus "FLIGHT … / DEPARTURE: … / ARRIVAL: …" print-out. Pure: text in,
 * RawItinerary out, as the text says it. Years, clocks and airport names are the normaliser's business.
 */
import type {RawItinerary, RawSegment, RawTime} from '../adapters/types';
import {bundledRules} from '../rules/rule-set';
import {parseClock, parseDateText, parseDayOffset} from './parse';

export type IsAirport = (code: string) => boolean;

const bundledAirport: IsAirport = (code) => bundledRules().airports[code] !== undefined;

/*
 * One segment line. Layouts differ only in spacing and in where the weekday goes:
 *   Sabre    `1 KE  12Q 18MAR 1 LAXICN*SS1  2340  0510   20MAR 3 /DCKE /E`, `4 AS1292D 14MAR Q SEALAX SS2 915P 1159P`
 *   Galileo  ` 1. DL   38 Y  20JAN HKGSEA HS3  1145   0811  O           SA`
 *   eTerm    ` 1.  CA981  Y   SU15MAR  PEKJFK HK1   1300 1450          E T3T1`
 * Sabre glues the booking class to the flight number (`B61975U` = B6 1975 class U), so no separator is required there.
 */
const WEEKDAY_AFTER = String.raw`(?:\s+(?:[1-7]|[A-Z]{1,2}))?`;
const SEGMENT_LINE = new RegExp(
	String.raw`^\s*(?:(\d{1,2})(?:\.\s*|\s+))?` + // line number
		String.raw`([A-Z0-9]{2})\s*(\d{1,4})\s*[A-Z]` + // carrier, number, booking class
		String.raw`\s+(?:MO|TU|WE|TH|FR|SA|SU)?(\d{1,2}[A-Z]{3})` + // date; eTerm puts the weekday in front
		WEEKDAY_AFTER +
		String.raw`\s+([A-Z]{3})([A-Z]{3})` + // city pair
		String.raw`(?:\s*\*?[A-Z]{2}\d{1,3})?` + // status and seat count: SS1, HK1, *SS1
		String.raw`\s+(\d{3,4}[APNM]?)` + // departure clock
		String.raw`\s+(#?)(\d{3,4}[APNM]?)(?:\s*([+-]\d|#))?` + // arrival clock with a next-day mark before or after
		String.raw`(?:\s+(\d{1,2}[A-Z]{3})` + WEEKDAY_AFTER + ')?' + // arrival date
		String.raw`(?=\s|$)`,
);

/** A line that carries a PNR element number (`3 ARNK`, ` 4 HHL …`): part of the same record even when not a flight. */
const NUMBERED_LINE = /^\s*(\d{1,2})(?:\.\s*|\s+)\S/;

const PRINTOUT_FLIGHT = /^FLIGHT\s+([A-Z0-9]{2})\s*(\d{1,4})\s+-\s/;
const PRINTOUT_LEG = /^(DEPARTURE|ARRIVAL):\s+(.+?)\s{2,}(\d{1,2} [A-Z]{3})\s+(\d{1,2}:\d{2})\s*$/;

type Open = {kind: 'lines' | 'printout'; segments: RawSegment[]; lastNumber?: number};

type PrintoutBlock = {flight: string; from?: string; to?: string; departs?: RawTime; arrives?: RawTime};

export function parseGdsText(text: string, isAirport: IsAirport = bundledAirport): RawItinerary[] {
	const result: RawItinerary[] = [];
	let open: Open | undefined;
	// Since the last segment: an unindented line that is not part of a PNR (a chat header, a remark)…
	let foreignLine = false;
	// …a blank line…
	let blank = false;
	// …or a new agency header in a print-out.
	let newBooking = false;
	let block: PrintoutBlock | undefined;

	const close = () => {
		if (open && open.segments.length > 0) result.push({segments: open.segments});
		open = undefined;
	};
	const append = (kind: Open['kind'], segment: RawSegment, number?: number) => {
		if (!open || open.kind !== kind) {
			close();
			open = {kind, segments: []};
		}
		open.segments.push(segment);
		open.lastNumber = number;
		foreignLine = blank = newBooking = false;
	};

	for (const line of text.split(/\r?\n/)) {
		const seg = readSegmentLine(line, isAirport);
		if (seg) {
			const last = open?.kind === 'lines' ? open.lastNumber : undefined;
			// Numbering that starts again means a new record; numbering that goes on survives blank lines (notes.txt
			// pastes one PNR with a blank line between every segment). Without numbers a blank line is all we have.
			const restarted = seg.number !== undefined && last !== undefined && seg.number <= last;
			const gap = foreignLine || (blank && (seg.number === undefined || last === undefined));
			if (restarted || gap) close();
			append('lines', seg.segment, seg.number);
			continue;
		}

		const flightHeader = PRINTOUT_FLIGHT.exec(line);
		if (flightHeader) {
			if (newBooking || open?.kind !== 'printout') close();
			newBooking = false;
			block = {flight: `${flightHeader[1]}${flightHeader[2]}`};
			continue;
		}
		const leg = block ? PRINTOUT_LEG.exec(line) : null;
		if (block && leg) {
			const place = printoutAirport(leg[2]!, isAirport);
			const time: RawTime = {date: leg[3]!, time: leg[4]!};
			if (leg[1] === 'DEPARTURE') {
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
	close();
	return result;
}

function readSegmentLine(line: string, isAirport: IsAirport): {segment: RawSegment; number?: number} | undefined {
	const m = SEGMENT_LINE.exec(line);
	if (!m) return undefined;
	const [, number, carrier, flightNumber, date, from, to, depClock, hashBefore, arrClock, markAfter, arrDate] = m;
	// The shape alone matches too much; every field must also read as what it claims to be.
	if (!/[A-Z]/.test(carrier!)) return undefined;
	if (!isAirport(from!) || !isAirport(to!)) return undefined;
	if (!parseDateText(date!) || (arrDate && !parseDateText(arrDate))) return undefined;
	if (parseClock(depClock!) === undefined || parseClock(arrClock!) === undefined) return undefined;

	const arrives: RawTime = {time: arrClock!};
	if (arrDate) arrives.date = arrDate;
	const offset = parseDayOffset(`${hashBefore ?? ''}${markAfter ?? ''}`);
	if (offset !== 0) arrives.dayOffset = offset;
	const segment: RawSegment = {from: from!, to: to!, departs: {date: date!, time: depClock!}, arrives, flight: `${carrier}${flightNumber}`};
	return number === undefined ? {segment} : {segment, number: Number(number)};
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
