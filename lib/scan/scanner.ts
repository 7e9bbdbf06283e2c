/**
 * The content-script pipeline (docs/architecture.md): find cards → extract → normalise → evaluate → one badge per
 * itinerary. A card whose route the adapter reads apart (`routeOf`) and which lies wholly outside the mainland is an
 * itinerary with no badge under any settings: it is read no further (nor normalised or judged when what `extract`
 * read gives every airport as such a code). The page observer (./page-observer.ts) hands over only what changed, so
 * cards are looked for only there and read once per change; cards near the viewport are read first, then those the
 * page has just added, the others in idle time (./read-queue.ts). The verdict is remembered per itinerary (its
 * normalised segments), so identical cards are judged once; an unchanged or recycled card is recognised by its
 * segments' fingerprint. Badges (./card-badges.ts) are mounted by an injected `mount`, so the scanner holds no UI and
 * runs under jsdom in tests.
 *
 * This module starts the scanner and batches its work into frames and idle passes; the work itself is in
 * ./card-tracking.ts (which cards to read), ./card-reading.ts (reading and judging them), ./page-badge.ts (one badge
 * for the page's data where it shows no cards) and ./scan-run.ts (the state they share, and the counts).
 */
import type {PageContext} from '../adapters/types';
import {toolbarVerdict} from '../ui/page-summary';
import {createCardBadges, type Point} from './card-badges';
import {follow, rejudge, rescan} from './card-tracking';
import {readCard} from './card-reading';
import {createMountGate} from './mount-gate';
import {processEmbedded, waitForCards} from './page-badge';
import {observePage} from './page-observer';
import {createReadQueue} from './read-queue';
import {memo, pageContext, shownCounts, report, type IdleDeadlineLike, type Run, type Scanner, type ScannerOptions} from './scan-run';

export type {BadgeView, ClipWatch, Mount, PlacementCheck, Point, PointerReport, PointerWatch, SizeWatch} from './card-badges';
export type {Found, Scanner, ScanSettings} from './scan-run';
export {DATA_WITHOUT_CARDS_MS} from './page-badge';

