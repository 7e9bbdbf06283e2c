// @vitest-environment jsdom
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {extractStructuredData} from '../../lib/extract/structured-data';
import {emailBody} from '../../lib/extract/email';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {loadRules} from '../../lib/rules/load-rules';
import type {RawItinerary} from '../../lib/itinerary';

const rules = loadRules();
const fixture = (name: string) => readFileSync(`test/fixtures/email/${name}`, 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const ld = (...blocks: string[]) => parse(blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('\n'));

/** A JSON-LD FlightReservation with only what a leg needs. */
const reservation = (number: string | undefined, flight: string, from: string, to: string, dep: string) =>
	JSON.stringify({
		'@context': 'https://schema.org',
		'@type': 'FlightReservation',
		...(number ? {reservationNumber: number} : {}),
		reservationFor: {
			'@type': 'Flight',
			flightNumber: flight,
			airline: {'@type': 'Airline', iataCode: flight.slice(0, 2)},
			departureAirport: {'@type': 'Airport', iataCode: from},
			arrivalAirport: {'@type': 'Airport', iataCode: to},
			departureTime: dep,
		},
	});

describe('KDE captures (values read from the fixture files)', () => {
	it('lh-invalid-microdata: four LH legs under KDEKDE, HTML4 <meta itemprop> inside <head>', () => {
		const got = extractStructuredData(parse(fixture('lh-invalid-microdata.html')));
		expect(got).toEqual([
			{
				segments: [
					{
						from: 'TXL',
						to: 'MUC',
						flight: 'LH2029',
						departs: {date: '2017-04-07', time: '08:30'},
						arrives: {date: '2017-04-07', time: '09:35'},
					},
					{
						from: 'MUC',
						to: 'TLS',
						flight: 'LH2218',
						departs: {date: '2017-04-07', time: '11:10'},
						arrives: {date: '2017-04-07', time: '13:00'},
					},
					{
						from: 'TLS',
						to: 'MUC',
						flight: 'LH2221',
						departs: {date: '2017-04-09', time: '18:15'},
						arrives: {date: '2017-04-09', time: '19:55'},
					},
					{
						from: 'MUC',
						to: 'TXL',
						flight: 'LH2054',
						departs: {date: '2017-04-09', time: '21:30'},
						arrives: {date: '2017-04-09', time: '22:35'},
					},
				],
			},
		] satisfies RawItinerary[]);
	});

	it('lh-invalid-microdata normalises whole: Berlin-Tegel (closed in 2020) is kept in the airport table as closed', () => {
		const [raw] = extractStructuredData(parse(fixture('lh-invalid-microdata.html')));
		// Confirmations and past trips name airports that have closed: data/airports.json keeps TXL, SXF and THF.
		const n = normalizeItinerary(raw!, '2017-01-01', rules);
		expect(n.ok && n.segments.map((s) => [s.from, s.to, s.flight])).toEqual([
			['TXL', 'MUC', 'LH2029'],
			['MUC', 'TLS', 'LH2218'],
			['TLS', 'MUC', 'LH2221'],
			['MUC', 'TXL', 'LH2054'],
		]);
	});

	it('os-two-leg-invalid-microdata: OS232 out, OS225 back under XXX007 despite the broken markup', () => {
		const got = extractStructuredData(parse(fixture('os-two-leg-invalid-microdata.html')));
		expect(got).toEqual([
			{
				segments: [
					{
						from: 'TXL',
						to: 'VIE',
						flight: 'OS232',
						departs: {date: '2028-08-10', time: '17:05'},
						arrives: {date: '2028-08-10', time: '18:25'},
					},
					{
						from: 'VIE',
						to: 'TXL',
						flight: 'OS225',
						departs: {date: '2028-08-18', time: '09:00'},
						arrives: {date: '2028-08-18', time: '10:20'},
					},
				],
			},
		] satisfies RawItinerary[]);
		expect(normalizeItinerary(got[0]!, '2028-01-01', rules)).toEqual({
			ok: true,
			segments: [
				{from: 'TXL', to: 'VIE', flight: 'OS232', departure: '2028-08-10T17:05', arrival: '2028-08-10T18:25'},
				{from: 'VIE', to: 'TXL', flight: 'OS225', departure: '2028-08-18T09:00', arrival: '2028-08-18T10:20'},
			],
		});
	});

	it('synthetic flight-booking.eml: the HTML part holds one JSON-LD UA110 SFO → JFK', () => {
		const body = emailBody(fixture('synthetic-flight-booking.eml'));
		expect(body.text).toContain('Example data taken from https://developers.google.com/gmail/markup/reference/flight-reservation[1].');
		expect(body.html).toMatch(/^<html>/);
		expect(body.html).toMatch(/<\/html>$/);
		const got = extractStructuredData(parse(body.html!));
		// Times are the airports' wall clocks: -08:00 at SFO, -05:00 at JFK; neither offset is applied.
		expect(got).toEqual([
			{
				segments: [
					{
						from: 'SFO',
						to: 'JFK',
						flight: 'UA110',
						departs: {date: '2027-03-04', time: '20:15'},
						arrives: {date: '2027-03-05', time: '06:30'},
					},
				],
			},
		] satisfies RawItinerary[]);
		expect(normalizeItinerary(got[0]!, '2027-01-01', rules)).toEqual({
			ok: true,
			segments: [{from: 'SFO', to: 'JFK', flight: 'UA110', departure: '2027-03-04T20:15', arrival: '2027-03-05T06:30'}],
		});
	});
});

describe('JSON-LD shapes', () => {
	it('an array, with a separate reservation number per itinerary', () => {
		const got = extractStructuredData(
			ld(
				`[${reservation('AAA111', 'CA982', 'JFK', 'PEK', '2026-05-01T13:00:00-04:00')}, ${reservation('BBB222', 'CA123', 'PEK', 'HND', '2026-05-02T08:00:00+08:00')}]`,
			),
		);
		expect(got).toEqual([
			{segments: [{from: 'JFK', to: 'PEK', flight: 'CA982', departs: {date: '2026-05-01', time: '13:00'}}]},
			{segments: [{from: 'PEK', to: 'HND', flight: 'CA123', departs: {date: '2026-05-02', time: '08:00'}}]},
		]);
	});

	it('@graph, and one reservation number across separate scripts, joined in document order', () => {
		const got = extractStructuredData(
			ld(
				`{"@context": "https://schema.org", "@graph": [${reservation('PNR1', 'CA982', 'JFK', 'PEK', '2026-05-01T13:00')}]}`,
				reservation('pnr1', 'CA123', 'PEK', 'HND', '2026-05-03T08:00'),
			),
		);
		expect(got).toEqual([
			{
				segments: [
					{from: 'JFK', to: 'PEK', flight: 'CA982', departs: {date: '2026-05-01', time: '13:00'}},
					{from: 'PEK', to: 'HND', flight: 'CA123', departs: {date: '2026-05-03', time: '08:00'}},
				],
			},
		]);
	});

	it('reservations without a number: one itinerary per contiguous run', () => {
		const got = extractStructuredData(
			ld(
				reservation(undefined, 'MU588', 'JFK', 'PVG', '2026-06-01T10:00'),
				reservation(undefined, 'MU521', 'PVG', 'NRT', '2026-06-02T09:00'),
				reservation('X1', 'NH10', 'NRT', 'JFK', '2026-06-10T11:00'),
				reservation(undefined, 'AA1', 'JFK', 'LAX', '2026-06-12T07:00'),
			),
		);
		expect(got.map((i) => i.segments.map((s) => s.flight))).toEqual([['MU588', 'MU521'], ['NH10'], ['AA1']]);
	});

	it('one reservation per passenger repeats the leg: kept once', () => {
		const r = reservation('P1', 'CZ328', 'LAX', 'CAN', '2026-07-01T23:55');
		expect(extractStructuredData(ld(`[${r}, ${r}]`))).toEqual([
			{segments: [{from: 'LAX', to: 'CAN', flight: 'CZ328', departs: {date: '2026-07-01', time: '23:55'}}]},
		]);
	});

	it('a bare Flight, airport names without codes, a carrier already in flightNumber, prefixed types', () => {
		const got = extractStructuredData(
			ld(
				JSON.stringify({
					'@context': 'http://schema.org',
					'@type': 'http://schema.org/Flight',
					flightNumber: 'HU 7976',
					departureAirport: {'@type': 'Airport', name: 'Beijing Capital International Airport'},
					arrivalAirport: {'@type': 'Airport', name: 'Brussels Airport'},
					departureTime: '2026-08-01',
				}),
			),
		);
		expect(got).toEqual([
			{
				segments: [
					{
						from: 'Beijing Capital International Airport',
						to: 'Brussels Airport',
						flight: 'HU7976',
						departs: {date: '2026-08-01'},
					},
				],
			},
		]);
	});

	it('invents nothing: no airline → no flight, no times → none, a missing airport drops the leg', () => {
		const got = extractStructuredData(
			ld(
				JSON.stringify({
					'@type': 'FlightReservation',
					reservationNumber: 'Q',
					reservationFor: [
						{'@type': 'Flight', flightNumber: '110', departureAirport: {iataCode: 'sfo'}, arrivalAirport: {iataCode: 'JFK'}},
						{'@type': 'Flight', flightNumber: '111', airline: {iataCode: 'UA'}, departureAirport: {iataCode: 'JFK'}},
					],
				}),
			),
		);
		expect(got).toEqual([{segments: [{from: 'SFO', to: 'JFK'}]}]);
	});
});

describe('microdata shapes', () => {
	it('visible-text properties and <time datetime>, https itemtype', () => {
		const doc = parse(`<div itemscope itemtype="https://schema.org/FlightReservation">
			<span itemprop="reservationNumber">ZZ9</span>
			<table><tr><td itemprop="reservationFor" itemscope itemtype="https://schema.org/Flight">
				<span itemprop="airline" itemscope itemtype="https://schema.org/Airline"><b itemprop="iataCode">MU</b></span>
				<span itemprop="flightNumber">0587</span>
				<span itemprop="departureAirport" itemscope itemtype="https://schema.org/Airport"><span itemprop="iataCode">PVG</span></span>
				<time itemprop="departureTime" datetime="2026-09-01T13:05:00+08:00">1:05 PM</time>
				<span itemprop="arrivalAirport" itemscope itemtype="https://schema.org/Airport"><span itemprop="name">John F. Kennedy</span></span>
			</td></tr></table>
		</div>`);
		expect(extractStructuredData(doc)).toEqual([
			{segments: [{from: 'PVG', to: 'John F. Kennedy', flight: 'MU0587', departs: {date: '2026-09-01', time: '13:05'}}]},
		]);
	});

	it('reads only the root it is given', () => {
		const doc = parse(
			`<section id="a">${'<div></div>'}</section><section id="b"><script type="application/ld+json">${reservation('R', 'CA982', 'JFK', 'PEK', '2026-05-01T13:00')}</script></section>`,
		);
		expect(extractStructuredData(doc.getElementById('a')!)).toEqual([]);
		expect(extractStructuredData(doc.getElementById('b')!)).toHaveLength(1);
	});
});

describe('nothing to read', () => {
	it('a page with no structured data', () => {
		expect(extractStructuredData(parse('<html><body><p>Flight LH2029 TXL → MUC</p></body></html>'))).toEqual([]);
	});

	it('invalid JSON-LD is skipped without throwing, and valid blocks beside it still count', () => {
		expect(() => extractStructuredData(ld('{"@type": "FlightReservation", '))).not.toThrow();
		expect(extractStructuredData(ld('{"@type": "FlightReservation", '))).toEqual([]);
		expect(
			extractStructuredData(ld('', 'null', '42', '{oops', reservation('R', 'CA982', 'JFK', 'PEK', '2026-05-01T13:00'))),
		).toHaveLength(1);
	});

	it('a schema.org Event or LodgingReservation', () => {
		const event = JSON.stringify({
			'@context': 'https://schema.org',
			'@type': 'Event',
			name: 'Concert',
			startDate: '2026-05-01T20:00',
			location: {'@type': 'Place', name: 'Hall'},
		});
		const lodging = JSON.stringify({
			'@context': 'http://schema.org',
			'@type': 'LodgingReservation',
			reservationNumber: 'H1',
			reservationFor: {'@type': 'LodgingBusiness', name: 'Hotel'},
			checkinDate: '2026-05-01',
		});
		expect(extractStructuredData(ld(event))).toEqual([]);
		expect(extractStructuredData(ld(lodging))).toEqual([]);
		expect(
			extractStructuredData(
				parse(`<div itemscope itemtype="http://schema.org/LodgingReservation"><meta itemprop="reservationNumber" content="H1">
					<div itemprop="reservationFor" itemscope itemtype="http://schema.org/LodgingBusiness"><meta itemprop="name" content="Hotel"></div></div>`),
			),
		).toEqual([]);
	});
});

describe('emailBody', () => {
	const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/.{20}/g, '$&\r\n');

	it('nested multipart, base64 and quoted-printable, CRLF line ends', () => {
		const eml = [
			'From: a@example.com',
			'Content-Type: multipart/mixed;',
			' boundary="outer"',
			'',
			'preamble',
			'--outer',
			'Content-Type: multipart/alternative; boundary=inner',
			'',
			'--inner',
			'Content-Type: text/plain; charset=utf-8',
			'Content-Transfer-Encoding: quoted-printable',
			'',
			'Abflug M=C3=BCnchen =E2=86=92 Peking, sehr lange Zeile die umbrochen wir=',
			'd.',
			'--inner',
			'Content-Type: text/html; charset="UTF-8"',
			'Content-Transfer-Encoding: base64',
			'',
			b64('<p>北京首都国际机场 → München</p>'),
			'--inner--',
			'--outer',
			'Content-Type: text/html',
			'Content-Disposition: attachment; filename=x.html',
			'',
			'<p>attachment</p>',
			'--outer--',
			'epilogue',
		].join('\r\n');
		expect(emailBody(eml)).toEqual({
			text: 'Abflug München → Peking, sehr lange Zeile die umbrochen wird.',
			html: '<p>北京首都国际机场 → München</p>',
		});
	});

	it('a forwarded message/rfc822, and a single-part message without MIME headers', () => {
		const inner = 'Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n<b>Z=FCrich</b>';
		expect(emailBody(`Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\n${inner}\n--b--\n`)).toEqual({
			html: '<b>Zürich</b>',
		});
		expect(emailBody('Subject: hi\n\nplain body\n')).toEqual({text: 'plain body\n'});
		// A part with no headers of its own is US-ASCII plain text.
		expect(emailBody('Content-Type: multipart/alternative; boundary=b\n\n--b\n\nno headers\n--b--')).toEqual({text: 'no headers'});
	});

	it('never throws on garbage', () => {
		for (const junk of [
			'',
			'\n\n',
			'Content-Type: multipart/mixed\n\nno boundary',
			'Content-Transfer-Encoding: base64\n\n@@@=',
			'Content-Type: text/plain; charset=bogus\nContent-Transfer-Encoding: base64\n\naGk=',
		]) {
			expect(() => emailBody(junk)).not.toThrow();
		}
		expect(emailBody('Content-Type: text/plain; charset=bogus\nContent-Transfer-Encoding: base64\n\naGk=')).toEqual({text: 'hi'});
	});
});
