/**
 * The content-script pipeline (docs/architecture.md): find cards → extract → normalise → evaluate → one badge per
 * itinerary. One batched MutationObserver; fingerprints of the extracted segments so unchanged or recycled cards
 * cost nothing and re-sorted lists get the right verdicts; capped restores when the page deletes a badge.
 * Rendering is injected (`mount`), so this module holds no UI and runs under jsdom in tests.
 */
import type {BadgePlacement, PageContext, SiteAdapter} from '../adapters/types';
import type {Confidence} from '../itinerary';
import {normalizeItinerary} from '../extract/normalize';
import type {DetailLevel} from '../settings';
import type {Locale} from '../i18n/locale';
import {evaluateTrip} from '../rules/evaluate';
import type {EngineRules} from '../rules/engine-rules';
import type {CheckResult, TripInput} from '../rules/types';
import type {SegmentInput} from '../itinerary';
import {summarize, type BadgeSummary} from '../ui/summary';
import {badgeText as t} from '../i18n/badge-messages';

const MAX_BADGE_RESTORES = 3;
const MAX_CARDS_PER_BATCH = 100;
/** Verdicts kept for repeated itineraries; a page with more distinct ones starts the memo again. */
const MAX_JUDGED = 2000;
/** Milliseconds of card reading per frame, so a huge page never gets a long task from us. */
const FRAME_BUDGET_MS = 8;

/**
 * `page`: one badge for itineraries the page holds in its data but has not rendered as cards. `trips`: what each
 * result was judged from (the check-in card is built from it), in the same order as `results`.
 */
export type BadgeView = {
	summary: BadgeSummary;
	results: CheckResult[];
	trips: TripInput[];
	heuristic: boolean;
	locale: Locale;
	/** The badge detail level: it sets the badge's fixed size. */
	detail: DetailLevel;
	page?: boolean;
};
/** `host`: the element put into the page, for the placement check and to tell our own mutations from the page's. */
type BadgeHandle = {update: (view: BadgeView) => void; remove: () => void; isConnected: () => boolean; host?: Element};
export type Mount = (placement: BadgePlacement, view: BadgeView) => BadgeHandle;
/**
 * Whether a mounted badge is painted whole where it is (see ./placement-check.ts): `not-rendered` when the card itself
 * is not laid out (hidden, collapsed), so nothing can be said yet.
 */
export type PlacementCheck = (host: Element, card: Element) => 'painted' | 'clipped' | 'not-rendered';

export type ScanSettings = {passports: string[]; locale: Locale; detailLevel?: DetailLevel};

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
	/**
	 * Checks each badge after it is mounted; a clipped badge moves to the adapter's next placement, and one that fits
	 * nowhere is removed and counted as unplaced. Without it (no layout, as under jsdom) the first placement is kept.
	 */
	checkPlacement?: PlacementCheck;
};

/** `unplaced`: itineraries with a mainland stop whose badge could not be shown whole anywhere on their card. */
export type Found = {itineraries: number; withStops: number; unplaced: number};

type CardState = {
	fingerprint: string;
	/** The normalised itinerary last read from the card; undefined when the card did not read as one. */
	segments?: SegmentInput[];
	settingsKey: string;
	handle?: BadgeHandle;
	restores: number;
	view?: BadgeView;
	/** Index into the adapter's placements where the badge is (or goes next). */
	placement: number;
	/** Every placement was tried and none showed the badge whole. */
	unplaced: boolean;
};

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
	/** The layout may have changed (the window was resized): check every badge's placement again. */
	recheck: () => void;
	/** Reads every card again (the airport table learned names): badges stay until their new verdict replaces them. */
	reread: () => void;
};

