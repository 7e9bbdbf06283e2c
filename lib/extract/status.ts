/**
 * Segment status: what a GDS status code says about a booked segment, and the one shared rule for what that means to
 * an itinerary. Any source that reads statuses (GDS lines today) marks its segments and hands the record to
 * splitByStatus; the normaliser refuses a segment that still carries an excluded status, so no source can make a
 * cancelled or waitlisted flight look like a leg to check by forgetting that step.
 */
import type {ExcludedSegment, RawItinerary, RawSegment, SegmentStatus} from '../itinerary';
import {normalizeFlightNumber} from './parse';

/**
 * IATA/GDS status and advice codes as they appear after the city pair (`HK1`, `*SS1`, `HX1`), with the systems'
 * published meanings. Codes not listed have no status: the segment is kept, as when no code is printed at all.
 * A schedule change shows the old segment as `WK`/`WL` ("was confirmed/waitlisted") and the new one as `TK`, `KK` or
 * `SC`, so the pair yields only the new flight.
 */
export const SEGMENT_STATUS: Readonly<Record<string, SegmentStatus>> = {
	// Holds, sold, confirmed.
	HK: 'confirmed', // holds confirmed
	KK: 'confirmed', // confirming (airline reply)
	KL: 'confirmed', // confirming from the waiting list
	RR: 'confirmed', // reconfirmed
	TK: 'confirmed', // confirmed, timings changed (schedule change, new segment)
	SC: 'confirmed', // schedule change confirmed (Apollo, Worldspan)
	SS: 'confirmed', // sold in this transaction
	HS: 'confirmed', // have sold
	DK: 'confirmed', // confirmed before end of transaction (Amadeus), direct sell (Galileo)
	LK: 'confirmed', // guaranteed sold
	GK: 'confirmed', // passive (ghost) segment, confirmed
	BK: 'confirmed', // passive, booked with the carrier outside the GDS
	AK: 'confirmed', // passive, confirmed outside the GDS (Galileo)
	// Requested, not yet answered.
	HN: 'unconfirmed', // holds need (requested)
	NN: 'unconfirmed', // need (request)
	PN: 'unconfirmed', // pending need
	TN: 'unconfirmed', // requested, timings changed
	HA: 'unconfirmed', // have requested (airline's own segment)
	AN: 'unconfirmed', // passive, requested outside the GDS
	BN: 'unconfirmed', // requested outside the GDS
	DN: 'unconfirmed', // on request before end of transaction (Amadeus)
	NA: 'unconfirmed', // need the segment or an alternative
	HQ: 'unconfirmed', // space already requested
	SA: 'unconfirmed', // space available (standby)
	// On a waiting list.
	HL: 'waitlisted', // have listed
	LL: 'waitlisted', // list (add to the waiting list)
	US: 'waitlisted', // unable to sell, have waitlisted
	UU: 'waitlisted', // unable, have waitlisted
	TL: 'waitlisted', // waitlisted, timings changed
	HW: 'waitlisted', // have waitlisted (airline's own segment)
	DW: 'waitlisted', // waitlisted before end of transaction (Amadeus)
	GL: 'waitlisted', // passive waitlist
	AL: 'waitlisted', // passive, waitlisted outside the GDS
	BL: 'waitlisted', // passive waitlist segment
	PA: 'waitlisted', // priority waitlist
	PB: 'waitlisted',
	PC: 'waitlisted',
	PD: 'waitlisted',
	// Cancelled, refused, or replaced.
	HX: 'cancelled', // have cancelled
	XX: 'cancelled', // cancel confirmed or requested segment
	XK: 'cancelled', // cancel without notifying the carrier
	XL: 'cancelled', // cancel waitlisted segment
	DX: 'cancelled', // interactively cancelled
	IX: 'cancelled', // if holding, cancel
	UN: 'cancelled', // unable, flight does not operate
	UC: 'cancelled', // unable, flight closed, not waitlisted
	NO: 'cancelled', // no action taken
	DL: 'cancelled', // deferred from the waiting list: must be cancelled and listed again
	WK: 'cancelled', // was confirmed: the old segment of a schedule change
	WL: 'cancelled', // was waitlisted: the old segment of a schedule change
	// Flown: kept in the record after the flight, without its times (Amadeus).
	FLWN: 'flown',
	// The status of a coupon of an electronic ticket (Sabre WETR, Apollo HTE): open and in the airline's hands are
	// flights still to fly; used and lifted, flown; void, refunded and exchanged, not flights on this ticket.
	OPEN: 'confirmed',
	ARPT: 'confirmed', // airport control: the operating airline holds the coupon for check-in
	CKIN: 'confirmed', // checked in
	USED: 'flown',
	LFTD: 'flown', // lifted: boarded
	VOID: 'cancelled',
	RFND: 'cancelled',
	EXCH: 'cancelled',
	// Not a flight: an unknown or surface sector between two flights.
	ARNK: 'surface',
	ARUNK: 'surface',
	SURFACE: 'surface',
};

