/**
 * The itinerary model every layer shares: what a page or a text says (raw: airports as codes or names, times as
 * printed), and the normalised segments the rules engine reads (IATA codes, local `YYYY-MM-DDTHH:mm`). Adapters and
 * parsers produce raw itineraries, lib/extract/normalize.ts turns them into segments, lib/rules judges segments.
 */

/**
 * A time as the page shows it. The shared normaliser turns it into a local `YYYY-MM-DDTHH:mm`.
 * @example {date: 'Thursday, April 2', time: '11:30\u202fPM'}
 * @example {date: '18MAR', time: '615A'}
 * @example {time: '07:05', dayOffset: 1} // "+1天": the day after the segment's departure day
 */
export type RawTime = {
	/** ISO `2026-04-02`, or date text: `Thursday, April 2`, `2 Apr`, `18MAR`, `4月2日`, `2026年4月2日`. */
	date?: string;
	/** `23:40`, `11:30 PM` (U+202F allowed), `615A`, `1159P`, `0510`. */
	time?: string;
	/** Days after the date (or, for an arrival without a date, after the departure's date). */
	dayOffset?: number;
	/**
	 * An arrival clock printed without its day, where the text shows the day is not the departure's (`12:50 PM to 7:25
	 * AM`, "this flight involves a date change"). The normaliser places it only on the day where the segment's stated
	 * flight time (`durationMinutes`) and the two airports' time zones land at that clock, and leaves it out otherwise.
	 */
	dayUnstated?: boolean;
	/**
	 * An arrival clock before the departure's, with no day printed (a GDS line without a day mark or arrival date): the
	 * next day, or the same day westwards over the date line. The normaliser places it where it has the two airports'
	 * time zones (the one day on which the flight takes more than nothing and under 20 hours), and leaves it out
	 * otherwise. `DXBGOI 2320 0400` lands the next day; `HKGSEA 1145 0811`, over the date line, the same day.
	 */
	dayUnmarked?: boolean;
	/**
	 * An arrival clock whose day the text does not print, after the departure's clock (`1:00 PM to 4:00 PM` under the
	 * departure's date; an arrival line with no date since the departure's): on the departure's day by convention, which
	 * the normaliser checks with the two airports' time zones where it has them. A flight from New York at 1:00 PM that
	 * lands in Beijing at 4:00 PM lands the next day.
	 */
	dayAssumed?: boolean;
};

/**
 * What a booking says about one of its segments, read from a GDS status code (`HK`, `HL`, `HX`, …) or a surface line
 * (`ARNK`). Only a confirmed segment (or one whose status is not stated or not known) is a flight to check; a surface
 * segment is no flight at all and ends the itinerary's continuity. lib/extract/status.ts maps codes to these.
 * `unread`: a line with the shape of a flight segment (its number, a flight, a date, a city pair) that the reader
 * could not read whole: what the flight is is unknown, so it ends the itinerary's continuity as a surface segment does.
 * `flown`: a segment the record keeps after it was flown (Amadeus prints `FLWN` for its status, and no times): not a
 * flight to check, and, its times unknown, it ends the itinerary's continuity too.
 */
export type SegmentStatus = 'confirmed' | 'unconfirmed' | 'cancelled' | 'waitlisted' | 'surface' | 'unread' | 'flown';

/** One leg as the page says it: airports as IATA codes or names (English or Chinese). Missing fields stay missing. */
export type RawSegment = {
	from: string;
	to: string;
	departs?: RawTime;
	arrives?: RawTime;
	flight?: string;
	/** The layover after this segment, when the page states its length ("3 hr 5 min layover at …"). */
	connectionMinutes?: number;
	/** The flight's own length as the text states it (`Duration: 10h 35m`): read only to place an arrival of unstated day. */
	durationMinutes?: number;
	/** The booking status, when the page states one (GDS displays do); absent means not stated. */
	status?: SegmentStatus;
	/** The status code as printed (`HK`, `WK`, `ARNK`), also when it is a code the status table does not know. */
	statusCode?: string;
};

/**
 * A segment the text shows but the itinerary leaves out: cancelled, waitlisted, not (yet) confirmed, or a surface
 * segment where the itinerary was split. Kept so a user can be told why a leg they see was not checked.
 */
export type ExcludedSegment = {
	/** The line as the text printed it, trimmed. */
	line?: string;
	flight?: string;
	/** Absent for a surface segment whose ends the text does not name (a bare `ARNK`). */
	from?: string;
	to?: string;
	status: SegmentStatus;
	/** The printed code: `HX`, `HL`, `WK`, `ARNK`, … */
	code: string;
};

/**
 * `segments` is non-empty, except in an itinerary whose every segment was excluded (a record of cancelled or
 * waitlisted flights only): then `excluded` says what was there.
 */
export type RawItinerary = {segments: RawSegment[]; excluded?: ExcludedSegment[]};

/**
 * One flight (or other leg) as a page or a person gives it, normalised. Times are local wall-clock times at each
 * airport, `YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` when only the date is shown; both may be missing.
 * @example {"from": "JFK", "to": "PEK", "departure": "2026-03-15T13:00", "arrival": "2026-03-16T16:00", "flight": "CA982"}
 */
export type SegmentInput = {
	from: string;
	to: string;
	departure?: string;
	arrival?: string;
	flight?: string;
	/** The traveller rebooks at the start of this leg (self-transfer): bags and check-in again, so no airside stay. */
	separateTickets?: boolean;
	/** Minutes between this leg's arrival and the next leg's departure, when a page states the layover but not the clocks. */
	connectionMinutes?: number;
	/**
	 * Where the arrival is not given (a ticket's coupon names its departure only): the earliest the flight can land, local
	 * time at `to`, `YYYY-MM-DDTHH:mm`: its departure converted with the two airports' time zones (a flight takes more
	 * than no time). A bound, never an arrival: the engine counts a stay from it only where that settles the limit
	 * whenever the flight lands. Set by the normaliser where the airport table has time zones.
	 */
	arrivalNotBefore?: string;
};

/** How far a detected itinerary can be trusted: read from structured markup, or guessed from text. */
export type Confidence = 'structured' | 'heuristic';
