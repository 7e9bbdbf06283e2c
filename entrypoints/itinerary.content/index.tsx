import {browser, defineContentScript} from '#imports';
import {render} from 'preact';
import badgeCss from '@/components/badge.css?inline';
import {Badge} from '@/components/Badge';
import {createBadgeHost} from './badge-host';
import {cardHash} from '@/lib/ui/card';
import {readSettings, watchSettings} from '@/components/settings-store';
import {adapterFor} from '@/lib/adapters';
import {genericPageAdapter, GENERIC_PAGE_ID} from '@/lib/adapters/generic-page';
import type {SiteAdapter} from '@/lib/adapters/types';
import {FOUND_ATTRIBUTE, markDocument, markFound} from '@/lib/dom/mark-document';
import {resolveLocale} from '@/lib/i18n/messages';
import {loadRules, type RuleSet} from '@/lib/rules/load-rules';
import {startScanner, type Mount, type ScanSettings, type Scanner} from '@/lib/scan/scanner';
import type {Settings} from '@/lib/settings';
import {siteMatches} from '@/lib/sites';
import {detectInText} from '@/lib/extract/generic-text';
import {normalizeItinerary} from '@/lib/extract/normalize';
import type {SegmentInput} from '@/lib/rules/types';
import {deviceToday} from '@/lib/time';

/** Events stopped at the badge's shadow host, so the card around it (often a link) never sees them. */
const ISOLATED_EVENTS = ['click', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'keydown', 'keyup', 'keypress', 'touchstart', 'touchend', 'focusin'];

function scanSettings(settings: Settings): ScanSettings {
	return {passports: settings.passports, locale: resolveLocale(settings.language, navigator.language), detailLevel: settings.detailLevel};
}

function badgeMount(rules: RuleSet): Mount {
	const openSettings = () => void browser.runtime.sendMessage({type: 'open-options'});
	return (placement, view) => {
		let current = view;
		let container: HTMLElement | undefined;
		let host: HTMLElement | undefined;
		const draw = () => {
			if (!container) return;
			const heuristic = current.heuristic;
			const result = current.results.length === 1 ? current.results[0]! : {...current.results[0]!, stops: current.results.flatMap((r) => r.stops)};
			// The check-in card: for one itinerary read from structured data with a stay the rules confirm.
			const trip = current.trips.length === 1 ? current.trips[0] : undefined;
			const onOpenCard =
				trip && !heuristic && result.stops.some((s) => s.best !== null) ? () => void browser.runtime.sendMessage({type: 'open-card', hash: cardHash(trip)}) : undefined;
			render(
				<Badge summary={current.summary} result={result} rules={rules} locale={current.locale} heuristic={heuristic} onOpenSettings={openSettings} onOpenCard={onOpenCard} />,
				container,
			);
		};
		try {
			({host, container} = createBadgeHost('ctc-badge', placement, badgeCss, ISOLATED_EVENTS));
			host.setAttribute('data-ctc-tone', current.summary.tone);
			if (current.page) host.setAttribute('data-ctc-page', '');
			draw();
		} catch {
			// The anchor is not where it can take a child any more: the next batch places the badge again.
		}
		return {
			update(next) {
				current = next;
				host?.setAttribute('data-ctc-tone', next.summary.tone);
				draw();
			},
			remove() {
				host?.remove();
				if (container) render(null, container);
			},
			isConnected: () => host?.isConnected ?? false,
		};
	};
}

export default defineContentScript({
	matches: siteMatches(),
	runAt: 'document_idle',
	async main(ctx) {
		markDocument(document.documentElement);
		let rules: RuleSet;
		try {
			rules = loadRules({trusted: true});
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
		// On SPA navigation WXT hands over the new URL: location.href may still be the old one at that moment.
		const start = (url = new URL(location.href)) => {
			scanner?.stop();
			scanner = undefined;
			document.documentElement.removeAttribute(FOUND_ATTRIBUTE);
			const adapter = adapterHere(url);
			if (!adapter) return;
			const today = deviceToday();
			scanner = startScanner({
				adapter,
				doc: document,
				rules,
				referenceDate: adapter.referenceDate?.(url) ?? today,
				today,
				settings: scanSettings(settings),
				mount: badgeMount(rules),
				log: (message) => console.warn(message),
				schedule: (callback) => void requestAnimationFrame(callback),
				onBatch: (found) => markFound(document.documentElement, found),
				now: () => performance.now(),
			});
			scanner.scan();
		};
		start();
		ctx.addEventListener(window, 'wxt:locationchange', (event) => start(event.newUrl));
		const unwatch = watchSettings((next) => {
			const siteToggled = JSON.stringify([next.disabledSites, next.extraSites]) !== JSON.stringify([settings.disabledSites, settings.extraSites]);
			settings = next;
			if (siteToggled) start();
			else scanner?.setSettings(scanSettings(next));
		});
		browser.runtime.onMessage.addListener((message: unknown) => {
			const type = (message as {type?: string})?.type;
			if (type !== 'page-status' && type !== 'scan-page') return undefined;
			if (type === 'scan-page' && !scanner) {
				scanRequested = true;
				start();
			}
			const adapter = scanner ? adapterHere(new URL(location.href)) : adapterFor(new URL(location.href));
			const found = scanner?.found() ?? {itineraries: 0, withStops: 0};
			// Honest degradation: the site's adapter reads nothing, yet the page's text shows flights. Its layout has
			// probably changed; say so, and hand over what the generic text detector sees (heuristic, never a plain ✓).
			let generic: SegmentInput[][] = [];
			if (adapter && adapter.id !== GENERIC_PAGE_ID && found.itineraries === 0) {
				generic = detectInText(document.body?.innerText ?? '', rules)
					.map((raw) => normalizeItinerary(raw, deviceToday(), rules))
					.flatMap((n) => (n.ok ? [n.segments] : []));
			}
			// A built-in site the user switched off: say so, so the popup can offer to switch it back on.
			const site = adapterFor(new URL(location.href));
			const disabled = site !== undefined && settings.disabledSites.includes(site.id);
			return Promise.resolve({adapter: adapter?.id ?? (disabled ? site.id : null), disabled, ...found, layoutUnrecognised: generic.length > 0, generic, stats: scanner?.stats()});
		});
		ctx.onInvalidated(() => {
			unwatch();
			scanner?.stop();
		});
	},
});
