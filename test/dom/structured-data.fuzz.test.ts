// @vitest-environment jsdom
/**
 * extractStructuredData under fast-check, in jsdom: random and mutated JSON-LD blocks, random microdata trees (itemref
 * cycles, nested and dangling items, every element kind the value rules know), and mutated real e-mail captures. No
 * exception may escape, what comes out must be what the normaliser expects, and the same reservation written both
 * ways must come out once. The seed is fixed so a CI failure replays; `npm run fuzz` uses FUZZ_RUNS=100000.
 */
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {RawItinerary} from '../../lib/itinerary';
import {normalizeItinerary} from '../../lib/extract/normalize';
import {extractStructuredData} from '../../lib/extract/structured-data';
import {evaluateTrip} from '../../lib/rules/evaluate';
import {loadRules} from '../../lib/rules/load-rules';
import {validateTrip} from '../../lib/rules/validate';
import {RUNS, params, timeoutFor} from '../unit/fuzz/settings';

const TIMEOUT = timeoutFor(40);

const rules = loadRules();
const CODES = Object.keys(rules.airports);
const MAINLAND = CODES.filter((c) => rules.airports[c]!.country === 'CN');

const fixture = (name: string) => {
	const text = readFileSync(`test/fixtures/email/${name}`, 'utf8');
	return text.slice(text.indexOf('\n') + 1);
};
// Without their style sheets: CSS is no business of the reader, and jsdom parsing (and complaining about) mutated CSS
// would be most of the time spent.
const CAPTURES = ['lh-invalid-microdata.html', 'os-two-leg-invalid-microdata.html'].map((n) =>
	fixture(n).replace(/<style[\s\S]*?<\/style>/gi, ''),
);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const html = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary: the types and properties the reader looks for, in the spellings senders use, plus strangers.

const TYPES = ['FlightReservation', 'Flight', 'Airport', 'Airline', 'Person', 'Thing'];
const typeSpelling = fc.oneof(
	fc.constantFrom(...TYPES),
	fc.constantFrom(...TYPES).map((t) => `http://schema.org/${t}`),
	fc.constantFrom(...TYPES).map((t) => `https://www.schema.org/${t}`),
	fc.constantFrom(...TYPES).map((t) => `schema:${t}`),
	fc.string({maxLength: 12}),
);
const PROPS = [
	'reservationFor',
	'reservationNumber',
	'departureAirport',
	'arrivalAirport',
	'iataCode',
	'name',
	'departureTime',
	'arrivalTime',
	'flightNumber',
	'airline',
];
const propName = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom(...PROPS)},
	{weight: 1, arbitrary: fc.constantFrom(...PROPS).map((p) => `http://schema.org/${p}`)},
	{weight: 1, arbitrary: fc.string({maxLength: 8})},
);

const isoTime = fc
	.tuple(
		fc.integer({min: 1990, max: 2040}),
		fc.integer({min: 0, max: 13}),
		fc.integer({min: 0, max: 32}),
		fc.integer({min: 0, max: 25}),
		fc.integer({min: 0, max: 61}),
		fc.constantFrom('', ':00', ':00+08:00', 'Z', '-05:00'),
		fc.constantFrom('T', ' ', ''),
	)
	.map(([y, mo, d, h, mi, tail, sep]) =>
		sep ? `${y}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}${tail}` : `${y}-${pad(mo)}-${pad(d)}`,
	);
const leafString = fc.oneof(
	fc.constantFrom(...CODES),
	fc.constantFrom(...MAINLAND),
	fc.constantFrom(...CODES).map((c) => c.toLowerCase()),
	isoTime,
	fc.stringMatching(/^[A-Z0-9]{2} ?\d{1,4}$/),
	fc.integer({min: 0, max: 9999}).map(String),
	fc.string({maxLength: 16}),
	fc.string({unit: 'binary', maxLength: 8}),
	fc.constant(''),
	fc.constant('   '),
);

