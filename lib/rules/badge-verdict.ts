/**
 * The badge's fast path: what a result card's badge shows, without the explanation behind it. The content script
 * judges every card on a results page, hundreds of them, and the badge reads only a verdict's status, deadline, hours,
 * scheme, passport, inspection exemption, regime and its number of doubts; the reasons, reminders and notices are
 * what the popover shows, and the background gives those from a full evaluation (./evaluate.ts) when it opens.
 *
 * `evaluateBadge(trip, rules, today)` returns the same CheckResult shape as `evaluateTrip(trip, rules, {today,
 * badgeOnly: true})`, with the same stops (airports, arrival, departure, from, to, entry and exit segments, duration,
 * domestic legs, best policy) and, per verdict, the same status, passport, deadline, hours, scheme, inspectionExempt
 * and regime; but `reasons: []` and, instead, `doubts`: how many of the reasons the full evaluation gives are doubts
 * (lib/ui/summary.ts counts them for "N things to check"). No reminders, no notices, no qualifying nationalities, as
 * with `badgeOnly`. test/unit/rules/badge-verdict.test.ts proves it equal to evaluateTrip on random trips from 2015 to
 * 2028, with the compact and the full rules, and the badges summarize() makes from both identical.
 *
 * It follows ./evaluate.ts condition by condition (a change there needs the same change here; the property test says
 * where one is missing), reads the same EngineRules, and knows no port, country or date of its own. What makes it
 * fast: the rules' dates as day numbers, and each airport's facts (its region, transit port, inspection exemption,
 * 240-hour area, earlier schemes, regional schemes) gathered once per rule set, so each airport of a trip is one
 * lookup; each stay's two clocks parsed once (lib/time.ts parseLocalCached, as the full engine does) and kept
 * as numbers; no reason objects, only a "fails" flag and a count of doubts; what does not depend on the passport
 * (port, area, time limit) worked out once per stay, not once per passport; deadline texts remembered by day.
 */
import {dayNumber, formatLocal, parseLocalCached} from '../time';
import {bestPolicy, MAINLAND, rulesChangeBetween, type EngineRules} from './engine-rules';
import type {CheckResult, PolicyVerdict, Status, Stop, TripInput} from './types';

// ---- dates as day numbers ---------------------------------------------------------------------------------------

/** A dated record (since, until, ended) with its dates as day numbers. */
type Span = {since: number; sinceUnsure: boolean; until: number; ended: boolean};
type Dated = {since: string; sinceExact?: false; until?: string; ended?: unknown};

/** inForce (./evaluate.ts) as small numbers. */
const YES = 0;
const NOT_YET = 1;
const NOT_YET_UNSURE = 2;
const ENDED = 3;
const PAST_END = 4;

function spanOf(r: Dated): Span {
	return {
		since: dayNumber(r.since),
		sinceUnsure: r.sinceExact === false,
		until: r.until ? dayNumber(r.until) : Infinity,
		ended: !!r.ended,
	};
}

function stateOn(s: Span, day: number): number {
	if (day < s.since) return s.sinceUnsure ? NOT_YET_UNSURE : NOT_YET;
	if (day > s.until) return s.ended ? ENDED : PAST_END;
	return YES;
}

// ---- the rules, prepared once per rule set ------------------------------------------------------------------------

type Regime = {
	span: Span;
	kind: 'unilateral' | 'mutual';
	days: number | undefined;
	limits: {since: number; days: number}[] | undefined;
	verified: boolean;
	daysVerified: boolean;
	until: string | undefined;
};
type Scheme = {index: number; span: Span; id: string; hours: number; ports: Set<string>; areas: Areas; areaVerified: boolean};
type Regional = {
	span: Span;
	countries: Set<string> | undefined;
	entry: Set<string> | undefined;
	areas: Areas;
	days: number | undefined;
	until: string | undefined;
};
type Areas = readonly {province: string; area: 'whole' | 'listed'; prefectures?: string[]}[];

/** An earlier scheme the airport was a port of: its own start, where it joined later. */
type SchemePort = {scheme: Scheme; since: number | undefined; sinceUnsure: boolean};

/** What the engine asks of an airport, gathered once. */
type AirportFacts = {
	country: string | undefined;
	mainland: boolean;
	/** transit24: border inspection exemption. */
	exempt: Span | undefined;
	/** transit240: the entry port (a listed port of the 240-hour policy). */
	port: Span | undefined;
	/** transit240's permitted area: none (always outside), else its dates and what its prefecture list says. */
	area: Span | undefined;
	areaListedOutside: boolean;
	areaListedUnsure: boolean;
	/** The earlier 72/144-hour schemes with this airport as a port, in the dataset's order. */
	schemePorts: SchemePort[];
	/** By scheme index: the airport lies in the scheme's area. */
	inSchemeArea: boolean[];
	/** By regional scheme (individual ones only): the airport lies in its area. */
	inRegionalArea: boolean[];
};

