import {bestPolicyName, noticeText, policyName, reasonText, reminderText, STATUS_NAMES, type Locale} from '../i18n/reason-text';
import type {RuleSet} from '../rules/load-rules';
import type {CheckResult} from '../rules/types';

const MARK = {eligible: '✓', ineligible: '✗', conditional: '?', unknown: '·'} as const;

/** The result as a short readable explanation (the CLI's --format text). */
export function formatResultText(result: CheckResult, rules: RuleSet, locale: Locale = 'en'): string {
	const lines: string[] = [];
	const sourceLine = (ids: string[]) => {
		const urls = ids
			.map((id) => rules.data.sources.find((s) => s.id === id))
			.filter((s) => s?.url)
			.map((s) => `${s!.id} ${s!.url}`);
		return urls.length > 0 ? `      sources: ${urls.join(' ; ')}` : undefined;
	};
	if (result.stops.length === 0) lines.push('No stop in mainland China: nothing to check.');
	for (const [i, stop] of result.stops.entries()) {
		const span = [stop.arrival ?? '?', stop.departure ?? '?'].join(' → ');
		lines.push(`Stop ${i + 1}: ${stop.airports.join(', ')} (${stop.from ?? '?'} → ${stop.to ?? '?'}), ${span}`);
		lines.push(`  Best: ${bestPolicyName(stop, locale) ?? 'no visa-free route found'}`);
		for (const v of stop.verdicts) {
			const extra = [
				v.passport ? `passport ${v.passport}` : '',
				v.deadline ? `leave by ${v.deadline}` : '',
				v.inspectionExempt ? 'no border inspection airside' : '',
			]
				.filter(Boolean)
				.join(', ');
			lines.push(`  ${MARK[v.status]} ${policyName(v, locale)}: ${STATUS_NAMES[v.status][locale]}${extra ? ` (${extra})` : ''}`);
			for (const r of v.reasons) {
				lines.push(`    - ${reasonText(r.code, locale, r.params)}`);
				if (r.kind === 'fails' || r.kind === 'doubt') {
					const s = sourceLine(r.sources);
					if (s) lines.push(s);
				}
			}
			if (v.qualifyingNationalities) lines.push(`    - qualifying passports: ${v.qualifyingNationalities.join(' ')}`);
		}
		lines.push('  Remember:');
		for (const r of stop.reminders) lines.push(`    - ${reminderText(r.code, locale, r.params)}`);
	}
	for (const n of result.notices) lines.push(`Note: ${noticeText(n.code, locale, n.params)}`);
	lines.push(`Rules as of ${result.rules.reviewedAt} (version ${result.rules.version}).`);
	return `${lines.join('\n')}\n`;
}
