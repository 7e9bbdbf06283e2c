/**
 * The zod schemas that check each message where the background and the popup receive it. The message types, their
 * size limits and the content script's own (hand-written) check are in ./message-types.ts, re-exported here. Pure (no
 * DOM, no browser): the receivers validate here and act in their own files.
 *
 * Nothing received is trusted because of its shape in TypeScript: a content script lives in pages we do not control,
 * and a reply can come from an older content script left behind by an update. Every schema is bounded (array lengths,
 * string lengths), so a message cannot make a receiver walk or store something huge.
 */
import {z} from 'zod';
import {LOCALES, type Locale} from '../i18n/locale';
import type {TripInput} from '../rules/types';
import type {SegmentInput} from '../itinerary';
import type {LeftOut} from '../detect/page-status';
import {MESSAGE_LIMITS, type PageStatus, type Refusal, type ToBackground} from './message-types';

export * from './message-types';

// As in lib/rules/schema.ts: the background parses messages without loading the rules, so it says this too. zod's
// JIT probe would try `new Function`, which extension pages forbid (and Chrome reports as an extension error).
z.config({jitless: true});

const L = MESSAGE_LIMITS;

/** Passengers' nationalities as a record prints them (`FR`, `FRA`): what a page's `SSR DOCS` entries give. */
const RecordNationalities = z
	.array(z.string().regex(/^[A-Z]{2,3}$/))
	.min(1)
	.max(L.recordNationalities);

/** lib/rules/types' SegmentInputSchema with lengths: the same fields, no others (strict). */
const BoundedSegment = z.strictObject({
	from: z.string().max(L.code),
	to: z.string().max(L.code),
	departure: z.string().max(L.time).optional(),
	arrival: z.string().max(L.time).optional(),
	flight: z.string().max(L.flight).optional(),
	separateTickets: z.boolean().optional(),
	connectionMinutes: z.number().int().nonnegative().max(L.connectionMinutes).optional(),
	arrivalNotBefore: z.string().max(L.time).optional(),
}) satisfies z.ZodType<SegmentInput>;

/**
 * Flights read but not checked (lib/detect/page-status.ts LeftOut), as the content script bounds them: the popup's
 * status and a page badge's details carry them.
 */
const BoundedLeftOut = z.object({
	unknownAirports: z
		.array(
			z.object({
				from: z.string().max(L.name),
				to: z.string().max(L.name),
				flight: z.string().max(L.flight).optional(),
				unknown: z.array(z.string().max(L.name)).min(1).max(2),
			}),
		)
		.max(L.genericItineraries),
	excluded: z
		.array(
			z.object({
				line: z.string().max(L.name).optional(),
				flight: z.string().max(L.flight).optional(),
				from: z.string().max(L.name).optional(),
				to: z.string().max(L.name).optional(),
				status: z.enum(['confirmed', 'unconfirmed', 'cancelled', 'waitlisted', 'surface', 'unread', 'flown']),
				code: z.string().max(L.name),
			}),
		)
		.max(L.genericItineraries),
}) satisfies z.ZodType<LeftOut>;

/**
 * The trip's structure only: airports, passports and times are checked against the rules (validateTrip) by the card
 * page, which loads them; the background stays small and never evaluates anything.
 */
const BoundedTrip = z.strictObject({
	passports: z.array(z.string().max(L.code)).max(L.passports),
	segments: z.array(BoundedSegment).min(1).max(L.segments),
}) satisfies z.ZodType<TripInput>;

// ---- to the background (from the content script and the extension's own pages) ----

const ToBackgroundSchema = z.discriminatedUnion('type', [
	z.strictObject({type: z.literal('open-options')}),
	z.strictObject({type: z.literal('open-card'), trip: BoundedTrip}),
	z.strictObject({type: z.literal('sync-user-sites')}),
	z.strictObject({
		type: z.literal('details-open'),
		trips: z.array(BoundedTrip).min(1).max(L.detailsTrips),
		today: z.iso.date(),
		locale: z.enum(LOCALES as [Locale, ...Locale[]]),
		heuristic: z.boolean(),
		card: BoundedTrip.optional(),
		recordNationalities: RecordNationalities.optional(),
		tripsOmitted: z.number().int().positive().max(L.pageItineraries).optional(),
		leftOut: BoundedLeftOut.optional(),
	}),
	z.strictObject({type: z.literal('details-frame'), key: z.uuid()}),
	z.strictObject({type: z.literal('details-close'), key: z.uuid()}),
	z.strictObject({type: z.literal('airport-names'), names: z.array(z.string().min(1).max(L.name)).min(1).max(L.names)}),
	z.strictObject({
		type: z.literal('airport-zones'),
		codes: z
			.array(z.string().regex(/^[A-Z]{3}$/))
			.min(1)
			.max(L.names),
	}),
	z.strictObject({type: z.literal('compact-rules')}),
	z.strictObject({type: z.literal('rules-update-check')}),
	z.strictObject({
		type: z.literal('page-verdict'),
		withStops: z.number().int().nonnegative().max(L.pageItineraries),
		tone: z.enum(['ok', 'check', 'none', 'passport']).nullable(),
		text: z.string().max(L.verdictText),
		locale: z.enum(LOCALES as [Locale, ...Locale[]]),
	}),
]) satisfies z.ZodType<ToBackground>;

export function parseToBackground(x: unknown): ToBackground | undefined {
	const parsed = ToBackgroundSchema.safeParse(x);
	return parsed.success ? parsed.data : undefined;
}

// ---- to the content script (from the popup) ----

// ---- the content script's answer to either ----

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// z.object, not strictObject: keys the popup does not know are dropped, not fatal, so a status field added on the
// content script's side can never blank the popup. What is kept is checked all the same.
const PageStatusSchema = z.object({
	adapter: z.string().max(L.adapterId).nullable(),
	disabled: z.boolean(),
	itineraries: count,
	withStops: count,
	unplaced: count,
	unread: count.optional(),
	layoutUnrecognised: z.boolean(),
	generic: z.array(z.array(BoundedSegment).max(L.segments)).max(L.genericItineraries),
	genericLeftOut: BoundedLeftOut.optional(),
	lookupsPending: z.literal(true).optional(),
	reading: z.literal(true).optional(),
	textScanPending: z.boolean().optional(),
	stats: z.object({batches: count, cards: count, badges: count, evaluations: count, failures: count, unplaced: count}).optional(),
	record: z
		.object({
			nationalities: RecordNationalities,
			itineraries: z.array(z.array(BoundedSegment).max(L.segments)).min(1).max(L.genericItineraries),
			heuristic: z.boolean(),
		})
		.optional(),
	pdf: z.literal(true).optional(),
}) satisfies z.ZodType<PageStatus>;

/** The popup validates the content script's reply with this: anything else reads as "no content script here". */
export function parsePageStatus(x: unknown): PageStatus | undefined {
	const parsed = PageStatusSchema.safeParse(x);
	return parsed.success ? parsed.data : undefined;
}
