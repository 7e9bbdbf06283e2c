/**
 * What the build checks before it packages data/ (wxt.config.ts), and what `npm run rules:publish` checks before it
 * signs: the same function, so a published update passes exactly what a release passes.
 */
import fs from 'node:fs';
import rawKeys from '../data/rules-keys.json';
import {loadRules, type RuleSet} from '../lib/rules/load-rules.ts';
import {COMPACT_FILE, compactOfRules} from '../lib/rules/compact-file.ts';
import {RulesKeysSchema, type RulesKeys} from '../lib/rules/schema.ts';
import {DatasetError} from '../lib/rules/rule-set.ts';

/**
 * The dataset with its zod schemas and cross-file checks, the content script's compact file made from it, and the
 * trusted update keys. Throws DatasetError (or Error for a stale compact file) with what is wrong.
 */
export function checkDataForBuild(): {rules: RuleSet; keys: RulesKeys} {
	const rules = loadRules();
	if (fs.readFileSync(COMPACT_FILE, 'utf8') !== compactOfRules(rules))
		throw new Error(`${COMPACT_FILE} is stale: run npm run data:compact`);
	const keys = RulesKeysSchema.safeParse(rawKeys);
	if (!keys.success) throw new DatasetError(`data/rules-keys.json: ${keys.error.issues.map((i) => i.message).join('; ')}`);
	const ids = keys.data.keys.map((k) => k.id);
	if (new Set(ids).size !== ids.length) throw new DatasetError('data/rules-keys.json: two keys share an id');
	return {rules, keys: keys.data};
}
