/**
 * Google Flights results (2023, 2025 and 2026 layouts; see test/fixtures/SOURCES.md "Google Flights").
 *
 * What a card says, most stable first:
 * 1. `data-travelimpactmodelwebsiteurl` (2025+): every segment as ORG-DST-CARRIER-NUMBER-YYYYMMDD, language independent.
 * 2. The card's `role="link"` aria-label: one English sentence with the first departure, the last arrival and each
 *    layover's length and airport name (U+202F before AM/PM).
 * 3. The `ds:1` AF_initDataCallback script: the full result set with per-segment clocks, present even before cards
 *    render. Used to fill in connection times when it describes the same itinerary as the card.
 * Obfuscated class names (`li.pIav2d`) are only a last resort for finding cards.
 */
import {defineAdapter, type BadgePlacement, type Extraction} from './types';
import {type RawItinerary, type RawSegment} from '../itinerary';
import {parseDuration} from '../extract/parse';

const selectors = {
	/** Per-segment data, 2025+ pages; appears three times per card. */
	segmentData: '[data-travelimpactmodelwebsiteurl]',
	/** The whole itinerary as one sentence, all layouts 2023-2026. */
	sentence: '[role="link"][aria-label]',
	/** Result cards by class, 2023-2026 (obfuscated; kept as the fallback when the hooks above change). */
	cardByClass: 'li.pIav2d',
};

const SENTENCE_RE =
	/Leaves (.+?) at (\d{1,2}:\d{2}[\s\u202f]?[AP]M) on (.+?) and arrives at (.+?) at (\d{1,2}:\d{2}[\s\u202f]?[AP]M) on\s+(.+?)\./;
// "… is a 3 hr 5 min layover at Hong Kong International Airport in Hong Kong." or, when the airport changes,
// "… is a 6 hr 10 min layover in Osaka. Transfer here from Kansai International Airport to Osaka Itami Airport."
const LAYOVER_RE =
	/Layover \((\d+) of (\d+)\) is an? (.+?) (?:overnight )?layover (?:at (.+?) in ([^.]+)\.|in ([^.]+)\. Transfer here from (.+?) to (.+?)\.)/g;
const STOPS_RE = /\b(?:(\d+) stops? flight|(Nonstop) flight)/;

type Layover = {minutes?: number; arrive: string; depart: string};

type Sentence = {
	from: string;
	to: string;
	departs: {time: string; date: string};
	arrives: {time: string; date: string};
	layovers: Layover[];
	/** How many stops the sentence announces ("1 stop flight", "Nonstop flight"), when it says. */
	stops?: number;
};

export function parseSentence(label: string): Sentence | undefined {
	const m = SENTENCE_RE.exec(label);
	if (!m) return undefined;
	const layovers = [...label.matchAll(LAYOVER_RE)].map((l): Layover => {
		const minutes = parseDuration(l[3]!);
		const [arrive, depart] = l[4] ? [l[4], l[4]] : [l[7]!, l[8]!];
		return minutes === undefined ? {arrive, depart} : {minutes, arrive, depart};
	});
	const stops = STOPS_RE.exec(label);
	const sentence: Sentence = {
		from: m[1]!,
		departs: {time: m[2]!, date: m[3]!},
		to: m[4]!,
		arrives: {time: m[5]!, date: m[6]!.trim()},
		layovers,
	};
	if (stops) sentence.stops = stops[2] ? 0 : Number(stops[1]);
	return sentence;
}

type ImpactSegment = {from: string; to: string; flight: string; date: string};

/** One leg of the segment data, `FROM-TO-AIRLINE-NUMBER-YYYYMMDD`, with its parts captured. */
const IMPACT_LEG = String.raw`([A-Z]{3})-([A-Z]{3})-([A-Z0-9]{2})-(\d{1,4}[A-Z]?)-(\d{4})(\d{2})(\d{2})`;
const IMPACT_LEG_PARTS = new RegExp(`^${IMPACT_LEG}$`);
/** A whole `itinerary=` value: legs, comma-separated. */
const IMPACT_ITINERARY = new RegExp(`^${IMPACT_LEG}(?:,${IMPACT_LEG})*$`);

/** The segment data's `itinerary=` value, decoded, when it is whole and well formed; else undefined. */
function impactItinerary(url: string): string | undefined {
	const itinerary = /[?&]itinerary=([^&]+)/.exec(url)?.[1];
	if (!itinerary) return undefined;
	const text = decodeURIComponent(itinerary);
	return IMPACT_ITINERARY.test(text) ? text : undefined;
}

