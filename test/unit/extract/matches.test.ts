import {describe, expect, it} from 'vitest';
import {matchesOf} from '../../../lib/extract/matches';

/** What String.prototype.matchAll gives, as plain values: the reference matchesOf must agree with. */
const viaMatchAll = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => ({index: m.index, groups: [...m]}));
const viaMatchesOf = (re: RegExp, text: string) => matchesOf(re, text).map((m) => ({index: m.index, groups: [...m]}));

describe('matchesOf', () => {
	const cases: [string, RegExp, string][] = [
		['codes in brackets', /\(([A-Z]{3})\)/g, 'Beijing (PEK) to Shanghai (PVG), then (HND)'],
		['no match', /\(([A-Z]{3})\)/g, 'no codes here'],
		['lookbehind', /(?<![A-Za-z0-9(])([A-Z]{3})(?![A-Za-z0-9)])/g, 'PEK-PVG CA1501 (CAN) AMS'],
		['empty matches', /\s*/g, 'a b  c'],
		['empty matches, unicode, astral characters', /(?:)/gu, 'a😀b'],
		['Han runs', /\p{Script=Han}{2,14}/gu, '自北京首都 至上海虹桥 CA1501'],
		['empty text', /x*/g, ''],
	];
	for (const [name, re, text] of cases) {
		it(`gives what matchAll gives: ${name}`, () => {
			expect(viaMatchesOf(re, text)).toEqual(viaMatchAll(re, text));
		});
	}

	it('leaves a shared pattern as it found it, so the next caller starts at the beginning', () => {
		const re = /\d+/g;
		expect(matchesOf(re, '1 22 333').map((m) => m[0])).toEqual(['1', '22', '333']);
		expect(re.lastIndex).toBe(0);
		expect(matchesOf(re, '4 55').map((m) => m[0])).toEqual(['4', '55']);
	});

	it('refuses a pattern without the g flag, as matchAll does', () => {
		expect(() => matchesOf(/\d+/, '1 2')).toThrow(TypeError);
	});
});
