/**
 * Countries by name in a sentence: English puts "the" before some ("from the United States", "for the Netherlands"),
 * Chinese before none; and no English text starts a sentence with a country, where the article would need a capital.
 */
import {describe, expect, it} from 'vitest';
import {countryInSentence, countryName} from '../../../lib/i18n/country-name';
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

	it('starts no English sentence with a country', () => {
		const countryFirst = /(^|[.!?:]\s+)\{(passport|country|from|to)\}/u;
		for (const [code, text] of Object.entries(REASON_TEXT)) expect(text.en, code).not.toMatch(countryFirst);
		for (const key of ['passportUsed', 'stopRoute', 'passportDuplicate'] as const)
			expect(MESSAGES[key].en, key).not.toMatch(countryFirst);
	});
});
