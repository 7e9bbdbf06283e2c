/**
 * Airports by their English or Chinese names, on a table that has the names (the popup's, the background's, the CLI's:
 * lib/rules/rule-set.ts, ./bundled.ts): whole names, names without their city, names written another way round, in
 * either Chinese script; a city's name only where it cannot mean another country's airport. Kept apart from ./index.ts,
 * which the content script carries: its compact table has no names, and asks the background for the ones a page shows.
 */
import {mainlandCityAirports, simplified, type AirportCore, type AirportTable} from '.';

/** The table with its name lookup (`names`), for resolveAirport. The same object. */
export function withNames<T extends AirportTable>(table: T): T {
	table.names = (text) => airportByName(text, table);
	return table;
}

/** An airport code from a name (trimmed); undefined when unknown or ambiguous. */
export function airportByName(t: string, table: AirportTable): string | undefined {
	const key = nameKey(simplified(t, table));
	// An ambiguous whole name (null) stays ambiguous: the short names are asked only where no whole name matched.
	const whole = nameIndex(table).get(key);
	const hit = whole !== undefined ? whole : shortNameIndex(table).get(key);
	if (hit !== undefined) return hit === null || namesAnotherCity(key, t, hit, table) ? undefined : hit;
	const found = byTokens(key, table);
	if (found === undefined || contradictsCity(key, found, table)) return undefined;
	// Matched by a name that is a city's alone ("London International Airport", London in Ontario): the text's other
	// words are not read ("London Gatwik"), so it names that city as much as that airport; held as a city's name is.
	const own = nameKey(table.airports[found]?.name ?? '');
	return cityIndex(table).has(own) && namesAnotherCity(own, t, found, table) ? undefined : found;
}

type NameIndex = Map<string, string | null>; // key → IATA, or null when ambiguous

const indexes = new WeakMap<AirportTable, NameIndex>();

/** Lower-case, no accents, no punctuation, no generic airport words. */
function nameKey(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\b(international|intl|airport|aeroporto|aeropuerto|aeroport|flughafen|airfield)\b/g, ' ')
		.replace(/(国际机场|國際機場|机场|機場|国际航空站|國際航空站|航空站|口岸)$/u, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.replace(/(?<![^ ])(?:co|cnty|rgnl|muni|mem|metro|arpt)(?![^ ])/g, (w) => ABBREVIATIONS[w] ?? w)
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** Words printed short on tickets and GDS print-outs (`DETROIT, MI (METROPOLITAN WAYNE CO)`), as the table spells them. */
const ABBREVIATIONS: Record<string, string> = {
	co: 'county',
	cnty: 'county',
	rgnl: 'regional',
	muni: 'municipal',
	mem: 'memorial',
	metro: 'metropolitan',
	arpt: '',
};

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
			add(index, nameKey(simplified(a.nameZh, table)), iata);
			// Chinese sites drop the city: 上海浦东国际机场 → 浦东国际机场 / 浦东. Only for names with a city prefix.
			const city = a.prefecture ? table.divisions[a.prefecture]?.replace(/(市|地区|盟|自治州|.族自治州)$/u, '') : undefined;
			if (city && a.nameZh.startsWith(city) && a.nameZh.length > city.length + 2)
				add(index, nameKey(a.nameZh.slice(city.length)), iata);
		}
	}
	indexes.set(table, index);
	return index;
}

const shortIndexes = new WeakMap<AirportTable, NameIndex>();
/**
 * Words that say what kind of airport it is or where, not which one, and plain English words prose is full of: a name
 * left with only these after its city names none ("Augusta State" is not "State").
 */
const KIND_WORDS = new Set(
	'regional municipal county national metropolitan intercontinental internacional field domestic city state capital island north south east west new public express memorial valley basin hole sale liberty jetport sunport'.split(
		' ',
	),
);

/**
 * Names without the city they start with, as confirmations print them ("Tegel" for Berlin Tegel Airport, "Heathrow"
 * for London Heathrow Airport). Asked only when no whole name matched; ambiguous keys stay unknown.
 */
function shortNameIndex(table: AirportTable): NameIndex {
	let index = shortIndexes.get(table);
	if (index) return index;
	index = new Map();
	for (const [iata, a] of Object.entries(table.airports)) {
		if (!a.name || !a.city) continue;
		const name = nameKey(a.name);
		const city = nameKey(a.city);
		if (!city || !name.startsWith(`${city} `)) continue;
		const rest = name.slice(city.length + 1);
		if (rest.length >= 4 && !rest.split(' ').every((w) => KIND_WORDS.has(w))) add(index, rest, iata);
	}
	shortIndexes.set(table, index);
	return index;
}

