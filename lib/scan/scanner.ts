/**
 * The content-script pipeline (design.md §1.4): find cards → extract → normalise → evaluate → one badge per
 * itinerary. One batched MutationObserver; fingerprints of the extracted segments so unchanged or recycled cards
 * cost nothing and re-sorted lists get the right verdicts; capped restores when the page deletes a badge.
 * Rendering is injected (`mount`), so this module holds no UI and runs under jsdom in tests.
 */
import type {BadgePlacement, Confidence, PageContext, SiteAdapter} from '../adapters/types';
import {normalizeItinerary} from '../extract/normalize';
import type {DetailLevel} from '../settings';
import type {Locale} from '../i18n/reason-text';
import {evaluateTrip} from '../rules/evaluate';
import type {RuleSet} from '../rules/load-rules';
import type {CheckResult, SegmentInput, TripInput} from '../rules/types';
import {summarize, type BadgeSummary} from '../ui/summary';
import {t} from '../i18n/messages';

export const MAX_BADGE_RESTORES = 3;
export const MAX_CARDS_PER_BATCH = 100;
/** Verdicts kept for repeated itineraries; a page with more distinct ones starts the memo again. */
const MAX_JUDGED = 2000;
/** Milliseconds of card reading per frame, so a huge page never gets a long task from us. */
export const FRAME_BUDGET_MS = 8;

/**
 * `page`: one badge for itineraries the page holds in its data but has not rendered as cards. `trips`: what each
 * result was judged from (the check-in card is built from it), in the same order as `results`.
 */
export type BadgeView = {summary: BadgeSummary; results: CheckResult[]; trips: TripInput[]; heuristic: boolean; locale: Locale; page?: boolean};
export type BadgeHandle = {update: (view: BadgeView) => void; remove: () => void; isConnected: () => boolean};
export type Mount = (placement: BadgePlacement, view: BadgeView) => BadgeHandle;

export type ScanSettings = {passports: string[]; locale: Locale; detailLevel?: DetailLevel};

export type ScannerOptions = {
	adapter: SiteAdapter;
	doc: Document;
	rules: RuleSet;
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
	onBatch?: (found: {itineraries: number; withStops: number}) => void;
};

type CardState = {
	fingerprint: string;
	/** The normalised itinerary last read from the card; undefined when the card did not read as one. */
	segments?: SegmentInput[];
	settingsKey: string;
	handle?: BadgeHandle;
	restores: number;
	view?: BadgeView;
};

export type ScanStats = {batches: number; cards: number; badges: number; evaluations: number; failures: number};