export function startScanner(options: ScannerOptions): Scanner {
	const {adapter, doc, rules, mount, log, schedule} = options;
	const now = options.now ?? (() => 0);
	let settings = options.settings;
	let settingsKey = JSON.stringify(settings);
	const states = new WeakMap<Element, CardState>();
	const live = new Set<Element>();
	/** Cards with a mutation inside them since they were last read; only these are extracted again. */
	const dirty = new WeakSet<Element>();
	let allDirty = false;
	const logged = new Set<string>();
	const stats: ScanStats = {batches: 0, cards: 0, badges: 0, evaluations: 0, failures: 0, unplaced: 0};
	/** Our badge hosts: their insertion is not a page change worth a scan. */
	const hosts = new WeakSet<Node>();
	/** Cards whose badge was mounted or moved since the last placement check. */
	const toCheck = new Set<Element>();
	let pending = false;
	let stopped = false;
	let pageBadge: {handle?: BadgeHandle; key: string; restores: number} = {key: '', restores: 0};
	let lastFound: Found = {itineraries: 0, withStops: 0, unplaced: 0};

	const logOnce = (message: string) => {
		if (logged.has(message)) return;
		logged.add(message);
		log(`[ctc:${adapter.id}] ${message}`);
	};

	type Judged = {trip: TripInput; result: CheckResult; summary?: BadgeSummary};
	/**
	 * Verdicts by itinerary under the current settings: result lists repeat itineraries ("best" and "other" flights,
	 * re-renders), and a verdict depends only on the segments and the settings. Emptied when the settings change.
	 */
	let verdicts = new Map<string, Judged>();
	const judge = (segments: SegmentInput[], confidence: Confidence, key = JSON.stringify(segments)): Judged => {
		const known = verdicts.get(key);
		if (known) return known;
		stats.evaluations++;
		const trip: TripInput = {passports: settings.passports, segments};
		const result = evaluateTrip(trip, rules, {today: options.today});
		const fresh = {trip, result, summary: summarize(result, confidence, settings.locale, settings.detailLevel)};
		if (verdicts.size >= MAX_JUDGED) verdicts = new Map();
		verdicts.set(key, fresh);
		return fresh;
	};

	const normalize = (raw: Parameters<typeof normalizeItinerary>[0]) => normalizeItinerary(raw, options.referenceDate, rules);

	/** Puts the card's verdict on the page: a new badge, an update in place, or none when there is no mainland stop. */
	function apply(card: Element, state: CardState): void {
		const {trip, result, summary} = judge(state.segments!, adapter.confidence, state.fingerprint);
		state.settingsKey = settingsKey;
		if (!summary) {
			state.handle?.remove();
			state.handle = undefined;
			state.view = undefined;
			return;
		}
		const view: BadgeView = {
			summary,
			results: [result],
			trips: [trip],
			heuristic: adapter.confidence === 'heuristic',
			locale: settings.locale,
			detail: settings.detailLevel ?? 'standard',
		};
		state.view = view;
		live.add(card);
		if (state.handle?.isConnected()) state.handle.update(view);
		else if (!state.unplaced) mountAt(card, state);
	}

	/** Mounts the card's badge at its current placement; false when the adapter has no placement left to try. */
	function mountAt(card: Element, state: CardState): boolean {
		state.handle?.remove();
		state.handle = undefined;
		const placement = safePlacements(card)[state.placement];
		if (!placement || !state.view) return false;
		state.handle = mount(placement, state.view);
		if (state.handle.host) hosts.add(state.handle.host);
		toCheck.add(card);
		return true;
	}

	/** A card whose badge the page removed (a re-render): put it back a few times, then leave the card alone. */
	function restore(card: Element, state: CardState): void {
		if (!state.segments || !state.handle) return;
		if (state.handle.isConnected() || state.restores >= MAX_BADGE_RESTORES || !state.view) return;
		state.restores++;
		mountAt(card, state);
	}

	function processCard(card: Element, page: PageContext): void {
		const known = states.get(card);
		// Untouched since it was read: no extraction. New passports or language only re-judge the stored segments.
		if (known && !allDirty && !dirty.has(card)) {
			return known.segments && known.settingsKey !== settingsKey ? apply(card, known) : restore(card, known);
		}
		dirty.delete(card);
		const state: CardState = known ?? {fingerprint: '', settingsKey: '', restores: 0, placement: 0, unplaced: false};
		states.set(card, state);
		let extraction;
		try {
			extraction = adapter.extract(card, page);
		} catch (error) {
			stats.failures++;
			logOnce(`extract threw: ${String(error)}`);
			return drop(state);
		}
		if (extraction.status !== 'ok') {
			if (extraction.status === 'failed') {
				stats.failures++;
				logOnce(`card not understood: ${extraction.reason}`);
			}
			return drop(state);
		}
		const normalized = normalize(extraction.itinerary);
		if (!normalized.ok) {
			logOnce(`itinerary not normalised: ${normalized.problem}`);
			return drop(state);
		}
		const fingerprint = JSON.stringify(normalized.segments);
		if (state.segments && state.fingerprint === fingerprint && state.settingsKey === settingsKey) return restore(card, state);
		state.fingerprint = fingerprint;
		state.segments = normalized.segments;
		// Another itinerary in this card (recycled): the placements start again from the best one.
		state.placement = 0;
		state.unplaced = false;
		return apply(card, state);
	}

	/** A card that no longer reads as an itinerary (still rendering, or recycled into something else): no badge. */
	function drop(state: CardState): void {
		state.handle?.remove();
		state.handle = undefined;
		state.segments = undefined;
		state.view = undefined;
		state.fingerprint = '';
		state.placement = 0;
		state.unplaced = false;
	}

	function safePlacements(card: Element): BadgePlacement[] {
		try {
			return adapter.badgePlacements(card);
		} catch (error) {
			logOnce(`badgePlacements threw: ${String(error)}`);
			return [];
		}
	}

	/**
	 * Checks the badges mounted or moved in this batch: all reads first, then the moves, so each pass costs the page
	 * one layout. A clipped badge goes to the next placement and is checked again in the next pass; one that fits
	 * nowhere is removed and counted. Cards not laid out yet are checked again after the next change.
	 */
	function checkPlacements(): void {
		const check = options.checkPlacement;
		if (!check) {
			toCheck.clear();
			return;
		}
		let round = [...toCheck];
		toCheck.clear();
		const later: Element[] = [];
		for (let pass = 0; round.length > 0 && pass < 8; pass++) {
			const results = round.map((card) => {
				const host = states.get(card)?.handle?.host;
				return [card, host && host.isConnected ? safeCheck(check, host, card) : 'gone'] as const;
			});
			round = [];
			for (const [card, result] of results) {
				const state = states.get(card)!;
				if (result === 'painted' || result === 'gone') continue;
				if (result === 'not-rendered') {
					later.push(card);
					continue;
				}
				state.placement++;
				if (mountAt(card, state)) round.push(card);
				else {
					state.unplaced = true;
					logOnce('a badge could not be placed where it is painted whole');
				}
				toCheck.delete(card);
			}
		}
		for (const card of [...round, ...later]) toCheck.add(card);
	}

	function safeCheck(check: PlacementCheck, host: Element, card: Element): ReturnType<PlacementCheck> {
		try {
			return check(host, card);
		} catch {
			return 'painted'; // a check that cannot run must not take badges away
		}
	}

	/** Results that are in the page's data but not rendered as cards yet: one badge for the page. */
	function processEmbedded() {
		let raws: ReturnType<NonNullable<SiteAdapter['extractEmbedded']>> = [];
		try {
			raws = adapter.extractEmbedded?.(doc, {url: new URL(doc.URL), referenceDate: options.referenceDate, airports: rules}) ?? [];
		} catch (error) {
			logOnce(`extractEmbedded threw: ${String(error)}`);
		}
		const judged = raws
			.map(normalize)
			.filter((n): n is Extract<typeof n, {ok: true}> => n.ok)
			.map((n) => judge(n.segments, adapter.confidence))
			.filter((j): j is Judged & {summary: BadgeSummary} => j.summary !== undefined);
		lastFound = {itineraries: raws.length, withStops: judged.length, unplaced: 0};
		const key = `${settingsKey}|${judged.map((j) => JSON.stringify(j.result.stops.map((s) => [s.airports, s.arrival, s.departure]))).join()}`;
		if (key === pageBadge.key) {
			if (!pageBadge.handle || pageBadge.handle.isConnected() || pageBadge.restores >= MAX_BADGE_RESTORES) return;
			pageBadge.restores++; // the page removed it: put it back, a few times at most
		} else pageBadge.restores = 0;
		pageBadge.handle?.remove();
		pageBadge = {key, restores: pageBadge.restores};
		if (judged.length === 0 || !doc.body) return;
		const rank = {none: 0, passport: 1, check: 2, ok: 3} as const;
		const weakest = judged.reduce((a, b) => (rank[b.summary.tone] < rank[a.summary.tone] ? b : a));
		const text =
			judged.length === 1
				? weakest.summary.text
				: t('badgePage', settings.locale, {count: judged.length, summary: weakest.summary.text});
		const full =
			judged.length === 1
				? weakest.summary.fullText
				: t('badgePage', settings.locale, {count: judged.length, summary: weakest.summary.fullText});
		const summary = {
			...weakest.summary,
			text,
			fullText: full,
			ariaLabel: t('badgeAriaPage', settings.locale, {summary: full.replace(/ ✓/, '')}),
		};
		const view: BadgeView = {
			summary,
			results: judged.map((j) => j.result),
			trips: judged.map((j) => j.trip),
			heuristic: adapter.confidence === 'heuristic',
			locale: settings.locale,
			detail: settings.detailLevel ?? 'standard',
			page: true,
		};
		pageBadge.handle = mount({anchor: doc.body, append: 'first'}, view);
		if (pageBadge.handle.host) hosts.add(pageBadge.handle.host);
	}

	/** Cards from the last full scan, and those of them still waiting to be read. */
	let cards: Element[] = [];
	let backlog: Element[] = [];
	/** The page changed since the last full scan (or settings did): find the cards again. */
	let changed = true;

	function batch() {
		pending = false;
		if (stopped) return;
		stats.batches++;
		const full = changed || backlog.length === 0;
		changed = false;
		if (full) {
			try {
				cards = adapter.findCards(doc);
			} catch (error) {
				logOnce(`findCards threw: ${String(error)}`);
				cards = [];
			}
			stats.cards = cards.length;
		}
		// Work is bounded per frame: at most MAX_CARDS_PER_BATCH reads and FRAME_BUDGET_MS of them; the rest wait for
		// the next frame, which continues with them without scanning the page again unless it changed.
		const next: Element[] = [];
		let reads = 0;
		const started = now();
		const page: PageContext = {url: new URL(doc.URL), referenceDate: options.referenceDate, airports: rules};
		for (const card of full ? cards : backlog) {
			const needsRead = allDirty || !states.has(card) || dirty.has(card);
			if (needsRead && (reads >= MAX_CARDS_PER_BATCH || (reads > 0 && now() - started > FRAME_BUDGET_MS))) {
				next.push(card);
				continue;
			}
			if (needsRead) reads++;
			processCard(card, page);
		}
		backlog = next;
		if (backlog.length > 0) request();
		else allDirty = false;
		if (full) {
			for (const card of live) {
				if (!card.isConnected) {
					states.get(card)?.handle?.remove();
					live.delete(card);
				}
			}
			if (cards.length === 0) processEmbedded();
			else if (pageBadge.handle) {
				pageBadge.handle.remove();
				pageBadge = {key: '', restores: 0};
			}
		}
		checkPlacements();
		if (cards.length > 0) {
			let itineraries = 0;
			let withStops = 0;
			let unplaced = 0;
			for (const card of cards) {
				const state = states.get(card);
				if (state?.segments) itineraries++;
				if (state?.view) withStops++;
				if (state?.view && state.unplaced) unplaced++;
			}
			lastFound = {itineraries, withStops, unplaced};
		}
		stats.unplaced = lastFound.unplaced;
		options.onBatch?.(lastFound);
	}

	const request = () => {
		if (pending || stopped) return;
		pending = true;
		schedule(batch);
	};

	// Our own writes are not worth a scan: adding a badge host (what happens inside its shadow root is not observed
	// here). The page removing one of ours is (the badge may need restoring). Past 1,000 records, skip the filtering.
	const ours = (r: MutationRecord) =>
		hosts.has(r.target) || (r.type === 'childList' && r.removedNodes.length === 0 && [...r.addedNodes].every((n) => hosts.has(n)));
	const markDirty = (node: Node) => {
		for (let el: Element | null = node instanceof doc.defaultView!.Element ? node : node.parentElement; el; el = el.parentElement) {
			if (states.has(el)) {
				dirty.add(el);
				return;
			}
		}
	};
	const observer = new doc.defaultView!.MutationObserver((records) => {
		if (records.length >= 1000) allDirty = true;
		else {
			if (records.every(ours)) return;
			for (const r of records) if (!ours(r)) markDirty(r.target);
		}
		changed = true;
		request();
	});
	observer.observe(doc.documentElement, {
		childList: true,
		subtree: true,
		characterData: true,
		attributes: true,
		attributeFilter: ['aria-label', 'data-travelimpactmodelwebsiteurl', 'id'],
	});

	return {
		setSettings(next) {
			settings = next;
			settingsKey = JSON.stringify(next);
			verdicts = new Map();
			changed = true;
			request();
		},
		scan: batch,
		stop() {
			stopped = true;
			observer.disconnect();
			for (const card of live) states.get(card)?.handle?.remove();
			live.clear();
			pageBadge.handle?.remove();
		},
		recheck() {
			for (const card of live) {
				const state = states.get(card);
				if (!state?.view) continue;
				// A badge that fitted nowhere gets another chance at the best placement in the new layout.
				if (state.unplaced) {
					state.unplaced = false;
					state.placement = 0;
					mountAt(card, state);
				} else if (state.handle) toCheck.add(card);
			}
			request();
		},
		reread() {
			allDirty = true;
			changed = true;
			request();
		},
		stats: () => ({
			...stats,
			badges: [...live].filter((c) => states.get(c)?.handle?.isConnected()).length + (pageBadge.handle?.isConnected() ? 1 : 0),
		}),
		found: () => lastFound,
	};
}
