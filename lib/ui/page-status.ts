/**
 * The popup's one-line answer to "what did the extension do on this page?", from the content script's status. Pure,
 * so every case is tested without a browser; lib/ui/popup.ts builds the "This page" section on it.
 */
import {GENERIC_PAGE_ID} from '../detect/page-status';
import {t} from '../i18n/messages';
import type {Locale} from '../i18n/locale';
import type {PageStatus} from '../detect/page-status';

/** The built-in site on this page that the user switched off, or null. */
export function switchedOffSite(status: PageStatus | undefined, disabledSites: readonly string[]): string | null {
	return status?.disabled && status.adapter !== null && disabledSites.includes(status.adapter) ? status.adapter : null;
}

/**
 * `status` undefined: no content script answered (an unsupported site, or one not scanned yet). `label` names an
 * adapter id for people ("Google Flights").
 */
export function pageStatusText(
	status: PageStatus | undefined,
	disabledSites: readonly string[],
	locale: Locale,
	label: (adapter: string) => string,
): string {
	if (!status?.adapter) return t('popupPageUnsupported', locale);
	const off = switchedOffSite(status, disabledSites);
	if (off) return t('popupSiteOff', locale, {adapter: label(off)});
	// None read yet, while the page is still being read: not "nothing found" (the popup asks again in a moment).
	if (status.reading && status.itineraries === 0) return t('popupPageReading', locale);
	const counts = {itineraries: status.itineraries, withStops: status.withStops};
	const one = status.itineraries === 1;
	let text: string;
	if (status.adapter === GENERIC_PAGE_ID)
		// The page badge stands for the itineraries via the mainland: where there are none, there is no badge to see.
		text =
			status.itineraries === 0
				? t(status.pdf ? 'popupScanPdf' : 'popupScanNothing', locale)
				: t(one ? 'popupScanFoundOne' : 'popupScanFound', locale, counts) +
					t(status.withStops > 0 ? 'popupScanSeeBadge' : 'popupScanEnd', locale);
	else if (status.layoutUnrecognised) return t('popupLayoutUnrecognised', locale, {adapter: label(status.adapter)});
	else if (status.itineraries === 0) return unreadText(status, locale) ?? t('popupPageNothing', locale, {adapter: label(status.adapter)});
	else text = t(one ? 'popupPageFoundOne' : 'popupPageFound', locale, {...counts, adapter: label(status.adapter)});
	if (status.itineraries === 0) return text;
	// Badges with no visible place (covered or clipped by the page), and results that could not be read, are said
	// beside the count: a badge missing from a result is not a "no visa-free route".
	const notes = [text];
	if (status.unplaced > 0)
		notes.push(status.unplaced === 1 ? t('popupUnplacedOne', locale) : t('popupUnplaced', locale, {count: status.unplaced}));
	const unread = unreadText(status, locale);
	if (unread) notes.push(unread);
	return notes.join(locale === 'en' ? ' ' : '');
}

/** The results the site's adapter could not read, so without a badge; undefined where there are none. */
function unreadText(status: PageStatus, locale: Locale): string | undefined {
	const count = status.unread ?? 0;
	if (count <= 0) return undefined;
	return count === 1 ? t('popupUnreadOne', locale) : t('popupUnread', locale, {count});
}
