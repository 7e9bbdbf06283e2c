import type {AirportTable} from '../airports';
import type {Confidence, RawItinerary} from '../itinerary';

/**
 * The adapter contract. An adapter declares where it runs, how it finds itinerary cards, what a
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
	/**
	 * Is this host one of the site's own country sites, listed in `matches` or not (www.kayak.ch)? For the popup to name
	 * the site on any of its pages; absent where the host alone does not say (Google's hosts serve much besides flights).
	 */
	isOwnHost?: (hostname: string) => boolean;
	/** URLs isItineraryPage must accept (checked by the registry test). */
	examples: string[];
	/** URLs on the matched hosts that isItineraryPage must reject. */
	counterExamples: string[];
};

export type Extraction =
	| {status: 'ok'; itinerary: RawItinerary}
	/** Still rendering: retried on the next mutation batch. */
	| {status: 'incomplete'; missing: string[]}
	/** A train leg, a layout we cannot read: no badge. */
	| {status: 'unsupported'; reason: string}
	/** The card no longer looks like what the adapter expects: logged once per adapter per page, no badge. */
	| {status: 'failed'; reason: string};

/** `referenceDate` (YYYY-MM-DD) resolves year-less dates: the search date from the URL, else today. */
export type PageContext = {
	url: URL;
	referenceDate: string;
	/** For an adapter that must resolve what a card names (a city with one airport): the table in use. */
	airports: AirportTable;
};

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
	/**
	 * The airports a card's itinerary goes through, as IATA codes (each leg's origin and destination, in order), where
	 * the card states them plainly and they cost less to read than `extract` (one attribute); undefined when it does
	 * not. A card whose airports all lie outside the mainland gets no badge whatever its times and tickets, so the
	 * scanner reads it no further: on a results page that is most cards.
	 */
	routeOf?: (card: Element) => string[] | undefined;
	/** Itineraries the page carries in embedded data before (or without) rendering cards. */
	extractEmbedded?: (doc: Document, page: PageContext) => RawItinerary[];
	/**
	 * The passengers' nationalities a booking record on the page gives (its `SSR DOCS` passport entries: codes as
	 * printed, two or three letters), for the page badge's details to name beside the passports the badge judged with.
	 * Only the generic page adapter (agents' tools) reads them; never used to judge.
	 */
	recordNationalities?: (doc: Document) => string[];
	/**
	 * The page renders its embedded itineraries as cards soon after it loads: a badge for the page from its data waits
	 * until the page has gone a moment without cards, so a results page that is still rendering them neither flashes
	 * a page badge nor pays for judging its data twice.
	 */
	cardsFollowData?: boolean;
	/** The search date the URL carries, for year-less dates on the page; today when absent. */
	referenceDate?: (url: URL) => string | undefined;
	/**
	 * Where this card's badge may go, best first; [] for no badge. The scanner tries them in order and keeps the first
	 * where the badge is painted whole (not clipped by an ancestor's overflow box, inside the card); the last one should
	 * be a line of its own at the end of the card.
	 */
	badgePlacements: (card: Element) => BadgePlacement[];
	/**
	 * Attributes whose change alone (no child or text changing with it) can change what `findCards` or `extract`
	 * reads: a sentence in an `aria-label`, segment data in an `id`. The scanner watches these and no other attribute.
	 */
	watchAttributes?: string[];
	/**
	 * The card `el` is or lies in; undefined when none. The scanner searches only what changed, handing `findCards`
	 * the subtree that was added, and `querySelectorAll` never returns its own root: an adapter whose `findCards`
	 * matches the card element itself needs this to see a card added on its own or filled in later, and one that goes
	 * up from a hook inside the card (`closest`) needs it where the hook itself is what changed.
	 */
	cardOf?: (el: Element) => Element | undefined;
};

export function defineAdapter(adapter: SiteAdapter): SiteAdapter {
	return adapter;
}

/** The adapter of `list` that reads this URL as a results page (the registry's, or those a content script carries). */
export function adapterIn(list: readonly SiteAdapter[], url: URL): SiteAdapter | undefined {
	return list.find((a) => a.isItineraryPage(url));
}
