/**
 * The content script judges with the compact dataset (lib/rules/compact.ts, data/compact-rules.json); the popup, the
 * details card and the command line with the full one. They must agree, reason for reason, on every trip.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {coreOf} from '../../../lib/rules/compact';
import {compactRules} from '../../../lib/rules/compact-bundled';
import {COMPACT_FILE, compactOfRules} from '../../../lib/rules/compact-file';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {resolveAirport} from '../../../lib/airports';
import {summarize} from '../../../lib/ui/summary';
import type {CheckResult} from '../../../lib/rules/types';
import {SEED} from '../fuzz/settings';
import {accepted, planArb, rules} from '../fuzz/trips';

const compact = compactRules();
const EQUIVALENCE_RUNS = Math.max(20_000, Number(process.env.FUZZ_RUNS ?? 0));

describe('compact dataset', () => {
	it('data/compact-rules.json is made from the data in the repository (npm run data:compact)', () => {
		const onDisk = fs.readFileSync(path.resolve(import.meta.dirname, '../../..', COMPACT_FILE), 'utf8');
		expect(onDisk === compactOfRules(rules), `${COMPACT_FILE} is stale: run npm run data:compact`).toBe(true);
	});

	it('keeps every airport with its country, province, prefecture and verified flag, and nothing else', () => {
		expect(Object.keys(compact.airports).sort()).toEqual(Object.keys(rules.airports).sort());
		for (const [iata, a] of Object.entries(rules.airports)) expect(compact.airports[iata], iata).toEqual(coreOf(a));
		expect(compact.divisions).toEqual(rules.divisions);
		// Codes no airport has, the first and the last possible ones among them, and what is not a code at all.
		const unknown = ['AAA', 'ZZZ', 'QQQ'].filter((code) => !(code in rules.airports));
		expect(unknown.length).toBeGreaterThan(0);
		for (const key of [...unknown, 'pek', 'PEKX', '', '__proto__']) expect(compact.airports[key], key).toBeUndefined();
		expect(compact.airportOf('PEK')).toBe(compact.airports.PEK); // a mainland airport's record is made once
	});

	it('carries no names, notes, wordings or source titles', () => {
		const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../..', COMPACT_FILE), 'utf8');
		for (const needle of ['Beijing Capital', '北京首都', '"note"', '"wording"', '"title"', 'https://', 'Asia/Shanghai'])
			expect(text.includes(needle), needle).toBe(false);
	});

	it('resolves codes as the full table does, and leaves names to the full table', () => {
		expect(resolveAirport('PEK', compact)).toBe('PEK');
		expect(resolveAirport('Beijing Capital International Airport', rules)).toBe('PEK');
		const asked: string[] = [];
		expect(resolveAirport('Beijing Capital International Airport', {...compact, onUnknownName: (n) => asked.push(n)})).toBe(undefined);
		expect(asked).toEqual(['Beijing Capital International Airport']);
	});

	it(`gives the same result as the full dataset on ${EQUIVALENCE_RUNS.toLocaleString('en')} random trips`, () => {
		let stops = 0;
		fc.assert(
			fc.property(planArb('any'), (plan) => {
				const trip = accepted(plan);
				const full = evaluateTrip(trip, rules, {today: plan.today});
				stops += full.stops.length;
				expect(evaluateTrip(trip, compact, {today: plan.today})).toEqual(full);
			}),
			{seed: SEED + 16, numRuns: EQUIVALENCE_RUNS},
		);
		// The trips reach the mainland often enough for the comparison to mean something.
		expect(stops).toBeGreaterThan(EQUIVALENCE_RUNS / 4);
	}, 240_000);

	it(`the badge's fast path (compact rules, no reminders, notices or nationality lists) says what the full evaluation says, on ${EQUIVALENCE_RUNS.toLocaleString('en')} random trips`, () => {
		/** A full result without what only the details show. */
		const forBadge = (r: CheckResult) =>
			r.stops.map((stop) => ({
				...stop,
				reminders: [],
				verdicts: stop.verdicts.map(({qualifyingNationalities: _q, qualifyingIfExtended: _e, ...verdict}) => verdict),
			}));
		fc.assert(
			fc.property(planArb('any'), (plan) => {
				const trip = accepted(plan);
				const full = evaluateTrip(trip, rules, {today: plan.today});
				const fast = evaluateTrip(trip, compact, {today: plan.today, badgeOnly: true});
				expect(fast.stops).toEqual(forBadge(full));
				expect(fast.notices).toEqual([]);
				for (const detail of ['compact', 'standard', 'detailed'] as const)
					expect(summarize(fast, 'structured', 'en', detail)).toEqual(summarize(full, 'structured', 'en', detail));
			}),
			{seed: SEED + 17, numRuns: EQUIVALENCE_RUNS},
		);
	}, 240_000);
});
