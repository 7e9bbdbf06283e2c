/**
 * The rules engine: a pure function from a trip (passports and segments) to a verdict per policy for every stay in
 * mainland China. No DOM, no browser APIs, no clock of its own: "today" is a parameter.
 *
 * Every rule it applies is read from the dataset (data/transit-rules.json); the code only knows the shape of the
 * conditions, as the rules facts §3 ("Itinerary logic a checker should apply") states them.
 */
import {dayNumber, formatLocal, hasClock, localMinutes, parseLocalCached, type ParsedLocal} from '../time';
import {bestPolicy, MAINLAND, rulesChangeBetween, type EngineRules} from './engine-rules';
import type {CheckResult, Notice, PolicyId, PolicyVerdict, Reason, ReasonParams, Reminder, Status, Stop, TripInput} from './types';
import type {ReasonCode} from './reasons';

type EvaluateOptions = {
	/** Today's date (YYYY-MM-DD), for the age of the dataset. */
	today: string;
	/**
	 * What a badge needs only (the content script): every verdict with its status, reasons, deadline and the best
	 * policy, without what only the details show (reminders, notices, the nationalities that would qualify without a
	 * passport), which the background adds when it explains a badge from a full evaluation.
	 */
	badgeOnly?: boolean;
};

/** Days after which the dataset's review date is called old. */
export const STALE_AFTER_DAYS = 180;

type Dated = {since: string; sinceExact?: false; until?: string; ended?: {sources: string[]}; sources: string[]};

/** One stay in the mainland, before any policy is applied. */
type StayFacts = {
	airports: string[];
	entryAirport?: string;
	exitAirport?: string;
	arrival?: ParsedLocal;
	/** Where the arrival is not given: the earliest the flight in can land (SegmentInput `arrivalNotBefore`). */
	earliestArrival?: ParsedLocal;
	earliestText?: string;
	departure?: ParsedLocal;
	arrivalText?: string;
	departureText?: string;
	from?: string;
	to?: string;
	entrySegment?: number;
	exitSegment?: number;
	domesticLegs: number;
	/** The layover length the page states, when it gives no clocks for the connection. */
	connectionMinutes?: number;
	/** A ground transfer between two mainland airports (e.g. PVG to SHA) or a leg that starts where the last did not end. */
	groundTransfers: number;
	separateTickets: boolean;
};

const reason = (code: ReasonCode, kind: Reason['kind'], sources: string[], params?: ReasonParams): Reason =>
	params ? {code, kind, params, sources} : {code, kind, sources};

function regionOf(rules: EngineRules, iata: string): string | undefined {
	return rules.airportOf(iata)?.country;
}

/** Splits the itinerary into mainland stays: from an arrival from abroad to the next departure abroad. */
function findStays(trip: TripInput, rules: EngineRules): StayFacts[] {
	const stays: StayFacts[] = [];
	let current: StayFacts | undefined;
	const segs = trip.segments;
	for (let i = 0; i < segs.length; i++) {
		const seg = segs[i]!;
		const fromCn = regionOf(rules, seg.from) === MAINLAND;
		const toCn = regionOf(rules, seg.to) === MAINLAND;
		const prev = segs[i - 1];
		if (fromCn && !current) {
			// The leg starts in the mainland but no arrival from abroad opened a stay: the traveller got there another way
			// (a land or sea crossing the page does not show), or the trip starts there.
			if (prev && regionOf(rules, prev.to) !== MAINLAND) {
				current = {
					airports: [seg.from],
					from: regionOf(rules, prev.to),
					domesticLegs: 0,
					groundTransfers: 0,
					separateTickets: true,
				};
			}
		} else if (fromCn && current) {
			const last = current.airports[current.airports.length - 1];
			if (last !== seg.from) {
				current.groundTransfers++;
				current.airports.push(seg.from);
			}
		}
		if (current && fromCn) {
			if (seg.separateTickets) current.separateTickets = true;
			if (toCn) {
				current.domesticLegs++;
				current.airports.push(seg.to);
			} else {
				current.exitAirport = seg.from;
				current.exitSegment = i;
				current.departureText = seg.departure;
				current.departure = seg.departure ? parseLocalCached(seg.departure) : undefined;
				current.to = regionOf(rules, seg.to);
				stays.push(current);
				current = undefined;
			}
		}
		if (!fromCn && toCn) {
			// A stay still open was left by a way the page does not show (the next leg starts abroad): it is still a
			// stay, with its exit unknown, never dropped.
			if (current) stays.push(current);
			current = {
				airports: [seg.to],
				entryAirport: seg.to,
				entrySegment: i,
				arrivalText: seg.arrival,
				arrival: seg.arrival ? parseLocalCached(seg.arrival) : undefined,
				earliestArrival: !seg.arrival && seg.arrivalNotBefore ? parseLocalCached(seg.arrivalNotBefore) : undefined,
				earliestText: seg.arrival ? undefined : seg.arrivalNotBefore,
				from: regionOf(rules, seg.from),
				domesticLegs: 0,
				groundTransfers: 0,
				separateTickets: false,
			};
			const next = segs[i + 1];
			if (next?.separateTickets) current.separateTickets = true;
			if (seg.connectionMinutes !== undefined) current.connectionMinutes = seg.connectionMinutes;
		}
		if (current && !toCn && !fromCn) {
			stays.push(current); // left overland or by sea (JFK → PEK, then HKG → NRT): the exit is not shown
			current = undefined;
		}
	}
	if (current) stays.push(current); // the trip ends in the mainland: no departure shown
	return stays;
}

/**
 * Minutes between arrival and departure; both are Beijing time, so no time zone is needed. Without both clocks, the
 * layover length the page states stands in, for a plain connection (no domestic leg, one airport).
 */
function stayMinutes(stay: StayFacts): number | undefined {
	if (stay.arrival && stay.departure && hasClock(stay.arrival) && hasClock(stay.departure)) {
		return localMinutes(stay.departure) - localMinutes(stay.arrival);
	}
	if (stay.connectionMinutes !== undefined && stay.domesticLegs === 0 && stay.groundTransfers === 0 && stay.exitAirport) {
		return stay.connectionMinutes;
	}
	return undefined;
}

