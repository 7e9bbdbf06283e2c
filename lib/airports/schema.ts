/**
 * zod schemas of the airport table (data/airports.json) and of the curated mainland records it is generated from.
 * Parsed at build time, by `npm run data:validate` and in the tests; the extension trusts the built bundle.
 */
import {z} from 'zod';

export const IataSchema = z.string().regex(/^[A-Z]{3}$/, 'an IATA airport code is three capital letters');
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'a country code is ISO 3166-1 alpha-2');
/** GB/T 2260 administrative division code (province 110000, prefecture 530700, county 469002). */
export const DivisionCodeSchema = z.string().regex(/^\d{6}$/);

const validZones = new Map<string, boolean>();
/** An IANA zone the platform's Intl knows (upstream data once had "Asia/ Bangkok"). */
export function isTimeZone(tz: string): boolean {
	let ok = validZones.get(tz);
	if (ok === undefined) {
		try {
			new Intl.DateTimeFormat('en', {timeZone: tz});
			ok = true;
		} catch {
			ok = false;
		}
		validZones.set(tz, ok);
	}
	return ok;
}

const AirportSchema = z.strictObject({
	/** ISO 3166-1 alpha-2; HK, MO and TW are their own regions, mainland China is CN. */
	country: CountryCodeSchema,
	name: z.string().min(1),
	city: z.string().optional(),
	/** IANA time zone. */
	tz: z.string().refine(isTimeZone, 'not an IANA time zone'),
	/** Mainland airports only: Chinese name, GB/T 2260 province and prefecture-level division. */
	nameZh: z.string().optional(),
	/**
	 * `nameZh` in traditional script where it is simplified (the mainland's, Hong Kong's and Macao's: 上海浦東國際機場),
	 * and in simplified where it is traditional (Taiwan's: 台湾桃园国际机场), as OpenCC converts the whole name; absent
	 * where the name reads the same in both. Derived by scripts/generate-airports.ts, for the views in that script.
	 */
	nameZhHant: z.string().optional(),
	nameZhHans: z.string().optional(),
	province: DivisionCodeSchema.optional(),
	prefecture: DivisionCodeSchema.optional(),
	/** false when the curated Chinese name or prefecture could not be confirmed by a source. */
	verified: z.literal(false).optional(),
	/**
	 * Other cities the airport serves, as travellers name them where `city` does not (Xi'an for XIY in Xianyang, Tokyo
	 * for NRT in Narita): what a city typed in the popup finds it by. Derived and checked by scripts/generate-airports.ts.
	 */
	served: z.array(z.string().min(2)).min(1).optional(),
	/**
	 * Outside the mainland: the Chinese name of the city the airport serves, simplified and traditional where they
	 * differ, where Unicode CLDR names its time zone by that city (东京, 東京 for HND and NRT): what a city typed in
	 * Chinese in the popup finds it by. Derived by scripts/generate-airports.ts.
	 */
	servedZh: z
		.array(z.string().regex(/^\p{Script=Han}{2,}$/u))
		.min(1)
		.max(2)
		.optional(),
});
export type AirportRecord = z.infer<typeof AirportSchema>;

/**
 * An airport in the table whose code is out of service: it closed, or its code went to no airport. Past bookings and
 * old confirmations still name it, so it stays in `airports` (a trip through it is judged like any other) and is
 * marked here rather than on its record, which the content script's compact table copies field by field.
 */
const ClosedAirportSchema = z.strictObject({
	closed: z.literal(true),
	/** The year its last scheduled flight left. */
	year: z.number().int().min(1900),
	/** Where that is written. */
	source: z.url(),
});
export type ClosedAirport = z.infer<typeof ClosedAirportSchema>;

/**
 * An airport's former code, which it no longer has and no other airport took (Chișinău's KIV, now RMO). Records made
 * before the change still print it, so the table keeps it, with a copy of the airport's record.
 */
const RenamedCodeSchema = z.strictObject({
	/** The code the airport has now. */
	now: IataSchema,
	/** The airport's page in the source that gave both codes. */
	source: z.url(),
});
export type RenamedCode = z.infer<typeof RenamedCodeSchema>;

/**
 * A city's IATA code that names no airport but every airport of the city (BJS: Beijing Capital and Daxing). Fares and
 * some tickets and records print it; a flight lands at one of the airports, which the code does not say, so it is
 * never read as an airport: the views ask which one it is.
 */
const MetroCodeSchema = z.strictObject({
	/** The city, in English and in Chinese (simplified, traditional) for the views in each language. */
	city: z.string().min(2),
	cityZh: z.string().regex(/^\p{Script=Han}+$/u),
	cityZhHant: z.string().regex(/^\p{Script=Han}+$/u),
	/** Its airports with scheduled service, each in `airports`. */
	airports: z.array(IataSchema).min(2),
	/** Where the code and its airports are listed. */
	source: z.url(),
});
export type MetroCode = z.infer<typeof MetroCodeSchema>;

export const AirportsFileSchema = z
	.strictObject({
		generatedBy: z.string(),
		upstream: z.array(z.string()),
		divisions: z.record(DivisionCodeSchema, z.string()),
		/** Traditional characters of the Chinese names → simplified (scripts/generate-airports.ts). */
		traditional: z.record(z.string().regex(/^\p{Script=Han}$/u), z.string().regex(/^\p{Script=Han}$/u)).optional(),
		airports: z.record(IataSchema, AirportSchema),
		/** Closed airports, each also in `airports`. */
		closed: z.record(IataSchema, ClosedAirportSchema).optional(),
		/** Former codes, each also in `airports` with the record of the airport that has `now`. */
		renamed: z.record(IataSchema, RenamedCodeSchema).optional(),
		/** Cities' codes (BJS, TYO): no airport has one of them, each of their airports is in `airports`. */
		metros: z.record(IataSchema, MetroCodeSchema).optional(),
	})
	.refine((f) => Object.keys(f.closed ?? {}).every((iata) => f.airports[iata] !== undefined), 'a closed airport missing from airports')
	.refine(
		(f) => Object.entries(f.renamed ?? {}).every(([iata, r]) => f.airports[iata] !== undefined && f.airports[r.now] !== undefined),
		'a former code, or the code that replaced it, missing from airports',
	)
	.refine(
		(f) =>
			Object.entries(f.metros ?? {}).every(
				([code, m]) => f.airports[code] === undefined && m.airports.every((a) => f.airports[a] !== undefined),
			),
		'a city code that is also an airport, or a city airport missing from airports',
	);
export type AirportsFile = z.infer<typeof AirportsFileSchema>;

export const CuratedCnAirportsSchema = z.strictObject({
	description: z.string(),
	sources: z.array(z.looseObject({id: z.string(), title: z.string(), url: z.string(), retrievedAt: z.iso.date()})),
	airports: z.array(
		z.strictObject({
			iata: IataSchema,
			nameZh: z.string().min(2),
			prefectureCode: DivisionCodeSchema,
			prefectureZh: z.string(),
			countyLevel: z.boolean().optional(),
			sources: z.array(z.string()).min(1),
			verified: z.boolean(),
			note: z.string().optional(),
		}),
	),
});
