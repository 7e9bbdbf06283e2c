/**
 * How a badge's details reach the frame that shows them. The details speak of the traveller's passports and are in
 * their language, so they are not shown in the booking page's document: a closed shadow root keeps its text from the
 * page's DOM calls, but not from the browser's text search (`window.find`), which a page script can run. They are
 * shown in a frame of the extension's own (`details.html`, web-accessible), whose text the page can neither read nor
 * search: it is another origin.
 *
 * The content script asks the background to keep the badge's request (`details-open`); the background stores it in
 * storage.session under `details:<key>`, with the tab and frame that asked, and answers with the key, a fresh random
 * UUID. The content script opens `details.html#<key>` in the popover; the frame asks the background for that key's
 * details (`details-frame`), which it answers only to the extension's own details page in the same tab. Escape in the
 * frame asks the background to close the popover (`details-close`): the background tells the content script of that
 * tab and frame, never the page. No message goes through the page's window.
 *
 * Pure: the stores are passed in.
 */
import type {LeftOut} from '../detect/page-status';
import type {Locale} from '../i18n/locale';
import type {TripInput} from '../rules/types';
import {isCardKey} from './check-in-card-link';

/** The extension page that shows a badge's details, in a frame in the badge's popover. */
export const DETAILS_PATH = '/details.html' as const;

/** storage.session keys of details entries start with this. */
const DETAILS_ENTRY_PREFIX = 'details:';

/** An entry is kept this long: the popover may stay open while the traveller reads, and the worker sleeps meanwhile. */
export const DETAILS_ENTRY_TTL_MS = 60 * 60_000;

/** What a badge's popover shows: the badge's trips as it judged them, and the trip its check-in card would print. */
export type DetailsRequest = {
	trips: TripInput[];
	today: string;
	locale: Locale;
	heuristic: boolean;
	/** The one itinerary the check-in card can print, when the badge offers it; else absent. */
	card?: TripInput;
	/**
	 * A page badge's: the passengers' nationalities a booking record on the page gives (codes as printed, two or three
	 * letters), named in the details beside the passports the trips were judged with; absent when the page gives none.
	 */
	recordNationalities?: string[];
	/** A page badge's itineraries left out of `trips` (past MESSAGE_LIMITS.detailsTrips, or with more flights than it takes). */
	tripsOmitted?: number;
	/** A page badge's: flights in the page's text it read but did not check (an airport no table knows). */
	leftOut?: LeftOut;
};

/** What the background keeps for a key: the request, who asked (tab and frame), and when. */
export type DetailsEntry = {request: DetailsRequest; tabId: number; frameId: number; at: number};

export const detailsEntryKey = (key: string): string => `${DETAILS_ENTRY_PREFIX}${key}`;

/** crypto.randomUUID()'s shape, as the check-in card's keys: the only key the details page and the background accept. */
export const isDetailsKey = isCardKey;

/** The key in the details page's `location.hash`, or undefined when it is not one we write. */
export function detailsKeyOf(hash: string): string | undefined {
	const key = hash.startsWith('#') ? hash.slice(1) : hash;
	return isDetailsKey(key) ? key : undefined;
}

/**
 * Whether a sender's URL is the extension's details page: an extension scheme (Chrome may load it through the
 * session's dynamic id, `use_dynamic_url`, so the host is not always the runtime id) and the details page's path. The
 * caller has already checked that the sender is this extension (`sender.id`): a content script's URL is its page's.
 */
export function isDetailsPageUrl(url: string | undefined): boolean {
	if (typeof url !== 'string') return false;
	try {
		const parsed = new URL(url);
		return (parsed.protocol === 'chrome-extension:' || parsed.protocol === 'moz-extension:') && parsed.pathname === DETAILS_PATH;
	} catch {
		return false;
	}
}

/**
 * Whether a stored entry goes when a new one of `tabId` and `frameId` is stored at `now`: older than the TTL (or with
 * no readable time), or an earlier one of the same tab and frame (a frame's popovers open one at a time).
 */
export function isStaleDetails(value: unknown, now: number, tabId: number, frameId: number): boolean {
	const entry = value as Partial<DetailsEntry> | null;
	if (typeof entry?.at !== 'number' || !(entry.at >= now - DETAILS_ENTRY_TTL_MS)) return true;
	return entry.tabId === tabId && entry.frameId === frameId;
}

/** The storage.session keys of details entries that go when a new one is stored (`isStaleDetails`). */
export function staleDetailsEntries(items: Record<string, unknown>, now: number, tabId: number, frameId: number): string[] {
	return Object.entries(items)
		.filter(([name, value]) => name.startsWith(DETAILS_ENTRY_PREFIX) && isStaleDetails(value, now, tabId, frameId))
		.map(([name]) => name);
}
