/**
 * Reading and judging a card (./scanner.ts): what its adapter reads of it, normalised, judged once per distinct
 * itinerary under the current settings, and the verdict put on the page: at once, or, read in idle time, in the next
 * frame with the pass's others (past EAGER_BADGES, far cards' badges at the mount gate, ./mount-gate.ts). A card
 * whose route lies wholly outside the mainland is passed over.
 */
import type {Extraction, PageContext} from '../adapters/types';
import type {LeftOut} from '../detect/page-status';
import type {Confidence, RawItinerary, SegmentInput} from '../itinerary';
import {isIataCode} from '../airports';
import {normalizeItinerary} from '../extract/normalize';
import {evaluateBadge} from '../rules/badge-verdict';
import {outsideMainland} from '../rules/engine-rules';
import type {TripInput} from '../rules/types';
import {summarize, type BadgeSummary} from '../ui/summary';
import {newCardState, type BadgeView, type CardState} from './card-badges';
import {guarded} from './guard';
import type {Judged, Normalised, Run} from './scan-run';

/** `near`: the read queue said the card is near the viewport (its badge goes on the page in this frame). */
export function readCard(run: Run, card: Element, page: PageContext, near: boolean): void {
	run.deferred.delete(card); // read again: what it says now decides
	let state = run.states.get(card);
	if (!state) run.states.set(card, (state = newCardState()));
	const route = routeOf(run, card);
	if (route && outsideMainland(route, run.options.rules)) return passOver(run, card, state, route.join('-'));
	const raw = extractCard(run, card, page, state);
	// Read, and every airport given by a code outside the mainland: nothing to normalise or judge either.
	const outside = raw && outsideCodes(run, raw);
	if (outside) return passOver(run, card, state, outside.join('-'));
	const awaited = run.options.rules.awaitedNames;
	const before = awaited?.();
	const itinerary = raw && normalizedOf(run, raw);
	if (!itinerary) {
		// Read, but no itinerary: an airport the table does not know, times that cannot all be true. Not while the name of
		// an airport it gives is being looked up: the answer has the card read again.
		if (raw && awaited?.() === before) state.unread = true;
		run.gate?.forget(card);
		return run.badges.drop(state);
	}
	if (state.segments && state.fingerprint === itinerary.key && state.settingsKey === run.settingsKey) {
		// Unchanged, and its badge not on the page (one that fits nowhere on its card stays off): waiting at the gate
		// (mounted now if the card is near, else it goes on waiting), or decided in idle time and read again before the
		// frame that was to show it.
		if (state.view && !state.handle && !state.unplaced) return apply(run, card, state, near);
		// Unchanged: a badge still in the card is checked again (the card changed around it, and a new layout of it can
		// clip the badge where it was painted); one the page took away is put back.
		if (state.handle?.isConnected()) return run.badges.recheck(card, state);
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
	state.unread = false;
	if (!state.segments && state.fingerprint === route) return;
	run.gate?.forget(card);
	run.badges.drop(state);
	state.fingerprint = route;
	state.settingsKey = run.settingsKey;
}

/**
 * What the adapter reads of the card; undefined when it does not read as an itinerary (a problem is logged once).
 * The card's state says whether it is unread (failed, or a kind the adapter cannot read) or still rendering.
 */
function extractCard(run: Run, card: Element, page: PageContext, state: CardState): RawItinerary | undefined {
	let extraction: Extraction;
	state.unread = false;
	try {
		extraction = run.adapter.extract(card, page);
	} catch (error) {
		run.stats.failures++;
		run.logOnce(`extract threw: ${String(error)}`);
		state.unread = true;
		return undefined;
	}
	if (extraction.status !== 'ok') {
		if (extraction.status === 'failed') {
			run.stats.failures++;
			run.logOnce(`card not understood: ${extraction.reason}`);
		}
		if (extraction.status !== 'incomplete') state.unread = true;
		return undefined;
	}
	return extraction.itinerary;
}

/**
 * Each leg's airports, where what was read gives every one as a code outside the mainland (no stop to judge, whatever
 * the times); else undefined.
 */
export function outsideCodes(run: Run, raw: RawItinerary): string[] | undefined {
	const codes = codesOf(raw);
	return codes && outsideMainland(codes, run.options.rules) ? codes : undefined;
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
export function normalize(run: Run, raw: RawItinerary): Normalised {
	const n = normalizeItinerary(raw, run.options.referenceDate, run.options.rules, run.options.arrivals);
	return n.ok ? {ok: true, segments: n.segments, key: JSON.stringify(n.segments)} : {ok: false, problem: n.problem};
}

/**
 * The verdict on an itinerary under the current settings. Result lists repeat itineraries ("best" and "other"
 * flights, re-renders), and a verdict depends only on the segments and the settings: remembered by `key` (the JSON of
 * the segments) until the settings change.
 */
export function judge(run: Run, segments: SegmentInput[], confidence: Confidence, key = JSON.stringify(segments)): Judged {
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

export const viewOf = (
	run: Run,
	summary: BadgeSummary,
	judged: Judged[],
	page?: true,
	recordNationalities: string[] = [],
	leftOut?: LeftOut,
): BadgeView => ({
	summary,
	results: judged.map((j) => j.result),
	trips: judged.map((j) => j.trip),
	heuristic: run.adapter.confidence === 'heuristic',
	locale: run.settings.locale,
	today: run.options.today,
	...(page ? {page} : {}),
	...(recordNationalities.length > 0 ? {recordNationalities} : {}),
	...(leftOut ? {leftOut} : {}),
});

/**
 * Badges put on the page as soon as their cards are read, near the viewport or not; past this many cards with a
 * verdict, a far card's badge waits at the gate (./mount-gate.ts) until its card comes near.
 *
 * A badge is a box in its card: the cards after it move down, and the browser then updates the paint properties of
 * everything that moved (Chromium's pre-paint). Put on the page one by one as a scrolling traveller brings each card
 * near, that is one such update of the rest of the list per badge, in the frames of the scroll: on the bench page
 * (500 cards, 107 with a mainland stop), about a second of the page's main thread, more than ten times the content
 * script's own time. Put on before the traveller scrolls (in the frames where the page adds their cards, which it lays
 * out anyway, ./scanner.ts readAdded; or, for cards a whole-page scan found, together after an idle pass), the page
 * pays it while it renders the list, and a screen reader reading ahead finds them. A results page holds a few hundred
 * cards; the gate is for the rare page with thousands of mainland cards, whose badges would cost more than that. On
 * the bench page grown to 2,000 cards (428 with a verdict), in 9 alternating pairs, the gate at 200 cost the page's
 * main thread more than no gate in 6 (the ratio 0.77–1.19, median 1.09: within this machine's noise, but the same way
 * as the finding above).
 */
export const EAGER_BADGES = 1000;

/**
 * Puts the card's verdict on the page: a new badge, an update in place, or none when there is no mainland stop. Read in
 * idle time, the badge waits for the pass's others, and they go on the page together in the next frame. Past
 * EAGER_BADGES, a new badge for a card not known to be near (`near`: the read queue said so) waits at the gate until
 * it is. Its verdict counts at once either way.
 */
export function apply(run: Run, card: Element, state: CardState, near: boolean): void {
	const judged = judge(run, state.segments!, run.adapter.confidence, state.fingerprint);
	state.settingsKey = run.settingsKey;
	if (judged.summary) run.live.add(card);
	const view = judged.summary && viewOf(run, judged.summary, [judged]);
	if (view && run.gate && !near && !state.handle?.isConnected() && run.live.size > EAGER_BADGES) {
		run.deferred.delete(card);
		state.view = view;
		run.gate.wait(card);
		return;
	}
	run.gate?.forget(card);
	if (run.inIdle) {
		if (run.deferred.size === 0) run.deferredSince = run.now();
		run.deferred.set(card, {state, view});
		// The verdict counts at once (the counts, the toolbar); the badge follows with the pass's others.
		if (view) state.view = view;
	} else run.badges.show(card, state, view);
}