/**
 * An index of the table's airports by the keys `keysOf` gives each airport's city (OurAirports' municipality), and
 * those `alsoOf` gives the airport itself, built once a table and kept beside it.
 */
function cityIndexBy(
	keysOf: (city: string) => Iterable<string>,
	alsoOf?: (airport: AirportCore) => Iterable<string>,
): (table: AirportTable) => Map<string, string[]> {
	const built = new WeakMap<AirportTable, Map<string, string[]>>();
	return (table) => {
		let index = built.get(table);
		if (index) return index;
		index = new Map();
		for (const [iata, a] of Object.entries(table.airports)) {
			const keys = new Set([...(a.city ? keysOf(a.city) : []), ...(alsoOf?.(a) ?? [])]);
			for (const key of keys) {
				if (!key) continue;
				const list = index.get(key);
				if (list) list.push(iata);
				else index.set(key, [iata]);
			}
		}
		built.set(table, index);
		return index;
	};
}

/** Each city's name key → the airports the table places in it. */
const cityIndex = cityIndexBy((city) => [nameKey(city)]);

/** A name key without its spaces: `Xi'an`, `Xian` and `Xi An` are one city. */
const spaceless = (key: string) => key.replace(/ /g, '');

/**
 * Each city's name key without spaces, and each of its parts (`Shanghai (Pudong)` → Shanghai; `Jiaozhou, Qingdao` →
 * Qingdao; `Taipei City` → Taipei), → the airports the table places there or says they also serve (`served`: Xi'an
 * for XIY, Tokyo for NRT).
 */
const cityPartIndex = cityIndexBy(
	(city) =>
		new Set(
			[city, city.replace(/\s*\(.*$/, ''), city.replace(/\s+City$/, ''), ...city.split(',')].map((part) => spaceless(nameKey(part))),
		),
	(airport) => airport.served?.map((name) => spaceless(nameKey(name))) ?? [],
);

const plainWords = (text: string) =>
	text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);

const AIRPORT_WORD = /\b(?:international|intl|airport|aeroporto|aeropuerto|aeroport|flughafen|airfield)\b|机场|機場/u;

/**
 * A text that names a city ("London", "Hyderabad", "Bole") where the name index has an airport of that name: London
 * International Airport is in Ontario, while London's airports are in England too; Hyderabad Airport is in Pakistan,
 * Hyderabad's in India; Bole is Addis Ababa's airport and a city in Xinjiang. Unless the text gives the airport's whole
 * name, airport words and all, the hit stands only where every airport of that city is in the hit's country (outside
 * the mainland the rules judge an airport by its country) or, in the mainland (where the port counts), is the hit alone.
 */
function namesAnotherCity(key: string, text: string, hit: string, table: AirportTable): boolean {
	const city = cityIndex(table).get(key);
	if (!city || (city.length === 1 && city[0] === hit)) return false;
	const airport = table.airports[hit];
	// The airport's whole name, airport words and all ("Sydney Airport", "London International Airport"), names it;
	// but not "<city> Airport" for an airport the table does not place in that city: "Hyderabad Airport" is Pakistan's
	// name for its own and a traveller's for India's HYD ("El Dorado International Airport" says more than El Dorado).
	const cityAirport =
		plainWords(airport?.name ?? '')
			.filter((w) => w !== 'airport')
			.join(' ') === key;
	if (airport?.name && AIRPORT_WORD.test(text.toLowerCase()) && (city.includes(hit) || !cityAirport)) {
		const said = new Set(plainWords(text));
		if (plainWords(airport.name).every((w) => said.has(w))) return false;
	}
	const country = airport?.country;
	if (country === 'CN') return true;
	return city.some((code) => table.airports[code]?.country !== country);
}

/**
 * A name matched by its words ("Porto Alegre" has every word of Porto Airport's name) whose matched words belong to
 * the name of a city whose airports do not include it (Porto Alegre's is POA): the words say another place. A city
 * named beside the airport's own words (`Tokyo Narita`: Narita Airport lies in Narita, not in Tokyo) says nothing
 * against it.
 */
function contradictsCity(key: string, found: string, table: AirportTable): boolean {
	const words = key.split(' ');
	const own = new Set(nameKey(table.airports[found]?.name ?? '').split(' '));
	const index = cityIndex(table);
	for (let n = words.length; n >= 1; n--)
		for (let i = 0; i + n <= words.length; i++) {
			const phrase = words.slice(i, i + n);
			const city = index.get(phrase.join(' '));
			if (city && !city.includes(found) && phrase.some((w) => own.has(w))) return true;
		}
	return false;
}

/** Each name word → the airports with that word in their name, and all their name's words. */
const tokenIndexes = new WeakMap<AirportTable, Map<string, [string, string[]][]>>();
const tokenHits = new WeakMap<AirportTable, Map<string, string | undefined>>();

