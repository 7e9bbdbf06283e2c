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
