/**
 * `fill` reads placeholders with `indexOf` (lib/i18n/fill.ts): it must answer as the pattern it replaced,
 * `template.replace(/\{(\w+)\}/g, …)`, on every template, including broken and nested braces, names that are not
 * given, and values that look like placeholders themselves.
 */
import {describe, expect, it} from 'vitest';
import {fill} from '../../../lib/i18n/fill';
import {BADGE_MESSAGES} from '../../../lib/i18n/badge-messages';
import {seededRandom} from '../../../scripts/seeded-random';

const byPattern = (template: string, params: Record<string, string | number> = {}) =>
	template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));

describe('fill', () => {
	it('fills the named placeholders and leaves the others', () => {
		expect(fill('{airport}: 24-hour transit', {airport: 'PVG'})).toBe('PVG: 24-hour transit');
		expect(fill('until {date} ({hours} h)', {date: '3 Aug', hours: 240})).toBe('until 3 Aug (240 h)');
		expect(fill('{missing} and {a}', {a: 1})).toBe('{missing} and 1');
		expect(fill('no placeholders')).toBe('no placeholders');
		expect(fill('{a}{a}{a}', {a: '{a}'})).toBe('{a}{a}{a}');
		expect(fill('{{a}}', {a: 'x'})).toBe('{x}');
		expect(fill('{a b} {} {-}', {a: 1})).toBe('{a b} {} {-}');
	});

	it('answers as the pattern it replaced on 20,000 random templates', () => {
		const next = seededRandom(20261202); // seeded: a failure can be run again
		const pieces = ['{', '}', 'a', 'b', 'date', '_', '9', ' ', '-', '时', '{a}', '{b}', '{date}', '{x}', '{{', '}}', '\n'];
		const values = ['', 'v', '{a}', '$&', '$1', '240', '24 小时'];
		for (let i = 0; i < 20_000; i++) {
			let template = '';
			for (let n = Math.floor(next() * 12); n > 0; n--) template += pieces[Math.floor(next() * pieces.length)];
			const params: Record<string, string | number> = {};
			for (const key of ['a', 'b', 'date', '_9', 'toString'])
				if (next() < 0.5) params[key] = values[Math.floor(next() * values.length)]!;
			if (next() < 0.2) params.n = Math.floor(next() * 1000);
			expect(fill(template, params), JSON.stringify({template, params})).toBe(byPattern(template, params));
		}
	});

	it('fills every badge message as the pattern did', () => {
		const params = {airport: 'PEK', date: '3 Aug', hours: 240, count: 2, summary: 'x', passport: 'DE'};
		for (const byLocale of Object.values(BADGE_MESSAGES))
			for (const template of Object.values(byLocale)) expect(fill(template, params)).toBe(byPattern(template, params));
	});
});
