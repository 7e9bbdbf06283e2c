/**
 * Kayak results, the server-rendered "phoenix" result list (R9 build R618c, 2022; see test/fixtures/SOURCES.md
 * "Kayak"). The later `nrc6-*` layout has no saved page here, so its cards are not claimed.
 *
 * One card = one itinerary: a round trip's outbound and return legs go into one itinerary, in the card's order; the
 * engine splits the stay itself.
 *
 * What a card says, most stable first:
 * 1. Each leg (`.Flights-Results-LegInfo`): IATA codes (`.airport-name`), departure and arrival clocks, "nonstop" or
 *    "1 stop" with the stop's code. The list shows no flight numbers and no segment clocks of an indirect leg.
 * 2. Dates: the results URL (`/flights/MSP-CHI/2022-07-01`) has each leg's departure date with its year. The card's
 *    screen-reader paragraph ("Departs from … on 7/1 at 10:30 am, lands in … on 7/1 at 12:04 pm.") gives the arrival
 *    day, and the departure day when the URL has none; its dates are read only where they are known to be month/day
 *    (kayak.com, en-US).
 * Kayak's class names here are readable component names (`Flights-Results-LegInfo`), unlike its hashed utility classes.
 */
import {defineAdapter, type Extraction, type PageContext} from './types';
import {guardExtract, legsItinerary, placementsAt, readLegRows, text, type LegView} from './common';
import {type RawTime} from '../itinerary';
import {parseClock, parseDayOffset} from '../extract/parse';

const selectors = {
	/** A result, phoenix list 2020-2022; `data-resultid` is a 32-hex id also used by later layouts. */
	result: '[data-resultid]',
	/** One per leg, phoenix list 2020-2022. */
	leg: '.Flights-Results-LegInfo',
	depart: '.section.times .depart-time',
	arrive: '.section.times .arrival-time',
	/** The `span.time-pair` holding a clock and its meridiem ("10:30 " + "am"). */
	timePair: '.time-pair',
	origin: '[id$="-origin-airport"] .airport-name',
	destination: '[id$="-destination-airport"] .airport-name',
	stopsText: '.section.stops .stops-text',
	/** Stop airport codes under the stops label. */
	stopCodes: '.section.stops .bottom',
	/** The legs list: the badge goes right after it. */
	legs: 'ol.flights',
};

/** Kayak sites whose screen-reader dates are month/day ("7/1" is 1 July). */
const monthFirstHosts = ['www.kayak.com'];

const CODE_RE = /\b[A-Z]{3}\b/g;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type SpokenLeg = {departs: {month: number; day: number; clock: string}; arrives: {month: number; day: number; clock: string}};

function findCards(root: ParentNode): Element[] {
	const cards = new Set<Element>();
	for (const leg of root.querySelectorAll(selectors.leg)) {
		const card = leg.closest(selectors.result);
		if (card) cards.add(card);
	}
	return [...cards];
}

function readLeg(leg: Element): LegView | string {
	const from = text(leg.querySelector(selectors.origin));
	const to = text(leg.querySelector(selectors.destination));
	if (!/^[A-Z]{3}$/.test(from) || !/^[A-Z]{3}$/.test(to)) return 'airport codes';
	const departPair = text(leg.querySelector(selectors.depart)?.closest(selectors.timePair));
	const arrivePair = text(leg.querySelector(selectors.arrive)?.closest(selectors.timePair));
	const clock = (pair: string) => /\d{1,2}:\d{2}\s*(?:[ap]m)?/i.exec(pair)?.[0];
	const departs = clock(departPair);
	const arrives = clock(arrivePair);
	if (!departs || !arrives) return 'times';
	const label = text(leg.querySelector(selectors.stopsText));
	const stops = text(leg.querySelector(selectors.stopCodes)).match(CODE_RE) ?? [];
	const stated = /nonstop/i.test(label) ? 0 : Number(/(\d+)\s*stop/i.exec(label)?.[1] ?? NaN);
	if (stated !== stops.length) return `stop airports (label "${label}", ${stops.length} shown)`;
	// Anything after the arrival clock ("+1") is its day offset.
	const arrivalOffset = parseDayOffset(arrivePair.slice(arrivePair.indexOf(arrives) + arrives.length));
	return {from, to, stops, departs, arrives, arrivalOffset};
}

/** The card's screen-reader paragraph, one entry per "Leg n:" sentence; [] when absent or not understood. */
export function parseSpokenLegs(sentence: string): SpokenLeg[] {
	const re =
		/Departs from .+? on (\d{1,2})\/(\d{1,2}) at (\d{1,2}:\d{2}\s*[ap]m), lands in .+? on (\d{1,2})\/(\d{1,2}) at (\d{1,2}:\d{2}\s*[ap]m)/gi;
	return [...sentence.matchAll(re)].map((m) => ({
		departs: {month: Number(m[1]), day: Number(m[2]), clock: m[3]!},
		arrives: {month: Number(m[4]), day: Number(m[5]), clock: m[6]!},
	}));
}

/** `/flights/MSP-CHI/2022-07-01/2022-07-08?sort=…` → ['2022-07-01', '2022-07-08']. */
export function searchDatesFromUrl(url: URL): string[] {
	return url.pathname
		.split('/')
		.map((part) => /^(\d{4}-\d{2}-\d{2})/.exec(part)?.[1])
		.filter((d): d is string => d !== undefined);
}