/**
 * A stated layover no longer than the limit always fits a next-midnight count: the deadline is at least
 * `maxHours` after any arrival time on the entry day.
 */
function layoverWithin(stay: StayFacts, maxHours: number): boolean {
	const minutes = stayMinutes(stay);
	return minutes !== undefined && minutes <= maxHours * 60;
}

/** Compares the departure with a limit, allowing for a departure given as a date only. */
function departureVsLimit(departure: ParsedLocal | undefined, limitDay: number, limitMinutes: number): 'within' | 'after' | 'unknown' {
	if (!departure) return 'unknown';
	const limit = limitDay * 1440 + limitMinutes;
	if (hasClock(departure)) return localMinutes(departure) <= limit ? 'within' : 'after';
	const dayStart = departure.dayNumber * 1440;
	if (dayStart + 1439 <= limit) return 'within';
	if (dayStart > limit) return 'after';
	return 'unknown';
}

/**
 * A record's state on a date. After `until`, only a record that says the scheme ended (`ended`, with its source) is
 * `ended`; otherwise the scheduled end has passed and nobody here knows whether it was extended: `past-scheduled-end`.
 */
function inForce(r: Dated, date: string): 'yes' | 'not-yet' | 'not-yet-unsure' | 'ended' | 'past-scheduled-end' {
	if (date < r.since) return r.sinceExact === false ? 'not-yet-unsure' : 'not-yet';
	if (r.until && date > r.until) return r.ended ? 'ended' : 'past-scheduled-end';
	return 'yes';
}

/** "Scheduled to end on {until}; our rules are from {reviewedAt}; check before you travel." */
/** `what` names the rule (a code, or the scheme's name); `whatZh` its Chinese name where it has one. */
const pastScheduledEnd = (r: Dated, rules: EngineRules, what: string, whatZh: string = what): Reason =>
	reason('scheduled-end-passed', 'doubt', [...r.sources, ...(r.ended?.sources ?? [])], {
		what,
		whatZh,
		until: r.until!,
		reviewedAt: rules.data.reviewedAt,
	});

function statusOf(reasons: Reason[]): Status {
	if (reasons.some((r) => r.kind === 'fails')) return 'ineligible';
	if (reasons.some((r) => r.kind === 'doubt')) return 'conditional';
	return 'eligible';
}

/** The date the stay is judged by: the day of entry, else the day of exit. */
function stayDate(stay: StayFacts): string | undefined {
	return stay.arrival?.date ?? stay.departure?.date;
}

function thirdCountryReasons(stay: StayFacts, policy: 'transit24' | 'transit240', rules: EngineRules): Reason[] {
	const tc = rules.data.policies[policy].thirdCountry;
	const sources = policy === 'transit24' ? ['S19', 'S20'] : ['S1', 'S23', 'S25'];
	if (!stay.from) return [reason('origin-not-shown', 'doubt', sources)];
	if (!stay.to) return [reason('onward-not-shown', 'doubt', sources)];
	if (tc.required && stay.from === stay.to) {
		return [reason('onward-same-region', 'fails', sources, {region: stay.from})];
	}
	return [reason('third-region', 'ok', sources, {from: stay.from, to: stay.to})];
}

function evaluateTransit24(stay: StayFacts, rules: EngineRules): PolicyVerdict {
	const policy = rules.data.policies.transit24;
	const reasons: Reason[] = [];
	const date = stayDate(stay);
	// Where `since` is only where our sources begin (`sinceExact: false`, rules-facts §2.1), an earlier trip is a doubt.
	const state = date ? inForce(policy, date) : 'yes';
	if (state === 'not-yet') reasons.push(reason('policy-not-in-force', 'fails', policy.sources, {since: policy.since}));
	else if (state === 'not-yet-unsure') reasons.push(reason('policy-date-unverified', 'doubt', policy.sources, {since: policy.since}));
	if (!stay.entryAirport) reasons.push(reason('entry-not-shown', 'doubt', ['S18']));
	if (!stay.exitAirport) reasons.push(reason('onward-not-shown', 'doubt', ['S18']));
	// Leaving the port (a domestic flight where the policy has none, another airport where it stays at one): where the
	// border may grant temporary entry for the transit (rules-facts §2.1, §2.3), the 24 hours may still apply, as the
	// border decides; else they do not.
	const leaving = policy.leavingThePort;
	const leaves =
		stay.domesticLegs > 0 && !policy.domesticLegsAllowed
			? reason('domestic-leg', leaving.temporaryEntry ? 'info' : 'fails', leaving.sources, {count: stay.domesticLegs})
			: policy.staysAtOneAirport && stay.entryAirport && stay.exitAirport && stay.entryAirport !== stay.exitAirport
				? reason('airport-change', leaving.temporaryEntry ? 'info' : 'fails', leaving.sources, {
						from: stay.entryAirport,
						to: stay.exitAirport,
					})
				: undefined;
	if (leaves) reasons.push(leaves);
	if (stay.entryAirport && stay.exitAirport) reasons.push(...thirdCountryReasons(stay, 'transit24', rules));
	const minutes = stayMinutes(stay);
	const limit = policy.maxHours * 60;
	if (minutes !== undefined) {
		reasons.push(
			minutes <= limit
				? reason('within-24h', 'ok', policy.sources, {minutes})
				: reason('over-24h', 'fails', policy.sources, {minutes}),
		);
	} else if (stay.arrival && stay.departure) {
		// Dates without clocks: days apart tell the answer except for the next day.
		const days = stay.departure.dayNumber - stay.arrival.dayNumber;
		if (days === 0) reasons.push(reason('within-24h', 'ok', policy.sources, {sameDay: 1}));
		else if (days >= 2) reasons.push(reason('over-24h', 'fails', policy.sources, {days}));
		else reasons.push(reason('times-missing', 'doubt', policy.sources));
	} else if (stay.entryAirport && stay.exitAirport) {
		// The arrival not given but bounded: from the earliest landing to the departure is the longest the stay can be.
		const most =
			boundHolds(stay, rules) && hasClock(stay.earliestArrival) && hasClock(stay.departure)
				? localMinutes(stay.departure) - localMinutes(stay.earliestArrival)
				: undefined;
		if (most !== undefined && most >= 0 && most <= limit)
			reasons.push(reason('within-24h-earliest-arrival', 'ok', policy.sources, {earliest: formatEarliest(stay)}));
		else reasons.push(reason('times-missing', 'doubt', policy.sources));
	}
	if (stay.separateTickets && stay.exitAirport && stay.entryAirport) {
		reasons.push(reason('separate-tickets', 'doubt', ['S18', 'S43']));
	}
	// The permit matters only to a transit that nothing else rules out (one over 24 hours is not saved by it).
	if (leaves && leaving.temporaryEntry && !reasons.some((r) => r.kind === 'fails'))
		reasons.push(reason('temporary-entry-needed', 'doubt', leaving.sources));
	const exempt = stay.entryAirport ? rules.exemptByIata.get(stay.entryAirport) : undefined;
	const inspectionExempt =
		!!exempt &&
		!!date &&
		inForce(exempt, date) === 'yes' &&
		stay.domesticLegs === 0 &&
		stay.groundTransfers === 0 &&
		!stay.separateTickets;
	const status = statusOf(reasons);
	if (status !== 'ineligible' && exempt && date) {
		reasons.push(
			inspectionExempt
				? reason('inspection-exempt', 'info', exempt.sources, {airport: exempt.iata, since: exempt.since})
				: reason('inspection-required', 'info', ['S19']),
		);
	} else if (status !== 'ineligible') {
		reasons.push(reason('inspection-required', 'info', ['S19']));
	}
	if (policy.counting.verified === false && minutes !== undefined && minutes > limit - 60 && minutes <= limit) {
		reasons.push(reason('counting-unverified', 'info', policy.counting.sources));
	}
	// Said only where it helps: an ineligible transit gets no border-inspection exemption either.
	return {policy: 'transit24', status, reasons, inspectionExempt: inspectionExempt && status !== 'ineligible'};
}

