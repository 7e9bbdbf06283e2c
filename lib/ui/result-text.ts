/**
 * JudgedTrip itineraries as plain text, for an agent to copy into a note or an e-mail to the traveller (the popup's
 * "Copy as text", and the same button in a badge's details). Pure; every word from lib/i18n.
 */
import {cliText} from '../i18n/cli-text';
import {t} from '../i18n/messages';
import type {Locale} from '../i18n/locale';
import type {SegmentInput} from '../itinerary';
import type {RuleSet} from '../rules/rule-set';
import type {CheckResult, TripInput} from '../rules/types';
import {formatResultText} from './cli-text';

/**
 * `JFK → PEK → NRT` (with `to` ` → `); where a flight does not leave from where the one before it landed, each run of
 * flights on its own, joined by `between`: `JFK → PEK / PVG → NRT`.
 */
export function routeOf(segments: readonly SegmentInput[], to: string, between: string): string {
	const legs: string[][] = [];
	for (const [i, s] of segments.entries()) {
		if (i === 0 || s.from !== segments[i - 1]!.to) legs.push([s.from]);
		legs.at(-1)!.push(s.to);
	}
	return legs.map((leg) => leg.join(to)).join(between);
}

/** One itinerary: its route, each flight as it was checked (an unknown time left out, never made up), its result. */
function tripLines({trip, result}: JudgedTrip, rules: RuleSet, locale: Locale): string[] {
	const at = (time: string | undefined) => (time ? ` ${time.replace('T', ' ')}` : '');
	return [
		t('copyHeading', locale, {app: t('appName', locale), route: routeOf(trip.segments, ' → ', ' / ')}),
		...trip.segments.map((s) => `  ${s.flight ? `${s.flight} ` : ''}${s.from}${at(s.departure)} → ${s.to}${at(s.arrival)}`),
		'',
		formatResultText(result, rules, locale).trimEnd(),
	];
}

type JudgedTrip = {trip: TripInput; result: CheckResult};

/**
 * JudgedTrip itineraries as text: first `notes` about how they were read (each a `Note:` line: from a page's text, part
 * of a page's results, a booking record's nationalities), then each itinerary (its route, its flights, and the
 * explanation the CLI's text format gives: every rule's verdict, its reasons and sources, the reminders, the rules'
 * date), a blank line between them, and the disclaimer once at the end.
 */
export function judgedAsText(judged: readonly JudgedTrip[], rules: RuleSet, locale: Locale, notes: readonly string[] = []): string {
	return [
		...notes.map((text) => cliText('note', locale, {text})),
		...(notes.length > 0 ? [''] : []),
		...judged.flatMap((one, i) => [...(i > 0 ? [''] : []), ...tripLines(one, rules, locale)]),
		t('disclaimer', locale),
		'',
	].join('\n');
}
