/**
 * The printable check-in card: what a traveller shows an airline agent for a stay in mainland China that qualifies
 * for a visa-free policy. Pure (no DOM, no browser, no clock): the card page fetches the trip (card-link.ts), and
 * `buildCard` turns it into a plain model whose every text is already written in English, Simplified and
 * Traditional Chinese, so the page only lays it out.
 */
import {cardText, cardTri, type Tri} from '../i18n/check-in-card-text';
import {countryName} from '../i18n/country-name';
import {noticeText, policyName, reasonText, reminderText} from '../i18n/reason-text';
import {LOCALES, type Locale} from '../i18n/locale';
import {evaluateTrip} from '../rules/evaluate';
import type {RuleSet} from '../rules/load-rules';
import type {PolicyId, PolicyVerdict, Stop, TripInput} from '../rules/types';
import {addDays} from '../time';
import {airportNameZh, findSource, readableParams, readableTime, sourceView, type SourceView} from './format';
import {nameInScript} from './zh-hant';

export type {Tri} from '../i18n/check-in-card-text';

export type CardAirport = {
	iata: string;
	name: string;
	/** The airport's own Chinese name in each script, where the data has one (the mainland, Hong Kong, Macao, Taiwan). */
	nameZh?: {'zh-CN': string; 'zh-TW': string};
	/**
	 * Elsewhere, the Chinese name of the city it serves, in each script (东京, 東京 for NRT), where the data has one
	 * (`servedZh`, from Unicode CLDR): the desk reads the city in Chinese beside the English airport name.
	 */
	cityZh?: {'zh-CN': string; 'zh-TW': string};
	city?: string;
	country: string;
};
type CardFlight = {from: CardAirport; to: CardAirport; flight?: string; departure?: string; arrival?: string};
/** A source as the card prints it: the same as every view shows it (format.ts). */
export type CardSource = SourceView;
export type CardWording = {
	kind: 'quote' | 'summary';
	en: string;
	/** In the source's own script (Simplified), whatever the reader's Chinese. */
	zh: string;
	enIsTranslation: boolean;
	zhIsTranslation: boolean;
	verified: boolean;
	cite?: {en: string; zh: string};
	/** Date of the quoted text, else of the source. */
	date?: string;
	source: CardSource;
	/** Further sources with the same text, each named in full; those with a link can be opened. */
	alsoAt: CardSource[];
};
type CardArea = {
	province: string;
	name: string;
	nameZh: string;
	/** Chinese names of the listed cities and prefectures; absent for a whole province. */
	cities?: string[];
	/** One of this trip's mainland airports lies in this area. */
	visited: boolean;
	label: Tri;
};
export type CheckInCard = {
	policy: PolicyId;
	policyName: Tri;
	/** The passport the verdict rests on; absent for 24-hour transit with no passport set (any nationality). */
	passport?: {code: string; name: Tri};
	flights: CardFlight[];
	stay: {
		airports: CardAirport[];
		/** `YYYY-MM-DD HH:mm` or `YYYY-MM-DD`, local (Beijing) time. */
		arrival?: string;
		/** Where the arrival is not given (a ticket's coupon): "not shown (not before …)", the earliest it can land. */
		arrivalNotBefore?: Tri;
		departure?: string;
		duration?: Tri;
		limit: Tri;
		deadline?: {at: string; lastDay: string; text: Tri};
		countingNote?: Tri;
		regime?: Tri;
		areas?: CardArea[];
	};
	/** What holds, in the engine's words. */
	checks: Tri[];
	reminders: Tri[];
	notices: Tri[];
	wording: CardWording;
	rules: {version: string; reviewedAt: string};
};
type CardOptions = {
	/**
	 * GB/T 2260 code → Chinese name of prefectures the airport table does not name (it names only those with an
	 * airport): the page passes the map data's list (lib/ui/china-map-data.ts), which names every listed one.
	 */
	prefectureNames?: Readonly<Record<string, string>>;
};

export type CardOutcome = {ok: true; card: CheckInCard} | {ok: false; reason: 'no-stop' | 'not-eligible' | 'earlier-rules'};

const tri = (f: (locale: Locale) => string): Tri => Object.fromEntries(LOCALES.map((l) => [l, f(l)])) as Tri;

