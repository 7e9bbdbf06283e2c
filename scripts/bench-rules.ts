/**
 * npm run bench:rules — engine throughput on a fixed mix of itineraries (validated once, evaluated many times), in
 * itineraries per second, median over 7 runs of 200,000 after one untimed run of each (so the JIT's warm-up is not
 * what is measured):
 * - the badge's fast path, lib/rules/badge-verdict.ts evaluateBadge with the compact rules: what the content script
 *   judges every result card with (scripts/bench.ts's engineItinerariesPerSec);
 * - evaluateTrip with the compact rules and `badgeOnly`, what the content script used before the fast path (`badgeOnly`
 *   in bench-results.json);
 * - the full evaluation with the full rules, as the details, the popup and the command line use it (`full`).
 * Node only; prints figures, asserts nothing. scripts/bench.ts takes its engine figures from engineFigures() here.
 */
import path from 'node:path';
import {evaluateBadge} from '../lib/rules/badge-verdict.ts';
import {compactRules} from '../lib/rules/compact-bundled.ts';
import {evaluateTrip} from '../lib/rules/evaluate.ts';
import {loadRules} from '../lib/rules/load-rules.ts';
import {validateTrip} from '../lib/rules/validate.ts';
import type {TripInput} from '../lib/rules/types.ts';
import {BENCH_MIX} from './bench-mix.ts';

const TODAY = '2026-11-26';
const RUNS = 7;
const N = 200_000;

export type EngineFigures = {fast: number[]; badgeOnly: number[]; full: number[]};

/** Itineraries per second, one number per run, for each of the three. */
export function engineFigures(): EngineFigures {
	const rules = loadRules();
	const compact = compactRules();
	const mix: TripInput[] = BENCH_MIX.map((trip) => {
		const v = validateTrip(trip, rules);
		if (!v.ok) throw new Error(v.error);
		return v.trip;
	});
	let stops = 0;
	const perSec = (start: number) => N / ((performance.now() - start) / 1000);
	// One loop per engine, each call site seeing one function: what is timed is the engine, not the loop.
	const fast = () => {
		const start = performance.now();
		for (let i = 0; i < N; i++) stops += evaluateBadge(mix[i % mix.length]!, compact, TODAY).stops.length;
		return perSec(start);
	};
	const badgeOnly = () => {
		const start = performance.now();
		for (let i = 0; i < N; i++) stops += evaluateTrip(mix[i % mix.length]!, compact, {today: TODAY, badgeOnly: true}).stops.length;
		return perSec(start);
	};
	const full = () => {
		const start = performance.now();
		for (let i = 0; i < N; i++) stops += evaluateTrip(mix[i % mix.length]!, rules, {today: TODAY}).stops.length;
		return perSec(start);
	};
	fast();
	badgeOnly();
	full();
	const figures: EngineFigures = {fast: [], badgeOnly: [], full: []};
	for (let run = 0; run < RUNS; run++) {
		figures.fast.push(fast());
		figures.badgeOnly.push(badgeOnly());
		figures.full.push(full());
	}
	if (stops === 0) throw new Error('the bench mix has no mainland stop');
	return figures;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
	const figures = engineFigures();
	const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
	const line = (label: string, runs: number[]) => {
		const sorted = [...runs].sort((a, b) => a - b);
		const median = sorted[(sorted.length - 1) / 2]!;
		console.log(
			`${label}: ${fmt(median)} itineraries/s median (min ${fmt(sorted[0]!)}, max ${fmt(sorted.at(-1)!)}); ${(1e6 / median).toFixed(2)} µs each`,
		);
	};
	console.log(`engine, ${RUNS} runs of ${N.toLocaleString('en-US')} after one untimed run:`);
	line('  badge fast path (evaluateBadge, compact rules)', figures.fast);
	line('  evaluateTrip badgeOnly (compact rules)       ', figures.badgeOnly);
	line('  full evaluation (full rules)                 ', figures.full);
}
