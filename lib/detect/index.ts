/**
 * The detection pipeline, from a page or a text to normalised itineraries, most trustworthy source first:
 * the site adapter picked by URL, then schema.org data, then GDS segment lines, then the generic text detector.
 * The first source that yields an itinerary the normaliser accepts wins. Pure: it is handed a Document or a string
 * (and, for e-mail HTML, a parser) and never touches globals, so the CLI, tests and the content script share it.
 */
import {adapterFor} from '../adapters';
import type {Extraction, PageContext, SiteAdapter} from '../adapters/types';
import type {Confidence, ExcludedSegment, RawItinerary} from '../itinerary';
import {emailBody} from '../extract/email';
import {detectInText} from '../extract/generic-text';
import {parseEtermAv, type AvRefusal} from '../extract/eterm-av';
import {parseGdsText} from '../extract/gds';
import {arrivalNotBefore, placeArrivalByFlightTime} from '../extract/arrival-day';
import {normalizeAroundUnknownAirports, normalizeItinerary, type NormalizeOptions, type UnknownAirportSegment} from '../extract/normalize';
import {extractStructuredData} from '../extract/structured-data';
import type {AirportTable} from '../airports';
import type {SegmentInput} from '../itinerary';

type DetectedItinerary = {segments: SegmentInput[]; confidence: Confidence};

export type Detection = {
	/**
	 * The adapter id, `structured-data`, `gds`, `generic-text`, or `none` when nothing was found. A source that found
	 * only segments it had to exclude (a PNR of cancelled or waitlisted flights) wins with no itineraries.
	 */
	adapter: string;
	itineraries: DetectedItinerary[];
	/** Itineraries the winning source (or, when none won, every source) found but the normaliser refused. */
	dropped?: number;
	/** Segments the winning source read but left out of its itineraries (cancelled, waitlisted, unconfirmed, surface), with why. */
	excluded?: ExcludedSegment[];
	/**
	 * Segments left out because the airport table does not know one of their airports (each with the names it did not
	 * know). The legs on either side were kept, as separate itineraries: what happened in between is unknown. From the
	 * winning source, or, when none won, from every source.
	 */
	unknownAirports?: UnknownAirportSegment[];
	/** The input was longer than MAX_TEXT_CHARS: only its beginning was read. */
	truncated?: true;
	/**
	 * Lines of an availability display (eTerm AV) the GDS reader recognised but could not place, with why; the options
	 * they belong to were left out rather than judged in part. From the winning source, or from every source.
	 */
	unreadLines?: AvRefusal[];
	/**
	 * Result cards the site's adapter found but could not read, so without a badge in the browser, with why: `failed`
	 * (the card does not look as the adapter expects, or reading it threw) or `unsupported` (a kind it cannot read,
	 * such as a transfer named by a city with several airports). Cards still rendering are not listed, and a card the page
	 * holds twice (a hidden copy of the list) once. From the site's adapter, when it wins or nothing does.
	 */
	unreadCards?: UnreadCard[];
};

/** A result card its site's adapter could not read (Detection `unreadCards`). */
type UnreadCard = {status: 'failed' | 'unsupported'; reason: string};

/**
 * A source of itineraries; `unread`: after `raw`, the lines it recognised but could not place; `unreadCards`: the
 * cards a site's adapter could not read.
 */
type Stage = {id: string; confidence: Confidence; raw: () => RawItinerary[]; unread?: AvRefusal[]; unreadCards?: UnreadCard[]};

/**
 * The most text the detectors read of one input (a pasted or saved text, an e-mail, a page's visible text): two
 * million characters, a few tenths of a second on a 2-core machine (`npm run bench:detect`). Beyond it nothing is
 * read, and the detection says so (`truncated`): a PNR history or a results page is far shorter.
 */
export const MAX_TEXT_CHARS = 2_000_000;

/** The text as far as the detectors read it, and whether that is all of it. */
function capped(text: string): {text: string; truncated: boolean} {
	return text.length > MAX_TEXT_CHARS ? {text: text.slice(0, MAX_TEXT_CHARS), truncated: true} : {text, truncated: false};
}

