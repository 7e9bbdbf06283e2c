/**
 * What the AMO sources zip (`npm run zip`, `…-sources.zip`) takes from this working tree: everything the Firefox build
 * reads, and none of the tests, fixtures, images, store material or outputs. It applies the patterns the way WXT's
 * `wxt zip` does (picomatch, the copy WXT itself loads, over every file but dotfiles and node_modules), with WXT's own
 * exclusions and ours (SOURCES_EXCLUDED in wxt.config.ts). The README's release section has the full check: rebuild
 * from the zip and compare the packages.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {SOURCES_EXCLUDED} from '../../../wxt.config';

type Matcher = (pattern: string) => (file: string) => boolean;
const require = createRequire(import.meta.url);
const picomatch = createRequire(require.resolve('wxt'))('picomatch') as Matcher;

/** WXT 0.20's own exclusions from the sources zip (its resolveZipConfig), besides dotfiles, which it never lists. */
const WXT_EXCLUDED = [
	'**/node_modules',
	'**/web-ext.config.ts',
	'**/.*',
	'**/__tests__/**',
	'**/*.+(test|spec).?(c|m)+(j|t)s?(x)',
	'.output/**',
];
const excluded = [...WXT_EXCLUDED, ...SOURCES_EXCLUDED].map((p) => picomatch(p));

/** Every file WXT's glob would see: no dotfiles or dot folders (.output, .wxt, .git, .x, …) and no node_modules. */
function walk(dir: string): string[] {
	return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
		if (e.name.startsWith('.') || e.name === 'node_modules') return [];
		const rel = dir === '.' ? e.name : `${dir}/${e.name}`;
		return e.isDirectory() ? walk(rel) : [rel];
	});
}

const all = walk('.');
const zipped = new Set(all.filter((f) => !excluded.some((m) => m(f))));

describe('the AMO sources zip', () => {
	it('holds what `npm ci && npx wxt zip -b firefox` reads', () => {
		const needed = [
			'package.json',
			'package-lock.json',
			'wxt.config.ts',
			'tsconfig.json',
			'assets/icon.svg',
			...all.filter((f) => /^(entrypoints|components|lib|data|public|scripts)\//.test(f)),
		];
		expect(needed.filter((f) => !zipped.has(f))).toEqual([]);
		expect(needed.length).toBeGreaterThan(100);
	});

	it('leaves out tests, fixtures, docs, store material and outputs', () => {
		const kept = [...zipped].filter((f) =>
			/^(test|docs|store|dist|demo-output|test-results|playwright-report|coverage)\/|^bench-results\.json$|\.log$/.test(f),
		);
		expect(kept).toEqual([]);
	});

	it('only names paths relative to the project root, as WXT matches them', () => {
		for (const pattern of SOURCES_EXCLUDED) expect(pattern).not.toMatch(/^(\.\/|\/)/);
		expect(picomatch('test/**')('test/fixtures/google-flights/sfo-nrt-2025.html')).toBe(true);
		expect(picomatch('test/**')('lib/test-helpers.ts')).toBe(false);
	});
});