/** A JSON-LD value: mostly schema.org-shaped objects, with the JSON types senders get wrong in between. */
const jsonLd = fc.letrec<{node: Record<string, unknown>; value: unknown}>((tie) => ({
	node: fc
		.record(
			{
				'@type': fc.oneof(typeSpelling, fc.array(typeSpelling, {maxLength: 3}), fc.jsonValue({maxDepth: 1})),
				'@context': fc.constantFrom('https://schema.org', 'http://schema.org/', ''),
				props: fc.array(fc.tuple(propName, tie('value')), {maxLength: 6, depthIdentifier: 'ld'}),
				graph: fc.option(
					fc.oneof(
						{maxDepth: 3, depthIdentifier: 'ld'},
						fc.jsonValue({maxDepth: 1}),
						tie('node'),
						fc.array(tie('node'), {maxLength: 3}),
					),
					{freq: 6, depthIdentifier: 'ld'},
				),
			},
			{requiredKeys: ['props']},
		)
		.map(({props, graph, ...rest}) => {
			const node: Record<string, unknown> = {...rest};
			for (const [k, v] of props) node[k] = v;
			if (graph !== undefined && graph !== null) node['@graph'] = graph;
			return node;
		}),
	// Bounded depth: the reader caps JSON-LD nesting at 8 itself; deeper trees only cost generation time here.
	value: fc.oneof(
		{maxDepth: 4, depthIdentifier: 'ld', withCrossShrink: true},
		leafString,
		tie('node'),
		fc.array(tie('value'), {maxLength: 3, depthIdentifier: 'ld'}),
		fc.record({'@value': fc.oneof(leafString, fc.integer(), fc.boolean())}),
		fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
	),
})).node;

/** A well-formed reservation, so mutations start from something the reader would otherwise accept. */
const reservation = fc
	.record({
		number: fc.option(fc.stringMatching(/^[A-Z0-9]{6}$/)),
		carrier: fc.stringMatching(/^[A-Z][A-Z0-9]$/),
		flight: fc.integer({min: 1, max: 9999}),
		from: fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...MAINLAND)),
		to: fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...MAINLAND)),
		dep: fc.tuple(
			fc.integer({min: 2024, max: 2028}),
			fc.integer({min: 1, max: 12}),
			fc.integer({min: 1, max: 28}),
			fc.integer({min: 0, max: 23}),
			fc.integer({min: 0, max: 59}),
		),
		arrAfter: fc.option(fc.integer({min: 30, max: 20 * 60})),
	})
	.map((r) => {
		const [y, mo, d, h, mi] = r.dep;
		const depDate = `${y}-${pad(mo)}-${pad(d)}`;
		const depTime = `${pad(h)}:${pad(mi)}`;
		// Arrival as the same day's later clock, or the next day: the reader keeps wall-clock parts as written.
		const arrMinutes = r.arrAfter === null ? undefined : (h * 60 + mi + r.arrAfter) % 1440;
		const arr =
			arrMinutes === undefined ? undefined : {date: depDate, time: `${pad(Math.floor(arrMinutes / 60))}:${pad(arrMinutes % 60)}`};
		return {...r, depDate, depTime, arr};
	});
type Reservation = typeof reservation extends fc.Arbitrary<infer T> ? T : never;

function reservationJson(r: Reservation): Record<string, unknown> {
	return {
		'@context': 'http://schema.org',
		'@type': 'FlightReservation',
		...(r.number ? {reservationNumber: r.number} : {}),
		reservationFor: {
			'@type': 'Flight',
			flightNumber: String(r.flight),
			airline: {'@type': 'Airline', iataCode: r.carrier},
			departureAirport: {'@type': 'Airport', iataCode: r.from},
			arrivalAirport: {'@type': 'Airport', iataCode: r.to},
			departureTime: `${r.depDate}T${r.depTime}:00+08:00`,
			...(r.arr ? {arrivalTime: `${r.arr.date}T${r.arr.time}:00`} : {}),
		},
	};
}

function reservationMicrodata(r: Reservation): string {
	const item = (prop: string, type: string, inner: string) =>
		`<div itemprop="${prop}" itemscope itemtype="http://schema.org/${type}">${inner}</div>`;
	return (
		`<div itemscope itemtype="http://schema.org/FlightReservation">` +
		(r.number ? `<meta itemprop="reservationNumber" content="${r.number}">` : '') +
		item(
			'reservationFor',
			'Flight',
			`<span itemprop="flightNumber">${r.flight}</span>` +
				item('airline', 'Airline', `<meta itemprop="iataCode" content="${r.carrier}">`) +
				item('departureAirport', 'Airport', `<span itemprop="iataCode">${r.from}</span>`) +
				item('arrivalAirport', 'Airport', `<meta itemprop="iataCode" content="${r.to}">`) +
				`<time itemprop="departureTime" datetime="${r.depDate}T${r.depTime}">${r.depDate}</time>` +
				(r.arr ? `<meta itemprop="arrivalTime" content="${r.arr.date}T${r.arr.time}:00Z">` : ''),
		) +
		`</div>`
	);
}

