/**
 * An arrival clock the text prints without its day (RawTime `dayUnstated`: "12:50 PM to 7:25 AM", "this flight
 * involves a date change"), placed by the flight time it states (RawSegment `durationMinutes`): the day on which the
 * departure plus that time reaches that very clock in the arrival airport's time zone, from the day before the
 * departure's (a flight eastwards over the date line) to two days after. Undefined when the flight time, a time zone
 * or the departure's clock is missing, or when no day agrees: no day rather than a wrong one.
 */
import type {AirportTable} from '../airports';
import type {RawSegment} from '../itinerary';
import {formatLocal, hasClock, parseLocal, toUtcMinutes} from '../time';
import {parseClock} from './parse';

export function placeArrivalByFlightTime(
	s: RawSegment,
	from: string,
	to: string,
	departure: string | undefined,
	airports: AirportTable,
): string | undefined {
	const minutes = s.arrives?.time === undefined ? undefined : parseClock(s.arrives.time);
	const dep = departure === undefined ? undefined : parseLocal(departure);
	const fromZone = airports.airports[from]?.tz;
	const toZone = airports.airports[to]?.tz;
	if (minutes === undefined || !dep || !hasClock(dep) || s.durationMinutes === undefined || !fromZone || !toZone) return undefined;
	const landing = toUtcMinutes(dep, fromZone) + s.durationMinutes;
	for (let day = dep.dayNumber - 1; day <= dep.dayNumber + 2; day++) {
		const value = formatLocal(day, minutes);
		if (toUtcMinutes({date: value.slice(0, 10), minutes, dayNumber: day}, toZone) === landing) return value;
	}
	return undefined;
}
