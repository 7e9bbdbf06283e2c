/**
 * The passengers' nationalities a booking record gives (lib/extract/docs.ts): the passport entries of its `SSR DOCS`
 * items, on a real Galileo record and in the layouts Amadeus and Sabre print, and what they name
 * (lib/i18n/countries.ts countryFromRecord).
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {passengerNationalities} from '../../../lib/extract/docs';
import {countryFromRecord} from '../../../lib/i18n/countries';

describe('passengers’ nationalities from SSR DOCS', () => {
	it('reads the nationality of each passport entry of a real Galileo record, once', () => {
		// Three passengers, `SI.P1/SSRDOCSDLHK1/P/CH/E12345678/CH/07JAN76/F/05JUN23/KONQUI/KATIE`: issuer CH, nationality CH.
		const text = readFileSync('test/fixtures/gds/KDE__kitinerary__travelport-galileo_single-leg-three-passengers.txt', 'utf8');
		expect(passengerNationalities(text)).toEqual(['CH']);
	});

	it('reads the Amadeus and Sabre layouts, three-letter codes and two, in the order given', () => {
		const text = [
			'  3 SSR DOCS CA HK1 P/FRA/12345678/FRA/01JAN80/M/01JAN30/DOE/JOHN/P1',
			'  4 SSR DOCS CA HK1 P/GBR/987654321/USA/02FEB81/F/02FEB31/DOE/JANE/P2',
			'  5.SSR DOCS AA HK1/P/US/123456789/US/03MAR82/M/03MAR32/ROE/RICHARD',
			'3DOCS/P/DE/C01X00T47/DE/04APR83/F/04APR33/MUSTER/ERIKA',
		].join('\n');
		expect(passengerNationalities(text)).toEqual(['FRA', 'USA', 'US', 'DE']);
	});

	it('takes only passport entries with a date of birth: not an address (DOCA), a visa (DOCO) or an entry without its fields', () => {
		const text = [
			'SSR DOCA CA HK1 R/USA/123 MAIN ST/NEW YORK/NY/10001',
			'SSR DOCO CA HK1 /V/12345/BEIJING/01JAN26/CHN',
			'SSR DOCS EK HK1 ////22JUN90/F//MANGALAGIRI/HIMABINDU',
			'SSR DOCS CA HK1 I/FRA/12345678/FRA/01JAN80/M/01JAN30/DOE/JOHN',
			'the DOCS P/FR/ said in a remark',
		].join('\n');
		expect(passengerNationalities(text)).toEqual([]);
	});

	it('names the country of a code as records print it, and nothing for a code that names none', () => {
		expect(['CHE', 'USA', 'CH', 'fr', 'HKG'].map(countryFromRecord)).toEqual(['CH', 'US', 'CH', 'FR', 'HK']);
		expect(['XXX', 'D', 'ZZ', 'ABCD'].map(countryFromRecord)).toEqual([undefined, undefined, undefined, undefined]);
	});
});
