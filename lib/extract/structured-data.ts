/**
 * schema.org `FlightReservation` / `Flight` in JSON-LD and microdata → RawItinerary. Airline confirmation pages and
 * e-mails carry it (Gmail markup), so it is a site-independent, structured source. Reports the page's own values
 * only: airports as given, local wall-clock parts of the ISO times, no normalisation.
 */
import type {RawItinerary, RawSegment, RawTime} from '../itinerary';

/** A JSON-LD node or a microdata item reduced to the same shape: property → values. */
type Node = {types: string[]; props: Map<string, Value[]>};
type Value = string | Node;

type Entry = {reservationNumber?: string; segment: RawSegment; boardingDay?: number};

export function extractStructuredData(root: ParentNode): RawItinerary[] {
	const entries: Entry[] = [];
	let candidates: Element[];
	try {
		// One query keeps JSON-LD and microdata in document order relative to each other.
		candidates = Array.from(root.querySelectorAll('script[type], [itemscope]'));
	} catch {
		return [];
	}
	const items = new Map<Element, Node>();
	const consumed = new Set<Node>();
	for (const el of candidates) {
		if (el.hasAttribute('itemscope')) {
			const node = microdataItem(el, root, items);
			for (const flight of reservationFlights(node)) consumed.add(flight);
		}
	}
	for (const el of candidates) {
		if (el.hasAttribute('itemscope')) {
			const node = items.get(el);
			if (!node || consumed.has(node)) continue;
			// Reservations count wherever broken markup nested them; a Flight that is another item's property (a
			// ticket, an order line) is not a booked leg of its own.
			if (isType(node, 'FlightReservation') || !el.hasAttribute('itemprop')) collect(node, entries);
		} else if (isJsonLdScript(el)) {
			for (const node of jsonLdNodes(el.textContent ?? '')) collect(node, entries);
		}
	}
	settleNumericDates(entries);
	return group(entries);
}

// ---------------------------------------------------------------------------------------------------------------
// schema.org → segments

function isType(node: Node, type: string): boolean {
	return node.types.includes(type);
}

/** `http://schema.org/Flight`, `https://schema.org/Flight`, `schema:Flight`, `Flight` → `Flight`. */
function typeName(raw: string): string | undefined {
	const t = raw.trim();
	const m = /^(?:https?:\/\/(?:www\.)?schema\.org\/|schema:)?([A-Za-z]+)$/.exec(t);
	return m?.[1];
}

function reservationFlights(node: Node): Node[] {
	if (!isType(node, 'FlightReservation')) return [];
	return nodes(node, 'reservationFor').filter((n) => isType(n, 'Flight'));
}

function collect(node: Node, out: Entry[]) {
	if (isType(node, 'FlightReservation')) {
		const reservationNumber = text(node, 'reservationNumber');
		const flights = reservationFlights(node);
		for (const flight of flights) {
			const segment = flightSegment(flight);
			if (!segment) continue;
			const entry: Entry = reservationNumber ? {reservationNumber, segment} : {segment};
			// The bar code is the reservation's; it dates its flight only when there is one.
			const day = flights.length === 1 ? boardingPassDay(text(node, 'ticketToken'), segment) : undefined;
			if (day !== undefined) entry.boardingDay = day;
			out.push(entry);
		}
	} else if (isType(node, 'Flight')) {
		const segment = flightSegment(node);
		if (segment) out.push({segment});
	}
}

function flightSegment(flight: Node): RawSegment | undefined {
	const from = airport(flight, 'departureAirport');
	const to = airport(flight, 'arrivalAirport');
	// A leg without both ends cannot be placed; leave it out rather than guess.
	if (!from || !to) return undefined;
	const segment: RawSegment = {from, to};
	const departs = localTime(text(flight, 'departureTime'));
	if (departs) segment.departs = departs;
	const arrives = localTime(text(flight, 'arrivalTime'));
	if (arrives) segment.arrives = arrives;
	const number = flightNumber(flight);
	if (number) segment.flight = number;
	return segment;
}

function airport(flight: Node, prop: string): string | undefined {
	for (const v of values(flight, prop)) {
		if (typeof v === 'string') {
			if (v.trim()) return v.trim();
			continue;
		}
		const code = text(v, 'iataCode');
		if (code) return code.toUpperCase();
		const name = text(v, 'name');
		if (name) return name;
	}
	return undefined;
}

