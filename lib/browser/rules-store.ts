/**
 * The rules in use, as the extension's pages and the background read them from storage: a signed update the background
 * accepted (lib/rules/update-state.ts) where it is newer than the bundled rules, else the bundled ones.
 */
import {browser} from '#imports';
import {bundledRules, ruleSetInUse, type RuleSet} from '../rules/rule-set';
import {readStatus, RULES_UPDATE_ITEMS, storedUpdateNewerThan, type StoredUpdate, type UpdateStatus} from '../rules/update-state';

export async function readRulesInUse(): Promise<RuleSet> {
	try {
		return ruleSetInUse((await browser.storage.local.get(RULES_UPDATE_ITEMS.update))[RULES_UPDATE_ITEMS.update]);
	} catch {
		return bundledRules();
	}
}

/** What the options page shows: the update in use (if any) and the last check. */
export type UpdateView = {update?: StoredUpdate; status?: UpdateStatus};

export async function readUpdateView(): Promise<UpdateView> {
	try {
		const stored = await browser.storage.local.get([RULES_UPDATE_ITEMS.update, RULES_UPDATE_ITEMS.status]);
		const update = storedUpdateNewerThan(stored[RULES_UPDATE_ITEMS.update], bundledRules().data.rulesVersion);
		const status = readStatus(stored[RULES_UPDATE_ITEMS.status]);
		return {...(update ? {update} : {}), ...(status ? {status} : {})};
	} catch {
		return {};
	}
}

/** Calls back when an update is stored or removed, or a check ends; returns the unsubscribe. */
export function watchRulesUpdates(callback: () => void): () => void {
	const names: string[] = Object.values(RULES_UPDATE_ITEMS);
	const listener = (changes: Record<string, unknown>, area: string) => {
		if (area === 'local' && names.some((n) => n in changes)) callback();
	};
	browser.storage.onChanged.addListener(listener);
	return () => browser.storage.onChanged.removeListener(listener);
}
