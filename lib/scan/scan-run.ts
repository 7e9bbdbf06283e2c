/**
 * One scanner's state (`Run`) and what the scanner's modules share (./scanner.ts): its options, settings and counts,
 * the memo of verdicts, and the page as adapters see it.
 */
import type {PageContext, SiteAdapter} from '../adapters/types';
import type {LeftOut, PageRecord} from '../detect/page-status';
import type {RawItinerary, SegmentInput} from '../itinerary';
import type {NormalizeOptions, normalizeAroundUnknownAirports} from '../extract/normalize';
import type {DetailLevel} from '../settings';
import type {Locale} from '../i18n/locale';
import type {EngineRules} from '../rules/engine-rules';
import type {CheckResult, TripInput} from '../rules/types';
import type {BadgeSummary} from '../ui/summary';
import type {ToolbarVerdict} from '../ui/page-summary';
import type {
	BadgeHandle,
	BadgeView,
	CardBadges,
	CardState,
	ClipWatch,
	Mount,
	PlacementCheck,
	Point,
	PointerReport,
	PointerWatch,
	SizeWatch,
} from './card-badges';
import type {MountGate} from './mount-gate';
import type {PageObserver} from './page-observer';
import type {NearObserverConstructor, ReadQueue} from './read-queue';

/** Normalised itineraries and verdicts kept for repeated ones; a page with more distinct ones starts the memo again. */
const MAX_REMEMBERED = 2000;

export type ScanSettings = {passports: string[]; locale: Locale; detailLevel?: DetailLevel};

export type IdleDeadlineLike = {timeRemaining: () => number};

export type ScannerOptions = {
	adapter: SiteAdapter;
	doc: Document;
	rules: EngineRules;
	/** YYYY-MM-DD: resolves year-less dates on the page. */
	referenceDate: string;
	/** YYYY-MM-DD: the engine's "today". */
	today: string;
	settings: ScanSettings;
	mount: Mount;
	/** Called once per adapter and problem, for developers. */
	log: (message: string) => void;
	/** Coalesces mutation batches (requestAnimationFrame in the page). */
	schedule: (callback: () => void) => void;
	/** A clock for the per-frame work budget (performance.now in the page). */
	now?: () => number;
	/** After each batch: what the page holds now (diagnostics, the popup). */
	onBatch?: (found: Found) => void;
	/** After each batch or placement check that read or placed something: cheap, counts nothing (the toolbar asks later). */
	onChange?: () => void;
	/**
	 * Checks each badge after it is mounted; a clipped badge moves to the adapter's next placement, and one that fits
	 * nowhere is removed and counted as unplaced. Without it (no layout, as under jsdom) the first placement is kept.
	 */
	checkPlacement?: PlacementCheck;
	/**
	 * Runs the placement checks once the browser has laid the page out by itself (a ResizeObserver's first report
	 * comes after layout), so reading the badges' boxes costs the page no layout of its own. Without it, they run at
	 * the end of the batch.
	 */
	afterLayout?: (callback: () => void) => void;
	/**
	 * Watches the size of each card that has a badge, and says which changed. A page can change a card's layout with
	 * nothing the page observer hears: a class or a style on the card or around it (a compact view of the list, say),
	 * which can clip the badge where it was painted; those cards' badges are checked again. Without it (no layout, as
	 * under jsdom), only what the page observer hears, a resize or a change of the page's styles checks them again.
	 */
	watchSizes?: (onResize: (elements: Element[]) => void) => SizeWatch;
	/**
	 * Watches each badge on the page, and says which are no longer painted whole by the boxes around them: what clips
	 * a badge without changing its card's size (a box inside the card given `overflow: hidden` at the same size, a
	 * rule changed in place through the CSSOM). Those badges are checked again. Without it, the ways above.
	 */
	watchClips?: (onClipped: (elements: Element[]) => void) => ClipWatch;
	/**
	 * Watches the badges for the user's pointer over one of them finding something else there (a click layer of its
	 * card over it), and says which and where: those badges are checked again, there and at their centre. What is
	 * painted over a badge is asked of the browser's hit test, which on a long results page costs more than the rest
	 * of a badge's check (12–25 ms on the bench page): asked for a badge on screen as it is placed, and then only where
	 * the user points. Without it, only the former.
	 */
	watchPointer?: (onCovered: PointerReport) => PointerWatch;
	/**
	 * Puts a badge that shows through a transparent layer of its card (a click layer) over that layer, so that the
	 * pointer finds it (`true`), or back as it was (`false`). Without it, such a badge stays under the layer.
	 */
	lift?: (host: Element, card: Element, over: boolean, at?: Point) => void;
	/**
	 * Calls `then` once the animations the page runs on the boxes from the badge's host up to its card have ended
	 * (finished or cancelled): a badge whose check said `settling` is checked again then. Without it, after the next
	 * change.
	 */
	afterAnimations?: (host: Element, card: Element, then: () => void) => void;
	/**
	 * Says which cards are within about a screen of the viewport: those are read first, the others in idle time. The
	 * window's IntersectionObserver by default; without one (null, or none in the window) every card counts as near.
	 */
	intersectionObserver?: NearObserverConstructor | null;
	/** Runs a callback when the page is idle: requestIdleCallback by default, else `schedule`. */
	idle?: (callback: (deadline?: IdleDeadlineLike) => void) => void;
	/** Runs a callback after `ms` (setTimeout in the page). */
	later?: (callback: () => void, ms: number) => void;
	/**
	 * What the normaliser does with arrivals whose day or time the page does not give (GenericDetector `arrivals`: the
	 * generic page's). Without it, they are left out.
	 */
	arrivals?: NormalizeOptions;
	/**
	 * The generic page's normaliser for the itineraries in its data (GenericDetector `normalizeAround`): an itinerary
	 * naming an airport the table does not know keeps its other legs, judged apart, and the page badge's details say
	 * which flights were not checked. Without it, such an itinerary is left out (a site's data; its cards say unread).
	 */
	normalizeAround?: typeof normalizeAroundUnknownAirports;
	/**
	 * Whether the page renders the card now (Element.checkVisibility: not inside a box with `display: none`). The popup's
	 * counts are of the cards the page shows: Google Flights holds its "Best" and "Cheapest" lists in two tab panels,
	 * one hidden, each with a card for every result, and counting both said twice as many itineraries as the traveller
	 * sees. Asked only when the popup asks (`found`, `stats`); the end-to-end build's marks count every card read.
	 * Without it (no layout, as under jsdom), every card counts.
	 */
	rendered?: (card: Element) => boolean;
};

