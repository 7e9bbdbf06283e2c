import type {CheckResult, PolicyVerdict, Stop} from '@/lib/rules/types';
import type {RuleSet} from '@/lib/rules/load-rules';
import {noticeText, POLICY_NAMES, reasonText, reminderText, STATUS_NAMES, type Locale} from '@/lib/i18n/reason-text';
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
	return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? v.replace('T', ' ') : v]));
}

function SourceLinks({ids, rules}: {ids: string[]; rules: RuleSet}) {
	const sources = ids.map((id) => rules.data.sources.find((s) => s.id === id)).filter((s) => s?.url);
	if (sources.length === 0) return null;
	return (
		<span class="sources">
			{sources.map((s) => (
				<a key={s!.id} href={s!.url} target="_blank" rel="noreferrer noopener" title={`${s!.title} — ${s!.publisher}`}>
					{s!.id}
				</a>
			))}
		</span>
	);
}

function Policy({verdict, rules, locale}: {verdict: PolicyVerdict; rules: RuleSet; locale: Locale}) {
	return (
		<li class={`policy status-${verdict.status}`} data-policy={verdict.policy}>
			<div class="policy-head">
				<span class="mark" aria-hidden="true">
					{MARK[verdict.status]}
				</span>
				<strong>{POLICY_NAMES[verdict.policy][locale]}</strong>
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
							{reasonText(r.code, locale, readable(r.params))} {r.kind === 'fails' || r.kind === 'doubt' ? <SourceLinks ids={r.sources} rules={rules} /> : null}
						</li>
					))}
			</ul>
		</li>
	);
}

function StopView({stop, n, rules, locale}: {stop: Stop; n: number; rules: RuleSet; locale: Locale}) {
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
			{minutes !== undefined ? <p class="meta">{t('timeInChina', locale, {hours: Math.floor(minutes / 60), minutes: minutes % 60})}</p> : null}
			<p class="best">{stop.best ? t('bestLabel', locale, {policy: POLICY_NAMES[stop.best][locale]}) : t('noBest', locale)}</p>
			<ul class="policies">
				{stop.verdicts.map((v) => (
					<Policy key={v.policy} verdict={v} rules={rules} locale={locale} />
				))}
			</ul>
			<h4>{t('remindersHeading', locale)}</h4>
			<ul class="reminders">
				{stop.reminders.map((r) => (
					<li key={r.code}>
						{reminderText(r.code, locale, r.params)} <SourceLinks ids={r.sources} rules={rules} />
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
				<StopView key={i} stop={s} n={i + 1} rules={rules} locale={locale} />
			))}
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
