import type {Locale} from './locale';

const TAG: Record<Locale, string> = {en: 'en', 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant'};
const names = new Map<string, Intl.DisplayNames>();

/**
 * Regions whose standard name in the Intl data carries their status ("Hong Kong SAR China", 中国香港特别行政区), where
 * the data's short name is how they are written in running text and on a ticket (Hong Kong, 香港; Macao, 澳门). For
 * every other region the short name is an abbreviation (US, UK) or the same, so it is taken for these two only.
 */
const SHORT_NAMED = new Set(['HK', 'MO']);

function displayNames(locale: Locale, style: 'long' | 'short'): Intl.DisplayNames {
	const key = `${locale} ${style}`;
	let n = names.get(key);
	if (!n) {
		n = new Intl.DisplayNames([TAG[locale]], {type: 'region', style, fallback: 'code'});
		names.set(key, n);
	}
	return n;
}

function nameOf(code: string, locale: Locale, style: 'long' | 'short'): string {
	try {
		return displayNames(locale, style).of(code) ?? code;
	} catch {
		// Not a well-formed region code (DisplayNames throws a RangeError): shown as the data has it.
		return code;
	}
}

/**
 * A country or region's name from its ISO 3166-1 code, in the reader's language, from the browser's (or Node's) own
 * Intl data: no table is carried. A code the data does not know is given back as it is. As a label or before a noun
 * ("United States", "United States passports"); in a sentence, where English puts an article, `countryInSentence`.
 */
export function countryName(code: string, locale: Locale): string {
	return nameOf(code, locale, SHORT_NAMED.has(code) ? 'short' : 'long');
}

/** "France (FR), India (IN)", "法国 (FR)、印度 (IN)": countries named for the reader, with the codes a record prints. */
export function countryList(codes: readonly string[], locale: Locale): string {
	return codes.map((c) => `${countryName(c, locale)} (${c})`).join(locale === 'en' ? ', ' : '、');
}

/** Every name a reader may type for a region: the one shown, and for Hong Kong and Macao the full one too. */
export function countryNamesTyped(code: string, locale: Locale): string[] {
	const shown = countryName(code, locale);
	return SHORT_NAMED.has(code) ? [shown, nameOf(code, locale, 'long')] : [shown];
}

/**
 * The countries and regions whose English short names (as Intl gives them) take "the" in running text: plural names
 * and those built on a common noun ("the United States", "the Netherlands", "the Bahamas", "the Cayman Islands"). A
 * grammatical fact of English, not a rule: Chinese has no article.
 */
const WITH_THE = new Set('AE AX BQ BS CC CF CK DO FK FO GB GM HM IO KM KY MH MP MV NL PH PN PS SB TC TF UM US VG VI'.split(' '));

/**
 * The name as a noun in a sentence, not at its start: "from the United States", "for the Netherlands"; in Chinese, and
 * for a country that takes no article ("from France"), the name as `countryName` gives it. A code Intl does not know
 * stays a code, without an article.
 */
export function countryInSentence(code: string, locale: Locale): string {
	const name = countryName(code, locale);
	if (locale !== 'en' || !WITH_THE.has(code) || name === code || /^the /iu.test(name)) return name;
	return `the ${name}`;
}

/** A city code's city (`BJS`: Beijing, 北京) as a reader of the locale writes it. */
export const metroCityName = (metro: {city: string; cityZh: string; cityZhHant: string}, locale: Locale): string =>
	locale === 'en' ? metro.city : locale === 'zh-TW' ? metro.cityZhHant : metro.cityZh;
