import {describe, expect, it} from 'vitest';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {loadRules} from '../../../lib/rules/load-rules';
import type {SegmentInput} from '../../../lib/itinerary';
import {resolveLocale} from '../../../lib/i18n/badge-messages';
import {summarize} from '../../../lib/ui/summary';

const rules = loadRules();
const run = (passports: string[], segments: SegmentInput[]) => evaluateTrip({passports, segments}, rules, {today: '2026-03-01'});
const PEK = [
	{from: 'JFK', to: 'PEK', departure: '2026-03-15T13:00', arrival: '2026-03-16T16:00'},
	{from: 'PEK', to: 'NRT', departure: '2026-03-16T18:30', arrival: '2026-03-16T22:45'},
];
const PVG_3D = [
	{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
	{from: 'PVG', to: 'ICN', departure: '2026-03-19T09:00', arrival: '2026-03-19T12:00'},
];

describe('badge summary', () => {
	it('a stay known only by its layover length gives no date, rather than "until ?"', () => {
		const layoverOnly = [
			{from: 'SFO', to: 'PVG', departure: '2026-12-20T00:05'},
			{from: 'PVG', to: 'NRT', departure: '2026-12-23', arrival: '2026-12-23T13:40'},
		];
		const result = evaluateTrip(
			{passports: ['US'], segments: [{...layoverOnly[0]!, connectionMinutes: 58 * 60 + 10}, layoverOnly[1]!]},
			rules,
			{today: '2026-12-01'},
		);
		const summary = summarize(result, 'structured', 'en')!;
		expect(summary.text).toBe('240h visa-free ✓');
		expect(summary.text).not.toContain('?');
	});

	it('a trip after a scheduled end date is "check", never ✗: French passport, a week in Beijing from Frankfurt and back in 2027 [S28]', () => {
		const trip = [
			{from: 'FRA', to: 'PEK', departure: '2027-01-09T22:00', arrival: '2027-01-10T14:00'},
			{from: 'PEK', to: 'FRA', departure: '2027-01-15T10:00', arrival: '2027-01-15T14:00'},
		];
		const summary = summarize(run(['FR'], trip), 'structured', 'en')!;
		expect(summary.tone).toBe('check');
		expect(summary.icon).toBe('?');
		expect(summary.text).not.toMatch(/✗|No visa-free/);
	});

	it('24-hour transit holds for everyone, passport or not', () => {
		expect(summarize(run([], PEK), 'structured', 'en')).toMatchObject({tone: 'ok', text: '24h transit ✓ PEK'});
		expect(summarize(run([], PEK), 'structured', 'zh-CN')?.text).toBe('24小时过境 ✓ PEK');
	});

	it('240 h shows the last full day: leave by 00:00 on 27 March reads "until 26 Mar"', () => {
		expect(summarize(run(['US'], PVG_3D), 'structured', 'en')).toMatchObject({tone: 'ok', text: '240h visa-free ✓ until 26 Mar'});
		expect(summarize(run(['US'], PVG_3D), 'structured', 'zh-TW')?.text).toBe('240小時免簽 ✓ 至3月26日');
	});

	it('without a passport, a longer stop asks for one', () => {
		expect(summarize(run([], PVG_3D), 'structured', 'en')).toMatchObject({tone: 'passport', text: 'Set your passport', icon: '🛂'});
	});

	it('a heuristic detection never gets a plain ✓', () => {
		const s = summarize(run([], PEK), 'heuristic', 'en')!;
		expect(s.tone).toBe('check');
		expect(s.text).not.toContain('✓');
	});

	it('conditional verdicts say how many things to check', () => {
		const noTimes = [
			{from: 'JFK', to: 'PEK'},
			{from: 'PEK', to: 'NRT'},
		];
		expect(summarize(run(['US'], noTimes), 'structured', 'en')).toMatchObject({tone: 'check', icon: '?'});
	});

	it('no visa-free route: an Indian passport staying three days', () => {
		expect(summarize(run(['IN'], PVG_3D), 'structured', 'en')).toMatchObject({
			tone: 'none',
			text: 'No visa-free route found',
			icon: '✗',
		});
	});

	it('no badge when the itinerary never touches the mainland', () => {
		expect(
			summarize(
				run(
					['US'],
					[
						{from: 'SFO', to: 'HKG'},
						{from: 'HKG', to: 'NRT'},
					],
				),
				'structured',
				'en',
			),
		).toBeUndefined();
	});

	it('every badge has an accessible name that says what it is', () => {
		expect(summarize(run([], PEK), 'structured', 'en')?.ariaLabel).toBe(
			'China transit check for this itinerary: 24h transit PEK. Open details.',
		);
	});
});

describe('language', () => {
	it.each([
		['auto', 'en-US', 'en'],
		['auto', 'zh-CN', 'zh-CN'],
		['auto', 'zh', 'zh-CN'],
		['auto', 'zh-TW', 'zh-TW'],
		['auto', 'zh-HK', 'zh-TW'],
		['auto', 'fr', 'en'],
		['zh-TW', 'en-US', 'zh-TW'],
	] as const)('%s with browser %s → %s', (setting, browser, expected) => {
		expect(resolveLocale(setting, browser)).toBe(expected);
	});
});

describe('badge detail level (options)', () => {
	it('compact keeps the symbol and the policy, and the full sentence for screen readers', () => {
		const s = summarize(run(['US'], PVG_3D), 'structured', 'en', 'compact')!;
		expect(s).toMatchObject({tone: 'ok', text: '✓ 240h'});
		expect(s.ariaLabel).toContain('240h visa-free until 26 Mar');
		expect(summarize(run([], PEK), 'structured', 'zh-CN', 'compact')?.text).toBe('✓ 24小时');
		expect(summarize(run([], PVG_3D), 'structured', 'en', 'compact')).toMatchObject({text: 'Passport?', icon: '🛂'});
	});

	it('detailed adds the airports and the passport the ✓ depends on', () => {
		expect(summarize(run(['US'], PVG_3D), 'structured', 'en', 'detailed')?.text).toBe(
			'240h visa-free ✓ until 26 Mar · PVG · US passport',
		);
		expect(summarize(run([], PEK), 'structured', 'en', 'detailed')?.text).toBe('24h transit ✓ PEK');
		expect(summarize(run([], PVG_3D), 'structured', 'en', 'detailed')?.text).toBe('Set your passport · PVG');
		// In Chinese the passport is named (美国护照), not coded (US护照).
		expect(summarize(run(['US'], PVG_3D), 'structured', 'zh-CN', 'detailed')?.text).toBe('240小时免签 ✓ 至3月26日 · PVG · 美国护照');
		expect(summarize(run(['US'], PVG_3D), 'structured', 'zh-TW', 'detailed')?.text).toBe('240小時免簽 ✓ 至3月26日 · PVG · 美國護照');
	});

	it('standard is the default', () => {
		expect(summarize(run(['US'], PVG_3D), 'structured', 'en', 'standard')).toEqual(summarize(run(['US'], PVG_3D), 'structured', 'en'));
	});
});
