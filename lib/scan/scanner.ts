/**
 * The content-script pipeline (docs/architecture.md): find cards → extract → normalise → evaluate → one badge per
 * itinerary. A card whose route the adapter reads apart (`routeOf`) and which lies wholly outside the mainland is an
 * itinerary with no badge under any settings: it is read no further (nor normalised or judged when what `extract`
 * read gives every airport as such a code). The page observer (./page-observer.ts) hands over only what changed, so
 * cards are looked for only there and read once per change; cards near the viewport are read first, the others in
 * idle time (./read-queue.ts). The verdict is remembered per itinerary (its normalised segments), so identical cards
 * are judged once; an unchanged or recycled card is recognised by its segments' fingerprint. Badges
 * (./card-badges.ts) are mounted by an injected `mount`, so this module holds no UI and runs under jsdom in tests.
 */
import type {Extraction, PageContext, SiteAdapter} from '../adapters/types';
import type {Confidence, RawItinerary, SegmentInput} from '../itinerary';
import {isIataCode} from '../airports';
import {normalizeItinerary} from '../extract/normalize';
import type {DetailLevel} from '../settings';
import type {Locale} from '../i18n/locale';
import {evaluateBadge} from '../rules/badge-verdict';
import {outsideMainland, type EngineRules} from '../rules/engine-rules';
import type {CheckResult, TripInput} from '../rules/types';
import {summarize, type BadgeSummary} from '../ui/summary';
import {pageSummary, toolbarVerdict, type ToolbarVerdict} from '../ui/page-summary';
import {
	createCardBadges,
	MAX_BADGE_RESTORES,
	newCardState,
	type BadgeHandle,
	type BadgeView,
	type CardBadges,
	type CardState,
	type Mount,
	type PlacementCheck,
} from './card-badges';
import {guarded} from './guard';
import {createMountGate, type MountGate} from './mount-gate';
import {observePage, type PageChange, type PageObserver} from './page-observer';
import {createReadQueue, type NearObserverConstructor, type ReadQueue} from './read-queue';

export type {BadgeView, Mount, PlacementCheck} from './card-badges';

const MAX_CARDS_PER_BATCH = 100;
/** Milliseconds of card reading per frame, so a huge page never gets a long task from us. */
const FRAME_BUDGET_MS = 8;
/** Normalised itineraries and verdicts kept for repeated ones; a page with more distinct ones starts the memo again. */
const MAX_REMEMBERED = 2000;
/**
 * Far cards read per idle callback, at most: fewer when the idle period ends or FRAME_BUDGET_MS have gone, so an idle
 * pass never keeps a tap or a key waiting longer than a frame's reading would. Each pass costs a callback, the counts
 * and a placement check whatever it read: at 20 a pass, a 500-card page took 28 passes, where most idle periods had
 * room for many more cards.
 */
const IDLE_BATCH = 100;
/** An idle callback comes within this time even on a busy page, so the popup's counts converge. */
const IDLE_TIMEOUT_MS = 1000;
/**
 * Badges idle reading decided wait for the end of that reading to go on the page together, but no longer than this:
 * on a busy page idle reading can take seconds, and the user may scroll to one of those cards meanwhile.
 */
const DEFERRED_MAX_MS = 250;
/**
 * How long a page whose cards follow its data (the adapter's `cardsFollowData`) goes without cards before its data
 * gets a badge for the page: longer than such a page takes to render its first cards after it loads.
 */
export const DATA_WITHOUT_CARDS_MS = 1000;

export type ScanSettings = {passports: string[]; locale: Locale; detailLevel?: DetailLevel};

type IdleDeadlineLike = {timeRemaining: () => number};

type ScannerOptions = {
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
	 * Says which cards are within about a screen of the viewport: those are read first, the others in idle time. The
	 * window's IntersectionObserver by default; without one (null, or none in the window) every card counts as near.
	 */
	intersectionObserver?: NearObserverConstructor | null;
	/** Runs a callback when the page is idle: requestIdleCallback by default, else `schedule`. */
	idle?: (callback: (deadline?: IdleDeadlineLike) => void) => void;
	/** Runs a callback after `ms` (setTimeout in the page). */
	later?: (callback: () => void, ms: number) => void;
};

