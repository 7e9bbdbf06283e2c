import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {CLI_TEXT} from '../../lib/i18n/cli-text';
import {countriesFromInput, countryFromInput} from '../../lib/i18n/countries';
import {MESSAGES} from '../../lib/i18n/messages';
import {NOTICE_TEXT, REASON_TEXT, REMINDER_TEXT} from '../../lib/i18n/reason-text';
import {NOTICE_CODES, REASON_CODES, REMINDER_CODES} from '../../lib/rules/reasons';

/** Placeholder names; a Chinese text may take the Chinese form of a name (`{schemeZh}` for `{scheme}`). */
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/Zh$/, '')).sort();

describe('translations', () => {
	const tables = {REASON_TEXT, REMINDER_TEXT, NOTICE_TEXT, MESSAGES, CLI_TEXT} as Record<string, Record<string, Record<string, string>>>;
	it.each(Object.entries(tables))('%s: every entry in en, zh-CN and zh-TW, with the same placeholders', (_name, table) => {
		for (const [key, texts] of Object.entries(table)) {
			for (const locale of ['en', 'zh-CN', 'zh-TW']) expect(texts[locale], `${key} ${locale}`).toBeTruthy();
			expect(placeholders(texts['zh-CN']!), key).toEqual(placeholders(texts.en!));
			expect(placeholders(texts['zh-TW']!), key).toEqual(placeholders(texts.en!));
		}
	});

	it('has a text for every code the engine returns', () => {
		expect(Object.keys(REASON_TEXT).sort()).toEqual([...REASON_CODES].sort());
		expect(Object.keys(REMINDER_TEXT).sort()).toEqual([...REMINDER_CODES].sort());
		expect(Object.keys(NOTICE_TEXT).sort()).toEqual([...NOTICE_CODES].sort());
	});

	it('names the extension in the manifest locales with the same words as the interface', () => {
		for (const [dir, locale] of [
			['en', 'en'],
			['zh_CN', 'zh-CN'],
			['zh_TW', 'zh-TW'],
		] as const) {
			const file = JSON.parse(readFileSync(`public/_locales/${dir}/messages.json`, 'utf8'));
			expect(file.extName.message).toBe(MESSAGES.appName[locale]);
			expect(file.extDescription.message).toBe(MESSAGES.appDescription[locale]);
		}
	});
});

describe('countries typed by hand', () => {
	it.each([
		['FR', 'en', 'FR'],
		['fr', 'en', 'FR'],
		['France (FR)', 'en', 'FR'],
		['france', 'en', 'FR'],
		['法国', 'zh-CN', 'FR'],
		['法國', 'zh-TW', 'FR'],
		['Germany', 'zh-CN', 'DE'],
	] as const)('%s (%s) → %s', (text, locale, code) => {
		expect(countryFromInput(text, locale)).toBe(code);
	});

	it.each(['', 'XX', 'Atlantis', 'F'])('%j names no country', (text) => {
		expect(countryFromInput(text, 'en')).toBeUndefined();
	});

	it('reads a list, drops repeats, and names the first entry it cannot read', () => {
		expect(countriesFromInput('US, fr；美国、Germany', 'zh-CN')).toEqual({ok: true, codes: ['US', 'FR', 'DE']});
		expect(countriesFromInput(' , ', 'en')).toEqual({ok: true, codes: []});
		expect(countriesFromInput('US, Narnia, XX', 'en')).toEqual({ok: false, text: 'Narnia'});
	});
});
