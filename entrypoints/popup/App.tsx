import {browser} from '#imports';
import {useEffect, useState} from 'preact/hooks';
import {ChinaMap} from '@/components/ChinaMap';
import {PasteItinerary} from '@/components/PasteItinerary';
import {RouteCheck} from '@/components/RouteCheck';
import {useSettings} from '@/components/use-settings';
import {VerdictDetails} from '@/components/VerdictDetails';
import {adapters} from '@/lib/adapters';
import {GENERIC_PAGE_ID} from '@/lib/detect/generic-page';
import {resolveLocale, t} from '@/lib/i18n/messages';
import type {Locale} from '@/lib/i18n/reason-text';
import {evaluateTrip} from '@/lib/rules/evaluate';
import {bundledRules} from '@/lib/rules/rule-set';
import type {CheckResult, TripInput} from '@/lib/rules/types';
import type {SegmentInput} from '@/lib/itinerary';
import {mapText} from '@/lib/i18n/map-text';
import {parsePageStatus, type PageStatus, type ToBackground, type ToContent} from '@/lib/browser/messages';
import {buildCard} from '@/lib/ui/check-in-card';
import {pageStatusText, switchedOffSite} from '@/lib/ui/page-status';
import {originPattern, siteOrigin, type Settings} from '@/lib/settings';
import {isBuiltInOrigin} from '@/lib/sites';
import {CONTENT_SCRIPT_FILE} from '@/lib/sites/user-sites';
import {deviceToday} from '@/lib/time';

/** The tab this popup is about: the active one, or `?tab=ID` when the popup is opened as a page (tests, a pinned window). */
async function currentTab(): Promise<{id: number; url?: string} | undefined> {
	const param = Number(new URLSearchParams(location.search).get('tab'));
	const tab =
		Number.isInteger(param) && param > 0
			? await browser.tabs.get(param)
			: (await browser.tabs.query({active: true, currentWindow: true}))[0];
	return tab?.id === undefined ? undefined : {id: tab.id, url: tab.url};
}

/** The content script's status for its page; a reply that is not a status counts as no content script at all. */
async function askPage(tabId: number, type: 'page-status' | 'scan-page'): Promise<PageStatus | undefined> {
	try {
		return parsePageStatus(await browser.tabs.sendMessage(tabId, {type} satisfies ToContent));
	} catch {
		return undefined; // no content script in this tab
	}
}

/** Puts the content script into the tab (activeTab: the user opened the popup on it) and asks it to read the page. */
async function scanTab(tabId: number): Promise<PageStatus | undefined> {
	const running = await askPage(tabId, 'scan-page');
	if (running) return running;
	await browser.scripting.executeScript({target: {tabId}, files: [`/${CONTENT_SCRIPT_FILE}`]});
	// The script reads the settings before it listens: give it a moment.
	for (let i = 0; i < 20; i++) {
		const reply = await askPage(tabId, 'scan-page');
		if (reply) return reply;
		await new Promise((r) => setTimeout(r, 100));
	}
	return undefined;
}

function ThisPage({locale, settings, save}: {locale: Locale; settings: Settings; save: (next: Settings) => Promise<void>}) {
	const [tab, setTab] = useState<{id: number; url?: string} | null>();
	const [status, setStatus] = useState<PageStatus | 'none'>();
	const [scan, setScan] = useState<'idle' | 'busy' | 'failed'>('idle');
	const [always, setAlways] = useState<'on' | 'denied'>();
	useEffect(() => {
		void (async () => {
			const found = await currentTab().catch(() => undefined);
			setTab(found ?? null);
			setStatus((found && (await askPage(found.id, 'page-status'))) || 'none');
		})();
	}, []);
	if (status === undefined || tab === undefined) return null;
	const label = (id: string | null) => adapters.find((a) => a.id === id)?.label ?? id ?? '';
	const origin = tab?.url ? siteOrigin(tab.url) : undefined;
	const scannable = tab !== null && (tab.url === undefined || origin !== undefined);
	const generic = status !== 'none' && status.adapter === GENERIC_PAGE_ID;
	const offSite = switchedOffSite(status === 'none' ? undefined : status, settings.disabledSites);
	const text = pageStatusText(status === 'none' ? undefined : status, settings.disabledSites, locale, label);
	const findings = status !== 'none' && status.layoutUnrecognised ? status.generic : [];

	const runScan = () => {
		if (!tab) return;
		setScan('busy');
		void scanTab(tab.id)
			.then((reply) => {
				setStatus(reply ?? 'none');
				setScan(reply ? 'idle' : 'failed');
			})
			.catch(() => setScan('failed'));
	};
	const alwaysRun = () => {
		if (!origin) return;
		// The permission request comes first in the click handler: browsers accept it only as a direct user action.
		void browser.permissions.request({origins: [originPattern(origin)]}).then(async (ok) => {
			if (!ok) return setAlways('denied');
			if (!settings.extraSites.includes(origin)) await save({...settings, extraSites: [...settings.extraSites, origin]});
			setAlways('on');
		});
	};
	const offerScan = scannable && (status === 'none' || !status.adapter);
	const offerAlways =
		generic && origin !== undefined && !isBuiltInOrigin(origin) && !settings.extraSites.includes(origin) && always !== 'on';

	return (
		<section aria-labelledby="page-h">
			<h2 id="page-h">{t('popupThisPage', locale)}</h2>
			<p data-testid="page-status" aria-live="polite">
				{scan === 'failed' ? t('popupCannotScan', locale) : text}
			</p>
			{offerScan && scan !== 'failed' ? (
				<>
					<button type="button" class="primary" disabled={scan === 'busy'} aria-describedby="scan-help" onClick={runScan}>
						{t('popupScanPage', locale)}
					</button>
					<p id="scan-help" class="hint">
						{t('popupScanHelp', locale)}
					</p>
				</>
			) : null}
			{offSite ? (
				<button
					type="button"
					class="primary"
					onClick={() => void save({...settings, disabledSites: settings.disabledSites.filter((id) => id !== offSite)})}
				>
					{t('popupSiteTurnOn', locale, {adapter: label(offSite)})}
				</button>
			) : null}
			{offerAlways ? (
				<button type="button" class="link" onClick={alwaysRun}>
					{t('popupAlwaysRun', locale, {site: new URL(origin).hostname})}
				</button>
			) : null}
			{always ? (
				<p class="hint" role="status">
					{t(always === 'on' ? 'popupAlwaysRunOn' : 'siteDenied', locale, {site: origin ? new URL(origin).hostname : ''})}
				</p>
			) : null}
			{findings.length > 0 ? <GenericFindings itineraries={findings} locale={locale} passports={settings.passports} /> : null}
		</section>
	);
}

