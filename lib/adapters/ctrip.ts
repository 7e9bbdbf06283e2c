/**
 * Ctrip domestic flight list (flights.ctrip.com/online/list, 2026 layout; see test/fixtures/SOURCES.md
 * "Trip.com / Ctrip"). Trip.com result pages (showfarefirst) are matched so the extension is present there, but no
 * Trip.com results page has been captured: its cards are not known to use this markup, and none are claimed.
 *
 * What a card says, most stable first:
 * 1. Element ids: `flightInfo-SC4642_1789437000000SC4659_1789454100000-1200` lists every segment as
 *    FLIGHTNO_departureEpochMs. The only place a transfer's second flight appears.
 * 2. The depart and arrive boxes: the first departure clock, the last arrival clock with `+1天`, and airports by their
 *    Chinese names without the city (大兴国际机场), which the shared normaliser resolves.
 * 3. Transfers: `转 青岛3h15m` names the connecting city only, never the airport.
 * Class names here are plain words (not hashed) and have been stable across Ctrip's 2020-2026 list pages.
 */
import {defineAdapter, type Extraction, type PageContext} from './types';
import {guardExtract, placementsAt} from './common';
import {type RawSegment} from '../itinerary';
import {parseDayOffset, parseDuration} from '../extract/parse';
import {soleAirportOfCity} from '../airports';
import {dateFromDayNumber} from '../time';

const selectors = {
	/** One result row, direct or transfer; lazy-loaded rows start as empty slots. */
	card: 'div.flight-item',
	/** Elements whose id encodes the segments; the arrow box first, the departure airport as a fallback. */
	segmentIds: ['[id^="flightInfo-"]', '[id^="departureFlightTrain"]'],
	departTime: '.depart-box .time',
	departAirport: '.depart-box .airport .name',
	arriveTime: '.arrive-box .time',
	arriveDay: '.arrive-box .time .day',
	arriveAirport: '.arrive-box .airport .name',
	/** "转1次" in the arrow of a transfer row; direct rows have `i.arrow-oneway` instead. */
	transferCount: 'i.arrow-transfer',
	/** One per connection: `<i>转</i>青岛3h15m`. */
	transferInfo: '.transfer-info',
	/** "中转3小时15分": the whole transfer time, shown once per card. */
	transferDuration: '.transfer-duration',
	/** Times and airports row: the badge goes right after it. */
	detail: '.flight-detail',
};

const SEGMENT_ID_RE = /^(?:flightInfo-|departureFlightTrain)((?:[A-Z0-9]{2}\d{1,4}[A-Z]?_\d{13})+)-\d+$/;
const SEGMENT_RE = /([A-Z0-9]{2}\d{1,4}[A-Z]?)_(\d{13})/g;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

type IdSegment = {flight: string; date: string; time: string};

/**
 * The segments an element id encodes, with each departure as Beijing wall-clock time (mainland airports keep UTC+8,
 * and that is what the card prints). Pure arithmetic, so the machine's own time zone plays no part.
 */
export function parseSegmentId(id: string): IdSegment[] | undefined {
	const body = SEGMENT_ID_RE.exec(id)?.[1];
	if (!body) return undefined;
	return [...body.matchAll(SEGMENT_RE)].map((m) => {
		const local = Number(m[2]) + BEIJING_OFFSET_MS;
		const day = Math.floor(local / 86_400_000);
		const minutes = Math.floor((local - day * 86_400_000) / 60_000);
		return {flight: m[1]!, date: dateFromDayNumber(day), time: `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`};
	});
}

/** `转青岛3h15m` → the city and, when shown, the connection in minutes. */
export function parseTransferInfo(text: string): {city: string; minutes?: number} | undefined {
	const m = /^\s*转?\s*([^\d\s]+)\s*(\d.*)?$/u.exec(text);
	if (!m) return undefined;
	const minutes = m[2] ? parseDuration(m[2]) : undefined;
	return minutes === undefined ? {city: m[1]!} : {city: m[1]!, minutes};
}

const text = (card: Element, selector: string) => card.querySelector(selector)?.textContent?.trim() || undefined;

// An empty lazy slot is not a card yet: it holds nothing to read or anchor to, and the observer sees it again once it
// renders. A slot with content but missing parts is a card, and extract() calls it incomplete.
const rendered = (el: Element) => el.childElementCount > 0 && (el.textContent ?? '').trim() !== '';

function findCards(root: ParentNode): Element[] {
	return [...root.querySelectorAll(selectors.card)].filter(rendered);
}