/**
 * `unplaced`: itineraries with a mainland stop whose badge could not be shown whole anywhere on their card. `unread`:
 * cards read whole that do not read as an itinerary, so have no badge (left out when there are none).
 */
export type Found = {itineraries: number; withStops: number; unplaced: number; unread?: number};

type ScanStats = {batches: number; cards: number; badges: number; evaluations: number; failures: number; unplaced: number};

export type Scanner = {
	/** New passports or language: re-evaluates cached itineraries without re-extracting. */
	setSettings: (settings: ScanSettings) => void;
	/** Runs a batch now (tests, and the first scan). */
	scan: () => void;
	stop: () => void;
	stats: () => ScanStats;
	/** What was found, for the popup's "this page" view. */
	found: () => Found;
	/**
	 * The page is still being read: the first pass has not run, cards found wait to be read or their badges to go on,
	 * or the page's data waits for its cards. What `found` says may grow in a moment.
	 */
	reading: () => boolean;
	/** The page badge's record: the passengers' nationalities a record on the page gives, with its itineraries. */
	record: () => PageRecord | undefined;
	/** What the page badge read in the page's data but did not check (ScannerOptions `normalizeAround`). */
	leftOut: () => LeftOut | undefined;
	/** The itineraries with a mainland stop and their best verdict, for the toolbar button. */
	verdict: () => ToolbarVerdict;
	/** The layout may have changed (the window was resized): check every badge's placement again. */
	recheck: () => void;
	/** Reads every card again (the airport table learned names): badges stay until their new verdict replaces them. */
	reread: () => void;
};

export type Judged = {trip: TripInput; result: CheckResult; summary?: BadgeSummary};
/** A raw itinerary normalised: its segments and their key (their JSON), or why it did not normalise. */
export type Normalised = {ok: true; segments: SegmentInput[]; key: string} | {ok: false; problem: string};
type Memo<V> = {get: (key: string) => V | undefined; set: (key: string, value: V) => void; clear: () => void};

