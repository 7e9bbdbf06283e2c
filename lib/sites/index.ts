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

/**
 * The built-in site a page belongs to, its results page or not (its home page, its search form, its hotels): by the
 * manifest's match patterns (`listed`), else by the site's own hosts that the manifest does not list (www.kayak.ch);
 * undefined elsewhere, or for what is not a URL.
 */
export function siteOfPage(url: string): {site: Site; listed: boolean} | undefined {
	let hostname: string;
	try {
		hostname = new URL(url).hostname;
	} catch {
		return undefined;
	}
	const listed = sites.find((site) => site.matches.some((pattern) => new MatchPattern(pattern).includes(url)));
	if (listed) return {site: listed, listed: true};
	const other = sites.find((site) => site.isOwnHost?.(hostname));
	return other && {site: other, listed: false};
}
