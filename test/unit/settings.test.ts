import {describe, expect, it} from 'vitest';
import {
	DEFAULT_SETTINGS,
	MIGRATIONS,
	migrateSettings,
	originPattern,
	parseSettings,
	SETTINGS_VERSION,
	siteOrigin,
} from '../../lib/settings';

const FULL = {
	passports: ['US', 'FR'],
	language: 'zh-TW',
	disabledSites: ['kayak'],
	detailLevel: 'compact',
	extraSites: ['https://agent.example.com'],
	rulesUpdates: true,
} as const;

describe('stored settings', () => {
	it('reads a valid value as it is', () => {
		expect(parseSettings(FULL)).toEqual(FULL);
	});

	it.each([undefined, null, 'garbage', 42, [], {passports: 'US'}])('falls back to defaults for %j, never throws', (stored) => {
		expect(parseSettings(stored)).toEqual(DEFAULT_SETTINGS);
	});

	it('keeps the good fields of a partly corrupt value', () => {
		expect(
			parseSettings({
				passports: ['US', 'XX', 7, 'US'],
				language: 'klingon',
				disabledSites: ['skyscanner'],
				detailLevel: 'loud',
				extraSites: ['https://ok.example', 'javascript:alert(1)', 'https://ok.example', 5],
			}),
		).toEqual({
			passports: ['US'],
			language: 'auto',
			disabledSites: ['skyscanner'],
			detailLevel: 'standard',
			extraSites: ['https://ok.example'],
			rulesUpdates: false,
		});
	});
});

describe('migrations', () => {
	it('has a step for every version after the first', () => {
		for (let v = 2; v <= SETTINGS_VERSION; v++) expect(MIGRATIONS[v], `step to v${v}`).toBeTypeOf('function');
	});

	it('brings a v1 value (passports, language, disabled sites) to the current shape and keeps what it said', () => {
		const v1 = {passports: ['GB'], language: 'zh-CN', disabledSites: ['ctrip']};
		expect(migrateSettings(v1, 1)).toEqual({...DEFAULT_SETTINGS, ...v1});
		expect(migrateSettings(v1, undefined)).toEqual({...DEFAULT_SETTINGS, ...v1});
	});

	it('keeps v2 and v3 fields that are already there (a value stored without its version reads as v1)', () => {
		expect(migrateSettings(FULL, 1)).toEqual(FULL);
	});

	it('brings a v2 value to v3 with rules updates off, whatever else it says', () => {
		const {rulesUpdates: _, ...v2} = FULL;
		expect(migrateSettings(v2, 2)).toEqual({...v2, rulesUpdates: false});
		expect(parseSettings({...v2, rulesUpdates: 'yes'}).rulesUpdates).toBe(false);
	});

	it('turns a corrupt old value into defaults, without throwing', () => {
		for (const junk of [null, 'x', [1, 2], {passports: 3}]) expect(migrateSettings(junk, 1)).toEqual(DEFAULT_SETTINGS);
	});

	it('leaves a current value alone', () => {
		expect(migrateSettings(FULL, SETTINGS_VERSION)).toEqual(FULL);
	});
});

describe('user-added sites', () => {
	it.each([
		['agent.example.com', 'https://agent.example.com'],
		['https://booking.agency.example/tool/pnr?x=1', 'https://booking.agency.example'],
		['http://127.0.0.1:8080/x', 'http://127.0.0.1:8080'],
		['HTTPS://Agent.Example.COM', 'https://agent.example.com'],
	])('%s → %s', (text, origin) => {
		expect(siteOrigin(text)).toBe(origin);
	});

	it.each(['', 'file:///etc/passwd', 'chrome://extensions', 'javascript:alert(1)', 'https://', 'ftp://x.example'])(
		'refuses %j',
		(text) => {
			expect(siteOrigin(text)).toBeUndefined();
		},
	);

	it('asks for the whole host, without the port', () => {
		expect(originPattern('https://agent.example.com')).toBe('https://agent.example.com/*');
		expect(originPattern('http://127.0.0.1:8080')).toBe('http://127.0.0.1/*');
	});
});

describe('the passport code list the content script bundles', () => {
	it('is exactly ISO 3166-1 alpha-2 as i18n-iso-countries (which the pages use for names) has it', async () => {
		const {COUNTRY_CODES} = await import('../../lib/country-codes');
		const countries = (await import('i18n-iso-countries')).default;
		expect([...COUNTRY_CODES].sort()).toEqual(Object.keys(countries.getAlpha2Codes()).sort());
	});
});
