/**
 * Judged itineraries as text to copy (lib/ui/result-text.ts): what the popup's "Copy as text" and the same button in a
 * badge's details (lib/ui/details.ts explainTripsAsText) put on the clipboard for an agent's note or e-mail.
 */
import {describe, expect, it} from 'vitest';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {loadRules} from '@/lib/rules/load-rules';
import type {TripInput} from '@/lib/rules/types';
import {explainTrips, explainTripsAsText, explainTripsWithText} from '@/lib/ui/details';
import {judgedAsText} from '@/lib/ui/result-text';

const rules = loadRules();
const TODAY = '2026-03-01';
const DISCLAIMER = 'Guidance based on the published rules, not legal advice. Border officers and airlines decide.';

describe('a result as text (copied from the popup)', () => {
	const trip: TripInput = {
		passports: ['FR'],
		segments: [
			{from: 'CDG', to: 'PVG', departure: '2026-05-01T10:00', arrival: '2026-05-02T04:00', flight: 'MU570'},
			{from: 'PVG', to: 'NRT'},
			{from: 'HND', to: 'CDG', departure: '2026-05-09T10:00', arrival: '2026-05-09T16:00'},
		],
	};
	const judged = [{trip, result: evaluateTrip(trip, rules, {today: TODAY})}];

	it('names the route (an open jaw as two runs), each flight as checked (no time made up), the explanation, the disclaimer', () => {
		const text = judgedAsText(judged, rules, 'en');
		expect(text.split('\n').slice(0, 5)).toEqual([
			'China Transit Check: CDG → PVG → NRT / HND → CDG',
			'  MU570 CDG 2026-05-01 10:00 → PVG 2026-05-02 04:00',
			'  PVG → NRT',
			'  HND 2026-05-09 10:00 → CDG 2026-05-09 16:00',
			'',
		]);
		expect(text).toContain('Stop 1: PVG');
		expect(text.trimEnd().split('\n').at(-1)).toBe(DISCLAIMER);
	});

	it('in Chinese', () => {
		const text = judgedAsText(judged, rules, 'zh-CN');
		expect(text.split('\n')[0]).toBe('中国过境免签查询：CDG → PVG → NRT / HND → CDG');
		expect(text).toContain('第1站：PVG');
		expect(text.trimEnd().split('\n').at(-1)).toBe('依据已公布的规定提供参考，并非法律意见。以边检和航空公司的决定为准。');
	});
});

describe('a badge’s details as text (copied from its popover)', () => {
	const PVG_ICN: TripInput = {
		passports: ['US'],
		segments: [
			{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00', flight: 'MU586'},
			{from: 'PVG', to: 'ICN', departure: '2026-03-20T09:00', arrival: '2026-03-20T12:00'},
		],
	};
	const KUL_HAK_NRT: TripInput = {
		passports: ['US'],
		segments: [
			{from: 'KUL', to: 'HAK', departure: '2026-03-15T08:00', arrival: '2026-03-15T12:00'},
			{from: 'HAK', to: 'NRT', departure: '2026-03-15T18:40', arrival: '2026-03-15T23:55'},
		],
	};

	it('gives each itinerary a page badge stands for, with its own result, and the disclaimer once', () => {
		const text = explainTripsAsText({trips: [PVG_ICN, KUL_HAK_NRT], today: TODAY, locale: 'en', heuristic: false}, rules);
		const lines = text.split('\n');
		expect(lines[0]).toBe('China Transit Check: LAX → PVG → ICN');
		expect(lines[1]).toBe('  MU586 LAX 2026-03-15 11:00 → PVG 2026-03-16 17:00');
		const second = lines.indexOf('China Transit Check: KUL → HAK → NRT');
		expect(second).toBeGreaterThan(1);
		expect(lines[second - 1]).toBe('');
		// Each itinerary's own explanation: its stop numbered from 1, its own best option.
		const first = lines.slice(0, second).join('\n');
		expect(first).toContain('Stop 1: PVG');
		expect(first).toContain('Best: 240-hour visa-free transit');
		expect(lines.slice(second).join('\n')).toContain('Stop 1: HAK');
		expect(lines.slice(second).join('\n')).toContain('Best: 24-hour direct transit');
		expect(lines.filter((l) => l === DISCLAIMER)).toHaveLength(1);
		expect(lines.at(-2)).toBe(DISCLAIMER);
	});

	it('says first how the itineraries were read: from the page’s text, part of more, a record’s nationalities', () => {
		const request = {
			trips: [PVG_ICN],
			today: TODAY,
			heuristic: true,
			tripsOmitted: 2,
			recordNationalities: ['FRA'],
		};
		const lines = explainTripsAsText({...request, locale: 'en'}, rules).split('\n');
		expect(lines.slice(0, 5)).toEqual([
			'Note: Found in the page text, not in structured data: check the flights shown.',
			'Note: These details show 1 of the 3 itineraries with a stop in mainland China on this page: paste the others into the extension’s popup to check them.',
			expect.stringMatching(
				/^Note: The page gives the passengers’ nationality: France \(FR\)\. These results used the passports in your settings: United States \(US\)\./,
			),
			'',
			'China Transit Check: LAX → PVG → ICN',
		]);
		const zh = explainTripsAsText({...request, locale: 'zh-TW'}, rules).split('\n');
		expect(zh[0]).toMatch(/^注意：/);
		expect(zh[4]).toBe('中國過境免簽查詢：LAX → PVG → ICN');
		// Nothing to say about the reading: the text starts with the itinerary.
		expect(explainTripsAsText({trips: [PVG_ICN], today: TODAY, locale: 'en', heuristic: false}, rules).split('\n')[0]).toBe(
			'China Transit Check: LAX → PVG → ICN',
		);
	});

	it('gives the details frame both from one judgement: the same details and text as each alone', () => {
		const request = {
			trips: [PVG_ICN, KUL_HAK_NRT],
			today: TODAY,
			locale: 'zh-CN' as const,
			heuristic: false,
			recordNationalities: ['FRA'],
		};
		const both = explainTripsWithText(request, rules);
		expect(both.details).toEqual(explainTrips(request, rules));
		expect(both.text).toBe(explainTripsAsText(request, rules));
		expect(both.text).toContain('LAX → PVG → ICN');
		expect(both.details.stops.map((s) => s.heading)).toEqual(['第1站：PVG', '第2站：HAK']);
	});
});
