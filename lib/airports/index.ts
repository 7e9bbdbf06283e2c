/**
 * The airport table (data/airports.json: IATA code, country, English name, time zone; for mainland airports also the
 * Chinese name and the GB/T 2260 province and prefecture) and its lookups. Whoever needs the table is handed one
 * (the bundled one from ./bundled.ts, or the rule set, which carries it); parsers and adapters never load it.
 */
import type {AirportRecord, MetroCode} from './schema';

export type {AirportRecord, MetroCode};
/**
 * What every table has of an airport. The content script's compact table (lib/rules/compact.ts) has no names, cities
 * or time zones: a name it cannot resolve is looked up where the names are (`onUnknownName`).
 */
export type AirportCore = Omit<AirportRecord, 'name' | 'city' | 'tz' | 'nameZh' | 'nameZhHant' | 'nameZhHans' | 'served' | 'servedZh'> & {
	name?: string;
	city?: string;
	served?: string[];
	servedZh?: string[];
	tz?: string;
	nameZh?: string;
	nameZhHant?: string;
	nameZhHans?: string;
};

/** The airports by IATA code, and the Chinese names of the divisions mainland airports lie in. */
export type AirportTable = {
	airports: Record<string, AirportCore>;
	divisions: Record<string, string>;
	/**
	 * A table without English names: told of each airport name it could not resolve, so its owner can look the name
	 * up where the names are (the background) and read the page again.
	 */
	onUnknownName?: (text: string) => void;
	/**
	 * How many times a name was met whose lookup (`onUnknownName`) had not been answered yet. A reading during which it
	 * rose met such a name: the answer will have it read again, so what it read is waiting, not unreadable.
	 */
	awaitedNames?: () => number;
	/** Names looked up elsewhere and what they are (an IATA code), by the text as the page wrote it. */
	aliases?: Map<string, string>;
	/**
	 * A time zone the table's records lack, where its owner can find it elsewhere: the content script's compact table
	 * has none, and its page session asks the background for those a page's flights need (undefined until it knows).
	 */
	zoneOf?: (iata: string) => string | undefined;
	/** A code's record without going through `airports` (the compact table's is a Proxy, slow to call through). */
	airportOf?: (iata: string) => AirportCore | undefined;
	/** Traditional characters of the Chinese names → simplified: a name written either way finds its airport. */
	traditional?: Record<string, string>;
	/**
	 * An airport code from an English or Chinese name (./names.ts airportByName), on a table that has the names; the
	 * content script's compact table has none, and leaves this out, and the code that reads names with it.
	 */
	names?: (text: string) => string | undefined;
	/** Cities' codes that name no airport (BJS, TYO), with the city's airports; the compact table has none. */
	metros?: Record<string, MetroCode>;
};

const HAN = /\p{Script=Han}/u;

/** The text with the table's traditional characters in simplified form (上海浦東 → 上海浦东). */
export function simplified(text: string, table: AirportTable): string {
	const fold = table.traditional;
	if (!fold || !HAN.test(text)) return text;
	let out = '';
	for (const c of text) out += fold[c] ?? c;
	return out;
}

/**
 * The city a code names where it names no airport (`BJS`, `tyo`: a fare's or a record's city code), with the airports
 * a flight there may use; undefined for anything else. Never an airport for a verdict: the views ask which one.
 */
export function metroOf(text: string, table: AirportTable): (MetroCode & {code: string}) | undefined {
	const code = text.trim().toUpperCase();
	const metro = isIataCode(code) && !table.airports[code] ? table.metros?.[code] : undefined;
	return metro && {...metro, code};
}

/** Is this three-letter code an airport the table knows? */
export const isAirport = (code: string, table: AirportTable): boolean => table.airports[code] !== undefined;

/** Three capital letters A–Z, nothing around them: the shape of an IATA airport code. */
export function isIataCode(text: string): boolean {
	if (text.length !== 3) return false;
	for (let i = 0; i < 3; i++) {
		const c = text.charCodeAt(i);
		if (c < 65 || c > 90) return false;
	}
	return true;
}

/** An airport code from a code or a name; undefined when unknown or ambiguous. */
export function resolveAirport(text: string, table: AirportTable): string | undefined {
	// The common case, a bare code (what most adapters give): no trimming, no pattern.
	if (isIataCode(text)) return (table.airportOf ? table.airportOf(text) : table.airports[text]) ? text : undefined;
	const t = text.trim();
	const code = /^\(?([A-Z]{3})\)?$/.exec(t)?.[1];
	if (code) return table.airports[code] ? code : undefined;
	const inParens = /\(([A-Z]{3})\)/.exec(t)?.[1]; // "Beijing Capital (PEK)"
	if (inParens && table.airports[inParens]) return inParens;
	const alias = table.aliases?.get(t);
	if (alias) return alias;
	if (table.names) return table.names(t);
	table.onUnknownName?.(t);
	return undefined;
}

/**
 * The airport of a mainland city, only when data/airports.json (scheduled-service airports) has exactly one in that
 * prefecture-level city: 青岛 → TAO, but 北京 and 上海 have two each, so they stay unknown. The name must be the whole
 * division name bar its administrative suffix (市, 地区, 盟, …自治州), and at least two characters, so 大 never matches 大理白族自治州.
 */
export function soleAirportOfCity(city: string, table: AirportTable): string | undefined {
	const hits = mainlandCityAirports(simplified(city, table), table);
	return hits.length === 1 ? hits[0] : undefined;
}

/** The airports of a mainland prefecture-level city named in Chinese (北京 → PEK, PKX), as soleAirportOfCity finds them. */
export function mainlandCityAirports(city: string, table: AirportTable): string[] {
	if ([...city].length < 2) return []; // every prefecture-level name has at least two characters
	return Object.entries(table.airports)
		.filter(([, a]) => {
			const division = a.prefecture ? table.divisions[a.prefecture] : undefined;
			return division !== undefined && division.startsWith(city) && /^(市|地区|盟|.*自治州)?$/u.test(division.slice(city.length));
		})
		.map(([code]) => code);
}

/** What a table with names reads these airport names as (IATA codes); null where it cannot either. */
export function resolveNames(names: readonly string[], table: AirportTable): Record<string, string | null> {
	return Object.fromEntries(names.map((name) => [name, resolveAirport(name, table) ?? null]));
}

/** The time zones a table has for these airport codes (IANA names); null where it has none. */
export function zonesOf(codes: readonly string[], table: AirportTable): Record<string, string | null> {
	return Object.fromEntries(codes.map((code) => [code, (Object.hasOwn(table.airports, code) && table.airports[code]?.tz) || null]));
}