/** `…?itinerary=BNE-SGN-VJ-84-20260402,SGN-HAN-VJ-126-20260403` → segments. */
export function parseImpactUrl(url: string): ImpactSegment[] | undefined {
	const text = impactItinerary(url);
	if (!text) return undefined;
	return text.split(',').map((part) => {
		const m = IMPACT_LEG_PARTS.exec(part)!;
		return {from: m[1]!, to: m[2]!, flight: `${m[3]}${m[4]}`, date: `${m[5]}-${m[6]}-${m[7]}`};
	});
}

/**
 * The airports of each leg in the segment data (`BNE-SGN-…,SGN-HAN-…` → BNE SGN SGN HAN): what parseImpactUrl reads
 * of them, without making its segments. Every card on a results page is asked for its route, so fixed-place slices of
 * the value checked once, rather than a match and an object a leg.
 */
export function impactRoute(url: string): string[] | undefined {
	const text = impactItinerary(url);
	if (!text) return undefined;
	const codes: string[] = [];
	for (let at = 0; at < text.length;) {
		codes.push(text.slice(at, at + 3), text.slice(at + 4, at + 7));
		const comma = text.indexOf(',', at);
		at = comma < 0 ? text.length : comma + 1;
	}
	return codes;
}

/**
 * The flight numbers in a `data-gs` value: a base64 protobuf whose length-delimited fields include `LH1355|LH242`.
 * Reads top-level fields only; undefined when none looks like a flight-number list.
 */
function parseDataGs(value: string): string[] | undefined {
	let bytes: string;
	try {
		const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
		bytes = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
	} catch {
		return undefined;
	}
	const varint = (at: number): [number, number] => {
		let result = 0;
		let shift = 0;
		let i = at;
		while (i < bytes.length && shift < 35) {
			const b = bytes.charCodeAt(i++);
			result += (b & 0x7f) * 2 ** shift;
			if (b < 0x80) return [result, i];
			shift += 7;
		}
		return [-1, bytes.length];
	};
	let i = 0;
	while (i < bytes.length) {
		const [tag, afterTag] = varint(i);
		if (tag < 0) return undefined;
		const wire = tag & 7;
		if (wire === 0) i = varint(afterTag)[1];
		else if (wire === 2) {
			const [len, start] = varint(afterTag);
			if (len < 0 || start + len > bytes.length) return undefined;
			const field = bytes.slice(start, start + len);
			if (/^[A-Z0-9]{2}\d{1,4}(\|[A-Z0-9]{2}\d{1,4})*$/.test(field)) return field.split('|');
			i = start + len;
		} else if (wire === 1) i = afterTag + 8;
		else if (wire === 5) i = afterTag + 4;
		else return undefined;
	}
	return undefined;
}

// ---- ds:1 embedded data ------------------------------------------------------------------------------------------

type Ds1Itinerary = RawItinerary & {key: string; routeKey: string};

const pad = (n: number) => String(n).padStart(2, '0');
const isCode = (x: unknown): x is string => typeof x === 'string' && /^[A-Z]{3}$/.test(x);
const isDate = (x: unknown): x is [number, number, number] => Array.isArray(x) && x.length === 3 && x.every((n) => typeof n === 'number');
const clock = (x: unknown): string | undefined => {
	if (!Array.isArray(x)) return undefined;
	const [h, m] = x as [unknown, unknown];
	if ((h !== null && h !== undefined && typeof h !== 'number') || (m !== null && m !== undefined && typeof m !== 'number'))
		return undefined;
	return `${pad(typeof h === 'number' ? h : 0)}:${pad(typeof m === 'number' ? m : 0)}`;
};

/**
 * A segment record in ds:1:
 * [_, _, _, FROM, fromName, toName, TO, _, [h,m], _, [h,m], minutes, …, [y,m,d], [y,m,d], [carrier, number, …]].
 */
function asDs1Segment(x: unknown): RawSegment | undefined {
	if (!Array.isArray(x) || x.length < 23) return undefined;
	// The cheap tests first: most arrays this long in the payload are not segments, and their clocks need not be read.
	const [from, to, depDate, arrDate, flight] = [x[3], x[6], x[20], x[21], x[22]];
	if (!isCode(from) || !isCode(to) || !isDate(depDate) || !isDate(arrDate)) return undefined;
	const dep = clock(x[8]);
	const arr = clock(x[10]);
	if (!dep || !arr) return undefined;
	const segment: RawSegment = {
		from,
		to,
		departs: {date: `${depDate[0]}-${pad(depDate[1])}-${pad(depDate[2])}`, time: dep},
		arrives: {date: `${arrDate[0]}-${pad(arrDate[1])}-${pad(arrDate[2])}`, time: arr},
	};
	if (Array.isArray(flight) && typeof flight[0] === 'string' && typeof flight[1] === 'string')
		segment.flight = `${flight[0]}${flight[1]}`;
	return segment;
}

