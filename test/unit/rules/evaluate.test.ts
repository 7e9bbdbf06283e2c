/**
 * The engine, rule by rule. Each case cites the wording it comes from (source ids as in data/transit-rules.json's
 * sources). Assertions are on statuses and reason codes, never on UI text.
 */
import {describe, expect, it} from 'vitest';
import rawRules from '../../../data/transit-rules.json';
import rawAirports from '../../../data/airports.json';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {rulesChangeBetween} from '../../../lib/rules/engine-rules';
import {dayNumber} from '../../../lib/time';
import {buildRuleSet, loadRules, type RuleSet} from '../../../lib/rules/load-rules';
import type {PolicyId, Stop} from '../../../lib/rules/types';
import type {SegmentInput} from '../../../lib/itinerary';
import {seg} from './segments';
import {validateTrip} from '../../../lib/rules/validate';
import {summarize} from '../../../lib/ui/summary';

const rules = loadRules();
const TODAY = '2026-01-10';

function check(passports: string[], segments: SegmentInput[], options: {today?: string; ruleSet?: RuleSet} = {}) {
	const ruleSet = options.ruleSet ?? rules;
	const valid = validateTrip({passports, segments}, ruleSet);
	if (!valid.ok) throw new Error(valid.error);
	return evaluateTrip(valid.trip, ruleSet, {today: options.today ?? TODAY});
}

function only(stops: Stop[]): Stop {
	expect(stops).toHaveLength(1);
	return stops[0]!;
}

function verdict(stop: Stop, policy: PolicyId) {
	return stop.verdicts.find((v) => v.policy === policy)!;
}

function codes(stop: Stop, policy: PolicyId) {
	return verdict(stop, policy).reasons.map((r) => r.code);
}

