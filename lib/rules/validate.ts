import countries from 'i18n-iso-countries';
import {hasClock, parseLocal, toUtcMinutes} from '../time';
import type {RuleSet} from './load-rules';
import {TripInputSchema, type TripInput} from './types';

export type Validation = {ok: true; trip: TripInput} | {ok: false; error: string};

const COUNTRY_CODES = new Set(Object.keys(countries.getAlpha2Codes()));

/**
 * Checks a trip before the engine sees it. Returns the first problem as one line a person can act on.
 * A local arrival earlier than the local departure is normal across time zones; only a flight that lands before it
 * takes off once both clocks are converted with the airports' time zones is an error.
 */
export function validateTrip(input: unknown, rules: RuleSet): Validation {
	const parsed = TripInputSchema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
		return {ok: false, error: `${where}: ${issue.message}`};
	}
	const trip = parsed.data;
	for (const [i, p] of trip.passports.entries()) {
		if (!COUNTRY_CODES.has(p))
			return {ok: false, error: `passports.${i}: unknown passport country code "${p}" (use ISO 3166-1 alpha-2, e.g. "US")`};
	}
	let previousArrival: {utc: number; label: string} | undefined;
	for (const [i, seg] of trip.segments.entries()) {
		const at = `segments.${i}`;
		for (const key of ['from', 'to'] as const) {
			if (!rules.airports[seg[key]]) return {ok: false, error: `${at}.${key}: unknown airport code "${seg[key]}"`};
		}
		if (seg.from === seg.to) return {ok: false, error: `${at}: departs from and arrives at the same airport ${seg.from}`};
		const times: {departure?: number; arrival?: number} = {};
		for (const key of ['departure', 'arrival'] as const) {
			const value = seg[key];
			if (value === undefined) continue;
			const local = parseLocal(value);
			if (!local) return {ok: false, error: `${at}.${key}: "${value}" is not a real local time (YYYY-MM-DDTHH:mm or YYYY-MM-DD)`};
			const airport = rules.airports[key === 'departure' ? seg.from : seg.to]!;
			if (hasClock(local)) times[key] = toUtcMinutes(local, airport.tz);
		}
		if (times.departure !== undefined && times.arrival !== undefined && times.arrival <= times.departure) {
			return {
				ok: false,
				error: `${at}: lands at ${seg.to} (${seg.arrival}) before it takes off from ${seg.from} (${seg.departure}) once both local times are converted to their time zones`,
			};
		}
		if (previousArrival && times.departure !== undefined && times.departure < previousArrival.utc) {
			return {ok: false, error: `${at}: departs (${seg.departure}) before the previous flight lands (${previousArrival.label})`};
		}
		if (times.arrival !== undefined) previousArrival = {utc: times.arrival, label: seg.arrival!};
		else if (seg.arrivalNotBefore !== undefined) {
			// A bound on an arrival not given: a clock, no earlier than the departure, and the next flight leaves after it.
			const local = parseLocal(seg.arrivalNotBefore);
			if (!local || !hasClock(local))
				return {
					ok: false,
					error: `${at}.arrivalNotBefore: "${seg.arrivalNotBefore}" is not a local time with its clock (YYYY-MM-DDTHH:mm)`,
				};
			const utc = toUtcMinutes(local, rules.airports[seg.to]!.tz);
			if (times.departure !== undefined && utc < times.departure)
				return {
					ok: false,
					error: `${at}.arrivalNotBefore: ${seg.arrivalNotBefore} is before the flight takes off (${seg.departure})`,
				};
			previousArrival = {utc, label: `${seg.arrivalNotBefore}, the earliest it can land`};
		}
	}
	return {ok: true, trip};
}
