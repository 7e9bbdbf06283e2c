/** Types of scripts/test-failures.mjs (plain JavaScript, so scripts/test-all.mjs runs before anything is built). */
export function vitestFailures(label: string, report: unknown, root?: string): string[];
export function playwrightFailures(label: string, report: unknown): string[];
export function firstLine(text: unknown): string;
