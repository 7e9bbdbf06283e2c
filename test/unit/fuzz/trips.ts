/**
 * Random trips for the property tests: planned on one UTC timeline and printed as each airport's local wall clock,
 * so they are consistent by construction (see engine.fuzz.test.ts); shared with the compact-data equivalence test.
 */
import countries from 'i18n-iso-countries';
import fc from 'fast-check';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {loadRules} from '../../../lib/rules/load-rules';
import type {CheckResult, TripInput} from '../../../lib/rules/types';
import type {SegmentInput} from '../../../lib/itinerary';
import {validateTrip} from '../../../lib/rules/validate';

export const rules = loadRules();

export const CODES = Object.keys(rules.airports);
export const MAINLAND = CODES.filter((c) => rules.airports[c]!.country === 'CN');
export const ABROAD = CODES.filter((c) => rules.airports[c]!.country !== 'CN');
// Hong Kong, Macao and Taiwan are their own regions for every policy: the border cases for "third country".
export const NEARBY = ABROAD.filter((c) => ['HK', 'MO', 'TW', 'JP', 'KR', 'US'].includes(rules.airports[c]!.country));
// Entry ports and inspection-exempt airports are where verdicts get interesting; the rest are mostly ineligible.
export const PORTS = [...new Set([...rules.portsByIata.keys(), ...rules.exemptByIata.keys()])];

// ---------------------------------------------------------------------------------------------------------------
// Planned trips: UTC minutes, printed per airport

export type Precision = 'clock' | 'date' | 'none';
export type PlannedLeg = {
	from: string;
	to: string;
	dep: number;
	arr: number;
	depShown: Precision;
	arrShown: Precision;
	flight?: string;
	separateTickets?: boolean;
	connectionMinutes?: number;
	/**
	 * Where the arrival is not shown and the departure's clock is: give the earliest landing (a ticket's coupon, read
	 * where the table has time zones).
	 */
	boundShown?: boolean;
};
export type Plan = {passports: string[]; legs: PlannedLeg[]; today: string};

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The local date and clock at a UTC minute in a zone, as the platform's time zone data gives them. */
export function localParts(utcMinutes: number, tz: string): {date: string; clock: string} {
	let f = formatters.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
		});
		formatters.set(tz, f);
	}
	const p = Object.fromEntries(f.formatToParts(new Date(utcMinutes * 60_000)).map((x) => [x.type, x.value]));
	return {date: `${p.year}-${p.month}-${p.day}`, clock: `${p.hour}:${p.minute}`};
}

export function shown(utcMinutes: number, airport: string, precision: Precision): string | undefined {
	if (precision === 'none') return undefined;
	const {date, clock} = localParts(utcMinutes, rules.airports[airport]!.tz);
	return precision === 'date' ? date : `${date}T${clock}`;
}

export function render(plan: Plan): TripInput {
	return {
		passports: plan.passports,
		segments: plan.legs.map((l) => {
			const s: SegmentInput = {from: l.from, to: l.to};
			const dep = shown(l.dep, l.from, l.depShown);
			const arr = shown(l.arr, l.to, l.arrShown);
			if (dep) s.departure = dep;
			if (arr) s.arrival = arr;
			// The departure's instant on the destination's clock: what the normaliser gives (lib/extract/arrival-day.ts).
			else if (l.boundShown && l.depShown === 'clock') s.arrivalNotBefore = shown(l.dep, l.to, 'clock');
			if (l.flight) s.flight = l.flight;
			if (l.separateTickets) s.separateTickets = true;
			if (l.connectionMinutes !== undefined) s.connectionMinutes = l.connectionMinutes;
			return s;
		}),
	};
}

/** Validates a rendered plan; the rare trip that a daylight-saving fold makes inconsistent is skipped, not failed. */
export function accepted(plan: Plan): TripInput {
	const v = validateTrip(render(plan), rules);
	fc.pre(v.ok);
	return v.ok ? v.trip : render(plan);
}

export function evaluate(plan: Plan): CheckResult {
	return evaluateTrip(accepted(plan), rules, {today: plan.today});
}

export const DAY = 1440;
export const FROM = Date.UTC(2024, 5, 1) / 60_000;
export const TO = Date.UTC(2028, 0, 1) / 60_000;

const precision = fc.oneof(
	{weight: 8, arbitrary: fc.constant<Precision>('clock')},
	{weight: 1, arbitrary: fc.constant<Precision>('date')},
	{weight: 1, arbitrary: fc.constant<Precision>('none')},
);
const airportArb = (pool: 'any' | 'abroad') =>
	pool === 'abroad'
		? fc.oneof(fc.constantFrom(...ABROAD), fc.constantFrom(...NEARBY))
		: fc.oneof(
				fc.constantFrom(...ABROAD),
				fc.constantFrom(...NEARBY),
				fc.constantFrom(...MAINLAND),
				fc.constantFrom(...PORTS),
				fc.constantFrom(...PORTS),
			);
