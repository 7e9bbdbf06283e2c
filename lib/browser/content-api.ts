/**
 * The content script's view of the extension API: the browser's own object (`browser` in Firefox, `chrome` in
 * Chrome; both return promises here), without webextension-polyfill or WXT's storage layer, which the extension's
 * pages keep. Only what the content script calls, typed as it uses it.
 */
import type {GenericDetector} from '../detect/generic-page';
import {migrateSettings, DEFAULT_SETTINGS, type Settings} from '../settings';
import type {BackgroundReply, ToBackground} from './message-types';

type Sender = {id?: string};
type MessageListener = (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => boolean | undefined;
type StorageChanges = Record<string, {newValue?: unknown; oldValue?: unknown}>;
type ChangeListener = (changes: StorageChanges, area: string) => void;

export type ContentApi = {
	runtime: {
		id?: string;
		/** An extension file's URL (Chrome: the session's dynamic one for files declared with `use_dynamic_url`). */
		getURL: (path: string) => string;
		sendMessage: (message: unknown) => Promise<unknown>;
		onMessage: {addListener: (listener: MessageListener) => void; removeListener: (listener: MessageListener) => void};
	};
	storage: {
		local: {get: (keys: string[]) => Promise<Record<string, unknown>>};
		onChanged: {addListener: (listener: ChangeListener) => void; removeListener: (listener: ChangeListener) => void};
	};
};

export function contentApi(): ContentApi {
	const scope = globalThis as {browser?: ContentApi; chrome?: ContentApi};
	return (scope.browser ?? scope.chrome)!;
}

/** WXT storage's layout (lib/browser/settings-store.ts): the value under `settings`, its version under `settings$`. */
const KEY = 'settings';
const META_KEY = `${KEY}$`;

const versionOf = (meta: unknown) =>
	meta && typeof meta === 'object' && typeof (meta as {v?: unknown}).v === 'number' ? (meta as {v: number}).v : undefined;

/** The settings in what storage.local returned, migrated and checked field by field (lib/settings.ts); else the defaults. */
function settingsIn(stored: Record<string, unknown>): Settings {
	try {
		return stored[KEY] == null ? DEFAULT_SETTINGS : migrateSettings(stored[KEY], versionOf(stored[META_KEY]));
	} catch {
		return DEFAULT_SETTINGS;
	}
}

/** The stored settings (the defaults when none or unreadable). */
async function readStoredSettings(api: ContentApi): Promise<Settings> {
	try {
		return settingsIn(await api.storage.local.get([KEY, META_KEY]));
	} catch {
		return DEFAULT_SETTINGS;
	}
}

/**
 * The settings and other storage.local items (as stored, absent when not), in one read: a page's start-up asks for
 * all it needs at once, as each storage call is a round trip to the browser.
 */
export async function readStored(api: ContentApi, keys: readonly string[]): Promise<{settings: Settings; items: Record<string, unknown>}> {
	let stored: Record<string, unknown> = {};
	try {
		stored = await api.storage.local.get([KEY, META_KEY, ...keys]);
	} catch {
		// unreadable: the defaults and no items
	}
	const items: Record<string, unknown> = {};
	for (const key of keys) items[key] = stored[key];
	return {settings: settingsIn(stored), items};
}

/** Calls back with the settings after each change in storage; returns the unsubscribe. */
export function watchStoredSettings(api: ContentApi, callback: (settings: Settings) => void): () => void {
	const listener: ChangeListener = (changes, area) => {
		if (area === 'local' && (KEY in changes || META_KEY in changes)) void readStoredSettings(api).then(callback);
	};
	api.storage.onChanged.addListener(listener);
	return () => api.storage.onChanged.removeListener(listener);
}

/** Calls back with an item's new value (undefined: removed) after each change; returns the unsubscribe. */
export function watchStoredItem(api: ContentApi, key: string, callback: (value: unknown) => void): () => void {
	const listener: ChangeListener = (changes, area) => {
		if (area === 'local' && key in changes) callback(changes[key]!.newValue);
	};
	api.storage.onChanged.addListener(listener);
	return () => api.storage.onChanged.removeListener(listener);
}

/** Sends a message to the background; undefined when it could not answer (the extension was reloaded, say). */
export async function ask<T extends ToBackground>(api: ContentApi, message: T): Promise<BackgroundReply<T['type']> | undefined> {
	try {
		return (await api.runtime.sendMessage(message)) as BackgroundReply<T['type']>;
	} catch {
		return undefined;
	}
}

/**
 * What the page session looks up in the background's airport table, which the content script's compact one lacks:
 * names a page writes in words, and the time zones of airports whose landing the generic page does not date. Nothing
 * (an empty answer) when the background does not answer.
 */
export function airportLookups(api: ContentApi): {
	lookupNames: (names: string[]) => Promise<Record<string, string | null>>;
	lookupZones: (codes: string[]) => Promise<Record<string, string | null>>;
} {
	return {
		async lookupNames(names) {
			const reply = await ask(api, {type: 'airport-names', names});
			return reply?.ok ? reply.codes : {};
		},
		async lookupZones(codes) {
			const reply = await ask(api, {type: 'airport-zones', codes});
			return reply?.ok ? reply.zones : {};
		},
	};
}

/**
 * Where the second content script (entrypoints/generic.ts) leaves the generic readers: a global of the extension's
 * isolated world, which both scripts share and the page cannot see.
 */
const GENERIC_GLOBAL = '__chinaTransitCheckGeneric';

export function installGeneric(detector: GenericDetector): void {
	(globalThis as Record<string, unknown>)[GENERIC_GLOBAL] = detector;
}

/** The generic readers, once the second script ran in this page; undefined before. */
export function installedGeneric(): GenericDetector | undefined {
	return (globalThis as Record<string, unknown>)[GENERIC_GLOBAL] as GenericDetector | undefined;
}
