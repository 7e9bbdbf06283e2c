/**
 * The badge's fast path (lib/rules/badge-verdict.ts) against the engine it stands in for: evaluateBadge must give what
 * evaluateTrip(…, {badgeOnly: true}) gives, stop for stop and verdict for verdict, with each verdict's reasons replaced
 * by its count of doubts; and the badges summarize() makes from the two must read the same, in every language, at
 * every detail level. Random trips from 2015 to 2028 (the 72- and 144-hour schemes before 2024-12-17, ports and
 * inspection exemptions not open yet, regimes ended or past their scheduled end, Hainan's regional scheme), with the
 * compact rules the content script judges with and the full rules.
 */
import {isDeepStrictEqual} from 'node:util';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {evaluateBadge} from '../../../lib/rules/badge-verdict';
import compactJson from '../../../data/compact-rules.json';
import type {CompactDataset} from '../../../lib/rules/compact';
import {compactRules} from '../../../lib/rules/compact-bundled';
import {engineRulesOf} from '../../../lib/rules/engine-rules';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import type {EngineRules} from '../../../lib/rules/engine-rules';
import type {CheckResult, TripInput} from '../../../lib/rules/types';
import type {SegmentInput} from '../../../lib/itinerary';
import {seg} from './segments';
import {LOCALES} from '../../../lib/i18n/locale';
import {DETAIL_LEVELS} from '../../../lib/settings';
import {summarize} from '../../../lib/ui/summary';
import {SEED} from '../fuzz/settings';
import {accepted, planArb, rules} from '../fuzz/trips';

const compact = compactRules();
const RULE_SETS: [string, EngineRules][] = [
	['compact', compact],
	['full', rules],
];
const RUNS = Math.max(20_000, Number(process.env.FUZZ_RUNS ?? 0));
const WHAT_IF_RUNS = 5_000;
const DATES = {from: Date.UTC(2015, 0, 1) / 60_000, to: Date.UTC(2028, 11, 31) / 60_000};
const CONFIDENCES = ['structured', 'heuristic', 'manual'] as const;

/** What the fast path must say: the badge-only evaluation, every verdict's reasons replaced by its number of doubts. */
function expected(result: CheckResult): CheckResult {
	return {
		...result,
		stops: result.stops.map((stop) => ({
			...stop,
			verdicts: stop.verdicts.map((v) => ({...v, reasons: [], doubts: v.reasons.filter((r) => r.kind === 'doubt').length})),
		})),
	};
}

/**
 * Both engines on one trip and rule set: the same result and the same badges. Returns the full engine's result.
 * isDeepStrictEqual first (hundreds of thousands of comparisons), expect's diff only where they differ.
 */
function compare(trip: TripInput, ruleSet: EngineRules, today: string): CheckResult {
	const slow = evaluateTrip(trip, ruleSet, {today, badgeOnly: true});
	const fast = evaluateBadge(trip, ruleSet, today);
	const want = expected(slow);
	if (!isDeepStrictEqual(fast, want)) expect(fast).toStrictEqual(want);
	for (const confidence of CONFIDENCES)
		for (const locale of LOCALES)
			for (const detail of DETAIL_LEVELS) {
				const badge = summarize(fast, confidence, locale, detail);
				const wanted = summarize(slow, confidence, locale, detail);
				if (!isDeepStrictEqual(badge, wanted)) expect(badge, `${confidence} ${locale} ${detail}`).toEqual(wanted);
			}
	return slow;
}

