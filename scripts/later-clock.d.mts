/** Types of ./later-clock.mjs (plain JavaScript, run by scripts/test-all.mjs without a TypeScript loader). */
export type LaterClock = {date: string; reason: string};
export function laterClock(rules: unknown): LaterClock;
export function bundledLaterClock(file?: string): LaterClock;
