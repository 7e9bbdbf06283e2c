/**
 * Wall-clock times as booking pages show them: `YYYY-MM-DDTHH:mm` local to an airport, or a bare `YYYY-MM-DD`
 * when the page shows no time. No `Date` object leaves this module; time zones are only needed to compare
 * clocks at different airports.
 */
export type LocalDateTime = string;

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export type ParsedLocal = {date: string; minutes?: number; dayNumber: number};

/** Days since 1970-01-01 for a calendar date; exact, no time zone involved. */
export function dayNumber(isoDate: string): number {
	const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
	return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function dateFromDayNumber(day: number): string {
	return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
	return dateFromDayNumber(dayNumber(isoDate) + days);
}

/** Parses and checks a local time; undefined when it is not a real calendar date and clock time. */
export function parseLocal(value: string): ParsedLocal | undefined {
	const match = LOCAL_RE.exec(value);
	if (!match) return undefined;
	const [, y, mo, d, h, mi] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
	const date = `${y}-${mo}-${d}`;
	if (h === undefined) return {date, dayNumber: dayNumber(date)};
	const hours = Number(h);
	const minutes = Number(mi);
	if (hours > 23 || minutes > 59) return undefined;
	return {date, minutes: hours * 60 + minutes, dayNumber: dayNumber(date)};
}

/** Minutes since the epoch of a local clock reading, as if it were UTC (for differences within one zone). */
export function localMinutes(p: ParsedLocal & {minutes: number}): number {
	return p.dayNumber * 1440 + p.minutes;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset in minutes at a UTC instant. */
function offsetAt(tz: string, utcMs: number): number {
	let f = offsetFormatters.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
		});
		offsetFormatters.set(tz, f);
	}
	const parts = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((p) => [p.type, p.value]));
	const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
	return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** UTC minutes since the epoch for a local clock reading in `tz` (daylight-saving aware). */
export function toUtcMinutes(p: ParsedLocal & {minutes: number}, tz: string): number {
	const local = localMinutes(p);
	// Two passes settle the offset on either side of a daylight-saving change.
	let utc = local - offsetAt(tz, local * 60_000);
	utc = local - offsetAt(tz, utc * 60_000);
	return utc;
}

export function hasClock(p: ParsedLocal): p is ParsedLocal & {minutes: number} {
	return p.minutes !== undefined;
}

export function formatLocal(day: number, minutes = 0): LocalDateTime {
	const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
	const mm = String(minutes % 60).padStart(2, '0');
	return `${dateFromDayNumber(day)}T${hh}:${mm}`;
}