type Prepared = {
	/** The rules these are prepared from (rulesChangeBetween reads their dates). */
	rules: EngineRules;
	/** The policy's dates; before a `since` that is only where our sources begin, a doubt. */
	t24Span: Span;
	t24Limit: number;
	t24ThirdCountry: boolean;
	/** Leaving the port (another airport, a domestic flight): a doubt where the border may grant temporary entry, else fails. */
	t24TemporaryEntry: boolean;
	/** Another airport is leaving the port (`staysAtOneAirport`); so is a domestic leg unless `domesticLegsAllowed`. */
	t24OneAirport: boolean;
	t24DomesticLegs: boolean;
	t240Since: number;
	t240Hours: number;
	t240ThirdCountry: boolean;
	nationalities: Map<string, Span>;
	visaFree: Map<string, Regime[]>;
	schemes: Scheme[];
	regional: Regional[];
	/** Airport facts by IATA code, filled as airports are met. */
	byIata: Map<string, AirportFacts>;
	/** Passports outside the schemes (`passportsNotCovered`). */
	notCovered: readonly string[];
};

const NOT_AN_AIRPORT: AirportFacts = {
	country: undefined,
	mainland: false,
	exempt: undefined,
	port: undefined,
	area: undefined,
	areaListedOutside: false,
	areaListedUnsure: false,
	schemePorts: [],
	inSchemeArea: [],
	inRegionalArea: [],
};

const prepared = new WeakMap<EngineRules, Prepared>();

function prepare(rules: EngineRules): Prepared {
	let p = prepared.get(rules);
	if (p) return p;
	const data = rules.data;
	const visaFree = new Map<string, Regime[]>();
	for (const [country, regimes] of rules.visaFreeByCountry) {
		visaFree.set(
			country,
			regimes.map((r) => ({
				span: spanOf(r),
				kind: r.kind,
				days: r.days,
				limits: r.stayLimits?.map((l) => ({since: dayNumber(l.since), days: l.days})),
				verified: r.verified,
				daysVerified: r.daysVerified,
				until: r.until,
			})),
		);
	}
	p = {
		rules,
		t24Span: spanOf(data.policies.transit24),
		t24Limit: data.policies.transit24.maxHours * 60,
		t24ThirdCountry: data.policies.transit24.thirdCountry.required,
		t24TemporaryEntry: data.policies.transit24.leavingThePort.temporaryEntry,
		t24OneAirport: data.policies.transit24.staysAtOneAirport,
		t24DomesticLegs: data.policies.transit24.domesticLegsAllowed,
		t240Since: dayNumber(data.policies.transit240.since),
		t240Hours: data.policies.transit240.maxHours,
		t240ThirdCountry: data.policies.transit240.thirdCountry.required,
		nationalities: new Map([...rules.nationalities].map(([country, n]) => [country, spanOf(n)])),
		visaFree,
		schemes: data.transitSchemes.map((s, index) => ({
			index,
			span: spanOf(s),
			id: s.id,
			hours: s.hours,
			ports: new Set(s.ports.map((port) => port.iata)),
			areas: s.areas,
			areaVerified: s.areaVerified,
		})),
		// Group schemes change no status: only the individual ones count for a badge.
		regional: data.regionalVisaFree
			.filter((r) => r.kind === 'individual-with-agency')
			.map((r) => ({
				span: spanOf(r),
				countries: r.countries && new Set(r.countries),
				entry: r.entryAirports && new Set(r.entryAirports),
				areas: r.areas,
				days: r.days,
				until: r.until,
			})),
		byIata: new Map(),
		notCovered: data.passportsNotCovered.countries,
	};
	prepared.set(rules, p);
	return p;
}

/** Whether an airport lies in one of the areas (whole provinces, or listed prefectures of one): inAreas in ./evaluate.ts. */
function inAreas(rules: EngineRules, areas: Areas, iata: string): boolean {
	const a = rules.airportOf(iata);
	const area = a ? areas.find((x) => x.province === a.province) : undefined;
	return !!a && !!area && (area.area === 'whole' || area.prefectures!.includes(a.prefecture ?? ''));
}

function factsOf(rules: EngineRules, p: Prepared, iata: string): AirportFacts {
	const known = p.byIata.get(iata);
	if (known) return known;
	const f = gatherFacts(rules, p, iata);
	// Codes the table does not know are not remembered: a page could make up any number of them.
	if (f !== NOT_AN_AIRPORT) p.byIata.set(iata, f);
	return f;
}