/** `key`: the flights (`CX851|CX504`); `routeKey`: the airports and the first departure (`SFO-HKG-NRT@2025-08-20T00:05`). */
function keysOf(segments: RawSegment[]): {key: string; routeKey: string} {
	return {
		key: segments.map((s) => s.flight ?? '?').join('|'),
		routeKey: `${[segments[0]!.from, ...segments.map((s) => s.to)].join('-')}@${segments[0]!.departs?.date}T${segments[0]!.departs?.time}`,
	};
}

/**
 * Every itinerary in a ds:1 payload (the script text), each once; [] when the text is not a readable ds:1. The same
 * itinerary appears in several lists of the payload; itineraries that only share their first flight (CX851 then CX526,
 * CX504 or CX520) are distinct: an itinerary is its route, first departure and flights together.
 */
export function parseDs1(scriptText: string): Ds1Itinerary[] {
	const start = scriptText.indexOf('data:');
	const end = scriptText.lastIndexOf(', sideChannel');
	if (!scriptText.includes("'ds:1'") || start < 0 || end < start) return [];
	let data: unknown;
	try {
		data = JSON.parse(scriptText.slice(start + 5, end));
	} catch {
		return [];
	}
	const found = new Map<string, Ds1Itinerary>();
	const walk = (node: unknown, depth: number) => {
		if (!Array.isArray(node) || depth > 40) return;
		// A list of segments: tried whole only when its first entry reads as one (most lists of lists are not).
		if (node.length > 0 && asDs1Segment(node[0])) {
			const segments = node.map(asDs1Segment);
			if (segments.every((s): s is RawSegment => s !== undefined)) {
				const keys = keysOf(segments);
				const id = `${keys.routeKey}#${keys.key}`;
				if (!found.has(id)) found.set(id, {segments, ...keys});
				return;
			}
		}
		for (const child of node) walk(child, depth + 1);
	};
	walk(data, 0);
	return [...found.values()];
}

/**
 * A page's ds:1 itineraries, with two indexes built once so a card finds its own in one look-up: by flights and first
 * departure date (what the segment data says) and by flights and first departure clock (what `data-gs` and the
 * sentence say, 2023 layout).
 */
type Ds1Page = {all: Ds1Itinerary[]; raws: RawItinerary[]; byDate: Map<string, Ds1Itinerary>; byClock: Map<string, Ds1Itinerary>};

const ds1Cache = new WeakMap<Document, Ds1Page>();

function ds1Of(doc: Document): Ds1Page {
	let cached = ds1Cache.get(doc);
	if (!cached) {
		const script = [...doc.querySelectorAll('script')].find((s) => s.textContent?.includes("key: 'ds:1'"));
		const all = script?.textContent ? parseDs1(script.textContent) : [];
		// `raws`: the same list each time it is asked for, so the scanner knows it judged it already.
		cached = {all, raws: all.map(({segments}) => ({segments})), byDate: new Map(), byClock: new Map()};
		for (const it of all) {
			const first = it.segments[0]!.departs;
			// The first of equals wins, as in page order.
			if (!cached.byDate.has(`${it.key}@${first?.date}`)) cached.byDate.set(`${it.key}@${first?.date}`, it);
			if (!cached.byClock.has(`${it.key}@${first?.time}`)) cached.byClock.set(`${it.key}@${first?.time}`, it);
		}
		ds1Cache.set(doc, cached);
	}
	return cached;
}

// ---- the card -----------------------------------------------------------------------------------------------------

const isSentence = (el: Element) =>
	el.getAttribute('role') === 'link' && /\bLeaves .+ arrives at /.test(el.getAttribute('aria-label') ?? '');

/** The card around a hook (native `closest`: a walk in script cost 4 ms of a 500-card page). */
const closestLi = (el: Element): Element | undefined => el.closest('li') ?? undefined;

