/**
 * npm run fuzz — the long fuzz run: the fast-check properties of `npm test` (test/unit/fuzz, the structured-data fuzz
 * test) with 100 000 inputs per property instead of 2 000. Same fixed seed by default, so a failure here replays in
 * CI; `--seed N` (or FUZZ_SEED) explores elsewhere, `--random` picks a seed from the clock, `--runs N` (or FUZZ_RUNS)
 * changes the count. The seed is printed first, so any run can be repeated; fast-check prints seed and path of a
 * counterexample itself.
 *
 *   npm run fuzz
 *   npm run fuzz -- --random
 *   npm run fuzz -- --seed 42 --runs 20000
 */
import {spawnSync} from 'node:child_process';

const DEFAULT_SEED = 20_260_110; // the tests' own default (FUZZ_SEED unset)
const FILES = ['test/unit/fuzz', 'test/dom/structured-data.fuzz.test.ts'];

function option(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

function integer(label: string, text: string | undefined, fallback: number): number {
	if (text === undefined) return fallback;
	const n = Number(text);
	if (!Number.isSafeInteger(n)) {
		console.error(`fuzz: ${label} must be an integer, got "${text}"`);
		process.exit(2);
	}
	return n;
}

// fast-check seeds are 32-bit; a clock seed is folded into that range so it can be typed back in.
const seed = process.argv.includes('--random')
	? Date.now() % 2 ** 31
	: integer('--seed', option('--seed') ?? process.env.FUZZ_SEED, DEFAULT_SEED);
const runs = integer('--runs', option('--runs') ?? process.env.FUZZ_RUNS, 100_000);

console.log(`fuzz: seed ${seed}, ${runs.toLocaleString('en')} runs per property`);
console.log(`fuzz: replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npx vitest run ${FILES.join(' ')}`);
const started = Date.now();
const result = spawnSync('npx', ['vitest', 'run', ...FILES], {
	stdio: 'inherit',
	env: {...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs)},
});
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
// Stopped from outside (a timeout's SIGTERM, Ctrl-C): not a property's failure, and no counterexample to look for.
const outcome = result.signal
	? `STOPPED by ${result.signal} before the end (any property that failed is above)`
	: result.status === 0
		? 'no property failed'
		: 'FAILED (counterexamples above)';
console.log(`fuzz: seed ${seed} ${result.signal ? 'ran' : 'finished in'} ${minutes} min, ${outcome}`);
process.exit(result.status ?? 1);
