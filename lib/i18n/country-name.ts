import type {Locale} from './locale';

const TAG: Record<Locale, string> = {en: 'en', 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant'};
const names = new Map<Locale, Intl.DisplayNames>();

/**
 * A country or region's name from its ISO 3166-1 code, in the reader's language, from the browser's (or Node's) own
 * Intl data: no table is carried. A code the data does not know is given back as it is.
 */
export function countryName(code: string, locale: Locale): string {
	let n = names.get(locale);
	if (!n) {
		n = new Intl.DisplayNames([TAG[locale]], {type: 'region', fallback: 'code'});
		names.set(locale, n);
	}
	try {
		return n.of(code) ?? code;
	} catch {
		// Not a well-formed region code (DisplayNames throws a RangeError): shown as the data has it.
		return code;
	}
}
