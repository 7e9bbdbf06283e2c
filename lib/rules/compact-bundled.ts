/** The bundled compact dataset (data/compact-rules.json, ./compact.ts): what the content script judges with. */
import compactJson from '../../data/compact-rules.json';
import type {CompactDataset} from './compact';
import {engineRulesOf, type EngineRules} from './engine-rules';
import {compactInUse} from './update-state';

let memo: EngineRules | undefined;

export function compactRules(): EngineRules {
	memo ??= engineRulesOf(compactJson as CompactDataset);
	return memo;
}

/**
 * The content script's rules: a stored update's compact rules (./update-state.ts) where they are newer than the
 * bundled ones, else the bundled ones.
 */
export function compactRulesInUse(storedCompact: unknown): EngineRules {
	const chosen = compactInUse(storedCompact, compactJson as CompactDataset);
	return chosen === compactJson ? compactRules() : engineRulesOf(chosen);
}
