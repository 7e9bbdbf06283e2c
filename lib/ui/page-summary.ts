/**
 * What the page-level badge says: one badge for the itineraries a page holds in its data but has not rendered as
 * cards (lib/scan/scanner.ts), or for the whole page where the user asked for a scan. Pure, like ./summary.ts.
 */
import {badgeText as t} from '../i18n/badge-messages';
import type {Locale} from '../i18n/locale';
import type {BadgeSummary} from './summary';

const RANK: Record<BadgeSummary['tone'], number> = {none: 0, passport: 1, check: 2, ok: 3};

/**
 * The badge for the page's itineraries with a mainland stop (each one's own summary): the weakest of them speaks for
 * the page, with the count in front when there are several. undefined when there is none.
 */
export function pageSummary(summaries: readonly BadgeSummary[], locale: Locale): BadgeSummary | undefined {
	if (summaries.length === 0) return undefined;
	const weakest = summaries.reduce((a, b) => (RANK[b.tone] < RANK[a.tone] ? b : a));
	const counted = (summary: string) => (summaries.length === 1 ? summary : t('badgePage', locale, {count: summaries.length, summary}));
	const fullText = counted(weakest.fullText);
	return {
		...weakest,
		text: counted(weakest.text),
		fullText,
		ariaLabel: t('badgeAriaPage', locale, {summary: fullText.replace(/ ✓/, '')}),
	};
}
