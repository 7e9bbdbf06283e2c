/**
 * What the popup decides, apart from laying it out: which tab it is about, what its "This page" section says and offers
 * for each page status, what a judged itinerary gets under it, and the settings its buttons save. Pure, so every case
 * is tested without a browser; components/ThisPage.tsx and components/PopupView.tsx lay it out.
 */
import {GENERIC_PAGE_ID} from '../detect/page-status';
import type {PageStatus} from '../detect/page-status';
import {countryFromRecord, countryInSentence, countryList} from '../i18n/countries';
import {t} from '../i18n/messages';
import type {Locale} from '../i18n/locale';
import type {SegmentInput} from '../itinerary';
import {evaluateTrip} from '../rules/evaluate';
import type {RuleSet} from '../rules/rule-set';
import type {CheckResult, TripInput} from '../rules/types';
import {siteOrigin, type Settings} from '../settings';
import {isBuiltInOrigin, siteOfPage, sites, type SitePage} from '../sites';
import type {AirportTable} from '../airports';
import {buildCard} from './check-in-card';
import {leftOutSegments} from './left-out';
import {pageStatusText, switchedOffSite} from './page-status';
import {routeOf} from './result-text';
import {summarize, type BadgeSummary} from './summary';

/** The tab the popup is about: its id, and its URL where the browser shows it (activeTab, or a permission). */
export type PopupTab = {id: number; url?: string};

/**
 * The text selected on the page the popup is about (lib/browser/tabs.ts selectedText): the text ('' where nothing is
 * selected), or why it cannot be read: a page the browser keeps from extensions (its own pages, the extension stores),
 * or a PDF in the browser's viewer: in Chrome's, its text is not in the page's document (the page reads as empty
 * there); Firefox's keeps the whole page from extensions, and its address says it is a PDF (`isPdfAddress`).
 */
export type PageSelection = {text: string} | {unreadable: 'page' | 'pdf'};

/**
 * A web address whose path names a PDF file (`…/ticket.pdf`, any case; not a query or a fragment that says `.pdf`).
 * Where the browser keeps such a page from extensions, it is a PDF in its viewer (Firefox's, pdf.js): a page the
 * extension cannot read otherwise is one of the browser's own or an extension store's, whose addresses never end so.
 */
export function isPdfAddress(url: string | undefined): boolean {
	if (!url) return false;
	try {
		const {protocol, pathname} = new URL(url);
		return /^(?:https?|file):$/.test(protocol) && /\.pdf$/i.test(pathname);
	} catch {
		return false;
	}
}

/** The popup's own scan of the page ("Scan this page"). */
export type ScanState = 'idle' | 'busy' | 'failed';

/** "Always run on this site": granted and saved, or refused by the user. */
export type AlwaysState = 'on' | 'denied';

/**
 * `?tab=ID` in the popup's URL (the popup opened as a page: tests, a pinned window) names the tab it is about; without
 * it, a positive whole number, the popup is about the active tab (undefined).
 */
export function requestedTab(search: string): number | undefined {
	const param = Number(new URLSearchParams(search).get('tab'));
	return Number.isInteger(param) && param > 0 ? param : undefined;
}

export type ThisPageInput = {
	/** null: no tab to speak of (none found, or the browser would not say). */
	tab: PopupTab | null;
	/** The content script's status; undefined where none answered. */
	status: PageStatus | undefined;
	scan: ScanState;
	always: AlwaysState | undefined;
	settings: Pick<Settings, 'disabledSites' | 'extraSites' | 'passports'>;
	locale: Locale;
	/** The airport table, to tell a city's code from an unknown airport in what was not checked. */
	airports: AirportTable;
};

/**
 * A record on the page gives nationalities its badge was not judged with: what the popup says of it, the nationalities
 * it offers to check the page's itineraries with (one at a time: each passenger is one traveller), and those itineraries.
 */
export type RecordOffer = {
	text: string;
	choices: {code: string; label: string}[];
	itineraries: SegmentInput[][];
	heuristic: boolean;
};

