/**
 * What the content script tells the popup about its page ("This page"): which adapter reads it, what it found, and,
 * where a site's adapter reads nothing although the page's text shows flights, what the generic text detector sees.
 * Pure: the content script hands in the page's text and what its scanner counted.
 */
import type {SiteAdapter} from '../adapters/types';
import type {UnknownAirportSegment} from '../extract/normalize';
import type {ExcludedSegment, SegmentInput} from '../itinerary';
import type {TextFindings} from '.';

/** The generic page adapter's id (./generic-page.ts), here so the content script need not load that adapter to know it. */
export const GENERIC_PAGE_ID = 'generic-page';

/**
 * Flights read but not checked: those naming an airport the table does not know (the flights on either side are
 * judged apart), and those whose times cannot all be true (ExcludedSegment, status `unread`).
 */
export type LeftOut = {unknownAirports: UnknownAirportSegment[]; excluded: ExcludedSegment[]};

/** What the content script found on its page, for the popup's "This page" section. */
export type PageStatus = {
	/** The site adapter that reads this page (lib/adapters ids), or null where none does. */
	adapter: string | null;
	/** The user switched this built-in site off. */
	disabled: boolean;
	itineraries: number;
	withStops: number;
	/** Badges that could not be placed visibly on the page (covered, clipped or off-screen). */
	unplaced: number;
	/** Results the site's adapter could not read as an itinerary, so without a badge (left out when there are none). */
	unread?: number;
	/** The site's adapter reads nothing although the page's text shows flights: its layout probably changed. */
	layoutUnrecognised: boolean;
	/** What the generic text detector read on such a page (heuristic: shown, never a plain ✓). */
	generic: SegmentInput[][];
	/**
	 * Flights the generic readers read but did not check, as the paste box says them: those naming an airport the table
	 * does not know (the flights on either side are judged apart), and those whose times cannot all be true. On a page
	 * whose layout is not recognised, of the page's text (the flights around them in `generic`); on a page the generic
	 * page adapter reads, of its records (its badge's). Absent where there are none.
	 */
	genericLeftOut?: LeftOut;
	/**
	 * The page's airport names or time zones that the content script asked the background for are not all answered
	 * yet: what it reads may change in a moment (the popup asks again).
	 */
	lookupsPending?: true;
	/**
	 * The site's adapter is still reading the page (a scan just started, or cards wait to be read): the counts may
	 * grow in a moment, and nothing is concluded from their being none yet (the popup asks again).
	 */
	reading?: true;
	/**
	 * The site's adapter reads nothing and the generic text detector is not in the page yet: the popup puts it there
	 * (./generic-page.ts GenericDetector) and asks again.
	 */
	textScanPending?: boolean;
	stats?: {batches: number; cards: number; badges: number; evaluations: number; failures: number; unplaced: number};
	/**
	 * A booking record on an agent's page (the generic page adapter) that gives the passengers' nationalities: the popup
	 * offers to check the page's itineraries with one of them, as its badge was judged with the settings' passports.
	 */
	record?: PageRecord;
	/** The page is a PDF in the browser's viewer (Chrome's): its text is not in the document the scripts read. */
	pdf?: true;
};

/**
 * The passengers' nationalities a record on the page gives (its `SSR DOCS` entries, as printed: `FRA`, `FR`), and the
 * page's itineraries with a stop in mainland China, as its badge stands for them; `heuristic` where they were read
 * from the page's text (never a plain ✓). Nothing of it goes to the page: the content script tells the popup only.
 */
export type PageRecord = {nationalities: string[]; itineraries: SegmentInput[][]; heuristic: boolean};

type PageStatusInput = {
	/** The built-in site adapter for this URL (lib/adapters' adapterFor), switched off or not. */
	site: SiteAdapter | undefined;
	/** The adapter reading the page now (the site's, or the generic page adapter), undefined when none runs. */
	running: SiteAdapter | undefined;
	disabledSites: readonly string[];
	found: {itineraries: number; withStops: number; unplaced: number; unread?: number};
	stats?: PageStatus['stats'];
	/** The page's rendered text, read only when the generic detector is needed. */
	pageText: () => string;
	/** The generic text detector (./generic-page.ts GenericDetector `textFindings`), where it is in the page. */
	detectText?: (text: string) => TextFindings;
	/** Whether airport names or time zones the page's reading asked the background for are still unanswered. */
	lookupsPending?: () => boolean;
	/** Whether the adapter is still reading the page (lib/scan Scanner `reading`). */
	reading?: () => boolean;
	/** The page badge's record, where a record on the page gives the passengers' nationalities. */
	record?: PageRecord;
	/** What the generic page adapter's badge read but did not check (ScannerOptions `normalizeAround`). */
	pageLeftOut?: LeftOut;
	/** The document is a PDF viewer's (`document.contentType`): nothing of the PDF's text is in it. */
	pdf?: boolean;
	/**
	 * The message limits: itineraries and segments per itinerary, and nationalities, the popup accepts; a name's and a
	 * flight's length (a flight not checked is said as the text wrote it).
	 */
	limits: {segments: number; genericItineraries: number; recordNationalities: number; name: number; flight: number};
};

