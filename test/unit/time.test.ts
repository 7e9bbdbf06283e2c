import {describe, expect, it} from 'vitest';
import {addDays, dateFromDayNumber, dayNumber, deviceToday, parseLocal, toUtcMinutes} from '../../lib/time';

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

describe('deviceToday', () => {
	it('is the local calendar date, zero-padded', () => {
		expect(deviceToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
		expect(deviceToday(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
	});
});
