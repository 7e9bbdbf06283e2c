/**
 * RawItinerary (what a page says) → segments the engine reads (IATA codes, local `YYYY-MM-DDTHH:mm`).
 * The one place that maps airport names to codes, resolves year-less dates against the page's reference date and
 * applies day offsets. Adapters never do these themselves.
 */
import {addDays, formatLocal, dayNumber} from '../time';
import type {RuleSet} from '../rules/load-rules';
import type {SegmentInput} from '../rules/types';
import type {RawItinerary, RawTime} from '../adapters/types';
import {normalizeFlightNumber, parseClock, parseDateText, resolveYear} from './parse';
import {isCheckedStatus} from './status';

export type Normalized = {ok: true; segments: SegmentInput[]} | {ok: false; problem: string};

type NameIndex = Map<string, string | null>; // key → IATA, or null when ambiguous

const indexes = new WeakMap<RuleSet, NameIndex>();

/** Lower-case, no accents, no punctuation, no generic airport words. */
export function nameKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\b(international|intl|airport|aeroporto|aeropuerto|aeroport|flughafen|airfield)\b/g, ' ')
		.replace(/(国际机场|國際機場|机场|機場|口岸)$/u, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function add(index: NameIndex, key: string, iata: string) {
	if (!key) return;
	const existing = index.get(key);
	if (existing === undefined) index.set(key, iata);
	else if (existing !== iata) index.set(key, null);
}

function nameIndex(rules: RuleSet): NameIndex {
	let index = indexes.get(rules);
	if (index) return index;
	index = new Map();
	for (const [iata, a] of Object.entries(rules.airports)) {
		add(index, nameKey(a.name), iata);
		if (a.nameZh) {
			add(index, nameKey(a.nameZh), iata);
			// Chinese sites drop the city: 上海浦东国际机场 → 浦东国际机场 / 浦东. Only for names with a city prefix.
			const city = a.prefecture ? rules.divisions[a.prefecture]?.replace(/(市|地区|盟|自治州|.族自治州)$/u, '') : undefined;
			if (city && a.nameZh.startsWith(city) && a.nameZh.length > city.length + 2) add(index, nameKey(a.nameZh.slice(city.length)), iata);
		}
	}
	indexes.set(rules, index);
	return index;
}

/** An airport code from a code or a name; undefined when unknown or ambiguous. */
export function resolveAirport(text: string, rules: RuleSet): string | undefined {
	const t = text.trim();
	const code = /^\(?([A-Z]{3})\)?$/.exec(t)?.[1];
	if (code) return rules.airports[code] ? code : undefined;
	const inParens = /\(([A-Z]{3})\)/.exec(t)?.[1]; // "Beijing Capital (PEK)"
	if (inParens && rules.airports[inParens]) return inParens;
	const key = nameKey(t);
	const hit = nameIndex(rules).get(key);
	if (hit !== undefined) return hit ?? undefined;
	return byTokens(key, rules);
}

const tokenLists = new WeakMap<RuleSet, [string, string[]][]>();
const tokenHits = new WeakMap<RuleSet, Map<string, string | undefined>>();

/**
 * Last resort for names written another way round ("Osaka Itami Airport" for Osaka International, "Wrocław
 * Nicolaus Copernicus Airport" for Wroclaw Airport): the airport whose every name word appears in the text, with
 * the most words in common. None when two airports tie: an unknown airport beats a wrong one.
 */
function byTokens(key: string, rules: RuleSet): string | undefined {
	let cache = tokenHits.get(rules);
	if (!cache) tokenHits.set(rules, (cache = new Map()));
	if (cache.has(key)) return cache.get(key);
	let lists = tokenLists.get(rules);
	if (!lists) {
		lists = Object.entries(rules.airports).map(([iata, a]) => [iata, nameKey(a.name).split(' ').filter(Boolean)]);
		tokenLists.set(rules, lists);
	}
	const words = new Set(key.split(' ').filter(Boolean));
	let best: string | undefined;
	let bestScore = 0;
	let tie = false;
	for (const [iata, tokens] of lists) {
		if (tokens.length === 0 || tokens.join('').length < 4 || !tokens.every((w) => words.has(w))) continue;
		if (tokens.length > bestScore) [best, bestScore, tie] = [iata, tokens.length, false];
		else if (tokens.length === bestScore && best !== iata) tie = true;
	}
	const found = tie ? undefined : best;
	cache.set(key, found);
	return found;
}

function resolveTime(raw: RawTime | undefined, fallbackDate: string | undefined, referenceDate: string): {value?: string; date?: string; problem?: string} {
	if (!raw) return {};
	let date: string | undefined;
	if (raw.date) {
		const parsed = parseDateText(raw.date);
		date = parsed ? resolveYear(parsed, referenceDate) : undefined;
		if (!date) return {problem: `unreadable date "${raw.date}"`};
	} else date = fallbackDate;
	if (date && raw.dayOffset) date = addDays(date, raw.dayOffset);
	if (!raw.time) return date ? {value: date, date} : {};
	const minutes = parseClock(raw.time);
	if (minutes === undefined) return {problem: `unreadable time "${raw.time}"`};
	if (!date) return {}; // a clock without any date cannot be placed: leave it out rather than guess
	return {value: formatLocal(dayNumber(date), minutes), date};
}

export function normalizeItinerary(raw: RawItinerary, referenceDate: string, rules: RuleSet): Normalized {
	if (raw.segments.length === 0) return {ok: false, problem: 'no segments'};
	const segments: SegmentInput[] = [];
	for (const [i, s] of raw.segments.entries()) {
		// splitByStatus takes these out; one still here would be checked as a flight the traveller does not hold, or
		// (a surface segment) glue two trips together. Refuse rather than guess which.
		if (!isCheckedStatus(s.status)) return {ok: false, problem: `segment ${i + 1}: ${s.status} (${s.statusCode ?? 'no code'}), not a flight to check`};
		const from = resolveAirport(s.from, rules);
		const to = resolveAirport(s.to, rules);
		if (!from) return {ok: false, problem: `segment ${i + 1}: unknown airport "${s.from}"`};
		if (!to) return {ok: false, problem: `segment ${i + 1}: unknown airport "${s.to}"`};
		const dep = resolveTime(s.departs, undefined, referenceDate);
		if (dep.problem) return {ok: false, problem: `segment ${i + 1} departure: ${dep.problem}`};
		// An arrival given only as a clock (+ offset) belongs to the departure's day.
		const arr = resolveTime(s.arrives, dep.date, referenceDate);
		if (arr.problem) return {ok: false, problem: `segment ${i + 1} arrival: ${arr.problem}`};
		const seg: SegmentInput = {from, to};
		if (dep.value) seg.departure = dep.value;
		if (arr.value) seg.arrival = arr.value;
		const flight = s.flight ? normalizeFlightNumber(s.flight) : undefined;
		if (flight) seg.flight = flight;
		if (s.connectionMinutes !== undefined && i < raw.segments.length - 1) seg.connectionMinutes = s.connectionMinutes;
		segments.push(seg);
	}
	return {ok: true, segments};
}
