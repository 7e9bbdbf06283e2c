/**
 * Flightsfinder.com's results, from its Kiwi.com portal (`/portal/kiwi`) and its Skyscanner portal (`/portal/sky`), 2025
 * markup; see test/fixtures/SOURCES.md "Other OTAs". Not kiwi.com's or Skyscanner's own DOM: a metasearch page that
 * renders their fares server-side, with the same result rows for both portals (santistebanc/flights2
 * `test-data/phase2-kiwi.html` and `test-data/phase2-sky.html`: the same `div.list-item[data-journey]` rows, `.search_modal`
 * dialogs, `._panel` legs and `._panel_body` segments; the Sky rows say "Connect in airport" where Kiwi's say "Connection").
 *
 * What a card says:
 * 1. `div.list-item` carries `data-journey` (onestop, direct, …), `data-duration`, `data-totalstops` and the first
 *    departure as minutes after midnight; useful to find cards, too coarse to describe segments.
 * 2. The card's own (hidden) details modal, `#myModalN`, is in the page from the start: per leg a heading with the
 *    date ("Outbound Fri, 10 Oct 2025"), per segment the flight ("Aer Lingus EI 337"), both clocks, both airports as
 *    "BER Berlin", the connection ("9h 55 Connection") and, after the leg's last segment, "Arrives: Sat, 11 Oct 2025".
 * An outbound and its return are one itinerary: the days between them are a stay, which matters when it is in China.
 */
import {defineAdapter, type Extraction, type PageContext} from './types';
import {guardExtract, placementsAt, text} from './common';
import {type RawSegment, type RawTime} from '../itinerary';
import {parseClock, parseDateText, parseDuration, resolveYear} from '../extract/parse';
import {dayNumber} from '../time';

const selectors = {
	/** A result row (one fare: outbound and, for a return search, the return). */
	card: 'div.list-item[data-journey]',
	/** The row's details dialog; copied into a shared `#myModalX` on click, but present in the row all along. */
	modal: '.search_modal',
	/** One per leg, each after a `p._heading` holding the leg's date. */
	legPanel: 'div._panel',
	/** "1 stop" or "Direct" in the leg's summary line. */
	legStops: '._panel_heading ._stops .stop',
	segment: '._panel_body',
	flight: '._head small',
	clocks: '.c3 p',
	airports: '.c4 p',
	connection: '.connect_airport span',
	arrivesDate: '._summary span',
	/** Price column, outside the link that opens the dialog: the badge goes first in it. */
	price: '.price-summary',
};

type SegmentRead = {from: string; to: string; flight?: string; departs: string; arrives: string; connectionMinutes?: number};
type LegRead = {date: string; arrivesDate?: string; segments: SegmentRead[]};

/** Durations as this site prints them: `9h 55` (minutes without a unit), `2h 20`, `45m`. */
export function parseSiteDuration(text: string): number | undefined {
	return parseDuration(text.trim().replace(/^(\d+)\s*h\s*(\d+)$/, '$1h $2m'));
}

