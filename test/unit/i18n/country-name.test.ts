/**
 * Countries by name in a sentence: English puts "the" before some ("from the United States", "for the Netherlands"),
 * Chinese before none; and no English text starts a sentence with a country, where the article would need a capital.
 */
import {describe, expect, it} from 'vitest';
import {countryInSentence, countryName} from '../../../lib/i18n/country-name';
import {countryFromInput, countryOptions} from '../../../lib/i18n/countries';
import {MESSAGES} from '../../../lib/i18n/messages';
import {REASON_TEXT} from '../../../lib/i18n/reason-text';
import {readableParams} from '../../../lib/ui/format';

describe('countries in a sentence', () => {
	it('puts the article before the names English gives one, and before no other', () => {
		expect(countryInSentence('US', 'en')).toBe('the United States');
		expect(countryInSentence('GB', 'en')).toBe('the United Kingdom');
		expect(countryInSentence('NL', 'en')).toBe('the Netherlands');
		expect(countryInSentence('PH', 'en')).toBe('the Philippines');
		expect(countryInSentence('AE', 'en')).toBe('the United Arab Emirates');
		expect(countryInSentence('FR', 'en')).toBe('France');
		expect(countryInSentence('KR', 'en')).toBe('South Korea');
		expect(countryInSentence('HK', 'en')).toBe(countryName('HK', 'en'));
	});

	it('leaves Chinese names and unknown codes as they are', () => {
		expect(countryInSentence('US', 'zh-CN')).toBe('美国');
		expect(countryInSentence('US', 'zh-TW')).toBe('美國');
		expect(countryInSentence('XY', 'en')).toBe('XY');
		expect(countryInSentence('not a code', 'en')).toBe('not a code');
	});

	it('names the passport in a reason with its article, and the countries between brackets without', () => {
		expect(readableParams('nationality-not-listed', {passport: 'US'}, 'en')).toEqual({passport: 'the United States'});
		expect(readableParams('third-region', {from: 'US', to: 'NL'}, 'en')).toEqual({from: 'United States', to: 'Netherlands'});
		expect(readableParams('scheduled-end-passed', {what: 'NL', until: '2026-12-31'}, 'en')).toEqual({
			what: 'Netherlands',
			until: '2026-12-31',
		});
	});

	it('names Hong Kong and Macao as people write them, not with their status, and still reads the full names typed', () => {
		expect([countryName('HK', 'en'), countryName('HK', 'zh-CN'), countryName('HK', 'zh-TW')]).toEqual(['Hong Kong', '香港', '香港']);
		expect([countryName('MO', 'en'), countryName('MO', 'zh-CN'), countryName('MO', 'zh-TW')]).toEqual(['Macao', '澳门', '澳門']);
		expect(readableParams('third-region', {from: 'JP', to: 'HK'}, 'en')).toEqual({from: 'Japan', to: 'Hong Kong'});
		// Every other region keeps its full name (the short style would make the United States "US").
		expect([countryName('US', 'en'), countryName('GB', 'en'), countryName('TW', 'zh-CN')]).toEqual([
			'United States',
			'United Kingdom',
			'台湾',
		]);
		for (const typed of ['Hong Kong', 'hong kong sar china', '香港', '中国香港特别行政区', '中國香港特別行政區', 'Hong Kong (HK)'])
			expect(countryFromInput(typed, 'en'), typed).toBe('HK');
		expect(countryFromInput('Macao SAR China', 'zh-CN')).toBe('MO');
		expect(countryOptions('en').find((o) => o.code === 'HK')?.name).toBe('Hong Kong');
	});

	it('starts no English sentence with a country', () => {
		const countryFirst = /(^|[.!?:]\s+)\{(passport|country|from|to)\}/u;
		for (const [code, text] of Object.entries(REASON_TEXT)) expect(text.en, code).not.toMatch(countryFirst);
		for (const key of ['passportUsed', 'stopRoute', 'passportDuplicate'] as const)
			expect(MESSAGES[key].en, key).not.toMatch(countryFirst);
	});
});
