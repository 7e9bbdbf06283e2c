/**
 * Skyscanner day-view results (2021 Backpack layout; see test/fixtures/SOURCES.md "Skyscanner").
 *
 * One card = one itinerary. A return-trip card shows the outbound leg and the return leg; both go into one itinerary,
 * outbound segments first, and the engine splits the stay at the destination itself.
 *
 * What a card says, most stable first:
 * 1. Each leg's IATA codes and clocks (`LegInfo_*` spans in 2021; modules renamed since, below): origin, destination,
 *    the stop airports of an indirect leg, departure and arrival time. The list shows no per-segment clocks, no flight
 *    numbers and no layover lengths, so a 1-stop leg becomes two segments with only the leg's first departure and last
 *    arrival clock.
 * 2. Dates: the card's link (`/config/10081-2103010815--32733-0-10803-2103011250|…`) has each leg's departure and
 *    arrival as YYMMDDHHMM, used when its clocks agree with the visible ones. Sponsored cards have no link: then the
 *    search dates from the page URL (`/transport/flights/bos/cun/210301/210331/`) or the page's `window["__internal"]`
 *    search params, one per leg, with the arrival on the departure day unless the card shows "+1".
 * The screen-reader summary ("Flight option 2: Total cost $311. …") marks a card, but names airports in words the
 * airport table does not always know ("Houston George Bush Intercntl."), so the codes carry the itinerary.
 * Class names are CSS-module hashes (`LegInfo_legInfo__2UyXp`): matched by their stable part only.
 */
import {defineAdapter, type Extraction, type PageContext} from './types';
import {guardExtract, legsItinerary, placementsAt, readLegRows, text, type LegView} from './common';
import {type RawTime} from '../itinerary';
import {parseClock, parseDayOffset} from '../extract/parse';

/**
 * CSS modules renamed since the saved page's 2021 layout, as public scrapers of Skyscanner's 2024-2026 pages name them,
 * are matched by the part of the class name that stayed: a leg is `LegDetails_container__…` (2021-2024) or
 * `LegDetails_containerTicket__…` (2026); its departure and arrival halves `LegInfo_routePartialDepart__…` (2021-2024)
 * or `RoutePartial_routePartialDepart__…` (2025-2026). No page of those years is saved here: the saved page proves the
 * reading, and the same page with its classes renamed so (test/dom/skyscanner.test.ts) proves the names.
 */
const selectors = {
	/** Screen-reader summary of the whole itinerary, 2021 layout: the most stable sign of a card. */
	summary: '[class*="UpperTicketBody_screenReaderOnly__"]',
	/** One per leg (outbound, return); the outermost such box is the leg. */
	leg: '[class*="LegDetails_container"]',
	/** Card wrapper around the link, 2021 layout (ordinary results). */
	card: '[class*="FlightsTicket_container__"]',
	/** The ticket itself; the only wrapper of sponsored ("inline plus") cards, which have no link. */
	ticket: '[role="button"][class*="BpkTicket_"]',
	/** Departure and arrival halves of a leg, each with a clock and an airport code, whatever module names them. */
	depart: '[class*="_routePartialDepart__"]',
	arrive: '[class*="_routePartialArrive__"]',
	/** The clock and the code in a half, where the page names them (else the half's first and last line). */
	time: '[class*="_routePartialTime__"]',
	code: '[class*="_routePartialCityTooltip__"]',
	/** "Non-stop" / "1 stop" label (`stopsLabelGreen` / `stopsLabelRed`). */
	stopsLabel: '[class*="_stopsLabel"]:not([class*="_stopsLabelContainer"])',
	/** Stop airport codes of an indirect leg ("IAH"). */
	stopStation: '[class*="_stopStation__"]',
	/** The legs block: the badge goes right after it. */
	legs: '[class*="UpperTicketBody_legsContainer__"]',
	/** Booking link whose path holds every leg's dates. */
	configLink: 'a[href*="/config/"]',
};

const CLOCK_RE = /\d{1,2}[:.]\d{2}(?:\s*[AP]\.?M\.?)?/i;
const CODE_RE = /\b[A-Z]{3}\b/g;

