/**
 * What the page-level badge says: one badge for the itineraries a page holds in its data but has not rendered as
 * cards (lib/scan/page-badge.ts), or for the whole page where the user asked for a scan. Pure, like ./summary.ts.
 */
import {badgeText as t} from '../i18n/badge-messages';
import type {Locale} from '../i18n/locale';
import type {BadgeSummary} from './summary';

const RANK: Record<BadgeSummary['tone'], number> = {none: 0, passport: 1, check: 2, ok: 3};

/**
 * The badge for the page's itineraries with a mainland stop (each one's own summary): the weakest of them speaks for
 * the page, with the count in front when there are several. undefined when there is none. `notChecked`: how many of
 * the page's flights were left out of them (an airport no table knows, times that cannot all be true; the details say
 * which): said after the verdict (`note`, which the pill never cuts), so that a verdict on the rest never reads as one
 * on the whole page.
 */
export function pageSummary(summaries: readonly BadgeSummary[], locale: Locale, notChecked = 0): BadgeSummary | undefined {
	if (summaries.length === 0) return undefined;
	const weakest = summaries.reduce((a, b) => (RANK[b.tone] < RANK[a.tone] ? b : a));
	const counted = (summary: string) => (summaries.length === 1 ? summary : t('badgePage', locale, {count: summaries.length, summary}));
	// Said without the ✓ (a screen reader names it), and with a comma after the count rather than the pill's dot.
	const plain = weakest.fullText.replace(/ ✓/, '');
	const spoken = summaries.length === 1 ? plain : t('badgePageSpoken', locale, {count: summaries.length, summary: plain});
	const page = {...weakest, text: counted(weakest.text)};
	if (notChecked === 0) return {...page, fullText: counted(weakest.fullText), ariaLabel: t('badgeAriaPage', locale, {summary: spoken})};
	const note = notChecked === 1 ? t('badgePageNotCheckedOne', locale) : t('badgePageNotChecked', locale, {count: notChecked});
	return {
		...page,
		fullText: `${counted(weakest.fullText)} · ${note}`,
		note: `· ${note}`,
		ariaLabel: t('badgeAriaPage', locale, {summary: `${spoken}${locale === 'en' ? ', ' : '，'}${note}`}),
	};
}

/** What the toolbar button shows for a page (extension UI, never the page's DOM): how many, and the best verdict. */
export type ToolbarVerdict = {withStops: number; tone: BadgeSummary['tone'] | null; text: string};

/**
 * The toolbar's summary of the page's itineraries with a mainland stop: their count and the best of their verdicts,
 * with its words (the button's colour is never the only signal). No itinerary: a count of 0, nothing to show.
 */
export function toolbarVerdict(summaries: readonly BadgeSummary[]): ToolbarVerdict {
	if (summaries.length === 0) return {withStops: 0, tone: null, text: ''};
	const best = summaries.reduce((a, b) => (RANK[b.tone] > RANK[a.tone] ? b : a));
	return {withStops: summaries.length, tone: best.tone, text: best.fullText};
}
