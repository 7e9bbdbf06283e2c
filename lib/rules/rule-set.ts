import rawRules from '../../data/transit-rules.json';
import rawAirports from '../../data/airports.json';
import rawDomains from '../../data/source-domains.json';
import type {AirportsFile} from '../airports/schema';
import {withNames} from '../airports/names';
import type {SourceDomains, TransitRules} from './schema';
import {sourceLinkProblems, type DomainRule} from './source-links';
import {indexRules} from './engine-rules';
import {storedUpdateNewerThan} from './update-state';

/**
 * The dataset as the engine reads it, without a validation library: the files were parsed with the zod schemas at
 * build time (wxt.config.ts), by `npm run data:validate` and in the tests (./load-rules.ts), so the content script and
 * the extension's pages take the bundled data as it is. Every cross-file check still runs here, so an inconsistent
 * bundle still fails closed.
 */

/**
 * The full dataset indexed by code: names, notes, wordings and sources as well as what the engine reads. The engine
 * takes any EngineRules (./engine-rules.ts); this is one, and so is the content script's compact set.
 */
export type RuleSet = ReturnType<typeof indexRules<TransitRules>> & {
	airports: AirportsFile['airports'];
	divisions: AirportsFile['divisions'];
	traditional?: AirportsFile['traditional'];
	metros?: AirportsFile['metros'];
	airportOf: (iata: string) => AirportsFile['airports'][string] | undefined;
	sourceIds: Set<string>;
};

export class DatasetError extends Error {
	override name = 'DatasetError';
}