/** `unplaced`: itineraries with a mainland stop whose badge could not be shown whole anywhere on their card. */
export type Found = {itineraries: number; withStops: number; unplaced: number};

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
	/** The itineraries with a mainland stop and their best verdict, for the toolbar button. */
	verdict: () => ToolbarVerdict;
	/** The layout may have changed (the window was resized): check every badge's placement again. */
	recheck: () => void;
	/** Reads every card again (the airport table learned names): badges stay until their new verdict replaces them. */
	reread: () => void;
};

type Judged = {trip: TripInput; result: CheckResult; summary?: BadgeSummary};
/** A raw itinerary normalised: its segments and their key (their JSON), or why it did not normalise. */
type Normalised = {ok: true; segments: SegmentInput[]; key: string} | {ok: false; problem: string};
type Memo<V> = {get: (key: string) => V | undefined; set: (key: string, value: V) => void; clear: () => void};

/** One scanner's state; the functions below each take it. */
type Run = {
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
	/** Badges of cards not near the viewport wait here to be mounted (./mount-gate.ts); none without an observer. */
	gate?: MountGate;
	badges: CardBadges;
	observer: PageObserver;
	/** What adapters are told of the page, and the address it was made for. */
	page?: {href: string; context: PageContext};
	/** Verdicts by itinerary key under the current settings. */
	verdicts: Memo<Judged>;
	pageBadge: {handle?: BadgeHandle; key: string; restores: number};
	/** The page's embedded itineraries last judged (the adapter's list, by identity), until the settings change. */
	embedded?: {raws: RawItinerary[]; judged: (Judged & {summary: BadgeSummary})[]};
	/** The page badge's itineraries' summaries (each one's own), for the toolbar. */
	pageSummaries: BadgeSummary[];
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

export function startScanner(options: ScannerOptions): Scanner {
	const run = createRun(options);
	return {
		setSettings(next) {
			run.settings = next;
			run.settingsKey = JSON.stringify(next);
			run.verdicts.clear();
			run.embedded = undefined;
			run.settingsChanged = true;
			request(run);
		},
		scan: () => frame(run),
		stop() {
			run.stopped = true;
			run.deferred.clear();
			run.observer.disconnect();
			run.queue.disconnect();
			run.gate?.disconnect();
			for (const card of run.live) run.states.get(card)?.handle?.remove();
			run.live.clear();
			run.pageBadge.handle?.remove();
		},
		recheck() {
			for (const card of run.live) {
				const state = run.states.get(card);
				if (state) run.badges.recheck(card, state);
			}
			request(run);
		},
		reread() {
			// The airport table changed: what normalised (or did not) may now read otherwise, and verdicts with it.
			run.verdicts.clear();
			run.embedded = undefined;
			for (const card of run.cards) run.queue.add(card);
			request(run);
		},
		stats: () => {
			counted(run); // stats.unplaced comes with the counts
			return {
				...run.stats,
				badges:
					[...run.live].filter((c) => run.states.get(c)?.handle?.isConnected()).length +
					(run.pageBadge.handle?.isConnected() ? 1 : 0),
			};
		},
		found: () => counted(run),
		verdict() {
			const summaries = [...run.pageSummaries];
			// The cards given a verdict with a mainland stop (the others have nothing to add): a few of a page's cards.
			for (const card of run.live) {
				const summary = run.states.get(card)?.view?.summary;
				if (summary) summaries.push(summary);
			}
			return toolbarVerdict(summaries);
		},
	};
}

function createRun(options: ScannerOptions): Run {
	const {adapter, doc} = options;
	const logged = new Set<string>();
	const logOnce = (message: string) => {
		if (logged.has(message)) return;
		logged.add(message);
		options.log(`[ctc:${adapter.id}] ${message}`);
	};
	const hosts = new WeakSet<Node>();
	const win = doc.defaultView;
	const Near = options.intersectionObserver === undefined ? win?.IntersectionObserver : options.intersectionObserver;
	const run: Run = {
		options,
		adapter,
		settings: options.settings,
		settingsKey: JSON.stringify(options.settings),
		cards: new Set(),
		states: new WeakMap(),
		live: new Set(),
		hosts,
		queue: createReadQueue(Near ?? undefined, () => request(run)),
		gate: createMountGate(Near ?? undefined, () => request(run)),
		badges: createCardBadges({...options, own: (host) => hosts.add(host), logOnce}),
		observer: observePage({
			doc,
			watchAttributes: adapter.watchAttributes ?? [],
			isOurs: (node) => hosts.has(node),
			onChange: () => request(run),
		}),
		verdicts: memo(),
		pageBadge: {key: '', restores: 0},
		pageSummaries: [],
		stats: {batches: 0, cards: 0, badges: 0, evaluations: 0, failures: 0, unplaced: 0},
		found: {itineraries: 0, withStops: 0, unplaced: 0},
		logOnce,
		idle:
			options.idle ??
			(win?.requestIdleCallback
				? (callback) => void win.requestIdleCallback(callback, {timeout: IDLE_TIMEOUT_MS})
				: (callback) => options.schedule(() => callback())),
		now: options.now ?? (() => 0),
		rescan: true,
		dataWait: 'none',
		settingsChanged: false,
		pending: false,
		idlePending: false,
		inIdle: false,
		deferred: new Map(),
		deferredSince: 0,
		checksPending: false,
		countsStale: false,
		stopped: false,
	};
	return run;
}

function memo<V>(): Memo<V> {
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

const request = (run: Run) => {
	if (run.pending || run.stopped) return;
	run.pending = true;
	run.options.schedule(() => frame(run));
};

const requestIdle = (run: Run) => {
	if (run.idlePending || run.stopped) return;
	run.idlePending = true;
	run.idle((deadline) => idlePass(run, deadline));
};

/**
 * The page as adapters see it, made again only when the page's address changed (an SPA may rewrite it in place):
 * parsing the address on every frame and idle pass cost a long results page a few milliseconds.
 */
const pageContext = (run: Run): PageContext => {
	const href = run.options.doc.URL;
	if (run.page?.href !== href) {
		run.page = {href, context: {url: new URL(href), referenceDate: run.options.referenceDate, airports: run.options.rules}};
	}
	return run.page.context;
};

// ---- batches ------------------------------------------------------------------------------------------------------

/**
 * One frame's work: follow what changed on the page, judge the cards again under new settings, and read the cards
 * near the viewport. Work is bounded per frame (MAX_CARDS_PER_BATCH reads, FRAME_BUDGET_MS of them); the rest wait
 * for the next frame, without the page being searched again unless it changed.
 */
function frame(run: Run): void {
	run.pending = false;
	if (run.stopped) return;
	run.stats.batches++;
	const change = run.observer.take();
	if (run.rescan || change?.full) {
		run.rescan = false;
		rescan(run);
	} else if (change) follow(run, change);
	showDeferred(run);
	if (run.settingsChanged) {
		run.settingsChanged = false;
		rejudge(run);
	}
	const page = pageContext(run);
	const started = run.now();
	for (let reads = 0; reads < MAX_CARDS_PER_BATCH && (reads === 0 || run.now() - started <= FRAME_BUDGET_MS); reads++) {
		const card = run.queue.take(false);
		if (!card) break;
		readCard(run, card, page, true);
	}
	if (run.queue.hasNear()) request(run);
	mountNear(run);
	finish(run);
}

/** Far cards, a few at a time while the page is idle, so the counts converge to the whole page. */
function idlePass(run: Run, deadline?: IdleDeadlineLike): void {
	run.idlePending = false;
	if (run.stopped) return;
	run.stats.batches++;
	const page = pageContext(run);
	const started = run.now();
	// The clocks are asked every fourth card: asking both for each of 500 cards cost about a millisecond.
	const more = () => (!deadline || deadline.timeRemaining() > 1) && run.now() - started <= FRAME_BUDGET_MS;
	run.inIdle = true;
	for (let reads = 0; reads < IDLE_BATCH && (reads % 4 !== 0 || reads === 0 || more()); reads++) {
		const card = run.queue.take(true);
		if (!card) break;
		// Gone since the last frame: the next frame forgets it.
		if (card.isConnected) readCard(run, card, page, false);
	}
	run.inIdle = false;
	// The idle reading is done, or its first badges have waited long enough: they go on the page in one frame.
	if (run.deferred.size > 0 && (!run.queue.hasFar() || run.now() - run.deferredSince >= DEFERRED_MAX_MS)) request(run);
	finish(run);
}

/** The badges idle passes decided, in this frame: as many as a frame's budget allows, the rest in the next ones. */
function showDeferred(run: Run): void {
	const started = run.now();
	let shown = 0;
	for (const [card, {state, view}] of run.deferred) {
		if (shown >= MAX_CARDS_PER_BATCH || (shown > 0 && run.now() - started > FRAME_BUDGET_MS)) break;
		run.deferred.delete(card);
		if (!card.isConnected) continue;
		run.badges.show(card, state, view);
		shown++;
	}
	if (run.deferred.size > 0) request(run);
}

/** The badges whose cards came near (./mount-gate.ts), as many as a frame's budget allows, the rest in the next ones. */
function mountNear(run: Run): void {
	if (!run.gate?.hasNear()) return;
	const started = run.now();
	for (let shown = 0; shown < MAX_CARDS_PER_BATCH && (shown === 0 || run.now() - started <= FRAME_BUDGET_MS); shown++) {
		const card = run.gate.take();
		if (!card) break;
		const state = run.states.get(card);
		if (state?.view && card.isConnected) run.badges.show(card, state, state.view);
	}
	if (run.gate.hasNear()) request(run);
}

/** After each batch: idle work asked for, the page badge where there are no cards, placements checked, counts. */
function finish(run: Run): void {
	if (run.queue.hasFar()) requestIdle(run);
	if (run.cards.size === 0) {
		if (!run.adapter.cardsFollowData || run.dataWait === 'settled') processEmbedded(run);
		else waitForCards(run);
	} else {
		run.pageSummaries = [];
		if (run.pageBadge.handle) {
			run.pageBadge.handle.remove();
			run.pageBadge = {key: '', restores: 0};
		}
	}
	const afterLayout = run.options.afterLayout;
	if (!afterLayout) run.badges.checkPlacements();
	else if (!run.checksPending && run.badges.toCheck()) {
		run.checksPending = true;
		afterLayout(() => {
			run.checksPending = false;
			if (run.stopped) return;
			run.badges.checkPlacements();
			report(run);
		});
	}
	report(run);
}

/**
 * A page whose cards follow its data, without cards yet: its data is judged once it went a moment without any.
 * Meanwhile, when the page is idle, its data is read and its first itinerary judged (no badge): the cards that follow
 * are then read by code that has run once, so the first of them get their badges in the frame they come near rather
 * than a frame or two later.
 */
function waitForCards(run: Run): void {
	if (run.dataWait !== 'none') return;
	run.dataWait = 'waiting';
	run.idle(() => {
		if (run.stopped || run.cards.size > 0) return;
		const raws = embeddedOf(run);
		const first = raws[0] && normalize(run, raws[0]);
		if (first?.ok) judge(run, first.segments, run.adapter.confidence, first.key);
	});
	const later = run.options.later ?? ((callback, ms) => void setTimeout(callback, ms));
	later(() => {
		run.dataWait = 'settled';
		if (run.stopped || run.cards.size > 0) return;
		processEmbedded(run);
		report(run);
	}, DATA_WITHOUT_CARDS_MS);
}

/**
 * The counts after a batch or a placement check, for the end-to-end build's marks; otherwise they are counted when
 * the popup asks (`found`, `stats`), not after every batch, which would cost a pass over every card each frame.
 */
function report(run: Run): void {
	run.stats.cards = run.cards.size;
	run.countsStale = true;
	if (run.options.onBatch) run.options.onBatch(counted(run));
	run.options.onChange?.();
}

/** What was found, counted again only when something was read or placed since the last count. */
function counted(run: Run): Found {
	if (run.countsStale) {
		run.countsStale = false;
		if (run.cards.size > 0) run.found = count(run);
		run.stats.unplaced = run.found.unplaced;
	}
	return run.found;
}

function count(run: Run): Found {
	const found: Found = {itineraries: 0, withStops: 0, unplaced: 0};
	for (const card of run.cards) {
		const state = run.states.get(card);
		if (state?.fingerprint) found.itineraries++; // read in full, or passed over
		if (state?.view) found.withStops++;
		if (state?.view && state.unplaced) found.unplaced++;
	}
	return found;
}

// ---- which cards to read ------------------------------------------------------------------------------------------

/** Every card on the page found again, and all read (the first scan, or more changes than are worth following). */
function rescan(run: Run): void {
	const found = new Set(findCards(run, run.options.doc));
	for (const card of run.cards) if (!found.has(card)) forget(run, card);
	for (const card of found) {
		track(run, card);
		run.queue.add(card);
	}
}

/** Only what changed: gone cards forgotten, changed cards read again, new cards found in or around what changed. */
function follow(run: Run, change: PageChange): void {
	if (change.removed) sweep(run);
	// First, where each change lies: in a known card (read again) or in none. No card is added meanwhile, so an
	// ancestor found in none stays so: the walks up from a batch of added siblings stop where the first one's went.
	const clear = new Set<Element>();
	const outside: [Element, boolean][] = [];
	for (const el of change.touched) {
		if (!change.subtrees.has(el) && el.isConnected && !inCard(run, el, clear)) outside.push([el, false]);
	}
	for (const el of change.subtrees) if (el.isConnected && !inCard(run, el, clear)) outside.push([el, true]);
	for (const [el, search] of outside) look(run, el, search);
}

/** Whether `el` lies in a known card, which is queued to be read again. `clear`: elements known to lie in no card. */
function inCard(run: Run, el: Element, clear: Set<Element>): boolean {
	const path: Element[] = [];
	for (let e: Element | null = el; e && !clear.has(e); e = e.parentElement) {
		if (run.cards.has(e)) {
			run.queue.add(e);
			return true;
		}
		path.push(e);
	}
	for (const e of path) clear.add(e);
	return false;
}

/**
 * A changed element in no known card: the cards in it (`search`: an added subtree) and the one it lies in (the
 * adapter's `cardOf`) are new cards.
 */
function look(run: Run, el: Element, search: boolean): void {
	const found = search ? findCards(run, el) : [];
	if (!found.some((card) => card.contains(el))) {
		const around = guarded('cardOf', () => run.adapter.cardOf?.(el), undefined, run.logOnce);
		if (around) found.push(around);
	}
	for (const card of found) if (!run.cards.has(card)) track(run, card);
}

function findCards(run: Run, root: ParentNode): Element[] {
	return guarded('findCards', () => run.adapter.findCards(root), [], run.logOnce);
}

/** A card seen for the first time: followed from now on, and queued to be read. */
function track(run: Run, card: Element): void {
	if (run.cards.has(card)) return;
	run.cards.add(card);
	run.queue.add(card);
}

/** A card that left the page: its badge goes; should the node come back, it is a new card. */
function forget(run: Run, card: Element): void {
	run.badges.forget(card, run.states.get(card));
	run.states.delete(card);
	run.live.delete(card);
	run.cards.delete(card);
	run.queue.forget(card);
	run.deferred.delete(card);
	run.gate?.forget(card);
}

/** Something left the page: the cards that went with it are forgotten, and badges the page removed are put back. */
function sweep(run: Run): void {
	for (const card of run.cards) if (!card.isConnected) forget(run, card);
	for (const card of run.live) {
		const state = run.states.get(card);
		if (state) run.badges.restore(card, state);
	}
}

/** New passports or language: every card's stored itinerary judged again, none read again. */
function rejudge(run: Run): void {
	for (const card of run.cards) {
		const state = run.states.get(card);
		if (state?.segments && state.settingsKey !== run.settingsKey) apply(run, card, state, false);
	}
}

// ---- reading and judging ------------------------------------------------------------------------------------------

/** `near`: the read queue said the card is near the viewport (its badge goes on the page in this frame). */
function readCard(run: Run, card: Element, page: PageContext, near: boolean): void {
	run.deferred.delete(card); // read again: what it says now decides
	let state = run.states.get(card);
	if (!state) run.states.set(card, (state = newCardState()));
	const route = routeOf(run, card);
	if (route && outsideMainland(route, run.options.rules)) return passOver(run, card, state, route.join('-'));
	const raw = extractCard(run, card, page);
	// Read, and every airport given by a code outside the mainland: nothing to normalise or judge either.
	const codes = raw && codesOf(raw);
	if (codes && outsideMainland(codes, run.options.rules)) return passOver(run, card, state, codes.join('-'));
	const itinerary = raw && normalizedOf(run, raw);
	if (!itinerary) {
		run.gate?.forget(card);
		return run.badges.drop(state);
	}
	// Unchanged: a badge the page took away is put back; one still waiting at the gate goes on waiting.
	if (state.segments && state.fingerprint === itinerary.key && state.settingsKey === run.settingsKey) {
		return run.badges.restore(card, state);
	}
	state.fingerprint = itinerary.key;
	state.segments = itinerary.segments;
	// Another itinerary in this card (recycled): the placements start again from the best one.
	state.placement = 0;
	state.unplaced = false;
	apply(run, card, state, near);
}

/** The airports the card says it goes through, where its adapter reads them apart (`routeOf`); else undefined. */
function routeOf(run: Run, card: Element): string[] | undefined {
	const read = run.adapter.routeOf;
	return read && guarded('routeOf', () => read(card), undefined, run.logOnce);
}

/**
 * A card whose route lies outside the mainland: an itinerary read, with no badge under any settings, so not read,
 * normalised or judged further. A badge it had (another itinerary before the page recycled the card) goes.
 */
function passOver(run: Run, card: Element, state: CardState, route: string): void {
	if (!state.segments && state.fingerprint === route) return;
	run.gate?.forget(card);
	run.badges.drop(state);
	state.fingerprint = route;
	state.settingsKey = run.settingsKey;
}

/** What the adapter reads of the card; undefined when it does not read as an itinerary (a problem is logged once). */
function extractCard(run: Run, card: Element, page: PageContext): RawItinerary | undefined {
	let extraction: Extraction;
	try {
		extraction = run.adapter.extract(card, page);
	} catch (error) {
		run.stats.failures++;
		run.logOnce(`extract threw: ${String(error)}`);
		return undefined;
	}
	if (extraction.status !== 'ok') {
		if (extraction.status === 'failed') {
			run.stats.failures++;
			run.logOnce(`card not understood: ${extraction.reason}`);
		}
		return undefined;
	}
	return extraction.itinerary;
}

/** Each leg's airports, where the card gave every one of them as a bare code; else undefined. */
function codesOf(raw: RawItinerary): string[] | undefined {
	const codes: string[] = [];
	for (const segment of raw.segments) {
		if (!isIataCode(segment.from) || !isIataCode(segment.to)) return undefined;
		codes.push(segment.from, segment.to);
	}
	return codes;
}

/** The card's itinerary, normalised; undefined when it does not normalise (the problem is logged once). */
function normalizedOf(run: Run, raw: RawItinerary): Extract<Normalised, {ok: true}> | undefined {
	const normalised = normalize(run, raw);
	if (normalised.ok) return normalised;
	run.logOnce(`itinerary not normalised: ${normalised.problem}`);
	return undefined;
}

/**
 * A raw itinerary normalised, with its key. Not remembered by the raw itinerary: normalising costs a few
 * microseconds (dates are resolved once per page, lib/extract/normalize.ts), while a memo keyed by each card's raw
 * JSON held about 200 kB on a page of 500 distinct results.
 */
function normalize(run: Run, raw: RawItinerary): Normalised {
	const n = normalizeItinerary(raw, run.options.referenceDate, run.options.rules);
	return n.ok ? {ok: true, segments: n.segments, key: JSON.stringify(n.segments)} : {ok: false, problem: n.problem};
}

/**
 * The verdict on an itinerary under the current settings. Result lists repeat itineraries ("best" and "other"
 * flights, re-renders), and a verdict depends only on the segments and the settings: remembered by `key` (the JSON of
 * the segments) until the settings change.
 */
function judge(run: Run, segments: SegmentInput[], confidence: Confidence, key = JSON.stringify(segments)): Judged {
	const known = run.verdicts.get(key);
	if (known) return known;
	run.stats.evaluations++;
	const {settings} = run;
	const trip: TripInput = {passports: settings.passports, segments};
	// The badge's fast path (no reasons): the details are explained by the background from a full evaluation.
	const result = evaluateBadge(trip, run.options.rules, run.options.today);
	const fresh = {trip, result, summary: summarize(result, confidence, settings.locale, settings.detailLevel)};
	run.verdicts.set(key, fresh);
	return fresh;
}

const viewOf = (run: Run, summary: BadgeSummary, judged: Judged[], page?: true): BadgeView => ({
	summary,
	results: judged.map((j) => j.result),
	trips: judged.map((j) => j.trip),
	heuristic: run.adapter.confidence === 'heuristic',
	locale: run.settings.locale,
	detail: run.settings.detailLevel ?? 'standard',
	today: run.options.today,
	...(page ? {page} : {}),
});

/**
 * Puts the card's verdict on the page: a new badge, an update in place, or none when there is no mainland stop. A new
 * badge for a card not known to be near (`near`: the read queue said so) waits at the gate until it is; its verdict
 * counts at once.
 */
function apply(run: Run, card: Element, state: CardState, near: boolean): void {
	const judged = judge(run, state.segments!, run.adapter.confidence, state.fingerprint);
	state.settingsKey = run.settingsKey;
	if (judged.summary) run.live.add(card);
	const view = judged.summary && viewOf(run, judged.summary, [judged]);
	if (view && run.gate && !near && !state.handle?.isConnected()) {
		run.deferred.delete(card);
		state.view = view;
		run.gate.wait(card);
		return;
	}
	run.gate?.forget(card);
	if (run.inIdle) {
		if (run.deferred.size === 0) run.deferredSince = run.now();
		run.deferred.set(card, {state, view});
	} else run.badges.show(card, state, view);
}

// ---- the page badge -----------------------------------------------------------------------------------------------

/** The itineraries in the page's data, as the adapter reads them; none when it has no such reader or it failed. */
function embeddedOf(run: Run): RawItinerary[] {
	const {adapter, doc} = run.options;
	return guarded('extractEmbedded', () => adapter.extractEmbedded?.(doc, pageContext(run)) ?? [], [], run.logOnce);
}

/** Results that are in the page's data but not rendered as cards yet: one badge for the page. */
function processEmbedded(run: Run): void {
	const {adapter, doc} = run.options;
	const raws = embeddedOf(run);
	// The same list as last time (the adapter keeps it while the page's data is unchanged): judged already, as new
	// settings or airport names forget it.
	let judged = run.embedded?.raws === raws ? run.embedded.judged : undefined;
	if (!judged) {
		judged = raws
			.map((raw) => normalize(run, raw))
			.flatMap((n) => (n.ok ? [judge(run, n.segments, adapter.confidence, n.key)] : []))
			.filter((j): j is Judged & {summary: BadgeSummary} => j.summary !== undefined);
		run.embedded = {raws, judged};
	}
	run.found = {itineraries: raws.length, withStops: judged.length, unplaced: 0};
	run.pageSummaries = judged.map((j) => j.summary);
	const stops = judged.map((j) => JSON.stringify(j.result.stops.map((s) => [s.airports, s.arrival, s.departure])));
	const key = `${run.settingsKey}|${stops.join()}`;
	const badge = run.pageBadge;
	if (key === badge.key) {
		if (!badge.handle || badge.handle.isConnected() || badge.restores >= MAX_BADGE_RESTORES) return;
		badge.restores++; // the page removed it: put it back, a few times at most
	} else badge.restores = 0;
	badge.handle?.remove();
	run.pageBadge = {key, restores: badge.restores};
	const summary = pageSummary(
		judged.map((j) => j.summary),
		run.settings.locale,
	);
	if (!summary || !doc.body) return;
	run.pageBadge.handle = run.options.mount({anchor: doc.body, append: 'first'}, viewOf(run, summary, judged, true));
	if (run.pageBadge.handle.host) run.hosts.add(run.pageBadge.handle.host);
}
