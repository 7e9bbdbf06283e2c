/** Preact hooks that follow the stored settings (lib/browser/settings-store.ts) and save changes. */
import {useEffect, useState} from 'preact/hooks';
import {readSettings, watchSettings, writeSettings} from '@/lib/browser/settings-store';
import {resolveLocale} from '@/lib/i18n/badge-messages';
import type {Settings} from '@/lib/settings';

export function useSettings(): [Settings | undefined, (next: Settings) => Promise<void>] {
	const [settings, setSettings] = useState<Settings>();
	useEffect(() => {
		let alive = true;
		void readSettings().then((s) => alive && setSettings(s));
		const stop = watchSettings((s) => setSettings(s));
		return () => {
			alive = false;
			stop();
		};
	}, []);
	return [settings, writeSettings];
}

/** What a settings-driven page is given: the settings, how to save them, and its language (the setting, else the browser's). */
type SettingsPage = {settings: Settings; save: (next: Settings) => Promise<void>; locale: ReturnType<typeof resolveLocale>};

/** The settings with the page's language; undefined until they are read. */
export function useSettingsPage(): SettingsPage | undefined {
	const [settings, save] = useSettings();
	return settings ? {settings, save, locale: resolveLocale(settings.language, navigator.language)} : undefined;
}
