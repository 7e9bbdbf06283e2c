/**
 * The parsers read the shapes nearly every card prints without their patterns (clocks like `7:05 PM`, flight numbers
 * like `CA982`, ISO dates; lib/extract/parse.ts, lib/extract/normalize.ts). Those shortcuts must answer exactly as the
 * patterns do. A leading space takes any input past the shortcut to the patterns, which trim it away, so each input
 * is checked against itself with a space in front: over every clock of the day in each spelling, and over random
 * strings of the characters these texts are made of.
 */
import {describe, expect, it} from 'vitest';
import {normalizeFlightNumber, parseClock} from '../../../lib/extract/parse';
import {normalizeItinerary} from '../../../lib/extract/normalize';
import {loadRules} from '../../../lib/rules/load-rules';
import {seededRandom} from '../../../scripts/seeded-random';

const randomStrings = (alphabet: string[], count: number, maxLength: number, seed: number): string[] => {
	const next = seededRandom(seed); // seeded: a failure can be run again
	return Array.from({length: count}, () => {
		let out = '';
		const length = Math.floor(next() * (maxLength + 1));
		for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
		return out;
	});
};

describe('clocks read without patterns', () => {
	const spellings: string[] = [];
	for (let h = 0; h <= 25; h++) {
		for (const m of ['00', '05', '30', '59', '60', '7']) {
			for (const hour of [String(h), String(h).padStart(2, '0')]) {
				for (const suffix of [
					'',
					' AM',
					' PM',
					'\u202fpm',
					'\u00a0am',
					'am',
					'PM',
					' A.M.',
					' P.M.',
					' AM ',
					'  PM',
					' Am',
					' pM',
					' AX',
					' M',
				]) {
					spellings.push(`${hour}:${m}${suffix}`);
				}
			}
		}
	}
	const noise = randomStrings(
		['0', '1', '2', '5', '9', ':', ' ', '\u202f', '\u00a0', 'A', 'a', 'P', 'p', 'M', 'm', '.', 'N', 'x', '@', 'Q', 'q'],
		40_000,
		9,
		7,
	);

	it(`answers as the patterns do on ${spellings.length.toLocaleString('en')} spellings and ${noise.length.toLocaleString('en')} random strings`, () => {
		for (const text of [...spellings, ...noise]) expect([text, parseClock(text)]).toEqual([text, parseClock(` ${text}`)]);
	});

	it('still reads the usual shapes', () => {
		expect(parseClock('7:05')).toBe(425);
		expect(parseClock('12:05\u202fAM')).toBe(5);
		expect(parseClock('12:30 PM')).toBe(750);
		expect(parseClock('11:30pm')).toBe(1410);
		expect(parseClock('13:30 PM')).toBeUndefined();
		expect(parseClock('24:00')).toBeUndefined();
	});
});

describe('flight numbers read without patterns', () => {
	const noise = randomStrings(['C', 'A', '3', 'U', '0', '1', '9', 'z', ' ', '-'], 40_000, 8, 11);
	it(`answers as the patterns do on ${noise.length.toLocaleString('en')} random strings`, () => {
		for (const text of noise) expect([text, normalizeFlightNumber(text)]).toEqual([text, normalizeFlightNumber(` ${text}`)]);
	});
	it('keeps what is already plain, and still cleans the rest', () => {
		expect(normalizeFlightNumber('CA982')).toBe('CA982');
		expect(normalizeFlightNumber('3U8501')).toBe('3U8501');
		expect(normalizeFlightNumber('CA0982')).toBe('CA982');
		expect(normalizeFlightNumber('99123')).toBeUndefined();
	});
});

describe('ISO dates read without patterns', () => {
	const rules = loadRules();
	const arrivalOf = (date: string) => {
		const n = normalizeItinerary({segments: [{from: 'JFK', to: 'PEK', departs: {date, time: '10:00'}}]}, '2026-03-01', rules);
		return n.ok ? n.segments[0]!.departure : n.problem.replace(/"[^"]*"/, '"…"');
	};
	const dates: string[] = [];
	for (const year of ['2024', '2025', '2100', '2000', '1900', '0000', '0099', '0100']) {
		for (let month = 0; month <= 13; month++)
			for (let day = 0; day <= 32; day++) dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
	}
	// Not the empty text: that is no date at all, where a space is a date that does not read.
	const noise = randomStrings(['2', '0', '1', '9', '-', ' ', 'T'], 20_000, 11, 13).filter((text) => text !== '');
	it(`answers as the patterns do on ${dates.length.toLocaleString('en')} dates and ${noise.length.toLocaleString('en')} random strings`, () => {
		for (const date of [...dates, ...noise]) expect([date, arrivalOf(date)]).toEqual([date, arrivalOf(` ${date}`)]);
	});
	it('keeps real dates, refuses the others', () => {
		expect(arrivalOf('2024-02-29')).toBe('2024-02-29T10:00');
		expect(arrivalOf('2025-02-29')).toMatch(/unreadable date/);
		expect(arrivalOf('2025-12-31')).toBe('2025-12-31T10:00');
	});
});
