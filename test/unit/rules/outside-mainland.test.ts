/**
 * `outsideMainland` (lib/rules/engine-rules.ts): the scanner reads a card no further once its route lies wholly
 * outside the mainland, so both engines must find no stop to judge on any such trip, whatever its times, tickets and
 * passports; and a route that touches the mainland, or names an airport the table does not know, is never passed over.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {evaluateBadge} from '../../../lib/rules/badge-verdict';
import {compactRules} from '../../../lib/rules/compact-bundled';
import {outsideMainland, type EngineRules} from '../../../lib/rules/engine-rules';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {summarize} from '../../../lib/ui/summary';
import {SEED} from '../fuzz/settings';
import {accepted, planArb, rules} from '../fuzz/trips';

const RULE_SETS: [string, EngineRules][] = [
	['compact', compactRules()],
	['full', rules],
];
const RUNS = 5_000;
const DATES = {from: Date.UTC(2015, 0, 1) / 60_000, to: Date.UTC(2028, 11, 31) / 60_000};

const routeOf = (trip: {segments: {from: string; to: string}[]}) => trip.segments.flatMap((s) => [s.from, s.to]);

describe('outsideMainland', () => {
	it.each(RULE_SETS)('reads codes against the %s table: Hong Kong, Macao and Taiwan are outside, the mainland is not', (_, table) => {
		expect(outsideMainland(['SFO', 'HKG', 'NRT'], table)).toBe(true);
		expect(outsideMainland(['MFM', 'TPE', 'ICN'], table)).toBe(true);
		expect(outsideMainland(['SFO', 'PEK', 'NRT'], table)).toBe(false);
		expect(outsideMainland(['SFO', 'HKG', 'HKG', 'SZX'], table)).toBe(false);
		// Unknown codes and an empty route say nothing: the card is read in full.
		expect(outsideMainland(['SFO', 'QQQ', 'NRT'], table)).toBe(false);
		expect(outsideMainland([], table)).toBe(false);
	});

	for (const pool of ['abroad', 'any'] as const) {
		it(`finds no stop on ${RUNS.toLocaleString('en')} random trips (${pool} airports, 2015 to 2028) whose route it passes over`, () => {
			let passedOver = 0;
			fc.assert(
				fc.property(planArb(pool, undefined, DATES), (plan) => {
					const trip = accepted(plan);
					for (const [, table] of RULE_SETS) {
						const outside = outsideMainland(routeOf(trip), table);
						const touches = routeOf(trip).some((code) => table.airportOf(code)?.country === 'CN');
						expect(outside).toBe(!touches);
						if (!outside) continue;
						passedOver++;
						const badge = evaluateBadge(trip, table, plan.today);
						expect(badge.stops).toEqual([]);
						expect(summarize(badge, 'structured', 'en')).toBeUndefined();
						expect(evaluateTrip(trip, table, {today: plan.today}).stops).toEqual([]);
					}
				}),
				{numRuns: RUNS, seed: SEED + 41},
			);
			// Most random trips with airports from anywhere touch the mainland: those check that none is passed over.
			expect(passedOver).toBeGreaterThan(pool === 'abroad' ? RUNS : RUNS / 100);
		});
	}
});