/** Layovers from a tight connection to a month, most of them near the 24 h and 240 h limits. */
const connection = fc.oneof(
	fc.integer({min: 0, max: 6 * 60}),
	fc.integer({min: 20 * 60, max: 28 * 60}),
	fc.integer({min: 9 * DAY, max: 12 * DAY}),
	fc.integer({min: 0, max: 40 * DAY}),
);
/** Passports the data's schemes are for (foreign nationals'): any ISO code but those of `passportsNotCovered`. */
const NOT_COVERED: readonly string[] = rules.data.passportsNotCovered.countries;
export const coveredPassportArb = fc.oneof(
	fc.constantFrom(...rules.nationalities.keys()),
	fc.constantFrom(...rules.visaFreeByCountry.keys()),
	fc.constantFrom(...Object.keys(countries.getAlpha2Codes()).filter((c) => !NOT_COVERED.includes(c))),
);
/** Passports our data holds no rules for (China's, Hong Kong's, Macao's, Taiwan's). */
export const notCoveredPassportArb = fc.constantFrom(...NOT_COVERED);
/** Any passport: mostly ones the schemes are for, now and then one they are not. */
export const passportArb = fc.oneof({arbitrary: coveredPassportArb, weight: 12}, {arbitrary: notCoveredPassportArb, weight: 1});

const legShape = (pool: 'any' | 'abroad') =>
	fc.record({
		to: airportArb(pool),
		// Usually from where the previous leg landed; sometimes elsewhere, which the engine reads as a ground transfer.
		reposition: fc.option(airportArb(pool), {freq: 8}),
		duration: fc.integer({min: 25, max: 18 * 60}),
		wait: connection,
		depShown: precision,
		arrShown: precision,
		flight: fc.option(fc.stringMatching(/^[A-Z]{2}\d{1,4}$/), {freq: 2}),
		connectionMinutes: fc.option(fc.integer({min: 0, max: 15 * DAY}), {freq: 6}),
		// One leg in ten booked separately (a self-transfer).
		separateTickets: fc.nat(9).map((n) => n === 0),
		boundShown: fc.boolean(),
	});
type LegShape = fc.Arbitrary<ReturnType<typeof legShape> extends fc.Arbitrary<infer T> ? T : never>;

/**
 * Random routes rarely make a transit the policies could accept (2 % of stays were eligible for anything), so half the
 * plans follow the shape travellers book: abroad → an entry port → maybe a domestic leg or two → abroad.
 */
const transitRoute = fc
	.tuple(
		fc.array(fc.constantFrom(...ABROAD), {maxLength: 1}),
		fc.oneof(fc.constantFrom(...NEARBY), fc.constantFrom(...ABROAD)),
		fc.oneof({weight: 3, arbitrary: fc.constantFrom(...PORTS)}, {weight: 1, arbitrary: fc.constantFrom(...MAINLAND)}),
		fc.oneof(
			{weight: 3, arbitrary: fc.constant([])},
			{weight: 1, arbitrary: fc.array(fc.constantFrom(...PORTS, ...MAINLAND), {minLength: 1, maxLength: 2})},
		),
		fc.oneof(fc.constantFrom(...NEARBY), fc.constantFrom(...ABROAD)),
		fc.array(fc.constantFrom(...ABROAD), {maxLength: 1}),
	)
	.map(([pre, origin, entry, domestic, onward, post]) =>
		[...pre, origin, entry, ...domestic, onward, ...post].filter((c, i, a) => c !== a[i - 1]),
	);

/** `dates`: when the trips start (UTC minutes); mid-2024 to 2027 unless a test asks for earlier or later years. */
export const planArb = (
	pool: 'any' | 'abroad',
	passports = fc.array(passportArb, {maxLength: 3}),
	dates: {from: number; to: number} = {from: FROM, to: TO},
): fc.Arbitrary<Plan> => {
	const shape: LegShape = legShape(pool);
	const random = fc.record({first: airportArb(pool), shapes: fc.array(shape, {minLength: 1, maxLength: 6}), route: fc.constant(null)});
	const transit = fc.record({first: fc.constant(''), shapes: fc.array(shape, {minLength: 6, maxLength: 6}), route: transitRoute});
	return fc
		.record({
			start: fc.integer({min: dates.from, max: dates.to}),
			kind: pool === 'abroad' ? random : fc.oneof(random, transit),
			passports,
			todayOffset: fc.integer({min: -400, max: 400}),
		})
		.map(({start, kind, passports, todayOffset}) => {
			const planned: PlannedLeg[] = [];
			let at = kind.route ? kind.route[0]! : kind.first;
			let t = start;
			for (const [i, shape] of kind.shapes.entries()) {
				let from: string;
				let to: string;
				if (kind.route) {
					if (i + 1 >= kind.route.length) break;
					[from, to] = [kind.route[i]!, kind.route[i + 1]!];
				} else {
					from = shape.reposition ?? at;
					to = shape.to === from ? (pool === 'abroad' ? ABROAD : CODES).find((c) => c !== from)! : shape.to;
				}
				const leg: PlannedLeg = {from, to, dep: t, arr: t + shape.duration, depShown: shape.depShown, arrShown: shape.arrShown};
				if (shape.flight) leg.flight = shape.flight;
				if (shape.separateTickets) leg.separateTickets = true;
				if (shape.boundShown) leg.boundShown = true;
				if (shape.connectionMinutes !== null) leg.connectionMinutes = shape.connectionMinutes;
				planned.push(leg);
				at = to;
				t = leg.arr + shape.wait;
			}
			const today = new Date((start + todayOffset * DAY) * 60_000).toISOString().slice(0, 10);
			return {passports, legs: planned, today};
		});
};