function extract(card: Element, page: PageContext): Extraction {
	const idElement = selectors.segmentIds.map((s) => card.querySelector(s)).find((el) => el !== null);
	const departText = text(card, selectors.departTime);
	const arriveText = text(card, selectors.arriveTime);
	const from = text(card, selectors.departAirport);
	const to = text(card, selectors.arriveAirport);
	const missing = [
		...(idElement ? [] : ['segment ids']),
		...(departText ? [] : ['departure time']),
		...(arriveText ? [] : ['arrival time']),
		...(from ? [] : ['departure airport']),
		...(to ? [] : ['arrival airport']),
	];
	if (missing.length > 0) return {status: 'incomplete', missing};
	const legs = parseSegmentId(idElement!.id);
	if (!legs || legs.length === 0) return {status: 'failed', reason: `segment id not understood: ${idElement!.id}`};
	// The id is the only source for later segments, so check it against the clock the card prints.
	const shownDeparture = /\d{1,2}:\d{2}/.exec(departText!)?.[0]?.padStart(5, '0');
	if (shownDeparture !== legs[0]!.time)
		return {status: 'failed', reason: `id departure ${legs[0]!.time} differs from the card's ${departText}`};
	const arrivalClock = /\d{1,2}:\d{2}/.exec(arriveText!)?.[0];
	if (!arrivalClock) return {status: 'failed', reason: `arrival time not understood: ${arriveText}`};

	const transfers = [...card.querySelectorAll(selectors.transferInfo)].map((el) => parseTransferInfo(el.textContent ?? ''));
	const countText = text(card, selectors.transferCount);
	const statedCount = countText ? Number(/(\d+)/.exec(countText)?.[1] ?? NaN) : 0;
	if (statedCount !== legs.length - 1 || transfers.length !== legs.length - 1) {
		return {status: 'failed', reason: `${legs.length} flights in the id, but the card shows ${countText ?? 'no'} transfer(s)`};
	}
	// A connection is named by city; only a city with a single airport can be placed without guessing.
	const points: string[] = [from!];
	for (const t of transfers) {
		if (!t) return {status: 'failed', reason: 'transfer city not understood'};
		let code: string | undefined;
		try {
			code = soleAirportOfCity(t.city, page.airports);
		} catch {
			code = undefined; // a broken dataset is reported by the popup; here it only means "cannot tell"
		}
		if (!code) return {status: 'unsupported', reason: `transfer in ${t.city}: the card names the city, not which of its airports`};
		points.push(code);
	}
	points.push(to!);
	// With one transfer the card's "中转3小时15分" is that connection; with more, only the per-city durations are.
	const totalTransfer = transfers.length === 1 ? parseDuration(text(card, selectors.transferDuration) ?? '') : undefined;

	const dayOffset = parseDayOffset(text(card, selectors.arriveDay));
	const firstDate = legs[0]!.date;
	const segments: RawSegment[] = legs.map((leg, i) => {
		const seg: RawSegment = {from: points[i]!, to: points[i + 1]!, flight: leg.flight, departs: {date: leg.date, time: leg.time}};
		if (i === legs.length - 1) {
			// "+1天" counts from the card's departure day (the search date), not from the last flight's.
			seg.arrives = dayOffset ? {date: firstDate, time: arrivalClock, dayOffset} : {date: firstDate, time: arrivalClock};
		} else {
			const minutes = transfers[i]?.minutes ?? totalTransfer;
			if (minutes !== undefined) seg.connectionMinutes = minutes;
		}
		return seg;
	});
	return {status: 'ok', itinerary: {segments}};
}

export default defineAdapter({
	id: 'ctrip',
	label: 'Ctrip / Trip.com',
	confidence: 'structured',
	// Ctrip's list lives on flights.ctrip.com; Trip.com's results on www.trip.com and its country sites (au., hk., …).
	matches: ['https://flights.ctrip.com/*', 'https://www.trip.com/flights/*', 'https://*.trip.com/flights/*'],
	isItineraryPage: (url) => {
		if (url.hostname === 'flights.ctrip.com') return url.pathname.startsWith('/online/list/');
		if (url.hostname === 'trip.com' || url.hostname.endsWith('.trip.com')) return /^\/flights\/showfarefirst\/?$/.test(url.pathname);
		return false;
	},
	examples: [
		'https://flights.ctrip.com/online/list/oneway-bjs-sha?depdate=2026-09-15&cabin=y_s_c_f&adult=1&child=0&infant=0',
		'https://flights.ctrip.com/online/list/round-bjs-sha?depdate=2026-09-15_2026-09-20',
		'https://www.trip.com/flights/showfarefirst?dcity=bjs&acity=sha&ddate=2026-09-15&triptype=ow&class=y&quantity=1',
		'https://au.trip.com/flights/showfarefirst?dcity=syd&acity=pek&ddate=2026-09-15&triptype=ow&class=y&quantity=1',
	],
	counterExamples: [
		'https://flights.ctrip.com/online/channel/domestic',
		'https://www.trip.com/',
		'https://au.trip.com/',
		'https://www.trip.com/flights/',
		'https://au.trip.com/flights/to-beijing/airfares-bjs/',
	],
	findCards,
	// The segment ids are the only place a transfer's second flight shows: a recycled row can differ in them alone.
	watchAttributes: ['id'],
	cardOf: (el) => {
		const card = el.closest(selectors.card);
		return card && rendered(card) ? card : undefined;
	},
	extract: guardExtract(extract),
	// After the flight detail block, else the end of the row.
	badgePlacements: (card) => placementsAt(card, selectors.detail, 'after'),
});