/**
 * Each card's first segment-data element, as findCards met it: the route of every card on a results page is read
 * (routeOf), and looking the element up again cost a query a card. For the card's next routeOf only, and only while it
 * is still in its card: a card read again has changed, and the page may have put new segment data before the element
 * met here (extract, which reads a card once its route says it may need a badge, always looks it up).
 */
const segmentDataOf = new WeakMap<Element, Element>();

function findCards(root: ParentNode): Element[] {
	// A card handed over by itself (the page adds its cards an `li` at a time): its first segment-data element says it
	// is a card, found by a query that stops there (a third of the way into a card on the saved pages) rather than one
	// that walks the whole card and returns each of the three. Google Flights' cards hold no list items of their own;
	// should one appear, the search below reads the element's own item as the card.
	if ((root as Element).localName === 'li') {
		const card = root as Element;
		const hook = card.querySelector(selectors.segmentData);
		if (hook && closestLi(hook) === card && !hook.hasAttribute('aria-label')) {
			segmentDataOf.set(card, hook);
			return [card];
		}
	}
	const cards = new Set<Element>();
	// 2025+ cards carry the segment data; only without it (2023) look for the sentence: one selector per page, not two.
	let hooks = root.querySelectorAll(selectors.segmentData);
	const bySegmentData = hooks.length > 0;
	if (!bySegmentData) hooks = root.querySelectorAll(selectors.sentence);
	const first = new Map<Element, Element>();
	for (const el of hooks) {
		const skip = el.hasAttribute('aria-label') && !isSentence(el);
		if (skip && !bySegmentData) continue;
		const card = closestLi(el);
		if (!card) continue;
		if (bySegmentData && !first.has(card)) first.set(card, el);
		if (!skip) cards.add(card);
	}
	// A card wholly inside the searched root: its first segment-data element in document order is the first met.
	for (const [card, el] of first) if (cards.has(card) && (root as Node).contains(card)) segmentDataOf.set(card, el);
	if (cards.size === 0) for (const el of root.querySelectorAll(selectors.cardByClass)) cards.add(el);
	return [...cards];
}

/*
 * The card's hooks, each looked up only when it is needed (one simple query each: Chromium answers those in about
 * 2 µs a card, where one query with several selectors together took 30 µs, as querySelectorAll walks the whole card
 * and matches every element against each of them): the segment data, which with the embedded data is often all a
 * card needs; the sentence (role=link aria-label); the price's `data-gs` flight numbers (2023 layout); and the
 * "Leaves … and arrives at …" times line, which only the badge's placement needs.
 */
const impactUrlOf = (card: Element, remembered = false) => {
	const seen = remembered ? segmentDataOf.get(card) : undefined;
	if (seen) segmentDataOf.delete(card);
	const hook = seen && card.contains(seen) ? seen : card.querySelector(selectors.segmentData);
	return hook?.getAttribute('data-travelimpactmodelwebsiteurl') ?? undefined;
};
const sentenceOf = (card: Element) => card.querySelector('[role="link"][aria-label*="Leaves "]');
const gsOf = (card: Element) => card.querySelector('[data-gs]')?.getAttribute('data-gs') ?? undefined;

/** The first "Leaves …" label that is not the sentence (querySelector stops at it; querySelectorAll walks the card). */
function timesOf(card: Element): Element | undefined {
	const times = card.querySelector('[aria-label^="Leaves "]');
	if (!times) return undefined;
	// Not a link: not the sentence, which is one (the card is not searched for it, as a badge's placement costs a query
	// less this way).
	if (times.getAttribute('role') !== 'link') return times;
	const sentence = sentenceOf(card);
	return times !== sentence ? times : [...card.querySelectorAll('[aria-label^="Leaves "]')].find((el) => el !== sentence);
}