function airport(rules: RuleSet, iata: string): CardAirport {
	const a = rules.airports[iata];
	if (!a) return {iata, name: iata, country: ''};
	const [cn, tw] = a.servedZh ?? [];
	const [nameCn, nameTw] = [airportNameZh(a, 'zh-CN'), airportNameZh(a, 'zh-TW')];
	return {
		iata,
		name: a.name,
		country: a.country,
		...(nameCn && nameTw
			? {nameZh: {'zh-CN': nameCn.text, 'zh-TW': nameTw.text}}
			: cn
				? {cityZh: {'zh-CN': cn, 'zh-TW': tw ?? cn}}
				: {}),
		...(a.city ? {city: a.city} : {}),
	};
}

/** The card names every source it quotes: an id the dataset does not have is an error, not a gap. */
function cardSource(rules: RuleSet, id: string): CardSource {
	const s = findSource(rules, id);
	// load-rules checks every id the engine uses; the wording's ids are checked by the card's tests.
	if (!s) throw new Error(`unknown source ${id}`);
	return sourceView(s);
}

function wordingFor(policy: PolicyId, rules: RuleSet): CardWording {
	const w = rules.data.policies[policy].wording;
	const source = cardSource(rules, w.source);
	const date = w.date ?? source.date;
	return {
		kind: w.kind,
		en: w.en,
		zh: w.zh,
		enIsTranslation: w.enIsTranslation === true,
		zhIsTranslation: w.zhIsTranslation === true,
		verified: w.verified,
		...(w.cite ? {cite: w.cite} : {}),
		...(date ? {date} : {}),
		source,
		alsoAt: (w.alsoIn ?? []).map((id) => cardSource(rules, id)),
	};
}

function inForceOn(r: {since: string; until?: string}, date: string | undefined): boolean {
	return !date || (r.since <= date && (!r.until || date <= r.until));
}

function areasFor(stop: Stop, rules: RuleSet, date: string | undefined, names: Readonly<Record<string, string>>): CardArea[] {
	const visited = new Set(stop.airports.map((iata) => rules.airports[iata]?.province).filter((p) => p !== undefined));
	return rules.data.transit240Areas
		.filter((a) => inForceOn(a, date))
		.map((a) => {
			const cities =
				a.area === 'listed' ? (a.prefectures ?? []).map((code) => rules.divisions[code] ?? names[code] ?? code) : undefined;
			const label: Tri = cities
				? cardTri(cities.length === 1 ? 'areaListedOne' : 'areaListed', (l) => ({
						name: l === 'en' ? a.name : nameInScript(a.nameZh, l),
						count: cities.length,
						cities: cities.map((city) => nameInScript(city, l)).join('、'),
					}))
				: {en: a.name, 'zh-CN': a.nameZh, 'zh-TW': nameInScript(a.nameZh, 'zh-TW')};
			return {
				province: a.province,
				name: a.name,
				nameZh: a.nameZh,
				visited: visited.has(a.province),
				label,
				...(cities ? {cities} : {}),
			};
		});
}

/** 00:00 on day D+1 is shown with its plain meaning too: "by the end of day D". */
function deadlineOf(verdict: PolicyVerdict): CheckInCard['stay']['deadline'] {
	if (!verdict.deadline) return undefined;
	const at = readableTime(verdict.deadline);
	const day = verdict.deadline.slice(0, 10);
	const lastDay = verdict.deadline.endsWith('T00:00') ? addDays(day, -1) : day;
	return {at, lastDay, text: cardTri('leaveByValue', {at, lastDay})};
}

function limitOf(policy: PolicyId, verdict: PolicyVerdict, rules: RuleSet): Tri {
	if (policy === 'transit24') return cardTri('limit24');
	if (policy === 'transit240') return cardTri('limitHours', {hours: rules.data.policies.transit240.maxHours});
	return verdict.regime?.days ? cardTri('limitDays', {days: verdict.regime.days}) : cardTri('limitUnknown');
}

function countingNoteOf(policy: PolicyId, rules: RuleSet): Tri | undefined {
	if (policy === 'transit24' || rules.data.policies[policy].counting.verified) return undefined;
	return cardTri(policy === 'transit240' ? 'countingNote' : 'countingNoteThirdParty');
}

