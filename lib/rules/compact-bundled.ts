/**
 * The bundled compact dataset (data/compact-rules.json, ./compact.ts), imported: what the background sends the content
 * script (lib/browser/bundled-compact.ts), and what the command line, the bench and the tests judge with. The content
 * script itself does not import it.
 */
import compactJson from '../../data/compact-rules.json';
import compactText from '../../data/compact-rules.json?raw';
import type {CompactDataset} from './compact';
import {rulesInUse} from './compact-in-use';
import type {EngineRules} from './engine-rules';

const bundled = compactJson as CompactDataset;

/** The file's text, as the background stores it and sends it to the content script. */
export const BUNDLED_COMPACT_TEXT: string = compactText;

export function compactRules(): EngineRules {
	return rulesInUse(undefined, bundled);
}

/** A stored update's compact rules where they are newer than the bundled ones, else the bundled ones. */
export function compactRulesInUse(storedCompact: unknown): EngineRules {
	return rulesInUse(storedCompact, bundled);
}
