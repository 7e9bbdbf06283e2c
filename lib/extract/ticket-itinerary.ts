/**
 * The Chinese e-ticket itinerary receipt (航空运输电子客票行程单, ITINERARY/RECEIPT OF E-TICKET FOR AIR TRANSPORT): the
 * paper or PDF receipt mainland airlines and agents issue. Its route is a column of airports, one row each: `自` (FROM)
 * for the first, `至` (TO) for every next one. The row of an airport the traveller leaves also carries the flight
 * that leaves it: carrier, flight number, class, date and departure time, the time as four digits without a colon
 * (`0830`). No arrival time is printed, and the last row names only the destination.
 *
 *   自 FROM 北京首都 T3   国航   CA1501   Y   2026-06-03   0830
 *   至 TO   上海虹桥 T2
 *
 * Pure and linear: one pass over the lines, each row read with bounded patterns. A leg needs a `自`/`至` row with a
 * flight number and a date, and the next row's airport: a date or a price alone never makes one.
 */
import type {RawItinerary, RawSegment} from '../itinerary';
import {resolveAirport, type AirportTable} from '../airports';

/** The receipt's title, in Chinese or English, somewhere in the text: without it, `自`/`至` rows are prose. */
const TITLE = /行程单|行程單|[Ii][Tt][Ii][Nn][Ee][Rr][Aa][Rr][Yy]\s*\/\s*[Rr][Ee][Cc][Ee][Ii][Pp][Tt]/;
/**
 * `自 FROM 北京首都 T3 …`, `至：上海虹桥`, `至 TO PVG`. No `i` flag here or in TITLE: with Chinese in a pattern it costs
 * V8 a fresh compile after garbage collections (lib/extract/parse.ts parseDuration).
 */
const ROW = /^\s*([自至])\s*(?:[Ff][Rr][Oo][Mm]|[Tt][Oo])?\s*[:：]?\s*(.*)$/;
/** The airport: a run of Chinese characters (the name, maybe glued to the carrier's), or a code. */
const PLACE = /^(?:(\p{Script=Han}{2,16})|([A-Z]{3})(?![A-Za-z]))/u;
/** A terminal after the name (`T3`, `T2`, `--`), not part of the flight. */
const TERMINAL = /^\s*(?:T\d(?![\dA-Za-z])|-{2})/;
const FLIGHT = /(?<![A-Za-z0-9])([A-Z][A-Z0-9]|[0-9][A-Z])\s?(\d{1,4})(?![\d:])/;
const DATE =
	/(\d{4}-\d{1,2}-\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\d{2})?)(?![\d])/;
const CLOCK = /(?<![\d:.])(\d{2}):?(\d{2})(?![\d:.])/;

type Row = {place?: string; flight?: string; date?: string; time?: string};
type LookUp = ((name: string) => string | undefined) & {budget: () => boolean};
const MAX_NAMES = 500;
/** A row is a few dozen characters; what lies beyond this is no part of it, and is not searched. */
const MAX_ROW = 240;
/** A carrier's short name glued after the airport's (`上海虹桥东航`, `广州白云南方航空`): it ends in 航, 航空 or 航空公司. */
const CARRIER_TAIL = /\p{Script=Han}{1,6}航(?:空(?:公司)?)?$/u;

export function parseTicketItinerary(text: string, airports: AirportTable): RawItinerary[] {
	if (!TITLE.test(text)) return [];
	const out: RawItinerary[] = [];
	const known = new Map<string, string | undefined>(); // names looked up in this text, each once
	const lookUp: LookUp = Object.assign(
		(name: string) => {
			if (!known.has(name)) known.set(name, resolveAirport(name, airports));
			return known.get(name);
		},
		// A receipt has a few rows: past this many names, a text full of rows is not one, and carrier tails are not tried.
		{budget: () => known.size < MAX_NAMES},
	);
	let rows: Row[] = [];
	const close = () => {
		const segments: RawSegment[] = [];
		for (let i = 0; i + 1 < rows.length; i++) {
			const [from, to] = [rows[i]!, rows[i + 1]!];
			if (!from.place || !to.place || !from.flight || !from.date) continue;
			const segment: RawSegment = {from: from.place, to: to.place, flight: from.flight, departs: {date: from.date}};
			if (from.time) segment.departs = {date: from.date, time: from.time};
			segments.push(segment);
		}
		if (segments.length > 0) out.push({segments});
		rows = [];
	};
	for (const line of text.split(/\r?\n/)) {
		const m = ROW.exec(line);
		if (!m) continue;
		const start = m[1] === '自';
		// A `自` row begins a ticket: a second receipt in the same text is a trip of its own.
		if (start) close();
		else if (rows.length === 0) continue; // a `至` before any `自` is no route
		rows.push(readRow(m[2]!.slice(0, MAX_ROW), lookUp));
	}
	close();
	return out;
}

function readRow(rest: string, lookUp: LookUp): Row {
	const row: Row = {};
	const place = PLACE.exec(rest);
	if (!place) return row;
	let name = place[2] ?? place[1]!;
	if (place[1] && !lookUp(name) && lookUp.budget()) {
		// The name may run into the carrier's (`上海虹桥东航`): without a carrier tail, if the table knows the rest.
		// The longest such name first: 北京大兴国航 is 北京大兴, never a shorter name inside it.
		const tail = CARRIER_TAIL.exec(name);
		for (let cut = name.length - 2; tail && cut >= Math.max(2, tail.index); cut--) {
			if (lookUp(name.slice(0, cut))) {
				name = name.slice(0, cut);
				break;
			}
		}
	}
	row.place = name;
	let after = rest.slice(name.length);
	after = after.replace(TERMINAL, '');
	const flight = FLIGHT.exec(after);
	if (!flight) return row;
	row.flight = `${flight[1]}${flight[2]}`;
	after = after.slice(flight.index + flight[0].length);
	const date = DATE.exec(after);
	if (!date) return row;
	row.date = date[1]!.replace(/\s+/g, '');
	const clock = CLOCK.exec(after.slice(date.index + date[0].length));
	if (clock) row.time = `${clock[1]}${clock[2]}`;
	return row;
}