/** The latest moment to leave under a next-midnight count: 00:00 of the day `days + 1` after the entry day. */
function nextMidnightDeadline(entry: ParsedLocal, days: number): {day: number; text: string} {
	const day = entry.dayNumber + days + 1;
	return {day, text: formatLocal(day, 0)};
}

/**
 * A stay whose arrival is not given but bounded (a ticket's coupons name departures only): the reason that its
 * departure is within `days` counted from the earliest landing, which holds for any later one (a later arrival only
 * moves the deadline later); undefined where that does not settle it. The day of entry lies between the earliest
 * landing's and the departure's, and the stay is judged by the departure's: only where no rule changes in between.
 */
function withinFromEarliest(stay: StayFacts, rules: EngineRules, days: number, sources: string[]): Reason | undefined {
	if (!boundHolds(stay, rules)) return undefined;
	const deadline = nextMidnightDeadline(stay.earliestArrival, days);
	if (departureVsLimit(stay.departure, deadline.day, 0) !== 'within') return undefined;
	return reason('within-limit-earliest-arrival', 'ok', sources, {earliest: formatEarliest(stay), deadline: deadline.text});
}

/** A stay with no arrival, an earliest landing and a departure, and no rule that starts or stops holding in between. */
function boundHolds(stay: StayFacts, rules: EngineRules): stay is StayFacts & {earliestArrival: ParsedLocal; departure: ParsedLocal} {
	if (stay.arrival || !stay.earliestArrival || !stay.departure) return false;
	return !rulesChangeBetween(rules, stay.earliestArrival.dayNumber, stay.departure.dayNumber);
}

/** The earliest landing as a local time (`YYYY-MM-DDTHH:mm`, made readable by the UI as the deadline is). */
const formatEarliest = (stay: StayFacts): string => {
	const e = stay.earliestArrival!;
	return formatLocal(e.dayNumber, e.minutes ?? 0);
};