/** Tags whose text is not shown, and tags that start a new line in rendered text. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'IFRAME', 'OBJECT']);
const BLOCK = new Set([
	'ADDRESS',
	'ARTICLE',
	'ASIDE',
	'BLOCKQUOTE',
	'BR',
	'DD',
	'DETAILS',
	'DIALOG',
	'DIV',
	'DL',
	'DT',
	'FIELDSET',
	'FIGCAPTION',
	'FIGURE',
	'FOOTER',
	'FORM',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'HEADER',
	'HR',
	'LI',
	'MAIN',
	'NAV',
	'OL',
	'OPTION',
	'P',
	'PRE',
	'SECTION',
	'SUMMARY',
	'TABLE',
	'TBODY',
	'TD',
	'TFOOT',
	'TH',
	'THEAD',
	'TR',
	'UL',
	'BODY',
	'HTML',
]);
/** Where pages show terminal output or pasted PNRs, whitespace intact. */
const TERMINAL = 'pre, textarea, code, samp, [class*="terminal" i], [class*="console" i], [class*="pnr" i]';

export function detectDocument(doc: Document, url: URL, referenceDate: string, airports: AirportTable): Detection {
	const adapter = adapterFor(url);
	const stages: Stage[] = [];
	if (adapter) {
		const unreadCards: UnreadCard[] = [];
		stages.push({
			id: adapter.id,
			confidence: adapter.confidence,
			raw: () => fromAdapter(adapter, doc, {url, referenceDate, airports}, airports, unreadCards),
			unreadCards,
		});
	}
	stages.push({id: 'structured-data', confidence: 'structured', raw: () => safely(() => extractStructuredData(doc))});
	let body: {text: string; truncated: boolean} | undefined;
	const bodyText = () => (body ??= capped(doc.body ? visibleText(doc.body) : '')).text;
	const unread: AvRefusal[] = [];
	stages.push({id: 'gds', confidence: 'structured', raw: () => gdsIn([...terminalTexts(doc), bodyText()], airports, unread), unread});
	stages.push({id: 'generic-text', confidence: 'heuristic', raw: () => detectInText(bodyText(), airports)});
	const result = run(stages, referenceDate, airports);
	if (body?.truncated) result.truncated = true;
	return result;
}

/**
 * For a page no adapter knows (a site the user added, or "scan this page" in the popup): the raw itineraries of the
 * first source that has any, in the same order of trust as detectDocument: schema.org data, GDS lines, page text.
 */
export function rawFromDocument(
	doc: Document,
	airports: AirportTable,
): {source: 'structured-data' | 'gds' | 'generic-text'; itineraries: RawItinerary[]} | undefined {
	let body: string | undefined;
	const bodyText = () => (body ??= capped(doc.body ? visibleText(doc.body) : '').text);
	const structured = safely(() => extractStructuredData(doc));
	if (structured.length > 0) return {source: 'structured-data', itineraries: structured};
	const gds = gdsIn([...terminalTexts(doc), bodyText()], airports);
	if (gds.length > 0) return {source: 'gds', itineraries: gds};
	const generic = safely(() => detectInText(bodyText(), airports));
	return generic.length > 0 ? {source: 'generic-text', itineraries: generic} : undefined;
}

/**
 * A saved e-mail (`.eml`) or plain text. E-mail: the HTML part's schema.org data (when `parseHtml` is given), then
 * GDS lines and the generic detector over the text part and the HTML's visible text. Other text: GDS, then generic.
 * Without `parseHtml` an e-mail's HTML part is not read: this module has no DOM of its own.
 */