function flightNumber(flight: Node): string | undefined {
	const number = text(flight, 'flightNumber')?.replace(/\s+/g, '');
	if (!number) return undefined;
	// Some senders already put the carrier in flightNumber (`LH2029`); only a bare number needs one.
	if (!/^\d{1,4}[A-Z]?$/i.test(number)) return number.toUpperCase();
	const carrier = nodes(flight, 'airline')
		.map((a) => text(a, 'iataCode'))
		.find(Boolean);
	// Digits alone are not a flight designator.
	return carrier ? `${carrier.toUpperCase()}${number.toUpperCase()}` : undefined;
}

/**
 * The wall-clock parts as written. The offset is dropped on purpose: schema.org times are local to the airport,
 * which is what the engine compares; converting through UTC would shift them into the reader's zone.
 */
function localTime(value: string | undefined): RawTime | undefined {
	if (!value) return undefined;
	const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
	if (m) return m[2] ? {date: m[1]!, time: `${m[2]}:${m[3]}`} : {date: m[1]!};
	// Not ISO, as some senders write it: `02-02-2018 18:35`. Day and month are settled later (settleNumericDates).
	const n = NUMERIC_DATE.exec(value);
	if (!n) return undefined;
	const date = `${n[1]!.padStart(2, '0')}-${n[2]!.padStart(2, '0')}-${n[3]}`;
	return n[4] ? {date, time: `${n[4].padStart(2, '0')}:${n[5]}`} : {date};
}

/** `02-04-2018 20:40`, `2.4.2018`, `02/04/2018T20:40`: day and month in an order the text does not say. */
const NUMERIC_DATE = /^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:(?:[T ]|,\s*)(\d{1,2}):(\d{2}))?/;
const PENDING = /^(\d{2})-(\d{2})-(\d{4})$/;

type Order = 'day-month' | 'month-day';

/**
 * Numeric dates (`02-04-2018`) to ISO, once their order is known: from the document, where any date with a part over
 * 12 settles it for all; else, for one flight, from its boarding-pass bar code's day of the year. A date still
 * ambiguous is left out with its clock (2 April or 4 February: an unknown date is better than a wrong one).
 */
function settleNumericDates(entries: Entry[]) {
	const pending = entries.flatMap(({segment}) => [segment.departs, segment.arrives]).filter((t) => t?.date && PENDING.test(t.date));
	if (pending.length === 0) return;
	const seen = new Set<Order>();
	for (const t of pending) {
		const [, a, b] = PENDING.exec(t!.date!)!;
		if (Number(a) > 12) seen.add('day-month');
		else if (Number(b) > 12) seen.add('month-day');
	}
	// A document that writes both ways says nothing.
	const documentOrder = seen.size === 1 ? [...seen][0] : undefined;
	for (const entry of entries) {
		const {departs} = entry.segment;
		let order = documentOrder;
		if (!order && departs?.date && entry.boardingDay !== undefined) {
			const fits = (['day-month', 'month-day'] as const).filter((o) => dayOfYear(isoDate(departs.date!, o)) === entry.boardingDay);
			if (fits.length > 0) order = fits[0]; // both fit only when day and month are the same number
		}
		for (const key of ['departs', 'arrives'] as const) {
			const t = entry.segment[key];
			if (!t?.date || !PENDING.test(t.date)) continue;
			const [dayFirst, monthFirst] = [isoDate(t.date, 'day-month'), isoDate(t.date, 'month-day')];
			// `02-02-2018` reads the same either way.
			const iso = order ? isoDate(t.date, order) : dayFirst === monthFirst ? dayFirst : undefined;
			if (iso) t.date = iso;
			else delete entry.segment[key];
		}
	}
}

function isoDate(pending: string, order: Order): string | undefined {
	const [, a, b, year] = PENDING.exec(pending) ?? [];
	if (!year) return undefined;
	const [day, month] = order === 'day-month' ? [a!, b!] : [b!, a!];
	const probe = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	return probe.getUTCMonth() === Number(month) - 1 && Number(day) > 0 ? `${year}-${month}-${day}` : undefined;
}

