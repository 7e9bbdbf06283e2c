/**
 * The details view-model: the full explanation of a result that the badge's popover and the popup show
 * (components/VerdictDetails.tsx). Pure (no DOM, no browser): `buildDetails` turns a result into plain texts in the
 * reader's language, in the order shown, so the component only lays them out.
 */
import {countryInSentence, countryList} from '../i18n/country-name';
import {countryFromRecord} from '../i18n/countries';
import {t} from '../i18n/messages';
import {bestPolicyName, noticeText, policyName, reasonText, reminderText, STATUS_NAMES, unsettled} from '../i18n/reason-text';
import {type Locale} from '../i18n/locale';
import type {ReasonCode, ReminderCode} from '../rules/reasons';
import type {RuleSet} from '../rules/load-rules';
import {evaluateTrip} from '../rules/evaluate';
import type {CheckResult, PolicyId, PolicyVerdict, Reason, Status, Stop, TripInput} from '../rules/types';
import {
	airportNameZh,
	citedSourceIds,
	citesSources,
	readableParams,
	readableTime,
	sourceViews,
	STATUS_MARK,
	type SourceView,
} from './format';
import {judgedAsText} from './result-text';
import {leftOutSegments} from './left-out';
import type {LeftOut} from '../detect/page-status';

/** A reason in words; `sources` are the ids it cites (none for a condition that is met). */
type DetailsReason = {code: ReasonCode; kind: Reason['kind']; text: string; sources: string[]};
type DetailsReminder = {code: ReminderCode; text: string; sources: string[]};
export type DetailsPolicy = {
	policy: PolicyId;
	status: Status;
	/** ✓ ✗ ? ·, beside the status words. */
	mark: string;
	name: string;
	statusText: string;
	/** "With your US passport", for a verdict that rests on one. */
	passportNote?: string;
	/** "Leave mainland China by 2026-03-27 00:00", unless the policy does not apply. */
	deadline?: string;
	reasons: DetailsReason[];
};
type DetailsTime = {label: string; value: string};
export type DetailsStop = {
	/** "Stop 1: PVG → PEK". */
	heading: string;
	/** The section's accessible name: "Stop 1: PVG, PEK". */
	label: string;
	/**
	 * The stop's airports by name, in the heading's order: "Shanghai Pudong International Airport", "上海浦东国际机场"
	 * (the mainland's airports have their Chinese name in its simplified original; `lang` says which language it is
	 * in, absent where the names mix languages). Absent where the table names none of them.
	 */
	names?: {text: string; lang?: string};
	arrival: DetailsTime;
	departure: DetailsTime;
	/** "From United States to Japan", when the page shows either end. */
	route?: string;
	/** "Time in China: 2 h 30 min", when both clocks are known. */
	timeInChina?: string;
	/** The best policy, or that none was found. */
	best: string;
	policies: DetailsPolicy[];
	remindersHeading: string;
	reminders: DetailsReminder[];
};
export type DetailsSources = {
	heading: string;
	/** Said after a source from a government's or an embassy's own site. */
	officialTag: string;
	/** Said after a source with no link on a trusted site. */
	noLink: string;
	items: SourceView[];
};
export type Details = {
	/** Shown first, in this order: a detection from page text, then the engine's notices. */
	notices: string[];
	/**
	 * No passport set: one plain line (not a warning) that what holds for everyone was checked and what a passport
	 * would add; undefined once a passport is set.
	 */
	tip?: string;
	stops: DetailsStop[];
	/** Every source cited above, in order of first citation; empty `items` when none is. */
	sources: DetailsSources;
	/** Date of the rules and the disclaimer. */
	footer: string;
	/** Labels of the buttons the details may offer. */
	actions: {openCard: string; openSettings: string; copyText: string; copyDone: string; copyFailed: string};
	/** The word a screen reader says for an arrow between two places (`PEK → PKX`): it would read “right arrow”. */
	arrowWord: string;
};
type DetailsOptions = {
	/** The itinerary was read from page text, not structured data. */
	heuristic?: boolean;
	/**
	 * The passengers' nationalities a booking record on the page gives (ISO 3166 alpha-2), and the passports the result
	 * was judged with: where the record names one that was not judged with, the details say so, first after the
	 * heuristic note.
	 */
	record?: {nationalities: string[]; passports: string[]};
	/** The result stands for `shown` of `total` itineraries (a page badge of more, or longer ones, than a message takes). */
	partOf?: {shown: number; total: number};
	/** Flights read but not checked (./left-out.ts), a sentence each: said after the notes above. */
	notChecked?: string[];
};

