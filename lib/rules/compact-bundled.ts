/** The bundled compact dataset (data/compact-rules.json, ./compact.ts): what the content script judges with. */
import compactJson from '../../data/compact-rules.json';
import type {CompactDataset} from './compact';
import {engineRulesOf, type EngineRules} from './engine-rules';

let memo: EngineRules | undefined;

export function compactRules(): EngineRules {
	memo ??= engineRulesOf(compactJson as CompactDataset);
	return memo;
}