/** Facts that span records or files, which a per-record schema cannot see. Returns one line per problem. */
export function crossCheck(
	data: TransitRules,
	airports: AirportsFile,
	domains: readonly DomainRule[] = rawDomains.domains as DomainRule[],
): string[] {
	const problems: string[] = [];
	const sourceIds = new Set(data.sources.map((s) => s.id));
	const check = (where: string, ids: string[]) => {
		for (const id of ids) if (!sourceIds.has(id)) problems.push(`${where}: unknown source ${id}`);
	};
	const sortedUnique = (where: string, keys: string[]) => {
		for (let i = 1; i < keys.length; i++) {
			if (keys[i - 1]! >= keys[i]!) problems.push(`${where}: not sorted and unique at ${keys[i - 1]} / ${keys[i]}`);
		}
	};
	const dated = (where: string, r: {since: string; until?: string; ended?: {sources: string[]}}) => {
		if (r.until && r.until < r.since) problems.push(`${where}: until ${r.until} is before since ${r.since}`);
		if (r.ended && !r.until) problems.push(`${where}: ended without an until date`);
		if (r.ended) check(`${where} ended`, r.ended.sources);
	};
	const keyed: [string, string[]][] = [
		['sources', data.sources.map((s) => s.id.replace(/\d+/, (n) => n.padStart(3, '0')))],
		['transit240Nationalities', data.transit240Nationalities.map((n) => n.country)],
		['transit240Ports', data.transit240Ports.map((p) => p.id)],
		['transit240Areas', data.transit240Areas.map((a) => a.province)],
		['transit24InspectionExempt', data.transit24InspectionExempt.map((a) => a.iata)],
		['visaFree', data.visaFree.map((v) => `${v.country} ${v.since}`)],
	];
	for (const [where, keys] of keyed) sortedUnique(where, keys);
	// A permitted area: a whole province, or the listed prefectures of that province.
	const checkArea = (where: string, a: {province: string; area: 'whole' | 'listed'; prefectures?: string[]}) => {
		if (a.area === 'listed' && !(a.prefectures && a.prefectures.length > 0)) problems.push(`${where}: listed area without prefectures`);
		if (a.area === 'whole' && a.prefectures) problems.push(`${where}: whole province with a prefecture list`);
		for (const code of a.prefectures ?? []) {
			if (code.slice(0, 2) !== a.province.slice(0, 2)) problems.push(`${where}: prefecture ${code} is in another province`);
		}
	};
	for (const s of data.sources) {
		if (!s.url && !s.document) problems.push(`source ${s.id}: neither url nor document`);
	}
	// Every link the product shows opens on a reviewed site over https; "official" only on a government's own site.
	problems.push(...sourceLinkProblems(data.sources, domains));
	for (const n of data.transit240Nationalities) {
		check(`nationality ${n.country}`, n.sources);
		dated(`nationality ${n.country}`, n);
	}
	const provinces = new Set(data.transit240Areas.map((a) => a.province));
	for (const p of data.transit240Ports) {
		check(`port ${p.id}`, p.sources);
		dated(`port ${p.id}`, p);
		if (!provinces.has(p.province)) problems.push(`port ${p.id}: province ${p.province} has no permitted area`);
		if (p.type === 'airport') {
			if (!p.iata) problems.push(`port ${p.id}: an airport port needs its IATA code`);
			else if (p.id !== p.iata) problems.push(`port ${p.id}: an airport port's id is its IATA code`);
			const a = p.iata ? airports.airports[p.iata] : undefined;
			if (p.iata && !a) problems.push(`port ${p.id}: airport ${p.iata} is not in data/airports.json`);
			else if (a && (a.country !== 'CN' || a.province !== p.province)) {
				problems.push(`port ${p.id}: airports.json puts ${p.iata} in ${a.country} ${a.province ?? ''}, not ${p.province}`);
			}
		} else if (p.iata) problems.push(`port ${p.id}: only airports have IATA codes`);
	}
	for (const a of data.transit240Areas) {
		check(`area ${a.province}`, a.sources);
		checkArea(`area ${a.province}`, a);
		sortedUnique(`area ${a.province} prefectures`, a.prefectures ?? []);
	}
	for (const e of data.transit24InspectionExempt) {
		check(`inspection-exempt ${e.iata}`, e.sources);
		if (airports.airports[e.iata]?.country !== 'CN')
			problems.push(`inspection-exempt ${e.iata}: not a mainland airport in data/airports.json`);
	}
	for (const v of data.visaFree) {
		check(`visa-free ${v.country}`, v.sources);
		dated(`visa-free ${v.country}`, v);
		if (v.stayLimits) {
			const where = `visa-free ${v.country} ${v.since} stay limits`;
			for (const l of v.stayLimits) check(where, l.sources);
			sortedUnique(
				where,
				v.stayLimits.map((l) => l.since),
			);
			if (v.stayLimits[0]!.since !== v.since) problems.push(`${where}: the first limit must start with the regime (${v.since})`);
			if (v.stayLimits.at(-1)!.days !== v.days) problems.push(`${where}: the last limit must be the regime's days (${v.days})`);
		}
	}
	for (const r of data.regionalVisaFree) {
		const where = `regional visa-free ${r.id}`;
		check(where, r.sources);
		dated(where, r);
		if ((r.days === undefined) === (r.hours === undefined)) problems.push(`${where}: give its limit in days or in hours`);
		for (const iata of r.entryAirports ?? [])
			if (airports.airports[iata]?.country !== 'CN') problems.push(`${where}: ${iata} is not a mainland airport`);
		if (r.countries) sortedUnique(`${where} countries`, r.countries);
	}
	for (const s of data.transitSchemes) {
		const where = `transit scheme ${s.id}`;
		check(where, s.sources);
		dated(where, s);
		// The schemes are what came before the 240-hour policy: none may run into it.
		if (!s.until || s.until >= data.policies.transit240.since)
			problems.push(`${where}: must end before ${data.policies.transit240.since}`);
		for (const p of s.ports) {
			const a = airports.airports[p.iata];
			if (a?.country !== 'CN') problems.push(`${where}: ${p.iata} is not a mainland airport in data/airports.json`);
			if (p.since && (p.since < s.since || (s.until && p.since > s.until)))
				problems.push(`${where}: ${p.iata} joins outside the scheme's dates`);
		}
		for (const a of s.areas) {
			if (!airports.divisions[a.province]) problems.push(`${where}: unknown province ${a.province}`);
			checkArea(where, a);
		}
		// Every airport of the scheme lies inside its area.
		for (const p of s.ports) {
			const a = airports.airports[p.iata];
			const area = s.areas.find((x) => x.province === a?.province);
			if (a && (!area || (area.area === 'listed' && !area.prefectures!.includes(a.prefecture ?? ''))))
				problems.push(`${where}: ${p.iata} lies outside the scheme's area`);
		}
	}
	const inForce = (date: string) => (r: {since: string; until?: string}) => r.since <= date && (!r.until || date <= r.until);
	for (const c of data.officialCounts) {
		check(`official count ${c.date}`, c.sources);
		const actual = {
			ports: data.transit240Ports.filter(inForce(c.date)).length,
			provinces: data.transit240Areas.filter(inForce(c.date)).length,
			nationalities: data.transit240Nationalities.filter(inForce(c.date)).length,
			inspectionExempt: data.transit24InspectionExempt.filter(inForce(c.date)).length,
		};
		for (const key of ['ports', 'provinces', 'nationalities', 'inspectionExempt'] as const) {
			const expected = c[key];
			if (expected !== undefined && actual[key] !== expected) {
				problems.push(`official count ${c.date}: ${expected} ${key} expected, the data has ${actual[key]}`);
			}
		}
	}
	for (const [iata, a] of Object.entries(airports.airports)) {
		if (a.country === 'CN') {
			if (!a.province || !a.prefecture || !a.nameZh)
				problems.push(`airport ${iata}: mainland airport without province, prefecture or Chinese name`);
			else if (a.prefecture.slice(0, 2) !== a.province.slice(0, 2)) problems.push(`airport ${iata}: prefecture outside its province`);
			if (a.tz !== 'Asia/Shanghai') problems.push(`airport ${iata}: mainland airports keep Beijing time`);
		} else if (a.province || a.prefecture) problems.push(`airport ${iata}: only mainland airports carry divisions`);
	}
	return problems;
}

