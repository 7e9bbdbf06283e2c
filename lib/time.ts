/**
 * Wall-clock times as booking pages show them: `YYYY-MM-DDTHH:mm` local to an airport, or a bare `YYYY-MM-DD`
 * when the page shows no time. No `Date` object leaves this module; time zones are only needed to compare
 * clocks at different airports.
 */
type LocalDateTime = string;

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export type ParsedLocal = {date: string; minutes?: number; dayNumber: number};

/** Days since 1970-01-01 of a proleptic Gregorian date (civil-to-days arithmetic; no Date object, no time zone). */
function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 for a calendar date `YYYY-MM-DD`; exact, no time zone involved. */
export function dayNumber(isoDate: string): number {
	return daysFromCivil(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

export function dateFromDayNumber(day: number): string {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Whether month and day make a real date of the proleptic Gregorian calendar in that year. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
	return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function addDays(isoDate: string, days: number): string {
	return dateFromDayNumber(dayNumber(isoDate) + days);
}

/** Parses and checks a local time; undefined when it is not a real calendar date and clock time. */
/** Parsed times by their text: a results page judges the same clocks over and over. Read-only, shared. */
const parsed = new Map<string, Readonly<ParsedLocal> | undefined>();
const MAX_PARSED = 4096;

/** parseLocal, remembered: the same text gives the same (frozen) object. */
export function parseLocalCached(value: string): Readonly<ParsedLocal> | undefined {
	if (parsed.has(value)) return parsed.get(value);
	const result = parseLocal(value);
	if (parsed.size >= MAX_PARSED) parsed.clear();
	parsed.set(value, result && Object.freeze(result));
	return result;
}

export function parseLocal(value: string): ParsedLocal | undefined {
	const match = LOCAL_RE.exec(value);
	if (!match) return undefined;
	const [, y, mo, d, h, mi] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	if (!isCalendarDate(year, month, day)) return undefined;
	const date = `${y}-${mo}-${d}`;
	const days = daysFromCivil(year, month, day);
	if (h === undefined) return {date, dayNumber: days};
	const hours = Number(h);
	const minutes = Number(mi);
	if (hours > 23 || minutes > 59) return undefined;
	return {date, minutes: hours * 60 + minutes, dayNumber: days};
}

/** Minutes since the epoch of a local clock reading, as if it were UTC (for differences within one zone). */
export function localMinutes(p: ParsedLocal & {minutes: number}): number {
	return p.dayNumber * 1440 + p.minutes;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Offsets by zone and UTC hour, for hours whose offset is the same at their first and last minute: no change within
 * them (a zone changes its offset at most once in an hour). Asking the formatter costs tens of microseconds, and a
 * page's flights ask about the same few hours again and again (each time twice, on either side of a possible change:
 * toUtcMinutes; and again as each reading of the page checks its times). An hour in which the offset changes is asked
 * of the formatter each time. At most MAX_HOUR_OFFSETS hours a zone are kept.
 */
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_HOUR_OFFSETS = 10_000;
const HOUR_MS = 3_600_000;

/** The zone's UTC offset in minutes at a UTC instant. */
function offsetAt(tz: string, utcMs: number): number {
	const hour = Math.floor(utcMs / HOUR_MS);
	let hours = hourOffsets.get(tz);
	const known = hours?.get(hour);
	if (known !== undefined) return known;
	const first = formattedOffsetAt(tz, hour * HOUR_MS);
	if (first !== formattedOffsetAt(tz, (hour + 1) * HOUR_MS - 60_000)) return formattedOffsetAt(tz, utcMs);
	if (!hours || hours.size >= MAX_HOUR_OFFSETS) hourOffsets.set(tz, (hours = new Map()));
	hours.set(hour, first);
	return first;
}

/** The zone's UTC offset in minutes at a UTC instant, as the platform's time zone data gives it. */
function formattedOffsetAt(tz: string, utcMs: number): number {
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

/** The local clock reading in `tz` at UTC minutes since the epoch (daylight-saving aware). */
export function fromUtcMinutes(utc: number, tz: string): LocalDateTime {
	const local = utc + offsetAt(tz, utc * 60_000);
	return formatLocal(Math.floor(local / 1440), ((local % 1440) + 1440) % 1440);
}

export function hasClock(p: ParsedLocal): p is ParsedLocal & {minutes: number} {
	return p.minutes !== undefined;
}

export function formatLocal(day: number, minutes = 0): LocalDateTime {
	const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
	const mm = String(minutes % 60).padStart(2, '0');
	return `${dateFromDayNumber(day)}T${hh}:${mm}`;
}

/** The device's calendar date, YYYY-MM-DD: the engine's "today" in the extension's pages (tests pass their own). */
export function deviceToday(now: Date = new Date()): string {
	return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