/** One scanner's state; the functions of the scanner's modules each take it. */
export type Run = {
	options: ScannerOptions;
	adapter: SiteAdapter;
	settings: ScanSettings;
	settingsKey: string;
	/** Cards found and still on the page, in the order found. */
	cards: Set<Element>;
	states: WeakMap<Element, CardState>;
	/** Cards that have been given a badge (or a verdict whose badge waits at the gate): `stop` removes theirs. */
	live: Set<Element>;
	/** Our badge hosts: their insertion is not a page change worth a scan. */
	hosts: WeakSet<Node>;
	queue: ReadQueue;
	/**
	 * Cards the page added (found in what changed, not by a whole-page scan) and not read yet: read in the next frames,
	 * near the viewport or not, within their budget (./scanner.ts).
	 */
	added: Element[];
	/** Badges of cards not near the viewport wait here to be mounted (./mount-gate.ts); none without an observer. */
	gate?: MountGate;
	badges: CardBadges;
	observer: PageObserver;
	/** The cards with a badge, whose size is watched (ScannerOptions.watchSizes). */
	sizes?: SizeWatch;
	/** The badges on the page, watched for being clipped (ScannerOptions.watchClips). */
	clips?: ClipWatch;
	/** The badges on the page, watched for the pointer finding something over them (ScannerOptions.watchPointer). */
	pointer?: PointerWatch;
	/** What adapters are told of the page, and the address it was made for. */
	page?: {href: string; context: PageContext};
	/** Verdicts by itinerary key under the current settings. */
	verdicts: Memo<Judged>;
	pageBadge: {handle?: BadgeHandle; key: string; restores: number; restoredAt: number};
	/** The page's embedded itineraries last judged (the adapter's list, by identity), until the settings change. */
	embedded?: {raws: RawItinerary[]; judged: (Judged & {summary: BadgeSummary})[]; leftOut?: LeftOut};
	/** The page badge's itineraries' summaries (each one's own), for the toolbar. */
	pageSummaries: BadgeSummary[];
	/** Where a record on the page gives the passengers' nationalities: those and the page badge's itineraries. */
	record?: PageRecord;
	stats: ScanStats;
	found: Found;
	logOnce: (message: string) => void;
	idle: (callback: (deadline?: IdleDeadlineLike) => void) => void;
	now: () => number;
	/** Find every card on the page and read it: the first scan. */
	rescan: boolean;
	/**
	 * For an adapter whose cards follow its data: `waiting` while the page may still render its first cards (its data
	 * gets no page badge yet), `settled` once it went DATA_WITHOUT_CARDS_MS without any.
	 */
	dataWait: 'none' | 'waiting' | 'settled';
	settingsChanged: boolean;
	pending: boolean;
	idlePending: boolean;
	/** An idle pass is reading: badges it decides wait for the next frame (`deferred`). */
	inIdle: boolean;
	/**
	 * Badges decided in idle time, put on the page together in the next frame the page lays out anyway (its own next
	 * change, or once the idle reading is done): each badge added in a frame of its own would make a heavy results page
	 * lay itself out again for nothing else.
	 */
	deferred: Map<Element, {state: CardState; view: BadgeView | undefined}>;
	/** When the oldest badge in `deferred` was decided (`now`). */
	deferredSince: number;
	/** Placement checks are waiting for the browser's next layout. */
	checksPending: boolean;
	/** Cards were read or placed since `found` was last counted. */
	countsStale: boolean;
	stopped: boolean;
};

export function memo<V>(): Memo<V> {
	let map = new Map<string, V>();
	return {
		get: (key) => map.get(key),
		set(key, value) {
			if (map.size >= MAX_REMEMBERED) map = new Map();
			map.set(key, value);
		},
		clear: () => void (map = new Map()),
	};
}

/**
 * The page as adapters see it, made again only when the page's address changed (an SPA may rewrite it in place):
 * parsing the address on every frame and idle pass cost a long results page a few milliseconds.
 */
export const pageContext = (run: Run): PageContext => {
	const href = run.options.doc.URL;
	if (run.page?.href !== href) {
		run.page = {href, context: {url: new URL(href), referenceDate: run.options.referenceDate, airports: run.options.rules}};
	}
	return run.page.context;
};

// ---- counts -------------------------------------------------------------------------------------------------------

/**
 * The counts after a batch or a placement check, for the end-to-end build's marks; otherwise they are counted when
 * the popup asks (`found`, `stats`), not after every batch, which would cost a pass over every card each frame.
 */
export function report(run: Run): void {
	run.stats.cards = run.cards.size;
	run.countsStale = true;
	if (run.options.onBatch) run.options.onBatch(counted(run));
	run.options.onChange?.();
}

/** What was found, counted again only when something was read or placed since the last count: every card read. */
export function counted(run: Run): Found {
	if (run.countsStale) {
		run.countsStale = false;
		if (run.cards.size > 0) run.found = count(run);
		run.stats.unplaced = run.found.unplaced;
	}
	return run.found;
}

/**
 * What the page shows, for the popup: counted now, of the cards the page renders (ScannerOptions `rendered`), since a
 * page can show other cards without changing any (a tab panel switched). Where it cannot tell, as `counted`.
 */
export function shownCounts(run: Run): Found {
	const rendered = run.options.rendered;
	return rendered && run.cards.size > 0 ? count(run, rendered) : counted(run);
}

function count(run: Run, rendered?: (card: Element) => boolean): Found {
	const found: Found = {itineraries: 0, withStops: 0, unplaced: 0};
	let unread = 0;
	for (const card of run.cards) {
		if (rendered && !rendered(card)) continue;
		const state = run.states.get(card);
		if (state?.fingerprint) found.itineraries++; // read in full, or passed over
		if (state?.view) found.withStops++;
		if (state?.view && state.unplaced) found.unplaced++;
		if (state?.unread) unread++;
	}
	if (unread > 0) found.unread = unread;
	return found;
}
