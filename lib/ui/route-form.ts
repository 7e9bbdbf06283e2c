/**
 * The popup's "check a route" form as data: what a person typed → a trip for the engine, or the first problem in
 * words. Pure, so the form's rules are unit-tested without a browser.
 */
import type {RuleSet} from '../rules/load-rules';
import type {TripInput} from '../rules/types';
import type {SegmentInput} from '../itinerary';
import {validateTrip} from '../rules/validate';
import {resolveAirport} from '../airports';
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

export type RouteFormProblem = {
	field: 'from' | 'via' | 'to' | 'arrive' | 'leave' | 'passports' | 'form';
	key: MessageKey;
	params?: Record<string, string>;
};

/** "PEK", "pek", "Beijing Capital International Airport (PEK)", "北京首都国际机场" → PEK. */
function airportFromInput(text: string, rules: RuleSet): string | undefined {
	const t = text.trim();
	if (!t) return undefined;
	const code = /\(([A-Za-z]{3})\)\s*$/.exec(t)?.[1] ?? (/^[A-Za-z]{3}$/.test(t) ? t : undefined);
	if (code && rules.airports[code.toUpperCase()]) return code.toUpperCase();
	const resolved = resolveAirport(t, rules);
	if (resolved) return resolved;
	// A city (the field's hint offers it) with one airport: that one (`Guangzhou`, `青岛`).
	const city = airportsOfCity(t, rules);
	return city.length === 1 ? city[0] : undefined;
}

/** What is wrong with an airport field's text: a city of several airports (which one?), or nothing we know. */
function unknownAirport(field: RouteFormProblem['field'], text: string, rules: RuleSet): RouteFormProblem {
	const t = text.trim();
	const city = airportsOfCity(t, rules);
	if (city.length > 1) return {field, key: 'formCityAirports', params: {text: t, codes: city.join(', ')}};
	return {field, key: 'formUnknownAirport', params: {text: t}};
}

/** The airport at one end of the route, or what is wrong with its field: an airport we do not know, or none. */
function routeEnd(field: 'from' | 'to', text: string, rules: RuleSet): string | RouteFormProblem {
	const code = airportFromInput(text, rules);
	if (code) return code;
	return text.trim() ? unknownAirport(field, text, rules) : {field, key: field === 'from' ? 'formNeedFrom' : 'formNeedTo'};
}

export function buildTrip(values: RouteFormValues, rules: RuleSet): {ok: true; trip: TripInput} | {ok: false; problem: RouteFormProblem} {
	const from = routeEnd('from', values.from, rules);
	if (typeof from !== 'string') return {ok: false, problem: from};
	const vias: string[] = [];
	for (const v of values.via.filter((x) => x.trim())) {
		const code = airportFromInput(v, rules);
		if (!code) return {ok: false, problem: unknownAirport('via', v, rules)};
		vias.push(code);
	}
	if (vias.length === 0) return {ok: false, problem: {field: 'via', key: 'formNeedVia'}};
	const to = routeEnd('to', values.to, rules);
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