function expectedItinerary(r: Reservation): RawItinerary {
	return {
		segments: [
			{
				from: r.from,
				to: r.to,
				departs: {date: r.depDate, time: r.depTime},
				...(r.arr ? {arrives: {date: r.arr.date, time: r.arr.time}} : {}),
				flight: `${r.carrier}${r.flight}`,
			},
		],
	};
}

type Edit = {at: number; kind: 'insert' | 'delete' | 'replace'; char: string};
const edit: fc.Arbitrary<Edit> = fc.record({
	at: fc.nat(),
	kind: fc.constantFrom('insert', 'delete', 'replace'),
	char: fc.oneof(
		fc.constantFrom(...'{}[]",:<>/="\'\\ -!'.split(''), '@type', 'itemscope ', 'itemprop="', '</div>', '<div itemscope>'),
		fc.string({unit: 'binary', minLength: 1, maxLength: 1}),
	),
});
function mutate(text: string, edits: Edit[]): string {
	let s = text;
	for (const e of edits) {
		const at = s.length === 0 ? 0 : e.at % (s.length + (e.kind === 'insert' ? 1 : 0));
		if (e.kind === 'insert') s = s.slice(0, at) + e.char + s.slice(at);
		else if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + 1);
		else s = s.slice(0, at) + e.char + s.slice(at + 1);
	}
	return s;
}

/** A JSON-LD script body: generated, real-shaped and then edited, raw JSON, or wrapped the way mail templates hide it. */
const jsonLdBody = fc.oneof(
	jsonLd.map((n) => JSON.stringify(n)),
	fc.array(jsonLd, {maxLength: 3}).map((a) => JSON.stringify(a)),
	fc.tuple(reservation, fc.array(edit, {maxLength: 6})).map(([r, e]) => mutate(JSON.stringify(reservationJson(r)), e)),
	fc.json({maxDepth: 4}),
	fc.string({maxLength: 100}),
	fc.tuple(jsonLd, fc.constantFrom(['<!--', '-->'], ['<![CDATA[', ']]>'], ['', ''])).map(([n, [a, b]]) => `${a}${JSON.stringify(n)}${b}`),
);
const scriptType = fc.constantFrom('application/ld+json', ' Application/LD+JSON ', 'application/json', 'text/javascript', '');

// ---------------------------------------------------------------------------------------------------------------
// Microdata trees

const IDS = ['a', 'b', 'c', 'd'];
// No <iframe>: jsdom builds a whole window for each, which would be most of the run; <embed> takes the same `src` rule.
const TAGS = [
	'div',
	'span',
	'meta',
	'time',
	'a',
	'link',
	'img',
	'data',
	'meter',
	'object',
	'p',
	'table',
	'td',
	'embed',
	'source',
	'video',
	'audio',
	'area',
];
type El = {tag: string; attrs: [string, string | null][]; text: string; children: El[]};
const element: fc.Arbitrary<El> = fc.letrec<{el: El}>((tie) => ({
	el: fc.record({
		tag: fc.constantFrom(...TAGS),
		attrs: fc.array(
			fc.oneof(
				fc.constant<[string, string | null]>(['itemscope', null]),
				fc.tuple(
					fc.constant('itemtype'),
					fc.array(typeSpelling, {maxLength: 2}).map((t) => t.join(' ')),
				),
				fc.tuple(
					fc.constant('itemprop'),
					fc.array(propName, {maxLength: 2}).map((t) => t.join(' ')),
				),
				fc.tuple(
					fc.constant('itemref'),
					fc.subarray(IDS).map((t) => t.join(' ')),
				),
				fc.tuple(fc.constant('id'), fc.constantFrom(...IDS)),
				fc.tuple(fc.constantFrom('content', 'datetime', 'href', 'src', 'value', 'data'), leafString),
			),
			{maxLength: 5},
		),
		text: leafString,
		// Three levels are enough for item → property item → its property; deeper random trees only cost jsdom time.
		children: fc.oneof(
			{maxDepth: 3, depthIdentifier: 'tree'},
			fc.constant<El[]>([]),
			fc.array(tie('el'), {maxLength: 3, depthIdentifier: 'tree'}),
		),
	}),
})).el;
function renderEl(e: El): string {
	const attrs = e.attrs.map(([k, v]) => (v === null ? ` ${k}` : ` ${k}="${attr(v)}"`)).join('');
	return `<${e.tag}${attrs}>${html(e.text)}${e.children.map(renderEl).join('')}</${e.tag}>`;
}