function regimeOf(verdict: PolicyVerdict): Tri | undefined {
	const r = verdict.regime;
	if (!r) return undefined;
	return tri((l) => {
		const name = cardText(r.kind === 'unilateral' ? 'regimeUnilateral' : 'regimeMutual', l);
		return r.until ? cardText('regimeUntil', l, {name, until: r.until}) : name;
	});
}

/** Reminders that belong to the card's policy: no accommodation register for an airside transfer, no airport permit for a stay. */
const REMINDERS_NOT_FOR: Record<PolicyId, ReadonlySet<string>> = {
	transit24: new Set(['purpose', 'register-accommodation', 'arrival-card']),
	transit240: new Set(['leaving-airport-needs-permit', 'arrival-card-airside-exempt']),
	visaFree: new Set(['leaving-airport-needs-permit', 'arrival-card-airside-exempt']),
};

/**
 * The card for a trip: the first mainland stay with an eligible policy, under its best policy (the engine's order).
 * Conditional and ineligible stays give no card: the card is only for what the rules confirm.
 */
export function buildCard(trip: TripInput, rules: RuleSet, today: string, options: CardOptions = {}): CardOutcome {
	const result = evaluateTrip(trip, rules, {today});
	if (result.stops.length === 0) return {ok: false, reason: 'no-stop'};
	const stop = result.stops.find((s) => s.best !== null);
	if (!stop || !stop.best) return {ok: false, reason: 'not-eligible'};
	const policy = stop.best;
	const verdict = stop.verdicts.find((v) => v.policy === policy)!;
	// The card quotes today's wording: a trip under the schemes before 2024-12-17 gets none.
	if (verdict.scheme) return {ok: false, reason: 'earlier-rules'};
	const passportCode = verdict.passport ?? trip.passports[0];
	const date = (stop.arrival ?? stop.departure)?.slice(0, 10);
	const minutes = stop.durationMinutes;
	const deadline = deadlineOf(verdict);
	const countingNote = countingNoteOf(policy, rules);
	const regime = regimeOf(verdict);
	const card: CheckInCard = {
		policy,
		policyName: tri((l) => policyName(verdict, l)),
		...(passportCode ? {passport: {code: passportCode, name: tri((l) => countryName(passportCode, l))}} : {}),
		flights: trip.segments.map((s) => ({
			from: airport(rules, s.from),
			to: airport(rules, s.to),
			...(s.flight ? {flight: s.flight} : {}),
			...(s.departure ? {departure: readableTime(s.departure)} : {}),
			...(s.arrival ? {arrival: readableTime(s.arrival)} : {}),
		})),
		stay: {
			airports: stop.airports.map((iata) => airport(rules, iata)),
			...(stop.arrival
				? {arrival: readableTime(stop.arrival)}
				: stop.arrivalNotBefore
					? {arrivalNotBefore: cardTri('notShownNotBefore', {time: readableTime(stop.arrivalNotBefore)})}
					: {}),
			...(stop.departure ? {departure: readableTime(stop.departure)} : {}),
			...(minutes !== undefined ? {duration: cardTri('timeInChina', {hours: Math.floor(minutes / 60), minutes: minutes % 60})} : {}),
			limit: limitOf(policy, verdict, rules),
			...(deadline ? {deadline} : {}),
			...(countingNote ? {countingNote} : {}),
			...(regime ? {regime} : {}),
			...(policy === 'transit240' ? {areas: areasFor(stop, rules, date, options.prefectureNames ?? {})} : {}),
		},
		checks: verdict.reasons
			.filter((r) => r.kind === 'ok' || r.kind === 'info')
			.map((r) => tri((l) => reasonText(r.code, l, readableParams(r.code, r.params, l)))),
		reminders: stop.reminders
			.filter((r) => !REMINDERS_NOT_FOR[policy].has(r.code))
			.map((r) => tri((l) => reminderText(r.code, l, r.params))),
		notices: result.notices.filter((n) => n.code !== 'trip-starts-in-mainland').map((n) => tri((l) => noticeText(n.code, l, n.params))),
		wording: wordingFor(policy, rules),
		rules: {version: result.rules.version, reviewedAt: result.rules.reviewedAt},
	};
	return {ok: true, card};
}
