/**
 * What the background does with a message, as a function of injected browser calls, so it can be tested without a
 * browser. entrypoints/background.ts only wires it to browser.runtime.onMessage.
 *
 * Nothing is trusted for arriving: the sender must be this extension, each message type has the senders it may come
 * from, the payload is parsed (lib/messages.ts), and tabs are opened at a bounded rate into one reused card tab. The
 * content script only asks after a trusted user click, but the background cannot see gestures: a page that got hold
 * of the content script's messaging could otherwise open tabs in a loop.
 */
import type {Details} from '../ui/details';
import type {UpdateStatus} from '../rules/update-state';
import {parseToBackground, type BackgroundReply, type ToBackground} from './messages';
import {CARD_PATH, cardEntryKey, cardPagePath, staleCardEntries, type CardEntry, type SessionArea} from './check-in-card-link';
import {
	detailsEntryKey,
	isDetailsKey,
	isDetailsPageUrl,
	isStaleDetails,
	staleDetailsEntries,
	type DetailsEntry,
	type DetailsRequest,
} from './details-link';
import type {ToContent} from './message-types';

/** browser.runtime.MessageSender, as far as it is read here. */
export type Sender = {id?: string; url?: string; tab?: {id?: number}; frameId?: number};

type Tab = {id?: number; url?: string; windowId?: number};

/** A badge's details and the same as text to copy. */
type DetailsWithText = {details: Details; text: string};

export type BackgroundDeps = {
	/** browser.runtime.id */
	runtimeId: string;
	/** browser.runtime.getURL('/'): `chrome-extension://<id>/` or `moz-extension://<uuid>/`, with the slash. */
	extensionRoot: string;
	tabs: {
		create(props: {url: string; active: boolean}): Promise<Tab>;
		update(tabId: number, props: {url: string; active: boolean}): Promise<Tab | undefined>;
		get(tabId: number): Promise<Tab>;
	};
	/** browser.windows.update(id, {focused: true}); absent where there are no windows (Firefox for Android). */
	focusWindow?: (windowId: number) => Promise<unknown>;
	session: SessionArea;
	openOptionsPage: () => Promise<void>;
	syncUserSites: () => Promise<void>;
	now: () => number;
	/** crypto.randomUUID */
	randomKey: () => string;
	/**
	 * A badge's details from the full rules in use, and the same as text to copy, from one judgement of its trips
	 * (lib/ui/details.ts explainTripsWithText).
	 */
	explain: (request: Omit<DetailsRequest, 'card'>) => DetailsWithText | Promise<DetailsWithText>;
	/** data/compact-rules.json as text: the content script's dataset (./bundled-compact.ts). */
	compactText: () => string;
	/** Airport names read with the full airport table (lib/airports resolveNames). */
	airportCodes: (names: string[]) => Record<string, string | null> | Promise<Record<string, string | null>>;
	/** Each airport code's IANA time zone, or null (the content script's generic page asks). */
	airportZones: (codes: string[]) => Record<string, string | null>;
	/** Shows a tab's page verdict on the toolbar button (the browser's action API). */
	showVerdict: (tabId: number, verdict: Omit<Extract<ToBackground, {type: 'page-verdict'}>, 'type'>) => Promise<void>;
	/** Checks for a rules update now (./rules-updater.ts); absent in builds without an update URL. */
	checkRules?: () => Promise<UpdateStatus>;
	/** browser.tabs.sendMessage to one frame of a tab: the content script there (a details popover to close). */
	tellFrame: (tabId: number, frameId: number, message: ToContent) => Promise<unknown>;
};

export const OPEN_LIMITS = {
	/** One tab opened per sender tab (or extension page) and message type in this time: one click, one tab. */
	perSenderMs: 1000,
	/** And at most `globalMax` opens in `globalWindowMs`, whoever asks. */
	globalMax: 5,
	globalWindowMs: 10_000,
} as const;

