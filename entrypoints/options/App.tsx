/** The options page: components/OptionsView.tsx, wired to the browser (settings, host permissions for the user's sites). */
import {useEffect, useState} from 'preact/hooks';
import {OptionsView} from '@/components/OptionsView';
import {useSettingsPage} from '@/components/use-settings';
import {grantedSites, releaseSite, requestSite, watchPermissions} from '@/lib/browser/permissions';
import {bundledRules} from '@/lib/rules/rule-set';

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

export function App() {
	const page = useSettingsPage();
	const [granted, refreshGranted] = useGranted(page?.settings.extraSites);
	if (!page) return null;
	return (
		<OptionsView
			{...page}
			rules={bundledRules()}
			granted={granted}
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
