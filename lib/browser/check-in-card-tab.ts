/**
 * The check-in card page's side of the link (./check-in-card-link.ts) with the browser's stores: the extension's
 * storage.session, where the background left the trip, and this tab's sessionStorage, which keeps it for reloads.
 */
import {browser} from '#imports';
import type {Validation} from '../rules/validate';
import {takeCardTrip, type CardTrip, type TabStore} from './check-in-card-link';

/** This tab's sessionStorage, or a stand-in where storage is switched off (the card then shows, but not after a reload). */
function tabStore(): TabStore {
	try {
		return window.sessionStorage;
	} catch {
		const items = new Map<string, string>();
		return {getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v)};
	}
}

/** The trip for the key in this tab's URL hash, once (see takeCardTrip). */
export function takeTripForThisTab(hash: string, validate: (trip: unknown) => Validation): Promise<CardTrip> {
	return takeCardTrip(hash, {session: browser.storage.session, tab: tabStore()}, validate);
}
