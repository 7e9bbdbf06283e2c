/**
 * The messages between the extension's parts, as types, their size limits, and the check the content script runs on
 * what it receives. No validation library: this is the part the content script bundles (it receives only the popup's
 * two questions, checked by hand below). The zod schemas for the background and the popup are in ./messages.ts.
 */
import type {Locale} from '../i18n/locale';
import type {TripInput} from '../rules/types';
import type {Details} from '../ui/details';
import type {UpdateStatus} from '../rules/update-state';
import {isDetailsKey, type DetailsRequest} from './details-link';

/** Upper bounds of what a message may carry. A real trip is far below them (40 flights is a round-the-world ticket). */
export const MESSAGE_LIMITS = {
	/** Flights of one itinerary: more than a booking holds (a GDS numbers its segments in two digits). */
	segments: 99,
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
	/** Trips one badge's details explain (a page badge: the itineraries in the page's data). */
	detailsTrips: 100,
	/** Passengers' nationalities a page badge's details name (a record's `SSR DOCS`); the content script sends at most this many. */
	recordNationalities: 20,
	/** Airport names the content script asks the background about at once, and how long one may be. */
	names: 200,
	name: 200,
	/** What the toolbar's tooltip quotes of a badge. */
	verdictText: 200,
	/** Itineraries one page reports to the toolbar. */
	pageItineraries: 100_000,
} as const;

// ---- to the background (from the content script and the extension's own pages) ----

export type ToBackground =
	/** A badge's "settings" link: content scripts cannot open the options page themselves. */
	| {type: 'open-options'}
	/** The check-in card for one itinerary: the background keeps the trip in storage.session, never in a URL. */
	| {type: 'open-card'; trip: TripInput}
	/** Extension pages (options, tests) wait for the content script registration to follow the settings. */
	| {type: 'sync-user-sites'}
	/**
	 * A badge's popover opens: the content script hands the background what its details are about (./details-link.ts);
	 * the answer is the key its frame asks with. Only a content script, for its own tab and frame. The details are
	 * explained from the full rules (names, reasons, sources), which the content script does not carry; `today` is the
	 * badge's, so both judge the same day. (Until 2026-12 the content script asked for the details themselves, the
	 * `details` message, and showed them in the page's document.)
	 */
	| ({type: 'details-open'} & DetailsRequest)
	/** The details frame (the extension's details.html, in the popover) asks for its key's details. */
	| {type: 'details-frame'; key: string}
	/** The details frame asks for its popover to close (Escape pressed in the frame): the background tells the tab. */
	| {type: 'details-close'; key: string}
	/** Airport names a page wrote that the content script's compact table cannot read (it has no names). */
	| {type: 'airport-names'; names: string[]}
	/**
	 * IATA codes whose time zones the content script's generic page needs (a GDS line's landing after midnight, a
	 * ticket coupon's earliest landing): its compact table has none.
	 */
	| {type: 'airport-zones'; codes: string[]}
	/** The bundled compact dataset's text, for a content script that found none of its build in storage. */
	| {type: 'compact-rules'}
	/** The options page's "check now" for rules updates (only builds with an update URL). */
	| {type: 'rules-update-check'}
	/**
	 * The content script's page, for its tab's toolbar button: how many itineraries with a mainland stop, and the best
	 * verdict with its words in the badge's language (lib/ui/page-summary.ts toolbarVerdict).
	 */
	| {type: 'page-verdict'; withStops: number; tone: 'ok' | 'check' | 'none' | 'passport' | null; text: string; locale: Locale};

/**
 * Why the background did not do what was asked: a sender that may not ask this (`forbidden`), a message that is not
 * one of ours (`invalid`), too many tabs asked for too fast (`rate-limited`), or the browser refused (`failed`).
 */
export type Refusal = 'forbidden' | 'invalid' | 'rate-limited' | 'failed' | 'expired';
type Outcome<R extends Refusal> = {ok: true} | {ok: false; reason: R};

type Replies = {
	'open-options': Outcome<Refusal>;
	'open-card': Outcome<Refusal>;
	// Opens nothing, so it is never rate-limited.
	'sync-user-sites': Outcome<'forbidden' | 'invalid' | 'failed'>;
	'details-open': {ok: true; key: string} | {ok: false; reason: 'forbidden' | 'invalid' | 'failed'};
	/** `expired`: no entry under the key (the browser restarted, or the popover opened again since). */
	'details-frame':
		| {ok: true; details: Details; text: string; locale: Locale; card: TripInput | null}
		| {ok: false; reason: 'forbidden' | 'invalid' | 'failed' | 'expired'};
	'details-close': Outcome<'forbidden' | 'invalid' | 'failed' | 'expired'>;
	/** Each name asked, with its IATA code or null. */
	'airport-names': {ok: true; codes: Record<string, string | null>} | {ok: false; reason: 'forbidden' | 'invalid' | 'failed'};
	/** Each code asked, with its IANA time zone or null. */
	'airport-zones': {ok: true; zones: Record<string, string | null>} | {ok: false; reason: 'forbidden' | 'invalid' | 'failed'};
	/** data/compact-rules.json as text (lib/browser/bundled-compact.ts). */
	'compact-rules': {ok: true; text: string} | {ok: false; reason: 'forbidden' | 'invalid' | 'failed'};
	/** The check's outcome, as also stored (lib/rules/update-state.ts). */
	'rules-update-check': {ok: true; status: UpdateStatus} | {ok: false; reason: 'forbidden' | 'invalid' | 'failed'};
	'page-verdict': Outcome<'forbidden' | 'invalid' | 'failed'>;
};
export type BackgroundReply<T extends ToBackground['type']> = Replies[T];

// ---- to the content script (from the popup, and from the background for a details frame) ----

export type ToContent = {type: 'page-status'} | {type: 'scan-page'} | {type: 'details-close'; key: string};

/**
 * Exactly `{type: 'page-status'}`, `{type: 'scan-page'}` or `{type: 'details-close', key}` with a key of the shape the
 * background writes: any other key or value is not one of ours.
 */
export function parseToContent(x: unknown): ToContent | undefined {
	if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
	const keys = Object.keys(x);
	const {type, key} = x as {type?: unknown; key?: unknown};
	if (type === 'details-close') {
		return keys.length === 2 && typeof key === 'string' && isDetailsKey(key) ? {type, key} : undefined;
	}
	if (keys.length !== 1 || (type !== 'page-status' && type !== 'scan-page')) return undefined;
	return {type};
}

// ---- the content script's answer to either ----

export type {PageStatus} from '../detect/page-status';
