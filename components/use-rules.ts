/** Preact hooks that follow the rules in use (lib/browser/rules-store.ts): bundled, or a signed update the background stored. */
import {useEffect, useState} from 'preact/hooks';
import {readRulesInUse, readUpdateView, watchRulesUpdates, type UpdateView} from '@/lib/browser/rules-store';
import type {RuleSet} from '@/lib/rules/rule-set';

/** What `read` gives, read again whenever an update is stored or forgotten or a check ends, while the page is open. */
function useRulesState<T>(read: () => Promise<T>, initial: T): T {
	const [value, setValue] = useState<T>(initial);
	useEffect(() => {
		let alive = true;
		const load = () => void read().then((v) => alive && setValue(() => v));
		load();
		const stop = watchRulesUpdates(load);
		return () => {
			alive = false;
			stop();
		};
	}, []);
	return value;
}

/** The rules in use; undefined until read. */
export const useRulesInUse = (): RuleSet | undefined => useRulesState<RuleSet | undefined>(readRulesInUse, undefined);

/** The stored update and the last check, for the options page. */
export const useUpdateView = (): UpdateView => useRulesState<UpdateView>(readUpdateView, {});
