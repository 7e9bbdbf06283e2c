/** The first-run page: components/WelcomeView.tsx, wired to the browser (settings, the options page). */
import {browser} from '#imports';
import {useEffect} from 'preact/hooks';
import {WelcomeView} from '@/components/WelcomeView';
import {useSettingsPage} from '@/components/use-settings';
import {useRulesInUse} from '@/components/use-rules';
import {usePopupShortcut} from '@/components/use-shortcut';
import {t} from '@/lib/i18n/messages';

const openOptions = () => void browser.runtime.openOptionsPage();

export function App() {
	const page = useSettingsPage();
	const rules = useRulesInUse();
	const shortcut = usePopupShortcut();
	useEffect(() => {
		if (page) {
			document.title = t('welcomeTitle', page.locale);
			document.documentElement.lang = page.locale;
		}
	}, [page?.locale]);
	if (!page) return null;
	return <WelcomeView {...page} openOptions={openOptions} notCovered={rules?.data.passportsNotCovered.countries} shortcut={shortcut} />;
}
