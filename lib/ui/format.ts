/**
 * What every view shows the same way: a verdict's status mark, local times in readable form, and the sources a result
 * cites. Pure (no DOM, no browser): the details (details.ts), the check-in card (check-in-card.ts) and the CLI's text
 * (cli-text.ts) take these from here and keep none of their own.
 */
import {countryInSentence, countryName} from '../i18n/country-name';
import type {Locale} from '../i18n/locale';
import type {AirportCore} from '../airports';
import type {ReasonCode} from '../rules/reasons';
import type {RuleSet} from '../rules/load-rules';
import type {Source} from '../rules/schema';
import {isShowableLink} from '../rules/source-links';
import {nameInScript} from './zh-hant';
import type {CheckResult, Reason, ReasonParams, Status} from '../rules/types';

/** A verdict's status as a symbol, shown beside its words (never colour alone). */
export const STATUS_MARK: Readonly<Record<Status, string>> = {eligible: '✓', ineligible: '✗', conditional: '?', unknown: '·'};

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** `2026-03-27T00:00` reads as `2026-03-27 00:00`; a bare date `2026-03-27` stays as it is. */
export function readableTime(value: string): string {
	return value.replace('T', ' ');
}

/**
 * How a reason's param names a country or region by its ISO code, if it does: the passport always, as a noun in the
 * sentence ("for the United States"); `from` and `to` where the reason is about the countries flown between (elsewhere
 * they are airports, as in `airport-change`), `region` where the flight in and the one on are of the same country, and
 * the rule a scheduled end is about where it is a passport's (two
 * letters: else an airport's code or a scheme's name), both as labels, between brackets.
 */
function countryParam(code: ReasonCode, key: string, value: string): 'noun' | 'label' | undefined {
	if (key === 'passport') return 'noun';
	if (code === 'third-region') return key === 'from' || key === 'to' ? 'label' : undefined;
	if (code === 'onward-same-region') return key === 'region' ? 'label' : undefined;
	return code === 'scheduled-end-passed' && (key === 'what' || key === 'whatZh') && /^[A-Z]{2}$/.test(value) ? 'label' : undefined;
}

/**
 * A param's value as the views show it: a local time in readable form, a country by its name, a scheme's Chinese name
 * (`schemeZh`, `whatZh`) in the reader's script; else as it is.
 */
function readableValue(code: ReasonCode, key: string, value: string, locale: Locale): string {
	if (LOCAL_TIME.test(value)) return readableTime(value);
	const country = countryParam(code, key, value);
	if (country === 'noun') return countryInSentence(value, locale);
	if (country === 'label') return countryName(value, locale);
	return key === 'schemeZh' || key === 'whatZh' ? nameInScript(value, locale) : value;
}

/**
 * A reason's params as the views show them: every local time (`YYYY-MM-DDTHH:mm`) in readable form, and every
 * country by its name in the reader's language (`US` reads as the United States, 美国, 美國); other values as they
 * are. The engine's results (and the CLI's JSON and English text) keep the codes.
 */
export function readableParams(code: ReasonCode, params: ReasonParams | undefined, locale: Locale): ReasonParams | undefined {
	if (!params) return params;
	return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? readableValue(code, k, v, locale) : v]));
}

/**
 * An airport's Chinese name in the reader's script, with its language tag: the table's name (simplified for the
 * mainland, Hong Kong and Macao, traditional for Taiwan) or its conversion to the other script; undefined where the
 * table has no Chinese name for it.
 */
export function airportNameZh(a: AirportCore, script: 'zh-CN' | 'zh-TW'): {text: string; lang: 'zh-CN' | 'zh-TW'} | undefined {
	if (!a.nameZh) return undefined;
	return {text: (script === 'zh-TW' ? a.nameZhHant : a.nameZhHans) ?? a.nameZh, lang: script};
}

/** A failing or doubtful reason cites its sources (reminders always cite theirs); a met condition does not. */
export function citesSources(kind: Reason['kind']): boolean {
	return kind === 'fails' || kind === 'doubt';
}

/** The ids a result cites where the views show sources, in order of first citation. */
export function citedSourceIds(result: CheckResult): string[] {
	const ids = new Set<string>();
	for (const stop of result.stops) {
		for (const v of stop.verdicts) for (const r of v.reasons) if (citesSources(r.kind)) for (const id of r.sources) ids.add(id);
		for (const r of stop.reminders) for (const id of r.sources) ids.add(id);
	}
	return [...ids];
}

/**
 * A source as the views show it: publisher, title and date always; `url` only where the dataset has a link on an
 * allowlisted site over https (load-rules checks it); `official` only for a government's or an embassy's own site.
 */
export type SourceView = {id: string; title: string; publisher: string; date?: string; official: boolean; url?: string};

export function findSource(rules: RuleSet, id: string): Source | undefined {
	return rules.data.sources.find((s) => s.id === id);
}

export function sourceView(s: Source): SourceView {
	return {
		id: s.id,
		title: s.title,
		publisher: s.publisher,
		official: s.official,
		...(s.date ? {date: s.date} : {}),
		// Checked again here so that no other scheme can reach a page or a printout, whatever produced the rules.
		...(isShowableLink(s.url) ? {url: s.url} : {}),
	};
}

/** The sources with these ids, in that order; an id the dataset does not have is left out. */
export function sourceViews(rules: RuleSet, ids: readonly string[]): SourceView[] {
	return ids.map((id) => findSource(rules, id)).flatMap((s) => (s ? [sourceView(s)] : []));
}
