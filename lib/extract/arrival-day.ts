/**
 * An arrival clock the text prints without its day (RawTime `dayUnstated`: "12:50 PM to 7:25 AM", "this flight
 * involves a date change"), placed by the flight time it states (RawSegment `durationMinutes`): the day on which the
 * departure plus that time reaches that very clock in the arrival airport's time zone, from the day before the
 * departure's (a flight eastwards over the date line) to two days after. Without a stated flight time, the one day on
 * which the flight takes more than nothing and at most MAX_FLIGHT_MINUTES (the days are 24 hours apart, so at most one
 * does): a GDS line that prints no arrival day (`DXBGOI HK1  2320  0400`) lands the next day, one westwards over the
 * date line (`NRTHNL … 1900  0700`) the same day. Undefined when a time zone or the departure's clock is missing, or
 * when no day agrees: no day rather than a wrong one.
 */
import type {AirportTable} from '../airports';
import type {RawSegment} from '../itinerary';
import {formatLocal, fromUtcMinutes, hasClock, parseLocal, toUtcMinutes} from '../time';
import {parseClock} from './parse';

/** The airport's time zone: the table's own, or one it was told (AirportTable `zoneOf`: the content script's). */
const zoneOf = (code: string, airports: AirportTable): string | undefined => airports.airports[code]?.tz ?? airports.zoneOf?.(code);

export function placeArrivalByFlightTime(
	s: RawSegment,
	from: string,
	to: string,
	departure: string | undefined,
	airports: AirportTable,
): string | undefined {
	const minutes = s.arrives?.time === undefined ? undefined : parseClock(s.arrives.time);
	const dep = departure === undefined ? undefined : parseLocal(departure);
	const fromZone = zoneOf(from, airports);
	const toZone = zoneOf(to, airports);
	if (minutes === undefined || !dep || !hasClock(dep) || !fromZone || !toZone) return undefined;
	const takeOff = toUtcMinutes(dep, fromZone);
	const duration = s.durationMinutes;
	for (let day = dep.dayNumber - 1; day <= dep.dayNumber + 2; day++) {
		const value = formatLocal(day, minutes);
		const landing = toUtcMinutes({date: value.slice(0, 10), minutes, dayNumber: day}, toZone);
		const agrees =
			duration === undefined ? landing > takeOff && landing - takeOff <= MAX_FLIGHT_MINUTES : landing === takeOff + duration;
		if (agrees) return value;
	}
	return undefined;
}

/** The longest scheduled nonstop flights take under 19 hours (Singapore–New York); none takes 20. */
const MAX_FLIGHT_MINUTES = 20 * 60;

/**
 * The earliest a flight whose arrival is not given can land (SegmentInput `arrivalNotBefore`): its departure, local at
 * `from`, as the clock reads then at `to`. Undefined without the departure's clock or either time zone.
 */
export function arrivalNotBefore(from: string, to: string, departure: string | undefined, airports: AirportTable): string | undefined {
	const dep = departure === undefined ? undefined : parseLocal(departure);
	const fromZone = zoneOf(from, airports);
	const toZone = zoneOf(to, airports);
	if (!dep || !hasClock(dep) || !fromZone || !toZone) return undefined;
	return fromUtcMinutes(toUtcMinutes(dep, fromZone), toZone);
}
