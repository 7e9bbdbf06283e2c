/**
 * npm run facts [-- --each]
 *
 * The share of hand-read facts the pipeline finds on the project's own real fixtures, per kind (sites, GDS,
 * e-tickets, e-mails, Chinese texts): four facts a segment (route, flight, local departure, local arrival), as read by
 * hand into each fixture's record (site pages: `<name>.expected.json`, read by test/dom/adapter-harness.ts; texts, GDS
 * displays and e-mails: `<name>.hand-read.json`, read by test/unit/extract/fixture-facts.ts). Synthetic fixtures are
 * counted apart. `--each` prints every fixture's figure and what it missed.
 */
import {JSDOM} from 'jsdom';
import type {SegmentInput} from '../lib/itinerary.ts';
import {countFacts, factsOf, fixtureCases, KINDS, unread, type Facts, type Kind} from '../test/unit/extract/fixture-facts.ts';

const each = process.argv.includes('--each');

// The site adapters and their harness read pages with the browser's DOM classes: jsdom's, as in test/dom.
const {window} = new JSDOM('');
for (const key of ['DOMParser', 'Node', 'Element', 'HTMLElement', 'Document', 'NodeFilter', 'getComputedStyle'] as const)
	Object.assign(globalThis, {[key]: window[key]});
const harness = await import('../test/dom/adapter-harness.ts');
const {normalizeItinerary} = await import('../lib/extract/normalize.ts');

type Row = {fixture: string; kind: Kind; synthetic: boolean; facts: Facts};
const rows: Row[] = [];

for (const file of harness.expectationFiles()) {
	const page = harness.pageOfExpectation(file);
	const {expected, adapter, context, load} = harness.savedPage(page);
	const cards = adapter.findCards(load());
	const facts: Facts = {found: 0, total: 0, missing: []};
	for (const card of expected.itineraries) {
		if ('status' in card) continue; // a card to refuse holds no facts to find
		const element = cards[card.card];
		const e = element ? adapter.extract(element, context) : undefined;
		const n = e?.status === 'ok' ? normalizeItinerary(e.itinerary, context.referenceDate, context.airports) : undefined;
		let found: Partial<SegmentInput>[] = n?.ok ? n.segments : [];
		let wanted: SegmentInput[];
		if ('route' in card) {
			// Only the route was read by hand: only the route counts.
			const points = card.route.split('-');
			wanted = points.slice(1).map((to, i) => ({from: points[i]!, to}));
			found = found.map(({from, to}) => ({from, to}));
		} else wanted = card.segments;
		const f = countFacts(wanted, found);
		facts.found += f.found;
		facts.total += f.total;
		facts.missing.push(...f.missing.map((m) => `card ${card.card}: ${m}`));
	}
	rows.push({fixture: page, kind: 'site', synthetic: false, facts});
}
for (const c of fixtureCases())
	rows.push({fixture: c.input, kind: c.expected.kind, synthetic: c.expected.synthetic === true, facts: factsOf(c)});

const percent = (f: {found: number; total: number}) => (f.total === 0 ? '—' : `${((100 * f.found) / f.total).toFixed(1)} %`);
const LABEL: Record<Kind, string> = {site: 'sites', gds: 'GDS', 'e-ticket': 'e-tickets', 'e-mail': 'e-mails', chinese: 'Chinese texts'};

if (each) {
	for (const r of rows) {
		console.log(`${r.fixture}${r.synthetic ? ' (synthetic)' : ''}: ${r.facts.found} / ${r.facts.total} (${percent(r.facts)})`);
		for (const m of r.facts.missing) console.log(`    missed ${m}`);
	}
	console.log('');
}
console.log('kind           real fixtures   facts found / expected');
for (const kind of KINDS) {
	const real = rows.filter((r) => r.kind === kind && !r.synthetic);
	const sum = real.reduce((a, r) => ({found: a.found + r.facts.found, total: a.total + r.facts.total}), {found: 0, total: 0});
	console.log(
		`${LABEL[kind].padEnd(15)}${String(real.length).padStart(13)}   ${`${sum.found} / ${sum.total}`.padStart(11)}  ${percent(sum)}`,
	);
}
const synthetic = rows.filter((r) => r.synthetic);
if (synthetic.length > 0) {
	const sum = synthetic.reduce((a, r) => ({found: a.found + r.facts.found, total: a.total + r.facts.total}), {found: 0, total: 0});
	console.log(`(synthetic: ${synthetic.length} fixtures, ${sum.found} / ${sum.total}, not in the figures above)`);
}
const notRead = unread();
if (notRead.length > 0) console.log(`not read by hand yet: ${notRead.join(', ')}`);
