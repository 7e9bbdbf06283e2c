/**
 * The lenient JSON-LD reading of lib/extract/structured-data.ts, without a DOM (the reader asks its root for scripts,
 * and each script for its type and text): objects without commas between them, and numeric dates whose order of day
 * and month the document or a boarding-pass code tells. The real case, Eurowings' `}{` with `02-04-2018 20:40`, is
 * test/fixtures/email/KDE__kitinerary__ew-invalid-json-array.html (text-fixtures.test.ts).
 */
import {describe, expect, it} from 'vitest';
import {extractStructuredData} from '../../../lib/extract/structured-data';

function read(json: string) {
	const script = {
		localName: 'script',
		textContent: json,
		hasAttribute: (name: string) => name === 'type',
		getAttribute: (name: string) => (name === 'type' ? 'application/ld+json' : null),
	};
	return extractStructuredData({querySelectorAll: () => [script]} as unknown as ParentNode);
}

const flight = (n: string, from: string, to: string, departs: string, token?: string) =>
	JSON.stringify({
		'@type': 'FlightReservation',
		reservationNumber: 'XXX007',
		...(token ? {ticketToken: token} : {}),
		reservationFor: {
			'@type': 'Flight',
			flightNumber: n,
			airline: {'@type': 'Airline', iataCode: '4U'},
			departureAirport: {'@type': 'Airport', iataCode: from},
			arrivalAirport: {'@type': 'Airport', iataCode: to},
			departureTime: departs,
		},
	});

describe('JSON-LD objects without commas between them', () => {
	it('reads `}{`, `}\\n{` and `[{…}{…}]` as the objects they are', () => {
		const [a, b] = [flight('8102', 'TXL', 'BRU', '2018-02-02T18:35'), flight('8103', 'BRU', 'TXL', '2018-02-04T20:40')];
		const expected = read(`[${a},${b}]`);
		expect(expected[0]!.segments).toHaveLength(2);
		for (const broken of [`${a}${b}`, `${a}\n${b}`, `[${a}${b}]`, `[${a}\n  ${b}]`]) expect(read(broken)).toEqual(expected);
	});

	it('leaves `}{` inside a string as it is', () => {
		const odd = JSON.stringify({
			'@type': 'Flight',
			name: 'a }{ b',
			flightNumber: 'LH1',
			departureAirport: 'FRA',
			arrivalAirport: 'PEK',
			departureTime: '2026-03-01T10:00',
		});
		expect(read(`${odd}${odd.replace('LH1', 'LH2')}`)[0]!.segments.map((s) => s.flight)).toEqual(['LH1', 'LH2']);
	});

	it('reads nothing from JSON broken in other ways', () => {
		expect(read('{"@type": "Flight", "flightNumber": "LH1",')).toEqual([]);
		expect(read('}{')).toEqual([]);
	});
});

describe('numeric dates (`02-04-2018 20:40`)', () => {
	it('takes the order from a date in the document with a part over 12', () => {
		const got = read(`[${flight('1', 'TXL', 'BRU', '02-04-2018 20:40')},${flight('2', 'BRU', 'TXL', '25-04-2018 07:05')}]`);
		expect(got[0]!.segments.map((s) => s.departs)).toEqual([
			{date: '2018-04-02', time: '20:40'},
			{date: '2018-04-25', time: '07:05'},
		]);
	});

	it("takes the order from the boarding pass's day of the year when the document does not tell it", () => {
		// Day 035 is 4 February: month first.
		const token = 'qrCode:M1KRAUSE/VOLKER        XXX007 BRUTXLEW 8103 035Y012C0030 147>1181W';
		expect(read(flight('8103', 'BRU', 'TXL', '02-04-2018 20:40', token))[0]!.segments[0]!.departs).toEqual({
			date: '2018-02-04',
			time: '20:40',
		});
	});

	it('leaves an ambiguous date out, with its clock, rather than guess; keeps one that reads the same either way', () => {
		const got = read(`[${flight('1', 'TXL', 'BRU', '02-04-2018 20:40')},${flight('2', 'BRU', 'TXL', '03-03-2018 09:00')}]`);
		expect(got[0]!.segments[0]).toEqual({from: 'TXL', to: 'BRU', flight: '4U1'});
		expect(got[0]!.segments[1]!.departs).toEqual({date: '2018-03-03', time: '09:00'});
	});

	it('ignores a boarding-pass code for other airports', () => {
		const token = 'qrCode:M1KRAUSE/VOLKER        XXX007 TXLBRUEW 8102 035Y015D0049';
		expect(read(flight('8103', 'BRU', 'TXL', '02-04-2018 20:40', token))[0]!.segments[0]!.departs).toBeUndefined();
	});
});
