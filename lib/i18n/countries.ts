import countries from 'i18n-iso-countries';
import {countryInSentence, countryList, countryName, countryNamesTyped} from './country-name';
import type {Locale} from './locale';

export {countryInSentence, countryList, countryName};

const TAG: Record<Locale, string> = {en: 'en', 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant'};

/** The code list is ISO 3166-1 (i18n-iso-countries); names come from the browser's own Intl data, in every UI language. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function countryOptions(locale: Locale): {code: string; name: string}[] {
	const collator = new Intl.Collator(TAG[locale]);
	return COUNTRY_CODES.map((code) => ({code, name: countryName(code, locale)})).sort((a, b) => collator.compare(a.name, b.name));
}

/** "France (FR)", "FR", "fr", "France", "法国", "法國" → FR ("Hong Kong" or "Hong Kong SAR China" → HK); undefined when it names no country. */
export function countryFromInput(input: string, locale: Locale): string | undefined {
	const s = input.trim();
	if (!s) return undefined;
	const code = /\(([A-Za-z]{2})\)\s*$/.exec(s)?.[1] ?? (/^[A-Za-z]{2}$/.test(s) ? s : undefined);
	if (code) return COUNTRY_CODES.includes(code.toUpperCase()) ? code.toUpperCase() : undefined;
	const lower = s.toLocaleLowerCase();
	const locales: Locale[] = [locale, 'en', 'zh-CN', 'zh-TW'];
	return COUNTRY_CODES.find((c) => locales.some((l) => countryNamesTyped(c, l).some((name) => name.toLocaleLowerCase() === lower)));
}

/** A list typed in one field ("US, FR", "美国、法国"): the codes, or the first entry that names no country. */
export function countriesFromInput(input: string, locale: Locale): {ok: true; codes: string[]} | {ok: false; text: string} {
	const codes: string[] = [];
	for (const part of input.split(/[,;，、；\n]+/)) {
		if (!part.trim()) continue;
		const code = countryFromInput(part, locale);
		if (!code) return {ok: false, text: part.trim()};
		if (!codes.includes(code)) codes.push(code);
	}
	return {ok: true, codes};
}

/**
 * A country code as a booking record prints it (`US`, `USA`, `CHE`): its ISO 3166-1 alpha-2 code, or undefined where
 * it is neither an alpha-2 nor an alpha-3 code (`D`, the passport zone `XXX`).
 */
export function countryFromRecord(code: string): string | undefined {
	const upper = code.toUpperCase();
	if (upper.length === 2) return COUNTRY_CODES.includes(upper) ? upper : undefined;
	return upper.length === 3 ? countries.alpha3ToAlpha2(upper) : undefined;
}