function extract(card: Element): Extraction {
	const impactUrl = impactUrlOf(card);
	const impact = impactUrl ? parseImpactUrl(impactUrl) : undefined;
	// The embedded data, when it holds this very itinerary, has every clock: the sentence is not needed then.
	const embedded = ds1Of(card.ownerDocument);
	if (impact) {
		const match = embedded.byDate.get(`${impact.map((s) => s.flight).join('|')}@${impact[0]!.date}`);
		if (match) return {status: 'ok', itinerary: {segments: match.segments}};
	}
	const label = sentenceOf(card)?.getAttribute('aria-label') ?? undefined;
	const sentence = label ? parseSentence(label) : undefined;
	if (!sentence && !impact) {
		return label === undefined
			? {status: 'incomplete', missing: ['itinerary sentence']}
			: {status: 'failed', reason: 'itinerary sentence not understood'};
	}
	if (impact) {
		if (
			sentence &&
			(sentence.layovers.length !== impact.length - 1 || (sentence.stops ?? sentence.layovers.length) !== sentence.layovers.length)
		) {
			return {status: 'failed', reason: 'layover count differs from segment count'};
		}
		const segments: RawSegment[] = impact.map((s, i) => {
			const seg: RawSegment = {from: s.from, to: s.to, flight: s.flight, departs: {date: s.date}};
			if (i === 0 && sentence) seg.departs = {date: s.date, time: sentence.departs.time};
			if (i === impact.length - 1 && sentence) seg.arrives = {date: sentence.arrives.date, time: sentence.arrives.time};
			const minutes = sentence?.layovers[i]?.minutes;
			if (minutes !== undefined) seg.connectionMinutes = minutes;
			return seg;
		});
		return {status: 'ok', itinerary: {segments}};
	}
	// 2023 layout (and 2025 cards without the segment data): airports from the hidden codes row (origin,
	// destination, then the layovers': "WRO FCO FRA"; two codes where the airport changes), by name from the
	// sentence when that row is missing or does not add up.
	const s = sentence!;
	if (s.stops !== undefined && s.stops !== s.layovers.length) return {status: 'failed', reason: 'layovers not understood'};
	const codes = routeCodes(card);
	const needed = 2 + s.layovers.reduce((n, l) => n + (l.arrive === l.depart ? 1 : 2), 0);
	let ends: [string, string] = [s.from, s.to];
	let stops = s.layovers.map((l) => [l.arrive, l.depart] as const);
	if (codes && codes.length === needed) {
		ends = [codes[0]!, codes[1]!];
		let next = 2;
		stops = s.layovers.map(
			(l) => (l.arrive === l.depart ? [codes[next], codes[next++]] : [codes[next++], codes[next++]]) as [string, string],
		);
	}
	const legs: [string, string][] = [];
	let at = ends[0];
	for (const [arrive, depart] of stops) {
		legs.push([at, arrive]);
		at = depart;
	}
	legs.push([at, ends[1]]);
	const segments: RawSegment[] = legs.map(([from, to], i) => {
		const seg: RawSegment = {from, to};
		if (i === 0) seg.departs = s.departs;
		if (i === legs.length - 1) seg.arrives = s.arrives;
		const minutes = s.layovers[i]?.minutes;
		if (minutes !== undefined && i < legs.length - 1) seg.connectionMinutes = minutes;
		return seg;
	});
	// The price element names the flights: the embedded record with the same flights is this card's.
	const gs = gsOf(card);
	const flights = gs ? parseDataGs(gs) : undefined;
	if (flights && flights.length === segments.length) {
		const match = embedded.byClock.get(`${flights.join('|')}@${to24(s.departs.time)}`);
		if (match) return {status: 'ok', itinerary: {segments: match.segments}};
		segments.forEach((seg, i) => (seg.flight = flights[i]));
	}
	return {status: 'ok', itinerary: {segments}};
}

/**
 * Airport codes shown on the card (2023-2026): origin and destination in an aria-hidden row under the times, the
 * layovers' codes inside the "Layover (1 of m) …" element. Returned as origin, destination, layovers.
 */
function routeCodes(card: Element): string[] | undefined {
	const leafCodes = (el: Element) =>
		[...el.querySelectorAll('span')]
			.filter((span) => span.childElementCount === 0)
			.map((span) => span.textContent?.trim() ?? '')
			.filter((t) => /^[A-Z]{3}$/.test(t));
	const ends = [...card.querySelectorAll('[aria-hidden="true"]')].map(leafCodes).find((codes) => codes.length === 2);
	if (!ends) return undefined;
	// One element holds every layover's code, in order.
	const layovers = [...card.querySelectorAll('[aria-label^="Layover ("]')].flatMap(leafCodes);
	return [...ends, ...layovers];
}

function to24(text: string): string {
	const m = /(\d{1,2}):(\d{2})[\s\u202f]?([AP])M/.exec(text);
	if (!m) return text;
	const h = (Number(m[1]) % 12) + (m[3] === 'P' ? 12 : 0);
	return `${pad(h)}:${m[2]}`;
}

/**
 * Google's own domains that Google Flights is opened on: a traveller's Google country site keeps its host
 * (www.google.ca/travel/flights/search?…); the saved pages here were captured on www.google.ca, www.google.de,
 * www.google.com.br and www.google.com (their `<base href>`). The markets of the Kayak and Skyscanner lists, and
 * Brazil. On another Google country site, the popup's "Scan this page" or "Always run on this site" reads the page
 * with this adapter (`isGoogleHost`).
 */
