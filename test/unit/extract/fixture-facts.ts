/**
 * The saved texts, GDS displays and e-mails (test/fixtures/{text,gds,email,etickets}) and the facts read off each by
 * hand: shared by their runner (text-fixtures.test.ts) and by `npm run facts` (scripts/fixture-facts.ts), which adds
 * the site pages' expected.json. Every input with a `<name>.hand-read.json` beside it goes through the pipeline a user
 * gets (lib/detect: an .html as a page no adapter knows, a text or .eml as pasted into the popup), and each segment
 * read by hand is four facts (route, flight, local departure, local arrival): a fact the hand-read record does not
 * state is not counted unless the pipeline makes one up, which counts as a fact missed.
 *
 * The hand-read files keep their own name (not `expected.json`): test/dom/adapter-harness.ts takes every
 * `*.expected.json` under test/fixtures for a site page of an adapter's.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {JSDOM, VirtualConsole} from 'jsdom';
import {z} from 'zod';
import {detectDocument, detectText} from '../../../lib/detect';
import type {SegmentInput} from '../../../lib/itinerary';
import {loadRules} from '../../../lib/rules/load-rules';

/** The kinds the closing figures are given by: copied site text counts with the site pages. */
export const KINDS = ['site', 'gds', 'e-ticket', 'e-mail', 'chinese'] as const;
export type Kind = (typeof KINDS)[number];

const code = z.string().regex(/^[A-Z0-9]{3}$/);
const local = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
const HandSegment = z.strictObject({
	from: code,
	to: code,
	departure: local.optional(),
	arrival: local.optional(),
	flight: z.string().optional(),
});
export type HandSegment = z.infer<typeof HandSegment>;

export const HandReadSchema = z.strictObject({
	kind: z.enum(KINDS),
	/** Written for this project (test/fixtures/SOURCES.md says so): checked, but left out of the real fixtures' figures. */
	synthetic: z.literal(true).optional(),
	/** The lines of the input the values were read from, quoted. */
	notes: z.array(z.string().min(1)).min(1),
	/** The date year-less dates resolve against; default: the first segment's departure date. */
	referenceDate: z.iso.date().optional(),
	/** Every flight the input holds, in its order; none for a negative. */
	segments: z.array(HandSegment),
	/** Airports the dataset cannot hold, with why: their legs' routes are listed, not required. */
	unreachable: z.record(code, z.string()).optional(),
	/**
	 * Facts the pipeline is known to miss (as the runner names them: `segment 5 SFO→LHR UA901: arrival`), with why: the
	 * runner lets them pass while they are missed and fails once one is found, so the list stays true; the figures
	 * count them as missed.
	 */
	knownMisses: z.record(z.string(), z.string()).optional(),
});
export type HandRead = z.infer<typeof HandReadSchema>;

export type FixtureCase = {folder: string; name: string; input: string; expected: HandRead};

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const FOLDERS = ['text', 'gds', 'email', 'etickets'];
const INPUTS = ['.txt', '.eml', '.html'];

/** Every input under the text folders with its hand-read record. Inputs without one are listed by `unread`. */
export function fixtureCases(): FixtureCase[] {
	return FOLDERS.filter((d) => existsSync(new URL(`${d}/`, FIXTURES))).flatMap((folder) =>
		readdirSync(new URL(`${folder}/`, FIXTURES))
			.filter((f) => f.endsWith('.hand-read.json'))
			.map((f) => {
				const name = f.replace(/\.hand-read\.json$/, '');
				const input = INPUTS.map((ext) => `${folder}/${name}${ext}`).find((p) => existsSync(new URL(p, FIXTURES)));
				if (!input) throw new Error(`${folder}/${f}: no ${INPUTS.join(', ')} input beside it`);
				const expected = HandReadSchema.parse(JSON.parse(readFileSync(new URL(`${folder}/${f}`, FIXTURES), 'utf8')));
				return {folder, name, input, expected};
			}),
	);
}