function evaluateTransit240ForPassport(stay: StayFacts, rules: EngineRules, passport: string | undefined): PolicyVerdict {
	const policy = rules.data.policies.transit240;
	const reasons: Reason[] = [];
	const date = stayDate(stay);
	const verdict: PolicyVerdict = {policy: 'transit240', status: 'eligible', reasons};
	if (passport) verdict.passport = passport;
	// Before 2024-12-17 the city and regional 72- and 144-hour schemes applied instead.
	if (date && date < policy.since) return evaluateEarlierScheme(stay, rules, passport, date);
	if (passport) reasons.push(...nationalityReasons(rules, passport, date));
	// Entry port, open on the entry date.
	if (!stay.entryAirport) reasons.push(reason('entry-not-shown', 'doubt', ['S1']));
	else {
		const port = rules.portsByIata.get(stay.entryAirport);
		if (!port) reasons.push(reason('port-not-listed', 'fails', ['S1', 'S7'], {airport: stay.entryAirport}));
		else if (date) {
			const state = inForce(port, date);
			if (state === 'not-yet')
				reasons.push(reason('port-not-yet-open', 'fails', port.sources, {airport: stay.entryAirport, since: port.since}));
			else if (state === 'not-yet-unsure')
				reasons.push(reason('port-date-unverified', 'doubt', port.sources, {airport: stay.entryAirport, since: port.since}));
			else if (state === 'ended')
				reasons.push(
					reason('port-closed', 'fails', [...port.sources, ...port.ended!.sources], {
						airport: stay.entryAirport,
						until: port.until!,
					}),
				);
			else if (state === 'past-scheduled-end') reasons.push(pastScheduledEnd(port, rules, stay.entryAirport));
			else reasons.push(reason('port-listed', 'ok', port.sources, {airport: stay.entryAirport}));
		}
	}
	if (stay.exitAirport && !rules.portsByIata.has(stay.exitAirport)) {
		reasons.push(reason('exit-port-not-listed', 'doubt', ['S7', 'S26'], {airport: stay.exitAirport}));
	}
	reasons.push(...thirdCountryReasons(stay, 'transit240', rules));
	// Every airport of the stay inside the permitted areas.
	const outside: string[] = [];
	const unsure: string[] = [];
	for (const iata of stay.airports) {
		const a = rules.airportOf(iata);
		const area = a?.province ? rules.areasByProvince.get(a.province) : undefined;
		const state = area && date ? inForce(area, date) : area ? 'yes' : undefined;
		if (!a || !area || state === 'not-yet' || state === 'ended') outside.push(iata);
		else if (area.area === 'listed' && !area.prefectures!.includes(a.prefecture!)) outside.push(iata);
		else if (state === 'not-yet-unsure' || state === 'past-scheduled-end' || (area.area === 'listed' && a.verified === false))
			unsure.push(iata);
	}
	if (outside.length > 0)
		reasons.push(reason('outside-permitted-area', 'fails', ['S7', 'S9', 'S16', 'S47'], {airports: outside.join(' ')}));
	else if (unsure.length > 0) reasons.push(reason('area-unverified', 'doubt', ['S44'], {airports: unsure.join(' ')}));
	else if (stay.airports.length > 0) reasons.push(reason('inside-permitted-area', 'ok', ['S7'], {airports: stay.airports.join(' ')}));
	// Time limit: leave by 00:00 of the 11th day after entry.
	if (stay.arrival) {
		const deadline = nextMidnightDeadline(stay.arrival, policy.maxHours / 24);
		verdict.deadline = deadline.text;
		const vs = departureVsLimit(stay.departure, deadline.day, 0);
		if (vs === 'within') reasons.push(reason('within-240h', 'ok', policy.counting.sources, {deadline: deadline.text}));
		else if (vs === 'after') reasons.push(reason('over-240h', 'fails', policy.counting.sources, {deadline: deadline.text}));
		else if (layoverWithin(stay, policy.maxHours))
			reasons.push(reason('layover-within-limit', 'ok', policy.counting.sources, {minutes: stayMinutes(stay)!}));
		else
			reasons.push(
				reason(stay.departure ? 'times-missing' : 'exit-time-not-shown', 'doubt', policy.counting.sources, {
					deadline: deadline.text,
				}),
			);
	} else if (layoverWithin(stay, policy.maxHours)) {
		reasons.push(reason('layover-within-limit', 'ok', policy.counting.sources, {minutes: stayMinutes(stay)!}));
	} else {
		reasons.push(
			withinFromEarliest(stay, rules, policy.maxHours / 24, policy.counting.sources) ??
				reason('times-missing', 'doubt', policy.counting.sources),
		);
	}
	verdict.status = passport ? statusOf(reasons) : reasons.some((r) => r.kind === 'fails') ? 'ineligible' : 'unknown';
	return verdict;
}

/** The passport on the list of eligible nationalities, on the travel date (the same list for every era). */
function nationalityReasons(rules: EngineRules, passport: string, date: string | undefined): Reason[] {
	const n = rules.nationalities.get(passport);
	if (!n) return [reason('nationality-not-listed', 'fails', ['S1', 'S10'], {passport})];
	if (!date) return [reason('nationality-listed', 'ok', n.sources, {passport})];
	const state = inForce(n, date);
	if (state === 'not-yet') return [reason('nationality-not-yet-listed', 'fails', n.sources, {passport, since: n.since})];
	if (state === 'not-yet-unsure') return [reason('nationality-date-unverified', 'doubt', n.sources, {passport, since: n.since})];
	if (state === 'ended')
		return [reason('nationality-removed', 'fails', [...n.sources, ...n.ended!.sources], {passport, until: n.until!})];
	if (state === 'past-scheduled-end') return [pastScheduledEnd(n, rules, passport)];
	return [reason('nationality-listed', 'ok', n.sources, {passport})];
}

type Scheme = EngineRules['data']['transitSchemes'][number];

/**
 * The scheme an entry airport belonged to on a date, and whether its membership then is only "in force by" (a port
 * that joined on a date not verified, or a scheme whose start is not verified).
 */
function schemeAt(rules: EngineRules, iata: string, date: string): {scheme: Scheme; unsure: boolean} | undefined {
	for (const scheme of rules.data.transitSchemes) {
		const state = inForce(scheme, date);
		if (state !== 'yes') continue;
		const port = scheme.ports.find((p) => p.iata === iata);
		if (!port) continue;
		if (!port.since || port.since <= date) return {scheme, unsure: false};
		if (port.sinceExact === false) return {scheme, unsure: true};
	}
	return undefined;
}

/**
 * Whether the entry airport may have been a transit port on a date no scheme in our data covers: it is listed as
 * "in force by" a later date, or a scheme with it started on a date not verified, or it was a port by then.
 */
function historyUnverified(rules: EngineRules, iata: string, date: string): boolean {
	const port = rules.portsByIata.get(iata);
	if (port && (port.sinceExact === false || port.since <= date)) return true;
	return rules.data.transitSchemes.some((s) => s.ports.some((p) => p.iata === iata) && inForce(s, date) === 'not-yet-unsure');
}

/**
 * Before 2024-12-17 (the transitSchemes of the dataset): 72 or 144 hours depending on the entry airport's city or region,
 * counted the same way (from 00:00 after the day of entry), inside that scheme's permitted area only, with no travel
 * between regions. The same nationality list and third-country rule.
 */