type LegDates = {departs: string; arrives?: string; departClock?: string; arriveClock?: string};

function findCards(root: ParentNode): Element[] {
	const cards = new Set<Element>();
	for (const el of root.querySelectorAll(`${selectors.summary}, ${selectors.leg}`)) {
		const card = el.closest(selectors.card) ?? el.closest(selectors.ticket);
		if (card) cards.add(card);
	}
	return [...cards];
}

/** A card's legs: the outermost boxes of the leg selector (a leg box inside another is part of the same leg). */
function legsOf(card: Element): Element[] {
	return [...card.querySelectorAll(selectors.leg)].filter((leg) => {
		const outer = leg.parentElement?.closest(selectors.leg);
		return !outer || !card.contains(outer);
	});
}

/** A half's clock line and airport code: by their class names, else its first line and its last (every layout seen). */
function readHalf(half: Element | null): {clock: string; code: string} {
	const clock = text(half?.querySelector(selectors.time) ?? half?.firstElementChild);
	const code = text(half?.querySelector(selectors.code) ?? half?.lastElementChild);
	return {clock, code: /^[A-Z]{3}$/.test(code) ? code : ''};
}

/** What one leg row shows; a string says what is missing. */
function readLeg(leg: Element): LegView | string {
	const depart = readHalf(leg.querySelector(selectors.depart));
	const arrive = readHalf(leg.querySelector(selectors.arrive));
	const [from, to] = [depart.code, arrive.code];
	const departs = CLOCK_RE.exec(depart.clock)?.[0];
	const arrivalText = arrive.clock;
	const arrives = CLOCK_RE.exec(arrivalText)?.[0];
	if (!from || !to) return 'airport codes';
	if (!departs || !arrives) return 'times';
	const stops = [...leg.querySelectorAll(selectors.stopStation)].flatMap((el) => text(el).match(CODE_RE) ?? []);
	const labelEl = leg.querySelector(selectors.stopsLabel);
	const label = text(labelEl);
	// "1 stop", "2 stops", "1 przesiadka", "1次中转": a number is the count of stops, in any language; "Non-stop",
	// "Direkt" or "直飞" has none. Without a label or a stop shown, nothing says the leg is direct: not read as one.
	const stated = /\d+/.exec(label)?.[0];
	if (stated !== undefined && Number(stated) !== stops.length) return `stop airports (label "${label}", ${stops.length} shown)`;
	if (!labelEl && stops.length === 0) return 'stops';
	// Whatever follows the clock ("+1") is the arrival's day offset.
	const arrivalOffset = parseDayOffset(arrivalText.slice(arrivalText.indexOf(arrives) + arrives.length));
	return {from, to, stops, departs, arrives, arrivalOffset};
}

