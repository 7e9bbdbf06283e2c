/** The privacy policy page, in the settings' language: the store listings' own text (store/<language>/privacy-policy.md). */
import {useEffect} from 'preact/hooks';
import {PrivacyPolicy} from '@/components/PrivacyPolicy';
import {useSettingsPage} from '@/components/use-settings';
import en from '@/store/en/privacy-policy.md?raw';
import zhCN from '@/store/zh-CN/privacy-policy.md?raw';
import zhTW from '@/store/zh-TW/privacy-policy.md?raw';

const POLICY = {en, 'zh-CN': zhCN, 'zh-TW': zhTW} as const;

export function App() {
	const page = useSettingsPage();
	useEffect(() => {
		if (page) document.documentElement.lang = page.locale;
	}, [page?.locale]);
	if (!page) return null;
	return <PrivacyPolicy source={POLICY[page.locale]} locale={page.locale} />;
}
