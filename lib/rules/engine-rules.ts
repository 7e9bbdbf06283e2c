/**
 * The rules as the engine reads them, indexed by code: made from the full dataset (./rule-set.ts) on the extension's
 * pages, in the background and the command line, or from the compact one (./compact.ts) in the content script.
 * Indexing only: the data was validated at build time and in the tests, and is not checked again on a results page.
 */
import type {AirportCore, AirportTable} from '../airports';
import {expandAirports, type CompactDataset, type EngineData} from './compact';
import type {PolicyId, PolicyVerdict} from './types';
import {dayNumber} from '../time';

type Port = EngineData['transit240Ports'][number];
type Area = EngineData['transit240Areas'][number];
type Nationality = EngineData['transit240Nationalities'][number];
type Exempt = EngineData['transit24InspectionExempt'][number];

/** An AirportTable (adapters and parsers take it as one), and the rules indexed by code. */
export type EngineRules = AirportTable & {
	data: EngineData;
	airports: Record<string, AirportCore>;
	portsByIata: Map<string, Port>;
	areasByProvince: Map<string, Area>;
	nationalities: Map<string, Nationality>;
	exemptByIata: Map<string, Exempt>;
	visaFreeByCountry: Map<string, EngineData['visaFree']>;
	/**
	 * An airport by IATA code: what the engine reads `airports` through. The content script's table (read in place from
	 * the compact data) is a Proxy (./compact.ts), whose indexing costs about 100 ns; this costs what indexing a plain
	 * object does.
	 */
	airportOf: (iata: string) => AirportCore | undefined;
};

/** The indexes the engine looks things up in. */
export function indexRules<D extends EngineData>(data: D) {
	const visaFreeByCountry = new Map<string, D['visaFree']>();
	for (const v of data.visaFree) visaFreeByCountry.set(v.country, [...(visaFreeByCountry.get(v.country) ?? []), v] as D['visaFree']);
	return {
		data,
		portsByIata: new Map(data.transit240Ports.filter((p) => p.iata).map((p) => [p.iata!, p as D['transit240Ports'][number]])),
		areasByProvince: new Map(data.transit240Areas.map((a) => [a.province, a as D['transit240Areas'][number]])),
		nationalities: new Map(data.transit240Nationalities.map((n) => [n.country, n as D['transit240Nationalities'][number]])),
		exemptByIata: new Map(data.transit24InspectionExempt.map((e) => [e.iata, e as D['transit24InspectionExempt'][number]])),
		visaFreeByCountry,
	};
}

/** Engine rules from a compact dataset (data/compact-rules.json, or one compacted from updated rules). */
export function engineRulesOf(compact: CompactDataset): EngineRules {
	const table = expandAirports(compact.airports);
	return {...indexRules(compact.rules), airports: table.airports, divisions: table.divisions, airportOf: table.airportOf};
}

/** The country code of mainland China in the airport table (Hong Kong, Macao and Taiwan have their own). */
export const MAINLAND = 'CN';

/**
 * Whether a route lies wholly outside the mainland: every code an airport the table knows, none of them in the
 * mainland. Both engines open a stay only at a mainland airport, so such an itinerary has no stop to judge whatever its
 * times, tickets and passports (a property test holds them to it): it needs no badge, and no more reading.
 */
export function outsideMainland(codes: readonly string[], rules: Pick<EngineRules, 'airportOf'>): boolean {
	if (codes.length === 0) return false;
	for (const code of codes) {
		const airport = rules.airportOf(code);
		if (!airport || airport.country === MAINLAND) return false;
	}
	return true;
}

/**
 * The policy a stop goes by where several allow it (its `best`): 24-hour transit (no entry at all), then visa-free
 * entry, then 240-hour transit; null when none does. One choice for both engines (./evaluate.ts, ./badge-verdict.ts).
 */
const BEST_ORDER: readonly PolicyId[] = ['transit24', 'visaFree', 'transit240'];

export function bestPolicy(verdicts: readonly Pick<PolicyVerdict, 'policy' | 'status'>[]): PolicyId | null {
	return BEST_ORDER.find((policy) => verdicts.some((v) => v.policy === policy && v.status === 'eligible')) ?? null;
}

const changeDays = new WeakMap<object, readonly number[]>();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Every day on which a dated record of the rules starts or stops holding: each `since` (under any key that ends so:
 * `crossProvinceSince`, a stay limit's), and the day after each `until`. Found by walking the data, so a kind of record
 * added later is not missed; sorted, once per rule set.
 */
function ruleChangeDays(data: EngineData): readonly number[] {
	let days = changeDays.get(data);
	if (days) return days;
	const found = new Set<number>();
	const walk = (value: unknown): void => {
		if (Array.isArray(value)) for (const v of value) walk(v);
		else if (value && typeof value === 'object')
			for (const [key, v] of Object.entries(value)) {
				if (typeof v === 'string' && ISO_DATE.test(v)) {
					if (/since$/i.test(key)) found.add(dayNumber(v));
					else if (/until$/i.test(key)) found.add(dayNumber(v) + 1);
				} else walk(v);
			}
	};
	walk(data);
	days = [...found].sort((a, b) => a - b);
	changeDays.set(data, days);
	return days;
}

/**
 * Whether any rule starts or stops holding after `fromDay` and by `toDay` (day numbers): where it does not, every day
 * between is judged alike. Both engines ask it of a stay whose day of entry is known only to lie between the two
 * (an arrival not given, bounded by the departure): one rule for both (./evaluate.ts, ./badge-verdict.ts).
 */
export function rulesChangeBetween(rules: Pick<EngineRules, 'data'>, fromDay: number, toDay: number): boolean {
	for (const day of ruleChangeDays(rules.data)) if (day > fromDay && day <= toDay) return true;
	return false;
}
