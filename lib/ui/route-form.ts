/**
 * The popup's "check a route" form as data: what a person typed → a trip for the engine, or the first problem in
 * words. Pure, so the form's rules are unit-tested without a browser.
 */
import type {RuleSet} from '../rules/load-rules';
import type {TripInput} from '../rules/types';
import type {SegmentInput} from '../itinerary';
import {validateTrip} from '../rules/validate';
import {metroOf, resolveAirport} from '../airports';
import {airportsOfCity} from '../airports/names';

type RouteFormValues = {
	from: string;
	/** Mainland airports in order: where you land, any domestic stops, where you leave from. */
	via: string[];
	to: string;
	/** `YYYY-MM-DDTHH:mm` or `YYYY-MM-DD` (local, in China), or empty. */
	arrive: string;
	leave: string;
	passports: string[];
	separateTickets: boolean;
};

import type {MessageKey} from '../i18n/messages';
import {countryName, metroCityName} from '../i18n/country-name';
import type {Locale} from '../i18n/locale';

export type RouteFormProblem = {
	field: 'from' | 'via' | 'to' | 'arrive' | 'leave' | 'passports' | 'form';
	key: MessageKey;
	params?: Record<string, string>;
	/** A city asked about: the text typed, and the codes of the airports we know by it, for the reader to pick from. */
	choices?: {text: string; codes: string[]};
};

/**
 * A city named in Chinese outside the mainland (`新加坡`, `圣地亚哥`): its Chinese names come from Unicode CLDR, which
 * names only the cities that give a time zone its name, so one airport there says nothing of other cities written the
 * same way (圣地亚哥 is Santiago de Chile's in CLDR and San Diego's as often; 奥克兰, Auckland's and Oakland's). The
 * form asks for the code rather than pick it: a city in the mainland or named in English is looked up in every
 * airport's city (OurAirports), where one airport is that city's.
 */
function chineseNameAbroad(text: string, code: string, rules: RuleSet): boolean {
	return /\p{Script=Han}/u.test(text) && rules.airports[code]?.country !== 'CN';
}

/** "PEK", "pek", "Beijing Capital International Airport (PEK)", "北京首都国际机场" → PEK. */
function airportFromInput(text: string, rules: RuleSet): string | undefined {
	const t = text.trim();
	if (!t) return undefined;
	const code = /\(([A-Za-z]{3})\)\s*$/.exec(t)?.[1] ?? (/^[A-Za-z]{3}$/.test(t) ? t : undefined);
	if (code && rules.airports[code.toUpperCase()]) return code.toUpperCase();
	const resolved = resolveAirport(t, rules);
	if (resolved) return resolved;
	// A city (the field's hint offers it) with one airport: that one (`Guangzhou`, `青岛`), unless named in Chinese
	// outside the mainland (chineseNameAbroad).
	const city = airportsOfCity(t, rules);
	return city.length === 1 && !chineseNameAbroad(t, city[0]!, rules) ? city[0] : undefined;
}

/**
 * What is wrong with an airport field's text: a city of several airports (which one?), a city named in Chinese outside
 * the mainland (which airport, with the country of the one we know), or nothing we know.
 */
function unknownAirport(field: RouteFormProblem['field'], text: string, rules: RuleSet, locale: Locale): RouteFormProblem {
	const t = text.trim();
	const metro = metroOf(t, rules);
	if (metro)
		return {
			field,
			key: 'formCityCode',
			params: {code: metro.code, city: metroCityName(metro, locale), codes: metro.airports.join(', ')},
			choices: {text: t, codes: metro.airports},
		};
	const city = airportsOfCity(t, rules);
	if (city.length > 1)
		return {field, key: 'formCityAirports', params: {text: t, codes: city.join(', ')}, choices: {text: t, codes: city}};
	const country = city.length === 1 ? rules.airports[city[0]!]?.country : undefined;
	if (country)
		return {
			field,
			key: 'formCityAbroad',
			params: {text: t, code: city[0]!, country: countryName(country, locale)},
			choices: {text: t, codes: city},
		};
	return {field, key: 'formUnknownAirport', params: {text: t}};
}

/** The airport at one end of the route, or what is wrong with its field: an airport we do not know, or none. */
function routeEnd(field: 'from' | 'to', text: string, rules: RuleSet, locale: Locale): string | RouteFormProblem {
	const code = airportFromInput(text, rules);
	if (code) return code;
	return text.trim() ? unknownAirport(field, text, rules, locale) : {field, key: field === 'from' ? 'formNeedFrom' : 'formNeedTo'};
}

/** `locale`: the language of a country named in a problem (the form's). */
export function buildTrip(
	values: RouteFormValues,
	rules: RuleSet,
	locale: Locale = 'en',
): {ok: true; trip: TripInput} | {ok: false; problem: RouteFormProblem} {
	const from = routeEnd('from', values.from, rules, locale);
	if (typeof from !== 'string') return {ok: false, problem: from};
	const vias: string[] = [];
	for (const v of values.via.filter((x) => x.trim())) {
		const code = airportFromInput(v, rules);
		if (!code) return {ok: false, problem: unknownAirport('via', v, rules, locale)};
		vias.push(code);
	}
	if (vias.length === 0) return {ok: false, problem: {field: 'via', key: 'formNeedVia'}};
	const to = routeEnd('to', values.to, rules, locale);
	if (typeof to !== 'string') return {ok: false, problem: to};
	const points = [from, ...vias, to];
	const segments: SegmentInput[] = points.slice(1).map((next, i) => ({from: points[i]!, to: next}));
	if (values.arrive) segments[0]!.arrival = values.arrive;
	if (values.leave) segments[segments.length - 1]!.departure = values.leave;
	if (values.separateTickets) segments[segments.length - 1]!.separateTickets = true;
	// Both are Beijing time: plain string order is time order (a bare date sorts before any time that day).
	if (values.arrive && values.leave && values.leave.slice(0, 10) < values.arrive.slice(0, 10)) {
		return {ok: false, problem: {field: 'leave', key: 'formLeaveBeforeArrive'}};
	}
	if (values.arrive.length > 10 && values.leave.length > 10 && values.leave < values.arrive) {
		return {ok: false, problem: {field: 'leave', key: 'formLeaveBeforeArrive'}};
	}
	const valid = validateTrip({passports: values.passports, segments}, rules);
	if (!valid.ok) return {ok: false, problem: {field: 'form', key: 'formInvalid', params: {detail: valid.error}}};
	return {ok: true, trip: valid.trip};
}
