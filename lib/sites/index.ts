/**
 * The sites the extension runs on by default, as the build and the options page see them: the adapter registry
 * (lib/adapters/index.ts) without the DOM-reading parts. Which adapter reads a URL is the registry's adapterFor.
 */
import {MatchPattern} from '@webext-core/match-patterns';
import {adapters} from '../adapters';
import type {Site} from '../adapters/types';

export type {Site};

export const sites: readonly Site[] = adapters;

export function siteMatches(): string[] {
	return [...new Set(sites.flatMap((site) => site.matches))];
}

/**
 * The name of a built-in site's own content script: entrypoints/itinerary.ts built with only that site's adapter
 * (wxt.config.ts; lib/adapters/carried.ts). The file is this name with `.js`.
 */
export const siteScriptName = (id: string) => `itinerary-${id}`;

/** The manifest's content scripts: each built-in site's own, on the site's match patterns, once the page is idle. */
export function siteContentScripts(): {matches: string[]; js: string[]; run_at: 'document_idle'}[] {
	return sites.map((site) => ({matches: [...site.matches], js: [`${siteScriptName(site.id)}.js`], run_at: 'document_idle'}));
}

/**
 * Does a built-in site's match pattern cover this origin's host (so there is nothing for the user to add)? Each
 * pattern is tried on the origin with the pattern's own path, so only the host decides.
 */
export function isBuiltInOrigin(origin: string): boolean {
	const {protocol, host} = new URL(origin);
	return siteMatches().some((pattern) => {
		const path = /^[^:]+:\/\/[^/]+(\/.*)$/.exec(pattern)?.[1]?.replaceAll('*', '') ?? '/';
		return new MatchPattern(pattern).includes(`${protocol}//${host}${path}`);
	});
}

/** A page of a built-in site, as the popup names it. */
export type SitePage = {
	site: Site;
	/** The manifest declares the site's content script at this address (not on www.kayak.ch, nor www.google.pl). */
	listed: boolean;
	/** One of the site's flight results pages (its adapter reads it), not its home page, search form or hotels. */
	results: boolean;
};

/**
 * The built-in site a page belongs to: the site whose results page it is, on any of its hosts (a Google country site
 * the manifest does not list, www.google.pl/travel/flights/search); else the site whose match patterns cover it (its
 * home page, its search form); else the site whose own hosts the manifest does not list (www.kayak.ch's home page).
 * Undefined elsewhere (Google's other pages, a host that only looks like a site's), or for what is not a URL.
 */
export function siteOfPage(url: string): SitePage | undefined {
	let here: URL;
	try {
		here = new URL(url);
	} catch {
		return undefined;
	}
	const covering = sites.find((site) => site.matches.some((pattern) => new MatchPattern(pattern).includes(here.href)));
	const reading = sites.find((site) => site.isItineraryPage(here));
	if (reading) return {site: reading, listed: covering !== undefined, results: true};
	if (covering) return {site: covering, listed: true, results: false};
	const other = sites.find((site) => site.isOwnHost?.(here.hostname));
	return other && {site: other, listed: false, results: false};
}
