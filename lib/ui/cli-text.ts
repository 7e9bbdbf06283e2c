/**
 * The CLI's readable output (`npm run check -- FILE --format text`): a result as plain lines in the reader's language.
 * Pure. Every word comes from lib/i18n (cli-text.ts for the framing, reason-text.ts for the engine's codes); codes,
 * times and links are printed as they are. The English lines are a public contract: their shape does not change.
 */
import {cliText} from '../i18n/cli-text';
import {bestPolicyName, noticeText, policyName, reasonText, reminderText, STATUS_NAMES, unsettled} from '../i18n/reason-text';
import {type Locale} from '../i18n/locale';
import type {RuleSet} from '../rules/load-rules';
import type {CheckResult, PolicyVerdict, Stop} from '../rules/types';
import {citesSources, sourceViews, STATUS_MARK} from './format';

/** The line under a failing or doubtful reason: the id and link of each source it cites that has a link. */
function sourceLine(ids: string[], rules: RuleSet, locale: Locale): string | undefined {
	const links = sourceViews(rules, ids).flatMap((s) => (s.url ? [`${s.id} ${s.url}`] : []));
	return links.length > 0 ? `      ${cliText('sources', locale, {list: links.join(cliText('sourceSeparator', locale))})}` : undefined;
}

function verdictLines(v: PolicyVerdict, rules: RuleSet, locale: Locale): string[] {
	const details = [
		v.passport ? cliText('passport', locale, {passport: v.passport}) : '',
		v.deadline ? cliText('leaveBy', locale, {deadline: v.deadline}) : '',
		v.inspectionExempt ? cliText('inspectionExempt', locale) : '',
	]
		.filter(Boolean)
		.join(cliText('detailSeparator', locale));
	const verdict = cliText('verdict', locale, {
		mark: STATUS_MARK[v.status],
		policy: policyName(v, locale),
		status: STATUS_NAMES[v.status][locale],
	});
	const lines = [`  ${details ? cliText('verdictWith', locale, {verdict, details}) : verdict}`];
	for (const r of v.reasons) {
		lines.push(`    - ${reasonText(r.code, locale, r.params)}`);
		const sources = citesSources(r.kind) ? sourceLine(r.sources, rules, locale) : undefined;
		if (sources) lines.push(sources);
	}
	if (v.qualifyingNationalities) lines.push(`    - ${cliText('qualifying', locale, {list: v.qualifyingNationalities.join(' ')})}`);
	if (v.qualifyingIfExtended) lines.push(`    - ${cliText('qualifyingIfExtended', locale, {list: v.qualifyingIfExtended.join(' ')})}`);
	return lines;
}

/** Where no policy holds: not settled (left open, or no passport), or refused by all (as in ./details.ts). */
function notBest(stop: Stop, locale: Locale): string {
	const why = unsettled(stop, locale);
	if (why.kind === 'open') return cliText('openBest', locale, {policy: why.policies});
	return cliText(why.kind === 'passport' ? 'unknownBest' : 'noBest', locale);
}

function stopLines(stop: Stop, n: number, rules: RuleSet, locale: Locale): string[] {
	const head = cliText('stop', locale, {
		n,
		airports: stop.airports.join(cliText('airportSeparator', locale)),
		from: stop.from ?? '?',
		to: stop.to ?? '?',
		arrival: stop.arrival ?? (stop.arrivalNotBefore ? `≥ ${stop.arrivalNotBefore}` : '?'),
		departure: stop.departure ?? '?',
	});
	return [
		head,
		`  ${cliText('best', locale, {policy: bestPolicyName(stop, locale) ?? notBest(stop, locale)})}`,
		...stop.verdicts.flatMap((v) => verdictLines(v, rules, locale)),
		`  ${cliText('remember', locale)}`,
		...stop.reminders.map((r) => `    - ${reminderText(r.code, locale, r.params)}`),
	];
}

/** The result as a short readable explanation (the CLI's --format text). */
export function formatResultText(result: CheckResult, rules: RuleSet, locale: Locale = 'en'): string {
	const lines: string[] = [];
	if (result.stops.length === 0) lines.push(cliText('noStop', locale));
	for (const [i, stop] of result.stops.entries()) lines.push(...stopLines(stop, i + 1, rules, locale));
	for (const n of result.notices) lines.push(cliText('note', locale, {text: noticeText(n.code, locale, n.params)}));
	lines.push(cliText('rulesAsOf', locale, {date: result.rules.reviewedAt, version: result.rules.version}));
	return `${lines.join('\n')}\n`;
}
