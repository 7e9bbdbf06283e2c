/**
 * The sites the extension runs on by default, as the build and the options page see them: the adapter registry
 * (lib/adapters/index.ts) without the DOM-reading parts.
 */
import {adapters} from '../adapters';
import type {Site} from '../adapters/types';

export type {Site};

export const sites: readonly Site[] = adapters;

export function siteMatches(): string[] {
	return [...new Set(sites.flatMap((site) => site.matches))];
}

export function findSite(url: URL): Site | undefined {
	return sites.find((site) => site.isItineraryPage(url));
}

/** Does a built-in site's match pattern cover this origin's host (so there is nothing for the user to add)? */
export function isBuiltInOrigin(origin: string): boolean {
	const host = new URL(origin).hostname;
	return siteMatches().some((pattern) => {
		const patternHost = /^[^:]+:\/\/([^/]+)\//.exec(pattern)?.[1];
		if (!patternHost) return false;
		if (patternHost.startsWith('*.')) return host === patternHost.slice(2) || host.endsWith(patternHost.slice(1));
		return host === patternHost;
	});
}
