/**
 * The user's settings: shape, defaults, migrations and how a stored value is read. Pure; storage glue lives in
 * components/settings-store.ts. A corrupt or outdated stored value falls back to defaults, field by field. Checked by
 * hand, without a validation library: the content script reads settings on every results page.
 */
import {COUNTRY_CODES} from './country-codes';

/** Bump when the shape changes, and add the step to MIGRATIONS. */
export const SETTINGS_VERSION = 3;

export const DETAIL_LEVELS = ['compact', 'standard', 'detailed'] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];

/** `https://agent.example.com` or `http://127.0.0.1:8080`: a site the user asked us to always scan. */
const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

const LANGUAGES = ['auto', 'en', 'zh-CN', 'zh-TW'] as const;
const MAX_PASSPORTS = 8;
const MAX_EXTRA_SITES = 50;

export type Settings = {
	/** ISO 3166-1 alpha-2 codes of the passports the traveller holds, in the order added (at most 8). */
	passports: string[];
	language: (typeof LANGUAGES)[number];
	/** Site ids (lib/adapters) the user switched off. */
	disabledSites: string[];
	/** How much a badge says on the page (the details card is the same at every level). */
	detailLevel: DetailLevel;
	/** Origins outside the built-in list where the generic detector always runs (each one a granted host permission; at most 50). */
	extraSites: string[];
	/**
	 * Signed rules updates (lib/rules/signed-update.ts): checked for once a day when on. Off unless the user turns it on;
	 * only builds with an update URL offer the switch.
	 */
	rulesUpdates: boolean;
};

export const DEFAULT_SETTINGS: Settings = {
	passports: [],
	language: 'auto',
	disabledSites: [],
	detailLevel: 'standard',
	extraSites: [],
	rulesUpdates: false,
};

/**
 * Steps from one stored version to the next, keyed by the version they produce (WXT storage runs them in order when
 * it finds an older `version` beside the value). Each step takes whatever was stored and must not throw.
 */
export const MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
	// v2 added the badge detail level and the user's own sites; everything in v1 keeps its meaning.
	// (Fields already there are kept: a value written without its version beside it is read as v1.)
	2: (stored) => ({
		detailLevel: DEFAULT_SETTINGS.detailLevel,
		extraSites: DEFAULT_SETTINGS.extraSites,
		...(isRecord(stored) ? stored : {}),
	}),
	// v3 added the rules-updates switch, off.
	3: (stored) => ({rulesUpdates: false, ...(isRecord(stored) ? stored : {})}),
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

const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (values as readonly string[]).includes(value);

/** The strings of a stored list that pass `ok`, each once, at most `max`; the default where it is not a list. */
function list(value: unknown, ok: (s: string) => boolean, max: number, fallback: string[]): string[] {
	if (!Array.isArray(value)) return fallback;
	return [...new Set(value.filter((s): s is string => typeof s === 'string' && ok(s)))].slice(0, max);
}

/**
 * Reads whatever is stored; every field that does not validate falls back to its default, and lists keep the entries
 * that do (a passport code that is not ISO 3166-1, a site that is not an origin, are dropped). Never throws.
 */
export function parseSettings(stored: unknown): Settings {
	const input = isRecord(stored) ? stored : {};
	return {
		passports: list(input.passports, (c) => COUNTRY_CODES.has(c), MAX_PASSPORTS, DEFAULT_SETTINGS.passports),
		language: oneOf(LANGUAGES, input.language) ? input.language : DEFAULT_SETTINGS.language,
		disabledSites:
			Array.isArray(input.disabledSites) && input.disabledSites.every((s) => typeof s === 'string')
				? [...(input.disabledSites as string[])]
				: DEFAULT_SETTINGS.disabledSites,
		detailLevel: oneOf(DETAIL_LEVELS, input.detailLevel) ? input.detailLevel : DEFAULT_SETTINGS.detailLevel,
		extraSites: list(input.extraSites, (s) => ORIGIN.test(s), MAX_EXTRA_SITES, DEFAULT_SETTINGS.extraSites),
		rulesUpdates: input.rulesUpdates === true,
	};
}
