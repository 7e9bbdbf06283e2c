/**
 * The stacked e-ticket table reader (lib/extract/ticket-table.ts). The real receipt it was made for, Iberia's
 * (test/fixtures/etickets/KDE__kitinerary__iberia_1.txt), runs in text-fixtures.test.ts; these rows are written here in
 * its layout, with flights through mainland China (made up: no real receipt of this layout connects there) and with
 * the rows it must not read.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {detectText} from '../../../lib/detect';
import {parseTicketTable} from '../../../lib/extract/ticket-table';
import {detectInText} from '../../../lib/extract/generic-text';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();
const HEADER = [
	'Ausgangspunkt/Zielort     Flug              Abflug       Ankunft    Nicht gültig           Klasse - Tarif',
	'Origin/Destination        Flight            Departure    Arrival    Not Valid              Class - Fare',
];
const table = (...rows: string[]) => ['Your electronic ticket and itinerary.', ...HEADER, ...rows].join('\n');
const flight = (number: string, dates: string, origin: string, clocks: string, destination: string) => [
	` Von /From                ${number}            ${dates}     Vor dem /Before        Y`,
	` ${origin.padEnd(42)}${clocks}      01-Jan                 YLOW`,
	' Nach /To                                                Terminal 3 Nach /After',
	` ${destination.padEnd(67)}31-Dec`,
	'                           Durchgeführt von /Operated by',
	'                           : Air China',
];

describe('parseTicketTable', () => {
	it('reads each flight from its four rows: flight and dates, origin and clocks, then the destination', () => {
		const text = table(
			...flight('CA938', '12-Jan       13-Jan', 'London (LHR)', '21:25        14:40', 'Beijing (PEK)'),
			...flight('CA925', '14-Jan       14-Jan', 'Beijing (PEK)', '09:10        13:35', 'Tokyo (NRT)'),
		);
		expect(parseTicketTable(text)).toEqual([
			{
				segments: [
					{
						from: 'LHR',
						to: 'PEK',
						flight: 'CA938',
						departs: {date: '12-Jan', time: '21:25'},
						arrives: {date: '13-Jan', time: '14:40'},
					},
					{
						from: 'PEK',
						to: 'NRT',
						flight: 'CA925',
						departs: {date: '14-Jan', time: '09:10'},
						arrives: {date: '14-Jan', time: '13:35'},
					},
				],
			},
		]);
		const d = detectText(text, '2026-12-01', rules);
		expect(d.itineraries.map((i) => i.segments)).toEqual([
			[
				{from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', arrival: '2027-01-13T14:40', flight: 'CA938'},
				{from: 'PEK', to: 'NRT', departure: '2027-01-14T09:10', arrival: '2027-01-14T13:35', flight: 'CA925'},
			],
		]);
	});

	it('reads the same rows copied with single spaces, as a PDF viewer gives them', () => {
		const text = table(
			...flight('CA938', '12-Jan 13-Jan', 'London (LHR)', '21:25 14:40', 'Beijing (PEK)').map((r) => r.replace(/\s+/g, ' ').trim()),
		);
		expect(detectText(text, '2026-12-01', rules).itineraries.map((i) => i.segments)).toEqual([
			[{from: 'LHR', to: 'PEK', departure: '2027-01-12T21:25', arrival: '2027-01-13T14:40', flight: 'CA938'}],
		]);
	});

	it('places an arrival clock before the departure’s by the time zones when its row gives one date only', () => {
		const text = table(...flight('CA938', '12-Jan', 'London (LHR)', '21:25        14:40', 'Beijing (PEK)'));
		expect(detectText(text, '2026-12-01', rules).itineraries[0]!.segments[0]).toMatchObject({
			departure: '2027-01-12T21:25',
			arrival: '2027-01-13T14:40',
		});
	});

	it('checks with the time zones an arrival clock after the departure’s when its row gives one date only', () => {
		// 13:00 in New York is 17:00 UTC; 16:50 in Beijing the same day would be 08:50 UTC: the next day it is.
		const text = table(...flight('CA982', '15-Mar', 'New York (JFK)', '13:00        16:50', 'Beijing (PEK)'));
		expect(detectText(text, '2026-12-01', rules).itineraries[0]!.segments[0]).toMatchObject({
			departure: '2027-03-15T13:00',
			arrival: '2027-03-16T16:50',
		});
		const domestic = table(...flight('MU5102', '15-Mar', 'Beijing (PEK)', '08:00        10:15', 'Shanghai (PVG)'));
		expect(detectText(domestic, '2026-12-01', rules).itineraries[0]!.segments[0]).toMatchObject({arrival: '2027-03-15T10:15'});
	});

	it('takes the dates before the clocks on their row when the From row has none, never the Not Valid dates after them', () => {
		const text = table(
			' Von /From                MU588',
			' Shanghai (PVG)      02-Mar 13:05      02-Mar 18:55      25-Feb',
			' Nach /To',
			' New York (JFK)                              02-Mar',
		);
		expect(detectText(text, '2026-12-01', rules).itineraries.map((i) => i.segments)).toEqual([
			[{from: 'PVG', to: 'JFK', departure: '2027-03-02T13:05', arrival: '2027-03-02T18:55', flight: 'MU588'}],
		]);
	});

	it('reads airports named without a code, and reports a name the table does not know', () => {
		const named = table(...flight('CA938', '12-Jan       13-Jan', 'London Heathrow', '21:25        14:40', 'Beijing Capital')).replace(
			'31-Dec',
			'',
		);
		expect(detectText(named, '2026-12-01', rules).itineraries[0]!.segments[0]).toMatchObject({from: 'LHR', to: 'PEK'});
		const unknown = table(...flight('CA938', '12-Jan       13-Jan', 'Zzyzx Qwerty', '21:25        14:40', 'Beijing (PEK)'));
		const d = detectText(unknown, '2026-12-01', rules);
		expect(d.itineraries).toEqual([]);
		expect(d.unknownAirports).toEqual([{from: 'Zzyzx Qwerty', to: 'PEK', flight: 'CA938', unknown: ['Zzyzx Qwerty']}]);
	});

	it('keeps a flight whose rows it cannot read as unread, so the flights around it are checked apart', () => {
		const text = table(
			...flight('CA938', '12-Jan       13-Jan', 'London (LHR)', '21:25        14:40', 'Beijing (PEK)'),
			// Three clocks: which are the departure and the arrival is not for the reader to guess.
			...flight('CA925', '14-Jan       14-Jan', 'Beijing (PEK)', '07:40  09:10  13:35', 'Tokyo (NRT)'),
			...flight('JL43', '20-Jan       20-Jan', 'Tokyo (HND)', '11:25        15:50', 'London (LHR)'),
		);
		const d = detectText(text, '2026-12-01', rules);
		expect(d.itineraries.map((i) => i.segments.map((s) => s.flight))).toEqual([['CA938'], ['JL43']]);
		expect(d.excluded).toEqual([
			expect.objectContaining({flight: 'CA925', status: 'unread', line: expect.stringContaining('Von /From                CA925')}),
		]);
	});

	it('keeps a From row without a To row under it as unread too', () => {
		const text = table(
			' Von /From                CA938            12-Jan       13-Jan',
			' London (LHR)                               21:25        14:40',
			' Von /From                CA925            14-Jan       14-Jan',
			' Beijing (PEK)                              09:10        13:35',
			' Nach /To',
			' Tokyo (NRT)',
		);
		expect(parseTicketTable(text)[0]!.segments).toEqual([
			{from: 'PEK', to: 'NRT', flight: 'CA925', departs: {date: '14-Jan', time: '09:10'}, arrives: {date: '14-Jan', time: '13:35'}},
		]);
		expect(parseTicketTable(text)[0]!.excluded).toEqual([
			{line: 'Von /From                CA938            12-Jan       13-Jan', flight: 'CA938', status: 'unread', code: 'unread'},
		]);
	});

	it('leaves a text whose table gives no flight whole to the line reader', () => {
		const text = [
			HEADER[1],
			' Von /From                CA938            12-Jan       13-Jan',
			'Flight:                       CA938, Air China',
			'Date:                         Tue 12 Jan 2027',
			'Departure:                    21:25 Heathrow(LHR), London',
			'Date:                         Wed 13 Jan 2027',
			'Arrival:                      14:40 Capital(PEK), Beijing',
		].join('\n');
		expect(parseTicketTable(text)).toEqual([{segments: [], excluded: [expect.objectContaining({flight: 'CA938', status: 'unread'})]}]);
		expect(detectInText(text, rules)).toEqual([
			{
				segments: [
					{
						from: 'LHR',
						to: 'PEK',
						flight: 'CA938',
						departs: {date: 'Tue 12 Jan 2027', time: '21:25'},
						arrives: {date: 'Wed 13 Jan 2027', time: '14:40'},
					},
				],
			},
		]);
	});

	it('reads nothing without a header naming the flight, then the departure and the arrival, or without a flight number', () => {
		const rows = flight('CA938', '12-Jan       13-Jan', 'London (LHR)', '21:25        14:40', 'Beijing (PEK)');
		expect(parseTicketTable(rows.join('\n'))).toEqual([]);
		expect(parseTicketTable(['Flight   Arrival   Departure', ...rows].join('\n'))).toEqual([]);
		expect(parseTicketTable(table(...rows.map((r) => r.replace('CA938', 'Y'))))).toEqual([]);
		// Prose that starts a line with From and To is no row without a flight number.
		expect(parseTicketTable(table('From London you fly overnight', 'to Beijing and on to Tokyo.'))).toEqual([]);
	});

	it('reads the real Iberia receipt’s four flights', () => {
		const text = readFileSync(new URL('../../fixtures/etickets/KDE__kitinerary__iberia_1.txt', import.meta.url), 'utf8');
		expect(parseTicketTable(text)[0]!.segments.map((s) => `${s.flight} ${s.from}-${s.to}`)).toEqual([
			'IB3677 TXL-MAD',
			'IB8588 MAD-LEI',
			'IB8603 LEI-MAD',
			'IB3186 MAD-TXL',
		]);
	});
});
