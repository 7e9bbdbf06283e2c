/**
 * The clock of `npm test`'s later-clock tier (scripts/later-clock.mjs, run by scripts/test-all.mjs): past every
 * scheduled end in the rules and past the days after which the details say the rules may have changed, so a test that
 * relies on today coming before one of those dates fails while the date is still ahead.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {STALE_AFTER_DAYS} from '../../../lib/rules/evaluate';
import {bundledLaterClock, laterClock} from '../../../scripts/later-clock.mjs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

describe('the later clock', () => {
	it('is a year after the review date when every scheduled end comes before that', () => {
		const clock = laterClock({
			reviewedAt: '2026-11-22',
			visaFree: [
				{country: 'FR', until: '2026-12-31'},
				{country: 'RU', until: '2026-09-14'},
			],
		});
		expect(clock.date).toBe('2027-11-23');
		expect(clock.reason).toContain('2026-12-31');
	});

	it('is the day after the latest scheduled end, wherever it is nested, when that comes later', () => {
		const rules = {
			reviewedAt: '2026-01-10',
			transit240Ports: [{id: 'PVG', since: '2024-12-17'}],
			regimes: {unilateral: {history: [{until: '2027-03-31'}, {until: '2028-06-30'}]}},
			notes: 'until: 2099-01-01 in prose is not a date of the rules',
		};
		expect(laterClock(rules)).toEqual({date: '2028-07-01', reason: 'the day after the latest scheduled end in the rules (2028-06-30)'});
	});

	it('refuses rules without a review date', () => {
		expect(() => laterClock({visaFree: []})).toThrow('reviewedAt');
		expect(() => laterClock({reviewedAt: 'soon'})).toThrow('reviewedAt');
	});

	it('for the bundled rules: after each of their scheduled ends, and past the days after which they are called old', () => {
		const rules = JSON.parse(readFileSync(path.join(ROOT, 'data/transit-rules.json'), 'utf8')) as {reviewedAt: string};
		const {date} = bundledLaterClock(path.join(ROOT, 'data/transit-rules.json'));
		const ends = [...JSON.stringify(rules).matchAll(/"until":"(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
		expect(ends.length).toBeGreaterThan(0);
		for (const end of ends) expect(date > end).toBe(true);
		expect(days(rules.reviewedAt, date)).toBeGreaterThan(STALE_AFTER_DAYS);
	});
});