export function pageStatus(input: PageStatusInput): PageStatus {
	const {site, running, found} = input;
	// Honest degradation: the site's adapter reads nothing, yet the page's text shows flights. Its layout has
	// probably changed; say so, and hand over what the generic text detector sees (heuristic, never a plain ✓).
	let generic: SegmentInput[][] = [];
	let leftOut = running?.id === GENERIC_PAGE_ID && input.pageLeftOut ? boundedLeftOut(input.pageLeftOut, input.limits) : undefined;
	// Not while the adapter is still reading: none read yet is not "its layout changed" (nor "nothing found").
	const reading = input.reading?.() ?? false;
	const needsText = running !== undefined && running.id !== GENERIC_PAGE_ID && found.itineraries === 0 && !reading;
	if (needsText && input.detectText) {
		const findings = input.detectText(input.pageText());
		generic = findings.itineraries
			.filter((segments) => segments.length <= input.limits.segments)
			.slice(0, input.limits.genericItineraries);
		leftOut = boundedLeftOut({unknownAirports: findings.unknownAirports, excluded: findings.excluded}, input.limits);
	}
	// A built-in site the user switched off: say so, so the popup can offer to switch it back on.
	const disabled = site !== undefined && input.disabledSites.includes(site.id);
	const status: PageStatus = {
		adapter: running?.id ?? (disabled ? site.id : null),
		disabled,
		...found,
		layoutUnrecognised: needsText && (generic.length > 0 || leftOut !== undefined),
		generic,
	};
	if (leftOut) status.genericLeftOut = leftOut;
	if (needsText && !input.detectText) status.textScanPending = true;
	if (input.lookupsPending?.()) status.lookupsPending = true;
	if (reading && running !== undefined) status.reading = true;
	if (input.stats) status.stats = input.stats;
	const record = input.record && boundedRecord(input.record, input.limits);
	if (record) status.record = record;
	if (input.pdf) status.pdf = true;
	return status;
}

/** A record within what the popup accepts (the first itineraries that fit); none where no itinerary or code is left. */
function boundedRecord(record: PageRecord, limits: PageStatusInput['limits']): PageRecord | undefined {
	const nationalities = record.nationalities.slice(0, limits.recordNationalities);
	const itineraries = record.itineraries.filter((segments) => segments.length <= limits.segments).slice(0, limits.genericItineraries);
	return nationalities.length > 0 && itineraries.length > 0 ? {nationalities, itineraries, heuristic: record.heuristic} : undefined;
}

/**
 * The flights not checked, within what a message takes (the first ones, each name and flight cut to its length; the
 * popup's status and a page badge's details): undefined where there are none.
 */
export function boundedLeftOut(findings: LeftOut, limits: {genericItineraries: number; name: number; flight: number}): LeftOut | undefined {
	const name = (text: string) => text.slice(0, limits.name);
	const flight = (text: string | undefined) => (text === undefined ? {} : {flight: text.slice(0, limits.flight)});
	const unknownAirports = findings.unknownAirports.slice(0, limits.genericItineraries).map((u) => ({
		from: name(u.from),
		to: name(u.to),
		...flight(u.flight),
		unknown: u.unknown.slice(0, 2).map(name),
	}));
	const excluded = findings.excluded.slice(0, limits.genericItineraries).map((e) => {
		const cut: ExcludedSegment = {status: e.status, code: name(e.code), ...flight(e.flight)};
		if (e.line !== undefined) cut.line = name(e.line);
		if (e.from !== undefined) cut.from = name(e.from);
		if (e.to !== undefined) cut.to = name(e.to);
		return cut;
	});
	return unknownAirports.length + excluded.length > 0 ? {unknownAirports, excluded} : undefined;
}
