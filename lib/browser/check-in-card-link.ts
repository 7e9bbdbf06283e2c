/**
 * How a trip reaches the check-in card page without travelling in a URL. The background stores `{trip, at}` in
 * storage.session under `card:<key>`, where the key is a fresh random UUID, and opens `check-in-card.html#<key>`. The page
 * takes the entry (reads, then deletes it: the key works once) and keeps the trip in its own tab's sessionStorage, so
 * a reload of that tab still shows the card while the URL, the history and anything synced only ever hold the key.
 *
 * storage.session is in memory, cleared with the browser, and (Chrome's default access level) closed to content
 * scripts; Firefox does not expose it to content scripts either. Pure: the stores are passed in.
 */
import type {TripInput} from '../rules/types';
import type {Validation} from '../rules/validate';

/** The extension page that shows the card. */
export const CARD_PATH = '/check-in-card.html' as const;

/** storage.session keys of card entries start with this. */
const CARD_ENTRY_PREFIX = 'card:';

/** An entry nobody took within this time is removed when the next one is stored (the tab never loaded, or closed). */
export const CARD_ENTRY_TTL_MS = 10 * 60_000;

/** crypto.randomUUID()'s shape: the only hash the card page accepts. */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** In the card tab's sessionStorage: the trips this tab was opened with, newest last, so reloads and Back work. */
const TAB_ITEM = 'ctc-card-trips';
const TAB_KEEP = 10;

/** The storage.session calls used here and in the background: a subset of WebExtension StorageArea. */
export type SessionArea = {
	get(keys: string | string[] | null): Promise<Record<string, unknown>>;
	set(items: Record<string, unknown>): Promise<void>;
	remove(keys: string | string[]): Promise<void>;
};
/** window.sessionStorage, as far as the card page uses it. */
export type TabStore = Pick<Storage, 'getItem' | 'setItem'>;

export type CardEntry = {trip: TripInput; at: number};

export const cardEntryKey = (key: string): string => `${CARD_ENTRY_PREFIX}${key}`;

/** The path to open for a stored entry, relative to the extension's root. */
export const cardPagePath = (key: string): string => `${CARD_PATH}#${key}`;

export const isCardKey = (key: string): boolean => KEY.test(key);

/** storage.session keys of card entries stored before `now - CARD_ENTRY_TTL_MS` (or with no readable time). */
export function staleCardEntries(items: Record<string, unknown>, now: number): string[] {
	return Object.entries(items)
		.filter(([name, value]) => {
			if (!name.startsWith(CARD_ENTRY_PREFIX)) return false;
			const at = (value as {at?: unknown} | null)?.at;
			return typeof at !== 'number' || !(at >= now - CARD_ENTRY_TTL_MS);
		})
		.map(([name]) => name);
}

/**
 * missing: no key in the URL; damaged: something that is not a key we write (an old link that carried the trip
 * itself, a truncated one); expired: a key with no entry (already taken, or the browser restarted); invalid: the
 * stored trip fails validation against the rules.
 */
export type CardLinkError = 'missing' | 'damaged' | 'expired' | 'invalid';
export type CardTrip = {ok: true; trip: TripInput} | {ok: false; code: CardLinkError; error: string};

function readTab(tab: TabStore): Record<string, unknown> {
	try {
		const parsed: unknown = JSON.parse(tab.getItem(TAB_ITEM) ?? '{}');
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

function keepInTab(tab: TabStore, key: string, trip: TripInput): void {
	const kept = Object.entries(readTab(tab)).filter(([k]) => k !== key);
	kept.push([key, trip]);
	try {
		tab.setItem(TAB_ITEM, JSON.stringify(Object.fromEntries(kept.slice(-TAB_KEEP))));
	} catch {
		// Storage full or disabled: the card shows all the same, only a reload will not.
	}
}

/**
 * The trip for the card page's `location.hash`: from this tab's own copy when the page was reloaded, else taken out of
 * storage.session (read, then deleted). Every failure is an answer, never an exception. `validate` is validateTrip
 * with the rules bound: the stored trip was only checked for its structure when it was stored.
 */
export async function takeCardTrip(
	hash: string,
	stores: {session: SessionArea; tab: TabStore},
	validate: (trip: unknown) => Validation,
): Promise<CardTrip> {
	const key = hash.startsWith('#') ? hash.slice(1) : hash;
	if (key.trim() === '') return {ok: false, code: 'missing', error: 'the link has no card key in it'};
	if (!isCardKey(key)) return {ok: false, code: 'damaged', error: 'the link does not end in a card key'};
	let stored: unknown = readTab(stores.tab)[key];
	if (stored === undefined) {
		const name = cardEntryKey(key);
		try {
			stored = ((await stores.session.get(name))[name] as Partial<CardEntry> | undefined)?.trip;
			await stores.session.remove(name);
		} catch (e) {
			return {ok: false, code: 'expired', error: e instanceof Error ? e.message : 'storage.session is not available'};
		}
		if (stored === undefined) return {ok: false, code: 'expired', error: 'no card is stored under this key (it opens once)'};
	}
	const valid = validate(stored);
	if (!valid.ok) return {ok: false, code: 'invalid', error: valid.error};
	keepInTab(stores.tab, key, valid.trip);
	return {ok: true, trip: valid.trip};
}
