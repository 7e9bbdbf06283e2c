/**
 * The page badge (./scanner.ts): where the page shows no cards, the itineraries in its data (the adapter's
 * `extractEmbedded`) get one badge for the page; where its cards follow its data, once it went DATA_WITHOUT_CARDS_MS
 * without any.
 */
import type {LeftOut} from '../detect/page-status';
import type {RawItinerary, SegmentInput} from '../itinerary';
import type {BadgeSummary} from '../ui/summary';
import {pageSummary} from '../ui/page-summary';
import {mayRestore} from './card-badges';
import {guarded} from './guard';
import {judge, normalize, outsideCodes, viewOf} from './card-reading';
import {pageContext, report, type Judged, type Run} from './scan-run';

/**
 * How long a page whose cards follow its data (the adapter's `cardsFollowData`) goes without cards before its data
 * gets a badge for the page: longer than such a page takes to render its first cards after it loads.
 */
export const DATA_WITHOUT_CARDS_MS = 1000;

/** The itineraries in the page's data, as the adapter reads them; none when it has no such reader or it failed. */
function embeddedOf(run: Run): RawItinerary[] {
	const {adapter, doc} = run.options;
	return guarded('extractEmbedded', () => adapter.extractEmbedded?.(doc, pageContext(run)) ?? [], [], run.logOnce);
}

/**
 * The page's itineraries normalised. With the generic page's normaliser (ScannerOptions `normalizeAround`), one that
 * names an airport the table does not know keeps its other legs, each part judged apart, and the flights left out are
 * said (`leftOut`), as when the page's text is pasted; a name whose answer from the background is on its way is not
 * unknown yet: such an itinerary waits for the answer, which has the page read again.
 */
function readEmbedded(run: Run, raws: RawItinerary[]): {itineraries: {segments: SegmentInput[]; key: string}[]; leftOut?: LeftOut} {
	const {normalizeAround, rules, referenceDate, arrivals} = run.options;
	const itineraries: {segments: SegmentInput[]; key: string}[] = [];
	const leftOut: LeftOut = {unknownAirports: [], excluded: []};
	for (const raw of raws) {
		const whole = normalize(run, raw);
		if (whole.ok) itineraries.push(whole);
		if (whole.ok || !normalizeAround) continue;
		const awaited = rules.awaitedNames?.() ?? 0;
		const parts = normalizeAround(raw, referenceDate, rules, arrivals);
		if ((rules.awaitedNames?.() ?? 0) !== awaited) continue;
		for (const segments of parts.itineraries) itineraries.push({segments, key: JSON.stringify(segments)});
		leftOut.unknownAirports.push(...parts.unknown);
		leftOut.excluded.push(...parts.excluded);
	}
	const some = leftOut.unknownAirports.length + leftOut.excluded.length > 0;
	return some ? {itineraries, leftOut} : {itineraries};
}

/** Results that are in the page's data but not rendered as cards yet: one badge for the page. */
export function processEmbedded(run: Run): void {
	const {adapter, doc} = run.options;
	const raws = embeddedOf(run);
	// The same list as last time (the adapter keeps it while the page's data is unchanged): judged already, as new
	// settings or airport names forget it.
	if (run.embedded?.raws !== raws) {
		const {itineraries, leftOut} = readEmbedded(run, raws);
		const judged = itineraries
			.map((n) => judge(run, n.segments, adapter.confidence, n.key))
			.filter((j): j is Judged & {summary: BadgeSummary} => j.summary !== undefined);
		run.embedded = {raws, judged, ...(leftOut ? {leftOut} : {})};
	}
	const {judged, leftOut} = run.embedded;
	run.found = {itineraries: raws.length, withStops: judged.length, unplaced: 0};
	run.pageSummaries = judged.map((j) => j.summary);
	const nationalities =
		judged.length > 0 ? guarded('recordNationalities', () => adapter.recordNationalities?.(doc) ?? [], [], run.logOnce) : [];
	run.record =
		nationalities.length > 0
			? {nationalities, itineraries: judged.map((j) => j.trip.segments), heuristic: adapter.confidence === 'heuristic'}
			: undefined;
	const stops = judged.map((j) => JSON.stringify(j.result.stops.map((s) => [s.airports, s.arrival, s.departure])));
	const key = `${run.settingsKey}|${stops.join()}|${nationalities.join()}|${leftOut ? JSON.stringify(leftOut) : ''}`;
	const badge = run.pageBadge;
	if (key === badge.key) {
		// The page removed it: put it back, a few times in a row at most.
		if (!badge.handle || badge.handle.isConnected() || !mayRestore(badge, run.now())) return;
	} else badge.restores = 0;
	badge.handle?.remove();
	run.pageBadge = {key, restores: badge.restores, restoredAt: badge.restoredAt};
	const summary = pageSummary(
		judged.map((j) => j.summary),
		run.settings.locale,
		leftOut ? leftOut.unknownAirports.length + leftOut.excluded.length : 0,
	);
	if (!summary || !doc.body) return;
	run.pageBadge.handle = run.options.mount(
		{anchor: doc.body, append: 'first'},
		viewOf(run, summary, judged, true, nationalities, leftOut),
	);
	if (run.pageBadge.handle.host) run.hosts.add(run.pageBadge.handle.host);
}

/**
 * A page whose cards follow its data, without cards yet: its data is judged once it went a moment without any.
 * Meanwhile, when the page is idle, its data is read and its first itinerary that may stop in the mainland judged (no
 * badge): the cards that follow are then read by code that has run once, so the first of them get their badges in the
 * frame they come near rather than a frame or two later.
 */
export function waitForCards(run: Run): void {
	if (run.dataWait !== 'none') return;
	run.dataWait = 'waiting';
	run.idle(() => {
		if (run.stopped || run.cards.size > 0) return;
		// The first itinerary that may stop in the mainland: one whose airports all lie outside would warm little of what
		// a badge needs, and a page whose data has none has nothing to warm.
		const raw = embeddedOf(run).find((r) => !outsideCodes(run, r));
		const first = raw && normalize(run, raw);
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