/** `…/config/10081-2103010815--32733-0-10803-2103011250|10803-2103311245--31722-1-10081-2103312131?…` → per-leg dates. */
export function parseConfigDates(href: string): LegDates[] | undefined {
	const path = /\/config\/([^?#]+)/.exec(href)?.[1];
	if (!path) return undefined;
	const legs: LegDates[] = [];
	for (const part of decodeURIComponent(path).replace(/\/$/, '').split('|')) {
		// origin-YYMMDDHHMM-carriers-stops-destination-YYMMDDHHMM; carrier ids are negative, hence the double dash.
		const m = /^\d+-(\d{10})-.+-\d+-\d+-(\d{10})$/.exec(part);
		if (!m) return undefined;
		const [dep, arr] = [m[1]!, m[2]!];
		legs.push({
			departs: `20${dep.slice(0, 2)}-${dep.slice(2, 4)}-${dep.slice(4, 6)}`,
			departClock: `${dep.slice(6, 8)}:${dep.slice(8, 10)}`,
			arrives: `20${arr.slice(0, 2)}-${arr.slice(2, 4)}-${arr.slice(4, 6)}`,
			arriveClock: `${arr.slice(6, 8)}:${arr.slice(8, 10)}`,
		});
	}
	return legs;
}

/**
 * The day view's path words: `/transport/flights/` on every country site (the English words), and the words a country
 * site gives its results pages in its own language (as public links to each site's results pages show, 2015-2026):
 * www.skyscanner.de `/transport/fluge/`, .fr `/transport/vols/`, .es and .com.mx `/transporte/vuelos/`, .it
 * `/trasporti/voli/`, .nl `/transport/vluchten/`, .pl `/transport/loty/`, .pt and .com.br `/transporte/voos/`, .com.br
 * `/transporte/passagens-aereas/`, .se `/transport/flyg/`, .dk `/transport/fly/`. Whole words only: the SEO pages
 * beside them (`/transport/flights-from/`, `/trasporti/voli-da/`, `/transporte/voos-para/`) are no results.
 */
const DAY_VIEW = String.raw`\/(?:transport\/(?:flights|fluge|vols|vluchten|loty|flyg|fly)|transporte\/(?:vuelos|voos|passagens-aereas)|trasporti\/voli)\/[^/]+\/[^/]+`;
const DAY_VIEW_PATH = new RegExp(`^${DAY_VIEW}`);
const DAY_VIEW_DATES = new RegExp(`^${DAY_VIEW}\\/((?:\\d{6}\\/?)+)`);

/** `/transport/flights/bos/cun/210301/210331/` (or `/transport/fluge/…`) → ['2021-03-01', '2021-03-31']; [] without dates. */
export function searchDatesFromUrl(url: URL): string[] {
	const m = DAY_VIEW_DATES.exec(url.pathname);
	if (!m) return [];
	return m[1]!
		.split('/')
		.filter(Boolean)
		.map((d) => `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`);
}

/** The search legs' dates in the page's `window["__internal"] = {…"searchParams": {…"legs":[…]}}` script. */
export function searchDatesFromPage(doc: Document): string[] {
	for (const script of doc.querySelectorAll('script')) {
		const body = script.textContent ?? '';
		if (!body.includes('window["__internal"]')) continue;
		// The script is JavaScript (it has `undefined` values), not JSON; the legs array itself is flat JSON objects.
		const legs = /"searchParams"\s*:\s*\{.*?"legs"\s*:\s*(\[[^\]]*\])/s.exec(body)?.[1];
		if (!legs) continue;
		try {
			const parsed: unknown = JSON.parse(legs);
			if (!Array.isArray(parsed)) continue;
			const dates = parsed.map((leg: unknown) =>
				typeof leg === 'object' && leg !== null && 'date' in leg && typeof leg.date === 'string' ? leg.date : '',
			);
			if (dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) return dates;
		} catch {
			continue;
		}
	}
	return [];
}

const sameClock = (shown: string, config: string | undefined) => config !== undefined && parseClock(shown) === parseClock(config);

function legDates(card: Element, page: PageContext, legs: LegView[]): LegDates[] | undefined {
	const href = (card.querySelector(selectors.configLink) ?? card.closest(selectors.configLink))?.getAttribute('href');
	const config = href ? parseConfigDates(href) : undefined;
	// The link is trusted only when it describes exactly what the card shows (a re-used node could carry a stale link).
	if (
		config?.length === legs.length &&
		legs.every((l, i) => sameClock(l.departs, config[i]!.departClock) && sameClock(l.arrives, config[i]!.arriveClock))
	) {
		return config;
	}
	for (const dates of [searchDatesFromUrl(page.url), searchDatesFromPage(card.ownerDocument)]) {
		if (dates.length === legs.length) return dates.map((departs) => ({departs}));
	}
	return undefined;
}

function extract(card: Element, page: PageContext): Extraction {
	const legs = readLegRows(card, legsOf, readLeg);
	if (!Array.isArray(legs)) return legs;
	const dates = legDates(card, page, legs);
	return legsItinerary(legs, (leg, i) => {
		const date = dates?.[i];
		const departs: RawTime = date ? {date: date.departs, time: leg.departs} : {time: leg.departs};
		// Without the link's arrival date: the leg's departure day plus the card's "+1" (none shown: same day). The
		// date is repeated on the arrival because an indirect leg's last segment has no departure to inherit it from.
		let arrives: RawTime = {time: leg.arrives};
		if (date?.arrives) arrives = {date: date.arrives, time: leg.arrives};
		else if (date)
			arrives = leg.arrivalOffset
				? {date: date.departs, time: leg.arrives, dayOffset: leg.arrivalOffset}
				: {date: date.departs, time: leg.arrives};
		else if (leg.arrivalOffset) arrives = {time: leg.arrives, dayOffset: leg.arrivalOffset};
		return {departs, arrives};
	});
}

/**
 * Skyscanner's own country sites that the content script runs on (all serve the same Backpack app under
 * /transport/flights/). On another of its country sites (www.skyscanner.pl, www.skyscanner.com.br), the popup's "Scan
 * this page" or "Always run on this site" reads the page with this adapter (`isSkyscannerHost`).
 */
const hosts = [
	'www.skyscanner.net',
	'www.skyscanner.com',
	'www.skyscanner.ca',
	'www.skyscanner.com.au',
	'www.skyscanner.co.nz',
	'www.skyscanner.ie',
	'www.skyscanner.co.in',
	'www.skyscanner.com.sg',
	'www.skyscanner.com.hk',
	'www.skyscanner.jp',
	'www.skyscanner.de',
	'www.skyscanner.fr',
	'www.skyscanner.es',
	'www.skyscanner.it',
	'www.skyscanner.nl',
];

/**
 * `www.skyscanner.` and a country domain (`net`, `pl`, `co.kr`, `com.br`, `net.xx`), never `skyscanner.pl.example.test`;
 * and Skyscanner's China site, 天巡 www.tianxun.com (where www.skyscanner.cn leads), whose day view public scripts for it
 * read at the same /transport/flights/<from>/<to>/<date>/ addresses and with the same class names as Skyscanner's.
 */
const isSkyscannerHost = (hostname: string) =>
	/^www\.skyscanner\.(?:(?:com?|net)\.)?[a-z]{2,3}$/.test(hostname) || hostname === 'www.tianxun.com';

export default defineAdapter({
	id: 'skyscanner',
	label: 'Skyscanner',
	confidence: 'structured',
	matches: hosts.map((h) => `https://${h}/*`),
	// Day view /transport/flights/<from>/<to>/<dates>/ (or the site's own words), 2021-2026; SEO pages such as
	// /transport/flights-from/ are not results.
	isOwnHost: isSkyscannerHost,
	isItineraryPage: (url) => isSkyscannerHost(url.hostname) && DAY_VIEW_PATH.test(url.pathname),
	examples: [
		'https://www.skyscanner.com/transport/flights/bos/cun/210301/210331/?adultsv2=1&cabinclass=economy&childrenv2=&inboundaltsenabled=false&outboundaltsenabled=false&preferdirects=false&ref=home&rtn=1',
		'https://www.skyscanner.net/transport/flights/lhr/pek/260615/?adultsv2=1&cabinclass=economy&rtn=0',
		'https://www.skyscanner.com.sg/transport/flights/sin/pvg/260701/260708/',
		'https://www.skyscanner.de/transport/fluge/fra/pek/260615/260701/?adultsv2=1&cabinclass=economy&rtn=1',
		'https://www.skyscanner.it/trasporti/voli/mxp/pvg/261210/',
	],
	counterExamples: [
		'https://www.skyscanner.net/',
		'https://www.skyscanner.com/flights',
		'https://www.skyscanner.net/transport/flights-from/lond/',
		'https://www.skyscanner.net/hotels',
		'https://www.skyscanner.it/trasporti/voli-da/veni/',
	],
	findCards,
	cardOf: (el) => {
		const card = el.closest(selectors.card) ?? el.closest(selectors.ticket);
		return card && findCards(card).includes(card) ? card : undefined;
	},
	extract: guardExtract(extract, 'unexpected card'),
	// A line of its own under the legs, else the end of the card.
	badgePlacements: (card) => placementsAt(card, selectors.legs, 'after'),
});