function gatherFacts(rules: EngineRules, p: Prepared, iata: string): AirportFacts {
	const a = rules.airportOf(iata);
	if (!a) return NOT_AN_AIRPORT;
	const mainland = a.country === MAINLAND;
	const f: AirportFacts = {...NOT_AN_AIRPORT, country: a.country, mainland};
	if (mainland) {
		const exempt = rules.exemptByIata.get(iata);
		const port = rules.portsByIata.get(iata);
		const area = a.province ? rules.areasByProvince.get(a.province) : undefined;
		f.exempt = exempt && spanOf(exempt);
		f.port = port && spanOf(port);
		f.area = area && spanOf(area);
		f.areaListedOutside = !!area && area.area === 'listed' && !area.prefectures!.includes(a.prefecture!);
		f.areaListedUnsure = !!area && area.area === 'listed' && a.verified === false;
		f.schemePorts = [];
		for (const [i, s] of rules.data.transitSchemes.entries()) {
			const sp = s.ports.find((x) => x.iata === iata);
			if (sp)
				f.schemePorts.push({
					scheme: p.schemes[i]!,
					since: sp.since ? dayNumber(sp.since) : undefined,
					sinceUnsure: sp.sinceExact === false,
				});
		}
		f.inSchemeArea = p.schemes.map((s) => inAreas(rules, s.areas, iata));
		f.inRegionalArea = p.regional.map((r) => inAreas(rules, r.areas, iata));
	}
	return f;
}

// ---- times ----------------------------------------------------------------------------------------------------

/** formatLocal(day, 0), remembered: a page's deadlines fall on a few days. */
const deadlineTexts = new Map<number, string>();
function deadlineText(day: number): string {
	let text = deadlineTexts.get(day);
	if (text === undefined) {
		if (deadlineTexts.size >= 4096) deadlineTexts.clear();
		deadlineTexts.set(day, (text = formatLocal(day, 0)));
	}
	return text;
}

// ---- stays -----------------------------------------------------------------------------------------------------

/**
 * One stay in the mainland (StayFacts in ./evaluate.ts), its times as numbers: NaN where not shown. One object, reused
 * for every stay (each is judged as soon as it is complete); only its airports go into the result.
 */
class Stay {
	airports: string[] = [];
	/** The facts of `airports`, in the same order: the first `count` entries of a reused array. */
	facts: AirportFacts[] = [];
	count = 0;
	entry: string | undefined = undefined;
	exit: string | undefined = undefined;
	arrivalText: string | undefined = undefined;
	departureText: string | undefined = undefined;
	/** Day numbers of arrival and departure, and their minutes since the epoch (NaN without a clock). */
	arrDay = NaN;
	arrAt = NaN;
	/** Where the arrival is not given: the day and minute of the earliest landing (SegmentInput `arrivalNotBefore`). */
	earliestDay = NaN;
	earliestAt = NaN;
	earliestText: string | undefined = undefined;
	/** boundHolds in ./evaluate.ts: no arrival, an earliest landing and a departure, and no rule change in between. */
	bounded = false;
	depDay = NaN;
	depAt = NaN;
	from: string | undefined = undefined;
	to: string | undefined = undefined;
	entrySegment: number | undefined = undefined;
	exitSegment: number | undefined = undefined;
	domesticLegs = 0;
	connectionMinutes: number | undefined = undefined;
	groundTransfers = 0;
	separateTickets = false;

	start(airport: string, facts: AirportFacts): void {
		this.airports = [airport];
		this.facts[0] = facts;
		this.count = 1;
		this.entry = this.exit = this.arrivalText = this.earliestText = this.departureText = this.from = this.to = undefined;
		this.arrDay = this.arrAt = this.earliestDay = this.earliestAt = this.depDay = this.depAt = NaN;
		this.entrySegment = this.exitSegment = this.connectionMinutes = undefined;
		this.domesticLegs = this.groundTransfers = 0;
		this.separateTickets = false;
	}
}

const stay = new Stay();

/** A local time's day number and its minute since day 0 (NaN without a clock); undefined when there is none. */
function dayAndMinute(text: string | undefined): [number, number] | undefined {
	const t = text ? parseLocalCached(text) : undefined;
	return t && [t.dayNumber, t.minutes === undefined ? NaN : t.dayNumber * 1440 + t.minutes];
}

