/**
 * npm run bench:rules — engine throughput on a fixed mix of itineraries (validated once, evaluated many times).
 * Prints figures; it asserts nothing.
 */
import {loadRules} from '../lib/rules/load-rules.ts';
import {evaluateTrip} from '../lib/rules/evaluate.ts';
import {validateTrip} from '../lib/rules/validate.ts';
import type {TripInput} from '../lib/rules/types.ts';
import {BENCH_MIX} from './bench-mix.ts';

const rules = loadRules();
const mix: TripInput[] = BENCH_MIX.map((trip) => {
	const v = validateTrip(trip, rules);
	if (!v.ok) throw new Error(v.error);
	return v.trip;
});

const runs: number[] = [];
let sink = 0;
for (let run = 0; run < 7; run++) {
	const n = 100_000;
	const start = performance.now();
	for (let i = 0; i < n; i++) sink += evaluateTrip(mix[i % mix.length]!, rules, {today: '2026-11-26'}).stops.length;
	runs.push(n / ((performance.now() - start) / 1000));
}
runs.sort((a, b) => a - b);
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
console.log(
	`engine: ${fmt(runs[3]!)} itineraries/s median (min ${fmt(runs[0]!)}, max ${fmt(runs[6]!)}) over 7 runs of 100,000; ${(1e6 / runs[3]!).toFixed(2)} µs each (${sink > 0 ? 'ok' : 'no stops?'})`,
);
