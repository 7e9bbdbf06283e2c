/**
 * Every message the extension's parts send each other, one union per direction, and the zod schemas that check each
 * where it arrives. Pure (no DOM, no browser): the receivers (background, content script, popup) validate here and
 * act in their own files.
 *
 * Nothing received is trusted because of its shape in TypeScript: a content script lives in pages we do not control,
 * and a reply can come from an older content script left behind by an update. Every schema is bounded (array lengths,
 * string lengths), so a message cannot make a receiver walk or store something huge.
 */
import {z} from 'zod';
import type {SegmentInput, TripInput} from './rules/types';

// As in lib/rules/schema.ts: the background parses messages without loading the rules, so it says this too. zod's
// JIT probe would try `new Function`, which extension pages forbid (and Chrome reports as an extension error).
z.config({jitless: true});

/** Upper bounds of what a message may carry. A real trip is far below them (40 flights is a round-the-world ticket). */
export const MESSAGE_LIMITS = {
	segments: 40,
	passports: 10,
	/** Itineraries the generic detector hands the popup in one status; the content script sends at most this many. */
	genericItineraries: 100,
	/** Airport and country codes: three letters in a valid trip; a little room so the error names the bad value. */
	code: 8,
	/** `YYYY-MM-DDTHH:mm` is 16 characters. */
	time: 32,
	/** A flight as a page writes it (`航班 CZ 3076`, `MU 586 operated by …`). */
	flight: 64,
	adapterId: 64,
	/** A month of layover, in minutes: anything longer is not a connection. */
	connectionMinutes: 60 * 24 * 31,
} as const;

const L = MESSAGE_LIMITS;

/** lib/rules/types' SegmentInputSchema with lengths: the same fields, no others (strict). */
const BoundedSegment = z.strictObject({
	from: z.string().max(L.code),
	to: z.string().max(L.code),
	departure: z.string().max(L.time).optional(),
	arrival: z.string().max(L.time).optional(),
	flight: z.string().max(L.flight).optional(),
	separateTickets: z.boolean().optional(),
	connectionMinutes: z.number().int().nonnegative().max(L.connectionMinutes).optional(),
}) satisfies z.ZodType<SegmentInput>;

/**
 * The trip's structure only: airports, passports and times are checked against the rules (validateTrip) by the card
 * page, which loads them; the background stays small and never evaluates anything.
 */
const BoundedTrip = z.strictObject({
	passports: z.array(z.string().max(L.code)).max(L.passports),
	segments: z.array(BoundedSegment).min(1).max(L.segments),
}) satisfies z.ZodType<TripInput>;

// ---- to the background (from the content script and the extension's own pages) ----

export type ToBackground =
	/** A badge's "settings" link: content scripts cannot open the options page themselves. */
	| {type: 'open-options'}
	/** The check-in card for one itinerary: the background keeps the trip in storage.session, never in a URL. */
	| {type: 'open-card'; trip: TripInput}
	/** Extension pages (options, tests) wait for the content script registration to follow the settings. */
	| {type: 'sync-user-sites'};

const ToBackgroundSchema = z.discriminatedUnion('type', [
	z.strictObject({type: z.literal('open-options')}),
	z.strictObject({type: z.literal('open-card'), trip: BoundedTrip}),
	z.strictObject({type: z.literal('sync-user-sites')}),
]) satisfies z.ZodType<ToBackground>;

/**
 * Why the background did not do what was asked: a sender that may not ask this (`forbidden`), a message that is not
 * one of ours (`invalid`), too many tabs asked for too fast (`rate-limited`), or the browser refused (`failed`).
 */
export type Refusal = 'forbidden' | 'invalid' | 'rate-limited' | 'failed';
type Outcome<R extends Refusal> = {ok: true} | {ok: false; reason: R};

type Replies = {
	'open-options': Outcome<Refusal>;
	'open-card': Outcome<Refusal>;
	// Opens nothing, so it is never rate-limited.
	'sync-user-sites': Outcome<'forbidden' | 'invalid' | 'failed'>;
};
export type BackgroundReply<T extends ToBackground['type']> = Replies[T];

export function parseToBackground(x: unknown): ToBackground | undefined {
	const parsed = ToBackgroundSchema.safeParse(x);
	return parsed.success ? parsed.data : undefined;
}

// ---- to the content script (from the popup) ----

export type ToContent = {type: 'page-status'} | {type: 'scan-page'};

const ToContentSchema = z.discriminatedUnion('type', [z.strictObject({type: z.literal('page-status')}), z.strictObject({type: z.literal('scan-page')})]) satisfies z.ZodType<ToContent>;

export function parseToContent(x: unknown): ToContent | undefined {
	const parsed = ToContentSchema.safeParse(x);
	return parsed.success ? parsed.data : undefined;
}

// ---- the content script's answer to either ----

/** What the content script found on its page, for the popup's "This page" section. */
export type PageStatus = {
	/** The site adapter that reads this page (lib/adapters ids), or null where none does. */
	adapter: string | null;
	/** The user switched this built-in site off. */
	disabled: boolean;
	itineraries: number;
	withStops: number;
	/** Badges that could not be placed visibly on the page (covered, clipped or off-screen). */
	unplaced: number;
	/** The site's adapter reads nothing although the page's text shows flights: its layout probably changed. */
	layoutUnrecognised: boolean;
	/** What the generic text detector read on such a page (heuristic: shown, never a plain ✓). */
	generic: SegmentInput[][];
	stats?: {batches: number; cards: number; badges: number; evaluations: number; failures: number; unplaced: number};
};

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

// z.object, not strictObject: keys the popup does not know are dropped, not fatal, so a status field added on the
// content script's side can never blank the popup. What is kept is checked all the same.
const PageStatusSchema = z.object({
	adapter: z.string().max(L.adapterId).nullable(),
	disabled: z.boolean(),
	itineraries: count,
	withStops: count,
	unplaced: count,
	layoutUnrecognised: z.boolean(),
	generic: z.array(z.array(BoundedSegment).max(L.segments)).max(L.genericItineraries),
	stats: z.object({batches: count, cards: count, badges: count, evaluations: count, failures: count, unplaced: count}).optional(),
}) satisfies z.ZodType<PageStatus>;

/** The popup validates the content script's reply with this: anything else reads as "no content script here". */
export function parsePageStatus(x: unknown): PageStatus | undefined {
	const parsed = PageStatusSchema.safeParse(x);
	return parsed.success ? parsed.data : undefined;
}
