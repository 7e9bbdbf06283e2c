/**
 * zod schemas for everything in data/. Types are derived from them, never written by hand.
 * The dataset is parsed with these in tests, at build time (wxt.config.ts) and by `npm run data:validate`.
 */
import {z} from 'zod';
import {CountryCodeSchema, DivisionCodeSchema, IataSchema} from '../airports/schema';
import {DOMAIN_KINDS, linkProblem} from './source-links';

// Never let zod try `new Function` to speed up parsing: extension pages forbid eval, and we want none anyway.
z.config({jitless: true});

const IsoDateSchema = z.iso.date();
const SourceIdSchema = z.string().regex(/^S\d+$/);
const SourceIdsSchema = z.array(SourceIdSchema).min(1);

/**
 * `since` is when a fact took effect. Where only "in force by" is known, `since` is that date and `sinceExact` is
 * false, with `sinceNote` saying what is known: the engine then reports doubt for trips before it instead of guessing.
 * `until` is the last day a fact is in force as scheduled: schemes have been extended before their end dates, so a
 * trip after it is a doubt ("scheduled to end on …; check before you travel"), never a plain no. Only `ended`, a
 * source saying the scheme did end on `until`, makes it a no.
 */
const EndedSchema = z.strictObject({sources: SourceIdsSchema, note: z.string().optional()});
const Dated = {
	since: IsoDateSchema,
	sinceExact: z.literal(false).optional(),
	sinceNote: z.string().optional(),
	until: IsoDateSchema.optional(),
	ended: EndedSchema.optional(),
	sources: SourceIdsSchema,
	note: z.string().optional(),
};

/** A link the product may show: https only (z.url() alone takes javascript:, data: and http). The site is checked in load-rules. */
const SourceUrlSchema = z.string().superRefine((value, ctx) => {
	const problem = linkProblem(value);
	if (problem) ctx.addIssue({code: 'custom', message: problem});
});

/**
 * A source as every screen shows it: publisher, title (the document's, never a file name) and date, with a link only
 * where one exists on the publisher's own site or a reputable outlet on data/source-domains.json. `official` only
 * for a link to a government or embassy site: state media relaying a government text are not official.
 */
const SourceSchema = z.strictObject({
	id: SourceIdSchema,
	title: z.string().min(1),
	publisher: z.string().min(1),
	url: SourceUrlSchema.optional(),
	/** Further links the research notes give for this source, on allowlisted sites too (other reports, other parts of a bundled record). */
	mirrors: z.array(SourceUrlSchema).min(1).optional(),
	/** Where the text is when there is no link: a seed document, or copies the research notes keep off the product. */
	document: z.string().optional(),
	date: IsoDateSchema.optional(),
	official: z.boolean(),
});

const CountingSchema = z.strictObject({
	/** next-midnight: the clock starts at 00:00 of the day after entry. scheduled-arrival-to-departure: plain elapsed time. */
	method: z.enum(['next-midnight', 'scheduled-arrival-to-departure']),
	verified: z.boolean(),
	sources: SourceIdsSchema,
	note: z.string(),
});

/**
 * A policy in words, for the printable check-in card. `quote`: an official text copied word for word from `source`
 * (a language marked `…IsTranslation` is our translation of it, not published text). `summary`: no official text was
 * found, so the words are ours and the card must say so. Chinese is kept in the original script of the source.
 */
const WordingSchema = z.strictObject({
	kind: z.enum(['quote', 'summary']),
	en: z.string().min(1),
	zh: z.string().min(1),
	enIsTranslation: z.literal(true).optional(),
	zhIsTranslation: z.literal(true).optional(),
	/** Where in the source the text stands (law article, numbered measure), in our words. */
	cite: z.strictObject({en: z.string().min(1), zh: z.string().min(1)}).optional(),
	/** Date of the quoted text itself, when the source record carries none or a different one. */
	date: IsoDateSchema.optional(),
	source: SourceIdSchema,
	/** Other sources that carry the same text (mirrors with a public address, reprints). */
	alsoIn: z.array(SourceIdSchema).optional(),
	/** true when the quote was copied from the source text itself (the source's own text), not from a paraphrase. */
	verified: z.boolean(),
	note: z.string().optional(),
});
export type Wording = z.infer<typeof WordingSchema>;

/** Where a scheme lets a traveller go: whole provinces, or the listed prefectures of one. */
const AreasSchema = z
	.array(
		z.strictObject({
			province: DivisionCodeSchema,
			area: z.enum(['whole', 'listed']),
			prefectures: z.array(DivisionCodeSchema).optional(),
		}),
	)
	.min(1);