/** Trips from test/unit/rules/evaluate.test.ts's examples, and a few the random ones rarely make. */
const EXAMPLES: {name: string; passports: string[]; segments: SegmentInput[]; today?: string}[] = [
	{
		// Before 2013-07-01, where the data's sources on 24-hour transit begin (rules-facts §2.1 [S18a]).
		name: '24-hour transit before our sources begin (2012)',
		passports: ['IN'],
		segments: [seg('DEL', 'PVG', '2012-03-01T01:00', '2012-03-01T10:00'), seg('PVG', 'NRT', '2012-03-01T20:00', '2012-03-02T01:00')],
		today: '2012-01-10',
	},
	{
		name: '24-hour transit at Beijing Capital (US passport)',
		passports: ['US'],
		segments: [
			seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00', {flight: 'CA982'}),
			seg('PEK', 'NRT', '2026-03-16T18:30', '2026-03-16T22:45'),
		],
	},
	{
		name: 'an airport change in Shanghai',
		passports: ['US'],
		segments: [seg('SFO', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'), seg('SHA', 'ICN', '2026-03-17T09:00', '2026-03-17T12:00')],
	},
	{
		name: 'a domestic leg',
		passports: ['US'],
		segments: [
			seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
			seg('PEK', 'SHA', '2026-03-16T18:00', '2026-03-16T20:10'),
			seg('SHA', 'HND', '2026-03-17T08:00', '2026-03-17T11:50'),
		],
	},
	{
		name: 'separate tickets',
		passports: ['US'],
		segments: [
			seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
			seg('PEK', 'NRT', '2026-03-16T21:30', '2026-03-17T01:45', {separateTickets: true}),
		],
	},
	{name: 'no times at all', passports: ['US'], segments: [seg('JFK', 'PEK'), seg('PEK', 'NRT')]},
	{
		name: 'dates without clocks, no passport',
		passports: [],
		segments: [seg('JFK', 'PEK', undefined, '2026-03-16'), seg('PEK', 'NRT', '2026-03-17')],
	},
	{
		name: '240 hours through Beijing, one over the limit',
		passports: ['US'],
		segments: [seg('ICN', 'PEK', '2026-03-15T22:00', '2026-03-16T00:30'), seg('PEK', 'NRT', '2026-03-27T00:00', '2026-03-27T04:30')],
	},
	{
		name: 'a stay outside the permitted area',
		passports: ['US'],
		segments: [seg('IST', 'URC', '2026-04-01T01:00', '2026-04-01T09:00'), seg('URC', 'ALA', '2026-04-03T10:00', '2026-04-03T10:30')],
	},
	{
		name: 'Tianjin in 2016 (the earlier schemes, a port whose start is not verified)',
		passports: ['US'],
		segments: [seg('ICN', 'TSN', '2016-10-01T01:00', '2016-10-01T07:00'), seg('TSN', 'SIN', '2016-10-03T09:00', '2016-10-03T14:00')],
	},
	{
		name: 'Beijing 72 hours in 2016, overstayed',
		passports: ['US'],
		segments: [seg('ICN', 'PEK', '2016-10-01T01:00', '2016-10-01T07:00'), seg('PEK', 'SIN', '2016-10-08T09:00', '2016-10-08T14:00')],
	},
	{
		name: 'Hainan for 59 countries (regional, through an agency)',
		passports: ['US'],
		segments: [seg('SIN', 'SYX', '2019-03-01T08:00', '2019-03-01T12:00'), seg('SYX', 'SIN', '2019-03-15T10:00', '2019-03-15T14:00')],
	},
	{
		name: 'Xishuangbanna for ASEAN groups',
		passports: ['VN'],
		segments: [seg('HAN', 'JHG', '2026-03-01T08:00', '2026-03-01T10:00'), seg('JHG', 'HAN', '2026-03-04T10:00', '2026-03-04T12:00')],
	},
	{
		name: 'a regime that ends during the stay',
		passports: ['RU'],
		segments: [seg('SVO', 'PEK', '2026-09-01T22:00', '2026-09-02T10:00'), seg('PEK', 'SVO', '2026-09-10T10:00', '2026-09-10T14:00')],
	},
	{
		name: 'visa-free past its scheduled end, several passports',
		passports: ['FR', 'US', 'FR', 'IN'],
		segments: [seg('CDG', 'PEK', '2027-01-09T22:00', '2027-01-10T14:00'), seg('PEK', 'CDG', '2027-01-15T10:00', '2027-01-15T14:00')],
	},
	{
		name: 'a passport our data has no rules for, alone and beside others',
		passports: ['HK'],
		segments: [seg('NRT', 'PVG', '2026-03-15T09:00', '2026-03-15T12:00'), seg('PVG', 'SIN', '2026-03-15T18:00', '2026-03-15T23:40')],
	},
	{
		name: 'passports our data has no rules for, listed twice, beside one that qualifies',
		passports: ['GB', 'TW', 'CN', 'TW'],
		segments: [seg('JFK', 'PVG', '2026-03-15T13:00', '2026-03-16T17:00'), seg('PVG', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')],
	},
	{
		name: 'two stays, the second entered from Hong Kong',
		passports: ['US'],
		segments: [
			seg('LAX', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'),
			seg('PVG', 'HKG', '2026-03-16T20:00', '2026-03-16T22:40'),
			seg('HKG', 'CAN', '2026-03-20T09:00', '2026-03-20T10:10'),
			seg('CAN', 'SIN', '2026-03-20T15:00', '2026-03-20T19:00'),
		],
	},
	{
		name: 'a trip that starts in the mainland',
		passports: ['US'],
		segments: [seg('PEK', 'TAO', '2026-09-15T09:50', '2026-09-15T11:20'), seg('TAO', 'SHA', '2026-09-15T14:35', '2026-09-15T16:15')],
	},
	{
		name: 'into the mainland by land from Hong Kong',
		passports: ['US'],
		segments: [
			seg('NRT', 'HKG', '2026-04-01T09:00', '2026-04-01T13:00'),
			seg('SZX', 'PEK', '2026-04-02T09:00', '2026-04-02T12:00'),
			seg('PEK', 'ICN', '2026-04-04T09:00', '2026-04-04T12:00'),
		],
	},
	{name: 'a trip that ends in the mainland', passports: ['US'], segments: [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00')]},
	{
		name: 'a stated layover without clocks',
		passports: ['DE'],
		segments: [seg('FRA', 'PVG', undefined, undefined, {connectionMinutes: 300}), seg('PVG', 'NRT')],
	},
	{
		// Not what validateTrip lets through, but the engine takes it: times it cannot read count as not shown.
		name: 'times that are not local times, and unknown codes',
		passports: ['US', 'ZZ'],
		segments: [
			seg('JFK', 'PEK', '2026-03-15T13:00', '2026-02-30T10:00'),
			seg('PEK', 'XXX', '2026-03-16T24:00', '2026-1-1'),
			seg('XXX', 'CAN', undefined, '2026-03-20 10:00'),
			seg('CAN', 'constructor', '2026-03-21T10:00Z'),
		],
	},
];

describe('evaluateBadge (the badge fast path)', () => {
	for (const example of EXAMPLES) {
		it(`says what evaluateTrip says: ${example.name}`, () => {
			const trip = {passports: example.passports, segments: example.segments};
			for (const [, ruleSet] of RULE_SETS) compare(trip, ruleSet, example.today ?? '2026-01-10');
		});
	}

	it(`says what evaluateTrip says on ${RUNS.toLocaleString('en')} random trips from 2015 to 2028, with the compact and the full rules`, () => {
		const reached = randomTrips(RULE_SETS, RUNS, SEED + 30);
		expect(reached('stop')).toBeGreaterThan(RUNS / 4);
		for (const key of [
			'several passports',
			'no passport',
			'transit24 eligible',
			'transit24 conditional',
			'transit240 eligible',
			'transit240 conditional',
			'transit240 unknown',
			'visaFree eligible',
			'visaFree conditional',
			'earlier-scheme',
			'scheme-history-unverified',
			'outside-scheme-area',
			'port-not-yet-open',
			'nationality-not-yet-listed',
			'nationality-date-unverified',
			'regime-not-yet',
			'regime-date-unverified',
			'scheduled-end-passed',
			'regime-ends-during-stay',
			'leave-by-scheduled-end',
			'regional-regime',
			'area-unverified',
			'inspection-exempt',
			'passport-not-covered',
		])
			expect(reached(key), key).toBeGreaterThan(0);
	}, 600_000);

	it(`says what evaluateTrip says on ${WHAT_IF_RUNS.toLocaleString('en')} random trips with rules whose records end (as an update could bring)`, () => {
		const reached = randomTrips([['what-if', whatIfRules()]], WHAT_IF_RUNS, SEED + 31);
		for (const key of [
			'regime-ended',
			'port-closed',
			'nationality-removed',
			'scheduled-end-passed',
			'regional past its scheduled end',
			'area-unverified',
			'outside-permitted-area',
			'port-date-unverified',
			'policy-not-in-force',
		])
			expect(reached(key), key).toBeGreaterThan(0);
		// With the flags turned round, neither is leaving the port (the random trips change airports and fly domestic).
		for (const key of ['airport-change', 'domestic-leg', 'temporary-entry-needed']) expect(reached(key), key).toBe(0);
	}, 600_000);
});

/**
 * Compares the engines on random trips; returns how often the trips reached a verdict status, a reason code (counted
 * from the full engine's reasons, with the last rule set) or a kind of trip: the comparison means something only
 * where they do.
 */
function randomTrips(ruleSets: [string, EngineRules][], runs: number, seed: number): (key: string) => number {
	const seen = new Map<string, number>();
	const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
	fc.assert(
		fc.property(planArb('any', undefined, DATES), (plan) => {
			const trip = accepted(plan);
			let result: CheckResult | undefined;
			for (const [, ruleSet] of ruleSets) result = compare(trip, ruleSet, plan.today);
			for (const stop of result!.stops) {
				count('stop');
				if (new Set(trip.passports).size > 1) count('several passports');
				if (trip.passports.length === 0) count('no passport');
				for (const v of stop.verdicts) {
					count(`${v.policy} ${v.status}`);
					for (const r of v.reasons) count(r.code);
					if (v.regime?.kind === 'regional' && v.reasons.some((r) => r.code === 'scheduled-end-passed'))
						count('regional past its scheduled end');
				}
			}
		}),
		{seed, numRuns: runs},
	);
	return (key) => seen.get(key) ?? 0;
}

/**
 * The compact rules with records that end, which today's data has few or none of: visa-free regimes that ended and
 * others past their scheduled end, ports, nationalities and areas likewise, and Hainan's regional scheme past its end;
 * and scheme ports that joined by a date not verified.
 * Both engines read the rules generically; this proves they agree where an update's data would take them.
 */
function whatIfRules(): EngineRules {
	const dataset = structuredClone(compactJson) as CompactDataset;
	const r = dataset.rules;
	const END = '2026-06-30';
	const ended = (x: {sources: string[]; until?: string; ended?: {sources: string[]}}, withSource: boolean) => {
		x.until = END;
		if (withSource) x.ended = {sources: x.sources};
	};
	for (const [i, v] of r.visaFree.entries()) if (v.since < END) ended(v, i % 2 === 0);
	for (const [i, port] of r.transit240Ports.entries()) if (port.since < END && i % 3 === 0) ended(port, i % 2 === 0);
	for (const [i, n] of r.transit240Nationalities.entries()) if (n.since < END && i % 3 === 0) ended(n, i % 2 === 0);
	for (const [i, area] of r.transit240Areas.entries()) if (area.since < END && i % 3 === 0) ended(area, i % 2 === 0);
	for (const scheme of r.regionalVisaFree) scheme.until = '2021-06-30';
	// A 24-hour transit that may change airports and take domestic flights (the policy's two flags turned round).
	r.policies.transit24.staysAtOneAirport = false;
	r.policies.transit24.domesticLegsAllowed = true;
	// A 24-hour transit whose start is known (today's data has only where its sources begin): earlier trips fail.
	r.policies.transit24.since = '2019-01-01';
	delete r.policies.transit24.sinceExact;
	// Ports that joined their scheme by a date not verified (today's data has none since Daxing was taken out).
	for (const scheme of r.transitSchemes)
		for (const [i, port] of scheme.ports.entries())
			if (!port.since && i % 2 === 1)
				Object.assign(port, {since: scheme.since > '2018-01-01' ? scheme.since : '2018-01-01', sinceExact: false});
	return engineRulesOf(dataset);
}
