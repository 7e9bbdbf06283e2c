/** A Preact hook that follows the stored settings (lib/browser/settings-store.ts) and saves changes. */
import {useEffect, useState} from 'preact/hooks';
import {readSettings, watchSettings, writeSettings} from '@/lib/browser/settings-store';
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