function evaluateEarlierScheme(stay: StayFacts, rules: EngineRules, passport: string | undefined, date: string): PolicyVerdict {
	const policy = rules.data.policies.transit240;
	const reasons: Reason[] = [];
	const verdict: PolicyVerdict = {policy: 'transit240', status: 'eligible', reasons};
	if (passport) {
		verdict.passport = passport;
		reasons.push(...nationalityReasons(rules, passport, date));
	}
	let found: {scheme: Scheme; unsure: boolean} | undefined;
	if (!stay.entryAirport) reasons.push(reason('entry-not-shown', 'doubt', ['S1']));
	else {
		found = schemeAt(rules, stay.entryAirport, date);
		if (found) {
			const {scheme} = found;
			verdict.hours = scheme.hours;
			verdict.scheme = scheme.id;
			const params = {
				airport: stay.entryAirport,
				hours: scheme.hours,
				scheme: scheme.name,
				schemeZh: scheme.nameZh,
				since: scheme.since,
				until: scheme.until!,
			};
			reasons.push(reason('earlier-scheme', 'ok', scheme.sources, params));
			if (found.unsure)
				reasons.push(
					reason('port-date-unverified', 'doubt', scheme.sources, {
						airport: stay.entryAirport,
						since: scheme.ports.find((p) => p.iata === stay.entryAirport)!.since!,
					}),
				);
		} else if (historyUnverified(rules, stay.entryAirport, date)) {
			reasons.push(
				reason('scheme-history-unverified', 'doubt', rules.portsByIata.get(stay.entryAirport)?.sources ?? policy.sources, {
					airport: stay.entryAirport,
					date,
				}),
			);
		} else {
			const starts = [
				rules.portsByIata.get(stay.entryAirport)?.since,
				...rules.data.transitSchemes.filter((s) => s.ports.some((p) => p.iata === stay.entryAirport)).map((s) => s.since),
			];
			const since = starts.filter((d): d is string => d !== undefined).sort()[0];
			reasons.push(
				since
					? reason('port-not-yet-open', 'fails', rules.portsByIata.get(stay.entryAirport)?.sources ?? ['S12'], {
							airport: stay.entryAirport,
							since,
						})
					: reason('port-not-listed', 'fails', ['S1', 'S7'], {airport: stay.entryAirport}),
			);
		}
	}
	const scheme = found?.scheme;
	// The exit port, one of the scheme's on the day of exit (Ningbo joined the Shanghai–Jiangsu–Zhejiang scheme in 2019).
	const exitDate = stay.departure?.date ?? date;
	if (scheme && stay.exitAirport && !scheme.ports.some((p) => p.iata === stay.exitAirport && (!p.since || p.since <= exitDate))) {
		reasons.push(reason('exit-port-not-listed', 'doubt', scheme.sources, {airport: stay.exitAirport}));
	}
	reasons.push(...thirdCountryReasons(stay, 'transit240', rules));
	// Inside the scheme's own area: no travel between regions before 2024-12-17.
	if (scheme) {
		const outside: string[] = [];
		const unsure: string[] = [];
		for (const iata of stay.airports) if (!inAreas(rules, scheme.areas, iata)) (scheme.areaVerified ? outside : unsure).push(iata);
		const params = {scheme: scheme.name, schemeZh: scheme.nameZh};
		if (outside.length > 0)
			reasons.push(reason('outside-scheme-area', 'fails', scheme.sources, {...params, airports: outside.join(' ')}));
		else if (unsure.length > 0) reasons.push(reason('area-unverified', 'doubt', scheme.sources, {airports: unsure.join(' ')}));
		else if (stay.airports.length > 0)
			reasons.push(reason('inside-scheme-area', 'ok', scheme.sources, {...params, airports: stay.airports.join(' ')}));
	}
	// The scheme's hours, counted from 00:00 after the day of entry; 144 hours (the longest) where the scheme is unknown.
	const hours = scheme?.hours ?? 144;
	if (stay.arrival) {
		const deadline = nextMidnightDeadline(stay.arrival, hours / 24);
		if (scheme) verdict.deadline = deadline.text;
		const vs = departureVsLimit(stay.departure, deadline.day, 0);
		if (vs === 'within' && scheme)
			reasons.push(reason('within-scheme-limit', 'ok', policy.counting.sources, {hours, deadline: deadline.text}));
		else if (vs === 'after')
			reasons.push(reason('over-scheme-limit', 'fails', policy.counting.sources, {hours, deadline: deadline.text}));
		else if (vs === 'unknown' && layoverWithin(stay, hours))
			reasons.push(reason('layover-within-limit', 'ok', policy.counting.sources, {minutes: stayMinutes(stay)!}));
		else if (vs === 'unknown')
			reasons.push(
				reason(stay.departure ? 'times-missing' : 'exit-time-not-shown', 'doubt', policy.counting.sources, {
					deadline: deadline.text,
				}),
			);
	} else if (layoverWithin(stay, hours)) {
		reasons.push(reason('layover-within-limit', 'ok', policy.counting.sources, {minutes: stayMinutes(stay)!}));
	} else {
		const within = scheme ? withinFromEarliest(stay, rules, hours / 24, policy.counting.sources) : undefined;
		reasons.push(within ?? reason('times-missing', 'doubt', policy.counting.sources));
	}
	verdict.status = passport ? statusOf(reasons) : reasons.some((r) => r.kind === 'fails') ? 'ineligible' : 'unknown';
	return verdict;
}

/**
 * Per rule set and date: the lists a stop without passports carries (the same for every such stop that day, and a
 * results page judges hundreds of them). Each result gets its own copy.
 */
/** Who qualifies on a date: in force, and past a scheduled end (only if the scheme was extended). */
type QualifyingLists = {transit240: string[]; transit240IfExtended: string[]; visaFree: string[]; visaFreeIfExtended: string[]};
const listsByDate = new WeakMap<EngineRules, Map<string, QualifyingLists>>();
const MAX_LIST_DATES = 400;

function qualifyingLists(rules: EngineRules, date: string | undefined): QualifyingLists {
	let byDate = listsByDate.get(rules);
	if (!byDate) listsByDate.set(rules, (byDate = new Map()));
	const key = date ?? '';
	let lists = byDate.get(key);
	if (!lists) {
		// On a date past a scheme's scheduled end, its nationalities qualify only if it was extended: listed apart.
		const state = (r: Dated) => (date ? inForce(r, date) : 'yes');
		const countries = (records: readonly (Dated & {country: string})[], want: string) => [
			...new Set(records.filter((r) => state(r) === want).map((r) => r.country)),
		];
		const apart = (records: readonly (Dated & {country: string})[]) => {
			const yes = countries(records, 'yes');
			return [yes, countries(records, 'past-scheduled-end').filter((c) => !yes.includes(c))];
		};
		const [transit240, transit240IfExtended] = apart(rules.data.transit240Nationalities);
		const [visaFree, visaFreeIfExtended] = apart(rules.data.visaFree);
		lists = {
			transit240: transit240!,
			transit240IfExtended: transit240IfExtended!,
			visaFree: visaFree!.sort(),
			visaFreeIfExtended: visaFreeIfExtended!.sort(),
		};
		if (byDate.size >= MAX_LIST_DATES) byDate.clear();
		byDate.set(key, lists);
	}
	return {
		transit240: [...lists.transit240],
		transit240IfExtended: [...lists.transit240IfExtended],
		visaFree: [...lists.visaFree],
		visaFreeIfExtended: [...lists.visaFreeIfExtended],
	};
}