/** What the details say first about how the itineraries were read: from page text, part of more, a record's nationalities. */
export function readingNotes(options: DetailsOptions, locale: Locale): string[] {
	return [
		...(options.heuristic ? [t('heuristicNote', locale)] : []),
		...(options.partOf ? [t('detailsTripsOmitted', locale, options.partOf)] : []),
		...recordNotice(options.record, locale),
		...(options.notChecked ?? []).map((line) => t('detailsNotChecked', locale, {line})),
	];
}

/** The record's nationalities beside the passports judged with, where one of them was not: else none. */
function recordNotice(record: DetailsOptions['record'], locale: Locale): string[] {
	if (!record || record.nationalities.every((c) => record.passports.includes(c))) return [];
	const countries = countryList(record.nationalities, locale);
	return record.passports.length > 0
		? [t('detailsRecordSettings', locale, {countries, passports: countryList(record.passports, locale)})]
		: [t('detailsRecordNoPassport', locale, {countries})];
}

function policyView(verdict: PolicyVerdict, locale: Locale): DetailsPolicy {
	return {
		policy: verdict.policy,
		status: verdict.status,
		mark: STATUS_MARK[verdict.status],
		name: policyName(verdict, locale),
		statusText: STATUS_NAMES[verdict.status][locale],
		...(verdict.passport ? {passportNote: t('passportUsed', locale, {passport: countryInSentence(verdict.passport, locale)})} : {}),
		...(verdict.deadline && verdict.status !== 'ineligible'
			? {deadline: t('deadline', locale, {deadline: readableTime(verdict.deadline)})}
			: {}),
		// "Set your passport" is said once, under the 240-hour policy, not under every policy that needs one; a passport
		// our data has no rules for, once, under the first (the engine gives it to every policy).
		reasons: verdict.reasons
			.filter(
				(r) =>
					(r.code !== 'no-passport' || verdict.policy === 'transit240') &&
					(r.code !== 'passport-not-covered' || verdict.policy === 'transit24'),
			)
			.map((r) => ({
				code: r.code,
				kind: r.kind,
				text: reasonText(r.code, locale, readableParams(r.code, r.params, locale)),
				sources: citesSources(r.kind) ? r.sources : [],
			})),
	};
}

/** A stop's country or region flown from or on to, by name (in a sentence); `?` where the page does not show it. */
const regionName = (code: string | undefined, locale: Locale) => (code ? countryInSentence(code, locale) : '?');

function time(label: string, value: string | undefined, locale: Locale): DetailsTime {
	return {label, value: value ? readableTime(value) : t('notShown', locale)};
}

/** The stop's headline: the policy that holds; else not settled (left open, or no passport), or refused by all. */
function bestLine(stop: Stop, best: string | undefined, locale: Locale): string {
	if (stop.best && best) return t('bestLabel', locale, {policy: best});
	const why = unsettled(stop, locale);
	if (why.kind === 'open') return t('openBest', locale, {policy: why.policies});
	return t(why.kind === 'passport' ? 'unknownBest' : 'noBest', locale);
}

/**
 * The airports' names: English, or in Chinese the name the table has, in the reader's script (上海浦东国际机场,
 * 上海浦東國際機場), else its English one. A code the table does not know stays a code.
 */
function airportNames(iatas: readonly string[], rules: RuleSet, locale: Locale): DetailsStop['names'] {
	const named = iatas.map((iata) => {
		const a = rules.airports[iata];
		if (!a) return {text: iata};
		return (locale !== 'en' ? airportNameZh(a, locale) : undefined) ?? {text: a.name, lang: 'en'};
	});
	if (named.every((x) => x.lang === undefined)) return undefined;
	const lang = named[0]!.lang;
	return {text: named.map((x) => x.text).join(' → '), ...(lang && named.every((x) => x.lang === lang) ? {lang} : {})};
}

function stopView(stop: Stop, n: number, locale: Locale, rules: RuleSet): DetailsStop {
	const minutes = stop.durationMinutes;
	const best = bestPolicyName(stop, locale);
	const names = airportNames(stop.airports, rules, locale);
	return {
		heading: t('stopHeading', locale, {n, airports: stop.airports.join(' → ')}),
		label: t('stopHeading', locale, {n, airports: stop.airports.join(', ')}),
		...(names ? {names} : {}),
		arrival:
			!stop.arrival && stop.arrivalNotBefore
				? {label: t('arrival', locale), value: t('notShownNotBefore', locale, {time: readableTime(stop.arrivalNotBefore)})}
				: time(t('arrival', locale), stop.arrival, locale),
		departure: time(t('departure', locale), stop.departure, locale),
		...(stop.from || stop.to
			? {route: t('stopRoute', locale, {from: regionName(stop.from, locale), to: regionName(stop.to, locale)})}
			: {}),
		...(minutes !== undefined ? {timeInChina: t('timeInChina', locale, {hours: Math.floor(minutes / 60), minutes: minutes % 60})} : {}),
		best: bestLine(stop, best, locale),
		policies: stop.verdicts.map((v) => policyView(v, locale)),
		remindersHeading: t('remindersHeading', locale),
		reminders: stop.reminders.map((r) => ({code: r.code, text: reminderText(r.code, locale, r.params), sources: r.sources})),
	};
}