export function detectText(
	input: string,
	referenceDate: string,
	airports: AirportTable,
	parseHtml?: (html: string) => Document,
): Detection {
	const {text, truncated} = capped(input);
	const stages: Stage[] = [];
	let texts = (): string[] => [text];
	if (looksLikeEmail(text)) {
		const {html, text: plain} = emailBody(text);
		let doc: Document | undefined;
		// Parsed on first use only: a GDS or text hit in the plain part never needs the HTML.
		const parsed = html !== undefined && parseHtml ? () => (doc ??= parseHtml(html)) : undefined;
		if (parsed)
			stages.push({id: 'structured-data', confidence: 'structured', raw: () => safely(() => extractStructuredData(parsed()))});
		texts = () => {
			const all = plain ? [plain] : [];
			const body = parsed?.().body;
			if (body) all.push(visibleText(body));
			return all;
		};
	}
	const unread: AvRefusal[] = [];
	stages.push({id: 'gds', confidence: 'structured', raw: () => gdsIn(texts(), airports, unread), unread});
	stages.push({id: 'generic-text', confidence: 'heuristic', raw: () => texts().flatMap((t) => detectInText(t, airports))});
	const result = run(stages, referenceDate, airports);
	if (truncated) result.truncated = true;
	return result;
}

function run(stages: Stage[], referenceDate: string, airports: AirportTable): Detection {
	let droppedEverywhere = 0;
	const unknownEverywhere: UnknownAirportSegment[] = [];
	const unreadEverywhere: AvRefusal[] = [];
	const unreadCardsEverywhere: UnreadCard[] = [];
	for (const stage of stages) {
		const raw = stage.raw();
		const {kept, dropped, unknown, excluded: timesLeft} = normalizeAll(raw, referenceDate, airports);
		// Segments the source excluded (statuses), and those left out for times that cannot be true.
		const excluded = [...raw.flatMap((r) => r.excluded ?? []), ...timesLeft];
		// A source that excluded segments recognised the text as its own and read their statuses: a later, looser source
		// must not read the same lines again as flights.
		if (kept.length > 0 || excluded.length > 0) {
			const result: Detection = {adapter: stage.id, itineraries: kept.map((segments) => ({segments, confidence: stage.confidence}))};
			if (dropped > 0) result.dropped = dropped;
			if (excluded.length > 0) result.excluded = excluded;
			if (unknown.length > 0) result.unknownAirports = unknown;
			if (stage.unread?.length) result.unreadLines = stage.unread;
			if (stage.unreadCards?.length) result.unreadCards = stage.unreadCards;
			return result;
		}
		droppedEverywhere += dropped;
		unknownEverywhere.push(...unknown);
		unreadEverywhere.push(...(stage.unread ?? []));
		unreadCardsEverywhere.push(...(stage.unreadCards ?? []));
	}
	const none: Detection = {adapter: 'none', itineraries: []};
	if (droppedEverywhere > 0) none.dropped = droppedEverywhere;
	if (unknownEverywhere.length > 0) none.unknownAirports = unknownEverywhere;
	if (unreadEverywhere.length > 0) none.unreadLines = unreadEverywhere;
	if (unreadCardsEverywhere.length > 0) none.unreadCards = unreadCardsEverywhere;
	return none;
}

/**
 * What the generic text detector reads in a page's text, normalised as a pasted text is (detectText): an itinerary
 * naming an airport the table does not know keeps its other legs, judged apart, and the flights not checked are said
 * (`unknownAirports`, and `excluded`: those whose times cannot all be true). For the popup's "This page" on a site
 * whose layout is not recognised (lib/detect/page-status.ts), through the generic readers' script.
 */
export type TextFindings = {itineraries: SegmentInput[][]; unknownAirports: UnknownAirportSegment[]; excluded: ExcludedSegment[]};

export function textFindings(text: string, airports: AirportTable, referenceDate: string): TextFindings {
	const raw = detectInText(text, airports);
	const {kept, unknown, excluded} = normalizeAll(raw, referenceDate, airports);
	return {itineraries: kept, unknownAirports: unknown, excluded: [...raw.flatMap((r) => r.excluded ?? []), ...excluded]};
}

/**
 * What the normaliser does with the airports' time zones, where the table has them or is told them (the content
 * script's generic page, through generic.js: AirportTable `zoneOf`).
 */