type Regional = EngineRules['data']['regionalVisaFree'][number];

/** Whether an airport lies in one of the areas (whole provinces, or listed prefectures of one). */
function inAreas(
	rules: EngineRules,
	areas: readonly {province: string; area: 'whole' | 'listed'; prefectures?: string[]}[],
	iata: string,
): boolean {
	const a = rules.airportOf(iata);
	const area = a ? areas.find((x) => x.province === a.province) : undefined;
	return !!a && !!area && (area.area === 'whole' || area.prefectures!.includes(a.prefecture ?? ''));
}

/** Regional schemes whose area holds the whole stay, entered where the scheme allows, for this passport. */
function regionalFits(stay: StayFacts, rules: EngineRules, passport: string, date: string): Regional[] {
	return rules.data.regionalVisaFree.filter((r) => {
		const state = inForce(r, date);
		if (state !== 'yes' && state !== 'past-scheduled-end') return false;
		if (r.countries && !r.countries.includes(passport)) return false;
		if (!stay.entryAirport || stay.airports.length === 0) return false;
		const entryOk = r.entryAirports ? r.entryAirports.includes(stay.entryAirport) : inAreas(rules, r.areas, stay.entryAirport);
		return entryOk && stay.airports.every((iata) => inAreas(rules, r.areas, iata));
	});
}

/**
 * A regional scheme one traveller may use (Hainan's 59 countries, regionalVisaFree in the dataset): 30 days inside the region, but
 * through a travel agency, which no itinerary shows, so never more than a doubt.
 */
function evaluateRegionalVisaFree(stay: StayFacts, rules: EngineRules, passport: string, r: Regional, date: string): PolicyVerdict {
	const reasons: Reason[] = [];
	const verdict: PolicyVerdict = {
		policy: 'visaFree',
		status: 'conditional',
		reasons,
		passport,
		regime: {kind: 'regional', ...(r.days ? {days: r.days} : {}), ...(r.until ? {until: r.until} : {})},
	};
	const params = {passport, scheme: r.name, schemeZh: r.nameZh};
	reasons.push(reason('regional-regime', 'ok', r.sources, params));
	if (inForce(r, date) === 'past-scheduled-end') reasons.push(pastScheduledEnd(r, rules, r.name, r.nameZh));
	reasons.push(reason('travel-agency-required', 'doubt', r.sources, params));
	if (r.days && stay.arrival) {
		const deadline = nextMidnightDeadline(stay.arrival, r.days);
		verdict.deadline = deadline.text;
		const vs = departureVsLimit(stay.departure, deadline.day, 0);
		if (vs === 'within') reasons.push(reason('within-stay-limit', 'ok', r.sources, {days: r.days, deadline: deadline.text}));
		else if (vs === 'after') reasons.push(reason('over-stay-limit', 'fails', r.sources, {days: r.days, deadline: deadline.text}));
		else reasons.push(reason(stay.departure ? 'times-missing' : 'exit-time-not-shown', 'doubt', r.sources, {deadline: deadline.text}));
	} else
		reasons.push(
			(r.days ? withinFromEarliest(stay, rules, r.days, r.sources) : undefined) ?? reason('times-missing', 'doubt', r.sources),
		);
	verdict.status = statusOf(reasons);
	return verdict;
}

/**
 * Visa-free entry for one passport: the national regimes (unilateral, mutual); where none admits the stay, a regional
 * scheme for individual travellers; and where the verdict is still not a yes, the group schemes the stay would fit
 * (for agents: a tour group could go visa-free), as information that changes no status.
 */
function evaluateVisaFreeForPassport(stay: StayFacts, rules: EngineRules, passport: string): PolicyVerdict {
	let verdict = evaluateNationalVisaFree(stay, rules, passport);
	const date = stayDate(stay);
	if (!date) return verdict;
	const fits = regionalFits(stay, rules, passport, date);
	const individual = fits.find((r) => r.kind === 'individual-with-agency');
	if (verdict.status === 'ineligible' && individual) verdict = evaluateRegionalVisaFree(stay, rules, passport, individual, date);
	if (verdict.status !== 'eligible') {
		for (const g of fits.filter((r) => r.kind === 'group')) {
			const hours = g.hours ?? g.days! * 24;
			verdict.reasons.push(reason('group-scheme-available', 'info', g.sources, {scheme: g.name, schemeZh: g.nameZh, hours}));
		}
	}
	return verdict;
}

/**
 * Whether another regime of the same passport takes over by the day after this one's end, so that a stay across the
 * end is not cut (Malaysia: unilateral entry to 2025-07-16, the mutual agreement from 2025-07-17 [S38]).
 */
function followedOn(regime: Dated, regimes: readonly Dated[]): boolean {
	const until = regime.until;
	if (!until) return false;
	const next = dayNumber(until) + 1;
	return regimes.some((r) => r !== regime && dayNumber(r.since) <= next && (!r.until || r.until > until));
}

