import {describe, expect, it} from 'vitest';
import rawRules from '../../../data/transit-rules.json';
import rawAirports from '../../../data/airports.json';
import {buildRuleSet, DatasetError, loadRules} from '../../../lib/rules/load-rules';

const rules = loadRules();
const d = rules.data;
const inForce = (date: string) => (r: {since: string; until?: string}) => r.since <= date && (!r.until || date <= r.until);
const clone = <T>(x: T): T => structuredClone(x);

describe('the bundled dataset', () => {
	it('parses with the zod schemas and passes the cross-file checks', () => {
		expect(() => buildRuleSet(rawRules, rawAirports)).not.toThrow();
	});

	// NIA 2024-12-17 [S7]: 60 ports, 24 provinces; NIA 2025-06-12 [S10]: 55 countries; NIA 2025-11-03 [S1]: 65 ports.
	it.each([
		['2024-12-16', {}],
		['2024-12-17', {ports: 60, provinces: 24, nationalities: 54}],
		['2025-06-11', {nationalities: 54}],
		['2025-06-12', {ports: 60, nationalities: 55}],
		['2025-11-04', {ports: 60, inspectionExempt: 9}],
		['2025-11-05', {ports: 65, provinces: 24, nationalities: 55, inspectionExempt: 19}],
		['2026-11-26', {ports: 65, provinces: 24, nationalities: 55, inspectionExempt: 19}],
	] as const)('on %s the counts match the official ones', (date, expected) => {
		const actual = {
			ports: d.transit240Ports.filter(inForce(date)).length,
			provinces: d.transit240Areas.filter(inForce(date)).length,
			nationalities: d.transit240Nationalities.filter(inForce(date)).length,
			inspectionExempt: d.transit24InspectionExempt.filter(inForce(date)).length,
		};
		if (date === '2024-12-16') {
			// Before 2024-12-17 only the ports with a verified earlier date count: fewer than 60, never more.
			expect(actual.ports).toBeLessThan(60);
			return;
		}
		expect(actual).toMatchObject(expected);
	});

	it('has 47 airport ports, each a mainland airport in its province', () => {
		const airportPorts = d.transit240Ports.filter((p) => p.type === 'airport');
		expect(airportPorts).toHaveLength(47);
		for (const p of airportPorts) expect(rules.airports[p.iata!]).toMatchObject({country: 'CN', province: p.province});
	});

	it('encodes the partial provinces as their listed prefectures', () => {
		const count = (province: string) => rules.areasByProvince.get(province)?.prefectures?.length;
		expect(count('140000')).toBe(2); // Shanxi: Taiyuan, Datong [S7]
		expect(count('230000')).toBe(1); // Heilongjiang: Harbin
		expect(count('360000')).toBe(2); // Jiangxi: Nanchang, Jingdezhen [S7]
		expect(count('450000')).toBe(12); // Guangxi: 12 cities [S9]
		expect(count('510000')).toBe(11); // Sichuan: 11 cities [S47]
		expect(count('530000')).toBe(9); // Yunnan: 9 areas [S16]
	});

	it('classifies Hong Kong, Macao and Taiwan as regions of their own, apart from the mainland', () => {
		expect(rules.airports.HKG?.country).toBe('HK');
		expect(rules.airports.MFM?.country).toBe('MO');
		expect(rules.airports.TPE?.country).toBe('TW');
		expect(rules.airports.PVG?.country).toBe('CN');
	});

	it('gives every mainland airport a province, a prefecture, a Chinese name and Beijing time', () => {
		const mainland = Object.entries(rules.airports).filter(([, a]) => a.country === 'CN');
		expect(mainland.length).toBeGreaterThan(250);
		for (const [, a] of mainland) {
			expect(a).toMatchObject({
				tz: 'Asia/Shanghai',
				province: expect.stringMatching(/^\d{2}0000$/),
				prefecture: expect.stringMatching(/^\d{6}$/),
			});
			expect(a.nameZh).toMatch(/机场/);
		}
		expect(rules.airports.JHG).toMatchObject({nameZh: '西双版纳嘎洒国际机场', prefecture: '532800'});
	});

	it('keeps the unverified flags of the facts sheet', () => {
		expect(d.policies.transit240.counting.verified).toBe(false); // no 240 h-specific text in the sources
		expect(d.transit240Nationalities.find((n) => n.country === 'BY')?.sinceExact).toBe(false); // Belarus date not found
		expect(d.transit240Ports.find((p) => p.id === 'PKX')?.sinceExact).toBe(false);
		expect(d.visaFree.find((v) => v.country === 'MV')).toMatchObject({verified: false, daysVerified: false});
	});

	it('carries rulesVersion, reviewedAt and the latest rule change', () => {
		expect(d).toMatchObject({rulesVersion: expect.any(String), reviewedAt: '2026-11-22', latestRuleChange: '2026-02-17'});
	});

	it('cites a known source in every record', () => {
		const ids = new Set(d.sources.map((s) => s.id));
		const all = [
			...d.transit240Nationalities,
			...d.transit240Ports,
			...d.transit240Areas,
			...d.transit24InspectionExempt,
			...d.visaFree,
		];
		for (const r of all) for (const s of r.sources) expect(ids).toContain(s);
	});
});

