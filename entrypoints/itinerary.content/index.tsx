/**
 * The content script: wires the page session (lib/scan/page-session.ts) to the browser. Settings come from storage,
 * the popup's questions arrive as messages, SPA navigation is seen by polling the URL, a resize re-checks placements.
 */
import {browser, defineContentScript, type Browser} from '#imports';
import badgeCss from '@/components/badge.css?inline';
import {badgeMount} from '@/components/badge-mount';
import {TEST_BUILD} from '@/components/badge-host';
import {readSettings, watchSettings} from '@/lib/browser/settings-store';
import {MESSAGE_LIMITS, parseToContent, type ToBackground} from '@/lib/browser/message-types';
import {genericPageAdapter} from '@/lib/detect/generic-page';
import {bundledRules, type RuleSet} from '@/lib/rules/rule-set';
import {markDocument} from '@/lib/scan/mark-document';
import {createPageSession} from '@/lib/scan/page-session';
import {checkPlacement} from '@/lib/scan/placement-check';
import {siteMatches} from '@/lib/sites';

/** How often the page's URL is compared for SPA navigation (and the extension checked for a reload). */
const NAVIGATION_POLL_MS = 1000;

function send(message: ToBackground): void {
	browser.runtime.sendMessage(message).catch(() => undefined);
}

export default defineContentScript({
	matches: siteMatches(),
	runAt: 'document_idle',
	// The page learns nothing from us: no "content script started" window message, and nothing here listens to
	// WXT's page-visible events (its context's location and invalidation events), which a page could fire itself.
	noScriptStartedPostMessage: true,
	async main() {
		if (TEST_BUILD) markDocument(document.documentElement);
		let rules: RuleSet;
		try {
			rules = bundledRules();
		} catch (error) {
			console.warn('[ctc] rules dataset unusable; no badges', error);
			return;
		}
		const session = createPageSession({
			doc: document,
			rules,
			settings: await readSettings(),
			genericPage: genericPageAdapter(rules),
			mount: badgeMount(rules, badgeCss, send),
			checkPlacement,
			testBuild: TEST_BUILD,
			limits: MESSAGE_LIMITS,
			browserLanguage: navigator.language,
		});
		let url = location.href;
		session.start(url);
		// SPA navigation: the URL changes without a page load. Polled, as a page can fake any event we could listen to.
		let stopped = false;
		const poll = setInterval(() => {
			// The extension was reloaded or removed: this copy of the script is orphaned.
			if (!browser.runtime?.id) {
				stopped = true;
				clearInterval(poll);
				unwatch();
				return session.stop();
			}
			if (location.href === url) return;
			url = location.href;
			session.start(url);
		}, NAVIGATION_POLL_MS);
		// A new window size is a new layout: badges that fitted may be clipped now, and the other way round.
		let resizeTimer: ReturnType<typeof setTimeout> | undefined;
		addEventListener('resize', () => {
			clearTimeout(resizeTimer);
			resizeTimer = setTimeout(() => session.recheck(), 200);
		});
		const unwatch = watchSettings((next) => session.settingsChanged(next));
		browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
			// Only the extension's own pages (the popup) talk to us; a page cannot, but nothing unchecked is answered.
			if (stopped || sender.id !== browser.runtime.id) return undefined;
			const message = parseToContent(raw);
			if (!message) return undefined;
			if (message.type === 'scan-page') session.scanRequested();
			return Promise.resolve(session.status());
		});
	},
});
