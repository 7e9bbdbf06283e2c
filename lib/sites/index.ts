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
