// The clock of `npm test`'s later-clock tier (scripts/test-all.mjs): the unit and DOM tests run again with the
// system clock set past every date in the bundled rules that a test could silently rely on being in the future.
//
// The rules carry scheduled ends (`until`: the unilateral visa-free list on 2026-12-31, when this was written) and a
// review date after which a trip carries a "rules may have changed" note (180 days in lib/rules/evaluate.ts). A test
// that builds a trip "two months from today" and expects a plain ✓, or one that expects no note, passes until the real
// clock crosses one of those dates, and then turns CI red on a day nobody changed anything. Run on this clock, it
// fails now, while the date is still ahead.
import {readFileSync} from 'node:fs';

const DAY_MS = 86_400_000;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (date) => Date.parse(`${date}T00:00:00Z`);

/** Every `until` anywhere in the rules, as YYYY-MM-DD. */
function untils(value, out = []) {
	if (Array.isArray(value)) for (const item of value) untils(item, out);
	else if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			if (key === 'until' && typeof item === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item)) out.push(item);
			else untils(item, out);
		}
	}
	return out;
}

/**
 * The later clock's date for `rules` (data/transit-rules.json, parsed): a year after `reviewedAt` (past the 180 days
 * after which the details say the rules may have changed, and into another year, where year-less dates on a page
 * resolve differently), or the day after the latest scheduled end, whichever is later. `reason` says which.
 */
export function laterClock(rules) {
	if (typeof rules?.reviewedAt !== 'string' || Number.isNaN(dayMs(rules.reviewedAt)))
		throw new Error('the rules have no reviewedAt date');
	const afterReview = dayMs(rules.reviewedAt) + 366 * DAY_MS;
	const ends = untils(rules)
		.map(dayMs)
		.filter((ms) => !Number.isNaN(ms));
	const lastEnd = ends.length > 0 ? Math.max(...ends) : undefined;
	if (lastEnd !== undefined && lastEnd + DAY_MS > afterReview)
		return {date: iso(lastEnd + DAY_MS), reason: `the day after the latest scheduled end in the rules (${iso(lastEnd)})`};
	return {
		date: iso(afterReview),
		reason: `a year after the rules' review date (${rules.reviewedAt})${lastEnd === undefined ? '' : `, past their latest scheduled end (${iso(lastEnd)})`}`,
	};
}

/** The later clock for the bundled rules. */
export function bundledLaterClock(file = 'data/transit-rules.json') {
	return laterClock(JSON.parse(readFileSync(file, 'utf8')));
}
