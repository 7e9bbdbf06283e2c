// @vitest-environment jsdom
/**
 * The details card (badge and popup) for a few trips: every link it renders opens over https on an allowlisted
 * site, and a source without such a link is still named by publisher, title and date, as plain text.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from '@testing-library/preact';
import rawDomains from '@/data/source-domains.json';
import {citedSourceIds, VerdictDetails} from '@/components/VerdictDetails';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {loadRules} from '@/lib/rules/load-rules';
import {ruleForUrl, type DomainRule} from '@/lib/rules/source-links';
import type {TripInput} from '@/lib/rules/types';

const rules = loadRules();
const domains = rawDomains.domains as DomainRule[];
const TODAY = '2026-03-01';

afterEach(cleanup);

const TRIPS: Record<string, TripInput> = {
	// The e2e page: two stops, no passport set (24-hour transit holds for everyone).
	'KUL → HAK → NRT, no passport': {
		passports: [],
		segments: [
			{from: 'KUL', to: 'HAK', departure: '2026-03-15T08:00', arrival: '2026-03-15T12:00'},
			{from: 'HAK', to: 'NRT', departure: '2026-03-15T18:40', arrival: '2026-03-15T23:55'},
		],
	},
	// Back to where it came from: the third-country rule fails for both transit policies.
	'LAX → PVG → LAX, US passport': {
		passports: ['US'],
		segments: [
			{from: 'LAX', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T17:00'},
			{from: 'PVG', to: 'LAX', departure: '2026-03-20T09:00', arrival: '2026-03-20T06:00'},
		],
	},
	'CDG → PVG → CDG, French passport': {
		passports: ['FR'],
		segments: [
			{from: 'CDG', to: 'PVG', departure: '2026-03-15T11:00', arrival: '2026-03-16T07:00'},
			{from: 'PVG', to: 'CDG', departure: '2026-03-30T09:00', arrival: '2026-03-30T15:00'},
		],
	},
	// No times on the page: doubts, which cite their sources too.
	'JFK → PEK → NRT, no times, US passport': {
		passports: ['US'],
		segments: [
			{from: 'JFK', to: 'PEK'},
			{from: 'PEK', to: 'NRT'},
		],
	},
};

describe.each(Object.entries(TRIPS))('the details card for %s', (_name, trip) => {
	const result = evaluateTrip(trip, rules, {today: TODAY});
	const cited = citedSourceIds(result);

	it('cites sources', () => {
		expect(cited.length).toBeGreaterThan(0);
	});

	it('links only to allowlisted sites over https', () => {
		const {container} = render(<VerdictDetails result={result} rules={rules} locale="en" />);
		const links = [...container.querySelectorAll('a')];
		expect(links.length).toBeGreaterThan(0);
		for (const a of links) {
			const href = a.getAttribute('href')!;
			expect(new URL(href).protocol, href).toBe('https:');
			expect(ruleForUrl(href, domains), href).toBeDefined();
			expect(a.getAttribute('rel')).toContain('noopener');
		}
	});

	it('names every cited source by title, publisher and date, and links it only when the dataset has a link', () => {
		const {container} = render(<VerdictDetails result={result} rules={rules} locale="en" />);
		for (const id of cited) {
			const s = rules.data.sources.find((x) => x.id === id)!;
			const item = container.querySelector(`.source-list li[data-source="${id}"]`);
			expect(item, id).not.toBeNull();
			expect(item!.textContent).toContain(s.title);
			expect(item!.textContent).toContain(s.publisher);
			if (s.date) expect(item!.textContent).toContain(s.date);
			const a = item!.querySelector('a');
			if (s.url) expect(a?.getAttribute('href')).toBe(s.url);
			else {
				expect(a, id).toBeNull();
				expect(item!.textContent).toContain('no link to a trusted site');
			}
			expect(item!.textContent!.includes('· official'), id).toBe(s.official);
		}
	});
});

describe('sources that lost their copies on spam sites', () => {
	it('are named without a link (S25, the Baiyun border station guidance, on a return to the origin)', () => {
		const result = evaluateTrip(TRIPS['LAX → PVG → LAX, US passport']!, rules, {today: TODAY});
		const {container} = render(<VerdictDetails result={result} rules={rules} locale="zh-CN" />);
		const item = container.querySelector('.source-list li[data-source="S25"]');
		expect(item?.textContent).toContain('Guangzhou Baiyun');
		expect(item?.querySelector('a')).toBeNull();
		expect(item?.textContent).toContain('无可信网站链接');
		expect(container.innerHTML).not.toMatch(/51kaos|http:\/\//);
	});
});