/** Indexes checked data for the engine; throws DatasetError when the files disagree with each other. */
export function assembleRuleSet(data: TransitRules, airports: AirportsFile, domains: SourceDomains = rawDomains as SourceDomains): RuleSet {
	const problems = crossCheck(data, airports, domains.domains);
	if (problems.length > 0) throw new DatasetError(`dataset is inconsistent:\n${problems.join('\n')}`);
	return withNames({
		...indexRules(data),
		airports: airports.airports,
		divisions: airports.divisions,
		...(airports.traditional ? {traditional: airports.traditional} : {}),
		...(airports.metros ? {metros: airports.metros} : {}),
		airportOf: (iata) => airports.airports[iata],
		sourceIds: new Set(data.sources.map((s) => s.id)),
	});
}

let memo: RuleSet | undefined;

/** The bundled dataset, trusted (validated at build time) and checked across files, once per context. */
export function bundledRules(): RuleSet {
	memo ??= assembleRuleSet(rawRules as TransitRules, rawAirports as AirportsFile);
	return memo;
}

let inUseMemo: {key: string; rules: RuleSet} | undefined;

/**
 * The rules the extension's pages and the background use: a stored update (./update-state.ts) where it is newer than
 * the bundled rules and still passes the cross-file checks, else the bundled rules. Never throws for a bad update.
 */
export function ruleSetInUse(storedUpdate: unknown): RuleSet {
	const bundled = bundledRules();
	const update = storedUpdateNewerThan(storedUpdate, bundled.data.rulesVersion);
	if (!update) return bundled;
	const key = `${update.rulesVersion} ${update.fetchedAt}`;
	if (inUseMemo?.key === key) return inUseMemo.rules;
	try {
		inUseMemo = {key, rules: assembleRuleSet(update.rules, rawAirports as AirportsFile)};
		return inUseMemo.rules;
	} catch {
		return bundled;
	}
}
