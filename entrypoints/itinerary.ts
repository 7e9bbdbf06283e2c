/**
 * The content script: wires the page session (lib/scan/page-session.ts) to the browser. Settings come from storage,
 * the popup's questions arrive as messages, SPA navigation is seen by polling the URL, a resize or a late style sheet
 * re-checks placements. It judges with the compact rules (lib/rules/compact.ts), read from storage
 * (lib/browser/bundled-compact.ts), not carried in this script; a badge's details, airport names and time zones are
 * asked of the background, and it reaches the extension API without the polyfill (lib/browser/content-api.ts).
 *
 * Built as a plain script, once for each site of lib/sites with that site's adapter alone (`itinerary-<id>.js`,
 * declared in the manifest by wxt.config.ts on the site's patterns, at `document_idle`) and once with every adapter
 * (`itinerary.js`, for the user's own sites and the popup's scan: lib/adapters/carried.ts), not through WXT's
 * `defineContentScript`: WXT's content-script wrapper makes a context object for every page, and that context announces
 * itself with a DOM event on the page's document, named after the extension's id, and listens there for the same event
 * from a newer copy. A booking site could tell from it that the extension is installed (on pages without a badge too)
 * and fire it to "invalidate" us. None of it was used here. Without it the page hears nothing when the script starts,
 * the script is 2.9 kB smaller (0.8 kB gzipped), and its start-up on the bench page (compile and top level, traced) was
 * 15.9 against 19.8 ms, the median of 6 alternating loads each.
 */
import {defineUnlistedScript} from 'wxt/utils/define-unlisted-script';
import badgeCss from '@/components/badge.css?inline';
import {badgeMount, closeDetails} from '@/components/badge-mount';
import {badgePlacing, TEST_BUILD} from '@/components/badge-host';
import {carried} from '@/lib/adapters/carried';
import {airportLookups, ask, contentApi, installedGeneric, readStored} from '@/lib/browser/content-api';
import {watchStoredItem, watchStoredSettings, type ContentApi} from '@/lib/browser/content-api';
import {MESSAGE_LIMITS, parseToContent, type ToBackground} from '@/lib/browser/message-types';
import {DETAILS_PATH} from '@/lib/browser/details-link';
import {BUNDLED_COMPACT_ITEM, withBundledCompact} from '@/lib/browser/bundled-compact';
import type {CompactDataset} from '@/lib/rules/compact';
import {rulesInUse} from '@/lib/rules/compact-in-use';
import {RULES_UPDATE_ITEMS} from '@/lib/rules/update-state';
import type {EngineRules} from '@/lib/rules/engine-rules';
import {markDocument} from '@/lib/scan/mark-document';
import {createPageSession} from '@/lib/scan/page-session';
import {watchStyles} from '@/lib/scan/style-watch';
import type {Settings} from '@/lib/settings';

/** How often the page's URL is compared for SPA navigation (and the extension checked for a reload). */
const NAVIGATION_POLL_MS = 1000;

export default defineUnlistedScript({
	async main() {
		if (TEST_BUILD) markDocument(document.documentElement);
		const api = contentApi();
		// The settings, a rules update and the bundled rules: one storage read.
		const {settings, items} = await readStored(api, [RULES_UPDATE_ITEMS.compact, BUNDLED_COMPACT_ITEM]);
		const storedRules = items[RULES_UPDATE_ITEMS.compact];
		// The bundled compact rules come from storage (or the background), not from this script: see bundled-compact.ts.
		// They are parsed and indexed, and the page session makes its first scan, in a timer callback of this script's
		// own: a trace attributes to a script the calls the browser makes into it, and code resumed after an `await`
		// runs outside them (until 2026-12-04, npm run bench's traced figures counted neither the rules' parse and index
		// nor the first scan). Not in the storage read's task either: the read's answer, the parse, the index and the
		// first scan in one task came to over 50 ms, most of it ours, in bench sessions where the machine was busy (a
		// long task, which keeps the page from answering input).
		const askBackground = async () => {
			const reply = await ask(api, {type: 'compact-rules'});
			return reply?.ok ? reply.text : undefined;
		};
		const later = (callback: () => void) => void setTimeout(callback, 0);
		withBundledCompact(items[BUNDLED_COMPACT_ITEM], import.meta.env.CTC_COMPACT_DIGEST ?? '', askBackground, later, (bundled) => {
			if (!bundled) return console.warn('[ctc] rules dataset unusable; no badges: no compact dataset from storage or the background');
			let rules: EngineRules;
			try {
				// The bundled compact rules, or a signed update's (the background checked it before storing it).
				rules = rulesInUse(storedRules, bundled);
			} catch (error) {
				console.warn('[ctc] rules dataset unusable; no badges', error);
				return;
			}
			run(api, rules, settings, bundled);
		});
	},
});