describe('24-hour direct transit (Exit and Entry Administration Law art. 22(3) [S18]; NIA [S19][S1])', () => {
	it("the brief's example: US passport, JFK → PEK → NRT with 2 h 30 at Beijing Capital", () => {
		const stop = only(
			check(
				['US'],
				[
					seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00', {flight: 'CA982'}),
					seg('PEK', 'NRT', '2026-03-16T18:30', '2026-03-16T22:45'),
				],
			).stops,
		);
		expect(stop).toMatchObject({
			airports: ['PEK'],
			arrival: '2026-03-16T16:00',
			departure: '2026-03-16T18:30',
			from: 'US',
			to: 'JP',
			best: 'transit24',
		});
		expect(verdict(stop, 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: true});
		expect(verdict(stop, 'transit240')).toMatchObject({status: 'eligible', passport: 'US', deadline: '2026-03-27T00:00'});
		expect(verdict(stop, 'visaFree')).toMatchObject({status: 'ineligible', passport: 'US'});
	});

	it('applies to any nationality: "citizens of all other countries" [S21]', () => {
		const stop = only(
			check(
				['IN'],
				[seg('DEL', 'PVG', '2026-03-15T23:00', '2026-03-16T07:30'), seg('PVG', 'LAX', '2026-03-16T12:00', '2026-03-16T08:30')],
			).stops,
		);
		expect(verdict(stop, 'transit24').status).toBe('eligible');
		expect(verdict(stop, 'transit240').status).toBe('ineligible');
		expect(codes(stop, 'transit240')).toContain('nationality-not-listed');
		expect(stop.best).toBe('transit24');
	});

	it('"not more than 24 hours" [S18]: exactly 24 h is within, one minute more is not', () => {
		const at = (dep: string) =>
			only(
				check(['US'], [seg('LAX', 'CAN', '2026-05-01T00:30', '2026-05-02T06:00'), seg('CAN', 'SIN', dep, '2026-05-03T10:00')])
					.stops,
			);
		expect(verdict(at('2026-05-03T06:00'), 'transit24').status).toBe('eligible');
		const over = at('2026-05-03T06:01');
		expect(verdict(over, 'transit24').status).toBe('ineligible');
		expect(codes(over, 'transit24')).toContain('over-24h');
		expect(over.best).toBe('transit240'); // US on the 55-country list, CAN an entry port [S1]
	});

	it('a domestic leg means leaving the port: direct transit only with a temporary entry permit, which the border decides [S18 art. 22(3), 23(2)][S19c][S43]', () => {
		const stop = only(
			check(
				['US'],
				[
					seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
					seg('PEK', 'SHA', '2026-03-16T18:00', '2026-03-16T20:10'),
					seg('SHA', 'HND', '2026-03-17T08:00', '2026-03-17T11:50'),
				],
			).stops,
		);
		expect(stop.airports).toEqual(['PEK', 'SHA']);
		expect(stop.domesticLegs).toBe(1);
		const t24 = verdict(stop, 'transit24');
		expect(t24.status).toBe('conditional');
		expect(t24.reasons.find((r) => r.code === 'domestic-leg')).toMatchObject({kind: 'info', params: {count: 1}});
		expect(t24.reasons.find((r) => r.code === 'temporary-entry-needed')).toMatchObject({kind: 'doubt', sources: ['S18', 'S19', 'S43']});
		// Leaving the port, the traveller goes through border inspection: no exemption.
		expect(t24.inspectionExempt).toBe(false);
		// 240 h allows travel across the permitted areas since 2024-12-17 [S7]
		expect(verdict(stop, 'transit240').status).toBe('eligible');
		expect(stop.best).toBe('transit240');
	});

	it('changing airports (PVG → SHA) means leaving the port: a temporary entry permit, not a plain no, for a passport with nothing else (India) [S43d][S19c]', () => {
		const trip = (passport: string, leave: string) =>
			only(
				check(
					[passport],
					[seg('LHR', 'PVG', '2027-01-10T12:00', '2027-01-11T06:00'), seg('SHA', 'ICN', leave, '2027-01-12T17:00')],
					{
						today: '2026-12-03',
					},
				).stops,
			);
		const stop = trip('IN', '2027-01-11T14:00');
		expect(stop.airports).toEqual(['PVG', 'SHA']);
		expect(codes(stop, 'transit24')).toEqual(expect.arrayContaining(['airport-change', 'temporary-entry-needed']));
		expect(verdict(stop, 'transit24').status).toBe('conditional');
		expect(verdict(stop, 'transit240').status).toBe('ineligible');
		expect(verdict(stop, 'visaFree').status).toBe('ineligible');
		// No route is sure, one is open: the badge says to check, not "no visa-free route found".
		expect(stop.best).toBeNull();
		expect(summarize({stops: [stop]} as Parameters<typeof summarize>[0], 'structured', 'en')?.text).toBe('Check: 1 thing');
		// Over 24 hours the permit does not help: the transit does not apply, and the permit is not offered.
		const long = trip('IN', '2027-01-12T07:00');
		expect(verdict(long, 'transit24').status).toBe('ineligible');
		expect(codes(long, 'transit24')).toEqual(expect.arrayContaining(['airport-change', 'over-24h']));
		expect(codes(long, 'transit24')).not.toContain('temporary-entry-needed');
	});

	it('where the data says the border grants no temporary entry for a transit, leaving the port fails it (a data change)', () => {
		const data = structuredClone(rawRules);
		data.policies.transit24.leavingThePort.temporaryEntry = false;
		const ruleSet = buildRuleSet(data, rawAirports);
		const stop = only(
			check(
				['US'],
				[seg('SFO', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'), seg('SHA', 'ICN', '2026-03-17T09:00', '2026-03-17T12:00')],
				{
					ruleSet,
				},
			).stops,
		);
		expect(verdict(stop, 'transit24').status).toBe('ineligible');
		expect(verdict(stop, 'transit24').reasons.find((r) => r.code === 'airport-change')?.kind).toBe('fails');
		expect(codes(stop, 'transit24')).not.toContain('temporary-entry-needed');
	});

	it('the policy’s flags say what leaving the port is: another airport (staysAtOneAirport), a domestic flight (domesticLegsAllowed) (a data change)', () => {
		const trip = (ruleSet?: ReturnType<typeof buildRuleSet>) =>
			only(
				check(
					['US'],
					[
						seg('SFO', 'PEK', '2026-03-15T11:00', '2026-03-16T15:00'),
						seg('PEK', 'SHA', '2026-03-16T17:00', '2026-03-16T19:10'),
						seg('PVG', 'HND', '2026-03-17T08:00', '2026-03-17T11:50'),
					],
					{ruleSet},
				).stops,
			);
		const withFlags = (stays: boolean, domestic: boolean) => {
			const data = structuredClone(rawRules);
			data.policies.transit24.staysAtOneAirport = stays;
			data.policies.transit24.domesticLegsAllowed = domestic;
			return buildRuleSet(data, rawAirports);
		};
		// The bundled data: a domestic flight is leaving the port (the first reason said), and so is another airport.
		expect(codes(trip(), 'transit24')).toEqual(expect.arrayContaining(['domestic-leg', 'temporary-entry-needed']));
		// Domestic flights allowed: the change of airports (PEK, then PVG) is what leaves the port.
		const domesticOk = trip(withFlags(true, true));
		expect(codes(domesticOk, 'transit24')).toEqual(expect.arrayContaining(['airport-change', 'temporary-entry-needed']));
		expect(codes(domesticOk, 'transit24')).not.toContain('domestic-leg');
		// Both allowed: nothing leaves the port, and the transit within 24 hours is a plain yes.
		const both = trip(withFlags(false, true));
		expect(codes(both, 'transit24')).not.toEqual(expect.arrayContaining(['airport-change']));
		expect(codes(both, 'transit24')).not.toContain('temporary-entry-needed');
		expect(verdict(both, 'transit24').status).toBe('eligible');
	});

	it('onward to the same country is not a third country: US → PEK → US [S19c][S1]', () => {
		const stop = only(
			check(
				['US'],
				[seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'EWR', '2026-03-16T20:00', '2026-03-16T21:00')],
			).stops,
		);
		expect(codes(stop, 'transit24')).toContain('onward-same-region');
		expect(codes(stop, 'transit240')).toContain('onward-same-region');
		expect(stop.best).toBeNull();
	});

	it('airside stays skip inspection only at the listed airports, from their listing date: Tianjin from 2025-11-05 [S1]', () => {
		const at = (day: string) =>
			only(
				check(['US'], [seg('ICN', 'TSN', `${day}T09:00`, `${day}T10:00`), seg('TSN', 'NRT', `${day}T14:00`, `${day}T18:00`)]).stops,
			);
		expect(verdict(at('2025-11-04'), 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: false});
		expect(verdict(at('2025-11-05'), 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: true});
		// Shanghai Hongqiao is not on the list: still visa-free, but with border inspection [exempt list]
		const sha = only(
			check(
				['US'],
				[seg('ICN', 'SHA', '2026-01-20T09:00', '2026-01-20T10:00'), seg('SHA', 'NRT', '2026-01-20T14:00', '2026-01-20T18:00')],
			).stops,
		);
		expect(verdict(sha, 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: false});
		expect(codes(sha, 'transit24')).toContain('inspection-required');
	});

	it('separate tickets rule out staying airside: the law asks for a connecting ticket [S18][S43]', () => {
		const stop = only(
			check(
				['US'],
				[
					seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
					seg('PEK', 'NRT', '2026-03-16T21:30', '2026-03-17T01:45', {separateTickets: true}),
				],
			).stops,
		);
		expect(verdict(stop, 'transit24')).toMatchObject({status: 'conditional', inspectionExempt: false});
		expect(codes(stop, 'transit24')).toContain('separate-tickets');
	});

	it('without times the length cannot be checked: conditional, never eligible', () => {
		const stop = only(check(['US'], [seg('JFK', 'PEK'), seg('PEK', 'NRT')]).stops);
		expect(verdict(stop, 'transit24').status).toBe('conditional');
		expect(codes(stop, 'transit24')).toContain('times-missing');
		expect(verdict(stop, 'transit240').status).toBe('conditional');
		expect(stop.best).toBeNull();
	});

	it('dates without clocks: the same day is within 24 h, the next day cannot be told, two days is over', () => {
		const on = (arr: string, dep: string) =>
			verdict(only(check([], [seg('JFK', 'PEK', undefined, arr), seg('PEK', 'NRT', dep)]).stops), 'transit24').status;
		expect(on('2026-03-16', '2026-03-16')).toBe('eligible');
		expect(on('2026-03-16', '2026-03-17')).toBe('conditional');
		expect(on('2026-03-16', '2026-03-18')).toBe('ineligible');
	});

	it('before 2013-07-01 our sources are silent (the 2013 law [S18a] replaced an older one): a doubt that says so, never "not in force"', () => {
		const trip = (ruleSet?: RuleSet) =>
			only(
				check(
					['IN'],
					[seg('DEL', 'PVG', '2012-03-01T01:00', '2012-03-01T10:00'), seg('PVG', 'NRT', '2012-03-01T20:00', '2012-03-02T01:00')],
					{today: '2012-01-10', ruleSet},
				).stops,
			);
		const before = verdict(trip(), 'transit24');
		expect(before.status).toBe('conditional');
		expect(before.reasons.find((r) => r.code === 'policy-date-unverified')).toMatchObject({
			kind: 'doubt',
			params: {since: '2013-07-01'},
		});
		expect(before.reasons.map((r) => r.code)).not.toContain('policy-not-in-force');
		// The same trip a day after the law took effect: within 24 h, to a third country, a plain yes.
		const after = only(
			check(
				['IN'],
				[seg('DEL', 'PVG', '2013-07-02T01:00', '2013-07-02T10:00'), seg('PVG', 'NRT', '2013-07-02T20:00', '2013-07-03T01:00')],
			).stops,
		);
		expect(verdict(after, 'transit24').status).toBe('eligible');
		// Where the data knows when a policy began (no `sinceExact: false`), a trip before it is a plain no (a data change).
		const data = structuredClone(rawRules);
		delete (data.policies.transit24 as {sinceExact?: false}).sinceExact;
		const known = verdict(trip(buildRuleSet(data, rawAirports)), 'transit24');
		expect(known.status).toBe('ineligible');
		expect(known.reasons.map((r) => r.code)).toContain('policy-not-in-force');
	});
});

describe('240-hour visa-free transit (NIA 2025-11-03 measure 6 [S1]; 2024-12-17 [S7])', () => {
	const us = (arrival: string, departure: string, via = 'PEK') =>
		only(check(['US'], [seg('JFK', via, '2026-03-15T13:00', arrival), seg(via, 'NRT', departure, '2026-03-28T22:45')]).stops);

	it('counts from 00:00 of the day after entry [S22a][S22b]: arrive 16 March, leave by 00:00 on 27 March', () => {
		const within = us('2026-03-16T16:00', '2026-03-27T00:00');
		expect(verdict(within, 'transit240')).toMatchObject({status: 'eligible', deadline: '2026-03-27T00:00'});
		expect(within.best).toBe('transit240');
		const late = us('2026-03-16T16:00', '2026-03-27T00:05');
		expect(verdict(late, 'transit240').status).toBe('ineligible');
		expect(codes(late, 'transit240')).toContain('over-240h');
		expect(late.best).toBeNull();
	});

	it('an entry just after midnight still gets the whole next-midnight count (263 h 30 elapsed)', () => {
		const stop = only(
			check(
				['US'],
				[seg('ICN', 'PEK', '2026-03-15T22:00', '2026-03-16T00:30'), seg('PEK', 'NRT', '2026-03-27T00:00', '2026-03-27T04:30')],
			).stops,
		);
		expect(stop.durationMinutes).toBe(263 * 60 + 30);
		expect(verdict(stop, 'transit240').status).toBe('eligible');
	});

	it('origin and destination must differ (A ≠ C) even through different airports: LAX → PVG → JFK [S25][S24]', () => {
		const stop = only(
			check(
				['US'],
				[seg('LAX', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'), seg('PVG', 'JFK', '2026-03-20T10:00', '2026-03-20T12:00')],
			).stops,
		);
		expect(codes(stop, 'transit240')).toContain('onward-same-region');
		expect(verdict(stop, 'transit240').status).toBe('ineligible');
	});

	it('only the country just before and just after count: London–Tokyo–Shanghai–London qualifies [S23a]', () => {
		const stop = only(
			check(
				['GB'],
				[
					seg('LHR', 'HND', '2025-03-01T10:00', '2025-03-02T07:00'),
					seg('HND', 'PVG', '2025-03-05T10:00', '2025-03-05T12:30'),
					seg('PVG', 'LHR', '2025-03-10T11:00', '2025-03-10T16:00'),
				],
			).stops,
		);
		expect(stop).toMatchObject({from: 'JP', to: 'GB'});
		expect(verdict(stop, 'transit240').status).toBe('eligible');
		// in March 2025 the UK had no unilateral visa-free entry yet (from 2026-02-17 [S29])
		expect(codes(stop, 'visaFree')).toContain('regime-not-yet');
	});

	it.each([
		['HKG', 'PVG', 'MFM', 'eligible'], // HK–Shanghai–Macao is a valid transit [S43a]
		['HKG', 'PEK', 'HKG', 'ineligible'], // HK–mainland–HK is not [S43b]
		['TPE', 'XMN', 'HKG', 'eligible'], // Taiwan and Hong Kong are separate regions [S1] "第三国（地区）"
	])('Hong Kong, Macao and Taiwan are regions of their own: %s → %s → %s', (a, b, c, status) => {
		const stop = only(
			check(['US'], [seg(a, b, '2026-04-01T08:00', '2026-04-01T10:30'), seg(b, c, '2026-04-05T09:00', '2026-04-05T11:30')]).stops,
		);
		expect(verdict(stop, 'transit240').status).toBe(status);
		expect(verdict(stop, 'transit24').status).toBe(status === 'eligible' ? 'ineligible' : 'ineligible'); // 4 days: over 24 h either way
	});

	it.each([
		['URC', 'Xinjiang is not one of the 24 provinces', 'ineligible'],
		['JZH', 'Sichuan: only 11 cities; Jiuzhai Huanglong (Aba) is outside [S47]', 'ineligible'],
		['YCU', 'Shanxi: only Taiyuan and Datong [S7]', 'ineligible'],
		['KWL', 'Guangxi: Guilin is one of the 12 cities [S9]', 'eligible'],
		['JHG', 'Yunnan: Xishuangbanna is one of the 9 areas [S16]', 'conditional'], // eligible area, but exit via a non-designated port
		['CTU', 'Sichuan: Chengdu [S47]', 'eligible'],
		['DAT', 'Shanxi: Datong [S7]', 'eligible'],
	])('permitted areas: a domestic trip to %s (%s)', (airport, _why, status) => {
		const stop = only(
			check(
				['US'],
				[
					seg('LAX', 'PVG', '2026-04-01T11:00', '2026-04-02T17:00'),
					seg('PVG', airport, '2026-04-03T09:00', '2026-04-03T13:00'),
					seg(airport, 'PVG', '2026-04-05T09:00', '2026-04-05T13:00'),
					seg('PVG', 'NRT', '2026-04-06T09:00', '2026-04-06T13:00'),
				],
			).stops,
		);
		expect(verdict(stop, 'transit240').status).toBe(status === 'conditional' ? 'eligible' : status);
		if (status === 'ineligible') expect(codes(stop, 'transit240')).toContain('outside-permitted-area');
	});

	it('leaving from an airport that is not a designated port is a doubt, not a pass: KMG → JHG → BKK [S7][S26]', () => {
		const stop = only(
			check(
				['US'],
				[
					seg('ICN', 'KMG', '2026-04-01T08:00', '2026-04-01T12:00'),
					seg('KMG', 'JHG', '2026-04-02T09:00', '2026-04-02T10:00'),
					seg('JHG', 'BKK', '2026-04-04T11:00', '2026-04-04T12:30'),
				],
			).stops,
		);
		expect(verdict(stop, 'transit240').status).toBe('conditional');
		expect(codes(stop, 'transit240')).toContain('exit-port-not-listed');
	});

	it('entry must be at one of the 65 ports: Urumqi is not one [S1]', () => {
		const stop = only(
			check(
				['US'],
				[seg('IST', 'URC', '2026-04-01T01:00', '2026-04-01T09:00'), seg('URC', 'ALA', '2026-04-03T10:00', '2026-04-03T10:30')],
			).stops,
		);
		expect(codes(stop, 'transit240')).toContain('port-not-listed');
	});

	it('a nationality counts from its start date: Indonesia from 2025-06-12 [S10]', () => {
		const on = (day: string) =>
			only(
				check(
					['ID'],
					[
						seg('CGK', 'CAN', `${day}T01:00`, `${day}T07:00`),
						seg('CAN', 'ICN', `${addDays(day, 3)}T09:00`, `${addDays(day, 3)}T14:00`),
					],
				).stops,
			);
		const before = on('2025-06-11');
		expect(verdict(before, 'transit240').status).toBe('ineligible');
		expect(codes(before, 'transit240')).toContain('nationality-not-yet-listed');
		expect(verdict(on('2025-06-12'), 'transit240').status).toBe('eligible');
	});

	it('a port counts from its opening date (a data change: a port opening later)', () => {
		const data = structuredClone(rawRules);
		data.transit240Ports.find((p) => p.id === 'TFU')!.since = '2026-07-01';
		data.officialCounts = [];
		const ruleSet = buildRuleSet(data, rawAirports);
		const on = (day: string) =>
			only(
				check(
					['US'],
					[
						seg('ICN', 'TFU', `${day}T01:00`, `${day}T07:00`),
						seg('TFU', 'SIN', `${addDays(day, 2)}T09:00`, `${addDays(day, 2)}T14:00`),
					],
					{ruleSet},
				).stops,
			);
		expect(codes(on('2026-06-30'), 'transit240')).toContain('port-not-yet-open');
		expect(verdict(on('2026-07-01'), 'transit240').status).toBe('eligible');
	});

	it('a port known only to be in use by a date gives doubt before it: Tianjin, a port by 2017-12-28 [S15], in 2016', () => {
		const stop = only(
			check(
				['US'],
				[seg('ICN', 'TSN', '2016-10-01T01:00', '2016-10-01T07:00'), seg('TSN', 'SIN', '2016-10-03T09:00', '2016-10-03T14:00')],
			).stops,
		);
		expect(codes(stop, 'transit240')).toContain('scheme-history-unverified');
		expect(verdict(stop, 'transit240').status).toBe('conditional');
	});

	it('240 hours only from 2024-12-17 [S7]: six days in Beijing were too long under 144 hours in October 2024, and fine in 2025', () => {
		const at = (year: number) =>
			verdict(
				only(
					check(
						['US'],
						[
							seg('ICN', 'PEK', `${year}-10-01T01:00`, `${year}-10-01T07:00`),
							seg('PEK', 'SIN', `${year}-10-08T09:00`, `${year}-10-08T14:00`),
						],
					).stops,
				),
				'transit240',
			);
		expect(at(2024)).toMatchObject({status: 'ineligible', hours: 144});
		expect(at(2024).reasons.map((r) => r.code)).toContain('over-scheme-limit');
		expect(at(2025).status).toBe('eligible');
		expect(at(2025).hours).toBeUndefined();
	});

	it('without a passport: unknown, listing the nationalities that qualify on that date', () => {
		const stop = only(
			check(
				[],
				[seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')],
			).stops,
		);
		const t240 = verdict(stop, 'transit240');
		expect(t240.status).toBe('unknown');
		expect(t240.qualifyingNationalities).toHaveLength(55);
		expect(t240.qualifyingNationalities).toContain('US');
		expect(verdict(stop, 'visaFree').status).toBe('unknown');
		expect(verdict(stop, 'transit24').status).toBe('ineligible'); // 3 days
		expect(verdict(stop, 'visaFree').qualifyingNationalities).toEqual(expect.arrayContaining(['FR', 'GB', 'TH']));
		expect(verdict(stop, 'visaFree').qualifyingIfExtended).toBeUndefined();
	});

	it("without a passport, after a scheme's scheduled end: its nationalities are listed apart, as qualifying only if it was extended (France, the UK and Russia in 2027 [S28][S29][S30])", () => {
		const stop = only(
			check(
				[],
				[seg('CDG', 'PEK', '2027-01-10T12:00', '2027-01-11T06:00'), seg('PEK', 'CDG', '2027-01-15T10:00', '2027-01-15T15:00')],
				{today: '2026-12-03'},
			).stops,
		);
		const visaFree = verdict(stop, 'visaFree');
		expect(visaFree.qualifyingNationalities).toEqual(expect.arrayContaining(['TH', 'SG', 'MY']));
		expect(visaFree.qualifyingNationalities).not.toEqual(expect.arrayContaining(['FR']));
		expect(visaFree.qualifyingNationalities).not.toContain('GB');
		expect(visaFree.qualifyingNationalities).not.toContain('RU');
		expect(visaFree.qualifyingIfExtended).toEqual(expect.arrayContaining(['FR', 'GB', 'RU', 'SE']));
		// The 240-hour list has no scheduled end: all 55 qualify.
		expect(verdict(stop, 'transit240').qualifyingNationalities).toHaveLength(55);
		expect(verdict(stop, 'transit240').qualifyingIfExtended).toBeUndefined();
	});
});

describe('visa-free entry (MFA unilateral list [S28]; mutual agreements [S38])', () => {
	const trip = (passports: string[], arrival: string, departure: string) =>
		only(
			check(passports, [
				seg('FRA', 'PEK', `${addDays(arrival, -1)}T22:00`, `${arrival}T14:00`),
				seg('PEK', 'FRA', `${departure}T10:00`, `${departure}T14:00`),
			]).stops,
		);

	it('France: 30 days, counted from 00:00 of the day after entry; the same country both ways is fine', () => {
		const stop = trip(['FR'], '2026-03-16', '2026-04-15');
		expect(verdict(stop, 'visaFree')).toMatchObject({
			status: 'eligible',
			passport: 'FR',
			deadline: '2026-04-16T00:00',
			regime: {kind: 'unilateral', days: 30, until: '2026-12-31'},
		});
		expect(stop.best).toBe('visaFree');
		expect(verdict(trip(['FR'], '2026-03-16', '2026-04-16'), 'visaFree').status).toBe('ineligible');
	});

	it('after a scheduled end date the verdict is conditional, never a plain no, with a "rules may have changed" note: France after 2026-12-31 [S28]', () => {
		const result = check(
			['FR'],
			[seg('FRA', 'PEK', '2027-01-09T22:00', '2027-01-10T14:00'), seg('PEK', 'FRA', '2027-01-15T10:00', '2027-01-15T14:00')],
		);
		const stop = only(result.stops);
		const visaFree = verdict(stop, 'visaFree');
		expect(visaFree.status).toBe('conditional');
		expect(visaFree.reasons.find((r) => r.code === 'scheduled-end-passed')).toMatchObject({
			kind: 'doubt',
			params: {until: '2026-12-31', reviewedAt: rules.data.reviewedAt},
		});
		expect(codes(stop, 'visaFree')).not.toContain('regime-ended');
		// The stay limit still applies: 30 days from the day after entry.
		expect(visaFree.deadline).toBe('2027-02-10T00:00');
		expect(result.notices.find((n) => n.code === 'rules-may-have-changed')).toMatchObject({
			params: {until: '2026-12-31', reviewedAt: rules.data.reviewedAt},
		});
	});

	it("a stay within a scheme's scheduled end is told to leave by that end, not 30 days on: France 28–31 Dec 2026 [S28]; Russia's trial to 2026-09-14 [S30]", () => {
		// The sources say nothing of what holds after the end (rules-facts §4.1), and a stay that goes on past it is a
		// doubt: the deadline shown (on the badge too) must not promise the thirty days.
		const result = check(
			['FR'],
			[seg('CDG', 'PEK', '2026-12-27T12:00', '2026-12-28T06:00'), seg('PEK', 'CDG', '2026-12-31T10:00', '2026-12-31T15:00')],
			{today: '2026-12-03'},
		);
		const visaFree = verdict(only(result.stops), 'visaFree');
		expect(visaFree).toMatchObject({status: 'eligible', deadline: '2027-01-01T00:00', regime: {days: 30, until: '2026-12-31'}});
		// The stay limit's own deadline is still said, and then the end.
		expect(visaFree.reasons.find((r) => r.code === 'within-stay-limit')?.params).toMatchObject({
			days: 30,
			deadline: '2027-01-28T00:00',
		});
		expect(visaFree.reasons.find((r) => r.code === 'leave-by-scheduled-end')).toMatchObject({
			kind: 'info',
			params: {until: '2026-12-31', deadline: '2027-01-01T00:00'},
		});
		expect(summarize(result, 'structured', 'en')?.text).toBe('Visa-free entry ✓ until 31 Dec');
		// Going on past the end: a doubt, with the same deadline, and the end said once (as the doubt).
		const longer = verdict(
			only(
				check(
					['FR'],
					[seg('CDG', 'PEK', '2026-12-27T12:00', '2026-12-28T06:00'), seg('PEK', 'CDG', '2027-01-05T10:00', '2027-01-05T15:00')],
					{today: '2026-12-03'},
				).stops,
			),
			'visaFree',
		);
		expect(longer).toMatchObject({status: 'conditional', deadline: '2027-01-01T00:00'});
		// What the sources leave open is said with what is sure: leaving by the midnight after the end.
		expect(longer.reasons.find((r) => r.code === 'regime-ends-during-stay')).toMatchObject({
			kind: 'doubt',
			params: {until: '2026-12-31', deadline: '2027-01-01T00:00'},
		});
		expect(longer.reasons.map((r) => r.code)).not.toContain('leave-by-scheduled-end');
		// Russia: entered on 1 September 2026, thirty days would run to 1 October; the trial is scheduled to end on 14 September.
		const russia = verdict(
			only(
				check(
					['RU'],
					[seg('SVO', 'PEK', '2026-08-31T20:00', '2026-09-01T08:00'), seg('PEK', 'SVO', '2026-09-10T10:00', '2026-09-10T14:00')],
					{today: '2026-08-01'},
				).stops,
			),
			'visaFree',
		);
		expect(russia).toMatchObject({status: 'eligible', deadline: '2026-09-15T00:00', regime: {until: '2026-09-14'}});
		// Months before the end, the thirty days are shown as they are.
		expect(verdict(trip(['FR'], '2026-03-16', '2026-04-15'), 'visaFree').deadline).toBe('2026-04-16T00:00');
	});

	it('a scheme that another takes over the next day does not end a stay: Malaysia, unilateral to 2025-07-16, mutual from 2025-07-17 [S35][S38]', () => {
		const stay = (arrive: string, leave: string) =>
			verdict(
				only(
					check(
						['MY'],
						[
							seg('KUL', 'PEK', `${addDays(arrive, -1)}T23:00`, `${arrive}T06:00`),
							seg('PEK', 'KUL', `${leave}T10:00`, `${leave}T16:00`),
						],
					).stops,
				),
				'visaFree',
			);
		// Entered under the unilateral scheme, left under the agreement: 30 days either way, no gap (rules-facts §4.1, §4.2).
		const across = stay('2025-07-10', '2025-07-25');
		expect(across).toMatchObject({status: 'eligible', deadline: '2025-08-10T00:00', regime: {kind: 'unilateral', until: '2025-07-16'}});
		expect(across.reasons.map((r) => r.code)).not.toContain('regime-ends-during-stay');
		expect(across.reasons.map((r) => r.code)).not.toContain('leave-by-scheduled-end');
		// Over the 30 days it still fails.
		expect(stay('2025-07-10', '2025-08-10').status).toBe('ineligible');
	});

	it('the stay limit of the day of entry: French unilateral entry was 15 days until 2024-11-29 and 30 days from 2024-11-30 [S32][S35]', () => {
		const stay = (arrive: string, leave: string) =>
			verdict(
				only(
					check(
						['FR'],
						[
							seg('CDG', 'PEK', `${addDays(arrive, -1)}T22:00`, `${arrive}T14:00`),
							seg('PEK', 'CDG', `${leave}T10:00`, `${leave}T15:00`),
						],
					).stops,
				),
				'visaFree',
			);
		// Twenty days in mid-2024: over the 15 days then (a false "eligible" before).
		const summer = stay('2024-07-01', '2024-07-21');
		expect(summer).toMatchObject({status: 'ineligible', regime: {kind: 'unilateral', days: 15}, deadline: '2024-07-17T00:00'});
		expect(stay('2024-07-01', '2024-07-14').status).toBe('eligible');
		// The same twenty days from 2024-12-01: within 30.
		expect(stay('2024-12-01', '2024-12-21')).toMatchObject({status: 'eligible', regime: {days: 30}});
	});

	it('Malaysia: unilateral entry from 2023-12-01 (15, then 30 days), replaced by the mutual agreement from 2025-07-17 [S35][S32][S38]', () => {
		const at = (arrive: string) =>
			verdict(
				only(
					check(
						['MY'],
						[
							seg('KUL', 'PEK', `${arrive}T08:00`, `${arrive}T14:00`),
							seg('PEK', 'KUL', `${addDays(arrive, 10)}T10:00`, `${addDays(arrive, 10)}T16:00`),
						],
					).stops,
				),
				'visaFree',
			);
		expect(at('2023-11-20').status).toBe('ineligible');
		expect(at('2024-03-01')).toMatchObject({status: 'eligible', regime: {kind: 'unilateral', days: 15}});
		expect(at('2025-03-01')).toMatchObject({status: 'eligible', regime: {kind: 'unilateral', days: 30}});
		expect(at('2025-08-01')).toMatchObject({status: 'eligible', regime: {kind: 'mutual', days: 30}});
	});

	it('Hainan, 59 countries from 2018-05-01 [S39]: a US passport, two weeks in Sanya, is a doubt (through a travel agency), not a no', () => {
		const v = verdict(
			only(
				check(
					['US'],
					[seg('SIN', 'SYX', '2019-03-01T08:00', '2019-03-01T12:00'), seg('SYX', 'SIN', '2019-03-15T10:00', '2019-03-15T14:00')],
				).stops,
			),
			'visaFree',
		);
		expect(v).toMatchObject({status: 'conditional', regime: {kind: 'regional', days: 30}, deadline: '2019-04-01T00:00'});
		expect(v.reasons.map((r) => r.code)).toEqual(
			expect.arrayContaining(['regional-regime', 'travel-agency-required', 'within-stay-limit']),
		);
		// Before 2018-05-01, or with a stay that leaves Hainan, it does not apply.
		expect(
			verdict(
				only(
					check(
						['US'],
						[
							seg('SIN', 'SYX', '2018-03-01T08:00', '2018-03-01T12:00'),
							seg('SYX', 'SIN', '2018-03-15T10:00', '2018-03-15T14:00'),
						],
					).stops,
				),
				'visaFree',
			).status,
		).toBe('ineligible');
		const mainland = check(
			['US'],
			[
				seg('SIN', 'HAK', '2019-03-01T08:00', '2019-03-01T12:00'),
				seg('HAK', 'CAN', '2019-03-05T10:00', '2019-03-05T11:00'),
				seg('CAN', 'SIN', '2019-03-15T10:00', '2019-03-15T14:00'),
			],
		);
		expect(verdict(only(mainland.stops), 'visaFree').status).toBe('ineligible');
		// India is not among the 59.
		expect(
			verdict(
				only(
					check(
						['IN'],
						[
							seg('SIN', 'SYX', '2019-03-01T08:00', '2019-03-01T12:00'),
							seg('SYX', 'SIN', '2019-03-15T10:00', '2019-03-15T14:00'),
						],
					).stops,
				),
				'visaFree',
			).status,
		).toBe('ineligible');
	});

	it('group schemes are never a verdict for one traveller, but the details name them where the stay fits: ASEAN groups to Xishuangbanna from 2025-02-10 [S40]', () => {
		const v = verdict(
			only(
				check(
					['VN'],
					[seg('HAN', 'JHG', '2026-03-01T08:00', '2026-03-01T10:00'), seg('JHG', 'HAN', '2026-03-04T10:00', '2026-03-04T12:00')],
				).stops,
			),
			'visaFree',
		);
		expect(v.status).toBe('ineligible');
		expect(v.reasons.find((r) => r.code === 'group-scheme-available')).toMatchObject({
			kind: 'info',
			params: {scheme: 'ASEAN tour groups to Xishuangbanna', hours: 144},
		});
		// Not for a passport outside ASEAN.
		const us = verdict(
			only(
				check(
					['IN'],
					[seg('HAN', 'JHG', '2026-03-01T08:00', '2026-03-01T10:00'), seg('JHG', 'HAN', '2026-03-04T10:00', '2026-03-04T12:00')],
				).stops,
			),
			'visaFree',
		);
		expect(us.reasons.map((r) => r.code)).not.toContain('group-scheme-available');
	});

	it('Russia: the trial was scheduled to run 2025-09-15 to 2026-09-14 [S30], no extension and no end found: later trips are conditional, and 240 h still decides', () => {
		const during = check(
			['RU'],
			[seg('SVO', 'PEK', '2026-09-01T22:00', '2026-09-02T10:00'), seg('PEK', 'SVO', '2026-09-10T10:00', '2026-09-10T14:00')],
		);
		expect(verdict(only(during.stops), 'visaFree').status).toBe('eligible');
		const after = only(
			check(
				['RU'],
				[seg('SVO', 'PEK', '2026-10-01T22:00', '2026-10-02T10:00'), seg('PEK', 'ICN', '2026-10-05T10:00', '2026-10-05T14:00')],
			).stops,
		);
		expect(verdict(after, 'visaFree').status).toBe('conditional');
		expect(codes(after, 'visaFree')).toContain('scheduled-end-passed');
		expect(after.best).toBe('transit240');
	});

	it('only a record that says a scheme ended (with its source) makes a later trip ineligible', () => {
		type Editable = {visaFree: {country: string; until?: string; ended?: unknown}[]};
		const data = structuredClone(rawRules) as unknown as Editable;
		data.visaFree.find((v) => v.country === 'RU')!.ended = {sources: ['S30'], note: 'test: as if a source said the trial ended'};
		const ended = buildRuleSet(data, rawAirports);
		const after = only(
			check(
				['RU'],
				[seg('SVO', 'PEK', '2026-10-01T22:00', '2026-10-02T10:00'), seg('PEK', 'SVO', '2026-10-05T10:00', '2026-10-05T14:00')],
				{ruleSet: ended},
			).stops,
		);
		expect(verdict(after, 'visaFree').status).toBe('ineligible');
		expect(codes(after, 'visaFree')).toContain('regime-ended');
		// An `ended` without an until date is refused by the dataset checks.
		const broken = structuredClone(data);
		delete broken.visaFree.find((v) => v.country === 'RU')!.until;
		expect(() => buildRuleSet(broken, rawAirports)).toThrow(/ended without an until date/);
	});

	it('a trip more than 180 days after the rules were reviewed gets the "rules may have changed" note; one within 180 days does not', () => {
		const at = (day: string) =>
			check(
				['US'],
				[seg('JFK', 'PEK', `${addDays(day, -1)}T13:00`, `${day}T16:00`), seg('PEK', 'NRT', `${day}T18:30`, `${day}T22:45`)],
			).notices.map((n) => n.code);
		expect(at(addDays(rules.data.reviewedAt, 170))).not.toContain('rules-may-have-changed');
		expect(at(addDays(rules.data.reviewedAt, 200))).toContain('rules-may-have-changed');
	});

	it('the UK from 2026-02-17 [S29]', () => {
		const at = (day: string) =>
			verdict(
				only(
					check(
						['GB'],
						[
							seg('LHR', 'PVG', `${addDays(day, -1)}T20:00`, `${day}T14:00`),
							seg('PVG', 'LHR', `${addDays(day, 7)}T10:00`, `${addDays(day, 7)}T15:00`),
						],
					).stops,
				),
				'visaFree',
			);
		expect(at('2026-02-16').status).toBe('ineligible');
		expect(at('2026-02-17').status).toBe('eligible');
	});

	it('a mutual agreement that is not verified gives doubt: Maldives [S38]', () => {
		const stop = trip(['MV'], '2026-03-16', '2026-03-20');
		expect(verdict(stop, 'visaFree').status).toBe('conditional');
		expect(codes(stop, 'visaFree')).toEqual(expect.arrayContaining(['regime-unverified', 'stay-limit-unknown']));
	});

	it('a verified mutual agreement: Singapore, 30 days from 2024-02-09 [S38a][S38n]', () => {
		expect(verdict(trip(['SG'], '2026-03-16', '2026-03-30'), 'visaFree')).toMatchObject({
			status: 'eligible',
			regime: {kind: 'mutual', days: 30},
		});
	});

	it('the stay limit is checked: 31 days is too long for 30', () => {
		expect(codes(trip(['SG'], '2026-03-16', '2026-04-17'), 'visaFree')).toContain('over-stay-limit');
	});
});

describe('several passports, stays and edges', () => {
	it('each policy uses the passport that qualifies: US + FR on a US → PEK → US round trip', () => {
		const stop = only(
			check(
				['US', 'FR'],
				[seg('LAX', 'PEK', '2026-03-15T11:00', '2026-03-16T16:00'), seg('PEK', 'LAX', '2026-03-24T12:00', '2026-03-24T09:00')],
			).stops,
		);
		expect(verdict(stop, 'visaFree')).toMatchObject({status: 'eligible', passport: 'FR'});
		expect(verdict(stop, 'transit240').status).toBe('ineligible'); // A = C for either passport
		expect(stop.best).toBe('visaFree');
	});

	it('two passports are never worse than one', () => {
		const segments = [
			seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
			seg('PEK', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45'),
		];
		const one = only(check(['IN'], segments).stops);
		const two = only(check(['IN', 'US'], segments).stops);
		expect(verdict(one, 'transit240').status).toBe('ineligible');
		expect(verdict(two, 'transit240')).toMatchObject({status: 'eligible', passport: 'US'});
	});

	it('a trip that never touches the mainland has no stops', () => {
		const result = check(
			['US'],
			[seg('SFO', 'HKG', '2026-03-15T13:00', '2026-03-16T19:00'), seg('HKG', 'NRT', '2026-03-16T22:00', '2026-03-17T03:30')],
		);
		expect(result.stops).toEqual([]);
	});

	it('two separate stays on one trip are judged separately', () => {
		const result = check(
			['US'],
			[
				seg('LAX', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'),
				seg('PVG', 'HKG', '2026-03-16T20:00', '2026-03-16T22:40'),
				seg('HKG', 'CAN', '2026-03-20T09:00', '2026-03-20T10:10'),
				seg('CAN', 'SIN', '2026-03-20T15:00', '2026-03-20T19:00'),
			],
		);
		expect(result.stops.map((s) => [s.airports, s.from, s.to, s.best])).toEqual([
			[['PVG'], 'US', 'HK', 'transit24'],
			[['CAN'], 'HK', 'SG', 'transit24'],
		]);
	});

	it('a stay left by a way the page does not show (PEK in, then on from HKG) is a stay with its exit unknown, not no stay', () => {
		const stop = only(
			check(
				['US'],
				[seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('HKG', 'NRT', '2026-03-18T09:00', '2026-03-18T14:00')],
			).stops,
		);
		expect([stop.airports, stop.from, stop.to, stop.exitSegment, stop.best]).toEqual([['PEK'], 'US', undefined, undefined, null]);
		expect(codes(stop, 'transit24')).toContain('onward-not-shown');
		expect(codes(stop, 'transit240')).toContain('onward-not-shown');
		expect(verdict(stop, 'transit240').status).toBe('conditional');
	});

	it('a stay whose exit is not shown is kept when the trip enters the mainland again (PEK, then HKG → CAN → SIN)', () => {
		const result = check(
			['US'],
			[
				seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
				seg('HKG', 'CAN', '2026-03-19T09:00', '2026-03-19T10:10'),
				seg('CAN', 'SIN', '2026-03-19T15:00', '2026-03-19T19:00'),
			],
		);
		expect(result.stops.map((s) => [s.airports, s.from, s.to, s.best])).toEqual([
			[['PEK'], 'US', undefined, null],
			[['CAN'], 'HK', 'SG', 'transit24'],
		]);
	});

	it('a domestic trip that starts in the mainland has no stop to judge, and says so', () => {
		const result = check(
			['US'],
			[seg('PEK', 'TAO', '2026-09-15T09:50', '2026-09-15T11:20'), seg('TAO', 'SHA', '2026-09-15T14:35', '2026-09-15T16:15')],
		);
		expect(result.stops).toEqual([]);
		expect(result.notices.map((n) => n.code)).toEqual(['trip-starts-in-mainland']);
	});

	it('an arrival by land from Hong Kong (no flight into the mainland shown) is a stay whose entry is not shown', () => {
		const stop = only(
			check(
				['US'],
				[
					seg('NRT', 'HKG', '2026-04-01T09:00', '2026-04-01T13:00'),
					seg('SZX', 'PEK', '2026-04-02T09:00', '2026-04-02T12:00'),
					seg('PEK', 'ICN', '2026-04-04T09:00', '2026-04-04T12:00'),
				],
			).stops,
		);
		expect(stop).toMatchObject({airports: ['SZX', 'PEK'], from: 'HK', to: 'KR'});
		expect(codes(stop, 'transit240')).toContain('entry-not-shown');
		expect(verdict(stop, 'transit240').status).toBe('conditional');
	});

	it('a trip that ends in the mainland shows no onward flight: transit cannot be confirmed', () => {
		const stop = only(check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00')]).stops);
		expect(verdict(stop, 'transit24').status).toBe('conditional');
		expect(codes(stop, 'transit24')).toContain('onward-not-shown');
		expect(verdict(stop, 'transit240').status).toBe('conditional');
		expect(codes(stop, 'transit240')).toContain('exit-time-not-shown');
		expect(stop.best).toBeNull();
	});

	it('says when the dataset was reviewed more than 180 days before today', () => {
		const segments = [
			seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'),
			seg('PEK', 'NRT', '2026-03-16T18:30', '2026-03-16T22:45'),
		];
		expect(check(['US'], segments, {today: '2027-05-20'}).notices.map((n) => n.code)).toEqual([]);
		expect(check(['US'], segments, {today: '2027-05-22'}).notices.map((n) => n.code)).toEqual(['data-review-old']);
	});

	it('reminds of what no itinerary can show, without turning it into doubt', () => {
		const stop = only(
			check(
				['US'],
				[seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')],
			).stops,
		);
		expect(stop.reminders.map((r) => r.code)).toEqual(expect.arrayContaining(['passport-validity', 'onward-ticket', 'purpose']));
		expect(verdict(stop, 'transit240').status).toBe('eligible');
	});

	it('every reason cites sources that exist in the dataset', () => {
		const stop = only(check(['US', 'MV'], [seg('JFK', 'PEK'), seg('PEK', 'URC'), seg('URC', 'JFK')]).stops);
		for (const v of stop.verdicts) for (const r of v.reasons) for (const s of r.sources) expect(rules.sourceIds).toContain(s);
	});
});

describe('passports the schemes are not for (foreign nationals only: Exit and Entry Administration Law art. 22 [S18]; 24-hour transit for “citizens of all other countries” [S21])', () => {
	// NRT → PVG → SIN, 6 hours airside at Pudong: a 24-hour transit any foreign national makes.
	const airside = [seg('NRT', 'PVG', '2026-03-15T09:00', '2026-03-15T12:00'), seg('PVG', 'SIN', '2026-03-15T18:00', '2026-03-15T23:40')];

	it('with a passport of China, Hong Kong, Macao or Taiwan, 24-hour transit is a doubt that says so, never a yes', () => {
		expect(rules.data.passportsNotCovered.countries).toEqual(['CN', 'HK', 'MO', 'TW']);
		expect(verdict(only(check(['JP'], airside).stops), 'transit24').status).toBe('eligible');
		for (const passport of ['CN', 'HK', 'MO', 'TW']) {
			const stop = only(check([passport], airside).stops);
			expect(stop.best, passport).toBeNull();
			expect(verdict(stop, 'transit24').status, passport).toBe('conditional');
			for (const v of stop.verdicts) {
				expect(v.reasons[0], `${passport} ${v.policy}`).toEqual({
					code: 'passport-not-covered',
					kind: 'doubt',
					params: {passport},
					sources: ['S18', 'S21'],
				});
				expect(v.status).not.toBe('eligible');
			}
			expect(summarize(check([passport], airside), 'structured', 'en')).toMatchObject({tone: 'check', text: 'Check: 1 thing'});
		}
	});

	it('listed beside a passport the schemes are for, it still leaves every verdict a doubt (which one you travel on, and how the border counts you, no page shows)', () => {
		const stay = [seg('JFK', 'PVG', '2026-03-15T13:00', '2026-03-16T17:00'), seg('PVG', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')];
		const foreign = only(check(['GB'], stay).stops);
		expect(verdict(foreign, 'transit240').status).toBe('eligible');
		const both = only(check(['GB', 'HK'], stay).stops);
		expect(both.best).toBeNull();
		expect(verdict(both, 'transit240')).toMatchObject({status: 'conditional', passport: 'GB'});
		expect(codes(both, 'transit240')[0]).toBe('passport-not-covered');
		expect(verdict(both, 'transit24').status).toBe('ineligible'); // over 24 hours: a no stays a no
		expect(codes(both, 'transit24')).toContain('passport-not-covered');
		// One reason per such passport listed, each naming its own.
		const two = only(check(['GB', 'HK', 'MO', 'HK'], stay).stops);
		expect(
			verdict(two, 'transit240')
				.reasons.filter((r) => r.code === 'passport-not-covered')
				.map((r) => r.params),
		).toEqual([{passport: 'HK'}, {passport: 'MO'}]);
	});

	it('which passports these are is data: another list changes the verdicts, with no code change (a data change)', () => {
		const data = structuredClone(rawRules);
		data.passportsNotCovered.countries = ['JP'];
		const ruleSet = buildRuleSet(data, rawAirports);
		expect(verdict(only(check(['JP'], airside, {ruleSet}).stops), 'transit24').status).toBe('conditional');
		expect(verdict(only(check(['HK'], airside, {ruleSet}).stops), 'transit24').status).toBe('eligible');
	});
});

describe('before 2024-12-17: the 72- and 144-hour schemes (timeline, ports and areas as the transitSchemes of the dataset give them)', () => {
	const t240 = (passports: string[], segments: SegmentInput[]) => verdict(only(check(passports, segments).stops), 'transit240');

	it('a US traveller with three days in Xiamen on the way to Singapore in 2019: 144 hours there from 2019-01-01 [S48]', () => {
		const v = t240(
			['US'],
			[seg('SFO', 'XMN', '2019-05-01T22:00', '2019-05-03T06:00'), seg('XMN', 'SIN', '2019-05-06T09:00', '2019-05-06T13:00')],
		);
		// The stay is at Xiamen airport only: inside the scheme's area whatever its exact extent then.
		expect(v).toMatchObject({status: 'eligible', hours: 144, scheme: 'xiamen-144h', deadline: '2019-05-10T00:00'});
		expect(v.reasons.map((r) => r.code)).toEqual(
			expect.arrayContaining(['earlier-scheme', 'within-scheme-limit', 'nationality-listed']),
		);
		// Beyond Xiamen, Fujian's area before 2024-12-17 is not in our sources: doubt, not a no.
		const fuzhou = t240(
			['US'],
			[
				seg('SFO', 'XMN', '2019-05-01T22:00', '2019-05-03T06:00'),
				seg('XMN', 'FOC', '2019-05-04T09:00', '2019-05-04T10:00'),
				seg('FOC', 'SIN', '2019-05-06T09:00', '2019-05-06T13:00'),
			],
		);
		expect(fuzhou.status).toBe('conditional');
		expect(fuzhou.reasons.map((r) => r.code)).toContain('area-unverified');
	});

	it('a Norwegian with two days in Beijing in early 2024: Norway on the list from 2023-11-17 [S11], Beijing–Tianjin–Hebei 144 hours [S15]', () => {
		const v = t240(
			['NO'],
			[seg('OSL', 'PEK', '2024-02-01T10:00', '2024-02-02T06:00'), seg('PEK', 'ICN', '2024-02-04T09:00', '2024-02-04T13:00')],
		);
		expect(v).toMatchObject({status: 'eligible', hours: 144, scheme: 'jing-jin-ji-144h'});
		// The same trip before Norway joined: not eligible.
		const early = t240(
			['NO'],
			[seg('OSL', 'PEK', '2023-02-01T10:00', '2023-02-02T06:00'), seg('PEK', 'ICN', '2023-02-04T09:00', '2023-02-04T13:00')],
		);
		expect(early.status).toBe('ineligible');
		expect(early.reasons.map((r) => r.code)).toContain('nationality-not-yet-listed');
	});

	it('Beijing in 2015 was 72 hours [S12]: three full days pass, four do not', () => {
		const three = t240(
			['US'],
			[seg('JFK', 'PEK', '2015-06-01T13:00', '2015-06-02T16:00'), seg('PEK', 'NRT', '2015-06-05T18:00', '2015-06-05T22:00')],
		);
		expect(three).toMatchObject({status: 'eligible', hours: 72, scheme: 'beijing-72h', deadline: '2015-06-06T00:00'});
		const four = t240(
			['US'],
			[seg('JFK', 'PEK', '2015-06-01T13:00', '2015-06-02T16:00'), seg('PEK', 'NRT', '2015-06-06T09:00', '2015-06-06T13:00')],
		);
		expect(four.status).toBe('ineligible');
		expect(four.reasons.map((r) => r.code)).toContain('over-scheme-limit');
	});

	it('no travel between regions before 2024-12-17: Shanghai in, Beijing out in 2019 [S7: cross-province travel only since 2024-12-17]', () => {
		const v = t240(
			['US'],
			[
				seg('LAX', 'PVG', '2019-05-01T11:00', '2019-05-02T17:00'),
				seg('PVG', 'PEK', '2019-05-03T09:00', '2019-05-03T11:00'),
				seg('PEK', 'ICN', '2019-05-04T09:00', '2019-05-04T12:00'),
			],
		);
		expect(v.status).toBe('ineligible');
		expect(v.reasons.find((r) => r.code === 'outside-scheme-area')).toMatchObject({params: {airports: 'PEK'}});
		// Inside the Shanghai–Jiangsu–Zhejiang region (since 2016-01-30 [S49]) it holds.
		const inside = t240(
			['US'],
			[
				seg('LAX', 'PVG', '2019-05-01T11:00', '2019-05-02T17:00'),
				seg('PVG', 'HGH', '2019-05-03T09:00', '2019-05-03T10:00'),
				seg('HGH', 'ICN', '2019-05-04T09:00', '2019-05-04T12:00'),
			],
		);
		expect(inside).toMatchObject({status: 'eligible', hours: 144, scheme: 'yangtze-delta-144h'});
	});

	it('Beijing Daxing before 2024-12-17 is a doubt, as the other ports whose earlier history is not verified (rules-facts §1.5 port 2, and its gaps) [S44]', () => {
		const v = t240(
			['US'],
			[seg('LHR', 'PKX', '2024-06-10T12:00', '2024-06-11T06:00'), seg('PKX', 'ICN', '2024-06-13T10:00', '2024-06-13T13:00')],
		);
		expect(v.status).toBe('conditional');
		expect(v.reasons.map((r) => r.code)).toContain('scheme-history-unverified');
		// Beijing Capital, a port of the Beijing–Tianjin–Hebei scheme from 2017-12-28 [S15]: 144 hours, no doubt.
		expect(
			t240(
				['US'],
				[seg('LHR', 'PEK', '2024-06-10T12:00', '2024-06-11T06:00'), seg('PEK', 'ICN', '2024-06-13T10:00', '2024-06-13T13:00')],
			),
		).toMatchObject({status: 'eligible', hours: 144, scheme: 'jing-jin-ji-144h'});
	});

	it('leaving from a port before it joined the scheme is a doubt, as from any airport not a port: Ningbo joined Shanghai–Jiangsu–Zhejiang on 2019-12-01 [S48]', () => {
		const via = (month: string) =>
			t240(
				['US'],
				[
					seg('LHR', 'PVG', `2019-${month}-10T12:00`, `2019-${month}-11T06:00`),
					seg('PVG', 'NGB', `2019-${month}-12T10:00`, `2019-${month}-12T11:00`),
					seg('NGB', 'ICN', `2019-${month}-13T10:00`, `2019-${month}-13T13:00`),
				],
			);
		const june = via('06');
		expect(june.status).toBe('conditional');
		expect(june.reasons.find((r) => r.code === 'exit-port-not-listed')).toMatchObject({params: {airport: 'NGB'}});
		// Once it had joined: a port of the scheme, no doubt.
		expect(via('12')).toMatchObject({status: 'eligible', scheme: 'yangtze-delta-144h'});
	});

	it('an airport that only became a port on 2024-12-17 gives nothing before then (Haikou [S7])', () => {
		const v = t240(
			['US'],
			[seg('SIN', 'HAK', '2023-05-01T10:00', '2023-05-01T14:00'), seg('HAK', 'ICN', '2023-05-02T09:00', '2023-05-02T14:00')],
		);
		expect(v.status).toBe('ineligible');
		expect(v.reasons.find((r) => r.code === 'port-not-yet-open')).toMatchObject({params: {since: '2024-12-17'}});
	});

	it('a port whose earlier history our sources do not settle is a doubt, not a no: Guangzhou in 2020 (one of the 39 ports before 2024-12-17 [S7][S44])', () => {
		const v = t240(
			['US'],
			[seg('LAX', 'CAN', '2020-01-10T11:00', '2020-01-11T17:00'), seg('CAN', 'ICN', '2020-01-13T09:00', '2020-01-13T13:00')],
		);
		expect(v.status).toBe('conditional');
		expect(v.reasons.map((r) => r.code)).toContain('scheme-history-unverified');
		// Chongqing had 72 hours before its 144 hours of 2019-12-01 [S48], from a date not verified.
		expect(
			t240(
				['US'],
				[seg('LAX', 'CKG', '2018-01-10T11:00', '2018-01-11T17:00'), seg('CKG', 'ICN', '2018-01-12T09:00', '2018-01-12T13:00')],
			).status,
		).toBe('conditional');
	});

	it('the badge says the hours of the era: "144h visa-free"', () => {
		const result = check(
			['NO'],
			[seg('OSL', 'PEK', '2024-02-01T10:00', '2024-02-02T06:00'), seg('PEK', 'ICN', '2024-02-04T09:00', '2024-02-04T13:00')],
		);
		expect(summarize(result, 'structured', 'en')?.text).toBe('144h visa-free ✓ until 8 Feb');
	});
});

describe('inspection exemption only where it helps', () => {
	it('an ineligible 24-hour transit (a 30-hour connection at PEK, exempt airport since 2024-01-11 [S19]) is not called inspection-exempt', () => {
		const stop = only(
			check(
				['US'],
				[seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T06:00'), seg('PEK', 'NRT', '2026-03-17T12:00', '2026-03-17T16:00')],
			).stops,
		);
		expect(verdict(stop, 'transit24')).toMatchObject({status: 'ineligible', inspectionExempt: false});
		const ok = only(
			check(
				['US'],
				[seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T06:00'), seg('PEK', 'NRT', '2026-03-16T12:00', '2026-03-16T16:00')],
			).stops,
		);
		expect(verdict(ok, 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: true});
	});
});

describe('the online arrival card (NIA ten measures 2025-11-03, measure 10 [S1]), from 2025-11-20', () => {
	const reminders = (passports: string[], segments: SegmentInput[]) =>
		only(check(passports, segments).stops).reminders.map((r) => r.code);
	const airside = [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-16T18:30', '2026-03-16T22:45')];

	it('a stay that enters China (240 hours with a US passport) is reminded to fill it in', () => {
		const codes = reminders(
			['US'],
			[seg('LAX', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'), seg('PVG', 'ICN', '2026-03-19T09:00', '2026-03-19T12:00')],
		);
		expect(codes).toContain('arrival-card');
		expect(codes).not.toContain('arrival-card-airside-exempt');
	});

	it('visa-free entry (French passport, a week in Beijing) is reminded too', () => {
		expect(
			reminders(
				['FR'],
				[seg('CDG', 'PEK', '2026-03-15T13:00', '2026-03-16T06:00'), seg('PEK', 'CDG', '2026-03-22T09:00', '2026-03-22T14:00')],
			),
		).toContain('arrival-card');
	});

	it('airside 24-hour transit states the exemption (and the card is needed only on leaving the airport)', () => {
		// Without a passport only 24-hour transit is settled: no "fill it in" for a stay not known to enter.
		const codes = reminders(['IN'], airside);
		expect(codes).toContain('arrival-card-airside-exempt');
		expect(codes).not.toContain('arrival-card');
	});

	it('no arrival-card reminder for trips before 2025-11-20, nor for a stay that qualifies for nothing', () => {
		const before = [
			seg('JFK', 'PEK', '2025-03-15T13:00', '2025-03-16T16:00'),
			seg('PEK', 'NRT', '2025-03-16T18:30', '2025-03-16T22:45'),
		];
		expect(reminders(['US'], before).filter((c) => c.startsWith('arrival-card'))).toEqual([]);
		const nothing = [
			seg('LHR', 'PEK', '2026-03-15T13:00', '2026-03-16T06:00'),
			seg('PEK', 'LHR', '2026-03-30T09:00', '2026-03-30T14:00'),
		];
		expect(reminders(['IN'], nothing).filter((c) => c.startsWith('arrival-card'))).toEqual([]);
	});
});

// A ticket's coupons name departures only (Sabre WETR, Apollo HTE, eTerm DETR): the normaliser gives the earliest each
// flight can land (its departure on the destination's clock, SegmentInput arrivalNotBefore). The limits count from the
// arrival (24 h: scheduled arrival to departure [S43]; 240 h and visa-free stays: from 00:00 after the day of entry
// [S1][S22]); a later landing only shortens the stay and moves the deadline later, so a departure within the limit
// counted from the earliest landing is within it whenever the flight lands. Nothing else is concluded from the bound.
describe('an arrival not given, bounded by the departure (ticket coupons)', () => {
	// JFK 13:00 EDT on 15 March = 01:00 on 16 March, Beijing time: CA982 cannot land at PEK before then.
	const inbound = seg('JFK', 'PEK', '2026-03-15T13:00', undefined, {flight: 'CA982', arrivalNotBefore: '2026-03-16T01:00'});

	it('240 hours: leaving within 240 hours of the day after the earliest landing is settled (US passport)', () => {
		const stop = only(check(['US'], [inbound, seg('PEK', 'NRT', '2026-03-20T09:00')]).stops);
		const v = verdict(stop, 'transit240');
		expect(v.status).toBe('eligible');
		expect(codes(stop, 'transit240')).toContain('within-limit-earliest-arrival');
		expect(v.reasons.find((r) => r.code === 'within-limit-earliest-arrival')!.params).toEqual({
			earliest: '2026-03-16T01:00',
			deadline: '2026-03-27T00:00',
		});
		expect(codes(stop, 'transit240')).not.toContain('times-missing');
		// No arrival, no deadline promised: the real one is this or later. The stop says how early it can be.
		expect(v.deadline).toBeUndefined();
		expect(stop.arrival).toBeUndefined();
		expect(stop.arrivalNotBefore).toBe('2026-03-16T01:00');
		// Without the bound, as before: the stay's length is a doubt.
		const unbounded = only(check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00'), seg('PEK', 'NRT', '2026-03-20T09:00')]).stops);
		expect(verdict(unbounded, 'transit240').status).toBe('conditional');
		expect(codes(unbounded, 'transit240')).toContain('times-missing');
	});

	it('240 hours: a departure past the deadline counted from the earliest landing stays a doubt, never a failure', () => {
		const stop = only(check(['US'], [inbound, seg('PEK', 'NRT', '2026-03-27T09:00')]).stops);
		expect(verdict(stop, 'transit240').status).toBe('conditional');
		expect(codes(stop, 'transit240')).toContain('times-missing');
		expect(codes(stop, 'transit240')).not.toContain('over-240h');
	});

	it('24 hours: at most 24 hours from the earliest landing to the departure is settled; more is a doubt', () => {
		const within = only(check(['IN'], [inbound, seg('PEK', 'NRT', '2026-03-16T18:30')]).stops);
		expect(verdict(within, 'transit24').status).toBe('eligible');
		expect(codes(within, 'transit24')).toContain('within-24h-earliest-arrival');
		// 01:00 to 02:00 the next day: 25 hours at most, but the flight may land hours after 01:00.
		const longer = only(check(['IN'], [inbound, seg('PEK', 'NRT', '2026-03-17T02:00')]).stops);
		expect(verdict(longer, 'transit24').status).toBe('conditional');
		expect(codes(longer, 'transit24')).toContain('times-missing');
		expect(codes(longer, 'transit24')).not.toContain('over-24h');
	});

	it('visa-free entry: within the 30 days counted from the earliest landing (French passport)', () => {
		const stop = only(check(['FR'], [inbound, seg('PEK', 'NRT', '2026-04-10T09:00')]).stops);
		expect(verdict(stop, 'visaFree').status).toBe('eligible');
		expect(codes(stop, 'visaFree')).toContain('within-limit-earliest-arrival');
	});

	// The day of entry lies between the earliest landing's and the departure's, and such a stay is judged by the
	// departure's day: the bound is used only where no rule starts or stops holding in between. Indonesia joined the
	// 240-hour list on 2025-06-12 [S10]: an Indonesian passport on a flight that cannot land before 10 June, leaving
	// on the 15th, may have entered before the list held it.
	it('is not used where a rule starts or stops holding between the earliest landing and the departure', () => {
		const trip = (earliest: string, leaves: string) => [
			seg('SIN', 'PVG', `${earliest.slice(0, 10)}T00:30`, undefined, {arrivalNotBefore: earliest}),
			seg('PVG', 'NRT', leaves),
		];
		const across = only(check(['ID'], trip('2025-06-10T00:30', '2025-06-15T09:00'), {today: '2025-06-01'}).stops);
		expect(verdict(across, 'transit240').status).toBe('conditional');
		expect(codes(across, 'transit240')).toContain('times-missing');
		const after = only(check(['ID'], trip('2025-06-12T00:30', '2025-06-15T09:00'), {today: '2025-06-01'}).stops);
		expect(verdict(after, 'transit240').status).toBe('eligible');
		expect(codes(after, 'transit240')).toContain('within-limit-earliest-arrival');
		// The day after an `until` is a change too: unilateral visa-free entry for French passports is scheduled to end
		// on 2026-12-31 [S28].
		const overEnd = only(check(['FR'], trip('2026-12-30T00:30', '2027-01-02T09:00'), {today: '2026-12-01'}).stops);
		expect(codes(overEnd, 'visaFree')).not.toContain('within-limit-earliest-arrival');
		expect(rulesChangeBetween(rules, dayNumber('2025-06-11'), dayNumber('2025-06-12'))).toBe(true);
		expect(rulesChangeBetween(rules, dayNumber('2025-06-12'), dayNumber('2025-06-13'))).toBe(false);
		expect(rulesChangeBetween(rules, dayNumber('2026-12-31'), dayNumber('2027-01-01'))).toBe(true);
		// Keys that end in "since" count wherever they are (the 240-hour policy's cross-province travel).
		expect(
			rulesChangeBetween(
				{
					data: {
						...rules.data,
						policies: {
							...rules.data.policies,
							transit240: {...rules.data.policies.transit240, crossProvinceSince: '2030-05-05'},
						},
					},
				},
				dayNumber('2030-05-04'),
				dayNumber('2030-05-05'),
			),
		).toBe(true);
	});

	it('an arrival given wins over the bound', () => {
		const both = seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00', {arrivalNotBefore: '2026-03-16T01:00'});
		const stop = only(check(['US'], [both, seg('PEK', 'NRT', '2026-03-16T18:30')]).stops);
		expect(codes(stop, 'transit24')).toContain('within-24h');
		expect(stop.arrival).toBe('2026-03-16T16:00');
	});

	it('validation: the bound is a clock, not before the take-off, and the next flight leaves after it', () => {
		const bad = (s: SegmentInput[]) => validateTrip({passports: ['US'], segments: s}, rules);
		expect(bad([{...inbound, arrivalNotBefore: '2026-03-16'}])).toMatchObject({ok: false});
		// 00:59 Beijing time is 12:59 in New York: before CA982 takes off.
		expect(bad([{...inbound, arrivalNotBefore: '2026-03-16T00:59'}])).toMatchObject({ok: false});
		expect(bad([inbound, seg('PEK', 'NRT', '2026-03-16T00:30')])).toMatchObject({ok: false});
		expect(bad([inbound, seg('PEK', 'NRT', '2026-03-16T01:00')])).toMatchObject({ok: true});
	});
});

describe('input validation', () => {
	it.each([
		[{passports: ['XX'], segments: []}, /unknown passport country code "XX"/],
		[{passports: ['US'], segments: [seg('JFK', 'QQX')]}, /unknown airport code "QQX"/],
		[{passports: ['US'], segments: [seg('JFK', 'PEK', '2026-02-30T10:00')]}, /not a real local time/],
		[{passports: ['US'], segments: [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-15T12:00')]}, /lands at PEK .* before it takes off/],
		[{passports: 'US', segments: []}, /passports/],
		[{passports: [], segments: [{from: 'JFK'}]}, /segments\.0\.to/],
	])('rejects %j', (input, message) => {
		const v = validateTrip(input, rules);
		expect(v.ok).toBe(false);
		if (!v.ok) expect(v.error).toMatch(message);
	});

	it('accepts a local arrival earlier than the local departure across time zones (NRT → LAX)', () => {
		expect(validateTrip({passports: [], segments: [seg('NRT', 'LAX', '2026-03-16T17:00', '2026-03-16T10:00')]}, rules).ok).toBe(true);
	});
});

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}
