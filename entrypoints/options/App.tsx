/**
 * The options page: components/OptionsView.tsx, wired to the browser (settings, host permissions for the user's sites
 * and the rules update host, the rules in use, the background's rules check).
 */
import {browser} from '#imports';
import {useEffect, useState} from 'preact/hooks';
import {OptionsView} from '@/components/OptionsView';
import {useSettingsPage} from '@/components/use-settings';
import {useRulesInUse, useUpdateView} from '@/components/use-rules';
import type {ToBackground} from '@/lib/browser/messages';
import {grantedSites, hasUpdateHost, releaseSite, requestSite, requestUpdateHost, watchPermissions} from '@/lib/browser/permissions';
import {RULES_UPDATE_URL} from '@/lib/browser/rules-config';
import {openShortcutSettings} from '@/lib/browser/shortcut';
import {usePopupShortcut} from '@/components/use-shortcut';

/** Which of the user's sites the browser has granted access to (the user can revoke it in the browser's settings). */
function useGranted(sites: string[] | undefined): [string[], () => void] {
	const [granted, setGranted] = useState<string[]>([]);
	const refresh = () => {
		if (sites) void grantedSites(sites).then(setGranted);
	};
	useEffect(() => {
		refresh();
		return watchPermissions(refresh);
	}, [JSON.stringify(sites)]);
	return [granted, refresh];
}

/** Whether the browser grants the rules update host right now. */
function useUpdateHostGranted(): [boolean, () => void] {
	const [granted, setGranted] = useState(false);
	const refresh = () => {
		if (RULES_UPDATE_URL) void hasUpdateHost(RULES_UPDATE_URL).then(setGranted);
	};
	useEffect(() => {
		refresh();
		return watchPermissions(refresh);
	}, []);
	return [granted, refresh];
}

const checkNow = () =>
	browser.runtime
		.sendMessage({type: 'rules-update-check'} satisfies ToBackground)
		.then(() => undefined)
		.catch(() => undefined);

export function App() {
	const page = useSettingsPage();
	const rules = useRulesInUse();
	const view = useUpdateView();
	const [granted, refreshGranted] = useGranted(page?.settings.extraSites);
	const [hostGranted, refreshHost] = useUpdateHostGranted();
	const shortcut = usePopupShortcut();
	if (!page || !rules) return null;
	const setEnabled = (on: boolean): Promise<boolean> => {
		if (!on || !RULES_UPDATE_URL) return page.save({...page.settings, rulesUpdates: false}).then(() => true);
		// The permission first, while the click still counts as the user's; then the switch (the background checks).
		return requestUpdateHost(RULES_UPDATE_URL).then(async (ok) => {
			refreshHost();
			if (ok) await page.save({...page.settings, rulesUpdates: true});
			return ok;
		});
	};
	return (
		<OptionsView
			{...page}
			rules={rules}
			updates={{url: RULES_UPDATE_URL, granted: hostGranted, update: view.update, status: view.status, setEnabled, checkNow}}
			granted={granted}
			shortcut={
				shortcut === undefined ? undefined : {keys: shortcut, change: () => void openShortcutSettings().catch(() => undefined)}
			}
			// requestSite asks the browser at once, inside the user's click; the list is read again once it answers.
			requestSite={(origin) =>
				requestSite(origin).then((ok) => {
					refreshGranted();
					return ok;
				})
			}
			releaseSite={(origin) => void releaseSite(origin).then(refreshGranted)}
		/>
	);
}
