import type {CheckResult, PolicyVerdict, Stop} from '@/lib/rules/types';
import type {RuleSet} from '@/lib/rules/load-rules';
import type {Source} from '@/lib/rules/schema';
import {isShowableLink} from '@/lib/rules/source-links';
import {bestPolicyName, noticeText, policyName, reasonText, reminderText, STATUS_NAMES, type Locale} from '@/lib/i18n/reason-text';
import {t} from '@/lib/i18n/messages';

type Props = {
	result: CheckResult;
	rules: RuleSet;
	locale: Locale;
	heuristic?: boolean;
	onOpenSettings?: (event: Event) => void;
	/** Given for an eligible stay read from structured data: opens the printable check-in card. */
	onOpenCard?: (event: Event) => void;
};

const MARK = {eligible: '✓', ineligible: '✗', conditional: '?', unknown: '·'} as const;

function formatLocal(value: string | undefined, locale: Locale): string {
	if (!value) return t('notShown', locale);
	return value.replace('T', ' ');
}

/** `2026-03-27T00:00` reads as `2026-03-27 00:00` in every text. */
function readable(params?: Record<string, string | number>) {
	if (!params) return params;
	return Object.fromEntries(
		Object.entries(params).map(([k, v]) => [
			k,
			typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? v.replace('T', ' ') : v,
		]),
	);
}

/** A failing or doubtful reason cites its sources; reminders cite theirs. Those are the ones the list below shows. */
function citesSources(kind: string): boolean {
	return kind === 'fails' || kind === 'doubt';
}

/** The ids a result cites where the details show sources, in order of first citation. */
export function citedSourceIds(result: CheckResult): string[] {
	const ids = new Set<string>();
	for (const stop of result.stops) {
		for (const v of stop.verdicts) for (const r of v.reasons) if (citesSources(r.kind)) for (const id of r.sources) ids.add(id);
		for (const r of stop.reminders) for (const id of r.sources) ids.add(id);
	}
	return [...ids];
}

/** Markers after a reason: the ids of the sources listed under the stops, where each is named in full. */
function SourceRefs({ids}: {ids: string[]}) {
	if (ids.length === 0) return null;
	return <span class="sources">[{ids.join(', ')}]</span>;
}

/**
 * Every cited source by publisher, title and date. A link only where the dataset has one (an allowlisted site over
 * https, checked when the rules load): a source whose only copies are on unvetted sites is named without a link.
 */
function SourceList({ids, rules, locale}: {ids: string[]; rules: RuleSet; locale: Locale}) {
	const sources = ids.map((id) => rules.data.sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined);
	if (sources.length === 0) return null;
	return (
		<section class="source-list" aria-label={t('sources', locale)}>
			<h4>{t('sources', locale)}</h4>
			<ul>
				{sources.map((s) => (
					<li key={s.id} data-source={s.id}>
						<span class="source-id">{s.id}</span>{' '}
						{isShowableLink(s.url) ? (
							<a href={s.url} target="_blank" rel="noreferrer noopener">
								{s.title}
							</a>
						) : (
							<span class="source-title">{s.title}</span>
						)}
						{' — '}
						{s.publisher}
						{s.date ? `, ${s.date}` : ''}
						{s.official ? ` · ${t('sourceOfficialTag', locale)}` : ''}
						{isShowableLink(s.url) ? '' : ` · ${t('sourceNoLink', locale)}`}
					</li>
				))}
			</ul>
		</section>
	);
}

function Policy({verdict, locale}: {verdict: PolicyVerdict; locale: Locale}) {
	return (
		<li class={`policy status-${verdict.status}`} data-policy={verdict.policy}>
			<div class="policy-head">
				<span class="mark" aria-hidden="true">
					{MARK[verdict.status]}
				</span>
				<strong>{policyName(verdict, locale)}</strong>
				<span class="status">{STATUS_NAMES[verdict.status][locale]}</span>
			</div>
			{verdict.passport ? <div class="meta">{t('passportUsed', locale, {passport: verdict.passport})}</div> : null}
			{verdict.deadline && verdict.status !== 'ineligible' ? (
				<div class="deadline">{t('deadline', locale, {deadline: verdict.deadline.replace('T', ' ')})}</div>
			) : null}
			<ul class="reasons">
				{verdict.reasons
					.filter((r) => r.code !== 'no-passport' || verdict.policy === 'transit240')
					.map((r, i) => (
						<li key={i} class={`reason kind-${r.kind}`}>
							{reasonText(r.code, locale, readable(r.params))} {citesSources(r.kind) ? <SourceRefs ids={r.sources} /> : null}
						</li>
					))}
			</ul>
		</li>
	);
}

function StopView({stop, n, locale}: {stop: Stop; n: number; locale: Locale}) {
	const minutes = stop.durationMinutes;
	return (
		<section class="stop" aria-label={t('stopHeading', locale, {n, airports: stop.airports.join(', ')})}>
			<h3>{t('stopHeading', locale, {n, airports: stop.airports.join(' → ')})}</h3>
			<dl class="times">
				<dt>{t('arrival', locale)}</dt>
				<dd>{formatLocal(stop.arrival, locale)}</dd>
				<dt>{t('departure', locale)}</dt>
				<dd>{formatLocal(stop.departure, locale)}</dd>
			</dl>
			{stop.from || stop.to ? <p class="meta">{t('stopRoute', locale, {from: stop.from ?? '?', to: stop.to ?? '?'})}</p> : null}
			{minutes !== undefined ? (
				<p class="meta">{t('timeInChina', locale, {hours: Math.floor(minutes / 60), minutes: minutes % 60})}</p>
			) : null}
			<p class="best">{stop.best ? t('bestLabel', locale, {policy: bestPolicyName(stop, locale)!}) : t('noBest', locale)}</p>
			<ul class="policies">
				{stop.verdicts.map((v) => (
					<Policy key={v.policy} verdict={v} locale={locale} />
				))}
			</ul>
			<h4>{t('remindersHeading', locale)}</h4>
			<ul class="reminders">
				{stop.reminders.map((r) => (
					<li key={r.code}>
						{reminderText(r.code, locale, r.params)} <SourceRefs ids={r.sources} />
					</li>
				))}
			</ul>
		</section>
	);
}

/** The full explanation of a result: shared by the badge's details card and the popup. */
export function VerdictDetails({result, rules, locale, heuristic, onOpenSettings, onOpenCard}: Props) {
	const noPassport = result.stops.some((s) => s.verdicts.some((v) => v.status === 'unknown'));
	return (
		<div class="details">
			{heuristic ? <p class="notice">{t('heuristicNote', locale)}</p> : null}
			{noPassport ? <p class="notice">{t('setPassportPrompt', locale)}</p> : null}
			{result.notices.map((n, i) => (
				<p key={i} class="notice">
					{noticeText(n.code, locale, n.params)}
				</p>
			))}
			{result.stops.map((s, i) => (
				<StopView key={i} stop={s} n={i + 1} locale={locale} />
			))}
			<SourceList ids={citedSourceIds(result)} rules={rules} locale={locale} />
			<p class="footer">
				{t('rulesAsOf', locale, {date: result.rules.reviewedAt})} · {t('disclaimer', locale)}
			</p>
			{onOpenCard ? (
				<button type="button" class="link open-card" onClick={onOpenCard}>
					{t('openCard', locale)}
				</button>
			) : null}
			{onOpenCard && onOpenSettings ? ' · ' : null}
			{onOpenSettings ? (
				<button type="button" class="link" onClick={onOpenSettings}>
					{t('openSettings', locale)}
				</button>
			) : null}
		</div>
	);
}
