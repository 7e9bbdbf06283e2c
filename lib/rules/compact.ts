/**
 * The content script's dataset, made at build time (`npm run data:compact` → data/compact-rules.json): what the engine
 * reads to judge a trip and what the adapters need to read a card, nothing else.
 *
 * - Rules: data/transit-rules.json without what only people read (notes, quoted wordings, the source list with its
 *   titles and links, the official counts the build checks). Every record keeps its source ids, so a verdict made from
 *   the compact rules is the same, reason for reason, as one made from the full rules (test/unit/rules/compact.test.ts
 *   checks that on 20,000 random trips).
 * - Airports: every IATA code with its country, packed as one string of codes per country; mainland airports add their
 *   prefecture (its province is the code's first two digits) and the verified flag. No time zones: the engine judges
 *   local wall-clock times, and only the validation of typed-in trips (popup, command line) converts them. No names,
 *   English or Chinese: a page that names airports in words has them looked up by the background (PageSession), and
 *   the Chinese names of the divisions stay for the adapters that read a city ("青岛").
 *
 * Pure and deterministic, so the same function can compact any rules in use; the content script only expands it.
 */
import type {AirportRecord, AirportsFile} from '../airports/schema';
import {isIataCode, type AirportCore, type AirportTable} from '../airports';
import type {TransitRules} from './schema';

/** Keys only people read: dropped at every depth of the rules. */
const DISPLAY_KEYS = ['note', 'sinceNote', 'predecessorNote', 'wording', 'condition'] as const;
type DisplayKey = (typeof DISPLAY_KEYS)[number];
/** Names of things the engine refers to by code (a port by its IATA code, a nationality by its country). */
const NAMED = ['transit240Nationalities', 'transit240Ports', 'transit240Areas', 'transit24InspectionExempt', 'visaFree'] as const;
type Named = (typeof NAMED)[number];
type NameKey = 'name' | 'nameZh' | 'city';

type Lean<T> = T extends readonly (infer U)[]
	? Lean<U>[]
	: T extends object
		? {[K in keyof T as K extends DisplayKey ? never : K]: Lean<T[K]>}
		: T;
type Unnamed<T> = {[K in keyof T]: K extends Named ? (T[K] extends readonly (infer U)[] ? Omit<U, NameKey>[] : T[K]) : T[K]};

/** The rules as the engine reads them. The full rules (schema.ts TransitRules) are one of these too. */
export type EngineData = Unnamed<Omit<Lean<TransitRules>, 'sources' | 'officialCounts'>>;

/** The prefecture's code, with `?` after it where the curated record is unconfirmed (`verified: false`). */
type MainlandEntry = string;

export type CompactDataset = {
	/** The rules version this was made from: a stale compact file is caught by the build and the tests. */
	rulesVersion: string;
	rules: EngineData;
	airports: {
		/** Country → its IATA codes, sorted, as gaps between codes read as base-26 numbers (`packCodes`). */
		countries: Record<string, string>;
		mainland: Record<string, MainlandEntry>;
		divisions: Record<string, string>;
	};
};

function stripDisplay(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stripDisplay);
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, v] of Object.entries(value)) if (!(DISPLAY_KEYS as readonly string[]).includes(key)) out[key] = stripDisplay(v);
	return out;
}

const provinceOf = (prefecture: string) => `${prefecture.slice(0, 2)}0000`;

/** Digits of the packed gaps: a number's last digit from the second half, so no separator is needed. */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const BASE = 31;
const A = 65;

const codeNumber = (code: string) => ((code.charCodeAt(0) - A) * 26 + code.charCodeAt(1) - A) * 26 + code.charCodeAt(2) - A;
const codeOf = (n: number) => String.fromCharCode(A + Math.floor(n / 676), A + (Math.floor(n / 26) % 26), A + (n % 26));

/** Sorted codes as the gaps between them, each a few characters: a third of the size of the codes themselves. */
function packCodes(codes: string[]): string {
	let out = '';
	let previous = -1;
	for (const code of codes) {
		let gap = codeNumber(code) - previous - 1;
		previous = codeNumber(code);
		let digits = DIGITS[BASE + (gap % BASE)]!;
		for (gap = Math.floor(gap / BASE); gap > 0; gap = Math.floor(gap / BASE)) digits = DIGITS[gap % BASE]! + digits;
		out += digits;
	}
	return out;
}

const DIGIT_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUES[DIGITS.charCodeAt(i)] = i;

/**
 * Marks every code `packCodes` packed in `slots` (indexed by `codeNumber`) with `slot`. One plain loop with no call
 * per code: it runs once per results page, before the code is warm, where a callback per code cost 3 ms.
 */