/** findStays in ./evaluate.ts, each stay judged as it closes. */
function judgeStays(trip: TripInput, rules: EngineRules, p: Prepared, passports: string[]): Stop[] {
	const stops: Stop[] = [];
	const s = stay;
	let open = false;
	const segs = trip.segments;
	let prevTo: AirportFacts | undefined;
	for (let i = 0; i < segs.length; i++) {
		const seg = segs[i]!;
		// A leg usually starts where the last one ended: its airport is looked up once.
		const fromFacts = prevTo && seg.from === segs[i - 1]!.to ? prevTo : factsOf(rules, p, seg.from);
		const toFacts = factsOf(rules, p, seg.to);
		const fromCn = fromFacts.mainland;
		const toCn = toFacts.mainland;
		if (fromCn && !open) {
			// The leg starts in the mainland but no arrival from abroad opened a stay: the traveller got there another way
			// (a land or sea crossing the page does not show), or the trip starts there.
			if (prevTo && !prevTo.mainland) {
				s.start(seg.from, fromFacts);
				open = true;
				s.from = prevTo.country;
				s.separateTickets = true;
			}
		} else if (fromCn && open) {
			if (s.airports[s.airports.length - 1] !== seg.from) {
				s.groundTransfers++;
				s.airports.push(seg.from);
				s.facts[s.count++] = fromFacts;
			}
		}
		if (open && fromCn) {
			if (seg.separateTickets) s.separateTickets = true;
			if (toCn) {
				s.domesticLegs++;
				s.airports.push(seg.to);
				s.facts[s.count++] = toFacts;
			} else {
				s.exit = seg.from;
				s.exitSegment = i;
				s.departureText = seg.departure;
				const t = dayAndMinute(seg.departure);
				if (t) [s.depDay, s.depAt] = t;
				s.to = toFacts.country;
				stops.push(judgeStay(s, p, passports));
				open = false;
			}
		}
		if (!fromCn && toCn) {
			if (open) stops.push(judgeStay(s, p, passports)); // an earlier stay whose exit the page does not show
			s.start(seg.to, toFacts);
			open = true;
			s.entry = seg.to;
			s.entrySegment = i;
			s.arrivalText = seg.arrival;
			const t = dayAndMinute(seg.arrival);
			if (t) [s.arrDay, s.arrAt] = t;
			// No arrival (as ./evaluate.ts reads it): the earliest landing, where the segment gives one.
			if (!seg.arrival && seg.arrivalNotBefore) {
				s.earliestText = seg.arrivalNotBefore;
				const e = dayAndMinute(seg.arrivalNotBefore);
				if (e) [s.earliestDay, s.earliestAt] = e;
			}
			s.from = fromFacts.country;
			if (segs[i + 1]?.separateTickets) s.separateTickets = true;
			if (seg.connectionMinutes !== undefined) s.connectionMinutes = seg.connectionMinutes;
		}
		if (open && !toCn && !fromCn) {
			stops.push(judgeStay(s, p, passports)); // left overland or by sea: the exit is not shown
			open = false;
		}
		prevTo = toFacts;
	}
	// The trip ends in the mainland: no departure shown.
	if (open) stops.push(judgeStay(s, p, passports));
	return stops;
}

/** stayMinutes in ./evaluate.ts; NaN where unknown. */
function stayMinutes(s: Stay): number {
	if (!Number.isNaN(s.arrAt) && !Number.isNaN(s.depAt)) return s.depAt - s.arrAt;
	if (s.connectionMinutes !== undefined && s.domesticLegs === 0 && s.groundTransfers === 0 && s.exit !== undefined)
		return s.connectionMinutes;
	return NaN;
}

const WITHIN = 0;
const AFTER = 1;
const UNKNOWN = 2;

/** withinFromEarliest in ./evaluate.ts: no arrival, and the departure within `days` counted from the earliest landing. */
function withinFromEarliest(s: Stay, days: number): boolean {
	return s.bounded && departureVs(s, s.earliestDay + days + 1) === WITHIN;
}

/** departureVsLimit in ./evaluate.ts, against 00:00 of `limitDay`. */
function departureVs(s: Stay, limitDay: number): number {
	if (Number.isNaN(s.depDay)) return UNKNOWN;
	const limit = limitDay * 1440;
	if (!Number.isNaN(s.depAt)) return s.depAt <= limit ? WITHIN : AFTER;
	const dayStart = s.depDay * 1440;
	if (dayStart + 1439 <= limit) return WITHIN;
	if (dayStart > limit) return AFTER;
	return UNKNOWN;
}

// ---- the policies ------------------------------------------------------------------------------------------------

// What each condition adds, as the full engine's reasons would: a "fails" sets `fails`, a "doubt" adds to `doubts`.
let fails = false;
let doubts = 0;

