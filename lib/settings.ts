/**
 * The user's settings: shape, defaults and how a stored value is read. Pure; storage glue lives in
 * components/settings-store.ts. A corrupt or outdated stored value falls back to defaults, field by field.
 */
import countries from 'i18n-iso-countries';
import {z} from 'zod';

export const SETTINGS_VERSION = 1;
const COUNTRY_CODES = new Set(Object.keys(countries.getAlpha2Codes()));

export const SettingsSchema = z.object({
	/** ISO 3166-1 alpha-2 codes of the passports the traveller holds, in the order added. */
	passports: z.array(z.string().refine((c) => COUNTRY_CODES.has(c), 'unknown country code')).max(8),
	language: z.enum(['auto', 'en', 'zh-CN', 'zh-TW']),
	/** Site ids (lib/adapters) the user switched off. */
	disabledSites: z.array(z.string()),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {passports: [], language: 'auto', disabledSites: []};

/** Reads whatever is stored; every field that does not validate falls back to its default. Never throws. */
export function parseSettings(stored: unknown): Settings {
	const whole = SettingsSchema.safeParse(stored);
	if (whole.success) return {...whole.data, passports: [...new Set(whole.data.passports)]};
	const input = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
	const field = <K extends keyof Settings>(key: K): Settings[K] => {
		const r = SettingsSchema.shape[key].safeParse(input[key]);
		return r.success ? (r.data as Settings[K]) : DEFAULT_SETTINGS[key];
	};
	const passports = Array.isArray(input.passports)
		? [...new Set(input.passports.filter((p): p is string => typeof p === 'string' && COUNTRY_CODES.has(p)))].slice(0, 8)
		: DEFAULT_SETTINGS.passports;
	return {passports, language: field('language'), disabledSites: field('disabledSites')};
}