/** The page session, from its first scan on, and what it follows: navigation, resizes, settings, rules, messages. */
function run(api: ContentApi, rules: EngineRules, settings: Settings, bundled: CompactDataset): void {
	const send = (message: ToBackground) => void ask(api, message);
	const mount = badgeMount(
		badgeCss,
		async (request) => {
			const reply = await ask(api, request);
			return reply?.ok ? reply.key : undefined;
		},
		api.runtime.getURL(DETAILS_PATH),
	);
	// A style sheet that arrives after the badges can clip one without touching its card: watched from the first badge
	// on, so a results page without a mainland connection (most of them) pays nothing for it, on load or every second.
	let unwatchStyles: (() => void) | undefined;
	/** The extension was reloaded or removed: this copy of the script is orphaned, and does nothing more. */
	let stopped = false;
	const session = createPageSession({
		doc: document,
		adapters: carried,
		rules,
		settings,
		generic: installedGeneric,
		// A badge's details show in the extension's own frame (lib/browser/details-link.ts): the background keeps what
		// they are about under a key, which the frame's URL carries.
		mount: (placement, view) => {
			if (!stopped) unwatchStyles ??= watchStyles(document, () => session.recheck());
			return mount(placement, view);
		},
		...airportLookups(api),
		...badgePlacing,
		// The toolbar button's count and best verdict for this tab: a message to the background, never the page.
		toolbar: (verdict) => send({type: 'page-verdict', ...verdict}),
		testBuild: TEST_BUILD,
		limits: MESSAGE_LIMITS,
		browserLanguage: navigator.language,
	});
	let url = location.href;
	session.start(url);
	// SPA navigation: the URL changes without a page load. Polled, as a page can fake any event we could listen to.
	const poll = setInterval(() => {
		// The extension was reloaded or removed: this copy of the script is orphaned.
		if (!api.runtime?.id) {
			stopped = true;
			clearInterval(poll);
			unwatch();
			return session.stop();
		}
		if (location.href === url) return;
		url = location.href;
		session.start(url);
	}, NAVIGATION_POLL_MS);
	// Back from the back/forward cache: the tab "navigated", so the background cleared its button. Only the
	// browser's own event counts: a page could fire this one itself.
	addEventListener('pageshow', (event) => {
		if (event.isTrusted && event.persisted) session.toolbarAgain();
	});
	// A new window size is a new layout: badges that fitted may be clipped now, and the other way round.
	let resizeTimer: ReturnType<typeof setTimeout> | undefined;
	addEventListener('resize', () => {
		clearTimeout(resizeTimer);
		resizeTimer = setTimeout(() => session.recheck(), 200);
	});
	const unwatchSettings = watchStoredSettings(api, (next) => session.settingsChanged(next));
	// A rules update was stored (or forgotten): the cards are judged again by the rules now in use.
	const unwatchRules = watchStoredItem(api, RULES_UPDATE_ITEMS.compact, (value) => {
		try {
			session.rulesChanged(rulesInUse(value, bundled));
		} catch (error) {
			console.warn('[ctc] updated rules unusable; keeping the rules in use', error);
		}
	});
	const unwatch = () => {
		unwatchSettings();
		unwatchRules();
		unwatchStyles?.();
	};
	api.runtime.onMessage.addListener((raw, sender, sendResponse) => {
		// Only the extension (the popup; the background for a details frame) talks to us; a page cannot, but nothing
		// unchecked is answered.
		if (stopped || sender.id !== api.runtime.id) return undefined;
		const message = parseToContent(raw);
		if (!message) return undefined;
		if (message.type === 'details-close') {
			sendResponse({closed: closeDetails(message.key)});
			return undefined;
		}
		if (message.type === 'scan-page') session.scanRequested();
		sendResponse(session.status());
		return undefined;
	});
}