const statusOf = (): Status => (fails ? 'ineligible' : doubts > 0 ? 'conditional' : 'eligible');
const RANK: Record<Status, number> = {eligible: 3, conditional: 2, unknown: 1, ineligible: 0};

/** thirdCountryReasons in ./evaluate.ts. */
function thirdCountry(s: Stay, required: boolean): void {
	if (!s.from || !s.to) doubts++;
	else if (required && s.from === s.to) fails = true;
}

function transit24(s: Stay, p: Prepared, day: number, entry: AirportFacts | undefined): PolicyVerdict {
	fails = false;
	doubts = 0;
	const dated = !Number.isNaN(day);
	const state = dated ? stateOn(p.t24Span, day) : YES;
	if (state === NOT_YET) fails = true;
	else if (state === NOT_YET_UNSURE) doubts++;
	const both = s.entry !== undefined && s.exit !== undefined;
	if (s.entry === undefined) doubts++;
	if (s.exit === undefined) doubts++;
	const leaves = (s.domesticLegs > 0 && !p.t24DomesticLegs) || (p.t24OneAirport && both && s.entry !== s.exit);
	if (leaves && !p.t24TemporaryEntry) fails = true;
	if (both) thirdCountry(s, p.t24ThirdCountry);
	const minutes = stayMinutes(s);
	if (!Number.isNaN(minutes)) {
		if (minutes > p.t24Limit) fails = true;
	} else if (!Number.isNaN(s.arrDay) && !Number.isNaN(s.depDay)) {
		const days = s.depDay - s.arrDay;
		if (days >= 2) fails = true;
		else if (days !== 0) doubts++;
	} else if (both) {
		// The arrival not given but bounded: from the earliest landing to the departure is the longest the stay can be.
		const most = s.depAt - s.earliestAt;
		if (!(s.bounded && most >= 0 && most <= p.t24Limit)) doubts++;
	}
	if (s.separateTickets && both) doubts++;
	// The temporary entry's doubt, only where nothing else fails (as in ./evaluate.ts).
	if (leaves && p.t24TemporaryEntry && !fails) doubts++;
	const exempt = entry?.exempt;
	const inspectionExempt =
		!!exempt && dated && stateOn(exempt, day) === YES && s.domesticLegs === 0 && s.groundTransfers === 0 && !s.separateTickets;
	const status = statusOf();
	return {policy: 'transit24', status, reasons: [], inspectionExempt: inspectionExempt && status !== 'ineligible', doubts};
}

/** What transit240 says of a stay whatever the passport (its nationality is added per passport). */
let t240Fails = false;
let t240Doubts = 0;
let t240Deadline: string | undefined;
let t240Scheme: Scheme | undefined;

/** The nationwide 240-hour policy (from its `since`, or when the stay has no date): evaluateTransit240ForPassport. */
function transit240Base(s: Stay, p: Prepared, day: number, entry: AirportFacts | undefined): void {
	fails = false;
	doubts = 0;
	t240Deadline = undefined;
	t240Scheme = undefined;
	const dated = !Number.isNaN(day);
	if (!entry) doubts++;
	else if (!entry.port) fails = true;
	else if (dated) {
		const state = stateOn(entry.port, day);
		if (state === NOT_YET || state === ENDED) fails = true;
		else if (state !== YES) doubts++;
	}
	// The exit airport is the stay's last.
	if (s.exit !== undefined && !s.facts[s.count - 1]!.port) doubts++;
	thirdCountry(s, p.t240ThirdCountry);
	let outside = false;
	let unsure = false;
	for (let i = 0; i < s.count; i++) {
		const a = s.facts[i]!;
		const state = a.area && dated ? stateOn(a.area, day) : YES;
		if (!a.area || state === NOT_YET || state === ENDED || a.areaListedOutside) outside = true;
		else if (state === NOT_YET_UNSURE || state === PAST_END || a.areaListedUnsure) unsure = true;
	}
	if (outside) fails = true;
	else if (unsure) doubts++;
	timeLimit(s, p.t240Hours, true);
	t240Fails = fails;
	t240Doubts = doubts;
}

/**
 * The time limit of transit240 or of an earlier scheme: `hours` counted from 00:00 after the day of entry. `known`:
 * the nationwide policy, or the earlier scheme of the entry airport; without one there is no deadline, and a
 * departure in time says nothing.
 */
