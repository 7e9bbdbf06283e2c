import {browser, defineContentScript, type Browser} from '#imports';
import {render} from 'preact';
import badgeCss from '@/components/badge.css?inline';
import {Badge} from '@/components/Badge';
import {createBadgeHost, TEST_BUILD, type BadgeHost} from './badge-host';
import {readSettings, watchSettings} from '@/lib/browser/settings-store';
import {adapterFor} from '@/lib/adapters';
import {genericPageAdapter} from '@/lib/detect/generic-page';
import {pageStatus, type PageStatus} from '@/lib/detect/page-status';
import type {SiteAdapter} from '@/lib/adapters/types';
import {FOUND_ATTRIBUTE, markDocument, markFound, UNPLACED_ATTRIBUTE} from '@/lib/scan/mark-document';
import {resolveLocale} from '@/lib/i18n/messages';
import {bundledRules, type RuleSet} from '@/lib/rules/rule-set';
import {startScanner, type Mount, type ScanSettings, type Scanner} from '@/lib/scan/scanner';
import {checkPlacement} from '@/lib/scan/placement-check';
import {MESSAGE_LIMITS, parseToContent, type ToBackground} from '@/lib/browser/message-types';
import type {Settings} from '@/lib/settings';
import {siteMatches} from '@/lib/sites';
import {deviceToday} from '@/lib/time';

/** Events stopped at the badge's shadow host, so the card around it (often a link) never sees them. */
const ISOLATED_EVENTS = [
	'click',
	'pointerdown',
	'pointerup',
	'mousedown',
	'mouseup',
	'keydown',
	'keyup',
	'keypress',
	'touchstart',
	'touchend',
	'focusin',
];

function scanSettings(settings: Settings): ScanSettings {
	return {passports: settings.passports, locale: resolveLocale(settings.language, navigator.language), detailLevel: settings.detailLevel};
}

/**
 * A click the user made, not one a page script fired: trusted, and with the browser's user activation. Anything that
 * reaches outside the page (opening the check-in card or the options in a tab) needs one.
 */
const byUser = (event: Event) => event.isTrusted && (navigator.userActivation?.isActive ?? true);

function send(message: ToBackground): void {
	browser.runtime.sendMessage(message).catch(() => undefined);
}

function badgeMount(rules: RuleSet): Mount {
	const openSettings = (event: Event) => {
		if (byUser(event)) send({type: 'open-options'});
	};
	return (placement, view) => {
		let current = view;
		let made: BadgeHost | undefined;
		const draw = () => {
			if (!made) return;
			const heuristic = current.heuristic;
			const result =
				current.results.length === 1
					? current.results[0]!
					: {...current.results[0]!, stops: current.results.flatMap((r) => r.stops)};
			// The check-in card: for one itinerary read from structured data with a stay the rules confirm.
			const trip = current.trips.length === 1 ? current.trips[0] : undefined;
			const onOpenCard =
				trip && !heuristic && result.stops.some((s) => s.best !== null && !s.verdicts.find((v) => v.policy === s.best)?.scheme)
					? (event: Event) => {
							if (byUser(event)) send({type: 'open-card', trip});
						}
					: undefined;
			render(
				<Badge
					summary={current.summary}
					result={result}
					rules={rules}
					locale={current.locale}
					heuristic={heuristic}
					page={current.page}
					onOpenSettings={openSettings}
					onOpenCard={onOpenCard}
				/>,
				made.container,
			);
		};
		try {
			made = createBadgeHost(placement, badgeCss, {detail: current.detail, page: current.page === true}, ISOLATED_EVENTS);
			draw();
		} catch {
			// The anchor is not where it can take a child any more: the next batch places the badge again.
		}
		return {
			update(next) {
				if (next.detail !== current.detail) made?.setKind({detail: next.detail, page: next.page === true});
				current = next;
				draw();
			},
			remove() {
				made?.host.remove();
				if (made) render(null, made.container);
			},
			isConnected: () => made?.host.isConnected ?? false,
			host: made?.host,
		};
	};
}

/** How often the page's URL is compared for SPA navigation (and the extension checked for a reload). */
const NAVIGATION_POLL_MS = 1000;

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
		let settings = await readSettings();
		let scanner: Scanner | undefined;
		const genericPage = genericPageAdapter(rules);
		// The popup's "scan this page" (activeTab) or a site the user added: the generic page adapter where no site
		// adapter applies.
		let scanRequested = false;
		const adapterHere = (url: URL): SiteAdapter | undefined => {
			const site = adapterFor(url);
			if (site) return settings.disabledSites.includes(site.id) ? undefined : site;
			return scanRequested || settings.extraSites.includes(url.origin) ? genericPage : undefined;
		};
		let url = location.href;
		const start = () => {
			scanner?.stop();
			scanner = undefined;
			if (TEST_BUILD) for (const name of [FOUND_ATTRIBUTE, UNPLACED_ATTRIBUTE]) document.documentElement.removeAttribute(name);
			const adapter = adapterHere(new URL(url));
			if (!adapter) return;
			const today = deviceToday();
			scanner = startScanner({
				adapter,
				doc: document,
				rules,
				referenceDate: adapter.referenceDate?.(new URL(url)) ?? today,
				today,
				settings: scanSettings(settings),
				mount: badgeMount(rules),
				log: (message) => console.warn(message),
				schedule: (callback) => void requestAnimationFrame(callback),
				onBatch: TEST_BUILD ? (found) => markFound(document.documentElement, found) : undefined,
				now: () => performance.now(),
				checkPlacement,
			});
			scanner.scan();
		};
		start();
		// SPA navigation: the URL changes without a page load. Polled, as a page can fake any event we could listen to.
		let stopped = false;
		const stop = () => {
			stopped = true;
			clearInterval(poll);
			unwatch();
			scanner?.stop();
			scanner = undefined;
		};
		const poll = setInterval(() => {
			// The extension was reloaded or removed: this copy of the script is orphaned.
			if (!browser.runtime?.id) return stop();
			if (location.href === url) return;
			url = location.href;
			start();
		}, NAVIGATION_POLL_MS);
		// A new window size is a new layout: badges that fitted may be clipped now, and the other way round.
		let resizeTimer: ReturnType<typeof setTimeout> | undefined;
		addEventListener('resize', () => {
			clearTimeout(resizeTimer);
			resizeTimer = setTimeout(() => scanner?.recheck(), 200);
		});
		const unwatch = watchSettings((next) => {
			const siteToggled =
				JSON.stringify([next.disabledSites, next.extraSites]) !== JSON.stringify([settings.disabledSites, settings.extraSites]);
			settings = next;
			if (siteToggled) start();
			else scanner?.setSettings(scanSettings(next));
		});
		browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
			// Only the extension's own pages (the popup) talk to us; a page cannot, but nothing unchecked is answered.
			if (stopped || sender.id !== browser.runtime.id) return undefined;
			const message = parseToContent(raw);
			if (!message) return undefined;
			if (message.type === 'scan-page' && !scanner) {
				scanRequested = true;
				start();
			}
			return Promise.resolve(currentStatus());
		});
		const currentStatus = (): PageStatus => {
			const here = new URL(location.href);
			return pageStatus({
				site: adapterFor(here),
				running: scanner ? adapterHere(here) : adapterFor(here),
				disabledSites: settings.disabledSites,
				found: scanner?.found() ?? {itineraries: 0, withStops: 0, unplaced: 0},
				stats: scanner?.stats(),
				pageText: () => document.body?.innerText ?? '',
				today: deviceToday(),
				airports: rules,
				limits: MESSAGE_LIMITS,
			});
		};
	},
});