// The 5 kB captures (with CSS that jsdom parses) cost several times a generated page, so they come up less often.
const documentHtml = fc.oneof(
	{
		weight: 3,
		arbitrary: fc
			.array(fc.tuple(scriptType, jsonLdBody), {minLength: 1, maxLength: 3})
			.map((blocks) => blocks.map(([t, b]) => `<script type="${attr(t)}">${b}</script>`).join('\n')),
	},
	{weight: 3, arbitrary: fc.array(element, {minLength: 1, maxLength: 3}).map((els) => els.map(renderEl).join(''))},
	{weight: 1, arbitrary: fc.tuple(fc.constantFrom(...CAPTURES), fc.array(edit, {maxLength: 10})).map(([c, e]) => mutate(c, e))},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom(...CAPTURES), fc.double({min: 0, max: 1, noNaN: true}))
			.map(([c, f]) => c.slice(0, Math.floor(f * c.length))),
	},
	{weight: 2, arbitrary: fc.tuple(reservation, fc.array(edit, {maxLength: 6})).map(([r, e]) => mutate(reservationMicrodata(r), e))},
);

// ---------------------------------------------------------------------------------------------------------------

/** What the normaliser expects from the reader: non-empty legs with trimmed ends and ISO date and clock parts. */
function expectShape(result: RawItinerary[]) {
	for (const itinerary of result) {
		expect(itinerary.segments.length).toBeGreaterThan(0);
		for (const s of itinerary.segments) {
			for (const end of [s.from, s.to]) {
				expect(end.length).toBeGreaterThan(0);
				expect(end).toBe(end.trim());
			}
			for (const t of [s.departs, s.arrives]) {
				if (!t) continue;
				expect(t.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
				if (t.time !== undefined) expect(t.time).toMatch(/^\d{2}:\d{2}$/);
			}
		}
	}
}

function runPipeline(result: RawItinerary[]) {
	for (const raw of result) {
		const n = normalizeItinerary(raw, '2026-01-10', rules);
		if (!n.ok) continue;
		const v = validateTrip({passports: ['FR'], segments: n.segments}, rules);
		if (v.ok) evaluateTrip(v.trip, rules, {today: '2026-01-10'});
	}
}

/**
 * jsdom is the cost here (a fresh DOMParser document is ~5 ms in vitest), so every run reuses this document's body:
 * innerHTML replaces all of it, and a page's <head> content lands in the body, which the reader does not care about.
 */
function load(markup: string): HTMLElement {
	document.body.innerHTML = markup;
	return document.body;
}

describe('extractStructuredData under fuzzing', () => {
	it(
		'never throws on random JSON-LD, microdata and mutated captures, and gives the normaliser well-formed legs',
		() => {
			fc.assert(
				fc.property(documentHtml, (markup) => {
					const body = load(markup);
					const result = extractStructuredData(body);
					expectShape(result);
					runPipeline(result);
					// The root is only where to look: the same nodes moved into a fragment read the same.
					const fragment = document.createDocumentFragment();
					fragment.append(...Array.from(body.childNodes));
					expect(extractStructuredData(fragment)).toEqual(result);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads a well-formed reservation exactly, and once when the page carries it as JSON-LD and as microdata',
		() => {
			fc.assert(
				fc.property(reservation, fc.constantFrom('json-ld', 'microdata', 'both', 'twice'), (r, how) => {
					const ld = `<script type="application/ld+json">${JSON.stringify(reservationJson(r))}</script>`;
					const md = reservationMicrodata(r);
					const markup = how === 'json-ld' ? ld : how === 'microdata' ? md : how === 'both' ? ld + md : ld + ld;
					expect(extractStructuredData(load(markup))).toEqual([expectedItinerary(r)]);
				}),
				params,
			);
		},
		TIMEOUT,
	);

	it(
		'reads a whole parsed document too, head included',
		() => {
			// A smaller sample through DOMParser: the HTML4 captures keep their <meta itemprop> in <head> only this way.
			fc.assert(
				fc.property(documentHtml, (markup) => {
					const result = extractStructuredData(new DOMParser().parseFromString(markup, 'text/html'));
					expectShape(result);
					runPipeline(result);
				}),
				{...params, numRuns: Math.ceil(RUNS / 10)},
			);
		},
		TIMEOUT,
	);
});
