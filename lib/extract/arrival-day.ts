/**
 * An arrival clock the text prints without its day (RawTime `dayUnstated`: "12:50 PM to 7:25 AM", "this flight
 * involves a date change"), placed by the flight time it states (RawSegment `durationMinutes`): the day on which the
 * departure plus that time reaches that very clock in the arrival airport's time zone, from the day before the
 * departure's (a flight eastwards over the date line) to two days after. Undefined when the flight time, a time zone
 * or the departure's clock is missing, or when no day agrees: no day rather than a wrong one.
 */
import type {AirportTable} from '../airports';
import type {RawSegment} from '../itinerary';
import {addDays, hasClock, parseLocal, toUtcMinutes} from '../time';
import {parseClock} from './parse';

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

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
	const clock = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
	for (let days = -1; days <= 2; days++) {
		const value = `${addDays(dep.date, days)}T${clock}`;
		const local = parseLocal(value);
		if (local && hasClock(local) && toUtcMinutes(local, toZone) === landing) return value;
	}
	return undefined;
}