function timeLimit(s: Stay, hours: number, known: boolean): void {
	if (!Number.isNaN(s.arrDay)) {
		const limitDay = s.arrDay + hours / 24 + 1;
		if (known) t240Deadline = deadlineText(limitDay);
		const vs = departureVs(s, limitDay);
		if (vs === AFTER) fails = true;
		else if (vs === UNKNOWN && !layoverWithin(s, hours)) doubts++;
	} else if (!layoverWithin(s, hours) && !(known && withinFromEarliest(s, hours / 24))) doubts++;
}

function layoverWithin(s: Stay, hours: number): boolean {
	const minutes = stayMinutes(s);
	return !Number.isNaN(minutes) && minutes <= hours * 60;
}

/** Whether the exit airport is one of the scheme's ports on the day of exit (evaluateEarlierScheme). */
function exitListed(exit: AirportFacts, scheme: Scheme, day: number): boolean {
	for (const sp of exit.schemePorts) if (sp.scheme === scheme && (sp.since === undefined || sp.since <= day)) return true;
	return false;
}

/** Before the nationwide policy: the 72- and 144-hour scheme of the entry airport (evaluateEarlierScheme). */
function earlierSchemeBase(s: Stay, p: Prepared, day: number, entry: AirportFacts | undefined): void {
	fails = false;
	doubts = 0;
	t240Deadline = undefined;
	t240Scheme = undefined;
	if (!entry) doubts++;
	else {
		let found: SchemePort | undefined;
		let unsure = false;
		for (const sp of entry.schemePorts) {
			if (stateOn(sp.scheme.span, day) !== YES) continue;
			if (sp.since === undefined || sp.since <= day) {
				found = sp;
				break;
			}
			if (sp.sinceUnsure) {
				found = sp;
				unsure = true;
				break;
			}
		}
		if (found) {
			t240Scheme = found.scheme;
			if (unsure) doubts++;
		} else if (historyUnverified(entry, day)) doubts++;
		else fails = true;
	}
	const scheme = t240Scheme;
	if (scheme && s.exit !== undefined && !exitListed(s.facts[s.count - 1]!, scheme, Number.isNaN(s.depDay) ? day : s.depDay)) doubts++;
	thirdCountry(s, p.t240ThirdCountry);
	if (scheme) {
		let outside = false;
		let unsure = false;
		for (let i = 0; i < s.count; i++) {
			if (!s.facts[i]!.inSchemeArea[scheme.index]) {
				if (scheme.areaVerified) outside = true;
				else unsure = true;
			}
		}
		if (outside) fails = true;
		else if (unsure) doubts++;
	}
	// The scheme's hours; 144 (the longest) where the scheme is unknown, with no deadline.
	timeLimit(s, scheme ? scheme.hours : 144, !!scheme);
	t240Fails = fails;
	t240Doubts = doubts;
}

/** historyUnverified in ./evaluate.ts. */
function historyUnverified(entry: AirportFacts, day: number): boolean {
	if (entry.port && (entry.port.sinceUnsure || entry.port.since <= day)) return true;
	for (const sp of entry.schemePorts) if (stateOn(sp.scheme.span, day) === NOT_YET_UNSURE) return true;
	return false;
}

/** nationalityReasons in ./evaluate.ts, added to `fails` and `doubts`. */
function nationality(p: Prepared, passport: string, day: number): void {
	const n = p.nationalities.get(passport);
	if (!n) fails = true;
	else if (!Number.isNaN(day)) {
		const state = stateOn(n, day);
		if (state === NOT_YET || state === ENDED) fails = true;
		else if (state !== YES) doubts++;
	}
}

function transit240(s: Stay, p: Prepared, day: number, entry: AirportFacts | undefined, passports: string[]): PolicyVerdict {
	if (!Number.isNaN(day) && day < p.t240Since) earlierSchemeBase(s, p, day, entry);
	else transit240Base(s, p, day, entry);
	let verdict: PolicyVerdict;
	if (passports.length === 0) {
		// "No passport" is one more doubt; without a passport the answer is never a yes.
		verdict = {policy: 'transit240', status: t240Fails ? 'ineligible' : 'unknown', reasons: [], doubts: t240Doubts + 1};
	} else {
		let best = '';
		let bestStatus: Status = 'ineligible';
		let bestDoubts = 0;
		for (let i = 0; i < passports.length; i++) {
			const passport = passports[i]!;
			if (i > 0 && passports.indexOf(passport) < i) continue;
			fails = t240Fails;
			doubts = t240Doubts;
			nationality(p, passport, day);
			const status = statusOf();
			if (i === 0 || RANK[status] > RANK[bestStatus]) {
				best = passport;
				bestStatus = status;
				bestDoubts = doubts;
			}
		}
		verdict = {policy: 'transit240', status: bestStatus, reasons: [], passport: best, doubts: bestDoubts};
	}
	if (t240Scheme) {
		verdict.hours = t240Scheme.hours;
		verdict.scheme = t240Scheme.id;
	}
	if (t240Deadline !== undefined) verdict.deadline = t240Deadline;
	return verdict;
}