function tokenIndex(table: AirportTable): Map<string, [string, string[]][]> {
	let index = tokenIndexes.get(table);
	if (index) return index;
	index = new Map();
	for (const [iata, a] of Object.entries(table.airports)) {
		const tokens = nameKey(a.name ?? '')
			.split(' ')
			.filter(Boolean);
		if (tokens.length === 0 || tokens.join('').length < 4) continue;
		for (const token of new Set(tokens)) {
			const list = index.get(token);
			if (list) list.push([iata, tokens]);
			else index.set(token, [[iata, tokens]]);
		}
	}
	tokenIndexes.set(table, index);
	return index;
}

/**
 * Last resort for names written another way round ("Osaka Itami Airport" for Osaka International, "Wrocław
 * Nicolaus Copernicus Airport" for Wroclaw Airport): the airport whose every name word appears in the text, with
 * the most words in common. None when two airports tie: an unknown airport beats a wrong one. Only airports that
 * share a word with the text are looked at, so an unknown name costs its words, not the whole table.
 */
function byTokens(key: string, table: AirportTable): string | undefined {
	let cache = tokenHits.get(table);
	if (!cache) tokenHits.set(table, (cache = new Map()));
	if (cache.has(key)) return cache.get(key);
	const index = tokenIndex(table);
	const words = new Set(key.split(' ').filter(Boolean));
	const seen = new Set<string>();
	let best: string | undefined;
	let bestScore = 0;
	let tie = false;
	for (const word of words) {
		for (const [iata, tokens] of index.get(word) ?? []) {
			if (seen.has(iata)) continue;
			seen.add(iata);
			if (!tokens.every((w) => words.has(w))) continue;
			if (tokens.length > bestScore) [best, bestScore, tie] = [iata, tokens.length, false];
			else if (tokens.length === bestScore) tie = true;
		}
	}
	const found = tie ? undefined : best;
	cache.set(key, found);
	return found;
}

/** Each Chinese name of a city outside the mainland (`servedZh`: 东京, 東京) → the airports that serve it. */
const servedZhIndex = cityIndexBy(
	() => [],
	(airport) => airport.servedZh ?? [],
);

/** A city named in Chinese: a mainland division (上海, 青岛市), else a city outside the mainland (东京, 臺北). */
function citiesInChinese(t: string, table: AirportTable): string[] {
	const s = simplified(t, table);
	const mainland = mainlandCityAirports(s.replace(/(市|地区|盟)$/u, ''), table);
	if (mainland.length > 0) return mainland;
	const index = servedZhIndex(table);
	return index.get(t) ?? index.get(s) ?? [];
}

/**
 * The airports of the city a text names (`London`, `Osaka`, `上海`, `东京`): for a form to offer when the text names no
 * airport. English names by the airports' cities (OurAirports' municipality), Chinese ones by mainland divisions and,
 * outside the mainland, by the names Unicode CLDR gives the cities of time zones (`servedZh`).
 * Sorted by code, those the curated data marks unverified last (Wuhan: WUH, then WHN, a general-aviation field).
 */
export function airportsOfCity(text: string, table: AirportTable): string[] {
	const t = text.trim();
	const han = /^\p{Script=Han}+$/u.test(t);
	const codes = han ? citiesInChinese(t, table) : (cityPartIndex(table).get(spaceless(nameKey(t))) ?? []);
	const unverified = (code: string) => (table.airports[code]?.verified === false ? 1 : 0);
	return [...codes].sort((a, b) => unverified(a) - unverified(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The city an airport's name begins with, where the whole name is not one we know (`东京成田国际机场`, `Tokyo Narita
 * Intl`): the longest leading part that `airportsOfCity` knows (Chinese by characters, at least two; other scripts
 * by words), with that city's airports. For a hint, never for a verdict: the name may be of an airport near the city
 * that is not among them (Paris Beauvais), or of another city written the same way in Chinese, so the views ask which
 * it is rather than pick one. Undefined when the name is itself a city's (`airportsOfCity` answers) or begins with none.
 */
export function cityInName(text: string, table: AirportTable): {city: string; codes: string[]} | undefined {
	const t = text.trim();
	if (airportsOfCity(t, table).length > 0) return undefined;
	const han = /^\p{Script=Han}/u.test(t);
	const parts = han ? [...(/^\p{Script=Han}+/u.exec(t)?.[0] ?? '')] : t.split(/\s+/u);
	for (let n = parts.length; n >= (han ? 2 : 1); n--) {
		const city = parts.slice(0, n).join(han ? '' : ' ');
		if (city === t) continue; // the whole name: asked above
		const codes = airportsOfCity(city, table);
		if (codes.length > 0) return {city, codes};
	}
	return undefined;
}
