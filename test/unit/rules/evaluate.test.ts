/**
 * The engine, rule by rule. Each case cites the wording it comes from (source ids as in data/transit-rules.json and
 * ../shared/rules-facts.md). Assertions are on statuses and reason codes, never on UI text.
 */
import {describe, expect, it} from 'vitest';
import rawRules from '../../../data/transit-rules.json';
import rawAirports from '../../../data/airports.json';
import {evaluateTrip} from '../../../lib/rules/evaluate';
import {buildRuleSet, loadRules, type RuleSet} from '../../../lib/rules/load-rules';
import type {PolicyId, SegmentInput, Stop} from '../../../lib/rules/types';
import {validateTrip} from '../../../lib/rules/validate';

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

const seg = (from: string, to: string, departure?: string, arrival?: string, extra: Partial<SegmentInput> = {}): SegmentInput => ({
	from,
	to,
	...(departure ? {departure} : {}),
	...(arrival ? {arrival} : {}),
	...extra,
});

describe('24-hour direct transit (Exit and Entry Administration Law art. 22(3) [S18]; NIA [S19][S1])', () => {
	it('the brief\'s example: US passport, JFK → PEK → NRT with 2 h 30 at Beijing Capital', () => {
		const stop = only(
			check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00', {flight: 'CA982'}), seg('PEK', 'NRT', '2026-03-16T18:30', '2026-03-16T22:45')]).stops,
		);
		expect(stop).toMatchObject({airports: ['PEK'], arrival: '2026-03-16T16:00', departure: '2026-03-16T18:30', from: 'US', to: 'JP', best: 'transit24'});
		expect(verdict(stop, 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: true});
		expect(verdict(stop, 'transit240')).toMatchObject({status: 'eligible', passport: 'US', deadline: '2026-03-27T00:00'});
		expect(verdict(stop, 'visaFree')).toMatchObject({status: 'ineligible', passport: 'US'});
	});

	it('applies to any nationality: "citizens of all other countries" [S21]', () => {
		const stop = only(check(['IN'], [seg('DEL', 'PVG', '2026-03-15T23:00', '2026-03-16T07:30'), seg('PVG', 'LAX', '2026-03-16T12:00', '2026-03-16T08:30')]).stops);
		expect(verdict(stop, 'transit24').status).toBe('eligible');
		expect(verdict(stop, 'transit240').status).toBe('ineligible');
		expect(codes(stop, 'transit240')).toContain('nationality-not-listed');
		expect(stop.best).toBe('transit24');
	});

	it('"not more than 24 hours" [S18]: exactly 24 h is within, one minute more is not', () => {
		const at = (dep: string) => only(check(['US'], [seg('LAX', 'CAN', '2026-05-01T00:30', '2026-05-02T06:00'), seg('CAN', 'SIN', dep, '2026-05-03T10:00')]).stops);
		expect(verdict(at('2026-05-03T06:00'), 'transit24').status).toBe('eligible');
		const over = at('2026-05-03T06:01');
		expect(verdict(over, 'transit24').status).toBe('ineligible');
		expect(codes(over, 'transit24')).toContain('over-24h');
		expect(over.best).toBe('transit240'); // US on the 55-country list, CAN an entry port [S1]
	});

	it('a domestic leg means leaving the port: not direct transit [S18 art. 22(3)][S43]', () => {
		const stop = only(
			check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'SHA', '2026-03-16T18:00', '2026-03-16T20:10'), seg('SHA', 'HND', '2026-03-17T08:00', '2026-03-17T11:50')]).stops,
		);
		expect(stop.airports).toEqual(['PEK', 'SHA']);
		expect(stop.domesticLegs).toBe(1);
		expect(verdict(stop, 'transit24').status).toBe('ineligible');
		expect(codes(stop, 'transit24')).toContain('domestic-leg');
		// 240 h allows travel across the permitted areas since 2024-12-17 [S7]
		expect(verdict(stop, 'transit240').status).toBe('eligible');
	});

	it('changing airports (PVG → SHA) means leaving the port [S43d]', () => {
		const stop = only(check(['US'], [seg('SFO', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'), seg('SHA', 'ICN', '2026-03-17T09:00', '2026-03-17T12:00')]).stops);
		expect(stop.airports).toEqual(['PVG', 'SHA']);
		expect(codes(stop, 'transit24')).toContain('airport-change');
		expect(verdict(stop, 'transit24').status).toBe('ineligible');
	});

	it('onward to the same country is not a third country: US → PEK → US [S19c][S1]', () => {
		const stop = only(check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'EWR', '2026-03-16T20:00', '2026-03-16T21:00')]).stops);
		expect(codes(stop, 'transit24')).toContain('onward-same-region');
		expect(codes(stop, 'transit240')).toContain('onward-same-region');
		expect(stop.best).toBeNull();
	});

	it('airside stays skip inspection only at the listed airports, from their listing date: Tianjin from 2025-11-05 [S1]', () => {
		const at = (day: string) =>
			only(check(['US'], [seg('ICN', 'TSN', `${day}T09:00`, `${day}T10:00`), seg('TSN', 'NRT', `${day}T14:00`, `${day}T18:00`)]).stops);
		expect(verdict(at('2025-11-04'), 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: false});
		expect(verdict(at('2025-11-05'), 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: true});
		// Shanghai Hongqiao is not on the list: still visa-free, but with border inspection [rules-facts.md §2.4]
		const sha = only(check(['US'], [seg('ICN', 'SHA', '2026-01-20T09:00', '2026-01-20T10:00'), seg('SHA', 'NRT', '2026-01-20T14:00', '2026-01-20T18:00')]).stops);
		expect(verdict(sha, 'transit24')).toMatchObject({status: 'eligible', inspectionExempt: false});
		expect(codes(sha, 'transit24')).toContain('inspection-required');
	});

	it('separate tickets rule out staying airside: the law asks for a connecting ticket [S18][S43]', () => {
		const stop = only(
			check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-16T21:30', '2026-03-17T01:45', {separateTickets: true})]).stops,
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
		const on = (arr: string, dep: string) => verdict(only(check([], [seg('JFK', 'PEK', undefined, arr), seg('PEK', 'NRT', dep)]).stops), 'transit24').status;
		expect(on('2026-03-16', '2026-03-16')).toBe('eligible');
		expect(on('2026-03-16', '2026-03-17')).toBe('conditional');
		expect(on('2026-03-16', '2026-03-18')).toBe('ineligible');
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
		const stop = only(check(['US'], [seg('ICN', 'PEK', '2026-03-15T22:00', '2026-03-16T00:30'), seg('PEK', 'NRT', '2026-03-27T00:00', '2026-03-27T04:30')]).stops);
		expect(stop.durationMinutes).toBe(263 * 60 + 30);
		expect(verdict(stop, 'transit240').status).toBe('eligible');
	});

	it('origin and destination must differ (A ≠ C) even through different airports: LAX → PVG → JFK [S25][S24]', () => {
		const stop = only(check(['US'], [seg('LAX', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'), seg('PVG', 'JFK', '2026-03-20T10:00', '2026-03-20T12:00')]).stops);
		expect(codes(stop, 'transit240')).toContain('onward-same-region');
		expect(verdict(stop, 'transit240').status).toBe('ineligible');
	});

	it('only the country just before and just after count: London–Tokyo–Shanghai–London qualifies [S23a]', () => {
		const stop = only(
			check(['GB'], [seg('LHR', 'HND', '2025-03-01T10:00', '2025-03-02T07:00'), seg('HND', 'PVG', '2025-03-05T10:00', '2025-03-05T12:30'), seg('PVG', 'LHR', '2025-03-10T11:00', '2025-03-10T16:00')]).stops,
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
		const stop = only(check(['US'], [seg(a, b, '2026-04-01T08:00', '2026-04-01T10:30'), seg(b, c, '2026-04-05T09:00', '2026-04-05T11:30')]).stops);
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
			check(['US'], [
				seg('LAX', 'PVG', '2026-04-01T11:00', '2026-04-02T17:00'),
				seg('PVG', airport, '2026-04-03T09:00', '2026-04-03T13:00'),
				seg(airport, 'PVG', '2026-04-05T09:00', '2026-04-05T13:00'),
				seg('PVG', 'NRT', '2026-04-06T09:00', '2026-04-06T13:00'),
			]).stops,
		);
		expect(verdict(stop, 'transit240').status).toBe(status === 'conditional' ? 'eligible' : status);
		if (status === 'ineligible') expect(codes(stop, 'transit240')).toContain('outside-permitted-area');
	});

	it('leaving from an airport that is not a designated port is a doubt, not a pass: KMG → JHG → BKK [S7][S26]', () => {
		const stop = only(
			check(['US'], [seg('ICN', 'KMG', '2026-04-01T08:00', '2026-04-01T12:00'), seg('KMG', 'JHG', '2026-04-02T09:00', '2026-04-02T10:00'), seg('JHG', 'BKK', '2026-04-04T11:00', '2026-04-04T12:30')]).stops,
		);
		expect(verdict(stop, 'transit240').status).toBe('conditional');
		expect(codes(stop, 'transit240')).toContain('exit-port-not-listed');
	});

	it('entry must be at one of the 65 ports: Urumqi is not one [S1]', () => {
		const stop = only(check(['US'], [seg('IST', 'URC', '2026-04-01T01:00', '2026-04-01T09:00'), seg('URC', 'ALA', '2026-04-03T10:00', '2026-04-03T10:30')]).stops);
		expect(codes(stop, 'transit240')).toContain('port-not-listed');
	});

	it('a nationality counts from its start date: Indonesia from 2025-06-12 [S10]', () => {
		const on = (day: string) =>
			only(check(['ID'], [seg('CGK', 'CAN', `${day}T01:00`, `${day}T07:00`), seg('CAN', 'ICN', `${addDays(day, 3)}T09:00`, `${addDays(day, 3)}T14:00`)]).stops);
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
			only(check(['US'], [seg('ICN', 'TFU', `${day}T01:00`, `${day}T07:00`), seg('TFU', 'SIN', `${addDays(day, 2)}T09:00`, `${addDays(day, 2)}T14:00`)], {ruleSet}).stops);
		expect(codes(on('2026-06-30'), 'transit240')).toContain('port-not-yet-open');
		expect(verdict(on('2026-07-01'), 'transit240').status).toBe('eligible');
	});

	it('a port whose first date is not verified gives doubt before the date it is known by (Beijing Daxing)', () => {
		// The 240-hour policy itself starts 2024-12-17, so use the data's own date for PKX with the policy moved earlier.
		const data = structuredClone(rawRules);
		data.policies.transit240.since = '2024-01-01';
		const ruleSet = buildRuleSet(data, rawAirports);
		const stop = only(check(['US'], [seg('ICN', 'PKX', '2024-10-01T01:00', '2024-10-01T07:00'), seg('PKX', 'SIN', '2024-10-03T09:00', '2024-10-03T14:00')], {ruleSet}).stops);
		expect(codes(stop, 'transit240')).toContain('port-date-unverified');
		expect(verdict(stop, 'transit240').status).toBe('conditional');
	});

	it('the 240-hour rule does not exist before 2024-12-17 [S7]', () => {
		const stop = only(check(['US'], [seg('ICN', 'PEK', '2024-10-01T01:00', '2024-10-01T07:00'), seg('PEK', 'SIN', '2024-10-04T09:00', '2024-10-04T14:00')]).stops);
		expect(codes(stop, 'transit240')).toContain('policy-not-in-force');
	});

	it('without a passport: unknown, listing the nationalities that qualify on that date', () => {
		const stop = only(check([], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')]).stops);
		const t240 = verdict(stop, 'transit240');
		expect(t240.status).toBe('unknown');
		expect(t240.qualifyingNationalities).toHaveLength(55);
		expect(t240.qualifyingNationalities).toContain('US');
		expect(verdict(stop, 'visaFree').status).toBe('unknown');
		expect(verdict(stop, 'transit24').status).toBe('ineligible'); // 3 days
	});
});

describe('visa-free entry (MFA unilateral list [S28]; mutual agreements [S38])', () => {
	const trip = (passports: string[], arrival: string, departure: string) =>
		only(check(passports, [seg('FRA', 'PEK', `${addDays(arrival, -1)}T22:00`, `${arrival}T14:00`), seg('PEK', 'FRA', `${departure}T10:00`, `${departure}T14:00`)]).stops);

	it('France: 30 days, counted from 00:00 of the day after entry; the same country both ways is fine', () => {
		const stop = trip(['FR'], '2026-03-16', '2026-04-15');
		expect(verdict(stop, 'visaFree')).toMatchObject({status: 'eligible', passport: 'FR', deadline: '2026-04-16T00:00', regime: {kind: 'unilateral', days: 30, until: '2026-12-31'}});
		expect(stop.best).toBe('visaFree');
		expect(verdict(trip(['FR'], '2026-03-16', '2026-04-16'), 'visaFree').status).toBe('ineligible');
	});

	it('after a regime\'s end date it is never eligible, and says the data may be out of date: France after 2026-12-31 [S28]', () => {
		const result = check(['FR'], [seg('FRA', 'PEK', '2027-01-09T22:00', '2027-01-10T14:00'), seg('PEK', 'FRA', '2027-01-15T10:00', '2027-01-15T14:00')]);
		const stop = only(result.stops);
		expect(verdict(stop, 'visaFree').status).toBe('ineligible');
		expect(codes(stop, 'visaFree')).toContain('regime-ended');
		expect(result.notices.map((n) => n.code)).toContain('regime-may-be-extended');
	});

	it('Russia: the trial ran 2025-09-15 to 2026-09-14 [S30]; later trips fall back to 240 h where it applies', () => {
		const during = check(['RU'], [seg('SVO', 'PEK', '2026-09-01T22:00', '2026-09-02T10:00'), seg('PEK', 'SVO', '2026-09-10T10:00', '2026-09-10T14:00')]);
		expect(verdict(only(during.stops), 'visaFree').status).toBe('eligible');
		const after = only(check(['RU'], [seg('SVO', 'PEK', '2026-10-01T22:00', '2026-10-02T10:00'), seg('PEK', 'ICN', '2026-10-05T10:00', '2026-10-05T14:00')]).stops);
		expect(codes(after, 'visaFree')).toContain('regime-ended');
		expect(after.best).toBe('transit240');
	});

	it('the UK from 2026-02-17 [S29]', () => {
		const at = (day: string) =>
			verdict(only(check(['GB'], [seg('LHR', 'PVG', `${addDays(day, -1)}T20:00`, `${day}T14:00`), seg('PVG', 'LHR', `${addDays(day, 7)}T10:00`, `${addDays(day, 7)}T15:00`)]).stops), 'visaFree');
		expect(at('2026-02-16').status).toBe('ineligible');
		expect(at('2026-02-17').status).toBe('eligible');
	});

	it('a mutual agreement that is not verified gives doubt: Maldives [S38]', () => {
		const stop = trip(['MV'], '2026-03-16', '2026-03-20');
		expect(verdict(stop, 'visaFree').status).toBe('conditional');
		expect(codes(stop, 'visaFree')).toEqual(expect.arrayContaining(['regime-unverified', 'stay-limit-unknown']));
	});

	it('a verified mutual agreement: Singapore, 30 days from 2024-02-09 [S38a][S38n]', () => {
		expect(verdict(trip(['SG'], '2026-03-16', '2026-03-30'), 'visaFree')).toMatchObject({status: 'eligible', regime: {kind: 'mutual', days: 30}});
	});

	it('the stay limit is checked: 31 days is too long for 30', () => {
		expect(codes(trip(['SG'], '2026-03-16', '2026-04-17'), 'visaFree')).toContain('over-stay-limit');
	});
});

describe('several passports, stays and edges', () => {
	it('each policy uses the passport that qualifies: US + FR on a US → PEK → US round trip', () => {
		const stop = only(check(['US', 'FR'], [seg('LAX', 'PEK', '2026-03-15T11:00', '2026-03-16T16:00'), seg('PEK', 'LAX', '2026-03-24T12:00', '2026-03-24T09:00')]).stops);
		expect(verdict(stop, 'visaFree')).toMatchObject({status: 'eligible', passport: 'FR'});
		expect(verdict(stop, 'transit240').status).toBe('ineligible'); // A = C for either passport
		expect(stop.best).toBe('visaFree');
	});

	it('two passports are never worse than one', () => {
		const segments = [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')];
		const one = only(check(['IN'], segments).stops);
		const two = only(check(['IN', 'US'], segments).stops);
		expect(verdict(one, 'transit240').status).toBe('ineligible');
		expect(verdict(two, 'transit240')).toMatchObject({status: 'eligible', passport: 'US'});
	});

	it('a trip that never touches the mainland has no stops', () => {
		const result = check(['US'], [seg('SFO', 'HKG', '2026-03-15T13:00', '2026-03-16T19:00'), seg('HKG', 'NRT', '2026-03-16T22:00', '2026-03-17T03:30')]);
		expect(result.stops).toEqual([]);
	});

	it('two separate stays on one trip are judged separately', () => {
		const result = check(['US'], [
			seg('LAX', 'PVG', '2026-03-15T11:00', '2026-03-16T17:00'),
			seg('PVG', 'HKG', '2026-03-16T20:00', '2026-03-16T22:40'),
			seg('HKG', 'CAN', '2026-03-20T09:00', '2026-03-20T10:10'),
			seg('CAN', 'SIN', '2026-03-20T15:00', '2026-03-20T19:00'),
		]);
		expect(result.stops.map((s) => [s.airports, s.from, s.to, s.best])).toEqual([
			[['PVG'], 'US', 'HK', 'transit24'],
			[['CAN'], 'HK', 'SG', 'transit24'],
		]);
	});

	it('a domestic trip that starts in the mainland has no stop to judge, and says so', () => {
		const result = check(['US'], [seg('PEK', 'TAO', '2026-09-15T09:50', '2026-09-15T11:20'), seg('TAO', 'SHA', '2026-09-15T14:35', '2026-09-15T16:15')]);
		expect(result.stops).toEqual([]);
		expect(result.notices.map((n) => n.code)).toEqual(['trip-starts-in-mainland']);
	});

	it('an arrival by land from Hong Kong (no flight into the mainland shown) is a stay whose entry is not shown', () => {
		const stop = only(check(['US'], [seg('NRT', 'HKG', '2026-04-01T09:00', '2026-04-01T13:00'), seg('SZX', 'PEK', '2026-04-02T09:00', '2026-04-02T12:00'), seg('PEK', 'ICN', '2026-04-04T09:00', '2026-04-04T12:00')]).stops);
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
		const segments = [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-16T18:30', '2026-03-16T22:45')];
		expect(check(['US'], segments, {today: '2027-05-20'}).notices.map((n) => n.code)).toEqual([]);
		expect(check(['US'], segments, {today: '2027-05-22'}).notices.map((n) => n.code)).toEqual(['data-review-old']);
	});

	it('reminds of what no itinerary can show, without turning it into doubt', () => {
		const stop = only(check(['US'], [seg('JFK', 'PEK', '2026-03-15T13:00', '2026-03-16T16:00'), seg('PEK', 'NRT', '2026-03-19T18:30', '2026-03-19T22:45')]).stops);
		expect(stop.reminders.map((r) => r.code)).toEqual(expect.arrayContaining(['passport-validity', 'onward-ticket', 'purpose']));
		expect(verdict(stop, 'transit240').status).toBe('eligible');
	});

	it('every reason cites sources that exist in the dataset', () => {
		const stop = only(check(['US', 'MV'], [seg('JFK', 'PEK'), seg('PEK', 'URC'), seg('URC', 'JFK')]).stops);
		for (const v of stop.verdicts) for (const r of v.reasons) for (const s of r.sources) expect(rules.sourceIds).toContain(s);
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