function spokenLegs(card: Element, page: PageContext): SpokenLeg[] {
	if (!monthFirstHosts.includes(page.url.hostname)) return [];
	const id = card.getAttribute('aria-describedby');
	const paragraph = id ? [...card.querySelectorAll('[id]')].find((el) => el.id === id) : undefined;
	return paragraph ? parseSpokenLegs(text(paragraph)) : [];
}

/** Days from one month/day to the next, across a new year if need be. */
function daysBetween(a: {month: number; day: number}, b: {month: number; day: number}): number {
	const days = (Date.UTC(2001, b.month - 1, b.day) - Date.UTC(2001, a.month - 1, a.day)) / 86_400_000;
	return days < 0 ? days + 365 : days;
}

function extract(card: Element, page: PageContext): Extraction {
	const legs = readLegRows(card, selectors.leg, readLeg);
	if (!Array.isArray(legs)) return legs;
	const urlDates = searchDatesFromUrl(page.url);
	let spoken: SpokenLeg[] | undefined = spokenLegs(card, page);
	// The paragraph must describe these very legs (same clocks), or it says nothing about them.
	const agrees =
		spoken.length === legs.length &&
		legs.every(
			(l, i) =>
				parseClock(l.departs) === parseClock(spoken![i]!.departs.clock) &&
				parseClock(l.arrives) === parseClock(spoken![i]!.arrives.clock),
		);
	if (!agrees) spoken = undefined;
	return legsItinerary(legs, (leg, i) => {
		const said = spoken?.[i];
		const date =
			urlDates.length === legs.length ? urlDates[i] : said ? `${MONTHS[said.departs.month - 1]} ${said.departs.day}` : undefined;
		const offset = said ? daysBetween(said.departs, said.arrives) : leg.arrivalOffset;
		const departs: RawTime = date ? {date, time: leg.departs} : {time: leg.departs};
		// The arrival repeats the leg's date: an indirect leg's last segment has no departure to take it from.
		const arrives: RawTime = {time: leg.arrives};
		if (date) arrives.date = date;
		if (offset) arrives.dayOffset = offset;
		return {departs, arrives};
	});
}

/**
 * Kayak's own country sites that the content script runs on; all put results under /flights/<route>/<date>. On
 * another of Kayak's country sites (www.kayak.ch, www.kayak.com.br, tw.kayak.com), the popup's "Scan this page" or
 * "Always run on this site" reads the page with this adapter (`isKayakHost`).
 */
const hosts = [
	'www.kayak.com',
	'www.kayak.co.uk',
	'www.kayak.ie',
	'ca.kayak.com',
	'www.kayak.com.au',
	'www.kayak.co.in',
	'www.kayak.sg',
	'www.kayak.com.hk',
	'www.kayak.de',
	'www.kayak.fr',
	'www.kayak.es',
	'www.kayak.it',
	'www.kayak.nl',
];

/** `www.kayak.` and a country domain (`com`, `ch`, `co.uk`, `com.br`), or `<country>.kayak.com`; never `kayak.ch.example.test`. */
const isKayakHost = (hostname: string) => /^(?:www\.kayak\.(?:com?\.)?[a-z]{2,3}|[a-z]{2}\.kayak\.com)$/.test(hostname);

export default defineAdapter({
	id: 'kayak',
	label: 'Kayak',
	confidence: 'structured',
	matches: hosts.map((h) => `https://${h}/*`),
	// Results: /flights/MSP-CHI/2022-07-01[/2022-07-08]; /flights alone is the search form. Kayak France also gives its
	// results in French, /vols/PAR-PEK/2026-06-01/… (public links to www.kayak.fr's results, 2025-2026); its route
	// pages (/vols/Lille-Lesquin-LIL/Tunis-…-TUN) have no date and are not results.
	isOwnHost: isKayakHost,
	isItineraryPage: (url) => isKayakHost(url.hostname) && /^\/(?:flights|vols)\/[A-Z]{3}[^/]*-[^/]+\/\d{4}-\d{2}-\d{2}/.test(url.pathname),
	examples: [
		'https://www.kayak.com/flights/MSP-CHI/2022-07-01?sort=bestflight_a',
		'https://www.kayak.com/flights/LAX-PEK/2026-05-10/2026-05-20?sort=price_a',
		'https://www.kayak.co.uk/flights/LON-SHA/2026-06-01/2026-06-15',
		'https://www.kayak.fr/vols/PAR-PEK/2026-06-01/2026-06-15/2adultes?sort=bestflight_a',
	],
	counterExamples: [
		'https://www.kayak.com/',
		'https://www.kayak.com/flights',
		'https://www.kayak.co.uk/hotels',
		'https://www.kayak.fr/vols/Lille-Lesquin-LIL/Tunis-Aeroport-Intl-de-Tunis-Carthage-TUN',
	],
	findCards,
	cardOf: (el) => {
		const card = el.closest(selectors.result);
		return card && findCards(card).includes(card) ? card : undefined;
	},
	extract: guardExtract(extract, 'unexpected card'),
	// A line of its own under the legs, else the end of the card.
	badgePlacements: (card) => placementsAt(card, selectors.legs, 'after'),
});