/** Inputs in the text folders that have no hand-read record (yet). */
export function unread(): string[] {
	const read = new Set(fixtureCases().map((c) => c.input));
	// A copy of a text read by hand in another folder (kept where a parser's test takes it as a negative example,
	// test/fixtures/SOURCES.md) has its facts there: the same text after its `# source:` line.
	const body = (p: string) => {
		const text = readFileSync(new URL(p, FIXTURES), 'utf8');
		return text.startsWith('# source:') ? text.slice(text.indexOf('\n') + 1) : text;
	};
	const readBodies = new Set([...read].map(body));
	return FOLDERS.filter((d) => existsSync(new URL(`${d}/`, FIXTURES))).flatMap((folder) =>
		readdirSync(new URL(`${folder}/`, FIXTURES))
			.filter((f) => INPUTS.some((ext) => f.endsWith(ext)))
			.map((f) => `${folder}/${f}`)
			.filter((p) => !read.has(p) && !readBodies.has(body(p))),
	);
}

const rules = loadRules();

export const referenceDateOf = (expected: HandRead): string =>
	expected.referenceDate ?? expected.segments[0]?.departure?.slice(0, 10) ?? new Date().toISOString().slice(0, 10);

/** The segments the pipeline finds in an input, every itinerary's in order. */
export function detectFixture(c: FixtureCase): SegmentInput[] {
	const raw = readFileSync(new URL(c.input, FIXTURES), 'utf8');
	// Each saved text names its source on its first line; that line is ours, not the input's.
	const text = raw.startsWith('# source:') ? raw.slice(raw.indexOf('\n') + 1) : raw;
	const date = referenceDateOf(c.expected);
	const parse = (html: string, url = 'https://example.invalid/') =>
		new JSDOM(html, {url, virtualConsole: new VirtualConsole()}).window.document;
	const detection = c.input.endsWith('.html')
		? detectDocument(parse(text), new URL('https://example.invalid/'), date, rules)
		: detectText(text, date, rules, (html) => parse(html));
	return detection.itineraries.flatMap((i) => i.segments);
}

export type Facts = {found: number; total: number; missing: string[]};

type Wanted = {from: string; to: string; departure?: string; arrival?: string; flight?: string};

/**
 * Hand-read segments against found ones. Each wanted segment is paired with a found one of the same flight, else of
 * the same route (the nearest in order), each found segment used once. A wanted segment's facts: its route, and its
 * flight, departure and arrival where it states them; a found value for a fact the input does not state is a wrong
 * fact. Found segments nobody wanted count as their four facts, missed. `optional` routes (unreachable airports) are
 * counted but not listed as missing.
 */
export function countFacts(wanted: Wanted[], found: Partial<SegmentInput>[], optionalRoute: (w: Wanted) => boolean = () => false): Facts {
	const used = new Set<number>();
	const pick = (test: (f: Partial<SegmentInput>) => boolean): number => found.findIndex((f, j) => !used.has(j) && test(f));
	const facts: Facts = {found: 0, total: 0, missing: []};
	for (const [i, w] of wanted.entries()) {
		let j = w.flight ? pick((f) => f.flight === w.flight && f.from === w.from) : -1;
		if (j < 0 && w.flight) j = pick((f) => f.flight === w.flight);
		if (j < 0)
			j = pick((f) => f.from === w.from && f.to === w.to && (f.departure ?? '').slice(0, 10) === (w.departure ?? '').slice(0, 10));
		if (j < 0) j = pick((f) => f.from === w.from && f.to === w.to);
		if (j >= 0) used.add(j);
		const got = j >= 0 ? found[j]! : {};
		const label = `segment ${i + 1} ${w.from}→${w.to}${w.flight ? ` ${w.flight}` : ''}`;
		const check = (fact: string, ok: boolean, required = true) => {
			facts.total++;
			if (ok) facts.found++;
			else if (required) facts.missing.push(`${label}: ${fact}`);
		};
		check('route', got.from === w.from && got.to === w.to, !optionalRoute(w));
		for (const key of ['flight', 'departure', 'arrival'] as const) {
			if (w[key] !== undefined) check(key, got[key] === w[key]);
			else if (got[key] !== undefined) check(`${key} ${got[key]} that the input does not state`, false);
		}
	}
	for (const [j, f] of found.entries()) {
		if (used.has(j)) continue;
		facts.total += 4;
		facts.missing.push(`found ${f.from}→${f.to} ${f.flight ?? ''} ${f.departure ?? ''}, which the input does not hold`);
	}
	return facts;
}

/** One fixture's facts: its hand-read record against what the pipeline finds. */
export function factsOf(c: FixtureCase): Facts {
	const unreachable = c.expected.unreachable ?? {};
	return countFacts(c.expected.segments, detectFixture(c), (w) => w.from in unreachable || w.to in unreachable);
}