/** What the generic text detector saw on a page whose layout is not recognised: judged, but never a plain ✓. */
function GenericFindings({itineraries, locale, passports}: {itineraries: SegmentInput[][]; locale: Locale; passports: string[]}) {
	const rules = bundledRules();
	const results = itineraries
		.map((segments) => evaluateTrip({passports, segments}, rules, {today: deviceToday()}))
		.filter((r) => r.stops.length > 0);
	if (results.length === 0) return null;
	return (
		<div data-testid="generic-findings">
			{results.map((r, i) => (
				<VerdictDetails key={i} result={r} rules={rules} locale={locale} heuristic />
			))}
		</div>
	);
}

/**
 * Under a judged itinerary: for an eligible stay, the check-in card (a tab of its own, to print or show); for a stay
 * where 240-hour transit applies or may apply, where the traveller may go.
 */
function ResultExtras({trip, result, locale}: {trip: TripInput; result: CheckResult; locale: Locale}) {
	const rules = bundledRules();
	const stays = result.stops.filter((s) =>
		s.verdicts.some((v) => v.policy === 'transit240' && (v.status === 'eligible' || v.status === 'conditional')),
	);
	const card = buildCard(trip, rules, deviceToday()).ok;
	// The background stores the trip and opens the card tab (or reuses it): one path for the badges and the popup,
	// and only a one-time key in the URL.
	const openCard = () => void browser.runtime.sendMessage({type: 'open-card', trip} satisfies ToBackground).catch(() => undefined);
	return (
		<>
			{card ? (
				<button type="button" class="primary" onClick={openCard}>
					{t('openCard', locale)}
				</button>
			) : null}
			{stays.length > 0 ? (
				<section aria-labelledby="map-h" class="map-section">
					<h3 id="map-h">{mapText('heading', locale)}</h3>
					<ChinaMap rules={rules} locale={locale} airports={stays.flatMap((s) => s.airports)} />
				</section>
			) : null}
		</>
	);
}

export function App() {
	const rules = bundledRules();
	const [settings, save] = useSettings();
	const locale = resolveLocale(settings?.language ?? 'auto', navigator.language);
	const openSettings = () => void browser.runtime.openOptionsPage();
	if (!settings) return null;
	return (
		<main lang={locale}>
			<header>
				<h1>{t('appName', locale)}</h1>
				<button type="button" class="link" onClick={openSettings}>
					{t('openSettings', locale)}
				</button>
			</header>
			<ThisPage locale={locale} settings={settings} save={save} />
			<RouteCheck
				rules={rules}
				locale={locale}
				passports={settings.passports}
				today={deviceToday()}
				onOpenSettings={openSettings}
				renderExtras={(trip, result) => <ResultExtras trip={trip} result={result} locale={locale} />}
			/>
			<PasteItinerary
				rules={rules}
				locale={locale}
				passports={settings.passports}
				today={deviceToday()}
				renderExtras={(trip, result) => <ResultExtras trip={trip} result={result} locale={locale} />}
			/>
			<p class="hint" data-testid="rules-info">
				{t('rulesAsOf', locale, {date: rules.data.reviewedAt})} · {t('disclaimer', locale)}
			</p>
		</main>
	);
}
