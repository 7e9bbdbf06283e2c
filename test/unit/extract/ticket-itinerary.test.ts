/**
 * The Chinese e-ticket receipt reader (lib/extract/ticket-itinerary.ts) on rows in the receipt's layout. No real
 * receipt was found in public sources (test/fixtures/SOURCES.md); test/fixtures/etickets/synthetic__xingchengdan.txt
 * is written for this project and runs in text-fixtures.test.ts.
 */
import {describe, expect, it} from 'vitest';
import {detectText} from '../../../lib/detect';
import {parseTicketItinerary} from '../../../lib/extract/ticket-itinerary';
import {loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();
const receipt = (...rows: string[]) => ['航空运输电子客票行程单', ...rows].join('\n');

describe('parseTicketItinerary', () => {
	it('pairs each 自/至 row with the next one: the flight, date and departure clock belong to the row it leaves from', () => {
		expect(
			parseTicketItinerary(
				receipt(
					'自 FROM 北京首都 T3   国航   CA1501   Y   2026-06-03   0830   20K',
					'至 TO   上海虹桥 T2   东航   MU5102   Y   2026-06-05   1400   20K',
					'至 TO   北京首都 T2',
				),
				rules,
			),
		).toEqual([
			{
				segments: [
					{from: '北京首都', to: '上海虹桥', flight: 'CA1501', departs: {date: '2026-06-03', time: '0830'}},
					{from: '上海虹桥', to: '北京首都', flight: 'MU5102', departs: {date: '2026-06-05', time: '1400'}},
				],
			},
		]);
	});

	it("takes the airport out of a name run into the carrier's, the longest name the table knows", () => {
		expect(parseTicketItinerary(receipt('自:北京大兴国航CA1 Y 2026年6月3日 08:30', '至：上海浦东东方航空'), rules)).toEqual([
			{segments: [{from: '北京大兴', to: '上海浦东', flight: 'CA1', departs: {date: '2026年6月3日', time: '0830'}}]},
		]);
	});

	it('keeps a name the table does not know as printed, for the normaliser to report', () => {
		const d = detectText(receipt('自 北京首都 CA937 Y 2026-06-03 1330', '至 伦敦希思罗'), '2026-05-01', rules);
		expect(d.itineraries).toEqual([]);
		expect(d.unknownAirports).toEqual([{from: '北京首都', to: '伦敦希思罗', flight: 'CA937', unknown: ['伦敦希思罗']}]);
	});

	it('starts a new trip at each 自 row, and reads nothing without the receipt title, a flight number or a date', () => {
		expect(
			parseTicketItinerary(
				receipt('自 广州白云 CZ3401 Y 2026-07-01 0905', '至 成都天府', '自 成都天府 3U8888 Y 2026-07-09 1800', '至 广州白云'),
				rules,
			),
		).toHaveLength(2);
		expect(parseTicketItinerary('自 北京首都 CA1501 Y 2026-06-03 0830\n至 上海虹桥', rules)).toEqual([]);
		expect(parseTicketItinerary(receipt('自 北京首都 Y 2026-06-03 0830', '至 上海虹桥'), rules)).toEqual([]);
		expect(parseTicketItinerary(receipt('自 北京首都 CA1501 Y 0830', '至 上海虹桥'), rules)).toEqual([]);
		expect(parseTicketItinerary(receipt('至 上海虹桥 CA1501 Y 2026-06-03 0830', '至 北京首都'), rules)).toEqual([]);
		expect(parseTicketItinerary(receipt('票价 FARE CNY 1240.00', '填开日期 2026-05-01'), rules)).toEqual([]);
	});

	it('normalises through the pipeline: a departure clock without a colon, no arrival', () => {
		const d = detectText(receipt('自 FROM 上海浦东 T2 东航 MU5101 Y 2026-06-03 0830', '至 TO 北京首都 T2'), '2026-05-01', rules);
		// No arrival: the earliest the flight can land is its departure, on Beijing's clock at both ends.
		expect(d.itineraries.map((i) => i.segments)).toEqual([
			[{from: 'PVG', to: 'PEK', departure: '2026-06-03T08:30', flight: 'MU5101', arrivalNotBefore: '2026-06-03T08:30'}],
		]);
	});
});
