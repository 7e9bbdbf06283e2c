/**
 * npm run bench:rules — engine throughput on a fixed mix of itineraries (validated once, evaluated many times).
 * Prints figures; it asserts nothing.
 */
import {loadRules} from '../lib/rules/load-rules.ts';
import {evaluateTrip} from '../lib/rules/evaluate.ts';
import {validateTrip} from '../lib/rules/validate.ts';
import type {TripInput} from '../lib/rules/types.ts';

const rules = loadRules();
const mix: TripInput[] = [
	{passports: ['US'], segments: [{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'}, {from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45'}]},
	{passports: ['FR', 'US'], segments: [{from: 'CDG', to: 'PVG', departure: '2026-05-01T13:00', arrival: '2026-05-02T07:00'}, {from: 'PVG', to: 'CTU', departure: '2026-05-03T09:00', arrival: '2026-05-03T12:00'}, {from: 'CTU', to: 'CDG', departure: '2026-05-09T01:00', arrival: '2026-05-09T07:00'}]},
	{passports: ['IN'], segments: [{from: 'DEL', to: 'CAN'}, {from: 'CAN', to: 'SYD'}]},
	{passports: [], segments: [{from: 'SFO', to: 'HKG', departure: '2026-03-15T13:00', arrival: '2026-03-16T19:00'}, {from: 'HKG', to: 'NRT', departure: '2026-03-16T22:00', arrival: '2026-03-17T03:30'}]},
	{passports: ['GB'], segments: [{from: 'LHR', to: 'PEK', departure: '2026-06-01T20:00', arrival: '2026-06-02T13:00'}, {from: 'PEK', to: 'URC', departure: '2026-06-04T09:00', arrival: '2026-06-04T14:00'}, {from: 'URC', to: 'IST', departure: '2026-06-08T09:00', arrival: '2026-06-08T14:00'}]},
].map((trip) => {
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
console.log(`engine: ${fmt(runs[3]!)} itineraries/s median (min ${fmt(runs[0]!)}, max ${fmt(runs[6]!)}) over 7 runs of 100,000; ${(1e6 / runs[3]!).toFixed(2)} µs each (${sink > 0 ? 'ok' : 'no stops?'})`);