const MAX_CARDS_PER_BATCH = 100;
/** Milliseconds of card reading per frame, so a huge page never gets a long task from us. */
const FRAME_BUDGET_MS = 8;
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
			run.sizes?.disconnect();
			run.clips?.disconnect();
			run.pointer?.disconnect();
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
			const {unplaced} = shownCounts(run);
			return {
				...run.stats,
				unplaced,
				badges:
					[...run.live].filter((c) => run.states.get(c)?.handle?.isConnected()).length +
					(run.pageBadge.handle?.isConnected() ? 1 : 0),
			};
		},
		found: () => shownCounts(run),
		// Cards found and not read yet, or badges decided and not on the page yet; not a frame merely due because the page
		// changed (a page that never stops changing would never be said to be read).
		reading: () =>
			!run.stopped &&
			(run.rescan ||
				run.added.length > 0 ||
				run.queue.hasNear() ||
				run.queue.hasFar() ||
				run.deferred.size > 0 ||
				run.dataWait === 'waiting'),
		record: () => run.record,
		leftOut: () => run.embedded?.leftOut,
		verdict() {
			const summaries = [...run.pageSummaries];
			// The cards given a verdict with a mainland stop (the others have nothing to add): a few of a page's cards. Each
			// itinerary once: a page can show one on several cards (Google Flights' "Best" and "Cheapest" tab panels).
			const seen = new Set<string>();
			for (const card of run.live) {
				const state = run.states.get(card);
				const summary = state?.view?.summary;
				if (!summary || seen.has(state.fingerprint)) continue;
				seen.add(state.fingerprint);
				summaries.push(summary);
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
	const sizes = options.watchSizes?.((cards) => resized(run, cards));
	const clips = options.watchClips?.((hosts) => resized(run, cardsOf(run, hosts)));
	const pointer = options.watchPointer?.((hosts, at, now) => {
		if (at) for (const host of hosts) run.badges.pointed(host, at);
		resized(run, cardsOf(run, hosts), at);
		if (!now || run.stopped) return;
		run.badges.checkPlacements();
		report(run);
	});
	const settle = settleWith(options.afterAnimations, (card) => resized(run, [card]));
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
		added: [],
		gate: createMountGate(Near ?? undefined, () => request(run)),
		badges: createCardBadges({...options, sizes, clips, pointer, settle, own: (host) => hosts.add(host), logOnce}),
		sizes,
		clips,
		pointer,
		observer: observePage({
			doc,
			watchAttributes: adapter.watchAttributes ?? [],
			isOurs: (node) => hosts.has(node),
			onChange: () => request(run),
		}),
		verdicts: memo(),
		pageBadge: {key: '', restores: 0, restoredAt: 0},
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

/**
 * Cards whose box changed size with nothing the page observer heard (a class or a style on the card or around it):
 * their badges are checked again after the next layout, as after a resize. Only badges on the page: one that fitted
 * nowhere was taken off its card, which changed the card's size too, and putting it back for that would take it off
 * again, and so on, frame after frame (a card whose overlay covers every placement); a resize, a change of the page's
 * styles or of the card gives it another chance.
 */
function resized(run: Run, cards: Element[], at?: Point): void {
	let rechecked = false;
	for (const card of cards) {
		const state = run.states.get(card);
		if (!state?.handle?.isConnected() || state.unplaced || !card.isConnected) continue;
		run.badges.recheck(card, state, at);
		rechecked = true;
	}
	if (rechecked) request(run);
}

/**
 * Each card whose badge's check said `settling` is checked again once the animations around its badge end, as after
 * a resize; a card is waited for once at a time, however often it is checked meanwhile.
 */
function settleWith(
	afterAnimations: ScannerOptions['afterAnimations'],
	recheck: (card: Element) => void,
): ((host: Element, card: Element) => void) | undefined {
	if (!afterAnimations) return undefined;
	const waiting = new WeakSet<Element>();
	return (host, card) => {
		if (waiting.has(card)) return;
		waiting.add(card);
		afterAnimations(host, card, () => {
			waiting.delete(card);
			recheck(card);
		});
	};
}

/**
 * The cards of badges no longer painted whole where they are (ScannerOptions.watchClips): checked again as after a
 * resize. Badges whose check is still to come (mounted or moved in this batch) are left to it.
 */
function cardsOf(run: Run, hosts: Element[]): Element[] {
	const cards: Element[] = [];
	for (const host of hosts) {
		const card = run.badges.cardOf(host);
		if (card) cards.push(card);
	}
	return cards;
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
	let reads = 0;
	const more = () => reads < MAX_CARDS_PER_BATCH && (reads === 0 || run.now() - started <= FRAME_BUDGET_MS);
	for (let card; more() && (card = run.queue.take(false)); reads++) readCard(run, card, page, true);
	readAdded(run, page, more, () => reads++);
	if (run.queue.hasNear()) request(run);
	mountNear(run);
	finish(run);
}

/**
 * The cards the page added since the last frame, near the viewport or not (the observer has not said yet), in what is
 * left of the frame's budget; the rest in the next frames. A badge put in a card as the page adds it moves only what
 * the page adds after it. Put in later, once the list is whole (in idle time, or as a scroll brings the card near), it
 * moves the rest of the list, and the browser then updates the paint properties of all that moved: on the bench page,
 * where those badges went on as the scroll began, the page's pre-paint was 160 ms lower (median of 6 traced pairs).
 */
function readAdded(run: Run, page: PageContext, more: () => boolean, counted: () => void): void {
	const added = run.added;
	let i = 0;
	for (; i < added.length && more(); i++) {
		const card = added[i]!;
		if (!card.isConnected || !run.queue.takeCard(card)) continue;
		readCard(run, card, page, false);
		counted();
	}
	// What the budget left is read in the next frames, after their near cards. It can build up over batches while near
	// cards take whole frames, bounded by what the page adds (each batch at most 250 changed subtrees before the
	// observer asks for a whole-page scan instead: ./page-observer.ts); cards read or gone meanwhile are skipped.
	run.added = i === 0 ? added : added.slice(i);
	if (run.added.length > 0) request(run);
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
			run.pageBadge = {key: '', restores: 0, restoredAt: 0};
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
