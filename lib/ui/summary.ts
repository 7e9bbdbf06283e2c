/**
 * What a badge says about one itinerary, from the engine's result. Pure: the badge component only renders this.
 * Cautious by construction: heuristic detections and conditional verdicts never get a ✓.
 */
import type {Confidence} from '../itinerary';
import type {CheckResult, PolicyVerdict, Stop} from '../rules/types';
import type {Locale} from '../i18n/locale';
import {badgeText as t} from '../i18n/badge-messages';
import {countryName} from '../i18n/country-name';
import type {DetailLevel} from '../settings';

type Tone = 'ok' | 'check' | 'none' | 'passport';
/**
 * `fullText`: the standard wording whatever the detail level (accessible names are built from it). `note`: said after
 * `text` where the pill's ellipsis never cuts it (the page badge's flights not checked, ./page-summary.ts); `fullText`
 * and `ariaLabel` include it.
 */
export type BadgeSummary = {tone: Tone; text: string; fullText: string; ariaLabel: string; icon: string; note?: string};

// The ✓ of an eligible verdict is part of its text ("24h transit ✓ PEK"); the other states lead with a symbol, so
// no state relies on colour alone.
const ICON: Record<Tone, string> = {ok: '', check: '?', none: '✗', passport: '🛂'};

/** Things to check for a stop: the doubts of the policy that comes closest. */
function doubts(stop: Stop): number {
	const conditional = stop.verdicts.filter((v) => v.status === 'conditional');
	if (conditional.length === 0) return 0;
	return Math.min(...conditional.map((v) => (v.doubts ?? v.reasons.filter((r) => r.kind === 'doubt').length) || 1));
}

/** "27 Mar" / "3月27日" from a local deadline `2026-03-27T00:00` (the day the traveller must be gone by). */
function shortDate(local: string, locale: Locale): string {
	const [, m, d] = local.slice(0, 10).split('-').map(Number) as [number, number, number];
	if (locale !== 'en') return `${m}月${d}日`;
	const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
	return `${d} ${month}`;
}

/** The deadline shown to people: 00:00 on day D+11 reads as "until D+10" (the last full day). */
function lastFullDay(deadline: string): string {
	const date = new Date(`${deadline.slice(0, 10)}T00:00:00Z`);
	if (deadline.endsWith('T00:00')) date.setUTCDate(date.getUTCDate() - 1);
	return date.toISOString().slice(0, 10);
}

function stopTone(stop: Stop, confidence: Confidence | 'manual'): {tone: Tone; verdict?: PolicyVerdict} {
	if (stop.best && confidence !== 'heuristic') return {tone: 'ok', verdict: stop.verdicts.find((v) => v.policy === stop.best)};
	if (stop.best || stop.verdicts.some((v) => v.status === 'conditional')) return {tone: 'check'};
	if (stop.verdicts.some((v) => v.status === 'unknown')) return {tone: 'passport'};
	return {tone: 'none'};
}

const RANK: Record<Tone, number> = {none: 0, passport: 1, check: 2, ok: 3};

/** The compact badge: the policy in a word or two, still with its symbol (never colour alone). */
function compactText(tone: Tone, verdict: PolicyVerdict | undefined, locale: Locale): string {
	if (tone === 'ok' && verdict) {
		return t(
			verdict.policy === 'transit24' ? 'compact24' : verdict.policy === 'transit240' ? 'compact240' : 'compactVisaFree',
			locale,
			{
				hours: verdict.hours ?? 240,
			},
		);
	}
	return t(tone === 'check' ? 'compactCheck' : tone === 'passport' ? 'compactPassport' : 'compactNone', locale);
}

/**
 * One badge for the whole itinerary: the weakest stop decides. undefined when there is no mainland stop.
 * `detail`: compact (a word or two), standard, or detailed (adds the stop's airports and, for a ✓ that depends on
 * it, the passport). The accessible name always carries the standard sentence.
 */
export function summarize(
	result: CheckResult,
	confidence: Confidence | 'manual',
	locale: Locale,
	detail: DetailLevel = 'standard',
): BadgeSummary | undefined {
	if (result.stops.length === 0) return undefined;
	const tones = result.stops.map((s) => ({stop: s, ...stopTone(s, confidence)}));
	const worst = tones.reduce((a, b) => (RANK[b.tone] < RANK[a.tone] ? b : a));
	let text: string;
	switch (worst.tone) {
		case 'ok': {
			const v = worst.verdict!;
			if (v.policy === 'transit24') text = t('badge24', locale, {airport: worst.stop.airports[0]!});
			else {
				// 72 or 144 hours for trips before 2024-12-17 (the scheme of the entry airport then).
				const hours = v.hours ?? 240;
				if (v.deadline)
					text = t(v.policy === 'transit240' ? 'badge240' : 'badgeVisaFree', locale, {
						date: shortDate(lastFullDay(v.deadline), locale),
						hours,
					});
				else text = t(v.policy === 'transit240' ? 'badge240NoDate' : 'badgeVisaFreeNoDate', locale, {hours});
			}
			break;
		}
		case 'check': {
			const n = Math.max(1, doubts(worst.stop) + (confidence === 'heuristic' ? 1 : 0));
			text = n === 1 ? t('badgeCheckOne', locale) : t('badgeCheck', locale, {count: n});
			break;
		}
		case 'passport':
			text = t('badgeSetPassport', locale);
			break;
		default:
			text = t('badgeNone', locale);
	}
	const icon = ICON[worst.tone];
	const fullText = text;
	const ariaLabel = t('badgeAria', locale, {summary: text.replace(/ ✓/, '')});
	if (detail === 'compact') text = compactText(worst.tone, worst.verdict, locale);
	else if (detail === 'detailed') {
		const airports = [...new Set(result.stops.flatMap((s) => s.airports))].join(' · ');
		const passport = worst.verdict?.passport;
		if (worst.tone !== 'ok' || worst.verdict?.policy !== 'transit24') text += ` · ${airports}`;
		// English writes the code before "passport" (US passport), which keeps the pill short; Chinese reads a code
		// beside 护照 as no word, and names the country (美国护照), from the browser's own Intl data.
		if (passport) text += ` · ${t('detailPassport', locale, {passport: locale === 'en' ? passport : countryName(passport, locale)})}`;
	}
	return {tone: worst.tone, text, fullText, icon, ariaLabel};
}