export const ZONES: NormalizeOptions = {placeArrival: placeArrivalByFlightTime, boundArrival: arrivalNotBefore};

/**
 * Each raw itinerary normalised; one that names an airport the table lacks keeps its other legs (split where the
 * unknown ones were) and counts as dropped only when nothing of it is left.
 */
function normalizeAll(
	raw: RawItinerary[],
	referenceDate: string,
	airports: AirportTable,
): {kept: SegmentInput[][]; dropped: number; unknown: UnknownAirportSegment[]; excluded: ExcludedSegment[]} {
	const kept: SegmentInput[][] = [];
	const unknown: UnknownAirportSegment[] = [];
	const excluded: ExcludedSegment[] = [];
	let dropped = 0;
	for (const itinerary of raw) {
		// Nothing left to check is not a refusal: its excluded segments are reported instead.
		if (itinerary.segments.length === 0 && itinerary.excluded?.length) continue;
		const n = normalizeAroundUnknownAirports(itinerary, referenceDate, airports, ZONES);
		kept.push(...n.itineraries);
		unknown.push(...n.unknown);
		excluded.push(...n.excluded);
		if (n.itineraries.length === 0) dropped++;
		else dropped += n.refused;
	}
	return {kept, dropped, unknown, excluded};
}

/**
 * Cards first (status 'ok' only), each itinerary once, then embedded itineraries no card already showed. A page can
 * show one itinerary on several cards (Google Flights keeps a hidden copy of its list): compared after normalisation,
 * whole. A card and the page data spell the same itinerary differently (names or codes, 12- or 24-hour clocks, with or
 * without flight numbers or middle clocks), so an embedded itinerary is one a card showed when a card has its route
 * and first departure and agrees with it on every time and flight the card gives: itineraries that share only their
 * first flight stay apart.
 */
