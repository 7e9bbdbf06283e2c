/**
 * Datasets for the tests of signed rules updates (lib/rules/signed-update.ts, lib/browser/rules-updater.ts and the
 * end-to-end tests): the bundled data/transit-rules.json, deep-copied, with a newer rules version and one change an
 * update could plausibly bring. Every dataset made here passes validateRulesUpdate (schemas and cross-file checks),
 * and so does the bundled one; the tests that need a broken dataset break one of these.
 */
import rawRules from '../../../data/transit-rules.json';
import type {TransitRules} from '../../../lib/rules/schema';

/** The bundled rules version (data/transit-rules.json, YYYY.MM.DD). */
export const BUNDLED_RULES_VERSION: string = rawRules.rulesVersion;

/**
 * A port that no release has and an update adds: Nantong Xingdong (NTG), a mainland airport in data/airports.json in
 * Jiangsu (320000), a province whose whole area is already a transit240Areas entry, so the cross-file checks (a port's
 * province has a permitted area; an airport port's id is its IATA code and airports.json puts it in that province)
 * pass. It joins on 2026-12-01, after the last officialCounts date (2025-11-05), so the port counts the official
 * texts give for their dates still match the data.
 */
export const ADDED_PORT = 'NTG';
const ADDED_PORT_SINCE = '2026-12-01';

type Port = TransitRules['transit240Ports'][number];

/** The id order the cross-file checks require (sorted by UTF-16 code units, unique): uppercase IATA codes first. */
export const byId = (a: {id: string}, b: {id: string}): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A deep copy of the bundled dataset; with `version`, that rules version and its date as the review date. */
export function bundledRulesCopy(version?: string): TransitRules {
	const rules = structuredClone(rawRules) as TransitRules;
	if (version !== undefined) {
		rules.rulesVersion = version;
		rules.reviewedAt = version.replaceAll('.', '-');
	}
	return rules;
}

/** A 240-hour airport port in `province`, joining after the last official count: the cross-file checks see its province only. */
export function airportPort(iata: string, province: string, name: string, city: string): Port {
	return {
		id: iata,
		name,
		nameZh: `${city}口岸`,
		type: 'airport',
		iata,
		province,
		city,
		since: ADDED_PORT_SINCE,
		sources: ['S1'],
	};
}

/** The bundled dataset as rules `version`, with NTG (see ADDED_PORT) as a 240-hour port from 2026-12-01. */
export function rulesWithAddedPort(version: string): {rules: TransitRules; port: string} {
	const rules = bundledRulesCopy(version);
	rules.transit240Ports = [
		...rules.transit240Ports,
		airportPort(ADDED_PORT, '320000', 'Nantong Xingdong International Airport', 'Nantong'),
	].sort(byId);
	return {rules, port: ADDED_PORT};
}

/**
 * The bundled dataset as rules `version`, with every unilateral or mutual visa-free regime that is scheduled to end on
 * `from` (and did not end) extended to `to`: what an announced extension looks like. Only end dates move, later, so
 * no regime's `until` falls before its `since`, and no official count (which counts 240-hour facts only) changes.
 */
export function rulesWithExtendedVisaFree(
	version: string,
	from = '2026-12-31',
	to = '2027-12-31',
): {rules: TransitRules; countries: string[]; until: string} {
	const rules = bundledRulesCopy(version);
	const countries: string[] = [];
	for (const v of rules.visaFree) {
		if (v.until === from && !v.ended) {
			v.until = to;
			countries.push(v.country);
		}
	}
	if (countries.length === 0) throw new Error(`no visa-free regime is scheduled to end on ${from}`);
	return {rules, countries, until: to};
}