const ThirdCountrySchema = z.strictObject({
	required: z.boolean(),
	confidence: z.enum(['high', 'medium', 'low']),
	note: z.string(),
});

export const TransitRulesSchema = z.strictObject({
	rulesVersion: z.string().regex(/^\d{4}\.\d{2}\.\d{2}$/),
	reviewedAt: IsoDateSchema,
	latestRuleChange: IsoDateSchema,
	transitRulesLastChanged: IsoDateSchema,
	note: z.string(),
	policies: z.strictObject({
		transit24: z.strictObject({
			maxHours: z.number().int().positive(),
			since: IsoDateSchema,
			/**
			 * false: `since` is where our sources begin, not when the policy began (the law they cite replaced an older
			 * one): a trip before it is a doubt, never a plain no. `sinceNote` says what is known.
			 */
			sinceExact: z.literal(false).optional(),
			sinceNote: z.string().optional(),
			sources: SourceIdsSchema,
			allNationalities: z.literal(true),
			thirdCountry: ThirdCountrySchema,
			/** The transit stays at the airport it arrived at: leaving from another airport is leaving the port. */
			staysAtOneAirport: z.boolean(),
			/** A domestic flight may be part of the transit; false: a domestic leg is leaving the port. */
			domesticLegsAllowed: z.boolean(),
			/**
			 * A traveller who has to leave the port (another airport, a domestic flight): whether the border may grant a
			 * temporary entry for the transit, so that the 24 hours still apply (then a doubt: the border decides), or not
			 * (then the transit does not apply).
			 */
			leavingThePort: z.strictObject({
				temporaryEntry: z.boolean(),
				sources: SourceIdsSchema,
				confidence: z.enum(['high', 'medium', 'low']),
				note: z.string(),
			}),
			counting: CountingSchema,
			wording: WordingSchema,
		}),
		transit240: z.strictObject({
			maxHours: z.number().int().positive(),
			since: IsoDateSchema,
			sources: SourceIdsSchema,
			crossProvinceTravel: z.boolean(),
			crossProvinceSince: IsoDateSchema,
			thirdCountry: ThirdCountrySchema,
			counting: CountingSchema,
			predecessorNote: z.string(),
			wording: WordingSchema,
		}),
		visaFree: z.strictObject({sources: SourceIdsSchema, counting: CountingSchema, wording: WordingSchema}),
	}),
	reminders: z.strictObject({
		passportMinValidityMonths: z.number().int().positive(),
		allowedActivities: z.array(z.string()),
		notAllowedActivities: z.array(z.string()),
		sources: SourceIdsSchema,
		/** The arrival card, which can be filled in online before travelling from `since` on. */
		arrivalCard: z.strictObject({
			since: IsoDateSchema,
			/** Where it is filled in, in the source's order. */
			channels: z.array(z.string().min(1)).min(1),
			/** 24-hour direct transit passengers who stay in the port's restricted area need none. */
			exemptAirside24h: z.boolean(),
			sources: SourceIdsSchema,
			note: z.string(),
		}),
	}),
	/**
	 * Who the schemes here are for: foreign nationals (rules-facts §2.1 [S18a], the Exit and Entry Administration Law's
	 * Art. 22; §2.2 [S21]). Passports of these countries or regions are outside them, and our sources hold no rules for
	 * their holders: a verdict for a traveller who lists one is a doubt, never a yes (both engines add the reason
	 * `passport-not-covered` to every verdict).
	 */
	passportsNotCovered: z.strictObject({
		countries: z.array(CountryCodeSchema).min(1),
		sources: SourceIdsSchema,
		note: z.string(),
	}),
	/** Counts the official texts state on a date; the dataset must reproduce them (checked in load-rules). */
	officialCounts: z.array(
		z.strictObject({
			date: IsoDateSchema,
			ports: z.number().int().optional(),
			provinces: z.number().int().optional(),
			nationalities: z.number().int().optional(),
			inspectionExempt: z.number().int().optional(),
			sources: SourceIdsSchema,
			note: z.string(),
		}),
	),
	transit240Nationalities: z.array(z.strictObject({country: CountryCodeSchema, name: z.string(), ...Dated})),
	transit240Ports: z.array(
		z.strictObject({
			id: z.string().regex(/^([A-Z]{3}|[a-z0-9-]+)$/),
			name: z.string(),
			nameZh: z.string(),
			type: z.enum(['airport', 'seaport', 'land', 'rail']),
			iata: IataSchema.optional(),
			province: DivisionCodeSchema,
			city: z.string(),
			...Dated,
		}),
	),
	transit240Areas: z.array(
		z.strictObject({
			province: DivisionCodeSchema,
			name: z.string(),
			nameZh: z.string(),
			area: z.enum(['whole', 'listed']),
			prefectures: z.array(DivisionCodeSchema).optional(),
			...Dated,
		}),
	),
	transit24InspectionExempt: z.array(z.strictObject({iata: IataSchema, name: z.string(), ...Dated})),
	/**
	 * Before the nationwide 240-hour policy (2024-12-17): the 72- and 144-hour schemes, one per city or region, each
	 * with its airports (ports joining later carry their own `since`), its hours, counted the same way, and its permitted
	 * area, with no travel between regions. `areaVerified: false` where no source states the area: stays beyond the
	 * entry airport's city are then in doubt. Seaports are left out: the engine judges flights.
	 */
	transitSchemes: z.array(
		z.strictObject({
			id: z.string().regex(/^[a-z0-9-]+$/),
			name: z.string(),
			nameZh: z.string(),
			hours: z.union([z.literal(72), z.literal(144)]),
			ports: z
				.array(
					z.strictObject({
						iata: IataSchema,
						since: IsoDateSchema.optional(),
						sinceExact: z.literal(false).optional(),
						note: z.string().optional(),
					}),
				)
				.min(1),
			areas: AreasSchema,
			areaVerified: z.boolean(),
			...Dated,
		}),
	),
	visaFree: z.array(
		z.strictObject({
			country: CountryCodeSchema,
			name: z.string(),
			kind: z.enum(['unilateral', 'mutual']),
			/** Stay limit per entry today; absent when no source gives it. */
			days: z.number().int().positive().optional(),
			daysVerified: z.boolean(),
			/** The stay limit's history (15 days before 2024-11-30, 30 after): each entry holds from its `since` to the next. */
			stayLimits: z
				.array(z.strictObject({since: IsoDateSchema, days: z.number().int().positive(), sources: SourceIdsSchema}))
				.min(2)
				.optional(),
			/** false when the regime itself (its in-force date or its existence) is not confirmed by a good source. */
			verified: z.boolean(),
			...Dated,
		}),
	),
	/**
	 * Visa-free entry limited to a region. `individual-with-agency`: a traveller may use it
	 * alone but through a travel agency, which no itinerary shows (Hainan's 59 countries): at best a doubt. `group`:
	 * tour groups only, never a verdict for one traveller; the details mention it where the stay fits. Without
	 * `countries`, citizens of every country with diplomatic relations with China; without `entryAirports`, any open
	 * port in the area (an empty list: not by air).
	 */
	regionalVisaFree: z.array(
		z.strictObject({
			id: z.string().regex(/^[a-z0-9-]+$/),
			name: z.string(),
			nameZh: z.string(),
			kind: z.enum(['individual-with-agency', 'group']),
			countries: z.array(CountryCodeSchema).optional(),
			days: z.number().int().positive().optional(),
			hours: z.number().int().positive().optional(),
			entryAirports: z.array(IataSchema).optional(),
			areas: AreasSchema,
			condition: z.string(),
			...Dated,
		}),
	),
	sources: z.array(SourceSchema),
});
export type TransitRules = z.infer<typeof TransitRulesSchema>;
export type Source = z.infer<typeof SourceSchema>;
type Port = TransitRules['transit240Ports'][number];
type VisaFreeRegime = TransitRules['visaFree'][number];
type TransitScheme = TransitRules['transitSchemes'][number];

/** data/source-domains.json: the reviewed sites source links may point to. */
export const SourceDomainsSchema = z.strictObject({
	description: z.string(),
	reviewedAt: IsoDateSchema,
	domains: z
		.array(
			z.strictObject({
				/** An exact host, or `*.suffix` for that domain and every host under it. */
				pattern: z.string().regex(/^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/, 'a host name, or *. and a domain'),
				kind: z.enum(DOMAIN_KINDS),
				reason: z.string().min(1),
			}),
		)
		.min(1),
});
export type SourceDomains = z.infer<typeof SourceDomainsSchema>;

/**
 * data/rules-keys.json: the public keys a signed rules update may be signed with (lib/rules/signed-update.ts). More
 * than one, so a key can be rotated: a release ships the new key beside the old one before updates are signed with it.
 */
export const RulesKeysSchema = z.strictObject({
	description: z.string(),
	keys: z
		.array(
			z.strictObject({
				id: z.string().regex(/^[a-z0-9-]{4,64}$/),
				/** The raw 32-byte Ed25519 public key, base64 (44 characters). */
				publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
				added: IsoDateSchema,
			}),
		)
		.min(1),
});
export type RulesKeys = z.infer<typeof RulesKeysSchema>;
