/**
 * The adapter contract (design.md §1.3). An adapter declares where it runs, how it finds itinerary cards, what a
 * card says and where a badge goes; detection timing, normalisation, evaluation and rendering are not its business.
 */
/** Where an adapter runs. Pure data: WXT evaluates the registry at build time in Node, so nothing here may touch the DOM. */
export type Site = {
	/** Kebab-case; equals the adapter file name and the fixtures folder. */
	id: string;
	/** Shown in the options page and in logs. */
	label: string;
	/** Match patterns; their union is the content script's `matches`. */
	matches: string[];
	/** URL-level check: does this URL show itineraries? Re-run on SPA navigation. */
	isItineraryPage: (url: URL) => boolean;
	/** URLs isItineraryPage must accept (checked by the registry test). */
	examples: string[];
	/** URLs on the matched hosts that isItineraryPage must reject. */
	counterExamples: string[];
};

/**
 * A time as the page shows it. The shared normaliser turns it into a local `YYYY-MM-DDTHH:mm`.
 * @example {date: 'Thursday, April 2', time: '11:30\u202fPM'}
 * @example {date: '18MAR', time: '615A'}
 * @example {time: '07:05', dayOffset: 1} // "+1天": the day after the segment's departure day
 */
export type RawTime = {
	/** ISO `2026-04-02`, or date text: `Thursday, April 2`, `2 Apr`, `18MAR`, `4月2日`, `2026年4月2日`. */
	date?: string;
	/** `23:40`, `11:30 PM` (U+202F allowed), `615A`, `1159P`, `0510`. */
	time?: string;
	/** Days after the date (or, for an arrival without a date, after the departure's date). */
	dayOffset?: number;
};

/**
 * What a booking says about one of its segments, read from a GDS status code (`HK`, `HL`, `HX`, …) or a surface line
 * (`ARNK`). Only a confirmed segment (or one whose status is not stated or not known) is a flight to check; a surface
 * segment is no flight at all and ends the itinerary's continuity. lib/extract/status.ts maps codes to these.
 */
export type SegmentStatus = 'confirmed' | 'unconfirmed' | 'cancelled' | 'waitlisted' | 'surface';

/** One leg as the page says it: airports as IATA codes or names (English or Chinese). Missing fields stay missing. */
export type RawSegment = {
	from: string;
	to: string;
	departs?: RawTime;
	arrives?: RawTime;
	flight?: string;
	/** The layover after this segment, when the page states its length ("3 hr 5 min layover at …"). */
	connectionMinutes?: number;
	/** The booking status, when the page states one (GDS displays do); absent means not stated. */
	status?: SegmentStatus;
	/** The status code as printed (`HK`, `WK`, `ARNK`), also when it is a code the status table does not know. */
	statusCode?: string;
};

/**
 * A segment the text shows but the itinerary leaves out: cancelled, waitlisted, not (yet) confirmed, or a surface
 * segment where the itinerary was split. Kept so a user can be told why a leg they see was not checked.
 */
export type ExcludedSegment = {
	/** The line as the text printed it, trimmed. */
	line?: string;
	flight?: string;
	/** Absent for a surface segment whose ends the text does not name (a bare `ARNK`). */
	from?: string;
	to?: string;
	status: SegmentStatus;
	/** The printed code: `HX`, `HL`, `WK`, `ARNK`, … */
	code: string;
};

/**
 * `segments` is non-empty, except in an itinerary whose every segment was excluded (a record of cancelled or
 * waitlisted flights only): then `excluded` says what was there.
 */
export type RawItinerary = {segments: RawSegment[]; excluded?: ExcludedSegment[]};

export type Confidence = 'structured' | 'heuristic';

export type Extraction =
	| {status: 'ok'; itinerary: RawItinerary}
	/** Still rendering: retried on the next mutation batch. */
	| {status: 'incomplete'; missing: string[]}
	/** A train leg, a layout we cannot read: no badge. */
	| {status: 'unsupported'; reason: string}
	/** The card no longer looks like what the adapter expects: logged once per adapter per page, no badge. */
	| {status: 'failed'; reason: string};

/** `referenceDate` (YYYY-MM-DD) resolves year-less dates: the search date from the URL, else today. */
export type PageContext = {url: URL; referenceDate: string};

/**
 * A place for the badge: a position relative to `anchor`. Adapters give a place of the badge's own (its own line or
 * slot in the card), never the inside of a one-line text box: those clip with `overflow: hidden` or an ellipsis.
 */
export type BadgePlacement = {anchor: Element; append: 'first' | 'last' | 'before' | 'after'};

export type SiteAdapter = Site & {
	confidence: Confidence;
	/** All itinerary cards under `root`; [] when there are none; never throws. */
	findCards: (root: ParentNode) => Element[];
	/** Reads one card. Never clicks, scrolls, focuses or writes. */
	extract: (card: Element, page: PageContext) => Extraction;
	/** Itineraries the page carries in embedded data before (or without) rendering cards. */
	extractEmbedded?: (doc: Document, page: PageContext) => RawItinerary[];
	/** The search date the URL carries, for year-less dates on the page; today when absent. */
	referenceDate?: (url: URL) => string | undefined;
	/**
	 * Where this card's badge may go, best first; [] for no badge. The scanner tries them in order and keeps the first
	 * where the badge is painted whole (not clipped by an ancestor's overflow box, inside the card); the last one should
	 * be a line of its own at the end of the card.
	 */
	badgePlacements: (card: Element) => BadgePlacement[];
};

export function defineAdapter(adapter: SiteAdapter): SiteAdapter {
	return adapter;
}
