import {describe, expect, it} from 'vitest';
import {findSite, siteMatches, sites} from '../../../lib/sites';

/** Chrome match-pattern semantics, enough for the https host patterns the registry uses. */
function matchesPattern(pattern: string, url: URL): boolean {
	const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
	if (!m) throw new Error(`unsupported pattern ${pattern}`);
	const [, scheme, host, path] = m;
	if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
	const hostOk = host!.startsWith('*.')
		? url.hostname === host!.slice(2) || url.hostname.endsWith(host!.slice(1))
		: url.hostname === host;
	const pathRe = new RegExp(`^${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
	return hostOk && pathRe.test(url.pathname + url.search);
}

describe('site registry', () => {
	it('is sorted by id, with unique kebab-case ids', () => {
		const ids = sites.map((s) => s.id);
		expect(ids).toEqual([...ids].sort());
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
	});

	it.each(sites.map((s) => [s.id, s] as const))(
		'%s: its examples are accepted by it alone, and covered by its match patterns',
		(_id, site) => {
			expect(site.examples.length).toBeGreaterThan(0);
			for (const example of site.examples) {
				const url = new URL(example);
				expect(site.isItineraryPage(url)).toBe(true);
				expect(findSite(url)?.id).toBe(site.id);
				expect(site.matches.some((p) => matchesPattern(p, url))).toBe(true);
			}
			for (const counter of site.counterExamples) expect(site.isItineraryPage(new URL(counter))).toBe(false);
		},
	);

	it("gives the content script the union of the sites' match patterns", () => {
		expect(siteMatches()).toEqual([...new Set(sites.flatMap((s) => s.matches))]);
		expect(siteMatches()).toContain('https://www.google.com/travel/flights*');
		expect(siteMatches()).not.toContain('<all_urls>');
	});
});
