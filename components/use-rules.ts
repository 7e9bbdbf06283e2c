/** Preact hooks that follow the rules in use (lib/browser/rules-store.ts): bundled, or a signed update the background stored. */
import {useEffect, useState} from 'preact/hooks';
import {readRulesInUse, readUpdateView, watchRulesUpdates, type UpdateView} from '@/lib/browser/rules-store';
import type {RuleSet} from '@/lib/rules/rule-set';

/** The rules in use; undefined until read. Follows updates while the page is open. */
export function useRulesInUse(): RuleSet | undefined {
	const [rules, setRules] = useState<RuleSet>();
	useEffect(() => {
		let alive = true;
		const load = () => void readRulesInUse().then((r) => alive && setRules(r));
		load();
		const stop = watchRulesUpdates(load);
		return () => {
			alive = false;
			stop();
		};
	}, []);
	return rules;
}

/** The stored update and the last check, for the options page. */
export function useUpdateView(): UpdateView {
	const [view, setView] = useState<UpdateView>({});
	useEffect(() => {
		let alive = true;
		const load = () => void readUpdateView().then((v) => alive && setView(v));
		load();
		const stop = watchRulesUpdates(load);
		return () => {
			alive = false;
			stop();
		};
	}, []);
	return view;
}