function evaluateNationalVisaFree(stay: StayFacts, rules: EngineRules, passport: string): PolicyVerdict {
	const reasons: Reason[] = [];
	const verdict: PolicyVerdict = {policy: 'visaFree', status: 'eligible', reasons, passport};
	const date = stayDate(stay);
	const regimes = rules.visaFreeByCountry.get(passport) ?? [];
	if (regimes.length === 0) {
		reasons.push(reason('no-visa-free-regime', 'fails', rules.data.policies.visaFree.sources, {passport}));
		verdict.status = 'ineligible';
		return verdict;
	}
	if (!date) {
		reasons.push(reason('times-missing', 'doubt', rules.data.policies.visaFree.sources));
		verdict.status = 'conditional';
		return verdict;
	}
	const states = regimes.map((r) => ({r, state: inForce(r, date)}));
	const current =
		states.find((s) => s.state === 'yes') ??
		states.find((s) => s.state === 'not-yet-unsure') ??
		states.find((s) => s.state === 'past-scheduled-end');
	if (!current) {
		const ended = states.find((s) => s.state === 'ended');
		if (ended) {
			reasons.push(
				reason('regime-ended', 'fails', [...ended.r.sources, ...ended.r.ended!.sources], {
					passport,
					until: ended.r.until!,
					kind: ended.r.kind,
				}),
			);
		} else {
			const next = states.find((s) => s.state === 'not-yet')!;
			reasons.push(reason('regime-not-yet', 'fails', next.r.sources, {passport, since: next.r.since, kind: next.r.kind}));
		}
		verdict.status = 'ineligible';
		return verdict;
	}
	const regime = current.r;
	// The stay limit on the day of entry (unilateral entry was 15 days before 2024-11-30, 30 after).
	const entryDay = stay.arrival?.date ?? date;
	const days = regime.stayLimits ? (regime.stayLimits.filter((l) => l.since <= entryDay).at(-1)?.days ?? regime.days) : regime.days;
	const daysSources = regime.stayLimits?.filter((l) => l.since <= entryDay).at(-1)?.sources ?? regime.sources;
	verdict.regime = {kind: regime.kind, ...(days ? {days} : {}), ...(regime.until ? {until: regime.until} : {})};
	if (current.state === 'not-yet-unsure') {
		reasons.push(reason('regime-date-unverified', 'doubt', regime.sources, {passport, since: regime.since}));
	} else if (current.state === 'past-scheduled-end') {
		reasons.push(pastScheduledEnd(regime, rules, passport));
	} else {
		reasons.push(
			reason('regime-in-force', 'ok', regime.sources, {passport, kind: regime.kind, ...(regime.until ? {until: regime.until} : {})}),
		);
	}
	if (!regime.verified) reasons.push(reason('regime-unverified', 'doubt', regime.sources, {passport}));
	// Another regime of the passport taking over the next day: the end does not cut the stay.
	const followed = followedOn(regime, regimes);
	if (!days) {
		reasons.push(reason('stay-limit-unknown', 'doubt', regime.sources, {passport}));
	} else if (stay.arrival) {
		const deadline = nextMidnightDeadline(stay.arrival, days);
		// A scheme scheduled to end before the stay limit runs out: the deadline shown is its end (leave by the midnight
		// after it). The sources do not say what holds for a stay past that date, and one that goes on past it is a
		// doubt (below): a later deadline would promise what the verdict does not.
		const endDay = current.state === 'yes' && regime.until && !followed ? dayNumber(regime.until) + 1 : Infinity;
		const shown = endDay < deadline.day ? formatLocal(endDay, 0) : deadline.text;
		verdict.deadline = shown;
		const vs = departureVsLimit(stay.departure, deadline.day, 0);
		if (vs === 'within') reasons.push(reason('within-stay-limit', 'ok', daysSources, {days, deadline: deadline.text}));
		else if (vs === 'after') reasons.push(reason('over-stay-limit', 'fails', daysSources, {days, deadline: deadline.text}));
		else
			reasons.push(reason(stay.departure ? 'times-missing' : 'exit-time-not-shown', 'doubt', daysSources, {deadline: deadline.text}));
		if (!regime.daysVerified && vs !== 'after') reasons.push(reason('stay-limit-unverified', 'doubt', regime.sources, {days}));
		if (shown !== deadline.text && vs !== 'after' && !(stay.departure && stay.departure.date > regime.until!))
			reasons.push(reason('leave-by-scheduled-end', 'info', regime.sources, {until: regime.until!, deadline: shown}));
	} else {
		const within = withinFromEarliest(stay, rules, days, daysSources);
		reasons.push(within ?? reason('times-missing', 'doubt', regime.sources));
		if (within && !regime.daysVerified) reasons.push(reason('stay-limit-unverified', 'doubt', regime.sources, {days}));
	}
	if (current.state === 'yes' && regime.until && stay.departure && stay.departure.date > regime.until && !followed) {
		// What is sure: leaving by the midnight after the end (the deadline shown, where the stay's entry is known).
		const deadline = formatLocal(dayNumber(regime.until) + 1, 0);
		reasons.push(reason('regime-ends-during-stay', 'doubt', regime.sources, {until: regime.until, deadline}));
	}
	verdict.status = statusOf(reasons);
	return verdict;
}

const STATUS_RANK: Record<Status, number> = {eligible: 3, conditional: 2, unknown: 1, ineligible: 0};

/** With several passports, each policy uses the passport that does best. */
function bestOf(verdicts: PolicyVerdict[]): PolicyVerdict {
	return verdicts.reduce((a, b) => (STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a));
}

function remindersFor(verdicts: PolicyVerdict[], rules: EngineRules, date: string | undefined): Reminder[] {
	const r = rules.data.reminders;
	const reminders: Reminder[] = [
		{code: 'passport-validity', params: {months: r.passportMinValidityMonths}, sources: ['S19', 'S23']},
		{code: 'onward-ticket', sources: ['S1', 'S18']},
	];
	if (verdicts.some((v) => v.policy !== 'transit24' && v.status !== 'ineligible')) {
		reminders.push({code: 'purpose', sources: r.sources});
		reminders.push({code: 'register-accommodation', sources: ['S22', 'S25']});
	}
	const t24 = verdicts.find((v) => v.policy === 'transit24');
	if (t24 && t24.status !== 'ineligible') reminders.push({code: 'leaving-airport-needs-permit', sources: ['S18', 'S19']});
	// The arrival card (from its start date): for a stay that enters China, and for 24-hour transit the exemption
	// while airside (leaving the airport is an entry, so the card is needed then).
	const card = r.arrivalCard;
	if (date && date >= card.since) {
		const entering = verdicts.some((v) => v.policy !== 'transit24' && v.status !== 'ineligible');
		if (entering) reminders.push({code: 'arrival-card', params: {since: card.since}, sources: card.sources});
		if (t24 && t24.status !== 'ineligible' && card.exemptAirside24h)
			reminders.push({code: 'arrival-card-airside-exempt', sources: card.sources});
	}
	return reminders;
}

