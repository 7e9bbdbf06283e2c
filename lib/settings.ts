/**
 * The user's settings: shape, defaults, migrations and how a stored value is read. Pure; storage glue lives in
 * components/settings-store.ts. A corrupt or outdated stored value falls back to defaults, field by field.
 */
import countries from 'i18n-iso-countries';
import {z} from 'zod';

/** Bump when the shape changes, and add the step to MIGRATIONS. */
export const SETTINGS_VERSION = 2;
const COUNTRY_CODES = new Set(Object.keys(countries.getAlpha2Codes()));

export const DETAIL_LEVELS = ['compact', 'standard', 'detailed'] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];

/** `https://agent.example.com` or `http://127.0.0.1:8080`: a site the user asked us to always scan. */
const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

export const SettingsSchema = z.object({
	/** ISO 3166-1 alpha-2 codes of the passports the traveller holds, in the order added. */
	passports: z.array(z.string().refine((c) => COUNTRY_CODES.has(c), 'unknown country code')).max(8),
	language: z.enum(['auto', 'en', 'zh-CN', 'zh-TW']),
	/** Site ids (lib/adapters) the user switched off. */
	disabledSites: z.array(z.string()),
	/** How much a badge says on the page (the details card is the same at every level). */
	detailLevel: z.enum(DETAIL_LEVELS),
	/** Origins outside the built-in list where the generic detector always runs (each one a granted host permission). */
	extraSites: z.array(z.string().regex(ORIGIN)).max(50),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {passports: [], language: 'auto', disabledSites: [], detailLevel: 'standard', extraSites: []};

/**
 * Steps from one stored version to the next, keyed by the version they produce (WXT storage runs them in order when
 * it finds an older `version` beside the value). Each step takes whatever was stored and must not throw.
 */
export const MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
	// v2 added the badge detail level and the user's own sites; everything in v1 keeps its meaning.
	// (Fields already there are kept: a value written without its version beside it is read as v1.)
	2: (stored) => ({detailLevel: DEFAULT_SETTINGS.detailLevel, extraSites: DEFAULT_SETTINGS.extraSites, ...(isRecord(stored) ? stored : {})}),
};

function isRecord(value: unknown): value is Record<string, unknown> {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Runs the steps after `fromVersion` (0 or undefined: before versions existed), then reads the result. */
export function migrateSettings(stored: unknown, fromVersion: number | undefined): Settings {
	let value = stored;
	for (let v = (fromVersion ?? 1) + 1; v <= SETTINGS_VERSION; v++) {
		try {
			value = MIGRATIONS[v]?.(value) ?? value;
		} catch {
			value = undefined;
		}
	}
	return parseSettings(value);
}

/** An origin (`https://host[:port]`) from what a person typed or a tab's URL; undefined for anything else. */
export function siteOrigin(text: string): string | undefined {
	try {
		const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text.trim()) ? text.trim() : `https://${text.trim()}`);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
		return ORIGIN.test(url.origin) ? url.origin : undefined;
	} catch {
		return undefined;
	}
}

/** The match pattern for an origin: every page on that host (any port given is dropped: patterns have none). */
export function originPattern(origin: string): string {
	const url = new URL(origin);
	return `${url.protocol}//${url.hostname}/*`;
}

/** Reads whatever is stored; every field that does not validate falls back to its default. Never throws. */
export function parseSettings(stored: unknown): Settings {
	const whole = SettingsSchema.safeParse(stored);
	if (whole.success) return {...whole.data, passports: [...new Set(whole.data.passports)], extraSites: [...new Set(whole.data.extraSites)]};
	const input = isRecord(stored) ? stored : {};
	const field = <K extends keyof Settings>(key: K): Settings[K] => {
		const r = SettingsSchema.shape[key].safeParse(input[key]);
		return r.success ? (r.data as Settings[K]) : DEFAULT_SETTINGS[key];
	};
	const passports = Array.isArray(input.passports)
		? [...new Set(input.passports.filter((p): p is string => typeof p === 'string' && COUNTRY_CODES.has(p)))].slice(0, 8)
		: DEFAULT_SETTINGS.passports;
	const extraSites = Array.isArray(input.extraSites)
		? [...new Set(input.extraSites.filter((s): s is string => typeof s === 'string' && ORIGIN.test(s)))].slice(0, 50)
		: DEFAULT_SETTINGS.extraSites;
	return {passports, language: field('language'), disabledSites: field('disabledSites'), detailLevel: field('detailLevel'), extraSites};
}
