/** Shared by every fuzz file: the fixed seed and run count (npm test: 2,000; npm run fuzz: 100,000). */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
export const SEED = Number(process.env.FUZZ_SEED ?? 20_260_110);
export const params = {seed: SEED, numRuns: RUNS};
/** vitest's 5 s default is for unit tests; a fuzz property's budget grows with its run count. */
export const timeoutFor = (msPerRun: number) => 60_000 + RUNS * msPerRun;
