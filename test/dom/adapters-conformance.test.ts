// @vitest-environment jsdom
/**
 * Every adapter against every saved page: it proves itself on its own captures (its test file), and finds nothing on
 * the other sites' captures or on the negative ones. That is each adapter's negative fixture set.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapters} from '../../lib/adapters';

const FIXTURES = 'test/fixtures';
const pages = readdirSync(FIXTURES, {withFileTypes: true})
	.filter((d) => d.isDirectory())
	.flatMap((d) =>
		readdirSync(`${FIXTURES}/${d.name}`)
			.filter((f) => f.endsWith('.html'))
			.map((f) => ({dir: d.name, file: f})),
	);
const docs = new Map<string, Document>();
const load = (dir: string, file: string) => {
	const key = `${dir}/${file}`;
	if (!docs.has(key)) docs.set(key, new DOMParser().parseFromString(readFileSync(`${FIXTURES}/${key}`, 'utf8'), 'text/html'));
	return docs.get(key)!;
};

describe.each(adapters.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
	it('has its file, its fixtures folder with a saved page, and its fixture test', () => {
		expect(existsSync(`lib/adapters/${id}.ts`)).toBe(true);
		expect(pages.some((p) => p.dir === id)).toBe(true);
		expect(existsSync(`test/dom/${id}.test.ts`)).toBe(true);
	});

	it('finds cards on one of its own saved pages', () => {
		const own = pages.filter((p) => p.dir === id).map((p) => adapter.findCards(load(p.dir, p.file)).length);
		expect(Math.max(...own)).toBeGreaterThan(0);
	});

	it.each(pages.filter((p) => p.dir !== id).map((p) => [`${p.dir}/${p.file}`, p] as const))('finds no card on %s', (_name, p) => {
		expect(adapter.findCards(load(p.dir, p.file))).toEqual([]);
	});

	it('does not throw on an empty page', () => {
		const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
		expect(adapter.findCards(empty)).toEqual([]);
	});
});