const PREFERRED = [YES, NOT_YET_UNSURE, PAST_END];

/** evaluateNationalVisaFree in ./evaluate.ts. */
function nationalVisaFree(s: Stay, p: Prepared, passport: string, day: number): PolicyVerdict {
	const regimes = p.visaFree.get(passport);
	if (!regimes || regimes.length === 0) return {policy: 'visaFree', status: 'ineligible', reasons: [], passport, doubts: 0};
	if (Number.isNaN(day)) return {policy: 'visaFree', status: 'conditional', reasons: [], passport, doubts: 1};
	let current: Regime | undefined;
	let state = NOT_YET;
	// The first regime in force; else the first whose start is not verified; else the first past its scheduled end.
	for (const want of PREFERRED) {
		for (const r of regimes) {
			if (stateOn(r.span, day) === want) {
				current = r;
				state = want;
				break;
			}
		}
		if (current) break;
	}
	if (!current) return {policy: 'visaFree', status: 'ineligible', reasons: [], passport, doubts: 0};
	fails = false;
	doubts = 0;
	let days = current.days;
	if (current.limits) {
		// The stay limit on the day of entry: the last step of its history that had started.
		let step: number | undefined;
		for (const l of current.limits) if (l.since <= day) step = l.days;
		days = step ?? current.days;
	}
	const verdict: PolicyVerdict = {
		policy: 'visaFree',
		status: 'eligible',
		reasons: [],
		passport,
		regime: regimeOf(current.kind, days, current.until),
	};
	if (state !== YES) doubts++;
	if (!current.verified) doubts++;
	const followed = followedOn(current, regimes);
	if (!days) doubts++;
	else if (!Number.isNaN(s.arrDay)) {
		const limitDay = s.arrDay + days + 1;
		// Shown: the scheme's scheduled end where it comes first (as in ./evaluate.ts).
		verdict.deadline = deadlineText(
			state === YES && current.until && !followed ? Math.min(limitDay, current.span.until + 1) : limitDay,
		);
		const vs = departureVs(s, limitDay);
		if (vs === AFTER) fails = true;
		else if (vs === UNKNOWN) doubts++;
		if (!current.daysVerified && vs !== AFTER) doubts++;
	} else if (withinFromEarliest(s, days)) {
		if (!current.daysVerified) doubts++;
	} else doubts++;
	if (state === YES && current.until && !Number.isNaN(s.depDay) && s.depDay > current.span.until && !followed) doubts++;
	verdict.status = statusOf();
	verdict.doubts = doubts;
	return verdict;
}

/** followedOn in ./evaluate.ts: another regime of the passport takes over by the day after this one's end. */
function followedOn(regime: Regime, regimes: readonly Regime[]): boolean {
	if (regime.until === undefined) return false;
	const end = regime.span.until;
	for (const r of regimes) if (r !== regime && r.span.since <= end + 1 && r.span.until > end) return true;
	return false;
}

function regimeOf(
	kind: Regime['kind'] | 'regional',
	days: number | undefined,
	until: string | undefined,
): NonNullable<PolicyVerdict['regime']> {
	const regime: NonNullable<PolicyVerdict['regime']> = {kind};
	if (days) regime.days = days;
	if (until) regime.until = until;
	return regime;
}

/** The first individual regional scheme whose area holds the whole stay (regionalFits in ./evaluate.ts). */
function regionalFit(s: Stay, p: Prepared, passport: string, day: number, entry: AirportFacts | undefined): Regional | undefined {
	if (!entry || s.airports.length === 0) return undefined;
	for (let k = 0; k < p.regional.length; k++) {
		const r = p.regional[k]!;
		const state = stateOn(r.span, day);
		if (state !== YES && state !== PAST_END) continue;
		if (r.countries && !r.countries.has(passport)) continue;
		if (!(r.entry ? r.entry.has(s.entry!) : entry.inRegionalArea[k])) continue;
		let all = true;
		for (let i = 0; i < s.count && all; i++) all = s.facts[i]!.inRegionalArea[k]!;
		if (all) return r;
	}
	return undefined;
}