/** What the "This page" section shows: each part null where it is not shown. */
type ThisPageModel = {
	/** The status line (live region). */
	text: string;
	/** "Scan this page", with its help line; busy while a scan runs. */
	offerScan: {label: string; help: string; busy: boolean} | null;
	/** A built-in site the user switched off, with the button that turns it back on. */
	offerTurnOn: {adapter: string; label: string} | null;
	/** A page the generic detector read on a site the user has not added: the link that adds it. */
	offerAlways: {origin: string; label: string} | null;
	/** What came of "always run on this site" (status region). */
	note: string | null;
	/** What the generic detector read on a page whose layout its site's adapter does not recognise. */
	findings: SegmentInput[][];
	/**
	 * What the generic readers read but did not check (./left-out.ts), a sentence each: on such a page, or on one the
	 * generic page adapter reads (its badge's).
	 */
	leftOut: string[];
	/** A record's nationalities beside the passports the page's badge used, where one of them was not. */
	record: RecordOffer | null;
};

/** A built-in site's id for people ("Google Flights"); an id no site has, as it is. */
export function siteLabel(id: string): string {
	return sites.find((s) => s.id === id)?.label ?? id;
}

/** What the popup says of a built-in site's page whose content script did not answer. */
function unansweredSiteText(page: SitePage, host: string, locale: Locale): string {
	const adapter = page.site.label;
	return page.listed ? t('popupSiteNotRead', locale, {adapter}) : t('popupSiteUnlisted', locale, {adapter, site: host});
}

export function thisPageModel({tab, status, scan, always, settings, locale, airports}: ThisPageInput): ThisPageModel {
	const origin = tab?.url ? siteOrigin(tab.url) : undefined;
	const host = origin ? new URL(origin).hostname : '';
	// No content script answered on a built-in site's page: one of its domains the manifest does not list, or a page
	// open since before the extension was installed or updated (browsers put content scripts only into pages loaded
	// after). Not "not a supported site"; a scan reads it with the site's adapter (not the generic detector, as on a page
	// no site adapter knows).
	const page = origin && tab?.url ? siteOfPage(tab.url) : undefined;
	const site = !status && page?.results ? page : undefined;
	// A built-in site's page that is none of its results pages (its home page, its search form, its hotels), whether its
	// content script answered (with no adapter for the page) or not: not "not one of the supported booking sites".
	const elsewhereOnSite = !site && !status?.adapter && page && !page.results ? page : undefined;
	// A tab whose URL the browser does not show may still be scanned (activeTab); one whose URL is not a web page not.
	const scannable = tab !== null && (tab.url === undefined || origin !== undefined);
	const offSite = switchedOffSite(status, settings.disabledSites);
	// Offered where a scan read the page: with the generic readers, or with a built-in site's adapter on a domain of
	// that site the manifest does not list (a Google country site Google Flights is opened on, www.google.pl).
	const canAlwaysRun =
		typeof status?.adapter === 'string' &&
		!status.disabled &&
		origin !== undefined &&
		!isBuiltInOrigin(origin) &&
		!settings.extraSites.includes(origin) &&
		always !== 'on';
	// Said on a page whose layout is not recognised (of its text) and on one the generic page adapter reads (its badge's).
	const shownLeftOut = status?.genericLeftOut && (status.layoutUnrecognised || status.adapter === GENERIC_PAGE_ID);
	const leftOut = shownLeftOut ? leftOutSegments(status.genericLeftOut!, locale, airports) : [];
	return {
		text:
			scan === 'failed'
				? t(isPdfAddress(tab?.url) ? 'popupScanPdf' : 'popupCannotScan', locale)
				: site
					? unansweredSiteText(site, host, locale)
					: elsewhereOnSite
						? elsewhereOnSite.listed
							? t('popupSiteNotResults', locale, {adapter: elsewhereOnSite.site.label})
							: t('popupSiteUnlistedNotResults', locale, {adapter: elsewhereOnSite.site.label, site: host})
						: pageStatusText(status, settings.disabledSites, locale, siteLabel),
		offerScan:
			scannable && !status?.adapter && scan !== 'failed'
				? {
						label: t('popupScanPage', locale),
						help: site ? t('popupScanHelpSite', locale, {adapter: site.site.label}) : t('popupScanHelp', locale),
						busy: scan === 'busy',
					}
				: null,
		offerTurnOn: offSite ? {adapter: offSite, label: t('popupSiteTurnOn', locale, {adapter: siteLabel(offSite)})} : null,
		offerAlways: canAlwaysRun ? {origin, label: t('popupAlwaysRun', locale, {site: host})} : null,
		note: always ? t(always === 'on' ? 'popupAlwaysRunOn' : 'siteDenied', locale, {site: host}) : null,
		findings: status?.layoutUnrecognised ? status.generic : [],
		leftOut,
		record: recordOffer(status?.record, settings.passports, locale),
	};
}