/** Everything the details show for a result, in the reader's language and in the order shown. */
export function buildDetails(result: CheckResult, rules: RuleSet, locale: Locale, options: DetailsOptions = {}): Details {
	const noPassport = result.stops.some((s) => s.verdicts.some((v) => v.status === 'unknown'));
	return {
		notices: [...readingNotes(options, locale), ...result.notices.map((n) => noticeText(n.code, locale, n.params))],
		...(noPassport ? {tip: t('noPassportTip', locale)} : {}),
		stops: result.stops.map((s, i) => stopView(s, i + 1, locale, rules)),
		sources: {
			heading: t('sources', locale),
			officialTag: t('sourceOfficialTag', locale),
			noLink: t('sourceNoLink', locale),
			items: sourceViews(rules, citedSourceIds(result)),
		},
		footer: `${t('rulesAsOf', locale, {date: result.rules.reviewedAt})} · ${t('disclaimer', locale)}`,
		actions: {
			openCard: t('openCard', locale),
			openSettings: t('openSettings', locale),
			copyText: t('copyResult', locale),
			copyDone: t('copyDone', locale),
			copyFailed: t('copyFailed', locale),
		},
		arrowWord: t('routeTo', locale),
	};
}

type ExplainRequest = {
	trips: TripInput[];
	today: string;
	locale: Locale;
	heuristic: boolean;
	recordNationalities?: string[];
	tripsOmitted?: number;
	leftOut?: LeftOut;
};

/** Each trip of a badge's request judged with the full rules on the badge's day, and the details' options for them. */
function judgeRequest(
	{trips, today, heuristic, recordNationalities = [], tripsOmitted = 0, leftOut, locale}: ExplainRequest,
	rules: RuleSet,
): {results: CheckResult[]; options: DetailsOptions} {
	const results = trips.map((trip) => evaluateTrip(trip, rules, {today}));
	// A record's codes as printed (`FRA`, `FR`), each country once; a code that names none (`XXX`) is left out.
	const nationalities = [...new Set(recordNationalities.flatMap((code) => countryFromRecord(code) ?? []))];
	const record = nationalities.length > 0 ? {nationalities, passports: trips[0]?.passports ?? []} : undefined;
	const partOf = tripsOmitted > 0 ? {shown: trips.length, total: trips.length + tripsOmitted} : undefined;
	const notChecked = leftOut ? leftOutSegments(leftOut, locale, rules) : [];
	return {
		results,
		options: {heuristic, ...(record ? {record} : {}), ...(partOf ? {partOf} : {}), ...(notChecked.length > 0 ? {notChecked} : {})},
	};
}

/**
 * A badge's details, as the background makes them for the content script (which carries only the compact rules): each
 * trip judged again with the full rules on the badge's day (the same verdicts: test/unit/rules/compact.test.ts), and
 * the stops of all of them in one explanation (a page badge stands for every itinerary in the page's data).
 */
export function explainTrips(request: ExplainRequest, rules: RuleSet): Details {
	return detailsOf(request, judgeRequest(request, rules), rules);
}

/**
 * The same details as text to copy (the details' "Copy as text"): what they say first about how the itineraries were
 * read, then each itinerary as the popup copies one (./result-text.ts).
 */
export function explainTripsAsText(request: ExplainRequest, rules: RuleSet): string {
	return textOf(request, judgeRequest(request, rules), rules);
}

/** Both, from one judgement of the trips: what the details frame is sent. */
export function explainTripsWithText(request: ExplainRequest, rules: RuleSet): {details: Details; text: string} {
	const judged = judgeRequest(request, rules);
	return {details: detailsOf(request, judged, rules), text: textOf(request, judged, rules)};
}

type Judged = ReturnType<typeof judgeRequest>;

function detailsOf(request: ExplainRequest, {results, options}: Judged, rules: RuleSet): Details {
	const result = results.length === 1 ? results[0]! : {...results[0]!, stops: results.flatMap((r) => r.stops)};
	return buildDetails(result, rules, request.locale, options);
}

function textOf(request: ExplainRequest, {results, options}: Judged, rules: RuleSet): string {
	const judged = request.trips.map((trip, i) => ({trip, result: results[i]!}));
	return judgedAsText(judged, rules, request.locale, readingNotes(options, request.locale));
}