/**
 * The schemes in our data are for foreign nationals (data `passportsNotCovered`, rules-facts §2.1 [S18a], §2.2 [S21]):
 * for a traveller who lists a passport outside them, every verdict carries the doubt, once for each such passport,
 * first, and none stays a yes (which passport they travel on, and what applies to it, no page shows and no source here
 * says).
 */
function notCovered(verdicts: PolicyVerdict[], passports: string[], rules: EngineRules): void {
	const outside = rules.data.passportsNotCovered;
	const listed = passports.filter((p) => outside.countries.includes(p));
	if (listed.length === 0) return;
	for (const verdict of verdicts) {
		verdict.reasons.unshift(...listed.map((passport) => reason('passport-not-covered', 'doubt', outside.sources, {passport})));
		if (verdict.status === 'eligible') verdict.status = 'conditional';
	}
}

function evaluateStay(stay: StayFacts, passports: string[], rules: EngineRules, badgeOnly: boolean): Stop {
	const transit24 = evaluateTransit24(stay, rules);
	let transit240: PolicyVerdict;
	let visaFree: PolicyVerdict;
	const date = stayDate(stay);
	if (passports.length === 0) {
		transit240 = evaluateTransit240ForPassport(stay, rules, undefined);
		transit240.reasons.unshift(reason('no-passport', 'doubt', ['S1', 'S10']));
		visaFree = {policy: 'visaFree', status: 'unknown', reasons: [reason('no-passport', 'doubt', rules.data.policies.visaFree.sources)]};
		if (!badgeOnly) {
			const lists = qualifyingLists(rules, date);
			transit240.qualifyingNationalities = lists.transit240;
			if (lists.transit240IfExtended.length > 0) transit240.qualifyingIfExtended = lists.transit240IfExtended;
			visaFree.qualifyingNationalities = lists.visaFree;
			if (lists.visaFreeIfExtended.length > 0) visaFree.qualifyingIfExtended = lists.visaFreeIfExtended;
		}
	} else {
		transit240 = bestOf(passports.map((p) => evaluateTransit240ForPassport(stay, rules, p)));
		visaFree = bestOf(passports.map((p) => evaluateVisaFreeForPassport(stay, rules, p)));
	}
	const verdicts = [transit24, transit240, visaFree];
	notCovered(verdicts, passports, rules);
	const best = bestPolicy(verdicts);
	const stop: Stop = {
		airports: stay.airports,
		domesticLegs: stay.domesticLegs,
		verdicts,
		best,
		reminders: badgeOnly ? [] : remindersFor(verdicts, rules, date),
	};
	if (stay.arrivalText) stop.arrival = stay.arrivalText;
	else if (stay.earliestText) stop.arrivalNotBefore = stay.earliestText;
	if (stay.departureText) stop.departure = stay.departureText;
	if (stay.from) stop.from = stay.from;
	if (stay.to) stop.to = stay.to;
	if (stay.entrySegment !== undefined) stop.entrySegment = stay.entrySegment;
	if (stay.exitSegment !== undefined) stop.exitSegment = stay.exitSegment;
	const minutes = stayMinutes(stay);
	if (minutes !== undefined) stop.durationMinutes = minutes;
	return stop;
}

const reviewedDays = new WeakMap<EngineRules, number>();
function reviewedDay(rules: EngineRules): number {
	let day = reviewedDays.get(rules);
	if (day === undefined) reviewedDays.set(rules, (day = dayNumber(rules.data.reviewedAt)));
	return day;
}

/** The trip's first date: its first departure, else its first arrival (YYYY-MM-DD). */
function tripStart(trip: TripInput): string | undefined {
	const first = trip.segments[0];
	const text = first?.departure ?? first?.arrival;
	return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : undefined;
}

/** The day number of `today`: the same for every trip a page judges. */
let lastToday: {text: string; day: number} | undefined;
function todayNumber(today: string): number {
	if (lastToday?.text !== today) lastToday = {text: today, day: dayNumber(today)};
	return lastToday.day;
}

function noticesFor(trip: TripInput, stops: Stop[], rules: EngineRules, options: EvaluateOptions): Notice[] {
	const notices: Notice[] = [];
	const age = todayNumber(options.today) - reviewedDay(rules);
	if (age > STALE_AFTER_DAYS) {
		notices.push({code: 'data-review-old', params: {reviewedAt: rules.data.reviewedAt, days: age}, sources: []});
	}
	const first = trip.segments[0];
	if (
		first &&
		regionOf(rules, first.from) === MAINLAND &&
		!stops.some((s) => s.entrySegment === undefined && s.airports[0] === first.from)
	) {
		notices.push({code: 'trip-starts-in-mainland', params: {airport: first.from}, sources: []});
	}
	// Rules may have changed for this trip: it starts long after our review, or after the scheduled end of a rule it
	// was judged by. Said once per trip, with the earliest such end.
	const start = tripStart(trip);
	const ends = stops.flatMap((s) => s.verdicts.flatMap((v) => v.reasons.filter((r) => r.code === 'scheduled-end-passed')));
	const firstEnd = ends.reduce<Reason | undefined>(
		(a, r) => (!a || String(r.params!.until) < String(a.params!.until) ? r : a),
		undefined,
	);
	const late = start !== undefined && dayNumber(start) - reviewedDay(rules) > STALE_AFTER_DAYS;
	if (firstEnd || late) {
		const params: ReasonParams = {reviewedAt: rules.data.reviewedAt};
		if (firstEnd) params.until = String(firstEnd.params!.until);
		if (start) params.date = start;
		notices.push({code: 'rules-may-have-changed', params, sources: firstEnd?.sources ?? []});
	}
	return notices;
}

/** Judges a validated trip (see validateTrip) under the rules in force on its travel dates. */
export function evaluateTrip(trip: TripInput, rules: EngineRules, options: EvaluateOptions): CheckResult {
	const passports = [...new Set(trip.passports)];
	const badgeOnly = options.badgeOnly === true;
	const stops = findStays(trip, rules).map((stay) => evaluateStay(stay, passports, rules, badgeOnly));
	return {
		rules: {version: rules.data.rulesVersion, reviewedAt: rules.data.reviewedAt, latestRuleChange: rules.data.latestRuleChange},
		stops,
		notices: badgeOnly ? [] : noticesFor(trip, stops, rules, options),
	};
}
