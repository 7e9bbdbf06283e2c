import {describe, expect, it} from 'vitest';
import {DEFAULT_SETTINGS, parseSettings} from '../../lib/settings';

describe('stored settings', () => {
	it('reads a valid value as it is', () => {
		expect(parseSettings({passports: ['US', 'FR'], language: 'zh-TW', disabledSites: ['kayak']})).toEqual({passports: ['US', 'FR'], language: 'zh-TW', disabledSites: ['kayak']});
	});

	it.each([undefined, null, 'garbage', 42, [], {passports: 'US'}])('falls back to defaults for %j, never throws', (stored) => {
		expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
	});

	it('keeps the good fields of a partly corrupt value', () => {
		expect(parseSettings({passports: ['US', 'XX', 7, 'US'], language: 'klingon', disabledSites: ['skyscanner']})).toEqual({
			passports: ['US'],
			language: 'auto',
			disabledSites: ['skyscanner'],
		});
	});
});
