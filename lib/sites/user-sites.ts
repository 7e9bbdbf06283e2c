/**
 * Sites the user added ("always run on this site"): which of them the content script is registered for. Pure: the
 * background hands in what is stored and what the browser granted, and applies the answer with the scripting API.
 */
import {originPattern} from '../settings';

/** One registration for all user sites, so updating it is one call. */
export const USER_SITES_SCRIPT_ID = 'ctc-user-sites';
/**
 * The built content script (entrypoints/itinerary.ts, named after its entrypoint), declared in the manifest for the
 * supported sites (wxt.config.ts) and registered here for the user's.
 */
export const CONTENT_SCRIPT_FILE = 'itinerary.js';
/**
 * The second content script (entrypoints/generic.ts): the generic readers, which only pages no site adapter knows
 * need. Put before the first on the user's sites, and into a tab by the popup when it scans or finds cards unread.
 */
export const GENERIC_SCRIPT_FILE = 'generic.js';

/**
 * The match patterns to register: every added site whose host permission is still granted (a user can revoke it in
 * the browser's own settings; the site then stays listed in the options, marked, until granted again or removed).
 */
export function userSitePatterns(extraSites: readonly string[], granted: readonly string[]): string[] {
	const have = new Set(granted);
	const all = have.has('<all_urls>') || (have.has('https://*/*') && have.has('http://*/*'));
	return [...new Set(extraSites.map(originPattern))].filter((p) => all || have.has(p) || have.has(`${p.split('://')[0]}://*/*`)).sort();
}
