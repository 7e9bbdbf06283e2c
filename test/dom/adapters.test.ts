// @vitest-environment jsdom
/**
 * Every adapter against every saved page. Each saved page in an adapter's folder has its hand-read expectations
 * beside it (`<page>.expected.json`, test/dom/adapter-harness.ts): how many cards the adapter finds there and, card by
 * card, what it reads (or how it refuses). And every adapter finds nothing on the other sites' captures or on the
 * negative ones: that is each adapter's negative fixture set. What is particular to a site (its parsers, badge places,
 * failure modes, pages edited in memory) is in test/dom/<adapter>.test.ts.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapters} from '../../lib/adapters';
import {
	adapterPages,
	expectationFiles,
	expectationPath,
	FIXTURES,
	pageContext,
	PageExpectationSchema,
	pageOfExpectation,
	readCard,
	readExpectationJson,
	route,
	type CardExpectation,
} from './adapter-harness';

const pages = readdirSync(FIXTURES, {withFileTypes: true})
	.filter((d) => d.isDirectory())
	.flatMap((d) =>
		readdirSync(`${FIXTURES}/${d.name}`)
			.filter((f) => f.endsWith('.html'))
			.map((f) => ({dir: d.name, file: f})),
	);
/** Parsed once: adapters only read the page (findCards, extract), so every test here can share it. */
const docs = new Map<string, Document>();
const load = (page: string) => {
	if (!docs.has(page)) docs.set(page, new DOMParser().parseFromString(readFileSync(`${FIXTURES}/${page}`, 'utf8'), 'text/html'));
	return docs.get(page)!;
};

const countBy = <T>(items: T[], key: (item: T) => string) =>
	items.reduce<Record<string, number>>((counts, item) => ({...counts, [key(item)]: (counts[key(item)] ?? 0) + 1}), {});
const title = (c: CardExpectation) => ('segments' in c ? route(c.segments) : 'route' in c ? `${c.route} (route only)` : c.status);

describe('saved pages and their expectations', () => {
	it('every saved page in an adapter folder has its expected.json beside it', () => {
		expect(adapterPages().filter((page) => !existsSync(`${FIXTURES}/${expectationPath(page)}`))).toEqual([]);
	});

	it('every expected.json lies beside its page, in the folder of its adapter', () => {
		for (const file of expectationFiles()) {
			expect(existsSync(`${FIXTURES}/${pageOfExpectation(file)}`), file).toBe(true);
			expect(adapterPages(), file).toContain(pageOfExpectation(file));
		}
	});
});

describe.each(expectationFiles())('%s', (file) => {
	const parsed = PageExpectationSchema.safeParse(readExpectationJson(file));

	it('is well-formed: hand-read values, with the page text they come from', () => {
		expect(parsed.error?.issues ?? []).toEqual([]);
	});
	if (!parsed.success) return;
	const expected = parsed.data;
	const adapter = adapters.find((a) => a.id === expected.adapter);
	const page = pageOfExpectation(file);

	it(`names the adapter of its folder (${expected.adapter}) and, for a results page, a URL it claims`, () => {
		expect(adapter?.id).toBe(page.split('/')[0]);
		if (expected.cards > 0) expect(adapter!.isItineraryPage(new URL(expected.url))).toBe(true);
	});
	if (!adapter) return;
	const context = pageContext(expected.url, expected.referenceDate);
	const cards = () => adapter.findCards(load(page));

	it(`finds ${expected.cards} card${expected.cards === 1 ? '' : 's'}`, () => {
		expect(cards()).toHaveLength(expected.cards);
	});

	if (expected.itineraries.length > 0)
		it.each(expected.itineraries.map((c) => [c.card, title(c), c] as const))('card %i: %s', (n, _title, c) => {
			const card = cards()[n];
			expect(card, `card ${n}`).toBeDefined();
			if ('status' in c) expect(adapter.extract(card!, context).status).toBe(c.status);
			else if ('route' in c) expect(route(readCard(adapter, card!, context))).toBe(c.route);
			else expect(readCard(adapter, card!, context)).toEqual(c.segments);
		});

	const tally = expected.tally;
	if (tally)
		it('reads every card; cards by number of segments and by route', () => {
			const itineraries = cards().map((card) => readCard(adapter, card, context));
			if (tally.segments) expect(countBy(itineraries, (s) => String(s.length))).toEqual(tally.segments);
			if (tally.routes) {
				const routes = countBy(itineraries, route);
				expect(Object.fromEntries(Object.keys(tally.routes).map((r) => [r, routes[r] ?? 0]))).toEqual(tally.routes);
			}
		});
});

describe.each(adapters.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
	it('has its file, its fixtures folder with a saved page, and its fixture test', () => {
		expect(existsSync(`lib/adapters/${id}.ts`)).toBe(true);
		expect(pages.some((p) => p.dir === id)).toBe(true);
		expect(existsSync(`test/dom/${id}.test.ts`)).toBe(true);
	});

	it('finds cards on one of its own saved pages', () => {
		const own = pages.filter((p) => p.dir === id).map((p) => adapter.findCards(load(`${p.dir}/${p.file}`)).length);
		expect(Math.max(...own)).toBeGreaterThan(0);
	});

	it.each(pages.filter((p) => p.dir !== id).map((p) => [`${p.dir}/${p.file}`, p] as const))('finds no card on %s', (name) => {
		expect(adapter.findCards(load(name))).toEqual([]);
	});

	it('does not throw on an empty page', () => {
		const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
		expect(adapter.findCards(empty)).toEqual([]);
	});
});
