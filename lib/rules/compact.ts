/**
 * The content script's dataset, made at build time (`npm run data:compact` → data/compact-rules.json): what the engine
 * reads to judge a trip and what the adapters need to read a card, nothing else.
 *
 * - Rules: data/transit-rules.json without what only people read (notes, quoted wordings, the source list with its
 *   titles and links, the official counts the build checks). Every record keeps its source ids, so a verdict made from
 *   the compact rules is the same, reason for reason, as one made from the full rules (test/unit/rules/compact.test.ts
 *   checks that on 20,000 random trips).
 * - Airports: every IATA code with its country, as one character per possible code (26³ of them) naming its country,
 *   so a look-up reads one character and nothing is unpacked on a results page; mainland airports add their
 *   prefecture (its province is the code's first two digits) and the verified flag. No time zones: the engine judges
 *   local wall-clock times, and only the validation of typed-in trips (popup, command line) converts them; the
 *   generic page (agents' tools), whose texts may not date a landing, has the ones it needs looked up by the
 *   background (PageSession, AirportTable `zoneOf`). No names,
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
		/** The countries, sorted: `slots` names the n-th as its character number SLOT_BASE + n (n from 1). */
		countries: string[];
		/** One character per possible code (`AAA`, `AAB`, … `ZZZ`): its country's, or SLOT_NONE where no airport has it. */
		slots: string;
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

/**
 * The character of a code no airport has, and the character number before the first country's: every slot is one
 * character JSON writes as itself (no escapes), so the stored text is read by one JSON.parse and indexed as it is.
 */
const SLOT_NONE = '-';
const SLOT_BASE = 0x100;
const CODES = 26 * 26 * 26;

const A = 65;
const codeNumber = (code: string) => ((code.charCodeAt(0) - A) * 26 + code.charCodeAt(1) - A) * 26 + code.charCodeAt(2) - A;
const codeOf = (n: number) => String.fromCharCode(A + Math.floor(n / 676), A + (Math.floor(n / 26) % 26), A + (n % 26));

function compactAirports(file: Pick<AirportsFile, 'airports' | 'divisions'>): CompactDataset['airports'] {
	const codes = Object.keys(file.airports).sort();
	const countries = [...new Set(codes.map((iata) => file.airports[iata]!.country))].sort();
	if (SLOT_BASE + countries.length >= 0xd800) throw new Error(`${countries.length} countries: too many for one character each`);
	const number = new Map(countries.map((country, i) => [country, i + 1]));
	const slots: string[] = Array.from({length: CODES}, () => SLOT_NONE);
	const mainland: Record<string, MainlandEntry> = {};
	for (const iata of codes) {
		const a = file.airports[iata]!;
		slots[codeNumber(iata)] = String.fromCharCode(SLOT_BASE + number.get(a.country)!);
		if (!a.province && !a.prefecture) continue;
		if (!a.prefecture || a.province !== provinceOf(a.prefecture))
			throw new Error(`${iata}: prefecture ${a.prefecture} is not in province ${a.province}`);
		mainland[iata] = a.verified === false ? `${a.prefecture}?` : a.prefecture;
	}
	return {countries, slots: slots.join(''), mainland, divisions: file.divisions};
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
 * Whether parsed JSON has the compact dataset's shape, as far as reading it in place needs: its version, its rules and
 * an airport table with a slot for every code. Not a validation of the data (the build does that): a text damaged in
 * storage is caught here, where its reader can still ask for another copy, rather than at its first look-up.
 */
export function isCompactDataset(data: unknown): data is CompactDataset {
	if (!data || typeof data !== 'object') return false;
	const {rulesVersion, rules, airports} = data as Partial<Record<keyof CompactDataset, unknown>>;
	if (typeof rulesVersion !== 'string' || !rules || typeof rules !== 'object' || !airports || typeof airports !== 'object') return false;
	const table = airports as Partial<Record<keyof CompactDataset['airports'], unknown>>;
	return (
		typeof table.slots === 'string' &&
		table.slots.length === CODES &&
		Array.isArray(table.countries) &&
		!!table.mainland &&
		typeof table.mainland === 'object' &&
		!!table.divisions &&
		typeof table.divisions === 'object'
	);
}

/**
 * The airport table the content script reads: codes and countries; divisions for mainland airports.
 *
 * Read in place: a code's country is one character of `slots`, each country's record is made on its first look-up
 * and shared by its airports, and a mainland airport's own record (with its divisions) on its first look-up; behind a
 * read-only record (a Proxy) so every reader indexes it as it indexes the full table. Nothing is unpacked when a page
 * starts (unpacking the codes into a table cost each results page a loop over 8,000 characters), and a page reads a
 * handful of the 4,500 airports.
 */
export function expandAirports(compact: CompactDataset['airports']): AirportTable & {airportOf: (iata: string) => AirportCore | undefined} {
	const {countries, slots, mainland} = compact;
	const byCountry: (AirportCore | undefined)[] = [];
	const own = new Map<string, AirportCore>();
	const lookup = (key: string | symbol): AirportCore | undefined => {
		if (typeof key !== 'string' || !isIataCode(key)) return undefined;
		const n = slots.charCodeAt(codeNumber(key)) - SLOT_BASE;
		if (!(n >= 1 && n <= countries.length)) return undefined;
		const known = own.get(key);
		if (known) return known;
		const country = (byCountry[n] ??= Object.freeze({country: countries[n - 1]!}));
		const entry = Object.hasOwn(mainland, key) ? mainland[key] : undefined;
		if (entry === undefined) return country;
		const prefecture = entry.slice(0, 6);
		const record: AirportCore = {...country, province: provinceOf(prefecture), prefecture};
		if (entry.endsWith('?')) record.verified = false;
		own.set(key, Object.freeze(record));
		return record;
	};
	const codes = (): string[] => {
		const out: string[] = [];
		for (let n = 0; n < CODES; n++) if (slots.charCodeAt(n) !== SLOT_NONE.charCodeAt(0)) out.push(codeOf(n));
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
	const {
		name: _name,
		city: _city,
		tz: _tz,
		nameZh: _nameZh,
		nameZhHant: _hant,
		nameZhHans: _hans,
		served: _served,
		servedZh: _servedZh,
		...core
	} = a;
	return core;
}