/**
 * The record's nationalities (as printed: `FRA`, `FR`; a code that names no country, like `XXX`, left out), where one
 * is not among the passports the badge was judged with; offered one at a time, but for the one passport judged with.
 */
function recordOffer(record: PageStatus['record'], passports: readonly string[], locale: Locale): RecordOffer | null {
	if (!record) return null;
	const nationalities = [...new Set(record.nationalities.flatMap((code) => countryFromRecord(code) ?? []))];
	if (nationalities.length === 0 || nationalities.every((code) => passports.includes(code))) return null;
	const countries = countryList(nationalities, locale);
	return {
		text:
			passports.length > 0
				? t('popupRecordSettings', locale, {countries, passports: countryList(passports, locale)})
				: t('popupRecordNoPassport', locale, {countries}),
		choices: nationalities
			.filter((code) => !(passports.length === 1 && passports[0] === code))
			.map((code) => ({code, label: t('pasteRecordUse', locale, {country: countryInSentence(code, locale)})})),
		itineraries: record.itineraries,
		heuristic: record.heuristic,
	};
}

/** The settings with a switched-off built-in site turned back on. */
export function withSiteOn<S extends Pick<Settings, 'disabledSites'>>(settings: S, adapter: string): S {
	return {...settings, disabledSites: settings.disabledSites.filter((id) => id !== adapter)};
}

/** The settings with a site of the user's own added (unchanged when it is there already). */
export function withUserSite<S extends Pick<Settings, 'extraSites'>>(settings: S, origin: string): S {
	return settings.extraSites.includes(origin) ? settings : {...settings, extraSites: [...settings.extraSites, origin]};
}

/** An itinerary judged in the popup: its place among those read (from 1), its flights, and the engine's result. */
export type Judged = {n: number; segments: SegmentInput[]; result: CheckResult};

/** The generic detector's itineraries, judged; those with no stop in mainland China are left out. */
export function judgeFindings(itineraries: SegmentInput[][], passports: string[], rules: RuleSet, today: string): Judged[] {
	return itineraries
		.map((segments, i) => ({n: i + 1, segments, result: evaluateTrip({passports, segments}, rules, {today})}))
		.filter((j) => j.result.stops.length > 0);
}

/**
 * One line for an itinerary among several judged at once, above its folded details: which itinerary (its place in
 * what was read, counting those with no mainland stop that are not shown; its route and its first date: an agent
 * tells bookings apart by them) and its verdict in the badge's words, tone and symbol (never
 * colour alone; a heuristic reading never gets a ✓). undefined where the result has no mainland stop.
 */
type ItineraryLine = {
	label: string;
	/** The label as a screen reader should say it: the route's arrows in words (`JFK to PEK to NRT`). */
	spoken: string;
	verdict: Pick<BadgeSummary, 'tone' | 'text' | 'icon'>;
};

export function itineraryLine(judged: Judged, heuristic: boolean, locale: Locale): ItineraryLine | undefined {
	const {n} = judged;
	const summary = summarize(judged.result, heuristic ? 'heuristic' : 'manual', locale);
	if (!summary) return undefined;
	const date = judged.segments
		.map((s) => s.departure ?? s.arrival)
		.find(Boolean)
		?.slice(0, 10);
	const line = (route: string) => (date ? t('itineraryLine', locale, {n, route, date}) : t('itineraryLineNoDate', locale, {n, route}));
	return {
		label: line(routeOf(judged.segments, ' → ', ' / ')),
		spoken: line(routeOf(judged.segments, ` ${t('routeTo', locale)} `, locale === 'en' ? '; ' : '；')),
		verdict: {tone: summary.tone, text: summary.text, icon: summary.icon},
	};
}

/**
 * Under a judged itinerary: `card`, whether there is a check-in card to open (an eligible stay); `mapAirports`, the
 * airports of the stays where 240-hour transit applies or may apply (the map of where the traveller may go), or null
 * where there is no such stay.
 */
export function resultExtras(
	trip: TripInput,
	result: CheckResult,
	rules: RuleSet,
	today: string,
): {card: boolean; mapAirports: string[] | null} {
	const stays = result.stops.filter((s) =>
		s.verdicts.some((v) => v.policy === 'transit240' && (v.status === 'eligible' || v.status === 'conditional')),
	);
	return {card: buildCard(trip, rules, today).ok, mapAirports: stays.length > 0 ? stays.flatMap((s) => s.airports) : null};
}