/** storage.session: the card tab to reuse, kept there because a service worker forgets its variables when it sleeps. */
export const CARD_TAB_ITEM = 'card-tab';

type AnyReply = BackgroundReply<ToBackground['type']>;
const refuse = (reason: 'forbidden' | 'invalid' | 'rate-limited' | 'failed' | 'expired'): AnyReply => ({ok: false, reason});

export function createBackgroundHandler(deps: BackgroundDeps): (message: unknown, sender: Sender) => Promise<AnyReply> {
	const cardPageUrl = `${deps.extensionRoot}${CARD_PATH.slice(1)}`;
	const lastOpen = new Map<string, number>();
	let recentOpens: number[] = [];
	/** Tab opening runs one request at a time, so two quick requests cannot both see "no card tab" and make two. */
	let opening: Promise<unknown> = Promise.resolve();
	let cardTabId: number | undefined;

	const fromExtensionPage = (sender: Sender) => typeof sender.url === 'string' && sender.url.startsWith(deps.extensionRoot);

	/** Counts the open now (synchronously, before any await) when it is allowed. */
	function mayOpen(type: ToBackground['type'], sender: Sender): boolean {
		const now = deps.now();
		for (const [key, at] of lastOpen) if (now - at >= OPEN_LIMITS.perSenderMs) lastOpen.delete(key);
		recentOpens = recentOpens.filter((at) => now - at < OPEN_LIMITS.globalWindowMs);
		const key = `${type} ${sender.tab?.id ?? sender.url ?? ''}`;
		if (lastOpen.has(key) || recentOpens.length >= OPEN_LIMITS.globalMax) return false;
		lastOpen.set(key, now);
		recentOpens.push(now);
		return true;
	}

	function serially<T>(job: () => Promise<T>): Promise<T> {
		const run = opening.then(job);
		opening = run.catch(() => undefined);
		return run;
	}

	async function knownCardTab(): Promise<Tab | undefined> {
		const id = cardTabId ?? (await deps.session.get(CARD_TAB_ITEM))[CARD_TAB_ITEM];
		if (typeof id !== 'number') return undefined;
		try {
			const tab = await deps.tabs.get(id);
			// Still our card page: the user may have navigated that tab elsewhere, and that page is theirs to keep.
			return tab.url?.startsWith(cardPageUrl) ? tab : undefined;
		} catch {
			return undefined; // closed
		}
	}

	async function openCard(entry: CardEntry): Promise<void> {
		const key = deps.randomKey();
		const stored = await deps.session.get(null);
		const stale = staleCardEntries(stored, entry.at);
		if (stale.length > 0) await deps.session.remove(stale);
		await deps.session.set({[cardEntryKey(key)]: entry});
		const url = `${deps.extensionRoot}${cardPagePath(key).slice(1)}`;
		const reuse = await knownCardTab();
		const tab =
			reuse?.id !== undefined
				? ((await deps.tabs.update(reuse.id, {url, active: true})) ?? reuse)
				: await deps.tabs.create({url, active: true});
		if (tab.id !== undefined && tab.id !== cardTabId) {
			cardTabId = tab.id;
			await deps.session.set({[CARD_TAB_ITEM]: tab.id});
		}
		if (reuse && tab.windowId !== undefined) await deps.focusWindow?.(tab.windowId);
	}

	/**
	 * Details entries (./details-link.ts) by key: kept in memory for the frame's question a moment after the content
	 * script's, and in storage.session for the worker that wakes up later (Escape after a long read).
	 */
	const detailsEntries = new Map<string, DetailsEntry>();

	async function keepDetails(entry: DetailsEntry): Promise<string> {
		const key = deps.randomKey();
		for (const [k, e] of detailsEntries) if (isStaleDetails(e, entry.at, entry.tabId, entry.frameId)) detailsEntries.delete(k);
		detailsEntries.set(key, entry);
		const stale = staleDetailsEntries(await deps.session.get(null), entry.at, entry.tabId, entry.frameId);
		if (stale.length > 0) await deps.session.remove(stale);
		await deps.session.set({[detailsEntryKey(key)]: entry});
		return key;
	}

	/** The entry for a key, asked by the details page in the entry's own tab; undefined when there is none. */
	async function detailsFor(key: string, sender: Sender): Promise<DetailsEntry | undefined> {
		let entry = detailsEntries.get(key);
		if (!entry && isDetailsKey(key)) {
			const name = detailsEntryKey(key);
			entry = (await deps.session.get(name))[name] as DetailsEntry | undefined;
		}
		return entry && entry.tabId === sender.tab?.id ? entry : undefined;
	}

	async function handle(raw: unknown, sender: Sender): Promise<AnyReply> {
		if (sender.id !== deps.runtimeId) return refuse('forbidden');
		const message = parseToBackground(raw);
		if (!message) return refuse('invalid');
		const page = fromExtensionPage(sender);
		switch (message.type) {
			case 'sync-user-sites':
				if (!page) return refuse('forbidden');
				await deps.syncUserSites();
				return {ok: true};
			// Answers to the content script (a tab of ours) or our pages; nothing opens, so no rate limit beyond the bounds
			// of the message itself.
			// A content script (its own tab and frame, never an extension page) hands over what a popover shows.
			case 'details-open': {
				const tabId = sender.tab?.id;
				if (page || tabId === undefined || isDetailsPageUrl(sender.url)) return refuse('forbidden');
				const {type: _, ...request} = message;
				return {ok: true, key: await keepDetails({request, tabId, frameId: sender.frameId ?? 0, at: deps.now()})};
			}
			// Only the extension's details page, in the tab whose content script stored the key.
			case 'details-frame':
			case 'details-close': {
				if (!isDetailsPageUrl(sender.url) || sender.tab?.id === undefined) return refuse('forbidden');
				const entry = await detailsFor(message.key, sender);
				if (!entry) return refuse('expired');
				if (message.type === 'details-close') {
					await deps.tellFrame(entry.tabId, entry.frameId, {type: 'details-close', key: message.key});
					return {ok: true};
				}
				const {card, ...request} = entry.request;
				const {details, text} = await deps.explain(request);
				return {ok: true, details, text, locale: request.locale, card: card ?? null};
			}
			case 'airport-names':
				if (!page && sender.tab?.id === undefined) return refuse('forbidden');
				return {ok: true, codes: await deps.airportCodes(message.names)};
			case 'airport-zones':
				if (!page && sender.tab?.id === undefined) return refuse('forbidden');
				return {ok: true, zones: deps.airportZones(message.codes)};
			case 'compact-rules':
				if (!page && sender.tab?.id === undefined) return refuse('forbidden');
				return {ok: true, text: deps.compactText()};
			// Only a content script, about its own tab: no page can name another tab.
			case 'page-verdict': {
				const tabId = sender.tab?.id;
				if (page || tabId === undefined) return refuse('forbidden');
				const {type: _, ...verdict} = message;
				await deps.showVerdict(tabId, verdict);
				return {ok: true};
			}
			// Only the options page asks; the updater itself decides whether the user allowed it.
			case 'rules-update-check':
				if (!page || !deps.checkRules) return refuse('forbidden');
				return {ok: true, status: await deps.checkRules()};
			case 'open-options':
			case 'open-card': {
				// A content script always has its tab; the popup (no tab) and other extension pages have our URL.
				if (!page && sender.tab?.id === undefined) return refuse('forbidden');
				if (!mayOpen(message.type, sender)) return refuse('rate-limited');
				if (message.type === 'open-options') await serially(deps.openOptionsPage);
				else await serially(() => openCard({trip: message.trip, at: deps.now()}));
				return {ok: true};
			}
		}
	}

	return (raw, sender) => {
		try {
			return handle(raw, sender).catch(() => refuse('failed'));
		} catch {
			return Promise.resolve(refuse('failed'));
		}
	};
}
