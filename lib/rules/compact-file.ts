/** data/compact-rules.json as a file: its path and its exact text, for the generator, the build and the tests. */
import {compactDataset} from './compact';
import type {RuleSet} from './rule-set';

export const COMPACT_FILE = 'data/compact-rules.json';

/** The file's text for these rules: one line per part, so a diff shows which part changed. */
export function compactOfRules(rules: RuleSet): string {
	const c = compactDataset(rules.data, rules);
	const {airports, ...rest} = c;
	const lines = [
		...Object.entries(rest).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`),
		`"airports":{${Object.entries(airports)
			.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
			.join(',\n')}}`,
	];
	return `{\n${lines.join(',\n')}\n}\n`;
}
