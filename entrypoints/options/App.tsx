/** The options page: components/OptionsView.tsx, wired to the browser (settings, host permissions for the user's sites). */
import {useEffect, useState} from 'preact/hooks';
import {OptionsView} from '@/components/OptionsView';
import {useSettings} from '@/components/use-settings';
import {grantedSites, releaseSite, requestSite, watchPermissions} from '@/lib/browser/permissions';
import {resolveLocale} from '@/lib/i18n/messages';
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
	const [settings, save] = useSettings();
	const [granted, refreshGranted] = useGranted(settings?.extraSites);
	const locale = resolveLocale(settings?.language ?? 'auto', navigator.language);
	if (!settings) return null;
	return (
		<OptionsView
			settings={settings}
			save={save}
			locale={locale}
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