export type Scanner = {
	/** New passports or language: re-evaluates cached itineraries without re-extracting. */
	setSettings: (settings: ScanSettings) => void;
	/** Runs a batch now (tests, and the first scan). */
	scan: () => void;
	stop: () => void;
	stats: () => ScanStats;
	/** What was found, for the popup's "this page" view. */
	found: () => {itineraries: number; withStops: number};
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
	const stats: ScanStats = {batches: 0, cards: 0, badges: 0, evaluations: 0, failures: 0};
	let pending = false;
	let stopped = false;
	let pageBadge: {handle?: BadgeHandle; key: string; restores: number} = {key: '', restores: 0};
	let lastFound = {itineraries: 0, withStops: 0};

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
		const view: BadgeView = {summary, results: [result], trips: [trip], heuristic: adapter.confidence === 'heuristic', locale: settings.locale};
		state.view = view;
		if (state.handle?.isConnected()) state.handle.update(view);
		else {
			state.handle?.remove();
			const placement = safePlace(card);
			state.handle = placement ? mount(placement, view) : undefined;
		}
		live.add(card);
	}

	/** A card whose badge the page removed (a re-render): put it back a few times, then leave the card alone. */
	function restore(card: Element, state: CardState): void {
		if (!state.segments || !state.handle) return;
		if (state.handle.isConnected() || state.restores >= MAX_BADGE_RESTORES || !state.view) return;
		state.restores++;
		state.handle.remove();
		const placement = safePlace(card);
		state.handle = placement ? mount(placement, state.view) : undefined;
	}

	function processCard(card: Element, page: PageContext): void {
		const known = states.get(card);
		// Untouched since it was read: no extraction. New passports or language only re-judge the stored segments.
		if (known && !allDirty && !dirty.has(card)) {
			return known.segments && known.settingsKey !== settingsKey ? apply(card, known) : restore(card, known);
		}
		dirty.delete(card);
		const state: CardState = known ?? {fingerprint: '', settingsKey: '', restores: 0};
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
		return apply(card, state);
	}

	/** A card that no longer reads as an itinerary (still rendering, or recycled into something else): no badge. */
	function drop(state: CardState): void {
		state.handle?.remove();
		state.handle = undefined;
		state.segments = undefined;
		state.view = undefined;
		state.fingerprint = '';
	}

	function safePlace(card: Element): BadgePlacement | undefined {
		try {
			return adapter.placeBadge(card);
		} catch (error) {
			logOnce(`placeBadge threw: ${String(error)}`);
			return undefined;
		}
	}

	/** Results that are in the page's data but not rendered as cards yet: one badge for the page. */
	function processEmbedded() {
		let raws: ReturnType<NonNullable<SiteAdapter['extractEmbedded']>> = [];
		try {
			raws = adapter.extractEmbedded?.(doc, {url: new URL(doc.URL), referenceDate: options.referenceDate}) ?? [];
		} catch (error) {
			logOnce(`extractEmbedded threw: ${String(error)}`);
		}
		const judged = raws
			.map(normalize)
			.filter((n): n is Extract<typeof n, {ok: true}> => n.ok)
			.map((n) => judge(n.segments, adapter.confidence))
			.filter((j): j is Judged & {summary: BadgeSummary} => j.summary !== undefined);
		lastFound = {itineraries: raws.length, withStops: judged.length};
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
		const text = judged.length === 1 ? weakest.summary.text : t('badgePage', settings.locale, {count: judged.length, summary: weakest.summary.text});
		const full = judged.length === 1 ? weakest.summary.fullText : t('badgePage', settings.locale, {count: judged.length, summary: weakest.summary.fullText});
		const summary = {...weakest.summary, text, fullText: full, ariaLabel: t('badgeAriaPage', settings.locale, {summary: full.replace(/ ✓/, '')})};
		const view: BadgeView = {
			summary,
			results: judged.map((j) => j.result),
			trips: judged.map((j) => j.trip),
			heuristic: adapter.confidence === 'heuristic',
			locale: settings.locale,
			page: true,
		};
		pageBadge.handle = mount({anchor: doc.body, append: 'first'}, view);
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
		const page: PageContext = {url: new URL(doc.URL), referenceDate: options.referenceDate};
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
		if (cards.length > 0) {
			let itineraries = 0;
			let withStops = 0;
			for (const card of cards) {
				const state = states.get(card);
				if (state?.segments) itineraries++;
				if (state?.view) withStops++;
			}
			lastFound = {itineraries, withStops};
		}
		options.onBatch?.(lastFound);
	}

	const request = () => {
		if (pending || stopped) return;
		pending = true;
		schedule(batch);
	};

	const isOurs = (node: Node) => node.nodeName.toLowerCase() === 'ctc-badge';
	const insideOurs = (node: Node) => (node instanceof doc.defaultView!.Element ? node : node.parentElement)?.closest('ctc-badge') != null;
	// Our own writes are not worth a scan: adding a badge host, or anything inside one. The page removing one of
	// ours is (the badge may need restoring). Past 1,000 records, skip the filtering and just scan.
	const ours = (r: MutationRecord) => insideOurs(r.target) || (r.type === 'childList' && r.removedNodes.length === 0 && [...r.addedNodes].every(isOurs));
	const markDirty = (node: Node) => {
		for (let el: Element | null = node instanceof doc.defaultView!.Element ? node : node.parentElement; el; el = el.parentElement) {
			if (states.has(el)) {
				dirty.add(el);
				return;
			}
		}
	};
	const observer = new (doc.defaultView!.MutationObserver)((records) => {
		if (records.length >= 1000) allDirty = true;
		else {
			if (records.every(ours)) return;
			for (const r of records) if (!ours(r)) markDirty(r.target);
		}
		changed = true;
		request();
	});
	observer.observe(doc.documentElement, {childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'data-travelimpactmodelwebsiteurl', 'id']});

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
		stats: () => ({...stats, badges: [...live].filter((c) => states.get(c)?.handle?.isConnected()).length + (pageBadge.handle?.isConnected() ? 1 : 0)}),
		found: () => lastFound,
	};
}
