/**
 * The airport table (data/airports.json: IATA code, country, English name, time zone; for mainland airports also the
 * Chinese name and the GB/T 2260 province and prefecture) and its lookups. Whoever needs the table is handed one
 * (the bundled one from ./bundled.ts, or the rule set, which carries it); parsers and adapters never load it.
 */
import type {AirportRecord} from './schema';

export type {AirportRecord};
/**
 * What every table has of an airport. The content script's compact table (lib/rules/compact.ts) has no names, cities
 * or time zones: a name it cannot resolve is looked up where the names are (`onUnknownName`).
 */
export type AirportCore = Omit<AirportRecord, 'name' | 'city' | 'tz' | 'nameZh'> & {
	name?: string;
	city?: string;
	tz?: string;
	nameZh?: string;
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
	/** Names looked up elsewhere and what they are (an IATA code), by the text as the page wrote it. */
	aliases?: Map<string, string>;
};

/** Is this three-letter code an airport the table knows? */
export const isAirport = (code: string, table: AirportTable): boolean => table.airports[code] !== undefined;

type NameIndex = Map<string, string | null>; // key → IATA, or null when ambiguous

const indexes = new WeakMap<AirportTable, NameIndex>();

/** Lower-case, no accents, no punctuation, no generic airport words. */
function nameKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\b(international|intl|airport|aeroporto|aeropuerto|aeroport|flughafen|airfield)\b/g, ' ')
		.replace(/(国际机场|國際機場|机场|機場|口岸)$/u, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function add(index: NameIndex, key: string, iata: string) {
	if (!key) return;
	const existing = index.get(key);
	if (existing === undefined) index.set(key, iata);
	else if (existing !== iata) index.set(key, null);
}

function nameIndex(table: AirportTable): NameIndex {
	let index = indexes.get(table);
	if (index) return index;
	index = new Map();
	for (const [iata, a] of Object.entries(table.airports)) {
		if (a.name) add(index, nameKey(a.name), iata);
		if (a.nameZh) {
			add(index, nameKey(a.nameZh), iata);
			// Chinese sites drop the city: 上海浦东国际机场 → 浦东国际机场 / 浦东. Only for names with a city prefix.
			const city = a.prefecture ? table.divisions[a.prefecture]?.replace(/(市|地区|盟|自治州|.族自治州)$/u, '') : undefined;
			if (city && a.nameZh.startsWith(city) && a.nameZh.length > city.length + 2)
				add(index, nameKey(a.nameZh.slice(city.length)), iata);
		}
	}
	indexes.set(table, index);
	return index;
}

/** An airport code from a code or a name; undefined when unknown or ambiguous. */
export function resolveAirport(text: string, table: AirportTable): string | undefined {
	const t = text.trim();
	const code = /^\(?([A-Z]{3})\)?$/.exec(t)?.[1];
	if (code) return table.airports[code] ? code : undefined;
	const inParens = /\(([A-Z]{3})\)/.exec(t)?.[1]; // "Beijing Capital (PEK)"
	if (inParens && table.airports[inParens]) return inParens;
	const alias = table.aliases?.get(t);
	if (alias) return alias;
	const key = nameKey(t);
	const hit = nameIndex(table).get(key);
	if (hit !== undefined) return hit ?? undefined;
	const found = byTokens(key, table);
	if (found === undefined) table.onUnknownName?.(t);
	return found;
}

const tokenLists = new WeakMap<AirportTable, [string, string[]][]>();
const tokenHits = new WeakMap<AirportTable, Map<string, string | undefined>>();

/**
 * Last resort for names written another way round ("Osaka Itami Airport" for Osaka International, "Wrocław
 * Nicolaus Copernicus Airport" for Wroclaw Airport): the airport whose every name word appears in the text, with
 * the most words in common. None when two airports tie: an unknown airport beats a wrong one.
 */
function byTokens(key: string, table: AirportTable): string | undefined {
	let cache = tokenHits.get(table);
	if (!cache) tokenHits.set(table, (cache = new Map()));
	if (cache.has(key)) return cache.get(key);
	let lists = tokenLists.get(table);
	if (!lists) {
		lists = Object.entries(table.airports).map(([iata, a]) => [
			iata,
			nameKey(a.name ?? '')
				.split(' ')
				.filter(Boolean),
		]);
		tokenLists.set(table, lists);
	}
	const words = new Set(key.split(' ').filter(Boolean));
	let best: string | undefined;
	let bestScore = 0;
	let tie = false;
	for (const [iata, tokens] of lists) {
		if (tokens.length === 0 || tokens.join('').length < 4 || !tokens.every((w) => words.has(w))) continue;
		if (tokens.length > bestScore) [best, bestScore, tie] = [iata, tokens.length, false];
		else if (tokens.length === bestScore && best !== iata) tie = true;
	}
	const found = tie ? undefined : best;
	cache.set(key, found);
	return found;
}

/**
 * The airport of a mainland city, only when data/airports.json (scheduled-service airports) has exactly one in that
 * prefecture-level city: 青岛 → TAO, but 北京 and 上海 have two each, so they stay unknown. The name must be the whole
 * division name bar its administrative suffix (市, 地区, 盟, …自治州), and at least two characters, so 大 never matches 大理白族自治州.
 */
export function soleAirportOfCity(city: string, table: AirportTable): string | undefined {
	if ([...city].length < 2) return undefined; // every prefecture-level name has at least two characters
	const hits = Object.entries(table.airports).filter(([, a]) => {
		const division = a.prefecture ? table.divisions[a.prefecture] : undefined;
		return division !== undefined && division.startsWith(city) && /^(市|地区|盟|.*自治州)?$/u.test(division.slice(city.length));
	});
	return hits.length === 1 ? hits[0]![0] : undefined;
}

/** What a table with names reads these airport names as (IATA codes); null where it cannot either. */
export function resolveNames(names: readonly string[], table: AirportTable): Record<string, string | null> {
	return Object.fromEntries(names.map((name) => [name, resolveAirport(name, table) ?? null]));
}