function dayOfYear(iso: string | undefined): number | undefined {
	if (!iso) return undefined;
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/**
 * The day of the year of the flight in a boarding pass bar code (IATA BCBP, Resolution 792), as schema.org's
 * `ticketToken` carries it (`qrCode:M1…`, `aztecCode:M1…`): after `M1`, the name (20), the e-ticket mark (1), the
 * booking reference (7), from (3), to (3), carrier (3), flight number (5), then the Julian date (3). Only when the
 * bar code's airports are the segment's own.
 */
function boardingPassDay(token: string | undefined, segment: RawSegment): number | undefined {
	const m = /^(?:[a-zA-Z0-9]+:)?M[1-4].{20}.{8}([A-Z]{3})([A-Z]{3}).{8}(\d{3})/.exec(token ?? '');
	if (!m || m[1] !== segment.from || m[2] !== segment.to) return undefined;
	const day = Number(m[3]);
	return day >= 1 && day <= 366 ? day : undefined;
}

function group(entries: Entry[]): RawItinerary[] {
	const itineraries: RawItinerary[] = [];
	const byNumber = new Map<string, RawItinerary>();
	const seen = new WeakMap<RawItinerary, Set<string>>(); // each itinerary's legs, as keys: one look-up a leg
	let open: RawItinerary | undefined; // the current run of reservations without a number
	for (const {reservationNumber, segment} of entries) {
		let target: RawItinerary;
		if (reservationNumber) {
			open = undefined;
			const key = reservationNumber.trim().toUpperCase();
			let existing = byNumber.get(key);
			if (!existing) {
				existing = {segments: []};
				byNumber.set(key, existing);
				itineraries.push(existing);
			}
			target = existing;
		} else {
			if (!open) {
				open = {segments: []};
				itineraries.push(open);
			}
			target = open;
		}
		// One reservation per passenger, or the same data as JSON-LD and microdata, repeats a leg: keep it once.
		let keys = seen.get(target);
		if (!keys) seen.set(target, (keys = new Set()));
		const key = JSON.stringify(segment);
		if (keys.has(key)) continue;
		keys.add(key);
		target.segments.push(segment);
	}
	return itineraries.filter((i) => i.segments.length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Property access shared by both syntaxes

function values(node: Node, prop: string): Value[] {
	return node.props.get(prop) ?? [];
}

function nodes(node: Node, prop: string): Node[] {
	return values(node, prop).filter((v): v is Node => typeof v !== 'string');
}

function text(node: Node, prop: string): string | undefined {
	for (const v of values(node, prop)) {
		if (typeof v === 'string' && v.trim()) return v.trim();
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON-LD

function isJsonLdScript(el: Element): boolean {
	return el.localName === 'script' && (el.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

function jsonLdNodes(source: string): Node[] {
	// Mail templates sometimes hide the block from old clients with comment or CDATA wrappers.
	const body = source
		.trim()
		.replace(/^(?:<!--|<!\[CDATA\[)/, '')
		.replace(/(?:-->|\]\]>)$/, '');
	let data: unknown;
	try {
		data = JSON.parse(body);
	} catch {
		try {
			data = parseLenient(body);
		} catch {
			return [];
		}
	}
	const out: Node[] = [];
	const top = Array.isArray(data) ? data : [data];
	for (const item of top) {
		if (!isObject(item)) continue;
		const graph = item['@graph'];
		if (Array.isArray(graph)) {
			for (const g of graph) if (isObject(g)) out.push(jsonNode(g, 0));
		} else if (isObject(graph)) out.push(jsonNode(graph, 0));
		else out.push(jsonNode(item, 0));
	}
	return out;
}

/**
 * JSON that some senders break by leaving out the commas between objects (`[{…}{…}]`, `{…}\n{…}`): the commas put back
 * outside strings, and objects that follow each other at the top level read as an array. Linear: the string token
 * always matches (to the end, when a string is never closed), so the pattern never backtracks into it.
 */
function parseLenient(source: string): unknown {
	const fixed = source.replace(/"[^"\\]*(?:\\[\s\S]?[^"\\]*)*(?:"|$)|\}(?=\s*\{)/g, (m) => (m === '}' ? '},' : m));
	if (fixed === source) throw new SyntaxError('no commas missing');
	try {
		return JSON.parse(fixed);
	} catch {
		return JSON.parse(`[${fixed}]`);
	}
}

function isObject(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const MAX_DEPTH = 8; // a reservation needs three levels; the cap keeps hostile input cheap

function jsonNode(obj: Record<string, unknown>, depth: number): Node {
	const rawType = obj['@type'];
	const types = (Array.isArray(rawType) ? rawType : [rawType])
		.filter((t): t is string => typeof t === 'string')
		.map(typeName)
		.filter((t): t is string => t !== undefined);
	const props = new Map<string, Value[]>();
	for (const [key, raw] of Object.entries(obj)) {
		if (key.startsWith('@')) continue;
		const name = typeName(key) ?? key;
		const list: Value[] = [];
		for (const v of Array.isArray(raw) ? raw : [raw]) {
			const value = jsonValue(v, depth);
			if (value !== undefined) list.push(value);
		}
		if (list.length) props.set(name, list);
	}
	return {types, props};
}

function jsonValue(v: unknown, depth: number): Value | undefined {
	if (typeof v === 'string') return v;
	if (typeof v === 'number') return String(v); // `"flightNumber": 110`
	if (!isObject(v)) return undefined;
	const literal = v['@value'];
	if (typeof literal === 'string' || typeof literal === 'number') return String(literal);
	return depth < MAX_DEPTH ? jsonNode(v, depth + 1) : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Microdata (WHATWG), lenient: the values may sit in HTML4 `<meta itemprop content>` anywhere in the item.

function microdataItem(el: Element, root: ParentNode, cache: Map<Element, Node>): Node {
	const cached = cache.get(el);
	if (cached) return cached;
	const types = (el.getAttribute('itemtype') ?? '')
		.split(/\s+/)
		.map(typeName)
		.filter((t): t is string => t !== undefined);
	const node: Node = {types, props: new Map()};
	// Cached before the walk, so an itemref cycle meets the item being built instead of recursing forever.
	cache.set(el, node);
	const owners: Element[] = [el];
	for (const id of (el.getAttribute('itemref') ?? '').split(/\s+/).filter(Boolean)) {
		const target = byId(root, id);
		if (target) owners.push(target);
	}
	for (const owner of owners) {
		if (owner !== el && owner.hasAttribute('itemprop')) addProp(node, owner, root, cache);
		if (owner === el || !owner.hasAttribute('itemscope')) walk(owner, node, root, cache);
	}
	return node;
}

function walk(parent: Element, node: Node, root: ParentNode, cache: Map<Element, Node>) {
	for (const child of Array.from(parent.children)) {
		if (child.hasAttribute('itemprop')) addProp(node, child, root, cache);
		// A nested item's own properties belong to it, not to us.
		if (!child.hasAttribute('itemscope')) walk(child, node, root, cache);
	}
}

function addProp(node: Node, el: Element, root: ParentNode, cache: Map<Element, Node>) {
	const value: Value = el.hasAttribute('itemscope') ? microdataItem(el, root, cache) : propertyValue(el);
	for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/)) {
		const key = name ? (typeName(name) ?? name) : '';
		if (!key) continue;
		const list = node.props.get(key);
		if (list) list.push(value);
		else node.props.set(key, [value]);
	}
}

function propertyValue(el: Element): string {
	switch (el.localName) {
		case 'meta':
			return el.getAttribute('content') ?? '';
		case 'a':
		case 'area':
		case 'link':
			return el.getAttribute('href') ?? '';
		case 'audio':
		case 'embed':
		case 'iframe':
		case 'img':
		case 'source':
		case 'track':
		case 'video':
			return el.getAttribute('src') ?? '';
		case 'object':
			return el.getAttribute('data') ?? '';
		case 'data':
		case 'meter':
			return el.getAttribute('value') ?? '';
		case 'time':
			return el.getAttribute('datetime') ?? el.textContent ?? '';
		default:
			// Some senders put `content` on any element; prefer it, as the text may be formatted for display.
			return el.getAttribute('content') ?? el.textContent ?? '';
	}
}

function byId(root: ParentNode, id: string): Element | undefined {
	for (const el of Array.from(root.querySelectorAll('[id]'))) if (el.id === id) return el;
	return undefined;
}