/** The status a code stands for; undefined for a code the table does not know. Case-sensitive: GDS codes are capitals. */
export function segmentStatus(code: string): SegmentStatus | undefined {
	return Object.hasOwn(SEGMENT_STATUS, code) ? SEGMENT_STATUS[code] : undefined;
}

/** Whether a segment with this status is a flight to check: confirmed, or no (known) status at all. */
export function isCheckedStatus(status: SegmentStatus | undefined): boolean {
	return status === undefined || status === 'confirmed';
}

/**
 * One record as a source read it (every segment, each with its status) → the itineraries to check. Segments that
 * are not confirmed move to `excluded`; a surface segment (or a segment line not read, or a flown one) moves there too and ends the
 * itinerary: the legs on either side are separate trips (an `ARNK` between an outbound in March and a return in June is not a three-month
 * stopover). Excluded segments stay with the itinerary they interrupted (the one before them, or the next when none
 * came before). A record with no segment left becomes one itinerary with no segments, so what was excluded is still
 * reported. `lineOf` gives the printed line of a segment, for the report.
 */
export function splitByStatus(raw: RawItinerary, lineOf?: (segment: RawSegment) => string | undefined): RawItinerary[] {
	const out: RawItinerary[] = [];
	let segments: RawSegment[] = [];
	// Exclusions seen since the last itinerary was closed, and those waiting for an itinerary to attach to.
	let excluded: ExcludedSegment[] = [...(raw.excluded ?? [])];
	const close = () => {
		if (segments.length === 0) return;
		out.push(excluded.length > 0 ? {segments, excluded} : {segments});
		segments = [];
		excluded = [];
	};
	for (const segment of raw.segments) {
		if (isCheckedStatus(segment.status)) {
			segments.push(segment);
			continue;
		}
		excluded.push(describe(segment, lineOf?.(segment)));
		// Before anything was kept there is no trip to end yet: the exclusion waits for the next one.
		if (segment.status === 'surface' || segment.status === 'unread' || segment.status === 'flown') close();
	}
	close();
	if (excluded.length > 0) {
		const last = out[out.length - 1];
		if (last) last.excluded = [...(last.excluded ?? []), ...excluded];
		else out.push({segments: [], excluded});
	}
	return out;
}

function describe(segment: RawSegment, line: string | undefined): ExcludedSegment {
	// Built in reading order (line, flight, route, why), which is the order detect prints.
	const e: Partial<ExcludedSegment> = {};
	if (line) e.line = line;
	// As the itineraries name flights (`TK080` → `TK80`), so a flight left out reads like the ones kept.
	if (segment.flight) e.flight = normalizeFlightNumber(segment.flight) ?? segment.flight;
	if (segment.from) e.from = segment.from;
	if (segment.to) e.to = segment.to;
	return {...e, status: segment.status!, code: segment.statusCode ?? segment.status!};
}
