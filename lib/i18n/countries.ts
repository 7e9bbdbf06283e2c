import countries from 'i18n-iso-countries';
import type {Locale} from './reason-text';

const TAG: Record<Locale, string> = {en: 'en', 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant'};
const names = new Map<Locale, Intl.DisplayNames>();

/** The code list is ISO 3166-1 (i18n-iso-countries); names come from the browser's own Intl data, in every UI language. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function countryName(code: string, locale: Locale): string {
	let n = names.get(locale);
	if (!n) {
		n = new Intl.DisplayNames([TAG[locale]], {type: 'region', fallback: 'code'});
		names.set(locale, n);
	}
	return n.of(code) ?? code;
}

export function countryOptions(locale: Locale): {code: string; name: string}[] {
	const collator = new Intl.Collator(TAG[locale]);
	return COUNTRY_CODES.map((code) => ({code, name: countryName(code, locale)})).sort((a, b) => collator.compare(a.name, b.name));
}
