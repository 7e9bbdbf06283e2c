/**
 * Where settings are stored (browser storage, through WXT's typed storage and webextension-polyfill); the views
 * follow them with components/use-settings.ts. Every read goes through parseSettings, so a corrupt value can never crash a page.
 */
import {storage} from '#imports';
import {DEFAULT_SETTINGS, MIGRATIONS, parseSettings, SETTINGS_VERSION, type Settings} from '@/lib/settings';

const settingsItem = storage.defineItem<Settings>('local:settings', {
	fallback: DEFAULT_SETTINGS,
	version: SETTINGS_VERSION,
	// WXT runs the steps after the stored version (kept beside the value) once, when a new version first reads it;
	// parseSettings then still checks every field.
	migrations: Object.fromEntries(Object.entries(MIGRATIONS).map(([v, step]) => [Number(v), (old: unknown) => step(old)])),
});

export async function readSettings(): Promise<Settings> {
	try {
		return parseSettings(await settingsItem.getValue());
	} catch {
		return DEFAULT_SETTINGS;
	}
}

export async function writeSettings(next: Settings): Promise<void> {
	await settingsItem.setValue(parseSettings(next));
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
	return settingsItem.watch((value) => callback(parseSettings(value)));
}