function fromAdapter(
	adapter: SiteAdapter,
	doc: Document,
	page: PageContext,
	airports: AirportTable,
	unreadCards: UnreadCard[],
): RawItinerary[] {
	const found: RawItinerary[] = [];
	const seen = new Set<string>();
	const shown = new Map<string, SegmentInput[][]>();
	// A card the page holds twice (Google Flights' "Best" and "Cheapest" panels, one hidden) is one result: an unread
	// one is listed once, as its itinerary would be, by what it says and why it was not read.
	const unreadSeen = new Set<string>();
	const unread = (card: Element, entry: UnreadCard) => {
		const key = `${entry.status}\n${entry.reason}\n${(card.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
		if (unreadSeen.has(key)) return;
		unreadSeen.add(key);
		unreadCards.push(entry);
	};
	const normalized = (raw: RawItinerary) => normalizeItinerary(raw, page.referenceDate, airports, ZONES);
	const routeAt = (s: SegmentInput[]) => `${[s[0]!.from, ...s.map((x) => x.to)].join('-')}@${s[0]!.departure ?? ''}`;
	for (const card of safely(() => adapter.findCards(doc))) {
		let e: Extraction;
		try {
			e = adapter.extract(card, page);
		} catch (error) {
			unread(card, {status: 'failed', reason: `reading the card threw: ${String(error)}`});
			continue;
		}
		if (e.status === 'failed' || e.status === 'unsupported') unread(card, {status: e.status, reason: e.reason});
		if (e.status !== 'ok') continue;
		const n = normalized(e.itinerary);
		const whole = n.ok ? JSON.stringify(n.segments) : JSON.stringify(e.itinerary);
		if (seen.has(whole)) continue;
		seen.add(whole);
		found.push(e.itinerary);
		if (n.ok) shown.set(routeAt(n.segments), [...(shown.get(routeAt(n.segments)) ?? []), n.segments]);
	}
	const embedded = adapter.extractEmbedded ? safely(() => adapter.extractEmbedded!(doc, page)) : [];
	const agrees = (card: SegmentInput[], data: SegmentInput[]) =>
		card.every((s, i) =>
			(['departure', 'arrival', 'flight'] as const).every((field) => s[field] === undefined || s[field] === data[i]![field]),
		);
	for (const raw of embedded) {
		const n = normalized(raw);
		const whole = n.ok ? JSON.stringify(n.segments) : JSON.stringify(raw);
		if (seen.has(whole) || (n.ok && shown.get(routeAt(n.segments))?.some((card) => agrees(card, n.segments)))) continue;
		seen.add(whole);
		found.push(raw);
	}
	return found;
}

/** Adapters and extractors promise not to throw; a broken one must not take the later sources down with it. */
function safely<T>(read: () => T[]): T[] {
	try {
		return read();
	} catch {
		return [];
	}
}

/** GDS itineraries in the texts; the availability lines recognised but not placed go to `unread`, once each. */
function gdsIn(texts: string[], airports: AirportTable, unread: AvRefusal[] = []): RawItinerary[] {
	const seen = new Set<string>();
	const out: RawItinerary[] = [];
	const refusedSeen = new Set<string>();
	for (const text of texts) {
		// Booked segments and availability displays (each option an itinerary of its own) are both GDS text.
		const av = parseEtermAv(text, airports);
		for (const r of av.refused) {
			// The body text repeats a <pre>'s lines with their spaces collapsed.
			const key = r.line.trim().replace(/\s+/g, ' ');
			if (refusedSeen.has(key)) continue;
			refusedSeen.add(key);
			unread.push(r);
		}
		for (const itinerary of [...parseGdsText(text, airports), ...av.itineraries]) {
			// The body text repeats what a <pre> already showed, with its spaces collapsed where the element is no <pre>:
			// the printed lines of excluded segments are left out of the comparison, the first copy's are kept.
			const k = JSON.stringify({...itinerary, excluded: itinerary.excluded?.map(({line: _line, ...e}) => e)});
			if (seen.has(k)) continue;
			seen.add(k);
			out.push(itinerary);
		}
	}
	return out;
}

function terminalTexts(doc: Document): string[] {
	return safely(() =>
		[...doc.querySelectorAll(TERMINAL)].map((el) =>
			el.tagName === 'TEXTAREA' ? (el as HTMLTextAreaElement).value : (el.textContent ?? ''),
		),
	);
}

/**
 * Text roughly as a browser renders it: hidden elements left out, a line break around every block, runs of
 * whitespace collapsed except in <pre>. jsdom has no innerText, and the generic detector reads line by line.
 */
function visibleText(root: Element): string {
	const out: string[] = [];
	// Iterative, so a deeply nested page cannot overflow the call stack; `pre` says whether whitespace is kept.
	const stack: ({node: Node; pre: boolean} | 'newline')[] = [{node: root, pre: false}];
	while (stack.length > 0) {
		const item = stack.pop()!;
		if (item === 'newline') {
			out.push('\n');
			continue;
		}
		const {node, pre} = item;
		if (node.nodeType === 3) {
			const data = node.nodeValue ?? '';
			out.push(pre ? data : data.replace(/\s+/g, ' '));
			continue;
		}
		if (node.nodeType !== 1) continue;
		const el = node as Element;
		const tag = el.tagName.toUpperCase();
		if (HIDDEN.has(tag) || el.hasAttribute('hidden') || /display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) continue;
		if (BLOCK.has(tag)) {
			out.push('\n');
			stack.push('newline');
		}
		const keep = pre || tag === 'PRE' || tag === 'TEXTAREA';
		for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({node: el.childNodes[i]!, pre: keep});
	}
	return out
		.join('')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.join('\n');
}

/** Mail headers from the first line up to the first blank line, with at least one header every message has. */
function looksLikeEmail(text: string): boolean {
	const head = text.replace(/^From [^\n]*\n/, '').split(/\r?\n\r?\n/, 1)[0] ?? '';
	const lines = head.split(/\r?\n/);
	if (!lines.every((l) => /^[\w-]+:/.test(l) || /^[ \t]/.test(l))) return false;
	return lines.some((l) => /^(?:from|subject|mime-version|content-type):/i.test(l));
}