const hosts = [
	'www.google.com',
	'www.google.co.uk',
	'www.google.ie',
	'www.google.ca',
	'www.google.com.au',
	'www.google.co.nz',
	'www.google.co.in',
	'www.google.com.sg',
	'www.google.com.hk',
	'www.google.co.jp',
	'www.google.de',
	'www.google.fr',
	'www.google.es',
	'www.google.it',
	'www.google.nl',
	'www.google.com.br',
];

/** `www.google.` and a country domain: `com`, `de`, `co.uk`, `com.br` (never `google.com.example.test`). */
const isGoogleHost = (hostname: string) => /^www\.google\.(?:com?\.)?[a-z]{2,3}$/.test(hostname);

export default defineAdapter({
	id: 'google-flights',
	label: 'Google Flights',
	confidence: 'structured',
	// Results and booking pages live under /travel/flights on Google's domains (2023-2026 layouts).
	matches: hosts.map((h) => `https://${h}/travel/flights*`),
	isItineraryPage: (url) => isGoogleHost(url.hostname) && url.pathname.startsWith('/travel/flights'),
	examples: [
		'https://www.google.com/travel/flights/search?tfs=CBwQAhoeEgoyMDI2LTAzLTE1agcIARIDSkZLcgcIARIDTlJU',
		'https://www.google.com/travel/flights?q=Flights%20to%20PEK%20from%20JFK',
		'https://www.google.com/travel/flights/booking?tfs=CBwQAhoe',
		'https://www.google.ca/travel/flights/search?tfs=CBwQAhoeEgoyMDI1LTA4LTIwagcIARIDU0ZPcgcIARIDTlJU&hl=en',
		'https://www.google.co.uk/travel/flights?hl=en-GB',
		'https://www.google.com.br/travel/flights/search?tfs=CBwQAhoe&hl=en',
	],
	counterExamples: [
		'https://www.google.com/search?q=flights',
		'https://www.google.com/maps',
		'https://www.google.de/search?q=fl%C3%BCge',
		'https://maps.google.co.uk/travel/flights',
		'https://www.google.com.example.test/travel/flights',
	],
	findCards,
	// The sentence and the segment data are attributes: a card can change in them alone.
	watchAttributes: ['aria-label', 'data-travelimpactmodelwebsiteurl'],
	cardOf: (el) => {
		const li = closestLi(el);
		return li && findCards(li).includes(li) ? li : undefined;
	},
	extract: (card) => extract(card),
	// The segment data names every leg's airports: most cards are known to need no badge from it alone.
	routeOf: (card) => {
		const url = impactUrlOf(card, true);
		return url ? impactRoute(url) : undefined;
	},
	extractEmbedded: (doc) => ds1Of(doc).raws,
	// The ds:1 data comes with the page; its cards follow as the page renders.
	cardsFollowData: true,
	referenceDate: (url) => referenceDateFromUrl(url),
	// The times ("12:05 AM – 1:40 PM+1") sit in a one-line `nowrap; overflow: hidden; text-overflow: ellipsis` box that
	// a badge inside would overflow, and the row around them has a fixed height. So: a line of its own at the end of
	// the card's content block (inside its frame: the times' ancestor two levels under the card), else the end of the
	// card, under its frame.
	badgePlacements: (card) => {
		const places: BadgePlacement[] = [];
		// The times' ancestors up to the card, each read once (every read is a call into the page's DOM).
		const path: Element[] = [];
		let at: Element | null | undefined = timesOf(card);
		for (; at && at !== card; at = at.parentElement) path.push(at);
		const block = at === card ? path[path.length - 2] : undefined;
		if (block) places.push({anchor: block, append: 'last'});
		places.push({anchor: card, append: 'last'});
		return places;
	},
});

/** The search date in a Google Flights URL: `tfs` is base64 protobuf holding `YYYY-MM-DD` strings. */
export function referenceDateFromUrl(url: URL): string | undefined {
	const tfs = url.searchParams.get('tfs');
	if (!tfs) return undefined;
	try {
		const b64 = tfs.replace(/-/g, '+').replace(/_/g, '/');
		const bytes = atob(b64.padEnd(Math.ceil(b64.length / 4) * 4, '='));
		return /\d{4}-\d{2}-\d{2}/.exec(bytes)?.[0];
	} catch {
		return undefined;
	}
}
