import {describe, expect, it} from 'vitest';
import {addDays, dateFromDayNumber, dayNumber, deviceToday, fromUtcMinutes, parseLocal, toUtcMinutes} from '../../lib/time';
import {localParts} from './fuzz/trips';

describe('calendar arithmetic (no Date objects in the engine)', () => {
	it('agrees with the platform calendar on every day from 1900 to 2100', () => {
		for (let day = dayNumber('1900-01-01'); day <= dayNumber('2100-12-31'); day++) {
			const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
			if (dayNumber(iso) !== day || dateFromDayNumber(day) !== iso) throw new Error(`mismatch at ${iso}`);
		}
		expect(addDays('2026-03-16', 11)).toBe('2026-03-27');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
	});

	it.each(['2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-03-16T24:00', '2026-03-16T10:60', '16/03/2026'])(
		'refuses %s',
		(v) => {
			expect(parseLocal(v)).toBeUndefined();
		},
	);

	it('accepts leap days and bare dates', () => {
		expect(parseLocal('2028-02-29')).toEqual({date: '2028-02-29', dayNumber: dayNumber('2028-02-29')});
		expect(parseLocal('2026-03-16T23:59')?.minutes).toBe(23 * 60 + 59);
	});

	it('converts wall clocks across time zones and daylight saving', () => {
		const ny = toUtcMinutes(parseLocal('2026-03-15T13:00') as never, 'America/New_York'); // EDT, UTC-4
		const pek = toUtcMinutes(parseLocal('2026-03-16T01:00') as never, 'Asia/Shanghai'); // UTC+8
		expect(pek - ny).toBe(0);
	});
});

describe('time zone offsets, remembered by the hour', () => {
	/** The local clock at a UTC minute, as the platform's time zone data gives it (what lib/time.ts must agree with). */
	const platformLocal = (utcMinutes: number, tz: string) => {
		const {date, clock} = localParts(utcMinutes, tz);
		return `${date}T${clock}`;
	};

	// Changes on the hour (New York, London), on the half hour (Lord Howe Island's half-hour daylight saving, which
	// changes at 15:30 UTC), in zones a quarter or half an hour off (Kathmandu, St John's), and a zone without any.
	it.each([
		['America/New_York', '2026-03-08T07:00Z', '2026-11-01T06:00Z'],
		['Europe/London', '2026-03-29T01:00Z', '2026-10-25T01:00Z'],
		['Australia/Lord_Howe', '2026-04-04T15:00Z', '2026-10-03T15:30Z'],
		['America/St_Johns', '2026-03-08T05:30Z', '2026-11-01T04:30Z'],
		['Asia/Kathmandu', '2026-03-08T06:00Z', '2026-11-01T05:00Z'],
	])('%s: every minute from three hours before each change to three after reads as the platform says', (tz, ...changes) => {
		for (const change of changes) {
			const at = Date.parse(change) / 60_000;
			// The offset does change there (Kathmandu's, which never does, aside).
			const offset = (utc: number) => Date.parse(`${platformLocal(utc, tz)}Z`) / 60_000 - utc;
			expect(offset(at - 1) !== offset(at)).toBe(tz !== 'Asia/Kathmandu');
			for (let utc = at - 180; utc <= at + 180; utc++) {
				const local = fromUtcMinutes(utc, tz);
				if (local !== platformLocal(utc, tz))
					throw new Error(`${tz} at UTC minute ${utc}: ${local}, not ${platformLocal(utc, tz)}`);
			}
		}
		// And back: a clock that exists once gives its instant (the minutes a change skips or repeats aside).
		const noon = Date.parse('2026-07-01T12:00Z') / 60_000;
		expect(toUtcMinutes(parseLocal(platformLocal(noon, tz)) as never, tz)).toBe(noon);
	});
});

describe('deviceToday', () => {
	it('is the local calendar date, zero-padded', () => {
		expect(deviceToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(deviceToday(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
	});
});
