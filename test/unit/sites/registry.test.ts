import {describe, expect, it} from 'vitest';
import {adapterFor} from '../../../lib/adapters';
import {MatchPattern} from '@webext-core/match-patterns';
import {isBuiltInOrigin, siteContentScripts, siteMatches, siteOfPage, sites, siteScriptName} from '../../../lib/sites';

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
				expect(adapterFor(url)?.id).toBe(site.id);
				expect(site.matches.some((p) => new MatchPattern(p).includes(url.href))).toBe(true);
			}
			for (const counter of site.counterExamples) expect(site.isItineraryPage(new URL(counter))).toBe(false);
		},
	);

	it('a site that knows its own hosts knows every host its match patterns name, and no other site claims them', () => {
		const knowing = sites.filter((s) => s.isOwnHost);
		expect(knowing.map((s) => s.id)).toEqual(['kayak', 'skyscanner']);
		for (const site of knowing)
			for (const pattern of site.matches) {
				const host = /^https:\/\/([^/]+)\//.exec(pattern)![1]!;
				expect(site.isOwnHost!(host), host).toBe(true);
				for (const other of knowing) if (other !== site) expect(other.isOwnHost!(host), host).toBe(false);
			}
	});

	it('names the site of any of its pages, results or not, and whether the manifest lists its host', () => {
		expect(siteOfPage('https://www.kayak.com/hotels')).toMatchObject({site: {id: 'kayak'}, listed: true});
		expect(siteOfPage('https://www.kayak.ch/')).toMatchObject({site: {id: 'kayak'}, listed: false});
		expect(siteOfPage('https://www.skyscanner.co.kr/')).toMatchObject({site: {id: 'skyscanner'}, listed: false});
		expect(siteOfPage('https://www.tianxun.com/')).toMatchObject({site: {id: 'skyscanner'}, listed: false, results: false});
		expect(siteOfPage('https://www.google.com/travel/flights')).toMatchObject({site: {id: 'google-flights'}, listed: true});
		for (const page of [siteOfPage('https://www.kayak.com/hotels'), siteOfPage('https://www.kayak.ch/')])
			expect(page?.results).toBe(false);
		// Results pages: on a listed host, and on one of the site's hosts the manifest does not list.
		expect(siteOfPage('https://www.kayak.com/flights/LAX-PEK/2026-05-10')).toMatchObject({
			site: {id: 'kayak'},
			listed: true,
			results: true,
		});
		expect(siteOfPage('https://www.skyscanner.pl/transport/loty/waw/pvg/260701/')).toMatchObject({
			site: {id: 'skyscanner'},
			listed: false,
			results: true,
		});
		expect(siteOfPage('https://www.google.pl/travel/flights/search?tfs=CBwQAhoe&hl=pl')).toMatchObject({
			site: {id: 'google-flights'},
			listed: false,
			results: true,
		});
		// Google's other pages, on a listed host or not, and hosts that only look like a site's.
		for (const url of [
			'https://www.google.com/maps',
			'https://www.google.pl/',
			'https://www.google.pl/search?q=flights',
			'https://www.kayak.ch.example.test/',
			'not a url',
		])
			expect(siteOfPage(url), url).toBeUndefined();
	});

	it("gives the content script the union of the sites' match patterns", () => {
		expect(siteMatches()).toEqual([...new Set(sites.flatMap((s) => s.matches))]);
		expect(siteMatches()).toContain('https://www.google.com/travel/flights*');
		expect(siteMatches()).toContain('https://www.google.ca/travel/flights*');
		// Only Google Flights' path on Google's hosts: never their search, mail or maps.
		for (const pattern of siteMatches().filter((p) => p.includes('.google.')))
			expect(pattern).toMatch(/^https:\/\/www\.google\.[a-z.]+\/travel\/flights\*$/);
		expect(siteMatches()).not.toContain('<all_urls>');
	});

	it('gives each site a content script of its own, and no page two of them', () => {
		const scripts = siteContentScripts();
		expect(scripts.map((c) => c.js)).toEqual(sites.map((s) => [`itinerary-${s.id}.js`]));
		expect(scripts.map((c) => c.matches)).toEqual(sites.map((s) => s.matches));
		expect(scripts.every((c) => c.run_at === 'document_idle')).toBe(true);
		for (const site of sites) {
			for (const example of site.examples) {
				const running = scripts.filter((c) => c.matches.some((p) => new MatchPattern(p).includes(example)));
				expect(running.map((c) => c.js)).toEqual([[`${siteScriptName(site.id)}.js`]]);
			}
		}
	});

	// wxt.config.ts builds a site's content script with lib/adapters/carried.ts replaced by lib/adapters/<id>.ts.
	it.each(sites.map((s) => [s.id, s] as const))("%s: its adapter is lib/adapters/<id>.ts's default export", async (id, site) => {
		const module = (await import(`../../../lib/adapters/${id}.ts`)) as {default: unknown};
		expect(module.default).toBe(site);
	});

	it('knows the origins its sites cover, whatever the path: nothing for the user to add there', () => {
		expect(isBuiltInOrigin('https://www.google.com')).toBe(true); // https://www.google.com/travel/flights*
		// Google's country sites: those the manifest lists (Canada, where a saved page was captured), not the others.
		expect(isBuiltInOrigin('https://www.google.ca')).toBe(true);
		expect(isBuiltInOrigin('https://www.google.co.uk')).toBe(true);
		expect(isBuiltInOrigin('https://www.google.pl')).toBe(false);
		expect(isBuiltInOrigin('https://au.trip.com')).toBe(true); // *.trip.com
		expect(isBuiltInOrigin('https://www.kayak.com')).toBe(true);
		expect(isBuiltInOrigin('https://agent.example.test')).toBe(false);
		expect(isBuiltInOrigin('https://google.com.evil.test')).toBe(false);
		expect(isBuiltInOrigin('https://maps.google.com')).toBe(false);
	});
});
