/**
 * Host permissions for the sites the user adds (the generic detector runs there only with the user's consent). The
 * popup's and the options page's entry points hand these to their views.
 */
import {browser} from '#imports';
import {originPattern} from '../settings';
import {updateHostPattern} from './rules-config';

/**
 * Asks the browser for access to a site (the permission prompt); resolves true when granted. Browsers accept the
 * request only as a direct user action: call this first in the click handler, before anything is awaited. It calls
 * the browser synchronously (no `async` here, so nothing runs before it).
 */
export function requestSite(origin: string): Promise<boolean> {
	return browser.permissions.request({origins: [originPattern(origin)]});
}

/** Gives a site's access back; resolves false where the browser refused (a required permission, say). */
export function releaseSite(origin: string): Promise<boolean> {
	return browser.permissions.remove({origins: [originPattern(origin)]}).catch(() => false);
}

/** Which of these sites the browser grants access to right now (the user can revoke it in the browser's settings). */
export async function grantedSites(sites: readonly string[]): Promise<string[]> {
	const granted = await Promise.all(
		sites.map(async (s) => ((await browser.permissions.contains({origins: [originPattern(s)]})) ? s : undefined)),
	);
	return granted.filter((s): s is string => s !== undefined);
}

/** Calls `callback` whenever a permission is granted or revoked; returns the function that stops it. */
export function watchPermissions(callback: () => void): () => void {
	browser.permissions.onAdded.addListener(callback);
	browser.permissions.onRemoved.addListener(callback);
	return () => {
		browser.permissions.onAdded.removeListener(callback);
		browser.permissions.onRemoved.removeListener(callback);
	};
}

/** The rules update host's permission (lib/browser/rules-config.ts): asked for inside the user's click, like requestSite. */
export function requestUpdateHost(url: string): Promise<boolean> {
	return browser.permissions.request({origins: [updateHostPattern(url)]});
}

export function hasUpdateHost(url: string): Promise<boolean> {
	return browser.permissions.contains({origins: [updateHostPattern(url)]}).catch(() => false);
}