describe('a broken dataset fails', () => {
	const broken: [string, (r: typeof rawRules, a: typeof rawAirports) => void, RegExp][] = [
		[
			'a port airport missing from the airport table',
			(r) => void (r.transit240Ports.find((p) => p.id === 'PEK')!.iata = 'QQQ'),
			/QQQ is not in data\/airports.json/,
		],
		['a record without sources', (r) => void (r.transit240Nationalities[0]!.sources = []), /sources/],
		['a bad date', (r) => void (r.transit240Ports[0]!.since = '2024-13-01'), /since/],
		['an unsorted list', (r) => void r.transit240Nationalities.reverse(), /not sorted and unique/],
		[
			'a duplicate nationality',
			(r) => void r.transit240Nationalities.push(clone(r.transit240Nationalities[0]!)),
			/not sorted and unique/,
		],
		[
			'a count that no longer matches the official one',
			(r) => void r.transit240Ports.splice(0, 1),
			/65 ports expected, the data has 64/,
		],
		['an unknown source id', (r) => void (r.transit24InspectionExempt[0]!.sources = ['S999']), /unknown source S999/],
		['an unknown field', (r) => void Object.assign(r, {surprise: true}), /surprise|Unrecognized/],
		[
			'a mainland airport without a prefecture',
			(_r, a) => void delete (a.airports.PEK as {prefecture?: string}).prefecture,
			/without province, prefecture/,
		],
		['an end date before its start', (r) => void (r.visaFree[0]!.until = '2000-01-01'), /before since/],
	];
	it.each(broken)('%s', (_name, mutate, message) => {
		const r = clone(rawRules);
		const a = clone(rawAirports);
		mutate(r, a);
		expect(() => buildRuleSet(r, a)).toThrow(DatasetError);
		expect(() => buildRuleSet(r, a)).toThrow(message);
	});
});

describe('the content script trusts the bundled files (no second zod parse)', () => {
	it('gets exactly the data the parsed load gets: the schemas have no defaults or transforms', () => {
		const parsed = buildRuleSet(rawRules, rawAirports);
		const trusted = buildRuleSet(rawRules, rawAirports, {trusted: true});
		expect(trusted.data).toEqual(parsed.data);
		expect(trusted.airports).toEqual(parsed.airports);
	});

	it('still fails closed on an inconsistent bundle (the cross-file checks run)', () => {
		const r = structuredClone(rawRules) as {transit240Ports: {iata?: string}[]};
		r.transit240Ports[0]!.iata = 'ZZZ';
		expect(() => buildRuleSet(r, rawAirports, {trusted: true})).toThrow(DatasetError);
	});
});
