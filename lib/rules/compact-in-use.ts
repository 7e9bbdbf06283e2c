/**
 * The content script's rules: a stored update's compact rules (./update-state.ts) where they are newer than the
 * bundled ones, else the bundled ones; each dataset indexed once (./engine-rules.ts). The bundled dataset is handed
 * in (the content script reads it from storage: lib/browser/bundled-compact.ts); ./compact-bundled.ts passes the one
 * it imports.
 */
import type {CompactDataset} from './compact';
import {engineRulesOf, type EngineRules} from './engine-rules';
import {compactInUse} from './update-state';

const indexed = new WeakMap<CompactDataset, EngineRules>();

export function rulesInUse(storedCompact: unknown, bundled: CompactDataset): EngineRules {
	const chosen = compactInUse(storedCompact, bundled);
	let rules = indexed.get(chosen);
	if (!rules) indexed.set(chosen, (rules = engineRulesOf(chosen)));
	return rules;
}