/** evaluateRegionalVisaFree in ./evaluate.ts: never more than a doubt (a travel agency is required). */
function regionalVisaFree(s: Stay, passport: string, r: Regional, day: number): PolicyVerdict {
	fails = false;
	doubts = 1;
	const verdict: PolicyVerdict = {
		policy: 'visaFree',
		status: 'conditional',
		reasons: [],
		passport,
		regime: regimeOf('regional', r.days, r.until),
	};
	if (stateOn(r.span, day) === PAST_END) doubts++;
	if (r.days && !Number.isNaN(s.arrDay)) {
		const limitDay = s.arrDay + r.days + 1;
		verdict.deadline = deadlineText(limitDay);
		const vs = departureVs(s, limitDay);
		if (vs === AFTER) fails = true;
		else if (vs === UNKNOWN) doubts++;
	} else if (!(r.days && withinFromEarliest(s, r.days))) doubts++;
	verdict.status = statusOf();
	verdict.doubts = doubts;
	return verdict;
}

function visaFreeFor(s: Stay, p: Prepared, passport: string, day: number, entry: AirportFacts | undefined): PolicyVerdict {
	const verdict = nationalVisaFree(s, p, passport, day);
	if (Number.isNaN(day) || verdict.status !== 'ineligible') return verdict;
	const regional = regionalFit(s, p, passport, day, entry);
	return regional ? regionalVisaFree(s, passport, regional, day) : verdict;
}

function visaFree(s: Stay, p: Prepared, day: number, entry: AirportFacts | undefined, passports: string[]): PolicyVerdict {
	if (passports.length === 0) return {policy: 'visaFree', status: 'unknown', reasons: [], doubts: 1};
	let best = visaFreeFor(s, p, passports[0]!, day, entry);
	for (let i = 1; i < passports.length; i++) {
		const passport = passports[i]!;
		if (passports.indexOf(passport) < i) continue;
		const v = visaFreeFor(s, p, passport, day, entry);
		if (RANK[v.status] > RANK[best.status]) best = v;
	}
	return best;
}

/** notCovered in ./evaluate.ts: one more doubt per listed passport outside the schemes, and no yes. */
function notCovered(verdicts: PolicyVerdict[], passports: string[], outside: readonly string[]): void {
	let listed = 0;
	for (let i = 0; i < passports.length; i++) {
		const passport = passports[i]!;
		if (outside.includes(passport) && passports.indexOf(passport) === i) listed++;
	}
	if (listed === 0) return;
	for (const verdict of verdicts) {
		verdict.doubts = (verdict.doubts ?? 0) + listed;
		if (verdict.status === 'eligible') verdict.status = 'conditional';
	}
}

function judgeStay(s: Stay, p: Prepared, passports: string[]): Stop {
	// The date the stay is judged by: the day of entry, else the day of exit.
	const day = !Number.isNaN(s.arrDay) ? s.arrDay : s.depDay;
	s.bounded =
		Number.isNaN(s.arrDay) &&
		!Number.isNaN(s.earliestDay) &&
		!Number.isNaN(s.depDay) &&
		!rulesChangeBetween(p.rules, s.earliestDay, s.depDay);
	const entry = s.entry !== undefined ? s.facts[0] : undefined;
	const t24 = transit24(s, p, day, entry);
	const t240 = transit240(s, p, day, entry, passports);
	const vf = visaFree(s, p, day, entry, passports);
	const verdicts = [t24, t240, vf];
	if (p.notCovered.length > 0) notCovered(verdicts, passports, p.notCovered);
	const stop: Stop = {airports: s.airports, domesticLegs: s.domesticLegs, verdicts, best: bestPolicy(verdicts), reminders: []};
	if (s.arrivalText) stop.arrival = s.arrivalText;
	else if (s.earliestText) stop.arrivalNotBefore = s.earliestText;
	if (s.departureText) stop.departure = s.departureText;
	if (s.from) stop.from = s.from;
	if (s.to) stop.to = s.to;
	if (s.entrySegment !== undefined) stop.entrySegment = s.entrySegment;
	if (s.exitSegment !== undefined) stop.exitSegment = s.exitSegment;
	const minutes = stayMinutes(s);
	if (!Number.isNaN(minutes)) stop.durationMinutes = minutes;
	return stop;
}

/**
 * What a badge shows of a trip: evaluateTrip(trip, rules, {today, badgeOnly: true}) without the reasons (each verdict
 * says how many doubts they hold instead). `today` is taken for the same call shape; a badge has no notices.
 */
export function evaluateBadge(trip: TripInput, rules: EngineRules, today: string): CheckResult {
	const data = rules.data;
	return {
		rules: {version: data.rulesVersion, reviewedAt: data.reviewedAt, latestRuleChange: data.latestRuleChange},
		stops: judgeStays(trip, rules, prepare(rules), trip.passports),
		notices: [],
	};
}