/** The heading's own text, without "Outbound" and "All times are local": the leg's date. */
function headingDate(heading: Element): string {
	return [...heading.childNodes]
		.filter((n) => n.nodeType === 3)
		.map((n) => n.textContent ?? '')
		.join(' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function readSegment(body: Element): SegmentRead | string {
	const [departs, arrives] = [...body.querySelectorAll(selectors.clocks)].map(text);
	const [from, to] = [...body.querySelectorAll(selectors.airports)].map((p) => /^([A-Z]{3})\b/.exec(text(p))?.[1]);
	if (!departs || !arrives) return 'segment clocks';
	if (!from || !to) return 'segment airports';
	const seg: SegmentRead = {from, to, departs, arrives};
	// "Aer Lingus EI 337": the airline name comes first and may contain anything, the designator is at the end.
	const flight = /\b([A-Z0-9]{2})\s?(\d{1,4}[A-Z]?)$/.exec(text(body.querySelector(selectors.flight)));
	if (flight) seg.flight = `${flight[1]}${flight[2]}`;
	const connection = body.querySelector(selectors.connection);
	if (connection) {
		const minutes = parseSiteDuration(text(connection));
		if (minutes !== undefined) seg.connectionMinutes = minutes;
	}
	return seg;
}

function readLegs(modal: Element): LegRead[] | string {
	const legs: LegRead[] = [];
	for (const panel of modal.querySelectorAll(selectors.legPanel)) {
		const heading = panel.previousElementSibling;
		const date = heading?.matches('p._heading') ? headingDate(heading) : '';
		if (!date) return 'leg date';
		const segments: SegmentRead[] = [];
		for (const body of panel.querySelectorAll(selectors.segment)) {
			const seg = readSegment(body);
			if (typeof seg === 'string') return seg;
			segments.push(seg);
		}
		const stops = text(panel.querySelector(selectors.legStops));
		const statedStops = /direct/i.test(stops) ? 0 : Number(/(\d+)\s*stop/i.exec(stops)?.[1] ?? NaN);
		if (statedStops !== segments.length - 1) return `leg of ${date}: ${segments.length} segments but "${stops}"`;
		const bodies = panel.querySelectorAll(selectors.segment);
		const arrivesDate = text(bodies[bodies.length - 1]?.querySelector(selectors.arrivesDate));
		legs.push(arrivesDate ? {date, arrivesDate, segments} : {date, segments});
	}
	return legs;
}

/**
 * Day offsets of each departure and arrival from the leg's date. The page dates only the leg's first departure and
 * last arrival, so the rest is worked out: a flight whose arrival clock is earlier than its departure lands the next
 * day, and a connection adds its stated length at one airport (one clock, so no time zone is needed). The result is
 * used only when it lands on the date the page prints for the leg's arrival; otherwise undefined.
 */
function legDayOffsets(leg: LegRead, referenceDate: string): {departs: number; arrives: number}[] | undefined {
	const offsets: {departs: number; arrives: number}[] = [];
	let day = 0;
	for (const [i, seg] of leg.segments.entries()) {
		const dep = parseClock(seg.departs);
		const arr = parseClock(seg.arrives);
		if (dep === undefined || arr === undefined) return undefined;
		const arrives = day + (arr < dep ? 1 : 0);
		offsets.push({departs: day, arrives});
		const next = leg.segments[i + 1];
		if (!next) break;
		const nextDep = parseClock(next.departs);
		if (nextDep === undefined) return undefined;
		if (seg.connectionMinutes !== undefined) {
			if ((arr + seg.connectionMinutes) % 1440 !== nextDep) return undefined;
			day = arrives + Math.floor((arr + seg.connectionMinutes) / 1440);
		} else day = arrives + (nextDep < arr ? 1 : 0);
	}
	const start = parseDateText(leg.date);
	const end = leg.arrivesDate ? parseDateText(leg.arrivesDate) : undefined;
	const startIso = start && resolveYear(start, referenceDate);
	const endIso = end && resolveYear(end, referenceDate);
	if (!startIso || !endIso) return undefined;
	return offsets[offsets.length - 1]?.arrives === dayNumber(endIso) - dayNumber(startIso) ? offsets : undefined;
}

const at = (date: string, time: string, dayOffset: number): RawTime => (dayOffset ? {date, time, dayOffset} : {date, time});

function extract(card: Element, page: PageContext): Extraction {
	const modal = card.querySelector(selectors.modal);
	if (!modal) return {status: 'failed', reason: 'no details dialog in the card'};
	const legs = readLegs(modal);
	if (typeof legs === 'string') return {status: 'failed', reason: `not understood: ${legs}`};
	if (legs.length === 0 || legs.some((l) => l.segments.length === 0))
		return {status: 'failed', reason: 'no segments in the details dialog'};
	const segments: RawSegment[] = [];
	for (const leg of legs) {
		const offsets = legDayOffsets(leg, page.referenceDate);
		const last = leg.segments.length - 1;
		leg.segments.forEach((s, i) => {
			const seg: RawSegment = {from: s.from, to: s.to};
			if (s.flight) seg.flight = s.flight;
			// Without consistent offsets only the clocks the page dates itself are kept; the others cannot be placed.
			if (offsets) seg.departs = at(leg.date, s.departs, offsets[i]!.departs);
			else if (i === 0) seg.departs = {date: leg.date, time: s.departs};
			if (i === last && leg.arrivesDate) seg.arrives = {date: leg.arrivesDate, time: s.arrives};
			else if (offsets) seg.arrives = at(leg.date, s.arrives, offsets[i]!.arrives);
			if (i < last && s.connectionMinutes !== undefined) seg.connectionMinutes = s.connectionMinutes;
			segments.push(seg);
		});
	}
	return {status: 'ok', itinerary: {segments}};
}

export default defineAdapter({
	id: 'flightsfinder',
	label: 'Flightsfinder (Kiwi and Skyscanner results)',
	confidence: 'structured',
	matches: ['https://www.flightsfinder.com/*'],
	// The portals' results pages: /portal/kiwi and /portal/sky (the two portals public scrapers of the site request, with
	// the same result markup); not their search and poll endpoints, which answer scripts, nor other pages of the site.
	isItineraryPage: (url) => url.hostname === 'www.flightsfinder.com' && /^\/portal\/(?:kiwi|sky)\/?$/.test(url.pathname),
	examples: [
		'https://www.flightsfinder.com/portal/kiwi?type=return&currency=EUR&cabinclass=M&originplace=BER&destinationplace=MAD&outbounddate=10%2F10%2F2025&inbounddate=20%2F10%2F2025&adults=1&children=0&infants=0',
		'https://www.flightsfinder.com/portal/kiwi?type=oneway&currency=EUR&cabinclass=M&originplace=LHR&destinationplace=PEK&outbounddate=15%2F09%2F2026&adults=1&children=0&infants=0',
		'https://www.flightsfinder.com/portal/sky?originplace=BER&destinationplace=MAD&outbounddate=2025-10-10&inbounddate=2025-10-20&cabinclass=Economy&adults=1&children=0&infants=0&currency=EUR',
		'https://www.flightsfinder.com/portal/sky/?originplace=LHR&destinationplace=PEK&outbounddate=2026-09-15&cabinclass=Economy&adults=1',
	],
	counterExamples: [
		'https://www.flightsfinder.com/',
		'https://www.flightsfinder.com/portal/sky/poll',
		'https://www.flightsfinder.com/portal/kiwi/search',
		'https://www.flightsfinder.com/portal/skyscanner',
		'https://www.flightsfinder.com/portal/',
	],
	findCards: (root) => [...root.querySelectorAll(selectors.card)],
	cardOf: (el) => el.closest(selectors.card) ?? undefined,
	extract: guardExtract(extract),
	// Above the price, else the end of the row.
	badgePlacements: (card) => placementsAt(card, selectors.price, 'first'),
});