function unpackInto(packed: string, slots: Uint16Array, slot: number): void {
	let previous = -1;
	let gap = 0;
	for (let i = 0; i < packed.length; i++) {
		const digit = DIGIT_VALUES[packed.charCodeAt(i)]!;
		if (digit < BASE) gap = gap * BASE + digit;
		else {
			previous += gap * BASE + (digit - BASE) + 1;
			slots[previous] = slot;
			gap = 0;
		}
	}
}

function compactAirports(file: Pick<AirportsFile, 'airports' | 'divisions'>): CompactDataset['airports'] {
	const countries: Record<string, string[]> = {};
	const mainland: Record<string, MainlandEntry> = {};
	for (const iata of Object.keys(file.airports).sort()) {
		const a = file.airports[iata]!;
		(countries[a.country] ??= []).push(iata);
		if (!a.province && !a.prefecture) continue;
		if (!a.prefecture || a.province !== provinceOf(a.prefecture))
			throw new Error(`${iata}: prefecture ${a.prefecture} is not in province ${a.province}`);
		mainland[iata] = a.verified === false ? `${a.prefecture}?` : a.prefecture;
	}
	const sorted = Object.fromEntries(
		Object.entries(countries)
			.sort(([x], [y]) => (x < y ? -1 : 1))
			.map(([country, codes]) => [country, packCodes(codes)]),
	);
	return {countries: sorted, mainland, divisions: file.divisions};
}

function stripNames(rules: Record<string, unknown>): void {
	for (const key of NAMED) {
		rules[key] = (rules[key] as Record<string, unknown>[]).map(({name: _n, nameZh: _z, city: _c, ...rest}) => rest);
	}
}

export function compactDataset(rules: TransitRules, airports: Pick<AirportsFile, 'airports' | 'divisions'>): CompactDataset {
	const {sources: _sources, officialCounts: _counts, ...engine} = rules;
	const lean = stripDisplay(engine) as Record<string, unknown>;
	stripNames(lean);
	return {rulesVersion: rules.rulesVersion, rules: lean as EngineData, airports: compactAirports(airports)};
}

/**
 * The airport table the content script reads: codes and countries; divisions for mainland airports.
 *
 * Kept packed: one number per possible code (26³ of them) naming its country, one frozen record per country shared
 * by its airports, and records of their own for the mainland airports only, behind a read-only record (a Proxy) so
 * every reader indexes it as it indexes the full table. Expanded into a plain object of 4,500 properties it cost
 * every results page about 370 kB of heap and 3 ms to build.
 */
export function expandAirports(compact: CompactDataset['airports']): AirportTable & {airportOf: (iata: string) => AirportCore | undefined} {
	// slot[code] - 1 is the code's record in `records`: its country's, or a mainland airport's own, made on its first
	// look-up from `mainland` (its country's slot and its entry): a page reads a handful of the 275.
	const records: (AirportCore | undefined)[] = [];
	const mainland: ([number, string] | undefined)[] = [];
	const slots = new Uint16Array(26 * 26 * 26);
	for (const country in compact.countries) {
		records.push(Object.freeze({country}));
		unpackInto(compact.countries[country]!, slots, records.length);
	}
	for (const iata in compact.mainland) {
		const n = codeNumber(iata);
		mainland[records.length] = [slots[n]!, compact.mainland[iata]!];
		slots[n] = records.push(undefined);
	}
	const recordAt = (slot: number): AirportCore => {
		const known = records[slot - 1];
		if (known) return known;
		const [countrySlot, entry] = mainland[slot - 1]!;
		const prefecture = entry.slice(0, 6);
		const record: AirportCore = {...records[countrySlot - 1]!, province: provinceOf(prefecture), prefecture};
		if (entry.endsWith('?')) record.verified = false;
		return (records[slot - 1] = Object.freeze(record));
	};
	const lookup = (key: string | symbol): AirportCore | undefined => {
		if (typeof key !== 'string' || !isIataCode(key)) return undefined;
		const slot = slots[codeNumber(key)]!;
		return slot === 0 ? undefined : recordAt(slot);
	};
	const codes = (): string[] => {
		const out: string[] = [];
		for (let n = 0; n < slots.length; n++) if (slots[n] !== 0) out.push(codeOf(n));
		return out;
	};
	const airports = new Proxy({} as Record<string, AirportCore>, {
		get: (_target, key) => lookup(key),
		has: (_target, key) => lookup(key) !== undefined,
		ownKeys: codes,
		getOwnPropertyDescriptor: (_target, key) => {
			const value = lookup(key);
			return value && {value, writable: false, enumerable: true, configurable: true};
		},
		set: () => false,
		defineProperty: () => false,
		deleteProperty: () => false,
	});
	return {airports, divisions: compact.divisions, airportOf: lookup};
}

/** A full record reduced to what the compact table keeps: what equivalence tests compare. */
export function coreOf(a: AirportRecord): AirportCore {
	const {name: _name, city: _city, tz: _tz, nameZh: _nameZh, ...core} = a;
	return core;
}
