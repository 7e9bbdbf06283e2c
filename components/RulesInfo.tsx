import type {RuleSet} from '@/lib/rules/load-rules';

/** "Rules as of" line with the dataset's version and review date. */
export function RulesInfo({rules}: {rules: RuleSet}) {
	const {rulesVersion, reviewedAt, latestRuleChange} = rules.data;
	return (
		<p class="rules-info" data-testid="rules-info">
			Rules as of <time dateTime={reviewedAt}>{reviewedAt}</time> (version {rulesVersion}; latest rule change{' '}
			<time dateTime={latestRuleChange}>{latestRuleChange}</time>).
		</p>
	);
}
