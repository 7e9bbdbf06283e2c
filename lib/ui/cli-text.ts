/**
 * The CLI's readable output (`npm run check -- FILE --format text`): a result as plain lines in the reader's language.
 * Pure. Every word comes from lib/i18n (cli-text.ts for the framing, reason-text.ts for the engine's codes). The
 * English lines are a public contract, their shape unchanged: codes, times and links as the JSON gives them. The
 * Chinese lines are for reading: countries by name (美国护照, 美国 → 韩国), times as the views show them (2026-03-27
 * 00:00), a scheme's Chinese name in the reader's script (沪苏浙 / 滬蘇浙), as the details card says them; airports,
 * source ids and links stay codes.
 */
import {cliText} from '../i18n/cli-text';
import {bestPolicyName, noticeText, policyName, reasonText, reminderText, STATUS_NAMES, unsettled} from '../i18n/reason-text';
import {type Locale} from '../i18n/locale';
import type {RuleSet} from '../rules/load-rules';
import type {CheckResult, PolicyVerdict, Stop} from '../rules/types';
import {countryList, countryName} from '../i18n/country-name';
import {citesSources, readableParams, readableTime, sourceViews, STATUS_MARK} from './format';

/** The English lines keep what the engine gives; the Chinese ones name countries and show times for reading. */
const forReading = (locale: Locale) => locale !== 'en';
const shownTime = (value: string, locale: Locale) => (forReading(locale) ? readableTime(value) : value);
const shownCountry = (code: string, locale: Locale) => (forReading(locale) ? countryName(code, locale) : code);
const shownCountries = (codes: readonly string[], locale: Locale) => (forReading(locale) ? countryList(codes, locale) : codes.join(' '));

/** The line under a failing or doubtful reason: the id and link of each source it cites that has a link. */
function sourceLine(ids: string[], rules: RuleSet, locale: Locale): string | undefined {
	const links = sourceViews(rules, ids).flatMap((s) => (s.url ? [`${s.id} ${s.url}`] : []));
	return links.length > 0 ? `      ${cliText('sources', locale, {list: links.join(cliText('sourceSeparator', locale))})}` : undefined;
}

function verdictLines(v: PolicyVerdict, rules: RuleSet, locale: Locale): string[] {
	const details = [
		v.passport ? cliText('passport', locale, {passport: shownCountry(v.passport, locale)}) : '',
		v.deadline ? cliText('leaveBy', locale, {deadline: shownTime(v.deadline, locale)}) : '',
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
		const params = forReading(locale) ? readableParams(r.code, r.params, locale) : r.params;
		lines.push(`    - ${reasonText(r.code, locale, params)}`);
		const sources = citesSources(r.kind) ? sourceLine(r.sources, rules, locale) : undefined;
		if (sources) lines.push(sources);
	}
	if (v.qualifyingNationalities) {
		lines.push(`    - ${cliText('qualifying', locale, {list: shownCountries(v.qualifyingNationalities, locale)})}`);
	}
	if (v.qualifyingIfExtended) {
		lines.push(`    - ${cliText('qualifyingIfExtended', locale, {list: shownCountries(v.qualifyingIfExtended, locale)})}`);
	}
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
		from: stop.from ? shownCountry(stop.from, locale) : '?',
		to: stop.to ? shownCountry(stop.to, locale) : '?',
		arrival: stop.arrival
			? shownTime(stop.arrival, locale)
			: stop.arrivalNotBefore
				? `≥ ${shownTime(stop.arrivalNotBefore, locale)}`
				: '?',
		departure: stop.departure ? shownTime(stop.departure, locale) : '?',
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
